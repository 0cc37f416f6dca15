"""The HTML page's emotional curve: one point per stage, the baseline's curve, labels placed clear of it.

Geometry in CSS pixels; x positions are percentages of the row, so the points stay on the column
centres at any window width and on paper, while circles and text keep their size.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from cjm import emotion, formatting
from cjm.model import EmotionScale, Journey

# The baseline's curve colour (a grey the page's COLOURS also names "baseline").
BASELINE_COLOUR = "#6b7280"

# Geometry of the emotional curve, in CSS pixels; x positions are percentages of the row.
CURVE_HEIGHT = 212
CURVE_TOP = 58
CURVE_BOTTOM = 152
# Label stacking: the first line's offset from the point, the line height, and how close a
# baseline point may come before the labels move to the other side.
LABEL_FIRST = 16
LABEL_STEP = 14
LABEL_CLEARANCE = 44


class CurveLabel(NamedTuple):
    """A line of text next to a curve point; `dy` is its offset from the point, in pixels."""

    css: str
    text: str
    dy: int


class CurvePoint(NamedTuple):
    """A stage's emotion on the curve, with its labels (the score, the scale's word, the lowest-point note)."""

    x: str
    y: float
    colour: str
    labels: tuple[CurveLabel, ...]
    title: str
    lowest: bool = False


class Segment(NamedTuple):
    """A straight piece of a curve between two neighbouring stages."""

    x1: str
    y1: float
    x2: str
    y2: float


class Curve(NamedTuple):
    """Everything the template needs to draw the emotional curve row."""

    height: int
    neutral_y: float
    dividers: tuple[str, ...]
    points: tuple[CurvePoint, ...]
    segments: tuple[Segment, ...]
    gaps: tuple[str, ...]
    baseline_points: tuple[CurvePoint, ...]
    baseline_segments: tuple[Segment, ...]
    summary: str
    legend: tuple[tuple[str, str], ...]


def build_curve(journey: Journey, baseline: Journey | None, text: Mapping[str, str], colon: str) -> Curve:
    """The emotional curve: one point per stage at its column's centre, gaps where a stage has no score.

    Why percentages: x positions are fractions of the row, so the points stay on the column
    centres at any window width and on paper, while circles and text keep their size.
    """
    stages = journey.stages
    count = len(stages)
    scale, locale = journey.emotion_scale, journey.locale
    xs = [_percent((index + 0.5) / count) for index in range(count)]
    scores = [stage.score for stage in stages]
    known = [score for score in scores if score is not None]
    lowest = min(known) if len(set(known)) > 1 else None

    baseline_points: list[CurvePoint | None] = []
    before = {stage.id: stage for stage in baseline.stages} if baseline else {}
    for stage, x in zip(stages, xs, strict=True):
        old = before.get(stage.id)
        if baseline is None or old is None or old.score is None:
            baseline_points.append(None)
            continue
        number = _score(old.score, locale)
        title = f"{text['note.baseline']}, {stage.name}{colon} {number}"
        baseline_points.append(CurvePoint(x, _y(old.score, baseline.emotion_scale), BASELINE_COLOUR, (), title))

    points: list[CurvePoint | None] = []
    for stage, x, score, old_point in zip(stages, xs, scores, baseline_points, strict=True):
        if score is None:
            points.append(None)
            continue
        number = _score(score, locale)
        word = emotion.label(score, scale)
        y = _y(score, scale)
        labels = [("curve-label", f"{emotion.symbol(score, scale)} {number}")]
        labels += [("curve-word", word)] if word else []
        labels += [("curve-lowest", text["note.lowest"])] if score == lowest else []
        title = f"{stage.name}{colon} {number}" + (f" ({word})" if word else "")
        points.append(
            CurvePoint(x, y, emotion.stroke(score, scale), _place(labels, y, old_point), title, score == lowest)
        )

    summary = f"{formatting.semicolon(journey.locale)} ".join(
        f"{number}. {point.title if point else stage.name + colon + ' ' + text['note.no_emotion']}"
        for number, (stage, point) in enumerate(zip(stages, points, strict=True), start=1)
    )
    legend = [("curve", text[f"type.{journey.type}"] if baseline and journey.type else text["heading.emotional_curve"])]
    if baseline is not None:
        legend.append(("baseline", text["note.baseline"]))
    legend.append(("neutral", f"{text['note.neutral']} ({_score(scale.neutral, locale)})"))
    if lowest is not None:
        legend.append(("lowest", text["note.lowest"]))
    return Curve(
        height=CURVE_HEIGHT,
        neutral_y=_y(scale.neutral, scale),
        dividers=tuple(_percent(index / count) for index in range(1, count)),
        points=tuple(point for point in points if point),
        segments=_segments(points),
        gaps=tuple(x for x, point in zip(xs, points, strict=True) if point is None),
        baseline_points=tuple(point for point in baseline_points if point),
        baseline_segments=_segments(baseline_points),
        summary=f"{text['heading.emotional_curve']}{colon} {summary}",
        legend=tuple(legend),
    )


def _place(labels: Sequence[tuple[str, str]], y: float, baseline: CurvePoint | None) -> tuple[CurveLabel, ...]:
    """Stack a point's labels so they do not cover the baseline's point at the same stage.

    By default the score sits above the point and its word and the "lowest point" note below;
    when the baseline's point is just below, everything goes above, and just above, below.
    """
    gap = None if baseline is None else baseline.y - y
    if gap is not None and 0 <= gap <= LABEL_CLEARANCE:
        above, below = list(labels), []
    elif gap is not None and -LABEL_CLEARANCE <= gap < 0:
        above, below = [], list(labels)
    else:
        above, below = list(labels[:1]), list(labels[1:])
    placed = [CurveLabel(css, words, -LABEL_FIRST - LABEL_STEP * n) for n, (css, words) in enumerate(above)]
    placed += [CurveLabel(css, words, LABEL_FIRST + 8 + LABEL_STEP * n) for n, (css, words) in enumerate(below)]
    return tuple(placed)


def _segments(points: Sequence[CurvePoint | None]) -> tuple[Segment, ...]:
    """Lines between neighbouring stages that both have a score: a missing score leaves a gap."""
    return tuple(
        Segment(left.x, left.y, right.x, right.y)
        for left, right in itertools.pairwise(points)
        if left is not None and right is not None
    )


def _y(score: float, scale: EmotionScale) -> float:
    """The vertical position of a score: the scale's maximum at the top of the plot, its minimum at the bottom."""
    span = scale.max - scale.min
    position = 0.5 if span <= 0 else min(1.0, max(0.0, (score - scale.min) / span))
    return round(CURVE_BOTTOM - position * (CURVE_BOTTOM - CURVE_TOP), 1)


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.3f}%"


def _score(score: float, locale: str) -> str:
    """An emotion score as every renderer writes it (cjm.emotion.format_score), with a French decimal comma."""
    return emotion.format_score(score, locale)
