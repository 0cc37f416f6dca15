"""The JSON Schema of the journey format, generated from the models.

Why generated: editors (through yaml-language-server) autocomplete and validate journey files
as people type, and the schema can never disagree with what `cjm validate` accepts.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode
from pydantic_core import CoreSchema

from cjm.model import Journey

SCHEMA_ID = "https://cjm-journeys.dev/schemas/journey.schema.json"
# Models that a plain string may stand for (`- Slow page` is `- text: Slow page`).
SHORTHAND_MODELS = ("PainPoint", "Opportunity", "Quote")
# Models whose `id` is derived from their name or text when a map leaves it out.
DERIVED_ID_MODELS = ("Stage", "Touchpoint", "PainPoint", "Opportunity")


class JourneySchemaGenerator(GenerateJsonSchema):
    """Adds `$schema`, `$id` and the string shorthands to pydantic's generated schema."""

    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> dict[str, Any]:
        result = super().generate(schema, mode=mode)
        result = _allow_shorthands(result)
        for name in DERIVED_ID_MODELS:
            definition = result["$defs"][name]
            definition["required"] = [field for field in definition["required"] if field != "id"]
        return {"$schema": self.schema_dialect, "$id": SCHEMA_ID, **result}


def _allow_shorthands(node: Any) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        name = ref.rsplit("/", 1)[-1]
        if name in SHORTHAND_MODELS and len(node) == 1:
            return {"anyOf": [{"type": "string", "description": f"Shorthand for `{{text: …}}` ({name})."}, node]}
        return {key: _allow_shorthands(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_allow_shorthands(item) for item in node]
    return node


def journey_schema() -> dict[str, Any]:
    """The JSON Schema of a journey file, as a dict."""
    return Journey.model_json_schema(schema_generator=JourneySchemaGenerator)


def journey_schema_text() -> str:
    """The JSON Schema as the text `cjm schema` prints and `schemas/journey.schema.json` holds."""
    return json.dumps(journey_schema(), indent=2, ensure_ascii=False) + "\n"
