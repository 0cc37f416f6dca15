"""The readable part of an invalid map: the map without what failed schema validation, for the other checks.

Why: a file with a schema error, a broken reference and a missing objective has three problems,
and the author should learn all three in one run. Schema errors are reported from the whole
file; then the offending values are left out of a copy (a bad field, the list item or object
that holds a bad required field), the copy is validated again until it passes, and the
reference checks and method checks run on that. What was left out is remembered, so no check
reports a consequence of it (a reference to a touchpoint that was left out, "no objective" when
the objective was there but not text): those would be wrong.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from pydantic import ValidationError

from cjm.loader import Document, PathKey, SourceMap, get_at
from cjm.model import SPEC_VERSION, Journey, slugify

# Required top-level fields get a stand-in when theirs was left out (the checks skip what is under them).
_STAND_INS: dict[str, Any] = {"cjm": SPEC_VERSION, "title": "untitled", "stages": [{"name": "untitled"}]}
# Validation rounds before giving up: each round leaves out at least one more value.
MAX_ROUNDS = 50


class Lost:
    """What was left out of a map to read the rest: paths in the document, and ids they held.

    `kept` gives, for each list of the document, the indices of the items the model kept, so a
    path in the model (`("stages", 1)`) is compared with the document's (`("stages", 2)` when the
    stage before it was left out).
    """

    def __init__(
        self,
        paths: frozenset[PathKey] = frozenset(),
        ids: frozenset[str] = frozenset(),
        kept: Mapping[PathKey, tuple[int, ...]] | None = None,
    ) -> None:
        self.paths, self.ids = paths, ids
        self.kept: Mapping[PathKey, tuple[int, ...]] = kept if kept is not None else {}

    def original(self, path: PathKey) -> PathKey:
        """A path in the model as a path in the document."""
        original: list[str | int] = []
        for part in path:
            indices = self.kept.get(tuple(original))
            if isinstance(part, int) and indices is not None and 0 <= part < len(indices):
                original.append(indices[part])
            else:
                original.append(part)
        return tuple(original)

    def touches(self, path: PathKey) -> bool:
        """Whether something was left out at, inside or around the model's `path` (one is a prefix of the other)."""
        where = self.original(path)
        return where in self.below or any(where[:end] in self.paths for end in range(len(where)))

    def under(self, path: PathKey) -> bool:
        """Whether something was left out at or inside the model's `path`."""
        return self.original(path) in self.below

    @functools.cached_property
    def below(self) -> dict[PathKey, list[PathKey]]:
        """For each document path, the left-out paths at or inside it (an index: checks ask per object)."""
        index: dict[PathKey, list[PathKey]] = {}
        for lost in sorted(self.paths, key=repr):
            for end in range(len(lost) + 1):
                index.setdefault(lost[:end], []).append(lost)
        return index

    @functools.cached_property
    def by_holder(self) -> dict[PathKey, list[PathKey]]:
        """The left-out paths by the object that held them."""
        index: dict[PathKey, list[PathKey]] = {}
        for lost in sorted(self.paths, key=repr):
            index.setdefault(lost[:-1], []).append(lost)
        return index


class Readable(NamedTuple):
    """A model of the readable part of a document, with the document re-keyed to the model's paths."""

    journey: Journey
    document: Document
    lost: Lost = Lost()


def readable_part(document: Document) -> Readable | None:
    """The map without the values that fail validation, or None when no map can be read at all.

    Paths in the returned document's positions are the model's (a list with a left-out item
    has its later items renumbered), so checks position their findings as for a valid map.
    """
    data = document.data
    if not isinstance(data, dict):
        return None
    lost: set[PathKey] = set()
    for _ in range(MAX_ROUNDS):
        cleaned, kept = _without(data, lost)
        for name, stand_in in _STAND_INS.items():
            if name not in cleaned:
                cleaned[name] = copy.deepcopy(stand_in)
                lost.add((name,))
        try:
            journey = Journey.model_validate(cleaned)
        except ValidationError as error:
            found = {_offending(cleaned, kept, tuple(detail["loc"])) for detail in error.errors(include_url=False)}
            if None in found or found <= lost:
                return None
            lost |= {path for path in found if path is not None}
            continue
        ids = frozenset(ident for path in lost for ident in _ids_in(get_at(data, path), path))
        positions = SourceMap(_rekeyed(document.positions, data, kept, lost))
        shown = document._replace(data=cleaned, positions=positions)
        indices = {path: tuple(items) for path, items in kept.items()}
        return Readable(journey, shown, Lost(frozenset(lost), ids, indices))
    return None


def _without(data: Any, lost: set[PathKey]) -> tuple[Any, dict[PathKey, list[int]]]:
    """A copy of `data` without the `lost` paths, and for each list the original indices it kept."""
    kept: dict[PathKey, list[int]] = {}

    def copy(value: Any, path: PathKey) -> Any:
        if isinstance(value, dict):
            return {key: copy(item, (*path, key)) for key, item in value.items() if (*path, key) not in lost}
        if isinstance(value, list):
            indices = [index for index in range(len(value)) if (*path, index) not in lost]
            kept[path] = indices
            return [copy(value[index], (*path, index)) for index in indices]
        return value

    return copy(data, ()), kept


def _original(cleaned: Any, kept: dict[PathKey, list[int]], path: PathKey) -> PathKey:
    """A path in the cleaned copy as a path in the document (list indices renumbered back)."""
    original: list[str | int] = []
    value = cleaned
    for part in path:
        indices = kept.get(tuple(original))
        if isinstance(value, list) and isinstance(part, int) and indices is not None:
            original.append(indices[part])
        else:
            original.append(part)
        value = value[part]
    return tuple(original)


def _offending(cleaned: Any, kept: dict[PathKey, list[int]], loc: tuple[Any, ...]) -> PathKey | None:
    """The document path to leave out for one error: the value, or for a missing field the object that lacks it.

    The error's location is followed in the data as far as it goes (pydantic may add steps that
    are not keys, and a missing field is not in the data, so its object is what remains). None
    when the whole document is the problem (a missing top-level field has a stand-in instead).
    """
    value, resolved = cleaned, 0
    for part in loc:
        in_mapping = isinstance(value, dict) and part in value
        in_list = isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)
        if not (in_mapping or in_list):
            break
        value = value[part]
        resolved += 1
    path = loc[:resolved]
    return _original(cleaned, kept, path) if path else None


def _rekeyed(positions: SourceMap, data: Any, kept: dict[PathKey, list[int]], lost: set[PathKey]) -> dict[PathKey, Any]:
    """The document's spans under the cleaned copy's paths; spans of left-out values are dropped."""
    renumber = {path: {old: new for new, old in enumerate(indices)} for path, indices in kept.items()}
    spans = {}
    for path, span in positions.spans.items():
        if any(path[:end] in lost for end in range(len(path) + 1)):
            continue
        new = _renumbered(path, data, renumber)
        if new is not None:
            spans[new] = span
    return spans


def _renumbered(path: PathKey, data: Any, renumber: dict[PathKey, dict[int, int]]) -> PathKey | None:
    """A document path with its list indices as in the cleaned copy; None when an item on it was left out."""
    new: list[str | int] = []
    value = data
    for end, part in enumerate(path):
        if isinstance(value, list) and isinstance(part, int):
            mapping = renumber.get(path[:end], {})
            if part not in mapping:
                return None
            new.append(mapping[part])
        else:
            new.append(part)
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return tuple(new)


def _ids_in(value: Any, path: PathKey) -> Iterator[str]:
    """Every id a left-out value held or would have derived, so references to it are not reported."""
    if path and path[-1] == "id" and isinstance(value, str | int):
        yield str(value)
    if isinstance(value, str) and len(path) >= 2 and path[-2] in ("pain_points", "opportunities"):
        yield slugify(value)
    if isinstance(value, dict):
        for key in ("id",):
            if isinstance(value.get(key), str | int):
                yield str(value[key])
        for key in ("name", "text"):
            if isinstance(value.get(key), str):
                yield slugify(value[key])
        for key, item in value.items():
            yield from _ids_in(item, (*path, key))
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _ids_in(item, (*path, index))
