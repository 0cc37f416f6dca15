"""The only module that writes output files: atomically, and only inside the output directory.

Why atomic: docs pipelines and CI read the built files; a crash, a full disk or a failing
renderer must never leave a half-written or empty file where a good one was. Each file is
written to a temporary file in the same directory, flushed, then moved over the old one with
`os.replace`, which is atomic on POSIX and Windows.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import NamedTuple


class Output(NamedTuple):
    """One file to write: where, and its bytes."""

    path: Path
    content: bytes


class WriteError(Exception):
    """An output could not be written; the file that was there is left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path, self.reason = path, reason


def unchanged(output: Output) -> bool:
    """Whether the file already holds exactly these bytes: a rebuild then leaves it (and its time stamp) alone."""
    try:
        if output.path.stat().st_size != len(output.content):
            return False
        return output.path.read_bytes() == output.content
    except OSError:
        return False


def write_outputs(outputs: list[Output]) -> None:
    """Write every output atomically: all temporary files first, then each moved into place.

    Why two phases: when one output cannot be staged (disk full, a folder in the way), none
    of the files of the same map has been replaced yet, so they do not end up disagreeing.
    """
    staged: list[tuple[Path, Path]] = []
    current = outputs[0].path if outputs else Path()
    try:
        for output in outputs:
            current = output.path
            staged.append((_stage(output), output.path))
        for temporary, target in staged:
            current = target
            temporary.replace(target)
    except OSError as error:
        raise WriteError(current, error.strerror or str(error)) from None
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def _stage(output: Output) -> Path:
    directory = output.path.parent
    directory.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(prefix=f".{output.path.name}.", suffix=".tmp", dir=directory)
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(output.content)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(0o644)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    return temporary
