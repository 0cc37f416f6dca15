"""The few CLDR facts the outputs use, per language, kept here so a build does not load Babel's locale data.

Why: Babel reads a language's CLDR data (the root locale and its parents, unpickled and merged)
the first time it formats a number, which cost every build of a map about 18 ms of CPU, more
than drawing its picture. The outputs need little of it: the decimal and group separators, the
percent sign's spacing, the long date pattern and the month names. `TABLE` holds them for each
language with a catalogue, written by `python -m cjm.cldr` from Babel (`make catalogues` runs it);
tests/test_cldr.py checks them against Babel and `number`/`date` against Babel's own formatting.
A language or a number pattern not covered here is formatted by Babel, as before.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

# The CLDR locale whose formats a language uses when its own would not do: English dates are
# written day month year ("12 November 2026"), as in British English, not "November 12, 2026".
CLDR_LOCALES = {"en": "en_GB"}

TABLE: dict[str, dict[str, Any]] = {
    "en": {
        "decimal": ".",
        "group": ",",
        "percent": "%",
        "date": "d MMMM y",
        "months": [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    },
    "fr": {
        "decimal": ",",
        "group": "\u202f",
        "percent": "\u00a0%",
        "date": "d MMMM y",
        "months": [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    },
}
"""Per language: decimal and group separators, what follows a percentage, the long date pattern, month names."""

# A plain CLDR decimal pattern: optional grouping, integer digits, optional fraction digits.
_PATTERN = re.compile(r"(?P<int>[#,]*0[0,]*)(?:\.(?P<zeros>0*)(?P<hashes>#*))?")
_DATE_FIELD = re.compile(r"d+|M+|y+|'[^']*'|[A-Za-z]")


def number(value: float | Decimal, language: str, pattern: str) -> str | None:
    """A number written with a plain CLDR pattern (`#,##0.###`) as Babel writes it; None when not covered.

    As Babel: the value goes through `Decimal(str(value))`, is rounded half to even at the most
    fraction digits, loses trailing zeros down to the fewest, and its integer part is grouped.
    """
    symbols = TABLE.get(language)
    shape = _PATTERN.fullmatch(pattern)
    if symbols is None or shape is None:
        return None
    integer_pattern, fewest, most = shape["int"], len(shape["zeros"] or ""), len(shape["zeros"] or "")
    most += len(shape["hashes"] or "")
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    if not exact.is_finite():
        return None
    negative = exact.is_signed()
    rounded = abs(exact).normalize().quantize(Decimal(10) ** -most)
    whole, _, fraction = f"{rounded:f}".partition(".")
    whole = whole.rjust(integer_pattern.replace(",", "").count("0"), "0")
    whole = _grouped(whole, integer_pattern, symbols["group"])
    fraction = (fraction or "0").ljust(fewest, "0")
    if most == 0 or (fewest == 0 and int(fraction) == 0):
        fraction = ""
    else:
        while len(fraction) > fewest and fraction.endswith("0"):
            fraction = fraction[:-1]
        fraction = symbols["decimal"] + fraction
    return ("-" if negative else "") + whole + fraction


def _grouped(digits: str, integer_pattern: str, symbol: str) -> str:
    """The integer digits with the group separator, sizes as Babel's `parse_grouping` reads the pattern."""
    last = integer_pattern.rfind(",")
    if last == -1:
        return digits
    primary = len(integer_pattern) - last - 1
    before = integer_pattern[:last].rfind(",")
    secondary = primary if before == -1 else last - before - 1
    grouped, size = "", primary
    while len(digits) > size:
        grouped = symbol + digits[-size:] + grouped
        digits, size = digits[:-size], secondary
    return digits + grouped


def percent_sign(language: str) -> str | None:
    """What follows a percentage in the language (`%`, French a narrow no-break space and `%`); None if unknown."""
    symbols = TABLE.get(language)
    return str(symbols["percent"]) if symbols else None


def date(value: datetime.date, language: str) -> str | None:
    """A date in the language's long format (`12 November 2026`); None when the language or pattern is not covered."""
    symbols = TABLE.get(language)
    if symbols is None:
        return None
    written, at = "", 0
    for field in _DATE_FIELD.finditer(symbols["date"]):
        written += symbols["date"][at : field.start()]
        at, token = field.end(), field.group()
        if token in ("d", "dd"):
            written += str(value.day).rjust(len(token), "0")
        elif token == "MMMM":
            written += symbols["months"][value.month - 1]
        elif token in ("y", "yyyy"):
            written += str(value.year).rjust(len(token), "0")
        elif token.startswith("'"):
            written += token[1:-1] or "'"
        else:
            return None
    return written + str(symbols["date"])[at:]


def from_babel(language: str) -> dict[str, Any]:
    """A language's entry of `TABLE`, as Babel's CLDR data gives it."""
    from babel import Locale
    from babel.numbers import format_percent

    locale = Locale.parse(CLDR_LOCALES.get(language, language))
    shown = str(format_percent(1, locale=locale))
    after = shown[shown.rindex("0") + 1 :] if "%" in shown[shown.rindex("0") :] else "%"
    months = locale.months["format"]["wide"]
    return {
        "decimal": locale.number_symbols["latn"]["decimal"],
        "group": locale.number_symbols["latn"]["group"],
        "percent": after,
        "date": locale.date_formats["long"].pattern,
        "months": [months[number] for number in range(1, 13)],
    }


def table_source(languages: list[str]) -> str:
    """`TABLE` as Python source, from Babel, for these languages."""
    lines = ["TABLE: dict[str, dict[str, Any]] = {"]
    for language in languages:
        entry = from_babel(language)
        lines.append(f"    {_literal(language)}: {{")
        lines += [f'        "{key}": {_literal(entry[key])},' for key in ("decimal", "group", "percent", "date")]
        lines.append('        "months": [')
        lines += [f"            {_literal(month)}," for month in entry["months"]]
        lines += ["        ],", "    },"]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _literal(text: str) -> str:
    """A string literal in double quotes, spaces other than the plain one escaped (as ruff leaves them)."""
    escaped = "".join(
        char if char.isprintable() and not (char.isspace() and char != " ") else f"\\u{ord(char):04x}"
        for char in text.replace("\\", "\\\\").replace('"', '\\"')
    )
    return f'"{escaped}"'


if __name__ == "__main__":
    import pathlib

    from cjm.translation import LANGUAGES

    here = pathlib.Path(__file__)
    text = here.read_text(encoding="utf-8")
    start = text.index("TABLE: dict[str, dict[str, Any]] = {")
    end = text.index("\n}\n", start) + 3
    here.write_text(text[:start] + table_source(list(LANGUAGES)) + text[end:], encoding="utf-8")
