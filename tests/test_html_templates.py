"""The HTML page's templates compiled ahead of time: current, exactly what compiling them gives, same pages."""

from __future__ import annotations

import filecmp
from pathlib import Path

import jinja2
import pytest

from cjm import load
from cjm.renderers import RenderOptions, html_templates, render
from tests.conftest import EXAMPLES


def test_the_committed_templates_are_current_and_what_compiling_gives(tmp_path: Path) -> None:
    assert html_templates.is_current(), "templates changed: run `make templates`"
    html_templates.write_compiled(tmp_path)
    committed = sorted(path.name for path in html_templates.COMPILED.iterdir() if path.is_file())
    assert committed == sorted(path.name for path in tmp_path.iterdir())
    _, mismatch, errors = filecmp.cmpfiles(html_templates.COMPILED, tmp_path, committed, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_a_changed_template_is_not_current(tmp_path: Path) -> None:
    html_templates.write_compiled(tmp_path)
    assert html_templates.is_current(tmp_path)
    manifest = tmp_path / html_templates.MANIFEST
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"journey.html.j2": "', '"journey.html.j2": "0'))
    assert not html_templates.is_current(tmp_path)
    assert not html_templates.is_current(tmp_path / "missing")


def test_compiled_and_source_templates_write_the_same_pages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    journeys = [load(path) for path in EXAMPLES]
    html_templates.environment.cache_clear()
    compiled = [render(journey, "html", RenderOptions(stem="x")) for journey in journeys]
    assert isinstance(html_templates.environment().loader, jinja2.ModuleLoader)
    monkeypatch.setattr(html_templates, "COMPILED", tmp_path / "none")  # as if they were stale or absent
    html_templates.environment.cache_clear()
    try:
        from_source = [render(journey, "html", RenderOptions(stem="x")) for journey in journeys]
        assert not isinstance(html_templates.environment().loader, jinja2.ModuleLoader)
    finally:
        html_templates.environment.cache_clear()
    assert compiled == from_source
