"""Validate a parsed document against the journey models, turning pydantic errors into diagnostics.

Why a module of its own: pydantic reports errors as a location path and an error `type`;
users need a line, a column and a sentence a marketer understands. Messages are chosen by the
error type (never by matching pydantic's English text) and positioned through the source map.
"""

from __future__ import annotations

import difflib
from typing import Any, Literal, get_args, get_origin

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from cjm import synonyms
from cjm.diagnostics import Diagnostic, has_errors, make
from cjm.fields import model_at
from cjm.i18n import MESSAGES
from cjm.loader import Document, PathKey
from cjm.model import SPEC_VERSION, Journey, slugify
from cjm.placement import explain_unknown_keys, moved_values
from cjm.source_text import list_hint

_TYPE_WORDS: dict[str, str] = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "bool_type": "yes or no (true or false)",
    "bool_parsing": "yes or no (true or false)",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date without a time (YYYY-MM-DD)",
    "literal_error": "one of the allowed values",
}

# What to call an item of each list, in messages ("in touchpoint `cart-page`").
_ITEM_NAMES: dict[str, str] = {
    "stages": "stage",
    "touchpoints": "touchpoint",
    "pain_points": "pain point",
    "opportunities": "opportunity",
    "kpis": "KPI",
    "quotes": "quote",
    "channels": "channel",
    "next": "next step",
}
_SECTION_NAMES: dict[str, str] = {"persona": "the persona", "emotion_scale": "the emotion scale"}


def validate_document(document: Document) -> tuple[Journey | None, list[Diagnostic]]:
    """Validate a document's data as a Journey; return the model (when valid) and the diagnostics.

    A `cjm:` version this tool does not read is reported, and the rest is still checked as
    version 1 (the one format there is), so its other problems come in the same run.
    """
    data = document.data
    version = data.get("cjm")
    found: list[Diagnostic] = []
    if "cjm" in data and (type(version) is not int or version != SPEC_VERSION):
        line, column = document.positions.locate(("cjm",))
        found.append(
            make(
                "CJM201",
                document.name,
                line,
                column,
                f"this file says `cjm: {_show(version)}`, but cjm reads journey format version {SPEC_VERSION}",
                f"supported versions: {SPEC_VERSION}; write `cjm: {SPEC_VERSION}`",
            )
        )
        data = {**data, "cjm": SPEC_VERSION}
    found += moved_values(document)
    try:
        journey = Journey.model_validate(data)
    except ValidationError as error:
        details = [detail for detail in error.errors(include_url=False) if not _derived_id_missing(detail)]
        unknown = [_path(detail) for detail in details if detail["type"] == "extra_forbidden"]
        found += [_diagnostic(detail, document) for detail in details if detail["type"] != "extra_forbidden"]
        return None, found + explain_unknown_keys(document, unknown)
    return (None, found) if has_errors(found) else (journey, found)


def _path(error: ErrorDetails) -> PathKey:
    return tuple(part for part in error["loc"] if isinstance(part, str | int))


def _derived_id_missing(error: ErrorDetails) -> bool:
    """A missing `id` of a model that derives it: the missing name or text is reported instead."""
    loc = error["loc"]
    return error["type"] == "missing" and bool(loc) and loc[-1] == "id" and len(loc) > 1


def _diagnostic(error: ErrorDetails, document: Document) -> Diagnostic:
    loc = _path(error)
    kind = error["type"]
    value = error.get("input")
    field = str(loc[-1]) if loc else "document"
    where = _where(loc[:-1], document.data)
    subject = f"`{field}` {where}"
    if loc and isinstance(loc[-1], int) and len(loc) >= 2:
        subject = f"{_ITEM_NAMES.get(str(loc[-2]), 'item')} {loc[-1] + 1} of `{loc[-2]}`"
    positions, name = document.positions, document.name

    if kind == "missing":
        line, column = positions.locate(loc[:-1], "key")
        hint = (
            {
                "cjm": f"add `cjm: {SPEC_VERSION}` as the first line of the map",
                "stages": "list the journey's stages in order under `stages:`",
            }.get(field)
            if len(loc) == 1
            else None
        )
        return make("CJM202", name, line, column, f"missing required field `{field}` {where}", hint)
    line, column = positions.locate(loc)
    if kind == "literal_error":
        allowed = _allowed_values(loc)
        meant = synonyms.meant(value, allowed) or _meant_value(value, allowed)
        hint = f"allowed: {', '.join(allowed)}" if allowed else None
        return make(
            "CJM205",
            name,
            line,
            column,
            f"`{_show(value)}` is not an allowed value for `{field}` {where}",
            f"did you mean `{meant}`? {hint}" if meant and hint else hint,
        )
    if kind == "string_pattern_mismatch" and not str(value).strip():
        return make(
            "CJM206",
            name,
            line,
            column,
            f"`{field}` is blank {where}",
            f"write an {_label(field)}, or remove the key so it is derived from the name",
        )
    if kind == "string_pattern_mismatch":
        suggestion = slugify(str(value))
        return make(
            "CJM206",
            name,
            line,
            column,
            f"`{_show(value)}` is not a valid {_label(field)} {where}: use lowercase letters (of any script), "
            "digits and hyphens",
            f"try `{suggestion}`" if suggestion else None,
        )
    if kind == "too_short" and isinstance(value, list):
        return make("CJM207", name, line, column, f"`{field}` is empty {where}: it needs at least one item")
    if kind == "string_too_short":
        return make("CJM208", name, line, column, f"`{field}` is empty {where}", "write some text, or remove the key")
    if kind in _TYPE_WORDS:
        message = f"{subject} should be {_TYPE_WORDS[kind]}, not {_describe(value)}"
        hint = list_hint(loc, value) if kind == "list_type" else None
        return make("CJM204", name, line, column, message, hint or synonyms.hint(value, synonyms.BOOLEAN_VALUES))
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        context = error.get("ctx") or {}
        bound = next(iter(context.values()), None)
        relation = "at least" if kind.startswith("greater") else "at most"
        return make("CJM208", name, line, column, f"{subject} should be {relation} {bound}, not {_show(value)}")
    return make("CJM208", name, line, column, f"{subject} is not valid: {error['msg']}")


def _where(loc: PathKey, data: Any) -> str:
    """A short phrase naming the object that holds the offending field."""
    if not loc:
        return "at the top level"
    if isinstance(loc[-1], int) and len(loc) >= 2:
        item = _item_at(data, loc)
        noun = _ITEM_NAMES.get(str(loc[-2]), "item")
        if isinstance(item, dict):
            for key in ("id", "name", "text"):
                ident = item.get(key)
                if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident).strip():
                    return f"in {noun} `{_show(ident)}`"
        return f"in {noun} {loc[-1] + 1} of `{loc[-2]}`"
    if len(loc) == 1 and str(loc[0]) in _SECTION_NAMES:
        return f"in {_SECTION_NAMES[str(loc[0])]}"
    return f"in `{'.'.join(str(part) for part in loc)}`"


def _item_at(data: Any, loc: PathKey) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _allowed_values(loc: PathKey) -> list[str]:
    model = model_at(loc[:-1])
    field = model.model_fields.get(str(loc[-1])) if model else None
    if field is None:
        return []
    annotation = field.annotation
    for _ in range(3):
        if get_origin(annotation) is Literal:
            return [str(arg) for arg in get_args(annotation)]
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if not args:
            break
        annotation = args[0]
    return []


def _meant_value(value: Any, allowed: list[str]) -> str | None:
    """The allowed value the author meant: named in words ("In progress", "Élevée") or misspelt ("hight")."""
    if not isinstance(value, str) or not allowed:
        return None
    typed = " ".join(value.split()).casefold()
    words = {
        label.casefold(): key.split(".", 1)[1]
        for catalogue in MESSAGES.values()
        for key, label in catalogue.items()
        if "." in key and key.split(".", 1)[1] in allowed
    }
    if typed in words:
        return words[typed]
    if typed.replace(" ", "-").replace("_", "-") in allowed:
        return typed.replace(" ", "-").replace("_", "-")
    close = difflib.get_close_matches(typed, allowed, n=1, cutoff=0.75)
    return close[0] if close else None


def _label(field: str) -> str:
    return field.replace("_", " ")


def _show(value: Any, limit: int = 40) -> str:
    text = "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"`{_show(value)}` (yes/no)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number `{_show(value)}`"
    return f"`{_show(value)}`"
