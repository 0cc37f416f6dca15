"""A semantic diff of two journey maps: what changed for the customer, not which lines moved.

Objects are matched by id (stages, touchpoints, pain points, opportunities) and KPIs by stage
and name, so a reordered file with the same content shows no change. An object whose id changed
with its name (an id derived from the name) is matched by `cjm.diff_match` and shown as renamed,
with what changed inside it. Every field the author can write is compared or ignored for a
reason written in `cjm.diff_fields`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from cjm.diff_fields import FieldChange, compare_fields, plain
from cjm.diff_match import Renames, in_order, match
from cjm.kpi import improved
from cjm.model import KPI, EmotionScale, Journey, Stage, slugify
from cjm.presentation import severity_rank


@dataclass(frozen=True)
class Change:
    """One change to one object: `kind` says what happened (added, removed, renamed, moved, …).

    `subject` is the kind of object ("stage", "touchpoint", "pain point", "opportunity", "kpi",
    "channel", "map", "persona") and `id` its id in the new map (a KPI's name). A change to one
    field names its key in `field` (`drop_off`, `emotion_scale.min`) with kind `changed`,
    `item-added`, `item-removed` or `reordered`. A rename that changed the id keeps the old one in
    `old_id`, and `derived` says the new id is the one derived from the name (so `id:` would keep it).
    `related` names the stages an added stage's touchpoints came from (or a removed one's went to);
    `units` are a KPI's units before and after.
    """

    subject: str
    id: str
    kind: str
    name: str
    before: Any = None
    after: Any = None
    verdict: str | None = None
    stage: str | None = None
    field: str | None = None
    old_id: str | None = None
    derived: bool = False
    related: tuple[str, ...] = ()
    units: tuple[str | None, str | None] = (None, None)


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
    # What sentences need from the maps: the labels of their own channels (`channels:`, the new map's
    # winning) and the emotion scales before and after (for the scale's words).
    channels: dict[str, str] = field(default_factory=dict)
    scales: tuple[EmotionScale, EmotionScale] = (EmotionScale(), EmotionScale())

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
    """Compare two maps object by object, following the objects whose id changed with their name."""
    result = JourneyDiff(old_name, new_name, scales=(old.emotion_scale, new.emotion_scale))
    result.channels.update({channel.id: channel.label for channel in [*old.channels, *new.channels]})
    renames = match(old, new)
    result.map.extend(_field_changes("map", "map", "map", compare_fields(old, new)))
    _channels(old, new, result.map)
    _persona(old, new, result.persona)
    _stages(old, new, renames, result)
    _touchpoints(old, new, renames, result.touchpoints)
    _pain_points(old, new, renames, result.pain_points)
    _opportunities(old, new, renames, result.opportunities)
    _kpis(old, new, renames, result.kpis)
    return result


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _field_changes(
    subject: str, ident: str, name: str, changes: list[FieldChange], stage: str | None = None
) -> list[Change]:
    """Field changes as changes of one object (for the map and the persona, `name` is the field's key)."""
    keyed = subject in ("map", "persona")
    return [
        Change(
            subject, ident, item.kind, item.field if keyed else name, item.before, item.after, None, stage, item.field
        )
        for item in changes
    ]


def _rename(subject: str, ident: str, name: str, old_name: str, old_id: str, stage: str | None = None) -> list[Change]:
    """A rename when the name or the id changed (an id derived from the new name gets the hint to write `id:`)."""
    if old_name == name and old_id == ident:
        return []
    changed_id = old_id if old_id != ident else None
    derived = changed_id is not None and slugify(name) == ident
    return [Change(subject, ident, "renamed", name, old_name, name, None, stage, None, changed_id, derived)]


def _channels(old: Journey, new: Journey, out: list[Change]) -> None:
    """The map's own channels: added, removed, or relabelled (matched by id)."""
    before = {channel.id: channel for channel in old.channels}
    after = {channel.id: channel for channel in new.channels}
    for ident, channel in after.items():
        if ident not in before:
            out.append(Change("map", "map", "item-added", "channels", None, plain(channel), field="channels"))
        elif before[ident].label != channel.label:
            out.append(Change("channel", ident, "changed", ident, before[ident].label, channel.label, field="label"))
    for ident, channel in before.items():
        if ident not in after:
            out.append(Change("map", "map", "item-removed", "channels", plain(channel), None, field="channels"))


def _persona(old: Journey, new: Journey, out: list[Change]) -> None:
    before, after = old.persona, new.persona
    if before is None or after is None:
        if after is not None:
            out.append(Change("persona", "persona", "added", after.name))
        elif before is not None:
            out.append(Change("persona", "persona", "removed", before.name))
        return
    out.extend(_field_changes("persona", "persona", "persona", compare_fields(before, after)))


def _stages(old: Journey, new: Journey, renames: Renames, result: JourneyDiff) -> None:
    def follow(ident: str) -> str:
        return renames.follow("stage", ident)

    old_stages = {follow(stage.id): stage for stage in old.stages}
    new_stages = {stage.id: stage for stage in new.stages}
    old_homes = {renames.follow("touchpoint", tp.id): follow(stage.id) for stage, tp in old.touchpoints()}
    new_homes = {tp.id: stage.id for stage, tp in new.touchpoints()}
    for position, stage in enumerate(new.stages, start=1):
        if stage.id not in old_stages:
            came = [old_homes[tp.id] for tp in stage.touchpoints if tp.id in old_homes]
            sources = [_old_id(old_stages, ident) for ident in dict.fromkeys(came)]
            result.stages.append(Change("stage", stage.id, "added", stage.name, after=position, related=tuple(sources)))
    for position, stage in enumerate(old.stages, start=1):
        if follow(stage.id) not in new_stages:
            went = [
                new_homes[ident]
                for tp in stage.touchpoints
                if (ident := renames.follow("touchpoint", tp.id)) in new_homes
            ]
            result.stages.append(
                Change("stage", stage.id, "removed", stage.name, before=position, related=tuple(dict.fromkeys(went)))
            )
    common_old = [follow(stage.id) for stage in old.stages if follow(stage.id) in new_stages]
    common_new = [stage.id for stage in new.stages if stage.id in old_stages]
    kept = in_order(common_old, common_new)
    for ident in common_new:
        before, after = old_stages[ident], new_stages[ident]
        result.stages.extend(_rename("stage", ident, after.name, before.name, before.id))
        if ident not in kept:
            result.stages.append(
                Change("stage", ident, "moved", after.name, old.stages.index(before) + 1, new.stages.index(after) + 1)
            )
        result.stages.extend(_field_changes("stage", ident, after.name, compare_fields(before, after, renames.follow)))
        result.stages.extend(_touchpoint_order(before, after, renames))
    seen: set[str] = set()
    for stage in [*new.stages, *old.stages]:
        key = stage.id if stage.id in new_stages else follow(stage.id)
        if key in seen:
            continue
        seen.add(key)
        before_score = old_stages[key].score if key in old_stages else None
        after_score = new_stages[key].score if key in new_stages else None
        result.emotions.append(EmotionRow(key, stage.name, before_score, after_score))


def _old_id(old_stages: dict[str, Stage], ident: str) -> str:
    """A stage's id as the old map wrote it (its new id when it was renamed)."""
    return old_stages[ident].id if ident in old_stages else ident


def _touchpoint_order(before: Stage, after: Stage, renames: Renames) -> list[Change]:
    """The touchpoints both versions of a stage have, when they are met in another order."""
    new_ids = [tp.id for tp in after.touchpoints]
    old_ids = [renames.follow("touchpoint", tp.id) for tp in before.touchpoints]
    old_order = [ident for ident in old_ids if ident in new_ids]
    new_order = [ident for ident in new_ids if ident in old_ids]
    if old_order == new_order:
        return []
    return [Change("stage", after.id, "reordered", after.name, old_order, new_order, field="touchpoints")]


def _touchpoints(old: Journey, new: Journey, renames: Renames, out: list[Change]) -> None:
    before = {renames.follow("touchpoint", tp.id): (stage, tp) for stage, tp in old.touchpoints()}
    after = {tp.id: (stage, tp) for stage, tp in new.touchpoints()}
    for ident, (stage, tp) in after.items():
        if ident not in before:
            out.append(Change("touchpoint", ident, "added", tp.name, after=tp.channel, stage=stage.id))
            continue
        old_stage, old_tp = before[ident]
        out.extend(_rename("touchpoint", ident, tp.name, old_tp.name, old_tp.id, stage.id))
        if renames.follow("stage", old_stage.id) != stage.id:
            out.append(Change("touchpoint", ident, "moved", tp.name, old_stage.id, stage.id, stage=stage.id))
        if old_tp.channel != tp.channel:
            out.append(Change("touchpoint", ident, "channel", tp.name, old_tp.channel, tp.channel, stage=stage.id))
        if old_tp.emotion != tp.emotion:
            before_score, after_score = _on_scale(old_tp.emotion, old), _on_scale(tp.emotion, new)
            verdict = _verdict(before_score, after_score, "higher")
            out.append(Change("touchpoint", ident, "emotion", tp.name, old_tp.emotion, tp.emotion, verdict, stage.id))
        out.extend(_field_changes("touchpoint", ident, tp.name, compare_fields(old_tp, tp, renames.follow), stage.id))
    for ident, (stage, tp) in before.items():
        if ident not in after:
            out.append(Change("touchpoint", tp.id, "removed", tp.name, before=tp.channel, stage=stage.id))


def _done_fixes(journey: Journey, renames: Renames | None = None) -> set[str]:
    refs = {ref for _, item in journey.opportunities() if item.status == "done" for ref in item.addresses}
    return refs if renames is None else {renames.follow("pain point", ref) for ref in refs}


def _pain_points(old: Journey, new: Journey, renames: Renames, out: list[Change]) -> None:
    before = {renames.follow("pain point", pain.id): (stage, pain) for stage, pain in old.pain_points()}
    after = {pain.id: (stage, pain) for stage, pain in new.pain_points()}
    fixed_before, fixed_after = _done_fixes(old, renames), _done_fixes(new)
    for ident, (stage, pain) in after.items():
        if ident not in before:
            out.append(
                Change("pain point", ident, "added", pain.text, after=pain.severity, verdict="worse", stage=stage.id)
            )
            continue
        old_pain = before[ident][1]
        out.extend(_rename("pain point", ident, pain.text, old_pain.text, old_pain.id, stage.id))
        if old_pain.severity != pain.severity:
            verdict = _severity_verdict(old_pain.severity, pain.severity)
            out.append(
                Change("pain point", ident, "severity", pain.text, old_pain.severity, pain.severity, verdict, stage.id)
            )
        out.extend(
            _field_changes("pain point", ident, pain.text, compare_fields(old_pain, pain, renames.follow), stage.id)
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
            out.append(Change("pain point", pain.id, "resolved", pain.text, pain.severity, "gone", "better", stage.id))


def _opportunities(old: Journey, new: Journey, renames: Renames, out: list[Change]) -> None:
    before = {renames.follow("opportunity", item.id): (stage, item) for stage, item in old.opportunities()}
    after = {item.id: (stage, item) for stage, item in new.opportunities()}
    for ident, (stage, item) in after.items():
        if ident not in before:
            out.append(Change("opportunity", ident, "added", item.text, after=item.status, stage=stage.id))
            continue
        old_item = before[ident][1]
        out.extend(_rename("opportunity", ident, item.text, old_item.text, old_item.id, stage.id))
        if old_item.status != item.status:
            out.append(Change("opportunity", ident, "status", item.text, old_item.status, item.status, stage=stage.id))
        changes = compare_fields(old_item, item, renames.follow)
        out.extend(_field_changes("opportunity", ident, item.text, changes, stage.id))
    for ident, (stage, item) in before.items():
        if ident not in after:
            out.append(Change("opportunity", item.id, "removed", item.text, before=item.status, stage=stage.id))


def _kpis(old: Journey, new: Journey, renames: Renames, out: list[Change]) -> None:
    def key(stage: Stage, kpi: KPI) -> tuple[str, str]:
        found = (stage.id, kpi.name)
        return renames.kpis.get(found, (renames.follow("stage", stage.id), kpi.name))

    before = {key(stage, kpi): (stage, kpi) for stage in old.stages for kpi in stage.kpis}
    after = {(stage.id, kpi.name): (stage, kpi) for stage in new.stages for kpi in stage.kpis}
    for ident, (stage, kpi) in after.items():
        if ident not in before:
            out.append(
                Change("kpi", kpi.name, "added", kpi.name, after=kpi.value, stage=stage.id, units=(None, kpi.unit))
            )
            continue
        old_stage, old_kpi = before[ident]
        units = (old_kpi.unit, kpi.unit)
        if old_kpi.name != kpi.name:
            out.append(Change("kpi", kpi.name, "renamed", kpi.name, old_kpi.name, kpi.name, stage=stage.id))
        if renames.follow("stage", old_stage.id) != stage.id:
            out.append(Change("kpi", kpi.name, "moved", kpi.name, old_stage.id, stage.id, stage=stage.id))
        for aspect in ("value", "target"):
            old_value, new_value = getattr(old_kpi, aspect), getattr(kpi, aspect)
            if old_value != new_value:
                verdict = _kpi_verdict(old_value, new_value, kpi.better) if aspect == "value" else None
                out.append(
                    Change("kpi", kpi.name, aspect, kpi.name, old_value, new_value, verdict, stage.id, units=units)
                )
        out.extend(_field_changes("kpi", kpi.name, kpi.name, compare_fields(old_kpi, kpi), stage.id))
    for ident, (stage, kpi) in before.items():
        if ident not in after:
            out.append(
                Change("kpi", kpi.name, "removed", kpi.name, before=kpi.value, stage=stage.id, units=(kpi.unit, None))
            )


def _on_scale(score: float | None, journey: Journey) -> float | None:
    """A score as a share of its map's scale (0 worst, 1 best), so a score is judged better or worse even
    when the new version of the map changed its emotion scale (1 to 5 → -2 to 2)."""
    scale = journey.emotion_scale
    if score is None or scale.max == scale.min:
        return score
    return (score - scale.min) / (scale.max - scale.min)


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
    # presentation.severity_rank: 0 is the most severe, so a higher rank is a milder pain point.
    return "better" if severity_rank(after) > severity_rank(before) else "worse"
