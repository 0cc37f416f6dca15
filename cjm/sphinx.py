"""The Sphinx extension `cjm.sphinx`: the `cjm-journey` directive draws a journey map at build time.

`.. cjm-journey:: journeys/checkout.yaml` (relative to the document, or to the source folder when it
starts with `/`) with `:view:`, `:alt:`, `:caption:`, `:align:` and `:width:`; the same directive is
also registered as `cjm`, for MyST's ```cjm fence (`myst_fence_as_directive = ["cjm"]`), whose content
is the map itself. The map and its baseline are dependencies of the document. HTML builders get the
SVG and the full HTML page with content-hashed names in `_images/`, LaTeX gets the PNG, the text,
man and Texinfo builders the map's description. An invalid map is one warning per diagnostic
(`sphinx-build -W` fails) and an error box in the page.

Why draw while writing, not reading: only then is the builder known (SVG or PNG), and a picture
is drawn only for a page that is written; the directive itself only checks the map.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cjm import __version__
from cjm.diagnostics import Diagnostic, make
from cjm.embed import (
    PICTURE_FORMATS,
    VIEWS,
    CheckedMap,
    PictureCache,
    check_block,
    check_map,
    description,
    diagnostic_line,
    display_name,
    draw,
    open_cache,
    picture_key,
)
from cjm.page import diagnostics_title, open_label, picture_style, speak
from cjm.renderers import RenderError
from cjm.translation import Message, _, translate

logger = logging.getLogger(__name__)
ALIGNMENTS = ("left", "center", "right")


class journey_picture(nodes.General, nodes.Element):  # docutils names nodes in lower case
    """A map to draw: where it comes from, its content key, the view and how it is shown."""


def _align(argument: str) -> str:
    return str(directives.choice(argument, ALIGNMENTS))


class JourneyDirective(SphinxDirective):
    """`.. cjm-journey:: PATH` or a map as the directive's content; checks it and leaves a node to draw."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "view": directives.unchanged_required,
        "alt": directives.unchanged,
        "caption": directives.unchanged,
        "align": _align,
        "width": directives.length_or_percentage_or_unitless,
    }

    def run(self) -> list[nodes.Node]:
        """Check the map, register its files as dependencies, and return its picture or its diagnostics."""
        source, _ = self.get_source_info()
        page = Path(source)
        if self.arguments:
            _, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
            checked = check_map(Path(absolute))
        else:
            text = "\n".join(self.content)
            checked = check_block(text, display_name(page), page.parent, self.content_offset + 1)
        for path in checked.dependencies:
            self.env.note_dependency(str(path.resolve()))
        view = self.options.get("view", self.config.cjm_view)
        problems = list(checked.errors)
        if view not in VIEWS:
            message = Message("unknown view `{view}`", view=view)
            hint = Message("the views are {views}", views=", ".join(VIEWS))
            problems.append(make("CJM430", display_name(page), self.lineno, 1, message, hint))
        if not self.arguments and not self.content:
            message = Message("no map: give a path or the map as content")
            problems.append(make("CJM430", display_name(page), self.lineno, 1, message))
        for diagnostic in checked.warnings:
            self._log(diagnostic, error=bool(self.config.cjm_strict))
        for diagnostic in problems:
            self._log(diagnostic, error=True)
        if problems:
            return [_error_box(problems, checked.result.name)]
        return [self._picture(checked, view)]

    def _log(self, diagnostic: Diagnostic, error: bool) -> None:
        hint = f" ({translate(diagnostic.hint)})" if diagnostic.hint else ""
        message = diagnostic_line(diagnostic) + hint
        location = (self.env.docname, self.lineno)
        if error:
            logger.warning(message, location=location, type="cjm", subtype=diagnostic.code)
        else:
            logger.info(message, location=location)

    def _picture(self, checked: CheckedMap, view: str) -> nodes.Element:
        journey = checked.journey
        assert journey is not None  # a map without errors has a model
        node = journey_picture()
        node["stem"] = checked.stem
        node["digest"] = checked.digest
        node["view"] = view
        # The pictures' cache keys, from the bytes just checked (the ones `cjm build` stores them under).
        node["keys"] = {name: picture_key(checked, view, name) for name in PICTURE_FORMATS}
        node["source"] = str(checked.dependencies[0]) if self.arguments else ""
        node["text"] = "" if self.arguments else "\n".join(self.content)
        node["folder"] = str(Path(self.get_source_info()[0]).parent)
        self.set_source_info(node)
        node["description"] = description(journey)
        node["open_label"] = open_label(journey)
        node["alt"] = self.options.get("alt") or node["description"]
        node["width"] = self.options.get("width", "")
        align = self.options.get("align", "")
        caption = self.options.get("caption")
        if not caption:
            node["align"] = align
            return node
        figure = nodes.figure("", node, align=align) if align else nodes.figure("", node)
        figure += nodes.caption(caption, caption)
        return figure


def _error_box(problems: list[Diagnostic], shown: str) -> nodes.Element:
    box = nodes.error()
    box += nodes.paragraph(text=diagnostics_title(len(problems), shown))
    items = nodes.bullet_list()
    for d in problems:
        item = nodes.paragraph()
        item += nodes.literal(text=f"{d.file}:{d.line}:{d.column}")
        item += nodes.Text(f" {d.code} {translate(d.message)}" + (f" ({translate(d.hint)})" if d.hint else ""))
        items += nodes.list_item("", item)
    box += items
    return box


def _draw(
    translator: Any, node: journey_picture, format_name: str, view: str | None = None
) -> tuple[str, bytes] | None:
    """Write one picture of the node into the builder's image folder; return its path relative to the page and bytes.

    The name holds the picture's content key (`cjm-<stem>-<key>.svg`), so an edited map gets a new
    name and a parallel build writing the same picture twice writes the same bytes.
    """
    chosen = view or node["view"]
    cache: PictureCache = translator.builder.app.cjm_cache
    key = node["keys"][format_name]
    name = f"cjm-{node['stem']}-{key[:16]}.{format_name}"

    def render() -> bytes:
        again = _recheck(node)
        if again.journey is None or again.digest != node["digest"]:
            raise _MapChanged
        return draw(again.journey, again.result.baseline, chosen, format_name, node["stem"])

    try:
        content = cache.fetch(key, render)
    except RenderError as error:
        logger.warning(
            f"{node['stem']}: {error.code} {translate(error.message)}", location=node, type="cjm", subtype=error.code
        )
        return None
    except _MapChanged:
        changed = _("{map}: the map changed while the site was built; build again").format(map=node["stem"])
        logger.warning(changed, location=node, type="cjm")
        return None
    target = Path(translator.builder.outdir) / translator.builder.imagedir / name
    if not target.is_file():
        from cjm.writer import Output, write_outputs

        write_outputs([Output(target, content)])
    prefix = translator.builder.imgpath
    return (f"{prefix}/{name}" if prefix else name), content


class _MapChanged(Exception):
    """The map was edited between reading and writing the page: its picture would not match the page."""


def _recheck(node: journey_picture) -> CheckedMap:
    if node["source"]:
        return check_map(Path(node["source"]))
    return check_block(node["text"], node["stem"], Path(node["folder"]))


def visit_html(translator: Any, node: journey_picture) -> None:
    """The SVG linked to the map's full HTML page."""
    import html

    drawn, full = _draw(translator, node, "svg"), _draw(translator, node, "html", "map")
    if drawn is None or full is None:
        raise nodes.SkipNode
    (svg, content), page = drawn, full[0]
    align = f" align-{node['align']}" if node.get("align") else ""
    style = f"width:{node['width']};max-width:100%;height:auto" if node["width"] else picture_style(content)
    # The link to the full map first, as in the MkDocs figure: a tall map's sideways scroll bar is far below.
    translator.body.append(
        f'<div class="cjm-journey{align}" style="overflow-x:auto">'
        f'<a class="cjm-journey-open" href="{html.escape(page)}">{html.escape(node["open_label"])}</a><br />'
        f'<a href="{html.escape(page)}"><img src="{html.escape(svg)}" alt="{html.escape(node["alt"])}" '
        f'style="{style}" /></a></div>\n'
    )
    raise nodes.SkipNode


def visit_latex(translator: Any, node: journey_picture) -> None:
    """The PNG, at most the text width (LaTeX cannot include SVG)."""
    drawn = _draw(translator, node, "png")
    if drawn is None:
        raise nodes.SkipNode
    png = drawn[0]
    width = f"width={translator.latex_image_length(node['width'])}" if node["width"] else ""
    translator.body.append(f"\n\\sphinxincludegraphics[{width}]{{{png}}}\n")
    raise nodes.SkipNode


def visit_text(translator: Any, node: journey_picture) -> None:
    """The map's description, where no picture can be shown."""
    translator.new_state(0)
    translator.add_text(f"[{node['alt']}]")
    translator.end_state()
    raise nodes.SkipNode


def _check_config(app: Sphinx, config: Any) -> None:
    speak(config.language)
    if config.cjm_view not in VIEWS:
        message = _("cjm_view = {value} is not a view; the views are {views}")
        raise ConfigError(message.format(value=repr(config.cjm_view), views=", ".join(VIEWS)))
    if not isinstance(config.cjm_strict, bool):
        raise ConfigError(_("cjm_strict = {value} must be True or False").format(value=repr(config.cjm_strict)))


def _open_cache(app: Sphinx) -> None:
    app.cjm_cache = open_cache(app.config.cjm_cache_dir, Path(app.confdir))  # type: ignore[attr-defined]


def _report(app: Sphinx, exception: Exception | None) -> None:
    cache: PictureCache | None = getattr(app, "cjm_cache", None)
    if cache is not None and exception is None and (cache.rendered or cache.reused):
        summary = _("cjm: {rendered} pictures rendered, {reused} from the cache")
        logger.info(summary.format(rendered=cache.rendered, reused=cache.reused))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive, its node for every builder, and the options `cjm_view`, `cjm_strict`, `cjm_cache_dir`."""
    app.add_config_value("cjm_view", "map", "env", types=frozenset({str}))
    app.add_config_value("cjm_strict", False, "env", types=frozenset({bool}))
    app.add_config_value("cjm_cache_dir", None, "", types=frozenset({str, type(None)}))
    app.add_node(
        journey_picture,
        html=(visit_html, None),
        epub=(visit_html, None),
        latex=(visit_latex, None),
        text=(visit_text, None),
        man=(visit_text, None),
        texinfo=(visit_text, None),
    )
    app.add_directive("cjm-journey", JourneyDirective)
    app.add_directive("cjm", JourneyDirective)
    app.connect("config-inited", _check_config)
    app.connect("builder-inited", _open_cache)
    app.connect("build-finished", _report)
    return {"version": __version__, "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
