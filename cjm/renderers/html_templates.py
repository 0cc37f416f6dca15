"""The HTML page's jinja2 environment, its templates compiled ahead of time into `cjm/templates/compiled/`.

Why compiled ahead: compiling the twelve templates took about 40 ms of CPU on every build of a
map, more than rendering the page; jinja2's `compile_templates` writes each as a Python module,
which `jinja2.ModuleLoader` imports (from the bytecode pip compiles) in about 1 ms. The compiled
modules are used only while they are current: written by the installed jinja2 version from the
templates as they are now (`manifest.json` records both); otherwise the templates are compiled from
source as before, kept in the cache folder by jinja2's bytecode cache. `make templates` writes
them again; tests/test_html_templates.py fails while they are stale.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import jinja2

from cjm import formatting

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
COMPILED = TEMPLATES / "compiled"
MANIFEST = "manifest.json"


def _settings() -> dict[str, Any]:
    """Everything the environment is made with but its loader (the compiled code depends on it)."""
    return {
        "autoescape": jinja2.select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=True, default=True
        ),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "finalize": lambda value: formatting.bind(value) if type(value) is str else value,  # « » never split
    }


def source_environment() -> jinja2.Environment:
    """The environment that compiles the templates from their source, with jinja2's cache in the cache folder."""
    from cjm.cache import template_cache

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), bytecode_cache=template_cache(), **_settings()
    )


def sources() -> dict[str, str]:
    """SHA-256 of each template's source, by template name (`lanes/kpis.html.j2`)."""
    return {
        path.relative_to(TEMPLATES).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(TEMPLATES.rglob("*.j2"))
    }


def manifest() -> dict[str, Any]:
    """What the compiled templates must have been made from: this jinja2 version and these sources."""
    return {"jinja2": jinja2.__version__, "sources": sources()}


def is_current(folder: Path | None = None) -> bool:
    """Whether a folder of compiled templates (default: COMPILED) was written by this jinja2 from the templates."""
    try:
        recorded = json.loads(((folder or COMPILED) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(recorded == manifest())


@functools.cache
def environment() -> jinja2.Environment:
    """The page's jinja2 environment: the compiled templates when they are current, else compiled from source."""
    if is_current(COMPILED):
        return jinja2.Environment(loader=jinja2.ModuleLoader(str(COMPILED)), **_settings())
    return source_environment()


def write_compiled(folder: Path) -> None:
    """Compile every template into `folder` (emptied first) and record what they were made from."""
    shutil.rmtree(folder, ignore_errors=True)
    compiler = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), **_settings())
    compiler.compile_templates(
        str(folder), filter_func=lambda name: name.endswith(".j2"), zip=None, ignore_errors=False, log_function=None
    )
    (folder / MANIFEST).write_text(json.dumps(manifest(), indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_compiled(Path(sys.argv[1]) if len(sys.argv) > 1 else COMPILED)
