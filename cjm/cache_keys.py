"""What a cache key covers: the code, the map and what it depends on on disk, and for an output its spec.

A key is the SHA-256 of everything an entry depends on (see `cjm.cache` for the entries): the
cjm version and a hash of its code and templates (a changed renderer invalidates its outputs
even before a version bump), the map's bytes and the name it is shown under, its baseline's
bytes, the configuration file that applies (path and bytes), the date the method checks count
from, and for an output its format, the views, the locale, the output stem and the drawing tools.
These change together when an input is added to what a build depends on; the store does not.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from cjm import __version__


@functools.cache
def code_fingerprint() -> str:
    """The cjm version and a hash of the package's code and templates.

    Why the code and not only the version: a development install changes its renderers without
    changing its version, and must not be served pictures the old code drew. The folders are
    walked with `os.walk` without the bytecode folders (pathlib's `rglob` over them took 5 ms of
    every run).
    """
    package = Path(__file__).resolve().parent
    found: list[PurePosixPath] = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        relative = PurePosixPath(Path(folder).relative_to(package).as_posix())
        found += [relative / name for name in files if name.endswith(_CODE_SUFFIXES)]
    digest = hashlib.sha256(__version__.encode())
    for name in sorted(found):
        digest.update(str(name).encode() + b"\0")
        digest.update((package / name).read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


_CODE_SUFFIXES = (".py", ".j2", ".json", ".po", ".mo", ".toml")


def tools_fingerprint(graphviz: bool = False, rasteriser: bool = False, font: bool = False) -> str:
    """What the drawing tools add to an output's key: the `dot` binary for the flow view, `rsvg-convert` for a
    PNG of the map or slide view, and the font file those views are measured with (path, size, change time).

    Why: a Graphviz, librsvg or font upgrade changes the pictures' bytes; a missing `dot` or
    `rsvg-convert` must not be served pictures drawn when it was there (the build reports CJM401 or
    CJM405 instead).
    """
    search_path = os.environ.get("PATH", "")
    parts = []
    if graphviz:
        parts.append(_program_fingerprint("dot", search_path))
    if rasteriser:
        parts.append(_program_fingerprint("rsvg-convert", search_path))
    if font:
        parts.append(_font_fingerprint())
    return "|".join(parts)


@functools.cache
def _program_fingerprint(name: str, search_path: str) -> str:
    import shutil

    program = shutil.which(name, path=search_path)
    if program is None:
        return f"{name}:missing"
    resolved = Path(program).resolve()
    info = resolved.stat()
    return f"{name}:{resolved}:{info.st_size}:{info.st_mtime_ns}"


@functools.cache
def _font_fingerprint() -> str:
    from cjm.font_files import find_font

    paths = [find_font(False), find_font(True)]
    return ";".join(
        f"font:{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}" if path else "font:missing" for path in paths
    )


class MapInputs(NamedTuple):
    """Everything about a map a key depends on that is read from disk, without parsing the YAML.

    `name` is the map as shown in diagnostics; `config` the path and bytes of the configuration
    file that applies (empty without one); `today` the date the staleness check counts from.
    """

    name: str
    path: Path
    source: bytes
    config: bytes
    today: datetime.date

    @property
    def source_hash(self) -> str:
        """SHA-256 of the map's bytes (a few microseconds: computed when asked)."""
        return hashlib.sha256(self.source).hexdigest()


def read_inputs(path: Path, today: datetime.date, name: str | None = None) -> MapInputs | None:
    """The key inputs of a map on disk; None when it cannot be read (the pipeline then reports why, uncached)."""
    try:
        source = path.read_bytes() if path.is_file() else None
    except OSError:
        source = None
    if source is None:
        return None
    config = _config_bytes(path.parent)
    if config is None:
        return None
    return MapInputs(name or str(path), path, source, config, today)


@functools.cache
def _config_bytes(folder: Path) -> bytes | None:
    from cjm.config import find_config

    found = find_config(folder)
    if found is None:
        return b""
    try:
        return str(found).encode() + b"\0" + found.read_bytes()
    except OSError:
        return None


def baseline_hash(path: Path, relative: str | None) -> str:
    """The hash of the baseline a map names (relative to the map), or a marker when it names none or it is missing."""
    if relative is None:
        return "none"
    try:
        return hashlib.sha256((path.parent / relative).read_bytes()).hexdigest()
    except OSError:
        return "missing"


class OutputSpec(NamedTuple):
    """What one output is, beyond the map: its format and the view it draws, the views of the build, the locale,
    its file stem, the drawing tools, and the names of the files built with it (a report that links them)."""

    format: str
    views: tuple[str, ...] = ()
    locale: str | None = None
    stem: str = "journey"
    tools: str = ""
    view: str = "map"
    siblings: tuple[str, ...] = ()


def entry_key(kind: str, parts: dict[str, Any]) -> str:
    """The key of an entry of a `kind` (check, output, derived): SHA-256 of its parts and the code's fingerprint."""
    text = json.dumps({"kind": kind, "code": code_fingerprint(), **parts}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_key(inputs: MapInputs) -> str:
    """The key of a map's check entry: code, name, bytes, configuration and date (the baseline is verified on read)."""
    return entry_key(
        "check",
        {
            "name": inputs.name,
            "source": inputs.source_hash,
            "config": hashlib.sha256(inputs.config).hexdigest(),
            "today": inputs.today.isoformat(),
        },
    )


def output_key(inputs: MapInputs, baseline: str, spec: OutputSpec) -> str:
    """The key of one output: code, map bytes, baseline hash and every field of its spec (not the date)."""
    return entry_key(
        "output",
        {
            "source": inputs.source_hash,
            "baseline": baseline,
            "format": spec.format,
            "view": spec.view,
            "views": list(spec.views),
            "siblings": sorted(spec.siblings),
            "locale": spec.locale,
            "stem": spec.stem,
            "tools": spec.tools,
        },
    )
