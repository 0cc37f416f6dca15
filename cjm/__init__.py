"""cjm: customer journey maps as code.

The small public API: `load` a journey file to a validated model, `check` a file for its
diagnostics, and `render` a model to one of the output formats.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["InvalidJourneyError", "__version__", "check", "load"]

if TYPE_CHECKING:
    from cjm.diagnostics import Diagnostic
    from cjm.model import Journey


class InvalidJourneyError(ValueError):
    """Raised by `load` when a file is not a valid journey map; `diagnostics` says why."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        first = diagnostics[0] if diagnostics else None
        where = f"{first.file}:{first.line}:{first.column}: {first.code} {first.message}" if first else "invalid"
        more = f" (and {len(diagnostics) - 1} more)" if len(diagnostics) > 1 else ""
        super().__init__(where + more)


def check(path: str | Path) -> list[Diagnostic]:
    """Every diagnostic (errors and warnings) of a journey file, sorted by position."""
    from cjm.pipeline import check_file

    return check_file(Path(path)).diagnostics


def load(path: str | Path) -> Journey:
    """Load a journey file to a validated model; raise InvalidJourneyError with its diagnostics if it is not valid."""
    from cjm.pipeline import check_file

    result = check_file(Path(path))
    if result.journey is None or not result.ok:
        raise InvalidJourneyError([d for d in result.diagnostics if d.severity == "error"])
    return result.journey
