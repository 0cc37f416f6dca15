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
from cjm.loader import Document, PathKey, get_at
from cjm.model import SPEC_VERSION, Journey, slugify
from cjm.placement import explain_unknown_keys, moved_values
from cjm.shape_hints import shape_hint
from cjm.source_text import list_hint
from cjm.translation import N_, Message

_TYPE_WORDS: dict[str, Message] = {
    "string_type": Message("text"),
    "int_type": Message("a whole number"),
    "int_parsing": Message("a whole number"),
    "int_from_float": Message("a whole number"),
    "float_type": Message("a number"),
    "float_parsing": Message("a number"),
    "finite_number": Message("a finite number"),
    "bool_type": Message("yes or no (true or false)"),
    "bool_parsing": Message("yes or no (true or false)"),
    "list_type": Message("a list"),
    "dict_type": Message("a mapping of keys"),
    "model_type": Message("a mapping of keys"),
    "model_attributes_type": Message("a mapping of keys"),
    "date_type": Message("a date (YYYY-MM-DD)"),
    "date_parsing": Message("a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": Message("a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": Message("a date without a time (YYYY-MM-DD)"),
    "literal_error": Message("one of the allowed values"),
}

# How messages name an item of each list: (the item by its id or name, by its number, as a subject).
# One template per noun, so a language can agree its article and preposition with the noun.
_ITEMS: dict[str, tuple[str, str, str]] = {
    "stages": (N_("in stage `{name}`"), N_("in stage {number} of `{list}`"), N_("stage {number} of `{list}`")),
    "touchpoints": (
        N_("in touchpoint `{name}`"),
        N_("in touchpoint {number} of `{list}`"),
        N_("touchpoint {number} of `{list}`"),
    ),
    "pain_points": (
        N_("in pain point `{name}`"),
        N_("in pain point {number} of `{list}`"),
        N_("pain point {number} of `{list}`"),
    ),
    "opportunities": (
        N_("in opportunity `{name}`"),
        N_("in opportunity {number} of `{list}`"),
        N_("opportunity {number} of `{list}`"),
    ),
    "kpis": (N_("in KPI `{name}`"), N_("in KPI {number} of `{list}`"), N_("KPI {number} of `{list}`")),
    "quotes": (N_("in quote `{name}`"), N_("in quote {number} of `{list}`"), N_("quote {number} of `{list}`")),
    "channels": (
        N_("in channel `{name}`"),
        N_("in channel {number} of `{list}`"),
        N_("channel {number} of `{list}`"),
    ),
    "next": (
        N_("in next step `{name}`"),
        N_("in next step {number} of `{list}`"),
        N_("next step {number} of `{list}`"),
    ),
}
_ANY_ITEM = (N_("in item `{name}`"), N_("in item {number} of `{list}`"), N_("item {number} of `{list}`"))
_SECTIONS: dict[str, Message] = {"persona": Message("in the persona"), "emotion_scale": Message("in the emotion scale")}
_MISSING_HINTS: dict[str, Message] = {
    "cjm": Message("add `cjm: {version}` as the first line of the map", version=SPEC_VERSION),
    "stages": Message("list the journey's stages in order under `stages:`"),
}


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
                Message(
                    "this file says `cjm: {found}`, but cjm reads journey format version {version}",
                    found=_show(version),
                    version=SPEC_VERSION,
                ),
                Message("supported versions: {version}; write `cjm: {version}`", version=SPEC_VERSION),
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
    subject = Message("`{field}` {where}", field=field, where=where)
    if loc and isinstance(loc[-1], int) and len(loc) >= 2:
        subject = Message(_ITEMS.get(str(loc[-2]), _ANY_ITEM)[2], number=loc[-1] + 1, list=loc[-2])
    positions, name = document.positions, document.name

    if kind == "missing":
        line, column = positions.locate(loc[:-1], "key")
        hint = _MISSING_HINTS.get(field) if len(loc) == 1 else None
        message = Message("missing required field `{field}` {where}", field=field, where=where)
        return make("CJM202", name, line, column, message, hint)
    line, column = positions.locate(loc)
    if kind == "literal_error":
        allowed = _allowed_values(loc)
        meant = synonyms.meant(value, allowed) or _meant_value(value, allowed)
        hint = Message("allowed: {values}", values=", ".join(allowed)) if allowed else None
        return make(
            "CJM205",
            name,
            line,
            column,
            Message(
                "`{value}` is not an allowed value for `{field}` {where}", value=_show(value), field=field, where=where
            ),
            Message("did you mean `{value}`? {allowed}", value=meant, allowed=hint) if meant and hint else hint,
        )
    if kind == "string_pattern_mismatch" and not str(value).strip():
        return make(
            "CJM206",
            name,
            line,
            column,
            Message("`{field}` is blank {where}", field=field, where=where),
            Message("write an id, or remove the key so it is derived from the name"),
        )
    if kind == "string_pattern_mismatch":
        suggestion = slugify(str(value))
        return make(
            "CJM206",
            name,
            line,
            column,
            Message(
                "`{value}` is not a valid id {where}: use lowercase letters (of any script), digits and hyphens",
                value=_show(value),
                where=where,
            ),
            Message("try `{id}`", id=suggestion) if suggestion else None,
        )
    if kind == "too_short" and isinstance(value, list):
        message = Message("`{field}` is empty {where}: it needs at least one item", field=field, where=where)
        return make("CJM207", name, line, column, message)
    if kind == "string_too_short":
        message = Message("`{field}` is empty {where}", field=field, where=where)
        return make("CJM208", name, line, column, message, Message("write some text, or remove the key"))
    if kind in _TYPE_WORDS:
        message = Message(
            "{subject} should be {expected}, not {found}",
            subject=subject,
            expected=_TYPE_WORDS[kind],
            found=_describe(value),
        )
        hint = (list_hint(loc, value) if kind == "list_type" else None) or shape_hint(field, kind, value)
        return make("CJM204", name, line, column, message, hint or synonyms.hint(value, synonyms.BOOLEAN_VALUES))
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        context = error.get("ctx") or {}
        bound = next(iter(context.values()), None)
        template = (
            N_("{subject} should be at least {bound}, not {value}")
            if kind.startswith("greater")
            else N_("{subject} should be at most {bound}, not {value}")
        )
        return make("CJM208", name, line, column, Message(template, subject=subject, bound=bound, value=_show(value)))
    return make(
        "CJM208", name, line, column, Message("{subject} is not valid: {reason}", subject=subject, reason=error["msg"])
    )


def _where(loc: PathKey, data: Any) -> Message:
    """A short phrase naming the object that holds the offending field ("in stage `Cart`")."""
    if not loc:
        return Message("at the top level")
    if isinstance(loc[-1], int) and len(loc) >= 2:
        item = get_at(data, loc)
        named, numbered, _subject = _ITEMS.get(str(loc[-2]), _ANY_ITEM)
        if isinstance(item, dict):
            for key in ("id", "name", "text"):
                ident = item.get(key)
                if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident).strip():
                    return Message(named, name=_show(ident))
        return Message(numbered, number=loc[-1] + 1, list=loc[-2])
    if len(loc) == 1 and str(loc[0]) in _SECTIONS:
        return _SECTIONS[str(loc[0])]
    return Message("in `{path}`", path=".".join(str(part) for part in loc))


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


def _show(value: Any, limit: int = 40) -> str:
    text = "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(value: Any) -> Message:
    if value is None:
        return Message("nothing (the value is empty)")
    if isinstance(value, bool):
        return Message("`{value}` (yes/no)", value=_show(value))
    if isinstance(value, dict):
        return Message("a mapping")
    if isinstance(value, list):
        return Message("a list")
    if isinstance(value, int | float):
        return Message("the number `{value}`", value=_show(value))
    return Message("`{value}`", value=_show(value))
