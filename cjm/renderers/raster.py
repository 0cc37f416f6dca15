"""Running the programs the pictures need: librsvg's `rsvg-convert` (SVG → PNG) and fontconfig's `fc-list`.

Why rsvg-convert rather than CairoSVG: librsvg lays text out with Pango and HarfBuzz, so it shapes
complex scripts, kerns, and falls back per character through fontconfig to any installed font
that has the glyph (an emoji or a CJK label is drawn when such a font exists); CairoSVG draws
text through cairo's "toy" text API, one font per run, with no shaping and no per-glyph fallback.
librsvg is one Debian package (`librsvg2-bin`) and needs no Python binding.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess

from cjm.renderers import RenderError
from cjm.translation import Message

# PNGs for slides: at least this wide (2× a 1000-unit map is too soft on a 4K projector).
MIN_WIDTH = 2400
MIN_SCALE = 2.0
# The most pixels a PNG gets: a very long map is drawn smaller rather than as a 150-megapixel canvas.
MAX_PIXELS = 24_000_000
# The map and slide views write "0 0 W H", Graphviz "0.00 0.00 W H".
VIEWBOX = re.compile(r'viewBox="0(?:\.0+)? 0(?:\.0+)? ([0-9.]+) ([0-9.]+)"')


def png_size(width: float, height: float) -> tuple[int, int]:
    """The PNG's pixel size for a picture of `width` × `height` user units.

    At least MIN_SCALE× and MIN_WIDTH pixels wide, unless that would exceed MAX_PIXELS: then the
    largest scale that stays under the cap.
    """
    scale = max(MIN_SCALE, MIN_WIDTH / width)
    if width * height * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / (width * height))
    return math.floor(width * scale), math.floor(height * scale)


def rasterise(svg: str, timeout: float = 60.0) -> bytes:
    """A PNG of an SVG document (with `viewBox="0 0 W H"`), drawn by rsvg-convert at `png_size`.

    Raises RenderError CJM405 when rsvg-convert is not installed, CJM406 when it fails or runs
    longer than `timeout` seconds.
    """
    found = VIEWBOX.search(svg)
    if found is None:
        raise ValueError("the SVG has no viewBox starting at 0 0")
    width, height = png_size(float(found.group(1)), float(found.group(2)))
    program = shutil.which("rsvg-convert")
    if program is None:
        raise RenderError(
            "CJM405",
            Message("librsvg's rsvg-convert is not installed"),
            Message(
                "install it (Debian and Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg), "
                "or build -f svg"
            ),
        )
    command = [program, "--format=png", f"--width={width}", f"--height={height}"]
    try:
        done = subprocess.run(command, input=svg.encode("utf-8"), capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise RenderError(
            "CJM406", Message("rsvg-convert did not finish in {seconds} s", seconds=format(timeout, "g"))
        ) from None
    if done.returncode != 0 or not done.stdout.startswith(b"\x89PNG"):
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(
            "CJM406", Message("rsvg-convert failed: {reason}", reason=message[-1] if message else done.returncode)
        )
    return done.stdout


def installed_font_covers(char: str, timeout: float = 10.0) -> bool | None:
    """Whether any installed font has a glyph for `char`, asked of fontconfig; None when fc-list is missing."""
    program = shutil.which("fc-list")
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, f":charset={ord(char):x}", "file"], capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return None
    return bool(done.stdout.strip()) if done.returncode == 0 else None
