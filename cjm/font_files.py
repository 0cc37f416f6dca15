"""Where the pictures' font, DejaVu Sans, is on this machine: one lookup for the renderers and the build cache.

Why apart from `cjm.renderers.font`: the cache fingerprints the font file to key the pictures
drawn with it, and must not import the renderers (or fontTools) to answer from the cache.
"""

from __future__ import annotations

from pathlib import Path

FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
# Where fonts live on Debian and Ubuntu, other Linux systems, macOS and Windows; searched in order.
FONT_DIRECTORIES = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)
# Searched recursively when the font is in none of FONT_DIRECTORIES.
FONT_ROOTS = ("/usr/share/fonts", "/usr/local/share/fonts")


def find_font(bold: bool = False) -> Path | None:
    """The DejaVu Sans file (regular or bold): FONT_DIRECTORIES first, then a search of FONT_ROOTS; None if absent."""
    name = FONT_FILES[bold]
    for directory in FONT_DIRECTORIES:
        folder = Path(directory).expanduser()
        if (folder / name).is_file():
            return folder / name
    for root in FONT_ROOTS:
        found = sorted(Path(root).rglob(name)) if Path(root).is_dir() else []
        if found:
            return found[0]
    return None
