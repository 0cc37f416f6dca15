"""The Markdown report's last section: a future-state map compared with its current-state baseline."""

from __future__ import annotations

from cjm.emotion import format_score
from cjm.model import Journey
from cjm.presentation import NO_VALUE, escape_table_cell, severity_rank
from cjm.renderers.markdown_cells import Text, emotion_cell, table, touchpoint_with_channel


def _change(before: float | None, after: float | None, same_scale: bool, locale: str) -> str:
    if before is None or after is None or not same_scale:
        return NO_VALUE
    # From the scores as shown, so the change always adds up with the two cells beside it.
    delta = round(float(format_score(after)) - float(format_score(before)), 1)
    if delta == 0:
        return "0 ="
    return f"+{format_score(delta, locale)} ▲" if delta > 0 else f"{format_score(delta, locale)} ▼"


def comparison(journey: Journey, baseline: Journey, text: Text) -> list[list[str]]:
    same_scale = journey.emotion_scale == baseline.emotion_scale
    before = {stage.id: stage for stage in baseline.stages}
    after_ids = {stage.id for stage in journey.stages}
    rows: list[list[str]] = []
    for stage in journey.stages:
        old = before.get(stage.id)
        old_score = old.score if old else None
        rows.append(
            [
                escape_table_cell(stage.name),
                emotion_cell(old_score, baseline.emotion_scale, journey.locale),
                emotion_cell(stage.score, journey.emotion_scale, journey.locale),
                _change(old_score, stage.score, same_scale, journey.locale),
            ]
        )
    for stage in baseline.stages:
        if stage.id not in after_ids:
            rows.append(
                [
                    escape_table_cell(stage.name),
                    emotion_cell(stage.score, baseline.emotion_scale, journey.locale),
                    NO_VALUE,
                    NO_VALUE,
                ]
            )
    header = [text["field.stage"], text["field.before"], text["field.after"], text["field.change"]]
    blocks = [
        [f"## {text['heading.comparison']}"],
        [text.field("note.baseline", escape_table_cell(baseline.title))],
        table(header, rows),
    ]

    current_pains = {pain.id for _, pain in journey.pain_points()}
    gone = [(stage, pain) for stage, pain in baseline.pain_points() if pain.id not in current_pains]
    gone.sort(key=lambda item: severity_rank(getattr(item[1], "severity", None)))
    pain_header = [text["field.severity"], text["field.text"], text["field.stage"]]
    pain_rows = [
        [text.stated("severity", pain.severity), escape_table_cell(pain.text), escape_table_cell(stage.name)]
        for stage, pain in gone
    ]
    blocks.append([f"### {text['heading.resolved_pain_points']}"])
    blocks.append(table(pain_header, pain_rows) if pain_rows else [text["note.none"]])

    current_touchpoints = {touchpoint.id for _, touchpoint in journey.touchpoints()}
    baseline_touchpoints = {touchpoint.id for _, touchpoint in baseline.touchpoints()}
    added = [item for item in journey.touchpoints() if item[1].id not in baseline_touchpoints]
    dropped = [item for item in baseline.touchpoints() if item[1].id not in current_touchpoints]
    touchpoint_header = [text["field.touchpoint"], text["field.stage"]]
    for key, items in (("heading.touchpoints_added", added), ("heading.touchpoints_dropped", dropped)):
        rows = [
            [touchpoint_with_channel(touchpoint, text), escape_table_cell(stage.name)] for stage, touchpoint in items
        ]
        blocks.append([f"### {text[key]}"])
        blocks.append(table(touchpoint_header, rows) if rows else [text["note.none"]])
    return blocks
