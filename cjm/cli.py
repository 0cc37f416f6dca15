"""The `cjm` entry point: read the command line, run the command, turn an internal error into one line.

A plain `cjm validate …` or `cjm build …` (known options, valid values: what hooks and CI jobs
write) is read by `cjm.cli_args.lean_call` and run without importing typer; anything else (help,
`--version`, the other commands, a line with a mistake) goes to the typer app of `cjm.cli_app`,
which reads and reports it as always. A usage error found once a lean command has started (no
journey file among the arguments) is raised before it prints anything, and typer reads the line
again to report it in its usual form.

Start-up, measured by `make bench`: a command is a short-lived process whose first map imports
pydantic, the models and the renderers, about 100,000 objects that live until it exits and hold
no garbage; the cyclic garbage collector traversing them ten to fifteen times took 3 to 5 % of a
run, so it is off until a batch's first map is done (`after_start_up`), then runs ten times less
often than Python's default (a batch's maps leave few cycles); and pydantic's plugin
scan, which reads the metadata of every installed package, is off unless
PYDANTIC_DISABLE_PLUGINS is already set (pydantic's documented switch). With the scan off,
pydantic's plugin loader still imports `importlib.metadata` (with `email`, `csv` and `zipfile`:
about 10 ms); `_NoPlugins` answers for it instead, as the loader answers when plugins are off.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.machinery
import importlib.util
import os
import sys
import types
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from cjm.diagnostics import EXIT_USAGE
from cjm.translation import _


def __getattr__(name: str) -> Any:
    """`cjm.cli.app`, the typer app (imported on first use: the lean path never needs it)."""
    if name == "app":
        from cjm.cli_app import app

        return app
    raise AttributeError(name)


def run(argv: Sequence[str]) -> int:
    """Run one command line (without the program name); the exit code. Usage errors exit 2 through typer."""
    from cjm.cli_args import UsageError, lean_call

    call = lean_call(argv)
    if call is not None:
        try:
            if call.command == "validate":
                from cjm.cli_validate import validate

                return validate(**{key: value for key, value in call.params.items() if key != "lang"})
            from cjm.cli_build import build

            return build(**{key: value for key, value in call.params.items() if key != "lang"})
        except UsageError:
            pass  # nothing printed yet: typer reads the line again and reports it
    return _typer(argv)


Result = TypeVar("Result")


def after_start_up(results: Iterable[Result]) -> Iterator[Result]:
    """A batch's results as they come, the cyclic garbage collector back on once the first is in (see above).

    What start-up made is frozen first (`gc.freeze`, Python's documented way): the collector,
    the one at exit included, never traverses it, instead of traversing it all at its first run.
    """
    for index, result in enumerate(results):
        if index == 0:
            _collect_from_now_on()
        yield result
    _collect_from_now_on()  # an empty batch


def _collect_from_now_on() -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _typer(argv: Sequence[str]) -> int:
    """The command line read by typer, its help in the run's language (typer exits with the command's code)."""
    from cjm.cli_args import speak

    gc.enable()  # the other commands run as they would anywhere

    with contextlib.suppress(ValueError):  # typer reports an unknown language
        speak(_last_lang(argv))
    from cjm.cli_app import app

    app(args=list(argv))  # exits with the command's code
    return 0


def _last_lang(argv: Sequence[str]) -> str | None:
    """The last `--lang L` of a command line (the command's wins over the root's), for the help's language."""
    found = None
    for index, item in enumerate(argv):
        if item == "--":
            break
        if item == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif item.startswith("--lang="):
            found = item.partition("=")[2]
    return found


PLUGIN_LOADER = "pydantic.plugin._loader"


class _NoPlugins(types.ModuleType):
    """pydantic's plugin loader while plugins are off: no plugins, and no `importlib.metadata` imported.

    Anything else pydantic asks of its loader comes from the real module, loaded then.
    """

    @staticmethod
    def get_plugins() -> tuple[()]:
        """No plugins, as `pydantic.plugin._loader.get_plugins` answers when PYDANTIC_DISABLE_PLUGINS is set."""
        return ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)  # the import system asking whether this is a package
        import pydantic.plugin

        spec = importlib.machinery.PathFinder.find_spec("_loader", list(pydantic.plugin.__path__))
        if spec is None or spec.loader is None:
            raise AttributeError(name)
        real = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(real)
        return getattr(real, name)


def _skip_plugin_scan() -> None:
    """Answer for pydantic's plugin loader when PYDANTIC_DISABLE_PLUGINS turns every plugin off."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in ("__all__", "1", "true"):
        sys.modules.setdefault(PLUGIN_LOADER, _NoPlugins(PLUGIN_LOADER))


def main() -> None:
    """Entry point of the `cjm` script: runs the command and turns an internal error into one line and exit 2."""
    arguments = sys.argv[1:]
    debug = "--debug" in arguments
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _skip_plugin_scan()
    gc.set_threshold(7000, 10, 10)
    gc.disable()  # until the first map is done: `after_start_up`
    try:
        code = run(arguments)
    except Exception as error:
        if debug:
            raise
        sys.stderr.write(
            _("cjm: internal error: {kind}: {error}\nre-run with --debug to see the traceback\n").format(
                kind=type(error).__name__, error=error
            )
        )
        sys.exit(EXIT_USAGE)
    sys.exit(code)
