"""Method checks: warnings where a valid map does not follow the journey-mapping method (CJM5xx).

The guides our users follow list how maps fail: no objective, built on assumptions, so
detailed nobody reads them, never updated. Each rule here finds one of those on a valid map
and returns positioned warnings; the configuration and the map's own `ignore:` switch rules off.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable, Iterator

from cjm.config import Config
from cjm.diagnostics import Diagnostic, make
from cjm.loader import Anchor, Document, PathKey
from cjm.model import Journey, MapType
from cjm.partial import Lost
from cjm.translation import N_, Message

Finding = tuple[str, PathKey, str, str | None, Anchor]
Rule = Callable[[Journey, Config, datetime.date], Iterator[Finding]]


# Checks that do not fit some kinds of map. Why: most service blueprints score no emotions (they
# map operations, not feelings), and a future-state map's pain points are anticipated, so there
# is no research evidence for them yet.
NOT_FOR: dict[str, frozenset[MapType]] = {
    "CJM506": frozenset({"service-blueprint"}),
    "CJM507": frozenset({"future-state"}),
}


def fits(code: str, map_type: MapType | None) -> bool:
    """Whether a method check applies to a kind of map (see `NOT_FOR`); every check applies when it is not stated."""
    return map_type is None or map_type not in NOT_FOR.get(code, frozenset())


def check_method(
    journey: Journey, document: Document, config: Config, today: datetime.date, lost: Lost | None = None
) -> list[Diagnostic]:
    """Every enabled method check that fits the kind of map, as warnings positioned in the document.

    `lost` is what was left out of an invalid map to read the rest (`cjm.partial`): a finding
    that could be its consequence ("no objective" when the objective was not text) is not reported.
    """
    ignores = tuple(code.upper() for code in journey.ignore)
    found: list[Diagnostic] = []
    for rule in RULES:
        for code, path, message, hint, anchor in rule(journey, config, today):
            if lost is not None and _hidden(code, path, lost):
                continue
            if config.enabled(code, ignores) and fits(code, journey.type):
                line, column = document.positions.locate(path, anchor)
                found.append(make(code, document.name, line, column, message, hint))
    return found


# What a finding about a stage or a touchpoint depends on, inside it: a left-out value elsewhere in
# the object (a pain point's bad severity) does not make "no emotion here" doubtful.
_DEPENDS_ON = {"CJM506": "emotion", "CJM514": "channel"}
# The field each finding is about: a key of that name left out near the finding's object (moved
# out of it by a wrong indentation, or not valid) may be the very value the finding misses.
_ABOUT: dict[str, tuple[str, ...]] = {
    "CJM501": ("objective",),
    "CJM502": ("persona",),
    "CJM503": ("goals", "frustrations"),
    "CJM506": ("emotion",),
    "CJM507": ("evidence",),
    "CJM509": ("addresses",),
    "CJM510": ("target",),
    "CJM511": ("reviewed",),
    "CJM512": ("reviewed",),
    "CJM514": ("channel",),
    "CJM515": ("better",),
}


def _hidden(code: str, model_path: PathKey, lost: Lost) -> bool:
    """Whether a finding could be the consequence of a value left out of an invalid map."""
    if not lost.paths:
        return False
    path = lost.original(model_path)
    if code in ("CJM504", "CJM505"):
        return any(gone[:1] == ("stages",) and len(gone) <= 2 for gone in lost.below.get(("stages",), []))
    if code == "CJM508" and any("opportunities" in gone for gone in lost.paths):
        return True
    about = _ABOUT.get(code, ())
    # Left out around the finding's object: the object itself or one that holds it, or a key it is about.
    for end in range(len(path) + 1):
        if path[:end] in lost.paths:
            return True
        if any(_names_one_of(gone[-1], about) for gone in lost.by_holder.get(path[:end], [])):
            return True
    # Left out inside it: only what the finding depends on (a touchpoint's emotion for "no emotion").
    inside = [gone for gone in lost.below.get(path, []) if len(gone) > len(path)]
    if code not in _DEPENDS_ON:
        return bool(inside)
    for gone in inside:
        whole_item = isinstance(gone[-1], int) and gone[-2] in ("stages", "touchpoints")
        if whole_item or _DEPENDS_ON[code] in gone or _names_one_of(gone[-1], about):
            return True
    return False


def _names_one_of(key: str | int, fields: tuple[str, ...]) -> bool:
    """Whether a key is one of the fields, or a misspelling of one (`emotions`, `chanel`)."""
    return isinstance(key, str) and any(difflib.SequenceMatcher(None, key, name).ratio() >= 0.8 for name in fields)


def _objective_and_persona(journey: Journey, config: Config, today: datetime.date) -> Iterator[Finding]:
    if not journey.objective:
        yield (
            "CJM501",
            ("objective",),
            Message("the map has no `objective`: say why it exists and what it should change"),
            Message("objective: Cut cart abandonment from 70% to 55% by Q3"),
            "key",
        )
    persona = journey.persona
    if persona is None:
        yield (
            "CJM502",
            ("persona",),
            Message("the map follows no `persona`: whose journey is this?"),
            Message("add `persona:` with a name, goals and frustrations (one persona per map)"),
            "key",
        )
    elif not persona.goals or not persona.frustrations:
        if not persona.goals and not persona.frustrations:
            message = Message("the persona `{name}` has no goals and frustrations", name=persona.name)
        elif not persona.goals:
            message = Message("the persona `{name}` has no goals", name=persona.name)
        else:
            message = Message("the persona `{name}` has no frustrations", name=persona.name)
        yield (
            "CJM503",
            ("persona",),
            message,
            Message("from the research: what they want to achieve, and what gets in their way"),
            "key",
        )


def _stages(journey: Journey, config: Config, today: datetime.date) -> Iterator[Finding]:
    count = len(journey.stages)
    if count > config.max_stages:
        yield (
            "CJM504",
            ("stages", config.max_stages),
            Message(
                "the map has {count} stages, more than {most}: a map nobody can read helps nobody",
                count=count,
                most=config.max_stages,
            ),
            Message("merge stages and keep the critical moments (the guides say 5 to 8)"),
            "value",
        )
    if count < config.min_stages:
        yield (
            "CJM505",
            ("stages",),
            Message(
                N_("the map has {count} stage, fewer than {least}")
                if count == 1
                else N_("the map has {count} stages, fewer than {least}"),
                count=count,
                least=config.min_stages,
            ),
            Message("add what happens before and after this moment"),
            "key",
        )
    if count > 1 and all(stage.score is None for stage in journey.stages):
        # One warning for the map, not one per stage: the whole curve is missing.
        yield (
            "CJM506",
            ("stages",),
            Message(
                "no stage has an emotion, neither its own nor from its touchpoints: the map has no emotional curve"
            ),
            Message("add `emotion:` to the stages or to their touchpoints, on the map's `emotion_scale`"),
            "key",
        )
        return
    for s, stage in enumerate(journey.stages):
        if stage.score is None:
            yield (
                "CJM506",
                ("stages", s),
                Message("stage `{name}` has no emotion, neither its own nor from its touchpoints", name=stage.name),
                Message("add `emotion:` to the stage or to its touchpoints"),
                "value",
            )


def _channels(journey: Journey, config: Config, today: datetime.date) -> Iterator[Finding]:
    touchpoints = [
        (("stages", s, "touchpoints", t), touchpoint)
        for s, stage in enumerate(journey.stages)
        for t, touchpoint in enumerate(stage.touchpoints)
    ]
    unnamed = [(path, touchpoint) for path, touchpoint in touchpoints if touchpoint.channel is None]
    hint = Message(
        "add `channel:` (web, email, phone, store… or one declared under `channels:`) where the research says"
    )
    if unnamed and len(unnamed) == len(touchpoints) and len(unnamed) > 1:
        yield (
            "CJM514",
            ("stages",),
            Message(
                "no touchpoint names its channel ({count} touchpoints): the map cannot show channel switches",
                count=len(unnamed),
            ),
            hint,
            "key",
        )
        return
    for path, touchpoint in unnamed:
        yield ("CJM514", path, Message("touchpoint `{id}` names no channel", id=touchpoint.id), hint, "value")


def _pain_points_and_opportunities(journey: Journey, config: Config, today: datetime.date) -> Iterator[Finding]:
    addressed = {ref for _, opportunity in journey.opportunities() for ref in opportunity.addresses}
    for s, stage in enumerate(journey.stages):
        for p, pain in enumerate(stage.pain_points):
            path: PathKey = ("stages", s, "pain_points", p)
            if not pain.evidence:
                yield (
                    "CJM507",
                    path,
                    Message("pain point `{id}` has no evidence: is it known or assumed?", id=pain.id),
                    Message('add `evidence: [Interviews (8 of 12), "Analytics: 43% drop", Support tickets]`'),
                    "value",
                )
            if pain.severity in ("high", "critical") and pain.id not in addressed:
                yield (
                    "CJM508",
                    path,
                    Message(
                        N_("critical pain point `{id}` is addressed by no opportunity")
                        if pain.severity == "critical"
                        else N_("high pain point `{id}` is addressed by no opportunity"),
                        id=pain.id,
                    ),
                    Message("add an opportunity with `addresses: [{id}]`", id=pain.id),
                    "value",
                )
        for o, opportunity in enumerate(stage.opportunities):
            if not opportunity.addresses:
                yield (
                    "CJM509",
                    ("stages", s, "opportunities", o),
                    Message("opportunity `{id}` addresses no pain point", id=opportunity.id),
                    Message("say which pain points it solves with `addresses: [...]`"),
                    "value",
                )
        for k, kpi in enumerate(stage.kpis):
            if kpi.target is None:
                yield (
                    "CJM510",
                    ("stages", s, "kpis", k),
                    Message("KPI `{name}` has no target", name=kpi.name),
                    Message("add `target:` so the map says what good looks like"),
                    "value",
                )
            elif kpi.better is None and kpi.value is not None and kpi.value != kpi.target:
                yield (
                    "CJM515",
                    ("stages", s, "kpis", k),
                    Message(
                        "KPI `{name}` does not say whether higher or lower is better, "
                        "so nobody can tell whether it is on target",
                        name=kpi.name,
                    ),
                    Message("add `better: higher` (conversion, NPS) or `better: lower` (churn, cost, delay)"),
                    "value",
                )


def _review(journey: Journey, config: Config, today: datetime.date) -> Iterator[Finding]:
    if journey.reviewed is None:
        yield (
            "CJM511",
            ("reviewed",),
            Message("the map has no `reviewed` date"),
            Message(
                "add `reviewed: {today}` after a review with real customers (the guides say at least once a quarter)",
                today=today.isoformat(),
            ),
            "key",
        )
        return
    age = (today - journey.reviewed).days
    if age > config.stale_after_days:
        yield (
            "CJM512",
            ("reviewed",),
            Message(
                "the map was last reviewed {age} days ago ({date}), more than {most}",
                age=age,
                date=journey.reviewed.isoformat(),
                most=config.stale_after_days,
            ),
            Message("revisit it with customers, then update `reviewed:`"),
            "value",
        )
    elif age < 0:
        yield (
            "CJM513",
            ("reviewed",),
            Message(
                "the review date {date} is in the future (today is {today})",
                date=journey.reviewed.isoformat(),
                today=today.isoformat(),
            ),
            None,
            "value",
        )


RULES: tuple[Rule, ...] = (_objective_and_persona, _stages, _channels, _pain_points_and_opportunities, _review)
