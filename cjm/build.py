"""Building maps: each map's outputs (see `cjm.render`) written to their files; a batch over a process pool.

`build_file` writes one map's outputs; `build_files` runs a batch over `-j` processes and yields
each map's slim `BuildResult` in input order as soon as it is ready, so a batch's memory does not
grow with it; `check_files` is the same for `cjm validate`. A map served whole from the cache is
answered in this process without importing the models. `render_map` (one map's outputs as
bytes, for the docs plugins) is importable from here too.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from cjm.cache import BuildCache, read_inputs
from cjm.diagnostics import Diagnostic, has_errors, make, sort_key
from cjm.render import (
    Rendered,
    asked,
    cached_render,
    check_and_cache,
    output_spec,
    output_specs,
    render_map,
    shown_text,
)
from cjm.translation import Message


class BuildResult(NamedTuple):
    """What the report needs of a built map: validity, diagnostics, source text when there are any, files written.

    Why slim: a batch hands these from worker processes to the reporter; the models and parsed
    documents stay in the worker and are freed after each map.
    """

    name: str
    ok: bool
    diagnostics: list[Diagnostic]
    text: str | None = None
    written: tuple[Path, ...] = ()
    rendered: tuple[str, ...] = ()


def output_paths(
    source: Path, formats: Sequence[str], out_dir: Path | None, views: Sequence[str] = ("map",)
) -> dict[str, Path]:
    """Where each output of a source goes, by its key (`svg`, `flow.svg`, `slide.png`, `html`…): `<stem>.<key>`
    in the output directory or beside the source (see `cjm.renderers.targets`)."""
    from cjm.renderers import targets

    directory = out_dir if out_dir is not None else source.parent
    stem = source.name.rsplit(".", 1)[0] if "." in source.name else source.name
    return {target.key: directory / target.file_name(stem) for target in targets(formats, views or ("map",))}


def _write(rendered: Rendered, targets: dict[str, Path]) -> BuildResult:
    """Write a map's outputs atomically (files already holding the same bytes are left alone)."""
    from cjm.writer import Output, WriteError, unchanged, write_outputs

    outputs = [Output(targets[name], content) for name, content in rendered.outputs.items()]
    diagnostics = rendered.diagnostics
    try:
        write_outputs([output for output in outputs if not unchanged(output)])
    except WriteError as error:
        problem = make(
            "CJM403",
            rendered.name,
            1,
            1,
            Message("cannot write {path}: {reason}", path=str(error.path), reason=error.reason),
            Message("the previous output was left as it was"),
        )
        diagnostics = sorted([*diagnostics, problem], key=sort_key)
        outputs = []
    ok = rendered.ok and not has_errors(diagnostics)
    return BuildResult(rendered.name, ok, diagnostics, rendered.text, tuple(o.path for o in outputs), rendered.rendered)


def build_file(
    source: Path,
    formats: Sequence[str],
    out_dir: Path | None,
    today: datetime.date | None = None,
    cache: BuildCache | None = None,
    views: Sequence[str] = (),
) -> BuildResult:
    """Check a file and, when it is valid, render each format (or take it from the cache) and write them."""
    targets = output_paths(source, formats, out_dir, views)
    stem = source.name.rsplit(".", 1)[0] if "." in source.name else source.name
    return _write(render_map(source, formats, cache, today, views, stem), targets)


class _Task(NamedTuple):
    """One map of a batch, as sent to a worker process."""

    source: Path
    formats: tuple[str, ...]
    out_dir: Path | None
    today: datetime.date
    cache_root: Path
    cache_enabled: bool
    views: tuple[str, ...]
    clash: str | None = None

    def cache(self) -> BuildCache:
        """The batch's cache, opened again in the worker (a folder and a switch travel; the object does not)."""
        return BuildCache(self.cache_root, self.cache_enabled)


def _work(task: _Task) -> BuildResult:
    """Build one map in a worker process (or here, with one job)."""
    if task.clash is not None:
        return _clash(task)
    return build_file(task.source, task.formats, task.out_dir, task.today, task.cache(), task.views)


def _quick(task: _Task) -> BuildResult | None:
    """A map answered from the cache alone, in this process; None when a worker has to build it."""
    if task.clash is not None:
        return _clash(task)
    if not task.cache_enabled:
        return None
    inputs = read_inputs(task.source, task.today)
    if inputs is None:
        return None
    targets = output_paths(task.source, task.formats, task.out_dir, task.views)
    stem = task.source.name.rsplit(".", 1)[0] if "." in task.source.name else task.source.name
    hit = cached_render(inputs, output_specs(task.formats, task.views, stem), task.cache())
    return _write(hit, targets) if hit is not None else None


def _clash(task: _Task) -> BuildResult:
    diagnostic = make(
        "CJM404",
        str(task.source),
        1,
        1,
        Message("its outputs would overwrite those of {other} (same file name)", other=str(task.clash)),
        Message("build them into separate --out-dir folders, or rename one"),
    )
    return BuildResult(str(task.source), False, [diagnostic])


def _check_work(task: _Task) -> BuildResult:
    """Check one map in a worker process (or here, with one job)."""
    inputs = read_inputs(task.source, task.today) if task.cache_enabled else None
    checked, record = check_and_cache(task.source, task.cache(), task.today, inputs, pictures=False)
    diagnostics = asked(record.diagnostics, ())  # as a replay from the cache reports them: sorted, no picture's
    return BuildResult(checked.name, record.ok, diagnostics, checked.text if diagnostics else None)


def _check_quick(task: _Task) -> BuildResult | None:
    """A map's check replayed from the cache, in this process; None on a miss."""
    inputs = read_inputs(task.source, task.today) if task.cache_enabled else None
    record = task.cache().check(inputs) if inputs is not None else None
    if inputs is None or record is None:
        return None
    diagnostics = asked(record.diagnostics, ())  # a check draws no picture
    return BuildResult(inputs.name, record.ok, diagnostics, shown_text(inputs.source, diagnostics))


def check_files(
    sources: Sequence[Path],
    today: datetime.date | None = None,
    cache: BuildCache | None = None,
    jobs: int = 1,
) -> Iterator[BuildResult]:
    """Check several files over `jobs` processes (`cjm validate`), yielding results in order; checks are cached too."""
    from cjm.config import today_default
    from cjm.jobs import run_ordered

    cache = cache if cache is not None else BuildCache()
    date = today or today_default()
    tasks = [_Task(source, (), None, date, cache.root, cache.enabled, ()) for source in sources]
    return run_ordered(tasks, _check_work, min(jobs, len(tasks)), _check_quick)


def build_files(
    sources: Sequence[Path],
    formats: Sequence[str],
    out_dir: Path | None,
    on_progress: Callable[[int, int, str], None] | None = None,
    today: datetime.date | None = None,
    cache: BuildCache | None = None,
    jobs: int = 1,
    views: Sequence[str] = (),
) -> Iterator[BuildResult]:
    """Build several files over `jobs` processes, yielding results in the order of `sources` as they are ready.

    A source whose outputs would overwrite another source's is refused (CJM404). Why: two
    `checkout.yaml` in different folders built into one `-o` folder would overwrite each other.
    """
    from cjm.config import today_default

    cache = cache if cache is not None else BuildCache()
    date = today or today_default()
    claimed: dict[Path, str] = {}
    tasks: list[_Task] = []
    for source in sources:
        targets = [target.resolve() for target in output_paths(source, formats, out_dir, views).values()]
        clash = next((claimed[target] for target in targets if target in claimed), None)
        if clash is None:
            claimed.update(dict.fromkeys(targets, str(source)))
        task = _Task(source, tuple(formats), out_dir, date, cache.root, cache.enabled, tuple(views), clash)
        tasks.append(task)
    from cjm.jobs import run_ordered

    results = run_ordered(tasks, _work, min(jobs, len(tasks)), _quick)
    for done, result in enumerate(results, start=1):
        if on_progress is not None:
            on_progress(done, len(tasks), result.name)
        yield result


__all__ = [
    "BuildResult",
    "Rendered",
    "build_file",
    "build_files",
    "check_files",
    "output_paths",
    "output_spec",
    "render_map",
]
