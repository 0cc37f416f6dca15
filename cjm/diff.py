"""A semantic diff of two journey maps: what changed for the customer, not which lines moved.

Objects are matched by id (stages, touchpoints, pain points, opportunities) and KPIs by stage
and name, so a reordered file with the same content shows no change, and a renamed stage shows
as renamed rather than as removed and added.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from cjm.kpi import improved
from cjm.model import KPI, Journey, Stage

SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2, "critical": 3}


@dataclass(frozen=True)
class Change:
    """One change to one object: `kind` says what happened (added, removed, renamed, moved, …)."""

    subject: str
    id: str
    kind: str
    name: str
    before: Any = None
    after: Any = None
    verdict: str | None = None
    stage: str | None = None


@dataclass(frozen=True)
class EmotionRow:
    """A stage's emotion before and after (None on the side where the stage or its score is missing)."""

    stage: str
    name: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        """After minus before, when both exist."""
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)


@dataclass(frozen=True)
class JourneyDiff:
    """Every change between two versions of a map, grouped the way a reviewer reads them."""

    old_name: str
    new_name: str
    map: list[Change] = field(default_factory=list)
    persona: list[Change] = field(default_factory=list)
    stages: list[Change] = field(default_factory=list)
    emotions: list[EmotionRow] = field(default_factory=list)
    touchpoints: list[Change] = field(default_factory=list)
    pain_points: list[Change] = field(default_factory=list)
    opportunities: list[Change] = field(default_factory=list)
    kpis: list[Change] = field(default_factory=list)

    @property
    def groups(self) -> dict[str, list[Change]]:
        """The change lists by name, in reading order."""
        return {
            "map": self.map,
            "persona": self.persona,
            "stages": self.stages,
            "touchpoints": self.touchpoints,
            "pain_points": self.pain_points,
            "opportunities": self.opportunities,
            "kpis": self.kpis,
        }

    @property
    def changed_emotions(self) -> list[EmotionRow]:
        """The emotion rows whose score differs."""
        return [row for row in self.emotions if row.before != row.after]

    @property
    def empty(self) -> bool:
        """Whether the two maps are the same for every compared aspect."""
        return not any(self.groups.values()) and not self.changed_emotions

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the diff."""
        data: dict[str, Any] = {"old": self.old_name, "new": self.new_name, "changed": not self.empty}
        data.update({name: [_plain(asdict(change)) for change in changes] for name, changes in self.groups.items()})
        data["emotions"] = [{**asdict(row), "delta": row.delta} for row in self.emotions]
        return data


def diff_journeys(old: Journey, new: Journey, old_name: str = "old", new_name: str = "new") -> JourneyDiff:
    """Compare two maps object by object."""
    result = JourneyDiff(old_name, new_name)
    result.map.extend(_fields("map", "map", old, new, ("title", "objective", "type", "owner", "reviewed", "locale")))
    _persona(old, new, result.persona)
    _stages(old, new, result)
    _touchpoints(old, new, result.touchpoints)
    _pain_points(old, new, result.pain_points)
    _opportunities(old, new, result.opportunities)
    _kpis(old, new, result.kpis)
    return result


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _fields(subject: str, ident: str, old: Any, new: Any, names: tuple[str, ...]) -> list[Change]:
    return [
        Change(subject, ident, "changed", name, getattr(old, name), getattr(new, name))
        for name in names
        if getattr(old, name) != getattr(new, name)
    ]


def _persona(old: Journey, new: Journey, out: list[Change]) -> None:
    before, after = old.persona, new.persona
    if before is None or after is None:
        if after is not None:
            out.append(Change("persona", "persona", "added", after.name))
        elif before is not None:
            out.append(Change("persona", "persona", "removed", before.name))
        return
    out.extend(
        _fields(
            "persona",
            "persona",
            before,
            after,
            ("name", "description", "age", "occupation", "digital_maturity", "quote"),
        )
    )
    for name in ("goals", "frustrations", "channels"):
        old_items, new_items = getattr(before, name), getattr(after, name)
        out.extend(
            Change("persona", "persona", "added", name, None, item) for item in new_items if item not in old_items
        )
        out.extend(
            Change("persona", "persona", "removed", name, item, None) for item in old_items if item not in new_items
        )


def _stages(old: Journey, new: Journey, result: JourneyDiff) -> None:
    old_stages = {stage.id: stage for stage in old.stages}
    new_stages = {stage.id: stage for stage in new.stages}
    for stage in new.stages:
        if stage.id not in old_stages:
            result.stages.append(Change("stage", stage.id, "added", stage.name, after=new.stages.index(stage) + 1))
    for stage in old.stages:
        if stage.id not in new_stages:
            result.stages.append(Change("stage", stage.id, "removed", stage.name, before=old.stages.index(stage) + 1))
    common_old = [stage.id for stage in old.stages if stage.id in new_stages]
    common_new = [stage.id for stage in new.stages if stage.id in old_stages]
    for ident in common_new:
        before, after = old_stages[ident], new_stages[ident]
        if before.name != after.name:
            result.stages.append(Change("stage", ident, "renamed", after.name, before.name, after.name))
        if common_old.index(ident) != common_new.index(ident):
            result.stages.append(
                Change("stage", ident, "moved", after.name, old.stages.index(before) + 1, new.stages.index(after) + 1)
            )
    seen: set[str] = set()
    for stage in [*new.stages, *old.stages]:
        if stage.id in seen:
            continue
        seen.add(stage.id)
        before_score = old_stages[stage.id].score if stage.id in old_stages else None
        after_score = new_stages[stage.id].score if stage.id in new_stages else None
        result.emotions.append(EmotionRow(stage.id, stage.name, before_score, after_score))


def _touchpoints(old: Journey, new: Journey, out: list[Change]) -> None:
    before = {tp.id: (stage, tp) for stage, tp in old.touchpoints()}
    after = {tp.id: (stage, tp) for stage, tp in new.touchpoints()}
    for ident, (stage, tp) in after.items():
        if ident not in before:
            out.append(Change("touchpoint", ident, "added", tp.name, after=tp.channel, stage=stage.id))
            continue
        old_stage, old_tp = before[ident]
        if old_stage.id != stage.id:
            out.append(Change("touchpoint", ident, "moved", tp.name, old_stage.id, stage.id, stage=stage.id))
        if old_tp.channel != tp.channel:
            out.append(Change("touchpoint", ident, "channel", tp.name, old_tp.channel, tp.channel, stage=stage.id))
        if old_tp.name != tp.name:
            out.append(Change("touchpoint", ident, "renamed", tp.name, old_tp.name, tp.name, stage=stage.id))
        if old_tp.emotion != tp.emotion:
            out.append(
                Change(
                    "touchpoint",
                    ident,
                    "emotion",
                    tp.name,
                    old_tp.emotion,
                    tp.emotion,
                    _verdict(old_tp.emotion, tp.emotion, "higher"),
                    stage.id,
                )
            )
    for ident, (stage, tp) in before.items():
        if ident not in after:
            out.append(Change("touchpoint", ident, "removed", tp.name, before=tp.channel, stage=stage.id))


def _done_fixes(journey: Journey) -> set[str]:
    return {ref for _, item in journey.opportunities() if item.status == "done" for ref in item.addresses}


def _pain_points(old: Journey, new: Journey, out: list[Change]) -> None:
    before = {pain.id: (stage, pain) for stage, pain in old.pain_points()}
    after = {pain.id: (stage, pain) for stage, pain in new.pain_points()}
    fixed_before, fixed_after = _done_fixes(old), _done_fixes(new)
    for ident, (stage, pain) in after.items():
        if ident not in before:
            out.append(
                Change("pain point", ident, "added", pain.text, after=pain.severity, verdict="worse", stage=stage.id)
            )
            continue
        old_pain = before[ident][1]
        if old_pain.severity != pain.severity:
            verdict = _severity_verdict(old_pain.severity, pain.severity)
            out.append(
                Change("pain point", ident, "severity", pain.text, old_pain.severity, pain.severity, verdict, stage.id)
            )
        if ident in fixed_after and ident not in fixed_before:
            out.append(
                Change(
                    "pain point",
                    ident,
                    "resolved",
                    pain.text,
                    "open",
                    "addressed by a done opportunity",
                    "better",
                    stage.id,
                )
            )
    for ident, (stage, pain) in before.items():
        if ident not in after:
            out.append(Change("pain point", ident, "resolved", pain.text, pain.severity, "gone", "better", stage.id))


def _opportunities(old: Journey, new: Journey, out: list[Change]) -> None:
    before = {item.id: (stage, item) for stage, item in old.opportunities()}
    after = {item.id: (stage, item) for stage, item in new.opportunities()}
    for ident, (stage, item) in after.items():
        if ident not in before:
            out.append(Change("opportunity", ident, "added", item.text, after=item.status, stage=stage.id))
        elif before[ident][1].status != item.status:
            out.append(
                Change("opportunity", ident, "status", item.text, before[ident][1].status, item.status, stage=stage.id)
            )
    for ident, (stage, item) in before.items():
        if ident not in after:
            out.append(Change("opportunity", ident, "removed", item.text, before=item.status, stage=stage.id))


def _kpis(old: Journey, new: Journey, out: list[Change]) -> None:
    def index(journey: Journey) -> dict[tuple[str, str], tuple[Stage, KPI]]:
        return {(stage.id, kpi.name): (stage, kpi) for stage in journey.stages for kpi in stage.kpis}

    before, after = index(old), index(new)
    for key, (stage, kpi) in after.items():
        if key not in before:
            out.append(Change("kpi", kpi.name, "added", kpi.name, after=kpi.value, stage=stage.id))
            continue
        old_kpi = before[key][1]
        for aspect in ("value", "target"):
            old_value, new_value = getattr(old_kpi, aspect), getattr(kpi, aspect)
            if old_value != new_value:
                verdict = _kpi_verdict(old_value, new_value, kpi.better) if aspect == "value" else None
                out.append(Change("kpi", kpi.name, aspect, kpi.name, old_value, new_value, verdict, stage.id))
    for key, (stage, kpi) in before.items():
        if key not in after:
            out.append(Change("kpi", kpi.name, "removed", kpi.name, before=kpi.value, stage=stage.id))


def _verdict(before: float | None, after: float | None, better: str) -> str | None:
    if before is None or after is None or before == after:
        return None
    improved = after > before if better == "higher" else after < before
    return "better" if improved else "worse"


def _kpi_verdict(before: float | None, after: float | None, better: str | None) -> str | None:
    """Better or worse by the KPI's stated direction; no verdict when the map does not state it."""
    moved = improved(before, after, better)
    return None if moved is None else "better" if moved else "worse"


def _severity_verdict(before: str | None, after: str | None) -> str | None:
    """Better when the severity went down; no verdict when either side does not state one."""
    if before is None or after is None:
        return None
    return "better" if SEVERITY_RANK[after] < SEVERITY_RANK[before] else "worse"
