"""The loader: any depth ends in a positioned diagnostic, failures keep their text, positions know value ends."""

from __future__ import annotations

from pathlib import Path

from cjm.loader import Document, Unreadable, parse_text, read_document


def codes(result: Document | Unreadable) -> list[tuple[str, int, int]]:
    assert isinstance(result, Unreadable)
    return [(d.code, d.line, d.column) for d in result.diagnostics]


def test_deep_nesting_is_a_diagnostic_at_any_depth() -> None:
    for depth in (100, 2_000, 50_000):
        flow = parse_text("cjm: 1\ntags: " + "[" * depth + "]" * depth + "\n", "deep.yaml")
        assert codes(flow) == [("CJM116", 2, 70)]
        block = parse_text("".join("  " * level + "- \n" for level in range(min(depth, 3_000))), "deep.yaml")
        assert codes(block)[0][0] == "CJM116"


def test_aliases_cannot_nest_deeper_than_the_text() -> None:
    chain = "a0: &a0 [1]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 2_000))
    assert codes(parse_text(chain, "alias.yaml"))[0][0] == "CJM116"


def test_an_unreadable_file_keeps_its_text_for_the_source_line() -> None:
    result = parse_text("cjm: 1\ntitle: [a\n", "broken.yaml")
    assert isinstance(result, Unreadable) and result.text == "cjm: 1\ntitle: [a\n"


def test_a_missing_file_has_no_position(tmp_path: Path) -> None:
    assert codes(read_document(tmp_path / "nope.yaml")) == [("CJM101", 0, 0)]
    assert codes(read_document(tmp_path)) == [("CJM102", 0, 0)]


def test_positions_know_where_a_value_ends() -> None:
    document = parse_text("title: Hotline de nuit  # comment\ntags: [a, 'b c']\n", "map.yaml")
    assert isinstance(document, Document)
    assert document.positions.end_of(1, 8) == 22
    assert document.positions.end_of(2, 7) == 16
    assert document.positions.end_of(2, 11) == 15
    source = document.scalars[("title",)]
    assert (source.text, source.plain, source.line, source.end_line, source.end_column) == (
        "Hotline de nuit",
        True,
        1,
        1,
        23,
    )


def test_pasted_characters_do_not_hide_the_other_problems() -> None:
    document = parse_text("cjm: 1\ntitle: T\npersona:\n\u00a0 name: Sarah\nstages:\n  - name: A\n", "map.yaml")
    assert isinstance(document, Document)
    assert [(d.code, d.line, d.column) for d in document.problems] == [("CJM114", 4, 1)]
    assert document.data["persona"] == {"name": "Sarah"}
    assert "\u00a0" in document.text.split("\n")[3]
