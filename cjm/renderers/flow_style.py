"""How the touchpoint flow looks: fonts, colours, sizes and Graphviz defaults, in one place.

Every text colour here is dark enough for WCAG AA (4.5:1) on every fill it is drawn on
(`TEXT_PAIRS`, checked by a test): the emotion band is carried by the box's fill and border and by
its symbol, never by tinted text.
"""

from __future__ import annotations

from cjm import emotion

# Fonts: DejaVu Sans ships with every Debian/Ubuntu Graphviz; the fallbacks keep similar metrics
# where it is missing (a browser on macOS or Windows showing the SVG), ending in a generic family.
FONT_FAMILIES = ("DejaVu Sans", "Verdana", "sans-serif")
FONT_NAME = ",".join(FONT_FAMILIES)
FONT_SIZE = 11
SMALL_FONT_SIZE = 9.5
STAGE_FONT_SIZE = 14
TITLE_FONT_SIZE = 22

# Colours beyond the emotion palette (cjm.emotion). Hues the palette does not use, so a pain point
# never reads as a low emotion and a switch never reads as a score.
TEXT_COLOR = "#1f1f1f"
MUTED_COLOR = "#4a4a4a"
BACKGROUND_COLOR = "#ffffff"
STAGE_FILL = "#f7f7f5"
STAGE_BORDER = "#b8b8b3"
STAGE_NUMBER_FILL = "#3b3b3b"
FLOW_COLOR = "#4d4d4d"
QUIET_COLOR = "#767676"
SWITCH_COLOR = "#6a1b9a"
LOST_COLOR = "#a3162a"
LOST_FILL = "#fff5f5"
PAIN_TEXT = "#a1281c"
PAIN_BORDER = "#c0392b"
PAIN_FILL = "#fde8e4"
OPPORTUNITY_TEXT = "#1b6a33"
OPPORTUNITY_BORDER = "#1b7837"
OPPORTUNITY_FILL = "#e4f2e1"
MOMENT_OF_TRUTH_COLOR = "#111111"

# (text colour, background) pairs the labels use: every one meets 4.5:1.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    *((color, fill) for color in (TEXT_COLOR, MUTED_COLOR) for fill in (*emotion.FILLS, emotion.NO_SCORE_FILL)),
    *((color, fill) for color in (TEXT_COLOR, MUTED_COLOR) for fill in (STAGE_FILL, BACKGROUND_COLOR)),
    (BACKGROUND_COLOR, STAGE_NUMBER_FILL),
    *((color, BACKGROUND_COLOR) for color in (FLOW_COLOR, QUIET_COLOR, PAIN_BORDER, OPPORTUNITY_BORDER, LOST_COLOR)),
    (SWITCH_COLOR, BACKGROUND_COLOR),
    (SWITCH_COLOR, STAGE_FILL),
    (LOST_COLOR, LOST_FILL),
    (TEXT_COLOR, LOST_FILL),
    (PAIN_TEXT, PAIN_FILL),
    (TEXT_COLOR, PAIN_FILL),
    (OPPORTUNITY_TEXT, OPPORTUNITY_FILL),
    (TEXT_COLOR, OPPORTUNITY_FILL),
    (MUTED_COLOR, OPPORTUNITY_FILL),
)

# Text wrapping, in characters, and the most lines a box may take before the text is cut with "…".
NAME_WRAP = 24
NOTE_WRAP = 32
LOST_WRAP = 26
HEADER_WRAP = 80
EDGE_LABEL_WRAP = 24
MAX_LINES = 8
# Stage names are wrapped by width, in points at STAGE_FONT_SIZE bold: narrower than the header and
# legend above the bands (so a name never widens the picture), wide enough for most names on one line.
STAGE_NAME_WIDTH = 430.0
STAGE_NAME_LINES = 3
# The title is wrapped by width too, to about the legend's width below it.
TITLE_WIDTH = 880.0
TITLE_LINES = 2

# Notes (pain points, opportunities) beside one touchpoint before they continue on a row below.
NOTES_PER_ROW = 2

SEVERITY_PENWIDTH = {"low": "1", "medium": "1.5", "high": "2.2", "critical": "3"}
SEVERITY_DOTS = {"low": 1, "medium": 2, "high": 3, "critical": 4}

GRAPH_ATTRIBUTES: dict[str, str] = {
    "rankdir": "TB",
    "newrank": "true",
    "compound": "true",
    "nodesep": "0.25",
    "ranksep": "0.35",
    "pad": "0.3",
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
    "margin": "0.1,0.06",
    "penwidth": "1.3",
    "width": "2.2",
}
EDGE_ATTRIBUTES: dict[str, str] = {
    "fontname": FONT_NAME,
    "fontsize": str(SMALL_FONT_SIZE),
    "fontcolor": TEXT_COLOR,
    "color": FLOW_COLOR,
    "penwidth": "1.4",
    "arrowsize": "0.75",
}

# Edge styles by kind of step (flow_graph.FlowEdge.kind): a step with the author's reason is the
# one the map was drawn for, so it stands out; an unexplained change of channel is routine.
EDGE_STYLES: dict[str, dict[str, str]] = {
    "flow": {},
    "channel-change": {"color": QUIET_COLOR, "penwidth": "1.1"},
    "switch": {"color": SWITCH_COLOR, "penwidth": "3", "fontcolor": SWITCH_COLOR, "arrowsize": "1"},
    "loop-back": {"style": "dashed", "color": FLOW_COLOR, "constraint": "false"},
}
BRANCH_STYLE = {"dir": "both", "arrowtail": "diamond"}
LOST_EDGE_STYLE = {"color": LOST_COLOR, "penwidth": "2", "style": "dashed", "dir": "back"}
PAIN_LINK_STYLE = {"dir": "none", "color": PAIN_BORDER, "penwidth": "1.2"}
ADDRESS_LINK_STYLE = {"style": "dotted", "color": OPPORTUNITY_BORDER, "penwidth": "1.8", "dir": "none"}

STAGE_STYLE = {
    "style": "rounded,filled",
    "fillcolor": STAGE_FILL,
    "color": STAGE_BORDER,
    "penwidth": "1.2",
    "margin": "12",
}
ALTERNATIVES_STYLE = {"style": "rounded,dashed", "color": STAGE_BORDER, "penwidth": "1", "margin": "8"}
LOST_STYLE = {"style": "rounded,dashed,filled", "fillcolor": LOST_FILL, "color": LOST_COLOR, "width": "1.6"}
PAIN_STYLE = {"shape": "note", "style": "filled", "fillcolor": PAIN_FILL, "color": PAIN_BORDER, "width": "2.4"}
OPPORTUNITY_STYLE = {
    "shape": "note",
    "style": "filled",
    "fillcolor": OPPORTUNITY_FILL,
    "color": OPPORTUNITY_BORDER,
    "width": "2.4",
}
MOMENT_OF_TRUTH_STYLE = {"penwidth": "3.2", "color": MOMENT_OF_TRUTH_COLOR}
ANCHOR_STYLE = {"style": "invis", "label": "", "width": "0.3", "height": "0.3"}

# Symbols that only repeat what a word next to them says: hidden from screen readers in the SVG.
DECORATIVE_SYMBOLS = frozenset("▼▲●★⚠✚✕◆○─╌┈▶→ ")
