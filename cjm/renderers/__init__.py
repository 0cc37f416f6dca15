"""Output formats: each renderer is a pure function `(journey, options) -> str | bytes`.

The registry names each format once (its suffix, whether it needs Graphviz) and imports the
renderer module only when that format is built, so validation never pays for jinja2 or graphviz.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cjm.model import Journey


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer may need beyond the journey itself.

    `stem` names the output files (the Markdown report links `<stem>.svg`); `baseline` is the
    current-state map a future-state map is compared with.
    """

    stem: str = "journey"
    baseline: Journey | None = None
    dot_timeout: float = 60.0


Render = Callable[["Journey", RenderOptions], "str | bytes"]


class RenderError(Exception):
    """A renderer could not produce its output for a reason outside the map (Graphviz missing or failing).

    `code` is a CJM4xx code of the diagnostics table; the pipeline turns this into a diagnostic.
    """

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


@dataclass(frozen=True)
class Format:
    """One output format: its name on the command line, its file suffix and where its renderer lives."""

    name: str
    suffix: str
    module: str
    function: str
    needs_graphviz: bool = False
    description: str = ""

    def renderer(self) -> Render:
        """Import the renderer on first use."""
        module = importlib.import_module(f"cjm.renderers.{self.module}")
        render: Render = getattr(module, self.function)
        return render


FORMATS: dict[str, Format] = {
    "svg": Format("svg", ".svg", "graphviz_svg", "render_svg", True, "journey flow drawn by Graphviz"),
    "png": Format("png", ".png", "graphviz_svg", "render_png", True, "the same flow as a PNG for slides"),
    "html": Format("html", ".html", "html", "render_html", False, "self-contained swimlane grid"),
    "md": Format("md", ".md", "markdown", "render_markdown", False, "Markdown report with a Mermaid journey"),
    "dot": Format("dot", ".dot", "graphviz_svg", "render_dot", False, "the Graphviz source of the flow"),
}
DEFAULT_FORMATS = ("svg", "html", "md")


def render(journey: Journey, format_name: str, options: RenderOptions | None = None) -> str | bytes:
    """Render a journey to one format by name."""
    return FORMATS[format_name].renderer()(journey, options or RenderOptions())
