"""Characters of a map that no installed font can draw: a CJM407 warning naming them and what to install.

Why warn: the PNG is drawn on this machine, and a label with an emoji built on a bare CI machine
shows empty boxes with no other sign. DejaVu Sans (the pictures' font) is asked first, then
fontconfig for any other installed font, as librsvg would fall back.

Checked with every map a build draws a picture of (`cjm validate` shows no picture-only diagnostic
and skips it; see `cjm.build`), and the renderers are imported only for a map with text beyond
Latin: a Latin map costs no font file and no renderer import.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from cjm.diagnostics import Diagnostic, make
from cjm.loader import Document
from cjm.model import Journey
from cjm.translation import Message

# Basic Latin to Latin Extended-B: every character there is in DejaVu Sans.
LATIN_END = 0x0250


def strings(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string value of a document's data with its path, in document order."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))


def font_for(char: str) -> str:
    """The Debian package that draws a character: emoji, CJK or Noto's other scripts."""
    code = ord(char)
    if (unicodedata.category(char) == "So" and code >= 0x1F000) or 0x2600 <= code <= 0x27BF:
        return "fonts-noto-color-emoji"
    name = unicodedata.name(char, "")
    if any(script in name for script in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
        return "fonts-noto-cjk"
    return "fonts-noto-core"


def font_coverage(journey: Journey, document: Document) -> list[Diagnostic]:
    """One CJM407 warning per label holding characters no installed font draws (at most one per character)."""
    del journey
    # Latin text (the usual case) is drawn by DejaVu Sans: no font file read, no renderer imported.
    beyond_latin = [(path, value) for path, value in strings(document.data) if any(ord(c) >= LATIN_END for c in value)]
    if not beyond_latin:
        return []
    from cjm.renderers.font import uncovered

    reported: set[str] = set()
    found: list[Diagnostic] = []
    for path, value in beyond_latin:
        missing = [char for char in uncovered(value) if char not in reported]
        if not missing:
            continue  # DejaVu Sans draws them (€, ’, most scripts of Europe): fontconfig is not asked
        from cjm.renderers.raster import installed_font_covers

        missing = [char for char in missing if installed_font_covers(char) is False]
        if not missing:
            continue
        reported.update(missing)
        line, column = document.positions.locate(path)
        shown = ", ".join(f"{char} (U+{ord(char):04X})" for char in missing)
        packages = sorted({font_for(char) for char in missing})
        found.append(
            make(
                "CJM407",
                document.name,
                line,
                column,
                Message("no installed font draws {characters}: the PNG shows empty boxes there", characters=shown),
                Message(
                    "install a font that has them (Debian: apt-get install {packages}), or rewrite the label",
                    packages=" ".join(packages),
                ),
            )
        )
    return found
