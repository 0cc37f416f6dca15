"""The HTML report and the SVG diagram of every example, opened in the real headless Chromium.

Each page is captured (PNGs land in tests/artifacts/browser/ for a reviewer or a CI upload),
checked by a probe script for text that overflows, is clipped or spills out of its cell at a
1280 px wide window, and the richest report is printed to PDF. The README screenshots are made by
the same helpers (`tests/screenshots.py`), and one test makes them again to keep that script working.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import cjm
from tests.conftest import EXAMPLES, ROOT
from tests.screenshots import MAX_BYTES, SHOTS, make_screenshots
from tests.tools import (
    ARTIFACTS,
    DECODED_PIXELS,
    HTML_PROBE,
    PAGE_WIDTH,
    SVG_PROBE,
    Png,
    build_page,
    find_chromium,
    print_pdf,
    probe_page,
    read_png,
    screenshot,
    svg_page,
)

pytestmark = pytest.mark.browser

OUT = ARTIFACTS / "browser"
MAX_SIZE = 12_000
IDS = [path.stem for path in EXAMPLES]


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's Chromium."""
    found = find_chromium()
    if found is None:
        pytest.fail("Chromium not found at /usr/bin/chromium or on PATH: run `make system`")
    return found


@dataclass(frozen=True)
class Opened:
    """A page as Chromium drew it: what the probe found and the screenshot (taken `width` px wide)."""

    page: Path
    width: int
    layout: dict[str, Any]
    png: Png


def open_in_chromium(example: Path, format_name: str, probe: Path) -> Opened:
    """Build an example's page, probe its layout, and capture it whole.

    The HTML report is captured in a 1280 px window, as tall as the page; the SVG at its natural
    size (a Graphviz flow is several screens wide), so the artefact shows what a viewer shows at 100 %.
    """
    page = build_page(example, format_name, OUT / example.stem, view="flow")
    layout = probe_page(page, probe)
    width = PAGE_WIDTH if format_name == "html" else min(max(math.ceil(layout["width"]), 1), MAX_SIZE)
    height = min(max(math.ceil(layout["height"]), 1), MAX_SIZE)
    png = screenshot(page, OUT / f"{example.stem}-{format_name}.png", width, height)
    return Opened(page, width, layout, png)


@pytest.fixture(scope="module", params=EXAMPLES, ids=IDS)
def html_report(request: pytest.FixtureRequest, chromium: Path) -> Opened:
    return open_in_chromium(request.param, "html", HTML_PROBE)


@pytest.fixture(scope="module", params=EXAMPLES, ids=IDS)
def svg_diagram(request: pytest.FixtureRequest, chromium: Path) -> Opened:
    return open_in_chromium(request.param, "svg", SVG_PROBE)


def assert_not_blank(png: Png, width: int, name: str) -> None:
    """A real rendering: the expected width, many colours, and a good share of non-background pixels."""
    assert png.width == width, f"{name}: {png.width} px wide, expected {width}"
    assert png.height > 100, f"{name}: only {png.height} px high"
    colours = png.colours(step=3)
    assert len(colours) > 20, f"{name}: {len(colours)} colours, the page looks blank"
    background = png.rows[0][: png.channels]
    assert png.share_unlike(background) > 0.03, f"{name}: almost every pixel is the background colour"


def listing(problems: list[dict[str, Any]]) -> str:
    return "\n".join(json.dumps(problem, ensure_ascii=False) for problem in problems)


def test_html_report_is_drawn(html_report: Opened) -> None:
    assert_not_blank(html_report.png, PAGE_WIDTH, html_report.page.name)


def test_html_report_fits_a_1280_px_window(html_report: Opened) -> None:
    layout = html_report.layout
    assert layout["width"] <= PAGE_WIDTH, f"the page is {layout['width']} px wide"
    # The grid may scroll sideways inside its own box (its columns hold their longest word).
    problems = [p for p in layout["problems"] if (p["kind"], p["element"]) != ("scrolls", "div.grid-wrap")]
    assert problems == [], (
        f"{html_report.page.name} at {PAGE_WIDTH} px: text overflows or is clipped "
        f"(see tests/artifacts/browser/):\n{listing(problems)}"
    )


def test_svg_diagram_is_drawn(svg_diagram: Opened) -> None:
    layout = svg_diagram.layout
    assert layout["width"] > 0 and layout["height"] > 0, f"the SVG is drawn at {layout['width']}×{layout['height']}"
    assert layout["texts"] > 0, "the SVG has no text"
    assert_not_blank(svg_diagram.png, svg_diagram.width, svg_diagram.page.name)


def test_svg_text_stays_inside_the_view_box_and_its_nodes(svg_diagram: Opened) -> None:
    problems = svg_diagram.layout["problems"]
    assert problems == [], f"{svg_diagram.page.name}: text outside the diagram or its box:\n{listing(problems)}"


BROKEN_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
table { width: 300px; table-layout: fixed; border-collapse: collapse; } td { border: 1px solid; }
.nowrap { white-space: nowrap; } .clip { width: 80px; overflow: hidden; white-space: nowrap; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style></head><body>
<table><tr><td><span class="nowrap">A label far too long for its column</span></td><td>fits</td>
<td><span class="sr-only">Screen-reader text, clipped on purpose</span>ok</td></tr></table>
<div class="clip">Clipped text that does not fit</div>
<details><summary>More</summary><table style="width: 120px"><tr><td>Only_seen_when_opened_and_far_too_long</td></tr>
</table></details>
<p class="nowrap" style="margin-left: 1250px">Off the page</p>
</body></html>
"""

BROKEN_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="200pt" height="100pt" viewBox="0 0 200 100">
<g transform="translate(0 100)">
<g id="node1" class="node"><polygon points="10,-90 60,-90 60,-70 10,-70"/>
<text x="12" y="-75" font-size="14">A label wider than its box</text></g>
<text x="150" y="-50" font-size="14">Past the right edge</text>
<text x="20" y="-20" font-size="10">fine</text>
</g></svg>
"""


def test_layout_probe_finds_overflow_and_ignores_hidden_text(chromium: Path, tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(BROKEN_PAGE, encoding="utf-8")
    problems = probe_page(page, HTML_PROBE)["problems"]
    found = {(problem["kind"], problem.get("text", "")[:20]) for problem in problems}
    assert found == {
        ("page-overflow", ""),
        ("cell-overflow", "A label far too long"),
        ("text-outside-cell", "A label far too long"),
        ("clipped", "Clipped text that do"),
        ("cell-overflow", "Only_seen_when_opene"),
        ("text-outside-cell", "Only_seen_when_opene"),
        ("text-off-page", "Off the page"),
    }, listing(problems)


def test_svg_probe_finds_text_outside_the_view_box_and_its_node(chromium: Path, tmp_path: Path) -> None:
    page = tmp_path / "broken.svg.html"
    page.write_text(svg_page(BROKEN_SVG), encoding="utf-8")
    layout = probe_page(page, SVG_PROBE)
    assert layout["texts"] == 3
    found = [(problem["kind"], problem["text"]) for problem in layout["problems"]]
    assert found == [
        ("text-outside-node", "A label wider than its box"),
        ("text-outside-viewbox", "Past the right edge"),
    ], listing(layout["problems"])


def richness(example: Path) -> int:
    """How much a map holds: touchpoints, pain points, opportunities, KPIs and quotes."""
    journey = cjm.load(example)
    return sum(
        len(stage.touchpoints) + len(stage.pain_points) + len(stage.opportunities) + len(stage.kpis) + len(stage.quotes)
        for stage in journey.stages
    )


def test_richest_report_prints_to_pdf(chromium: Path) -> None:
    example = max(EXAMPLES, key=richness)
    page = build_page(example, "html", OUT / example.stem)
    pdf = print_pdf(page, OUT / f"{example.stem}.pdf")
    assert pdf.startswith(b"%PDF-"), "not a PDF"
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages >= 1, "the PDF has no page"
    assert len(pdf) > 20_000, f"a {len(pdf)}-byte PDF is too small to hold the map"


@pytest.mark.node
def test_readme_screenshots_are_made_by_this_set_up(chromium: Path) -> None:
    made = make_screenshots(OUT / "docs-images", OUT / "docs-pages", stable=False)
    assert [png.name for png in made] == [shot.name for shot in SHOTS]
    for shot, png in zip(SHOTS, made, strict=True):
        assert_not_blank(read_png(png, max_rows=DECODED_PIXELS // shot.width), shot.width, png.name)
        assert png.stat().st_size <= MAX_BYTES, f"{png.name} is {png.stat().st_size} bytes: lower its height"
        committed = ROOT / "docs" / "images" / shot.name
        assert committed.exists(), f"{committed.relative_to(ROOT)} is missing: run `make screenshots`"
        assert (read_png(committed, max_rows=0).width, read_png(committed, max_rows=0).height) == (
            shot.width,
            shot.height,
        )
