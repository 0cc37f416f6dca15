"""The format's fields as data: the model a path lands in, and whether a value has a field's shape."""

from __future__ import annotations

from typing import Any

import pytest

from cjm.fields import all_models, field_fits, model_at, noun, the
from cjm.model import KPI, Journey, Persona, Stage, Touchpoint


@pytest.mark.parametrize(
    ("model", "field", "value", "expected"),
    [
        (Touchpoint, "emotion", 2, True),
        (Touchpoint, "emotion", "happy", False),
        (Touchpoint, "emotion", True, False),
        (Touchpoint, "moment_of_truth", True, True),
        (Touchpoint, "kind", "paid", True),
        (Touchpoint, "kind", "free", False),
        (Stage, "goal", ["a"], False),
        (Stage, "actions", "one action", True),  # a list of text takes one string
        (Stage, "touchpoints", [{"name": "X"}], True),
        (Persona, "age", 32, True),
        (KPI, "better", "higher", True),
        (Stage, "duration", 5, True),  # a number typed in a text field is text
    ],
)
def test_field_fits(model: Any, field: str, value: Any, expected: bool) -> None:
    assert field_fits(model.model_fields[field], value) is expected


def test_model_at_walks_lists_and_sections() -> None:
    assert model_at(("stages", 0, "touchpoints", 1)) is Touchpoint
    assert model_at(("persona",)) is Persona
    assert model_at(("stages", 0, "name")) is None


def test_every_model_has_a_noun() -> None:
    assert [noun(model) for model in all_models()][:3] == ["the map's top level", "the emotion scale", "the persona"]
    assert all(not noun(model).startswith(model.__name__) for model in all_models())
    assert (the(Stage), the(Persona), the(Journey)) == ("the stage", "the persona", "the map's top level")
