"""Running Graphviz: lay a DOT source out once, then draw that layout as SVG or PNG.

Generating DOT (`flow_dot`) and running the program that compiles it are separate modules
(rendercv's habit). The `graphviz` package builds the command line and reports a missing
executable (`ExecutableNotFound`) or a failing one (`CalledProcessError`); both become a
RenderError (CJM401, CJM402) with a hint.

Why one run: the SVG `dot` draws is kept per source for the process, and the PNG is that SVG
rasterised by rsvg-convert (`cjm.renderers.raster`), so a build of SVG, PNG and DOT lays each
map out once and runs Graphviz once.

Why `execute.run_check` rather than `graphviz.pipe`: pipe() is built from exactly these two calls
but takes no timeout, and a huge map must not hang a CI job.
"""

from __future__ import annotations

import functools
import subprocess

import graphviz
from graphviz.backend import dot_command, execute

from cjm.renderers import RenderError
from cjm.translation import Message

DOT_HINT = Message(
    "check that `dot -V` works; a very large map may need a longer timeout, and html and md still work without it"
)
MISSING_HINT = Message(
    "install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz); "
    "html and md still work without it"
)
LAYOUT_CACHE_SIZE = 32


def run(source: bytes, engine: str, output_format: str, arguments: list[str], timeout: float) -> bytes:
    """Run one Graphviz program on `source` and return what it writes, or raise RenderError.

    `engine` is `dot` (or `neato`, run with `-n2` on a laid-out graph); `arguments` are extra
    command-line options. Raises CJM401 when Graphviz is not installed, CJM402
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
def draw_svg(source: str, timeout: float) -> bytes:
    """The SVG Graphviz draws for a DOT source: one run of `dot` per source, kept for the process.

    The PNG of the flow is that SVG rasterised (`cjm.renderers.raster`), so a build of every
    format lays each map out once.
    """
    return run(source.encode("utf-8"), "dot", "svg", [], timeout)


def first_error(stderr: str) -> str:
    """The line of Graphviz's messages that says what went wrong: the first error, else the first line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith("error")]
    return (errors or lines or [""])[0]
