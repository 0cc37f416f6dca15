"""Which maps a command works on: command-line arguments expanded to files, and a batch split into shards.

Kept apart from the pipeline so that finding the files (and a build served from the cache)
never imports the pydantic models.
"""

from __future__ import annotations

import glob
import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

JOURNEY_SUFFIXES = (".yaml", ".yml")


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


SHARD_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_shard(text: str) -> tuple[int, int]:
    """`K/N` → (K, N) with 1 ≤ K ≤ N; raise ValueError with a message for anything else."""
    found = SHARD_PATTERN.match(text)
    if found is None:
        raise ValueError(f"{text!r} is not a shard like 1/4 (this job's number / the number of jobs)")
    index, count = int(found.group(1)), int(found.group(2))
    if not 1 <= index <= count:
        raise ValueError(f"shard {index}/{count}: the first number must be from 1 to {count}")
    return index, count


def shard_of(path: Path, count: int) -> int:
    """The shard (1-based) a map belongs to among `count`: a hash of its path as written, with `/` separators.

    Why a hash of the path and not every N-th file: a map keeps its shard when maps are added or
    removed elsewhere, so each CI job keeps rebuilding the same maps and its cache stays warm.
    """
    digest = hashlib.sha256(path.as_posix().encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def select_shard(paths: Sequence[Path], index: int, count: int) -> list[Path]:
    """The maps of shard `index` of `count`, in their original order; the shards of one batch cover it exactly once."""
    return [path for path in paths if shard_of(path, count) == index]
