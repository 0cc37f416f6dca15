"""Every field an author can write is compared by `cjm diff`, or ignored with a reason."""

from __future__ import annotations

import copy
import types
import typing
from typing import Any

import pytest
from pydantic import BaseModel

from cjm.diff import diff_journeys
from cjm.diff_fields import COMPARED, FIELDS, compare_fields
from cjm.model import KPI, Channel, EmotionScale, Journey, NextStep, Opportunity, PainPoint, Persona, Quote, Stage
from cjm.model import Touchpoint as TouchpointModel


def _models(model: type[BaseModel], found: dict[str, type[BaseModel]]) -> dict[str, type[BaseModel]]:
    """Every model reachable from `model` through its fields' annotations (lists, optionals, dicts)."""
    found[model.__name__] = model
    for info in model.model_fields.values():
        pending: list[Any] = [info.annotation]
        while pending:
            annotation = pending.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                if annotation.__name__ not in found:
                    _models(annotation, found)
            elif isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
                pending.extend(typing.get_args(annotation))
    return found


def test_every_field_of_every_model_is_compared_or_ignored_with_a_reason() -> None:
    models = _models(Journey, {})
    assert set(models) == {model.__name__ for model in FIELDS}, "a model of the format is missing from FIELDS"
    for name, model in models.items():
        rules = FIELDS[model]
        written = set(model.model_fields)
        assert written == set(rules), f"{name}: fields neither compared nor ignored: {written - set(rules)}"
        for field, rule in rules.items():
            assert rule.how in COMPARED or (rule.how == "ignored" and len(rule.reason) > 20), (name, field)


# A map that states every field, and for each field the value a team's edit would give it.
FULL: dict[str, Any] = {
    "cjm": 1,
    "title": "Opening an account",
    "objective": "Open accounts in one day",
    "type": "current-state",
    "owner": "Retail team",
    "reviewed": "2026-11-02",
    "locale": "en",
    "tags": ["bank"],
    "baseline": "before.yaml",
    "ignore": ["CJM504"],
    "emotion_scale": {"min": 1, "max": 5, "neutral": 3, "labels": {1: "Upset", 5: "Happy"}},
    "emotion_source": "assumed",
    "channels": [{"id": "branch", "label": "Bank branch"}],
    "persona": {
        "name": "Sarah",
        "description": "Freelance designer",
        "age": 32,
        "occupation": "Designer",
        "goals": ["Open fast"],
        "frustrations": ["Paperwork"],
        "channels": ["web"],
        "digital_maturity": "high",
        "quote": "I just want an IBAN",
    },
    "stages": [
        {
            "id": "apply",
            "name": "Apply",
            "description": "Fill in the form",
            "goal": "Apply in ten minutes",
            "business_goal": "Complete applications",
            "actions": ["Fills in the form"],
            "thoughts": ["How long will it take?"],
            "emotion": 3,
            "emotion_source": "measured",
            "duration": "10 minutes",
            "touchpoints_are": "sequence",
            "touchpoints": [
                {
                    "id": "form",
                    "name": "Online form",
                    "channel": "web",
                    "emotion": 3,
                    "emotion_source": "measured",
                    "description": "Six pages",
                    "owner": "Web team",
                    "kind": "owned",
                    "moment_of_truth": False,
                    "next": [{"to": "branch-visit", "label": "ID check"}],
                    "drop_off": "20% leave",
                },
                {"id": "branch-visit", "name": "Branch visit", "channel": "branch"},
            ],
            "pain_points": [
                {
                    "id": "pp-pages",
                    "text": "Too many pages",
                    "severity": "high",
                    "touchpoint": "form",
                    "evidence": ["Analytics"],
                }
            ],
            "opportunities": [
                {
                    "id": "opp-short",
                    "text": "A shorter form",
                    "addresses": ["pp-pages"],
                    "impact": "high",
                    "effort": "medium",
                    "owner": "Web team",
                    "status": "idea",
                }
            ],
            "kpis": [{"name": "Completion", "value": 60, "target": 80, "unit": "%", "better": "higher"}],
            "quotes": [{"text": "So long", "source": "Interview 2"}],
            "frontstage": ["Adviser answers chat"],
            "backstage": ["Compliance check"],
            "support": ["KYC system"],
            "physical_evidence": ["Welcome letter"],
        }
    ],
}
STAGE = ("stages", 0)
FORM = (*STAGE, "touchpoints", 0)
PAIN = (*STAGE, "pain_points", 0)
IDEA = (*STAGE, "opportunities", 0)
METRIC = (*STAGE, "kpis", 0)
# Where each model's first instance lives in FULL, and a new value for each field a reader would see changed.
WHERE: dict[type[BaseModel], tuple[Any, ...]] = {
    Journey: (),
    EmotionScale: ("emotion_scale",),
    Channel: ("channels", 0),
    Persona: ("persona",),
    Stage: STAGE,
    TouchpointModel: FORM,
    NextStep: (*FORM, "next", 0),
    PainPoint: PAIN,
    Opportunity: IDEA,
    KPI: METRIC,
    Quote: (*STAGE, "quotes", 0),
}
EDITS: dict[tuple[type[BaseModel], str], Any] = {
    (Journey, "title"): "Opening an account online",
    (Journey, "objective"): "Open accounts in one hour",
    (Journey, "type"): "future-state",
    (Journey, "owner"): "Digital team",
    (Journey, "reviewed"): "2026-11-30",
    (Journey, "locale"): "fr",
    (Journey, "tags"): ["bank", "kyc"],
    (Journey, "baseline"): "current.yaml",
    (Journey, "ignore"): [],
    (Journey, "emotion_source"): "measured",
    (Journey, "persona"): None,
    (Journey, "channels"): [{"id": "branch", "label": "Agency"}],
    (Journey, "stages"): [copy.deepcopy(FULL["stages"][0]), {"id": "fund", "name": "Fund the account"}],
    (Journey, "emotion_scale"): {"min": -2, "max": 2, "neutral": 0},
    (EmotionScale, "min"): 0,
    (EmotionScale, "max"): 6,
    (EmotionScale, "neutral"): 2,
    (EmotionScale, "labels"): {1: "Angry", 5: "Happy"},
    (Channel, "id"): "agency",
    (Channel, "label"): "Agency",
    (Persona, "name"): "Sara",
    (Persona, "description"): "Freelance UX designer",
    (Persona, "age"): 33,
    (Persona, "occupation"): "UX designer",
    (Persona, "goals"): ["Open fast", "Get a card"],
    (Persona, "frustrations"): [],
    (Persona, "channels"): ["web", "phone"],
    (Persona, "digital_maturity"): "medium",
    (Persona, "quote"): "An IBAN today",
    (Stage, "id"): "application",
    (Stage, "name"): "Application",
    (Stage, "description"): "Fill in the short form",
    (Stage, "goal"): "Apply in five minutes",
    (Stage, "business_goal"): "Complete more applications",
    (Stage, "actions"): ["Scans an ID"],
    (Stage, "thoughts"): ["Is it safe?"],
    (Stage, "emotion"): 4,
    (Stage, "emotion_source"): "assumed",
    (Stage, "duration"): "5 minutes",
    (Stage, "touchpoints_are"): "alternatives",
    (Stage, "touchpoints"): [*copy.deepcopy(FULL["stages"][0]["touchpoints"]), {"name": "Welcome call"}],
    (Stage, "pain_points"): [],
    (Stage, "opportunities"): [],
    (Stage, "kpis"): [],
    (Stage, "quotes"): [{"text": "So long", "source": "Interview 3"}],
    (Stage, "frontstage"): ["Adviser calls back"],
    (Stage, "backstage"): [],
    (Stage, "support"): ["KYC system", "CRM"],
    (Stage, "physical_evidence"): ["Welcome email"],
    (TouchpointModel, "id"): "online-form",
    (TouchpointModel, "name"): "Short online form",
    (TouchpointModel, "channel"): "mobile-app",
    (TouchpointModel, "emotion"): 4,
    (TouchpointModel, "emotion_source"): "assumed",
    (TouchpointModel, "description"): "Three pages",
    (TouchpointModel, "owner"): "App team",
    (TouchpointModel, "kind"): "paid",
    (TouchpointModel, "moment_of_truth"): True,
    (TouchpointModel, "next"): [],
    (TouchpointModel, "drop_off"): "12% leave",
    (NextStep, "to"): "form",
    (NextStep, "label"): "ID check failed",
    (PainPoint, "id"): "pp-too-many-pages",
    (PainPoint, "text"): "Far too many pages",
    (PainPoint, "severity"): "medium",
    (PainPoint, "touchpoint"): "branch-visit",
    (PainPoint, "evidence"): ["Analytics", "Interviews"],
    (Opportunity, "id"): "opp-shorter",
    (Opportunity, "text"): "A much shorter form",
    (Opportunity, "addresses"): [],
    (Opportunity, "impact"): "low",
    (Opportunity, "effort"): "high",
    (Opportunity, "owner"): "App team",
    (Opportunity, "status"): "planned",
    (KPI, "name"): "Completion rate",
    (KPI, "value"): 65,
    (KPI, "target"): 85,
    (KPI, "unit"): "pts",
    (KPI, "better"): "lower",
    (Quote, "text"): "So very long",
    (Quote, "source"): "Interview 3",
}
COMPARED_FIELDS = [
    (model, field) for model, rules in FIELDS.items() for field, rule in rules.items() if rule.how != "ignored"
]


def _edited(model: type[BaseModel], field: str) -> dict[str, Any]:
    data = copy.deepcopy(FULL)
    place = data
    for step in WHERE[model]:
        place = place[step]
    place[field] = copy.deepcopy(EDITS[(model, field)])
    if (model, field) == (TouchpointModel, "id"):
        data["stages"][0]["pain_points"][0]["touchpoint"] = "online-form"
    if (model, field) == (PainPoint, "id"):
        data["stages"][0]["opportunities"][0]["addresses"] = ["pp-too-many-pages"]
    if (model, field) == (Channel, "id"):
        data["stages"][0]["touchpoints"][1]["channel"] = "agency"
    return data


def test_every_compared_field_has_an_edit_that_reads_as_a_map() -> None:
    assert set(EDITS) == set(COMPARED_FIELDS), "give each compared field an edit a team would make"
    Journey.model_validate(FULL)


@pytest.mark.parametrize(("model", "field"), COMPARED_FIELDS, ids=[f"{m.__name__}.{f}" for m, f in COMPARED_FIELDS])
def test_each_compared_field_shows_in_the_diff_when_it_changes(model: type[BaseModel], field: str) -> None:
    before, after = Journey.model_validate(FULL), Journey.model_validate(_edited(model, field))
    diff = diff_journeys(before, after)
    assert not diff.empty, f"{model.__name__}.{field} changed but the diff is empty"
    if FIELDS[model][field].how in ("value", "list"):
        fields = {change.field for changes in diff.groups.values() for change in changes}
        assert any(name and name.rsplit(".", 1)[-1] == field for name in fields), fields


def test_a_reference_to_a_renamed_object_is_not_a_change() -> None:
    # The pain point follows its touchpoint's new id: that is the rename, not a new `touchpoint:`.
    before = Journey.model_validate(FULL)
    after = Journey.model_validate(_edited(TouchpointModel, "id"))
    old_pain, new_pain = before.stages[0].pain_points[0], after.stages[0].pain_points[0]
    renamed = {"form": "online-form"}
    assert compare_fields(old_pain, new_pain, lambda kind, ident: renamed.get(ident, ident)) == []
    assert [change.field for change in compare_fields(old_pain, new_pain)] == ["touchpoint"]


def test_next_left_out_and_an_empty_next_differ() -> None:
    # Left out: the listed order goes on; empty: the journey ends here. A reader must see the switch.
    before = Journey.model_validate(FULL).stages[0].touchpoints[1]
    after = before.model_copy(update={"next": []})
    [change] = compare_fields(before, after)
    assert (change.kind, change.field, change.before, change.after) == ("changed", "next", None, [])


def test_an_item_written_twice_is_counted_twice() -> None:
    before = Journey.model_validate(FULL).stages[0]
    after = before.model_copy(update={"actions": ["Fills in the form", "Fills in the form"]})
    assert [(c.kind, c.after) for c in compare_fields(before, after)] == [("item-added", "Fills in the form")]
    assert [(c.kind, c.before) for c in compare_fields(after, before)] == [("item-removed", "Fills in the form")]
