"""YAML syntax errors in flow collections (`[a, b]`, `{k: v}`), explained: a bracket left open, one closing
nothing, an item holding a character YAML reads as structure.

Part of `cjm.syntax` (which tries these explainers in turn); kept apart so each module stays short.
"""

from __future__ import annotations

from ruamel.yaml.error import MarkedYAMLError

from cjm.indentation import Found, parse_line
from cjm.translation import Message


def unclosed_bracket(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """A `[` or `{` not closed where the parser expected its `]` or `}`."""
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
        Message(
            "the `{bracket}` opened here is not closed with `{closing}` where the parser expected it (line {line})",
            bracket=bracket,
            closing=closing,
            line=line,
        ),
        Message(
            "close it with `{closing}` on the same line, quote items holding `,` `:` `[` or `]`, "
            "or write the list as `- ` items on their own lines",
            closing=closing,
        ),
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


def flow_item_error(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
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
    key = parse_line(at_line, source).key
    written = (key + ": " if key else "") + "[" + items + "]"
    message = Message(
        "an item of this list holds a character YAML reads as structure (`: `, `?`, a bracket…), not as text"
    )
    return at_line, at_column, message, Message("quote such items: `{written}`", written=written), end + 1


def stray_closer(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """A `]` or `}` that closes nothing."""
    if not 0 < line <= len(lines) or lines[line - 1][column - 1 : column] not in ("]", "}"):
        return None
    char = lines[line - 1][column - 1]
    message = Message("this `{char}` closes nothing: no list or mapping is open here", char=char)
    return line, column, message, Message("remove it"), None


def closing_of(source: str, start: int) -> int:
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
