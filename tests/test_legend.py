"""The legend lists only what the picture draws, and wraps within its width."""

from __future__ import annotations

from cjm.renderers.legend import build_legend, legend_items
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
