"""cjm.renderers.flow_labels: user text in Graphviz HTML-like labels, escaped once and wrapped."""

from __future__ import annotations

from typing import Any

from cjm.i18n import channel_labels, messages
from cjm.model import Journey, Opportunity, PainPoint
from cjm.renderers.flow_labels import Labels, html_text, lines


def test_html_text_escapes_markup_and_graphviz_escapes() -> None:
    assert html_text('<b>"x" & \\N') == "&lt;b&gt;&quot;x&quot; &amp; \\\\N"
    assert html_text("a\x00b\x1bc") == "abc"


def test_lines_wrap_and_cut_with_an_ellipsis() -> None:
    assert lines("one two three four", 9) == ["one two", "three", "four"]
    cut = lines("word " * 40, 10, max_lines=2)
    assert len(cut) == 2 and cut[-1].endswith("…")


def _labels() -> Labels:
    journey = Journey.model_validate({"cjm": 1, "title": "T", "stages": [{"name": "S"}]})
    return Labels(journey, messages("en"), channel_labels(journey))


def test_an_unstated_severity_or_status_is_said_so() -> None:
    labels = _labels()
    # Built without validation: the format may leave severity and status unstated (None).
    unstated: dict[str, Any] = {"severity": None, "status": None}
    pain = PainPoint.model_construct(
        id="p", text="Slow", severity=unstated["severity"], touchpoint=None, evidence=["a", "b"]
    )
    markup = labels.pain(pain)
    assert "Severity: not stated" in markup and "Evidence: 2" in markup and "●" not in markup
    item = Opportunity.model_construct(
        id="o", text="Fix", addresses=[], impact=None, effort=None, owner=None, status=unstated["status"]
    )
    assert "Status: not stated" in labels.opportunity(item, [])


def _two_stages() -> Journey:
    return Journey.model_validate(
        {
            "cjm": 1,
            "title": "T",
            "stages": [
                {"name": "A", "pain_points": [{"id": "pp-near", "text": "Slow page"}]},
                {"name": "B", "pain_points": [{"id": "pp-far", "text": "Card refused twice"}]},
            ],
        }
    )


def test_an_opportunity_names_the_pain_points_of_other_stages_by_number_and_words() -> None:
    journey = _two_stages()
    labels = Labels(journey, messages("en"), channel_labels(journey))
    item = Opportunity(id="o", text="Fix", addresses=["pp-far", "pp-near"])
    markup = labels.opportunity(item, ["pp-far"])
    assert "Addresses: P2 Card refused twice" in markup
    assert "pp-far" not in markup and "pp-near" not in markup and "P1" not in markup


def test_an_opportunity_names_a_pain_point_of_its_baseline_by_its_words_in_french() -> None:
    current = _two_stages()
    future = Journey.model_validate(
        {"cjm": 1, "title": "T", "locale": "fr", "type": "future-state", "stages": [{"name": "A"}]}
    )
    labels = Labels(future, messages("fr"), channel_labels(future), current)
    markup = labels.opportunity(Opportunity(id="o", text="Corriger", addresses=["pp-far"]), ["pp-far"])
    assert "Supprime\u00a0: Card refused twice" in markup and "pp-far" not in markup


def test_a_stage_name_keeps_one_line_while_the_band_holds_it() -> None:
    labels = _labels()
    assert labels.stage_name("Diagnostiquer dans l'appli de l'opérateur") == "Diagnostiquer dans l'appli de l'opérateur"
    long = labels.stage_name("Compare every plan, price and contract condition on three different websites " * 3)
    assert 2 <= long.count("<BR") <= 2 and long.endswith("…")


def test_symbols_are_texts_of_their_own() -> None:
    markup = _labels().score(2)
    assert '<FONT POINT-SIZE="9.5">▼</FONT>' in markup


def test_a_stage_header_keeps_its_badge_beside_its_number_and_its_duration_under_its_name() -> None:
    journey = Journey.model_validate(
        {"cjm": 1, "title": "T", "stages": [{"name": "Pay", "emotion": 2, "duration": "two days, then a week " * 3}]}
    )
    markup = Labels(journey, messages("en"), channel_labels(journey)).stage(1, journey.stages[0])
    first, second = markup.split("</TR>")[:2]
    assert first.index("▼") < first.index("Pay"), "the badge comes before the name"
    assert second.startswith('<TR><TD COLSPAN="2"></TD><TD ALIGN="LEFT">') and "Duration" in second
