"""The indentation reading behind syntax errors: what each line is, which lines are text, not structure."""

from __future__ import annotations

from cjm.indentation import content_lines, parse_line


def test_parse_line() -> None:
    item = parse_line(4, "    - name: Cart  # the first")
    assert (item.indent, item.item, item.key, item.key_column, item.has_value) == (4, True, "name", 6, True)
    opener = parse_line(1, "  touchpoints:")
    assert (opener.key, opener.has_value, opener.block_scalar) == ("touchpoints", False, False)
    assert parse_line(2, "description: >-").block_scalar
    text = parse_line(3, "      - Is it free?")
    assert (text.item, text.key, text.has_value) == (True, None, True)


def test_content_lines_skip_text_blocks_and_continued_values() -> None:
    source = [
        "objective: >",
        "  a block of text: with a colon",
        "",
        "title: a plain value",
        "  continued: on a deeper line",
        "# a comment",
        "stages:",
        "  - Cart",
        "    continued item text",
        "  - name: Pay",
    ]
    assert [(line.number, line.key) for line in content_lines(source)] == [
        (1, "objective"),
        (4, "title"),
        (7, "stages"),
        (8, None),
        (10, "name"),
    ]
