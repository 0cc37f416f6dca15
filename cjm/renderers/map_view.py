"""The map view: the journey map grid as SVG (`<stem>.svg`) and PNG (`<stem>.png`).

Draws a `MapLayout` (cjm.renderers.map_layout). The styling contract, stable for CSS: one
`g.cjm-stage` per stage (header and every cell of that stage), `g.cjm-lane` per lane (stripe and
label), `g.cjm-curve` (axis, neutral baseline, curves, points), `g.cjm-low-point`,
`g.cjm-moment-of-truth`, `g.cjm-pain`, `g.cjm-opportunity`, `g.cjm-legend`.
"""

from __future__ import annotations

from cjm.emotion import FILLS, STROKES
from cjm.model import Journey
from cjm.renderers import RenderOptions, style
from cjm.renderers.map_layout import Header, Lane, MapLayout, Row, layout_map
from cjm.renderers.svg_writer import card, curve_group, document, legend, number, text


def render_svg(journey: Journey, options: RenderOptions) -> str:
    """The map view of a journey as an SVG document (text)."""
    return write_map(layout_map(journey, options.stem, options.baseline))


def render_png(journey: Journey, options: RenderOptions) -> bytes:
    """The map view rasterised from the same SVG (at least 2400 px wide, pixel count capped)."""
    from cjm.renderers.raster import rasterise

    return rasterise(render_svg(journey, options), options.raster_timeout)


def write_map(layout: MapLayout) -> str:
    """The SVG text of a placed map."""
    body: list[str] = []
    context = layout.context
    body.append('<g class="cjm-context">')
    body.append(text(context.title))
    body.append(text(context.facts))
    for item in context.cards:
        body.extend(card(item))
    body.append("</g>")
    for row in layout.rows:
        body.extend(_row(row, layout))
    body.extend(legend(layout.legend))
    return document(layout.width, layout.height, layout.prefix, layout.locale, layout.title, layout.description, body)


def _row(row: Row, layout: MapLayout) -> list[str]:
    left = style.MARGIN
    right = layout.width - style.MARGIN
    lines = ['<g class="cjm-row">']
    for index, lane in enumerate(row.lanes):
        lines.extend(_lane(lane, index, left, right))
    grid_top = row.y + max(header.height for header in row.headers)
    for column in row.columns[1:]:
        lines.append(
            f'<line x1="{number(column.x)}" y1="{number(grid_top)}" x2="{number(column.x)}" '
            f'y2="{number(row.y + row.height)}" stroke="{style.GRID}" stroke-width="1" aria-hidden="true"/>'
        )
    for header in row.headers:
        lines.extend(_stage(header, row, layout.prefix))
    if row.curve is not None:
        right = row.columns[-1].x + row.columns[-1].width
        lines.extend(curve_group(row.curve, row.columns[0].x, right, 1.0, style.SIZE_SMALL, 5.0, layout.locale))
    lines.append("</g>")
    return lines


def _lane(lane: Lane, index: int, left: float, right: float) -> list[str]:
    lines = [f'<g class="cjm-lane" data-lane="{lane.key}">']
    if lane.key == "visibility":
        y = lane.y + lane.height - 5
        lines.append(
            f'<rect class="cjm-box" x="{number(left)}" y="{number(lane.y)}" width="{number(right - left)}" '
            f'height="{number(lane.height)}" fill="none"/>'
        )
        lines.append(
            f'<line x1="{number(left)}" y1="{number(y)}" x2="{number(right)}" y2="{number(y)}" '
            f'stroke="{style.VISIBILITY}" stroke-width="1.5" stroke-dasharray="8 4"/>'
        )
        lines.append(text(lane.label))
        lines.append("</g>")
        return lines
    fill = style.BAND_FILL if index % 2 else style.BACKGROUND
    lines.append(
        f'<rect class="cjm-box" x="{number(left)}" y="{number(lane.y)}" width="{number(right - left)}" '
        f'height="{number(lane.height)}" fill="{fill}" stroke="{style.GRID}" stroke-width="0.8"/>'
    )
    if lane.takeaway:
        lines.append(
            f'<rect x="{number(left)}" y="{number(lane.y)}" width="3" height="{number(lane.height)}" '
            f'fill="{style.HEADER_FILL}" aria-hidden="true"/>'
        )
    lines.append(text(lane.label))
    lines.append("</g>")
    return lines


def _stage(header: Header, row: Row, prefix: str) -> list[str]:
    number_text = header.number.lines[0]
    lines = [f'<g class="cjm-stage" id="{prefix}stage-{number_text}" data-stage="{number_text}">']
    lines.append('<g class="cjm-stage-header">')
    lines.append(
        f'<rect class="cjm-box" x="{number(header.x + 1)}" y="{number(header.y)}" width="{number(header.width - 2)}" '
        f'height="{number(header.height)}" rx="4" fill="{style.HEADER_FILL}"/>'
    )
    centre_y = header.number.y + header.number.size * 0.62
    lines.append(
        f'<circle cx="{number(header.number.x)}" cy="{number(centre_y)}" r="9" fill="#ffffff" aria-hidden="true"/>'
    )
    lines.append(text(header.number))
    lines.append(text(header.name))
    if header.score is not None and header.band is not None:
        chip_x = header.score.x - 16
        width = header.width - (chip_x - header.x) - style.CELL_PADDING
        lines.append(
            f'<rect x="{number(chip_x)}" y="{number(header.score.y - 2)}" width="{number(width)}" '
            f'height="{number(header.score.height + 4)}" rx="8" fill="#ffffff" aria-hidden="true"/>'
        )
        lines.append(
            f'<circle cx="{number(chip_x + 8)}" cy="{number(header.score.y + header.score.height / 2)}" r="4.5" '
            f'fill="{FILLS[header.band]}" stroke="{STROKES[header.band]}" stroke-width="2" aria-hidden="true"/>'
        )
        lines.append(text(header.score))
    lines.append("</g>")
    for lane in row.lanes:
        for item in lane.cells[header.stage - row.first_stage] if lane.cells else ():
            lines.extend(card(item))
    lines.append("</g>")
    return lines
