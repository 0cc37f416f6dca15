"""The map view: goldens for every example, and the rules of PICTURE.md checked on the SVG itself.

Portability (plain text, viewBox, title and description, opaque background, no external
reference, generic font last), accessibility (name = title, separate description, language,
decorative marks hidden), the styling contract's classes, ids unique per map, and maps the
examples do not cover (1 to 12 stages, French, blueprints, no touchpoints, no scores).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from cjm import formatting, load
from cjm.model import Journey
from cjm.renderers import RenderOptions, render
from cjm.renderers.cells import LIMITS
from cjm.renderers.layout import layout_json
from cjm.renderers.map_layout import layout_map
from tests.conftest import EXAMPLES, ROOT, compare_golden, run_cjm
from tests.journeys import journey
from tests.tools import build_text, load_with_baseline

NS = {"svg": "http://www.w3.org/2000/svg"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STEMS = [path.stem for path in EXAMPLES]
GLYPH_MARKS = "★⚠✚▲▼●✓✗"


def _svg(journey: Journey, stem: str = "journey", baseline: Journey | None = None) -> str:
    output = render(journey, "svg", RenderOptions(stem=stem, baseline=baseline))
    assert isinstance(output, str)
    return output


def _root(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def _classes(root: ET.Element) -> list[str]:
    return [name for element in root.iter() for name in element.get("class", "").split()]


@pytest.mark.parametrize("stem", STEMS)
def test_layout_matches_golden(stem: str, update_golden: bool) -> None:
    main, baseline = load_with_baseline(ROOT / "examples" / f"{stem}.yaml")
    compare_golden(
        ROOT / "tests" / "golden" / "map" / f"{stem}.json", layout_json(layout_map(main, stem, baseline)), update_golden
    )


@pytest.mark.parametrize("stem", STEMS)
def test_svg_matches_golden(stem: str, update_golden: bool) -> None:
    svg = build_text(ROOT / "examples" / f"{stem}.yaml", "svg")
    compare_golden(ROOT / "tests" / "golden" / "map" / f"{stem}.svg", svg, update_golden)


@pytest.mark.parametrize("stem", STEMS)
def test_svg_is_portable_and_accessible(stem: str) -> None:
    source = ROOT / "examples" / f"{stem}.yaml"
    main = load(source)
    svg = build_text(source, "svg")
    root = _root(svg)
    assert re.fullmatch(r"0 0 1000 [0-9.]+", root.get("viewBox", ""))
    assert root.get("role") == "img"
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert title.text == formatting.typeset(main.title, main.locale)
    assert root.get(XML_LANG) == main.locale
    assert root.get("font-family", "").endswith("sans-serif")
    background = root[2]
    assert background.get("class") == "cjm-background" and background.get("fill") == "#ffffff"
    assert background.get("width") == "1000"
    assert "foreignObject" not in svg and "href" not in svg and "url(" not in svg and "@import" not in svg
    assert main.persona is not None and main.persona.name in (desc.text or "")
    for stage in main.stages:
        assert stage.name in (desc.text or "")


@pytest.mark.parametrize("stem", STEMS)
def test_every_mark_is_a_shape_hidden_from_screen_readers(stem: str) -> None:
    root = _root(build_text(ROOT / "examples" / f"{stem}.yaml", "svg"))
    texts = "".join("".join(text.itertext()) for text in root.iter(f"{{{NS['svg']}}}text"))
    assert not set(GLYPH_MARKS) & set(texts)
    shapes = [e for e in root.iter() if e.tag.endswith(("polygon", "path", "circle")) and e.get("class") is None]
    hidden = [e for e in shapes if e.get("aria-hidden") == "true"]
    points = [e for e in shapes if e.find("svg:title", NS) is not None]
    assert hidden and len(hidden) + len(points) == len(shapes)


@pytest.mark.parametrize("stem", STEMS)
def test_styling_contract(stem: str) -> None:
    source = ROOT / "examples" / f"{stem}.yaml"
    main = load(source)
    classes = _classes(_root(build_text(source, "svg")))
    assert classes.count("cjm-stage") == len(main.stages)
    for name in ("cjm-lane", "cjm-curve", "cjm-low-point", "cjm-pain", "cjm-opportunity", "cjm-legend"):
        assert name in classes, name
    limit = LIMITS["pain_points"]
    assert classes.count("cjm-pain") == sum(min(len(stage.pain_points), limit) for stage in main.stages)
    if any(touchpoint.moment_of_truth for _, touchpoint in main.touchpoints()):
        assert "cjm-moment-of-truth" in classes


@pytest.mark.parametrize("stem", STEMS)
def test_tooltips_show_words_not_ids(stem: str) -> None:
    source = ROOT / "examples" / f"{stem}.yaml"
    main = load(source)
    root = _root(build_text(source, "svg"))
    ids = (
        {stage.id for stage in main.stages}
        | {t.id for _, t in main.touchpoints()}
        | {p.id for _, p in main.pain_points()}
    )
    tips = [title.text or "" for title in root.iter(f"{{{NS['svg']}}}title")][1:]
    assert tips
    for tip in tips:
        assert tip not in ids and "->" not in tip


def test_cut_text_ends_with_an_ellipsis_and_keeps_its_words_in_a_title() -> None:
    long_name = "A touchpoint name so long that no column of an eight stage map can hold it on two lines at all, really"
    base = journey(8)
    stage = base.stages[0]
    touchpoint = stage.touchpoints[0].model_copy(update={"name": long_name})
    cut = base.model_copy(update={"stages": [stage.model_copy(update={"touchpoints": [touchpoint]}), *base.stages[1:]]})
    root = _root(_svg(cut))
    groups = [g for g in root.iter(f"{{{NS['svg']}}}g") if g.get("class") == "cjm-cut"]
    tips = {g.find("svg:title", NS).text: "".join(g.find("svg:text", NS).itertext()) for g in groups}  # type: ignore[union-attr]
    assert long_name in tips
    assert tips[long_name].endswith("…")


def test_two_maps_titled_alike_share_no_id() -> None:
    first, second = journey(3, title="Checkout"), journey(4, title="Checkout")
    ids = [set(re.findall(r'id="([^"]+)"', _svg(one, "checkout"))) for one in (first, second)]
    assert ids[0] and ids[1] and not ids[0] & ids[1]
    same_content = [set(re.findall(r'id="([^"]+)"', _svg(first, stem))) for stem in ("a", "b")]
    assert not same_content[0] & same_content[1]


@pytest.mark.parametrize("stages", range(1, 9))
@pytest.mark.parametrize("locale", ["en", "fr"])
def test_up_to_eight_stages_fit_one_row_with_text_of_at_least_9_px_at_1000_px(stages: int, locale: str) -> None:
    layout = layout_map(journey(stages, locale))
    assert len(layout.rows) == 1 and layout.width == 1000
    sizes = [float(size) for size in re.findall(r'font-size="([0-9.]+)"', _svg(journey(stages, locale)))]
    assert min(sizes) >= 9.5


def test_a_longer_map_continues_in_rows_of_whole_stages() -> None:
    layout = layout_map(journey(12))
    assert [len(row.columns) for row in layout.rows] == [6, 6]
    assert [row.first_stage for row in layout.rows] == [0, 6]
    assert layout.rows[1].y > layout.rows[0].y + layout.rows[0].height


def test_french_map_speaks_french() -> None:
    root = _root(_svg(journey(3, "fr")))
    texts = " ".join(" ".join(t.itertext()) for t in root.iter(f"{{{NS['svg']}}}text"))
    assert root.get(XML_LANG) == "fr"
    assert "Points de contact" in texts and "Courbe émotionnelle" in texts and "Légende" in texts
    assert "Impact\u00a0:" in texts
    assert "2,5" in texts


def test_service_blueprint_lanes_and_the_line_of_visibility() -> None:
    root = _root(_svg(journey(4, blueprint=True)))
    lanes = [g.get("data-lane") for g in root.iter(f"{{{NS['svg']}}}g") if g.get("class") == "cjm-lane"]
    order = [lane for lane in lanes if lane in ("frontstage", "visibility", "backstage", "support")]
    assert order == ["frontstage", "visibility", "backstage", "support"]
    visibility = next(g for g in root.iter(f"{{{NS['svg']}}}g") if g.get("data-lane") == "visibility")
    assert "Line of visibility" in "".join(visibility.itertext())
    assert visibility.find("svg:line", NS) is not None


def test_a_map_without_touchpoints_or_scores_has_no_empty_lane_and_a_short_legend() -> None:
    bare = journey(4, touchpoints=False, scores=False, blueprint=True)
    layout = layout_map(bare)
    keys = [lane.key for lane in layout.rows[0].lanes]
    assert "touchpoints" not in keys and "curve" not in keys
    assert layout.rows[0].curve is None
    assert all(header.score is None for header in layout.rows[0].headers)
    for lane in layout.rows[0].lanes:
        if lane.key != "visibility":
            assert any(cell for cell in lane.cells), lane.key
    for cell in (cell for lane in layout.rows[0].lanes for cell in lane.cells):
        assert all(card.texts for card in cell)
    marks = [entry.marks[0].shape for entry in layout.legend.entries]
    assert marks == ["cross"]


def test_a_map_scored_by_stage_gets_one_point_per_stage() -> None:
    layout = layout_map(journey(5, touchpoints=False))
    curve = layout.rows[0].curve
    assert curve is not None and len(curve.points) == 5
    for point, column in zip(curve.points, layout.rows[0].columns, strict=True):
        assert point.x == pytest.approx(column.centre, abs=0.01)


def test_one_point_per_scored_touchpoint_inside_its_stage_column() -> None:
    main = load(ROOT / "examples" / "ecommerce-first-purchase.yaml")
    layout = layout_map(main)
    curve = layout.rows[0].curve
    assert curve is not None
    assert len(curve.points) == sum(1 for _, t in main.touchpoints() if t.emotion is not None)
    for point in curve.points:
        column = layout.rows[0].columns[point.stage]
        assert column.x < point.x < column.x + column.width
    assert len(curve.path) == len(curve.points) - 1
    lows = [point for point in curve.points if point.low]
    assert lows and all(point.score == min(p.score for p in curve.points) for point in lows)


def test_future_state_draws_its_baseline_dashed_and_in_the_legend() -> None:
    main, baseline = load_with_baseline(ROOT / "examples" / "ecommerce-first-purchase-future.yaml")
    assert baseline is not None
    root = _root(_svg(main, "future", baseline))
    dashed = [p for p in root.iter(f"{{{NS['svg']}}}path") if p.get("class") == "cjm-baseline-curve"]
    assert len(dashed) == 1 and dashed[0].get("stroke-dasharray")
    legend = next(g for g in root.iter(f"{{{NS['svg']}}}g") if g.get("class") == "cjm-legend")
    assert "Current state" in "".join(legend.itertext())


def test_values_not_stated_are_shown_as_nothing() -> None:
    base = journey(2)
    stage = base.stages[0]
    pain = stage.pain_points[0].model_copy(update={"severity": None})
    touchpoint = stage.touchpoints[0].model_copy(update={"channel": None})
    kpi = stage.kpis[0].model_copy(update={"better": None})
    changed = stage.model_copy(update={"pain_points": [pain], "touchpoints": [touchpoint], "kpis": [kpi]})
    unknown = base.model_copy(update={"stages": [changed, *base.stages[1:]]})
    layout = layout_map(unknown)
    lanes = {lane.key: lane for lane in layout.rows[0].lanes}
    pain_card = lanes["pain_points"].cells[0][0]
    assert pain_card.severity is None
    assert not any(text.role.startswith("severity-") for text in pain_card.texts)
    touchpoint_card = lanes["touchpoints"].cells[0][0]
    assert [line for text in touchpoint_card.texts for line in text.lines] == [touchpoint.name]
    kpi_card = lanes["kpis"].cells[0][0]
    assert kpi_card.marks == ()
    assert not any("target" in line for text in kpi_card.texts[2:] for line in text.lines)


@pytest.mark.parametrize("view", ["map", "slide"])
def test_hostile_text_stays_text_and_the_svg_stays_well_formed(view: str) -> None:
    hostile = 'Bell \x07 <script>alert("x")</script> & "quotes" \u202e reversed'
    base = journey(2)
    stage = base.stages[0].model_copy(update={"name": hostile})
    main = base.model_copy(update={"title": hostile, "stages": [stage, *base.stages[1:]]})
    svg = render(main, "svg", RenderOptions(view=view))
    assert isinstance(svg, str)
    root = _root(svg)
    title = root.find("svg:title", NS)
    assert title is not None and title.text == 'Bell  <script>alert("x")</script> & "quotes"  reversed'
    assert "<script" not in svg and "\x07" not in svg and "\u202e" not in svg


def test_assumed_scores_are_hollow_points_and_the_legend_says_so() -> None:
    source = ROOT / "examples" / "ecommerce-first-purchase.yaml"
    main = load(source)
    assumed = [
        touchpoint
        for stage in main.stages
        if stage.emotion_source == "assumed"
        for touchpoint in stage.touchpoints
        if touchpoint.emotion is not None
    ]
    root = _root(build_text(source, "svg"))
    hollow = [c for c in root.iter(f"{{{NS['svg']}}}circle") if c.get("class") == "cjm-assumed"]
    assert assumed and len(hollow) == len(assumed)
    assert all(circle.get("fill") == "#ffffff" for circle in hollow)
    words = " ".join("".join(t.itertext()) for t in root.iter(f"{{{NS['svg']}}}text"))
    assert "Measured score" in words and "Assumed score (to check)" in words


SHAPES = sorted((ROOT / "tests" / "maps" / "shapes").glob("*.yaml"))


def test_the_maps_of_every_shape_are_valid_maps() -> None:
    result = run_cjm("validate", str(ROOT / "tests" / "maps" / "shapes"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(SHAPES)} files valid" in result.stdout + result.stderr


def test_the_maps_of_every_shape_share_no_id_in_any_view() -> None:
    seen: dict[str, str] = {}
    for path in SHAPES:
        main, baseline = load_with_baseline(path)
        for view in ("map", "slide", "flow"):
            svg = render(main, "svg", RenderOptions(stem=path.stem, baseline=baseline, view=view))
            svg = svg.decode() if isinstance(svg, bytes) else svg
            ids = set(re.findall(r'\bid="([^"]+)"', svg))
            assert ids, f"{path.stem} {view} has no id"
            shared = {one: seen[one] for one in ids if one in seen}
            assert not shared, f"{path.stem} {view} reuses ids of {shared}"
            seen.update(dict.fromkeys(ids, f"{path.stem} {view}"))


@pytest.mark.parametrize("name", ["two-stages-no-scores", "demarche-carte-grise-fr", "backstage-only-blueprint"])
def test_a_map_of_a_shape_without_scores_has_no_curve_and_no_emotion_in_its_legend(name: str) -> None:
    layout = layout_map(load(ROOT / "tests" / "maps" / "shapes" / f"{name}.yaml"), name)
    assert all(row.curve is None for row in layout.rows)
    assert "curve" not in {lane.key for row in layout.rows for lane in row.lanes}
    shapes = {entry.marks[0].shape for entry in layout.legend.entries}
    assert not shapes & {"line", "neutral-line", "triangle-down", "star"}
    assert not any(shape.startswith(("band-", "point-")) for shape in shapes)
