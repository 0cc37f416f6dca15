"""The map view's layout: context band, stage columns and lanes (rows of at most 8 stages), curve, legend.

Follows the journey-map conventions of PICTURE.md: a grid of stages (columns, numbered, with
their score) and lanes (rows, labelled at the left); context on top, then experience (actions,
touchpoints with their channel, thoughts, the emotional curve; for service blueprints
frontstage, the line of visibility, backstage and support), then takeaways (pain points by
severity with their evidence count, opportunities with the pain points they address, KPIs
against target). Empty lanes are left out, row by row; a map longer than 8 stages continues in a second row
of whole stages, so text keeps its size. Everything is placed here; `map_view` only draws.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import NamedTuple

from cjm.i18n import messages
from cjm.model import Journey, Stage
from cjm.presentation import map_description, svg_id_prefix
from cjm.renderers import style
from cjm.renderers.cells import cell_cards, column_widths
from cjm.renderers.curve import Column, Curve, build_curve, low_points
from cjm.renderers.font import size_for_words, text_width, words, wrap
from cjm.renderers.layout import (
    Card,
    Mark,
    Text,
    colon,
    small,
    stage_score_text,
    text_block,
    typeset_journey,
)
from cjm.renderers.legend import Legend, build_legend, curve_use
from cjm.renderers.panel import Context, build_context

PAD = style.CELL_PADDING
# Above the first and below the last card of a lane: cards have their own frames and inner space.
LANE_PAD = 4.0
CURVE_PLOT = 84.0
# Where the plot starts below the curve lane's top: room for the lane's label above the axis.
CURVE_TOP = 24.0
ROW_GAP = 14.0
# Lines of a low point's or a moment of truth's label under the curve: its name must survive a narrow column.
LABEL_LINES = 3
LABEL_WIDTH = 200.0
# The smallest a stage name gets in its header to fit two lines (SIZE_STAGE is the usual size).
HEADER_SMALLEST = 10.5


class Header(NamedTuple):
    """A stage's header: number, name and score chip, in its column."""

    stage: int
    x: float
    y: float
    width: float
    height: float
    number: Text
    name: Text
    score: Text | None
    band: int | None


class Lane(NamedTuple):
    """One labelled row of the grid: `key` is the lane's kind (actions, touchpoints, curve, visibility…);
    `cells` one tuple of cards per stage of the row."""

    key: str
    y: float
    height: float
    label: Text
    cells: tuple[tuple[Card, ...], ...]
    takeaway: bool = False


class Row(NamedTuple):
    """A row of whole stages: their columns, headers, lanes and curve."""

    y: float
    height: float
    first_stage: int
    columns: tuple[Column, ...]
    headers: tuple[Header, ...]
    lanes: tuple[Lane, ...]
    curve: Curve | None


class MapLayout(NamedTuple):
    """Everything the map view draws, placed."""

    width: float
    height: float
    prefix: str
    locale: str
    title: str
    description: str
    context: Context
    rows: tuple[Row, ...]
    legend: Legend


# Lanes of the grid, top to bottom: (key, catalogue key of its label, whether it is a takeaway).
LANES = (
    ("physical_evidence", "lane.physical_evidence", False),
    ("actions", "lane.actions", False),
    ("touchpoints", "lane.touchpoints", False),
    ("thoughts", "lane.thoughts", False),
    ("curve", "heading.emotional_curve", False),
    ("frontstage", "lane.frontstage", False),
    ("visibility", "lane.line_of_visibility", False),
    ("backstage", "lane.backstage", False),
    ("support", "lane.support", False),
    ("pain_points", "lane.pain_points", True),
    ("opportunities", "lane.opportunities", True),
    ("kpis", "lane.kpis", True),
)


def layout_map(journey: Journey, stem: str = "journey", baseline: Journey | None = None) -> MapLayout:
    """Place every part of the map view of a journey (and its baseline's curve, for a future-state map)."""
    prefix = svg_id_prefix(journey, stem)
    journey = typeset_journey(journey)
    baseline = typeset_journey(baseline) if baseline is not None else None
    width = style.MAP_WIDTH
    context = build_context(journey, style.MARGIN, style.MARGIN, width - 2 * style.MARGIN)
    y = context.bottom + ROW_GAP
    count = len(journey.stages)
    row_count = math.ceil(count / style.STAGES_PER_ROW)
    per_row = math.ceil(count / row_count)
    grid_width = width - 2 * style.MARGIN - style.LANE_LABEL_WIDTH
    rows = []
    for first in range(0, count, per_row):
        stages = journey.stages[first : first + per_row]
        # A lane with nothing in this row's stages is left out of the row (PICTURE.md: no empty lanes).
        part = journey.model_copy(update={"stages": list(stages)})
        keys = [key for key, _, _ in LANES if _lane_used(part, key)]
        widths = column_widths(stages, grid_width * len(stages) / per_row, keys)
        row = _row(journey, baseline, first, stages, widths, y, keys)
        rows.append(row)
        y = row.y + row.height + ROW_GAP
    legend = build_legend(journey, baseline, rows_use(rows), style.MARGIN, y, width - 2 * style.MARGIN)
    height = legend.y + legend.height + style.MARGIN
    return MapLayout(
        width,
        round(height, 1),
        prefix,
        journey.locale,
        journey.title,
        map_description(journey, messages(journey.locale)),
        context,
        tuple(rows),
        legend,
    )


def rows_use(rows: Sequence[Row]) -> set[str]:
    """What the rows draw that the legend explains: bands, low points, moments of truth, evidence, KPI marks."""
    used: set[str] = set()
    for row in rows:
        if row.curve is not None:
            used.update(curve_use(row.curve))
        for lane in row.lanes:
            for cell in lane.cells:
                for card in cell:
                    used.update(mark.shape for mark in card.marks)
                    if card.kind == "touchpoint" and card.band is not None:
                        used.add(f"band.{card.band}")
    return used


def _lane_used(journey: Journey, key: str) -> bool:
    if key == "curve":
        return any(stage.score is not None for stage in journey.stages)
    if key == "visibility":
        return any(stage.frontstage or stage.backstage or stage.support for stage in journey.stages)
    return any(getattr(stage, key) for stage in journey.stages)


def _row(
    journey: Journey,
    baseline: Journey | None,
    first: int,
    stages: Sequence[Stage],
    widths: Sequence[float],
    top: float,
    keys: Sequence[str],
) -> Row:
    left = style.MARGIN + style.LANE_LABEL_WIDTH
    edges = list(itertools.accumulate(widths, initial=left))
    columns = tuple(Column(round(x, 2), round(w, 2)) for x, w in zip(edges, widths, strict=False))
    headers = _headers(journey, first, stages, columns, top)
    y = top + max(header.height for header in headers)
    text = messages(journey.locale)
    lanes: list[Lane] = []
    curve: Curve | None = None
    for key, label_key, takeaway in LANES:
        if key not in keys:
            continue
        if takeaway and not any(lane.takeaway for lane in lanes):
            y += 8.0
        label = text_block(
            text[label_key],
            style.MARGIN + PAD,
            y + LANE_PAD,
            style.LANE_LABEL_WIDTH - 2 * PAD,
            style.SIZE_LANE,
            bold=True,
            max_lines=3,
        )
        if key == "curve":
            lane, curve = _curve_lane(journey, baseline, first, stages, columns, y, label)
        elif key == "visibility":
            # A labelled rule across the grid: its label may run over the first column, above the rule.
            rule_label = small(text[label_key], style.MARGIN + PAD, y + 6, style.LANE_LABEL_WIDTH * 3, bold=True)
            lane = Lane(key, y, 24.0, rule_label, tuple(() for _ in stages))
        else:
            cells = tuple(
                cell_cards(journey, key, stage, column, y + LANE_PAD, baseline)
                for stage, column in zip(stages, columns, strict=True)
            )
            bottom = max([label.bottom, *(card.y + card.height for cell in cells for card in cell)]) + LANE_PAD
            lane = Lane(key, y, round(bottom - y, 2), label, cells, takeaway)
        lanes.append(lane)
        y += lane.height
    return Row(top, round(y - top, 2), first, columns, headers, tuple(lanes), curve)


def _headers(
    journey: Journey, first: int, stages: Sequence[Stage], columns: Sequence[Column], top: float
) -> tuple[Header, ...]:
    from cjm.emotion import band

    found = []
    for offset, (stage, column) in enumerate(zip(stages, columns, strict=True)):
        inner = column.width - 2 * PAD
        number = Text(
            column.x + PAD + 9,
            top + PAD + 2,
            (str(first + offset + 1),),
            style.SIZE_SMALL,
            bold=True,
            role="header-number",
            anchor="middle",
        )
        # Beside the number; under it, on the column's whole width, when a word would not fit beside it.
        beside, under = inner - 24, inner
        size = size_for_words(stage.name, beside, style.SIZE_STAGE, style.SIZE_SMALL, bold=True)
        fits = max(text_width(word, size, True) for word in words(stage.name)) <= beside
        # A name that would take three lines beside the number gets a slightly smaller size if that
        # makes it two: every header row of the map is as tall as its tallest header.
        while fits and size - 0.5 >= HEADER_SMALLEST and len(wrap(stage.name, beside, size, True, 3).lines) > 2:
            size -= 0.5
        name = text_block(
            stage.name,
            column.x + PAD + (24 if fits else 0),
            top + PAD + (0 if fits else 22),
            beside if fits else under,
            size if fits else size_for_words(stage.name, under, style.SIZE_STAGE, style.SIZE_SMALL, bold=True),
            bold=True,
            role="header",
            max_lines=3,
        )
        score_text = stage_score_text(stage, journey)
        score = None
        if score_text is not None:
            score = text_block(
                score_text,
                column.x + PAD + 18,
                max(name.bottom, top + PAD + 20) + 4,
                inner - 22,
                style.SIZE_SMALL,
                role="ink",
                max_lines=2,  # a narrow column keeps the scale's word ("2 Enchanté") on a second line
            )
        bottom = (score.bottom + 3 if score else max(name.bottom, top + PAD + 20)) + PAD
        found.append(
            Header(
                first + offset,
                column.x,
                top,
                column.width,
                bottom - top,
                number,
                name,
                score,
                band(stage.score, journey.emotion_scale) if stage.score is not None else None,
            )
        )
    height = max(header.height for header in found)
    return tuple(header._replace(height=round(height, 2)) for header in found)


def _curve_lane(
    journey: Journey,
    baseline: Journey | None,
    first: int,
    stages: Sequence[Stage],
    columns: Sequence[Column],
    y: float,
    label: Text,
) -> tuple[Lane, Curve]:
    part = journey.model_copy(update={"stages": list(stages)})
    # The lowest points are the whole map's, not the row's own minimum.
    lows = {
        (index - first, k): ties
        for (index, k), ties in low_points(journey).items()
        if first <= index < first + len(stages)
    }
    curve = build_curve(part, columns, y + CURVE_TOP, y + CURVE_TOP + CURVE_PLOT, baseline, lows=lows)
    curve = curve._replace(points=tuple(p._replace(stage=p.stage + first) for p in curve.points))
    text = messages(journey.locale)
    cells = []
    bottom = curve.bottom + 14
    for offset, column in enumerate(columns):
        cards: list[Card] = []
        cursor = curve.bottom + 16
        for point in (p for p in curve.points if p.stage == first + offset and (p.low or p.moment_of_truth)):
            # A low point that is also a moment of truth says both, in one label.
            title = " · ".join(
                text[key]
                for key, shown in (("view.lowest", point.low), ("note.moment_of_truth", point.moment_of_truth))
                if shown
            )
            role = "low" if point.low else "truth"
            # Under its point, as far as the column allows: a wide column (a map of one or two stages)
            # would otherwise put the label of its last point under its first.
            box = min(column.width - 2 * PAD, LABEL_WIDTH)
            box_x = min(max(point.x - 8, column.x + PAD), column.x + column.width - PAD - box)
            both = point.low and point.moment_of_truth
            indent = 25.0 if both else 14.0
            left, inner = box_x + indent, box - indent
            body = small(f"{title}{colon(journey.locale)}{point.name}", left, cursor, inner, role, LABEL_LINES)
            texts = [body]
            if point.low and point.ties:
                # On a line of its own, so that a long name never cuts the count.
                ties = text["view.lowest_ties"].format(count=point.ties)
                texts.append(small(ties, left, body.bottom, inner, role, 2))
            marks = [Mark("triangle-down" if point.low else "star", box_x + 5, cursor + 6, 10, role)]
            if both:
                marks.append(Mark("star", box_x + 16, cursor + 6, 10, "truth"))
            height = texts[-1].bottom - cursor
            kind = "low-point" if point.low else "moment-of-truth"
            cards.append(Card(kind, box_x, cursor, box, height, tuple(texts), tuple(marks), framed=False))
            cursor += height + 4
        bottom = max(bottom, cursor + 2)
        cells.append(tuple(cards))
    # The lane label sits above the axis; the axis words are placed by the writer from curve.levels.
    label = text_block(
        label.full or " ".join(label.lines),
        label.x,
        y + 4,
        style.MAP_WIDTH / 4,
        style.SIZE_LANE,
        bold=True,
        max_lines=1,
    )
    return Lane("curve", y, round(bottom - y, 2), label, tuple(cells)), curve
