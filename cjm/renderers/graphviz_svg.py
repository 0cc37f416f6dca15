"""The journey flow drawn by Graphviz: DOT source, then SVG and PNG from the real `dot`.

The picture reads left to right: one cluster per stage, one rounded box per touchpoint filled
from its emotion score, pain points and opportunities hanging below their touchpoint as notes,
and customers lost shown above it. A long journey wraps into rows of whole stages, read like
lines of text, so the picture keeps about a slide's shape. The header (title, persona, objective,
type) and the legend are the graph's label.

Why DOT is written by hand and not with the `graphviz` package's `Digraph`: the package passes
any value that starts with `<` and ends with `>` through as an HTML-like label, so a title such
as `<script>` would become markup. Here only labels built by this module are HTML; every user
string is escaped once, in `_html`, for both Graphviz's escapes (`\\N`, `\\G`…) and HTML entities.
"""

from __future__ import annotations

import itertools
import math
import re
import shutil
import subprocess
import textwrap
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cjm import emotion, formatting
from cjm.i18n import channel_labels, messages
from cjm.model import Journey, Opportunity, PainPoint, Stage, Touchpoint, slugify
from cjm.renderers import RenderError, RenderOptions

# Fonts: DejaVu Sans ships with every Debian/Ubuntu Graphviz; the fallbacks keep similar metrics
# where it is missing (a browser on macOS or Windows showing the SVG).
FONT_FAMILIES = ("DejaVu Sans", "Verdana", "sans-serif")
FONT_NAME = ",".join(FONT_FAMILIES)
FONT_SIZE = 11
SMALL_FONT_SIZE = 9
TITLE_FONT_SIZE = 22

# Colours beyond the emotion palette (cjm.emotion). Hues the palette does not use, so a
# pain point never reads as a low emotion and a channel switch never reads as a score.
TEXT_COLOR = "#1f1f1f"
MUTED_COLOR = "#5c5c5c"
BACKGROUND_COLOR = "#ffffff"
STAGE_FILL = "#f7f7f5"
STAGE_BORDER = "#cfcfcb"
STAGE_NUMBER_FILL = "#3b3b3b"
FLOW_COLOR = "#4d4d4d"
SWITCH_COLOR = "#7b3294"
LOST_COLOR = "#b2182b"
LOST_FILL = "#fff5f5"
PAIN_FILL = "#fde8e4"
PAIN_BORDER = "#c0392b"
OPPORTUNITY_FILL = "#e4f2e1"
OPPORTUNITY_BORDER = "#1b7837"
MOMENT_OF_TRUTH_COLOR = "#111111"

# Text wrapping, in characters, and the most lines a box may take before the text is cut.
NAME_WRAP = 22
NOTE_WRAP = 30
LOST_WRAP = 28
HEADER_WRAP = 110
EDGE_LABEL_WRAP = 14
MAX_LINES = 8

SEVERITY_PENWIDTH = {"low": "1", "medium": "1.5", "high": "2.2", "critical": "3"}
SEVERITY_MARKS = {"low": "●○○○", "medium": "●●○○", "high": "●●●○", "critical": "●●●●"}
# A pain point whose severity the map does not state: the thinnest border, no severity dots.
UNSTATED_PENWIDTH = "1"

GRAPH_ATTRIBUTES: dict[str, str] = {
    "rankdir": "LR",
    "newrank": "true",
    "nodesep": "0.22",
    "ranksep": "0.4",
    "pad": "0.4",
    "bgcolor": BACKGROUND_COLOR,
    "fontname": FONT_NAME,
    "fontsize": str(FONT_SIZE),
    "fontcolor": TEXT_COLOR,
    "labelloc": "t",
    "labeljust": "l",
    "outputorder": "edgesfirst",
    "charset": "UTF-8",
}
NODE_ATTRIBUTES: dict[str, str] = {
    "fontname": FONT_NAME,
    "fontsize": str(FONT_SIZE),
    "fontcolor": TEXT_COLOR,
    "shape": "box",
    "style": "rounded,filled",
    "margin": "0.12,0.07",
    "penwidth": "1.3",
    "width": "2.1",
}
EDGE_ATTRIBUTES: dict[str, str] = {
    "fontname": FONT_NAME,
    "fontsize": str(SMALL_FONT_SIZE),
    "color": FLOW_COLOR,
    "penwidth": "1.4",
    "arrowsize": "0.75",
}

# Rows: the flow wraps into rows of whole stages, each read left to right, row 1 on top, so a long
# journey fills a 16:9 slide instead of becoming a thin strip. None chooses the number of rows that
# draws the map largest on a 16:9 slide with rows of at least MIN_ROW_COLUMNS touchpoints (the jump
# back to the left is not worth a shorter row); a number forces it (at most one row per stage).
ROWS: int | None = None
SLIDE_ASPECT = 16 / 9
MIN_ROW_COLUMNS = 3

# The drawing's size in inches, estimated before `dot` runs (the DOT must say where rows break, and
# DOT needs no Graphviz). Measured on the examples with Graphviz 2.43: a touchpoint column with its
# edge labels, a line of text in a box, and the header (title and legend) above the flow.
ESTIMATED_COLUMN_WIDTH = 3.2
ESTIMATED_STAGE_GAP = 0.3
ESTIMATED_LINE_HEIGHT = 0.15
ESTIMATED_BOX_PADDING = 0.25
ESTIMATED_STACK_GAP = 0.3
ESTIMATED_STAGE_LABEL_HEIGHT = 1.0
ESTIMATED_ROW_GAP = 0.4
ESTIMATED_HEADER_WIDTH = 15.5
ESTIMATED_HEADER_HEIGHT = 2.6

# The invisible node that starts each row when the flow wraps.
ROW_NODE_ATTRIBUTES: dict[str, str] = {"style": "invis", "label": "", "width": "0.01", "height": "0.01"}

# PNG: at least this many pixels wide (sharp on a 16:9 slide), at a resolution in this range.
PNG_MIN_WIDTH = 2400
PNG_MIN_DPI = 96
PNG_MAX_DPI = 600

SVG_NAMESPACE = "http://www.w3.org/2000/svg"

# Characters XML 1.0 forbids (and C1 controls), which would make dot's SVG unreadable.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class _HTML(str):
    """A label this module built as Graphviz HTML-like markup: written as `<…>`, never quoted."""

    __slots__ = ()


# ---------------------------------------------------------------------------------------------
# Text: escaping and wrapping
# ---------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _FORBIDDEN.sub("", text)


def _html(text: str) -> str:
    """User text made safe inside an HTML-like label: shown exactly as written.

    Why the backslashes: Graphviz expands `\\N`, `\\G`, `\\E`… even in HTML-like labels, after
    decoding entities, and `\\\\` is its only way to write one backslash.
    """
    text = _clean(text).replace("\\", "\\\\")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _lines(text: str, width: int, max_lines: int = MAX_LINES) -> list[str]:
    flat = formatting.bind(" ".join(_clean(text).split()))  # Runs of spaces read as one; « » stay joined.
    wrapped = textwrap.wrap(flat, width, break_long_words=True, break_on_hyphens=True) or [""]
    if len(wrapped) > max_lines:
        wrapped = [*wrapped[: max_lines - 1], textwrap.shorten(wrapped[max_lines - 1] + " …", width, placeholder="…")]
    return wrapped


def _wrapped(text: str, width: int, max_lines: int = MAX_LINES) -> str:
    """Wrapped, escaped lines joined with left-aligned breaks."""
    return '<BR ALIGN="LEFT"/>'.join(_html(line) for line in _lines(text, width, max_lines))


def _font(text: str, *, size: float | None = None, color: str | None = None, bold: bool = False) -> str:
    """Markup (already escaped) in a font; bold through <B>. Graphviz rejects an empty <FONT>."""
    if not text:
        return ""
    if bold:
        text = f"<B>{text}</B>"
    attributes = (f' POINT-SIZE="{size:g}"' if size else "") + (f' COLOR="{color}"' if color else "")
    return f"<FONT{attributes}>{text}</FONT>" if attributes else text


def _quote(value: str) -> str:
    """A DOT quoted string (for our own ids and attribute values, which hold no user text)."""
    return '"' + _clean(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _attributes(attributes: Mapping[str, str]) -> str:
    parts = [
        f"{name}=<{value}>" if isinstance(value, _HTML) else f"{name}={_quote(value)}"
        for name, value in attributes.items()
    ]
    return f" [{', '.join(parts)}]" if parts else ""


# ---------------------------------------------------------------------------------------------
# The journey as ordered drawing data
# ---------------------------------------------------------------------------------------------


@dataclass
class _Column:
    """What is stacked in one rank: customers lost above the touchpoint, notes below it."""

    anchor: str
    lost: str | None = None
    below: list[str] = field(default_factory=list)


@dataclass
class _Cluster:
    """One stage: its columns in order and every node it owns."""

    stage: Stage
    number: int
    columns: list[_Column] = field(default_factory=list)
    nodes: list[tuple[str, dict[str, str]]] = field(default_factory=list)


@dataclass(frozen=True)
class _Edge:
    tail: str
    head: str
    attributes: dict[str, str]


def touchpoint_node(touchpoint_id: str) -> str:
    """The DOT node name of a touchpoint (also the `<title>` of its group in the SVG)."""
    return f"touchpoint_{touchpoint_id}"


def _pain_node(pain: PainPoint) -> str:
    return f"pain_{pain.id}"


def _opportunity_node(opportunity: Opportunity) -> str:
    return f"opportunity_{opportunity.id}"


def flow(journey: Journey) -> list[tuple[Touchpoint, Touchpoint]]:
    """The journey's flow edges, in order: each touchpoint to the next listed one, or to its `next`.

    A touchpoint with `next` leads exactly there (an empty list ends the journey); targets that are
    not touchpoints are skipped, since the checks already report them.
    """
    touchpoints = [touchpoint for _, touchpoint in journey.touchpoints()]
    by_id = {touchpoint.id: touchpoint for touchpoint in touchpoints}
    edges: list[tuple[Touchpoint, Touchpoint]] = []
    for index, touchpoint in enumerate(touchpoints):
        if touchpoint.next is None:
            if index + 1 < len(touchpoints):
                edges.append((touchpoint, touchpoints[index + 1]))
        else:
            edges.extend((touchpoint, by_id[target]) for target in dict.fromkeys(touchpoint.next) if target in by_id)
    return edges


class _Builder:
    """Turns a journey into DOT statements, in the map's order, so the output is deterministic."""

    def __init__(self, journey: Journey, rows: int | None = None) -> None:
        self.journey = journey
        self.wanted_rows = rows
        self.scale = journey.emotion_scale
        self.text = messages(journey.locale)
        self.channels = channel_labels(journey)
        self.colon = formatting.colon(journey.locale) + " "
        self.edges: list[_Edge] = []
        self.alternatives: set[tuple[str, str]] = set()
        self.edge_ids: dict[str, int] = {}
        self.clusters = [_Cluster(stage, number) for number, stage in enumerate(journey.stages, start=1)]
        self.rows: list[list[_Cluster]] = [self.clusters]
        self.row_of: dict[str, int] = {}

    # Labels ------------------------------------------------------------------------------------

    def _score(self, score: float | None) -> str:
        """Symbol, number and word of a score, so the band never depends on colour alone."""
        if score is None:
            return "– " + _html(self.text["note.no_emotion"])
        word = emotion.label(score, self.scale)
        shown = f"{emotion.symbol(score, self.scale)} {emotion.format_score(score, self.journey.locale)}"
        return _html(f"{shown} · {word}" if word else shown)

    def touchpoint_label(self, touchpoint: Touchpoint) -> _HTML:
        """Channel and score on top, the name in bold, the moment-of-truth mark when it is one."""
        # No channel named, no channel shown: never a made-up one.
        channel = self.channels.get(touchpoint.channel, touchpoint.channel) if touchpoint.channel else ""
        score_color = emotion.stroke(touchpoint.emotion, self.scale)
        rows = [
            '<TR><TD ALIGN="LEFT">'
            + _font(_html(channel), size=SMALL_FONT_SIZE - 0.5, color=MUTED_COLOR)
            + '</TD><TD ALIGN="RIGHT">'
            + _font(self._score(touchpoint.emotion), size=SMALL_FONT_SIZE, color=score_color, bold=True)
            + "</TD></TR>",
            '<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">'
            + _font(_wrapped(touchpoint.name, NAME_WRAP), bold=True)
            + "</TD></TR>",
        ]
        if touchpoint.moment_of_truth:
            rows.append(
                '<TR><TD COLSPAN="2" ALIGN="LEFT">'
                + _font("★ " + _html(self.text["note.moment_of_truth"]), size=SMALL_FONT_SIZE, bold=True)
                + "</TD></TR>"
            )
        return _HTML(_table(rows, padding=2))

    def stage_label(self, cluster: _Cluster) -> _HTML:
        """Stage number, name and emotion badge, then its duration."""
        stage = cluster.stage
        score = stage.score
        badge = (
            f'<TD BGCOLOR="{emotion.fill(score, self.scale)}" COLOR="{emotion.stroke(score, self.scale)}" '
            f'BORDER="1" STYLE="rounded">'
            + _font(self._score(score), size=SMALL_FONT_SIZE + 1, color=TEXT_COLOR, bold=True)
            + "</TD>"
        )
        rows = [
            f'<TR><TD BGCOLOR="{STAGE_NUMBER_FILL}" STYLE="rounded">'
            + _font(f"{cluster.number}", size=FONT_SIZE + 2, color=BACKGROUND_COLOR, bold=True)
            + '</TD><TD ALIGN="LEFT" BALIGN="LEFT">'
            + _font(_wrapped(stage.name, NAME_WRAP + 6, 3), size=FONT_SIZE + 2, bold=True)
            + f"</TD>{badge}</TR>"
        ]
        if stage.duration:
            rows.append(
                '<TR><TD></TD><TD COLSPAN="2" ALIGN="LEFT">'
                + _font(
                    _html(self.text["lane.duration"] + self.colon + stage.duration),
                    size=SMALL_FONT_SIZE,
                    color=MUTED_COLOR,
                )
                + "</TD></TR>"
            )
        return _HTML(_table(rows, padding=3, spacing=2))

    def pain_label(self, pain: PainPoint) -> _HTML:
        """Severity in words and dots (only the mark when the map states no severity), then the problem."""
        severity = (
            f" {_html(self.text[f'severity.{pain.severity}'])} {SEVERITY_MARKS[pain.severity]}" if pain.severity else ""
        )
        rows = [
            '<TR><TD ALIGN="LEFT">'
            + _font(
                f"⚠{severity}",
                size=SMALL_FONT_SIZE,
                color=PAIN_BORDER,
                bold=True,
            )
            + "</TD></TR>",
            '<TR><TD ALIGN="LEFT" BALIGN="LEFT">'
            + _font(_wrapped(pain.text, NOTE_WRAP), size=FONT_SIZE - 1)
            + "</TD></TR>",
        ]
        return _HTML(_table(rows, padding=1))

    def opportunity_label(self, opportunity: Opportunity) -> _HTML:
        """Status (only the mark when the map states none), the improvement, then impact and effort."""
        status = f" {_html(self.text[f'status.{opportunity.status}'])}" if opportunity.status else ""
        details = [
            f"{self.text[f'field.{name}']}{self.colon}{self.text[f'level.{level}']}"
            for name, level in (("impact", opportunity.impact), ("effort", opportunity.effort))
            if level is not None
        ]
        rows = [
            '<TR><TD ALIGN="LEFT">'
            + _font(f"✚{status}", size=SMALL_FONT_SIZE, color=OPPORTUNITY_BORDER, bold=True)
            + "</TD></TR>",
            '<TR><TD ALIGN="LEFT" BALIGN="LEFT">'
            + _font(_wrapped(opportunity.text, NOTE_WRAP), size=FONT_SIZE - 1)
            + "</TD></TR>",
        ]
        if details:
            rows.append(
                '<TR><TD ALIGN="LEFT">'
                + _font(_html(" · ".join(details)), size=SMALL_FONT_SIZE - 0.5, color=MUTED_COLOR)
                + "</TD></TR>"
            )
        return _HTML(_table(rows, padding=1))

    def lost_label(self, touchpoint: Touchpoint) -> _HTML:
        """ "Customers lost" and the drop-off text."""
        rows = [
            '<TR><TD ALIGN="LEFT">'
            + _font("✕ " + _html(self.text["note.customers_lost"]), size=SMALL_FONT_SIZE, color=LOST_COLOR, bold=True)
            + "</TD></TR>",
            '<TR><TD ALIGN="LEFT" BALIGN="LEFT">'
            + _font(_wrapped(touchpoint.drop_off or "", LOST_WRAP), size=SMALL_FONT_SIZE, color=TEXT_COLOR)
            + "</TD></TR>",
        ]
        return _HTML(_table(rows, padding=1))

    def header_label(self) -> _HTML:
        """Title, type, owner and review date, persona and objective, with the legend on the right."""
        journey, text = self.journey, self.text
        rows = [f'<TR><TD ALIGN="LEFT">{_font(_html(journey.title), size=TITLE_FONT_SIZE, bold=True)}</TD></TR>']
        facts = [text["field.type"] + self.colon + text[f"type.{journey.type}"]] if journey.type else []
        if journey.owner:
            facts.append(text["field.owner"] + self.colon + journey.owner)
        if journey.reviewed:
            facts.append(text["field.reviewed"] + self.colon + formatting.date(journey.reviewed, journey.locale))
        rows.append(
            '<TR><TD ALIGN="LEFT">' + _font(_html(" · ".join(facts)), size=FONT_SIZE, color=MUTED_COLOR) + "</TD></TR>"
        )
        if journey.persona is not None:
            persona = journey.persona
            about = persona.name + (f" — {persona.description}" if persona.description else "")
            rows.append(self.header_row(text["heading.persona"], about))
        if journey.objective:
            rows.append(self.header_row(text["heading.objective"], journey.objective))
        header = _table(rows, padding=3)
        return _HTML(
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'<TD ALIGN="LEFT" VALIGN="TOP">{header}</TD><TD WIDTH="36"> </TD>'
            f'<TD ALIGN="LEFT" VALIGN="TOP">{self.legend()}</TD></TR>'
            '<TR><TD COLSPAN="3" HEIGHT="12"> </TD></TR></TABLE>'
        )

    def header_row(self, heading: str, body: str) -> str:
        """A wrapped paragraph that starts with a bold heading ("Objective: …")."""
        prefix = heading + self.colon.rstrip()
        lines = _lines(f"{prefix} {body}", HEADER_WRAP, 4)
        first = lines[0]
        if first.startswith(prefix):
            first_markup = _font(_html(prefix + " "), bold=True) + _html(first[len(prefix) :].lstrip())
        else:
            first_markup = _html(first)
        body_markup = '<BR ALIGN="LEFT"/>'.join([first_markup, *(_html(line) for line in lines[1:])])
        return f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{body_markup}</TD></TR>'

    def legend(self) -> str:
        """The key: emotion bands (colour, symbol, scores, words), then every mark and line style."""
        text = self.text
        small = SMALL_FONT_SIZE
        bands = [
            f'<TR><TD COLSPAN="3" ALIGN="LEFT">{_font(_html(text["field.emotion"]), size=small, bold=True)}</TD></TR>'
        ]
        for index, (fill_color, stroke_color, symbol) in enumerate(
            zip(emotion.FILLS, emotion.STROKES, emotion.SYMBOLS, strict=True)
        ):
            scores = _band_scores(index, self.journey)
            if not scores:
                continue
            words = [word for word in dict.fromkeys(emotion.label(score, self.scale) for score in scores) if word]
            if not words and index == 2:
                words = [text["note.neutral"]]
            span = emotion.format_score(scores[0], self.journey.locale)
            if len(scores) > 1:
                span += f" – {emotion.format_score(scores[-1], self.journey.locale)}"
            bands.append(
                f'<TR><TD BGCOLOR="{fill_color}" COLOR="{stroke_color}" BORDER="1" STYLE="rounded" WIDTH="34">'
                + _font(symbol, size=small, color=stroke_color, bold=True)
                + f'</TD><TD ALIGN="RIGHT">{_font(_html(span), size=small, bold=True)}</TD>'
                + f'<TD ALIGN="LEFT">{_font(_html(" / ".join(words)), size=small)}</TD></TR>'
            )
        marks = [
            ("───▶", FLOW_COLOR, text["note.flow"]),
            ("╌╌╌▶", SWITCH_COLOR, text["note.channel_switch"]),
            ("◆──▶", FLOW_COLOR, text["note.branch"]),
            ("╌╌▶ ✕", LOST_COLOR, text["note.customers_lost"]),
            ("★", MOMENT_OF_TRUTH_COLOR, text["note.moment_of_truth"]),
            ("⚠", PAIN_BORDER, text["lane.pain_points"]),
            ("✚", OPPORTUNITY_BORDER, text["lane.opportunities"]),
            ("┈┈┈", OPPORTUNITY_BORDER, text["field.addresses"]),
        ]
        keys = [
            f'<TR><TD ALIGN="RIGHT">{_font(_html(mark), size=small, color=color, bold=True)}</TD>'
            f'<TD ALIGN="LEFT">{_font(_html(caption), size=small)}</TD></TR>'
            for mark, color, caption in marks
        ]
        blank = '<TR><TD COLSPAN="2"> </TD></TR>'
        columns = [
            _table(bands, padding=2, spacing=2),
            _table([blank, *keys[:4]], padding=3, spacing=1),
            _table([blank, *keys[4:]], padding=3, spacing=1),
        ]
        heading = _font(_html(text["heading.legend"]), size=small + 2, bold=True)
        return _table(
            [
                f'<TR><TD COLSPAN="3" ALIGN="LEFT">{heading}</TD></TR>',
                "<TR>" + "".join(f'<TD VALIGN="TOP">{column}</TD>' for column in columns) + "</TR>",
            ],
            padding=4,
            border=f'BORDER="1" COLOR="{STAGE_BORDER}" BGCOLOR="{STAGE_FILL}" STYLE="rounded"',
        )

    # Structure ---------------------------------------------------------------------------------

    def edge(self, kind: str, tail: str, head: str, attributes: dict[str, str]) -> None:
        """Record a visible edge with a stable id made of its kind and ends."""
        base = f"{kind}__{tail}__{head}"
        count = self.edge_ids.get(base, 0) + 1
        self.edge_ids[base] = count
        edge_id = base if count == 1 else f"{base}__{count}"
        self.edges.append(_Edge(tail, head, {"id": edge_id, **attributes}))

    def build(self) -> None:
        """Place every node in its stage and column, and record the visible edges."""
        touchpoint_stage: dict[str, _Cluster] = {}
        columns: dict[str, _Column] = {}
        for cluster in self.clusters:
            for touchpoint in cluster.stage.touchpoints:
                name = touchpoint_node(touchpoint.id)
                column = _Column(name)
                cluster.columns.append(column)
                columns[touchpoint.id] = column
                touchpoint_stage[touchpoint.id] = cluster
                cluster.nodes.append((name, self.touchpoint_attributes(touchpoint)))
                if touchpoint.drop_off:
                    column.lost = f"lost_{touchpoint.id}"
                    cluster.nodes.append((column.lost, self.lost_attributes(touchpoint)))
            if not cluster.columns:
                # An invisible anchor keeps a stage without touchpoints in the picture, in its place.
                anchor = f"anchor_{cluster.stage.id}"
                cluster.columns.append(_Column(anchor))
                cluster.nodes.append((anchor, {"style": "invis", "label": "", "width": "1.2", "height": "0.6"}))

        pain_home: dict[str, tuple[_Cluster, _Column]] = {}
        for cluster in self.clusters:
            home = cluster.columns[(len(cluster.columns) - 1) // 2]
            for pain in cluster.stage.pain_points:
                owner = touchpoint_stage.get(pain.touchpoint or "")
                target_cluster, column = (owner, columns[pain.touchpoint or ""]) if owner else (cluster, home)
                name = _pain_node(pain)
                target_cluster.nodes.append((name, self.pain_attributes(pain)))
                if owner:
                    previous = column.below[-1] if column.below else column.anchor
                    self.edge(
                        "pain",
                        name,
                        previous,
                        {"dir": "none", "color": PAIN_BORDER, "penwidth": "1.2", "class": "pain-point-link"},
                    )
                column.below.append(name)
                pain_home[pain.id] = (target_cluster, column)

        for cluster in self.clusters:
            home = cluster.columns[(len(cluster.columns) - 1) // 2]
            for opportunity in cluster.stage.opportunities:
                name = _opportunity_node(opportunity)
                addressed = [pain_home[ref] for ref in dict.fromkeys(opportunity.addresses) if ref in pain_home]
                local = [column for owner, column in addressed if owner is cluster]
                column = local[0] if local else home
                cluster.nodes.append((name, self.opportunity_attributes(opportunity)))
                column.below.append(name)
                for ref in dict.fromkeys(opportunity.addresses):
                    if ref not in pain_home:
                        continue
                    same_column = pain_home[ref][1] is column
                    attributes = {
                        "style": "dotted",
                        "color": OPPORTUNITY_BORDER,
                        "penwidth": "1.8",
                        "arrowhead": "none",
                        "class": "addresses",
                    }
                    if not same_column:
                        attributes["constraint"] = "false"
                    self.edge("addresses", name, f"pain_{ref}", attributes)

        self.rows = self.wrap()
        self.row_of = {
            column.anchor: index for index, row in enumerate(self.rows) for cluster in row for column in cluster.columns
        }
        self.flow_edges()

    def wrap(self) -> list[list[_Cluster]]:
        """The stages in rows: as many as asked, or as many as draw the map largest on a 16:9 slide.

        Why an estimate: the DOT must say where rows break before `dot` has measured anything, so
        the size of each choice comes from the boxes' lines of text (see the ESTIMATED_ constants).
        """
        heights = {
            name: _estimated_height(attributes) for cluster in self.clusters for name, attributes in cluster.nodes
        }
        widths = [len(cluster.columns) * ESTIMATED_COLUMN_WIDTH + ESTIMATED_STAGE_GAP for cluster in self.clusters]

        def row_height(row: list[int]) -> float:
            columns = [column for index in row for column in self.clusters[index].columns]
            above = max((heights[column.lost] + ESTIMATED_STACK_GAP if column.lost else 0.0) for column in columns)
            below = max(
                sum(heights[name] for name in [column.anchor, *column.below]) + ESTIMATED_STACK_GAP * len(column.below)
                for column in columns
            )
            return ESTIMATED_STAGE_LABEL_HEIGHT + above + below + ESTIMATED_ROW_GAP

        def slide_scale(split: list[list[int]]) -> float:
            width = max(ESTIMATED_HEADER_WIDTH, *(sum(widths[index] for index in row) for row in split))
            height = ESTIMATED_HEADER_HEIGHT + sum(row_height(row) for row in split)
            return min(SLIDE_ASPECT / width, 1 / height)

        if self.wanted_rows is not None:
            split = _split(widths, self.wanted_rows)
        else:
            columns = [len(cluster.columns) for cluster in self.clusters]
            splits = [_split(widths, count) for count in range(1, len(widths) + 1)]
            long_enough = [
                split
                for split in splits
                if len(split) == 1 or all(sum(columns[index] for index in row) >= MIN_ROW_COLUMNS for row in split)
            ]
            # The first of equally good choices wins: fewer rows.
            split = max(long_enough, key=slide_scale)
        return [[self.clusters[index] for index in row] for row in split]

    def flow_edges(self) -> None:
        """The journey flow, the edges that keep the listed order, and the drop-offs."""
        anchors = [column.anchor for cluster in self.clusters for column in cluster.columns]
        position = {name: index for index, name in enumerate(anchors)}
        forward_pairs: set[tuple[str, str]] = set()
        for tail, head in flow(self.journey):
            tail_name, head_name = touchpoint_node(tail.id), touchpoint_node(head.id)
            classes = ["flow"]
            attributes: dict[str, str] = {}
            # A switch only between two channels the map names: an unnamed channel is not a switch.
            if tail.channel and head.channel and tail.channel != head.channel:
                classes.append("channel-switch")
                # "Chat" then "→ Phone", each side wrapped on its own so neither is ever cut.
                switch = _lines(self.channels.get(tail.channel, tail.channel), EDGE_LABEL_WRAP, 2)
                switch += _lines("→ " + self.channels.get(head.channel, head.channel), EDGE_LABEL_WRAP, 2)
                attributes.update(
                    {
                        "style": "dashed",
                        "color": SWITCH_COLOR,
                        "fontcolor": SWITCH_COLOR,
                        "label": _HTML("<BR/>".join(_html(line) for line in switch)),
                    }
                )
            if len(tail.next or []) >= 2:
                classes.append("branch")
                attributes.update({"dir": "both", "arrowtail": "diamond", "penwidth": "2"})
            forward = position[head_name] > position[tail_name]
            if not forward:
                classes.append("loop-back")
                attributes["constraint"] = "false"
            elif self.row_of[tail_name] != self.row_of[head_name]:
                # From one row to the next: ranking it would pull the next row back into this one.
                attributes["constraint"] = "false"
            elif position[head_name] == position[tail_name] + 1:
                attributes["weight"] = "8"
                forward_pairs.add((tail_name, head_name))
            attributes["class"] = " ".join(classes)
            self.edge("flow", tail_name, head_name, attributes)
        # Invisible edges keep the listed order where the visible flow jumps or loops back, except
        # between options of one branch in one stage: those share a column, one below the other.
        alternatives = self.alternatives = self.parallel_alternatives()
        for tail_name, head_name in itertools.pairwise(anchors):
            if self.row_of[tail_name] != self.row_of[head_name]:
                continue  # Each row starts again on the left.
            if (tail_name, head_name) not in forward_pairs and (tail_name, head_name) not in alternatives:
                self.edges.append(_Edge(tail_name, head_name, {"style": "invis", "weight": "8"}))
        columns = {column.anchor: column for cluster in self.clusters for column in cluster.columns}
        for first, second in sorted(alternatives, key=lambda pair: position[pair[0]]):
            # The first option stays on the main line; the next one hangs below its notes.
            upper, lower = columns[first], columns[second]
            upper_bottom = upper.below[-1] if upper.below else upper.anchor
            self.edges.append(_Edge(lower.lost or lower.anchor, upper_bottom, {"style": "invis"}))
        for cluster in self.clusters:
            for column in cluster.columns:
                if column.lost:
                    self.edge(
                        "lost",
                        column.anchor,
                        column.lost,
                        {"color": LOST_COLOR, "penwidth": "2", "style": "dashed", "class": "drop-off"},
                    )

    def parallel_alternatives(self) -> set[tuple[str, str]]:
        """Pairs of touchpoints listed one after the other in a stage that are two options of a branch."""
        pairs: set[tuple[str, str]] = set()
        for cluster in self.clusters:
            touchpoints = cluster.stage.touchpoints
            for first, second in itertools.pairwise(touchpoints):
                if first.next is not None and second.id in first.next:
                    continue
                if any(
                    len(source.next or []) >= 2 and {first.id, second.id} <= set(source.next or [])
                    for _, source in self.journey.touchpoints()
                ):
                    pairs.add((touchpoint_node(first.id), touchpoint_node(second.id)))
        return pairs

    # Node attributes ---------------------------------------------------------------------------

    def touchpoint_attributes(self, touchpoint: Touchpoint) -> dict[str, str]:
        """A rounded box filled from the emotion score; a thick dark border for a moment of truth."""
        attributes = {
            "id": touchpoint_node(touchpoint.id),
            "class": "touchpoint" + (" moment-of-truth" if touchpoint.moment_of_truth else ""),
            "label": self.touchpoint_label(touchpoint),
            "fillcolor": emotion.fill(touchpoint.emotion, self.scale),
            "color": emotion.stroke(touchpoint.emotion, self.scale),
        }
        if touchpoint.moment_of_truth:
            attributes.update({"penwidth": "3.2", "color": MOMENT_OF_TRUTH_COLOR})
        return attributes

    def lost_attributes(self, touchpoint: Touchpoint) -> dict[str, str]:
        """A small dashed red box for the customers lost at a touchpoint."""
        return {
            "id": f"lost_{touchpoint.id}",
            "class": "drop-off",
            "label": self.lost_label(touchpoint),
            "style": "rounded,dashed,filled",
            "fillcolor": LOST_FILL,
            "color": LOST_COLOR,
            "width": "1.8",
        }

    def pain_attributes(self, pain: PainPoint) -> dict[str, str]:
        """A reddish note whose border thickens with severity."""
        return {
            "id": _pain_node(pain),
            "class": f"pain-point severity-{pain.severity or 'unstated'}",
            "label": self.pain_label(pain),
            "shape": "note",
            "style": "filled",
            "fillcolor": PAIN_FILL,
            "color": PAIN_BORDER,
            "penwidth": SEVERITY_PENWIDTH[pain.severity] if pain.severity else UNSTATED_PENWIDTH,
        }

    def opportunity_attributes(self, opportunity: Opportunity) -> dict[str, str]:
        """A greenish note."""
        return {
            "id": _opportunity_node(opportunity),
            "class": f"opportunity status-{opportunity.status or 'unstated'}",
            "label": self.opportunity_label(opportunity),
            "shape": "note",
            "style": "filled",
            "fillcolor": OPPORTUNITY_FILL,
            "color": OPPORTUNITY_BORDER,
        }

    # Output ------------------------------------------------------------------------------------

    def lines(
        self,
        graph_attributes: Mapping[str, str],
        node_attributes: Mapping[str, str],
        edge_attributes: Mapping[str, str],
    ) -> list[str]:
        """The DOT statements: defaults, header, one cluster per stage, then the edges."""
        out = ["digraph journey {"]
        out += _statements({**graph_attributes, "label": self.header_label()}, "  ")
        out.append(f"  node{_attributes(node_attributes)};")
        out.append(f"  edge{_attributes(edge_attributes)};")
        for cluster in self.clusters:
            stage = cluster.stage
            out.append(f"  subgraph {_quote('cluster_' + stage.id)} {{")
            out += _statements(
                {
                    "id": f"stage_{stage.id}",
                    "class": "stage",
                    "label": self.stage_label(cluster),
                    "style": "rounded,filled",
                    "fillcolor": STAGE_FILL,
                    "color": STAGE_BORDER,
                    "penwidth": "1.2",
                    "margin": "14",
                },
                "    ",
            )
            out += [f"    {_quote(name)}{_attributes(attributes)};" for name, attributes in cluster.nodes]
            for column in cluster.columns:
                stack = ([column.lost] if column.lost else []) + [column.anchor, *column.below]
                if len(stack) > 1:
                    out.append(f"    {{rank=same; {'; '.join(_quote(name) for name in stack)};}}")
            anchors = {column.anchor for column in cluster.columns}
            for first, second in sorted(self.alternatives):
                if first in anchors:
                    out.append(f"    {{rank=same; {_quote(first)}; {_quote(second)};}}")
            out.append("  }")
        out += self.row_lines()
        linked = {(edge.tail, edge.head) for edge in self.edges} | {(edge.head, edge.tail) for edge in self.edges}
        for cluster in self.clusters:
            for column in cluster.columns:
                stack = [column.anchor, *column.below]
                # In a left-to-right layout a flat edge puts its tail below its head: these keep each
                # column in order (touchpoint, pain points, opportunities) where no visible edge does.
                for upper, lower in itertools.pairwise(stack):
                    if (lower, upper) not in linked:
                        out.append(f'  {_quote(lower)} -> {_quote(upper)} [style="invis"];')
        out += [f"  {_quote(edge.tail)} -> {_quote(edge.head)}{_attributes(edge.attributes)};" for edge in self.edges]
        out.append("}")
        return out

    def row_lines(self) -> list[str]:
        """Stack the rows in reading order: an invisible node left of each row's first column.

        Why nodes outside the stages: Graphviz 2.43 orders one rank top to bottom by a flat edge
        between nodes outside clusters (it ignores one between two stages' touchpoints), drawing
        the tail above the head; the other edges between rows do not rank, so each row starts
        again at the left, next to its node.
        """
        if len(self.rows) < 2:
            return []
        names = [f"row_{number}" for number in range(1, len(self.rows) + 1)]
        out = [f"  {_quote(name)}{_attributes(ROW_NODE_ATTRIBUTES)};" for name in names]
        out.append(f"  {{rank=same; {'; '.join(_quote(name) for name in names)};}}")
        for name, row in zip(names, self.rows, strict=True):
            out.append(f'  {_quote(name)} -> {_quote(row[0].columns[0].anchor)} [style="invis", weight="8"];')
        out += [f'  {_quote(upper)} -> {_quote(lower)} [style="invis"];' for upper, lower in itertools.pairwise(names)]
        return out


def _statements(attributes: Mapping[str, str], indent: str) -> list[str]:
    return [
        f"{indent}{name}=<{value}>;" if isinstance(value, _HTML) else f"{indent}{name}={_quote(value)};"
        for name, value in attributes.items()
    ]


def _table(rows: Iterable[str], *, padding: int = 2, spacing: int = 0, border: str = 'BORDER="0"') -> str:
    return f'<TABLE {border} CELLBORDER="0" CELLSPACING="{spacing}" CELLPADDING="{padding}">{"".join(rows)}</TABLE>'


def _estimated_height(attributes: Mapping[str, str]) -> float:
    """A box's height in inches from its lines of text: its table rows and line breaks."""
    label = attributes.get("label", "")
    lines = label.count("<TR>") + label.count("<BR")
    return ESTIMATED_BOX_PADDING + ESTIMATED_LINE_HEIGHT * lines


def _split(widths: list[float], rows: int) -> list[list[int]]:
    """Indexes of consecutive items in `rows` rows of about equal width, none empty.

    Each row ends at the boundary nearest its share of the total width; on a tie the earlier row
    takes more, as lines of text do.
    """
    rows = max(1, min(rows, len(widths)))
    ends = list(itertools.accumulate(widths))
    bounds = [0]
    for row in range(1, rows):
        share = ends[-1] * row / rows
        # A row may end after its predecessor and must leave one item for each row still to come.
        choices = range(bounds[-1] + 1, len(widths) - (rows - row) + 1)
        bounds.append(min(choices, key=lambda bound: (round(abs(ends[bound - 1] - share), 6), -bound)))
    bounds.append(len(widths))
    return [list(range(start, end)) for start, end in itertools.pairwise(bounds)]


def _band_scores(index: int, journey: Journey) -> list[float]:
    """The whole scores of the scale that fall in a band (for the legend)."""
    scale = journey.emotion_scale
    low, high = math.ceil(scale.min), math.floor(scale.max)
    return [float(score) for score in range(low, high + 1) if emotion.band(score, scale) == index]


# ---------------------------------------------------------------------------------------------
# Public renderers
# ---------------------------------------------------------------------------------------------


def render_dot(
    journey: Journey,
    options: RenderOptions,
    *,
    graph_attributes: Mapping[str, str] | None = None,
    node_attributes: Mapping[str, str] | None = None,
    edge_attributes: Mapping[str, str] | None = None,
    rows: int | None = None,
) -> str:
    """Write the journey flow as Graphviz DOT source.

    The module's GRAPH_ATTRIBUTES, NODE_ATTRIBUTES and EDGE_ATTRIBUTES are the defaults; a call may
    override any of them (erdantic's habit), e.g. `graph_attributes={"ranksep": "0.8"}`. `rows`
    (default ROWS) is how many rows of stages the flow wraps into; None chooses it from the map.
    """
    del options  # The flow needs nothing beyond the map; the parameter keeps the registry's signature.
    builder = _Builder(journey, ROWS if rows is None else rows)
    builder.build()
    lines = builder.lines(
        {**GRAPH_ATTRIBUTES, **(graph_attributes or {})},
        {**NODE_ATTRIBUTES, **(node_attributes or {})},
        {**EDGE_ATTRIBUTES, **(edge_attributes or {})},
    )
    return "\n".join(lines) + "\n"


def render_svg(
    journey: Journey,
    options: RenderOptions,
    *,
    graph_attributes: Mapping[str, str] | None = None,
    node_attributes: Mapping[str, str] | None = None,
    edge_attributes: Mapping[str, str] | None = None,
    rows: int | None = None,
) -> bytes:
    """Draw the journey flow as an SVG ready to embed: scalable, titled, with ids unique to the map.

    Raises RenderError CJM401 when Graphviz is not installed, CJM402 when `dot` fails or times out.
    """
    source = render_dot(
        journey,
        options,
        graph_attributes=graph_attributes,
        node_attributes=node_attributes,
        edge_attributes=edge_attributes,
        rows=rows,
    )
    return polish_svg(_run_dot(source, ["-Tsvg"], options.dot_timeout), journey)


def render_png(
    journey: Journey,
    options: RenderOptions,
    *,
    graph_attributes: Mapping[str, str] | None = None,
    node_attributes: Mapping[str, str] | None = None,
    edge_attributes: Mapping[str, str] | None = None,
    rows: int | None = None,
) -> bytes:
    """Draw the journey flow as a PNG at least PNG_MIN_WIDTH pixels wide, for slides.

    Why two runs of `dot`: the resolution that gives the width depends on the layout's size,
    which only `dot` knows; the first run returns just that size (`-Tplain`).
    """
    source = render_dot(
        journey,
        options,
        graph_attributes=graph_attributes,
        node_attributes=node_attributes,
        edge_attributes=edge_attributes,
        rows=rows,
    )
    deadline = time.monotonic() + options.dot_timeout
    plain = _run_dot(source, ["-Tplain"], options.dot_timeout).decode("utf-8", "replace")
    dpi = png_dpi(_plain_width(plain))
    # Both runs share the one timeout; a nearly spent budget still fails as a timeout.
    remaining = max(deadline - time.monotonic(), 0.001)
    return _run_dot(source, ["-Tpng", f"-Gdpi={dpi}"], remaining)


def png_dpi(width_inches: float) -> int:
    """The resolution that makes a drawing this wide at least PNG_MIN_WIDTH pixels wide."""
    if width_inches <= 0:
        return PNG_MAX_DPI
    return max(PNG_MIN_DPI, min(PNG_MAX_DPI, math.ceil(PNG_MIN_WIDTH / width_inches)))


def _plain_width(plain: str) -> float:
    """The drawing's width in inches, from the first line of `dot -Tplain` (`graph scale width height`)."""
    first = plain.split("\n", 1)[0].split()
    try:
        return float(first[2]) if len(first) >= 4 and first[0] == "graph" else 0.0
    except ValueError:
        return 0.0


_DOT_HINT = (
    "check that `dot -V` works; a very large map may need a longer timeout, and html and md still work without it"
)


def _run_dot(source: str, arguments: list[str], timeout: float) -> bytes:
    """Run the real Graphviz `dot` on DOT source and return what it writes, or raise RenderError."""
    executable = shutil.which("dot")
    if executable is None:
        raise RenderError(
            "CJM401",
            "Graphviz `dot` is not installed, so svg and png cannot be drawn",
            "install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz); "
            "html and md still work without it",
        )
    try:
        completed = subprocess.run(
            [executable, *arguments],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError("CJM402", f"Graphviz `dot` did not finish within {timeout:g} s", _DOT_HINT) from None
    except OSError as error:
        raise RenderError("CJM402", f"Graphviz `dot` could not be started: {error.strerror}", _DOT_HINT) from None
    if completed.returncode != 0 or not completed.stdout:
        reason = _first_error(completed.stderr.decode("utf-8", "replace")) or f"exit status {completed.returncode}"
        raise RenderError("CJM402", f"Graphviz `dot` failed: {reason}", _DOT_HINT)
    output: bytes = completed.stdout
    return output


def _first_error(stderr: str) -> str:
    """The line of dot's messages that says what went wrong: the first error, else the first line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith("error")]
    return (errors or lines or [""])[0]


# ---------------------------------------------------------------------------------------------
# SVG post-processing
# ---------------------------------------------------------------------------------------------

_URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")


def svg_id_prefix(journey: Journey) -> str:
    """The prefix of every id in the map's SVG, so two maps inlined in one page never collide."""
    return f"cjm-{slugify(journey.title)}-"


def polish_svg(raw: bytes, journey: Journey) -> bytes:
    """Make dot's SVG embeddable: accessible title and description, prefixed ids, nothing external.

    Why each step: the DOCTYPE points at an external DTD and the comments carry Graphviz's
    version (not deterministic across machines); `role="img"` with `<title>`/`<desc>` is what
    screen readers announce; ids like `node1` collide when two maps are inlined in one page.
    The intrinsic size (in pt) stays with the viewBox, so `<img>` keeps a natural size and CSS
    `max-width: 100%; height: auto` scales it.
    """
    root = ET.fromstring(raw)  # Comments and the DOCTYPE are dropped by the parser.
    prefix = svg_id_prefix(journey)
    ids = {element.get("id", "") for element in root.iter()} - {""}
    uses_xlink = False
    for element in root.iter():
        # Plain tag names, with the namespace declared once on the root: ElementTree would
        # otherwise invent `ns0:` prefixes.
        element.tag = element.tag.rpartition("}")[2]
        attributes: dict[str, str] = {}
        for name, value in element.attrib.items():
            if name.startswith(f"{{{_XLINK_NAMESPACE}}}"):
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
    declared = {"xmlns": SVG_NAMESPACE} | ({"xmlns:xlink": _XLINK_NAMESPACE} if uses_xlink else {})
    sizes = {name: root.attrib.pop(name) for name in ("width", "height", "viewBox") if name in root.attrib}
    if "viewBox" not in sizes:
        sizes["viewBox"] = f"0 0 {_points(sizes.get('width', '0')):g} {_points(sizes.get('height', '0')):g}"
    accessible = {"role": "img", "aria-labelledby": f"{prefix}title {prefix}desc"}
    others = dict(root.attrib)
    root.attrib.clear()
    root.attrib.update(declared | sizes | accessible | others)
    title = ET.Element("title", {"id": f"{prefix}title"})
    title.text = _clean(journey.title)
    title.tail = "\n"
    description = ET.Element("desc", {"id": f"{prefix}desc"})
    description.text = _clean(_description(journey))
    description.tail = "\n"
    root.insert(0, description)
    root.insert(0, title)
    root.text = "\n"
    graph_title = root.find("g/title")
    if graph_title is not None:
        graph_title.text = _clean(journey.title)
    text: str = ET.tostring(root, encoding="unicode")
    return (text.rstrip("\n") + "\n").encode("utf-8")


_XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"


def _points(value: str) -> float:
    match = re.match(r"\s*([0-9.]+)", value)
    return float(match.group(1)) if match else 0.0


def _description(journey: Journey) -> str:
    """The SVG's `<desc>`: who the map follows and why it exists, in the map's language."""
    text = messages(journey.locale)
    colon = formatting.colon(journey.locale) + " "
    parts = [text["field.type"] + colon + text[f"type.{journey.type}"]] if journey.type else []
    if journey.persona is not None:
        persona = journey.persona
        parts.append(
            text["heading.persona"]
            + colon
            + persona.name
            + (f" — {persona.description}" if persona.description else "")
        )
    if journey.objective:
        parts.append(text["heading.objective"] + colon + journey.objective)
    return ". ".join(part.rstrip(". ") for part in parts) + "."
