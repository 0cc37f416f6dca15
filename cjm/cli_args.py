"""The command line's options, their checks, and the lean reading of a plain `cjm validate` or `cjm build`.

One place for each option: its spellings, help and metavar are `OPTIONS`' (the typer definitions
in `cjm.cli_app` are made from them), and its checks are the functions here, which both the typer
callbacks and the lean reading call.

Why a lean reading: typer builds the whole command tree and a pydantic adapter per argument
before it runs a command, which cost a validation of one map about as much as importing
pydantic. `lean_call` reads the command lines a hook or a CI job writes (known options, valid
values) without typer, and answers None for anything else (help, an unknown or misspelt option,
a value that does not check): typer then reads the line as always and reports the problem. When
both read a line, they read the same values (tests/test_cli_args.py compares them).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from cjm.reporters import REPORTERS
from cjm.translation import LANGUAGES, N_, _, choose_language, use_language

VIEW_NAMES = ("map", "flow", "slide")
FILES_METAVAR = N_("FILE")
"""How the help and the usage errors name the journey files, directories and patterns a command takes."""


class UsageError(Exception):
    """A command line that names no map or combines options wrongly: exit 2 with the usage.

    `param_hint` names the argument at fault (`FILES`, `--shard`); `note` is what the run has to
    say first (the files it skipped). Raised before the command prints or writes anything.
    """

    def __init__(self, message: str, param_hint: str, note: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.param_hint = param_hint
        self.note = note


class Option(NamedTuple):
    """One option as the command line spells it: its names (long first), whether it takes a value or repeats.

    Records of the command line are named tuples, not dataclasses: Python 3.11 compiles six methods
    for each frozen dataclass, about 0.5 ms of every start.
    """

    names: tuple[str, ...]
    help: str
    value: bool = True
    many: bool = False
    metavar: str | None = None


OPTIONS: dict[str, Option] = {
    "output_format": Option(
        ("--output-format", "-F"),
        N_(
            "How to print diagnostics: text (for people, on stderr), json (for tools, on stdout) or github "
            "(workflow annotations, on stdout)."
        ),
        metavar="|".join(REPORTERS),
    ),
    "strict": Option(("--strict",), N_("Fail (exit 1) on method warnings too, not only on errors."), value=False),
    "today": Option(
        ("--today",),
        N_("The date the staleness check counts from (default: SOURCE_DATE_EPOCH, else today)."),
        metavar=N_("YYYY-MM-DD"),
    ),
    "jobs": Option(
        ("--jobs", "-j"), N_("Processes to run in parallel (default: every core, for a big enough batch)."), metavar="N"
    ),
    "no_cache": Option(
        ("--no-cache",), N_("Check and render every map again, without reading or filling the cache."), value=False
    ),
    "shard": Option(
        ("--shard",),
        N_("Only the K-th of N shares of the maps (CI matrix jobs): each map belongs to exactly one share."),
        metavar="K/N",
    ),
    "lang": Option(
        ("--lang",),
        N_("Language of the tool's messages (default: the environment's, as LANG; codes and JSON keys never change)."),
        metavar="|".join(LANGUAGES),
    ),
    "formats": Option(
        ("--format", "-f"),
        N_("Output format; repeat for several. Default: svg, html and md."),
        many=True,  # metavar: the formats of cjm.renderers, given by cjm.cli_app (validate does not import them)
    ),
    "views": Option(
        ("--view",),
        N_(
            "Picture drawn by svg and png; repeat for several: map (<stem>.svg, default), "
            "flow (<stem>.flow.svg), slide (<stem>.slide.svg)."
        ),
        many=True,
        metavar="|".join(VIEW_NAMES),
    ),
    "out_dir": Option(("--out-dir", "-o"), N_("Folder for the outputs (default: beside each map).")),
    "stdout": Option(
        ("--stdout",),
        N_("Write the output to standard output instead of a file (one map, one --format)."),
        value=False,
    ),
    "debug": Option(("--debug",), N_("Show the full traceback of an internal error."), value=False),
}
"""Every option the lean reading knows, by the name of the command's parameter."""

COMMAND_OPTIONS: dict[str, tuple[str, ...]] = {
    "": ("debug", "lang"),
    "validate": ("output_format", "strict", "today", "jobs", "no_cache", "shard", "lang"),
    "build": (
        "formats",
        "views",
        "out_dir",
        "output_format",
        "strict",
        "today",
        "jobs",
        "no_cache",
        "shard",
        "stdout",
        "lang",
    ),
}
"""The options of the root (`cjm --lang fr …`) and of the commands the lean reading runs."""


def not_one_of(value: str, choices: Iterable[str]) -> str:
    """The message for a value outside its choices, in the run's language."""
    return _("{value!r} is not one of {choices}").format(value=value, choices=", ".join(choices))


def reporter_name(value: str) -> str:
    """`--output-format`: one of the reporters; ValueError with the message otherwise."""
    if value not in REPORTERS:
        raise ValueError(not_one_of(value, REPORTERS))
    return value


def parse_today(value: str | None) -> datetime.date | None:
    """`--today`: an ISO date; ValueError with the message otherwise."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("{value!r} is not a date like 2026-11-25").format(value=value)) from None


def whole_number(value: str, least: int) -> int:
    """`--jobs`, `--unused-for`: a whole number of at least `least`; ValueError with the message otherwise."""
    if not (value.isascii() and value.isdigit() and int(value) >= least):
        raise ValueError(_("{value!r} is not a whole number of {least} or more").format(value=value, least=least))
    return int(value)


def parse_jobs(value: str | None) -> int | None:
    """`--jobs`: a number of processes, 1 or more; ValueError with the message otherwise."""
    return None if value is None else whole_number(value, 1)


def parse_out_dir(value: str | None) -> Path | None:
    """`--out-dir`: a folder, which may not exist yet but is no file; ValueError with the message otherwise."""
    if value is None:
        return None
    if value in ("", "-") or Path(value).is_file():
        raise ValueError(_("{value!r} is not a folder").format(value=value))
    return Path(value)


def _names(values: Sequence[str] | None, choices: Sequence[str]) -> list[str]:
    chosen: list[str] = []
    for value in values or []:
        for name in value.split(","):
            name = name.strip().lower()
            if name not in choices:
                raise ValueError(not_one_of(name, choices))
            chosen.append(name)
    return list(dict.fromkeys(chosen))


def format_names(values: Sequence[str] | None) -> list[str]:
    """`--format`, repeated or comma-separated, in the order given without repeats; ValueError on an unknown one."""
    from cjm.renderers import FORMATS

    return _names(values, tuple(FORMATS))


def view_names(values: Sequence[str] | None) -> list[str]:
    """`--view`, repeated or comma-separated, in the order given without repeats; ValueError on an unknown one."""
    return _names(values, VIEW_NAMES)


def speak(value: str | None, root: str | None = None) -> None:
    """Speak the command's `--lang`, else the root's, else the environment's; ValueError on an unknown language."""
    try:
        use_language(choose_language(value or root))
    except ValueError:
        raise ValueError(not_one_of(str(value or root), LANGUAGES)) from None


class LeanCall(NamedTuple):
    """A command line the lean reading understood: the command, its parameters as typer would pass them."""

    command: str
    params: dict[str, Any]
    root: dict[str, Any]


def lean_call(argv: Sequence[str]) -> LeanCall | None:
    """Read `cjm [--debug] [--lang L] validate|build …` without typer; None when typer should read it instead.

    The values are converted and checked as typer's definitions do (the same functions); the run's
    language is set. Nothing is printed.
    """
    root, rest = _read(argv, COMMAND_OPTIONS[""], stop_at_positional=True)
    if root is None or not rest or rest[0] not in ("validate", "build"):
        return None
    command = rest[0]
    found, files = _read(rest[1:], COMMAND_OPTIONS[command])
    if found is None or not files:
        return None
    try:
        params = _convert(command, found, files)
        speak(params["lang"], root.get("lang"))
    except ValueError:
        return None
    return LeanCall(command, params, {"debug": bool(root.get("debug")), "lang": root.get("lang")})


def _read(
    argv: Sequence[str], allowed: Sequence[str], stop_at_positional: bool = False
) -> tuple[dict[str, Any] | None, list[str]]:
    """The options (raw strings, lists for repeated ones, True for flags) and positional arguments, as click reads.

    None for the options when the line holds anything this reading does not take on itself.
    """
    by_name = {name: param for param in allowed for name in OPTIONS[param].names}
    found: dict[str, Any] = {}
    positional: list[str] = []
    items = list(argv)
    index = 0
    while index < len(items):
        item = items[index]
        index += 1
        if item == "--":
            positional += items[index:]
            break
        if not item.startswith("-") or item == "-":
            if item == "-":
                return None, []
            positional.append(item)
            if stop_at_positional:
                positional += items[index:]
                break
            continue
        name, attached = _split(item)
        param = by_name.get(name)
        if param is None:
            return None, []
        option = OPTIONS[param]
        if not option.value:
            if attached is not None:
                return None, []
            found[param] = True
            continue
        if attached is None:
            if index >= len(items) or items[index].startswith("-"):
                return None, []
            attached = items[index]
            index += 1
        if option.many:
            found.setdefault(param, []).append(attached)
        else:
            found[param] = attached
    return found, positional


def _split(item: str) -> tuple[str, str | None]:
    """An option and its attached value: `--lang=fr` and `-Fjson` as click splits them."""
    if item.startswith("--"):
        name, equals, value = item.partition("=")
        return name, value if equals else None
    return item[:2], item[2:] or None


def _convert(command: str, found: dict[str, Any], files: list[str]) -> dict[str, Any]:
    """The parameters of a command from the raw options; ValueError when one does not check."""
    params: dict[str, Any] = {
        "files": files,
        "output_format": reporter_name(found.get("output_format", "text")),
        "strict": bool(found.get("strict", False)),
        "today": parse_today(found.get("today")),
        "jobs": parse_jobs(found.get("jobs")),
        "no_cache": bool(found.get("no_cache", False)),
        "shard": found.get("shard"),
        "lang": found.get("lang"),
    }
    if command == "build":
        params |= {
            "formats": format_names(found.get("formats")),
            "views": view_names(found.get("views")),
            "out_dir": parse_out_dir(found.get("out_dir")),
            "stdout": bool(found.get("stdout", False)),
        }
    return params
