"""Which object of the old map is which object of the new one, when its id changed.

Objects are matched by id first. An object without `id:` gets one derived from its name or text
(`cjm.model.slugify`), so rewording a stage's name or a pain point's text changes its id, and a
diff by id alone shows one object removed and another added, with everything inside it removed
and re-added. Among the objects left unmatched on each side, a pair is taken as one object
renamed when the names are alike or when what surrounds them is the same:

- stages: the same touchpoints, pain points, opportunities and KPIs inside, the same position;
- touchpoints: the same stage, channel, description, drop-off;
- pain points: the same stage, touchpoint, evidence, or an opportunity that addresses both;
- opportunities: the same stage, the same pain points addressed, the same owner;
- KPIs: the same stage and a similar name, or the same unit and target; the same name in another
  stage is the KPI moved.

A stage whose content went to two new stages (a split), or a new stage made of two old ones (a
merge), is not taken as renamed unless its name is alike: the diff shows the stages added and
removed and the touchpoints moved. Pairs are taken best first, ties in file order, so the result
is deterministic. `in_order` says which stages kept their order, so only a stage dragged elsewhere
reads as moved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from cjm.model import Journey, Opportunity, PainPoint, Stage, Touchpoint

T = TypeVar("T")

# A pair is a rename when the names are this alike (0 to 1, `similarity`), ...
ALIKE = 0.5
# ... or the surroundings this much the same, or both somewhat.
SAME_PLACE = 0.6
SOMEWHAT = 0.35


def similarity(before: str, after: str) -> float:
    """How alike two names are, from 0 (no three letters in common) to 1 (the same words, whatever the case).

    The Dice coefficient of their sets of three-letter sequences (with the space before and after
    each word): a reworded sentence that keeps its key words scores about 0.6, unrelated names
    close to 0. Why not `difflib`: its ratio costs a quadratic comparison per pair, and a map whose
    every name changed compares every pair (400 touchpoints took ten seconds); sets take milliseconds.
    """
    return _dice(_trigrams(before), _trigrams(after))


def _trigrams(text: str) -> frozenset[str]:
    spaced = f" {' '.join(text.casefold().split())} "
    return frozenset(spaced[i : i + 3] for i in range(len(spaced) - 2))


def _dice(before: frozenset[str], after: frozenset[str]) -> float:
    if not before and not after:
        return 1.0
    return 2 * len(before & after) / (len(before) + len(after))


def _accepted(ratio: float, place: float) -> bool:
    return ratio >= ALIKE or place >= SAME_PLACE or (ratio >= SOMEWHAT and place >= SOMEWHAT)


def pair(
    olds: Sequence[T], news: Sequence[T], name: Callable[[T], str], place: Callable[[T, T], float]
) -> list[tuple[T, T]]:
    """The likely renames among unmatched objects: best pairs first, each object in one pair at most."""
    old_grams = [_trigrams(name(old)) for old in olds]
    new_grams = [_trigrams(name(new)) for new in news]
    candidates = []
    for i, old in enumerate(olds):
        for j, new in enumerate(news):
            ratio, where = _dice(old_grams[i], new_grams[j]), place(old, new)
            if _accepted(ratio, where):
                candidates.append((-(ratio + where), i, j))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(candidates):
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            pairs.append((i, j))
    return [(olds[i], news[j]) for i, j in sorted(pairs, key=lambda found: found[1])]


@dataclass
class Renames:
    """Old id → new id of each object whose id changed, by kind; KPIs by (stage id, name)."""

    ids: dict[str, dict[str, str]] = field(default_factory=dict)
    kpis: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def follow(self, kind: str, old_id: str) -> str:
        """The id an object of `kind` ("stage", "touchpoint", "pain point", "opportunity") has in the new map."""
        return self.ids.get(kind, {}).get(old_id, old_id)

    def renamed(self, kind: str, new_id: str) -> str | None:
        """The old id of an object whose id changed, from its new id; None when the id is the same."""
        return next((old for old, new in self.ids.get(kind, {}).items() if new == new_id), None)


def _both(before: object, after: object) -> bool:
    """The same value, stated on both sides (two unstated values say nothing about identity)."""
    return before is not None and before == after and before != [] and before != ""


def _content(stage: Stage) -> set[str]:
    return {
        *(f"t:{item.id}" for item in stage.touchpoints),
        *(f"p:{item.id}" for item in stage.pain_points),
        *(f"o:{item.id}" for item in stage.opportunities),
        *(f"k:{item.name}" for item in stage.kpis),
    }


def match(old: Journey, new: Journey) -> Renames:
    """The renames between two maps, kind by kind (stages first: the others use their stages)."""
    renames = Renames()
    _stages(old, new, renames)
    _touchpoints(old, new, renames)
    _pain_points(old, new, renames)
    _opportunities(old, new, renames)
    _kpis(old, new, renames)
    return renames


def _stages(old: Journey, new: Journey, renames: Renames) -> None:
    new_ids = {stage.id for stage in new.stages}
    old_ids = {stage.id for stage in old.stages}
    olds = [stage for stage in old.stages if stage.id not in new_ids]
    news = [stage for stage in new.stages if stage.id not in old_ids]
    contents = {id(stage): _content(stage) for stage in [*olds, *news]}

    def shared(stage: Stage, others: list[Stage]) -> int:
        return sum(1 for other in others if contents[id(stage)] & contents[id(other)])

    def place(before: Stage, after: Stage) -> float:
        mine, theirs = contents[id(before)], contents[id(after)]
        if shared(before, news) > 1 or shared(after, olds) > 1:
            return 0.0  # a split or a merge: the name alone may say it is the same stage
        overlap = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
        same_position = old.stages.index(before) == new.stages.index(after)
        described = _both(before.description, after.description) or _both(before.goal, after.goal)
        return 0.8 * overlap + 0.2 * same_position + 0.4 * described

    found = pair(olds, news, lambda stage: stage.name, place)
    renames.ids["stage"] = {before.id: after.id for before, after in found}


def _touchpoints(old: Journey, new: Journey, renames: Renames) -> None:
    new_ids = {item.id for _, item in new.touchpoints()}
    old_ids = {item.id for _, item in old.touchpoints()}
    olds = [(stage, item) for stage, item in old.touchpoints() if item.id not in new_ids]
    news = [(stage, item) for stage, item in new.touchpoints() if item.id not in old_ids]

    def place(before: tuple[Stage, Touchpoint], after: tuple[Stage, Touchpoint]) -> float:
        (old_stage, tp), (new_stage, other) = before, after
        return (
            0.2 * (renames.follow("stage", old_stage.id) == new_stage.id)
            + 0.2 * _both(tp.channel, other.channel)
            + 0.5 * _both(tp.description, other.description)
            + 0.4 * _both(tp.drop_off, other.drop_off)
            + 0.1 * _both(tp.owner, other.owner)
        )

    found = pair(olds, news, lambda found: found[1].name, place)
    renames.ids["touchpoint"] = {before[1].id: after[1].id for before, after in found}


def _addressed_by(journey: Journey) -> dict[str, set[str]]:
    """Pain point id → ids of the opportunities that address it."""
    found: dict[str, set[str]] = {}
    for _, item in journey.opportunities():
        for ref in item.addresses:
            found.setdefault(ref, set()).add(item.id)
    return found


def _pain_points(old: Journey, new: Journey, renames: Renames) -> None:
    new_ids = {item.id for _, item in new.pain_points()}
    old_ids = {item.id for _, item in old.pain_points()}
    olds = [(stage, item) for stage, item in old.pain_points() if item.id not in new_ids]
    news = [(stage, item) for stage, item in new.pain_points() if item.id not in old_ids]
    old_fixes, new_fixes = _addressed_by(old), _addressed_by(new)

    def place(before: tuple[Stage, PainPoint], after: tuple[Stage, PainPoint]) -> float:
        (old_stage, pain), (new_stage, other) = before, after
        followed = renames.follow("touchpoint", pain.touchpoint) if pain.touchpoint else None
        evidence = set(pain.evidence) & set(other.evidence)
        fixes = old_fixes.get(pain.id, set()) & new_fixes.get(other.id, set())
        return (
            0.2 * (renames.follow("stage", old_stage.id) == new_stage.id)
            + 0.2 * _both(followed, other.touchpoint)
            + 0.1 * _both(pain.severity, other.severity)
            + 0.5 * bool(evidence)
            + 0.4 * bool(fixes)
        )

    found = pair(olds, news, lambda found: found[1].text, place)
    renames.ids["pain point"] = {before[1].id: after[1].id for before, after in found}


def _opportunities(old: Journey, new: Journey, renames: Renames) -> None:
    new_ids = {item.id for _, item in new.opportunities()}
    old_ids = {item.id for _, item in old.opportunities()}
    olds = [(stage, item) for stage, item in old.opportunities() if item.id not in new_ids]
    news = [(stage, item) for stage, item in new.opportunities() if item.id not in old_ids]

    def place(before: tuple[Stage, Opportunity], after: tuple[Stage, Opportunity]) -> float:
        (old_stage, idea), (new_stage, other) = before, after
        addresses = sorted(renames.follow("pain point", ref) for ref in idea.addresses)
        return (
            0.2 * (renames.follow("stage", old_stage.id) == new_stage.id)
            + 0.4 * _both(addresses, sorted(other.addresses))
            + 0.1 * _both(idea.owner, other.owner)
            + 0.1 * _both(idea.status, other.status)
        )

    found = pair(olds, news, lambda found: found[1].text, place)
    renames.ids["opportunity"] = {before[1].id: after[1].id for before, after in found}


def _kpis(old: Journey, new: Journey, renames: Renames) -> None:
    new_keys = {(stage.id, kpi.name): kpi for stage in new.stages for kpi in stage.kpis}
    olds = {
        (stage.id, kpi.name): kpi
        for stage in old.stages
        for kpi in stage.kpis
        if (renames.follow("stage", stage.id), kpi.name) not in new_keys
    }
    old_followed = {(renames.follow("stage", stage.id), kpi.name) for stage in old.stages for kpi in stage.kpis}
    news = {key: kpi for key, kpi in new_keys.items() if key not in old_followed}
    old_keys, new_list = list(olds), list(news)

    def place(before: tuple[str, str], after: tuple[str, str]) -> float:
        if before[1] == after[1]:
            return 1.0  # the same name in another stage: the KPI moved
        if renames.follow("stage", before[0]) != after[0]:
            return 0.0
        kpi, other = olds[before], news[after]
        return 0.3 + 0.3 * (_both(kpi.unit, other.unit) and _both(kpi.target, other.target))

    found = pair(old_keys, new_list, lambda key: key[1], place)
    renames.kpis = dict(found)


def in_order(old: list[str], new: list[str]) -> set[str]:
    """The longest run of ids kept in the same order on both sides (a longest common subsequence).

    Why: when one stage is dragged elsewhere, every stage it passes changes position too, but only the
    one dragged moved; the stages outside this run are the fewest that explain the new order.
    """
    lengths = [[0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            same = old[i] == new[j]
            lengths[i][j] = lengths[i + 1][j + 1] + 1 if same else max(lengths[i + 1][j], lengths[i][j + 1])
    kept: set[str] = set()
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            kept.add(old[i])
            i, j = i + 1, j + 1
        elif lengths[i + 1][j] >= lengths[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept
