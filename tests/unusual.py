"""Maps unlike the examples, for the HTML page, the flow view and the Markdown report: edge cases authors write.

One stage, twelve stages, no touchpoints, no scores, a service blueprint, a future state with its
baseline, a French map with long words, emoji, very long names. Each entry gives the map and, for a
future-state map, the current-state map it is compared with (as `cjm build` passes its `baseline:`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cjm.model import Journey
from tests.journeys import journey

FRENCH_STAGES = (
    ("annonce", "Annonce du déménagement", "Déclare son déménagement dans l'espace client", "web", 3),
    ("eligibilite", "Éligibilité", "Teste l'éligibilité de la nouvelle adresse", "web", 2),
    ("rendez-vous", "Prise de rendez-vous", "Choisit un créneau d'intervention", "web", 2),
    ("demenagement", "Déménagement", "Rend les clés de l'ancien logement", "store", 3),
    ("emmenagement", "Emménagement", "Branche la box dans le nouveau logement", "delivery", 1),
    ("raccordement", "Raccordement", "Reçoit le technicien pour l'intervention", "phone", 3),
    ("facturation", "Première facturation", "Vérifie la facture de réinitialisation", "email", 2),
    ("recommandation", "Recommandation", "Donne son avis sur l'accompagnement", "reviews", 4),
)


def french_long_words() -> Journey:
    """An eight-stage French map whose stage names are single long words (Déménagement, Emménagement)."""
    stages: list[dict[str, Any]] = []
    for number, (key, name, action, channel, score) in enumerate(FRENCH_STAGES, start=1):
        stage: dict[str, Any] = {
            "id": key,
            "name": name,
            "actions": [action],
            "thoughts": ["Est-ce que la connexion sera rétablie à temps ?"],
            "touchpoints": [
                {"id": f"{key}-tp", "name": f"Interlocuteur {number}", "channel": channel, "emotion": score}
            ],
        }
        if key == "emmenagement":
            stage["touchpoints"][0]["moment_of_truth"] = True
            stage["pain_points"] = [
                {
                    "id": "pas-de-signal",
                    "text": "Pas de signal le premier soir malgré la confirmation de raccordement",
                    "severity": "critical",
                    "evidence": ["Entretien 4", "Verbatim 12"],
                }
            ]
        if key == "facturation":
            stage["opportunities"] = [
                {
                    "text": "Prévenir la veille par SMS et proposer une clé 4G de dépannage",
                    "addresses": ["pas-de-signal"],
                    "impact": "high",
                    "effort": "low",
                }
            ]
        stages.append(stage)
    return Journey.model_validate(
        {
            "cjm": 1,
            "title": "Déménagement : le parcours d’un abonné fibre qui change de logement",
            "locale": "fr",
            "type": "current-state",
            "objective": "Garder l’abonné pendant son déménagement et rétablir sa connexion le jour de son arrivée.",
            "persona": {
                "name": "Camille Duret",
                "description": "Infirmière, 31 ans",
                "goals": ["Internet dès l’arrivée"],
            },
            "stages": stages,
        }
    )


def emoji() -> Journey:
    """A map whose names carry emoji, as people type them in workshops."""
    data = journey(4).model_dump(mode="json", exclude_none=True, by_alias=True)
    for stage, mark in zip(data["stages"], ("🔍", "🛒", "💳", "📦"), strict=True):
        stage["name"] = f"{mark} {stage['name']}"
        for touchpoint in stage.get("touchpoints", []):
            touchpoint["name"] = f"📱 {touchpoint['name']} 🙂"
    data["title"] = "Checkout 🛒 on the phone"
    return Journey.model_validate(data)


def long_names() -> Journey:
    """A map with very long stage, touchpoint and pain point wording, and a web address as one long word."""
    data = journey(5).model_dump(mode="json", exclude_none=True, by_alias=True)
    for number, stage in enumerate(data["stages"], start=1):
        stage["name"] = f"Compare every plan, price and contract condition on three different websites {number}"
        for touchpoint in stage.get("touchpoints", []):
            touchpoint["name"] = (
                f"Pricing page of the main competitor, seen on a small phone screen during the commute {number}"
            )
        for pain in stage.get("pain_points", []):
            pain["text"] = (
                "The comparison table hides the monthly fee behind a tooltip that does not open on touch screens, "
                "so the customer leaves to read https://example.com/pricing/plans/compare-every-plan-in-detail"
            )
    data["title"] = "A journey whose every name is much longer than the boxes of a picture were ever meant to hold"
    return Journey.model_validate(data)


def future_with_baseline() -> tuple[Journey, Journey]:
    """A future-state map of six stages and the current-state map it improves on (stages matched by id)."""
    current = journey(6)
    data = journey(6, map_type="future-state").model_dump(mode="json", exclude_none=True, by_alias=True)
    data["baseline"] = "current.yaml"
    for stage in data["stages"]:
        for touchpoint in stage.get("touchpoints", []):
            touchpoint["emotion"] = min(5, touchpoint["emotion"] + 1)
    return Journey.model_validate(data), current


UNUSUAL: dict[str, Callable[[], tuple[Journey, Journey | None]]] = {
    "one-stage": lambda: (journey(1), None),
    "twelve-stages": lambda: (journey(12), None),
    "no-touchpoints": lambda: (journey(5, touchpoints=False), None),
    "no-scores": lambda: (journey(5, scores=False), None),
    "blueprint": lambda: (journey(6, blueprint=True, scores=False), None),
    "future-with-baseline": future_with_baseline,
    "french-long-words": lambda: (french_long_words(), None),
    "emoji": lambda: (emoji(), None),
    "long-names": lambda: (long_names(), None),
}
