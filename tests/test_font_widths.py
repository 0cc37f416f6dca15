"""The advance widths read from the font's tables are fontTools' reading of the same file, glyph for glyph."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from cjm.font_files import find_font
from cjm.font_widths import read_widths


def _fonttools(path: Path) -> tuple[int, dict[int, int]]:
    font = TTFont(str(path), lazy=True)
    try:
        horizontal = font["hmtx"].metrics
        advances = {code: horizontal[glyph][0] for code, glyph in font.getBestCmap().items() if glyph in horizontal}
        return int(font["head"].unitsPerEm), advances
    finally:
        font.close()


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_dejavu_sans_reads_as_fonttools_reads_it(bold: bool) -> None:
    path = find_font(bold)
    assert path is not None, "DejaVu Sans is installed by `make system`"
    found = read_widths(path)
    assert found is not None
    assert found == _fonttools(path)
    units, advances = found
    assert units == 2048 and advances[ord("M")] > advances[ord("i")] > 0
    assert ord("é") in advances and 0x1F99C not in advances  # a Latin letter is there; the parrot emoji is not


def test_a_font_with_an_unusual_character_map_is_left_to_fonttools(tmp_path: Path) -> None:
    path = find_font(False)
    assert path is not None
    font = TTFont(str(path))
    kept = font["cmap"].tables[0]
    kept.platformID, kept.platEncID = 1, 0  # one Macintosh Roman map: none the reader takes
    font["cmap"].tables = [kept]
    copy = tmp_path / "mac-only.ttf"
    font.save(str(copy))
    assert read_widths(copy) is None
