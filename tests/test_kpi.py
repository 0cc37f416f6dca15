"""The one judgement of a KPI against its target, shared by the HTML page, the Markdown report and the diff."""

from __future__ import annotations

import pytest

from cjm.kpi import improved, on_target
from cjm.model import KPI


@pytest.mark.parametrize(
    ("better", "value", "target", "expected"),
    [
        ("higher", 5, 4, True),
        ("higher", 4, 4, True),
        ("higher", 3, 4, False),
        ("lower", 3, 4, True),
        ("lower", 4, 4, True),
        ("lower", 5, 4, False),
        ("higher", None, 4, None),
        ("lower", 3, None, None),
        # Direction not stated: no judgement, except a value that equals its target.
        (None, 5, 4, None),
        (None, 3, 4, None),
        (None, 4, 4, True),
    ],
)
def test_on_target(better: str | None, value: float | None, target: float | None, expected: bool | None) -> None:
    assert on_target(KPI.model_validate({"name": "K", "value": value, "target": target, "better": better})) is expected


def test_a_kpi_left_without_direction_states_none() -> None:
    assert KPI.model_validate({"name": "NPS", "value": 30, "target": 40}).better is None


@pytest.mark.parametrize(
    ("before", "after", "better", "expected"),
    [
        (3, 4, "higher", True),
        (3, 4, "lower", False),
        (4, 3, "lower", True),
        (3, 3, "higher", None),
        (None, 3, "higher", None),
        (3, 4, None, None),
    ],
)
def test_improved(before: float | None, after: float | None, better: str | None, expected: bool | None) -> None:
    assert improved(before, after, better) is expected
