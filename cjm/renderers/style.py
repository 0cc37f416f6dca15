"""How the map and slide views look: font stack, sizes, spacing and colours. No layout, no markup.

Why one module: a docs site restyles the pictures through the CSS classes of the styling
contract, and a designer tuning the defaults should find every number in one place. Every text
colour here is checked in the tests against the fill it is drawn on (WCAG AA, 4.5:1), and the
emotion colours come from `cjm.emotion`, shared with the HTML page and the flow view.
"""

from __future__ import annotations

# DejaVu Sans first: the layout is measured with its metrics (cjm.renderers.font), and the common
# fallbacks (Liberation Sans, Arial, Helvetica: about 13 % narrower) are narrower, so measured text never
# overflows; Verdana, as wide as DejaVu Sans or wider, is left out; generic sans-serif last.
FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"

# Map view, in SVG user units: a map of up to STAGES_PER_ROW stages is MAP_WIDTH wide, so shown
# 1000 px wide one unit is one pixel and the smallest text (SIZE_SMALL) is 9.5 px high.
MAP_WIDTH = 1000.0
STAGES_PER_ROW = 8
MARGIN = 16.0
LANE_LABEL_WIDTH = 94.0
CELL_PADDING = 6.0
# Space above the first and below the last line inside a framed card (touchpoint, pain point…).
CARD_INSET = 4.0
GAP = 5.0
# Lines 1.2 em apart: DejaVu Sans's glyphs span 1.164 em (ascent 0.928, descent 0.236), so lines
# never touch, and a dense map keeps about a tenth of its height compared with 1.3.
LINE_HEIGHT = 1.2

SIZE_TITLE = 22.0
SIZE_HEADING = 12.5
SIZE_STAGE = 12.0
SIZE_BODY = 10.5
SIZE_SMALL = 9.5
SIZE_LANE = 10.0

# Slide view: a 16:9 picture; shown 960 px wide one unit is half a pixel, so SLIDE_MIN_SIZE is 8 px.
SLIDE_WIDTH = 1920.0
SLIDE_HEIGHT = 1080.0
SLIDE_MARGIN = 56.0
SLIDE_MIN_SIZE = 17.0

# Colours. Text colours keep at least 4.5:1 against the fill they are drawn on.
BACKGROUND = "#ffffff"
INK = "#1f2328"
MUTED = "#4b5563"
RULE = "#c9d1d9"
GRID = "#e5e9ef"
BAND_FILL = "#f6f8fa"
HEADER_FILL = "#1f3a5f"
HEADER_INK = "#ffffff"
CHIP_FILL = "#ffffff"
PAIN_INK = "#9b1c1c"
PAIN_FILL = "#fdf0ef"
PAIN_ACCENT = "#c0262d"
OPPORTUNITY_INK = "#11602a"
OPPORTUNITY_FILL = "#eef8f0"
OPPORTUNITY_ACCENT = "#2e8540"
KPI_FILL = "#f3f5f8"
ON_TARGET = "#11602a"
OFF_TARGET = "#9b1c1c"
VISIBILITY = "#5b6b7f"
BASELINE_CURVE = "#5b6b7f"
CURVE = "#1f3a5f"
MOMENT_OF_TRUTH = "#7a4d00"
MOMENT_OF_TRUTH_FILL = "#f5b700"
LOW_POINT = "#b2182b"
# A switch with its reason (`next: [{to: …, label: …}]`): the step a map is often drawn for.
SWITCH = "#5b2a86"

# Severity badges: text on fill, heaviest first; the word is always written, colour only adds to it.
SEVERITY_BADGES: dict[str, tuple[str, str]] = {
    "critical": ("#ffffff", "#a4161a"),
    "high": ("#ffffff", "#c2410c"),
    "medium": ("#7c2d12", "#fde4cf"),
    "low": ("#374151", "#e5e7eb"),
}
# Border width of a pain point card by severity: critical and high stand out, the rest is quieter.
SEVERITY_STROKE: dict[str, float] = {"critical": 2.0, "high": 1.5, "medium": 0.8, "low": 0.8}
