"""The flow SVG where it is used: inlined in a page, drawn by headless Chromium (cjm.renderers.flow_svg).

Measured from the rendered boxes: the contrast of every text against what is drawn behind it (WCAG
AA, 4.5:1), the smallest text at a docs page's width, ids unique on a page holding two maps titled
alike, and each picture's accessible name read from its own title.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import cjm
from cjm.model import Journey
from cjm.renderers import RenderOptions
from cjm.renderers.graphviz_svg import render_svg
from tests.conftest import EXAMPLES
from tests.tools import PROBES, probe_page, require_chromium
from tests.unusual import UNUSUAL

CONTRAST_PROBE = PROBES / "svg-contrast.js"
DISPLAY_WIDTH = 1000  # px: a docs site's content column
WCAG_AA = 4.5
MIN_TEXT_HEIGHT = 9.0  # px, at DISPLAY_WIDTH, for maps of up to 8 stages
SVG = "http://www.w3.org/2000/svg"


def _page(svgs: list[bytes], path: Path) -> Path:
    """A page that inlines each SVG 1000 px wide, one under the other."""
    bodies = [re.sub(r"^<\?xml[^>]*>\s*", "", svg.decode("utf-8")) for svg in svgs]
    path.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Maps</title><style>'
        f"html,body{{margin:0;background:#fff}} svg{{display:block;width:{DISPLAY_WIDTH}px;height:auto}}"
        "</style></head>\n<body>\n" + "\n".join(bodies) + "\n</body></html>\n",
        encoding="utf-8",
    )
    return path


def _probe(svgs: list[bytes], tmp_path: Path) -> dict[str, Any]:
    require_chromium()
    return probe_page(_page(svgs, tmp_path / "maps.html"), CONTRAST_PROBE, width=DISPLAY_WIDTH + 40)


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_text_meets_wcag_aa_and_reads_at_a_docs_width(example: Path, tmp_path: Path) -> None:
    journey = cjm.load(example)
    result = _probe([render_svg(journey, RenderOptions(stem=example.stem))], tmp_path)
    texts = result["texts"]
    assert len(texts) > 50, "the probe found the picture's texts"
    low = [text for text in texts if text["contrast"] < WCAG_AA]
    assert not low, f"{len(low)} of {len(texts)} texts below {WCAG_AA}:1, e.g. {low[:3]}"
    assert len(journey.stages) <= 8
    smallest = min(text["height"] for text in texts)
    assert smallest >= MIN_TEXT_HEIGHT, f"smallest text {smallest} px high at {DISPLAY_WIDTH} px wide"


def test_the_probe_sees_a_text_in_its_tint(tmp_path: Path) -> None:
    # What the flow drew before: a score in its band's colour on the band's fill (2.7:1).
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><rect width="100" height="40" fill="#fde0c2"/>'
        b'<text x="5" y="25" fill="#e66101" font-size="12">-1</text></svg>'
    )
    [text] = _probe([svg], tmp_path)["texts"]
    assert text["contrast"] < 3


def _same_title(persona: str, locale: str) -> Journey:
    return Journey.model_validate(
        {
            "cjm": 1,
            "title": "Checkout",
            "locale": locale,
            "persona": {"name": persona},
            "stages": [
                {"name": "Cart", "touchpoints": [{"name": "Basket", "channel": "web", "emotion": 2}]},
                {"name": "Pay", "touchpoints": [{"name": "Card form", "channel": "web", "emotion": 4}]},
            ],
        }
    )


def test_two_maps_titled_alike_on_one_page_share_no_id_and_keep_their_own_names(tmp_path: Path) -> None:
    first, second = _same_title("Ana", "en"), _same_title("Bruno", "fr")
    svgs = [render_svg(first, RenderOptions(stem="checkout")), render_svg(second, RenderOptions(stem="checkout"))]
    result = _probe(svgs, tmp_path)
    assert result["duplicates"] == []
    names = result["names"]
    assert [name["labelledby"] for name in names] == [["Checkout"], ["Checkout"]]
    # Each picture is described by its own description: the persona it follows.
    assert "Ana" in names[0]["describedby"][0] and "Bruno" in names[1]["describedby"][0]


def _band_edges(svg: bytes) -> set[tuple[float, float]]:
    """The left and right edges of each stage band's outline (in the SVG's own units)."""
    edges = set()
    for group in ET.fromstring(svg).iter(f"{{{SVG}}}g"):
        if group.get("class", "").split()[:2] == ["cluster", "stage"]:
            outline = next(child for child in group if child.tag in (f"{{{SVG}}}path", f"{{{SVG}}}polygon"))
            xs = [float(x) for x in re.findall(r"(-?[0-9.]+),-?[0-9.]+", outline.get("d", outline.get("points", "")))]
            edges.add((round(min(xs), 1), round(max(xs), 1)))
    return edges


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_stage_band_has_the_same_edges_and_its_header_moves_with_it(example: Path) -> None:
    svg = render_svg(cjm.load(example), RenderOptions(stem=example.stem))
    assert len(_band_edges(svg)) == 1, f"ragged band edges: {sorted(_band_edges(svg))}"
    root = ET.fromstring(svg)
    for group in root.iter(f"{{{SVG}}}g"):
        if group.get("class", "").split()[:2] == ["cluster", "stage"]:
            ((left, _),) = _band_edges(svg)
            header = [float(text.get("x", "0")) for text in group.iter(f"{{{SVG}}}text")]
            shift = sum(
                float(n)
                for g in group.iter(f"{{{SVG}}}g")
                for n in re.findall(r"translate\(([-0-9.]+)", g.get("transform", ""))
            )
            assert left < min(header) + shift < left + 20, "the stage number sits at the band's left edge"


def test_the_root_is_sized_in_pixels_of_its_view_box_and_may_shrink() -> None:
    root = ET.fromstring(render_svg(cjm.load(EXAMPLES[0]), RenderOptions(stem="x")))
    view = [float(n) for n in root.get("viewBox", "").split()]
    assert (float(root.get("width", "0")), float(root.get("height", "0"))) == (view[2], view[3])
    assert root.get("style") == "max-width: 100%; height: auto"


@pytest.mark.parametrize("column", [1000, 670])
def test_the_flow_fits_a_docs_column_without_page_css(column: int, tmp_path: Path) -> None:
    """Inlined with no stylesheet of the page's own: never wider than its column, proportions kept."""
    require_chromium()
    svgs = [render_svg(cjm.load(example), RenderOptions(stem=example.stem)) for example in EXAMPLES]
    bodies = "\n".join(re.sub(r"^<\?xml[^>]*>\s*", "", svg.decode("utf-8")) for svg in svgs)
    page = tmp_path / "column.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Flows</title></head>\n'
        f'<body style="margin:0"><main style="width:{column}px">\n{bodies}\n</main></body></html>\n',
        encoding="utf-8",
    )
    pictures = probe_page(page, PROBES / "picture-size.js", width=1280)["pictures"]
    assert len(pictures) == len(svgs)
    for picture in pictures:
        natural_width, natural_height = picture["viewBox"]
        assert picture["width"] == pytest.approx(min(natural_width, column), abs=1)
        assert picture["height"] / picture["width"] == pytest.approx(natural_height / natural_width, rel=0.01)


@pytest.mark.parametrize("name", list(UNUSUAL))
def test_unusual_maps_draw_even_bands_and_name_pain_points_by_number(name: str) -> None:
    journey, baseline = UNUSUAL[name]()
    svg = render_svg(journey, RenderOptions(stem=name, baseline=baseline))
    assert len(_band_edges(svg)) == 1, f"{name}: ragged band edges {sorted(_band_edges(svg))}"
    texts = " ".join(text.text or "" for text in ET.fromstring(svg).iter(f"{{{SVG}}}text"))
    assert not re.search(r"\bp\d+\b", texts), f"{name}: a pain point's id is shown"
    for number, stage in enumerate(journey.stages, start=1):
        first_word = stage.name.split()[0]
        assert first_word in texts, f"{name}: stage {number} ({stage.name!r}) has no header"


def _centres(svg: bytes) -> dict[str, float]:
    """The x of each touchpoint box's centre, by touchpoint id."""
    found = {}
    for group in ET.fromstring(svg).iter(f"{{{SVG}}}g"):
        if "touchpoint" in group.get("class", "").split():
            outline = next(child for child in group if child.tag in (f"{{{SVG}}}path", f"{{{SVG}}}polygon"))
            xs = [float(x) for x in re.findall(r"(-?[0-9.]+),-?[0-9.]+", outline.get("d", outline.get("points", "")))]
            found[group.get("id", "").rpartition("touchpoint_")[2]] = (min(xs) + max(xs)) / 2
    return found


@pytest.mark.parametrize("name", ["twelve-stages", "no-scores", "emoji"])
def test_the_steps_of_a_long_flow_stack_in_one_column(name: str) -> None:
    """Stages whose notes take a row of their own no longer push the next stage sideways (a staircase)."""
    journey, baseline = UNUSUAL[name]()
    svg = render_svg(journey, RenderOptions(stem=name, baseline=baseline))
    centres = _centres(svg)
    assert len(centres) == len(list(journey.touchpoints()))
    assert max(centres.values()) - min(centres.values()) < 2, f"{name}: steps drift sideways {centres}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_the_bands_take_in_every_edge_and_its_reason(example: Path) -> None:
    svg = render_svg(cjm.load(example), RenderOptions(stem=example.stem))
    ((left, right),) = _band_edges(svg)
    for group in ET.fromstring(svg).iter(f"{{{SVG}}}g"):
        if "edge" in group.get("class", "").split():
            for text in group.iter(f"{{{SVG}}}text"):
                assert left < float(text.get("x", "0")) < right, f"{example.stem}: {text.text!r} outside the bands"
