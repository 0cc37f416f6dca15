"""The journey format's fields as data: which model a path lands in, what a field's value looks like.

Why a module: explaining a misplaced or misspelt key needs to know, for any object of a map,
which fields it takes, which objects it holds, and whether a value has the shape a field takes;
the models only describe themselves one at a time.
"""

from __future__ import annotations

import datetime
import functools
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from cjm.loader import PathKey
from cjm.model import EmotionScale, Journey, Persona, as_list

# What to call an object of each model in a sentence.
NOUNS: dict[str, str] = {
    "Journey": "the map's top level",
    "Persona": "the persona",
    "EmotionScale": "the emotion scale",
    "Stage": "a stage",
    "Touchpoint": "a touchpoint",
    "PainPoint": "a pain point",
    "Opportunity": "an opportunity",
    "KPI": "a KPI",
    "Quote": "a quote",
    "Channel": "a channel",
}
# Models of which a map has one at most (their NOUNS entry says "the").
SINGLE = (Journey, Persona, EmotionScale)


def model_at(loc: PathKey) -> type[BaseModel] | None:
    """The model class that the last step of `loc` lands in, walking field annotations from Journey."""
    current: Any = Journey
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(str(part))
        if field is None:
            return None
        current = inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def inner_model(annotation: Any) -> Any:
    """Unwrap list[X], X | None and Annotated[X, ...] down to a model class, if there is one."""
    for _ in range(5):
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType, list, typing.Annotated):
            args = [arg for arg in get_args(annotation) if arg is not type(None)]
            annotation = args[0] if args else None
        else:
            break
    return annotation


def noun(model: type[BaseModel]) -> str:
    """How a sentence names an object of a model ("a touchpoint", "the persona")."""
    return NOUNS.get(model.__name__, model.__name__)


def the(model: type[BaseModel]) -> str:
    """How a sentence names an object it already spoke of ("a stage" → "the stage")."""
    named = noun(model)
    return "the " + named.split(" ", 1)[1] if named.startswith(("a ", "an ")) else named


def children(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The fields of a model that hold other objects (a list of them, or one), with their model."""
    found = {}
    for name, field in model.model_fields.items():
        inner = inner_model(field.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            found[name] = inner
    return found


@functools.cache
def all_models() -> list[type[BaseModel]]:
    """Every model of the format, from the top level down, each once."""
    found: list[type[BaseModel]] = []
    pending: list[type[BaseModel]] = [Journey]
    while pending:
        model = pending.pop(0)
        if model not in found:
            found.append(model)
            pending.extend(children(model).values())
    return found


def field_fits(field: FieldInfo, value: Any) -> bool:
    """Whether a value has the shape a model field takes (a list of text also takes one string)."""
    shorthand = any(getattr(item, "func", None) is as_list for item in field.metadata)
    return fits(field.annotation, value) or (shorthand and isinstance(value, str))


def fits(annotation: Any, value: Any) -> bool:
    """Whether a value has the shape a field takes: a list, a mapping, text, a number, yes/no, a date, a choice.

    Only the shape: a list of touchpoints fits `touchpoints` even when a touchpoint inside is wrong.
    """
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return any(fits(arg, value) for arg in get_args(annotation) if arg is not type(None)) or value is None
    if origin is typing.Annotated:
        inner = get_args(annotation)[0]
        # A list of text also takes one string (the shorthand of TextList).
        return fits(inner, value) or (get_origin(inner) is list and isinstance(value, str))
    if origin is Literal:
        return value in get_args(annotation)
    if origin is list:
        return isinstance(value, list)
    if origin is dict:
        return isinstance(value, dict)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return isinstance(value, dict) or (isinstance(value, str) and "text" in annotation.model_fields)
    if annotation is bool:
        return isinstance(value, bool)
    if annotation in (int, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if annotation is datetime.date:
        return isinstance(value, datetime.date | str)
    if annotation is str:
        return isinstance(value, str | int | float) and not isinstance(value, bool)
    return True
