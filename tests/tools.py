"""The external tools the test suite drives: headless Chromium, mermaid-cli and a PNG reader.

Shared by the browser and Mermaid tests and by `tests/screenshots.py`, so the README images come
from the same set-up the tests check. Nothing here skips: a missing tool is reported with the
`make` target that installs it, and the caller fails.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cjm import load
from cjm.model import Journey, slugify
from cjm.renderers import RenderOptions, render

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "tests" / "node"
NODE_BIN = NODE_DIR / "node_modules" / ".bin"
PUPPETEER_CONFIG = NODE_DIR / "puppeteer-config.json"
ARTIFACTS = ROOT / "tests" / "artifacts"
# Scripts run in the page after layout; each writes what it found as JSON into `pre#cjm-result`.
PROBES = ROOT / "tests" / "probes"
HTML_PROBE = PROBES / "html-layout.js"
SVG_PROBE = PROBES / "svg-layout.js"
VIEW_PROBE = PROBES / "view-layout.js"
# The helpers every probe uses (its report, boxes, colours, contrast): put before each probe.
MEASURE_SCRIPT = PROBES / "measure.js"
AXE_RUNNER = PROBES / "axe-run.js"
AXE_SCRIPT = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"

# Debian's Chromium runs headless as root only with these; a fresh profile each run keeps runs independent.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    # Containers often give /dev/shm only 64 MB, too little for a tall page; use /tmp instead.
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
CHROMIUM_TIMEOUT = 45.0
CHROMIUM_ATTEMPTS = 2
MMDC_TIMEOUT = 90.0
PAGE_WIDTH = 1280
RESULT_ID = "cjm-result"
DECODED_PIXELS = 800_000


class MissingToolError(RuntimeError):
    """A tool the tests need is not installed; the message names the `make` target that installs it."""


def find_chromium() -> Path | None:
    """Debian's Chromium binary, or None when it is not installed."""
    debian = Path("/usr/bin/chromium")
    if debian.exists():
        return debian
    found = shutil.which("chromium")
    return Path(found) if found else None


def require_chromium() -> Path:
    """Debian's Chromium binary; raise MissingToolError naming `make system` when it is missing."""
    chromium = find_chromium()
    if chromium is None:
        raise MissingToolError("Chromium not found at /usr/bin/chromium or on PATH: run `make system`")
    return chromium


def find_node_tool(name: str) -> Path | None:
    """A command installed by `make node` under tests/node, or None when it (or Node.js itself) is missing."""
    tool = NODE_BIN / name
    return tool if tool.exists() and shutil.which("node") else None


def require_node_tool(name: str) -> Path:
    """A command installed by `make node`; raise MissingToolError naming `make node` when it is missing."""
    tool = find_node_tool(name)
    if tool is None:
        raise MissingToolError(f"{NODE_BIN / name} not found (or `node` not on PATH): run `make node`")
    return tool


def load_with_baseline(source: Path) -> tuple[Journey, Journey | None]:
    """Load a map and, for a future-state map, the current-state map its `baseline:` names (as `cjm build` does)."""
    journey = load(source)
    return journey, load(source.parent / journey.baseline) if journey.baseline else None


def build_text(source: Path, format_name: str, view: str = "map") -> str:
    """Render a map file to a text format (an `svg` in one of the views) through the public API."""
    journey, baseline = load_with_baseline(source)
    output = render(journey, format_name, RenderOptions(stem=source.stem, baseline=baseline, view=view))
    return output.decode("utf-8") if isinstance(output, bytes) else output


def run_killable(command: list[str], timeout: float) -> subprocess.CompletedProcess[str] | None:
    """Run a command in its own process group; on timeout kill the whole group and return None.

    Why the group: Chromium (and mermaid-cli's Chromium under Node) starts helper processes that
    would outlive a plain kill of the parent.
    """
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return None
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def run_chromium(*args: str, timeout: float = CHROMIUM_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a fresh profile; raise with its stderr when it fails.

    Why a second attempt: Debian's Chromium has been seen never to exit after `--screenshot`
    (once in 25 runs, with `--run-all-compositor-stages-before-draw`, since dropped; none in 80
    runs without it). A hung run is killed and run once more; a second hang fails.
    """
    chromium = require_chromium()
    for _ in range(CHROMIUM_ATTEMPTS):
        with tempfile.TemporaryDirectory(prefix="cjm-chromium-", ignore_cleanup_errors=True) as profile:
            result = run_killable([str(chromium), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], timeout)
        if result is None:
            continue
        if result.returncode != 0:
            raise RuntimeError(f"chromium {' '.join(args)} exited with {result.returncode}:\n{result.stderr[-3000:]}")
        return result
    raise RuntimeError(f"chromium {' '.join(args)} did not finish in {timeout:.0f} s, {CHROMIUM_ATTEMPTS} times")


def screenshot(page: Path, png: Path, width: int = PAGE_WIDTH, height: int = 900) -> Png:
    """Take a screenshot of a local page at a window size; return the PNG with its top DECODED_PIXELS decoded."""
    png.parent.mkdir(parents=True, exist_ok=True)
    png.unlink(missing_ok=True)
    run_chromium(f"--screenshot={png}", f"--window-size={width},{height}", "--virtual-time-budget=3000", page.as_uri())
    assert png.exists(), f"chromium wrote no screenshot for {page}"
    return read_png(png, max_rows=max(1, DECODED_PIXELS // width))


def stable_screenshot(page: Path, png: Path, width: int, height: int, attempts: int = 5) -> Png:
    """Take screenshots until two in a row are identical, and keep that one (for committed images).

    Why: now and then a headless capture leaves a tile of a scrolling box unpainted (white); the
    same page captured twice the same way is taken as complete.
    """
    previous = b""
    for _ in range(attempts):
        decoded = screenshot(page, png, width, height)
        current = png.read_bytes()
        if current == previous:
            return decoded
        previous = current
    raise RuntimeError(f"no two identical screenshots of {page.name} in {attempts} attempts")


def print_pdf(page: Path, pdf: Path) -> bytes:
    """Print a local page to PDF as a browser's print dialog would, without header and footer."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.unlink(missing_ok=True)
    run_chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", "--virtual-time-budget=3000", page.as_uri())
    assert pdf.exists(), f"chromium printed no PDF for {page}"
    return pdf.read_bytes()


def dump_dom(page: Path, width: int = PAGE_WIDTH, height: int = 900) -> str:
    """The page's DOM serialised after its scripts ran (virtual time lets timers and fonts settle)."""
    result = run_chromium("--dump-dom", f"--window-size={width},{height}", "--virtual-time-budget=5000", page.as_uri())
    return result.stdout


def with_probe(page_html: str, probe: Path) -> str:
    """A copy of a page with a probe script appended to its body, after the helpers it uses (MEASURE_SCRIPT).

    Why: a Content-Security-Policy that forbids inline scripts would silently stop the probe,
    so such a policy is dropped from the copy (the original page is left as it is).
    """
    page_html = re.sub(r"<meta[^>]+Content-Security-Policy[^>]*>", "", page_html, flags=re.IGNORECASE)
    helpers = MEASURE_SCRIPT.read_text(encoding="utf-8")
    script = f"<script>\n{helpers}</script><script>\n{probe.read_text(encoding='utf-8')}</script>"
    if "</body>" in page_html:
        index = page_html.rindex("</body>")
        return page_html[:index] + script + page_html[index:]
    return page_html + script


def svg_page(svg: str, zoom: float = 1.0, width: int | None = None, background: str = "#fff") -> str:
    """A minimal HTML page that inlines an SVG document, at its natural size times `zoom` or `width` px wide.

    `background` is the page's colour (a dark one shows whether the picture brings its own).
    """
    body = re.sub(r"^<\?xml[^>]*>\s*|<!DOCTYPE[^>]*>\s*", "", svg, flags=re.DOTALL)
    size = f"width:{width}px;height:auto" if width else f"zoom:{zoom}"
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Picture</title><style>'
        f"html,body{{margin:0;background:{background}}}"
        f"svg{{display:block;{size}}}h1{{position:absolute;left:-9999px}}</style></head>\n"
        f"<body><main><h1>Picture</h1>\n{body}\n</main></body></html>\n"
    )


MARKDOWN_CSS = """
body { margin: 0; background: #fff; color: #1f2328; font: 15px/1.5 -apple-system, "Segoe UI", "Noto Sans",
  "Liberation Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1012px; margin: 0 auto; padding: 32px; }
h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
code { background: #eff1f3; padding: .2em .4em; border-radius: 6px; font-size: 85%; }
blockquote { margin: 0; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
img { max-width: 100%; }
"""


def markdown_page(markdown: str, title: str, start: str = "") -> str:
    """The Markdown report as a code host shows it: CommonMark with tables and inline HTML (`<br>`), GitHub-like.

    Headings get GitHub-style ids; `start` (one of them) hides what comes before that heading.
    Why not scroll: headless Chromium's `--screenshot` always captures the top of the page.
    """
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    body = re.sub(
        r"<h([1-6])>(.*?)</h\1>",
        lambda m: f'<h{m[1]} id="{slugify(html.unescape(re.sub("<[^>]+>", "", m[2])))}">{m[2]}</h{m[1]}>',
        body,
    )
    skip = f"main > :has(~ #{start}) {{ display: none; }}" if start else ""
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{MARKDOWN_CSS}{skip}</style></head>\n<body><main>\n{body}</main></body></html>\n"
    )


def build_page(
    source: Path, format_name: str, directory: Path, zoom: float = 1.0, start: str = "", view: str = "map"
) -> Path:
    """Render an example to a page Chromium opens, in `directory`; return the page.

    `html` is the report itself; `svg` is the SVG of a view (`map`, `flow`, `slide`) inlined in a
    page, at `zoom`; `md` is the Markdown report converted to HTML (from its heading `start`, if
    given), with its Mermaid blocks drawn by mermaid-cli and the map SVG it shows next to it.
    """
    stem = source.stem
    directory.mkdir(parents=True, exist_ok=True)
    if format_name == "html":
        page = directory / f"{stem}.html"
        page.write_text(build_text(source, "html"), encoding="utf-8")
        return page
    svg = build_text(source, "svg", view)
    infix = "" if view == "map" else f".{view}"
    (directory / f"{stem}{infix}.svg").write_text(svg, encoding="utf-8")
    if format_name == "svg":
        page = directory / f"{stem}{infix}.svg.html"
        page.write_text(svg_page(svg, zoom), encoding="utf-8")
        return page
    assert format_name == "md", f"no page for format {format_name}"
    report = directory / f"{stem}.md"
    journey, baseline = load_with_baseline(source)
    siblings = frozenset({f"{stem}{infix}.svg", f"{stem}.md"})
    options = RenderOptions(stem=stem, baseline=baseline, siblings=siblings)
    report.write_text(str(render(journey, "md", options)), encoding="utf-8")
    drawn = directory / f"{stem}.drawn.md"
    result = run_mmdc(report, drawn)
    assert result.returncode == 0 and drawn.exists(), f"mmdc failed on {report.name}:\n{result.stderr[-3000:]}"
    page = directory / f"{stem}.md.html"
    title = load(source).title
    page.write_text(markdown_page(drawn.read_text(encoding="utf-8"), title, start), encoding="utf-8")
    return page


def probe_page(page: Path, probe: Path, width: int = PAGE_WIDTH, height: int = 900) -> dict[str, Any]:
    """Load a copy of a page with a probe script in Chromium (window `width` × `height`) and return its report."""
    probed = page.with_name(f"{page.stem}.probe.html")
    probed.write_text(with_probe(page.read_text(encoding="utf-8"), probe), encoding="utf-8")
    dom = dump_dom(probed, width=width, height=height)
    found = re.findall(rf'<pre id="{RESULT_ID}">(.*?)</pre>', dom, flags=re.DOTALL)
    assert found, f"the layout probe did not report for {page.name}; DOM tail:\n{dom[-2000:]}"
    result: dict[str, Any] = json.loads(html.unescape(found[-1]))
    assert "error" not in result, f"the layout probe failed on {page.name}: {result['error']}"
    return result


def run_axe(page: Path) -> dict[str, Any]:
    """Run axe-core (installed by `make node`) on a copy of a local page in Chromium; return its report.

    The report has `violations` (id, impact, help, the first offending nodes) and the count of `passes`.
    """
    if not AXE_SCRIPT.exists():
        raise MissingToolError(f"{AXE_SCRIPT} not found: run `make node`")
    probed = page.with_name(f"{page.stem}.axe.html")
    script = f"<script>{AXE_SCRIPT.read_text(encoding='utf-8')}</script>"
    probed.write_text(with_probe(page.read_text(encoding="utf-8").replace("</body>", script + "</body>"), AXE_RUNNER))
    result = run_chromium("--dump-dom", "--window-size=1280,900", "--virtual-time-budget=15000", probed.as_uri())
    found = re.findall(rf'<pre id="{RESULT_ID}">(.*?)</pre>', result.stdout, flags=re.DOTALL)
    assert found, f"axe did not report for {page.name}"
    report: dict[str, Any] = json.loads(html.unescape(found[-1]))
    assert "error" not in report, f"axe failed on {page.name}: {report['error']}"
    return report


@dataclass(frozen=True)
class Png:
    """A decoded 8-bit PNG: its size and the pixels of its first rows (`rows`, one bytes per row)."""

    width: int
    height: int
    channels: int
    rows: list[bytes]

    def colours(self, step: int = 1) -> set[bytes]:
        """The distinct pixel values, looking at every `step`-th pixel of every `step`-th row."""
        seen: set[bytes] = set()
        size = self.channels
        for row in self.rows[::step]:
            for start in range(0, len(row), size * step):
                seen.add(row[start : start + size])
        return seen

    def share_unlike(self, background: bytes, step: int = 4) -> float:
        """The share of sampled pixels that differ from a background colour."""
        total = different = 0
        size = self.channels
        for row in self.rows[::step]:
            for start in range(0, len(row), size * step):
                total += 1
                different += row[start : start + size] != background
        return different / total if total else 0.0


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


def read_png(path: Path, max_rows: int | None = None) -> Png:
    """Decode an 8-bit, non-interlaced PNG (what Chromium and mermaid-cli write) with zlib alone.

    Why `max_rows`: undoing PNG filters in pure Python costs about a second per million pixels,
    and the top of a page is enough to tell a rendering from a blank one.
    Every chunk's CRC and the whole image data's length are still checked.
    """
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE), f"{path.name} is not a PNG"
    position, idat, header = 8, bytearray(), None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        chunk = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert zlib.crc32(kind + chunk) == crc, f"{path.name}: bad CRC in {kind!r}"
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
        position += 12 + length
    assert header is not None, f"{path.name} has no IHDR chunk"
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in CHANNELS and interlace == 0, f"{path.name}: unsupported PNG {header}"
    channels = CHANNELS[colour_type]
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    assert len(raw) == height * (stride + 1), f"{path.name}: truncated image data"
    rows: list[bytes] = []
    previous = bytes(stride)
    for y in range(height if max_rows is None else min(height, max_rows)):
        start = y * (stride + 1)
        row = _unfilter(raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, channels)
        rows.append(row)
        previous = row
    return Png(width, height, channels, rows)


def _unfilter(kind: int, row: bytearray, previous: bytes, bpp: int) -> bytes:
    """Undo one row's PNG filter (RFC 2083, section 6)."""
    if kind == 0:
        return bytes(row)
    if kind == 1:
        for i in range(bpp, len(row)):
            row[i] = (row[i] + row[i - bpp]) & 0xFF
    elif kind == 2:
        for i in range(len(row)):
            row[i] = (row[i] + previous[i]) & 0xFF
    elif kind == 3:
        for i in range(len(row)):
            left = row[i - bpp] if i >= bpp else 0
            row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(len(row)):
            a = row[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    else:
        raise ValueError(f"unknown PNG filter {kind}")
    return bytes(row)


def run_mmdc(source: Path, output: Path) -> subprocess.CompletedProcess[str]:
    """Render a Mermaid file, or every Mermaid block of a Markdown file, with the real mermaid-cli.

    A Markdown input gives a Markdown output whose blocks are images `<output stem>-<n>.svg`.
    """
    mmdc = require_node_tool("mmdc")
    output.parent.mkdir(parents=True, exist_ok=True)
    command = [str(mmdc), "--quiet", "-p", str(PUPPETEER_CONFIG), "-i", str(source), "-o", str(output)]
    result = run_killable(command, MMDC_TIMEOUT)
    if result is None:
        raise RuntimeError(f"mmdc did not finish rendering {source.name} in {MMDC_TIMEOUT:.0f} s")
    return result


MERMAID_BLOCK = re.compile(r"^```mermaid\n(.*?)^```$", flags=re.MULTILINE | re.DOTALL)


def mermaid_blocks(markdown: str) -> list[str]:
    """The ```mermaid fenced blocks of a Markdown text, in order."""
    return [match.group(1) for match in MERMAID_BLOCK.finditer(markdown)]
