"""The legend inside the picture, listing only what the picture draws.

Why inside: the picture travels into PDFs, slides and wiki pages without its page. Why only
what is used: a legend of marks the reader never meets (an empty curve, no moments of truth)
is noise, and a map without scores should not explain emotion colours.
"""

from __future__ import annotations

from collections.abc import Set
from typing import NamedTuple

from cjm.i18n import messages
from cjm.model import Journey
from cjm.renderers import style
from cjm.renderers.curve import Curve
from cjm.renderers.font import text_width
from cjm.renderers.layout import Card, Mark, Text, text_block

MARK_WIDTH = 22.0
ENTRY_GAP = 16.0
ROW_HEIGHT = 18.0


class Legend(NamedTuple):
    """The legend's entries, placed in rows from (x, y); `height` is 0 when there is nothing to explain."""

    x: float
    y: float
    width: float
    height: float
    heading: Text | None
    entries: tuple[Card, ...]


def curve_use(curve: Curve) -> set[str]:
    """What a drawn curve shows that the legend explains: the curve, its bands, low points, moments of truth,
    the baseline's curve, and where scores come from (`measured`, `assumed`) when the map says so."""
    if not curve.points:
        return set()
    used = {"curve", *(f"band.{point.band}" for point in curve.points)}
    used.update(f"source.{point.source or 'none'}" for point in curve.points)
    if any(point.low for point in curve.points):
        used.add("low")
    if any(point.moment_of_truth for point in curve.points):
        used.add("star")
    if curve.baseline_points:
        used.add("baseline")
    return used


def legend_items(journey: Journey, baseline: Journey | None, used: Set[str]) -> list[tuple[str, str]]:
    """(mark, label) of each legend entry, in reading order, for the marks in `used`."""
    text = messages(journey.locale)
    items: list[tuple[str, str]] = []
    if "curve" in used:
        items.append(("line", text["view.this_map"] if "baseline" in used else text["heading.emotional_curve"]))
    if "baseline" in used and baseline is not None:
        items.append(("dashed-line", text["note.baseline"]))
    if "curve" in used:
        items.append(("neutral-line", text["note.neutral"]))
    items.extend((f"band-{band}", text[f"view.band.{band}"]) for band in range(5) if f"band.{band}" in used)
    # Filled points are measured scores, or scores whose source is not stated; hollow ones assumed.
    if "source.none" in used and "source.assumed" in used:
        items.append(("point-measured", text["view.not_assumed"]))
    elif "source.measured" in used and "source.none" not in used:
        items.append(("point-measured", text["view.measured"]))
    if "source.assumed" in used:
        items.append(("point-assumed", text["view.assumed"]))
    if "low" in used or "triangle-down" in used:
        items.append(("triangle-down", text["note.lowest"]))
    if "star" in used:
        items.append(("star", text["note.moment_of_truth"]))
    if "switch-arrow" in used:
        items.append(("switch-arrow", text["note.switch_with_reason"]))
    if "branch-arrow" in used:
        items.append(("branch-arrow", text["note.branch"]))
    if "loop-arrow" in used:
        items.append(("loop-arrow", text["note.loop_back"]))
    if "no-evidence" in used:
        items.append(("no-evidence", text["view.no_evidence"]))
    if "check" in used:
        items.append(("check", text["kpi.on_target"]))
    if "cross" in used:
        items.append(("cross", text["kpi.off_target"]))
    # A legend entry starts with a capital, as the others do, even when the word is lower case mid-sentence
    # ("hors objectif" in a KPI card, "Hors objectif" in the legend).
    return [(mark, label[:1].upper() + label[1:]) for mark, label in items]


def build_legend(
    journey: Journey,
    baseline: Journey | None,
    used: Set[str],
    x: float,
    y: float,
    width: float,
    size: float = style.SIZE_SMALL,
) -> Legend:
    """Place the legend entries left to right from (x, y), wrapping into rows within `width`, text at `size`."""
    items = legend_items(journey, baseline, used)
    if not items:
        return Legend(x, y, width, 0.0, None, ())
    scale = size / style.SIZE_SMALL
    mark_width, gap, row = MARK_WIDTH * scale, ENTRY_GAP * scale, ROW_HEIGHT * scale
    title = messages(journey.locale)["heading.legend"]
    heading = text_block(title, x, y, width, size, bold=True, role="muted", max_lines=1)
    left = x + text_width(heading.lines[0], size, True) + gap
    top = y
    entries: list[Card] = []
    for mark, label in items:
        label_width = min(text_width(label, size), width - mark_width - 6)
        entry_width = mark_width + 4 + label_width
        if left + entry_width > x + width and entries:
            left, top = x, top + row
        body = text_block(label, left + mark_width + 4, top, label_width + 1, size, max_lines=1)
        shape = Mark(mark, left + mark_width / 2, top + size * style.LINE_HEIGHT / 2, 10 * scale, "legend")
        entries.append(Card("legend-entry", left, top, entry_width, body.height, (body,), (shape,), framed=False))
        left += entry_width + gap
    return Legend(x, y, width, round(top + row - y, 2), heading, tuple(entries))
