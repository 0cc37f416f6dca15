"""Text as typed: numbers, years and booleans in text fields keep their source text; dropped words are warned."""

from __future__ import annotations

from typing import Any

import pytest
from ruamel.yaml import YAML

from cjm.fields import all_models
from cjm.loader import Document, parse_text
from cjm.pipeline import check_document
from cjm.source_text import flow_item, keep_source_text
from cjm.validation import validate_document


def kept(text: str) -> tuple[Any, list[tuple[str, int, int]]]:
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    kept_document, warnings = keep_source_text(document)
    return kept_document.data, [(w.code, w.line, w.column) for w in warnings]


HEAD = "cjm: 1\ntitle: T\n"


def test_plain_values_in_text_fields_are_their_source_text() -> None:
    data, warnings = kept(
        HEAD + "owner: 3900\npersona:\n  name: 1.10\n  age: 32\n  goals: 2026\n  frustrations: [true, 0x1F, 1e3]\n"
        "stages:\n  - name: 404\n    id: 404\n    duration: 5\n    emotion: 2.50\n"
        "    kpis:\n      - name: NPS\n        value: 1.10\n        unit: 2026-01-01\n"
        "reviewed: 2026-11-02\n"
    )
    assert warnings == []
    assert data["owner"] == "3900"
    assert data["persona"] == {
        "name": "1.10",
        "age": 32,
        "goals": "2026",
        "frustrations": ["true", "0x1F", "1e3"],
    }
    stage = data["stages"][0]
    assert (stage["name"], stage["id"], stage["duration"], stage["emotion"]) == ("404", "404", "5", 2.5)
    assert stage["kpis"][0] == {"name": "NPS", "value": 1.1, "unit": "2026-01-01"}
    assert str(data["reviewed"]) == "2026-11-02" and not isinstance(data["reviewed"], str)


def test_quoted_and_empty_values_are_left_as_they_are() -> None:
    data, _ = kept(HEAD + "owner: '3900'\nobjective:\nstages:\n  - name: ~\n")
    assert (data["owner"], data["objective"], data["stages"][0]["name"]) == ("3900", None, None)


def test_the_kept_text_validates_as_the_author_wrote_it() -> None:
    document = parse_text(HEAD.replace("T", "2026") + "stages:\n  - name: 1.10\n    duration: 5\n", "map.yaml")
    assert isinstance(document, Document)
    journey, diagnostics = validate_document(keep_source_text(document)[0])
    assert diagnostics == [] and journey is not None
    assert (journey.title, journey.stages[0].name, journey.stages[0].duration) == ("2026", "1.10", "5")


def test_a_comment_after_plain_text_is_warned_at_the_hash() -> None:
    _, warnings = kept(
        HEAD + "objective: Hotline #3900 then press 1\nstages:\n  - name: Cart\n    thoughts:\n"
        "      - (voir ticket #123)\n      - 'quoted' # a real comment\n    description: # todo\n"
        "    touchpoints:\n      - name: Shop\n        channel: web  # the main site\n        emotion: 2 # low\n"
    )
    assert warnings == [("CJM117", 3, 20), ("CJM117", 7, 22), ("CJM117", 9, 18)]


def test_one_text_with_separators_where_a_list_goes() -> None:
    document = parse_text(HEAD + 'persona:\n  name: S\n  goals: "Buy a gift, pay: fast; get it"\n', "map.yaml")
    assert isinstance(document, Document)
    [warning] = keep_source_text(document)[1]
    assert (warning.code, warning.line, warning.column, warning.end_column) == ("CJM118", 5, 10, 40)
    assert warning.hint is not None
    written = warning.hint.split("`")[1]
    assert YAML(typ="safe").load(written) == {"goals": ["Buy a gift", "pay: fast", "get it"]}


def test_a_dash_line_joined_into_text() -> None:
    _, warnings = kept(HEAD + "objective: Grow\n  - more sign-ups\n  - and more\nstages:\n  - name: A\n")
    assert warnings == [("CJM119", 4, 3), ("CJM119", 5, 3)]


def test_flow_items_read_back_as_themselves() -> None:
    for text in ["Buy a gift", "Why?", "pay: fast", "[draft]", "true", "12", "#1", "- x", "a, b", "L'offre", "é"]:
        assert YAML(typ="safe").load(f"[{flow_item(text)}]") == [text]


_LIST_FIELDS = [
    (model.__name__, name)
    for model in all_models()
    for name, field in model.model_fields.items()
    if "list[" in str(field.annotation)
]
_PLACES = {
    "Journey": ("", ""),
    "Persona": ("persona:\n  name: P\n", "  "),
    "Stage": ("stages:\n  - name: A\n", "    "),
    "Touchpoint": ("stages:\n  - name: A\n    touchpoints:\n      - name: X\n", "        "),
    "PainPoint": ("stages:\n  - name: A\n    pain_points:\n      - text: Slow\n", "        "),
    "Opportunity": ("stages:\n  - name: A\n    opportunities:\n      - text: Faster\n", "        "),
}


@pytest.mark.parametrize(("model", "field"), _LIST_FIELDS, ids=[f"{m}.{f}" for m, f in _LIST_FIELDS])
def test_every_list_field_given_one_text_with_commas_gets_the_list_written_out(model: str, field: str) -> None:
    head, indent = _PLACES[model]
    text = "cjm: 1\ntitle: T\n" + head + f"{indent}{field}: alpha, beta\n"
    if "stages:" not in text:
        text += "stages:\n  - name: A\n"
    line = text.split("\n").index(f"{indent}{field}: alpha, beta") + 1
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    result = check_document(document)
    [found] = [d for d in result.diagnostics if d.line == line and d.code in ("CJM204", "CJM118", "CJM301")]
    assert found.column == len(indent) + len(field) + 3
    assert found.hint is not None
    assert f"`{field}: [alpha, beta]`" in found.hint or "`- " in found.hint, found


def test_a_dash_glued_to_a_key_is_named_at_the_key() -> None:
    document = parse_text("cjm: 1\ntitle: T\nstages:\n  -name: Contact\n", "map.yaml")
    assert isinstance(document, Document)
    [found] = [d for d in check_document(document).diagnostics if d.code == "CJM121"]
    assert (found.line, found.column) == (4, 3)
    assert found.message.startswith("`-name:` has no space after `-`")
    assert found.hint == "write `- name:`, with a space after the `-`"


@pytest.mark.parametrize(
    "line",
    [
        "    thoughts: [Enfin : je peux donner l'attestation à l'agence]",
        "    thoughts: [Pourquoi : la box, autre chose]",
        "    thoughts: [d'abord, Pourquoi : la box]",
        "    thoughts:\n      - Enfin : je peux donner l'attestation à l'agence",
        "    thoughts:\n      - Why: so slow?  # asked twice",
    ],
)
def test_text_read_as_a_key_gets_a_hint_that_fixes_it_when_followed(line: str) -> None:
    # The hint's quoted text replaces what the author typed, where it stands: the map then reads as text.
    text = f"cjm: 1\ntitle: T\nstages:\n  - name: A\n{line}\n"
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    [warning] = [d for d in check_document(document).diagnostics if d.code == "CJM122"]
    assert warning.hint is not None
    written = warning.hint.split("`", 1)[1].rsplit("`", 1)[0]
    typed = warning.message.split("`", 1)[1].split("`", 1)[0]
    fixed_line = line.replace(f"- {typed}", written) if written.startswith("- ") else line.replace(typed, written)
    assert fixed_line != line, (typed, written)
    fixed = parse_text(text.replace(line, fixed_line), "map.yaml")
    assert isinstance(fixed, Document)
    result = check_document(fixed)
    assert result.ok and not [d for d in result.diagnostics if d.code in ("CJM122", "CJM204")], result.diagnostics
