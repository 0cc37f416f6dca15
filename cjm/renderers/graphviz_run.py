"""Running Graphviz: lay a DOT source out once, then draw that layout as SVG or PNG.

Generating DOT (`flow_dot`) and running the program that compiles it are separate modules
(rendercv's habit). The `graphviz` package builds the command line and reports a missing
executable (`ExecutableNotFound`) or a failing one (`CalledProcessError`); both become a
RenderError (CJM401, CJM402) with a hint.

Why a layout step: one run of `dot` writes the SVG and the source back with every position fixed
(`-Tdot`); drawing that with Graphviz's no-op layout (`neato -n2`, which keeps the given node and
edge positions) costs no layout, so a build of SVG, PNG and DOT lays each map out once: one `dot`
run for the SVG, one more to draw the PNG (the layout is kept, per source, for the process).

Why `execute.run_check` rather than `graphviz.pipe`: pipe() is built from exactly these two calls
but takes no timeout, and a huge map must not hang a CI job.
"""

from __future__ import annotations

import functools
import math
import re
import subprocess

import graphviz
from graphviz.backend import dot_command, execute

from cjm.renderers import RenderError
from cjm.renderers import flow_style as style
from cjm.translation import Message

DOT_HINT = Message(
    "check that `dot -V` works; a very large map may need a longer timeout, and html and md still work without it"
)
MISSING_HINT = Message(
    "install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz); "
    "html and md still work without it"
)
LAYOUT_CACHE_SIZE = 32
_BOUNDING_BOX = re.compile(rb'\bbb="([-0-9.]+),([-0-9.]+),([-0-9.]+),([-0-9.]+)"')


def run(source: bytes, engine: str, output_format: str, arguments: list[str], timeout: float) -> bytes:
    """Run one Graphviz program on `source` and return what it writes, or raise RenderError.

    `engine` is `dot` (layout) or `neato` with `-n2` (drawing a laid-out graph); `arguments` are
    extra command-line options (`-Gdpi=…`). Raises CJM401 when Graphviz is not installed, CJM402
    when it fails, cannot start or does not finish within `timeout` seconds.
    """
    command = [*dot_command.command(engine, output_format, neato_no_op=2 if engine == "neato" else None), *arguments]
    try:
        completed = execute.run_check(command, input=source, capture_output=True, quiet=True, timeout=timeout)
    except graphviz.ExecutableNotFound:
        raise RenderError(
            "CJM401", Message("Graphviz `dot` is not installed, so svg and png cannot be drawn"), MISSING_HINT
        ) from None
    except subprocess.TimeoutExpired:
        raise RenderError(
            "CJM402",
            Message("Graphviz `dot` did not finish within {seconds} s", seconds=format(timeout, "g")),
            DOT_HINT,
        ) from None
    except graphviz.CalledProcessError as error:
        stderr = error.stderr.decode("utf-8", "replace") if isinstance(error.stderr, bytes) else str(error.stderr or "")
        reason = first_error(stderr) or Message("exit status {status}", status=error.returncode)
        raise RenderError("CJM402", Message("Graphviz `dot` failed: {reason}", reason=reason), DOT_HINT) from None
    except OSError as error:
        raise RenderError(
            "CJM402", Message("Graphviz `dot` could not be started: {reason}", reason=error.strerror), DOT_HINT
        ) from None
    output: bytes = completed.stdout
    if not output:
        raise RenderError("CJM402", Message("Graphviz `dot` failed: it wrote nothing"), DOT_HINT)
    return output


@functools.lru_cache(maxsize=LAYOUT_CACHE_SIZE)
def layout_and_svg(source: str, timeout: float) -> tuple[bytes, bytes]:
    """One run of `dot`: the source laid out (positions fixed) and its SVG, kept for the process.

    Why both at once: `dot -Tdot -Tsvg` lays the graph out once and writes both, one after the
    other; the SVG starts at its XML declaration (the laid-out DOT cannot contain one: user text
    in it is escaped). A PNG of the same map is then drawn from the kept layout.
    """
    both = run(source.encode("utf-8"), "dot", "dot", ["-Tsvg"], timeout)
    start = both.find(b"<?xml")
    if start < 0:
        raise RenderError("CJM402", Message("Graphviz `dot` failed: it wrote no SVG"), DOT_HINT)
    return both[:start], both[start:]


def layout(source: str, timeout: float) -> bytes:
    """The DOT source laid out by `dot` (positions fixed), from the one run per map (`layout_and_svg`)."""
    return layout_and_svg(source, timeout)[0]


def draw_svg(source: str, timeout: float) -> bytes:
    """The SVG Graphviz draws for a DOT source, from the one run per map (`layout_and_svg`)."""
    return layout_and_svg(source, timeout)[1]


def draw_png(source: str, timeout: float) -> bytes:
    """A PNG of the DOT source, at least PNG_MIN_WIDTH pixels wide and at most PNG_MAX_PIXELS, from its one layout."""
    laid_out = layout(source, timeout)
    width, height = size_inches(laid_out)
    return run(laid_out, "neato", "png", [f"-Gdpi={png_dpi(width, height)}"], timeout)


def size_inches(laid_out: bytes) -> tuple[float, float]:
    """The drawing's width and height in inches, from the first `bb` (the graph's) of a laid-out source."""
    match = _BOUNDING_BOX.search(laid_out)
    if match is None:
        return 0.0, 0.0
    left, bottom, right, top = (float(value) for value in match.groups())
    return (right - left) / 72, (top - bottom) / 72


def png_dpi(width_inches: float, height_inches: float = 0.0) -> int:
    """The resolution that makes a drawing at least PNG_MIN_WIDTH pixels wide, capped at PNG_MAX_PIXELS.

    Between PNG_MIN_DPI and PNG_MAX_DPI, except that the pixel cap wins over the minimum: a very
    long map gets a lower resolution rather than a canvas no viewer opens.
    """
    if width_inches <= 0:
        return style.PNG_MAX_DPI
    dpi = max(style.PNG_MIN_DPI, min(style.PNG_MAX_DPI, math.ceil(style.PNG_MIN_WIDTH / width_inches)))
    if height_inches > 0:
        dpi = min(dpi, math.floor(math.sqrt(style.PNG_MAX_PIXELS / (width_inches * height_inches))))
    return max(dpi, 1)


def first_error(stderr: str) -> str:
    """The line of Graphviz's messages that says what went wrong: the first error, else the first line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith("error")]
    return (errors or lines or [""])[0]
