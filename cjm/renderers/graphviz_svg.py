"""The touchpoint flow drawn by Graphviz: `render_dot`, `render_svg` and `render_png`.

The flow reads top to bottom, one band per stage (see `flow_graph` for the layout and why). This
module only chains the steps, each its own module: the flow as plain data (`flow_graph`), how it
looks (`flow_style`, `flow_labels`), its DOT source (`flow_dot`, with the `graphviz` package),
running Graphviz once per map (`graphviz_run`), making the SVG embeddable (`flow_svg`) and
rasterising that SVG for the PNG (`raster`).
"""

from __future__ import annotations

from collections.abc import Mapping

from cjm.model import Journey
from cjm.presentation import svg_id_prefix
from cjm.renderers import RenderOptions
from cjm.renderers.flow_dot import FlowDot, touchpoint_node, write_dot
from cjm.renderers.flow_graph import FlowEdge, build_flow_graph, flow
from cjm.renderers.flow_style import EDGE_ATTRIBUTES, GRAPH_ATTRIBUTES, NODE_ATTRIBUTES
from cjm.renderers.flow_svg import polish_svg
from cjm.renderers.graphviz_run import draw_svg
from cjm.renderers.raster import MIN_WIDTH as PNG_MIN_WIDTH

__all__ = [
    "EDGE_ATTRIBUTES",
    "GRAPH_ATTRIBUTES",
    "NODE_ATTRIBUTES",
    "PNG_MIN_WIDTH",
    "FlowEdge",
    "flow",
    "flow_source",
    "flow_svg_id_prefix",
    "render_dot",
    "render_png",
    "render_svg",
    "touchpoint_node",
]

FLOW_SUFFIX = ".flow"
"""What the flow view adds to the output stem (`<stem>.flow.svg`); its SVG ids derive from that name."""


def flow_source(
    journey: Journey,
    *,
    graph_attributes: Mapping[str, str] | None = None,
    node_attributes: Mapping[str, str] | None = None,
    edge_attributes: Mapping[str, str] | None = None,
    baseline: Journey | None = None,
) -> FlowDot:
    """The flow's DOT source and the human titles of its elements (defaults overridable, see flow_dot.write_dot).

    `baseline` is the current-state map of a future-state map (its pain points are named in notes).
    """
    graph = build_flow_graph(journey)
    return write_dot(graph, graph_attributes, node_attributes, edge_attributes, baseline=baseline)


def flow_svg_id_prefix(journey: Journey, options: RenderOptions) -> str:
    """The prefix of every id in the flow SVG: from `<stem>.flow` and a hash of the map."""
    return svg_id_prefix(journey, options.stem + FLOW_SUFFIX)


def render_dot(
    journey: Journey,
    options: RenderOptions,
    *,
    graph_attributes: Mapping[str, str] | None = None,
    node_attributes: Mapping[str, str] | None = None,
    edge_attributes: Mapping[str, str] | None = None,
) -> str:
    """Write the journey flow as Graphviz DOT source (needs no Graphviz).

    flow_style's GRAPH_ATTRIBUTES, NODE_ATTRIBUTES and EDGE_ATTRIBUTES are the defaults; a call may
    override any of them, e.g. `graph_attributes={"ranksep": "0.8"}`.
    """
    source = flow_source(
        journey,
        graph_attributes=graph_attributes,
        node_attributes=node_attributes,
        edge_attributes=edge_attributes,
        baseline=options.baseline,
    ).source
    return source if source.endswith("\n") else source + "\n"


def render_svg(
    journey: Journey,
    options: RenderOptions,
    *,
    graph_attributes: Mapping[str, str] | None = None,
    node_attributes: Mapping[str, str] | None = None,
    edge_attributes: Mapping[str, str] | None = None,
) -> bytes:
    """Draw the journey flow as an SVG ready to embed: scalable, titled and described, ids unique to the map.

    Raises RenderError CJM401 when Graphviz is not installed, CJM402 when `dot` fails or times out.
    """
    dot = flow_source(
        journey,
        graph_attributes=graph_attributes,
        node_attributes=node_attributes,
        edge_attributes=edge_attributes,
        baseline=options.baseline,
    )
    raw = draw_svg(dot.source, options.dot_timeout)
    return polish_svg(raw, journey, flow_svg_id_prefix(journey, options), dot.titles)


def render_png(
    journey: Journey,
    options: RenderOptions,
    *,
    graph_attributes: Mapping[str, str] | None = None,
    node_attributes: Mapping[str, str] | None = None,
    edge_attributes: Mapping[str, str] | None = None,
) -> bytes:
    """Draw the journey flow as a PNG at least PNG_MIN_WIDTH pixels wide (pixel count capped), for slides.

    The flow's SVG rasterised by rsvg-convert (`cjm.renderers.raster`), as the map and slide views
    are: the PNG is the same picture as the SVG (titles, ids and all), and a build of SVG, PNG and
    DOT runs Graphviz once per map (graphviz_run keeps the layout for the process).
    Raises RenderError CJM401 or CJM402 as `render_svg` does, CJM405 or CJM406 from rsvg-convert.
    """
    from cjm.renderers.raster import rasterise

    svg = render_svg(
        journey,
        options,
        graph_attributes=graph_attributes,
        node_attributes=node_attributes,
        edge_attributes=edge_attributes,
    )
    return rasterise(svg.decode("utf-8"), options.raster_timeout)
