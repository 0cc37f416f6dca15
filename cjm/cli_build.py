"""`cjm build`: compile maps to their outputs over the worker pool, report each map as it is done.

Nothing here imports typer (see `cjm.cli_validate`); rich is imported only to draw the progress
bar on an interactive terminal.
"""

from __future__ import annotations

import contextlib
import datetime
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cjm.cli_validate import emit, jobs_for, journey_paths, open_cache, use_color
from cjm.diagnostics import EXIT_INVALID, EXIT_OK
from cjm.renderers import DEFAULT_FORMATS
from cjm.reporters import REPORTERS, build_summary
from cjm.translation import _

if TYPE_CHECKING:
    from cjm.build import BuildResult


def build(
    files: Sequence[str],
    formats: Sequence[str] | None = None,
    views: Sequence[str] | None = None,
    out_dir: Path | None = None,
    output_format: str = "text",
    strict: bool = False,
    today: datetime.date | None = None,
    jobs: int | None = None,
    no_cache: bool = False,
    shard: str | None = None,
    stdout: bool = False,
) -> int:
    """Build every map a command line names (or one output to stdout with `stdout`); the exit code.

    Errors: UsageError, before anything is printed or written.
    """
    if stdout:
        return build_to_stdout(files, formats or [], out_dir, strict, today, not no_cache)
    from cjm.build import build_files
    from cjm.cli import after_start_up
    from cjm.jobs import BUILD_SECONDS
    from cjm.reporters import Tally, report_file_text, styled

    started = time.perf_counter()
    selection = journey_paths(files, shard)
    emit("", selection.note + selection.empty_shard)
    if not selection.paths:
        return EXIT_OK
    paths = selection.paths
    chosen = list(formats or DEFAULT_FORMATS)
    color = use_color()
    kept: list[BuildResult] = []  # json and github print one document at the end: only the diagnostics are kept
    problems, files_count, failed, written, cached = Tally(), 0, 0, 0, 0
    with _progress(len(paths)) as advance:
        workers, cache = jobs_for(jobs, len(paths), BUILD_SECONDS), open_cache(no_cache)
        for item in after_start_up(
            build_files(paths, chosen, out_dir, advance, today, cache, workers, views or ["map"])
        ):
            files_count, failed, written = files_count + 1, failed + (not item.ok), written + len(item.written)
            cached += max(0, len(item.written) - len(item.rendered))
            if not item.diagnostics:
                continue
            problems.add(item)
            if output_format == "text":
                emit("", report_file_text(item, color))
            else:
                kept.append(item._replace(text=None, written=()))
    if problems.files and output_format == "text":
        emit("", styled([(problems.line(), "bold"), ("\n", "")], color))
    elif kept:
        emit(REPORTERS[output_format](kept, color).stdout, "")
    seconds = time.perf_counter() - started
    emit("", build_summary(files_count - failed, files_count, chosen, written, seconds, failed, cached) + "\n")
    return EXIT_INVALID if failed or (strict and problems.files) else EXIT_OK


def build_to_stdout(
    files: Sequence[str],
    formats: Sequence[str],
    out_dir: Path | None,
    strict: bool,
    today: datetime.date | None,
    cache: bool,
) -> int:
    """`cjm build FILE -f FORMAT --stdout`: the one output on stdout (cached like a build), diagnostics on stderr.

    Errors: UsageError (not one map, not one format, with --out-dir), before anything is printed.
    """
    from cjm.build import render_map
    from cjm.cli_args import UsageError
    from cjm.reporters import report_file_text

    selection = journey_paths(files)
    paths = selection.paths
    if len(paths) != 1:
        raise UsageError(f"--stdout writes one map, and {len(paths)} were given", "FILES", selection.note)
    if len(formats) != 1:
        raise UsageError("--stdout needs exactly one --format, such as -f svg", "--format", selection.note)
    if out_dir is not None:
        raise UsageError("--stdout and --out-dir exclude each other", "--out-dir", selection.note)
    emit("", selection.note)
    rendered = render_map(paths[0], formats, open_cache(not cache), today)
    if rendered.diagnostics:
        emit("", report_file_text(rendered, use_color()))
    content = rendered.outputs.get(formats[0])
    if not rendered.ok or content is None:
        return EXIT_INVALID
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()
    return EXIT_INVALID if strict and rendered.diagnostics else EXIT_OK


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int, int, str], None]]:
    """A rich progress bar on an interactive stderr for batches; nothing at all otherwise."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda done, total, name: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(_("building"), total=total)

        def advance(done: int, total: int, name: str) -> None:
            progress.update(task, completed=done, description=Path(name).name if name else _("done"))

        yield advance
