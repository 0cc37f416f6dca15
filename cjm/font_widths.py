"""Advance widths of a TrueType font read straight from its `cmap`, `hmtx`, `hhea`, `maxp` and `head` tables.

Why not fontTools: importing it and decoding the two tables through its generic table objects
cost a build of one map about 45 ms of CPU (two fonts), more than drawing the map; these five
tables are plain big-endian arrays (OpenType specification, "cmap — Character to Glyph Index
Mapping Table", formats 4 and 12; "hmtx — Horizontal Metrics"). The result is what fontTools
gives (`getBestCmap()` with the advance of each glyph), which tests/test_font_widths.py checks on
the installed fonts. A font whose preferred character map is in another format answers None, and
`cjm.renderers.font` reads it with fontTools.
"""

from __future__ import annotations

import struct
import sys
from array import array
from pathlib import Path

# fontTools' getBestCmap order: (platform, encoding) of the character map to use.
PREFERENCES = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def read_widths(path: Path) -> tuple[int, dict[int, int]] | None:
    """A font file's units per em and advance width (font units) per code point; None for an unusual cmap.

    Errors: OSError when the file cannot be read; ValueError (struct.error) when it is not a TrueType font.
    """
    data = path.read_bytes()
    tables = _tables(data)
    units = struct.unpack_from(">H", data, tables["head"] + 18)[0]
    glyphs = struct.unpack_from(">H", data, tables["maxp"] + 4)[0]
    long_metrics = struct.unpack_from(">H", data, tables["hhea"] + 34)[0]
    pairs = _words(data, tables["hmtx"], 2 * long_metrics)
    advances = list(pairs[0::2]) + [pairs[2 * long_metrics - 2]] * (glyphs - long_metrics)
    glyph_of = _best_cmap(data, tables["cmap"])
    if glyph_of is None:
        return None
    return units, {code: advances[glyph] for code, glyph in glyph_of.items() if glyph < glyphs}


def _tables(data: bytes) -> dict[str, int]:
    """The offset of each table, by tag, from the table directory."""
    count = struct.unpack_from(">H", data, 4)[0]
    found = {}
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        found[tag.decode("latin-1")] = offset
    return found


def _words(data: bytes, offset: int, count: int) -> array[int]:
    """`count` big-endian unsigned 16-bit numbers from `offset`."""
    words = array("H", data[offset : offset + 2 * count])
    if sys.byteorder == "little":
        words.byteswap()
    return words


def _best_cmap(data: bytes, cmap: int) -> dict[int, int] | None:
    """Code point → glyph index from the preferred character map, as fontTools' getBestCmap chooses it."""
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    subtables: dict[tuple[int, int], int] = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        subtables.setdefault((platform, encoding), cmap + offset)
    for preference in PREFERENCES:
        if preference in subtables:
            start = subtables[preference]
            kind = struct.unpack_from(">H", data, start)[0]
            if kind == 4:
                return _format_4(data, start)
            if kind == 12:
                return _format_12(data, start)
            return None
    return None


def _format_4(data: bytes, start: int) -> dict[int, int]:
    """A segment-mapping subtable (format 4), the last segment (0xFFFF) left out as fontTools does."""
    length, _language, doubled = struct.unpack_from(">HHH", data, start + 2)
    segments = doubled // 2
    words = _words(data, start + 14, (length - 14) // 2)
    ends = words[0:segments]
    starts = words[segments + 1 : 2 * segments + 1]
    deltas = words[2 * segments + 1 : 3 * segments + 1]
    range_offsets = words[3 * segments + 1 : 4 * segments + 1]
    glyph_ids = words[4 * segments + 1 :]
    found: dict[int, int] = {}
    for segment in range(segments - 1):
        first, last, delta, range_offset = starts[segment], ends[segment], deltas[segment], range_offsets[segment]
        if range_offset == 0:
            for code in range(first, last + 1):
                found[code] = (code + delta) & 0xFFFF
            continue
        shift = range_offset // 2 - first + segment - segments
        for code in range(first, last + 1):
            glyph = glyph_ids[code + shift]
            found[code] = (glyph + delta) & 0xFFFF if glyph else 0
    return found


def _format_12(data: bytes, start: int) -> dict[int, int]:
    """A segmented-coverage subtable (format 12): groups of consecutive code points and glyphs."""
    groups = struct.unpack_from(">I", data, start + 12)[0]
    found: dict[int, int] = {}
    for index in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * index)
        for code in range(first, last + 1):
            found[code] = glyph + code - first
    return found
