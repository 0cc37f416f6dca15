"""The touchpoint flow as plain data: which boxes each stage holds, in which rows, and which edges join them.

No markup and no Graphviz here: `flow_dot` turns this into DOT, with `flow_labels` and `flow_style`.

The layout it describes reads top to bottom: one band per stage, in order, numbered; inside a
stage each touchpoint of a sequence takes a row, with the customers lost at its left and its pain
points and opportunities at its right; the touchpoints of a stage whose touchpoints are
alternatives share one row, side by side, with their notes below them. Every flow edge goes down to
a later row, except a loop back, which stays inside its stages.

Why top to bottom (and not rows of stages read like lines of text): in a row wrap the edge from the
end of one row to the start of the next crosses the whole picture; a single left-to-right strip
grows as wide as the journey is long, so its text shrinks to nothing in a docs column. A top-to-
bottom band keeps about the width of one touchpoint and its notes, whatever the map's length,
so the text stays readable at a page's width and the reading order is that of the page.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from cjm.model import Journey, Opportunity, PainPoint, Stage, Touchpoint

EdgeKind = Literal["flow", "switch", "channel-change", "loop-back"]


class FlowEdge(NamedTuple):
    """One step of the journey: from a touchpoint (or a stage of alternatives) to the next.

    `tail` and `head` are touchpoint ids, or stage ids when `tail_stage`/`head_stage` is set (a
    stage of alternatives is entered and left as a whole). `label` is the author's reason for the
    step (`next: [{to: …, label: …}]`), None when not stated. `branch` is set on the steps out of a
    touchpoint that leads to two or more places. `kind`: `switch` for a step with a reason,
    `channel-change` for an unexplained step between two channels, `loop-back` for a step back to
    an earlier touchpoint, `flow` otherwise.
    """

    tail: str
    head: str
    kind: EdgeKind
    label: str | None = None
    branch: bool = False
    tail_stage: bool = False
    head_stage: bool = False


class Notes(NamedTuple):
    """The pain points and opportunities drawn next to one touchpoint (or a stage's own row)."""

    pain_points: tuple[PainPoint, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()


class FlowRow(NamedTuple):
    """One row of a stage band.

    `touchpoints` holds one touchpoint for a step of a sequence, all of them for alternatives, and
    none for the stage's own row (pain points and opportunities tied to no touchpoint, or an empty
    stage). `notes` maps a touchpoint id (or "" for the stage's own row) to its notes.
    """

    touchpoints: tuple[Touchpoint, ...]
    notes: dict[str, Notes]


class FlowStage(NamedTuple):
    """One stage band: its number (from 1), the stage, and its rows top to bottom."""

    number: int
    stage: Stage
    rows: tuple[FlowRow, ...]

    @property
    def alternatives(self) -> bool:
        """Whether the stage's touchpoints are alternatives (drawn side by side, no path between them)."""
        return self.stage.touchpoints_are == "alternatives" and len(self.stage.touchpoints) > 1


class AddressLink(NamedTuple):
    """An opportunity drawn next to a pain point it addresses: a short dotted link, in one stage."""

    opportunity: str
    pain_point: str


class FlowGraph(NamedTuple):
    """The whole flow: stage bands in order, flow edges, and the opportunity links drawn as lines.

    Opportunities that address a pain point of another stage get no line (it would cross the
    picture): their note names the pain point instead (`Opportunity.addresses`).
    """

    journey: Journey
    stages: tuple[FlowStage, ...]
    edges: tuple[FlowEdge, ...]
    links: tuple[AddressLink, ...]


def flow(journey: Journey) -> list[FlowEdge]:
    """The journey's steps in order: each touchpoint to its `next`, or else to the next step listed.

    A stage whose touchpoints are alternatives is one step: entered and left as a whole (its
    touchpoints with their own `next` still lead there). `next` targets that are not touchpoints are
    skipped, since the checks already report them; an empty `next` ends the journey there.
    """
    steps: list[tuple[str, Stage, Touchpoint | None]] = []  # (kind, stage, touchpoint)
    for stage in journey.stages:
        if stage.touchpoints_are == "alternatives" and len(stage.touchpoints) > 1:
            steps.append(("stage", stage, None))
        else:
            steps += [("touchpoint", stage, touchpoint) for touchpoint in stage.touchpoints]
    touchpoints = [touchpoint for _, touchpoint in journey.touchpoints()]
    by_id = {touchpoint.id: touchpoint for touchpoint in touchpoints}
    position = {touchpoint.id: index for index, touchpoint in enumerate(touchpoints)}
    edges: list[FlowEdge] = []
    for index, (kind, stage, touchpoint) in enumerate(steps):
        following = steps[index + 1] if index + 1 < len(steps) else None
        members = stage.touchpoints if kind == "stage" else [touchpoint] if touchpoint is not None else []
        for member in members:
            if member.next is not None:
                edges += _next_edges(member, by_id, position)
        if touchpoint is not None and touchpoint.next is not None:
            continue
        if following is None:
            continue
        if kind == "stage":
            # Left as a whole, unless every alternative says where it leads.
            if all(member.next is not None for member in stage.touchpoints):
                continue
            if following[2] is None:
                edges.append(FlowEdge(stage.id, following[1].id, "flow", tail_stage=True, head_stage=True))
            else:
                edges.append(FlowEdge(stage.id, following[2].id, "flow", tail_stage=True))
        elif touchpoint is not None:
            if following[2] is None:
                edges.append(FlowEdge(touchpoint.id, following[1].id, "flow", head_stage=True))
            else:
                edges.append(FlowEdge(touchpoint.id, following[2].id, _kind(touchpoint, following[2], None, position)))
    return edges


def _next_edges(touchpoint: Touchpoint, by_id: dict[str, Touchpoint], position: dict[str, int]) -> list[FlowEdge]:
    """The steps a touchpoint's `next` names, in order, each target once."""
    targets = [step for step in dict((step.to, step) for step in touchpoint.next or []).values() if step.to in by_id]
    return [
        FlowEdge(
            touchpoint.id,
            step.to,
            _kind(touchpoint, by_id[step.to], step.label, position),
            step.label,
            branch=len(targets) >= 2,
        )
        for step in targets
    ]


def _kind(tail: Touchpoint, head: Touchpoint, label: str | None, position: dict[str, int]) -> EdgeKind:
    if position[head.id] <= position[tail.id]:
        return "loop-back"
    if label:
        return "switch"
    tail_channel, head_channel = getattr(tail, "channel", None), getattr(head, "channel", None)
    if tail_channel and head_channel and tail_channel != head_channel:
        return "channel-change"
    return "flow"


def build_flow_graph(journey: Journey) -> FlowGraph:
    """Place every touchpoint, pain point and opportunity in its stage band and row.

    A pain point sits in the row of its touchpoint (its stage's own row when it names none, or a
    touchpoint that does not exist); an opportunity sits in the row of the first pain point it
    addresses in the same stage, else in its stage's own row. Rows keep the map's order.
    """
    pain_row: dict[str, tuple[str, str]] = {}  # pain id -> (stage id, row key)
    touchpoint_stage = {touchpoint.id: stage.id for stage, touchpoint in journey.touchpoints()}
    notes: dict[str, dict[str, tuple[list[PainPoint], list[Opportunity]]]] = {stage.id: {} for stage in journey.stages}
    for stage in journey.stages:
        for pain in stage.pain_points:
            home_stage = touchpoint_stage.get(pain.touchpoint or "")
            stage_id, key = (home_stage, pain.touchpoint or "") if home_stage else (stage.id, "")
            notes[stage_id].setdefault(key, ([], []))[0].append(pain)
            pain_row[pain.id] = (stage_id, key)
    links: list[AddressLink] = []
    for stage in journey.stages:
        for opportunity in stage.opportunities:
            local = [ref for ref in dict.fromkeys(opportunity.addresses) if pain_row.get(ref, ("",))[0] == stage.id]
            key = pain_row[local[0]][1] if local else ""
            notes[stage.id].setdefault(key, ([], []))[1].append(opportunity)
            links += [AddressLink(opportunity.id, ref) for ref in local]
    stages = []
    for number, stage in enumerate(journey.stages, start=1):
        own = notes[stage.id]

        def notes_of(key: str, own: dict[str, tuple[list[PainPoint], list[Opportunity]]] = own) -> Notes:
            pains, opportunities = own.get(key, ([], []))
            return Notes(tuple(pains), tuple(opportunities))

        rows: list[FlowRow] = []
        if stage.touchpoints_are == "alternatives" and len(stage.touchpoints) > 1:
            rows.append(FlowRow(tuple(stage.touchpoints), {t.id: notes_of(t.id) for t in stage.touchpoints}))
        else:
            rows += [
                FlowRow((touchpoint,), {touchpoint.id: notes_of(touchpoint.id)}) for touchpoint in stage.touchpoints
            ]
        if "" in own or not stage.touchpoints:
            rows.append(FlowRow((), {"": notes_of("")}))
        stages.append(FlowStage(number, stage, tuple(rows)))
    return FlowGraph(journey, tuple(stages), tuple(flow(journey)), tuple(links))
