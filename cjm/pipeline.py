"""The pipeline: load → validate → check, one file at a time; returns results, never prints.

Every step returns data: a file that fails at any step is a recorded result with its
diagnostics, and a batch carries on with the next file.
"""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from cjm.checks import check_references
from cjm.config import Config, config_for, today_default
from cjm.diagnostics import Diagnostic, has_errors, make, sort_key
from cjm.loader import Document, Unreadable, parse_document, read_document
from cjm.method import check_method
from cjm.model import Journey
from cjm.partial import Readable, readable_part
from cjm.source_text import keep_source_text
from cjm.translation import Message
from cjm.validation import validate_document


class FileResult(NamedTuple):
    """What the pipeline learnt about one file: its model when valid, and every diagnostic."""

    name: str
    document: Document | None
    journey: Journey | None
    diagnostics: list[Diagnostic]
    baseline: Journey | None = None
    source: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the file is a valid map (warnings allowed)."""
        return self.journey is not None and not has_errors(self.diagnostics)

    @property
    def text(self) -> str | None:
        """The source text, when the file could be decoded."""
        return self.document.text if self.document else self.source


BaselineLoader = Callable[[str], "FileResult"]


def check_document(
    document: Document,
    config: Config | None = None,
    today: datetime.date | None = None,
    load_baseline: BaselineLoader | None = None,
) -> FileResult:
    """Validate a parsed document, then run the cross-object checks and the method checks.

    On an invalid map, the other checks run on its readable part (`cjm.partial`), so schema
    errors, reference errors and method warnings all come in one run.

    `load_baseline` checks the map a future-state map names in `baseline:` (a path relative to the
    map); its pain points are then known to `addresses:`, for opportunities that removed them.
    """
    document, reading = keep_source_text(document)
    journey, diagnostics = validate_document(document)
    diagnostics = document.problems + reading + diagnostics
    if has_errors(document.problems):
        journey = None
    # Every problem in one run: an invalid map's readable part still gets the other checks.
    readable = Readable(journey, document) if journey is not None else readable_part(document)
    baseline: Journey | None = None
    if readable is not None:
        part, shown, lost = readable.journey, readable.document, readable.lost
        if part.baseline is not None and load_baseline is not None and not lost.under(("baseline",)):
            baseline, problem = _baseline(document, part.baseline, load_baseline)
            diagnostics += problem
        diagnostics = diagnostics + check_references(part, shown, baseline, lost)
        diagnostics += check_method(part, shown, config or Config(), today or today_default(), lost)
    valid = journey if not has_errors(diagnostics) else None
    diagnostics = [_with_end(diagnostic, document) for diagnostic in diagnostics]
    return FileResult(document.name, document, valid, sorted(diagnostics, key=sort_key), baseline)


def _with_end(diagnostic: Diagnostic, document: Document) -> Diagnostic:
    """A diagnostic at a key or value gets that key or value's end, so the caret spans all of it."""
    if diagnostic.end_column is not None or diagnostic.file != document.name:
        return diagnostic
    end = document.positions.end_of(diagnostic.line, diagnostic.column)
    return replace(diagnostic, end_column=end) if end is not None else diagnostic


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
                Message("baseline map `{path}` does not exist", path=shown),
                Message("the path is relative to this file"),
            )
        ]
    first = next(d for d in result.diagnostics if d.severity == "error")
    where = f"{first.file}:{first.line}:{first.column}"
    return None, [
        make(
            "CJM309",
            document.name,
            line,
            column,
            Message(
                "baseline map `{path}` is not valid: {where}: {code} {message}",
                path=shown,
                where=where,
                code=first.code,
                message=first.message,
            ),
            Message("run `cjm validate {file}`", file=first.file),
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
    if isinstance(loaded, Unreadable):
        shown = loaded.diagnostics[0].file
        diagnostics = sorted([*loaded.diagnostics, *problems], key=sort_key)
        return FileResult(shown, None, None, diagnostics, source=loaded.text)
    result = check_document(loaded, config, today, load_baseline)
    if not problems:
        return result
    return result._replace(diagnostics=sorted([*result.diagnostics, *problems], key=sort_key))


def check_bytes(
    raw: bytes, name: str, config: Config | None = None, load_baseline: BaselineLoader | None = None
) -> FileResult:
    """Run the checking pipeline on the bytes of a file read from elsewhere (a git revision)."""
    loaded = parse_document(raw, name)
    if isinstance(loaded, Unreadable):
        return FileResult(name, None, None, sorted(loaded.diagnostics, key=sort_key), source=loaded.text)
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
