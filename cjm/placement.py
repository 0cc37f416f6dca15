"""Unknown keys explained in the author's terms: a key at the wrong depth, or a misspelt one.

Why a module: "unknown field `kind` in stage" is true but unhelpful when the author dedented a
touchpoint's fields by one level. Most unknown keys are fields of a nearby object: the
touchpoint just above (dedented), the stage around (over-indented), or another kind of object.
Keys that moved together are reported together, and a moved key that the parent also takes (a
touchpoint's `emotion` now read as the stage's) is named, since it would otherwise be kept
silently. "Did you mean" only suggests a field that this object takes, that is not already
there, and whose type fits the value.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel

from cjm.diagnostics import Diagnostic, make
from cjm.fields import SINGLE, all_models, children, field_fits, model_at, noun, shape, the
from cjm.loader import Document, PathKey
from cjm.model import Journey
from cjm.translation import N_, Message


class _Key(NamedTuple):
    """An unknown key: where it is, in which object, and the object's model."""

    path: PathKey
    name: str
    holder: PathKey
    model: type[BaseModel]


def explain_unknown_keys(document: Document, paths: Iterable[PathKey]) -> list[Diagnostic]:
    """One CJM203 per unknown key, or per group of keys that moved out of (or into) an object together."""
    keys = []
    for path in paths:
        model = model_at(path[:-1])
        if model is not None and isinstance(path[-1], str):
            keys.append(_Key(path, path[-1], path[:-1], model))
    reported: set[PathKey] = set()
    found: list[Diagnostic] = []
    for key in keys:
        if key.path in reported:
            continue
        diagnostic, covered = (
            _dedented(document, key) or _over_indented(document, key) or (_elsewhere(document, key), ())
        )
        reported.update(covered)
        found.append(diagnostic)
    for path in paths:
        if model_at(path[:-1]) is None or not isinstance(path[-1], str):
            line, column = document.positions.locate(path, "key")
            found.append(make("CJM203", document.name, line, column, Message("unknown field `{key}`", key=path[-1])))
    return found


def _holder(document: Document, path: PathKey) -> dict[Any, Any]:
    """The mapping at a path of the document; an empty one when the path does not lead to a mapping."""
    value: Any = document.data
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return {}
    return value if isinstance(value, dict) else {}


def _line(document: Document, path: PathKey, anchor: Literal["key", "value"] = "key") -> int:
    return document.positions.locate(path, anchor)[0]


def _names(keys: list[str]) -> Message:
    """ "`kind`, `emotion` and `moment_of_truth`": the keys in code spans, the last joined with "and"."""
    shown = ["`" + key + "`" for key in keys]
    if len(shown) == 1:
        return Message("{key}", key=shown[0])
    return Message("{keys} and {last}", keys=", ".join(shown[:-1]), last=shown[-1])


def _either(nouns: list[str]) -> str:
    """ "the persona or a stage or a touchpoint": the nouns joined with "or", each translated."""
    joined = nouns[0]
    for named in nouns[1:]:
        joined = Message("{left} or {right}", left=joined, right=named)
    return joined


def _dedented(document: Document, key: _Key) -> tuple[Diagnostic, tuple[PathKey, ...]] | None:
    """Keys that follow an object (the last touchpoint of a list, the persona) at its parent's depth.

    The run of keys right after the object's field, each a field of that object's model, is one
    group when it holds this unknown key; keys of the run that the parent also takes are named,
    since the parent keeps them silently.
    """
    holder = _holder(document, key.holder)
    order = [name for name in holder if isinstance(name, str)]
    if key.name not in order:
        return None
    index = order.index(key.name)
    held = children(key.model)
    fields_below = {name for model in held.values() for name in model.model_fields}
    before, child, start = None, None, index
    while start > 0:
        previous = order[start - 1]
        if previous in held:
            if all(name in held[previous].model_fields for name in order[start : index + 1]):
                before, child = previous, held[previous]
            break
        if previous not in fields_below:
            break
        start -= 1
    if before is None or child is None:
        return None
    group = []
    for name in order[start:]:
        if name not in child.model_fields or name in held:
            break
        group.append(name)
    container = holder[before]
    if isinstance(container, list):
        if not container or not isinstance(container[-1], dict) or not container[-1]:
            return None
        target: PathKey = (*key.holder, before, len(container) - 1)
        target_keys = list(container[-1])
        where = Message("under {object} at line {line}", object=the(child), line=_line(document, target, "value"))
    elif isinstance(container, dict) and container:
        target = (*key.holder, before)
        target_keys = list(container)
        where = Message("under `{key}:` at line {line}", key=before, line=_line(document, target))
    else:
        return None
    first = target_keys[0]
    column = document.positions.locate((*target, first), "key")[1]
    kept = [name for name in group if name in key.model.model_fields]
    depth = (
        Message("at the top level")
        if key.model is Journey
        else Message("at the depth of {owner}'s fields", owner=the(key.model))
    )
    names, child_noun = _names(group), noun(child)
    if len(group) == 1:
        message = Message("{keys} belongs to {object}, but it is {depth}", keys=names, object=child_noun, depth=depth)
    else:
        message = Message("{keys} belong to {object}, but they are {depth}", keys=names, object=child_noun, depth=depth)
    if kept:
        values = ", ".join("`" + name + ": " + _short(holder[name]) + "`" for name in kept)
        kept_arguments = {"message": message, "values": values, "owner": the(key.model)}
        message = (
            Message("{message}; as written, {values} is read as {owner}'s", **kept_arguments)
            if len(kept) == 1
            else Message("{message}; as written, {values} are read as {owner}'s", **kept_arguments)
        )
    hint = (
        Message(
            "indent it {where}, to line up with `{first}:` (column {column})", where=where, first=first, column=column
        )
        if len(group) == 1
        else Message(
            "indent them {where}, to line up with `{first}:` (column {column})", where=where, first=first, column=column
        )
    )
    line, column = document.positions.locate((*key.holder, group[0]), "key")
    covered = tuple((*key.holder, name) for name in group)
    return make("CJM203", document.name, line, column, message, hint), covered


def _over_indented(document: Document, key: _Key) -> tuple[Diagnostic, tuple[PathKey, ...]] | None:
    """Keys inside an object that are fields of the object around it (a stage's `pain_points` in a touchpoint)."""
    holder_path = key.holder
    parent_path = holder_path[:-2] if holder_path and isinstance(holder_path[-1], int) else holder_path[:-1]
    if not holder_path:
        return None
    parent_model = model_at(parent_path)
    if parent_model is None or key.name not in parent_model.model_fields or key.name in key.model.model_fields:
        return None
    parent = _holder(document, parent_path)
    if key.name in parent:
        return None
    holder = _holder(document, holder_path)
    order = [name for name in holder if isinstance(name, str)]
    if key.name not in order:
        return None
    group = []
    for name in order[order.index(key.name) :]:
        if name in key.model.model_fields or name not in parent_model.model_fields or name in parent:
            break
        group.append(name)
    parent_keys = [name for name in parent if isinstance(name, str)]
    if not parent_keys:
        return None
    first = parent_keys[0]
    line, column = document.positions.locate((*parent_path, first), "key")
    arguments = {"keys": _names(group), "owner": the(parent_model), "object": noun(key.model)}
    place = {"first": first, "line": line, "column": column}
    if len(group) == 1:
        message = Message("{keys} belongs to {owner}, not to {object}: it is indented too far", **arguments)
        hint = Message("dedent it to line up with `{first}:` at line {line} (column {column})", **place)
    else:
        message = Message("{keys} belong to {owner}, not to {object}: they are indented too far", **arguments)
        hint = Message("dedent them to line up with `{first}:` at line {line} (column {column})", **place)
    where_line, where_column = document.positions.locate((*holder_path, group[0]), "key")
    covered = tuple((*holder_path, name) for name in group)
    return make("CJM203", document.name, where_line, where_column, message, hint), covered


def _elsewhere(document: Document, key: _Key) -> Diagnostic:
    """A key that is another kind of object's field, or a misspelling of a field that fits here."""
    line, column = document.positions.locate(key.path, "key")
    holder = _holder(document, key.holder)
    value = holder.get(key.name)
    where = _where(document, key)
    message = Message("unknown field `{key}` {where}", key=key.name, where=where)
    present = {name for name in holder if isinstance(name, str)}
    free = [name for name in key.model.model_fields if name not in present]
    fitting = [name for name in free if field_fits(key.model.model_fields[name], value)]
    owners = [model for model in all_models() if key.name in model.model_fields and model is not key.model]
    # A key that is exactly another object's field is that field, unless it is nearly one of this object's
    # (`goal` in the persona is its `goals`; `kind` in a stage is a touchpoint's, not the stage's `id`).
    close = difflib.get_close_matches(key.name, fitting, n=1, cutoff=0.8 if owners else 0.6)
    if close:
        return make("CJM203", document.name, line, column, message, Message("did you mean `{value}`?", value=close[0]))
    if owners:
        nouns = _either(list(dict.fromkeys(noun(model) for model in owners)))
        message = Message("{message}: `{key}` is a field of {objects}", message=message, key=key.name, objects=nouns)
        hint = Message("move it into {objects}, or remove it", objects=nouns)
        return make("CJM203", document.name, line, column, message, hint)
    unfit = difflib.get_close_matches(key.name, free, n=1, cutoff=0.8)
    if unfit:
        # The nearest field here does not take this value: say what it takes, so one run fixes both.
        takes = shape(key.model.model_fields[unfit[0]].annotation)
        return make(
            "CJM203",
            document.name,
            line,
            column,
            message,
            Message(
                "the nearest field here, `{field}`, takes {takes}, not {value}",
                field=unfit[0],
                takes=takes,
                value=_described(value),
            ),
        )
    for model in all_models():
        candidates = [name for name, field in model.model_fields.items() if field_fits(field, value)]
        near = difflib.get_close_matches(key.name, candidates, n=1, cutoff=0.75)
        if near and model is not key.model:
            return make(
                "CJM203",
                document.name,
                line,
                column,
                Message(
                    "{message}: `{field}` is a field of {object}", message=message, field=near[0], object=noun(model)
                ),
                Message("did you mean `{field}`, in {object}?", field=near[0], object=noun(model)),
            )
    hint = Message("known fields here: {fields}", fields=", ".join(free))
    return make("CJM203", document.name, line, column, message, hint)


# "in stage `Cart`": the same words as validation's, so both read alike (and share their translation).
_IN_NAMED: dict[str, str] = {
    "Stage": N_("in stage `{name}`"),
    "Touchpoint": N_("in touchpoint `{name}`"),
    "PainPoint": N_("in pain point `{name}`"),
    "Opportunity": N_("in opportunity `{name}`"),
    "KPI": N_("in KPI `{name}`"),
    "Quote": N_("in quote `{name}`"),
    "Channel": N_("in channel `{name}`"),
    "NextStep": N_("in next step `{name}`"),
}


def _where(document: Document, key: _Key) -> Message:
    if not key.holder:
        return Message("at the top level")
    if issubclass(key.model, SINGLE):
        return Message("in {object}", object=noun(key.model))
    holder = _holder(document, key.holder)
    template = _IN_NAMED.get(key.model.__name__)
    for field in ("id", "name", "text"):
        ident = holder.get(field)
        if isinstance(ident, str) and ident.strip() and template is not None:
            return Message(template, name=" ".join(ident.split())[:40])
    return Message("in {object}", object=the(key.model))


def _described(value: Any) -> str:
    if isinstance(value, list):
        return Message("a list")
    if isinstance(value, dict):
        return Message("a mapping")
    return Message("nothing") if value is None else "`" + _short(value) + "`"


def _short(value: Any) -> str:
    text = " ".join(str(value).split()) if not isinstance(value, list | dict) else "…"
    return text if len(text) <= 30 else text[:29] + "…"


def moved_values(document: Document) -> list[Diagnostic]:
    """Warnings for a value that reads as its object's own but looks moved out of the list just above.

    A touchpoint's `emotion` dedented by one level becomes the stage's emotion without any error.
    The sign: right after the list (`touchpoints:`), at the object's depth, comes a key that the
    list's items take too, the last item lacks it, and the items before it have it. Keys that
    moved out with an unknown one are already reported together (CJM203), so they are skipped.
    """
    found: list[Diagnostic] = []
    for path, holder, model in _objects(document.data, (), Journey):
        held = children(model)
        order = [name for name in holder if isinstance(name, str)]
        for index, name in enumerate(order):
            child, items = held.get(name), holder.get(name)
            if child is None or not isinstance(items, list) or len(items) < 2 or not isinstance(items[-1], dict):
                continue
            run = []
            for key in order[index + 1 :]:
                if key in held or key not in child.model_fields:
                    break
                run.append(key)
            if any(key not in model.model_fields for key in run):
                continue
            last = (*path, name, len(items) - 1)
            for key in run:
                others = [item for item in items[:-1] if isinstance(item, dict) and key in item]
                if key in items[-1] or not others:
                    continue
                line, column = document.positions.locate((*path, key), "key")
                arguments = {"owner": the(model), "item": the(child), "line": _line(document, last, "value")}
                message = Message(
                    "`{value}` follows `{list}:` at the depth of {owner}'s fields, so it is read as {owner}'s; "
                    "{item} above it (line {line}) has no `{key}` while the others have one",
                    value=key + ": " + _short(holder[key]),
                    list=name,
                    key=key,
                    **arguments,
                )
                hint = Message(
                    "if it is {item}'s, indent it under {item} at line {line}; if it is {owner}'s, "
                    "move it above `{list}:`",
                    list=name,
                    **arguments,
                )
                found.append(make("CJM209", document.name, line, column, message, hint))
    return found


def _objects(
    value: Any, path: PathKey, model: type[BaseModel]
) -> Iterable[tuple[PathKey, dict[Any, Any], type[BaseModel]]]:
    """Every mapping of the document that stands for an object, with its path and model."""
    if not isinstance(value, dict):
        return
    yield path, value, model
    for name, child in children(model).items():
        inner = value.get(name)
        if isinstance(inner, list):
            for index, item in enumerate(inner):
                yield from _objects(item, (*path, name, index), child)
        else:
            yield from _objects(inner, (*path, name), child)
