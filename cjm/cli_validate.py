"""`cjm validate`, and what every command that reads maps shares: choosing the maps, printing, the exit code.

Nothing here imports typer: `cjm.cli` runs these functions straight from a lean reading of the
command line, and `cjm.cli_app`'s typer commands call the same functions.
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from cjm.diagnostics import EXIT_INVALID, EXIT_OK
from cjm.reporters import REPORTERS
from cjm.translation import _

if TYPE_CHECKING:
    from cjm.cache import BuildCache
    from cjm.reporters import Reported


def use_color() -> bool:
    """Whether stderr is a terminal that wants colour (NO_COLOR unset)."""
    return sys.stderr.isatty() and "NO_COLOR" not in os.environ


def emit(stdout: str, stderr: str) -> None:
    """Print to stdout and stderr, flushed (a pre-commit hook or CI log shows each as it comes)."""
    if stdout:
        sys.stdout.write(stdout)
        sys.stdout.flush()
    if stderr:
        sys.stderr.write(stderr)
        sys.stderr.flush()


class Selection(NamedTuple):
    """The maps a command line names, after `--shard`; `note` names the files skipped (printed first).

    `empty_shard` holds the message to print when the shard holds none of the maps (exit 0).
    """

    paths: list[Path]
    note: str
    empty_shard: str = ""


def journey_paths(files: Sequence[str], shard: str | None = None) -> Selection:
    """The journey files named by files, directories and globs, then the shard's share of them.

    Errors: UsageError (FILES: none found; --shard: not K/N), raised before anything is printed.
    """
    from cjm.cli_args import UsageError
    from cjm.sources import collect_journeys, parse_shard, select_shard, skipped_note

    collected = collect_journeys(files)
    note = skipped_note(collected.skipped)
    note = note + "\n" if note else ""
    paths = collected.files
    if not paths:
        raise UsageError(
            _("no journey files found (looked for *.yaml and *.yml with a top-level `cjm:` key)"), "FILES", note
        )
    if shard is None:
        return Selection(paths, note)
    try:
        index, count = parse_shard(shard)
    except ValueError as error:
        raise UsageError(str(error), "--shard", note) from None
    chosen = select_shard(paths, index, count)
    if chosen:
        return Selection(chosen, note)
    empty = _("shard {index}/{count} holds none of the {maps} maps\n").format(index=index, count=count, maps=len(paths))
    return Selection([], note, empty)


def jobs_for(value: int | None, items: int, seconds_per_item: float) -> int:
    """`-j`, else as many processes as the batch is worth (`cjm.jobs.auto_jobs`)."""
    from cjm.jobs import auto_jobs

    return value or auto_jobs(items, seconds_per_item)


def open_cache(no_cache: bool) -> BuildCache:
    """The build cache, or a disabled one with `--no-cache`."""
    from cjm.cache import BuildCache

    return BuildCache.disabled() if no_cache else BuildCache()


def exit_code(results: Sequence[Reported], strict: bool) -> int:
    """1 when a map is invalid, or has any diagnostic with `--strict`; else 0."""
    failed = any(not result.ok or (strict and result.diagnostics) for result in results)
    return EXIT_INVALID if failed else EXIT_OK


def validate(
    files: Sequence[str],
    output_format: str = "text",
    strict: bool = False,
    today: datetime.date | None = None,
    jobs: int | None = None,
    no_cache: bool = False,
    shard: str | None = None,
) -> int:
    """Check journey files and print every problem with its line and column; the exit code.

    Errors: UsageError, before anything is printed.
    """
    from cjm.build import check_files
    from cjm.cli import after_start_up
    from cjm.jobs import CHECK_SECONDS

    selection = journey_paths(files, shard)
    emit("", selection.note + selection.empty_shard)
    if not selection.paths:
        return EXIT_OK
    paths = selection.paths
    results = list(
        after_start_up(check_files(paths, today, open_cache(no_cache), jobs_for(jobs, len(paths), CHECK_SECONDS)))
    )
    report = REPORTERS[output_format](results, use_color())
    emit(report.stdout, report.stderr)
    return exit_code(results, strict)
