"""Configuration of the method checks, the way linters do it: `.cjm.toml` or `[tool.cjm]` in pyproject.toml.

The nearest file upward from a journey map wins. Keys: `select` and `ignore` (codes or code
prefixes of method checks), `stale-after-days`, `max-stages`, `min-stages`. An unknown key, an
unknown code or a value of the wrong type is itself a diagnostic (CJM601), never ignored.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from cjm.diagnostics import RULES, Diagnostic, Severity, make
from cjm.translation import Message

CONFIG_FILE = ".cjm.toml"
PYPROJECT = "pyproject.toml"
_NUMBERS = {"stale-after-days": (1, 3650), "max-stages": (1, 100), "min-stages": (1, 100)}
_LISTS = ("select", "ignore")
METHOD_CODES = tuple(
    code for code, rule in RULES.items() if code.startswith("CJM5") and rule.severity is Severity.WARNING
)


class Config(NamedTuple):
    """Which method checks run and their thresholds."""

    select: tuple[str, ...] = METHOD_CODES
    ignore: tuple[str, ...] = ()
    stale_after_days: int = 90
    max_stages: int = 8
    min_stages: int = 3
    path: Path | None = None

    def enabled(self, code: str, map_ignores: tuple[str, ...] = ()) -> bool:
        """Whether a method check runs: selected, and ignored neither here nor by the map itself."""
        return code in self.select and code not in self.ignore and code not in map_ignores


def today_default() -> datetime.date:
    """Today's date for the staleness check: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


def expand_codes(patterns: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """Method-check codes matched by codes or prefixes (`CJM5`, `CJM51`, `CJM504`); and the patterns matching none."""
    matched: list[str] = []
    unknown: list[str] = []
    for pattern in patterns:
        hits = [code for code in METHOD_CODES if code.startswith(pattern.strip().upper())]
        if hits and pattern.strip():
            matched.extend(hits)
        else:
            unknown.append(pattern)
    return tuple(dict.fromkeys(matched)), unknown


def find_config(start: Path) -> Path | None:
    """The nearest `.cjm.toml`, or pyproject.toml with a `[tool.cjm]` table, in `start` or a parent folder."""
    directory = start.resolve()
    for folder in (directory, *directory.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_cjm_table(pyproject):
            return pyproject
    return None


def _has_cjm_table(pyproject: Path) -> bool:
    try:
        return re.search(r"^\s*\[tool\.cjm\]", pyproject.read_text(encoding="utf-8"), re.MULTILINE) is not None
    except (OSError, UnicodeDecodeError):
        return False


@functools.cache
def config_for(folder: Path) -> tuple[Config, tuple[Diagnostic, ...]]:
    """The configuration that applies to the maps of a folder, with any problem found in it."""
    path = find_config(folder)
    if path is None:
        return Config(), ()
    return load_config(path)


def load_config(path: Path) -> tuple[Config, tuple[Diagnostic, ...]]:
    """Read and check one configuration file; a broken one gives the defaults and its diagnostics."""
    import tomllib  # here, not at the top: most runs have no configuration file

    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        message = Message("cannot read the configuration: {error}", error=str(error))
        return Config(path=path), (make("CJM601", name, 1, 1, message),)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = (int(found.group(1)), int(found.group(2))) if found else (text.count("\n") + 1, 1)
        message = Message("TOML syntax error: {error}", error=str(error))
        return Config(path=path), (make("CJM601", name, line, column, message),)
    table: Any = document.get("tool", {}).get("cjm", {}) if path.name == PYPROJECT else document
    return _parse(table, text, path)


def _parse(table: Any, text: str, path: Path) -> tuple[Config, tuple[Diagnostic, ...]]:
    name = str(path)
    problems: list[Diagnostic] = []

    def problem(key: str, message: Message, hint: Message | None = None) -> None:
        line = _line_of(text, key)
        problems.append(make("CJM601", name, line, 1, message, hint))

    if not isinstance(table, dict):
        problem("cjm", Message("the cjm configuration must be a table of keys"))
        return Config(path=path), tuple(problems)
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in _LISTS:
            if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
                problem(key, Message('`{key}` must be a list of codes, like ["CJM504"]', key=key))
                continue
            codes, unknown = expand_codes(value)
            for pattern in unknown:
                if pattern.upper() in RULES:
                    message = Message(
                        "`{pattern}` in `{key}` is an error, which cannot be switched off", pattern=pattern, key=key
                    )
                else:
                    message = Message("`{pattern}` in `{key}` is not a method check", pattern=pattern, key=key)
                problem(key, message, Message("method checks: {codes}", codes=", ".join(METHOD_CODES)))
            values[key] = codes
        elif key in _NUMBERS:
            low, high = _NUMBERS[key]
            if type(value) is not int or not low <= value <= high:
                template = Message(
                    "`{key}` must be a whole number from {low} to {high}, not {value}",
                    key=key,
                    low=low,
                    high=high,
                    value=repr(value),
                )
                problem(key, template)
                continue
            values[key.replace("-", "_")] = value
        else:
            close = difflib.get_close_matches(key, [*_LISTS, *_NUMBERS], n=1)
            problem(
                key,
                Message("unknown option `{key}` in the cjm configuration", key=key),
                Message("did you mean `{value}`?", value=close[0])
                if close
                else Message("options: {options}", options=", ".join([*_LISTS, *_NUMBERS])),
            )
    return Config(path=path, **values), tuple(problems)


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
    return 1
