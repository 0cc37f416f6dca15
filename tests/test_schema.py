"""The committed JSON Schema is exactly what `cjm schema` prints, and it describes the examples."""

from __future__ import annotations

import json

from cjm.schema import journey_schema, journey_schema_text
from tests.conftest import EXAMPLES, ROOT, run_cjm

COMMITTED = ROOT / "schemas" / "journey.schema.json"


def test_committed_schema_matches_models() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == journey_schema_text(), (
        "schemas/journey.schema.json is out of date: run `make schema`"
    )


def test_cli_prints_the_schema() -> None:
    result = run_cjm("schema")
    assert result.returncode == 0
    assert result.stdout == COMMITTED.read_text(encoding="utf-8")


def test_schema_describes_every_field_for_editor_tooltips() -> None:
    schema = journey_schema()
    undocumented = [
        f"{name}.{field}"
        for name, definition in [("Journey", schema), *schema["$defs"].items()]
        for field, spec in definition.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undocumented == []


def test_schema_allows_derived_ids_and_string_shorthands() -> None:
    definitions = journey_schema()["$defs"]
    assert "id" not in definitions["Stage"]["required"]
    assert "id" not in definitions["Touchpoint"].get("required", [])
    pain_items = definitions["Stage"]["properties"]["pain_points"]["items"]
    assert {"type": "string"}.items() <= pain_items["anyOf"][0].items()


def test_examples_point_editors_at_the_schema() -> None:
    assert EXAMPLES, "no examples found"
    for example in EXAMPLES:
        first = example.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schemas/journey.schema.json", example.name
    assert json.loads(COMMITTED.read_text(encoding="utf-8"))["title"] == "Customer journey map"


def test_format_reference_page_is_current() -> None:
    page = run_cjm("schema", "--output-format", "md").stdout
    assert page == (ROOT / "docs" / "format.md").read_text(encoding="utf-8"), "docs/format.md is stale: make docs"
    assert "| `pain_points` | list of text or PainPoint |" in page
