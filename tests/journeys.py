"""Maps the tests build in memory: 1 to 40 stages, English or French, with or without touchpoints and scores.

Why generated: the picture must hold for maps the examples do not cover (a one-stage map, a
service blueprint with no scores, a French map of eight stages), and each case is one call.
"""

from __future__ import annotations

from typing import Any

from cjm.model import Journey

WORDS = {
    "en": ("Discover", "Compare", "Sign up", "Pay", "Receive", "Use", "Get help", "Renew"),
    "fr": ("Découvrir", "Comparer", "S'inscrire", "Payer", "Recevoir", "Utiliser", "Demander de l'aide", "Renouveler"),
}


def journey(
    stages: int,
    locale: str = "en",
    *,
    touchpoints: bool = True,
    scores: bool = True,
    blueprint: bool = False,
    title: str = "Checkout",
    map_type: str | None = None,
) -> Journey:
    """A valid map of `stages` stages whose every lane has content (unless switched off)."""
    names = WORDS[locale]
    data: dict[str, Any] = {
        "cjm": 1,
        "title": title,
        "locale": locale,
        "objective": "Halve the number of customers who give up before paying",
        "persona": {"name": "Ana", "description": "34, nurse, books on her phone", "goals": ["Pay quickly"]},
        "type": map_type or ("service-blueprint" if blueprint else "current-state"),
        "stages": [],
    }
    for index in range(stages):
        stage: dict[str, Any] = {
            "id": f"s{index + 1}",
            "name": f"{names[index % len(names)]} {index + 1}",
            "actions": [f"Does step {index + 1} of the journey on her phone"],
            "thoughts": ["Is this the last step?"],
            "pain_points": [
                {
                    "id": f"p{index + 1}",
                    "text": f"Step {index + 1} asks twice for the same thing",
                    "severity": ("critical", "high", "medium", "low")[index % 4],
                    "evidence": ["Interview 3"],
                }
            ],
            "opportunities": [
                {"text": f"Ask once at step {index + 1}", "addresses": [f"p{index + 1}"], "impact": "high"}
            ],
            "kpis": [
                {"name": f"Completion {index + 1}", "value": 40 + index, "target": 60, "unit": "%", "better": "higher"}
            ],
        }
        if touchpoints:
            stage["touchpoints"] = [
                {
                    "id": f"t{index + 1}-{n}",
                    "name": f"Screen {index + 1}.{n}",
                    "channel": "web",
                    **({"emotion": (index + n) % 5 + 1} if scores else {}),
                    "moment_of_truth": index == 1 and n == 1,
                }
                for n in (1, 2)
            ]
        elif scores:
            stage["emotion"] = index % 5 + 1
        if blueprint:
            stage["frontstage"] = [f"Agent checks step {index + 1}"]
            stage["backstage"] = ["Back office validates the file"]
            stage["support"] = ["CRM"]
        data["stages"].append(stage)
    return Journey.model_validate(data)


def sparse() -> Journey:
    """A map as teams often write one: some stages only named, touchpoints without channel or score, no severity."""
    return Journey.model_validate(
        {
            "cjm": 1,
            "title": "Onboarding a new colleague",
            "stages": [
                {"name": "Offer signed"},
                {"name": "First day", "actions": ["Gets a badge", "Meets the team"]},
                {
                    "name": "First week",
                    "touchpoints": [{"name": "Laptop handover"}, {"name": "HR portal", "channel": "web"}],
                    "pain_points": ["Nobody knows who orders the laptop"],
                    "kpis": [{"name": "Days to a working laptop", "value": 6, "target": 1}],
                },
            ],
        }
    )
