"""A journey diff as text for a terminal, Markdown for a pull-request comment, or JSON for tools."""

from __future__ import annotations

import json
from typing import Any

from cjm.diff import Change, EmotionRow, JourneyDiff
from cjm.emotion import format_score
from cjm.model import Journey
from cjm.presentation import escape_table_cell
from cjm.renderers.mermaid import mermaid_text

GROUP_TITLES = {
    "map": "Map",
    "persona": "Persona",
    "stages": "Stages",
    "touchpoints": "Touchpoints",
    "pain_points": "Pain points",
    "opportunities": "Opportunities",
    "kpis": "KPIs",
}
MARKS = {"added": "+", "removed": "-", "resolved": "✓"}
# Changes of a value the author may leave out: a missing side reads "not stated".
STATED_ASPECTS = ("channel", "severity", "status")
NOT_STATED = "not stated"
# Mermaid xychart colours: the old curve grey, the new one blue (the palette of cjm.emotion).
CURVE_COLOURS = ("#9e9e9e", "#2b83ba")


def describe(change: Change) -> str:
    """One sentence for one change, the same in text and Markdown."""
    what = f"{change.subject} `{change.id}`" if change.subject not in ("map", "persona") else change.name
    before, after = _show(change.before), _show(change.after)
    if change.kind in STATED_ASPECTS:
        # A channel, severity or status the author left out is unknown, not nothing.
        before, after = _stated(change.before), _stated(change.after)
    verdict = f" ({change.verdict})" if change.verdict else ""
    where = f" in stage `{change.stage}`" if change.stage and change.kind in ("added", "removed") else ""
    if change.subject in ("map", "persona") and change.kind == "changed":
        return f"{change.name}: {before} → {after}"
    if change.subject == "persona" and change.kind in ("added", "removed"):
        value = change.after if change.kind == "added" else change.before
        return f"{change.name} {change.kind}: {_show(value)}" if value is not None else f"persona {change.kind}"
    sentences = {
        "added": f"{what} added{where}: {_show(change.name)}",
        "removed": f"{what} removed{where}: {_show(change.name)}",
        "renamed": f"{what} renamed: {before} → {after}",
        "moved": f"{what} moved: {before} → {after}",
        "channel": f"{what} switched channel: {before} → {after}",
        "emotion": f"{what} emotion: {before} → {after}{verdict}",
        "severity": f"{what} severity: {before} → {after}{verdict}",
        "resolved": f"{what} resolved ({_resolution(change)}): {_show(change.name)}",
        "status": f"{what} status: {before} → {after}",
        "value": f"{what} value: {before} → {after}{verdict}" + (f" in stage `{change.stage}`" if change.stage else ""),
        "target": f"{what} target: {before} → {after}" + (f" in stage `{change.stage}`" if change.stage else ""),
    }
    return sentences.get(change.kind, f"{what} {change.kind}: {before} → {after}")


def _resolution(change: Change) -> str:
    return "gone from the map" if change.after == "gone" else "a done opportunity addresses it"


def summary(diff: JourneyDiff) -> str:
    """One line: how much changed, the emotional balance and the pain points resolved or new."""
    if diff.empty:
        return f"No changes between {diff.old_name} and {diff.new_name}."
    count = sum(len(changes) for changes in diff.groups.values()) + len(diff.changed_emotions)
    parts = [f"{count} change{'s' if count != 1 else ''}"]
    deltas = [row.delta for row in diff.emotions if row.delta is not None]
    if any(deltas):
        mean = sum(deltas) / len(deltas)
        parts.append(f"emotion {'+' if mean > 0 else ''}{mean:.2f} per stage on average")
    resolved = sum(1 for change in diff.pain_points if change.kind == "resolved")
    new = sum(1 for change in diff.pain_points if change.kind == "added")
    if resolved:
        parts.append(f"{resolved} pain point{'s' if resolved != 1 else ''} resolved")
    if new:
        parts.append(f"{new} new pain point{'s' if new != 1 else ''}")
    return f"{diff.old_name} → {diff.new_name}: " + ", ".join(parts) + "."


def diff_text(diff: JourneyDiff) -> str:
    """The diff for a terminal: a summary line, then each group of changes."""
    lines = [summary(diff)]
    for name, changes in diff.groups.items():
        if changes:
            lines += ["", GROUP_TITLES[name]]
            lines += [f"  {MARKS.get(change.kind, '~')} {describe(change)}" for change in changes]
    if diff.changed_emotions:
        lines += ["", "Emotion per stage"]
        width = max(len(row.name) for row in diff.changed_emotions)
        for row in diff.changed_emotions:
            lines.append(
                f"  {row.name:<{width}}  {format_score(row.before)} → {format_score(row.after)}"
                + (f"  ({_shown_delta(row)})" if row.delta is not None else "")
            )
    return "\n".join(lines) + "\n"


def diff_json(diff: JourneyDiff) -> str:
    """The diff as JSON, with a summary line."""
    return json.dumps({"summary": summary(diff), **diff.to_dict()}, indent=2, ensure_ascii=False) + "\n"


def diff_markdown(diff: JourneyDiff, old: Journey, new: Journey) -> str:
    """The diff for a pull-request comment or `$GITHUB_STEP_SUMMARY`: summary, tables, and both curves."""
    out = [f"### Journey map diff: {_cell(new.title)}", "", _cell(summary(diff))]
    if diff.changed_emotions:
        out += ["", "#### Emotion per stage", "", "| Stage | Before | After | Change |", "| --- | ---: | ---: | ---: |"]
        for row in diff.emotions:
            change = _shown_delta(row) if row.delta is not None else ("new" if row.before is None else "removed")
            out.append(f"| {_cell(row.name)} | {format_score(row.before)} | {format_score(row.after)} | {change} |")
        out += ["", *_curves(diff, new)]
    for name, changes in diff.groups.items():
        if changes:
            out += ["", f"#### {GROUP_TITLES[name]}", "", "| | Change |", "| --- | --- |"]
            out += [f"| {MARKS.get(change.kind, '~')} | {_cell(describe(change))} |" for change in changes]
    return "\n".join(out) + "\n"


def _curves(diff: JourneyDiff, new: Journey) -> list[str]:
    rows = [row for row in diff.emotions if row.before is not None and row.after is not None]
    if not rows:
        return []
    scale = new.emotion_scale
    labels = ", ".join(json.dumps(row.name.replace('"', "'"), ensure_ascii=False) for row in rows)
    init = {"themeVariables": {"xyChart": {"plotColorPalette": ", ".join(CURVE_COLOURS)}}}
    names = ", ".join(row.name for row in rows)
    return [
        "```mermaid",
        f"%%{{init: {json.dumps(init)}}}%%",
        "xychart-beta",
        f"    accTitle: {mermaid_text('Emotional curve of ' + new.title + ': before and after')}",
        f"    accDescr: {mermaid_text('Emotion per stage, before (grey) and after (blue): ' + names)}",
        '    title "Emotional curve: before (grey) and after (blue)"',
        f"    x-axis [{labels}]",
        f'    y-axis "Emotion" {format_score(scale.min)} --> {format_score(scale.max)}',
        f"    line [{', '.join(format_score(row.before) for row in rows)}]",
        f"    line [{', '.join(format_score(row.after) for row in rows)}]",
        "```",
        "",
        "Grey: before, blue: after. Stages present on one side only are in the table above.",
    ]


def _shown_delta(row: EmotionRow) -> str:
    """The change as shown: computed from the displayed scores, so it adds up with the cells beside it."""
    delta = round(float(format_score(row.after)) - float(format_score(row.before)), 1)
    return ("+" if delta > 0 else "") + format_score(delta)


def _show(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return format_score(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    text = " ".join(str(value).split())
    return f"“{text}”" if " " in text else text


def _stated(value: Any) -> str:
    return NOT_STATED if value is None else _show(value)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (presentation.escape_table_cell)."""
    return escape_table_cell(text)
