"""Where a key or a list item should have been: the indentation analysis behind YAML syntax errors.

The parser only says where it gave up. These functions read the source lines above that place
as a person would (which lists and mappings are still open, at which columns, which lines are text
continuing a value) to say which line is at the wrong depth and what to align it with.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ruamel.yaml.error import MarkedYAMLError

from cjm.translation import Message

# (line, column, message, hint, end column) of an explanation, 1-based.
Found = tuple[int, int, Message, Message | None, int | None]

_KEY = re.compile(r"(?P<key>[^\s#'\"\[\]{},:&*!|>%@`-][^#]*?|[-][^\s#][^#]*?)\s*:(?:\s|$)")


class SourceLine(NamedTuple):
    """One content line of the source: where its first token starts and what it is."""

    number: int
    indent: int
    item: bool
    key: str | None
    key_column: int
    has_value: bool
    block_scalar: bool


def wrong_depth(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """A key or list item whose indentation fits none of the open lists and mappings above it."""
    if not 0 < line <= len(lines):
        return None
    previous = content_lines(lines[: line - 1])
    here = parse_line(line, lines[line - 1])
    if not previous or (here.key is None and not here.item):
        return None
    what = Message("this list item") if here.item else Message("`{key}:`", key=here.key)
    end = len(lines[line - 1].rstrip())
    last = previous[-1]
    if here.item and last.key is not None and not last.has_value and here.indent < last.key_column:
        hint = Message(
            "indent it under `{key}:` at line {line}: two spaces deeper than `{key}:`", key=last.key, line=last.number
        )
        message = Message("{what} is not indented under `{key}:`", what=what, key=last.key)
        return line, here.indent + 1, message, hint, end
    candidates = _open_columns(previous, want_item=here.item)
    if here.item and not candidates and last.key is not None and last.has_value:
        message = Message(
            "a list item where a key is expected: `{key}:` at line {line} already holds a value",
            key=last.key,
            line=last.number,
        )
        hint = Message(
            "to give `{key}` a list, leave its line empty after `{key}:` and indent the items under it", key=last.key
        )
        return line, here.indent + 1, message, hint, end
    if not candidates or any(column_ == here.indent for column_, _ in candidates):
        return None
    nearest = min(candidates, key=lambda entry: (abs(entry[0] - here.indent), -entry[0]))
    target_column, target = nearest
    odd = _odd_one_out(previous, target, here)
    if odd is not None:
        return odd
    depth = "deeper" if here.indent > target_column else "less deep"
    spaces = abs(here.indent - target_column)
    shown = (
        Message("the list item at line {line}", line=target.number)
        if here.item
        else Message("`{key}:` at line {line}", key=target.key, line=target.number)
    )
    holds = not here.item and depth == "deeper" and target.has_value
    extra = Message(", which already holds a value") if holds else ""
    message = _wrong_depth(what, spaces, depth, shown, extra)
    hint = Message("align it with {shown}", shown=shown)
    tied = [entry for column_, entry in candidates if column_ != target_column and abs(column_ - here.indent) == spaces]
    if tied and not here.item:
        hint = Message(
            "align it with {shown}, or with `{key}:` at line {line}, depending on what it belongs to",
            shown=shown,
            key=tied[0].key,
            line=tied[0].number,
        )
    return line, here.indent + 1, message, hint, end


def _wrong_depth(what: Message, spaces: int, depth: str, shown: Message, extra: str) -> Message:
    """ "`name:` is at the wrong depth: 2 spaces deeper than …", in words that translate (one space or several)."""
    count = Message("1 space") if spaces == 1 else Message("{count} spaces", count=spaces)
    if depth == "deeper":
        return Message(
            "{what} is at the wrong depth: {count} deeper than {shown}{extra}",
            what=what,
            count=count,
            shown=shown,
            extra=extra,
        )
    return Message(
        "{what} is at the wrong depth: {count} less deep than {shown}{extra}",
        what=what,
        count=count,
        shown=shown,
        extra=extra,
    )


def _odd_one_out(previous: list[SourceLine], target: SourceLine, here: SourceLine) -> Found | None:
    """When the key above is the one out of place: its neighbours before and after it align, it does not."""
    index = previous.index(target)
    if here.item or index == 0 or target.item:
        return None
    before = next((entry for entry in reversed(previous[:index]) if entry.key_column <= here.indent), None)
    if before is None or before.key is None or before.key_column != here.indent or target.key_column == here.indent:
        return None
    spaces = abs(target.key_column - here.indent)
    depth = "deeper" if target.key_column > here.indent else "less deep"
    shown = Message(
        "`{key}:` at line {line} and `{other}:` at line {other_line}",
        key=before.key,
        line=before.number,
        other=here.key,
        other_line=here.number,
    )
    message = _wrong_depth(Message("`{key}:`", key=target.key), spaces, depth, shown, "")
    end = target.key_column + len(target.key or "") + 1
    hint = Message(
        "align it with {shown}", shown=Message("`{key}:` at line {line}", key=before.key, line=before.number)
    )
    return target.number, target.key_column + 1, message, hint, end


def text_line(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """A line of text that is not indented under the key whose text it continues."""
    if not 0 < line <= len(lines):
        return None
    here = parse_line(line, lines[line - 1])
    previous = [entry for entry in content_lines(lines[: line - 1]) if entry.key is not None or entry.item]
    if here.key is not None or here.item or not previous or previous[-1].key is None:
        return None
    owner = previous[-1]
    end = len(lines[line - 1].rstrip())
    if owner.block_scalar:
        first = next(
            (n for n in range(owner.number + 1, line) if lines[n - 1].strip()),
            line,
        )
        indent = len(lines[first - 1]) - len(lines[first - 1].lstrip(" "))
        message = Message(
            "this line of text is less indented than the first line of the text of `{key}:` (line {line})",
            key=owner.key,
            line=first,
        )
        hint = Message("indent every line of that text by {count} spaces, like line {line}", count=indent, line=first)
        return line, here.indent + 1, message, hint, end
    message = Message(
        "this line of text is not indented under `{key}:` at line {line}, whose text it continues",
        key=owner.key,
        line=owner.number,
    )
    hint = Message("indent it deeper than `{key}:`, or join it to line {line}", key=owner.key, line=owner.number)
    return line, here.indent + 1, message, hint, end


def _open_columns(previous: list[SourceLine], want_item: bool) -> list[tuple[int, SourceLine]]:
    """The columns a new key (or list item) may align with: the lists and mappings still open above."""
    found: list[tuple[int, SourceLine]] = []
    limit = 10**9
    for entry in reversed(previous):
        columns = []
        if entry.key is not None and entry.key_column < limit:
            columns.append(entry.key_column)
        if entry.item and entry.indent < limit:
            columns.append(entry.indent)
        for column in columns:
            is_item = entry.item and column == entry.indent
            if is_item == want_item:
                found.append((column, entry))
        if columns:
            limit = min(columns)
    return found


def content_lines(lines: list[str]) -> list[SourceLine]:
    """The content lines of a source (no blanks, comments or text inside a block or a continued value)."""
    found: list[SourceLine] = []
    block: int | None = None
    for number, source in enumerate(lines, start=1):
        stripped = source.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(source) - len(stripped)
        if block is not None and indent > block:
            continue
        parsed = parse_line(number, source)
        # Deeper lines after a value are its text (a block or a continued plain value), not structure.
        if parsed.block_scalar or (parsed.has_value and parsed.key is not None):
            block = parsed.key_column
        elif parsed.has_value and parsed.item:
            block = parsed.indent
        else:
            block = None
        found.append(parsed)
    return found


def parse_line(number: int, source: str) -> SourceLine:
    """What one source line is: its indentation, whether it is a list item, its key and whether it has a value."""
    stripped = source.lstrip(" ")
    indent = len(source) - len(stripped)
    position = indent
    item = False
    while source[position : position + 2] in ("- ", "-") and position < len(source):
        item = True
        position += 2
        while source[position : position + 1] == " ":
            position += 1
    match = _KEY.match(source, position)
    if match is None:
        return SourceLine(number, indent, item, None, position, position < len(source), False)
    rest = source[match.end() :].split(" #")[0].strip()
    block = rest[:1] in ("|", ">")
    return SourceLine(number, indent, item, match.group("key").strip(), position, bool(rest), block)
