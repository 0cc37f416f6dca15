"""The Graphviz renderer: DOT and SVG goldens, what the drawing contains, hostile text, PNG size.

Every test runs the real `dot` (Graphviz is part of `make test`'s set-up).
"""

from __future__ import annotations

import difflib
import functools
import itertools
import json
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import cjm
from cjm.i18n import channel_labels, messages
from cjm.model import Journey
from cjm.renderers import FORMATS, RenderError, RenderOptions, render
from cjm.renderers.graphviz_svg import (
    PNG_MIN_WIDTH,
    ROWS,
    png_dpi,
    render_dot,
    render_png,
    render_svg,
    svg_id_prefix,
)
from tests.conftest import EXAMPLES, ROOT, compare_golden

SVG = "{http://www.w3.org/2000/svg}"
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
GOLDEN = ROOT / "tests" / "golden"
STEMS = [path.stem for path in EXAMPLES]
OPTIONS = RenderOptions()


@functools.cache
def _journey(stem: str) -> Journey:
    return cjm.load(ROOT / "examples" / f"{stem}.yaml")


@functools.cache
def _svg(stem: str) -> bytes:
    return render_svg(_journey(stem), OPTIONS)


def _root(svg: bytes) -> ET.Element:
    return ET.fromstring(svg)


def _groups(root: ET.Element, kind: str) -> list[ET.Element]:
    """Graphviz's `<g class="node …">` or `<g class="edge …">` groups."""
    return [g for g in root.iter(f"{SVG}g") if kind in (g.get("class") or "").split()]


def _title(group: ET.Element) -> str:
    title = group.find(f"{SVG}title")
    assert title is not None and title.text is not None
    return title.text


def _texts(element: ET.Element) -> list[str]:
    return [text.text or "" for text in element.iter(f"{SVG}text")]


def _squeezed(text: str) -> str:
    """Text without any whitespace: wrapping moves line breaks, not characters."""
    return re.sub(r"\s", "", text)


def _structure(svg: bytes) -> list[str]:
    """What an SVG golden compares: element tags, ids, classes, ARIA and text, never coordinates.

    Why: Graphviz versions place things a few points apart; the drawing's content is what matters.
    """
    lines: list[str] = []

    def walk(element: ET.Element, depth: int) -> None:
        keys = ("id", "class", "role", "aria-labelledby")
        attributes = "".join(f" {key}={element.get(key)}" for key in keys if element.get(key))
        text = (element.text or "").strip()
        shown = f" {json.dumps(text, ensure_ascii=False)}" if text else ""
        lines.append(f"{'  ' * depth}{element.tag.removeprefix(SVG)}{attributes}{shown}")
        for child in element:
            walk(child, depth + 1)

    walk(_root(svg), 0)
    return lines


def _expected_flow(journey: Journey) -> list[tuple[str, str]]:
    """The flow the map describes: listed order, or exactly `next` where a touchpoint has it."""
    touchpoints = [touchpoint for _, touchpoint in journey.touchpoints()]
    known = {touchpoint.id for touchpoint in touchpoints}
    pairs: list[tuple[str, str]] = []
    for index, touchpoint in enumerate(touchpoints):
        if touchpoint.next is None:
            pairs += [(touchpoint.id, touchpoints[index + 1].id)] if index + 1 < len(touchpoints) else []
        else:
            pairs += [(touchpoint.id, target) for target in dict.fromkeys(touchpoint.next) if target in known]
    return pairs


def _edge_titles(root: ET.Element, css_class: str) -> list[str]:
    return sorted(_title(g) for g in _groups(root, "edge") if css_class in (g.get("class") or "").split())


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _tiny(**touchpoint: Any) -> Journey:
    return Journey.model_validate(
        {
            "cjm": 1,
            "title": "Tiny",
            "stages": [{"name": "Only", "touchpoints": [{"name": "One", "channel": "web", **touchpoint}]}],
        }
    )


# ---------------------------------------------------------------------------------------------
# Goldens
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", STEMS)
def test_dot_matches_golden(stem: str, update_golden: bool) -> None:
    compare_golden(GOLDEN / "dot" / f"{stem}.dot", render_dot(_journey(stem), OPTIONS), update_golden)


@pytest.mark.parametrize("stem", STEMS)
def test_svg_matches_golden_structure(stem: str, update_golden: bool) -> None:
    path = GOLDEN / "svg" / f"{stem}.svg"
    actual = _svg(stem)
    if update_golden:
        compare_golden(path, actual.decode("utf-8"), update=True)
    assert path.exists(), f"missing golden file {path.relative_to(ROOT)}: run `make golden` to create it"
    expected, got = _structure(path.read_bytes()), _structure(actual)
    if got != expected:
        diff = "\n".join(difflib.unified_diff(expected, got, "golden", "actual", lineterm=""))
        pytest.fail(f"SVG structure differs from {path.relative_to(ROOT)}; if intended, run `make golden`\n{diff}")


# ---------------------------------------------------------------------------------------------
# What the SVG contains
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", STEMS)
def test_svg_has_one_node_per_touchpoint(stem: str) -> None:
    journey, root = _journey(stem), _root(_svg(stem))
    touchpoints = sorted(_title(g) for g in _groups(root, "touchpoint"))
    assert touchpoints == sorted(f"touchpoint_{touchpoint.id}" for _, touchpoint in journey.touchpoints())
    assert all("node" in (g.get("class") or "").split() for g in _groups(root, "touchpoint"))


@pytest.mark.parametrize("stem", STEMS)
def test_svg_draws_the_flow_drop_offs_pain_points_and_opportunities(stem: str) -> None:
    journey, root = _journey(stem), _root(_svg(stem))
    flow = _expected_flow(journey)
    assert _edge_titles(root, "flow") == sorted(f"touchpoint_{tail}->touchpoint_{head}" for tail, head in flow)

    dropping = [touchpoint.id for _, touchpoint in journey.touchpoints() if touchpoint.drop_off]
    assert _edge_titles(root, "drop-off") == sorted(f"touchpoint_{id_}->lost_{id_}" for id_ in dropping)
    assert sorted(_title(g) for g in _groups(root, "node") if "drop-off" in (g.get("class") or "")) == sorted(
        f"lost_{id_}" for id_ in dropping
    )

    pains = journey.pain_points()
    pain_ids = {pain.id for _, pain in pains}
    assert len(_groups(root, "pain-point")) == len(pains)
    assert len(_groups(root, "opportunity")) == len(journey.opportunities())
    attached = [pain for _, pain in pains if pain.touchpoint]
    assert len(_edge_titles(root, "pain-point-link")) == len(attached)
    addresses = [(item.id, ref) for _, item in journey.opportunities() for ref in item.addresses if ref in pain_ids]
    assert _edge_titles(root, "addresses") == sorted(f"opportunity_{item}->pain_{ref}" for item, ref in addresses)

    # Nothing else is drawn: every visible edge is one of these.
    assert len(_groups(root, "edge")) == len(flow) + len(dropping) + len(attached) + len(addresses)


@pytest.mark.parametrize("stem", STEMS)
def test_svg_marks_channel_switches_branches_and_moments_of_truth(stem: str) -> None:
    journey, root = _journey(stem), _root(_svg(stem))
    by_id = {touchpoint.id: touchpoint for _, touchpoint in journey.touchpoints()}
    flow = _expected_flow(journey)
    switches = [(tail, head) for tail, head in flow if by_id[tail].channel != by_id[head].channel]
    assert _edge_titles(root, "channel-switch") == sorted(
        f"touchpoint_{tail}->touchpoint_{head}" for tail, head in switches
    )
    labels = channel_labels(journey)
    for group in _groups(root, "channel-switch"):
        head = _title(group).split("->touchpoint_")[1]
        assert _squeezed(labels[by_id[head].channel]) in _squeezed("".join(_texts(group)))

    branching = {tail for tail, _ in flow if len(by_id[tail].next or []) >= 2}
    assert {_title(g).split("->")[0] for g in _groups(root, "branch")} == {f"touchpoint_{id_}" for id_ in branching}

    text = messages(journey.locale)
    moments = _groups(root, "moment-of-truth")
    assert sorted(_title(g) for g in moments) == sorted(
        f"touchpoint_{touchpoint.id}" for touchpoint in by_id.values() if touchpoint.moment_of_truth
    )
    assert all(f"★ {text['note.moment_of_truth']}" in _texts(g) for g in moments)


@pytest.mark.parametrize("stem", STEMS)
def test_svg_shows_scores_with_symbols_and_stages_in_order(stem: str) -> None:
    journey, root = _journey(stem), _root(_svg(stem))
    prefix = svg_id_prefix(journey)
    clusters = [g for g in root.iter(f"{SVG}g") if "cluster" in (g.get("class") or "").split()]
    assert [g.get("id") for g in clusters] == [f"{prefix}stage_{stage.id}" for stage in journey.stages]
    for number, (group, stage) in enumerate(zip(clusters, journey.stages, strict=True), start=1):
        texts = _texts(group)
        assert str(number) in texts
        assert _squeezed(stage.name) in _squeezed("".join(texts))
    for group in _groups(root, "touchpoint"):
        assert any(re.match(r"^(▼▼|▼|●|▲|▲▲|–) ", text) for text in _texts(group)), _title(group)


@pytest.mark.parametrize("stem", STEMS)
def test_svg_embeds_safely(stem: str) -> None:
    svg, journey = _svg(stem), _journey(stem)
    text = svg.decode("utf-8")
    root = _root(svg)
    prefix = svg_id_prefix(journey)

    assert root.tag == f"{SVG}svg"
    assert re.fullmatch(r"[\d.]+ [\d.]+ [\d.]+ [\d.]+", root.get("viewBox") or "")
    assert root.get("width") and root.get("height")
    title, desc = list(root)[:2]
    assert (title.tag, desc.tag) == (f"{SVG}title", f"{SVG}desc")
    assert title.text == journey.title
    assert journey.persona is not None and journey.persona.name in (desc.text or "")
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"

    ids = [element.get("id") or "" for element in root.iter() if element.get("id")]
    assert ids and all(id_.startswith(prefix) for id_ in ids)
    assert len(ids) == len(set(ids))
    references = re.findall(r'(?:href="#|url\(#)([^")]+)', text)
    assert all(reference in ids for reference in references)

    assert set(re.findall(r"https?://[^\s\"'<>)]+", text)) <= NAMESPACES
    assert "<!DOCTYPE" not in text and "<!--" not in text and "graphviz version" not in text.lower()
    assert str(ROOT) not in text and "\r" not in text
    assert text.endswith("</svg>\n") and not text.endswith("\n\n")


def test_two_maps_on_one_page_share_no_id() -> None:
    first, second = (_root(_svg(stem)) for stem in STEMS[:2])
    ids = [{element.get("id") for element in root.iter() if element.get("id")} for root in (first, second)]
    assert ids[0] and ids[1] and not ids[0] & ids[1]


def test_french_map_is_labelled_in_french() -> None:
    stem = "support-box-internet-fr"
    root = _root(_svg(stem))
    texts = _texts(root)
    assert {"Changement de canal", "Clients perdus", "Légende", "Répond à"} <= set(texts)
    assert "★ Moment de vérité" in texts
    assert "Channel switch" not in texts and "Customers lost" not in texts
    switch = _groups(root, "channel-switch")[0]
    assert "→" in "".join(_texts(switch))


# ---------------------------------------------------------------------------------------------
# Rows: a long flow wraps to fit a 16:9 slide
# ---------------------------------------------------------------------------------------------


def _stage_boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    """Each stage's frame, in map order, as (left, top, right, bottom) in SVG units (y grows downwards)."""
    boxes = []
    for group in root.iter(f"{SVG}g"):
        if "cluster" not in (group.get("class") or "").split():
            continue
        frame = group.find(f"{SVG}path")
        if frame is None:
            frame = group.find(f"{SVG}polygon")
        assert frame is not None
        numbers = [float(number) for number in re.findall(r"-?[\d.]+", frame.get("d") or frame.get("points") or "")]
        xs, ys = numbers[0::2], numbers[1::2]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _rows(boxes: list[tuple[float, float, float, float]]) -> list[list[int]]:
    """Stage indexes grouped by row: a stage that does not start right of the previous one's end starts a row."""
    rows: list[list[int]] = [[0]]
    for index in range(1, len(boxes)):
        if boxes[index][0] < boxes[index - 1][2]:
            rows.append([index])
        else:
            rows[-1].append(index)
    return rows


def _aspect(root: ET.Element) -> float:
    _, _, width, height = (float(number) for number in (root.get("viewBox") or "").split())
    return width / height


def _short_journey(stages: int, touchpoints: int) -> Journey:
    return Journey.model_validate(
        {
            "cjm": 1,
            "title": "Short",
            "stages": [
                {
                    "name": f"Stage {stage}",
                    "touchpoints": [
                        {"name": f"Step {stage}.{step}", "channel": "web" if step % 2 else "email"}
                        for step in range(touchpoints)
                    ],
                }
                for stage in range(stages)
            ],
        }
    )


@pytest.mark.parametrize("stem", STEMS)
def test_a_long_flow_wraps_into_rows_near_a_slide_shape(stem: str) -> None:
    journey, root = _journey(stem), _root(_svg(stem))
    assert len(journey.stages) == 7
    assert 1.2 <= _aspect(root) <= 2.6, f"{stem}: the SVG is {_aspect(root):.2f} times as wide as high"
    row_nodes = re.findall(r'^  "row_\d+" \[', render_dot(journey, OPTIONS), re.MULTILINE)
    assert len(_rows(_stage_boxes(root))) == len(row_nodes) >= 2


@pytest.mark.parametrize("stem", STEMS)
def test_rows_read_top_to_bottom_then_left_to_right(stem: str) -> None:
    boxes = _stage_boxes(_root(_svg(stem)))
    rows = _rows(boxes)
    assert boxes[0][1] < boxes[-1][1], "the first stage is not above the last one"
    for upper, lower in itertools.pairwise(rows):
        assert boxes[lower[0]][0] < boxes[upper[-1]][0], "a row does not start again on the left"
        for above in upper:
            for below in lower:
                overlapping = boxes[below][0] < boxes[above][2] and boxes[above][0] < boxes[below][2]
                assert not overlapping or boxes[below][1] > boxes[above][3], (
                    f"stage {below + 1} is not below stage {above + 1}"
                )


@pytest.mark.parametrize(("stages", "touchpoints"), [(2, 2), (3, 2)])
def test_a_short_map_stays_one_row(stages: int, touchpoints: int) -> None:
    journey = _short_journey(stages, touchpoints)
    root = _root(render_svg(journey, OPTIONS))
    assert _rows(_stage_boxes(root)) == [list(range(stages))]
    assert "row_1" not in render_dot(journey, OPTIONS)


def test_rows_can_be_chosen() -> None:
    assert ROWS is None  # The default chooses from the map.
    journey = _journey("ecommerce-first-purchase")
    one_row = _root(render_svg(journey, OPTIONS, rows=1))
    assert _rows(_stage_boxes(one_row)) == [list(range(7))]
    assert _aspect(one_row) > 4
    stacked = _root(render_svg(journey, OPTIONS, rows=99))  # At most one row per stage.
    boxes = _stage_boxes(stacked)
    assert _rows(boxes) == [[index] for index in range(7)]
    assert all(lower[1] > upper[3] for upper, lower in itertools.pairwise(boxes))
    # Wrapping moves boxes, never what is drawn.
    assert _structure(render_svg(journey, OPTIONS, rows=1)) == _structure(_svg("ecommerce-first-purchase"))
    assert render_dot(journey, OPTIONS, rows=3) == render_dot(journey, OPTIONS, rows=3)


# ---------------------------------------------------------------------------------------------
# Flow rules and odd maps
# ---------------------------------------------------------------------------------------------


def test_empty_next_ends_the_journey_and_an_empty_stage_still_shows() -> None:
    journey = Journey.model_validate(
        {
            "cjm": 1,
            "title": "Edges",
            "stages": [
                {"name": "First", "touchpoints": [{"id": "a", "name": "A", "channel": "web"}]},
                {"name": "Nothing here"},
                {
                    "name": "Last",
                    "pain_points": ["Stage-wide problem"],
                    "opportunities": ["Stage-wide idea"],
                    "touchpoints": [
                        {"id": "b", "name": "B", "channel": "web", "next": []},
                        {"id": "c", "name": "C", "channel": "email"},
                    ],
                },
            ],
        }
    )
    root = _root(render_svg(journey, OPTIONS))
    assert _edge_titles(root, "flow") == ["touchpoint_a->touchpoint_b"]
    assert not _groups(root, "channel-switch")
    clusters = [g for g in root.iter(f"{SVG}g") if "cluster" in (g.get("class") or "").split()]
    assert [g.get("id") for g in clusters] == [
        f"{svg_id_prefix(journey)}stage_{stage_id}" for stage_id in ("first", "nothing-here", "last")
    ]
    assert "Nothing here" in _texts(clusters[1])
    assert len(_groups(root, "pain-point")) == len(_groups(root, "opportunity")) == 1


HOSTILE = [
    "<script>alert(1)</script>",
    'a"b\\c{d|e}',
    "\\N \\G \\E \\T \\H \\L \\l \\n",
    "&amp; &#92;N &lt;b&gt;",
    '<IMG SRC="/etc/passwd"/>',
    "]]> <!-- x --> <![CDATA[",
    "emoji 🚀🧪 and RTL שלום עולם مرحبا",
]


def _hostile_journey() -> Journey:
    return Journey.model_validate(
        {
            "cjm": 1,
            "title": HOSTILE[0],
            "objective": HOSTILE[1],
            "persona": {"name": HOSTILE[2], "description": HOSTILE[3]},
            "channels": [{"id": "odd", "label": HOSTILE[4]}],
            "stages": [
                {
                    "name": HOSTILE[5],
                    "duration": HOSTILE[6],
                    "touchpoints": [
                        {
                            "id": "t1",
                            "name": HOSTILE[1],
                            "channel": "odd",
                            "emotion": 1,
                            "drop_off": "line one\nline two\r\n\tline three",
                            "moment_of_truth": True,
                            "next": ["t2", "t3"],
                        },
                        {"id": "t2", "name": "x" * 150, "channel": "web", "emotion": 5},
                        {"id": "t3", "name": HOSTILE[2], "channel": "web"},
                    ],
                    "pain_points": [{"id": "p1", "text": HOSTILE[0], "touchpoint": "t1"}, HOSTILE[4]],
                    "opportunities": [{"text": HOSTILE[3], "addresses": ["p1"]}],
                }
            ],
        }
    )


def test_hostile_text_is_escaped_in_dot() -> None:
    dot = render_dot(_hostile_journey(), OPTIONS)
    assert "<script>" not in dot and "&lt;script&gt;" in dot
    assert "<IMG" not in dot and "&lt;IMG SRC=&quot;/etc/passwd&quot;/&gt;" in dot
    assert "\\\\N \\\\G" in dot  # Graphviz would replace a single-backslash \N with the node name.
    assert "&amp;amp;" in dot


def test_hostile_text_renders_as_text() -> None:
    svg = render_svg(_hostile_journey(), OPTIONS)
    root = _root(svg)
    texts = _texts(root)
    squeezed = _squeezed("".join(texts))
    for hostile in HOSTILE:
        assert _squeezed(hostile) in squeezed, hostile
    assert "line one line two line three" in texts
    assert "x" * 20 in squeezed and max(len(text) for text in texts) < 160
    assert max(len(text) for group in _groups(root, "touchpoint") for text in _texts(group)) <= 30
    assert not [element for element in root.iter() if element.tag in (f"{SVG}script", f"{SVG}image", f"{SVG}a")]
    assert not [name for element in root.iter() for name in element.attrib if name.startswith("on")]
    assert "t1" not in texts  # \N was not expanded to a node name.
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == HOSTILE[0]


def test_control_characters_are_dropped() -> None:
    svg = render_svg(_tiny(description="d", drop_off="lost\x00 \x07here\x1b"), OPTIONS)
    assert "lost here" in _texts(_root(svg))


# ---------------------------------------------------------------------------------------------
# Graphviz missing or failing, determinism, PNG
# ---------------------------------------------------------------------------------------------


def test_missing_dot_is_cjm401(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    journey = _tiny()
    assert render_dot(journey, OPTIONS).startswith("digraph journey {")  # DOT needs no Graphviz.
    for renderer in (render_svg, render_png):
        with pytest.raises(RenderError) as raised:
            renderer(journey, OPTIONS)
        assert raised.value.code == "CJM401"
        assert "not installed" in raised.value.message
        assert raised.value.hint is not None and "apt-get install graphviz" in raised.value.hint


def test_dot_timeout_is_cjm402() -> None:
    with pytest.raises(RenderError) as raised:
        render_svg(_journey(STEMS[0]), RenderOptions(dot_timeout=1e-6))
    assert raised.value.code == "CJM402"
    assert "did not finish" in raised.value.message


def test_broken_graphviz_is_cjm402_with_dots_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A Graphviz whose plugin directory is empty: `dot` runs, then refuses every output format.
    monkeypatch.setenv("GVBINDIR", str(tmp_path))
    with pytest.raises(RenderError) as raised:
        render_svg(_tiny(), OPTIONS)
    assert raised.value.code == "CJM402"
    assert raised.value.message.startswith("Graphviz `dot` failed: ")
    assert '"svg" not recognized' in raised.value.message


def test_defaults_can_be_overridden() -> None:
    dot = render_dot(_tiny(), OPTIONS, graph_attributes={"ranksep": "1.5"}, node_attributes={"fontsize": "14"})
    assert 'ranksep="1.5";' in dot and 'fontsize="14"' in dot
    assert 'ranksep="0.4"' not in dot


def test_outputs_are_deterministic() -> None:
    journey = _journey(STEMS[0])
    assert render_dot(journey, OPTIONS) == render_dot(journey, OPTIONS)
    assert render_svg(journey, OPTIONS) == _svg(STEMS[0])
    assert render_png(journey, OPTIONS) == render_png(journey, OPTIONS)


def test_svg_is_the_same_in_another_process() -> None:
    code = (
        "import sys, cjm\nfrom cjm.renderers import RenderOptions\nfrom cjm.renderers.graphviz_svg import render_svg\n"
        f"sys.stdout.buffer.write(render_svg(cjm.load({str(EXAMPLES[0])!r}), RenderOptions()))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=120, check=True)
    assert result.stdout == _svg(EXAMPLES[0].stem)


@pytest.mark.parametrize("stem", STEMS)
def test_png_is_wide_enough_for_slides(stem: str) -> None:
    width, height = _png_size(render_png(_journey(stem), OPTIONS))
    assert width >= PNG_MIN_WIDTH and height > 0


def test_small_map_png_is_scaled_up() -> None:
    width, _ = _png_size(render_png(_tiny(emotion=3), OPTIONS))
    assert width >= PNG_MIN_WIDTH


def test_png_dpi() -> None:
    assert png_dpi(100.0) == 96
    assert png_dpi(10.0) == 240
    assert png_dpi(0.0) == 600


def test_registry_reaches_these_renderers() -> None:
    journey = _journey(STEMS[0])
    assert FORMATS["dot"].renderer() is render_dot
    assert FORMATS["svg"].renderer() is render_svg
    assert FORMATS["png"].renderer() is render_png
    assert render(journey, "dot") == render_dot(journey, OPTIONS)
    assert Counter(FORMATS[name].needs_graphviz for name in ("svg", "png", "dot")) == Counter([True, True, False])


def test_french_punctuation_never_starts_or_ends_a_wrapped_line() -> None:
    # Each name is sized so that a plain wrap at 22 characters would leave «, », : or ? at a line's edge.
    names = [
        "aaaaaaaaa bbbbbbbbbb « panne » fin",
        "« aaaaaaaaa bbbbbbbbbb » suite",
        "aaaaaaaaaaa bbbbbbbbbb : suite",
        "aaaaaaaaaaa bbbbbbbbbb ? suite",
    ]
    touchpoints = [{"name": name} for name in names]
    data = {"cjm": 1, "title": "T", "locale": "fr", "stages": [{"name": "A", "touchpoints": touchpoints}]}
    dot = str(render(Journey.model_validate(data), "dot"))
    lines = [line for label in re.findall(r"<B>(.*?)</B>", dot) for line in label.split('<BR ALIGN="LEFT"/>')]
    assert len([line for line in lines if "suite" in line or "fin" in line]) == len(names)
    assert [line for line in lines if line.rstrip().endswith("«") or re.match(r"\s*[»:;!?]", line)] == []
