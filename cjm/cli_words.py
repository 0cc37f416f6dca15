"""The command-line framework's own words in the run's language: usage line, help panels, usage errors.

typer draws `--help` and reports usage errors with words of its own ("Usage:", "Options",
"Show this message and exit.", "No such option: …", "Try 'cjm build -h' for help."). typer 0.29
carries its own copy of click, whose messages are plain English (no gettext), and only a few of
typer's own texts go through the global gettext domain, which follows the environment and not
`--lang`. So cjm says them itself, from its catalogue, through the hooks typer documents or
inherits from click:

- the app and each command are made with `cls=Group` / `cls=Command` (typer's `cls` argument):
  their context's help formatter writes the usage prefix, their help option's text is cjm's, and
  a group raises a usage error again in the run's language (`said`) before typer prints it;
- the rich help's panel titles and fixed strings are the module constants of `typer.rich_utils`,
  which `speak_rich_help` sets from the catalogue each time help or an error is drawn.

A usage error keeps typer's layout (usage line, "try … for help", the framed message) and exit
code (2). Its message is rebuilt from the exception's fields where typer gives them (the option
or argument at fault), else read back from the English sentence typer wrote (`FAILURES`). A
sentence not recognised stays as typer wrote it: a typer upgrade that changes its words shows
English, never a crash, and tests/test_cli_words.py fails on it (it lists the framework's English
words from the installed sources and checks the French help and errors for them).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from typer._click import exceptions as click_errors
from typer._click.core import Context as ClickContext
from typer._click.formatting import HelpFormatter
from typer.core import TyperArgument, TyperCommand, TyperGroup
from typer.exceptions import Abort

from cjm.translation import N_, _

RICH_HELP_TEXTS: dict[str, str] = {
    "DEPRECATED_STRING": N_("(deprecated) "),
    "DEFAULT_STRING": N_("[default: {}]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "ABORTED_TEXT": N_("Aborted."),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}
"""The text constants of `typer.rich_utils`, by name: the English typer ships (the msgid) for each."""

USAGE_PREFIX = N_("Usage: ")
OPTIONS_METAVAR = N_("[OPTIONS]")
SUBCOMMAND_METAVAR = N_("COMMAND [ARGS]...")
HELP_OPTION_HELP = N_("Show this message and exit.")

FAILURES: tuple[tuple[str, str], ...] = (
    (
        "No such command '{name}'. Did you mean {suggestions}?",
        N_("No such command {name}. Did you mean {suggestions}?"),
    ),
    ("No such command '{name}'.", N_("No such command {name}.")),
    ("Missing command.", N_("Missing command.")),
    ("Got unexpected extra argument(s) ({arguments})", N_("Got unexpected extra argument(s) ({arguments})")),
    ("Option '{name}' requires an argument.", N_("Option {name} requires an argument.")),
    ("Option '{name}' does not take a value.", N_("Option {name} does not take a value.")),
)
"""typer's usage errors that carry only their sentence: its English pattern, and the message cjm shows.

`{name}` and `{suggestions}` are names typer quoted as 'x': cjm quotes them in the language's
marks. Each is one a cjm command line can meet (an option needing several values, for one,
cannot); tests/test_cli_words.py makes each with the real `cjm` and reads it back.
"""

MISSING: dict[str, str] = {
    "argument": N_("Missing argument {name}."),
    "parameter": N_("Missing parameter {name}."),
}
"""A missing argument (typer's `MissingParameter`), by the kind typer names; cjm has no required option."""


def speak_rich_help() -> None:
    """Set `typer.rich_utils`' panel titles and fixed strings in the run's language, before help or errors are drawn."""
    from typer import rich_utils  # imported by typer only to draw help or an error: rich's Markdown, ~60 ms

    for name, english in RICH_HELP_TEXTS.items():
        setattr(rich_utils, name, _(english))


def quoted(name: str) -> str:
    """A name (an option, an argument, a command) as a message shows it: 'x' as typer writes it, « x » in French."""
    # Translators: how a usage error quotes the name of an option, an argument or a command.
    return _("'{name}'").format(name=name)


def _pattern(english: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", english)
    return re.compile(
        "".join(re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)" for index, part in enumerate(parts)) + r"\Z"
    )


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((_pattern(english), message) for english, message in FAILURES)


def _unquoted_names(text: str) -> list[str]:
    return [name[1:-1] if len(name) > 1 and name[0] == name[-1] == "'" else name for name in text.split(", ")]


def failure(text: str) -> str:
    """One of typer's sentences (`FAILURES`) in the run's language; any other text as it is."""
    for pattern, message in _patterns():
        found = pattern.match(text)
        if found is None:
            continue
        values = dict(found.groupdict())
        for key in ("name", "suggestions"):
            if key in values:
                values[key] = ", ".join(quoted(name) for name in _unquoted_names(values[key]))
        return _(message).format(**values)
    return text


def _hint(error: click_errors.BadParameter) -> str | None:
    """The option or argument at fault, as typer names it ('--format' / '-f'), in the language's marks."""
    if isinstance(error.param_hint, str):
        return error.param_hint
    if error.param_hint is not None:
        return " / ".join(quoted(name) for name in error.param_hint)
    if error.param is None:
        return None
    param = error.param
    names = list(param.opts) if not isinstance(param, TyperArgument) and param.opts else [param.display_name_raw]
    return " / ".join(quoted(name) for name in names)


def message(error: click_errors.ClickException) -> str:
    """What a usage error says, in the run's language (typer's `format_message`, rewritten)."""
    if isinstance(error, click_errors.NoSuchOption):
        said = _("No such option: {name}").format(name=error.option_name)
        if error.possibilities:
            said += " " + _("(Possible options: {names})").format(names=", ".join(sorted(error.possibilities)))
        return said
    if isinstance(error, click_errors.MissingParameter):
        hint = _hint(error)
        kind = str(error.param_type or getattr(error.param, "param_type_name", "parameter"))
        return _(MISSING.get(kind, MISSING["parameter"])).format(name=hint or "")
    if isinstance(error, click_errors.BadParameter):
        hint = _hint(error)
        inner = failure(error.message)
        if hint is None:
            return _("Invalid value: {message}").format(message=inner)
        return _("Invalid value for {name}: {message}").format(name=hint, message=inner)
    return failure(error.format_message())


class Said(click_errors.UsageError):
    """A usage error already in the run's language (typer prints it as it prints any, and exits with its code)."""


def said(error: click_errors.ClickException) -> click_errors.ClickException:
    """The usage error typer is about to print, in the run's language; typer's help-on-no-arguments as it is."""
    speak_rich_help()
    if isinstance(error, Said | click_errors.NoArgsIsHelpError):
        return error  # typer printed the help as it raised it
    shown = Said(message(error), getattr(error, "ctx", None))
    shown.exit_code = error.exit_code
    return shown


class Formatter(HelpFormatter):
    """click's help formatter, whose usage line starts with the run's word for "Usage:"."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, `Usage: cjm build [OPTIONS] {FILE}...` in the run's language."""
        super().write_usage(prog, args, _(USAGE_PREFIX) if prefix is None else prefix)


class Context(ClickContext):
    """click's context, drawing help with `Formatter`."""

    formatter_class = Formatter


class _Argument(TyperArgument):
    """An argument whose help row shows its metavar (`FILE`), not the Python type it is read into (`<list[str]>`)."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class _Speaking:
    """What `Command` and `Group` share: the context, the help option and the help drawn in the run's language."""

    context_class: type[ClickContext] = Context
    params: list[Any]

    def _speak_params(self) -> None:
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument

    def get_help_option(self, ctx: Any) -> Any:
        """click's help option (`-h`, `--help`), its help in the run's language and no `<bool>` type shown."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _(HELP_OPTION_HELP)
            option.metavar = ""
        return option

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """The usage line's pieces, `[OPTIONS]` and `COMMAND [ARGS]...` in the run's language."""
        pieces: list[str] = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        words = {OPTIONS_METAVAR: _(OPTIONS_METAVAR), SUBCOMMAND_METAVAR: _(SUBCOMMAND_METAVAR)}
        return [words.get(piece, piece) for piece in pieces]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """typer's help, its panel titles and fixed strings in the run's language."""
        speak_rich_help()
        super().format_help(ctx, formatter)  # type: ignore[misc]


class Command(_Speaking, TyperCommand):
    """A typer command speaking the run's language (`@app.command(cls=Command)`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._speak_params()


class Group(_Speaking, TyperGroup):
    """A typer group speaking the run's language, whose usage errors are reported so (`typer.Typer(cls=Group)`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._speak_params()

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        """The root's context; a usage error on the command line is raised in the run's language."""
        try:
            return super().make_context(*args, **kwargs)
        except click_errors.ClickException as error:
            raise said(error) from None

    def invoke(self, ctx: Any) -> Any:
        """Run the command; a usage error of the command's line is raised in the run's language."""
        try:
            return super().invoke(ctx)
        except click_errors.ClickException as error:
            raise said(error) from None
        except Abort:
            speak_rich_help()
            raise
