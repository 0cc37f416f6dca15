"""Hints for a value of the wrong shape that a person wrote as people write it (CJM204).

A date as `15/11/2026`, a number with its unit (`18 %`, `5 min`), a score out of five (`4/5`), a
French decimal comma (`12,5`), a mapping written as one line of text (`persona: Camille, 34 ans`),
or a list whose items lost their `- `: each gets the value as the format wants it, ready to paste.
Why a module of its own: validation names the shape expected; this module reads what the author
meant, which is a question of habits (French and English ones), not of the schema.
"""

from __future__ import annotations

import re
from typing import Any

from cjm.translation import Message

# Day first (15/11/2026, 15.11.2026, 15-11-2026), as French and British writers date; or year first with / or .
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
# A number (decimal point or comma, a sign) followed or preceded by a unit or a "/5".
_NUMBER = re.compile(r"[-+−]?\d+(?:[.,]\d+)?")
_OUT_OF = re.compile(r"([-+−]?\d+(?:[.,]\d+)?)\s*/\s*\d+")


def shape_hint(field: str, kind: str, value: Any) -> Message | None:
    """The hint for `value` given where `field` takes another shape (pydantic's error `kind`), or None.

    `kind` is pydantic's error type (`date_from_datetime_parsing`, `float_parsing`, `model_type`,
    `list_type`…). None when the value does not look like one of the habits above.
    """
    if kind.startswith("date") and isinstance(value, str):
        return _date_hint(field, value.strip())
    if kind in ("float_parsing", "int_parsing", "float_type", "int_type") and isinstance(value, str):
        return _number_hint(field, value.strip())
    if kind in ("model_type", "dict_type", "model_attributes_type") and isinstance(value, str | int | float):
        if field.isdigit():  # A list item given text: the item's fields after its `- `.
            return Message("an item here takes fields: `- name: {value}`", value=str(value))
        return Message(
            "`{field}` takes fields, one per line under it: `{field}:` then `  name: {value}`",
            field=field,
            value=str(value),
        )
    if kind == "list_type" and isinstance(value, dict):
        first = next(iter(value), None)
        if isinstance(first, str) and not first.startswith("-"):  # `-name:` is its own mistake (CJM121)
            return Message(
                "start each item with `- `: `{field}:` then `  - {key}: …` (the `- ` makes a new item)",
                field=field,
                key=first,
            )
    return None


def _date_hint(field: str, text: str) -> Message | None:
    found = _DAY_FIRST.fullmatch(text)
    if found is not None:
        day, month, year = (int(part) for part in found.groups())
    else:
        found = _YEAR_FIRST.fullmatch(text)
        if found is None:
            return None
        year, month, day = (int(part) for part in found.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    written = f"{year:04d}-{month:02d}-{day:02d}"
    return Message("write the date year first: `{field}: {date}`", field=field, date=written)


def _number_hint(field: str, text: str) -> Message | None:
    out_of = _OUT_OF.fullmatch(text)
    numbers = _NUMBER.findall(text)
    if out_of is not None:
        number = out_of.group(1)
    elif len(numbers) == 1:
        number = numbers[0]
    else:
        return None
    written = number.replace(",", ".").replace("−", "-").lstrip("+")
    if written == text:
        return None
    if out_of is not None:
        return Message("write the score alone: `{field}: {number}`", field=field, number=written)
    if text == number:
        return Message("write the number with a decimal point: `{field}: {number}`", field=field, number=written)
    return Message(
        "write the number alone: `{field}: {number}` (a KPI's unit goes in `unit:`)", field=field, number=written
    )
