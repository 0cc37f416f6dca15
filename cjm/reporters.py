"""Reporters turn diagnostics into text for people, JSON for tools or GitHub workflow annotations.

A reporter returns what to print on stdout and on stderr; the CLI does the printing.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cjm.diagnostics import Diagnostic, Severity
from cjm.translation import _, current_language, ngettext, pgettext, translate

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
        lines = result.text.splitlines() if result.text else []
        for diagnostic in result.diagnostics:
            style = "bold red" if diagnostic.severity is Severity.ERROR else "bold yellow"
            head = Text()
            head.append(f"{diagnostic.file}:{diagnostic.line}:{diagnostic.column}: ", style="bold")
            head.append(f"{severity_word(diagnostic.severity)} {diagnostic.code}", style=style)
            head.append(f" {translate(diagnostic.message)}")
            console.print(head)
            if 0 < diagnostic.line <= len(lines):
                source = lines[diagnostic.line - 1].replace("\t", " ")
                gutter = f"{diagnostic.line:>5} │ "
                console.print(Text(gutter, style="dim") + Text(source))
                width = _token_width(source, diagnostic.column - 1)
                caret = " " * (diagnostic.column - 1) + "^" * width
                console.print(Text(" " * (len(gutter) - 2) + "│ ", style="dim") + Text(caret, style=style))
            if diagnostic.hint:
                label = _("hint:")
                console.print(Text(f"      {label} ", style="cyan") + Text(translate(diagnostic.hint)))
    console.print(Text(summarize(results), style="bold"))
    return Report(stderr=buffer.getvalue())


def summarize(results: Sequence[FileResult]) -> str:
    """One line in the run's language: how many files, how many invalid, how many errors and warnings."""
    files = len(results)
    invalid = sum(1 for result in results if not result.ok)
    errors = sum(1 for r in results for d in r.diagnostics if d.severity is Severity.ERROR)
    warnings = sum(1 for r in results for d in r.diagnostics if d.severity is Severity.WARNING)
    files_text = ngettext("{count} file", "{count} files", files).format(count=files)
    warnings_text = ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings)
    if invalid:
        errors_text = ngettext("{count} error", "{count} errors", errors).format(count=errors)
        line = ngettext(
            "{invalid} of {files} invalid ({errors}, {warnings})",
            "{invalid} of {files} invalid ({errors}, {warnings})",
            invalid,
        )
        return line.format(invalid=invalid, files=files_text, errors=errors_text, warnings=warnings_text)
    line = ngettext("{files} valid", "{files} valid", files).format(files=files_text)
    return line + (f" ({warnings_text})" if warnings else "")


def build_summary(built: int, total: int, formats: Sequence[str], written: int, seconds: float, failed: int) -> str:
    """The line `cjm build` ends with, in the run's language: files built, outputs written, time, failures."""
    from cjm.formatting import number

    line = ngettext(
        "built {built} of {files} ({formats}): {outputs} in {seconds} s",
        "built {built} of {files} ({formats}): {outputs} in {seconds} s",
        built,
    ).format(
        built=built,
        files=ngettext("{count} file", "{count} files", total).format(count=total),
        formats=", ".join(formats),
        outputs=ngettext("{count} output", "{count} outputs", written).format(count=written),
        seconds=number(seconds, current_language(), "0.0"),
    )
    return line + (_(", {failed} failed").format(failed=failed) if failed else "")


def severity_word(severity: Severity) -> str:
    """`error` or `warning` as the text report writes it in the run's language (JSON keeps the English value)."""
    words = {Severity.ERROR: pgettext("severity", "error"), Severity.WARNING: pgettext("severity", "warning")}
    return words[severity]


def translated(diagnostic: Diagnostic) -> dict[str, object]:
    """A diagnostic's JSON shape with its message and hint in the run's language; keys and codes unchanged."""
    return {**diagnostic.to_dict(), "message": translate(diagnostic.message), "hint": translate(diagnostic.hint)}


def report_json(results: Sequence[FileResult], color: bool) -> Report:
    """A JSON list of diagnostics (file, line, column, code, severity, message, hint) on stdout."""
    payload = [translated(diagnostic) for result in results for diagnostic in result.diagnostics]
    return Report(stdout=json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


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
                    ("title", d.code),
                )
            )
            message = translate(d.message) + (_(" (hint: {hint})").format(hint=translate(d.hint)) if d.hint else "")
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
