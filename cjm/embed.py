"""Maps embedded in docs sites: check a map, draw one view of it through a cache, describe it.

Shared by the MkDocs plugin (`cjm.mkdocs`) and the Sphinx extension (`cjm.sphinx`): both check a
map file or a fenced block, show its diagnostics, and ask `PictureCache.picture` for the bytes of
one view in one format. Nothing here prints or writes outside the cache folder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from cjm.cache import BuildCache, MapInputs, baseline_hash, code_fingerprint, output_key, read_inputs
from cjm.config import config_for, today_default
from cjm.diagnostics import Diagnostic, sort_key
from cjm.loader import Document, Unreadable, parse_document, read_document
from cjm.model import Journey
from cjm.pipeline import FileResult, check_document, check_file

# The views a docs page can show; the first is the default.
VIEWS = ("map", "flow", "slide")
# What a view of a map is called on disk, beside its `<stem>`: the same names `cjm build` writes.
VIEW_SUFFIXES = {"map": "", "flow": ".flow", "slide": ".slide"}
PICTURE_FORMATS = ("svg", "png", "html")


def display_name(path: Path) -> str:
    """How a path is named in diagnostics: relative to the working directory when under it, else absolute."""
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


@dataclass(frozen=True)
class CheckedMap:
    """A map checked for a docs page: its result, the files it was read from, and a digest of its content.

    `dependencies` are the map file (when it is one) and its baseline: a change to any of them
    changes the picture. `digest` hashes every byte the picture depends on, so it names the
    picture in content-hashed file names. `build_inputs` are, for a map file, what `cjm build`
    keys its outputs by (the file's inputs and its baseline's hash), so both share cache entries.
    """

    result: FileResult
    stem: str
    dependencies: tuple[Path, ...] = ()
    digest: str = ""
    build_inputs: tuple[MapInputs, str] | None = None
    baseline: str | None = None

    @property
    def journey(self) -> Journey | None:
        """The valid map, or None when it has errors."""
        return self.result.journey if self.result.ok else None

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics that make the map invalid."""
        return [d for d in self.result.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The method warnings of a valid map."""
        return [d for d in self.result.diagnostics if d.severity != "error"]


def check_map(path: Path) -> CheckedMap:
    """Check a map file (and the baseline it names) as `cjm validate` would."""
    name = display_name(path)
    loaded = read_document(path, name)
    if isinstance(loaded, Unreadable):
        return CheckedMap(
            FileResult(name, None, None, loaded.diagnostics, source=loaded.text), _stem(path.name), (path,)
        )
    checked = _check(loaded, path.parent, _stem(path.name), (path,))
    inputs = read_inputs(path, today_default(), name)
    if inputs is None or inputs.source.decode("utf-8", errors="replace").removeprefix("\ufeff") != loaded.text:
        return checked  # edited since it was read: keyed by its digest alone
    return replace(checked, build_inputs=(inputs, baseline_hash(path, checked.baseline)))


def check_block(text: str, name: str, folder: Path, line: int = 1, column: int = 1) -> CheckedMap:
    """Check a map written inside a page (a fenced block); its baseline is relative to the page's folder.

    `line` and `column` are where the block's first line sits in the page, so diagnostics point
    into the page (`guide.md:14:5`), not into the block.
    """
    loaded = parse_document(text.encode("utf-8"), name)
    if isinstance(loaded, Unreadable):
        checked = CheckedMap(FileResult(name, None, None, loaded.diagnostics, source=loaded.text), "journey")
    else:
        checked = _check(loaded, folder, "journey", ())
    shifted = [_shift(d, name, line, column) for d in checked.result.diagnostics]
    stem = f"journey-{checked.digest[:12]}" if checked.digest else "journey"
    return replace(checked, result=checked.result._replace(diagnostics=shifted), stem=stem)


def _shift(diagnostic: Diagnostic, name: str, line: int, column: int) -> Diagnostic:
    if diagnostic.file != name:
        return diagnostic
    return replace(
        diagnostic,
        line=diagnostic.line + line - 1,
        column=diagnostic.column + (column - 1 if diagnostic.column else 0),
    )


def _check(document: Document, folder: Path, stem: str, files: tuple[Path, ...]) -> CheckedMap:
    config, problems = config_for(folder)
    baselines: list[Path] = []
    named: list[str] = []

    def load_baseline(relative: str) -> FileResult:
        path = folder / relative
        baselines.append(path)
        named.append(relative)
        return check_file(path, display_name(path))

    result = check_document(document, config, None, load_baseline)
    if problems:
        result = result._replace(diagnostics=sorted([*result.diagnostics, *problems], key=sort_key))
    digest = hashlib.sha256(document.text.encode("utf-8"))
    for baseline in baselines:
        digest.update(b"\0baseline\0" + baseline.name.encode("utf-8") + b"\0")
        digest.update(baseline.read_bytes() if baseline.is_file() else b"")
    return CheckedMap(result, stem, (*files, *baselines), digest.hexdigest(), baseline=named[0] if named else None)


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def picture_name(stem: str, view: str, format_name: str) -> str:
    """The file name of one view of a map: `<stem>.svg` for the map view, `<stem>.flow.svg`, `<stem>.html`."""
    if format_name == "html":
        return f"{stem}.html"
    return f"{stem}{VIEW_SUFFIXES[view]}.{format_name}"


def description(journey: Journey) -> str:
    """The map's generated text description (its pictures' `<desc>`), in the map's language."""
    from cjm.i18n import messages
    from cjm.presentation import map_description

    return map_description(journey, messages(journey.locale))


def draw(journey: Journey, baseline: Journey | None, view: str, format_name: str, stem: str) -> bytes:
    """Render one view of a map to SVG, PNG or its full HTML page; raises RenderError when Graphviz fails.

    Why one function: the docs tools render only through here and `PictureCache`, so the
    renderer registry and the view names meet in one place.
    """
    from cjm.renderers import RenderOptions, Target

    content = Target(format_name, view).render(journey, RenderOptions(stem=stem, baseline=baseline))
    return content.encode("utf-8") if isinstance(content, str) else content


@dataclass
class PictureCache:
    """Pictures by content, in cjm's build cache (shared with `cjm build`); counts what it drew and what it reused.

    `store` is the build cache (`cjm.cache.BuildCache`: its folder, atomic entries checked on
    read, `cjm cache clear`); None keeps pictures in memory for one build. `rendered` and `reused`
    count pictures drawn and pictures found.
    """

    store: BuildCache | None = None
    rendered: int = 0
    reused: int = 0
    _memory: dict[str, bytes] = field(default_factory=dict)

    def picture(self, checked: CheckedMap, view: str, format_name: str) -> bytes:
        """The bytes of one view of a valid map, drawn only when no build drew the same content before."""
        journey = checked.journey
        if journey is None:
            raise ValueError(f"{checked.result.name} is not a valid map")

        def render() -> bytes:
            return draw(journey, checked.result.baseline, view, format_name, checked.stem)

        return self.fetch(picture_key(checked, view, format_name), render)

    def fetch(self, key: str, render: Callable[[], bytes]) -> bytes:
        """The cached bytes under a key, or `render()`'s, stored for the next build."""
        content = self._memory.get(key)
        if content is None and self.store is not None:
            content = self.store.load(key)
        if content is not None:
            self.reused += 1
        else:
            content = render()
            self.rendered += 1
            if self.store is not None:
                self.store.store(key, content)
        self._memory[key] = content
        return content


def picture_key(checked: CheckedMap, view: str, format_name: str) -> str:
    """The cache key of one picture of a map: for a map file, the key `cjm build` stores the same output under.

    So a CI job that ran `cjm build` before `mkdocs build` or `sphinx-build` leaves the docs tool
    nothing to draw, and the other way round. A map written in a page has no `cjm build` output:
    its key is its content digest with the same spec. Either way the key holds cjm's code and the
    drawing tools, so a changed renderer or a Graphviz upgrade draws the pictures again.
    """
    from cjm.build import output_spec
    from cjm.renderers import Target

    spec = output_spec(Target(format_name, view if format_name in ("svg", "png") else "map"), checked.stem)
    if checked.build_inputs is not None:
        inputs, baseline = checked.build_inputs
        return output_key(inputs, baseline, spec)
    parts = ["docs-picture", code_fingerprint(), repr(spec), checked.digest]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def open_cache(folder: str | None, base: Path) -> PictureCache:
    """The picture cache a docs tool asks for: cjm's build cache folder (None), another folder (relative to
    `base`), or memory only for one build (an empty string)."""
    if folder is None:
        return PictureCache(BuildCache())
    return PictureCache(BuildCache(base / folder) if folder else None)


def diagnostic_line(diagnostic: Diagnostic) -> str:
    """One diagnostic as docs tools log it, in the run's language: `path:line:col CJMxxx message`."""
    from cjm.translation import translate

    where = f"{diagnostic.file}:{diagnostic.line}:{diagnostic.column}"
    return f"{where} {diagnostic.code} {translate(diagnostic.message)}"


def relative_to(path: Path, folder: Path) -> str | None:
    """`path` relative to `folder` in POSIX form, or None when it is outside it."""
    resolved, base = path.resolve(), folder.resolve()
    return resolved.relative_to(base).as_posix() if resolved.is_relative_to(base) else None
