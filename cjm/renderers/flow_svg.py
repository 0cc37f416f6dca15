"""Graphviz's SVG made ready to embed: accessible, with ids unique to the map, nothing external.

- The root is `role="img"`, named by its `<title>` (the map's title) and described by a separate
  `<desc>` (`presentation.map_description`), with `xml:lang` and `lang` set to the map's language.
- Graphviz titles every group with its internal node name (`touchpoint_x`, `a->b`): each title is
  replaced by the element's human title (`flow_dot.FlowDot.titles`) or removed.
- Texts made only of symbols that repeat a word beside them (▲ ★ ⚠ …) get `aria-hidden`.
- Every id gets the map's prefix (`presentation.svg_id_prefix`) and every reference follows it.
- Every stage band is stretched to the widest band's left and right edges (and to take in every
  edge and its label), its header moved with its left edge: Graphviz sizes each cluster to its own
  content, which leaves ragged band edges.
- The root's width and height are the viewBox's, in CSS pixels (Graphviz writes points, 4/3 larger:
  a 960-unit flow would be 1280 px wide), and `max-width: 100%; height: auto` lets a page narrower
  than that scale it down to its column instead of overflowing.
- The DOCTYPE (an external DTD) and Graphviz's comments (its version) are dropped by the parser.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from cjm.i18n import messages
from cjm.model import Journey
from cjm.presentation import map_description
from cjm.renderers import RenderError
from cjm.renderers.flow_labels import clean
from cjm.renderers.flow_style import DECORATIVE_SYMBOLS
from cjm.renderers.font import text_width

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
_URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")


def polish_svg(raw: bytes, journey: Journey, prefix: str, titles: Mapping[str, str]) -> bytes:
    """Make Graphviz's SVG embeddable (see the module's docstring); `prefix` starts every id.

    The intrinsic size (in pt) stays with the viewBox, so `<img>` keeps a natural size and CSS
    `max-width: 100%; height: auto` scales it.
    """
    root = ET.fromstring(raw)
    ids = {element.get("id", "") for element in root.iter()} - {""}
    uses_xlink = False
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        element.tag = element.tag.rpartition("}")[2]
        attributes: dict[str, str] = {}
        for name, value in element.attrib.items():
            if name.startswith(f"{{{XLINK_NAMESPACE}}}"):
                name, uses_xlink = "xlink:" + name.rpartition("}")[2], True
            if name == "id":
                value = prefix + value
            elif name in ("href", "xlink:href") and value.startswith("#") and value[1:] in ids:
                value = f"#{prefix}{value[1:]}"
            elif "url(#" in value:
                value = _URL_REFERENCE.sub(
                    lambda match: f"url(#{prefix}{match.group(1)})" if match.group(1) in ids else match.group(0),
                    value,
                )
            attributes[name] = value
        element.attrib.clear()
        element.attrib.update(attributes)
    _stages_in_map_order(root, prefix, titles)
    _even_bands(root)
    for element in list(root.iter()):
        if element.tag == "title" and element in parents:
            group = parents[element]
            human = titles.get(group.get("id", "").removeprefix(prefix))
            if human:
                element.text = human
            else:
                group.remove(element)
        elif element.tag == "text" and element.text and set(element.text) <= DECORATIVE_SYMBOLS:
            element.set("aria-hidden", "true")
    declared = {"xmlns": SVG_NAMESPACE} | ({"xmlns:xlink": XLINK_NAMESPACE} if uses_xlink else {})
    sizes: dict[str, str] = {
        name: root.attrib.pop(name) for name in ("width", "height", "viewBox") if name in root.attrib
    }
    if "viewBox" not in sizes:
        sizes["viewBox"] = f"0 0 {_points(sizes.get('width', '0')):g} {_points(sizes.get('height', '0')):g}"
    box = [_points(part) for part in sizes["viewBox"].split()]
    sizes |= {"width": f"{box[2]:g}", "height": f"{box[3]:g}", "style": "max-width: 100%; height: auto"}
    accessible = {
        "role": "img",
        "aria-labelledby": f"{prefix}title",
        "aria-describedby": f"{prefix}desc",
        "xml:lang": journey.locale,
        "lang": journey.locale,
    }
    others = dict(root.attrib)
    root.attrib.clear()
    root.attrib.update(declared | sizes | accessible | others)
    title = ET.Element("title", {"id": f"{prefix}title"})
    title.text = clean(journey.title)
    title.tail = "\n"
    description = ET.Element("desc", {"id": f"{prefix}desc"})
    description.text = clean(map_description(journey, messages(journey.locale)))
    description.tail = "\n"
    root.insert(0, description)
    root.insert(0, title)
    root.text = "\n"
    text: str = ET.tostring(root, encoding="unicode")
    return (text.rstrip("\n") + "\n").encode("utf-8")


def _stages_in_map_order(root: ET.Element, prefix: str, titles: Mapping[str, str]) -> None:
    """Put the stage groups in the map's order, in the slots they occupy (dot writes clusters in its own order).

    Why: a screen reader or a script walking the SVG meets the stages as the map lists them; stage
    bands never overlap, so the drawing is unchanged. `titles` lists the stages in map order.
    """
    order = {prefix + key: index for index, key in enumerate(key for key in titles if key.startswith("stage_"))}
    for parent in root.iter():
        slots = [index for index, child in enumerate(parent) if child.get("id", "") in order]
        if len(slots) < 2:
            continue
        groups = sorted((parent[index] for index in slots), key=lambda group: order[group.get("id", "")])
        for index, group in zip(slots, groups, strict=True):
            parent[index] = group


_PAIR = re.compile(r"(-?[0-9.]+),(-?[0-9.]+)")


def _even_bands(root: ET.Element) -> None:
    """Stretch every stage band to the left and right edges of the widest, moving its header along.

    A band is the first path (or polygon) of a `cluster stage` group; its header is what follows.
    Each x of the band's outline moves with the nearer edge, so its rounded corners keep their
    radius. Bands are stacked top to bottom, so stretching one covers no other band.
    """
    bands: list[tuple[ET.Element, ET.Element, float, float]] = []
    for group in root.iter("g"):
        if group.get("class", "").split()[:2] != ["cluster", "stage"]:
            continue
        outline = next((child for child in group if child.tag in ("path", "polygon")), None)
        if outline is None:
            continue
        xs = [float(x) for x, _ in _PAIR.findall(outline.get("d", outline.get("points", "")))]
        if xs:
            bands.append((group, outline, min(xs), max(xs)))
    if not bands:
        return
    left, right = min(band[2] for band in bands), max(band[3] for band in bands)
    # An edge routed around a stage's notes, or its reason, may run past the widest band: the bands
    # take it in, so no line or label of the path leaves them.
    for low, high in _edge_extents(root):
        left, right = min(left, low - BAND_MARGIN), max(right, high + BAND_MARGIN)
    # Never past the picture's background (the drawing plus Graphviz's `pad`).
    graph = next((group for group in root.iter("g") if group.get("class") == "graph"), None)
    background = next((child for child in graph if child.tag == "polygon"), None) if graph is not None else None
    if background is not None:
        edges = [float(x) for x, _ in _PAIR.findall(background.get("points", ""))]
        left, right = max(left, min(edges) + BAND_MARGIN / 2), min(right, max(edges) - BAND_MARGIN / 2)
    for group, outline, old_left, old_right in bands:
        middle = (old_left + old_right) / 2

        def moved(match: re.Match[str], low: float = old_left, high: float = old_right, mid: float = middle) -> str:
            x = float(match.group(1))
            x += left - low if x < mid else right - high
            return f"{x:.2f},{match.group(2)}"

        attribute = "d" if outline.get("d") is not None else "points"
        outline.set(attribute, _PAIR.sub(moved, outline.get(attribute, "")))
        shift = left - old_left
        if abs(shift) < 0.005:
            continue
        header = [child for child in group if child is not outline and child.tag != "title"]
        wrapper = ET.Element("g", {"transform": f"translate({shift:.2f} 0)"})
        for child in header:
            group.remove(child)
            wrapper.append(child)
        group.append(wrapper)


BAND_MARGIN = 8.0


def _edge_extents(root: ET.Element) -> list[tuple[float, float]]:
    """The left and right x of every edge's line and label (labels measured with DejaVu Sans, as dot does)."""
    extents: list[tuple[float, float]] = []
    for group in root.iter("g"):
        if "edge" not in group.get("class", "").split():
            continue
        xs: list[float] = []
        for element in group.iter():
            if element.tag in ("path", "polygon"):
                xs += [float(x) for x, _ in _PAIR.findall(element.get("d", element.get("points", "")))]
            elif element.tag == "text" and element.text:
                x, size = float(element.get("x", "0")), float(element.get("font-size", "10"))
                try:
                    width = text_width(element.text, size, element.get("font-weight") == "bold")
                except RenderError:
                    width = len(element.text) * size * 0.6
                anchor = element.get("text-anchor", "start")
                start = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
                xs += [start, start + width]
        if xs:
            extents.append((min(xs), max(xs)))
    return extents


def _points(value: str) -> float:
    match = re.match(r"\s*([0-9.]+)", value)
    return float(match.group(1)) if match else 0.0
