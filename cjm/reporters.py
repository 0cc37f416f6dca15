"""Reporters turn diagnostics into text for people, JSON for tools or GitHub workflow annotations.

A reporter returns what to print on stdout and on stderr; the CLI does the printing.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cjm.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from cjm.pipeline import FileResult


@dataclass(frozen=True)
class Report:
    """What a reporter wants printed: `stdout` for data, `stderr` for people."""

    stdout: str = ""
    stderr: str = ""


Reporter = Callable[[Sequence["FileResult"], bool], Report]


def report_text(results: Sequence[FileResult], color: bool) -> Report:
    """Human-readable diagnostics with the offending source line and a caret, then a summary, for stderr."""
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True, width=200)
    for result in results:
        lines = [line.removesuffix("\r") for line in result.text.split("\n")] if result.text else []
        for diagnostic in result.diagnostics:
            style = "bold red" if diagnostic.severity is Severity.ERROR else "bold yellow"
            head = Text()
            head.append(f"{_where(diagnostic)}: ", style="bold")
            head.append(f"{diagnostic.severity} {diagnostic.code}", style=style)
            head.append(f" {diagnostic.message}")
            console.print(head)
            if 0 < diagnostic.line <= len(lines):
                source = lines[diagnostic.line - 1].replace("\t", " ")
                gutter = f"{diagnostic.line:>5} │ "
                console.print(Text(gutter, style="dim") + Text(source))
                width = _caret_width(source, diagnostic)
                caret = " " * (diagnostic.column - 1) + "^" * width
                console.print(Text(" " * (len(gutter) - 2) + "│ ", style="dim") + Text(caret, style=style))
            if diagnostic.hint:
                console.print(Text("      hint: ", style="cyan") + Text(diagnostic.hint))
    console.print(Text(summarize(results), style="bold"))
    return Report(stderr=buffer.getvalue())


def _where(diagnostic: Diagnostic) -> str:
    """`file:line:column`, or just the file when the problem has no position (a missing file)."""
    if diagnostic.line <= 0:
        return diagnostic.file
    return f"{diagnostic.file}:{diagnostic.line}:{diagnostic.column}"


def _caret_width(source: str, diagnostic: Diagnostic) -> int:
    """How many characters the caret underlines: to the value's known end, else the token at the column."""
    if diagnostic.end_column is not None and diagnostic.end_column >= diagnostic.column:
        return min(diagnostic.end_column, max(len(source), diagnostic.column)) - diagnostic.column + 1
    return _token_width(source, diagnostic.column - 1)


def summarize(results: Sequence[FileResult]) -> str:
    """One line: how many files, how many invalid, how many errors and warnings."""
    files = len(results)
    invalid = sum(1 for result in results if not result.ok)
    errors = sum(1 for r in results for d in r.diagnostics if d.severity is Severity.ERROR)
    warnings = sum(1 for r in results for d in r.diagnostics if d.severity is Severity.WARNING)
    counted = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    if invalid:
        return f"{invalid} of {_plural(files, 'file')} invalid ({counted})"
    return f"{_plural(files, 'file')} valid" + (f" ({_plural(warnings, 'warning')})" if warnings else "")


def report_json(results: Sequence[FileResult], color: bool) -> Report:
    """A JSON list of diagnostics (file, line, column, code, severity, message, hint) on stdout."""
    payload = [_positioned(diagnostic.to_dict()) for result in results for diagnostic in result.diagnostics]
    return Report(stdout=json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def _positioned(item: dict[str, Any]) -> dict[str, Any]:
    """A diagnostic without a position has `null` line and column in JSON, not a made-up 1:1."""
    if item["line"] <= 0:
        item = {**item, "line": None, "column": None}
    return item


def report_github(results: Sequence[FileResult], color: bool) -> Report:
    """GitHub Actions workflow commands (`::error file=…,line=…::…`) that annotate a pull request."""
    out = []
    for result in results:
        for d in result.diagnostics:
            command = "error" if d.severity is Severity.ERROR else "warning"
            properties = ",".join(
                f"{key}={_escape_property(value)}"
                for key, value in (
                    ("file", d.file),
                    ("line", str(d.line)),
                    ("col", str(d.column)),
                    ("endColumn", str(d.end_column or "")),
                    ("title", d.code),
                )
                if value and value != "0"
            )
            message = d.message + (f" (hint: {d.hint})" if d.hint else "")
            out.append(f"::{command} {properties}::{_escape_data(message)}\n")
    return Report(stdout="".join(out), stderr=summarize(results) + "\n")


REPORTERS: dict[str, Reporter] = {"text": report_text, "json": report_json, "github": report_github}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


_TOKEN = re.compile(r"[^\s:,\]\}#]+")


def _token_width(line: str, start: int) -> int:
    match = _TOKEN.match(line, start) if 0 <= start < len(line) else None
    return max(1, len(match.group(0))) if match else 1


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
