"""Facts the picture views share: ids, the description, severity order, KPI text, the JSON dump."""

from __future__ import annotations

import json

from cjm import load
from cjm.renderers.layout import (
    Text,
    colon,
    description,
    id_prefix,
    kpi_line,
    layout_json,
    quoted,
    severity_rank,
    text_block,
)
from tests.conftest import ROOT
from tests.journeys import journey


def test_id_prefix_comes_from_the_stem_and_the_content_not_the_title() -> None:
    first, second = journey(2, title="Checkout"), journey(3, title="Checkout")
    assert id_prefix(first, "checkout") != id_prefix(second, "checkout")
    assert id_prefix(first, "checkout") == id_prefix(journey(2, title="Checkout"), "checkout")
    assert id_prefix(journey(2, title="購入"), "購入").startswith("cjm-購入-")
    assert id_prefix(first, "My Map").startswith("cjm-my-map-")


def test_description_names_persona_stages_lowest_moment_and_most_severe_pain() -> None:
    main = load(ROOT / "examples" / "ecommerce-first-purchase.yaml")
    text = description(main)
    assert "Maya Okafor" in text and all(stage.name in text for stage in main.stages)
    assert "Lowest point: " in text and "Most severe pain point: " in text and "(Critical, " in text


def test_not_stated_values() -> None:
    main = journey(1)
    pain = main.stages[0].pain_points[0]
    assert severity_rank(pain.model_copy(update={"severity": None})) == 4 > severity_rank(pain)
    kpi = main.stages[0].kpis[0]
    assert kpi_line(kpi, "en") == "40% / target 60%"
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
