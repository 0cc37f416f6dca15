"""The pipeline: load → validate → check, one file at a time; returns results, never prints.

Every step returns data: a file that fails at any step is a recorded result with its
diagnostics, and a batch carries on with the next file.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cjm.checks import check_references
from cjm.diagnostics import Diagnostic, has_errors, sort_key
from cjm.loader import Document, parse_document, read_document
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

    @property
    def ok(self) -> bool:
        """Whether the file is a valid map (warnings allowed)."""
        return self.journey is not None and not has_errors(self.diagnostics)

    @property
    def text(self) -> str | None:
        """The source text, when the file could be decoded."""
        return self.document.text if self.document else None


def check_document(document: Document) -> FileResult:
    """Validate a parsed document and run the cross-object checks on it."""
    journey, diagnostics = validate_document(document)
    if journey is not None:
        diagnostics = diagnostics + check_references(journey, document)
    valid = journey if not has_errors(diagnostics) else None
    return FileResult(document.name, document, valid, sorted(diagnostics, key=sort_key))


def check_file(path: Path, name: str | None = None) -> FileResult:
    """Run the whole checking pipeline on one file on disk."""
    loaded = read_document(path, name)
    if isinstance(loaded, Diagnostic):
        return FileResult(loaded.file, None, None, [loaded])
    return check_document(loaded)


def check_bytes(raw: bytes, name: str) -> FileResult:
    """Run the whole checking pipeline on the bytes of a file read from elsewhere (a git revision)."""
    loaded = parse_document(raw, name)
    if isinstance(loaded, Diagnostic):
        return FileResult(name, None, None, [loaded])
    return check_document(loaded)


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
