"""The CLDR facts kept in `cjm.cldr` are Babel's; numbers and dates written from them are Babel's, to the character."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm import cldr
from cjm.formatting import NUMBER_PATTERN, SCORE_PATTERN
from cjm.translation import LANGUAGES

PATTERNS = [NUMBER_PATTERN, SCORE_PATTERN, "0.0", "#,##0", "#,##,##0.00", "0.###"]


def _locale(language: str) -> Locale:
    return Locale.parse(cldr.CLDR_LOCALES.get(language, language))


def test_the_table_is_babel_s_for_every_language() -> None:
    assert sorted(cldr.TABLE) == sorted(LANGUAGES), "a language was added: run `make catalogues`"
    for language in LANGUAGES:
        assert cldr.TABLE[language] == cldr.from_babel(language), language


def test_the_table_is_written_as_the_generator_writes_it() -> None:
    source = Path(cldr.__file__).read_text(encoding="utf-8")
    assert cldr.table_source(sorted(cldr.TABLE, key=list(LANGUAGES).index)) in source


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("pattern", PATTERNS)
def test_numbers_at_the_edges(language: str, pattern: str) -> None:
    values: list[float | Decimal] = [0, -0.0, 1, -1, 0.5, 1.25, 2.5, 2.25, 0.05, 1234.5, -1234567.891, 999.9995, 1e-7]
    values += [12345678901234, 0.1 + 0.2, Decimal("3.14159"), Decimal("-0.000"), 100, 1000000]
    for value in values:
        assert cldr.number(value, language, pattern) == format_decimal(value, pattern, locale=_locale(language)), value


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    value=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    language=st.sampled_from(LANGUAGES),
    pattern=st.sampled_from(PATTERNS),
)
def test_numbers_are_babel_s(value: float, language: str, pattern: str) -> None:
    assert cldr.number(value, language, pattern) == format_decimal(value, pattern, locale=_locale(language))


def test_what_is_not_covered_is_left_to_babel() -> None:
    assert cldr.number(1.5, "de", NUMBER_PATTERN) is None
    assert cldr.number(1.5, "en", "#,##0.00 ¤") is None
    assert cldr.number(float("inf"), "en", NUMBER_PATTERN) is None
    assert cldr.date(datetime.date(2026, 1, 1), "de") is None
    assert cldr.percent_sign("de") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_are_babel_s(language: str) -> None:
    day = datetime.date(2025, 12, 25)
    for _ in range(400):
        day += datetime.timedelta(days=1)
        assert cldr.date(day, language) == format_date(day, format="long", locale=_locale(language))
    assert cldr.date(datetime.date(7, 3, 9), language) == format_date(
        datetime.date(7, 3, 9), format="long", locale=_locale(language)
    )
