"""Reporters turn diagnostics into text for people, JSON for tools or GitHub workflow annotations.

A reporter returns what to print on stdout and on stderr; the CLI does the printing.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, Protocol

from cjm.diagnostics import Diagnostic, Severity
from cjm.translation import _, current_language, ngettext, pgettext, translate


class Report(NamedTuple):
    """What a reporter wants printed: `stdout` for data, `stderr` for people."""

    stdout: str = ""
    stderr: str = ""


class Reported(Protocol):
    """What a reporter reads of a file's result: the pipeline's FileResult and a build's slim BuildResult both fit."""

    @property
    def ok(self) -> bool:
        """Whether the file is a valid map."""

    @property
    def diagnostics(self) -> Sequence[Diagnostic]:
        """Its diagnostics, sorted."""

    @property
    def text(self) -> str | None:
        """Its source text, for the caret lines."""


Reporter = Callable[[Sequence[Reported], bool], Report]
Segment = tuple[str, str]
"""A piece of the text report and its rich style ("" for none); one list of them is printed plain or in colour."""


def report_text(results: Sequence[Reported], color: bool) -> Report:
    """Human-readable diagnostics with the offending source line and a caret, then a summary, for stderr."""
    blocks = [report_file_text(result, color) for result in results]
    return Report(stderr="".join(blocks) + styled([(summarize(results), "bold"), ("\n", "")], color))


def report_file_text(result: Reported, color: bool) -> str:
    """The text report of one file's diagnostics (no summary): what a batch prints as each file is done."""
    lines = [line.removesuffix("\r") for line in result.text.split("\n")] if result.text else []
    segments: list[Segment] = []
    for diagnostic in result.diagnostics:
        style = "bold red" if diagnostic.severity is Severity.ERROR else "bold yellow"
        segments += [
            (f"{_where(diagnostic)}: ", "bold"),
            (f"{severity_word(diagnostic.severity)} {diagnostic.code}", style),
            (f" {translate(diagnostic.message)}\n", ""),
        ]
        if 0 < diagnostic.line <= len(lines):
            source = lines[diagnostic.line - 1].replace("\t", " ")
            gutter = f"{diagnostic.line:>5} │ "
            width = _caret_width(source, diagnostic)
            caret = " " * (diagnostic.column - 1) + "^" * width
            segments += [(gutter, "dim"), (source + "\n", ""), (" " * (len(gutter) - 2) + "│ ", "dim")]
            segments += [(caret, style), ("\n", "")]
        if diagnostic.hint:
            label = _("hint:")
            segments += [(f"      {label} ", "cyan"), (translate(diagnostic.hint) + "\n", "")]
    return styled(segments, color)


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


def styled(segments: Sequence[Segment], color: bool) -> str:
    """The segments as plain text, or coloured by rich when printing to a terminal.

    Why rich only for colour: importing it costs more than checking a map, and plain text
    needs nothing from it.
    """
    if not color:
        return "".join(text for text, _ in segments)
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, highlight=False, soft_wrap=True, width=200)
    console.print(Text.assemble(*segments), end="")
    return buffer.getvalue()


def summarize(results: Sequence[Reported]) -> str:
    """One line: how many files, how many invalid, how many errors and warnings."""
    tally = Tally()
    for result in results:
        tally.add(result)
    return tally.line()


class Tally:
    """The counts a summary line gives, added up as results come (a batch does not keep its results)."""

    __slots__ = ("errors", "files", "invalid", "warnings")

    def __init__(self) -> None:
        self.files = self.invalid = self.errors = self.warnings = 0

    def add(self, result: Reported) -> None:
        """Count one file's result."""
        self.files += 1
        self.invalid += not result.ok
        self.errors += sum(1 for d in result.diagnostics if d.severity is Severity.ERROR)
        self.warnings += sum(1 for d in result.diagnostics if d.severity is Severity.WARNING)

    def line(self) -> str:
        """The summary in the run's language: "3 files valid (2 warnings)", "1 of 3 files invalid (…)"."""
        files = ngettext("{count} file", "{count} files", self.files).format(count=self.files)
        warnings = ngettext("{count} warning", "{count} warnings", self.warnings).format(count=self.warnings)
        if self.invalid:
            errors = ngettext("{count} error", "{count} errors", self.errors).format(count=self.errors)
            line = ngettext(
                "{invalid} of {files} invalid ({errors}, {warnings})",
                "{invalid} of {files} invalid ({errors}, {warnings})",
                self.invalid,
            )
            return line.format(invalid=self.invalid, files=files, errors=errors, warnings=warnings)
        line = ngettext("{files} valid", "{files} valid", self.files).format(files=files)
        return line + (f" ({warnings})" if self.warnings else "")


def build_summary(
    built: int, total: int, formats: Sequence[str], written: int, seconds: float, failed: int, cached: int = 0
) -> str:
    """The line `cjm build` ends with, in the run's language: files built, outputs written, time, cache, failures."""
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
    line += _(" ({cached} from the cache)").format(cached=cached) if cached else ""
    return line + (_(", {failed} failed").format(failed=failed) if failed else "")


def severity_word(severity: Severity) -> str:
    """`error` or `warning` as the text report writes it in the run's language (JSON keeps the English value)."""
    words = {Severity.ERROR: pgettext("severity", "error"), Severity.WARNING: pgettext("severity", "warning")}
    return words[severity]


def translated(diagnostic: Diagnostic) -> dict[str, Any]:
    """A diagnostic's JSON shape with its message and hint in the run's language; keys and codes unchanged."""
    return {**diagnostic.to_dict(), "message": translate(diagnostic.message), "hint": translate(diagnostic.hint)}


def report_json(results: Sequence[Reported], color: bool) -> Report:
    """A JSON list of diagnostics (file, line, column, code, severity, message, hint, end_column) on stdout."""
    payload = [_positioned(translated(diagnostic)) for result in results for diagnostic in result.diagnostics]
    return Report(stdout=json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def _positioned(item: dict[str, Any]) -> dict[str, Any]:
    """A diagnostic without a position has `null` line and column in JSON, not a made-up 1:1."""
    if item["line"] <= 0:
        item = {**item, "line": None, "column": None}
    return item


def report_github(results: Sequence[Reported], color: bool) -> Report:
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
