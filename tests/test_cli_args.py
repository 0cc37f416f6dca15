"""The lean reading of `cjm validate` and `cjm build` reads each line it takes as typer does, and leaves the rest.

Typer's reading is the reference: the click command typer makes from `cjm.cli_app` parses the
same line, runs its callbacks and gives the parameters it would pass to the command.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from cjm.cli_app import app
from cjm.cli_args import OPTIONS, format_names, lean_call, parse_today, reporter_name, view_names
from cjm.translation import current_language, use_language
from tests.conftest import EXAMPLES, ROOT

EXAMPLE = str(EXAMPLES[0])


def typer_reading(argv: list[str]) -> tuple[str, dict[str, Any], dict[str, Any], str]:
    """The command, its parameters, the root's parameters and the language, as typer reads a line."""
    group = get_command(app)
    context = group.make_context("cjm", list(argv))
    name, command, rest = group.resolve_command(context, [*context._protected_args, *context.args])
    assert name is not None and command is not None
    sub = command.make_context(name, rest, parent=context)
    root = {"debug": context.params["debug"], "lang": context.params["lang"]}
    return name, dict(sub.params), root, current_language()


TAKEN = [
    ["validate", EXAMPLE],
    ["validate", EXAMPLE, "examples/"],
    ["validate", "-F", "json", EXAMPLE],
    ["validate", "-Fgithub", EXAMPLE, "--strict"],
    ["validate", "--output-format=json", "--output-format", "text", EXAMPLE],
    ["validate", EXAMPLE, "--today", "2026-11-25", "-j", "3", "--no-cache", "--shard", "2/4"],
    ["validate", "-j2", "--today=2026-01-31", EXAMPLE],
    ["validate", "--lang", "fr", EXAMPLE],
    ["--lang", "fr", "validate", EXAMPLE],
    ["--lang", "fr", "validate", "--lang=en", EXAMPLE],
    ["--debug", "validate", EXAMPLE],
    ["validate", "--", EXAMPLE],
    ["build", EXAMPLE],
    ["build", EXAMPLE, "-f", "svg", "-f", "png,HTML", "-f", " md , svg"],
    ["build", EXAMPLE, "--format=svg", "--view", "flow,slide", "--view=map", "-o", "out"],
    ["build", "-fsvg", "-oout/maps", "--out-dir", "site", EXAMPLE],
    ["build", EXAMPLE, "-f", "svg", "--stdout", "--strict", "-F", "json", "--no-cache"],
    ["build", EXAMPLE, "-j", "1", "--shard", "1/2", "--today", "2026-02-28", "--lang", "fr"],
]


@pytest.mark.parametrize("argv", TAKEN, ids=" ".join)
def test_a_line_the_lean_reading_takes_reads_as_typer_reads_it(argv: list[str]) -> None:
    use_language("en")
    command, params, root, language = typer_reading(argv)
    use_language("en")
    call = lean_call(argv)
    assert call is not None
    assert (call.command, call.params, call.root, current_language()) == (command, params, root, language)


LEFT = [
    [],
    ["--help"],
    ["--version"],
    ["validate"],
    ["validate", "--help"],
    ["validate", "-h", EXAMPLE],
    ["validate", "--strict=yes", EXAMPLE],
    ["validate", "-F", "xml", EXAMPLE],
    ["validate", "-F"],
    ["validate", "--frobnicate", EXAMPLE],
    ["validate", "--lang", "xx", EXAMPLE],
    ["--lang", "xx", "validate", EXAMPLE],
    ["validate", "-j", "0", EXAMPLE],
    ["validate", "-j", "two", EXAMPLE],
    ["validate", "--today", "yesterday", EXAMPLE],
    ["validate", "-", EXAMPLE],
    ["validate", "-o", "out", EXAMPLE],
    ["build", EXAMPLE, "-f", "pdf"],
    ["build", EXAMPLE, "--view", "poster"],
    ["build", EXAMPLE, "-o", EXAMPLE],
    ["build", EXAMPLE, "-o", "-"],
    ["build", "-o", "--stdout", EXAMPLE],
    ["diff", EXAMPLE, EXAMPLE],
    ["rules"],
    ["cache", "info"],
    ["--version", "validate", EXAMPLE],
]


@pytest.mark.parametrize("argv", LEFT, ids=lambda argv: " ".join(argv) or "(nothing)")
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert lean_call(argv) is None


def test_every_option_the_lean_reading_knows_is_an_option_of_the_app() -> None:
    group = get_command(app)
    context = group.make_context("cjm", ["validate", EXAMPLE])
    spelled = {name for param in group.params for name in param.opts}
    for command_name in ("validate", "build"):
        command = group.get_command(context, command_name)
        assert command is not None
        spelled |= {name for param in command.params for name in param.opts}
    assert {name for option in OPTIONS.values() for name in option.names} <= spelled


def test_checks_say_what_is_wrong() -> None:
    assert format_names(["SVG, png", "svg"]) == ["svg", "png"]
    assert view_names(None) == []
    assert parse_today("2026-11-25") == datetime.date(2026, 11, 25)
    with pytest.raises(ValueError, match="'pdf' is not one of svg"):
        format_names(["pdf"])
    with pytest.raises(ValueError, match="'poster' is not one of map, flow, slide"):
        view_names(["poster"])
    with pytest.raises(ValueError, match="'xml' is not one of text, json, github"):
        reporter_name("xml")
    with pytest.raises(ValueError, match="'tomorrow' is not a date like 2026-11-25"):
        parse_today("tomorrow")


def test_validate_and_build_do_not_import_typer(tmp_path: Path) -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['cjm', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('cjm', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "sys.__stdout__.write(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    for argv in (["validate", EXAMPLE], ["build", EXAMPLE, "-f", "md", "-o", str(tmp_path)]):
        done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=ROOT, check=True)
        loaded = set(done.stdout.split())
        assert "cjm" in loaded
        assert not loaded & {"typer", "click", "rich"}, argv
    assert (tmp_path / f"{EXAMPLES[0].stem}.md").is_file()
