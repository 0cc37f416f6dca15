"""Explain a YAML syntax error in the author's terms: which line, what is wrong with it, how to fix it.

Why not the parser's words: "did not find expected key (while parsing a block mapping)" tells a
marketer nothing, and a hint must never send them the wrong way (quotes for an indentation
problem). The parser's error only says where it gave up; this module looks at the source lines
around that place to find what happened: a key or a list item at the wrong depth, a tab, a quote
or bracket never closed, text after a closing quote, `: ` inside plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml.error import MarkedYAMLError

from cjm.diagnostics import Diagnostic, make

_KEY = re.compile(r"(?P<key>[^\s#'\"\[\]{},:&*!|>%@`-][^#]*?|[-][^\s#][^#]*?)\s*:(?:\s|$)")


@dataclass(frozen=True)
class _Line:
    """One content line of the source: where its first token starts and what it is."""

    number: int
    indent: int
    item: bool
    key: str | None
    key_column: int
    has_value: bool
    block_scalar: bool


def syntax_diagnostic(error: MarkedYAMLError, name: str, text: str) -> Diagnostic:
    """The CJM105 (or CJM111) diagnostic for a parser error, positioned and worded for a person."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = (error.problem or "invalid YAML").strip()
    context = (error.context or "").strip()
    if "expected a single document" in context:
        message = "the file holds more than one YAML document (`---`)"
        return make("CJM111", name, line, column, message, "keep one journey map per file")
    explainers = (
        _tab,
        _unclosed_quote,
        _flow_item,
        _unclosed_bracket,
        _stray_closer,
        _reserved_start,
        _after_quote,
        _missing_colon,
        _colon_in_text,
        _dash_without_space,
        _text_line,
        _wrong_depth,
    )
    for explain in explainers:
        found = explain(error, lines, line, column)
        if found is not None:
            at_line, at_column, message, hint, end = found
            return make("CJM105", name, at_line, at_column, message, hint, end_column=end)
    return make("CJM105", name, line, column, f"YAML syntax error: {problem}" + (f" ({context})" if context else ""))


_Found = tuple[int, int, str, str | None, int | None]


def _tab(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    """A tab in the indentation of a line up to the error (YAML indents with spaces only)."""
    for number in range(1, min(line, len(lines)) + 1):
        source = lines[number - 1]
        leading = source[: len(source) - len(source.lstrip(" \t"))]
        if "\t" in leading or (number == line and source[column - 1 : column] == "\t"):
            at = leading.index("\t") + 1 if "\t" in leading else column
            message = "a tab in the indentation: YAML indents with spaces only"
            return number, at, message, "replace the tab with spaces (two per level)", None
    return None


def _unclosed_quote(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    if "quoted scalar" not in (error.context or "") or error.context_mark is None:
        return None
    start = error.context_mark
    quote = lines[start.line][start.column : start.column + 1] if start.line < len(lines) else '"'
    escape = "`''` for an apostrophe inside single quotes" if quote == "'" else '`\\"` for a quote inside them'
    end = len(lines[start.line].rstrip()) if start.line < len(lines) else None
    return (
        start.line + 1,
        start.column + 1,
        f"the quote {quote} opened here is never closed",
        f"end the text with {quote} on the same line; write {escape}",
        end,
    )


def _unclosed_bracket(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    context = error.context or ""
    if "flow" not in context or error.context_mark is None:
        return None
    opener = _last_open_bracket(lines, line, column)
    if opener is None:
        return None
    at_line, at_column, bracket = opener
    closing = "]" if bracket == "[" else "}"
    return (
        at_line,
        at_column,
        f"the `{bracket}` opened here is not closed with `{closing}` where the parser expected it (line {line})",
        f"close it with `{closing}` on the same line, quote items holding `,` `:` `[` or `]`, "
        "or write the list as `- ` items on their own lines",
        None,
    )


def _last_open_bracket(lines: list[str], line: int, column: int) -> tuple[int, int, str] | None:
    """The innermost `[` or `{` still open before (line, column), outside quotes and comments."""
    stack: list[tuple[int, int, str]] = []
    quote = ""
    for number, source in enumerate(lines[:line], start=1):
        stop = column - 1 if number == line else len(source)
        for index, char in enumerate(source[:stop]):
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"" and (index == 0 or source[index - 1] in " [{,:"):
                quote = char
            elif char == "#" and (index == 0 or source[index - 1] in " \t"):
                break
            elif char in "[{":
                stack.append((number, index + 1, char))
            elif char in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _flow_item(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    """A `[...]` closed on its line whose items YAML cannot read (an item holding `: ` or a bracket)."""
    if "flow" not in (error.context or "") or error.context_mark is None:
        return None
    opener = _last_open_bracket(lines, line, column) or (
        error.context_mark.line + 1,
        error.context_mark.column + 1,
        "[",
    )
    at_line, at_column, bracket = opener
    source = lines[at_line - 1] if 0 < at_line <= len(lines) else ""
    closing = "]" if bracket == "[" else "}"
    end = source.rfind(closing)
    if bracket != "[" or end < at_column:
        return None
    inner = source[at_column:end]
    from cjm.source_text import flow_item

    items = ", ".join(flow_item(item.strip()) for item in inner.split(",") if item.strip())
    key = _parse_line(at_line, source).key
    written = f"{key}: [{items}]" if key else f"[{items}]"
    message = "an item of this list holds a character YAML reads as structure (`: `, `?`, a bracket…), not as text"
    return at_line, at_column, message, f"quote such items: `{written}`", end + 1


def _stray_closer(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    if not 0 < line <= len(lines) or lines[line - 1][column - 1 : column] not in ("]", "}"):
        return None
    char = lines[line - 1][column - 1]
    return line, column, f"this `{char}` closes nothing: no list or mapping is open here", "remove it", None


_RESERVED = {
    "@": "which YAML reserves: unquoted text cannot start with it",
    "`": "which YAML reserves: unquoted text cannot start with it",
    "%": "which YAML reads as a directive: unquoted text cannot start with it",
    "*": "which YAML reads as a reference to an anchor (`*name`), not as text",
    "&": "which YAML reads as an anchor (`&name`), not as text",
    "|": "which YAML reads as the start of a block of text on the next lines",
    ">": "which YAML reads as the start of a folded block of text on the next lines",
    "[": "which YAML reads as the start of a list, not as text",
    "{": "which YAML reads as the start of a mapping, not as text",
}


def _reserved_start(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    """A plain value starting with a character YAML reads as structure (`@`, `*`, `|`, `[`…) on the error's line."""
    if not 0 < line <= len(lines):
        return None
    source = lines[line - 1]
    parsed = _parse_line(line, source)
    start = source.index(":", parsed.key_column) + 1 if parsed.key is not None else parsed.key_column
    while source[start : start + 1] == " ":
        start += 1
    char = source[start : start + 1]
    if not char or char not in _RESERVED or column - 1 < start:
        return None
    if char in "[{" and _closing_of(source, start) in (-1, len(source.split(" #")[0].rstrip()) - 1):
        return None  # a list or mapping that is not followed by text: another problem
    value = source[start:].split(" #")[0].strip()
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    written = f"{parsed.key}: {quoted}" if parsed.key else f"- {quoted}" if parsed.item else quoted
    message = f"this value starts with `{char}`, {_RESERVED[char]}"
    return line, start + 1, message, f"if it is text, put it in quotes: `{written}`", len(source.rstrip())


def _closing_of(source: str, start: int) -> int:
    """The index of the bracket closing the one at `start` on the same line (quotes skipped), or -1."""
    depth = 0
    quote = ""
    for index in range(start, len(source)):
        char = source[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _missing_colon(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    """A line that should be `key: value` but has no `: ` (`title:Checkout`, `title Checkout`)."""
    if "expected ':'" not in (error.problem or "") or error.context_mark is None:
        return None
    at = error.context_mark.line + 1
    source = lines[at - 1] if 0 < at <= len(lines) else ""
    stripped = source.strip()
    glued = re.match(r"(-\s+)?([A-Za-z_]+):(\S.*)$", stripped)
    if glued:
        key, value = glued.group(2), glued.group(3)
        return at, source.index(key) + 1, f"`{key}:` needs a space after the colon", f"write `{key}: {value}`", None
    spaced = re.match(r"(-\s+)?([A-Za-z_]+)\s+(.+)$", stripped)
    if spaced:
        key, value = spaced.group(2), spaced.group(3)
        message = f"this line has no `:` after its key `{key}`"
        return at, source.index(key) + 1, message, f"write `{key}: {value}`", len(source.rstrip())
    message = "this line is neither `key: value` nor a list item `- …`"
    return at, len(source) - len(source.lstrip()) + 1, message, None, len(source.rstrip())


def _dash_without_space(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    """`-name: Cart`: a list dash without its space is read as part of a key."""
    for number in range(min(line, len(lines)), max(0, line - 3), -1):
        source = lines[number - 1]
        match = re.match(r"\s*-([A-Za-z_]+):", source)
        if match:
            at = source.index("-") + 1
            key = match.group(1)
            return (
                number,
                at,
                f"`-{key}:` is read as a key: a list item's `-` needs a space after it",
                (f"write `- {key}:`"),
                None,
            )
    return None


def _after_quote(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    """Text after a closing quote on the same line (`title: "Café" crème`, `text: 'L'offre'`)."""
    if not 0 < line <= len(lines):
        return None
    source = lines[line - 1]
    before = source[: column - 1].rstrip()
    if not before or before[-1] not in "'\"" or column - 1 >= len(source) or source[column - 1] in "#":
        return None
    parsed = _parse_line(line, source)
    start = source.index(":", parsed.key_column) + 1 if parsed.key is not None else parsed.key_column
    while source[start : start + 1] == " ":
        start += 1
    if _quoted_end(source, start) != len(before) - 1:
        return None
    quote = before[-1]
    hint = (
        "put the whole text inside the quotes; inside single quotes write an apostrophe twice (`''`), "
        "or use double quotes"
        if quote == "'"
        else "put the whole text inside the quotes"
    )
    return line, column, "text after the closing quote: a quoted value must end at its closing quote", hint, None


def _quoted_end(source: str, start: int) -> int:
    """The index of the quote closing the quoted scalar that opens at `start`, or -1."""
    quote = source[start : start + 1]
    if quote not in ("'", '"'):
        return -1
    position = start + 1
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


def _colon_in_text(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    """`: ` inside a plain value on the line of its key: YAML reads it as a second key."""
    if "mapping values are not allowed" not in (error.problem or "") or not 0 < line <= len(lines):
        return None
    source = lines[line - 1]
    parsed = _parse_line(line, source)
    if parsed.key is None or parsed.key_column + len(parsed.key) >= column - 1:
        return None
    value_start = source.index(":", parsed.key_column + len(parsed.key)) + 1
    value = source[value_start:].split(" #")[0].strip()
    curly = value[:1] in "“«‘„" and value[-1:] in "”»’“"
    if curly:
        value = value[1:-1].strip()
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    hint = f"put the text in quotes: `{parsed.key}: {quoted}`"
    if curly:
        hint += "; curly quotes and guillemets are text to YAML, not quotes"
    message = "`: ` inside text: YAML reads the words before it as a new key"
    return line, column, message, hint, None


def _wrong_depth(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    """A key or list item whose indentation fits none of the open lists and mappings above it."""
    if not 0 < line <= len(lines):
        return None
    previous = _content_lines(lines[: line - 1])
    here = _parse_line(line, lines[line - 1])
    if not previous or (here.key is None and not here.item):
        return None
    what = "this list item" if here.item else f"`{here.key}:`"
    end = len(lines[line - 1].rstrip())
    last = previous[-1]
    if here.item and last.key is not None and not last.has_value and here.indent < last.key_column:
        hint = f"indent it under `{last.key}:` at line {last.number}: two spaces deeper than `{last.key}:`"
        return line, here.indent + 1, f"{what} is not indented under `{last.key}:`", hint, end
    candidates = _open_columns(previous, want_item=here.item)
    if here.item and not candidates and last.key is not None and last.has_value:
        message = f"a list item where a key is expected: `{last.key}:` at line {last.number} already holds a value"
        hint = f"to give `{last.key}` a list, leave its line empty after `{last.key}:` and indent the items under it"
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
    shown = f"the list item at line {target.number}" if here.item else f"`{target.key}:` at line {target.number}"
    message = f"{what} is at the wrong depth: {spaces} space{'s' if spaces != 1 else ''} {depth} than {shown}"
    if not here.item and depth == "deeper" and target.has_value:
        message += ", which already holds a value"
    hint = f"align it with {shown}"
    tied = [entry for column_, entry in candidates if column_ != target_column and abs(column_ - here.indent) == spaces]
    if tied and not here.item:
        hint += f", or with `{tied[0].key}:` at line {tied[0].number}, depending on what it belongs to"
    return line, here.indent + 1, message, hint, end


def _odd_one_out(previous: list[_Line], target: _Line, here: _Line) -> _Found | None:
    """When the key above is the one out of place: its neighbours before and after it align, it does not."""
    index = previous.index(target)
    if here.item or index == 0 or target.item:
        return None
    before = next((entry for entry in reversed(previous[:index]) if entry.key_column <= here.indent), None)
    if before is None or before.key is None or before.key_column != here.indent or target.key_column == here.indent:
        return None
    spaces = abs(target.key_column - here.indent)
    depth = "deeper" if target.key_column > here.indent else "less deep"
    message = (
        f"`{target.key}:` is at the wrong depth: {spaces} space{'s' if spaces != 1 else ''} {depth} than "
        f"`{before.key}:` at line {before.number} and `{here.key}:` at line {here.number}"
    )
    end = target.key_column + len(target.key or "") + 1
    return target.number, target.key_column + 1, message, f"align it with `{before.key}:` at line {before.number}", end


def _text_line(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> _Found | None:
    """A line of text that is not indented under the key whose text it continues."""
    if not 0 < line <= len(lines):
        return None
    here = _parse_line(line, lines[line - 1])
    previous = [entry for entry in _content_lines(lines[: line - 1]) if entry.key is not None or entry.item]
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
        message = f"this line of text is less indented than the first line of the text of `{owner.key}:` (line {first})"
        hint = f"indent every line of that text by {indent} spaces, like line {first}"
        return line, here.indent + 1, message, hint, end
    message = f"this line of text is not indented under `{owner.key}:` at line {owner.number}, whose text it continues"
    hint = f"indent it deeper than `{owner.key}:`, or join it to line {owner.number}"
    return line, here.indent + 1, message, hint, end


def _open_columns(previous: list[_Line], want_item: bool) -> list[tuple[int, _Line]]:
    """The columns a new key (or list item) may align with: the lists and mappings still open above."""
    found: list[tuple[int, _Line]] = []
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


def _content_lines(lines: list[str]) -> list[_Line]:
    found: list[_Line] = []
    block: int | None = None
    for number, source in enumerate(lines, start=1):
        stripped = source.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(source) - len(stripped)
        if block is not None and indent > block:
            continue
        parsed = _parse_line(number, source)
        # Deeper lines after a value are its text (a block or a continued plain value), not structure.
        if parsed.block_scalar or (parsed.has_value and parsed.key is not None):
            block = parsed.key_column
        elif parsed.has_value and parsed.item:
            block = parsed.indent
        else:
            block = None
        found.append(parsed)
    return found


def _parse_line(number: int, source: str) -> _Line:
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
        return _Line(number, indent, item, None, position, position < len(source), False)
    rest = source[match.end() :].split(" #")[0].strip()
    block = rest[:1] in ("|", ">")
    return _Line(number, indent, item, match.group("key").strip(), position, bool(rest), block)
