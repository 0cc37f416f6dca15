"""The flow's DOT source, written with the `graphviz` package from `flow_graph`'s plain data.

The package quotes every attribute value and passes the HTML-like labels `flow_labels` builds
(`<…>`) through unquoted; user text reaches DOT only inside those labels, escaped there. Besides
the source, `FlowDot.titles` gives each drawn element a human title (the SVG's tooltips), since
Graphviz would title them with their internal node names.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

import graphviz

from cjm import emotion
from cjm.formatting import labelled
from cjm.i18n import channel_labels, messages
from cjm.model import Journey, Opportunity, PainPoint, Touchpoint
from cjm.renderers import flow_style as style
from cjm.renderers.flow_graph import FlowEdge, FlowGraph, FlowRow, FlowStage
from cjm.renderers.flow_labels import Labels, clean


@dataclass(frozen=True)
class FlowDot:
    """DOT source and the human title of every element id it draws (node, edge or stage)."""

    source: str
    titles: Mapping[str, str]


def touchpoint_node(touchpoint_id: str) -> str:
    """The DOT node name (and SVG group id, before prefixing) of a touchpoint."""
    return f"touchpoint_{touchpoint_id}"


def pain_node(pain_id: str) -> str:
    """The DOT node name of a pain point."""
    return f"pain_{pain_id}"


def opportunity_node(opportunity_id: str) -> str:
    """The DOT node name of an opportunity."""
    return f"opportunity_{opportunity_id}"


def stage_cluster(stage_id: str) -> str:
    """The DOT cluster name of a stage band."""
    return f"cluster_{stage_id}"


def alternatives_cluster(stage_id: str) -> str:
    """The DOT cluster name of the box around a stage's alternative touchpoints."""
    return f"cluster_{stage_id}__alternatives"


# The Graphviz `group` of every step of a sequence and of each stage's own anchor. Why: Graphviz keeps
# the edges between nodes of one group straight, so the steps stack in one column down the whole
# picture; without it each stage whose notes sit on a row of their own was pushed sideways from the
# last (a staircase that made a 12-stage flow 1,240 units wide instead of 565).
SPINE = "spine"


class _Writer:
    def __init__(self, graph: FlowGraph, baseline: Journey | None = None) -> None:
        journey = graph.journey
        self.graph = graph
        self.text = messages(journey.locale)
        self.locale = journey.locale
        self.labels = Labels(journey, self.text, channel_labels(journey), baseline)
        self.titles: dict[str, str] = {}
        self.names = {touchpoint.id: touchpoint.name for _, touchpoint in journey.touchpoints()}
        self.edge_ids: dict[str, int] = {}
        self.uses: set[str] = set()
        # The node each row is anchored on, top to bottom, and the last node below it (alternatives' notes).
        self.row_anchors: list[tuple[str, list[str]]] = []

    def edge_id(self, kind: str, tail: str, head: str) -> str:
        base = f"{kind}__{tail}__{head}"
        count = self.edge_ids.get(base, 0) + 1
        self.edge_ids[base] = count
        return base if count == 1 else f"{base}__{count}"

    def write(
        self,
        graph_attributes: Mapping[str, str],
        node_attributes: Mapping[str, str],
        edge_attributes: Mapping[str, str],
    ) -> FlowDot:
        dot = graphviz.Digraph(
            "journey",
            graph_attr=dict(graph_attributes),
            node_attr=dict(node_attributes),
            edge_attr=dict(edge_attributes),
        )
        body = graphviz.Digraph()  # Stages and edges go after the header, which needs `uses`.
        for flow_stage in self.graph.stages:
            self.stage(body, flow_stage)
        self.row_order(body)
        # The flow's edges come first in the source: Graphviz orders each rank from the order it
        # meets nodes and edges, and meeting the path first keeps it in the spine's column, its
        # notes to the right (the examples' flows are up to 20 % narrower than with edges last).
        edges = graphviz.Digraph()
        for edge in self.graph.edges:
            self.flow_edge(edges, edge)
        body.body[:0] = edges.body
        self.address_links(body)
        dot.attr(label=self.labels.header(self.labels.legend(self.uses)))
        dot.body += body.body
        return FlowDot(dot.source, self.titles)

    # Stages and rows ---------------------------------------------------------------------------

    def stage(self, dot: graphviz.Digraph, flow_stage: FlowStage) -> None:
        stage = flow_stage.stage
        name = stage_cluster(stage.id)
        self.titles[f"stage_{stage.id}"] = f"{flow_stage.number}. {stage.name}"
        self.uses.add("unscored" if stage.score is None else "scored")
        with dot.subgraph(name=name) as cluster:
            cluster.attr(
                id=f"stage_{stage.id}",
                _attributes={"class": "stage"},
                label=self.labels.stage(flow_stage.number, stage),
                **style.STAGE_STYLE,
            )
            for flow_row in flow_stage.rows:
                if len(flow_row.touchpoints) > 1:
                    self.alternatives_row(cluster, flow_stage, flow_row)
                else:
                    self.sequence_row(cluster, flow_stage, flow_row)

    def sequence_row(self, dot: graphviz.Digraph, flow_stage: FlowStage, flow_row: FlowRow) -> None:
        """One touchpoint (or the stage's own anchor) with the customers lost at its left and notes at its right."""
        if flow_row.touchpoints:
            touchpoint = flow_row.touchpoints[0]
            anchor = self.touchpoint(dot, touchpoint, group=SPINE)
            notes = flow_row.notes.get(touchpoint.id)
            lost = self.lost(dot, touchpoint) if touchpoint.drop_off else None
        else:
            anchor = f"anchor_{flow_stage.stage.id}"
            dot.node(anchor, **style.ANCHOR_STYLE, group=SPINE)
            notes = flow_row.notes.get("")
            lost = None
        pains: list[str] = []
        opportunities: list[str] = []
        if notes is not None:
            pains = [self.pain(dot, pain) for pain in notes.pain_points]
            opportunities = [self.opportunity(dot, opportunity) for opportunity in notes.opportunities]
        attached = bool(flow_row.touchpoints)
        # Pain points beside the touchpoint, then opportunities up to NOTES_PER_ROW notes; the other
        # opportunities go in rows below, so the picture keeps a docs column's width.
        room = max(style.NOTES_PER_ROW - len(pains), 0)
        first_row = ([lost] if lost else []) + [anchor] + pains + opportunities[:room]
        rest = opportunities[room:]
        self.same_rank(dot, first_row)
        for left, right in itertools.pairwise(first_row):
            if lost is not None and left == lost:
                edge_id = self.edge_id("lost", anchor, lost)
                self.titles[edge_id] = self.text["note.customers_lost"]
                dot.edge(left, right, id=edge_id, _attributes={"class": "drop-off"}, **style.LOST_EDGE_STYLE)
                self.uses.add("lost")
            else:
                self.note_link(dot, left, right, attached)
        self.row_anchors.append((anchor, [anchor]))
        for number, start in enumerate(range(0, len(rest), style.NOTES_PER_ROW), start=1):
            spacer = f"{anchor}__notes_{number}"
            dot.node(spacer, **style.ANCHOR_STYLE)
            chunk = [spacer, *rest[start : start + style.NOTES_PER_ROW]]
            self.same_rank(dot, chunk)
            for left, right in itertools.pairwise(chunk):
                dot.edge(left, right, style="invis")
            self.row_anchors.append((spacer, [spacer]))

    def same_rank(self, dot: graphviz.Digraph, nodes: list[str]) -> None:
        """Put nodes side by side, left to right in this order."""
        with dot.subgraph() as same:
            same.attr(rank="same")
            for node in nodes:
                same.node(node)

    def note_link(self, dot: graphviz.Digraph, left: str, right: str, attached: bool) -> None:
        """A pain point's line to the touchpoint, through the notes before it; an invisible edge between other notes.

        Why invisible edges: a flat edge draws its tail left of its head (or above it across rows),
        which keeps the notes in the map's order.
        """
        if right.startswith("pain_") and attached:
            dot.edge(
                left,
                right,
                id=self.edge_id("pain", right, left),
                _attributes={"class": "pain-point-link"},
                **style.PAIN_LINK_STYLE,
            )
        else:
            dot.edge(left, right, style="invis")

    def alternatives_row(self, dot: graphviz.Digraph, flow_stage: FlowStage, flow_row: FlowRow) -> None:
        """Alternative touchpoints side by side in a dashed box, no path between them, notes below each."""
        self.uses.add("alternatives")
        stage = flow_stage.stage
        bottoms: list[str] = []
        names: list[str] = []
        with dot.subgraph(name=alternatives_cluster(stage.id)) as box:
            box.attr(
                label="",
                id=f"alternatives_{stage.id}",
                _attributes={"class": "alternatives"},
                **style.ALTERNATIVES_STYLE,
            )
            for touchpoint in flow_row.touchpoints:
                names.append(self.touchpoint(box, touchpoint))
            with box.subgraph() as same:
                same.attr(rank="same")
                for node in names:
                    same.node(node)
            for left, right in itertools.pairwise(names):
                box.edge(left, right, style="invis")
        for touchpoint, name in zip(flow_row.touchpoints, names, strict=True):
            column = [name]
            if touchpoint.drop_off:
                column.append(self.lost(dot, touchpoint))
                edge_id = self.edge_id("lost", name, column[-1])
                self.titles[edge_id] = self.text["note.customers_lost"]
                dot.edge(
                    name,
                    column[-1],
                    id=edge_id,
                    _attributes={"class": "drop-off"},
                    **{**style.LOST_EDGE_STYLE, "dir": "forward"},
                )
                self.uses.add("lost")
            notes = flow_row.notes.get(touchpoint.id)
            if notes is not None:
                for pain in notes.pain_points:
                    column.append(self.pain(dot, pain))
                    dot.edge(
                        column[-2],
                        column[-1],
                        id=self.edge_id("pain", column[-1], name),
                        _attributes={"class": "pain-point-link"},
                        **style.PAIN_LINK_STYLE,
                    )
                for opportunity in notes.opportunities:
                    column.append(self.opportunity(dot, opportunity))
                    dot.edge(column[-2], column[-1], style="invis")
            bottoms.append(column[-1])
        self.row_anchors.append((names[len(names) // 2], bottoms))

    def row_order(self, dot: graphviz.Digraph) -> None:
        """Invisible edges that stack the rows top to bottom in the map's order."""
        for (_, bottoms), (anchor, _) in zip(self.row_anchors, self.row_anchors[1:], strict=False):
            for bottom in bottoms:
                dot.edge(bottom, anchor, style="invis", weight="10")

    # Nodes -------------------------------------------------------------------------------------

    def touchpoint(self, dot: graphviz.Digraph, touchpoint: Touchpoint, group: str | None = None) -> str:
        """A touchpoint's box; `group` is SPINE for a step of a sequence (see SPINE)."""
        name = touchpoint_node(touchpoint.id)
        attributes = {
            "fillcolor": emotion.fill(touchpoint.emotion, self.graph.journey.emotion_scale),
            "color": emotion.stroke(touchpoint.emotion, self.graph.journey.emotion_scale),
        }
        if group:
            attributes["group"] = group
        self.uses.add("unscored" if touchpoint.emotion is None else "scored")
        classes = "touchpoint"
        if touchpoint.moment_of_truth:
            attributes.update(style.MOMENT_OF_TRUTH_STYLE)
            classes += " moment-of-truth"
            self.uses.add("moment")
        dot.node(name, label=self.labels.touchpoint(touchpoint), id=name, _attributes={"class": classes}, **attributes)
        channel = self.labels.channel(getattr(touchpoint, "channel", None))
        self.titles[name] = touchpoint.name + (f" ({channel})" if channel else "")
        return name

    def lost(self, dot: graphviz.Digraph, touchpoint: Touchpoint) -> str:
        name = f"lost_{touchpoint.id}"
        dot.node(
            name, label=self.labels.lost(touchpoint), id=name, _attributes={"class": "drop-off"}, **style.LOST_STYLE
        )
        self.titles[name] = labelled(self.text["note.customers_lost"], touchpoint.drop_off or "", self.locale)
        return name

    def pain(self, dot: graphviz.Digraph, pain: PainPoint) -> str:
        name = pain_node(pain.id)
        severity = getattr(pain, "severity", None)
        attributes = dict(style.PAIN_STYLE)
        if severity:
            attributes["penwidth"] = style.SEVERITY_PENWIDTH[severity]
        classes = "pain-point" + (f" severity-{severity}" if severity else "")
        dot.node(name, label=self.labels.pain(pain), id=name, _attributes={"class": classes}, **attributes)
        self.titles[name] = pain.text
        self.uses.add("pain")
        return name

    def opportunity(self, dot: graphviz.Digraph, opportunity: Opportunity) -> str:
        name = opportunity_node(opportunity.id)
        near = {link.pain_point for link in self.graph.links if link.opportunity == opportunity.id}
        far = [ref for ref in dict.fromkeys(opportunity.addresses) if ref not in near]
        status = getattr(opportunity, "status", None)
        classes = "opportunity" + (f" status-{status}" if status else "")
        label = self.labels.opportunity(opportunity, far)
        dot.node(name, label=label, id=name, _attributes={"class": classes}, **style.OPPORTUNITY_STYLE)
        self.titles[name] = opportunity.text
        self.uses.add("opportunity")
        return name

    # Edges -------------------------------------------------------------------------------------

    def endpoint(self, ref: str, is_stage: bool) -> tuple[str, dict[str, str]]:
        """The node an edge starts or ends at, and `lhead`/`ltail` clipping to a box of alternatives."""
        if not is_stage:
            return touchpoint_node(ref), {}
        stage = next(flow_stage for flow_stage in self.graph.stages if flow_stage.stage.id == ref)
        members = stage.stage.touchpoints
        if len(members) > 1:
            return touchpoint_node(members[len(members) // 2].id), {"cluster": alternatives_cluster(ref)}
        return touchpoint_node(members[0].id), {}

    def flow_edge(self, dot: graphviz.Digraph, edge: FlowEdge) -> None:
        tail, tail_clip = self.endpoint(edge.tail, edge.tail_stage)
        head, head_clip = self.endpoint(edge.head, edge.head_stage)
        attributes = dict(style.EDGE_STYLES[edge.kind])
        if "cluster" in tail_clip:
            attributes["ltail"] = tail_clip["cluster"]
        if "cluster" in head_clip:
            attributes["lhead"] = head_clip["cluster"]
        classes = ["flow", edge.kind] if edge.kind != "flow" else ["flow"]
        self.uses.add(edge.kind)
        if edge.branch:
            attributes.update(style.BRANCH_STYLE)
            classes.append("branch")
            self.uses.add("branch")
        if edge.label:
            attributes["label"] = self.labels.edge(edge.label)
            if edge.kind != "switch":
                # A step the author gave a reason for stands out whatever its direction.
                attributes.update({key: value for key, value in style.EDGE_STYLES["switch"].items() if key != "style"})
                classes.append("switch")
                self.uses.add("switch")
        edge_id = self.edge_id("flow", tail, head)
        tail_name = self.names.get(edge.tail, edge.tail) if not edge.tail_stage else self.stage_name(edge.tail)
        head_name = self.names.get(edge.head, edge.head) if not edge.head_stage else self.stage_name(edge.head)
        self.titles[edge_id] = (
            labelled(f"{tail_name} → {head_name}", edge.label, self.locale)
            if edge.label
            else f"{tail_name} → {head_name}"
        )
        dot.edge(tail, head, id=edge_id, _attributes={"class": " ".join(classes)}, **attributes)

    def stage_name(self, stage_id: str) -> str:
        return next(stage.name for stage in self.graph.journey.stages if stage.id == stage_id)

    def address_links(self, dot: graphviz.Digraph) -> None:
        """Dotted lines from an opportunity to the pain points it addresses in its own stage."""
        for link in self.graph.links:
            tail, head = opportunity_node(link.opportunity), pain_node(link.pain_point)
            edge_id = self.edge_id("addresses", tail, head)
            self.titles[edge_id] = self.text["field.addresses"]
            self.uses.add("addresses")
            dot.edge(
                tail,
                head,
                id=edge_id,
                constraint="false",
                _attributes={"class": "addresses"},
                **style.ADDRESS_LINK_STYLE,
            )


def write_dot(
    graph: FlowGraph,
    graph_attributes: Mapping[str, str] | None = None,
    node_attributes: Mapping[str, str] | None = None,
    edge_attributes: Mapping[str, str] | None = None,
    *,
    baseline: Journey | None = None,
) -> FlowDot:
    """The flow as DOT source, with the element titles for the SVG.

    flow_style's GRAPH_ATTRIBUTES, NODE_ATTRIBUTES and EDGE_ATTRIBUTES are the defaults; a call may
    override any of them (erdantic's habit), e.g. `graph_attributes={"ranksep": "0.8"}`. `baseline`,
    the current-state map of a future-state map, names the pain points its opportunities remove.
    """
    writer = _Writer(graph, baseline)
    result = writer.write(
        {**style.GRAPH_ATTRIBUTES, **(graph_attributes or {})},
        {**style.NODE_ATTRIBUTES, **(node_attributes or {})},
        {**style.EDGE_ATTRIBUTES, **(edge_attributes or {})},
    )
    return FlowDot(result.source, {key: clean(value) for key, value in result.titles.items()})
