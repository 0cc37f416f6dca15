"""The pre-parse scan: pasted characters in the structure are found at their position, text is left alone."""

from __future__ import annotations

import pytest

from cjm.fields import known_keys
from cjm.prescan import MAX_DEPTH, MAX_VALUES, repair, scan


def kinds(text: str) -> list[tuple[str, int, int]]:
    return [(finding.kind, finding.line, finding.column) for finding in scan(text, known_keys())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("persona:\n\u00a0 name: Sarah\n", [("invisible", 2, 1)]),
        ("persona:\n  name:\u00a0Sarah\n", [("invisible", 2, 8)]),
        ("objective\u202f: x\n", [("invisible", 1, 10)]),
        ("stages:\n  - \u200bname: A\n", [("invisible", 2, 5)]),
        ("stages:\n\u3000- name: A\n", [("invisible", 2, 1)]),
        ("title: T\n  \ufeffowner: x\n", [("invisible", 2, 3)]),
        ("goals:\n  – Buy\n  • Pay\n  — Ship\n", [("dash", 2, 3), ("dash", 3, 3), ("dash", 4, 3)]),
        ("name：Sarah\n", [("colon", 1, 5)]),
        ("title: a\u2028b\n", [("separator", 1, 9)]),
    ],
)
def test_pasted_characters_in_the_structure(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'objective: "Cut\u00a0: abandonment"\n',
        "owner: Équipe\u00a0web\n",
        "thoughts:\n  - Prix à 10\u00a0€\n  - '\u00a0 quoted: fine'\n",
        "description: |\n  \u00a0 free text\u00a0: kept\n\n  \u00a0\n",
        "thoughts:\n  - Pourquoi\u00a0: les frais\n",
        "text: Paiement – refusé\n",
        "# a comment\u00a0with\u00a0spaces\ntitle: T  # \u00a0\n",
        'quote: "multi\n  \u00a0line: quoted"\n',
        "tags: [a\u00a0b, 'c\u00a0: d']\n",
    ],
)
def test_text_keeps_its_characters(text: str) -> None:
    assert kinds(text) == []


def test_an_unknown_key_with_an_invisible_character_is_left_to_validation() -> None:
    assert kinds("colour\u00a0: red\n") == []


def test_a_no_break_space_that_ends_a_block_of_text_is_in_the_structure() -> None:
    assert kinds("description: |\n  text\n\u00a0\n") == [("invisible", 3, 1)]


def test_depth_is_bounded_in_flow_and_block_style() -> None:
    flow = "tags: " + "[" * 50_000 + "]" * 50_000
    [finding] = scan(flow)
    assert (finding.kind, finding.line, finding.column) == ("depth", 1, 7 + MAX_DEPTH - 1)
    block = "".join(" " * level + "k:\n" for level in range(2_000))
    [finding] = scan(block)
    assert (finding.kind, finding.line) == ("depth", MAX_DEPTH + 1)
    dashes = "- " * 50_000 + "x\n"
    assert [f.kind for f in scan(dashes)] == ["depth"]
    assert scan("".join(" " * level + "k:\n" for level in range(MAX_DEPTH))) == []


def test_too_many_values_stop_the_scan() -> None:
    [finding] = scan("stages:\n" + "  - a\n" * (MAX_VALUES + 5))
    assert (finding.kind, finding.line) == ("size", MAX_VALUES + 1)


def test_repair_puts_what_the_author_meant_in_place() -> None:
    text = "persona:\n\u00a0 name：Sarah\n  goals:\n    – Buy\n  \u200bage: 3\n"
    findings = scan(text, known_keys())
    assert [f.kind for f in findings] == ["invisible", "colon", "dash", "invisible"]
    assert repair(text, findings) == "persona:\n  name: Sarah\n  goals:\n    - Buy\n  age: 3\n"
