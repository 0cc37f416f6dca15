"""Facts the picture views share: severity order, KPI text, the JSON dump."""

from __future__ import annotations

import json

from cjm.model import Journey
from cjm.renderers import style
from cjm.renderers.layout import (
    Text,
    colon,
    kpi_line,
    layout_json,
    more_note,
    quoted,
    severity_rank,
    small,
    text_block,
    typeset_journey,
)
from tests.journeys import journey


def test_not_stated_values() -> None:
    main = journey(1)
    pain = main.stages[0].pain_points[0]
    assert severity_rank(pain.model_copy(update={"severity": None})) == 4 > severity_rank(pain)
    kpi = main.stages[0].kpis[0]
    assert kpi_line(kpi, "en") == "40% / target 60%"
    assert kpi_line(kpi, "fr") == "40\u00a0% (cible\u00a060\u00a0%)"
    assert kpi_line(kpi.model_copy(update={"value": None}), "fr") == "Cible 60\u00a0%"


def test_french_punctuation() -> None:
    # A label keeps its value's first word on its line: the space after the colon does not break.
    assert colon("fr") == "\u00a0:\u00a0" and colon("en") == ":\u00a0"
    assert quoted("Oui", "fr") == "«\u00a0Oui\u00a0»" and quoted("Yes", "en") == "“Yes”"


def test_layout_json_is_sorted_and_rounded() -> None:
    dumped = json.loads(layout_json(Text(1.234, 2.0, ("a",), 10.0)))
    assert dumped["x"] == 1.2 and list(dumped) == sorted(dumped)


def test_text_block_keeps_the_full_text_only_when_cut() -> None:
    assert text_block("short", 0, 0, 200, 10).full is None
    assert text_block("a much longer text than fits", 0, 0, 40, 10, max_lines=1).full == "a much longer text than fits"


def test_small_notes_and_the_more_line() -> None:
    note = small("Website", 0, 0, 200)
    assert (note.size, note.role, note.lines) == (style.SIZE_SMALL, "muted", ("Website",))
    cut = small("a much longer text than fits in one line", 0, 0, 60, "pain")
    assert cut.lines[-1].endswith("…") and cut.full == "a much longer text than fits in one line"
    assert more_note("fr", 3, 0, 0, 100).lines == ("+3 autres",)


def test_the_authors_french_text_gets_its_punctuation_spaces_and_ids_stay() -> None:
    main = Journey.model_validate(
        {
            "cjm": 1,
            "title": "Pourquoi ?! Voir https://exemple.fr/a?id=4",
            "locale": "fr",
            "persona": {"name": "Léa", "quote": "Encore mon adresse? Je l'ai tapée deux fois!"},
            "stages": [
                {"id": "s1", "name": "Étape : «Signer»", "pain_points": [{"id": "p1", "text": "Refus ; sans motif"}]}
            ],
        }
    )
    typeset = typeset_journey(main)
    assert typeset.title == "Pourquoi\u202f?! Voir https://exemple.fr/a?id=4"
    assert typeset.persona is not None
    assert typeset.persona.quote == "Encore mon adresse\u202f? Je l'ai tapée deux fois\u202f!"
    stage = typeset.stages[0]
    assert stage.name == "Étape\u00a0: «\u00a0Signer\u00a0»" and stage.id == "s1"
    assert stage.pain_points[0].text == "Refus\u202f; sans motif" and stage.pain_points[0].id == "p1"
    english = main.model_copy(update={"locale": "en", "title": "Why? Now: see https://example.com/a?id=4"})
    assert typeset_journey(english).title == english.title
