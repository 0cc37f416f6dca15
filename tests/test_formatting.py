"""Numbers, dates and punctuation as each language writes them."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

from cjm import formatting
from cjm.formatting import NARROW_NO_BREAK_SPACE as NNBSP
from cjm.formatting import NO_BREAK_SPACE as NBSP


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        (2.5, "2.5", "2,5"),
        (3.0, "3", "3"),
        (-32, "-32", "-32"),
        (0.125, "0.125", "0,125"),
        (1234.5, "1,234.5", f"1{NNBSP}234,5"),
    ],
)
def test_number(value: float, english: str, french: str) -> None:
    assert (formatting.number(value, "en"), formatting.number(value, "fr")) == (english, french)


def test_score_keeps_one_decimal_and_marks_a_missing_one() -> None:
    assert [formatting.score(value, "fr") for value in (2.46, 3, -1.5, None)] == ["2,5", "3", "-1,5", "–"]
    assert formatting.signed(0.3, "fr") == "+0,3" and formatting.signed(-1, "en") == "-1"


@pytest.mark.parametrize(
    ("unit", "english", "french"),
    [
        ("%", "8.4%", f"8,4{NBSP}%"),
        ("/5", "8.4/5", "8,4/5"),
        ("min", f"8.4{NBSP}min", f"8,4{NBSP}min"),
        (None, "8.4", "8,4"),
    ],
)
def test_quantity(unit: str | None, english: str, french: str) -> None:
    assert (formatting.quantity(8.4, unit, "en"), formatting.quantity(8.4, unit, "fr")) == (english, french)


def test_dates_are_written_out() -> None:
    assert formatting.date(datetime.date(2026, 11, 12), "en") == "12 November 2026"
    assert formatting.date(datetime.date(2026, 11, 12), "fr") == "12 novembre 2026"
    assert formatting.date(datetime.date(2026, 11, 1), "fr") == "1er novembre 2026"
    assert formatting.date(datetime.date(2026, 11, 1), "en") == "1 November 2026"


def test_punctuation() -> None:
    assert formatting.labelled("Type", "État actuel", "fr") == f"Type{NBSP}: État actuel"
    assert formatting.labelled("Type", "Current state", "en") == "Type: Current state"
    assert formatting.quoted("panne", "fr") == f"«{NBSP}panne{NBSP}»"
    assert formatting.quoted("outage", "en") == "“outage”"
    assert (formatting.semicolon("fr"), formatting.semicolon("en")) == (f"{NNBSP};", ";")


def test_bind_keeps_french_punctuation_with_its_word() -> None:
    text = "Le chat « panne » ne suffit pas : il faut appeler ; vraiment ? oui !"
    assert formatting.bind(text) == (
        f"Le chat «{NBSP}panne{NBSP}» ne suffit pas{NBSP}: il faut appeler{NNBSP}; vraiment{NNBSP}? oui{NNBSP}!"
    )
    assert formatting.bind("résoudre 60 % des pannes") == f"résoudre 60{NBSP}% des pannes"
    english = "Ratio: 3/5; is it good? Yes! See http://example.com or a ? b : c."
    assert formatting.bind(english) == english.replace(" ? b :", f"{NNBSP}? b{NBSP}:")


def test_validation_never_imports_babel() -> None:
    # Babel's CLDR data costs milliseconds; checking a map must not pay for it.
    code = "import sys, cjm.pipeline, cjm.cli; sys.exit('babel' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize("typed", ["« Enfin ! »", "«Enfin !»", "“Enfin !”", '"Enfin !"', "Enfin !"])
def test_an_author_s_own_quotation_marks_are_not_doubled(typed: str) -> None:
    assert formatting.quoted(typed, "fr") == f"«{NBSP}Enfin !{NBSP}»"


def test_quotation_marks_inside_the_text_are_kept() -> None:
    assert formatting.unquoted("« a » et « b »") == "« a » et « b »"


def test_typeset_gives_french_punctuation_its_spaces_and_leaves_urls_times_and_english_alone() -> None:
    assert formatting.typeset("en 2026 ?!", "fr") == "en 2026\u202f?!"
    assert formatting.typeset("adresse? Oui!", "fr") == "adresse\u202f? Oui\u202f!"
    assert formatting.typeset("salaire: PDF ; photo", "fr") == "salaire\u00a0: PDF\u202f; photo"
    assert formatting.typeset("Page «Offre»", "fr") == "Page «\u00a0Offre\u00a0»"
    assert formatting.typeset("https://x.fr/?id=4 à 22:40", "fr") == "https://x.fr/?id=4 à 22:40"
    assert formatting.typeset("Why? Now: yes", "en") == "Why? Now: yes"


def test_typeset_keeps_a_french_numbers_thousands_and_currency_on_one_line() -> None:
    assert formatting.typeset("un apport de 25 000 €.", "fr") == "un apport de 25\u202f000\u00a0€."
    assert formatting.typeset("en 2026 2027", "fr") == "en 2026 2027"
