"""Field kinds come from the pydantic models, so the reading checks follow the format as it changes."""

from __future__ import annotations

import pytest

from cjm.fields import kind_at, known_keys
from cjm.model import Journey, Stage, Touchpoint


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
