"""The MkDocs plugin `cjm`: journey maps in pages become pictures at build time, offline and cached.

`![Alt](journeys/checkout.yaml)` (relative to the page, `{ view=flow }` through attr_list) and
```cjm fenced blocks show one view of the map as an SVG beside it in the site, linked to the map's
full HTML page. An invalid map logs one warning per diagnostic (`path:line:col CJMxxx message`), so
`mkdocs build --strict` fails, and its page shows the diagnostics instead of the picture.

Why a Markdown treeprocessor and not a regex over the page: Markdown itself says what is an image
(code spans and code blocks are left alone), and the picture's links are then made relative by
MkDocs like any other link. It runs after attr_list (priority 8) and before MkDocs' `relpath` (0).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any, ClassVar, cast
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config import base
from mkdocs.config import config_options as options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from cjm.diagnostics import Diagnostic, make
from cjm.embed import (
    VIEWS,
    CheckedMap,
    check_block,
    check_map,
    description,
    diagnostic_line,
    display_name,
    open_cache,
    picture_name,
    relative_to,
)
from cjm.page import Block, diagnostics_html, extract_blocks, locate, open_label, picture_style, speak, svg_size
from cjm.renderers import RenderError
from cjm.translation import Message, _, ngettext, translate

log = get_plugin_logger(__name__)
BLOCK_SCHEME = "cjm-block:"
MAP_SUFFIXES = (".yaml", ".yml")
# Where pictures of maps outside docs_dir and of fenced blocks go in the site.
GENERATED_FOLDER = "_cjm"
CAPTION_STYLE = "margin:0 0 0.5em;max-width:none;text-align:start;align-self:flex-start"


class CjmPluginConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options in mkdocs.yml, validated by MkDocs (a bad value is a configuration error)."""

    view = options.Choice(VIEWS, default="map")
    strict = options.Type(bool, default=False)
    cache_dir = options.Optional(options.Type(str))
    publish_sources = options.Type(bool, default=False)


class CjmPlugin(BasePlugin[CjmPluginConfig]):  # type: ignore[no-untyped-call]
    """Draw the journey maps a site's pages show; see the module docstring for the page syntax."""

    # The server of `mkdocs serve` and what it watches: each rebuild loads a new plugin, which
    # still has to watch the maps pages start to use.
    server: ClassVar[LiveReloadServer | None] = None
    watched: ClassVar[set[Path]] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Switch on attr_list (for `{ view=flow }`) and the picture treeprocessor; open the cache."""
        project = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.project = project.resolve()
        self.docs_dir = Path(config.docs_dir).resolve()
        self.cache = open_cache(self.config.cache_dir, self.project)
        self.dependencies: set[Path] = set()
        self.sources: set[Path] = set()
        self.generated: dict[str, bytes] = {}
        self.logged: set[Diagnostic] = set()
        self.shown = 0
        self.mkdocs_config = config
        speak(None)  # MkDocs has no language of its own: the environment's, as `cjm` reads it
        extensions = cast("list[Any]", config.markdown_extensions)
        if "attr_list" not in extensions:
            extensions.append("attr_list")
        extensions.append(_PictureExtension(self))
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Keep the site's files: pictures are added to them as pages are rendered."""
        self.files = files
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Turn each ```cjm fenced block into an image the treeprocessor draws."""
        self.page = page
        self.markdown = markdown
        converted, self.blocks = extract_blocks(markdown, BLOCK_SCHEME)
        return converted

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Leave the maps' YAML sources out of the site unless `publish_sources` is set."""
        if not self.config.publish_sources:
            for source in sorted(self.sources):
                uri = relative_to(source, self.docs_dir)
                found = files.get_file_from_path(uri) if uri else None
                if found is not None:
                    files.remove(found)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Say how many pictures were drawn and how many came from the cache."""
        cache = self.cache
        where = f" ({display_name(cache.store.root)})" if cache.store is not None else ""
        summary = ngettext(
            "{count} journey map shown: {rendered} pictures rendered, {reused} from the cache",
            "{count} journey maps shown: {rendered} pictures rendered, {reused} from the cache",
            self.shown,
        )
        log.info(summary.format(count=self.shown, rendered=cache.rendered, reused=cache.reused) + where)
        if CjmPlugin.server is not None:
            self._watch(CjmPlugin.server)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Watch the maps and baselines pages use that live outside docs_dir (docs_dir is watched already)."""
        CjmPlugin.server = server
        self._watch(server)
        return server

    def _watch(self, server: LiveReloadServer) -> None:
        for path in sorted(self.dependencies - CjmPlugin.watched):
            if relative_to(path, self.docs_dir) is None:
                server.watch(str(path), recursive=False)
                CjmPlugin.watched.add(path)

    # The treeprocessor's work, one image at a time.

    def replace_images(self, root: etree.Element, md: Markdown) -> None:
        """Replace every image of a map (or placeholder of a fenced block) by its picture or its diagnostics."""
        parents = {child: parent for parent in root.iter() for child in parent}
        for image in list(root.iter("img")):
            source = image.get("src", "")
            if source.startswith(BLOCK_SCHEME):
                block = self.blocks[int(source.removeprefix(BLOCK_SCHEME))]
                view, unknown = _block_options(block)
                where = (block.line - 1, block.column)
                problems = self._option_problems(view, unknown, where, Message("the ```cjm block"))
                self._show(image, parents, md, self._check_block(block), view, problems)
            elif _is_map_link(source):
                path = self._page_folder() / unquote(urlsplit(source).path)
                view = image.attrib.pop("view", None)
                problems = self._option_problems(view, [], locate(self.markdown, source), source)
                self._show(image, parents, md, check_map(path), view, problems)

    def _option_problems(
        self, view: str | None, unknown: list[str], where: tuple[int, int], shown: str
    ) -> list[Diagnostic]:
        """CJM430 for a view that does not exist and for words of a fence that mean nothing to cjm."""
        line, column = where
        problems = []
        if view is not None and view not in VIEWS:
            message = Message("unknown view `{view}` for {shown}", view=view, shown=shown)
            hint = Message("the views are {views}", views=", ".join(VIEWS))
            problems.append(make("CJM430", self._page_name(), line, column, message, hint))
        if unknown:
            words = ", ".join(unknown)
            if len(unknown) == 1:
                message = Message("unknown option {options} for {shown}", options=words, shown=shown)
            else:
                message = Message("unknown options {options} for {shown}", options=words, shown=shown)
            hint = Message("write ```cjm view=flow")
            problems.append(make("CJM430", self._page_name(), line, column, message, hint))
        return problems

    def _page_folder(self) -> Path:
        file = self.page.file
        return Path(file.abs_src_path).parent if file.abs_src_path else (self.docs_dir / file.src_uri).parent

    def _page_name(self) -> str:
        file = self.page.file
        return display_name(Path(file.abs_src_path) if file.abs_src_path else self.docs_dir / file.src_uri)

    def _check_block(self, block: Block) -> CheckedMap:
        return check_block(block.text, self._page_name(), self._page_folder(), block.line, block.column)

    def _show(
        self,
        image: etree.Element,
        parents: dict[etree.Element, etree.Element],
        md: Markdown,
        checked: CheckedMap,
        view: str | None,
        page_problems: list[Diagnostic],
    ) -> None:
        self.dependencies.update(path.resolve() for path in checked.dependencies)
        problems = [*checked.errors, *page_problems]
        if checked.dependencies:
            self.sources.add(checked.dependencies[0].resolve())
        for diagnostic in checked.warnings:
            self._log(diagnostic, warning=self.config.strict)
        pictures: dict[str, bytes] = {}
        if not problems:
            chosen = view or self.config.view
            try:
                pictures = {
                    picture_name(checked.stem, chosen, "svg"): self.cache.picture(checked, chosen, "svg"),
                    picture_name(checked.stem, chosen, "html"): self.cache.picture(checked, "map", "html"),
                }
            except RenderError as error:
                problems.append(make(error.code, checked.result.name, 1, 1, error.message, error.hint))
        for diagnostic in problems:
            self._log(diagnostic, warning=True)
        if problems:
            shown = checked.result.name if checked.dependencies else f"{checked.result.name}:{problems[0].line}"
            _replace(image, parents, _raw(md, diagnostics_html(problems, shown)))
            return
        self.shown += 1
        self.sources.update(path.resolve() for path in checked.dependencies)
        folder = self._output_folder(checked)
        links = {name: self._add_file(posixpath.join(folder, name), content) for name, content in pictures.items()}
        svg_name, page_name = list(pictures)
        journey = checked.journey
        assert journey is not None  # checked above: a map without errors has a model
        alt = image.get("alt") or description(journey)
        figure = self._figure(image, links[svg_name], links[page_name], alt, pictures[svg_name], open_label(journey))
        _replace(image, parents, figure)

    def _log(self, diagnostic: Diagnostic, warning: bool) -> None:
        """Log a diagnostic once per build, even when several pages show the same map."""
        if diagnostic not in self.logged:
            self.logged.add(diagnostic)
            (log.warning if warning else log.info)(_logged(diagnostic))

    def _output_folder(self, checked: CheckedMap) -> str:
        """Beside the map when it is in docs_dir (stable names); under `_cjm/` otherwise."""
        if not checked.dependencies:
            return GENERATED_FOLDER
        inside = relative_to(checked.dependencies[0], self.docs_dir)
        if inside is not None:
            return posixpath.dirname(inside)
        from_project = relative_to(checked.dependencies[0], self.project)
        if from_project is not None:
            return posixpath.join(GENERATED_FOLDER, posixpath.dirname(from_project))
        return posixpath.join(GENERATED_FOLDER, checked.digest[:12])

    def _add_file(self, uri: str, content: bytes) -> str:
        """Add a generated file to the site (once) and return its path relative to the current page's source."""
        if uri not in self.generated:
            existing = self.files.get_file_from_path(uri)
            if existing is not None:
                log.info(_("{file} in docs_dir is replaced by the picture drawn from its map").format(file=uri))
                self.files.remove(existing)
            self.files.append(
                File.generated(self.mkdocs_config, uri, content=content, inclusion=InclusionLevel.INCLUDED)
            )
            self.generated[uri] = content
        return posixpath.relpath(uri, posixpath.dirname(self.page.file.src_uri) or ".")

    def _figure(self, image: etree.Element, svg: str, page: str, alt: str, content: bytes, label: str) -> etree.Element:
        """A figure that scrolls sideways rather than shrink the picture's text below MIN_TEXT_PX.

        The link to the full map comes first, where a reader sees it before the picture: a tall map's
        bottom edge, where a sideways scroll bar shows, may be a screen or two further down.
        """
        figure = etree.Element("figure", {"class": "cjm-journey", "style": "margin:1em 0;overflow-x:auto"})
        # At the start of the figure whatever the theme (Material centres captions in a narrow column).
        caption = etree.SubElement(figure, "figcaption", {"style": CAPTION_STYLE})
        etree.SubElement(caption, "a", {"href": page}).text = label
        link = etree.SubElement(figure, "a", {"href": page})
        attributes = {k: v for k, v in image.attrib.items() if k not in ("src", "alt")}
        picture = etree.SubElement(link, "img", {"src": svg, "alt": alt, **attributes})
        size = svg_size(content)
        if size is not None and "width" not in attributes:
            picture.set("width", str(size[0]))
            picture.set("height", str(size[1]))
        if "style" not in attributes and "width" not in attributes:
            picture.set("style", picture_style(content))
        return figure


def _is_map_link(source: str) -> bool:
    parts = urlsplit(source)
    return not parts.scheme and not parts.netloc and parts.path.lower().endswith(MAP_SUFFIXES)


def _block_options(block: Block) -> tuple[str | None, list[str]]:
    """The view a fence's info string asks for (`view=flow`), and the words cjm does not know."""
    views = [word.removeprefix("view=") for word in block.options if word.startswith("view=")]
    unknown = [word for word in block.options if not word.startswith("view=")]
    return (views[-1] if views else None), unknown


def _logged(diagnostic: Diagnostic) -> str:
    hint = f" ({translate(diagnostic.hint)})" if diagnostic.hint else ""
    return diagnostic_line(diagnostic) + hint


def _raw(md: Markdown, markup: str) -> etree.Element:
    """A paragraph Markdown's postprocessor swaps for raw HTML."""
    holder = etree.Element("p")
    holder.text = md.htmlStash.store(markup)
    return holder


def _replace(image: etree.Element, parents: dict[etree.Element, etree.Element], block: etree.Element) -> None:
    """Put `block` where the image was: instead of its paragraph when the image is alone in it.

    An image inside running text keeps its place as a linked picture (a figure cannot sit inside a
    paragraph), and diagnostics go right after that paragraph.
    """
    parent = parents[image]
    grand = parents.get(parent)
    alone = not (parent.text or "").strip() and len(parent) == 1 and not (image.tail or "").strip()
    if parent.tag == "p" and grand is not None and (alone or block.tag != "figure"):
        index = list(grand).index(parent)
        block.tail = parent.tail if alone else None
        if alone:
            grand.remove(parent)
            grand.insert(index, block)
        else:
            _remove_inline(image, parent)
            grand.insert(index + 1, block)
        return
    picture = block.find("a") if block.tag == "figure" else None  # the linked picture, not the caption
    inline = picture if picture is not None else block
    index = list(parent).index(image)
    inline.tail = image.tail
    parent.remove(image)
    parent.insert(index, inline)


def _remove_inline(element: etree.Element, parent: etree.Element) -> None:
    """Remove an inline element, keeping the text that followed it."""
    index = list(parent).index(element)
    parent.remove(element)
    if element.tail:
        if index > 0:
            parent[index - 1].tail = (parent[index - 1].tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail


class _PictureTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, plugin: CjmPlugin) -> None:
        super().__init__(md)
        self.plugin = plugin

    def run(self, root: etree.Element) -> None:
        self.plugin.replace_images(root, self.md)


class _PictureExtension(Extension):
    def __init__(self, plugin: CjmPlugin) -> None:
        super().__init__()
        self.plugin = plugin

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_PictureTreeprocessor(md, self.plugin), "cjm-journey", 1)
