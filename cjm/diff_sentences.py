"""One sentence per change of a journey diff, in the run's language, the same in text and Markdown.

Values are shown as the map view and the report show them: a KPI with its unit
(`presentation.kpi_value_text`), a map type, severity, status, impact, effort, maturity or
touchpoint kind by its label (`cjm.i18n`), a channel by its label, an emotion score with one
decimal, a date written out; ids and keys are code spans, the author's text is quoted. What the
author left out reads "not stated", never a default. Each sentence is a catalogue message with a
context per kind of object, so French can agree it ("étape ajoutée", "point de contact ajouté").
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from cjm import emotion, formatting
from cjm.diff import Change, JourneyDiff
from cjm.i18n import builtin_channel_labels, messages
from cjm.presentation import kpi_value_text
from cjm.translation import _, current_language, pgettext

# The label key prefix (`cjm.i18n`) of each field whose values are words of the format.
ENUM_LABELS = {
    "type": "type",
    "severity": "severity",
    "status": "status",
    "impact": "level",
    "effort": "level",
    "digital_maturity": "maturity",
    "kind": "kind",
    "better": "better",
}
# Fields whose values are ids (shown as code spans), and fields whose values are emotion scores.
ID_FIELDS = frozenset({"touchpoint", "addresses", "ignore", "locale"})
SCORE_FIELDS = frozenset({"emotion", "min", "max", "neutral"})
# The value an added object carries in `after`, shown after its sentence with the map's label for it.
ADDED_WITH = {"touchpoint": "channel", "pain point": "severity", "opportunity": "status"}


def _words() -> dict[str, str]:
    """Values of the format with no label elsewhere, as a reader says them."""
    return {
        "measured": pgettext("emotion_source", "measured"),
        "assumed": pgettext("emotion_source", "assumed"),
        "sequence": pgettext("touchpoints_are", "a sequence"),
        "alternatives": pgettext("touchpoints_are", "alternatives"),
    }


def _objects(change: Change) -> str | None:
    """The object a sentence is about ("stage `checkout`"); None for the map and the persona (their group says it)."""
    phrases = {
        "stage": pgettext("stage", "stage `{id}`"),
        "touchpoint": pgettext("touchpoint", "touchpoint `{id}`"),
        "pain point": pgettext("pain point", "pain point `{id}`"),
        "opportunity": pgettext("opportunity", "opportunity `{id}`"),
        "kpi": pgettext("kpi", "KPI {name} in stage `{stage}`"),
        "channel": pgettext("channel", "channel `{id}`"),
    }
    phrase = phrases.get(change.subject)
    if phrase is None:
        return None
    return phrase.format(id=change.id, name=_quoted(change.name), stage=change.stage)


def _sentences(subject: str) -> dict[str, str]:
    """The sentence of each kind of change to one kind of object (a context each, for French agreement)."""
    if subject == "stage":
        return {
            "added": pgettext("stage", "stage `{id}` added: {name}"),
            "added-from": pgettext("stage", "stage `{id}` added: {name}, with touchpoints from {related}"),
            "removed": pgettext("stage", "stage `{id}` removed: {name}"),
            "removed-to": pgettext("stage", "stage `{id}` removed: {name}; its touchpoints went to {related}"),
            "renamed": pgettext("stage", "stage `{id}` renamed: {before} → {after}"),
            "moved": pgettext("stage", "stage `{id}` moved: position {before} → {after}"),
        }
    if subject == "touchpoint":
        return {
            "added": pgettext("touchpoint", "touchpoint `{id}` added in stage `{stage}`: {name}"),
            "removed": pgettext("touchpoint", "touchpoint `{id}` removed in stage `{stage}`: {name}"),
            "renamed": pgettext("touchpoint", "touchpoint `{id}` renamed: {before} → {after}"),
            "moved": pgettext("touchpoint", "touchpoint `{id}` moved: stage {before} → {after}"),
            "channel": pgettext("touchpoint", "touchpoint `{id}` switched channel: {before} → {after}"),
            "emotion": pgettext("touchpoint", "touchpoint `{id}` emotion: {before} → {after}{verdict}"),
        }
    if subject == "pain point":
        return {
            "added": pgettext("pain point", "pain point `{id}` added in stage `{stage}`: {name}"),
            "removed": pgettext("pain point", "pain point `{id}` removed in stage `{stage}`: {name}"),
            "renamed": pgettext("pain point", "pain point `{id}` reworded: {before} → {after}"),
            "severity": pgettext("pain point", "pain point `{id}` severity: {before} → {after}{verdict}"),
            "resolved": pgettext("pain point", "pain point `{id}` resolved ({resolution}): {name}"),
        }
    if subject == "opportunity":
        return {
            "added": pgettext("opportunity", "opportunity `{id}` added in stage `{stage}`: {name}"),
            "removed": pgettext("opportunity", "opportunity `{id}` removed in stage `{stage}`: {name}"),
            "renamed": pgettext("opportunity", "opportunity `{id}` reworded: {before} → {after}"),
            "status": pgettext("opportunity", "opportunity `{id}` status: {before} → {after}"),
        }
    return {
        "added": pgettext("kpi", "KPI {name} added in stage `{stage}`: {after}"),
        "removed": pgettext("kpi", "KPI {name} removed from stage `{stage}`: {before}"),
        "added-unvalued": pgettext("kpi", "KPI {name} added in stage `{stage}`"),
        "removed-unvalued": pgettext("kpi", "KPI {name} removed from stage `{stage}`"),
        "renamed": pgettext("kpi", "KPI {before} renamed {after}"),
        "moved": pgettext("kpi", "KPI {name} moved: stage {before} → {after}"),
        "value": pgettext("kpi", "KPI {name} in stage `{stage}`: {before} → {after}{verdict}"),
        "target": pgettext("kpi", "KPI {name} in stage `{stage}`, target: {before} → {after}"),
    }


def describe(change: Change, context: JourneyDiff | None = None) -> str:
    """One sentence for one change in the run's language; `context` (the diff) gives the maps' own channel
    labels and emotion scales."""
    language = current_language()
    context = context or JourneyDiff("old", "new")
    channels = {**builtin_channel_labels(language), **context.channels}
    if change.field is not None:
        return _describe_field(change, language, channels, context)
    if change.subject == "persona":
        template = _("persona added: {name}") if change.kind == "added" else _("persona removed: {name}")
        return template.format(name=_quoted(change.name))
    before, after = (_value(change, side, language, channels, context) for side in ("before", "after"))
    verdicts = {"better": _(" (better)"), "worse": _(" (worse)")}
    resolution = _("gone from the map") if change.after == "gone" else _("a done opportunity addresses it")
    kind = change.kind
    if change.related and kind in ("added", "removed"):
        kind = f"{kind}-from" if kind == "added" else f"{kind}-to"
    if (
        change.subject == "kpi"
        and kind in ("added", "removed")
        and (change.after, change.before)[kind == "removed"] is None
    ):
        kind = f"{kind}-unvalued"  # a KPI named before it is measured: nothing to show after a colon
    sentence = _sentences(change.subject)[kind].format(
        id=change.id,
        name=_quoted(change.name),
        before=before,
        after=after,
        verdict=verdicts.get(change.verdict or "", ""),
        stage=change.stage,
        resolution=resolution,
        related=", ".join(f"`{ident}`" for ident in change.related),
    )
    stated = ADDED_WITH.get(change.subject)
    if change.kind == "added" and stated is not None and change.after is not None:
        # What a reviewer asks of a new object first: its channel, its severity, its status.
        label = messages(language)[f"field.{stated}"].lower()
        shown = _value(
            Change(change.subject, change.id, stated, change.name, after=change.after),
            "after",
            language,
            channels,
            context,
        )
        sentence += f" ({formatting.labelled(label, shown, language)})"
    if change.kind == "renamed" and change.old_id is not None:
        if not change.derived:
            note = _(" (id was `{old_id}`)")
        elif change.subject in ("stage", "touchpoint"):
            # Translators: keep `id: {old_id}` as it is: the author pastes it into the map (YAML).
            note = _(" (its id comes from its name and was `{old_id}`: write `id: {old_id}` to keep it)")
        else:
            note = _(" (its id comes from its text and was `{old_id}`: write `id: {old_id}` to keep it)")
        sentence += note.format(old_id=change.old_id)
    return sentence


def _describe_field(change: Change, language: str, channels: Mapping[str, str], context: JourneyDiff) -> str:
    """A change to one field: its key as written in the file, then the values (or the item added or removed)."""
    owner = _objects(change)
    field = f"`{change.field}`"
    if change.field == "moment_of_truth":
        template = (
            _("{object} is now a moment of truth") if change.after else _("{object} is no longer a moment of truth")
        )
        return template.format(object=owner)
    if change.kind in ("item-added", "item-removed"):
        value = _value(change, "after" if change.kind == "item-added" else "before", language, channels, context)
        if change.kind == "item-added":
            # Translators: {object} is "stage `x`" and the like; {field} a key (`evidence`); {value} the item.
            template = _("{value} added to {field}") if owner is None else _("{object}: {value} added to {field}")
        else:
            template = (
                _("{value} removed from {field}") if owner is None else _("{object}: {value} removed from {field}")
            )
        return template.format(object=owner, value=value, field=field)
    if change.kind == "reordered":
        if change.field != "touchpoints":
            template = _("{field} in a new order") if owner is None else _("{object}: {field} in a new order")
            return template.format(object=owner, field=field)
        before, after = (", ".join(f"`{ident}`" for ident in order) for order in (change.before, change.after))
        return _("{object}: touchpoints in a new order: {before} → {after}").format(
            object=owner, before=before, after=after
        )
    before, after = (_value(change, side, language, channels, context) for side in ("before", "after"))
    # Translators: {object} is "stage `x`" and the like, {field} a key of the file; a colon and the values follow.
    label = field if owner is None else _("{object}, {field}").format(object=owner, field=field)
    return f"{formatting.labelled(label, before, language)} → {after}"


def codes(change: Change) -> frozenset[str]:
    """The keys and ids a change's sentence names in backticks (so Markdown keeps them as code spans)."""
    found = {change.id, change.stage, change.field, change.old_id, *change.related}
    if change.old_id:
        found.add(f"id: {change.old_id}")
    key = (change.field or "").rsplit(".", 1)[-1]
    if key in ID_FIELDS or key in ("next", "channels", "touchpoints") or change.kind == "moved":
        for value in (change.before, change.after):
            for item in value if isinstance(value, list) else [value]:
                found.add(item.get("to", item.get("id")) if isinstance(item, dict) else item)
    return frozenset(str(word) for word in found if word)


def _value(change: Change, side: str, language: str, channels: Mapping[str, str], context: JourneyDiff) -> str:
    """The value before or after (`side`) as the map view and the report show it, in the reader's language."""
    value = change.before if side == "before" else change.after
    key = (change.field or change.kind).rsplit(".", 1)[-1]
    if key == "next" and not isinstance(value, dict):
        # Left out, the customer goes on in the listed order; an empty list ends the journey there.
        if value is None:
            return _("the listed order")
        return ", ".join(_item(key, item, language) for item in value) or _("the journey ends here")
    if value is None:
        # A channel, severity, status or any field the author left out is unknown, not nothing.
        return _("not stated")
    if change.subject == "kpi" and key in ("value", "target", "added", "removed"):
        return kpi_value_text(value, change.units[0 if side == "before" else 1], language)
    if key == "moved" and change.subject != "stage":
        return f"`{value}`"
    if key in ENUM_LABELS and isinstance(value, str):
        # Mid-sentence, a label reads in lower case ("high → critical", "élevée → critique").
        return messages(language).get(f"{ENUM_LABELS[key]}.{value}", value).lower()
    if key in ("channel", "channels") and isinstance(value, str):
        return channels.get(value, value)
    if key in ("emotion_source", "touchpoints_are") and isinstance(value, str):
        return _words().get(value, value)
    if key == "emotion" and isinstance(value, float | int):
        # As the map view writes a score: a true minus sign, then the scale's word ("−1 Annoyed").
        word = emotion.label(value, context.scales[0 if side == "before" else 1])
        number = formatting.score(value, language).replace("-", "−")
        return f"{number} {word}" if word else number
    if key in SCORE_FIELDS and isinstance(value, float | int):
        return formatting.score(value, language).replace("-", "−")
    if key == "labels" and isinstance(value, dict):
        # Only the scores whose word changed: the rest of the scale is the same on both sides.
        other = change.after if side == "before" else change.before
        kept = {score: word for score, word in value.items() if not isinstance(other, dict) or other.get(score) != word}
        shown = [
            f"{formatting.score(score, language).replace('-', '−')} = {' '.join(str(word).split())}"
            for score, word in kept.items()
        ]
        return ", ".join(shown) or _("not stated")
    if key in ID_FIELDS:
        return f"`{value}`"
    if isinstance(value, dict):
        return _item(key, value, language)
    return _show(value, language)


def _item(key: str, value: dict[str, Any], language: str) -> str:
    """One item of a list of objects: a next step, a quote, a channel of the map."""
    if key == "next":
        label = value.get("label")
        return f"`{value['to']}`" + (f" ({_show(label, language)})" if label else "")
    if key == "channels":
        return formatting.labelled(f"`{value['id']}`", _show(value["label"], language), language)
    source = value.get("source")
    return formatting.quoted(value.get("text", ""), language) + (
        f" ({' '.join(str(source).split())})" if source else ""
    )


def _quoted(text: str) -> str:
    return formatting.quoted(" ".join(text.split()), current_language())


def _show(value: Any, language: str) -> str:
    """A value in a sentence: a number, a date written out, or the author's text between quotation marks.

    Why always quoted: a one-word name read unquoted ("renamed: Browse → “Browse the catalogue”")
    looked like a different kind of value from the same name with two words.
    """
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float | int):
        return formatting.number(value, language)
    if isinstance(value, datetime.date):
        return formatting.date(value, language)
    return formatting.quoted(" ".join(str(value).split()), language)
