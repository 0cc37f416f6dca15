"""One map's outputs as bytes: its check and each format taken from the cache or drawn now, the cache filled.

`render_map` is what `cjm build` writes and the docs plugins embed; `check_and_cache` is the
check alone (`cjm validate`). A map's check is cached with every diagnostic, replayed on a hit;
the picture-only ones (CJM407) are shown only when a picture is asked for.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from cjm.cache import BuildCache, CheckRecord, MapInputs, OutputSpec, baseline_hash, read_inputs, tools_fingerprint
from cjm.diagnostics import Diagnostic, has_errors, make, sort_key
from cjm.translation import Message

if TYPE_CHECKING:
    from cjm.pipeline import FileResult
    from cjm.renderers import Target


class Rendered(NamedTuple):
    """One map's outcome: whether it is valid, its diagnostics (source text kept for the report), its outputs.

    `outputs` maps a format name to its bytes, in the order asked; `rendered` names the formats
    drawn in this run (the others came from the cache).
    """

    name: str
    ok: bool
    diagnostics: list[Diagnostic]
    text: str | None = None
    outputs: Mapping[str, bytes] = MappingProxyType({})
    rendered: tuple[str, ...] = ()


def output_specs(formats: Sequence[str], views: Sequence[str], stem: str) -> list[OutputSpec]:
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


def shown_text(source: bytes, diagnostics: Sequence[Diagnostic]) -> str | None:
    """A map's text for the report's caret lines, when it has diagnostics to show (a batch keeps no other)."""
    return source.decode("utf-8", errors="replace").removeprefix("\ufeff") if diagnostics else None


PICTURE_ONLY = frozenset({"CJM407"})
"""Codes that concern the pictures alone: checked with the map (so the cache replays them), shown when a
picture is asked for, drawn now or taken from the cache (a cached PNG has the same empty boxes)."""


def _pictures(specs: Sequence[OutputSpec]) -> bool:
    """Whether a build draws a picture (the picture-only checks then run and are shown)."""
    return any(_target(spec.format).picture for spec in specs)


def asked(diagnostics: Sequence[Diagnostic], specs: Sequence[OutputSpec]) -> list[Diagnostic]:
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
    diagnostics = asked(record.diagnostics, specs)
    if not record.ok:
        return Rendered(inputs.name, False, diagnostics, shown_text(inputs.source, diagnostics))
    outputs: dict[str, bytes] = {}
    for spec in specs:
        content = cache.output(inputs, record.baseline_hash, spec)
        if content is None:
            return None
        outputs[spec.format] = content
    return Rendered(inputs.name, True, diagnostics, shown_text(inputs.source, diagnostics), outputs)


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
    specs = output_specs(formats, views, stem or source.name.rsplit(".", 1)[0])
    inputs = read_inputs(source, today) if cache.enabled else None
    if inputs is not None:
        hit = cached_render(inputs, specs, cache)
        if hit is not None:
            return hit
    return _render_fresh(source, specs, cache, today, inputs)


def check_and_cache(
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
    checked, record = check_and_cache(source, cache, today, inputs, _pictures(specs))
    if not checked.ok or checked.journey is None:
        return Rendered(checked.name, False, checked.diagnostics, checked.text)
    outputs, problems, rendered = _render_formats(checked, specs, cache, inputs, record.baseline_hash)
    diagnostics = sorted(asked(record.diagnostics, specs) + problems, key=sort_key)
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
