"""What cjm shows as YAML is YAML: the code table's examples, the docs' YAML blocks and the hints parse as claimed."""

from __future__ import annotations

import re
from typing import Any

import pytest
from ruamel.yaml import YAML

from cjm.codes import RULES
from cjm.fields import known_keys
from cjm.pipeline import check_bytes
from cjm.rules import example_language, rules_markdown
from tests.conftest import ROOT

# docs/rules.md is generated from the code table, whose examples are tested one by one below.
DOCS = [ROOT / "README.md", *sorted(page for page in (ROOT / "docs").glob("*.md") if page.name != "rules.md")]
_FENCE = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)
# A backticked fragment of a hint that shows YAML: `key: value` with a key of the format, or `- item`.
_FRAGMENT = re.compile(r"`((?:- |[a-z_]+: ?)[^`]*)`")


def parse(text: str) -> Any:
    """Parse YAML text the way the loader's parser does (safe, YAML 1.2)."""
    return YAML(typ="safe").load(text)


def unknown_keys(value: Any) -> set[str]:
    """Keys of every mapping in a parsed value that are not fields of the journey format."""
    if isinstance(value, dict):
        found = {str(key) for key in value if not isinstance(key, int) and str(key) not in known_keys()}
        return found.union(*(unknown_keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(unknown_keys(item) for item in value))
    return set()


EXAMPLES = [
    (rule.code, label, example)
    for rule in RULES.values()
    for label, example in (("good", rule.good), ("bad", rule.bad))
    if example and example_language(rule.code, example) == "yaml"
]


@pytest.mark.parametrize(("code", "label", "example"), EXAMPLES, ids=[f"{c}-{label}" for c, label, _ in EXAMPLES])
def test_table_examples_shown_as_yaml_parse(code: str, label: str, example: str) -> None:
    if label == "bad" and code[3] == "1":
        return  # reading errors show broken YAML on purpose
    parsed = parse(example)
    if label == "good":
        assert unknown_keys(parsed) == set(), f"{code}'s good example reads as other keys: {example!r}"


def test_the_pain_point_evidence_example_is_a_list_of_text() -> None:
    [pain] = parse(RULES["CJM507"].good)
    assert pain["evidence"] == ["Analytics: 9 s median load"]


def test_prose_and_commands_are_not_fenced_as_yaml() -> None:
    page = rules_markdown()
    assert "```console\ncjm validate jouney.yaml" in page
    assert "```toml\n[tool.cjm]" in page
    assert "```text\na PNG renamed journey.yaml" in page


@pytest.mark.parametrize("page", DOCS, ids=[page.name for page in DOCS])
def test_docs_yaml_blocks_parse_and_maps_are_valid(page: Any) -> None:
    for block in _FENCE.findall(page.read_text(encoding="utf-8")):
        parsed = parse(block)
        if isinstance(parsed, dict) and "cjm" in parsed and "stages" in parsed:
            result = check_bytes(block.encode("utf-8"), f"{page.name} example")
            assert result.ok, [d.message for d in result.diagnostics]


def hint_fragments(hint: str) -> list[str]:
    """The YAML fragments a hint shows in backticks."""
    return [fragment for fragment in _FRAGMENT.findall(hint) if fragment.strip() not in ("-",)]


def test_yaml_in_hints_parses_as_claimed() -> None:
    hints = [
        line.split("hint: ", 1)[1]
        for expected in (ROOT / "tests" / "cases").rglob("*.expected")
        for line in expected.read_text(encoding="utf-8").splitlines()
        if line.startswith("    hint: ")
    ]
    fragments = [fragment for hint in hints for fragment in hint_fragments(hint)]
    assert len(fragments) > 10
    for fragment in fragments:
        parsed = parse(fragment)
        assert unknown_keys(parsed) == set(), f"the hint fragment `{fragment}` reads as other keys"


def test_hints_quote_text_that_holds_a_colon_or_a_comment() -> None:
    hint = '`objective: "Reduce abandonment: from 70% to 55%"` and `goals: [Buy a gift, "pay: fast"]`'
    assert [parse(fragment) for fragment in hint_fragments(hint)] == [
        {"objective": "Reduce abandonment: from 70% to 55%"},
        {"goals": ["Buy a gift", "pay: fast"]},
    ]
    assert unknown_keys(parse("evidence: [Analytics: 43% drop]")) == {"Analytics"}


@pytest.mark.parametrize(("code", "label", "example"), EXAMPLES, ids=[f"{c}-{label}" for c, label, _ in EXAMPLES])
def test_french_examples_are_the_same_yaml_in_other_words(code: str, label: str, example: str) -> None:
    # A translated example keeps its keys and its structure: only the map's words change.
    from cjm.translation import translate

    french = translate(example, "fr")
    if label == "bad" and code[3] == "1":
        assert french.count("\n") == example.count("\n")  # the same broken lines, in French
        return

    def shape(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value]
        return type(value).__name__

    assert shape(parse(french)) == shape(parse(example))


def test_rules_page_in_french_shows_french_examples() -> None:
    from cjm.translation import use_language

    use_language("fr")
    try:
        page = rules_markdown()
    finally:
        use_language("en")
    assert "```text\nun PNG renommé en journey.yaml" in page
    assert "objective: Réduire l’abandon de panier de 70\u00a0% à 55\u00a0% d’ici le 3e trimestre" in page
    assert "```yaml\ntitle: ''\n```" in page  # code without words is shown as it is


def test_yaml_in_french_messages_parses_as_claimed() -> None:
    # A French hint's backticked YAML (`ajoutez `evidence: [Entretiens (8 sur 12), …]``) is pasted as it is.
    from babel.messages.pofile import read_po

    with (ROOT / "cjm" / "locales" / "fr" / "LC_MESSAGES" / "cjm.po").open("rb") as handle:
        strings = [message.string for message in read_po(handle) if message.id and isinstance(message.string, str)]
    # A placeholder for a key stands for a real key; any other for a value.
    fragments = [
        re.sub(r"\{(\w+)\}", lambda found: "name" if found[1] in ("field", "key") else "x", fragment)
        for text in strings
        for fragment in hint_fragments(text)
    ]
    assert len(fragments) > 10
    for fragment in fragments:
        assert unknown_keys(parse(fragment)) == set(), f"the French fragment `{fragment}` reads as other keys"
