"""Words in other languages for the format's fixed values: `severity: haute` gets "did you mean `high`?".

Why: a French team writes the values it says aloud (`haute`, `en cours`, `oui`), and a list of
every allowed value is slower to act on than the one value meant. The format stays English
(one spelling per value keeps files comparable across teams); only the hint knows French.

A word may stand for values of several fields (`bas` is a `low` severity or a `lower` KPI
direction): each word lists its candidates, and the one allowed where it was written wins.
Matching ignores case, accents, hyphens and extra spaces (`Élevée`, `elevee`, `en-cours`).
"""

from __future__ import annotations

import unicodedata

from cjm.translation import Message

# French word → the English values it may mean, most likely first.
FRENCH: dict[str, tuple[str, ...]] = {
    # Severity (pain points) and levels (impact, effort, digital maturity).
    "faible": ("low", "lower"),
    "bas": ("low", "lower"),
    "basse": ("low",),
    "mineur": ("low",),
    "mineure": ("low",),
    "moyen": ("medium",),
    "moyenne": ("medium",),
    "modere": ("medium",),
    "moderee": ("medium",),
    "haut": ("high", "higher"),
    "haute": ("high",),
    "eleve": ("high", "higher"),
    "elevee": ("high",),
    "fort": ("high",),
    "forte": ("high",),
    "important": ("high",),
    "importante": ("high",),
    "majeur": ("high", "critical"),
    "majeure": ("high", "critical"),
    "critique": ("critical",),
    "bloquant": ("critical",),
    "bloquante": ("critical",),
    # Opportunity status.
    "idee": ("idea",),
    "piste": ("idea",),
    "planifie": ("planned",),
    "planifiee": ("planned",),
    "prevu": ("planned",),
    "prevue": ("planned",),
    "a faire": ("planned",),
    "en cours": ("in-progress",),
    "commence": ("in-progress",),
    "commencee": ("in-progress",),
    "termine": ("done",),
    "terminee": ("done",),
    "fait": ("done",),
    "faite": ("done",),
    "realise": ("done",),
    "realisee": ("done",),
    "livre": ("done",),
    "livree": ("done",),
    "abandonne": ("dropped",),
    "abandonnee": ("dropped",),
    "annule": ("dropped",),
    "annulee": ("dropped",),
    # Map type.
    "etat actuel": ("current-state",),
    "actuel": ("current-state",),
    "etat futur": ("future-state",),
    "etat cible": ("future-state",),
    "futur": ("future-state",),
    "cible": ("future-state",),
    "une journee type": ("day-in-the-life",),
    "journee type": ("day-in-the-life",),
    "plan de service": ("service-blueprint",),
    "blueprint de service": ("service-blueprint",),
    "blueprint": ("service-blueprint",),
    "integration": ("onboarding",),
    "prise en main": ("onboarding",),
    # Touchpoint kind (owned, paid and earned media).
    "detenu": ("owned",),
    "possede": ("owned",),
    "propriete": ("owned",),
    "proprietaire": ("owned",),
    "media proprietaire": ("owned",),
    "gagne": ("earned",),
    "obtenu": ("earned",),
    "acquis": ("earned",),
    "conquis": ("earned",),
    "media gagne": ("earned",),
    "payant": ("paid",),
    "paye": ("paid",),
    "achete": ("paid",),
    "sponsorise": ("paid",),
    "media payant": ("paid",),
    # Where a score comes from (`emotion_source`).
    "mesure": ("measured",),
    "mesuree": ("measured",),
    "observe": ("measured",),
    "observee": ("measured",),
    "suppose": ("assumed",),
    "supposee": ("assumed",),
    "estime": ("assumed",),
    "estimee": ("assumed",),
    "hypothese": ("assumed",),
    "presume": ("assumed",),
    "presumee": ("assumed",),
    # KPI direction.
    "plus haut": ("higher",),
    "plus eleve": ("higher",),
    "a la hausse": ("higher",),
    "hausse": ("higher",),
    "maximiser": ("higher",),
    "plus bas": ("lower",),
    "plus faible": ("lower",),
    "a la baisse": ("lower",),
    "baisse": ("lower",),
    "minimiser": ("lower",),
    # How a stage's touchpoints follow each other (`touchpoints_are`).
    "sequence": ("sequence",),
    "en sequence": ("sequence",),
    "a la suite": ("sequence",),
    "les uns apres les autres": ("sequence",),
    "successifs": ("sequence",),
    "enchainement": ("sequence",),
    "alternative": ("alternatives",),
    "au choix": ("alternatives",),
    "choix": ("alternatives",),
    "l un ou l autre": ("alternatives",),
    # Yes or no.
    "oui": ("yes", "true"),
    "non": ("no", "false"),
    "vrai": ("true", "yes"),
    "faux": ("false", "no"),
    # Locale.
    "francais": ("fr",),
    "anglais": ("en",),
}

WORDS: dict[str, dict[str, tuple[str, ...]]] = {"fr": FRENCH}
BOOLEAN_VALUES = ("yes", "no", "true", "false")


def _key(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(character for character in decomposed if not unicodedata.combining(character))
    return " ".join(plain.replace("-", " ").replace("_", " ").replace("’", " ").replace("'", " ").split())


def meant(value: object, allowed: tuple[str, ...] | list[str]) -> str | None:
    """The allowed value a word in another language stands for (`haute` → `high`), or None."""
    if not isinstance(value, str):
        return None
    key = _key(value)
    for table in WORDS.values():
        for candidate in table.get(key, ()):
            if candidate in allowed:
                return candidate
    return None


def hint(value: object, allowed: tuple[str, ...] | list[str]) -> Message | None:
    """ "did you mean `high`?" for a word in another language that stands for an allowed value; else None."""
    value_meant = meant(value, allowed)
    return None if value_meant is None else Message("did you mean `{value}`?", value=value_meant)
