"""A parsed journey file as data: its values, where each key and value is in the source, how scalars were typed.

What the loader (`cjm.loader`) gives and every check reads: paths (`("stages", 0, "name")`) lead
to values (`get_at`) and to positions (`SourceMap.locate`), so a diagnostic is placed on the key
or value it is about. Importable from `cjm.loader` too.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from cjm.diagnostics import Diagnostic

PathKey = tuple[str | int, ...]
Anchor = Literal["key", "value"]


def get_at(data: Any, path: PathKey) -> Any:
    """The value at a path of a document's plain data, or None when the path leads nowhere."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


class Span(NamedTuple):
    """Where one key and its value start in the source, 1-based; for list items key == value."""

    key_line: int
    key_column: int
    line: int
    column: int


class SourceMap:
    """Positions of every key and value of a document, by path (`("stages", 0, "name")`).

    `spans` gives where each path's key and value start; `ends` the last column of a key or value
    on one line, by where it starts. Filled by the loader as it walks the document.
    """

    __slots__ = ("ends", "spans")

    def __init__(
        self, spans: dict[PathKey, Span] | None = None, ends: dict[tuple[int, int], int] | None = None
    ) -> None:
        self.spans: dict[PathKey, Span] = {} if spans is None else spans
        self.ends: dict[tuple[int, int], int] = {} if ends is None else ends

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourceMap) and (self.spans, self.ends) == (other.spans, other.ends)

    __hash__ = None  # type: ignore[assignment]  # mutable, as a plain dataclass

    def __repr__(self) -> str:
        return f"SourceMap(spans={self.spans!r}, ends={self.ends!r})"

    def end_of(self, line: int, column: int) -> int | None:
        """The last column (1-based, inclusive) of the key or value starting at (line, column), when on one line."""
        return self.ends.get((line, column))

    def locate(self, path: PathKey, anchor: Anchor = "value") -> tuple[int, int]:
        """The position of a path's key or value; an unknown path falls back to its nearest ancestor."""
        for end in range(len(path), -1, -1):
            span = self.spans.get(path[:end])
            if span is not None:
                if anchor == "key" or end < len(path):
                    return span.key_line, span.key_column
                return span.line, span.column
        return 1, 1


class ScalarSource(NamedTuple):
    """How a scalar was typed: its source text, whether it was plain (unquoted), where it starts and ends (1-based),
    and whether YAML read it as something other than text (a number, a yes/no, a date)."""

    text: str
    plain: bool
    end_line: int
    end_column: int
    line: int = 0
    column: int = 0
    typed: bool = False


class Document(NamedTuple):
    """A parsed journey file: its text, its data as plain Python values and where each value came from.

    `scalars` says how each scalar was typed, by path; `problems` are the reading problems found
    while loading it (pasted characters, repeated keys). Both are read, never changed in place
    (a changed document is a new one: `document._replace(data=…)`).
    """

    name: str
    text: str
    data: Any
    positions: SourceMap
    scalars: Mapping[PathKey, ScalarSource] = MappingProxyType({})
    problems: list[Diagnostic] = []  # noqa: RUF012  # never changed in place (see above)


class Unreadable(NamedTuple):
    """A file that could not be read as a YAML mapping: why, and its text when it could be decoded."""

    diagnostics: list[Diagnostic]
    text: str | None = None
