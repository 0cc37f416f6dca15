"""The content-addressed build cache: an unchanged map is neither checked nor rendered again.

Where: `$CJM_CACHE_DIR` when set, else the user's cache folder (`$XDG_CACHE_HOME/cjm`, by default
`~/.cache/cjm`; `%LOCALAPPDATA%\\cjm\\cache` on Windows).
Why not a `.cjm-cache/` folder in the project: nothing to add to `.gitignore`, one cache for
every clone and worktree of a repository, and the docs plugins and `cjm build` share it. Entries
are addressed by the hash of everything they depend on, so one folder serves every project safely.

What a key covers (`MapInputs` and the `*_key` functions): the cjm version and a hash of its
code and templates (a changed renderer invalidates its outputs even before a version bump), the
map's bytes and the name it is shown under, its baseline's bytes, the configuration file that
applies (path and bytes), the date the method checks count from, and for an output its format,
the views, the locale, the output stem and the drawing tools (the `dot` binary).

Two kinds of entries:
- a check entry: the map's diagnostics (replayed on a hit, warnings included) and whether it is
  valid, plus the baseline path it names and that baseline's hash at the time;
- an output entry: the bytes of one format of one map.

The small API the CLI and the docs plugins use:
    cache = BuildCache()                        # or BuildCache(Path(".cjm-cache")), BuildCache.disabled()
    inputs = read_inputs(path, today)           # None when the file cannot be read (no caching)
    record = cache.check(inputs)                # CheckRecord | None (its baseline_hash keys the outputs)
    cache.save_check(inputs, record)
    spec = OutputSpec("svg", view="flow", views=views, stem=stem, tools=tools_fingerprint(["svg"]))
    data = cache.output(inputs, record.baseline_hash, spec)    # bytes | None
    cache.save_output(inputs, record.baseline_hash, spec, data)
    cache.derived("font-metrics", font_file, measure)         # bytes computed from a file, cached by its stat
    cache.clear(); cache.info()
`cjm.build.render_map` wraps all of this for a caller that wants a map's outputs as bytes.

Safety: an entry is written to a temporary file in its folder and moved into place with
`os.replace`, so two builds running at once never see half an entry. Each entry starts with the
SHA-256 of its payload; an entry that does not match (truncated, edited, a disk error) is ignored,
deleted and rebuilt. The cache is best-effort: a folder that cannot be written only means no caching.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from cjm import __version__
from cjm.diagnostics import Diagnostic, Severity
from cjm.translation import from_data, to_data

if TYPE_CHECKING:
    import jinja2

CACHE_ENV = "CJM_CACHE_DIR"
LAYOUT = "v1"
"""The entry layout; bumped when the payload format changes, which leaves older entries unused."""
TEMPLATES = "templates"
"""The subfolder of jinja2's compiled templates (its bytecode cache checks each template's source itself)."""
_DIGEST = hashlib.sha256().digest_size


def default_cache_dir() -> Path:
    """The cache folder: `$CJM_CACHE_DIR`, else the XDG cache folder (`~/.cache/cjm`), else LOCALAPPDATA on Windows."""
    configured = os.environ.get(CACHE_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "cjm"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "cjm" / "cache"
    return Path.home() / ".cache" / "cjm"


def template_cache() -> jinja2.BytecodeCache | None:
    """jinja2's cache of compiled templates, in the cache folder; None when the folder cannot be made.

    Safe to share between versions: jinja2 stores each template's source checksum and recompiles on a change.
    """
    import jinja2

    folder = default_cache_dir() / TEMPLATES
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


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


@dataclass(frozen=True)
class MapInputs:
    """Everything about a map a key depends on that is read from disk, without parsing the YAML.

    `name` is the map as shown in diagnostics; `config` the path and bytes of the configuration
    file that applies (empty without one); `today` the date the staleness check counts from.
    """

    name: str
    path: Path
    source: bytes
    config: bytes
    today: datetime.date

    @functools.cached_property
    def source_hash(self) -> str:
        """SHA-256 of the map's bytes."""
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


@dataclass(frozen=True)
class CheckRecord:
    """The outcome of checking a map, as cached: validity, every diagnostic, and the baseline it was checked with.

    `pictures` says whether the checks that concern the pictures alone (CJM407, the fonts) ran:
    `cjm validate` skips them, so a build asking for a picture checks such a map again.
    """

    ok: bool
    diagnostics: tuple[Diagnostic, ...]
    baseline: str | None
    baseline_hash: str
    pictures: bool = False

    def to_bytes(self) -> bytes:
        """The JSON payload of the entry: every field of every diagnostic, whatever fields a later version adds."""
        payload = {
            "ok": self.ok,
            "baseline": self.baseline,
            "baseline_hash": self.baseline_hash,
            "pictures": self.pictures,
            "diagnostics": [
                {**dataclasses.asdict(d), "message": to_data(d.message), "hint": to_data(d.hint)}
                for d in self.diagnostics
            ],
        }
        return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> CheckRecord:
        """Read a payload written by `to_bytes`; raise ValueError (or KeyError, TypeError) on anything else."""
        payload: Any = json.loads(data.decode("utf-8"))
        names = {field.name for field in dataclasses.fields(Diagnostic)}
        diagnostics = []
        for item in payload["diagnostics"]:
            if not isinstance(item, dict) or set(item) != names:
                raise ValueError("a cached diagnostic does not have the fields of this version")
            message, hint = from_data(item["message"]), from_data(item["hint"])  # templates stay translatable
            diagnostics.append(
                Diagnostic(**{**item, "severity": Severity(item["severity"]), "message": message, "hint": hint})
            )
        baseline = payload["baseline"]
        named = None if baseline is None else str(baseline)
        pictures = payload["pictures"]
        if not isinstance(pictures, bool):
            raise ValueError("a cached check does not say whether the picture checks ran")
        return cls(bool(payload["ok"]), tuple(diagnostics), named, str(payload["baseline_hash"]), pictures)


@dataclass(frozen=True)
class OutputSpec:
    """What one output is, beyond the map: its format and the view it draws, the views of the build, the locale,
    its file stem, the drawing tools, and the names of the files built with it (a report that links them)."""

    format: str
    views: tuple[str, ...] = ()
    locale: str | None = None
    stem: str = "journey"
    tools: str = ""
    view: str = "map"
    siblings: tuple[str, ...] = ()


def _key(kind: str, parts: dict[str, Any]) -> str:
    text = json.dumps({"kind": kind, "code": code_fingerprint(), **parts}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_key(inputs: MapInputs) -> str:
    """The key of a map's check entry: code, name, bytes, configuration and date (the baseline is verified on read)."""
    return _key(
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
    return _key(
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


class BuildCache:
    """A cache folder of check and output entries, addressed by key; see the module docstring."""

    def __init__(self, root: Path | None = None, enabled: bool = True) -> None:
        self.root = root if root is not None else default_cache_dir()
        self.enabled = enabled

    @classmethod
    def disabled(cls) -> BuildCache:
        """A cache that never hits and never stores (`--no-cache`)."""
        return cls(Path(os.devnull), enabled=False)

    def check(self, inputs: MapInputs) -> CheckRecord | None:
        """The cached check of a map, when its baseline is unchanged too; None otherwise."""
        data = self.load(check_key(inputs))
        if data is None:
            return None
        try:
            record = CheckRecord.from_bytes(data)
        except (ValueError, KeyError, TypeError):
            self.discard(check_key(inputs))
            return None
        if baseline_hash(inputs.path, record.baseline) != record.baseline_hash:
            return None
        return record

    def save_check(self, inputs: MapInputs, record: CheckRecord) -> None:
        """Store a map's check."""
        self.store(check_key(inputs), record.to_bytes())

    def output(self, inputs: MapInputs, baseline: str, spec: OutputSpec) -> bytes | None:
        """The cached bytes of one output, or None."""
        return self.load(output_key(inputs, baseline, spec))

    def save_output(self, inputs: MapInputs, baseline: str, spec: OutputSpec, content: bytes) -> None:
        """Store the bytes of one output."""
        self.store(output_key(inputs, baseline, spec), content)

    def derived(self, kind: str, source: Path, make: Callable[[], bytes]) -> bytes:
        """Bytes computed from a file on this machine (a font's metrics), cached by its path, size and change time.

        `make()` computes them on a miss. Why: reading a font with fontTools costs more than
        drawing a map; its measures change only when the file does.
        """
        info = source.stat()
        key = _key(
            "derived", {"kind": kind, "path": str(source.resolve()), "size": info.st_size, "mtime": info.st_mtime_ns}
        )
        found = self.load(key)
        if found is not None:
            return found
        data = make()
        self.store(key, data)
        return data

    def _path(self, key: str) -> Path:
        return self.root / LAYOUT / key[:2] / key[2:]

    def load(self, key: str) -> bytes | None:
        """The verified payload of an entry; None when absent or corrupt (a corrupt entry is deleted)."""
        if not self.enabled:
            return None
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        digest, payload = data[:_DIGEST], data[_DIGEST:]
        if len(digest) != _DIGEST or hashlib.sha256(payload).digest() != digest:
            self.discard(key)
            return None
        with contextlib.suppress(OSError):
            os.utime(self._path(key))  # the time of last use, for `cjm cache clear --unused-for`
        return payload

    def store(self, key: str, payload: bytes) -> None:
        """Write an entry atomically (temporary file, then `os.replace`); a cache that cannot be written is skipped."""
        if not self.enabled:
            return
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # A name no other writer uses (this process, a random part for a cache shared between machines),
            # created exclusively as tempfile.mkstemp does, without importing tempfile and shutil (3 ms).
            name = target.parent / f".entry.{os.getpid()}.{os.urandom(6).hex()}.tmp"
            descriptor = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(hashlib.sha256(payload).digest() + payload)
                name.replace(target)
            except BaseException:
                name.unlink(missing_ok=True)
                raise
        except OSError:
            return

    def discard(self, key: str) -> None:
        """Remove one entry, if it is there."""
        if self.enabled:
            self._path(key).unlink(missing_ok=True)

    def info(self) -> tuple[int, int]:
        """How many entries the cache holds and their total size in bytes."""
        entries = [path for path in (self.root / LAYOUT).rglob("*") if path.is_file()] if self.enabled else []
        return len(entries), sum(path.stat().st_size for path in entries)

    def clear(self, unused_for: datetime.timedelta | None = None) -> int:
        """Delete every entry (every layout version) and the compiled templates; return how many files were removed.

        With `unused_for`, only the entries neither written nor read for that long (a hit
        renews an entry's modification time), so a long-lived CI cache keeps what it still uses.
        """
        if not self.enabled or not self.root.is_dir():
            return 0
        import shutil
        import time

        removed = 0
        for folder in sorted(self.root.iterdir()):
            ours = folder.name == TEMPLATES or (folder.name.startswith("v") and folder.name[1:].isdigit())
            if not (folder.is_dir() and ours):
                continue
            if unused_for is None:
                removed += sum(1 for path in folder.rglob("*") if path.is_file())
                shutil.rmtree(folder, ignore_errors=True)
                continue
            oldest = time.time() - unused_for.total_seconds()
            for path in folder.rglob("*"):
                with contextlib.suppress(OSError):
                    if path.is_file() and path.stat().st_mtime < oldest:
                        path.unlink()
                        removed += 1
        return removed
