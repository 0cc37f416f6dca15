"""The HTML page's stage columns hold their longest word, at a wide screen, a docs page, a narrow column and on paper.

Unit tests check the widths and the paper size chosen; the rest open the page in the real headless
Chromium at 1440, 1000 and 670 px (a wide screen, a docs page, MkDocs Material's content column)
and print it to PDF: no word is broken in the middle, the page is never wider than the window (the
grid scrolls in its own box, lane labels staying in view), and the printed grid is whole.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cjm import load
from cjm.model import Journey
from cjm.renderers import RenderOptions, render
from cjm.renderers.font import text_width
from cjm.renderers.html_columns import (
    A4_LANDSCAPE_MM,
    CELL_EXTRA_PX,
    GRID_FONT_PX,
    HEADER_EXTRA_PX,
    HEADER_SCALE,
    PRINT_EM_MM,
    PRINT_LANE_MM,
    STAGE_MAX_PX,
    STAGE_MIN_PX,
    print_layout,
    stage_min_em,
)
from tests.conftest import EXAMPLES
from tests.journeys import journey
from tests.tools import ARTIFACTS, PROBES, print_pdf, probe_page, run_axe, screenshot
from tests.unusual import UNUSUAL, french_long_words

WIDTH_PROBE = PROBES / "page-width.js"
OUT = ARTIFACTS / "page-width"
WIDTHS = (1440, 1000, 670)


def test_a_short_map_keeps_the_least_column_width() -> None:
    assert stage_min_em(journey(3)) == pytest.approx(STAGE_MIN_PX / GRID_FONT_PX, abs=0.1)


def test_the_longest_stage_name_word_sets_the_column_width() -> None:
    em = stage_min_em(french_long_words())
    word = max(text_width(w, GRID_FONT_PX * HEADER_SCALE, bold=True) for w in ("Déménagement", "Emménagement"))
    assert em * GRID_FONT_PX >= word + HEADER_EXTRA_PX
    assert em * GRID_FONT_PX > STAGE_MIN_PX, "a long word widens the columns"


def test_a_long_word_in_a_card_widens_the_columns_up_to_a_cap() -> None:
    data = journey(2).model_dump(mode="json", exclude_none=True, by_alias=True)
    data["stages"][0]["pain_points"][0]["text"] = "Anticonstitutionnellement"
    em = stage_min_em(Journey.model_validate(data))
    assert em * GRID_FONT_PX >= text_width("Anticonstitutionnellement", GRID_FONT_PX) + CELL_EXTRA_PX
    data["stages"][0]["pain_points"][0]["text"] = "https://example.com/" + "a" * 200
    assert stage_min_em(Journey.model_validate(data)) * GRID_FONT_PX <= STAGE_MAX_PX + GRID_FONT_PX / 10


def test_paper_is_a4_while_the_grid_fits_it_then_a3_with_smaller_type() -> None:
    assert print_layout(6, 10.8) == ("A4 landscape", "7.5pt")
    size, font = print_layout(8, 12.0)
    assert size == "A4 landscape" and float(font.removesuffix("pt")) < 7.5
    assert print_layout(12, 10.8)[0] == "A3 landscape"
    size, font = print_layout(40, 23.1)
    assert size == "A3 landscape" and font == "4.5pt", "type never shrinks below 60 %"
    # The chosen type keeps the grid inside the page whenever the floor allows it.
    for stages in range(1, 20):
        size, font = print_layout(stages, 12.0)
        scale = float(font.removesuffix("pt")) / 7.5
        width = 400.0 if size.startswith("A3") else A4_LANDSCAPE_MM
        if scale > 0.6:
            assert (PRINT_LANE_MM + stages * 12.0 * PRINT_EM_MM) * scale <= width + 0.5


def test_the_page_carries_the_width_and_the_paper() -> None:
    page = render(french_long_words(), "html", RenderOptions(stem="x"))
    assert isinstance(page, str)
    assert f"--stage-min: {stage_min_em(french_long_words()):g}em" in page
    assert "@page { size: A4 landscape;" in page
    assert 'class="grid-wrap" role="region" aria-labelledby="grid-caption" tabindex="0"' in page
    twelve = render(journey(12), "html", RenderOptions(stem="x"))
    assert isinstance(twelve, str) and "@page { size: A3 landscape;" in twelve


def _maps() -> dict[str, tuple[Journey, Journey | None]]:
    found = {name: make() for name, make in UNUSUAL.items()}
    for path in EXAMPLES:
        current = load(path)
        found[path.stem] = (current, load(path.parent / current.baseline) if current.baseline else None)
    return found


MAPS = _maps()


def _page(name: str) -> Path:
    current, baseline = MAPS[name]
    page = OUT / f"{name}.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    html = render(current, "html", RenderOptions(stem=name, baseline=baseline))
    assert isinstance(html, str)
    page.write_text(html, encoding="utf-8")
    return page


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(MAPS))
def test_no_word_is_broken_and_the_grid_scrolls_in_its_own_box(name: str, width: int) -> None:
    page = _page(name)
    result = probe_page(page, WIDTH_PROBE, width=width)
    problems = "\n".join(json.dumps(problem, ensure_ascii=False) for problem in result["problems"])
    assert result["problems"] == [], f"{name} at {width} px:\n{problems}"
    assert result["width"] <= width


@pytest.mark.browser
def test_an_eight_stage_map_fits_a_wide_screen_and_scrolls_in_a_docs_column() -> None:
    page = _page("french-long-words")
    assert not probe_page(page, WIDTH_PROBE, width=1440)["scrolls"], "8 stages fit 1440 px without scrolling"
    assert probe_page(page, WIDTH_PROBE, width=670)["scrolls"], "at 670 px the grid scrolls in its box"
    shot = screenshot(page, OUT / "french-long-words-670.png", 670, 900)
    assert shot.width == 670


def _pdf_text(pdf: Path) -> str:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext not found: run `make system`"
    return subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.browser
@pytest.mark.parametrize("name", ["french-long-words", "twelve-stages", "long-names", "blueprint"])
def test_the_printed_grid_is_whole_with_whole_words(name: str) -> None:
    page = _page(name)
    pdf = OUT / f"{name}.pdf"
    print_pdf(page, pdf)
    text = _pdf_text(pdf)
    current, _ = MAPS[name]
    for stage in current.stages:
        # Each stage's name whole, in reading order: lines may end at a space or after a hyphen only
        # (pdftotext joins "rendez-" and "vous" of two lines into "rendezvous").
        name_pattern = r"\s+".join(re.escape(word).replace("\\-", "-?\\s*") for word in stage.name.split())
        assert re.search(name_pattern, text), f"{name}: stage {stage.name!r} is cut or broken on paper"


@pytest.mark.browser
@pytest.mark.parametrize("name", ["french-long-words", "twelve-stages", "emoji", "blueprint"])
def test_axe_finds_no_violation_on_a_scrolling_grid(name: str) -> None:
    """The grid's scrolling box is a named region a keyboard can reach (axe: scrollable-region-focusable)."""
    report = run_axe(_page(name))
    assert report["passes"] > 5, "axe ran its rules"
    assert report["violations"] == [], f"{name}: {report['violations']}"
