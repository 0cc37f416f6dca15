"""A journey diff as text for a terminal, Markdown for a pull-request comment, or JSON for tools.

Every word is in the run's language (`cjm.translation`; `cjm diff` speaks the maps' locale unless
`--lang` says otherwise) and every number and date is written the language's way (`cjm.formatting`),
except inside the Mermaid block, whose syntax wants `2.5`.
"""

from __future__ import annotations

import json
import re

from cjm import formatting
from cjm.diff import EmotionRow, JourneyDiff
from cjm.diff_sentences import codes, describe
from cjm.emotion import format_score
from cjm.model import Journey
from cjm.presentation import escape_table_cell
from cjm.renderers.mermaid import mermaid_text
from cjm.translation import N_, _, current_language, ngettext

GROUP_TITLES = {
    "map": N_("Map"),
    "persona": N_("Persona"),
    "stages": N_("Stages"),
    "touchpoints": N_("Touchpoints"),
    "pain_points": N_("Pain points"),
    "opportunities": N_("Opportunities"),
    "kpis": N_("KPIs"),
}
MARKS = {"added": "+", "removed": "-", "resolved": "✓", "item-added": "+", "item-removed": "-"}
# Mermaid xychart colours: the old curve grey, the new one blue (the palette of cjm.emotion).
CURVE_COLOURS = ("#9e9e9e", "#2b83ba")


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
        shown = _minus(formatting.signed(mean, language, "0.00"))
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
            lines += [f"  {MARKS.get(change.kind, '~')} {describe(change, diff)}" for change in changes]
    if diff.changed_emotions:
        lines += ["", _("Emotion per stage")]
        width = max(len(row.name) for row in diff.changed_emotions)
        for row in diff.changed_emotions:
            before, after = _score(row.before, language), _score(row.after, language)
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
            before, after = _score(row.before, language), _score(row.after, language)
            out.append(f"| {_cell(row.name)} | {before} | {after} | {change} |")
        out += ["", *_curves(diff, new)]
    for name, changes in diff.groups.items():
        if changes:
            out += ["", f"#### {_(GROUP_TITLES[name])}", "", f"| | {_('Change')} |", "| --- | --- |"]
            out += [
                f"| {MARKS.get(change.kind, '~')} | {_cell(describe(change, diff), codes(change))} |"
                for change in changes
            ]
    return "\n".join(out) + "\n"


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
    return _minus(formatting.signed(delta, language))


def _score(score: float | None, language: str) -> str:
    """A score in a table, as the map view writes it: a true minus sign (the Mermaid block keeps `-`)."""
    return _minus(formatting.score(score, language))


def _minus(number: str) -> str:
    return number.replace("-", "−")


def _cell(text: str, codes: frozenset[str] = frozenset()) -> str:
    """Text safe inside a Markdown table cell of a pull-request comment.

    The report's escaper (`presentation.escape_table_cell`) first; then what GitHub links in a
    comment after rendering it, which no Markdown escape stops: `@name` (a mention, which notifies
    that account), `#123` (a reference to an issue) and bare addresses (`https://…`, `www.…`). A
    zero-width space after `@`, `#` and in `://`, `www.` (written `&#8203;`, invisible) keeps the
    text as written without the link, as release-note bots do. The keys and ids in `codes`, which
    the sentence names in backticks (`` `reviewed` ``, `` `kpi-nps` ``), stay code spans.
    """
    # The escaper joins words with plain spaces: the language's no-break spaces (French « », ` :`) are kept aside.
    kept = text.translate(_KEEP_SPACES)
    escaped = _CODE.sub(lambda found: _code(found, codes), escape_table_cell(kept)).translate(_RESTORE_SPACES)
    return _UNLINKED.sub(lambda found: found.group(0) + ZERO_WIDTH_SPACE, escaped)


def _code(found: re.Match[str], codes: frozenset[str]) -> str:
    word = found.group(1).replace("\\", "")
    return f"`{word}`" if word in codes else found.group(0)


# A key or an id between backticks, once escaped: `\`emotion\_source\``, `\`emotion\_scale.min\``, `\`id: paiement\``.
_CODE = re.compile(r"\\`((?:id: )?(?:[^\W_]|[-.]|\\_)+)\\`")
ZERO_WIDTH_SPACE = "&#8203;"
# No-break spaces (U+00A0, U+202F) stand in as private-use characters while the text is escaped.
_KEEP_SPACES = str.maketrans({"\u00a0": "\ue000", "\u202f": "\ue001"})
_RESTORE_SPACES = str.maketrans({"\ue000": "\u00a0", "\ue001": "\u202f"})
# `@` before a name, `#` (escaped `\#`) before a number, `:` of `://`, `www` before its dot.
_UNLINKED = re.compile(r"@(?=[\w-])|\\#(?=\d)|:(?=//)|\bwww(?=\.)", re.IGNORECASE)
