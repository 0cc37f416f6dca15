"""The legend lists only what the picture draws, and wraps within its width."""

from __future__ import annotations

from cjm.renderers.curve import Column, build_curve
from cjm.renderers.legend import build_legend, curve_use, legend_items
from tests.journeys import journey


def test_only_used_marks_are_listed() -> None:
    main = journey(2)
    assert legend_items(main, None, set()) == []
    marks = [mark for mark, _ in legend_items(main, None, {"curve", "band.0", "star"})]
    assert marks == ["line", "neutral-line", "band-0", "star"]
    with_baseline = [mark for mark, _ in legend_items(main, journey(2), {"curve", "baseline"})]
    assert with_baseline == ["line", "dashed-line", "neutral-line"]


def test_entries_wrap_within_the_width() -> None:
    used = {"curve", "low", "star", "check", "cross", "no-evidence", *(f"band.{b}" for b in range(5))}
    legend = build_legend(journey(2), None, used, 10.0, 100.0, 300.0)
    assert legend.heading is not None and len(legend.entries) == 12
    assert all(entry.x >= 10.0 and entry.x + entry.width <= 310.0 for entry in legend.entries)
    assert legend.height > 18 * 2
    assert build_legend(journey(2), None, set(), 0.0, 0.0, 100.0).height == 0


def test_measured_and_assumed_points_are_explained_only_when_the_map_says_where_scores_come_from() -> None:
    main = journey(2)
    both = legend_items(main, None, {"curve", "source.measured", "source.assumed"})
    assert [mark for mark, _ in both if mark.startswith("point-")] == ["point-measured", "point-assumed"]
    assert ("point-measured", "Measured score") in both
    unstated = dict(legend_items(main, None, {"curve", "source.assumed", "source.none"}))
    assert unstated["point-measured"] == "Score, source not stated"
    only_assumed = [mark for mark, _ in legend_items(main, None, {"curve", "source.assumed"})]
    assert "point-assumed" in only_assumed and "point-measured" not in only_assumed
    assert not any(mark.startswith("point-") for mark, _ in legend_items(main, None, {"curve", "source.none"}))
    mixed = [mark for mark, _ in legend_items(main, None, {"curve", "source.measured", "source.none"})]
    assert not any(mark.startswith("point-") for mark in mixed)


def test_a_curve_says_what_it_draws() -> None:
    main = journey(2).model_copy(update={"emotion_source": "assumed"})
    curve = build_curve(main, [Column(0, 100), Column(100, 100)], 0, 50)
    used = curve_use(curve)
    assert {"curve", "source.assumed", "low"} <= used and "source.measured" not in used and "source.none" not in used


def test_marked_steps_are_explained() -> None:
    marks = [mark for mark, _ in legend_items(journey(2), None, {"switch-arrow", "branch-arrow", "loop-arrow"})]
    assert marks == ["switch-arrow", "branch-arrow", "loop-arrow"]
