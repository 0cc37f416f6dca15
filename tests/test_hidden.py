"""Invisible characters inside ids and references, and escapes inside double quotes, named where they are."""

from __future__ import annotations

import pytest

from cjm.loader import Document, parse_text
from cjm.pipeline import check_document

HEAD = "cjm: 1\ntitle: T\nstages:\n  - name: A\n    touchpoints:\n"


def _check(text: str) -> list[tuple[int, int, str, str]]:
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    result = check_document(document)
    return [(d.line, d.column, d.code, d.message) for d in result.diagnostics if d.code[3] in "123"]


@pytest.mark.parametrize(
    ("char", "name"),
    [("\u200b", "a zero-width space (U+200B)"), ("\u00ad", "a soft hyphen (invisible) (U+00AD)"), ("\ufeff", "a byte")],
)
def test_an_invisible_character_inside_an_id_is_named_at_its_column_and_references_still_resolve(
    char: str, name: str
) -> None:
    text = HEAD + f"      - id: ca{char}rt\n        name: Cart\n        channel: web\n        next: [{{to: pay}}]\n"
    text += f"      - id: pay\n        name: Pay\n        channel: web\n        next: [{{to: cart{char}}}]\n"
    found = _check(text)
    assert [(line, column, code) for line, column, code, _ in found] == [(6, 15, "CJM114"), (13, 25, "CJM114")]
    assert found[0][3].startswith(f"{name}") and "inside the id `cart`" in found[0][3]


def test_a_no_break_space_after_a_channel_reference_and_an_escaped_one() -> None:
    text = HEAD + '      - name: X\n        channel: web\u00a0\n      - name: Y\n        channel: "web\\u200b"\n'
    found = _check(text)
    assert [(line, column, code) for line, column, code, _ in found] == [(7, 21, "CJM114"), (9, 18, "CJM114")]
    assert "non-breaking space (U+00A0) inside the id `web`" in found[0][3]


def test_invisible_characters_in_free_text_are_kept_as_typed() -> None:
    text = HEAD + '      - name: "Payer\u00a0: carte\u00ad bleue"\n        channel: web\n'
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    result = check_document(document)
    assert not [d for d in result.diagnostics if d.severity == "error"]
    assert result.journey is not None
    assert result.journey.stages[0].touchpoints[0].name == "Payer\u00a0: carte\u00ad bleue"


@pytest.mark.parametrize(
    ("value", "where", "escape"),
    [
        ('"Hotline\\nthen press 1"', (2, 16), "\\n"),
        ('"C:\\temp"', (2, 11), "\\t"),
        ('"bell \\x07"', (2, 14), "\\x07"),
        ('"tab \\u0009 here"', (2, 13), "\\u0009"),
        ('"first \\\n  then\\r"', (3, 7), "\\r"),
    ],
)
def test_an_escape_that_makes_a_control_character_is_a_warning_at_the_escape(
    value: str, where: tuple[int, int], escape: str
) -> None:
    text = f"cjm: 1\ntitle: {value}\nstages:\n  - name: A\n"
    found = [entry for entry in _check(text) if entry[2] == "CJM123"]
    assert [(line, column) for line, column, _, _ in found] == [where]
    assert found[0][3].startswith(f"`{escape}` inside double quotes is YAML's escape for ")


@pytest.mark.parametrize(
    "value", ['"Caf\\u00e9"', '"a \\\\n b"', '"say \\"hi\\""', "'single \\n stays'", "|\n  two\n  lines"]
)
def test_escapes_that_make_the_visible_character_meant_say_nothing(value: str) -> None:
    text = f"cjm: 1\ntitle: {value}\nstages:\n  - name: A\n"
    assert [entry for entry in _check(text) if entry[2] == "CJM123"] == []
