"""cjm.presentation: the facts every output shows the same way."""

from __future__ import annotations

from typing import Any

import pytest

import cjm
from cjm.i18n import messages
from cjm.model import KPI, EmotionScale, Journey, Opportunity
from cjm.presentation import (
    NO_VALUE,
    backlog_rank,
    escape_markdown,
    escape_table_cell,
    format_number,
    kpi_on_target,
    kpi_value_text,
    label_colon,
    lowest_moment,
    map_description,
    score_text,
    sentences,
    severity_rank,
    svg_id_prefix,
)
from tests.conftest import ROOT

SCALE = EmotionScale(min=-2, max=2, neutral=0, labels={-2: "Distressed", 0: "Neutral", 2: "Delighted"})


def test_severity_rank_puts_the_most_severe_first_and_unstated_last() -> None:
    order = sorted(["low", None, "critical", "medium", "high"], key=severity_rank)
    assert order == ["critical", "high", "medium", "low", None]


def test_backlog_rank_moving_work_first_then_quick_wins() -> None:
    items = [
        Opportunity(id="a", text="a", status="done", impact="high", effort="low"),
        Opportunity(id="b", text="b", status="in-progress", impact="low", effort="high"),
        Opportunity(id="c", text="c", status="idea", impact="high", effort="low"),
        Opportunity(id="d", text="d", status="idea", impact="high", effort=None),
    ]
    assert [item.id for item in sorted(items, key=backlog_rank)] == ["b", "c", "d", "a"]


@pytest.mark.parametrize(
    ("value", "target", "better", "expected"),
    [
        (29, 45, "higher", False),
        (45, 45, "higher", True),
        (3.1, 5, "lower", True),
        (7, 5, "lower", False),
        (None, 5, "higher", None),
        (5, None, "higher", None),
        (5, 4, None, None),  # Which way is better is not stated: no verdict,
        (4, 4, None, True),  # unless the value is the target (cjm.kpi.on_target).
    ],
)
def test_kpi_on_target(value: float | None, target: float | None, better: str | None, expected: bool | None) -> None:
    fields: dict[str, Any] = {"better": better}  # Built without validation: `better` may be unstated.
    kpi = KPI.model_construct(name="k", value=value, target=target, unit=None, **fields)
    assert kpi_on_target(kpi) is expected


def test_numbers_and_units_as_the_locale_writes_them() -> None:
    assert format_number(7.5) == "7.5" and format_number(7.5, "fr") == "7,5"
    assert format_number(0.125) == "0.125" and format_number(40.0) == "40"
    assert format_number(None) == NO_VALUE
    assert kpi_value_text(7.8, "%") == "7.8%" and kpi_value_text(7.8, "%", "fr") == "7,8\u00a0%"
    assert kpi_value_text(3.4, "/5") == "3.4/5" and kpi_value_text(9, "days") == "9\u00a0days"
    assert kpi_value_text(None, "%") == NO_VALUE


def test_score_text_symbol_number_and_word() -> None:
    shown = score_text(-2, SCALE, "fr")
    assert shown is not None and (shown.symbol, shown.number, shown.word) == ("▼▼", "-2", "Distressed")
    assert str(shown) == "▼▼ -2 (Distressed)"
    assert str(score_text(1.5, SCALE, "fr")) == "▲▲ 1,5 (Delighted)"
    assert score_text(None, SCALE) is None


def test_label_colon() -> None:
    assert label_colon("en") == ":" and label_colon("fr") == "\u00a0:"


def test_markdown_escaping_makes_text_inert() -> None:
    assert escape_markdown("*bold* <b> [x](y) | `c`") == "\\*bold\\* &lt;b&gt; \\[x\\](y) \\| \\`c\\`"
    assert escape_table_cell("a\nb") == "a b" and escape_table_cell("") == NO_VALUE


def _map(title: str, persona: str) -> Journey:
    return Journey.model_validate(
        {"cjm": 1, "title": title, "persona": {"name": persona}, "stages": [{"name": "Only"}]}
    )


def test_svg_id_prefix_comes_from_the_stem_and_the_content_never_the_title() -> None:
    first, second = _map("Checkout", "Ana"), _map("Checkout", "Bo")
    assert svg_id_prefix(first, "checkout") != svg_id_prefix(second, "checkout")
    assert svg_id_prefix(first, "checkout") == svg_id_prefix(_map("Checkout", "Ana"), "checkout")
    assert svg_id_prefix(first, "checkout").startswith("cjm-checkout-")
    assert svg_id_prefix(first, "checkout.flow").startswith("cjm-checkout-flow-")
    long = "a-stem-of-thirty-two-characters-"
    assert len({svg_id_prefix(first, long + view) for view in ("", ".slide", ".flow")}) == 3
    assert svg_id_prefix(_map("チェック", "Ana"), "a") != svg_id_prefix(_map("支払い", "Ana"), "a")


def test_map_description_names_persona_stages_lowest_moment_and_worst_pain() -> None:
    journey = cjm.load(ROOT / "examples" / "ecommerce-first-purchase.yaml")
    text = map_description(journey, messages("en"))
    assert "Maya Okafor" in text and "1. Discover" in text and "7. Unbox and settle in" in text
    assert "Lowest point: Delivery options and shipping cost (Checkout and payment, −2 Distressed)" in text
    assert "Pain points: Critical — Delivery cost" in text


def test_map_description_ends_each_sentence_once() -> None:
    journey = cjm.load(ROOT / "examples" / "support-box-internet-fr.yaml")
    text = map_description(journey, messages("fr"))
    assert ".." not in text and "Étapes (" in text
    assert sentences(["Persona : Léa — paie la TVA.", "Objectif : réduire les appels", "Pourquoi ?"]) == (
        "Persona : Léa — paie la TVA. Objectif : réduire les appels. Pourquoi ?"
    )


def test_lowest_moment_names_the_first_of_tied_lowest_touchpoints_with_its_stage() -> None:
    journey = cjm.load(ROOT / "examples" / "ecommerce-first-purchase.yaml")
    assert lowest_moment(journey) == "Delivery options and shipping cost (Checkout and payment, −2 Distressed)"
