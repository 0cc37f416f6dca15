"""YAML syntax errors in the author's terms: every mis-indented line of a real map is explained, never misdirected."""

from __future__ import annotations

import pytest

from cjm.loader import Unreadable, parse_text
from tests.conftest import EXAMPLES

FRENCH = next(path for path in EXAMPLES if path.name == "support-box-internet-fr.yaml")


def mutants(text: str, step: int) -> list[tuple[int, str]]:
    """Every `step`-th content line indented or dedented by one or three spaces."""
    lines = text.split("\n")
    found = []
    for index in range(0, len(lines), step):
        line = lines[index]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        for changed in (" " + line, "   " + line, line[1:] if line.startswith(" ") else None):
            if changed is not None:
                found.append((index + 1, "\n".join([*lines[:index], changed, *lines[index + 1 :]])))
    return found


@pytest.mark.parametrize("example", [FRENCH, EXAMPLES[0]], ids=lambda path: path.name)
def test_every_indentation_mistake_is_explained_near_its_line(example: object) -> None:
    text = FRENCH.read_text(encoding="utf-8") if example is FRENCH else EXAMPLES[0].read_text(encoding="utf-8")
    explained = 0
    for number, mutant in mutants(text, 7):
        result = parse_text(mutant, "map.yaml")
        if not isinstance(result, Unreadable):
            continue
        [diagnostic] = result.diagnostics
        assert diagnostic.code == "CJM105"
        assert not diagnostic.message.startswith("YAML syntax error"), (number, diagnostic.message)
        if "depth" in diagnostic.message or "indented" in diagnostic.message:
            assert "in quotes" not in (diagnostic.hint or ""), (number, diagnostic.hint)
        assert abs(diagnostic.line - number) <= 5, (number, diagnostic.line, diagnostic.message)
        explained += 1
    assert explained > 25


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("a: 1\n\tb: 2\n", 2, 1, "a tab in the indentation"),
        ('title: "Cafe" creme\n', 1, 15, "text after the closing quote"),
        ("objective: >\n    first\n  second\nx: 1\n", 3, 3, "less indented than the first line"),
        ("t: [a, b\n", 1, 4, "`[` opened here is not closed"),
        ("t: {a: 1\n", 1, 4, "`{` opened here"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "wrong depth"),
    ],
)
def test_kinds(text: str, line: int, column: int, words: str) -> None:
    result = parse_text(text, "map.yaml")
    if not isinstance(result, Unreadable):
        pytest.fail(f"{text!r} parsed")
    [diagnostic] = result.diagnostics
    assert (diagnostic.line, diagnostic.column) == (line, column), diagnostic.message
    assert words in diagnostic.message
