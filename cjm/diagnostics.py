"""Diagnostics: the one value every step reports problems with (the code table is `cjm.codes`).

Why: YAML syntax errors, schema errors, broken references and method warnings all end up in
the same list, sorted the same way and printed by the same reporters. A diagnostic is a plain
frozen value, never an exception, so a whole file's problems can be collected in one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cjm.codes import RULES, Rule, Severity

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


__all__ = ["RULES", "Diagnostic", "Rule", "Severity", "has_errors", "make", "sort_key"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in one file, positioned 1-based at the offending key or value.

    `end_column` (on `line`, inclusive) is where the offending value ends, when it is known;
    line and column 0 mean the problem has no position in the file (a missing file).
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str | None = None
    end_column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a diagnostic, as `--output-format json` prints it."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
            "end_column": self.end_column,
        }


def make(
    code: str,
    file: str,
    line: int,
    column: int,
    message: str,
    hint: str | None = None,
    severity: Severity | None = None,
    end_column: int | None = None,
) -> Diagnostic:
    """Build a diagnostic for a code of the table, taking its severity from the table."""
    rule = RULES[code]
    return Diagnostic(file, line, column, code, severity or rule.severity, message, hint, end_column)


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    """The one order diagnostics are reported in: file, line, column, code."""
    return (diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.code)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    """Whether any diagnostic is an error (warnings alone leave a map valid)."""
    return any(d.severity is Severity.ERROR for d in diagnostics)
