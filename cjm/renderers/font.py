"""Text measurement for the pictures: advance widths read from the font file the SVG names, and wrapping.

Why real metrics: SVG has no automatic wrapping, so the renderer breaks lines itself, and a
hand-made width table drifts from what a viewer draws. The pictures name DejaVu Sans first
(`cjm.renderers.style.FONT_FAMILY`) and are measured with it: it is the font the PNG rasteriser
uses, and it is wider than the sans-serif fonts a viewer falls back to (Arial, Helvetica, Liberation
Sans), so text measured with it never runs out of its box on another machine. Kerning is ignored,
which only ever makes the measure wider than the drawing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from cjm.font_files import FONT_FILES, find_font
from cjm.font_widths import read_widths
from cjm.renderers import RenderError
from cjm.translation import Message

ELLIPSIS = "…"


class Metrics(NamedTuple):
    """One font file's horizontal metrics: advance width per code point, in font units per em."""

    path: str
    units_per_em: int
    advances: dict[int, int]
    fallback: int

    def width(self, text: str, size: float) -> float:
        """The advance width of `text` at a font size, in the same unit as the size (SVG user units).

        A character the font lacks is drawn by a fallback font: counted 1 em when it is wide (CJK,
        emoji: East Asian width W or F), else as wide as an "M".
        """
        advances = self.advances
        try:
            total = sum(map(advances.__getitem__, map(ord, text)))  # every character in the font: fast
        except KeyError:
            total = sum(advances[ord(char)] if ord(char) in advances else self._missing(char) for char in text)
        return total * size / self.units_per_em

    def _missing(self, char: str) -> int:
        return self.units_per_em if unicodedata.east_asian_width(char) in ("W", "F") else self.fallback

    def covers(self, char: str) -> bool:
        """Whether the font has a glyph for a character."""
        return ord(char) in self.advances


def font_path(bold: bool = False) -> Path:
    """The DejaVu Sans file (regular or bold) on this machine; RenderError CJM408 when it is missing."""
    found = find_font(bold)
    if found is not None:
        return found
    raise RenderError(
        "CJM408",
        Message(
            "the font the pictures are measured with ({file}, DejaVu Sans) is not installed", file=FONT_FILES[bold]
        ),
        Message("install DejaVu Sans (Debian and Ubuntu: apt-get install fonts-dejavu-core), or build -f html -f md"),
    )


@functools.cache
def metrics(bold: bool = False) -> Metrics:
    """The metrics of DejaVu Sans (regular or bold), read once per process (`cjm.font_widths`, else fontTools)."""
    path = font_path(bold)
    found = read_widths(path)
    if found is None:
        from fontTools.ttLib import TTFont

        font = TTFont(str(path), lazy=True)
        try:
            horizontal = font["hmtx"].metrics
            advances = {code: horizontal[glyph][0] for code, glyph in font.getBestCmap().items() if glyph in horizontal}
            found = int(font["head"].unitsPerEm), advances
        finally:
            font.close()
    units, advances = found
    return Metrics(str(path), units, advances, advances.get(ord("M"), units))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of text at a font size, in SVG user units."""
    return metrics(bold).width(text, size)


BREAKABLE = re.compile(r"[ \t\r\n]+")


def words(text: str) -> list[str]:
    """The words of a text, split at breakable spaces only: a no-break space (French « : ») binds its words."""
    return [word for word in BREAKABLE.split(text) if word]


class Wrapped(NamedTuple):
    """A text broken into lines that fit a width; `cut` is True when words were left out (last line ends in …)."""

    lines: tuple[str, ...]
    cut: bool
    width: float


def wrap(text: str, width: float, size: float, bold: bool = False, max_lines: int = 3) -> Wrapped:
    """Break `text` into at most `max_lines` lines no wider than `width` at font size `size`.

    Words are kept whole; a word wider than the line alone (a URL) is broken between characters.
    When the text needs more lines, the last line ends with "…" and `cut` is True: the caller keeps
    the full text in a `<title>`. Returns the lines and the widest line's width.
    """
    measure = metrics(bold)
    lines: list[str] = []
    current = ""
    for word in words(text):
        candidate = f"{current} {word}" if current else word
        if measure.width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while measure.width(word, size) > width and len(word) > 1:
            head, word = _split_word(word, width, size, measure)
            lines.append(head)
        current = word
    if current:
        lines.append(current)
    cut = len(lines) > max_lines
    if cut:
        lines = lines[:max_lines]
        lines[-1] = _with_ellipsis(lines[-1], width, size, measure)
    widest = max((measure.width(line, size) for line in lines), default=0.0)
    return Wrapped(tuple(lines), cut, widest)


def _split_word(word: str, width: float, size: float, measure: Metrics) -> tuple[str, str]:
    """A word wider than the line cut into the part that fits and the rest.

    A no-break space gives way first ("Lowest:" / "Parts on…" rather than "Lowest: Par-" / "ts").
    Between two letters the part ends with a hyphen, as a typesetter breaks a long word
    ("Enregis-" / "trement"), leaving at least two letters on each side; a URL or a code breaks
    after a hyphen or a slash, else between characters, with nothing added.
    """
    # A no-break space that cannot hold (a label and its value wider than the line together) breaks
    # first, except one that keeps French punctuation or guillemets with their word.
    fits = _prefix_length(word, width, size, measure)
    for at in range(min(fits, len(word) - 1), 0, -1):
        if word[at] == "\u00a0" and word[at + 1] not in ":;!?»" and word[at - 1] != "«":
            return word[:at], word[at + 1 :]
    cut_at = _break_at(word, width, size, measure)
    if word[cut_at - 1].isalpha() and word[cut_at].isalpha():
        hyphen_at = min(cut_at, len(word) - 2)
        while hyphen_at > 2 and measure.width(word[:hyphen_at] + "-", size) > width:
            hyphen_at -= 1
        if hyphen_at >= 2 and word[hyphen_at - 1].isalpha() and word[hyphen_at].isalpha():
            return word[:hyphen_at] + "-", word[hyphen_at:]
    return word[:cut_at], word[cut_at:]


def _break_at(word: str, width: float, size: float, measure: Metrics) -> int:
    """Where to break a word wider than the line: after its last hyphen or slash that fits, else between characters."""
    length = _prefix_length(word, width, size, measure)
    soft = max(word.rfind("-", 0, length), word.rfind("/", 0, length))
    return soft + 1 if soft > 0 else length


def _prefix_length(text: str, width: float, size: float, measure: Metrics) -> int:
    """How many characters of `text` fit `width` (at least one)."""
    length = len(text)
    while length > 1 and measure.width(text[:length], size) > width:
        length -= 1
    return length


def _with_ellipsis(text: str, width: float, size: float, measure: Metrics) -> str:
    """`text` shortened as needed so that it ends with "…" and fits `width`."""
    base = text.rstrip()
    while base and measure.width(base + ELLIPSIS, size) > width:
        base = base[:-1].rstrip()
    return base + ELLIPSIS


def size_for_words(text: str, width: float, size: float, smallest: float, bold: bool = False) -> float:
    """The largest font size from `size` down to `smallest` (by half points) at which every word fits `width`.

    Why: a stage name such as "Diagnostiquer" in a narrow column would otherwise be broken inside
    the word; a slightly smaller heading reads better.
    """
    measure = metrics(bold)
    widest = max((measure.width(word, 1.0) for word in words(text)), default=0.0)
    candidate = size
    while candidate - 0.5 >= smallest and widest * candidate > width:
        candidate -= 0.5
    return candidate


def fit_line(text: str, width: float, size: float, bold: bool = False) -> tuple[str, bool]:
    """One line of text cut with "…" to fit `width`; returns the line and whether it was cut."""
    line = " ".join(words(text))
    measure = metrics(bold)
    if measure.width(line, size) <= width:
        return line, False
    return _with_ellipsis(line, width, size, measure), True


def uncovered(text: str) -> list[str]:
    """The characters of `text` that DejaVu Sans (regular) has no glyph for, in order, without repeats.

    Spaces, controls and format characters (joiners, variation selectors) are not drawn and are
    never reported.
    """
    measure = metrics(False)
    found: list[str] = []
    for char in text:
        if char in found or measure.covers(char) or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Mn"):
            continue
        found.append(char)
    return found
