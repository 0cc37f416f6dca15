"""The emotional curve as plain data: one point per scored touchpoint, a smooth path, the scale's levels.

Shared by the map and slide views (and usable by any other view): a view gives the x range of
each stage column and the plot's vertical range; this module places the points and computes the
path, in the view's user units. Nothing here is markup.

Where the rules come from: the journey-mapping guides (NN/g "Journey Mapping 101", Kalbach's
*Mapping Experiences*) draw one point per touchpoint inside its stage column, a neutral baseline
and the scale's named levels on the vertical axis, and mark the lowest moments.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

from cjm.emotion import band, format_score
from cjm.model import EmotionScale, Journey, Stage, Touchpoint
from cjm.presentation import SEVERITY_ORDER, severity_rank

# How many tied lowest points are all marked; beyond it only the most telling one is (see low_points).
MAX_MARKED_LOWS = 2


class Column(NamedTuple):
    """A stage's column: its left edge and width, in user units."""

    x: float
    width: float

    @property
    def centre(self) -> float:
        """The column's middle."""
        return self.x + self.width / 2


class CurvePoint(NamedTuple):
    """One point of the curve: where it is drawn, its score and what it stands for.

    `stage` is the stage's index; `name` the touchpoint's name (the stage's when the stage is
    scored as a whole); `band` the emotion band 0 (worst) to 4 (best); `ties` on a marked low
    point, how many other points share its score without being marked (see `build_curve`);
    `source` where the score comes from (`measured`, `assumed`: drawn hollow; None: not stated);
    `low_rank` on a marked low point, 0 for the most telling one (see `low_points`), 1 for the next.
    """

    x: float
    y: float
    score: float
    score_text: str
    band: int
    stage: int
    name: str
    low: bool = False
    moment_of_truth: bool = False
    ties: int = 0
    source: str | None = None
    low_rank: int = 0


class Level(NamedTuple):
    """A labelled level of the vertical axis."""

    y: float
    score: float
    text: str
    neutral: bool


class Segment(NamedTuple):
    """A cubic Bézier piece of the path from (x0, y0) to (x1, y1) with two control points."""

    x0: float
    y0: float
    c1x: float
    c1y: float
    c2x: float
    c2y: float
    x1: float
    y1: float


class Curve(NamedTuple):
    """The curve of a map (and of its baseline, for a future-state map) in a plot area."""

    top: float
    bottom: float
    neutral_y: float
    levels: tuple[Level, ...]
    points: tuple[CurvePoint, ...]
    path: tuple[Segment, ...]
    baseline_points: tuple[CurvePoint, ...] = ()
    baseline_path: tuple[Segment, ...] = ()


def y_of(score: float, scale: EmotionScale, top: float, bottom: float) -> float:
    """The y of a score in a plot from `top` (the scale's max) to `bottom` (its min)."""
    span = scale.max - scale.min
    fraction = 0.5 if span <= 0 else (score - scale.min) / span
    return round(bottom - fraction * (bottom - top), 2)


def emotion_source(journey: Journey, stage: Stage, touchpoint: Touchpoint | None = None) -> str | None:
    """Where a score comes from (`measured`, `assumed` or None): the touchpoint's, else the stage's, else the map's."""
    for source in (touchpoint.emotion_source if touchpoint else None, stage.emotion_source, journey.emotion_source):
        if source is not None:
            return source
    return None


def stage_points(stage: Stage, column: Column, journey: Journey) -> list[tuple[float, float, str, bool, str | None]]:
    """(x, score, name, moment of truth, source) for the points of one stage, left to right.

    Each scored touchpoint sits at its own position among the stage's touchpoints (the i-th of n
    at (i + ½)/n of the column); a stage with no scored touchpoint but a score of its own gets one
    point in the middle of its column.
    """
    found: list[tuple[float, float, str, bool, str | None]] = []
    count = len(stage.touchpoints)
    for position, touchpoint in enumerate(stage.touchpoints):
        if touchpoint.emotion is not None:
            x = column.x + column.width * (position + 0.5) / count
            source = emotion_source(journey, stage, touchpoint)
            found.append((round(x, 2), touchpoint.emotion, touchpoint.name, touchpoint.moment_of_truth, source))
    if not found and stage.emotion is not None:
        found.append((round(column.centre, 2), stage.emotion, stage.name, False, emotion_source(journey, stage)))
    return found


def low_points(journey: Journey) -> dict[tuple[int, int], int]:
    """The lowest points to mark, most telling first, as {(stage index, index of the point in its stage): how
    many tied lows it stands for beyond itself}; empty when the curve does not move (a flat curve has no low).

    Up to MAX_MARKED_LOWS tied lowest points are all marked (ties 0). When more tie, five triangles
    and five labels in a row read as noise: only the most telling one is marked, and it counts the
    others. The most telling is the one a CX team would act on first, in this order: a moment of
    truth at the bottom (it makes or breaks the relationship); then the one with the most severe
    pain point (at its touchpoint, or anywhere in a stage scored as a whole); then the one where the
    journey stays at its bottom longest (the longest run of consecutive lowest points); then the first.
    """
    entries: list[tuple[int, int, float, bool, str | None]] = []
    for index, stage in enumerate(journey.stages):
        scored = [touchpoint for touchpoint in stage.touchpoints if touchpoint.emotion is not None]
        if scored:
            entries.extend((index, k, float(t.emotion or 0), t.moment_of_truth, t.id) for k, t in enumerate(scored))
        elif stage.emotion is not None:
            entries.append((index, 0, float(stage.emotion), False, None))
    scores = [entry[2] for entry in entries]
    if len(set(scores)) < 2:
        return {}
    lowest = min(scores)
    tied = [order for order, score in enumerate(scores) if score == lowest]

    def run(order: int) -> int:
        start = end = order
        while start > 0 and scores[start - 1] == lowest:
            start -= 1
        while end + 1 < len(scores) and scores[end + 1] == lowest:
            end += 1
        return end - start + 1

    def pain_rank(order: int) -> int:
        index, _, _, _, touchpoint = entries[order]
        pains = [p for p in journey.stages[index].pain_points if touchpoint is None or p.touchpoint == touchpoint]
        return min((severity_rank(pain.severity) for pain in pains), default=len(SEVERITY_ORDER) + 1)

    telling = sorted(tied, key=lambda order: (not entries[order][3], pain_rank(order), -run(order), order))
    if len(tied) <= MAX_MARKED_LOWS:
        return {(entries[order][0], entries[order][1]): 0 for order in telling}
    return {(entries[telling[0]][0], entries[telling[0]][1]): len(tied) - 1}


def build_curve(
    journey: Journey,
    columns: Sequence[Column],
    top: float,
    bottom: float,
    baseline: Journey | None = None,
    level_gap: float = 12.0,
    lows: dict[tuple[int, int], int] | None = None,
) -> Curve:
    """The curve of a journey drawn over its stage columns, between y `top` and `bottom`.

    The lowest points marked are `low_points(journey)`'s, or `lows` (keyed by this journey's stage
    indexes) when the journey is one row of a longer map whose lowest points were chosen on the
    whole map: a row's own minimum is not the map's lowest moment. The baseline's curve (a
    future-state map's current state) has one point per stage found in this map (matched by stage
    id), at the column's middle. Levels closer than `level_gap` to one already kept are left out
    (neutral, min and max are kept first).
    """
    scale, locale = journey.emotion_scale, journey.locale
    marked = low_points(journey) if lows is None else lows
    order = list(marked)
    found_points: list[CurvePoint] = []
    for index, (stage, column) in enumerate(zip(journey.stages, columns, strict=True)):
        for k, (x, value, name, truth, source) in enumerate(stage_points(stage, column, journey)):
            found_points.append(
                CurvePoint(
                    x,
                    y_of(value, scale, top, bottom),
                    value,
                    format_score(value, locale),
                    band(value, scale),
                    index,
                    name,
                    low=(index, k) in marked,
                    low_rank=order.index((index, k)) if (index, k) in marked else 0,
                    moment_of_truth=truth,
                    ties=marked.get((index, k), 0),
                    source=source,
                )
            )
    points = tuple(found_points)
    baseline_points: tuple[CurvePoint, ...] = ()
    if baseline is not None:
        by_id = {stage.id: stage for stage in baseline.stages}
        found = []
        for index, (stage, column) in enumerate(zip(journey.stages, columns, strict=True)):
            before = by_id.get(stage.id)
            score = before.score if before is not None else None
            if before is not None and score is not None:
                found.append(
                    CurvePoint(
                        round(column.centre, 2),
                        y_of(score, scale, top, bottom),
                        score,
                        format_score(score, locale),
                        band(score, scale),
                        index,
                        before.name,
                    )
                )
        baseline_points = tuple(found)
    return Curve(
        top,
        bottom,
        y_of(scale.neutral, scale, top, bottom),
        _levels(scale, locale, top, bottom, level_gap),
        points,
        smooth(points),
        baseline_points,
        smooth(baseline_points),
    )


def _levels(scale: EmotionScale, locale: str, top: float, bottom: float, gap: float) -> tuple[Level, ...]:
    """The labelled levels of the axis: the scale's words, or min, neutral and max as numbers."""
    wanted: dict[float, str] = {float(score): text for score, text in scale.labels.items()}
    for score in (scale.min, scale.neutral, scale.max):
        wanted.setdefault(float(score), format_score(score, locale))
    order = sorted(wanted, key=lambda s: (s not in (scale.neutral, scale.min, scale.max), s))
    kept: list[Level] = []
    for score in order:
        y = y_of(score, scale, top, bottom)
        if all(abs(y - other.y) >= gap for other in kept):
            kept.append(Level(y, score, wanted[score], score == scale.neutral))
    return tuple(sorted(kept, key=lambda level: level.y))


def smooth(points: Sequence[CurvePoint]) -> tuple[Segment, ...]:
    """A monotone cubic path through the points (Fritsch–Carlson), as Bézier segments.

    Why monotone: between two points the path never goes above the higher or below the lower, so
    a smoothed curve never overshoots the scale or invents a high or a low that was not measured.
    Points must have increasing x; two points at the same x are joined by a straight segment.
    """
    n = len(points)
    if n < 2:
        return ()
    xs = [p.x for p in points]
    ys = [p.y for p in points]
    slopes = [(ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]) if xs[i + 1] > xs[i] else 0.0 for i in range(n - 1)]
    tangents = [
        slopes[0],
        *[0.0 if a * b <= 0 else (a + b) / 2 for a, b in itertools.pairwise(slopes)],
        slopes[-1],
    ]
    for i, slope in enumerate(slopes):
        if slope == 0:
            tangents[i] = tangents[i + 1] = 0.0
            continue
        alpha, beta = tangents[i] / slope, tangents[i + 1] / slope
        total = alpha * alpha + beta * beta
        if total > 9:
            factor = 3 / total**0.5
            tangents[i], tangents[i + 1] = factor * alpha * slope, factor * beta * slope
    segments = []
    for i in range(n - 1):
        h = (xs[i + 1] - xs[i]) / 3
        segments.append(
            Segment(
                xs[i],
                ys[i],
                round(xs[i] + h, 2),
                round(ys[i] + tangents[i] * h, 2),
                round(xs[i + 1] - h, 2),
                round(ys[i + 1] - tangents[i + 1] * h, 2),
                xs[i + 1],
                ys[i + 1],
            )
        )
    return tuple(segments)
