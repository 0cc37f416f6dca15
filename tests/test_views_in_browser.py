"""The map and slide views of every example and of generated maps, drawn by headless Chromium at their display width.

The map is shown 1000 px wide (a docs page column), the slide 960 px (a slide pasted into a
page). A probe (tests/probes/view-layout.js) measures from the boxes Chromium drew: the smallest
text, texts overlapping each other, texts leaving the box they start in, an opaque background and
the contrast of every text against the shape behind it. Screenshots land in tests/artifacts/views/.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from cjm import load
from cjm.model import Journey
from cjm.renderers import RenderOptions, render
from tests.conftest import EXAMPLES, ROOT
from tests.journeys import journey, sparse
from tests.tools import (
    ARTIFACTS,
    VIEW_PROBE,
    find_chromium,
    load_with_baseline,
    probe_page,
    read_png,
    run_axe,
    screenshot,
    svg_page,
)

pytestmark = pytest.mark.browser

OUT = ARTIFACTS / "views"
WIDTHS = {"map": 1000, "slide": 960}
MIN_PX = {"map": 9.0, "slide": 8.0}
GENERATED = {
    "one-stage": journey(1),
    "eight-stages-fr": journey(8, "fr"),
    "twelve-stages": journey(12),
    "blueprint-no-scores": journey(5, touchpoints=False, scores=False, blueprint=True),
    "stage-scores-only": journey(4, "fr", touchpoints=False),
    "sparse": sparse(),
    # Maps written in other scripts (CJK counted 1 em wide where DejaVu Sans has no glyph).
    **{f"script-{path.stem}": load(path) for path in sorted((ROOT / "tests" / "maps" / "scripts").glob("*.yaml"))},
}


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's Chromium."""
    found = find_chromium()
    if found is None:
        pytest.fail("Chromium not found at /usr/bin/chromium or on PATH: run `make system`")
    return found


def _probe(name: str, main: Journey, baseline: Journey | None, view: str) -> dict[str, Any]:
    svg = render(main, "svg", RenderOptions(stem=name, baseline=baseline, view=view))
    assert isinstance(svg, str)
    width = WIDTHS[view]
    found = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', svg)
    assert found is not None
    height = int(float(found[2]) * width / float(found[1])) + 2
    OUT.mkdir(parents=True, exist_ok=True)
    page = OUT / f"{name}.{view}.html"
    page.write_text(svg_page(svg, width=width), encoding="utf-8")
    layout = probe_page(page, VIEW_PROBE, width, height)
    layout["screenshot"] = screenshot(page, OUT / f"{name}.{view}.png", width, height)
    return layout


# Maps of every shape real authors write (tests/maps/shapes/README.md) and maps as others published them
# (tests/maps/README.md), in both views.
SHAPES = sorted((ROOT / "tests" / "maps" / "shapes").glob("*.yaml")) + sorted((ROOT / "tests" / "maps").glob("*.yaml"))

CASES = (
    [(path.stem, view) for path in EXAMPLES for view in WIDTHS]
    + [(path.stem, view) for path in SHAPES for view in WIDTHS]
    + [(name, "map") for name in GENERATED]
    + [(name, "slide") for name in ("one-stage", "twelve-stages", "blueprint-no-scores", "sparse")]
)


@pytest.fixture(scope="module", params=CASES, ids=[f"{name}-{view}" for name, view in CASES])
def drawn(request: pytest.FixtureRequest, chromium: Path) -> tuple[str, dict[str, Any]]:
    name, view = request.param
    if name in GENERATED:
        return view, _probe(name, GENERATED[name], None, view)
    source = next(path for path in [*EXAMPLES, *SHAPES] if path.stem == name)
    main, baseline = load_with_baseline(source)
    return view, _probe(name, main, baseline, view)


def test_the_smallest_text_is_readable_at_the_display_width(drawn: tuple[str, dict[str, Any]]) -> None:
    view, layout = drawn
    assert layout["width"] == WIDTHS[view]
    assert layout["smallestFontPx"] >= MIN_PX[view]


def test_no_text_overlaps_another_or_leaves_its_box(drawn: tuple[str, dict[str, Any]]) -> None:
    _, layout = drawn
    assert layout["lines"] > 5
    assert layout["problems"] == []


def test_the_background_is_opaque_and_every_text_has_aa_contrast(drawn: tuple[str, dict[str, Any]]) -> None:
    _, layout = drawn
    assert layout["opaqueBackground"] is True
    assert layout["lowestContrast"] >= 4.5
    assert layout["screenshot"].rows[0][:3] == b"\xff\xff\xff"


BROKEN = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200" width="400" height="200">
<rect class="cjm-background" x="0" y="0" width="400" height="100" fill="#ffffff"/>
<g><rect class="cjm-box" x="10" y="10" width="40" height="20" fill="#ffffff"/>
<text x="12" y="24" font-size="12" fill="#000000"><tspan x="12" y="24">far too wide for its box</tspan></text></g>
<text x="12" y="60" font-size="6" fill="#bbbbbb"><tspan x="12" y="60">pale and tiny</tspan></text>
<text x="14" y="62" font-size="12" fill="#000000"><tspan x="14" y="62">on top</tspan></text>
</svg>"""


def test_the_probe_finds_every_kind_of_problem(chromium: Path, tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(svg_page(BROKEN, width=400), encoding="utf-8")
    layout = probe_page(page, VIEW_PROBE, 400, 200)
    kinds = {problem["kind"] for problem in layout["problems"]}
    assert kinds >= {"text-outside-its-box", "texts-overlap", "low-contrast"}
    assert layout["smallestFontPx"] == 6
    assert layout["opaqueBackground"] is False


def test_the_png_is_the_same_picture(tmp_path: Path) -> None:
    png = render(GENERATED["one-stage"], "png")
    assert isinstance(png, bytes)
    (tmp_path / "map.png").write_bytes(png)
    decoded = read_png(tmp_path / "map.png", max_rows=200)
    assert decoded.width == 2400
    assert len(decoded.colours(step=8)) > 4


@pytest.mark.node
@pytest.mark.parametrize("view", ["map", "slide"])
@pytest.mark.parametrize(
    "name", ["support-box-internet-fr", "bank-account-opening-blueprint", "sejour-hotel-fr", "backstage-only-blueprint"]
)
def test_axe_finds_no_violation_in_a_view_inlined_in_a_page(
    chromium: Path, tmp_path: Path, name: str, view: str
) -> None:
    source = next(path for path in [*EXAMPLES, *SHAPES] if path.stem == name)
    main, baseline = load_with_baseline(source)
    svg = render(main, "svg", RenderOptions(stem=name, baseline=baseline, view=view))
    assert isinstance(svg, str)
    page = tmp_path / f"{name}.{view}.html"
    page.write_text(svg_page(svg, width=WIDTHS[view]), encoding="utf-8")
    report = run_axe(page)
    assert report["violations"] == []
    assert report["passes"] > 5


@pytest.mark.node
def test_axe_reports_an_unnamed_picture(chromium: Path, tmp_path: Path) -> None:
    page = tmp_path / "unnamed.html"
    page.write_text(
        svg_page('<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 9 9"/>'), encoding="utf-8"
    )
    assert "svg-img-alt" in {violation["id"] for violation in run_axe(page)["violations"]}


def test_a_viewer_without_dejavu_sans_still_sees_every_text_in_its_box(chromium: Path) -> None:
    from cjm.renderers.style import FONT_FAMILY

    source = next(path for path in EXAMPLES if path.stem == "support-box-internet-fr")
    main, _ = load_with_baseline(source)
    svg = render(main, "svg", RenderOptions(stem="fallback"))
    assert isinstance(svg, str) and FONT_FAMILY in svg
    fallback = svg.replace(FONT_FAMILY, "'Liberation Sans', sans-serif")
    OUT.mkdir(parents=True, exist_ok=True)
    page = OUT / "fallback-font.map.html"
    page.write_text(svg_page(fallback, width=1000), encoding="utf-8")
    found = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', svg)
    assert found is not None
    layout = probe_page(page, VIEW_PROBE, 1000, int(float(found[2])) + 2)
    assert layout["problems"] == []
