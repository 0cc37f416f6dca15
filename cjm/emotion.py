"""How emotion scores look: bands, colours, symbols and words, shared by every renderer.

Why one module: the SVG, the HTML curve, the Markdown report and the Mermaid block must show
the same score the same way, on any scale (1..5, -2..2, 0..10).
"""

from __future__ import annotations

from cjm.model import EmotionScale

# A diverging palette that stays readable for colour-blind readers (ColorBrewer RdYlBu, 5 classes),
# from the worst band to the best. Strokes carry the hue; fills are light so dark text keeps AA contrast.
STROKES = ("#b2182b", "#e66101", "#6b6b6b", "#2b83ba", "#1a5e8c")
FILLS = ("#f8d0d0", "#fde0c2", "#eeeeee", "#d3e6f5", "#b7d4ec")
SYMBOLS = ("▼▼", "▼", "●", "▲", "▲▲")
NO_SCORE_FILL = "#ffffff"
NO_SCORE_STROKE = "#9e9e9e"


def band(score: float, scale: EmotionScale) -> int:
    """The score's band from 0 (worst) to 4 (best); the neutral score is band 2.

    Why bands around `neutral`: a scale may be lopsided (neutral 0 on -2..4), and "below
    neutral" must always read as negative.
    """
    if score == scale.neutral:
        return 2
    if score < scale.neutral:
        span = scale.neutral - scale.min
        return 0 if span <= 0 or (scale.neutral - score) / span > 0.5 else 1
    span = scale.max - scale.neutral
    return 4 if span <= 0 or (score - scale.neutral) / span > 0.5 else 3


def fill(score: float | None, scale: EmotionScale) -> str:
    """Background colour for a score (light, so dark text on it stays readable)."""
    return NO_SCORE_FILL if score is None else FILLS[band(score, scale)]


def stroke(score: float | None, scale: EmotionScale) -> str:
    """Line or border colour for a score (saturated)."""
    return NO_SCORE_STROKE if score is None else STROKES[band(score, scale)]


def symbol(score: float | None, scale: EmotionScale) -> str:
    """A shape that tells the band without colour: ▼▼ ▼ ● ▲ ▲▲."""
    return "–" if score is None else SYMBOLS[band(score, scale)]


def format_score(score: float | None, locale: str = "en") -> str:
    """A score as people write it: 3, -1, 2.5 (no trailing .0), in the locale's way (`cjm.formatting`)."""
    from cjm import formatting

    return formatting.score(score, locale)


def label(score: float | None, scale: EmotionScale) -> str | None:
    """The scale's word for a score: the label of the nearest labelled score, if any."""
    if score is None or not scale.labels:
        return None
    nearest = min(scale.labels, key=lambda key: (abs(key - score), key))
    return scale.labels[nearest]


def to_five(score: float, scale: EmotionScale) -> int:
    """The score mapped onto Mermaid's 1..5 journey scale, keeping neutral at 3.

    Rounded halves up (`cjm.formatting.half_up`): 1.5 → 2, 2.5 → 3, 3.5 → 4, 4.5 → 5, so scores
    equally far apart stay apart.
    """
    from cjm.formatting import half_up

    if score <= scale.neutral:
        span = scale.neutral - scale.min
        position = 0.0 if span <= 0 else (score - scale.neutral) / span
    else:
        span = scale.max - scale.neutral
        position = 0.0 if span <= 0 else (score - scale.neutral) / span
    return max(1, min(5, int(half_up(3 + 2 * position))))
