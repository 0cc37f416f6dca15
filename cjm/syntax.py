"""Explain a YAML syntax error in the author's terms: which line, what is wrong with it, how to fix it.

Why not the parser's words: "did not find expected key (while parsing a block mapping)" tells a
marketer nothing, and a hint must never send them the wrong way (quotes for an indentation
problem). The parser's error only says where it gave up; this module looks at the source lines
around that place to find what happened: a key or a list item at the wrong depth, a tab, a quote
or bracket never closed, text after a closing quote, `: ` inside plain text.
"""

from __future__ import annotations

import re

from ruamel.yaml.error import MarkedYAMLError

from cjm.brackets import closing_of, flow_item_error, stray_closer, unclosed_bracket
from cjm.diagnostics import Diagnostic, make
from cjm.indentation import Found, parse_line, text_line, wrong_depth
from cjm.prescan import end_of_quoted
from cjm.translation import Message


def syntax_diagnostic(error: MarkedYAMLError, name: str, text: str) -> Diagnostic:
    """The CJM105 (or CJM111) diagnostic for a parser error, positioned and worded for a person."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = (error.problem or "invalid YAML").strip()
    context = (error.context or "").strip()
    if "expected a single document" in context:
        message = Message("the file holds more than one YAML document (`---`)")
        return make("CJM111", name, line, column, message, Message("keep one journey map per file"))
    explainers = (
        _quote_runs_on,
        _tab,
        _bad_escape,
        _unclosed_quote,
        flow_item_error,
        unclosed_bracket,
        stray_closer,
        _reserved_start,
        _after_quote,
        _dash_without_space,
        _missing_colon,
        _colon_in_text,
        text_line,
        wrong_depth,
    )
    for explain in explainers:
        found = explain(error, lines, line, column)
        if found is not None:
            at_line, at_column, message, hint, end = found
            return make("CJM105", name, at_line, at_column, message, hint, end_column=end)
    if context:
        message = Message("YAML syntax error: {problem} ({context})", problem=problem, context=context)
    else:
        message = Message("YAML syntax error: {problem}", problem=problem)
    return make("CJM105", name, line, column, message)


def _tab(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """A tab in the indentation of the error's line or of the two lines before it (YAML indents with spaces only).

    Why only those: a tab inside a text block far above is text, not the cause of this error.
    """
    for number in range(max(1, line - 2), min(line, len(lines)) + 1):
        source = lines[number - 1]
        leading = source[: len(source) - len(source.lstrip(" \t"))]
        if "\t" in leading or (number == line and source[column - 1 : column] == "\t"):
            at = leading.index("\t") + 1 if "\t" in leading else column
            message = Message("a tab in the indentation: YAML indents with spaces only")
            return number, at, message, Message("replace the tab with spaces (two per level)"), None
    return None


_STRUCTURE = re.compile(r"^\s*(?:- |[A-Za-z_]+:(?:\s|$))")


def _quote_runs_on(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """A quote opened and not closed on its line, whose text then swallows lines that look like keys or items.

    Why: YAML lets quoted text run over several lines, so a forgotten closing quote makes the
    parser read on to the next quote, maybe many lines below, and fail far from the cause.
    """
    number = 1
    while number <= min(line, len(lines)):
        source = lines[number - 1]
        parsed = parse_line(number, source)
        start = source.find(":", parsed.key_column) + 1 if parsed.key is not None else parsed.key_column
        while 0 < start < len(source) and source[start] == " ":
            start += 1
        quote = source[start : start + 1] if start > 0 or parsed.item else ""
        if quote not in ("'", '"') or _quoted_end(source, start) >= 0:
            number += 1
            continue
        closing = _closing_line(lines, number, quote)
        last = closing if closing is not None else len(lines)
        swallowed = [n for n in range(number + 1, last + 1) if _STRUCTURE.match(lines[n - 1])]
        if swallowed:
            where = (
                Message("to line {line}", line=closing) if closing is not None else Message("to the end of the file")
            )
            message = Message(
                "the quote {quote} opened here is not closed on its line: YAML reads on {where}, "
                "taking line {line} and the lines between as text",
                quote=quote,
                where=where,
                line=swallowed[0],
            )
            hint = _close_quote_hint(quote)
            return number, start + 1, message, hint, len(source.rstrip())
        number = last + 1
    return None


def _closing_line(lines: list[str], opened: int, quote: str) -> int | None:
    """The line where a quoted text opened on line `opened` (and not closed there) ends, or None."""
    for number in range(opened + 1, len(lines) + 1):
        if end_of_quoted(lines[number - 1], 0, quote) >= 0:
            return number
    return None


def _bad_escape(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """A backslash in double quotes followed by what YAML cannot read as an escape (`"C:\\Users"`, `"50\\%"`).

    Why not "quote never closed": the parser stops at the escape, inside the quotes; the cause is
    the backslash, which in double quotes starts an escape (`\\n` is a line break).
    """
    problem = error.problem or ""
    if ("escape" not in problem and "hexdecimal" not in problem) or not 0 < line <= len(lines):
        return None
    source = lines[line - 1]
    backslash = source.rfind("\\", 0, column)
    if backslash < 0:
        return None
    escape = source[backslash : backslash + 2]
    opening = source.rfind('"', 0, backslash)
    closing = _quoted_end(source, opening) if opening >= 0 else -1
    message = Message(
        "`{escape}` inside double quotes: a backslash there starts an escape (`\\n` is a line break), "
        "and YAML knows no escape `{escape}`",
        escape=escape,
    )
    if opening < 0 or closing < 0:
        hint = Message("write `\\\\` for each backslash, or put the text in single quotes")
    else:
        text = source[opening + 1 : closing]
        parsed = parse_line(line, source)
        quoted = "'" + text.replace("'", "''") + "'"
        in_flow = source[:opening].rstrip()[-1:] in ("[", ",", "{")
        written = quoted if in_flow or parsed.key is None else parsed.key + ": " + quoted
        hint = Message(
            "write `\\\\` for each backslash, or put the text in single quotes: `{written}`", written=written
        )
    return line, backslash + 1, message, hint, backslash + 2


def _unclosed_quote(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    if "quoted scalar" not in (error.context or "") or error.context_mark is None:
        return None
    start = error.context_mark
    quote = lines[start.line][start.column : start.column + 1] if start.line < len(lines) else '"'
    end = len(lines[start.line].rstrip()) if start.line < len(lines) else None
    message = Message("the quote {quote} opened here is never closed", quote=quote)
    return start.line + 1, start.column + 1, message, _close_quote_hint(quote), end


def _close_quote_hint(quote: str) -> Message:
    """How to end a quoted text, and how to write its own quote character inside it."""
    if quote == "'":
        return Message(
            "end the text with {quote} on the same line; write `''` for an apostrophe inside single quotes",
            quote=quote,
        )
    return Message('end the text with {quote} on the same line; write `\\"` for a quote inside them', quote=quote)


_RESERVED: dict[str, Message] = {
    "@": Message("which YAML reserves: unquoted text cannot start with it"),
    "`": Message("which YAML reserves: unquoted text cannot start with it"),
    "%": Message("which YAML reads as a directive: unquoted text cannot start with it"),
    "*": Message("which YAML reads as a reference to an anchor (`*name`), not as text"),
    "&": Message("which YAML reads as an anchor (`&name`), not as text"),
    "|": Message("which YAML reads as the start of a block of text on the next lines"),
    ">": Message("which YAML reads as the start of a folded block of text on the next lines"),
    "[": Message("which YAML reads as the start of a list, not as text"),
    "{": Message("which YAML reads as the start of a mapping, not as text"),
}


def _reserved_start(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """A plain value starting with a character YAML reads as structure (`@`, `*`, `|`, `[`…) on the error's line."""
    if not 0 < line <= len(lines):
        return None
    source = lines[line - 1]
    parsed = parse_line(line, source)
    start = source.index(":", parsed.key_column) + 1 if parsed.key is not None else parsed.key_column
    while source[start : start + 1] == " ":
        start += 1
    char = source[start : start + 1]
    if not char or char not in _RESERVED or column - 1 < start:
        return None
    if char in "[{" and closing_of(source, start) in (-1, len(source.split(" #")[0].rstrip()) - 1):
        return None  # a list or mapping that is not followed by text: another problem
    value = source[start:].split(" #")[0].strip()
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    written = parsed.key + ": " + quoted if parsed.key else "- " + quoted if parsed.item else quoted
    message = Message("this value starts with `{char}`, {why}", char=char, why=_RESERVED[char])
    hint = Message("if it is text, put it in quotes: `{written}`", written=written)
    return line, start + 1, message, hint, len(source.rstrip())


def _missing_colon(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """A line that should be `key: value` but has no `: ` (`title:Checkout`, `title Checkout`)."""
    if "expected ':'" in (error.problem or "") and error.context_mark is not None:
        at = error.context_mark.line + 1
    elif "mapping values are not allowed" in (error.problem or "") and 1 < line <= len(lines):
        at = _previous_content(lines, line)
        here = parse_line(line, lines[line - 1])
        glued_above = at > 0 and re.match(r"\s*(-\s+)?[A-Za-z_]+:\S", lines[at - 1]) is not None
        if at == 0 or (":" in lines[at - 1] and not glued_above) or parse_line(at, lines[at - 1]).indent > here.indent:
            return None
    else:
        return None
    source = lines[at - 1] if 0 < at <= len(lines) else ""
    stripped = source.strip()
    glued = re.match(r"(-\s+)?([A-Za-z_]+):(\S.*)$", stripped)
    if glued:
        key, value = glued.group(2), glued.group(3)
        message = Message("`{key}:` needs a space after the colon", key=key)
        hint = Message("write `{written}`", written=key + ": " + value)
        return at, source.index(key) + 1, message, hint, len(source.rstrip())
    spaced = re.match(r"(-\s+)?([A-Za-z_]+)\s+(.+)$", stripped)
    if spaced:
        key, value = spaced.group(2), spaced.group(3)
        message = Message("this line has no `:` after its key `{key}`", key=key)
        hint = Message("write `{written}`", written=key + ": " + value)
        return at, source.index(key) + 1, message, hint, len(source.rstrip())
    message = Message("this line is neither `key: value` nor a list item `- …`")
    return at, len(source) - len(source.lstrip()) + 1, message, None, len(source.rstrip())


def _previous_content(lines: list[str], line: int) -> int:
    """The number of the last line before `line` holding something other than blanks or a comment, or 0."""
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return 0


def _dash_without_space(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """`-name: Cart` or `-Expensive`: a list dash without its space is read as part of a key or of text."""
    for number in range(min(line, len(lines)), max(0, line - 3), -1):
        source = lines[number - 1]
        match = re.match(r"\s*-([^\W\d_]\w*)(:)(?:\s|$)", source) or re.match(
            r"\s*-([^\W\d_][^#:]*?)()\s*(?:#.*)?$", source
        )
        if match:
            at = source.index("-") + 1
            words, is_key = match.group(1).rstrip(), match.group(2) == ":"
            if is_key:
                message = Message("`-{words}:` is read as a key: a list item's `-` needs a space after it", words=words)
            else:
                message = Message(
                    "`-{words}` is read as text: a list item's `-` needs a space after it", words=words[:20]
                )
            hint = Message("write `{written}`", written="- " + words + (":" if is_key else ""))
            return number, at, message, hint, len(source.rstrip())
    return None


def _after_quote(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """Text after a closing quote on the same line (`title: "Café" crème`, `text: 'L'offre'`)."""
    if not 0 < line <= len(lines):
        return None
    source = lines[line - 1]
    before = source[: column - 1].rstrip()
    if not before or before[-1] not in "'\"" or column - 1 >= len(source) or source[column - 1] in "#":
        return None
    parsed = parse_line(line, source)
    start = source.index(":", parsed.key_column) + 1 if parsed.key is not None else parsed.key_column
    while source[start : start + 1] == " ":
        start += 1
    if _quoted_end(source, start) != len(before) - 1:
        return None
    quote = before[-1]
    hint = (
        Message(
            "put the whole text inside the quotes; inside single quotes write an apostrophe twice (`''`), "
            "or use double quotes"
        )
        if quote == "'"
        else Message("put the whole text inside the quotes")
    )
    message = Message("text after the closing quote: a quoted value must end at its closing quote")
    return line, column, message, hint, None


def _quoted_end(source: str, start: int) -> int:
    """The index of the quote closing the quoted scalar that opens at `start`, or -1."""
    quote = source[start : start + 1]
    if quote not in ("'", '"'):
        return -1
    return end_of_quoted(source, start + 1, quote)


def _colon_in_text(error: MarkedYAMLError, lines: list[str], line: int, column: int) -> Found | None:
    """`: ` inside a plain value on the line of its key: YAML reads it as a second key."""
    if "mapping values are not allowed" not in (error.problem or "") or not 0 < line <= len(lines):
        return None
    source = lines[line - 1]
    parsed = parse_line(line, source)
    if parsed.key is None or parsed.key_column + len(parsed.key) >= column - 1:
        return None
    value_start = source.index(":", parsed.key_column + len(parsed.key)) + 1
    value = source[value_start:].split(" #")[0].strip()
    curly = value[:1] in "“«‘„" and value[-1:] in "”»’“"
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    written = parsed.key + ": " + quoted
    hint = (
        Message(
            "put the text in quotes: `{written}` (curly quotes and guillemets are text to YAML, not quotes)",
            written=written,
        )
        if curly
        else Message("put the text in quotes: `{written}`", written=written)
    )
    message = Message("`: ` inside text: YAML reads the words before it as a new key")
    return line, column, message, hint, None
