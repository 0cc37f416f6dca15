"""Text measurement with DejaVu Sans's own metrics (read with fontTools) and wrapping."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from cjm import font_files
from cjm.renderers import RenderError
from cjm.renderers.font import fit_line, font_path, metrics, text_width, uncovered, words, wrap


def test_widths_come_from_the_font_file() -> None:
    path = font_path()
    ttfont = TTFont(str(path))
    glyph = ttfont.getBestCmap()[ord("W")]
    advance = ttfont["hmtx"].metrics[glyph][0]
    assert text_width("W", 1000) == pytest.approx(advance * 1000 / ttfont["head"].unitsPerEm)
    assert text_width("Wide", 10, bold=True) > text_width("Wide", 10)
    assert metrics().covers("é") and metrics().covers("€")


def test_wrapped_lines_fit_their_width_and_keep_every_word() -> None:
    text = "Understand why 7 in 10 first-time visitors who put a plant in their cart never pay"
    wrapped = wrap(text, 120, 11, max_lines=10)
    assert not wrapped.cut and " ".join(wrapped.lines) == text
    assert all(text_width(line, 11) <= 120 for line in wrapped.lines)


def test_a_cut_text_ends_with_an_ellipsis_that_fits() -> None:
    wrapped = wrap("one two three four five six seven eight nine ten eleven twelve", 60, 11, max_lines=2)
    assert wrapped.cut and len(wrapped.lines) == 2 and wrapped.lines[-1].endswith("…")
    assert all(text_width(line, 11) <= 60 for line in wrapped.lines)
    line, cut = fit_line("a sentence far too long for a tiny box", 50, 11)
    assert cut and line.endswith("…") and text_width(line, 11) <= 50
    assert fit_line("fits", 50, 11) == ("fits", False)


def test_a_word_wider_than_the_line_breaks_after_a_hyphen() -> None:
    wrapped = wrap("Where-is-my-order contacts", 70, 11, max_lines=4)
    assert wrapped.lines[0].endswith("-") and "".join(wrapped.lines).replace(" ", "") == "Where-is-my-ordercontacts"


def test_no_break_spaces_bind_words() -> None:
    assert words("Impact\u00a0: élevé  now") == ["Impact\u00a0:", "élevé", "now"]


def test_characters_without_a_glyph() -> None:
    assert uncovered("Délai 🦜 中 \u200d ok") == ["🦜", "中"]


def test_a_missing_font_is_cjm408(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(font_files, "FONT_DIRECTORIES", (str(tmp_path),))
    monkeypatch.setattr(font_files, "FONT_ROOTS", (str(tmp_path),))
    with pytest.raises(RenderError) as raised:
        font_path()
    assert raised.value.code == "CJM408" and "fonts-dejavu-core" in (raised.value.hint or "")


def test_a_character_the_font_lacks_counts_as_wide_as_it_is_drawn() -> None:
    assert text_width("中文", 10) == 20
    assert text_width("\U00010380", 10) == text_width("M", 10)


def test_a_long_word_breaks_between_letters_with_a_hyphen_and_a_url_without() -> None:
    wrapped = wrap("Datenschutzfolgenabschätzung", 80.0, 10.5, True, 4)
    assert len(wrapped.lines) > 1 and all(line.endswith("-") for line in wrapped.lines[:-1])
    assert "".join(line.removesuffix("-") for line in wrapped.lines) == "Datenschutzfolgenabschätzung"
    assert all(text_width(line, 10.5, True) <= 80.0 for line in wrapped.lines)
    assert all(len(line.removesuffix("-")) >= 2 for line in wrapped.lines)
    url = wrap("https://portal.example.com/contracts/renewals/2027", 80.0, 9.5, False, 5)
    assert not any(line.endswith("-") and line[-2].isalpha() for line in url.lines if "/" not in line)
    assert "".join(url.lines) == "https://portal.example.com/contracts/renewals/2027"


def test_a_hyphenated_break_never_leaves_one_letter_alone() -> None:
    word = "Collection"
    width = text_width("Collectio", 9.5, True) + 0.5  # all but the last letter fits
    wrapped = wrap(word, width, 9.5, True, 3)
    assert wrapped.lines[0].endswith("-") and len(wrapped.lines[-1]) >= 2
    assert "".join(line.removesuffix("-") for line in wrapped.lines) == word


def test_a_no_break_space_that_cannot_hold_gives_way_before_a_word_is_broken() -> None:
    width = text_width("Lowest: Par", 9.5) + 0.5
    assert wrap("Lowest:\u00a0Parts on back-order", width, 9.5, False, 3).lines[:2] == ("Lowest:", "Parts on")
    french = wrap("Impact\u00a0:\u00a0Élevé", text_width("Impact :", 9.5) + 1, 9.5, False, 3).lines
    assert french[0] == "Impact\u00a0:" and french[1] == "Élevé"
