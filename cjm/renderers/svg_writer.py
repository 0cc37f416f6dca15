"""Writing SVG for the map and slide views: the document shell, texts, marks and cards of a layout.

Portable by construction: plain `<text>` with one `<tspan>` per line (no `foreignObject`, which
Office, Inkscape and PDF tools drop), a `viewBox`, an opaque background, `<title>` and `<desc>`
referenced by `aria-labelledby` / `aria-describedby` (the accessible name is the title alone),
`xml:lang` from the map's locale, every mark drawn as a shape (never a font glyph) and hidden
from screen readers, no external reference, ids under one per-map prefix.
"""

from __future__ import annotations

import math
import re

from cjm.emotion import FILLS, STROKES
from cjm.formatting import labelled
from cjm.renderers import style
from cjm.renderers.curve import Curve, Segment
from cjm.renderers.font import text_width
from cjm.renderers.layout import Card, Mark, Text
from cjm.renderers.legend import Legend

# Baseline of a line inside its line box: half the leading plus DejaVu Sans's ascent (0.928 em).
BASELINE = (style.LINE_HEIGHT - 1.164) / 2 + 0.928

TEXT_COLOURS: dict[str, str] = {
    "ink": style.INK,
    "muted": style.MUTED,
    "pain": style.PAIN_INK,
    "opportunity": style.OPPORTUNITY_INK,
    "header": style.HEADER_INK,
    "header-number": style.HEADER_FILL,
    "on-target": style.ON_TARGET,
    "off-target": style.OFF_TARGET,
    "low": style.LOW_POINT,
    "truth": style.MOMENT_OF_TRUTH,
    "switch": style.SWITCH,
    **{f"severity-{name}": ink for name, (ink, _) in style.SEVERITY_BADGES.items()},
}
MARK_COLOURS: dict[str, str] = {
    "muted": style.MUTED,
    "truth": style.MOMENT_OF_TRUTH_FILL,
    "low": style.LOW_POINT,
    "on-target": style.ON_TARGET,
    "off-target": style.OFF_TARGET,
    "legend": style.INK,
    "switch": style.SWITCH,
}


# Characters XML 1.0 forbids (C0 controls but tab and newlines), C1 controls, and the bidirectional
# embeddings, overrides and isolates that would reorder the text around them.
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(text: str) -> str:
    """`&`, `>` and `<` escaped, as `xml.sax.saxutils.escape` does (which imports urllib, http and ssl: 18 ms)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


_ATTRIBUTE_SPECIAL = re.compile('[&<>"\n\r\t]')


def quoteattr(text: str) -> str:
    """An attribute value escaped and quoted, byte for byte as `xml.sax.saxutils.quoteattr` writes it."""
    if _ATTRIBUTE_SPECIAL.search(text) is None:
        return f'"{text}"'  # most values: numbers, ids, classes
    data = _escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"{}"'.format(data.replace('"', "&quot;"))


def escape(text: str) -> str:
    """Text for an SVG element: invisible and forbidden characters dropped, `<`, `>` and `&` escaped."""
    return _escape(INVISIBLE.sub("", text))


def number(value: float) -> str:
    """A coordinate as SVG text: at most two decimals, no trailing zeros."""
    written = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if written in ("-0", "") else written


def attributes(**values: object) -> str:
    """XML attributes from keyword arguments (`class_` → class, `aria_hidden` → aria-hidden); None is left out."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        shown = number(value) if isinstance(value, float) else str(value)
        parts.append(f" {name}={quoteattr(shown)}")
    return "".join(parts)


def document(width: float, height: float, prefix: str, lang: str, title: str, desc: str, body: list[str]) -> str:
    """The whole SVG: root with viewBox and accessible name, title, description, opaque background, body.

    `prefix` is the map's id prefix (`cjm.presentation.svg_id_prefix`, ending in "-"): the title is
    `<prefix>title`, the description `<prefix>desc`, the root the prefix without its last dash.
    """
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {number(width)} {number(height)}" '
        f'width="{number(width)}" height="{number(height)}" role="img" '
        f'aria-labelledby="{prefix}title" aria-describedby="{prefix}desc" xml:lang="{lang}" lang="{lang}" '
        f'id="{prefix.rstrip("-")}" class="cjm-picture" font-family={quoteattr(style.FONT_FAMILY)}>'
    )
    return "\n".join(
        [
            head,
            f'<title id="{prefix}title">{escape(title)}</title>',
            f'<desc id="{prefix}desc">{escape(desc)}</desc>',
            f'<rect class="cjm-background" x="0" y="0" width="{number(width)}" height="{number(height)}" '
            f'fill="{style.BACKGROUND}"/>',
            *body,
            "</svg>",
            "",
        ]
    )


def text(item: Text) -> str:
    """A placed text: one `<text>` with a `<tspan>` per line; a cut text is grouped with its full `<title>`."""
    spans = "".join(
        element("tspan", escape(line), x=item.x, y=item.y + (BASELINE + i * style.LINE_HEIGHT) * item.size)
        for i, line in enumerate(item.lines)
    )
    attrs = attributes(
        font_size=float(item.size),
        font_weight="bold" if item.bold else None,
        font_style="italic" if item.italic else None,
        text_anchor="middle" if item.anchor == "middle" else "end" if item.anchor == "end" else None,
        fill=TEXT_COLOURS.get(item.role, style.INK),
    )
    drawn = f"<text{attrs}>{spans}</text>"
    if item.role.startswith("severity-") and item.lines:
        _, fill = style.SEVERITY_BADGES[item.role.removeprefix("severity-")]
        width = text_width(item.lines[0], item.size, item.bold) + 8
        pill = (
            f'<rect x="{number(item.x - 4)}" y="{number(item.y - 1)}" width="{number(width)}" '
            f'height="{number(item.height + 2)}" rx="3" fill="{fill}" aria-hidden="true"/>'
        )
        drawn = pill + drawn
    if item.full is not None:
        return f'<g class="cjm-cut"><title>{escape(item.full)}</title>{drawn}</g>'
    return drawn


def element(tag: str, content: str | None = None, **values: object) -> str:
    """One SVG element with attributes (see `attributes`), empty unless `content` (already escaped) is given."""
    if content is None:
        return f"<{tag}{attributes(**values)}/>"
    return f"<{tag}{attributes(**values)}>{content}</{tag}>"


def decoration(tag: str, **values: object) -> str:
    """A shape hidden from screen readers: the text beside it says the same."""
    return f'<{tag}{attributes(**values)} aria-hidden="true"/>'


def _points(*pairs: tuple[float, float]) -> str:
    return " ".join(f"{number(x)},{number(y)}" for x, y in pairs)


def mark(item: Mark) -> str:
    """A mark drawn as a shape (never a font glyph), hidden from screen readers."""
    x, y, r = item.x, item.y, item.size / 2
    colour = MARK_COLOURS.get(item.tone, style.INK)
    shape = item.shape
    if shape == "star":
        corners = [
            (
                x + (r if i % 2 == 0 else r * 0.45) * math.sin(i * math.pi / 5),
                y - (r if i % 2 == 0 else r * 0.45) * math.cos(i * math.pi / 5),
            )
            for i in range(10)
        ]
        return decoration(
            "polygon",
            points=_points(*corners),
            fill=style.MOMENT_OF_TRUTH_FILL,
            stroke=style.MOMENT_OF_TRUTH,
            stroke_width="1",
        )
    if shape == "triangle-down":
        corners = [(x - r, y - r * 0.8), (x + r, y - r * 0.8), (x, y + r * 0.9)]
        return decoration("polygon", points=_points(*corners), fill=style.LOW_POINT)
    if shape == "leader" and item.to is not None:
        end_x, end_y = item.to
        return decoration(
            "line", x1=x, y1=y, x2=end_x, y2=end_y, stroke=style.LOW_POINT, stroke_width="2", stroke_dasharray="4 3"
        )
    if shape == "bullet":
        return decoration("circle", cx=x, cy=y, r=r * 0.8, fill=colour)
    if shape in ("check", "cross"):
        if shape == "check":
            path = f"M{_points((x - r, y))} L{_points((x - r * 0.25, y + r * 0.8))} L{_points((x + r, y - r * 0.8))}"
        else:
            a, b = r * 0.8, -r * 0.8
            path = (
                f"M{_points((x + b, y + b))} L{_points((x + a, y + a))} "
                f"M{_points((x + a, y + b))} L{_points((x + b, y + a))}"
            )
        return decoration(
            "path", d=path.replace(",", " "), fill="none", stroke=colour, stroke_width="2", stroke_linecap="round"
        )
    if shape in ("evidence", "no-evidence"):
        dashed = shape == "no-evidence"
        return decoration(
            "rect",
            x=x - r * 0.7,
            y=y - r,
            width=r * 1.4,
            height=r * 2,
            rx="1",
            fill="none" if dashed else "#ffffff",
            stroke=style.PAIN_ACCENT if dashed else colour,
            stroke_width="1",
            stroke_dasharray="2 1.5" if dashed else None,
        )
    if shape in ("line", "dashed-line", "neutral-line"):
        stroke = {"line": style.CURVE, "dashed-line": style.BASELINE_CURVE, "neutral-line": style.RULE}[shape]
        dash = {"line": None, "dashed-line": "6 4", "neutral-line": "3 3"}[shape]
        width = {"line": "2.5", "dashed-line": "2", "neutral-line": "1.5"}[shape]
        return decoration(
            "line", x1=x - 10.0, y1=y, x2=x + 10.0, y2=y, stroke=stroke, stroke_width=width, stroke_dasharray=dash
        )
    if shape in ("switch-arrow", "branch-arrow", "loop-arrow"):
        # An arrow drawn as a path: right for a step forward, a hook back left for a loop.
        if shape == "loop-arrow":
            path = f"M{_points((x + r, y - r * 0.6))} H{number(x - r * 0.2)} V{number(y + r * 0.6)}"
            head = _points((x - r * 0.8, y + r * 0.1), (x + r * 0.4, y + r * 0.1), (x - r * 0.2, y + r))
        else:
            path = f"M{_points((x - r, y))} H{number(x + r * 0.3)}"
            head = _points((x + r * 0.2, y - r * 0.6), (x + r, y), (x + r * 0.2, y + r * 0.6))
        width = "1.8" if shape == "switch-arrow" else "1.2"
        return decoration(
            "path", d=path.replace(",", " "), fill="none", stroke=colour, stroke_width=width
        ) + decoration("polygon", points=head, fill=colour)
    if shape in ("point-measured", "point-assumed"):
        hollow = shape == "point-assumed"
        return decoration(
            "circle",
            cx=x,
            cy=y,
            r=r * 0.8,
            fill="#ffffff" if hollow else style.CURVE,
            stroke=style.CURVE,
            stroke_width="2" if hollow else "1",
        )
    if shape.startswith("band-"):
        level = int(shape.removeprefix("band-"))
        return decoration("circle", cx=x, cy=y, r=r * 0.9, fill=FILLS[level], stroke=STROKES[level], stroke_width="2")
    return decoration("circle", cx=x, cy=y, r=r, fill=colour)


CARD_FILLS: dict[str, tuple[str, str]] = {
    "pain": (style.PAIN_FILL, style.PAIN_ACCENT),
    "opportunity": (style.OPPORTUNITY_FILL, style.OPPORTUNITY_ACCENT),
    "kpi": (style.KPI_FILL, style.RULE),
    "low-point": ("#ffffff", style.LOW_POINT),
    "persona": (style.BAND_FILL, style.RULE),
    "objective": (style.BAND_FILL, style.RULE),
}


def card(item: Card, css_class: str | None = None) -> list[str]:
    """A card as a group: its box (class `cjm-box`, the frame its texts stay in), marks and texts."""
    lines = [f"<g{attributes(class_=css_class or f'cjm-{item.kind}', data_severity=item.severity)}>"]
    if item.framed:
        if item.kind == "touchpoint":
            fill = FILLS[item.band] if item.band is not None else "#ffffff"
            stroke = STROKES[item.band] if item.band is not None else style.RULE
            width = 2.5 if item.emphasis else 1.0
        else:
            fill, stroke = CARD_FILLS.get(item.kind, ("#ffffff", style.RULE))
            width = style.SEVERITY_STROKE.get(item.severity or "", 0.8) if item.kind == "pain" else 0.8
        lines.append(
            f'<rect class="cjm-box" x="{number(item.x)}" y="{number(item.y)}" width="{number(item.width)}" '
            f'height="{number(item.height)}" rx="4" fill="{fill}" stroke="{stroke}" stroke-width="{number(width)}"/>'
        )
        if item.kind in ("pain", "opportunity"):
            lines.append(
                f'<rect x="{number(item.x)}" y="{number(item.y)}" width="3" height="{number(item.height)}" '
                f'fill="{stroke}" aria-hidden="true"/>'
            )
    else:
        # An unframed item's box is invisible; it bounds its texts (with room for an italic's overhang).
        lines.append(
            element(
                "rect",
                class_="cjm-box",
                x=item.x - 2,
                y=item.y - 2,
                width=item.width + 4,
                height=item.height + 4,
                fill="none",
            )
        )
    lines.extend(mark(m) for m in item.marks)
    lines.extend(text(t) for t in item.texts)
    lines.append("</g>")
    return lines


def legend(item: Legend) -> list[str]:
    """The legend group (class `cjm-legend`): its heading and one entry per mark the picture uses."""
    if not item.entries or item.heading is None:
        return []
    lines = ['<g class="cjm-legend">', text(item.heading)]
    for entry in item.entries:
        lines.extend(card(entry, "cjm-legend-entry"))
    lines.append("</g>")
    return lines


def path_data(segments: tuple[Segment, ...]) -> str:
    """The `d` of a path through Bézier segments ("" when there are none)."""
    if not segments:
        return ""
    first = segments[0]
    parts = [f"M{number(first.x0)} {number(first.y0)}"]
    parts.extend(
        f"C{number(s.c1x)} {number(s.c1y)} {number(s.c2x)} {number(s.c2y)} {number(s.x1)} {number(s.y1)}"
        for s in segments
    )
    return " ".join(parts)


def _line(css_class: str, segments: tuple[Segment, ...], stroke: str, width: float, dash: str | None) -> str:
    return element(
        "path",
        class_=css_class,
        d=path_data(segments),
        fill="none",
        stroke=stroke,
        stroke_width=number(width),
        stroke_dasharray=dash,
    )


def curve_group(
    curve: Curve, left: float, right: float, scale: float, label_size: float, label_gap: float, locale: str
) -> list[str]:
    """The `cjm-curve` group of the map and slide views: levels with their words, baseline curve, curve, points.

    `left`–`right` is the plot's x range; `scale` multiplies strokes, radii and marks (1 in the map
    view, 2 in the slide view); level words are `label_size` high, `label_gap` left of the plot;
    each point's tooltip is "name: score" with the `locale`'s colon.
    A measured (or not stated) score is a filled point; an assumed one is hollow, so the two never
    look the same (PICTURE.md); the lowest point gets a triangle below, a moment of truth a star above.
    """
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
                stroke_width=number((1.5 if level.neutral else 0.8) * scale),
                stroke_dasharray=f"{number(3 * scale)} {number(3 * scale)}" if level.neutral else None,
            )
        )
        top = level.y - label_size * style.LINE_HEIGHT / 2
        lines.append(
            text(Text(left - label_gap, top, (level.text,), label_size, level.neutral, role="muted", anchor="end"))
        )
    if curve.baseline_path:
        dash = f"{number(6 * scale)} {number(4 * scale)}"
        lines.append(_line("cjm-baseline-curve", curve.baseline_path, style.BASELINE_CURVE, 2 * scale, dash))
    for point in curve.baseline_points:
        lines.append(
            decoration(
                "circle",
                cx=point.x,
                cy=point.y,
                r=number(3 * scale),
                fill="#ffffff",
                stroke=style.BASELINE_CURVE,
                stroke_width=number(1.5 * scale),
            )
        )
    if curve.path:
        lines.append(_line("cjm-curve-line", curve.path, style.CURVE, 2.5 * scale, None))
    for point in curve.points:
        tip = element("title", escape(labelled(point.name, point.score_text, locale)))
        hollow = point.source == "assumed"
        lines.append(
            element(
                "circle",
                tip,
                class_="cjm-assumed" if hollow else None,
                cx=point.x,
                cy=point.y,
                r=number((4.5 if hollow else 5) * scale),
                fill="#ffffff" if hollow else STROKES[point.band],
                stroke=STROKES[point.band] if hollow else "#ffffff",
                stroke_width=number((2.5 if hollow else 1.5) * scale),
            )
        )
        if point.low:
            low = Mark("triangle-down", point.x, point.y + 12 * scale, 11 * scale, "low")
            lines.append(f'<g class="cjm-low-point">{mark(low)}</g>')
        if point.moment_of_truth:
            truth = Mark("star", point.x, point.y - 13 * scale, 13 * scale, "truth")
            lines.append(f'<g class="cjm-moment-of-truth">{mark(truth)}</g>')
    lines.append("</g>")
    return lines
