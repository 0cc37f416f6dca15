"""A journey diff as text for a terminal, Markdown for a pull-request comment, or JSON for tools.

Every word is in the run's language (`cjm.translation`; `cjm diff` speaks the maps' locale unless
`--lang` says otherwise) and every number and date is written the language's way (`cjm.formatting`),
except inside the Mermaid block, whose syntax wants `2.5`.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from cjm import formatting
from cjm.diff import Change, EmotionRow, JourneyDiff
from cjm.emotion import format_score
from cjm.i18n import messages
from cjm.model import Journey
from cjm.presentation import escape_table_cell
from cjm.renderers.mermaid import mermaid_text
from cjm.translation import N_, SOURCE_LANGUAGE, _, current_language, ngettext, pgettext

GROUP_TITLES = {
    "map": N_("Map"),
    "persona": N_("Persona"),
    "stages": N_("Stages"),
    "touchpoints": N_("Touchpoints"),
    "pain_points": N_("Pain points"),
    "opportunities": N_("Opportunities"),
    "kpis": N_("KPIs"),
}
MARKS = {"added": "+", "removed": "-", "resolved": "✓"}
# Changes of a value the author may leave out: a missing side reads "not stated".
STATED_ASPECTS = ("channel", "severity", "status")
# Mermaid xychart colours: the old curve grey, the new one blue (the palette of cjm.emotion).
CURVE_COLOURS = ("#9e9e9e", "#2b83ba")


def _sentences(subject: str) -> dict[str, str]:
    """The sentence of each kind of change to one kind of object (a context each, for French agreement)."""
    if subject == "stage":
        return {
            "added": pgettext("stage", "stage `{id}` added: {name}"),
            "removed": pgettext("stage", "stage `{id}` removed: {name}"),
            "renamed": pgettext("stage", "stage `{id}` renamed: {before} → {after}"),
            "moved": pgettext("stage", "stage `{id}` moved: {before} → {after}"),
        }
    if subject == "touchpoint":
        return {
            "added": pgettext("touchpoint", "touchpoint `{id}` added in stage `{stage}`: {name}"),
            "removed": pgettext("touchpoint", "touchpoint `{id}` removed in stage `{stage}`: {name}"),
            "renamed": pgettext("touchpoint", "touchpoint `{id}` renamed: {before} → {after}"),
            "moved": pgettext("touchpoint", "touchpoint `{id}` moved: {before} → {after}"),
            "channel": pgettext("touchpoint", "touchpoint `{id}` switched channel: {before} → {after}"),
            "emotion": pgettext("touchpoint", "touchpoint `{id}` emotion: {before} → {after}{verdict}"),
        }
    if subject == "pain point":
        return {
            "added": pgettext("pain point", "pain point `{id}` added in stage `{stage}`: {name}"),
            "removed": pgettext("pain point", "pain point `{id}` removed in stage `{stage}`: {name}"),
            "severity": pgettext("pain point", "pain point `{id}` severity: {before} → {after}{verdict}"),
            "resolved": pgettext("pain point", "pain point `{id}` resolved ({resolution}): {name}"),
        }
    if subject == "opportunity":
        return {
            "added": pgettext("opportunity", "opportunity `{id}` added in stage `{stage}`: {name}"),
            "removed": pgettext("opportunity", "opportunity `{id}` removed in stage `{stage}`: {name}"),
            "status": pgettext("opportunity", "opportunity `{id}` status: {before} → {after}"),
        }
    return {
        "added": pgettext("kpi", "kpi `{id}` added in stage `{stage}`: {name}"),
        "removed": pgettext("kpi", "kpi `{id}` removed in stage `{stage}`: {name}"),
        "value": pgettext("kpi", "kpi `{id}` value: {before} → {after}{verdict} in stage `{stage}`"),
        "target": pgettext("kpi", "kpi `{id}` target: {before} → {after} in stage `{stage}`"),
    }


def describe(change: Change) -> str:
    """One sentence for one change in the run's language, the same in text and Markdown."""
    language = current_language()
    if change.subject in ("map", "persona"):
        return _describe_field(change, language)
    before, after = _value(change, change.before, language), _value(change, change.after, language)
    verdicts = {"better": _(" (better)"), "worse": _(" (worse)")}
    resolution = _("gone from the map") if change.after == "gone" else _("a done opportunity addresses it")
    template = _sentences(change.subject).get(change.kind)
    if template is None:
        return f"{change.subject} `{change.id}` {change.kind}: {before} → {after}"
    return template.format(
        id=change.id,
        name=_show(change.name, language),
        before=before,
        after=after,
        verdict=verdicts.get(change.verdict or "", ""),
        stage=change.stage,
        resolution=resolution,
    )


def _describe_field(change: Change, language: str) -> str:
    """A field of the map or of the persona: its key as written in the file, then the values."""
    before, after = _show(change.before, language), _show(change.after, language)
    if change.kind == "changed":
        return f"{formatting.labelled(f'`{change.name}`', before, language)} → {after}"
    value = change.after if change.kind == "added" else change.before
    if change.name == "persona" or value is None:
        return _("persona added") if change.kind == "added" else _("persona removed")
    template = _("{field} added: {value}") if change.kind == "added" else _("{field} removed: {value}")
    return template.format(field=f"`{change.name}`", value=_show(value, language))


def _value(change: Change, value: Any, language: str) -> str:
    """A changed value as the reader's language names it: severities, statuses, channels, numbers."""
    if value is None and change.kind in STATED_ASPECTS:
        return _("not stated")  # A channel, severity or status the author left out is unknown, not nothing.
    if isinstance(value, str) and change.kind in ("severity", "status") and language != SOURCE_LANGUAGE:
        # English names a value by the format's own word; other languages by their label, mid-sentence.
        return messages(language).get(f"{change.kind}.{value}", value).lower()
    if isinstance(value, float | int) and not isinstance(value, bool) and change.subject == "kpi":
        return formatting.number(value, language)
    return _show(value, language)


def summary(diff: JourneyDiff) -> str:
    """One line in the run's language: how much changed, the emotional balance, pain points resolved or new."""
    language = current_language()
    if diff.empty:
        return _("No changes between {old} and {new}.").format(old=diff.old_name, new=diff.new_name)
    count = sum(len(changes) for changes in diff.groups.values()) + len(diff.changed_emotions)
    parts = [ngettext("{count} change", "{count} changes", count).format(count=count)]
    deltas = [row.delta for row in diff.emotions if row.delta is not None]
    if any(deltas):
        mean = sum(deltas) / len(deltas)
        shown = formatting.signed(mean, language, "0.00")
        parts.append(_("emotion {mean} per stage on average").format(mean=shown))
    resolved = sum(1 for change in diff.pain_points if change.kind == "resolved")
    new = sum(1 for change in diff.pain_points if change.kind == "added")
    if resolved:
        parts.append(
            ngettext("{count} pain point resolved", "{count} pain points resolved", resolved).format(count=resolved)
        )
    if new:
        parts.append(ngettext("{count} new pain point", "{count} new pain points", new).format(count=new))
    return _("{old} → {new}: {parts}.").format(old=diff.old_name, new=diff.new_name, parts=", ".join(parts))


def diff_text(diff: JourneyDiff) -> str:
    """The diff for a terminal: a summary line, then each group of changes."""
    language = current_language()
    lines = [summary(diff)]
    for name, changes in diff.groups.items():
        if changes:
            lines += ["", _(GROUP_TITLES[name])]
            lines += [f"  {MARKS.get(change.kind, '~')} {describe(change)}" for change in changes]
    if diff.changed_emotions:
        lines += ["", _("Emotion per stage")]
        width = max(len(row.name) for row in diff.changed_emotions)
        for row in diff.changed_emotions:
            before, after = formatting.score(row.before, language), formatting.score(row.after, language)
            delta = f"  ({_shown_delta(row, language)})" if row.delta is not None else ""
            lines.append(f"  {row.name:<{width}}  {before} → {after}{delta}")
    return "\n".join(lines) + "\n"


def diff_json(diff: JourneyDiff) -> str:
    """The diff as JSON, with a summary line (in the run's language; keys and values as in the maps)."""
    return json.dumps({"summary": summary(diff), **diff.to_dict()}, indent=2, ensure_ascii=False) + "\n"


def diff_markdown(diff: JourneyDiff, old: Journey, new: Journey) -> str:
    """The diff for a pull-request comment or `$GITHUB_STEP_SUMMARY`: summary, tables, and both curves."""
    language = current_language()
    out = [_("### Journey map diff: {title}").format(title=_cell(new.title)), "", _cell(summary(diff))]
    if diff.changed_emotions:
        header = [_("Stage"), _("Before"), _("After"), _("Change")]
        out += ["", _("#### Emotion per stage"), "", f"| {' | '.join(header)} |", "| --- | ---: | ---: | ---: |"]
        for row in diff.emotions:
            if row.delta is not None:
                change = _shown_delta(row, language)
            else:
                change = _("new") if row.before is None else _("removed")
            before, after = formatting.score(row.before, language), formatting.score(row.after, language)
            out.append(f"| {_cell(row.name)} | {before} | {after} | {change} |")
        out += ["", *_curves(diff, new)]
    for name, changes in diff.groups.items():
        if changes:
            out += ["", f"#### {_(GROUP_TITLES[name])}", "", f"| | {_('Change')} |", "| --- | --- |"]
            out += [
                f"| {MARKS.get(change.kind, '~')} | {_cell(describe(change), _named(change))} |" for change in changes
            ]
    return "\n".join(out) + "\n"


def _named(change: Change) -> frozenset[str]:
    """The keys and ids a change's sentence names in backticks."""
    return frozenset(str(word) for word in (change.id, change.name, change.stage) if word)


def _curves(diff: JourneyDiff, new: Journey) -> list[str]:
    """The Mermaid chart of both curves; its numbers stay `2.5` (Mermaid's syntax), its words are translated."""
    rows = [row for row in diff.emotions if row.before is not None and row.after is not None]
    if not rows:
        return []
    scale = new.emotion_scale
    labels = ", ".join(json.dumps(row.name.replace('"', "'"), ensure_ascii=False) for row in rows)
    init = {"themeVariables": {"xyChart": {"plotColorPalette": ", ".join(CURVE_COLOURS)}}}
    names = ", ".join(row.name for row in rows)
    acc_title = mermaid_text(_("Emotional curve of {title}: before and after").format(title=new.title))
    acc_descr = mermaid_text(_("Emotion per stage, before (grey) and after (blue): {names}").format(names=names))
    title = _("Emotional curve: before (grey) and after (blue)").replace('"', "'")
    axis = _("Emotion").replace('"', "'")
    return [
        "```mermaid",
        f"%%{{init: {json.dumps(init)}}}%%",
        "xychart-beta",
        f"    accTitle: {acc_title}",
        f"    accDescr: {acc_descr}",
        f'    title "{title}"',
        f"    x-axis [{labels}]",
        f'    y-axis "{axis}" {format_score(scale.min)} --> {format_score(scale.max)}',
        f"    line [{', '.join(format_score(row.before) for row in rows)}]",
        f"    line [{', '.join(format_score(row.after) for row in rows)}]",
        "```",
        "",
        _("Grey: before, blue: after. Stages present on one side only are in the table above."),
    ]


def _shown_delta(row: EmotionRow, language: str) -> str:
    """The change as shown: computed from the displayed scores, so it adds up with the cells beside it."""
    delta = round(float(format_score(row.after)) - float(format_score(row.before)), 1)
    return formatting.signed(delta, language)


def _show(value: Any, language: str) -> str:
    """A value in a sentence: a score, a date written out, or the author's text (quoted when it has spaces)."""
    if value is None:
        return formatting.NO_VALUE
    if isinstance(value, float):
        return formatting.score(value, language)
    if isinstance(value, datetime.date):
        return formatting.date(value, language)
    text = " ".join(str(value).split())
    return formatting.quoted(text, language) if " " in text else text


def _cell(text: str, codes: frozenset[str] = frozenset()) -> str:
    """Text safe inside a Markdown table cell of a pull-request comment.

    The report's escaper (`presentation.escape_table_cell`) first; then what GitHub links in a
    comment after rendering it, which no Markdown escape stops: `@name` (a mention, which notifies
    that account), `#123` (a reference to an issue) and bare addresses (`https://…`, `www.…`). A
    zero-width space after `@`, `#` and in `://`, `www.` (written `&#8203;`, invisible) keeps the
    text as written without the link, as release-note bots do. The keys and ids in `codes`, which
    the sentence names in backticks (`` `reviewed` ``, `` `kpi-nps` ``), stay code spans.
    """
    escaped = _CODE.sub(lambda found: _code(found, codes), escape_table_cell(text))
    return _UNLINKED.sub(lambda found: found.group(0) + ZERO_WIDTH_SPACE, escaped)


def _code(found: re.Match[str], codes: frozenset[str]) -> str:
    word = found.group(1).replace("\\", "")
    return f"`{word}`" if word in codes else found.group(0)


# A word between backticks, once escaped: `\`emotion\_source\``.
_CODE = re.compile(r"\\`((?:[^\W_]|-|\\_)+)\\`")
ZERO_WIDTH_SPACE = "&#8203;"
# `@` before a name, `#` (escaped `\#`) before a number, `:` of `://`, `www` before its dot.
_UNLINKED = re.compile(r"@(?=[\w-])|\\#(?=\d)|:(?=//)|\bwww(?=\.)", re.IGNORECASE)
