"""The slide view: a 16:9 summary with goldens for every example and the content section 2 asks for."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from cjm import load
from cjm.renderers import RenderOptions, render, style
from cjm.renderers.layout import layout_json, severity_rank
from cjm.renderers.slide_layout import layout_slide
from tests.conftest import EXAMPLES, ROOT, compare_golden
from tests.journeys import journey
from tests.tools import build_text, load_with_baseline

NS = {"svg": "http://www.w3.org/2000/svg"}
STEMS = [path.stem for path in EXAMPLES]


@pytest.mark.parametrize("stem", STEMS)
def test_layout_matches_golden(stem: str, update_golden: bool) -> None:
    main, baseline = load_with_baseline(ROOT / "examples" / f"{stem}.yaml")
    actual = layout_json(layout_slide(main, stem, baseline))
    compare_golden(ROOT / "tests" / "golden" / "slide" / f"{stem}.json", actual, update_golden)


@pytest.mark.parametrize("stem", STEMS)
def test_svg_matches_golden(stem: str, update_golden: bool) -> None:
    svg = build_text(ROOT / "examples" / f"{stem}.yaml", "svg", "slide")
    compare_golden(ROOT / "tests" / "golden" / "slide" / f"{stem}.svg", svg, update_golden)


@pytest.mark.parametrize("stem", STEMS)
def test_a_16_9_picture_whose_smallest_text_is_8_px_at_960_px(stem: str) -> None:
    svg = build_text(ROOT / "examples" / f"{stem}.yaml", "svg", "slide")
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.get("viewBox") == "0 0 1920 1080"
    sizes = [float(size) for size in re.findall(r'font-size="([0-9.]+)"', svg)]
    assert min(sizes) * 960 / 1920 >= 8
    assert root.get("aria-labelledby") and root.get("aria-describedby")


@pytest.mark.parametrize("stem", STEMS)
def test_top_three_pain_points_by_severity_and_top_opportunities(stem: str) -> None:
    main = load(ROOT / "examples" / f"{stem}.yaml")
    layout = layout_slide(main)
    panels = {panel.kind: panel for panel in layout.panels}
    shown = " ".join(" ".join(text.lines) for text in panels["pain"].texts)
    worst = sorted(main.pain_points(), key=lambda item: severity_rank(item[1]))[:3]
    for stage, _ in worst:
        assert stage.name[:12] in shown
    assert panels["pain"].texts[0].lines[0] == "Top pain points" or main.locale == "fr"
    assert "opportunity" in panels and "kpi" in panels


@pytest.mark.parametrize("stem", STEMS)
def test_the_curve_is_the_largest_element_and_the_lowest_moment_is_called_out(stem: str) -> None:
    main = load(ROOT / "examples" / f"{stem}.yaml")
    layout = layout_slide(main)
    assert layout.curve is not None and layout.callout is not None
    plot = layout.curve.bottom - layout.curve.top
    assert all(plot > panel.height for panel in layout.panels)
    low = next(point for point in layout.curve.points if point.low)
    assert low.name.split()[0] in " ".join(layout.callout.texts[0].lines)


def test_only_the_kpis_off_target_are_listed() -> None:
    layout = layout_slide(journey(3))
    kpi = next(panel for panel in layout.panels if panel.kind == "kpi")
    assert len(kpi.marks) == 3 and all(mark.shape == "cross" for mark in kpi.marks)


def test_a_map_without_scores_says_so_instead_of_an_empty_chart() -> None:
    bare = journey(4, touchpoints=False, scores=False, blueprint=True)
    layout = layout_slide(bare)
    assert layout.curve is None and layout.callout is None
    assert layout.note is not None and "No emotion" in layout.note.lines[0]
    svg = render(bare, "svg", RenderOptions(view="slide"))
    assert isinstance(svg, str) and "cjm-curve" not in svg
    # The stages are a strip of steps, each label inside its own box; no empty chart band.
    assert svg.count('class="cjm-box"') >= 4 and style.BAND_FILL not in svg
    assert all(label.role == "header" for label in layout.stage_labels)
    assert layout.note.y > max(label.bottom for label in layout.stage_labels)


@pytest.mark.parametrize("stages", [1, 8, 12])
def test_stage_labels_fit_their_columns(stages: int) -> None:
    layout = layout_slide(journey(stages, "fr"))
    assert len(layout.stage_labels) == stages
    for label, column in zip(layout.stage_labels, layout.columns, strict=True):
        assert label.size >= 17 and label.x == pytest.approx(column.centre)
