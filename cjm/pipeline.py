"""The pipeline: load → validate → check, one file at a time; returns results, never prints.

Every step returns data: a file that fails at any step is a recorded result with its
diagnostics, and a batch carries on with the next file.
"""

from __future__ import annotations

import datetime
import glob
import os
import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from cjm.checks import check_references
from cjm.config import Config, config_for
from cjm.diagnostics import Diagnostic, has_errors, make, sort_key
from cjm.loader import Document, parse_document, read_document
from cjm.method import check_method
from cjm.model import Journey
from cjm.validation import validate_document

JOURNEY_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FileResult:
    """What the pipeline learnt about one file: its model when valid, and every diagnostic."""

    name: str
    document: Document | None
    journey: Journey | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    baseline: Journey | None = None

    @property
    def ok(self) -> bool:
        """Whether the file is a valid map (warnings allowed)."""
        return self.journey is not None and not has_errors(self.diagnostics)

    @property
    def text(self) -> str | None:
        """The source text, when the file could be decoded."""
        return self.document.text if self.document else None


def today_default() -> datetime.date:
    """Today's date for the staleness check: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


BaselineLoader = Callable[[str], "FileResult"]


def check_document(
    document: Document,
    config: Config | None = None,
    today: datetime.date | None = None,
    load_baseline: BaselineLoader | None = None,
) -> FileResult:
    """Validate a parsed document, then run the cross-object checks and, on a valid map, the method checks.

    `load_baseline` checks the map a future-state map names in `baseline:` (a path relative to the
    map); its pain points are then known to `addresses:`, for opportunities that removed them.
    """
    journey, diagnostics = validate_document(document)
    baseline: Journey | None = None
    if journey is not None and journey.baseline is not None and load_baseline is not None:
        baseline, problem = _baseline(document, journey.baseline, load_baseline)
        diagnostics += problem
    if journey is not None:
        diagnostics = diagnostics + check_references(journey, document, baseline)
    if journey is not None and not has_errors(diagnostics):
        diagnostics += check_method(journey, document, config or Config(), today or today_default())
    valid = journey if not has_errors(diagnostics) else None
    return FileResult(document.name, document, valid, sorted(diagnostics, key=sort_key), baseline)


def _baseline(document: Document, shown: str, load: BaselineLoader) -> tuple[Journey | None, list[Diagnostic]]:
    """The baseline map, or the one diagnostic that says why it cannot be used."""
    result = load(shown)
    if result.journey is not None and result.ok:
        return result.journey, []
    line, column = document.positions.locate(("baseline",))
    if any(d.code in ("CJM101", "CJM102", "CJM113") for d in result.diagnostics):
        return None, [
            make(
                "CJM308",
                document.name,
                line,
                column,
                f"baseline map `{shown}` does not exist",
                "the path is relative to this file",
            )
        ]
    first = next(d for d in result.diagnostics if d.severity == "error")
    return None, [
        make(
            "CJM309",
            document.name,
            line,
            column,
            f"baseline map `{shown}` is not valid: {first.file}:{first.line}:{first.column}: {first.code} "
            f"{first.message}",
            f"run `cjm validate {first.file}`",
        )
    ]


def check_file(path: Path, name: str | None = None, today: datetime.date | None = None) -> FileResult:
    """Run the whole checking pipeline on one file on disk, with the configuration that applies to it.

    A future-state map's `baseline:` is loaded too (one level: a baseline's own baseline is not followed).
    """

    def load_baseline(relative: str) -> FileResult:
        return _check_one(path.parent / relative, None, today, None)

    return _check_one(path, name, today, load_baseline)


def _check_one(
    path: Path, name: str | None, today: datetime.date | None, load_baseline: BaselineLoader | None
) -> FileResult:
    config, problems = config_for(path.parent)
    loaded = read_document(path, name)
    if isinstance(loaded, Diagnostic):
        return FileResult(loaded.file, None, None, [loaded, *problems])
    result = check_document(loaded, config, today, load_baseline)
    if not problems:
        return result
    return replace(result, diagnostics=sorted([*result.diagnostics, *problems], key=sort_key))


def check_bytes(
    raw: bytes, name: str, config: Config | None = None, load_baseline: BaselineLoader | None = None
) -> FileResult:
    """Run the checking pipeline on the bytes of a file read from elsewhere (a git revision)."""
    loaded = parse_document(raw, name)
    if isinstance(loaded, Diagnostic):
        return FileResult(name, None, None, [loaded])
    return check_document(loaded, config, None, load_baseline)


def check_side(spec: str) -> FileResult:
    """Check one side of a diff: a file on disk, or `REV:path` read from git and named so in diagnostics.

    A `REV:path` map's baseline is read from the same revision.
    """
    from cjm.revision import read_revision, split_revision

    revision = split_revision(spec)
    if revision is None:
        return check_file(Path(spec))
    rev, path = revision

    def load_baseline(relative: str) -> FileResult:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), relative))
        raw = read_revision(rev, target)
        if isinstance(raw, Diagnostic):
            return FileResult(raw.file, None, None, [raw])
        return check_bytes(raw, f"{rev}:{target}")

    raw = read_revision(rev, path)
    if isinstance(raw, Diagnostic):
        return FileResult(spec, None, None, [raw])
    config, _ = config_for(Path(path).parent)
    return check_bytes(raw, spec, config, load_baseline)


def collect_files(arguments: Iterable[str]) -> list[Path]:
    """Expand command-line arguments: directories to their YAML files, glob patterns to their matches.

    Why: shells on some systems, and quoted arguments in CI files, pass patterns through
    unexpanded. A pattern that matches nothing is kept, so it is reported as a missing file.
    """
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found.extend(_journey_files(path))
        elif not path.exists() and glob.has_magic(argument):
            matches = [Path(match) for match in sorted(glob.glob(argument, recursive=True))]
            found.extend([match for match in matches if not match.is_dir()] or [path])
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _journey_files(directory: Path) -> list[Path]:
    files = [
        path
        for path in directory.rglob("*")
        if path.suffix in JOURNEY_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    ]
    return sorted(files)


@dataclass(frozen=True)
class BuildResult:
    """A built file: its check result (with any rendering or writing problems added) and what was written."""

    result: FileResult
    written: list[Path] = field(default_factory=list)


def output_paths(source: Path, formats: Sequence[str], out_dir: Path | None) -> dict[str, Path]:
    """Where each format of a source file goes: `<stem><suffix>` in the output directory or beside the source."""
    from cjm.renderers import FORMATS

    directory = out_dir if out_dir is not None else source.parent
    stem = source.name.rsplit(".", 1)[0] if "." in source.name else source.name
    return {name: directory / f"{stem}{FORMATS[name].suffix}" for name in formats}


def build_file(
    source: Path, formats: Sequence[str], out_dir: Path | None, today: datetime.date | None = None
) -> BuildResult:
    """Check a file and, when it is valid, render each format and write them atomically.

    An invalid file writes nothing. A format that cannot be rendered (Graphviz missing) is
    a diagnostic; the other formats of the same file are still written.
    """
    from cjm.renderers import FORMATS, RenderError, RenderOptions
    from cjm.writer import Output, WriteError, write_outputs

    checked = check_file(source, today=today)
    if not checked.ok or checked.journey is None:
        return BuildResult(checked)
    targets = output_paths(source, formats, out_dir)
    options = RenderOptions(stem=targets[formats[0]].stem if formats else source.stem, baseline=checked.baseline)
    outputs: list[Output] = []
    problems: list[Diagnostic] = []
    for name in formats:
        try:
            content = FORMATS[name].renderer()(checked.journey, options)
        except RenderError as error:
            problems.append(make(error.code, checked.name, 1, 1, f"{name}: {error.message}", error.hint))
            continue
        outputs.append(Output(targets[name], content.encode("utf-8") if isinstance(content, str) else content))
    try:
        write_outputs(outputs)
    except WriteError as error:
        problems.append(
            make(
                "CJM403",
                checked.name,
                1,
                1,
                f"cannot write {error.path}: {error.reason}",
                "the previous output was left as it was",
            )
        )
        outputs = []
    result = replace(checked, diagnostics=sorted(checked.diagnostics + problems, key=sort_key))
    return BuildResult(result, [output.path for output in outputs])


def render_file(source: Path, format_name: str, today: datetime.date | None = None) -> tuple[FileResult, bytes | None]:
    """Check a file and render one format of it (`cjm build --stdout`): its bytes, or None when it cannot be drawn.

    A map that is invalid, or that a renderer cannot draw (Graphviz missing), gives None and the
    diagnostics that say why.
    """
    from cjm.renderers import FORMATS, RenderError, RenderOptions

    checked = check_file(source, today=today)
    if not checked.ok or checked.journey is None:
        return checked, None
    stem = output_paths(source, [format_name], None)[format_name].stem
    try:
        content = FORMATS[format_name].renderer()(checked.journey, RenderOptions(stem=stem, baseline=checked.baseline))
    except RenderError as error:
        problem = make(error.code, checked.name, 1, 1, f"{format_name}: {error.message}", error.hint)
        return replace(checked, diagnostics=sorted([*checked.diagnostics, problem], key=sort_key)), None
    return checked, content.encode("utf-8") if isinstance(content, str) else content


def build_files(
    sources: Sequence[Path],
    formats: Sequence[str],
    out_dir: Path | None,
    on_progress: Callable[[int, int, str], None] | None = None,
    today: datetime.date | None = None,
) -> list[BuildResult]:
    """Build several files; a source whose outputs would overwrite another source's is refused.

    Why refuse: `maps/a/checkout.yaml` and `maps/b/checkout.yaml` built into one `-o` folder
    would silently overwrite each other's pictures.
    """
    claimed: dict[Path, str] = {}
    results: list[BuildResult] = []
    for done, source in enumerate(sources):
        if on_progress is not None:
            on_progress(done, len(sources), str(source))
        targets = output_paths(source, formats, out_dir).values()
        clash = next((claimed[target.resolve()] for target in targets if target.resolve() in claimed), None)
        if clash is not None:
            diagnostic = make(
                "CJM404",
                str(source),
                1,
                1,
                f"its outputs would overwrite those of {clash} (same file name)",
                "build them into separate --out-dir folders, or rename one",
            )
            results.append(BuildResult(FileResult(str(source), None, None, [diagnostic])))
            continue
        claimed.update({target.resolve(): str(source) for target in targets})
        results.append(build_file(source, formats, out_dir, today))
    if on_progress is not None:
        on_progress(len(sources), len(sources), "")
    return results
