"""`cjm rules` and `cjm schema`: the tables of diagnostic codes and of the file format, for people and tools."""

from __future__ import annotations

import sys
from collections.abc import Callable

RULES_FORMATS = ("text", "json", "md")
SCHEMA_FORMATS = ("json", "md")


def rules(output_format: str) -> None:
    """Print every diagnostic code with what it means: text, json or md (`output_format`, checked by the caller)."""
    from cjm import rules as table

    printers: dict[str, Callable[[], str]] = {
        "text": table.rules_text,
        "json": table.rules_json,
        "md": table.rules_markdown,
    }
    sys.stdout.write(printers[output_format]())


def schema(output_format: str) -> None:
    """Print the JSON Schema of journey files (json) or the format reference page (md)."""
    from cjm.schema import format_reference, journey_schema_text

    printers: dict[str, Callable[[], str]] = {"json": journey_schema_text, "md": format_reference}
    sys.stdout.write(printers[output_format]())
