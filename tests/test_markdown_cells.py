"""cjm.renderers.markdown_cells: the report's cells, escaped once."""

from __future__ import annotations

from cjm.model import EmotionScale, Journey, Touchpoint
from cjm.renderers.markdown_cells import Text, emotion_cell, table, touchpoint_with_channel


def _text(locale: str = "en") -> Text:
    return Text(Journey.model_validate({"cjm": 1, "title": "T", "locale": locale, "stages": [{"name": "S"}]}))


def test_unstated_choices_say_so_and_the_colon_follows_the_language() -> None:
    assert _text().stated("severity", None) == "not stated" and _text().stated("severity", "high") == "High"
    assert _text("fr").field("field.owner", "x") == "**Responsable\u00a0:** x"


def test_touchpoints_and_scores_as_cells() -> None:
    text = _text()
    assert touchpoint_with_channel(Touchpoint(id="a", name="A | b", channel="web"), text) == "A \\| b (Website)"
    assert touchpoint_with_channel(Touchpoint(id="a", name="A", moment_of_truth=True), text) == "★ A"
    assert emotion_cell(1, EmotionScale(), "en") == "▼▼ 1" and emotion_cell(None, EmotionScale(), "en") == "–"
    assert table(["a", "b"], [["1", "2"]], numeric=[1]) == ["| a | b |", "| --- | ---: |", "| 1 | 2 |"]
