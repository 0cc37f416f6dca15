"""What a docs page holds for cjm, independent of the docs tool: ```cjm fenced blocks, and the HTML shown.

`extract_blocks` finds the fenced blocks of a Markdown page (skipping those quoted inside other
fences), `picture_style` is how a picture is sized in a page, `diagnostics_html` the box an invalid
map shows instead. The MkDocs plugin uses them all; the Sphinx extension shares the sizing, the
words (`diagnostics_title`, `open_label`) and the language rules.

Languages: the box and the build log speak the run's language (`cjm.translation`, chosen by the
docs tool from its own setting or the environment); the link beside a picture speaks the map's
locale, like the picture.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cjm.diagnostics import Diagnostic
from cjm.translation import choose_language, language_of, ngettext, translate, use_language

if TYPE_CHECKING:
    from cjm.model import Journey

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
SVG_SIZE = re.compile(
    rb"<svg\b[^>]*?\bwidth=\"(?P<width>[0-9.]+)(?P<unit>pt|px)?\"[^>]*?\bheight=\"(?P<height>[0-9.]+)"
)
VIEWBOX_WIDTH = re.compile(rb'viewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)')
FONT_SIZE = re.compile(rb'font-size="([0-9.]+)(?:px)?"|font-size:\s*([0-9.]+)px')
# The smallest text a picture may show on a page, in CSS pixels: the map picture's own requirement
# (every text at least 9 px high, which the map view meets at 948 px of its 1000). A picture is not
# shrunk below it: in a narrower column (MkDocs' theme: 831 px at a 1280 px window; Material: 688)
# its figure scrolls sideways, and the picture links to the full HTML map, as wide tables and
# diagrams do in docs themes. Shrunk to Material's column, the map's smallest text would be 6.5 px high.
MIN_TEXT_PX = 9.0
# CSS pixels per unit of an SVG length (CSS Values 4: 1pt = 1/72 in, 1px = 1/96 in).
PIXELS_PER_UNIT = {"pt": 96 / 72, "px": 1.0, None: 1.0}


@dataclass(frozen=True)
class Block:
    """A ```cjm fenced block: its text (indentation removed), where that text starts, and its info words.

    `line` and `column` are 1-based in the page; `options` are the words after `cjm` in the
    fence's info string (`view=flow`).
    """

    text: str
    line: int
    column: int
    options: tuple[str, ...] = ()


def extract_blocks(markdown: str, placeholder: str) -> tuple[str, list[Block]]:
    """The page with each ```cjm block replaced by an image `![](<placeholder><n>)`, and the blocks in order.

    A fence opens with three or more backticks or tildes and closes with at least as many of the
    same character; fences quoted inside another fence (a page that documents the syntax) are
    left alone, and so is a block whose fence never closes.
    """
    lines = markdown.split("\n")
    kept: list[str] = []
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            kept.append(lines[index])
            index += 1
            continue
        fence, indent = opening["fence"], opening["indent"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next((j for j in range(index + 1, len(lines)) if closing.match(lines[j])), None)
        words = opening["info"].split()
        if end is None or not words or words[0] != "cjm":
            stop = len(lines) if end is None else end + 1
            kept.extend(lines[index:stop])
            index = stop
            continue
        body = [_dedent(line, len(indent)) for line in lines[index + 1 : end]]
        blocks.append(Block("\n".join(body) + "\n", index + 2, len(indent) + 1, tuple(words[1:])))
        kept.extend(["", f"{indent}![]({placeholder}{len(blocks) - 1})", ""])
        index = end + 1
    return "\n".join(kept), blocks


def _dedent(line: str, width: int) -> str:
    strip = 0
    while strip < width and strip < len(line) and line[strip] in " \t":
        strip += 1
    return line[strip:]


def locate(markdown: str, needle: str) -> tuple[int, int]:
    """The 1-based line and column of the first occurrence of `needle` in a page, or 1:1."""
    offset = markdown.find(needle)
    if offset < 0:
        return 1, 1
    before = markdown[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def svg_size(svg: bytes) -> tuple[int, int] | None:
    """The natural size of an SVG picture in CSS pixels (from its root `width` and `height`), if it says."""
    found = SVG_SIZE.search(svg[:4000])
    if found is None:
        return None
    unit = found["unit"].decode() if found["unit"] else None
    scale = PIXELS_PER_UNIT[unit]
    return round(float(found["width"]) * scale), round(float(found["height"]) * scale)


def readable_width(svg: bytes) -> int | None:
    """The narrowest width (CSS px) at which the picture's smallest text is still MIN_TEXT_PX high.

    Font sizes are in the SVG's user units, so the width is the viewBox's width scaled so that the
    smallest `font-size` becomes MIN_TEXT_PX. None when the SVG says neither.
    """
    box = VIEWBOX_WIDTH.search(svg[:4000])
    sizes = [float(a or b) for a, b in FONT_SIZE.findall(svg)]
    if box is None or not sizes or min(sizes) <= 0:
        return None
    return math.ceil(float(box[1]) * MIN_TEXT_PX / min(sizes))


def picture_style(svg: bytes) -> str:
    """The inline CSS of a picture in a page: the column's width, at most its natural size, never unreadable."""
    natural, floor = svg_size(svg), readable_width(svg)
    parts = ["width:100%", "height:auto"]
    if natural is not None:
        parts.append(f"max-width:{natural[0]}px")
    if floor is not None:
        parts.append(f"min-width:{min(floor, natural[0]) if natural else floor}px")
    return ";".join(parts)


def speak(setting: str | None) -> str:
    """Make the docs build speak a language and return it: the docs tool's own language setting (Sphinx's
    `language`) when cjm speaks it, else the environment's as `cjm` reads it (`LANG`...), else English."""
    chosen = (language_of(setting) if setting else None) or choose_language(None)
    use_language(chosen)
    return chosen


def open_label(journey: Journey) -> str:
    """The link text beside a picture, to the map's full HTML page, in the map's locale."""
    from cjm.i18n import messages

    return messages(journey.locale)["view.open_full_map"]


def diagnostics_title(count: int, shown: str) -> str:
    """The title of the box an invalid map shows instead of its picture, in the run's language."""
    return ngettext(
        "The journey map {map} cannot be drawn: {count} problem",
        "The journey map {map} cannot be drawn: {count} problems",
        count,
    ).format(map=shown, count=count)


def diagnostics_html(diagnostics: list[Diagnostic], shown: str) -> str:
    """An admonition listing why a map cannot be drawn: each diagnostic with its position, code and hint."""
    title = diagnostics_title(len(diagnostics), shown)
    items = []
    for d in diagnostics:
        hint = f"<br><em>{html.escape(translate(d.hint))}</em>" if d.hint else ""
        where = html.escape(f"{d.file}:{d.line}:{d.column}")
        message = html.escape(translate(d.message))
        items.append(f"<li><code>{where}</code> {html.escape(d.code)} {message}{hint}</li>")
    return (
        f'<div class="admonition danger cjm-diagnostics">\n<p class="admonition-title">{html.escape(title)}</p>\n'
        f"<ul>\n{chr(10).join(items)}\n</ul>\n</div>"
    )
