"""Make the README screenshots in docs/images/ with the browser test set-up: `make screenshots`.

Each image is an example rendered through the public API, opened in headless Chromium at a fixed
window size and captured by `tests/tools.py`, the helpers the browser tests use; the Markdown
report is shown as a code host draws it, its Mermaid diagram rendered by mermaid-cli. Run it
after a change to a renderer or an example and commit the PNGs it rewrites.

    .venv/bin/python tests/screenshots.py [OUTPUT_DIR]    # default: docs/images
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script: make the repository importable, as pytest does.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.tools import ROOT, build_page, screenshot, stable_screenshot

IMAGES = ROOT / "docs" / "images"
MAX_BYTES = 400_000


@dataclass(frozen=True)
class Shot:
    """One README image: which example, in which format, at which window size (SVG: zoom; Markdown: first heading)."""

    name: str
    example: str
    format: str
    width: int = 1280
    height: int = 1000
    zoom: float = 1.0
    start: str = ""


SHOTS = (
    # The flow reads top to bottom, about a page wide: its header, legend and first stages.
    Shot("ecommerce-svg.png", "ecommerce-first-purchase", "svg", height=1000, zoom=0.9),
    Shot("ecommerce-html.png", "ecommerce-first-purchase", "html", height=1400),
    # From the stage table on: the Mermaid emotional curve and the tables a code host draws.
    Shot("ecommerce-md.png", "ecommerce-first-purchase", "md", height=1300, start="stages"),
    Shot("support-fr-html.png", "support-box-internet-fr", "html", height=1400),
    Shot("blueprint-html.png", "bank-account-opening-blueprint", "html", height=1400),
)


def make_screenshots(out_dir: Path, work_dir: Path, stable: bool = True) -> list[Path]:
    """Render every shot's page into `work_dir` and capture it into `out_dir`; return the PNGs.

    `stable` retakes each capture until two in a row agree (for the committed images); the test of
    this set-up takes one capture each, as it checks sizes and content, not every pixel.
    """
    made = []
    for shot in SHOTS:
        source = ROOT / "examples" / f"{shot.example}.yaml"
        page = build_page(source, shot.format, work_dir / shot.example, shot.zoom, shot.start)
        png = out_dir / shot.name
        if stable:
            stable_screenshot(page, png, shot.width, shot.height, attempts=10)
        else:
            screenshot(page, png, shot.width, shot.height)
        made.append(png)
    return made


def main(arguments: list[str]) -> int:
    """Write the screenshots and say where, with their sizes."""
    out_dir = Path(arguments[0]) if arguments else IMAGES
    with tempfile.TemporaryDirectory(prefix="cjm-screenshots-") as work:
        made = make_screenshots(out_dir, Path(work))
    too_big = []
    for png in made:
        size = png.stat().st_size
        print(f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}  {size / 1000:.0f} KB")
        if size > MAX_BYTES:
            too_big.append(png.name)
    if too_big:
        print(f"over {MAX_BYTES // 1000} KB: {', '.join(too_big)}; lower the window height", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
