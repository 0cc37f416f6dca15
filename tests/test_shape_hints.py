"""CJM204 hints for values written as people write them: dates, numbers with units, scores out of five."""

from __future__ import annotations

import pytest

from cjm.loader import Document, parse_text
from cjm.pipeline import check_document
from cjm.shape_hints import shape_hint

MAP = """cjm: 1
title: T
reviewed: {reviewed}
stages:
  - name: A
    emotion: {emotion}
    kpis:
      - name: K
        value: {value}
        target: 25
"""
GOOD = {"reviewed": "2026-11-15", "emotion": "4", "value": "18"}


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("reviewed", "15/11/2026"),
        ("reviewed", "15.11.2026"),
        ("reviewed", "2026/11/15"),
        ("emotion", "4/5"),
        ("emotion", "4,0"),
        ("value", "18 %"),
        ("value", "18,0 %"),
        ("value", "18pts"),
    ],
)
def test_the_hint_written_back_makes_the_map_valid(field: str, typed: str) -> None:
    document = parse_text(MAP.format(**{**GOOD, field: typed}), "map.yaml")
    assert isinstance(document, Document)
    [error] = [d for d in check_document(document).diagnostics if d.code == "CJM204"]
    assert error.hint is not None and f"`{field}: " in error.hint
    written = error.hint.split(f"`{field}: ", 1)[1].split("`", 1)[0]
    fixed = parse_text(MAP.format(**{**GOOD, field: written}), "map.yaml")
    assert isinstance(fixed, Document) and check_document(fixed).ok, written


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("date_from_datetime_parsing", "last week"),
        ("date_parsing", "31/13/2026"),
        ("float_parsing", "a few"),
        ("float_parsing", "2 to 3"),
        ("model_type", None),
    ],
)
def test_no_hint_when_the_meaning_is_not_clear(kind: str, value: object) -> None:
    assert shape_hint("field", kind, value) is None


def test_text_where_fields_go_and_a_list_without_dashes_say_how_to_write_them() -> None:
    persona = shape_hint("persona", "model_type", "Camille, 34 ans")
    assert persona is not None and "`  name: Camille, 34 ans`" in persona
    items = shape_hint("touchpoints", "list_type", {"name": "Simulateur", "channel": "web"})
    assert items is not None and "`  - name: …`" in items
