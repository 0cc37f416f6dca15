"""How each language writes numbers, dates and punctuation: the one place renderers and the diff ask.

Numbers and dates come from the Unicode CLDR through Babel, so a new language gets its decimal
and thousands separators, its percent spacing and its month names without code. Babel is
imported on first use only: `cjm validate` never formats a number and never pays for it; and
the few CLDR facts the outputs use are kept per language in `cjm.cldr`, so a build of a map in a
language listed there does not load Babel's locale data at all.

Punctuation comes from the gettext catalogue (context `punctuation`), because no CLDR field says
that French puts a no-break space before a colon and inside guillemets; a translator writes it
once in the language's `.po`. French rules (Imprimerie nationale, *Lexique des règles
typographiques*): a no-break space (U+00A0) before `:` and inside « », a narrow no-break space
(U+202F) before `;`, `!` and `?`.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from typing import TYPE_CHECKING

from cjm import cldr
from cjm.cldr import CLDR_LOCALES
from cjm.translation import SOURCE_LANGUAGE, catalogue

if TYPE_CHECKING:
    from babel import Locale

NO_VALUE = "–"
NO_BREAK_SPACE = "\u00a0"
NARROW_NO_BREAK_SPACE = "\u202f"
# KPI values are shown as written, up to this many decimals; emotion scores with one.
NUMBER_PATTERN = "#,##0.###"
SCORE_PATTERN = "#,##0.#"

# Spaces that must not break a line: after « and before », before a French colon, semicolon,
# exclamation or question mark, and between a number and `%`. An author who typed plain spaces
# there gets no-break ones.
_BIND = (
    (re.compile(r"« +"), "«" + NO_BREAK_SPACE),
    (re.compile(r" +»"), NO_BREAK_SPACE + "»"),
    (re.compile(r"(?<=\S) +:(?=\s|$)"), NO_BREAK_SPACE + ":"),
    (re.compile(r"(?<=\S) +([;!?])(?=\s|$|[;!?»])"), NARROW_NO_BREAK_SPACE + r"\1"),
    (re.compile(r"(?<=\d) +(?=%)"), NO_BREAK_SPACE),
)
_BIND_MARKS = "«»:;!?%"
"""A character each pattern of `_BIND` needs: text without any of them is left as it is."""

# French spacing an author may have left out: a no-break space before `:` and inside « », a narrow one
# before `; ! ?` (Imprimerie nationale). Only punctuation that ends a word and is followed by a space,
# the end or closing punctuation gets one, so `https://`, `22:40` and `?id=4` are left alone.
_SPACES = "[ \u00a0\u202f]*"
_FRENCH = (
    (re.compile(rf"(?<=[^\s«(\[]){_SPACES}([;!?]+)(?=[\s»)\]]|$)"), NARROW_NO_BREAK_SPACE + r"\1"),
    (re.compile(rf"(?<=[^\s«(\[:]){_SPACES}:(?=\s|$)"), NO_BREAK_SPACE + ":"),
    (re.compile(f"«{_SPACES}"), "«" + NO_BREAK_SPACE),
    (re.compile(f"{_SPACES}»"), NO_BREAK_SPACE + "»"),
    # A number's thousands and its currency stay on one line: « 25 000 € ».
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NARROW_NO_BREAK_SPACE),
    (re.compile(r"(?<=\d) +(?=[€$£¥])"), NO_BREAK_SPACE),
)

# An outer quotation mark found inside quoted text, and the inner mark it becomes (with its spaces).
# A whole text between one pair of quotation marks (French with its spaces, English curly, straight).
_WRAPPED = re.compile('«[ \u00a0\u202f]*(.+?)[ \u00a0\u202f]*»|“(.+?)”|"(.+?)"', re.DOTALL)
_INNER_QUOTES = {
    "«": (re.compile("«[ \u00a0\u202f]*"), "“"),
    "»": (re.compile("[ \u00a0\u202f]*»"), "”"),
    "“": (re.compile("“"), "‘"),
    "”": (re.compile("”"), "’"),
}


@cache
def _cldr(language: str) -> Locale:
    from babel import Locale

    return Locale.parse(CLDR_LOCALES.get(language, language))


def number(value: float, language: str, pattern: str = NUMBER_PATTERN) -> str:
    """A number as the language writes it: `1,234.5` in English, `1 234,5` in French; no trailing zeros.

    `pattern` is a CLDR number pattern (the default keeps up to three decimals, as a KPI is written).
    """
    written = cldr.number(value, language, pattern)
    if written is not None:
        return written
    from babel.numbers import format_decimal

    return str(format_decimal(value, format=pattern, locale=_cldr(language)))


def half_up(value: float, digits: int = 0) -> float:
    """`value` rounded to `digits` decimals, halves away from zero (1.25 → 1.3, 2.5 → 3, -1.25 → -1.3).

    Why not `round`: Python rounds halves to the even digit (2.5 → 2, 1.25 → 1.2), so two scores a
    reader sees as equally far apart would round differently; the decimal of the value as written is rounded.
    """
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def score(value: float | None, language: str) -> str:
    """An emotion score: one decimal at most, halves rounded up (`2.5`, `2,5` in French), `–` when there is none."""
    if value is None:
        return NO_VALUE
    return number(half_up(value, 1), language, SCORE_PATTERN)


def signed(value: float, language: str, pattern: str = SCORE_PATTERN) -> str:
    """A change with its sign: `+0.5`, `-1`, `0` (French `+0,5`)."""
    written = number(value, language, pattern)
    return f"+{written}" if value > 0 else written


def quantity(value: float, unit: str | None, language: str) -> str:
    """A number with its unit: `29%` and `3.4/5` in English, `29 %` in French, `27 min` everywhere.

    Why: the percent sign's spacing is the language's (CLDR); a `/5` reads as part of the number;
    any other unit follows a no-break space so the line never breaks between number and unit.
    """
    written = number(value, language)
    if not unit:
        return written
    if unit == "%":
        return written + _percent_sign(language)
    if unit.startswith("/"):
        return written + unit
    return f"{written}{NO_BREAK_SPACE}{unit}"


@cache
def _percent_sign(language: str) -> str:
    known = cldr.percent_sign(language)
    if known is not None:
        return known
    from babel.numbers import format_percent

    shown = str(format_percent(1, locale=_cldr(language)))
    return shown[shown.rindex("0") + 1 :] if "%" in shown[shown.rindex("0") :] else "%"


def date(value: datetime.date, language: str) -> str:
    """A date written out: `12 November 2026`, `12 novembre 2026` (French writes the first `1er`)."""
    written = cldr.date(value, language) or ""
    if not written:
        from babel.dates import format_date

        written = str(format_date(value, format="long", locale=_cldr(language)))
    if value.day == 1 and language != SOURCE_LANGUAGE:
        # Translators: how the first day of a month is written in a date ("1er novembre").
        first = catalogue(language).pgettext("date.first-day", "1")
        written = re.sub(r"(?<!\d)1(?!\d)", first, written, count=1)
    return written


def colon(language: str) -> str:
    """The colon after a label, with the space the language puts before it (`:`, French ` :`)."""
    # Translators: a colon after a label; French puts a no-break space before it.
    return catalogue(language).pgettext("punctuation", ":")


def semicolon(language: str) -> str:
    """The semicolon between items of a list, with the space the language puts before it (French ` ;`)."""
    # Translators: a semicolon between items; French puts a narrow no-break space before it.
    return catalogue(language).pgettext("punctuation", ";")


def labelled(label: str, value: str, language: str) -> str:
    """`Label: value` as the language writes it (`Libellé : valeur` in French)."""
    return f"{label}{colon(language)} {value}"


def quotes(language: str) -> tuple[str, str]:
    """The opening and closing quotation marks with their spaces (`“ ”`, French `« »`)."""
    translations = catalogue(language)
    # Translators: quotation marks with their spaces; French writes « and » with no-break spaces inside.
    return translations.pgettext("punctuation", "“"), translations.pgettext("punctuation", "”")


def quoted(text: str, language: str) -> str:
    """Text between the language's quotation marks; quotation marks inside it become the inner ones.

    French quotes within a quote with “ ” (« Il m’a dit “ redémarrez ” »), English with ‘ ’, so
    an author's « Votre box fonctionne » inside a thought does not read as « « … » ».
    """
    opening, closing = quotes(language)
    text = unquoted(text)
    for mark, (pattern, inner) in _INNER_QUOTES.items():
        if mark in (opening.strip(), closing.strip()):
            text = pattern.sub(inner, text)
    return f"{opening}{text}{closing}"


def unquoted(text: str) -> str:
    """Text without the quotation marks an author put around all of it (« … », “…”, "…"), once.

    A quote or a thought is shown between the language's marks: an author who typed them too would
    otherwise read « « Enfin » » or « "Enfin" ». Marks inside the text are kept.
    """
    found = _WRAPPED.fullmatch(text.strip())
    if found is None:
        return text
    inner = next(group for group in found.groups() if group is not None)
    return inner if not any(mark in inner for mark in '«»“”"') else text


def bind(text: str) -> str:
    """Text whose French punctuation spaces cannot break a line: « and » stay with their words.

    Only spaces an author typed before `: ; ! ?` or inside « » change (to no-break spaces), so
    English text is untouched and nothing the author wrote is lost.
    """
    if not any(mark in text for mark in _BIND_MARKS):
        return text  # most text: no pattern can match (the page binds every string it shows)
    for pattern, replacement in _BIND:
        text = pattern.sub(replacement, text)
    return text


def typeset(text: str, language: str) -> str:
    """The author's text with the language's punctuation spacing, none of it breakable (then `bind`).

    French (`fr`) gets the spaces an author left out or typed as ordinary ones: a no-break space
    before `:` and inside « », a narrow no-break space before `;`, `!` and `?` (« Pourquoi ?! »,
    « Note : 4 »), and a number keeps its thousands and its currency on its line (« 25 000 € »).
    A URL, a time (`22:40`) or a query (`?id=4`) is left as it is. Other languages are only bound
    (`bind`): their words are never changed.
    """
    if language == "fr":
        for pattern, replacement in _FRENCH:
            text = pattern.sub(replacement, text)
    return bind(text)
