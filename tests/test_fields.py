"""The format's fields as data: the model a path lands in, whether a value has a field's shape, its kind."""

from __future__ import annotations

from typing import Any

import pytest

from cjm.fields import all_models, field_fits, kind_at, known_keys, model_at, noun, shape, the
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


def test_shape_says_what_a_field_takes() -> None:
    assert shape(Touchpoint.model_fields["emotion"].annotation) == "a number"
    assert shape(Touchpoint.model_fields["kind"].annotation) == "one of: owned, earned, paid"
    assert shape(Touchpoint.model_fields["moment_of_truth"].annotation) == "yes or no (true or false)"
    assert shape(Persona.model_fields["age"].annotation) == "a whole number"
    assert shape(Stage.model_fields["touchpoints"].annotation) == "a list"
    assert shape(Journey.model_fields["reviewed"].annotation) == "a date (YYYY-MM-DD)"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (("title",), "text"),
        (("owner",), "text"),
        (("reviewed",), "other"),
        (("cjm",), "other"),
        (("persona", "name"), "text"),
        (("persona", "age"), "other"),
        (("persona", "goals"), "text-list"),
        (("persona", "goals", 3), "text"),
        (("persona", "channels"), "other"),
        (("persona", "channels", 0), "text"),
        (("emotion_scale", "labels", 5), "text"),
        (("emotion_scale", "min"), "other"),
        (("stages",), "other"),
        (("stages", 0), "model"),
        (("stages", 2, "name"), "text"),
        (("stages", 2, "id"), "text"),
        (("stages", 2, "emotion"), "other"),
        (("stages", 0, "touchpoints", 1, "moment_of_truth"), "other"),
        (("stages", 0, "touchpoints", 1, "owner"), "text"),
        (("stages", 0, "pain_points", 0), "text"),
        (("stages", 0, "pain_points", 0, "evidence"), "text-list"),
        (("stages", 0, "kpis", 0, "value"), "other"),
        (("stages", 0, "quotes", 0), "text"),
        (("nonsense", 0, "x"), "other"),
    ],
)
def test_kind_at(path: tuple[str | int, ...], kind: str) -> None:
    assert kind_at(path) == kind


def test_known_keys_are_every_field_of_every_model() -> None:
    keys = known_keys()
    assert set(Journey.model_fields) | set(Stage.model_fields) | set(Touchpoint.model_fields) <= keys
    assert {"evidence", "addresses", "labels", "digital_maturity"} <= keys
    assert "colour" not in keys
