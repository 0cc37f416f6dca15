"""Every text colour of the pictures against every fill it is drawn on: WCAG AA (4.5:1)."""

from __future__ import annotations

import pytest

from cjm.emotion import FILLS
from cjm.renderers import style


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


PAIRS = [
    *[(ink, fill) for ink in (style.INK, style.MUTED) for fill in (style.BACKGROUND, style.BAND_FILL, *FILLS)],
    *[(ink, fill) for ink in (style.INK, style.MUTED, style.PAIN_INK) for fill in (style.PAIN_FILL,)],
    *[(ink, style.OPPORTUNITY_FILL) for ink in (style.INK, style.OPPORTUNITY_INK)],
    *[(ink, style.KPI_FILL) for ink in (style.INK, style.ON_TARGET, style.OFF_TARGET)],
    (style.HEADER_INK, style.HEADER_FILL),
    (style.HEADER_FILL, style.CHIP_FILL),
    (style.LOW_POINT, style.BACKGROUND),
    (style.LOW_POINT, style.BAND_FILL),
    (style.MOMENT_OF_TRUTH, style.BACKGROUND),
    (style.MOMENT_OF_TRUTH, style.BAND_FILL),
    *style.SEVERITY_BADGES.values(),
]


@pytest.mark.parametrize(("ink", "fill"), PAIRS)
def test_text_colours_meet_wcag_aa(ink: str, fill: str) -> None:
    assert contrast(ink, fill) >= 4.5


def test_the_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") < 4.5


def test_font_stack_ends_with_generic_sans_serif() -> None:
    assert style.FONT_FAMILY.startswith("'DejaVu Sans'") and style.FONT_FAMILY.endswith("sans-serif")
    assert style.SIZE_SMALL >= 9 and style.SLIDE_MIN_SIZE * 960 / style.SLIDE_WIDTH >= 8
