"""The slide view: a 16:9 one-slide summary of a map as SVG (`<stem>.slide.svg`) and PNG (`<stem>.slide.png`).

Draws a `SlideLayout` (cjm.renderers.slide_layout) with the map view's styling contract
(`cjm-stage`, `cjm-curve`, `cjm-low-point`, `cjm-moment-of-truth`, `cjm-pain`, `cjm-opportunity`).
"""

from __future__ import annotations

from cjm.model import Journey
from cjm.renderers import RenderOptions, style
from cjm.renderers.slide_layout import (
    AXIS_WIDTH,
    PLOT_BOTTOM,
    PLOT_TOP,
    SMALL,
    STRIP_HEIGHT,
    STRIP_TOP,
    M,
    SlideLayout,
    layout_slide,
)
from cjm.renderers.svg_writer import card, curve_group, decoration, document, legend, text


def render_svg(journey: Journey, options: RenderOptions) -> str:
    """The slide view of a journey as an SVG document (text)."""
    return write_slide(layout_slide(journey, options.stem, options.baseline))


def render_png(journey: Journey, options: RenderOptions) -> bytes:
    """The slide view rasterised from the same SVG (3840 × 2160 px)."""
    from cjm.renderers.raster import rasterise

    return rasterise(render_svg(journey, options), options.raster_timeout)


def write_slide(layout: SlideLayout) -> str:
    """The SVG text of a placed slide."""
    body = ['<g class="cjm-context">', text(layout.heading)]
    if layout.subtitle is not None:
        body.append(text(layout.subtitle))
    body.append("</g>")
    left, right = M + AXIS_WIDTH, layout.width - M
    if layout.curve is None:
        # A map without scores: a strip of numbered steps, no empty chart.
        for number, (label, column) in enumerate(zip(layout.stage_labels, layout.columns, strict=True), start=1):
            step = decoration(
                "rect",
                class_="cjm-box",
                x=column.x + 4,
                y=STRIP_TOP,
                width=column.width - 8,
                height=STRIP_HEIGHT,
                rx="10",
                fill=style.HEADER_FILL,
            )
            body.append(f'<g class="cjm-stage" data-stage="{number}">{step}{text(label)}</g>')
    else:
        body.append(
            decoration(
                "rect",
                x=left,
                y=PLOT_TOP - 28,
                width=right - left,
                height=PLOT_BOTTOM - PLOT_TOP + 56,
                rx="8",
                fill=style.BAND_FILL,
            )
        )
        for column in layout.columns[1:]:
            body.append(
                decoration(
                    "line",
                    x1=column.x,
                    y1=PLOT_TOP - 28,
                    x2=column.x,
                    y2=PLOT_BOTTOM + 28,
                    stroke=style.GRID,
                    stroke_width="2",
                )
            )
        for number, label in enumerate(layout.stage_labels, start=1):
            body.append(f'<g class="cjm-stage" data-stage="{number}">{text(label)}</g>')
    if layout.curve is not None:
        body.extend(curve_group(layout.curve, left, right, 2.0, SMALL * 1.2, 14.0, layout.locale))
    if layout.note is not None:
        body.append(text(layout.note))
    if layout.callout is not None:
        body.extend(card(layout.callout, "cjm-low-point cjm-callout"))
    for panel in layout.panels:
        body.extend(card(panel))
    body.extend(legend(layout.legend))
    return document(layout.width, layout.height, layout.prefix, layout.locale, layout.title, layout.description, body)
