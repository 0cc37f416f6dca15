"""PNG from the same SVG with librsvg's rsvg-convert: size, cap, opacity, a missing program."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from cjm.renderers import RenderError, RenderOptions, render
from cjm.renderers.raster import MAX_PIXELS, installed_font_covers, png_size, rasterise
from tests.journeys import journey
from tests.tools import read_png


def _size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_png_size_is_at_least_2400_px_wide_and_capped() -> None:
    assert png_size(1000, 1700) == (2400, 4080)
    assert png_size(1920, 1080) == (3840, 2160)
    width, height = png_size(1000, 40_000)
    assert width * height <= MAX_PIXELS and width >= 500


def test_the_map_png_is_the_svg_drawn_on_an_opaque_background(tmp_path: Path) -> None:
    png = render(journey(3), "png")
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG")
    assert _size(png)[0] == 2400
    (tmp_path / "map.png").write_bytes(png)
    decoded = read_png(tmp_path / "map.png", max_rows=4)
    assert decoded.rows[0][:3] == b"\xff\xff\xff"
    assert decoded.channels in (3, 4) and (decoded.channels == 3 or decoded.rows[0][3] == 255)


def test_a_40_stage_map_stays_under_the_pixel_cap() -> None:
    png = render(journey(40), "png")
    assert isinstance(png, bytes)
    width, height = _size(png)
    assert width * height <= MAX_PIXELS


def test_the_slide_png_is_16_9() -> None:
    png = render(journey(5), "png", RenderOptions(view="slide"))
    assert isinstance(png, bytes) and _size(png) == (3840, 2160)


def test_without_rsvg_convert_png_is_cjm405(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError) as raised:
        rasterise('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')
    assert raised.value.code == "CJM405" and "librsvg2-bin" in (raised.value.hint or "")


def test_a_broken_svg_is_cjm406() -> None:
    with pytest.raises(RenderError) as raised:
        rasterise('<svg viewBox="0 0 10 10"><unclosed></svg>')
    assert raised.value.code == "CJM406"


def test_fontconfig_knows_which_characters_a_font_draws() -> None:
    assert installed_font_covers("A") is True
    assert installed_font_covers("\ue000") is False


def test_graphviz_viewbox_with_decimals_is_read() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="72pt" height="36pt" viewBox="0.00 0.00 72.00 36.00">'
        '<rect width="72" height="36" fill="#fff"/></svg>'
    )
    assert _size(rasterise(svg)) == png_size(72.0, 36.0) == (2400, 1200)
