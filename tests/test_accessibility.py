"""axe-core, run in headless Chromium, finds no accessibility violation on the HTML page or the flow inlined in a page.

axe-core is pinned in tests/node/package.json (installed by `make node`); its script is put in front of
tests/probes/axe-run.js, which runs it after load. The HTML page's Content-Security-Policy (no
scripts) is dropped from the probed copy only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import cjm
from cjm.renderers import RenderOptions
from cjm.renderers.graphviz_svg import render_svg
from tests.conftest import EXAMPLES
from tests.tools import NODE_DIR, PROBES, build_text, probe_page, require_chromium

AXE = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
IDS = [path.stem for path in EXAMPLES]


@pytest.fixture(scope="module")
def axe_probe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """axe-core followed by the runner, as one probe script."""
    assert AXE.exists(), "axe-core is not installed in tests/node: run `make node`"
    probe = tmp_path_factory.mktemp("axe") / "axe-probe.js"
    probe.write_text(AXE.read_text(encoding="utf-8") + "\n" + (PROBES / "axe-run.js").read_text(encoding="utf-8"))
    return probe


def _violations(page: Path, probe: Path) -> list[dict[str, Any]]:
    require_chromium()
    result = probe_page(page, probe)
    assert result["passes"] > 5, "axe ran its rules"
    violations: list[dict[str, Any]] = result["violations"]
    return violations


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_html_page_has_no_axe_violation(example: Path, axe_probe: Path, tmp_path: Path) -> None:
    page = tmp_path / f"{example.stem}.html"
    page.write_text(build_text(example, "html"), encoding="utf-8")
    violations = _violations(page, axe_probe)
    assert violations == [], f"{example.stem}: {violations}"


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_flow_inlined_in_a_page_has_no_axe_violation(example: Path, axe_probe: Path, tmp_path: Path) -> None:
    svg = render_svg(cjm.load(example), RenderOptions(stem=example.stem)).decode("utf-8")
    page = tmp_path / f"{example.stem}.flow.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Flow</title></head>\n'
        f"<body><main><h1>Journey</h1>\n{re.sub(r'^<[?]xml[^>]*>', '', svg)}</main></body></html>\n",
        encoding="utf-8",
    )
    violations = _violations(page, axe_probe)
    assert violations == [], f"{example.stem}: {violations}"


def test_axe_reports_what_it_finds(axe_probe: Path, tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>x</title></head><body>'
        '<svg role="img" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
        '<p style="color:#aaa;background:#fff">low contrast</p></body></html>\n',
        encoding="utf-8",
    )
    found = {violation["id"] for violation in _violations(page, axe_probe)}
    assert {"html-has-lang", "svg-img-alt", "color-contrast"} <= found
