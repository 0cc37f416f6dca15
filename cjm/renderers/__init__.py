"""Output formats: each renderer is a pure function `(journey, options) -> str | bytes`.

The registry names each format once (its suffix, whether it needs Graphviz) and imports the
renderer module only when that format is built, so validation never pays for jinja2 or graphviz.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from cjm.model import Journey


class RenderOptions(NamedTuple):
    """What a renderer may need beyond the journey itself.

    `stem` names the output files (the Markdown report links `<stem>.svg`); `baseline` is the
    current-state map a future-state map is compared with; `view` picks the picture an `svg` or
    `png` shows (`map`, `flow` or `slide`, see VIEWS); `siblings` names the other files built
    with this one (the Markdown report links only those that exist); timeouts are in seconds.
    """

    stem: str = "journey"
    baseline: Journey | None = None
    dot_timeout: float = 60.0
    view: str = "map"
    siblings: frozenset[str] = frozenset()
    raster_timeout: float = 60.0


Render = Callable[["Journey", RenderOptions], "str | bytes"]


class RenderError(Exception):
    """A renderer could not produce its output for a reason outside the map (Graphviz missing or failing).

    `code` is a CJM4xx code of the diagnostics table; the build turns this into a diagnostic, at
    the key or value of `path` (a path of the map's document, `("stages", 0, "name")`) when a part
    of the map caused it, else without a position (the machine, not the file, is at fault).
    """

    def __init__(
        self, code: str, message: str, hint: str | None = None, path: tuple[str | int, ...] | None = None
    ) -> None:
        super().__init__(message)
        self.code, self.message, self.hint, self.path = code, message, hint, path


class View(NamedTuple):
    """One picture of a map, drawn as `svg` or `png`: its name, the infix of its file names and its module.

    The module has `render_svg` and `render_png`; `<stem><infix>.svg` is where the view goes.
    """

    name: str
    infix: str
    module: str
    needs_graphviz: bool = False
    description: str = ""


VIEWS: dict[str, View] = {
    "map": View("map", "", "map_view", False, "the journey map grid: stages, lanes, emotional curve (default)"),
    "flow": View("flow", ".flow", "graphviz_svg", True, "the touchpoint flow drawn by Graphviz"),
    "slide": View("slide", ".slide", "slide_view", False, "a 16:9 one-slide summary for a deck"),
}
DEFAULT_VIEWS = ("map",)


class Format(NamedTuple):
    """One output format: its name on the command line, its file suffix and where its renderer lives.

    A format `by_view` (svg, png) draws one of the VIEWS: its renderer is the view module's
    `function`, and its file name carries the view's infix.
    """

    name: str
    suffix: str
    module: str
    function: str
    needs_graphviz: bool = False
    description: str = ""
    by_view: bool = False

    def renderer(self, view: str = "map") -> Render:
        """Import the renderer on first use (for a format drawn by view, the view's)."""
        name = VIEWS[view].module if self.by_view else self.module
        module = importlib.import_module(f"cjm.renderers.{name}")
        render: Render = getattr(module, self.function)
        return render

    def file_name(self, stem: str, view: str = "map") -> str:
        """The output file's name: `<stem>.svg`, `<stem>.flow.svg`, `<stem>.html`…"""
        return f"{stem}{VIEWS[view].infix if self.by_view else ''}{self.suffix}"

    def graphviz(self, view: str = "map") -> bool:
        """Whether drawing this format (in this view) needs Graphviz."""
        return VIEWS[view].needs_graphviz if self.by_view else self.needs_graphviz


FORMATS: dict[str, Format] = {
    "svg": Format("svg", ".svg", "", "render_svg", False, "the picture of each --view (default: the map)", True),
    "png": Format("png", ".png", "", "render_png", False, "the same picture as a PNG for slides", True),
    "html": Format("html", ".html", "html", "render_html", False, "self-contained swimlane grid"),
    "md": Format("md", ".md", "markdown", "render_markdown", False, "Markdown report with a Mermaid journey"),
    "dot": Format("dot", ".dot", "graphviz_svg", "render_dot", False, "the Graphviz source of the flow"),
}
DEFAULT_FORMATS = ("svg", "html", "md")


class Target(NamedTuple):
    """One output of a build: a format and, for `svg` and `png`, the view it draws.

    `key` names it without the stem ("svg", "flow.svg", "slide.png", "html"): unique in a build,
    and the file is `<stem>.<key>`.
    """

    format: str
    view: str = "map"

    @property
    def key(self) -> str:
        """The output's name without its stem."""
        return FORMATS[self.format].file_name("", self.view).lstrip(".")

    @property
    def picture(self) -> bool:
        """Whether it is a picture drawn by view (`svg`, `png`)."""
        return FORMATS[self.format].by_view

    @property
    def needs_graphviz(self) -> bool:
        """Whether drawing it needs Graphviz (the flow view, and nothing else)."""
        return FORMATS[self.format].graphviz(self.view)

    def file_name(self, stem: str) -> str:
        """The output file's name for a stem."""
        return FORMATS[self.format].file_name(stem, self.view)

    def render(self, journey: Journey, options: RenderOptions) -> str | bytes:
        """Render this output (the options' view is this target's)."""
        return FORMATS[self.format].renderer(self.view)(journey, options._replace(view=self.view))


def targets(formats: Sequence[str], views: Sequence[str] = DEFAULT_VIEWS) -> list[Target]:
    """The outputs a build writes: `svg` and `png` once per view, any other format once, in the order asked."""
    return [Target(name, view) for name in formats for view in (views if FORMATS[name].by_view else DEFAULT_VIEWS)]


def render(journey: Journey, format_name: str, options: RenderOptions | None = None) -> str | bytes:
    """Render a journey to one format by name; `svg` and `png` draw `options.view` (default `map`)."""
    options = options or RenderOptions()
    return FORMATS[format_name].renderer(options.view)(journey, options)
