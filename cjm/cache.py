"""The content-addressed build cache: an unchanged map is neither checked nor rendered again.

Where: `$CJM_CACHE_DIR` when set, else the user's cache folder (`$XDG_CACHE_HOME/cjm`, by default
`~/.cache/cjm`; `%LOCALAPPDATA%\\cjm\\cache` on Windows).
Why not a `.cjm-cache/` folder in the project: nothing to add to `.gitignore`, one cache for
every clone and worktree of a repository, and the docs plugins and `cjm build` share it. Entries
are addressed by the hash of everything they depend on, so one folder serves every project safely.

What a key covers (`MapInputs`, `OutputSpec` and the `*_key` functions, in `cjm.cache_keys` and
importable from here): the code, the map's bytes, name, baseline and configuration, the date, and
for an output its format, views, locale, stem and drawing tools.

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
import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from cjm.cache_keys import (
    MapInputs,
    OutputSpec,
    baseline_hash,
    check_key,
    code_fingerprint,
    entry_key,
    output_key,
    read_inputs,
    tools_fingerprint,
)
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


class CheckRecord(NamedTuple):
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
        key = entry_key(
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


__all__ = [
    "BuildCache",
    "CheckRecord",
    "MapInputs",
    "OutputSpec",
    "baseline_hash",
    "check_key",
    "code_fingerprint",
    "default_cache_dir",
    "output_key",
    "read_inputs",
    "template_cache",
    "tools_fingerprint",
]
