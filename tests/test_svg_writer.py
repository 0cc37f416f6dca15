"""The SVG writer of the map and slide views: escaping, lines, cut texts, marks as hidden shapes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from cjm.renderers import style
from cjm.renderers.layout import Card, Mark, Text
from cjm.renderers.svg_writer import attributes, card, document, mark, number, text

SHAPES = ("star", "triangle-down", "bullet", "check", "cross", "evidence", "no-evidence", "line", "band-0", "dot")


def test_numbers_and_attributes() -> None:
    assert [number(v) for v in (1.0, 1.25, 1.255, -0.001, 1000.0)] == ["1", "1.25", "1.25", "0", "1000"]
    assert attributes(class_="a<b", aria_hidden="true", skip=None) == ' class="a&lt;b" aria-hidden="true"'


def test_a_text_has_one_tspan_per_line_and_escapes() -> None:
    drawn = ET.fromstring(text(Text(10.0, 20.0, ("a < b", "& c"), 10.0, bold=True)))
    assert drawn.tag == "text" and drawn.get("font-weight") == "bold"
    assert [span.text for span in drawn] == ["a < b", "& c"]
    assert float(drawn[1].get("y", "0")) - float(drawn[0].get("y", "0")) == pytest.approx(10 * style.LINE_HEIGHT)


def test_a_cut_text_carries_its_full_wording() -> None:
    drawn = ET.fromstring(text(Text(0.0, 0.0, ("Short…",), 10.0, full="Short of room")))
    assert drawn.get("class") == "cjm-cut" and drawn[0].tag == "title" and drawn[0].text == "Short of room"


def test_a_severity_badge_is_drawn_behind_its_word() -> None:
    drawn = ET.fromstring(f"<g>{text(Text(0.0, 0.0, ('Critical',), 10.0, role='severity-critical'))}</g>")
    assert [child.tag for child in drawn] == ["rect", "text"]


def test_every_mark_is_a_shape_hidden_from_screen_readers() -> None:
    for shape in SHAPES:
        drawn = ET.fromstring(mark(Mark(shape, 5.0, 5.0, 10.0, "muted")))
        assert drawn.tag in ("polygon", "circle", "path", "rect", "line") and drawn.get("aria-hidden") == "true"
    leader = ET.fromstring(mark(Mark("leader", 0.0, 0.0, 0.0, "low", (10.0, 20.0))))
    assert (leader.get("x2"), leader.get("y2")) == ("10", "20")


def test_a_card_is_a_group_with_its_box_first() -> None:
    drawn = ET.fromstring("".join(card(Card("pain", 0.0, 0.0, 50.0, 20.0, (Text(2.0, 2.0, ("x",), 10.0),)))))
    assert drawn.get("class") == "cjm-pain" and drawn[0].get("class") == "cjm-box"


def test_the_document_is_named_by_its_title_and_described_apart() -> None:
    root = ET.fromstring(document(100.0, 50.0, "p-", "fr", "Title", "Description", []).encode("utf-8"))
    assert root.get("aria-labelledby") == "p-title" and root.get("aria-describedby") == "p-desc"
    assert root.get("id") == "p"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"


def test_escaping_is_the_standard_library_s() -> None:
    from xml.sax import saxutils

    from cjm.renderers.svg_writer import escape, quoteattr

    samples = ["plain", "a & b < c > d", 'say "hi"', "it's", 'both "\'" quotes', "tab\there\nline\rend", "&amp;"]
    for sample in samples:
        assert quoteattr(sample) == saxutils.quoteattr(sample)
        assert escape(sample) == saxutils.escape(sample)
