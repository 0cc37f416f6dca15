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
from pathlib import Path
from typing import Any

import pytest

import cjm
from cjm.i18n import messages
from cjm.model import Journey
from cjm.renderers import FORMATS, RenderError, RenderOptions, render
from cjm.renderers.graphviz_svg import (
    PNG_MIN_WIDTH,
    flow,
    flow_svg_id_prefix,
    render_dot,
    render_png,
    render_svg,
)
from cjm.renderers.layout import pain_numbers
from cjm.renderers.raster import rasterise
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


_PREFIX = re.compile(r"^cjm-[a-z0-9-]+-[0-9a-f]{8}-")


def _key(group: ET.Element) -> str:
    """A group's id without the map's prefix: the DOT name of a node, `kind__tail__head` of an edge."""
    return _PREFIX.sub("", group.get("id") or "")


def _endpoint(journey: Journey, ref: str, is_stage: bool) -> str:
    """The node an edge is drawn from or to: a touchpoint, or the middle one of a stage of alternatives."""
    if not is_stage:
        return f"touchpoint_{ref}"
    [members] = [stage.touchpoints for stage in journey.stages if stage.id == ref]
    return f"touchpoint_{members[len(members) // 2].id}"


def _expected_flow(journey: Journey) -> list[str]:
    """The edge ids the flow draws, from flow_graph.flow (tested on its own in test_flow_graph)."""
    return sorted(
        f"flow__{_endpoint(journey, edge.tail, edge.tail_stage)}__{_endpoint(journey, edge.head, edge.head_stage)}"
        for edge in flow(journey)
    )


def _edge_keys(root: ET.Element, css_class: str) -> list[str]:
    return sorted(_key(g) for g in _groups(root, "edge") if css_class in (g.get("class") or "").split())


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
    touchpoints = sorted(_key(g) for g in _groups(root, "touchpoint"))
    assert touchpoints == sorted(f"touchpoint_{touchpoint.id}" for _, touchpoint in journey.touchpoints())
    assert all("node" in (g.get("class") or "").split() for g in _groups(root, "touchpoint"))


@pytest.mark.parametrize("stem", STEMS)
def test_svg_draws_the_flow_drop_offs_pain_points_and_opportunities(stem: str) -> None:
    journey, root = _journey(stem), _root(_svg(stem))
    expected = _expected_flow(journey)
    assert _edge_keys(root, "flow") == expected

    dropping = [touchpoint.id for _, touchpoint in journey.touchpoints() if touchpoint.drop_off]
    assert _edge_keys(root, "drop-off") == sorted(f"lost__touchpoint_{id_}__lost_{id_}" for id_ in dropping)
    assert sorted(_key(g) for g in _groups(root, "node") if "drop-off" in (g.get("class") or "")) == sorted(
        f"lost_{id_}" for id_ in dropping
    )

    pains = journey.pain_points()
    assert len(_groups(root, "pain-point")) == len(pains)
    assert len(_groups(root, "opportunity")) == len(journey.opportunities())
    touchpoint_ids = {touchpoint.id for _, touchpoint in journey.touchpoints()}
    attached = [pain for _, pain in pains if pain.touchpoint in touchpoint_ids]
    assert len(_edge_keys(root, "pain-point-link")) == len(attached)

    # An opportunity is linked by a line only to pain points of its own stage; the note names the others.
    stage_of = {pain.id: stage.id for stage, pain in pains}
    near = [
        (item.id, ref)
        for stage, item in journey.opportunities()
        for ref in dict.fromkeys(item.addresses)
        if stage_of.get(ref) == stage.id
    ]
    assert _edge_keys(root, "addresses") == sorted(f"addresses__opportunity_{item}__pain_{ref}" for item, ref in near)
    groups = {_key(g): g for g in _groups(root, "opportunity")}
    numbers = pain_numbers(journey)
    for stage, item in journey.opportunities():
        far = [ref for ref in item.addresses if stage_of.get(ref) != stage.id]
        shown = _squeezed("".join(_texts(groups[f"opportunity_{item.id}"])))
        # The note names each by its number in the map (P1, P2…, as the map view shows them), never by its id.
        # (A baseline's pain point, the baseline not given, keeps its id: see test_flow_labels for the words.)
        assert all(f"{numbers[ref]}" in shown and _squeezed(ref) not in shown for ref in far if ref in numbers)
        assert all(_squeezed(ref) in shown for ref in far if ref not in numbers), (item.id, far)

    # Nothing else is drawn: every visible edge is one of these.
    assert len(_groups(root, "edge")) == len(expected) + len(dropping) + len(attached) + len(near)


@pytest.mark.parametrize("stem", STEMS)
def test_svg_marks_switches_channel_changes_branches_and_moments_of_truth(stem: str) -> None:
    journey, root = _journey(stem), _root(_svg(stem))
    edges = flow(journey)
    labelled = [edge for edge in edges if edge.label]
    switches = {_key(g): g for g in _groups(root, "switch")}
    assert len(switches) == len(labelled)
    for edge in labelled:
        [group] = [g for key, g in switches.items() if key == f"flow__touchpoint_{edge.tail}__touchpoint_{edge.head}"]
        assert edge.label is not None and _squeezed(edge.label) in _squeezed("".join(_texts(group)))
    assert len(_groups(root, "channel-change")) == sum(edge.kind == "channel-change" for edge in edges)
    for group in _groups(root, "channel-change"):
        assert not _texts(group), "a routine channel change is drawn quietly, without a label"

    branching = {edge.tail for edge in edges if edge.branch}
    assert {_key(g).split("__")[1] for g in _groups(root, "branch")} == {f"touchpoint_{id_}" for id_ in branching}

    text = messages(journey.locale)
    moments = _groups(root, "moment-of-truth")
    assert sorted(_key(g) for g in moments) == sorted(
        f"touchpoint_{touchpoint.id}" for _, touchpoint in journey.touchpoints() if touchpoint.moment_of_truth
    )
    assert all(text["note.moment_of_truth"] in _texts(g) and "★" in _texts(g) for g in moments)


@pytest.mark.parametrize("stem", STEMS)
def test_svg_shows_scores_with_symbols_and_stages_in_order(stem: str) -> None:
    journey, root = _journey(stem), _root(_svg(stem))
    prefix = flow_svg_id_prefix(journey, OPTIONS)
    clusters = [g for g in root.iter(f"{SVG}g") if "stage" in (g.get("class") or "").split()]
    assert [g.get("id") for g in clusters] == [f"{prefix}stage_{stage.id}" for stage in journey.stages]
    for number, (group, stage) in enumerate(zip(clusters, journey.stages, strict=True), start=1):
        texts = _texts(group)
        assert str(number) in texts
        assert _squeezed(stage.name) in _squeezed("".join(texts))
    scores = {f"touchpoint_{touchpoint.id}": touchpoint.emotion for _, touchpoint in journey.touchpoints()}
    for group in _groups(root, "touchpoint"):
        symbols = [text for text in _texts(group) if text in ("▼▼", "▼", "●", "▲", "▲▲")]
        assert len(symbols) == (scores[_key(group)] is not None), _key(group)  # No score, no symbol.


@pytest.mark.parametrize("stem", STEMS)
def test_svg_embeds_safely_and_accessibly(stem: str) -> None:
    svg, journey = _svg(stem), _journey(stem)
    text = svg.decode("utf-8")
    root = _root(svg)
    prefix = flow_svg_id_prefix(journey, OPTIONS)

    assert root.tag == f"{SVG}svg"
    assert re.fullmatch(r"[\d.]+ [\d.]+ [\d.]+ [\d.]+", root.get("viewBox") or "")
    assert root.get("width") and root.get("height")
    title, desc = list(root)[:2]
    assert (title.tag, desc.tag) == (f"{SVG}title", f"{SVG}desc")
    assert title.text == journey.title
    assert journey.persona is not None and journey.persona.name in (desc.text or "")
    assert all(_squeezed(stage.name) in _squeezed(desc.text or "") for stage in journey.stages)
    assert root.get("role") == "img"
    # The accessible name is the title alone; the description is separate (not read twice).
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == journey.locale == root.get("lang")

    ids = [element.get("id") or "" for element in root.iter() if element.get("id")]
    assert ids and all(id_.startswith(prefix) for id_ in ids)
    assert len(ids) == len(set(ids))
    references = re.findall(r'(?:href="#|url\(#)([^")]+)', text)
    assert all(reference in ids for reference in references)

    # No tooltip shows an internal id: every title is the map's own words.
    internal = re.compile(r"(touchpoint|pain|opportunity|lost|anchor|stage)_|->|__")
    titles = [element.text or "" for element in root.iter(f"{SVG}title")]
    assert titles and not [title for title in titles if internal.search(title)]
    # Symbols that repeat a word beside them are hidden from screen readers.
    symbols = [
        element
        for element in root.iter(f"{SVG}text")
        if (element.text or "").strip() in ("▼▼", "▼", "●", "▲", "▲▲", "★", "⚠", "✚", "✕")
    ]
    assert symbols and all(element.get("aria-hidden") == "true" for element in symbols)

    assert set(re.findall(r"https?://[^\s\"'<>)]+", text)) <= NAMESPACES
    assert "<!DOCTYPE" not in text and "<!--" not in text and "graphviz version" not in text.lower()
    assert str(ROOT) not in text and "\r" not in text
    assert text.endswith("</svg>\n") and not text.endswith("\n\n")


def test_two_maps_on_one_page_share_no_id() -> None:
    first, second = (_root(_svg(stem)) for stem in STEMS[:2])
    ids = [{element.get("id") for element in root.iter() if element.get("id")} for root in (first, second)]
    assert ids[0] and ids[1] and not ids[0] & ids[1]


def test_two_maps_titled_alike_share_no_id() -> None:
    # Two personas' "Checkout" maps, and a title in a script `slugify` folds to nothing.
    maps = [_short_journey(2, 2, title="Checkout", persona="Ana"), _short_journey(2, 2, title="Checkout", persona="Bo")]
    maps += [_short_journey(2, 2, title="チェックアウト"), _short_journey(2, 2, title="Оформление заказа")]
    ids = [
        {
            element.get("id")
            for element in _root(render_svg(journey, RenderOptions(stem=stem))).iter()
            if element.get("id")
        }
        for journey, stem in zip(maps, ["checkout", "checkout", "checkout", "checkout"], strict=True)
    ]
    for first, second in itertools.combinations(ids, 2):
        assert first and second and not first & second


def test_french_map_is_labelled_in_french() -> None:
    stem = "support-box-internet-fr"
    root = _root(_svg(stem))
    texts = _texts(root)
    assert {"Transition avec son motif", "Abandons", "Légende", "Moment de vérité"} <= set(texts)
    assert "Switch, with its reason" not in texts and "Customers lost" not in texts
    assert root.get("lang") == "fr"
    switch = _groups(root, "switch")[0]
    assert "ticket" in "".join(_texts(switch))


# ---------------------------------------------------------------------------------------------
# Layout: stage bands top to bottom, no edge across the picture
# ---------------------------------------------------------------------------------------------


def _numbers(element: ET.Element) -> list[float]:
    return [float(number) for number in re.findall(r"-?[\d.]+", element.get("d") or element.get("points") or "")]


def _stage_boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    """Each stage's frame, in map order, as (left, top, right, bottom) in SVG units (y grows downwards)."""
    boxes = []
    for group in root.iter(f"{SVG}g"):
        if "stage" not in (group.get("class") or "").split():
            continue
        frame = group.find(f"{SVG}path")
        if frame is None:
            frame = group.find(f"{SVG}polygon")
        assert frame is not None
        numbers = _numbers(frame)
        xs, ys = numbers[0::2], numbers[1::2]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _short_journey(stages: int, touchpoints: int, title: str = "Short", persona: str | None = None) -> Journey:
    return Journey.model_validate(
        {
            "cjm": 1,
            "title": title,
            **({"persona": {"name": persona}} if persona else {}),
            "stages": [
                {
                    "name": f"Stage {stage}",
                    "touchpoints": [
                        {
                            "name": f"Step {stage}.{step}",
                            "channel": "web" if step % 2 else "email",
                            "emotion": 1 + step % 5,
                        }
                        for step in range(touchpoints)
                    ],
                }
                for stage in range(stages)
            ],
        }
    )


@pytest.mark.parametrize("stem", STEMS)
def test_stages_read_top_to_bottom_in_order(stem: str) -> None:
    boxes = _stage_boxes(_root(_svg(stem)))
    assert len(boxes) == len(_journey(stem).stages)
    for upper, lower in itertools.pairwise(boxes):
        assert lower[1] > upper[3], "a stage band does not start below the previous one"


@pytest.mark.parametrize("stem", STEMS)
def test_no_edge_runs_back_across_the_picture(stem: str) -> None:
    journey, root = _journey(stem), _root(_svg(stem))
    boxes = _stage_boxes(root)
    stage_index = {
        touchpoint.id: index for index, stage in enumerate(journey.stages) for touchpoint in stage.touchpoints
    }
    stage_index |= {stage.id: index for index, stage in enumerate(journey.stages)}
    for edge in flow(journey):
        [group] = [
            g
            for g in _groups(root, "flow")
            if _key(g) == f"flow__{_endpoint(journey, edge.tail, edge.tail_stage)}__"
            f"{_endpoint(journey, edge.head, edge.head_stage)}"
        ]
        path = group.find(f"{SVG}path")
        assert path is not None
        ys = _numbers(path)[1::2]
        first, last = sorted((stage_index[edge.tail], stage_index[edge.head]))
        # The edge stays within the stages it joins: never beyond them, never across the whole map.
        assert min(ys) >= boxes[first][1] - 1 and max(ys) <= boxes[last][3] + 1, _key(group)
        if edge.kind != "loop-back":
            assert ys[-1] >= ys[0], f"{_key(group)} goes up though it is not a loop back"


def test_a_long_map_stays_a_column_of_readable_width() -> None:
    journey = _short_journey(12, 3)
    root = _root(render_svg(journey, OPTIONS))
    _, _, width, height = (float(number) for number in (root.get("viewBox") or "").split())
    assert height > 3 * width, "a long journey grows down, not across"
    assert width < 900  # pt: shown 1000 px wide, 11 pt text stays above 11 px.


def test_alternatives_are_side_by_side_without_arrows() -> None:
    journey = Journey.model_validate(
        {
            "cjm": 1,
            "title": "Ways in",
            "stages": [
                {
                    "name": "Awareness",
                    "touchpoints_are": "alternatives",
                    "touchpoints": [
                        {"id": "ad", "name": "Ad", "channel": "ads", "emotion": 3},
                        {"id": "seo", "name": "Search", "channel": "search", "emotion": 4},
                        {"id": "friend", "name": "Friend", "channel": "word-of-mouth"},
                    ],
                },
                {"name": "Buy", "touchpoints": [{"id": "shop", "name": "Shop", "channel": "web"}]},
            ],
        }
    )
    root = _root(render_svg(journey, OPTIONS))
    assert _edge_keys(root, "flow") == ["flow__touchpoint_seo__touchpoint_shop"]  # The box as a whole leads on.
    nodes = {_key(g): g for g in _groups(root, "touchpoint")}
    middles = {key: sum(ys := _numbers(next(g.iter(f"{SVG}path")))[1::2]) / len(ys) for key, g in nodes.items()}
    row = [middles[f"touchpoint_{id_}"] for id_ in ("ad", "seo", "friend")]
    assert max(row) - min(row) < 2 and max(row) < middles["touchpoint_shop"]
    assert [g for g in root.iter(f"{SVG}g") if "alternatives" in (g.get("class") or "").split()]
    assert "Alternatives (no order)" in _texts(root)


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
    assert _edge_keys(root, "flow") == ["flow__touchpoint_a__touchpoint_b"]
    assert not _groups(root, "channel-change")
    clusters = [g for g in root.iter(f"{SVG}g") if "stage" in (g.get("class") or "").split()]
    assert [g.get("id") for g in clusters] == [
        f"{flow_svg_id_prefix(journey, OPTIONS)}stage_{stage_id}" for stage_id in ("first", "nothing-here", "last")
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
    assert "lineonelinetwolinethree" in squeezed
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
    assert 'no layout engine support for "dot"' in raised.value.message


def test_defaults_can_be_overridden() -> None:
    dot = render_dot(_tiny(), OPTIONS, graph_attributes={"ranksep": "1.5"}, node_attributes={"fontsize": "14"})
    assert "ranksep=1.5" in dot and "fontsize=14" in dot
    assert "ranksep=0.35" not in dot


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


def test_the_png_is_the_svg_rasterised() -> None:
    journey = _tiny(emotion=3)
    svg = render_svg(journey, OPTIONS).decode("utf-8")
    assert render_png(journey, OPTIONS) == rasterise(svg)


def test_registry_reaches_these_renderers() -> None:
    journey = _journey(STEMS[0])
    assert FORMATS["dot"].renderer() is render_dot
    assert FORMATS["svg"].renderer("flow") is render_svg
    assert FORMATS["png"].renderer("flow") is render_png
    assert render(journey, "dot") == render_dot(journey, OPTIONS)
    assert render(journey, "svg", RenderOptions(view="flow")) == render_svg(journey, OPTIONS)
    assert [FORMATS[name].graphviz("flow") for name in ("svg", "png")] == [True, True]
    assert [FORMATS[name].graphviz("map") for name in ("svg", "png", "dot")] == [False, False, False]


@pytest.mark.parametrize("stem", STEMS)
def test_svg_background_is_opaque(stem: str) -> None:
    # GitHub's dark mode and many docs themes show a transparent picture on black.
    root = _root(_svg(stem))
    graph = next(group for group in root.iter(f"{SVG}g") if "graph" in (group.get("class") or "").split())
    background = graph.find(f"{SVG}polygon")
    assert background is not None and background.get("fill") == "#ffffff"
    _, _, width, height = (float(number) for number in (root.get("viewBox") or "").split())
    xs, ys = _numbers(background)[0::2], _numbers(background)[1::2]
    assert max(xs) - min(xs) >= width - 1 and max(ys) - min(ys) >= height - 1


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
