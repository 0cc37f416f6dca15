"""The journey format's fields as data: which model a path lands in, what a field's value looks like.

Why a module: explaining a misplaced or misspelt key needs to know, for any object of a map,
which fields it takes, which objects it holds, and whether a value has the shape a field takes;
the models only describe themselves one at a time. Reading checks (keep text as typed, warn
about a comment that ate words or a one-item list) ask the same models what kind of value a
path of the document takes (`kind_at`), so they follow the format as it changes.
"""

from __future__ import annotations

import datetime
import functools
import types
import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from cjm.loader import PathKey
from cjm.model import EmotionScale, Journey, Persona, as_list
from cjm.translation import Message

Kind = Literal["text", "text-list", "model", "other"]

# What to call an object of each model in a sentence: first mentioned, then already spoken of.
# Messages, so each language gives the noun its article (and the words around it their agreement).
NOUNS: dict[str, tuple[Message, Message]] = {
    "Journey": (Message("the map's top level"), Message("the map's top level")),
    "Persona": (Message("the persona"), Message("the persona")),
    "EmotionScale": (Message("the emotion scale"), Message("the emotion scale")),
    "Stage": (Message("a stage"), Message("the stage")),
    "Touchpoint": (Message("a touchpoint"), Message("the touchpoint")),
    "PainPoint": (Message("a pain point"), Message("the pain point")),
    "Opportunity": (Message("an opportunity"), Message("the opportunity")),
    "KPI": (Message("a KPI"), Message("the KPI")),
    "Quote": (Message("a quote"), Message("the quote")),
    "Channel": (Message("a channel"), Message("the channel")),
    "NextStep": (Message("a next step"), Message("the next step")),
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
    """How a sentence names an object of a model ("a touchpoint", "the persona"), a `Message`."""
    named = NOUNS.get(model.__name__)
    return named[0] if named else model.__name__


def the(model: type[BaseModel]) -> str:
    """How a sentence names an object it already spoke of ("a stage" → "the stage"), a `Message`."""
    named = NOUNS.get(model.__name__)
    return named[1] if named else model.__name__


@functools.cache
def children(model: type[BaseModel]) -> Mapping[str, type[BaseModel]]:
    """The fields of a model that hold other objects (a list of them, or one), with their model (read once)."""
    found = {}
    for name, field in model.model_fields.items():
        inner = inner_model(field.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            found[name] = inner
    return MappingProxyType(found)


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


def shape(annotation: Any) -> str:
    """What a field takes, in words (a `Message`): "a number", "text", "a list", "yes or no", "one of: a, b"."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType, typing.Annotated):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        return shape(args[0]) if args else Message("a value")
    if origin is Literal:
        return Message("one of: {values}", values=", ".join(str(arg) for arg in get_args(annotation)))
    if origin is list:
        return Message("a list")
    if origin is dict or (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return Message("a mapping of keys")
    words = {
        bool: Message("yes or no (true or false)"),
        int: Message("a whole number"),
        float: Message("a number"),
        str: Message("text"),
    }
    return words.get(annotation, Message("a date (YYYY-MM-DD)") if annotation is datetime.date else Message("a value"))


@functools.cache
def known_keys() -> frozenset[str]:
    """Every field name of every model of the format (the keys a journey file may use)."""
    return frozenset(name for model in all_models() for name in model.model_fields)


def annotation_at(path: PathKey) -> Any:
    """The annotation of the field a path lands on (a list index lands on the item type), or None."""
    current: Any = Journey
    for part in path:
        current = _step(current, part)
        if current is None:
            return None
    return current


def _step(annotation: Any, part: str | int) -> Any:
    annotation = _strip(annotation)
    if get_origin(annotation) is typing.Annotated:
        annotation = _strip(get_args(annotation)[0])
    origin = get_origin(annotation)
    if origin is dict:
        return _strip(get_args(annotation)[1])
    if isinstance(part, int):
        return _strip(get_args(annotation)[0]) if origin is list else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        info = annotation.model_fields.get(part)
        return info.rebuild_annotation() if info is not None else None
    return None


def _strip(annotation: Any) -> Any:
    """Drop `None` from an optional annotation, keep everything else as it is."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def kind_at(path: PathKey) -> Kind:
    """What the value at `path` is: text (typed as written), a list of text, a model, or something else.

    A model that accepts a plain string as shorthand (a pain point, an opportunity, a quote) counts
    as text when a scalar stands in its place.
    """
    return _kind_at(tuple(0 if isinstance(part, int) else part for part in path))


@functools.cache
def _kind_at(path: PathKey) -> Kind:
    annotation = annotation_at(path)
    if annotation is None:
        return "other"
    return _kind(annotation)


def _kind(annotation: Any) -> Kind:
    base = _strip(annotation)
    if get_origin(base) is typing.Annotated:
        base = get_args(base)[0]
    if base is str:
        return "text"
    if isinstance(base, type) and issubclass(base, BaseModel):
        return "text" if _accepts(annotation, "x") else "model"
    if get_origin(base) is list:
        item = _strip(get_args(base)[0])
        if _kind(item) == "text":
            return "text-list" if _accepts(annotation, "x") else "other"
    return "other"


def _accepts(annotation: Any, value: Any) -> bool:
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError:
        return False
    return True
