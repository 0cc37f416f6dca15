"""The slide view's layout: a 16:9 summary of a map for a board deck, placed as plain data.

Top to bottom: the title; one line with the persona and the objective; the emotional curve
across the stage names (the largest element) with its lowest moment called out; then three
panels: the top three pain points by severity with their stage, the top three opportunities
(impact and effort), and the KPIs off target. In a 1920 × 1080 viewBox every text is at least
17 units, 8.5 px when the slide is shown 960 px wide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cjm.emotion import label
from cjm.i18n import messages
from cjm.kpi import on_target as kpi_on_target
from cjm.model import Journey, Opportunity
from cjm.presentation import map_description, svg_id_prefix
from cjm.renderers import style
from cjm.renderers.curve import Column, Curve, Segment, build_curve
from cjm.renderers.font import fit_line, size_for_words, text_width, words
from cjm.renderers.layout import (
    Card,
    Mark,
    Text,
    colon,
    kpi_line,
    more_text,
    severity_rank,
    text_block,
    typeset_journey,
)
from cjm.renderers.legend import Legend, build_legend, curve_use

M = style.SLIDE_MARGIN
SMALL = style.SLIDE_MIN_SIZE
BODY = 20.0
HEADING = 24.0
PANEL_TOP = 694.0
PANEL_GAP = 28.0
PLOT_TOP = 198.0
PLOT_BOTTOM = 556.0
AXIS_WIDTH = 150.0
# A map without scores: its stages as a strip of steps across the plot's place.
STRIP_TOP = 300.0
STRIP_HEIGHT = 150.0
TOP_COUNT = 3


@dataclass(frozen=True)
class SlideLayout:
    """Everything the slide view draws, placed in a 1920 × 1080 viewBox."""

    width: float
    height: float
    prefix: str
    locale: str
    title: str
    description: str
    heading: Text
    subtitle: Text | None
    stage_labels: tuple[Text, ...]
    columns: tuple[Column, ...]
    curve: Curve | None
    callout: Card | None
    note: Text | None
    panels: tuple[Card, ...]
    legend: Legend


def layout_slide(journey: Journey, stem: str = "journey", baseline: Journey | None = None) -> SlideLayout:
    """Place the slide view of a journey."""
    prefix = svg_id_prefix(journey, stem + ".slide")
    journey = typeset_journey(journey)
    baseline = typeset_journey(baseline) if baseline is not None else None
    text = messages(journey.locale)
    sep = colon(journey.locale)
    width, height = style.SLIDE_WIDTH, style.SLIDE_HEIGHT
    inner = width - 2 * M
    title_line, title_cut = fit_line(journey.title, inner, 44.0, True)
    heading = Text(M, 40.0, (title_line,), 44.0, True, full=journey.title if title_cut else None)
    parts = []
    if journey.persona is not None:
        parts.append(f"{text['note.persona']}{sep}{journey.persona.name}")
    if journey.objective:
        parts.append(f"{text['heading.objective']}{sep}{journey.objective}")
    subtitle = None
    if parts:
        joined = "  ·  ".join(parts)
        line, cut = fit_line(joined, inner, HEADING)
        subtitle = Text(
            M, heading.bottom + 8, (line,), HEADING, role="muted", full=" ".join(words(joined)) if cut else None
        )
    left = M + AXIS_WIDTH
    count = len(journey.stages)
    column_width = (width - M - left) / count
    columns = tuple(Column(round(left + i * column_width, 2), round(column_width, 2)) for i in range(count))
    size = max(SMALL, min(22.0, column_width / 7))
    stage_labels = tuple(
        text_block(
            f"{number}. {stage.name}",
            column.centre,
            PLOT_BOTTOM + 34,
            column.width - 12,
            size_for_words(stage.name, column.width - 12, size, SMALL, bold=True),
            bold=True,
            max_lines=3,
            anchor="middle",
        )
        for number, (stage, column) in enumerate(zip(journey.stages, columns, strict=True), start=1)
    )
    scored = any(stage.score is not None for stage in journey.stages)
    curve = build_curve(journey, columns, PLOT_TOP, PLOT_BOTTOM, baseline, level_gap=26.0) if scored else None
    note = None
    if curve is None:
        # No curve to draw: the stages as a strip of numbered steps (white on the header colour, as the
        # map's stage headers), the note under it, instead of an empty chart.
        stage_labels = tuple(
            label._replace(y=round(STRIP_TOP + (STRIP_HEIGHT - label.height) / 2, 2), role="header")
            for label in stage_labels
        )
        note = text_block(
            text["view.unscored"],
            width / 2,
            STRIP_TOP + STRIP_HEIGHT + 36,
            inner,
            26.0,
            role="muted",
            max_lines=1,
            anchor="middle",
        )
    callout = _callout(journey, curve, width) if curve is not None else None
    used = curve_use(curve) if curve is not None else set()
    if any(kpi_on_target(kpi) is False for stage in journey.stages for kpi in stage.kpis):
        used.add("cross")
    measured = build_legend(journey, baseline, used, M, 0, inner, SMALL)
    legend = build_legend(journey, baseline, used, M, height - measured.height - 14, inner, SMALL)
    panels = _panels(journey, width, legend.y - 12)
    return SlideLayout(
        width,
        height,
        prefix,
        journey.locale,
        journey.title,
        map_description(journey, messages(journey.locale)),
        heading,
        subtitle,
        stage_labels,
        columns,
        curve,
        callout,
        note,
        panels,
        legend,
    )


def _callout(journey: Journey, curve: Curve, width: float) -> Card | None:
    """The lowest moment's label in a box beside its point, where the box covers the fewest curve samples."""
    lows = [point for point in curve.points if point.low]
    if not lows:
        return None
    point = min(lows, key=lambda low: low.low_rank)  # the most telling (curve.low_points)
    text = messages(journey.locale)
    stage = journey.stages[point.stage].name
    where = f" ({stage})" if stage != point.name else ""
    word = label(point.score, journey.emotion_scale)
    score = point.score_text.replace("-", "−") + (f" {word}" if word else "")
    others = point.ties + len(lows) - 1  # the slide calls out one point: it counts the other tied lows
    ties = f" · {text['view.lowest_ties'].format(count=others)}" if others else ""
    wording = f"{text['view.lowest']}{colon(journey.locale)}{point.name}{where}, {score}{ties}"
    box_width = 560.0
    body = text_block(wording, 0, 0, box_width - 48, BODY, bold=True, role="low", max_lines=3)
    box_height = body.height + 20
    samples = [*sample(curve.path), *sample(curve.baseline_path)]
    points = [(p.x, p.y) for p in curve.points]
    low_x, high_x = M + AXIS_WIDTH + 6, width - M - box_width - 6
    low_y, high_y = PLOT_TOP - 24, PLOT_BOTTOM + 24 - box_height
    candidates: list[tuple[float, float, float]] = []
    for step_x in range(9):
        for step_y in range(7):
            x = low_x + (high_x - low_x) * step_x / 8
            y = low_y + (high_y - low_y) * step_y / 6

            def inside(px: float, py: float, x: float = x, y: float = y) -> bool:
                return x - 14 <= px <= x + box_width + 14 and y - 14 <= py <= y + box_height + 14

            hits = sum(inside(px, py) for px, py in samples) + 20 * sum(inside(px, py) for px, py in points)
            distance = math.hypot(x + box_width / 2 - point.x, y + box_height / 2 - point.y)
            candidates.append((hits * 1000 + distance, x, y))
    _, x, y = min(candidates)
    placed = Text(x + 38, y + 10, body.lines, BODY, True, role="low", full=body.full)
    marker = Mark("triangle-down", x + 20, y + box_height / 2, 18, "low")
    end_x = min(max(point.x, x), x + box_width)
    end_y = min(max(point.y, y), y + box_height)
    leader = Mark("leader", point.x, point.y, 0, "low", (end_x, end_y))
    return Card("low-point", x, y, box_width, box_height, (placed,), (leader, marker))


def sample(segments: Sequence[Segment], steps: int = 12) -> list[tuple[float, float]]:
    """Points along a Bézier path, `steps` per segment: enough to keep a label off the line."""
    found = []
    for s in segments:
        for i in range(steps + 1):
            t = i / steps
            u = 1 - t
            found.append(
                (
                    u**3 * s.x0 + 3 * u * u * t * s.c1x + 3 * u * t * t * s.c2x + t**3 * s.x1,
                    u**3 * s.y0 + 3 * u * u * t * s.c1y + 3 * u * t * t * s.c2y + t**3 * s.y1,
                )
            )
    return found


def _panels(journey: Journey, width: float, bottom: float) -> tuple[Card, ...]:
    text = messages(journey.locale)
    sep = colon(journey.locale)
    content: list[tuple[str, str, Sequence[tuple[str, str, str | None]]]] = []
    pains = sorted(journey.pain_points(), key=lambda item: severity_rank(item[1]))[:TOP_COUNT]
    if pains:
        content.append(
            ("pain", text["view.top_pains"], [(pain.text, stage.name, pain.severity) for stage, pain in pains])
        )
    opportunities = sorted(journey.opportunities(), key=lambda item: _opportunity_rank(item[1]))[:TOP_COUNT]
    if opportunities:
        rows: list[tuple[str, str, str | None]] = []
        for _, item in opportunities:
            facts = [
                f"{text[f'field.{key}']}{sep}{text[f'level.{value}']}"
                for key, value in (("impact", item.impact), ("effort", item.effort))
                if value
            ]
            rows.append((item.text, " · ".join(facts), None))
        content.append(("opportunity", text["view.top_opportunities"], rows))
    kpis = [(stage, kpi) for stage in journey.stages for kpi in stage.kpis]
    if kpis:
        missed = [(stage, kpi) for stage, kpi in kpis if kpi_on_target(kpi) is False]
        kpi_rows: list[tuple[str, str, str | None]] = [
            (kpi.name, f"{kpi_line(kpi, journey.locale)} · {stage.name}", "off") for stage, kpi in missed[:TOP_COUNT]
        ]
        if len(missed) > TOP_COUNT:
            kpi_rows.append((more_text(journey.locale, len(missed) - TOP_COUNT), "", None))
        if not missed:
            kpi_rows = [(text["view.all_kpis_on"], "", None)]
        content.append(("kpi", text["view.kpis_off"], kpi_rows))
    if not content:
        return ()
    panel_width = (width - 2 * M - PANEL_GAP * (len(content) - 1)) / len(content)
    panels = []
    for index, (kind, title, entries) in enumerate(content):
        x = M + index * (panel_width + PANEL_GAP)
        panels.append(_panel(kind, title, entries, x, panel_width, journey, bottom))
    return tuple(panels)


def _opportunity_rank(item: Opportunity) -> tuple[int, int]:
    """Most impact first, then least effort (quick wins); what is not stated comes last."""
    impact = ("high", "medium", "low")
    effort = ("low", "medium", "high")
    return (impact.index(item.impact) if item.impact else 3, effort.index(item.effort) if item.effort else 3)


def _panel(
    kind: str,
    title: str,
    rows: Sequence[tuple[str, str, str | None]],
    x: float,
    width: float,
    journey: Journey,
    bottom: float,
) -> Card:
    """A panel's heading and rows from PANEL_TOP; rows that would pass `bottom` become a "+N more" line."""
    text = messages(journey.locale)
    pad = 18.0
    heading = text_block(title, x + pad, PANEL_TOP + pad, width - 2 * pad, HEADING, bold=True, max_lines=1)
    texts = [heading]
    marks: list[Mark] = []
    y = heading.bottom + 6
    for index, (main, meta, flag) in enumerate(rows):
        row_texts, row_marks, after = _row(kind, main, meta, flag, x + pad, y, width - 2 * pad, journey)
        more_line = SMALL * style.LINE_HEIGHT + 8
        last = index == len(rows) - 1
        if after + 8 > bottom or (not last and after + more_line + 8 > bottom):
            more = more_text(journey.locale, len(rows) - index)
            texts.append(text_block(more, x + pad, y, width - 2 * pad, SMALL, role="muted", max_lines=1))
            y += more_line
            break
        texts += row_texts
        marks += row_marks
        y = after
    del text
    return Card(kind, x, PANEL_TOP, width, round(y + pad - 8 - PANEL_TOP, 2), tuple(texts), tuple(marks))


def _row(
    kind: str, main: str, meta: str, flag: str | None, x: float, y: float, width: float, journey: Journey
) -> tuple[list[Text], list[Mark], float]:
    """One row of a panel from y: its texts, marks and the y after it."""
    texts: list[Text] = []
    marks: list[Mark] = []
    indent = 0.0
    if kind == "kpi" and flag == "off":
        marks.append(Mark("cross", x + 9, y + BODY * 0.65, 16, "off-target"))
        indent = 28.0
    body = text_block(main, x + indent, y, width - indent, BODY, max_lines=2)
    texts.append(body)
    y = body.bottom + 2
    if kind == "pain" and flag is not None:
        severity = messages(journey.locale)[f"severity.{flag}"]
        texts.append(
            text_block(severity, x + 4, y + 2, width / 2, SMALL, bold=True, role=f"severity-{flag}", max_lines=1)
        )
        indent = text_width(severity, SMALL, True) + 20
    if meta:
        role = "opportunity" if kind == "opportunity" else "muted"
        line = text_block(meta, x + indent, y + 2, width - indent, SMALL, role=role, max_lines=1)
        texts.append(line)
        y = line.bottom
    return texts, marks, y + 8
