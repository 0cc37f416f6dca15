"""Rules across the objects of a valid map: unique ids, references that resolve, scores in the scale.

Each rule reads the model, positions its findings through the document's source map and
returns diagnostics; nothing here raises on a bad map.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from cjm.config import METHOD_CODES
from cjm.diagnostics import Diagnostic, make
from cjm.i18n import CHANNEL_LABELS
from cjm.loader import Anchor, Document, PathKey
from cjm.model import Journey, slugify
from cjm.partial import Lost
from cjm.translation import N_, Message


def check_references(
    journey: Journey, document: Document, baseline: Journey | None = None, lost: Lost | None = None
) -> list[Diagnostic]:
    """Every cross-object rule of the format (CJM3xx) on a map, or on the readable part of an invalid one.

    With a baseline (the current-state map of a future-state map), `addresses:` may also name the
    baseline's pain points: the opportunities that removed them. `lost` is what was left out of
    an invalid map (`cjm.partial`): references to its ids are not reported, channels are not
    checked when `channels:` could not be read, nor scores when the emotion scale could not.
    """
    lost = lost or Lost()
    reporter = _Reporter(document)
    _unique_ids(journey, reporter, lost)
    if ("channels",) not in lost.paths:
        _channels(journey, reporter, lost.ids)
    _touchpoint_references(journey, reporter, lost.ids)
    _addresses(journey, reporter, baseline, lost.ids)
    if not lost.under(("emotion_scale",)):
        _scale(journey, reporter)
    _ignored_codes(journey, reporter)
    return reporter.found


class _Reporter:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.found: list[Diagnostic] = []

    def __call__(
        self, code: str, path: PathKey, message: str, hint: str | None = None, anchor: Anchor = "value"
    ) -> None:
        line, column = self.document.positions.locate(path, anchor)
        self.found.append(make(code, self.document.name, line, column, message, hint))

    def line_of(self, path: PathKey) -> int:
        return self.document.positions.locate(path)[0]


# How CJM301 names each kind of object: its id, the object already using it, and one whose id is derived.
# One template per kind, so a language can agree its words with the noun.
_ID_USED: dict[str, str] = {
    "stage": N_("stage id `{id}` is already used by {first} at line {line}"),
    "touchpoint": N_("touchpoint id `{id}` is already used by {first} at line {line}"),
    "pain point": N_("pain point id `{id}` is already used by {first} at line {line}"),
    "opportunity": N_("opportunity id `{id}` is already used by {first} at line {line}"),
}
_FIRST: dict[str, Message] = {
    "stage": Message("the stage"),
    "touchpoint": Message("the touchpoint"),
    "pain point": Message("the pain point"),
    "opportunity": Message("the opportunity"),
}
_DERIVED: dict[str, Message] = {
    "stage": Message("this stage's id is derived from its name; give it its own `id:`"),
    "touchpoint": Message("this touchpoint's id is derived from its name; give it its own `id:`"),
    "pain point": Message("this pain point's id is derived from its text; give it its own `id:`"),
    "opportunity": Message("this opportunity's id is derived from its text; give it its own `id:`"),
}


def _identified(journey: Journey) -> Iterator[tuple[str, str, PathKey]]:
    """(kind, id, path) of every object that has an id, in document order."""
    for s, stage in enumerate(journey.stages):
        yield "stage", stage.id, ("stages", s)
        for t, touchpoint in enumerate(stage.touchpoints):
            yield "touchpoint", touchpoint.id, ("stages", s, "touchpoints", t)
        for p, pain in enumerate(stage.pain_points):
            yield "pain point", pain.id, ("stages", s, "pain_points", p)
        for o, opportunity in enumerate(stage.opportunities):
            yield "opportunity", opportunity.id, ("stages", s, "opportunities", o)


def _unique_ids(journey: Journey, report: _Reporter, lost: Lost) -> None:
    seen: dict[str, tuple[str, PathKey]] = {}
    for kind, ident, path in _identified(journey):
        if lost.under((*path, "id")):
            continue  # its own id was left out: the derived stand-in is not the author's
        if ident in seen:
            first_kind, first_path = seen[ident]
            explicit = (*path, "id") in report.document.positions.spans
            hint = Message("ids are shared by stages, touchpoints, pain points and opportunities: rename one")
            if not explicit:
                hint = _DERIVED[kind]
            line = report.line_of(first_path)
            report(
                "CJM301", (*path, "id"), Message(_ID_USED[kind], id=ident, first=_FIRST[first_kind], line=line), hint
            )
        else:
            seen[ident] = (kind, path)
    channel_seen: set[str] = set()
    for c, channel in enumerate(journey.channels):
        if channel.id in channel_seen:
            report("CJM301", ("channels", c, "id"), Message("channel `{id}` is declared twice", id=channel.id))
        channel_seen.add(channel.id)


def _did_you_mean(value: str, known: list[str], listing: str) -> Message:
    """ "did you mean `x`?" for the closest known id, else the known ids after `listing` (a template with {ids})."""
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return Message("did you mean `{value}`?", value=close[0]) if close else Message(listing, ids=", ".join(known))


def _channels(journey: Journey, report: _Reporter, lost_ids: frozenset[str]) -> None:
    known = list(journey.channel_labels())
    hint_tail = N_("known channels: {ids}")
    for s, stage in enumerate(journey.stages):
        for t, touchpoint in enumerate(stage.touchpoints):
            if (
                touchpoint.channel is not None
                and touchpoint.channel not in known
                and touchpoint.channel not in lost_ids
            ):
                report(
                    "CJM302",
                    ("stages", s, "touchpoints", t, "channel"),
                    Message(
                        "unknown channel `{channel}` on touchpoint `{id}`", channel=touchpoint.channel, id=touchpoint.id
                    ),
                    _channel_hint(touchpoint.channel, journey, known)
                    or Message(
                        "{hint} (declare your own under `channels:`)",
                        hint=_did_you_mean(touchpoint.channel, known, hint_tail),
                    ),
                )
    if journey.persona is not None:
        for c, channel in enumerate(journey.persona.channels):
            if channel not in known and channel not in lost_ids:
                report(
                    "CJM302",
                    ("persona", "channels", c),
                    Message("unknown channel `{channel}` in the persona", channel=channel),
                    _channel_hint(channel, journey, known) or _did_you_mean(channel, known, hint_tail),
                )


def _channel_hint(value: str, journey: Journey, known: list[str]) -> Message | None:
    """The id of the channel the author named by its label ("Website", "Site web") or as a name ("Mobile app")."""
    by_label = {_words(label): ident for labels in CHANNEL_LABELS.values() for ident, label in labels.items()}
    by_label |= {_words(channel.label): channel.id for channel in journey.channels}
    ident = by_label.get(_words(value))
    if ident is None and slugify(value) in known:
        ident = slugify(value)
    return Message("channels are written by id: `{id}`", id=ident) if ident else None


def _words(text: str) -> str:
    """A label or a value compared word for word: case, hyphens and underscores ignored (`Site-web` is `site web`)."""
    return " ".join(text.replace("-", " ").replace("_", " ").split()).casefold()


def _touchpoint_references(journey: Journey, report: _Reporter, lost_ids: frozenset[str]) -> None:
    touchpoints = [touchpoint.id for _, touchpoint in journey.touchpoints()]
    for s, stage in enumerate(journey.stages):
        for p, pain in enumerate(stage.pain_points):
            if pain.touchpoint is not None and pain.touchpoint not in touchpoints and pain.touchpoint not in lost_ids:
                report(
                    "CJM303",
                    ("stages", s, "pain_points", p, "touchpoint"),
                    Message(
                        "pain point `{id}` names touchpoint `{touchpoint}`, which does not exist",
                        id=pain.id,
                        touchpoint=pain.touchpoint,
                    ),
                    _did_you_mean(pain.touchpoint, touchpoints, N_("touchpoints: {ids}")),
                )
        for t, touchpoint in enumerate(stage.touchpoints):
            for n, step in enumerate(touchpoint.next or []):
                target = step.to
                if target not in touchpoints and target not in lost_ids:
                    report(
                        "CJM303",
                        ("stages", s, "touchpoints", t, "next", n, "to"),
                        Message(
                            "touchpoint `{id}` leads `next` to `{target}`, which is not a touchpoint",
                            id=touchpoint.id,
                            target=target,
                        ),
                        _did_you_mean(target, touchpoints, N_("touchpoints: {ids}")),
                    )


def _addresses(journey: Journey, report: _Reporter, baseline: Journey | None, lost_ids: frozenset[str]) -> None:
    pains = [pain.id for _, pain in journey.pain_points()]
    if baseline is not None:
        pains += [pain.id for _, pain in baseline.pain_points() if pain.id not in pains]
    for s, stage in enumerate(journey.stages):
        for o, opportunity in enumerate(stage.opportunities):
            for a, target in enumerate(opportunity.addresses):
                if target not in pains and target not in lost_ids:
                    report(
                        "CJM304",
                        ("stages", s, "opportunities", o, "addresses", a),
                        Message(
                            "opportunity `{id}` addresses `{target}`, which is not a pain point",
                            id=opportunity.id,
                            target=target,
                        ),
                        _did_you_mean(target, pains, N_("pain points: {ids}")),
                    )


def _scale(journey: Journey, report: _Reporter) -> None:
    scale = journey.emotion_scale
    if scale.min >= scale.max:
        report(
            "CJM306",
            ("emotion_scale", "min"),
            Message(
                "the emotion scale's min ({min}) must be below its max ({max})",
                min=_number(scale.min),
                max=_number(scale.max),
            ),
        )
        return
    span = Message("{min}..{max}", min=_number(scale.min), max=_number(scale.max))
    if not scale.min <= scale.neutral <= scale.max:
        report(
            "CJM306",
            ("emotion_scale", "neutral"),
            Message(
                "the neutral score {score} lies outside the scale {scale}",
                score=_number(scale.neutral),
                scale=span,
            ),
        )
    for score in scale.labels:
        if not scale.min <= score <= scale.max:
            report(
                "CJM307",
                ("emotion_scale", "labels", score),
                Message(
                    "label for score {score} lies outside the scale {scale}",
                    score=score,
                    scale=span,
                ),
                anchor="key",
            )
    for s, stage in enumerate(journey.stages):
        scored: list[tuple[Message, float | None, PathKey]] = [
            (
                Message(
                    "emotion {score} of stage `{id}` lies outside the scale {scale}",
                    id=stage.id,
                    score=_number(stage.emotion or 0),
                    scale=span,
                ),
                stage.emotion,
                ("stages", s),
            )
        ]
        scored += [
            (
                Message(
                    "emotion {score} of touchpoint `{id}` lies outside the scale {scale}",
                    id=t.id,
                    score=_number(t.emotion or 0),
                    scale=span,
                ),
                t.emotion,
                ("stages", s, "touchpoints", i),
            )
            for i, t in enumerate(stage.touchpoints)
        ]
        for message, emotion, path in scored:
            if emotion is not None and not scale.min <= emotion <= scale.max:
                report(
                    "CJM305",
                    (*path, "emotion"),
                    message,
                    Message("scores go from {scale}; change `emotion_scale` if the map uses another range", scale=span),
                )


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _ignored_codes(journey: Journey, report: _Reporter) -> None:
    for i, code in enumerate(journey.ignore):
        if code.upper() not in METHOD_CODES:
            report(
                "CJM310",
                ("ignore", i),
                Message("`{code}` in `ignore` is not a method-check code", code=code),
                _did_you_mean(_code_typed_right(code), list(METHOD_CODES), N_("method checks: {ids}")),
            )


def _code_typed_right(code: str) -> str:
    """A code with the look-alike letters of its number read as digits (`CJM5O4` → `CJM504`)."""
    upper = code.strip().upper()
    return upper[:3] + upper[3:].translate(str.maketrans("OIL", "011"))
