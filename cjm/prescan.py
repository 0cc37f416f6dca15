"""Look at a journey file's text before the YAML parser does: pasted characters and nesting depth.

Why before parsing: a no-break space pasted from Word in the indentation, or an en dash where a
list item's `-` should be, makes the parser report something else somewhere else ("unknown
field `  goals`", "mapping values are not allowed"), and never names the invisible character.
And a file nested thousands of levels deep makes a recursive parser crash the process; counting
the depth on the text first bounds the work before any recursion starts.

The scan is a small line tokenizer that knows quoted scalars (where any character is legitimate
text), comments, block scalars (`|`, `>`) and flow collections (`[...]`, `{...}`). It only reports
what it is sure of: characters in the structure of the file (indentation, keys, around `:` and
list dashes), never inside text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import NamedTuple

from cjm.characters import COLON_LIKE, DASH_LIKE, INVISIBLE, LINE_SEPARATORS, describe
from cjm.diagnostics import Diagnostic, make
from cjm.translation import Message

# A journey map nests about six levels (map, stages, stage, touchpoints, touchpoint, next).
MAX_DEPTH = 64
# The richest example holds about 700 values; the loader's alias budget is the same 100,000.
MAX_VALUES = 100_000

# A line holding none of these needs only its indentation looked at (the fast path of the scan).
_SPECIAL = re.compile(
    "[" + re.escape("".join([*INVISIBLE, *DASH_LIKE, *COLON_LIKE, *LINE_SEPARATORS, "'\"[]{}|>"])) + "]"
)
_PLAIN_LEADING = re.compile(r"( *)((?:-(?: +|$))*)")
_SEPARATOR = re.compile("[" + "".join(LINE_SEPARATORS) + "]")


class Finding(NamedTuple):
    """One thing the scan found, 1-based: `kind` is `invisible`, `dash`, `colon`, `separator`, `depth` or `size`."""

    kind: str
    line: int
    column: int
    message: str
    hint: str


def scan(text: str, keys: Collection[str] = ()) -> list[Finding]:
    """Every pasted character in the file's structure, and the first place nesting exceeds MAX_DEPTH
    (or the number of values MAX_VALUES).

    `keys` are the field names of the format: a key is checked for invisible characters and
    look-alike colons only when, cleaned of them, it is one of these (so French text such as
    `Pourquoi : …` inside a list is left alone). Text is split on `\\n` only, as editors count lines.
    """
    return _Scanner(text, frozenset(keys)).run()


class _Scanner:
    def __init__(self, text: str, keys: frozenset[str]) -> None:
        self.lines = text.split("\n")
        self.keys = keys
        self.findings: list[Finding] = []
        self.quote: str | None = None
        self.flow = 0
        self.block_parent: int | None = None
        self.stack: list[int] = []
        self.too_deep = False
        self.values = 0

    def run(self) -> list[Finding]:
        for number, raw in enumerate(self.lines, start=1):
            line = raw.removesuffix("\r")
            self._separators(line, number)
            if self.too_deep:
                break
            if self.block_parent is not None:
                stripped = line.lstrip(" ")
                if not stripped or len(line) - len(stripped) > self.block_parent:
                    continue
                self.block_parent = None
            self._line(line, number)
        return self.findings

    def _separators(self, line: str, number: int) -> None:
        for match in _SEPARATOR.finditer(line):
            hint = Message("replace it with a normal line break, or remove it")
            message = Message("{character}, probably pasted from a document", character=describe(match.group()))
            self._report("separator", number, match.start() + 1, message, hint)

    def _report(self, kind: str, number: int, column: int, message: Message, hint: Message) -> None:
        self.findings.append(Finding(kind, number, column, message, hint))

    def _count(self, number: int) -> None:
        """One more value; past MAX_VALUES the scan stops: the parser would spend minutes on the file."""
        self.values += 1
        if self.values > MAX_VALUES and not self.too_deep:
            self.too_deep = True
            self.findings.append(
                Finding(
                    "size",
                    number,
                    1,
                    Message(
                        "the file holds more than {count} values; a journey map holds a few hundred", count=MAX_VALUES
                    ),
                    Message("split the map, one journey per file"),
                )
            )

    def _depth(self, number: int, column: int) -> None:
        if not self.too_deep and len(self.stack) + self.flow > MAX_DEPTH:
            self.too_deep = True
            self.findings.append(
                Finding(
                    "depth",
                    number,
                    column,
                    Message(
                        "the file nests more than {depth} levels deep; a journey map needs about 6", depth=MAX_DEPTH
                    ),
                    Message("check the indentation and the brackets: a list or mapping is probably never closed"),
                )
            )

    def _line(self, line: str, number: int) -> None:
        position = 0
        if self.quote is not None:
            position = self._close_quote(line, 0)
            if position < 0:
                return
        elif self.flow == 0:
            if _SPECIAL.search(line) is None:
                self._plain_leading(line, number)
                return
            position = self._leading(line, number)
        self._tokens(line, number, position, token_start=self.quote is None and self.flow == 0)

    def _leading(self, line: str, number: int) -> int:
        """The indentation and list dashes of a block line; pushes their columns on the depth stack."""
        position = 0
        first = True
        while position < len(line):
            char = line[position]
            if char == " ":
                position += 1
                continue
            if char in INVISIBLE:
                message = Message(
                    "{character} in the indentation, probably pasted from a document", character=describe(char)
                )
                self._report("invisible", number, position + 1, message, _replace(char))
                position += 1
                continue
            following = line[position + 1 : position + 2]
            separated = following in ("", " ", "\t") or following in INVISIBLE
            if char in DASH_LIKE and separated and following != "":
                message = Message(
                    "{character} where a list item's `-` belongs, probably pasted from a document",
                    character=describe(char),
                )
                hint = Message("a list item starts with a plain hyphen `-`: type `- `")
                self._report("dash", number, position + 1, message, hint)
            elif not (char in "-?" and separated):
                break
            self._push(position, number, first)
            first = False
            position += 1
        if position < len(line) and line[position] != "#":
            self._push(position, number, first)
            self._count(number)
        return position

    def _plain_leading(self, line: str, number: int) -> None:
        """`_leading` for a line without any character the scan looks for: only columns to push."""
        match = _PLAIN_LEADING.match(line)
        if match is None:  # never: the pattern matches any line, even an empty one
            return
        position, first = len(match.group(1)), True
        for dash in match.group(2).split("-")[1:]:
            self._push(position, number, first)
            first = False
            position += 1 + len(dash)
        if position < len(line) and line[position] != "#":
            self._push(position, number, first)
            self._count(number)

    def _push(self, column: int, number: int, first: bool) -> None:
        if first:
            while self.stack and self.stack[-1] >= column:
                self.stack.pop()
        if not self.stack or self.stack[-1] < column:
            self.stack.append(column)
        self._depth(number, column + 1)

    def _close_quote(self, line: str, position: int) -> int:
        """The index after the closing quote of the open quoted scalar, or -1 when it goes on."""
        end = end_of_quoted(line, position, self.quote or '"')
        if end < 0:
            return -1
        self.quote = None
        return end + 1

    def _tokens(self, line: str, number: int, position: int, token_start: bool) -> None:
        key_start = position if token_start else -1
        while position < len(line):
            char = line[position]
            if char in " \t":
                position += 1
                continue
            if char == "#" and (position == 0 or line[position - 1] in " \t"):
                return
            if token_start and char in "'\"":
                self.quote = char
                position = self._close_quote(line, position + 1)
                if position < 0:
                    return
                token_start = False
                continue
            if token_start and char in "|>" and self.flow == 0:
                self.block_parent = self.stack[-1] if self.stack else 0
                return
            if char in "[{" and (token_start or self.flow):
                self.flow += 1
                self._depth(number, position + 1)
                if self.too_deep:
                    return
                position += 1
                key_start = position
                continue
            if char in "]}" and self.flow:
                self.flow -= 1
                position += 1
                continue
            if char == "," and self.flow:
                self._count(number)
                if self.too_deep:
                    return
                position += 1
                token_start, key_start = True, position
                continue
            if char == ":" or char in COLON_LIKE:
                following = line[position + 1 : position + 2]
                if key_start >= 0:
                    self._key(line, number, key_start, position, following)
                if char == ":" and (following in ("", " ", "\t") or following in INVISIBLE or self.flow):
                    position += 1
                    token_start, key_start = True, position
                    continue
            if token_start and self.flow == 0 and key_start < 0:
                key_start = position
            token_start = False
            position += 1

    def _key(self, line: str, number: int, start: int, colon: int, following: str) -> None:
        """Check a key `line[start:colon]` and the character after its colon, when it names a known field."""
        key = line[start:colon]
        cleaned = "".join(char for char in key if char not in INVISIBLE).strip()
        if cleaned not in self.keys:
            return
        for offset, char in enumerate(key):
            if char in INVISIBLE:
                message = Message("{character} in a key, probably pasted from a document", character=describe(char))
                self._report(
                    "invisible", number, start + offset + 1, message, Message("remove it: keys are plain words")
                )
        if line[colon] in COLON_LIKE:
            message = Message(
                "{character} after `{key}`, probably pasted from a document",
                character=describe(line[colon]),
                key=cleaned,
            )
            hint = Message("type a plain colon and a space: `{key}: `", key=cleaned)
            self._report("colon", number, colon + 1, message, hint)
        elif following in INVISIBLE and following:
            message = Message(
                "{character} after `{key}:`, probably pasted from a document",
                character=describe(following),
                key=cleaned,
            )
            self._report("invisible", number, colon + 2, message, _replace(following))
        else:
            start_of_value = colon + 1 + len(line[colon + 1 :]) - len(line[colon + 1 :].lstrip(" \t"))
            char = line[start_of_value : start_of_value + 1]
            if char and char in INVISIBLE and start_of_value > colon + 1:
                message = Message(
                    "{character} at the start of the value of `{key}`, probably pasted from a document",
                    character=describe(char),
                    key=cleaned,
                )
                self._report("invisible", number, start_of_value + 1, message, Message("remove it"))


def end_of_quoted(source: str, position: int, quote: str) -> int:
    """The index of the quote closing a `quote`-quoted scalar, searching `source` from `position`, or -1.

    YAML's rules: inside double quotes a backslash escapes the next character; inside single
    quotes a doubled `''` is an apostrophe.
    """
    while position < len(source):
        char = source[position]
        if quote == '"' and char == "\\":
            position += 2
            continue
        if char == quote:
            if quote == "'" and source[position + 1 : position + 2] == "'":
                position += 2
                continue
            return position
        position += 1
    return -1


def _replace(char: str) -> Message:
    """The fix for an invisible character: a space stands for a space, a zero-width character goes."""
    if unicodedata.category(char) == "Zs":
        return Message("replace it with a normal space")
    return Message("remove it")


def repair(text: str, findings: list[Finding]) -> str:
    """The text with each pasted character replaced by what the author meant; columns stay where they were.

    A space-like character or a line separator becomes a space (every column and line number stays
    in place), a dash or bullet `-`, a full-width colon `:`; a zero-width character goes, as the
    author sees no character there (later columns of that line move one to the left).
    """
    lines = text.split("\n")
    for finding in sorted(findings, key=lambda item: (item.line, -item.column)):
        line = lines[finding.line - 1]
        index = finding.column - 1
        char = line[index : index + 1]
        meant = {"dash": "-", "colon": ":"}.get(finding.kind, " ")
        if finding.kind == "invisible" and unicodedata.category(char) != "Zs":
            meant = ""
        if finding.kind == "colon" and line[index + 1 : index + 2] not in ("", " "):
            meant = ": "
        lines[finding.line - 1] = line[:index] + meant + line[index + len(char) :]
    return "\n".join(lines)


_FINDING_CODES = {
    "invisible": "CJM114",
    "separator": "CJM114",
    "dash": "CJM115",
    "colon": "CJM115",
    "depth": "CJM116",
    "size": "CJM112",
}


def finding_diagnostic(finding: Finding, name: str) -> Diagnostic:
    """The diagnostic of a finding: CJM114 invisible characters, CJM115 look-alikes, CJM116 depth, CJM112 size."""
    code = _FINDING_CODES[finding.kind]
    return make(code, name, finding.line, finding.column, finding.message, finding.hint, end_column=finding.column)
