"""Facts the picture views share: severity order, KPI text, the JSON dump."""

from __future__ import annotations

import json

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
    assert colon("fr") == "\u00a0: " and colon("en") == ": "
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
