"""The `cjm` command line as typer defines it: commands, arguments, options, help, usage errors.

Each command is a thin definition that calls its module (`cjm.cli_validate`, `cjm.cli_build`,
`cjm.cli_diff`, `cjm.cli_reference`, `cjm.cli_cache`); options come from `cjm.cli_args.OPTIONS`.
The help speaks the run's language: `cjm.cli.main` chooses it (`--lang`, else the environment)
before importing this module, whose texts are translated as it is imported.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from cjm import __version__, cli_build, cli_cache, cli_diff, cli_reference, cli_validate
from cjm.cli_args import (
    FILES_METAVAR,
    OPTIONS,
    UsageError,
    format_names,
    not_one_of,
    parse_jobs,
    parse_out_dir,
    parse_today,
    reporter_name,
    speak,
    view_names,
    whole_number,
)
from cjm.cli_words import Command, Group
from cjm.renderers import FORMATS
from cjm.translation import _


def _option(param: str, **settings: Any) -> Any:
    """The typer option of a parameter, from its entry in `OPTIONS` (names, translated help and metavar).

    A flag shows no metavar (typer would show the type it reads, `<bool>`).
    """
    option = OPTIONS[param]
    metavar = _(option.metavar) if option.metavar else "" if not option.value else None
    return typer.Option(*option.names, help=_(option.help), **{"metavar": metavar, **settings})


def _checked(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A typer callback running one of `cjm.cli_args`' checks: its ValueError is a usage error."""

    def callback(value: Any) -> Any:
        try:
            return check(value)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    return callback


def _language(ctx: typer.Context, value: str | None) -> str | None:
    """Speak `--lang` (the command's, else `cjm --lang`), or the environment's language without it.

    `cjm` itself without `--lang` leaves the language `cjm.cli` chose from the whole line: a
    command's `--lang` after its `--help` is read by no callback (the help exits first).
    """
    if ctx.parent is None and value is None:
        return value
    try:
        speak(value, ctx.find_root().params.get("lang") if ctx.parent else None)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    return value


def _run(command: Callable[[], int | None]) -> NoReturn:
    """Run a command's body; its usage error is typer's (usage and exit 2), its result the exit code."""
    try:
        code = command()
    except UsageError as error:
        cli_validate.emit("", error.note)
        raise typer.BadParameter(error.message, param_hint=_(error.param_hint)) from None
    raise typer.Exit(code or 0)


def _examples(*lines: str) -> str:
    return _("Examples:") + "\n\n" + "\n\n".join(f"  {line}" for line in lines)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cjm {__version__}")
        raise typer.Exit()


Files = Annotated[
    list[str], typer.Argument(help=_("Journey files, directories or glob patterns."), metavar=_(FILES_METAVAR))
]
Lang = Annotated[str | None, _option("lang", callback=_language, is_eager=True)]
OutputFormat = Annotated[str, _option("output_format", callback=_checked(reporter_name))]
Strict = Annotated[bool, _option("strict")]
Today = Annotated[datetime.date | None, _option("today", parser=_checked(parse_today))]
Jobs = Annotated[int | None, _option("jobs", parser=_checked(parse_jobs))]
NoCache = Annotated[bool, _option("no_cache")]
Shard = Annotated[str | None, _option("shard")]

app = typer.Typer(
    name="cjm",
    cls=Group,
    help=_("Customer journey maps as code: validate journey YAML files and compile them to diagrams."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, metavar="", help=_("Show the version and exit.")),
    ] = False,
    debug: Annotated[bool, _option("debug")] = False,
    lang: Lang = None,
) -> None:
    """The options before the command: `--version`, `--debug`, `--lang`."""


@app.command(
    cls=Command,
    help=_(
        "Check journey files and report every problem with its line and column.\n\n"
        "Errors make a map invalid; method warnings (CJM5xx) only fail the run with --strict."
    ),
    epilog=_examples("cjm validate examples/*.yaml", "cjm validate maps/ --output-format github"),
)
def validate(
    files: Files,
    output_format: OutputFormat = "text",
    strict: Strict = False,
    today: Today = None,
    jobs: Jobs = None,
    no_cache: NoCache = False,
    shard: Shard = None,
    lang: Lang = None,
) -> None:
    """`cjm validate` (`cjm.cli_validate.validate`)."""
    _run(lambda: cli_validate.validate(files, output_format, strict, today, jobs, no_cache, shard))


@app.command(
    cls=Command,
    help=_(
        "Compile journey files to pictures (the journey map, its flow, a slide), HTML swimlanes and a Markdown "
        "report.\n\nMaps build in parallel (-j) and are reported in the order given as each is done; an unchanged "
        "map is taken from the cache, its warnings replayed."
    ),
    epilog=_examples(
        "cjm build journey.yaml",
        "cjm build examples/*.yaml -o out/",
        "cjm build maps/ -f png -f html -o site/maps",
        "cjm build maps/ --shard 2/4 -o out/  " + _("(the second of four CI jobs)"),
        "cjm build journeys/checkout.yaml -f svg --stdout > checkout.svg",
        "cjm build journey.yaml -f svg -f png --view map --view slide",
    ),
)
def build(
    files: Files,
    formats: Annotated[
        list[str] | None, _option("formats", callback=_checked(format_names), metavar="|".join(FORMATS))
    ] = None,
    views: Annotated[list[str] | None, _option("views", callback=_checked(view_names))] = None,
    out_dir: Annotated[Path | None, _option("out_dir", metavar=_("DIR"), parser=_checked(parse_out_dir))] = None,
    output_format: OutputFormat = "text",
    strict: Strict = False,
    today: Today = None,
    jobs: Jobs = None,
    no_cache: NoCache = False,
    shard: Shard = None,
    stdout: Annotated[bool, _option("stdout")] = False,
    lang: Lang = None,
) -> None:
    """`cjm build` (`cjm.cli_build.build`)."""
    _run(
        lambda: cli_build.build(
            files, formats, views, out_dir, output_format, strict, today, jobs, no_cache, shard, stdout
        )
    )


def _one_of(choices: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in choices:
            raise ValueError(not_one_of(value, choices))
        return value

    return check


@app.command(
    cls=Command,
    help=_(
        "Show what changed between two versions of a map: stages, touchpoints, emotions, pain points, KPIs.\n\n"
        "Exit code 0, or with --exit-code 1 when the maps differ (as `git diff --exit-code`); 2 when a side "
        "cannot be read or is not a valid map."
    ),
    epilog=_examples(
        "cjm diff old.yaml new.yaml",
        "cjm diff main:maps/checkout.yaml maps/checkout.yaml --output-format md >> $GITHUB_STEP_SUMMARY",
    ),
)
def diff(
    ctx: typer.Context,
    old: Annotated[
        str, typer.Argument(metavar=_("OLD"), help=_("The earlier map: a path, or REV:path read from git."))
    ],
    new: Annotated[str, typer.Argument(metavar=_("NEW"), help=_("The later map: a path, or REV:path read from git."))],
    output_format: Annotated[
        str,
        typer.Option(
            "--output-format",
            "-F",
            callback=_checked(_one_of(cli_diff.DIFF_FORMATS)),
            metavar="|".join(cli_diff.DIFF_FORMATS),
            help=_("text, md (pull requests) or json."),
        ),
    ] = "text",
    exit_code: Annotated[bool, typer.Option("--exit-code", metavar="", help=_("Exit 1 when the maps differ."))] = False,
    lang: Lang = None,
) -> None:
    """`cjm diff` (`cjm.cli_diff.diff`)."""
    chosen = lang or ctx.find_root().params.get("lang")
    _run(lambda: cli_diff.diff(old, new, output_format, exit_code, chosen))


@app.command(
    cls=Command,
    help=_("List every diagnostic code (errors and method warnings) with what it means."),
    epilog=_examples("cjm rules", "cjm rules --output-format md > docs/rules.md"),
)
def rules(
    output_format: Annotated[
        str,
        typer.Option(
            "--output-format",
            "-F",
            callback=_checked(_one_of(cli_reference.RULES_FORMATS)),
            metavar="|".join(cli_reference.RULES_FORMATS),
            help=_("text, json or md (docs page)."),
        ),
    ] = "text",
    lang: Lang = None,
) -> None:
    """`cjm rules` (`cjm.cli_reference.rules`)."""
    cli_reference.rules(output_format)


@app.command(
    cls=Command,
    help=_("Print the JSON Schema of journey files (for editors and other tools), or the format reference page."),
    epilog=_examples("cjm schema > schemas/journey.schema.json", "cjm schema --output-format md > docs/format.md"),
)
def schema(
    output_format: Annotated[
        str,
        typer.Option(
            "--output-format",
            "-F",
            callback=_checked(_one_of(cli_reference.SCHEMA_FORMATS)),
            metavar="|".join(cli_reference.SCHEMA_FORMATS),
            help=_("json (JSON Schema) or md (docs page)."),
        ),
    ] = "json",
    lang: Lang = None,
) -> None:
    """`cjm schema` (`cjm.cli_reference.schema`)."""
    cli_reference.schema(output_format)


cache_app = typer.Typer(
    cls=Group,
    help=_("The build cache that lets an unchanged map skip checking and rendering."),
    no_args_is_help=True,
)
app.add_typer(cache_app, name="cache")


@cache_app.command(
    "clear",
    cls=Command,
    help=_("Delete every cached check and output (the next build renders every map again), or only the unused ones."),
    epilog=_examples("cjm cache clear", "CJM_CACHE_DIR=.cjm-cache cjm cache clear --unused-for 7"),
)
def cache_clear(
    unused_for: Annotated[
        int | None,
        typer.Option(
            "--unused-for",
            parser=_checked(lambda value: whole_number(value, 0)),
            metavar=_("DAYS"),
            help=_("Only entries not used for this many days."),
        ),
    ] = None,
    lang: Lang = None,
) -> None:
    """`cjm cache clear` (`cjm.cli_cache.cache_clear`)."""
    cli_cache.cache_clear(unused_for)


@cache_app.command(
    "info",
    cls=Command,
    help=_("Print where the cache is (CJM_CACHE_DIR, else the user cache folder), its entries and their size."),
    epilog=_examples("cjm cache info"),
)
def cache_info(lang: Lang = None) -> None:
    """`cjm cache info` (`cjm.cli_cache.cache_info`)."""
    cli_cache.cache_info()
