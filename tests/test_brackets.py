"""Syntax errors in `[...]` and `{...}` lists explained: a bracket left open, one closing nothing, an item to quote."""

from __future__ import annotations

from cjm.loader import Unreadable, parse_text

HEAD = "cjm: 1\ntitle: T\n"


def _error(text: str) -> tuple[int, int, str, str | None]:
    result = parse_text(HEAD + text, "map.yaml")
    assert isinstance(result, Unreadable)
    [diagnostic] = result.diagnostics
    return diagnostic.line, diagnostic.column, diagnostic.message, diagnostic.hint


def test_a_bracket_left_open_is_named_where_it_opens() -> None:
    line, column, message, hint = _error("tags: [sav, fibre\nstages:\n  - name: A\n")
    assert (line, column) == (3, 7)
    assert message == "the `[` opened here is not closed with `]` where the parser expected it (line 4)"
    assert hint is not None and hint.startswith("close it with `]` on the same line")


def test_a_closing_bracket_that_closes_nothing() -> None:
    line, column, message, hint = _error("tags: sav]\nstages: ]\n")
    assert (line, column, hint) == (4, 9, "remove it")
    assert message == "this `]` closes nothing: no list or mapping is open here"


def test_an_item_holding_structure_is_quoted_in_the_hint() -> None:
    line, column, message, hint = _error("tags: [a, b: c: d]\nstages:\n  - name: A\n")
    assert (line, column) == (3, 7)
    assert "an item of this list holds a character YAML reads as structure" in message
    assert hint == 'quote such items: `tags: [a, "b: c: d"]`'
