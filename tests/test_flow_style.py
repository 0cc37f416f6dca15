"""cjm.renderers.flow_style: every text colour pair of the flow meets WCAG AA."""

from __future__ import annotations

import pytest

from cjm.renderers import flow_style as style


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("text", "background"), style.TEXT_PAIRS)
def test_text_pairs_meet_wcag_aa(text: str, background: str) -> None:
    assert contrast(text, background) >= 4.5


def test_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert contrast("#e66101", "#fde0c2") < 3  # A score in its band's tint: what the flow no longer draws.
