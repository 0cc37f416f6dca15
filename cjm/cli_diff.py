"""`cjm diff`: what changed between two versions of a map, as text, Markdown or JSON."""

from __future__ import annotations

from cjm.cli_validate import emit, use_color
from cjm.diagnostics import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from cjm.reporters import REPORTERS
from cjm.translation import use_language

DIFF_FORMATS = ("text", "md", "json")


def diff(old: str, new: str, output_format: str, exit_code: bool, lang: str | None) -> int:
    """Print the changes from `old` to `new` (paths or REV:path); the exit code.

    0, or with `exit_code` 1 when the maps differ; 2 when a side cannot be read or is not a valid
    map (its diagnostics on stderr). Without `lang` (the command's or the root's), a diff of two
    maps with the same locale speaks that locale.
    """
    from cjm import diff_report
    from cjm.diff import diff_journeys
    from cjm.pipeline import check_side

    sides = [check_side(old), check_side(new)]
    before, after = (side.journey if side.ok else None for side in sides)
    if before is None or after is None:
        report = REPORTERS["text"]([side for side in sides if side.diagnostics], use_color())
        emit("", report.stderr)
        return EXIT_USAGE
    changes = diff_journeys(before, after, old, new)
    if lang is None and before.locale == after.locale:
        use_language(before.locale)  # A diff of two French maps is French unless --lang says otherwise.
    if output_format == "md":
        emit(diff_report.diff_markdown(changes, before, after), "")
    elif output_format == "json":
        emit(diff_report.diff_json(changes), "")
    else:
        emit(diff_report.diff_text(changes), "")
    return EXIT_INVALID if exit_code and not changes.empty else EXIT_OK
