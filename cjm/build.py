"""Building maps: check, render each format (or take it from the cache), write; a batch over a process pool.

`render_map` gives one map's outputs as bytes (what the docs plugins embed); `build_file` also
writes them; `build_files` runs a batch over `-j` processes and yields each map's slim
`BuildResult` in input order as soon as it is ready, so a batch's memory does not grow with it.
A map served whole from the cache is answered in this process without importing the models.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cjm.cache import BuildCache, CheckRecord, MapInputs, OutputSpec, baseline_hash, read_inputs, tools_fingerprint
from cjm.diagnostics import Diagnostic, has_errors, make, sort_key
from cjm.translation import Message

if TYPE_CHECKING:
    from cjm.pipeline import FileResult
    from cjm.renderers import Target


@dataclass(frozen=True)
class Rendered:
    """One map's outcome: whether it is valid, its diagnostics (source text kept for the report), its outputs.

    `outputs` maps a format name to its bytes, in the order asked; `rendered` names the formats
    drawn in this run (the others came from the cache).
    """

    name: str
    ok: bool
    diagnostics: list[Diagnostic]
    text: str | None = None
    outputs: dict[str, bytes] = field(default_factory=dict)
    rendered: tuple[str, ...] = ()


@dataclass(frozen=True)
class BuildResult:
    """What the report needs of a built map: validity, diagnostics, source text when there are any, files written.

    Why slim: a batch hands these from worker processes to the reporter; the models and parsed
    documents stay in the worker and are freed after each map.
    """

    name: str
    ok: bool
    diagnostics: list[Diagnostic]
    text: str | None = None
    written: list[Path] = field(default_factory=list)
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


def _specs(formats: Sequence[str], views: Sequence[str], stem: str) -> list[OutputSpec]:
    """One cache spec per output (see `output_spec`), with the files built beside it."""
    from cjm.renderers import targets

    views = tuple(views or ("map",))  # no view asked is the default view, for the key too
    wanted = targets(formats, views)
    siblings = tuple(target.file_name(stem) for target in wanted)
    return [output_spec(target, stem, views, siblings) for target in wanted]


def output_spec(target: Target, stem: str, views: Sequence[str] = (), siblings: Sequence[str] = ()) -> OutputSpec:
    """The cache spec of one output: `format` is its key (`svg`, `flow.svg`, `md`…), with the view it draws, the
    tools drawing it (`dot`; `rsvg-convert` and the font for the map and slide views) and, for the Markdown report
    alone, the build's views and files (it links those that exist).

    Why the other outputs leave the build's files out: a picture or the HTML page is the same bytes
    whatever else a build writes, so the docs plugins (`cjm.embed`) find what `cjm build` drew.
    """
    drawn_here = target.picture and not target.needs_graphviz
    tools = tools_fingerprint(target.needs_graphviz, drawn_here and target.format == "png", drawn_here)
    linked = target.format == "md"
    return OutputSpec(
        target.key,
        tuple(views) if linked else (),
        None,
        stem,
        tools,
        target.view,
        tuple(siblings) if linked else (),
    )


def _text(source: bytes, diagnostics: Sequence[Diagnostic]) -> str | None:
    return source.decode("utf-8", errors="replace").removeprefix("\ufeff") if diagnostics else None


PICTURE_ONLY = frozenset({"CJM407"})
"""Codes that concern the pictures alone: checked with the map (so the cache replays them), shown when a
picture is asked for, drawn now or taken from the cache (a cached PNG has the same empty boxes)."""


def _pictures(specs: Sequence[OutputSpec]) -> bool:
    """Whether a build draws a picture (the picture-only checks then run and are shown)."""
    return any(_target(spec.format).picture for spec in specs)


def _asked(diagnostics: Sequence[Diagnostic], specs: Sequence[OutputSpec]) -> list[Diagnostic]:
    """A map's diagnostics for this build: the picture-only ones only when a picture format is asked for."""
    if _pictures(specs):
        return list(diagnostics)
    return [item for item in diagnostics if item.code not in PICTURE_ONLY]


def cached_render(inputs: MapInputs, specs: Sequence[OutputSpec], cache: BuildCache) -> Rendered | None:
    """The map's outcome from the cache alone (its check replayed, every output found); None on any miss.

    A valid map checked without its picture checks (by `cjm validate`) is a miss for a build drawing a picture.
    """
    record = cache.check(inputs)
    if record is None or (record.ok and not record.pictures and _pictures(specs)):
        return None
    diagnostics = _asked(record.diagnostics, specs)
    if not record.ok:
        return Rendered(inputs.name, False, diagnostics, _text(inputs.source, diagnostics))
    outputs: dict[str, bytes] = {}
    for spec in specs:
        content = cache.output(inputs, record.baseline_hash, spec)
        if content is None:
            return None
        outputs[spec.format] = content
    return Rendered(inputs.name, True, diagnostics, _text(inputs.source, diagnostics), outputs)


def render_map(
    source: Path,
    formats: Sequence[str],
    cache: BuildCache | None = None,
    today: datetime.date | None = None,
    views: Sequence[str] = (),
    stem: str | None = None,
) -> Rendered:
    """Check a map and render each format to bytes, using and filling the cache.

    An invalid map renders nothing. A format that cannot be rendered (Graphviz missing) is a
    diagnostic and is not cached; the other formats are still rendered.
    """
    from cjm.config import today_default

    cache = cache if cache is not None else BuildCache()
    today = today or today_default()
    specs = _specs(formats, views, stem or source.name.rsplit(".", 1)[0])
    inputs = read_inputs(source, today) if cache.enabled else None
    if inputs is not None:
        hit = cached_render(inputs, specs, cache)
        if hit is not None:
            return hit
    return _render_fresh(source, specs, cache, today, inputs)


def _check_fresh(
    source: Path, cache: BuildCache, today: datetime.date, inputs: MapInputs | None, pictures: bool
) -> tuple[FileResult, CheckRecord]:
    """Run the checking pipeline on a map and cache its outcome; with `pictures`, the picture-only checks too.

    Why not always: the font check reads font files and imports the renderers, which a
    `cjm validate` (it shows no picture-only diagnostic) must not pay for.
    """
    from cjm.pipeline import check_file

    checked = check_file(source, today=today)
    named = _named_baseline(checked)
    coverage: list[Diagnostic] = []
    if pictures and checked.ok and checked.journey is not None and checked.document is not None:
        from cjm.coverage import font_coverage

        coverage = font_coverage(checked.journey, checked.document)
    found = (*checked.diagnostics, *coverage)  # the check's own order, replayed as it was
    record = CheckRecord(checked.ok, found, named, baseline_hash(source, named), pictures)
    if inputs is not None:
        cache.save_check(inputs, record)
    return checked, record


def _render_fresh(
    source: Path, specs: Sequence[OutputSpec], cache: BuildCache, today: datetime.date, inputs: MapInputs | None
) -> Rendered:
    checked, record = _check_fresh(source, cache, today, inputs, _pictures(specs))
    if not checked.ok or checked.journey is None:
        return Rendered(checked.name, False, checked.diagnostics, checked.text)
    outputs, problems, rendered = _render_formats(checked, specs, cache, inputs, record.baseline_hash)
    diagnostics = sorted(_asked(record.diagnostics, specs) + problems, key=sort_key)
    text = checked.text if diagnostics else None
    return Rendered(checked.name, not has_errors(diagnostics), diagnostics, text, outputs, rendered)


def _named_baseline(checked: FileResult) -> str | None:
    """The baseline path a map names, read from the document so that it is known even when the map is invalid."""
    data = checked.document.data if checked.document is not None else None
    named = data.get("baseline") if isinstance(data, dict) else None
    return named if isinstance(named, str) else None


def _render_formats(
    checked: FileResult, specs: Sequence[OutputSpec], cache: BuildCache, inputs: MapInputs | None, baseline: str
) -> tuple[dict[str, bytes], list[Diagnostic], tuple[str, ...]]:
    from cjm.renderers import RenderError, RenderOptions

    assert checked.journey is not None
    stem = specs[0].stem if specs else "journey"
    by_key = {_target(spec.format).key: _target(spec.format) for spec in specs}
    siblings = frozenset(target.file_name(stem) for target in by_key.values())
    options = RenderOptions(stem=stem, baseline=checked.baseline, siblings=siblings)
    outputs: dict[str, bytes] = {}
    problems: list[Diagnostic] = []
    rendered: list[str] = []
    for spec in specs:
        found = cache.output(inputs, baseline, spec) if inputs is not None else None
        if found is not None:
            outputs[spec.format] = found
            continue
        target: Target = by_key[spec.format]
        try:
            content = target.render(checked.journey, options)
        except RenderError as error:
            shown = (
                Message("{format} ({view} view)", format=target.format, view=target.view)
                if target.picture
                else target.format
            )
            document = checked.document
            line, column = document.positions.locate(error.path) if document and error.path is not None else (0, 0)
            message = Message("{output}: {problem}", output=shown, problem=error.message)
            problems.append(make(error.code, checked.name, line, column, message, error.hint))
            continue
        data = content.encode("utf-8") if isinstance(content, str) else content
        outputs[spec.format] = data
        rendered.append(spec.format)
        if inputs is not None:
            cache.save_output(inputs, baseline, spec, data)
    return outputs, problems, tuple(rendered)


def _target(key: str) -> Target:
    """The output a key names ("svg" → the map's SVG, "flow.png" → the flow's PNG, "md" → the report)."""
    from cjm.renderers import DEFAULT_VIEWS, VIEWS, Target

    view, _, name = key.rpartition(".")
    return Target(name, view if view in VIEWS else DEFAULT_VIEWS[0])


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
    return BuildResult(rendered.name, ok, diagnostics, rendered.text, [o.path for o in outputs], rendered.rendered)


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


@dataclass(frozen=True)
class _Task:
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
    hit = cached_render(inputs, _specs(task.formats, task.views, stem), task.cache())
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
    checked, record = _check_fresh(task.source, task.cache(), task.today, inputs, pictures=False)
    diagnostics = _asked(record.diagnostics, ())  # as a replay from the cache reports them: sorted, no picture's
    return BuildResult(checked.name, record.ok, diagnostics, checked.text if diagnostics else None)


def _check_quick(task: _Task) -> BuildResult | None:
    """A map's check replayed from the cache, in this process; None on a miss."""
    inputs = read_inputs(task.source, task.today) if task.cache_enabled else None
    record = task.cache().check(inputs) if inputs is not None else None
    if inputs is None or record is None:
        return None
    diagnostics = _asked(record.diagnostics, ())  # a check draws no picture
    return BuildResult(inputs.name, record.ok, diagnostics, _text(inputs.source, diagnostics))


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


__all__ = ["BuildResult", "Rendered", "build_file", "build_files", "check_files", "output_paths", "render_map"]
