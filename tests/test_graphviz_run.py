"""cjm.renderers.graphviz_run: Graphviz run once per map, errors as diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.build import build_file
from cjm.cache import BuildCache
from cjm.renderers import RenderError
from cjm.renderers.graphviz_run import draw_svg, run
from tests.conftest import ROOT

SOURCE = 'digraph g { a -> b [label="x"] }'


def test_a_build_of_every_format_lays_each_map_out_once(tmp_path: Path) -> None:
    draw_svg.cache_clear()
    result = build_file(
        ROOT / "examples" / "saas-trial-onboarding.yaml",
        ["svg", "png", "dot", "html", "md"],
        tmp_path,
        cache=BuildCache.disabled(),
        views=["flow"],
    )
    assert result.ok and len(result.written) == 5
    info = draw_svg.cache_info()
    assert (info.misses, info.hits) == (1, 1)  # The SVG laid it out; the PNG rasterised that SVG.


def test_missing_graphviz_is_cjm401(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError) as raised:
        run(SOURCE.encode(), "dot", "svg", [], 30)
    assert raised.value.code == "CJM401"


def test_bad_source_is_cjm402_with_graphviz_words() -> None:
    with pytest.raises(RenderError) as raised:
        run(b"digraph {", "dot", "svg", [], 30)
    assert raised.value.code == "CJM402" and "syntax error" in raised.value.message.lower()
