"""What `cjm diff` does with every field an author can write: compared one way or another, or ignored for a reason.

`FIELDS` lists every field of every model of the format (`cjm.model`), and a test walks the
models and fails when a field is missing here, so a new field cannot be silently left out of
the diff. Each field is handled in one of these ways:

- `IDENTITY`: how an object is matched between the two versions (its `id`);
- `RENAME`: the object's name or text; a change is reported as a rename (the id may change with it,
  see `cjm.diff_match`);
- `OWN`: compared by its own function in `cjm.diff`, which says more than "changed" (an emotion
  judged better or worse, a KPI value with its unit, a pain point resolved, nested objects);
- `VALUE`: a plain value reported before → after by `compare_fields`;
- `LIST`: a list whose items are reported added or removed (or the order changed) by `compare_fields`;
- `NESTED`: a nested object whose own fields are compared the same way, named `outer.inner`;
- `ITEM`: a field of an object that is only compared as a whole, as one item of a `LIST`;
- `ignored(reason)`: not compared, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from cjm.model import KPI, Channel, EmotionScale, Journey, NextStep, Opportunity, PainPoint, Persona, Quote, Stage
from cjm.model import Touchpoint as TouchpointModel


@dataclass(frozen=True)
class Rule:
    """How the diff treats one field: `how` is one of the kinds above; `reason` says why an ignored field is."""

    how: str
    reason: str = ""


IDENTITY = Rule("identity")
RENAME = Rule("rename")
OWN = Rule("own")
VALUE = Rule("value")
LIST = Rule("list")
NESTED = Rule("nested")
ITEM = Rule("item")
COMPARED = frozenset({"identity", "rename", "own", "value", "list", "nested", "item"})


def ignored(reason: str) -> Rule:
    """A field the diff does not compare, and why (the reason must say it)."""
    return Rule("ignored", reason)


FIELDS: dict[type[BaseModel], dict[str, Rule]] = {
    Journey: {
        "cjm": ignored("the version of the file format, always 1: it says how to read the file, not what the map says"),
        "title": VALUE,
        "objective": VALUE,
        "type": VALUE,
        "owner": VALUE,
        "reviewed": VALUE,
        "locale": VALUE,
        "tags": LIST,
        "baseline": VALUE,
        "ignore": LIST,
        "emotion_scale": NESTED,
        "emotion_source": VALUE,
        "persona": OWN,
        "channels": OWN,
        "stages": OWN,
    },
    EmotionScale: {"min": VALUE, "max": VALUE, "neutral": VALUE, "labels": VALUE},
    Channel: {"id": IDENTITY, "label": VALUE},
    Persona: {
        "name": VALUE,
        "description": VALUE,
        "age": VALUE,
        "occupation": VALUE,
        "goals": LIST,
        "frustrations": LIST,
        "channels": LIST,
        "digital_maturity": VALUE,
        "quote": VALUE,
    },
    Stage: {
        "id": IDENTITY,
        "name": RENAME,
        "description": VALUE,
        "goal": VALUE,
        "business_goal": VALUE,
        "actions": LIST,
        "thoughts": LIST,
        "emotion": OWN,
        "emotion_source": VALUE,
        "duration": VALUE,
        "touchpoints": OWN,
        "touchpoints_are": VALUE,
        "pain_points": OWN,
        "opportunities": OWN,
        "kpis": OWN,
        "quotes": LIST,
        "frontstage": LIST,
        "backstage": LIST,
        "support": LIST,
        "physical_evidence": LIST,
    },
    TouchpointModel: {
        "id": IDENTITY,
        "name": RENAME,
        "channel": OWN,
        "emotion": OWN,
        "emotion_source": VALUE,
        "description": VALUE,
        "owner": VALUE,
        "kind": VALUE,
        "moment_of_truth": VALUE,
        "next": LIST,
        "drop_off": VALUE,
    },
    NextStep: {"to": ITEM, "label": ITEM},
    PainPoint: {"id": IDENTITY, "text": RENAME, "severity": OWN, "touchpoint": VALUE, "evidence": LIST},
    Opportunity: {
        "id": IDENTITY,
        "text": RENAME,
        "addresses": LIST,
        "impact": VALUE,
        "effort": VALUE,
        "owner": VALUE,
        "status": OWN,
    },
    KPI: {"name": RENAME, "value": OWN, "target": OWN, "unit": VALUE, "better": VALUE},
    Quote: {"text": ITEM, "source": ITEM},
}

# Fields whose values are ids of other objects: compared after following the renames of those objects.
REFERENCES = {
    (PainPoint, "touchpoint"): "touchpoint",
    (Opportunity, "addresses"): "pain point",
    (TouchpointModel, "next"): "touchpoint",
}


def plain(value: Any) -> Any:
    """A value as the diff keeps it: a model becomes a dict of what the author stated (JSON-ready)."""
    if isinstance(value, BaseModel):
        return value.model_dump(exclude_defaults=True, mode="json")
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


@dataclass(frozen=True)
class FieldChange:
    """A field that differs between two matched objects: `kind` is `changed`, `item-added`, `item-removed`
    or `reordered`; `field` is the key as written in the file (`emotion_scale.min` for a nested one)."""

    kind: str
    field: str
    before: Any
    after: Any


def compare_fields(
    before: BaseModel, after: BaseModel, follow: Callable[[str, str], str] | None = None, prefix: str = ""
) -> list[FieldChange]:
    """The `VALUE`, `LIST` and `NESTED` fields that differ between two versions of one object, in field order.

    `follow(kind, old_id)` gives the id an object of `kind` has in the new map (the same id unless it was
    renamed), so a reference to a renamed object is not reported as changed.
    """
    changes: list[FieldChange] = []
    model = type(after)
    for name, rule in FIELDS[model].items():
        old, new = getattr(before, name), getattr(after, name)
        target = REFERENCES.get((model, name))
        if target is not None and follow is not None:
            old = _followed(old, target, follow)
        if rule is NESTED:
            changes += compare_fields(old, new, follow, f"{prefix}{name}.")
        elif rule is VALUE and old != new:
            changes.append(FieldChange("changed", prefix + name, plain(old), plain(new)))
        elif rule is LIST and (old is None or new is None):
            # `next` left out (the listed order) is not the same as an empty `next` (the journey ends here).
            if old != new:
                changes.append(FieldChange("changed", prefix + name, plain(old), plain(new)))
        elif rule is LIST:
            changes += _list_changes(prefix + name, plain(old), plain(new))
    return changes


def _followed(value: Any, kind: str, follow: Callable[[str, str], str]) -> Any:
    """A reference (an id, a list of ids, a list of next steps) with the renamed ids replaced."""
    if isinstance(value, str):
        return follow(kind, value)
    if isinstance(value, list):
        return [
            item.model_copy(update={"to": follow(kind, item.to)}) if isinstance(item, NextStep) else follow(kind, item)
            for item in value
        ]
    return value


def _list_changes(field: str, old: list[Any], new: list[Any]) -> list[FieldChange]:
    """Items added, then removed, in list order; the same items in another order give one `reordered`."""
    remaining = list(old)  # matched one for one, so an item written twice is counted twice
    added = []
    for item in new:
        if item in remaining:
            remaining.remove(item)
        else:
            added.append(FieldChange("item-added", field, None, item))
    removed = [FieldChange("item-removed", field, item, None) for item in remaining]
    if added or removed or old == new:
        return added + removed
    return [FieldChange("reordered", field, old, new)]
