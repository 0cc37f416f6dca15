"""Which maps a command works on: command-line arguments expanded to files, and a batch split into shards.

Kept apart from the pipeline so that finding the files (and a build served from the cache)
never imports the pydantic models.

Why directories and globs pick maps only: `cjm validate .` in a documentation repository also
finds `mkdocs.yml`, CI workflows and OpenAPI files; reporting their Python tags as map errors is
noise. A directory or a glob picks the files that say they are journey maps (a top-level `cjm:`
key, or a name ending in `.cjm.yaml`/`.cjm.yml`) and counts the other YAML files it skipped; a
file named on its own is always checked, map or not.
"""

from __future__ import annotations

import glob
import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from cjm.translation import _, ngettext

JOURNEY_SUFFIXES = (".yaml", ".yml")


def collect_files(arguments: Iterable[str]) -> list[Path]:
    """The files to check for these arguments (see `collect_journeys`, which also counts the skipped ones)."""
    return collect_journeys(arguments).files


MAP_SUFFIXES = (".cjm.yaml", ".cjm.yml")
# A top-level `cjm:` key: at the start of a line, after an optional byte order mark.
_VERSION_KEY = re.compile(rb"^(?:\xef\xbb\xbf)?(?:cjm|\"cjm\"|'cjm')[ \t]*:", re.MULTILINE)
_PEEK_BYTES = 10 * 1024 * 1024


class Collected(NamedTuple):
    """The files to check, in order, and the YAML files a directory or glob held that are not maps."""

    files: list[Path]
    skipped: list[Path]


def is_journey_map(path: Path) -> bool:
    """Whether a YAML file says it is a journey map: named `*.cjm.yaml`, or a top-level `cjm:` key."""
    if path.name.endswith(MAP_SUFFIXES):
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(_PEEK_BYTES)
    except OSError:
        return True  # unreadable: let the loader say why
    return _VERSION_KEY.search(head) is not None


def collect_journeys(arguments: Iterable[str]) -> Collected:
    """Expand command-line arguments: directories to their maps, glob patterns to their matching maps.

    Why globs here: shells on some systems, and quoted arguments in CI files, pass patterns through
    unexpanded. A pattern that matches nothing is kept, so it is reported as matching nothing.
    """
    found: list[Path] = []
    skipped: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            candidates = _yaml_files(path)
        elif not path.exists() and glob.has_magic(argument):
            matches = [Path(match) for match in sorted(glob.glob(argument, recursive=True))]
            candidates = [match for match in matches if match.is_file()]
            if not candidates:
                found.append(path)
                continue
        else:
            found.append(path)
            continue
        for candidate in candidates:
            (found if is_journey_map(candidate) else skipped).append(candidate)
    return Collected(list(dict.fromkeys(found)), [path for path in dict.fromkeys(skipped) if path not in found])


def _yaml_files(directory: Path) -> list[Path]:
    files = [
        path
        for path in directory.rglob("*")
        if path.suffix in JOURNEY_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    ]
    return sorted(files)


def skipped_note(skipped: list[Path], shown: int = 5) -> str:
    """One line naming the YAML files that were skipped as not being maps, or "" when there are none."""
    if not skipped:
        return ""
    names = ", ".join(str(path) for path in skipped[:shown]) + (", …" if len(skipped) > shown else "")
    template = ngettext(
        "skipped {count} YAML file that is not a journey map (no top-level `cjm:` key, not named *.cjm.yaml): "
        "{names}; name a file to check it anyway",
        "skipped {count} YAML files that are not a journey map (no top-level `cjm:` key, not named *.cjm.yaml): "
        "{names}; name a file to check it anyway",
        len(skipped),
    )
    return template.format(count=len(skipped), names=names)


SHARD_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_shard(text: str) -> tuple[int, int]:
    """`K/N` → (K, N) with 1 ≤ K ≤ N; raise ValueError with a message for anything else."""
    found = SHARD_PATTERN.match(text)
    if found is None:
        raise ValueError(
            _("{text} is not a shard like 1/4 (this job's number / the number of jobs)").format(text=repr(text))
        )
    index, count = int(found.group(1)), int(found.group(2))
    if not 1 <= index <= count:
        raise ValueError(
            _("shard {index}/{count}: the first number must be from 1 to {count}").format(index=index, count=count)
        )
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
