"""What kind of value each place of a journey file takes, read from the pydantic models.

Why from the models and not a hand list: the reading checks (keep text as typed, warn about a
comment that ate words, warn about a one-item list) must follow the format as it changes. A path
in the document (`("stages", 0, "touchpoints", 1, "owner")`) is walked through the models' field
annotations down to a kind.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from cjm.model import Journey

PathKey = tuple[str | int, ...]
Kind = Literal["text", "text-list", "model", "other"]


@functools.cache
def known_keys() -> frozenset[str]:
    """Every field name of every model of the format (the keys a journey file may use)."""
    names: set[str] = set()
    for model in _models(Journey, set()):
        names |= set(model.model_fields)
    return frozenset(names)


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    if model in seen:
        return seen
    seen.add(model)
    for info in model.model_fields.values():
        for inner in _leaves(info.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                _models(inner, seen)
    return seen


def _leaves(annotation: Any) -> list[Any]:
    """The innermost types of an annotation (through lists, dicts, unions and Annotated)."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType, list, dict, typing.Annotated):
        args = get_args(annotation)
        if origin is typing.Annotated:
            args = args[:1]
        return [leaf for arg in args for leaf in _leaves(arg)]
    return [annotation]


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
