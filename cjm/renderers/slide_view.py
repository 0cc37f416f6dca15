"""The slide view: a 16:9 one-slide summary of a map as SVG (`<stem>.slide.svg`) and PNG (`<stem>.slide.png`).

Draws a `SlideLayout` (cjm.renderers.slide_layout) with the map view's styling contract
(`cjm-stage`, `cjm-curve`, `cjm-low-point`, `cjm-moment-of-truth`, `cjm-pain`, `cjm-opportunity`).
"""

from __future__ import annotations

from cjm.emotion import STROKES
from cjm.formatting import labelled
from cjm.model import Journey
from cjm.renderers import RenderOptions, style
from cjm.renderers.curve import Curve, Segment
from cjm.renderers.layout import Mark, Text
from cjm.renderers.slide_layout import AXIS_WIDTH, PLOT_BOTTOM, PLOT_TOP, SMALL, M, SlideLayout, layout_slide
from cjm.renderers.svg_writer import card, decoration, document, element, escape, legend, mark, text


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
        body.extend(_curve(layout.curve, left, right, layout.locale))
    if layout.note is not None:
        body.append(text(layout.note))
    if layout.callout is not None:
        body.extend(card(layout.callout, "cjm-low-point cjm-callout"))
    for panel in layout.panels:
        body.extend(card(panel))
    body.extend(legend(layout.legend))
    return document(layout.width, layout.height, layout.prefix, layout.locale, layout.title, layout.description, body)


def _path(segments: tuple[Segment, ...]) -> str:
    first = segments[0]
    parts = [f"M{first.x0:g} {first.y0:g}"]
    parts.extend(f"C{s.c1x:g} {s.c1y:g} {s.c2x:g} {s.c2y:g} {s.x1:g} {s.y1:g}" for s in segments)
    return " ".join(parts)


def _curve(curve: Curve, left: float, right: float, locale: str) -> list[str]:
    lines = ['<g class="cjm-curve">']
    for level in curve.levels:
        lines.append(
            decoration(
                "line",
                x1=left,
                y1=level.y,
                x2=right,
                y2=level.y,
                stroke=style.RULE if level.neutral else style.GRID,
                stroke_width="3" if level.neutral else "1.5",
                stroke_dasharray="8 6" if level.neutral else None,
            )
        )
        top = level.y - SMALL * 1.2 * style.LINE_HEIGHT / 2
        lines.append(text(Text(left - 14, top, (level.text,), SMALL * 1.2, level.neutral, role="muted", anchor="end")))
    if curve.baseline_path:
        lines.append(
            element(
                "path",
                class_="cjm-baseline-curve",
                d=_path(curve.baseline_path),
                fill="none",
                stroke=style.BASELINE_CURVE,
                stroke_width="4",
                stroke_dasharray="14 9",
            )
        )
    if curve.path:
        lines.append(
            element(
                "path", class_="cjm-curve-line", d=_path(curve.path), fill="none", stroke=style.CURVE, stroke_width="6"
            )
        )
    for point in curve.points:
        tip = element("title", escape(labelled(point.name, point.score_text, locale)))
        lines.append(
            element(
                "circle",
                tip,
                cx=point.x,
                cy=point.y,
                r="10",
                fill=STROKES[point.band],
                stroke="#ffffff",
                stroke_width="3",
            )
        )
        if point.low:
            lines.append(
                f'<g class="cjm-low-point">{mark(Mark("triangle-down", point.x, point.y + 24, 22, "low"))}</g>'
            )
        if point.moment_of_truth:
            lines.append(f'<g class="cjm-moment-of-truth">{mark(Mark("star", point.x, point.y - 26, 26, "truth"))}</g>')
    lines.append("</g>")
    return lines
