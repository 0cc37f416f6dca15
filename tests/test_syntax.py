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


def typing_mistakes(line: str) -> dict[str, str]:
    """The mistakes people make typing one `key: value` or `- item` line, by kind."""
    found: dict[str, str] = {}
    if ": " in line:
        found["no colon"] = line.replace(": ", " ", 1)
        found["no space after the colon"] = line.replace(": ", ":", 1)
        key, value = line.split(": ", 1)
        if value[:1] not in "\"'[{|>&*" and value.strip():
            found["quote left open"] = f'{key}: "{value}'
            found["colon in text"] = f"{key}: {value}: more"
            found["tab"] = "\t" + line.lstrip(" ")
            found["bracket left open"] = f"{key}: [{value}"
            found["starts with a star"] = f"{key}: *{value}"
    if line.lstrip(" ").startswith("- "):
        found["dash glued"] = line.replace("- ", "-", 1)
    return found


def test_typing_mistakes_of_every_kind_are_explained_at_their_line() -> None:
    lines = FRENCH.read_text(encoding="utf-8").split("\n")
    explained = 0
    for index in range(1, len(lines), 5):
        for kind, mistake in typing_mistakes(lines[index]).items():
            result = parse_text("\n".join([*lines[:index], mistake, *lines[index + 1 :]]), "map.yaml")
            if not isinstance(result, Unreadable):
                continue  # some mistakes still read as valid YAML: the schema and the warnings take over
            [diagnostic] = result.diagnostics
            assert not diagnostic.message.startswith("YAML syntax error"), (kind, index + 1, diagnostic.message)
            assert abs(diagnostic.line - (index + 1)) <= 3, (kind, index + 1, diagnostic.line, diagnostic.message)
            explained += 1
    assert explained > 100


@pytest.mark.parametrize(
    ("line", "column", "escape", "hint"),
    [
        ('owner: "C:\\Users\\sav"', 11, "\\U", "`owner: 'C:\\Users\\sav'`"),
        ('owner: "50\\% de remise"', 11, "\\%", "`owner: '50\\% de remise'`"),
        ('tags: ["50\\% off", x]', 11, "\\%", "`'50\\% off'`"),
        ('  - "l\'offre \\q"', 14, "\\q", "`'l''offre \\q'`"),
    ],
)
def test_a_backslash_yaml_cannot_read_in_double_quotes_is_named_not_taken_for_an_unclosed_quote(
    line: str, column: int, escape: str, hint: str
) -> None:
    text = "cjm: 1\ntitle: T\n" + (f"tags:\n{line}\n" if line.startswith("  -") else line + "\n")
    result = parse_text(text + "stages:\n  - name: A\n", "map.yaml")
    assert isinstance(result, Unreadable)
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.column, diagnostic.end_column) == ("CJM105", column, column + 1)
    assert diagnostic.message.startswith(f"`{escape}` inside double quotes: a backslash there starts an escape")
    assert diagnostic.hint is not None and diagnostic.hint.endswith(hint)
