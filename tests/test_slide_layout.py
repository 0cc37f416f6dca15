"""The slide's parts stay inside 1920 × 1080 and apart; the lowest moment's label keeps off the curve."""

from __future__ import annotations

import itertools

import pytest

from cjm import load
from cjm.renderers.slide_layout import PLOT_BOTTOM, PLOT_TOP, layout_slide, sample
from tests.conftest import EXAMPLES
from tests.journeys import journey


@pytest.mark.parametrize("source", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_panels_fit_the_slide_side_by_side(source: object) -> None:
    layout = layout_slide(load(source))  # type: ignore[arg-type]
    for panel in layout.panels:
        assert panel.y > PLOT_BOTTOM and panel.y + panel.height <= layout.legend.y
    for first, second in itertools.pairwise(layout.panels):
        assert first.x + first.width < second.x
    assert layout.legend.y + layout.legend.height <= 1080


@pytest.mark.parametrize("source", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_the_callout_covers_no_point_of_the_curve(source: object) -> None:
    layout = layout_slide(load(source))  # type: ignore[arg-type]
    callout, curve = layout.callout, layout.curve
    assert callout is not None and curve is not None
    assert callout.y >= PLOT_TOP - 30 and callout.y + callout.height <= PLOT_BOTTOM + 30
    for point in curve.points:
        assert not (
            callout.x <= point.x <= callout.x + callout.width and callout.y <= point.y <= callout.y + callout.height
        )


def test_samples_follow_the_path() -> None:
    layout = layout_slide(journey(3))
    assert layout.curve is not None
    found = sample(layout.curve.path, steps=4)
    assert len(found) == 5 * len(layout.curve.path)
    assert found[0] == (layout.curve.points[0].x, layout.curve.points[0].y)
