"""What the author cannot see in their text: invisible characters inside ids, escapes inside double quotes.

Why: `id: cart` followed by a pasted zero-width space is another id than `cart`, and every
reference to it fails far from the cause; `"Hotline\\nthen press 1"` holds a line break where the
author may have meant the two characters `\\n` (a path, a code, a pasted program text). Both are
named where they are, at their line and column.

Escapes: YAML's double-quoted escapes that make a control character or a line break (`\\n`,
`\\t`, `\\r`, `\\0`, `\\x07`, `\\u0009`…) get a warning in text fields, since nothing in the
file shows what they became; escapes that make the visible character meant (`\\\\`, `\\"`,
`\\u00e9`, `\\_`) are clearly intended and say nothing. A line break meant as one is written as a
block (`|`), which is silent.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, get_args

from cjm.characters import INVISIBLE, describe
from cjm.diagnostics import Diagnostic, make
from cjm.fields import annotation_at, kind_at
from cjm.loader import Document, PathKey, ScalarSource, get_at
from cjm.model import Ref, Slug
from cjm.translation import Message


def invisible_in_ids(document: Document, data: Any, lines: list[str]) -> list[Diagnostic]:
    """CJM114 for each invisible character inside an id or a reference (`id: cart\u200b`), at its line and column.

    Why errors, and why the id is then read without them: `cart` followed by a zero-width space
    is another id than `cart`, so every reference to it would fail far from the cause. The
    character is named where it is; once named, the id is read as the author sees it, so that
    one mistake is not reported again at every reference. In free text the characters stay,
    unreported: a no-break space before `:` is French typography, a soft hyphen a choice.
    """
    found = []
    for path, source in document.scalars.items():
        value = get_at(data, path)
        if not isinstance(value, str) or not any(char in INVISIBLE for char in value) or not _is_id(path):
            continue
        cleaned = "".join(char for char in value if char not in INVISIBLE or char.isspace()).strip()
        seen = 0
        for line, column, char in _invisible_positions(lines, source):
            seen += 1
            message = Message(
                "{character} inside the id `{id}`, probably pasted from a document: it makes another id than the "
                "one you see",
                character=describe(char),
                id=cleaned,
            )
            found.append(make("CJM114", document.name, line, column, message, Message("remove it"), end_column=column))
        if not seen:  # written as an escape (`"cart\u200b"`): at the value
            char = next(char for char in value if char in INVISIBLE)
            message = Message(
                "{character} inside the id `{id}`: it makes another id than the one you see",
                character=describe(char),
                id=cleaned,
            )
            found.append(make("CJM114", document.name, source.line, source.column, message, Message("remove it")))
        set_at(data, path, cleaned)
    return found


def _invisible_positions(lines: list[str], source: ScalarSource) -> list[tuple[int, int, str]]:
    """Where the invisible characters of a scalar's source text are: (line, column, character), 1-based."""
    positions: list[tuple[int, int, str]] = []
    for number in range(source.line, min(source.end_line, len(lines)) + 1):
        line = lines[number - 1]
        start = source.column - 1 if number == source.line else 0
        stop = source.end_column - 1 if number == source.end_line else len(line)
        positions.extend((number, index + 1, line[index]) for index in range(start, stop) if line[index] in INVISIBLE)
    return positions


def _is_id(path: PathKey) -> bool:
    """Whether the value at `path` is an id or a reference to one (`id`, `channel`, `addresses` items…)."""
    annotation = annotation_at(tuple(0 if isinstance(part, int) else part for part in path))
    return annotation in (Slug, Ref) or any(arg in (Slug, Ref) for arg in get_args(annotation))


def set_at(data: Any, path: PathKey, value: Any) -> None:
    """Set the value at a path of plain data whose parent exists (else nothing)."""
    parent: Any = get_at(data, path[:-1])
    last: Any = path[-1]
    if isinstance(parent, dict) or (isinstance(parent, list) and isinstance(last, int)):
        parent[last] = value


_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_SIMPLE = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
}
_SIMPLE |= {"N": "\x85", "L": "\u2028", "P": "\u2029"}
_WHAT = {"\n": Message("a line break"), "\t": Message("a tab"), "\r": Message("a carriage return")}


def escapes_in_text(document: Document, lines: list[str]) -> list[Diagnostic]:
    """CJM123 for each escape inside a double-quoted text value that makes a control character or a line break."""
    found = []
    for path, source in document.scalars.items():
        if "\\" not in _source_text(lines, source) or not _is_text(path):
            continue
        if lines[source.line - 1][source.column - 1 : source.column] != '"':
            continue
        for line, column, escape, char in _escapes(lines, source):
            code = format(ord(char), "04X")
            what = _WHAT.get(char) or Message("an invisible control character (U+{code})", code=code)
            message = Message(
                "`{escape}` inside double quotes is YAML's escape for {what}: the text holds {what} here, "
                "not the characters `{escape}`",
                escape=escape,
                what=what,
            )
            hint = Message(
                "if you meant the characters, write `\\{escape}` or put the text in single quotes; for text on "
                "several lines, write it as a block: `|` after the key, the lines indented under it",
                escape=escape,
            )
            found.append(
                make("CJM123", document.name, line, column, message, hint, end_column=column + len(escape) - 1)
            )
    return found


def _is_text(path: PathKey) -> bool:
    """Whether the value at `path` is text: a text field, or an item of a list of text."""
    return kind_at(path) in ("text", "text-list") or (isinstance(path[-1], int) and kind_at(path[:-1]) == "text-list")


def _source_text(lines: list[str], source: ScalarSource) -> str:
    """The characters of a scalar as typed in the file (its quotes included)."""
    if not 0 < source.line <= source.end_line <= len(lines):
        return ""
    if source.line == source.end_line:
        return lines[source.line - 1][source.column - 1 : source.end_column - 1]
    middle = lines[source.line : source.end_line - 1]
    return "\n".join(
        [lines[source.line - 1][source.column - 1 :], *middle, lines[source.end_line - 1][: source.end_column - 1]]
    )


def _escapes(lines: list[str], source: ScalarSource) -> list[tuple[int, int, str, str]]:
    """The escapes of a double-quoted scalar that make a control character: (line, column, escape, character)."""
    found = []
    for number in range(source.line, source.end_line + 1):
        line = lines[number - 1]
        start = source.column if number == source.line else 0
        stop = source.end_column - 1 if number == source.end_line else len(line)
        for match in _ESCAPE.finditer(line, start, stop):
            char = _decoded(match.group(1))
            if char is not None and (unicodedata.category(char) in ("Cc", "Zl", "Zp")):
                found.append((number, match.start() + 1, match.group(0), char))
    return found


def _decoded(body: str) -> str | None:
    """The character an escape's body (`n`, `x07`, `u00e9`) stands for, or None for a line continuation."""
    if body[:1] in "xuU" and len(body) > 1:
        try:
            return chr(int(body[1:], 16))
        except (ValueError, OverflowError):
            return None
    return _SIMPLE.get(body)
