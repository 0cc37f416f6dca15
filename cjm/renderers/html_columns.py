"""How wide the HTML page's stage columns must be so that no word is broken in the middle, and the paper size.

Why measured here: the grid's columns are equal (the emotional curve places its points at the
column centres, in percentages of the row), so the browser cannot widen one column for a long word;
a column narrower than a word breaks it mid-word ("Emménagemen/t"). The page therefore gives every
stage column a minimum width that holds the longest word of the grid, measured with DejaVu Sans
(`cjm.renderers.font`: wider than the fonts a browser falls back to, so a word measured with it fits
any of them). The grid scrolls sideways inside its own box when the window is narrower, lane labels
staying in view. Widths are in em of the grid's font, so the same numbers hold on screen (13 px)
and on paper (7.5 pt), where they choose A4 or A3 landscape.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from cjm.model import Journey
from cjm.renderers import RenderError
from cjm.renderers.font import text_width, words

# The grid's font size on screen, in CSS pixels (the stylesheet's `table.journey` font-size).
GRID_FONT_PX = 13.0
# Stage names are set 1.08 times larger and bold, with 8 px of padding each side and a 1 px rule.
HEADER_SCALE = 1.08
HEADER_EXTRA_PX = 17.0
# Text in a cell sits inside the cell's padding (2 × 8 px) and, by kind, a bullet's indent (12 px), a
# thought's bubble (2 × 8 px + borders) or a card's padding and borders (2 × 7 px, a 4 px accent
# border on pain points and opportunities); each has 2 px of rounding margin.
PLAIN_EXTRA_PX = 18.0
LIST_EXTRA_PX = 30.0
BUBBLE_EXTRA_PX = 36.0
CARD_EXTRA_PX = 34.0
CELL_EXTRA_PX = 38.0
# A column is never narrower than this (cards need room), and a word longer than the widest
# column (a URL, an id pasted as text) may break: a wider column would push the rest off screen.
STAGE_MIN_PX = 140.0
STAGE_MAX_PX = 240.0
# When DejaVu Sans is missing (an HTML-only build), a word is taken as this many em per character:
# DejaVu Sans Bold's widest lowercase letters, so the estimate errs on the wide side.
FALLBACK_EM_PER_CHARACTER = 0.72

# Paper: the usable width of a landscape page with the stylesheet's 10 mm margins, in mm, the
# lane label column's printed width, and the printed grid font (7.5 pt) in mm per em.
A4_LANDSCAPE_MM = 277.0
A3_LANDSCAPE_MM = 400.0
PRINT_LANE_MM = 24.0
PRINT_FONT_PT = 7.5
PRINT_EM_MM = PRINT_FONT_PT * 25.4 / 72
# Printed type may shrink to this share of 7.5 pt to keep a grid on A4 (6.4 pt), and to the
# smaller share on A3 (4.5 pt, read up close); a grid wider still has its longest words broken.
A4_LEAST_SCALE = 0.85
A3_LEAST_SCALE = 0.6


def _width(text: str, size: float, bold: bool) -> float:
    """A word's width in CSS pixels at a font size, measured with DejaVu Sans (estimated when it is missing)."""
    try:
        return text_width(text, size, bold)
    except RenderError:
        return len(text) * size * FALLBACK_EM_PER_CHARACTER


# A line may end after a hyphen or a slash (Unicode line breaking, UAX #14): "rendez-vous" is two pieces.
PIECES = re.compile(r"[^-/\u2010]*[-/\u2010]*")


def _longest(texts: Iterable[str], size: float, bold: bool) -> float:
    """The widest piece of a word that a browser keeps on one line, in CSS pixels (0 when there is none)."""
    return max(
        (_width(piece, size, bold) for text in texts for word in words(text) for piece in PIECES.findall(word)),
        default=0.0,
    )


def _cell_texts(journey: Journey) -> Iterable[tuple[float, Iterable[str]]]:
    """Every text the grid's cells show in running type, with the room around it in its cell (CSS px)."""
    stages = journey.stages
    yield (
        PLAIN_EXTRA_PX,
        (text for stage in stages for text in (stage.goal, stage.business_goal, stage.duration) if text),
    )
    for stage in stages:
        yield LIST_EXTRA_PX, [*stage.actions, *stage.frontstage, *stage.backstage, *stage.support]
        yield LIST_EXTRA_PX, stage.physical_evidence
        yield BUBBLE_EXTRA_PX, stage.thoughts
        yield CELL_EXTRA_PX, (touchpoint.description or "" for touchpoint in stage.touchpoints)
        yield CELL_EXTRA_PX, (pain.text for pain in stage.pain_points)
        yield CELL_EXTRA_PX, (opportunity.text for opportunity in stage.opportunities)
        yield CELL_EXTRA_PX, (quote.text for quote in stage.quotes)
        yield CELL_EXTRA_PX, (kpi.name for kpi in stage.kpis)


def stage_min_em(journey: Journey) -> float:
    """The least width of a stage column, in em of the grid's font: its longest word fits on one line.

    Stage names are measured bold at the header's size, touchpoint names bold, the rest regular.
    Between STAGE_MIN_PX and STAGE_MAX_PX (at 13 px), rounded up to a tenth of an em.
    """
    header = _longest((stage.name for stage in journey.stages), GRID_FONT_PX * HEADER_SCALE, bold=True)
    names = _longest((t.name for _, t in journey.touchpoints()), GRID_FONT_PX, bold=True)
    needed = max(STAGE_MIN_PX, header + HEADER_EXTRA_PX, names + CARD_EXTRA_PX)
    for extra, texts in _cell_texts(journey):
        needed = max(needed, _longest(texts, GRID_FONT_PX, bold=False) + extra)
    return math.ceil(min(needed, STAGE_MAX_PX) / GRID_FONT_PX * 10) / 10


def print_layout(stages: int, stage_em: float) -> tuple[str, str]:
    """The CSS `@page` size the grid prints on, and its printed font size (CSS, in pt: 7.5 pt or less).

    A4 landscape when the grid's columns fit it with type at least A4_LEAST_SCALE of 7.5 pt, else A3
    landscape with type shrunk as needed down to A3_LEAST_SCALE: the whole grid is on the page, not
    cut at its right edge (a browser's own print scaling only goes so far). Scale rounded down to 0.01.
    """
    needed = PRINT_LANE_MM + stages * stage_em * PRINT_EM_MM
    if needed * A4_LEAST_SCALE <= A4_LANDSCAPE_MM:
        size, scale = "A4 landscape", min(1.0, A4_LANDSCAPE_MM / needed)
    else:
        size, scale = "A3 landscape", max(A3_LEAST_SCALE, min(1.0, A3_LANDSCAPE_MM / needed))
    return size, f"{PRINT_FONT_PT * math.floor(scale * 100) / 100:g}pt"
