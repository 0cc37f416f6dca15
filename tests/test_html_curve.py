"""cjm.renderers.html_curve: the page's emotional curve as plain values."""

from __future__ import annotations

from typing import Any

from cjm.i18n import messages
from cjm.model import Journey
from cjm.renderers.html_curve import CURVE_BOTTOM, CURVE_TOP, build_curve


def _journey(scores: list[float | None], **extra: Any) -> Journey:
    stages = [{"name": f"S{n}", **({"emotion": score} if score is not None else {})} for n, score in enumerate(scores)]
    return Journey.model_validate({"cjm": 1, "title": "T", "stages": stages, **extra})


def test_points_gaps_and_the_lowest_point() -> None:
    curve = build_curve(_journey([4, None, 1, 5]), None, messages("en"), ":")
    assert [point.x for point in curve.points] == ["12.500%", "62.500%", "87.500%"]
    assert curve.gaps == ("37.500%",)
    assert [point.lowest for point in curve.points] == [False, True, False]
    assert curve.points[1].y == CURVE_BOTTOM and curve.points[2].y == CURVE_TOP
    assert len(curve.segments) == 1  # No line across the unscored stage.
    assert "2. S1: no emotion recorded" in curve.summary


def test_the_baseline_curve_is_matched_by_stage_id() -> None:
    now, before = _journey([4, 4]), _journey([2, 3])
    curve = build_curve(now, before, messages("en"), ":")
    assert len(curve.baseline_points) == 2 and len(curve.baseline_segments) == 1
    assert ("baseline", "Current state") in curve.legend
