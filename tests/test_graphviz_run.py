"""cjm.renderers.graphviz_run: Graphviz run once per map, errors as diagnostics, the PNG's resolution."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.build import build_file
from cjm.cache import BuildCache
from cjm.renderers import RenderError
from cjm.renderers.graphviz_run import draw_png, draw_svg, layout_and_svg, png_dpi, run, size_inches
from tests.conftest import ROOT

SOURCE = 'digraph g { a -> b [label="x"] }'


def test_a_build_of_every_format_lays_each_map_out_once(tmp_path: Path) -> None:
    layout_and_svg.cache_clear()
    result = build_file(
        ROOT / "examples" / "saas-trial-onboarding.yaml",
        ["svg", "png", "dot", "html", "md"],
        tmp_path,
        cache=BuildCache.disabled(),
        views=["flow"],
    )
    assert result.ok and len(result.written) == 5
    info = layout_and_svg.cache_info()
    assert (info.misses, info.hits) == (1, 1)  # The SVG laid it out; the PNG drew the same layout.


def test_svg_and_png_are_drawn_from_one_layout() -> None:
    layout_and_svg.cache_clear()
    svg = draw_svg(SOURCE, 30)
    png = draw_png(SOURCE, 30)
    assert svg.lstrip().startswith(b"<?xml") and png.startswith(b"\x89PNG")
    assert layout_and_svg.cache_info().misses == 1


def test_size_from_the_laid_out_source() -> None:
    width, height = size_inches(b'digraph g { graph [bb="0,0,144,72"]; }')
    assert (width, height) == (2.0, 1.0)
    assert size_inches(b"digraph g {}") == (0.0, 0.0)


def test_png_dpi_meets_the_width_and_caps_the_pixels() -> None:
    assert png_dpi(100.0) == 96
    assert png_dpi(10.0) == 240
    assert png_dpi(0.0) == 1200
    width, height = 12.0, 300.0  # A 40-stage map drawn top to bottom.
    dpi = png_dpi(width, height)
    assert (width * dpi) * (height * dpi) <= 40_000_000


def test_missing_graphviz_is_cjm401(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError) as raised:
        run(SOURCE.encode(), "dot", "svg", [], 30)
    assert raised.value.code == "CJM401"


def test_bad_source_is_cjm402_with_graphviz_words() -> None:
    with pytest.raises(RenderError) as raised:
        run(b"digraph {", "dot", "svg", [], 30)
    assert raised.value.code == "CJM402" and "syntax error" in raised.value.message.lower()
