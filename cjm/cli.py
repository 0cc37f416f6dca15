"""The `cjm` command line: parse options, call the pipeline, pick a reporter, set the exit code.

No logic lives here. Heavy modules (pydantic models, renderers) are imported inside the
commands that need them, so `cjm --help` and `cjm --version` start fast.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from cjm import __version__
from cjm.diagnostics import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from cjm.reporters import REPORTERS

app = typer.Typer(
    name="cjm",
    help="Customer journey maps as code: validate journey YAML files and compile them to diagrams.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cjm {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback of an internal error.")] = False,
) -> None:
    """Customer journey maps as code: validate journey YAML files and compile them to diagrams."""


def _use_color() -> bool:
    return sys.stderr.isatty() and "NO_COLOR" not in os.environ


def _emit(stdout: str, stderr: str) -> None:
    if stdout:
        sys.stdout.write(stdout)
        sys.stdout.flush()
    if stderr:
        sys.stderr.write(stderr)
        sys.stderr.flush()


def _reporter_name(value: str) -> str:
    if value not in REPORTERS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(REPORTERS)}")
    return value


OutputFormat = Annotated[
    str,
    typer.Option(
        "--output-format",
        "-F",
        callback=_reporter_name,
        metavar="|".join(REPORTERS),
        help="How to print diagnostics: text (for people, on stderr), json (for tools, on stdout) or github "
        "(workflow annotations, on stdout).",
    ),
]


@app.command(
    epilog="Examples:\n\n  cjm validate examples/*.yaml\n\n  cjm validate maps/ --output-format github",
)
def validate(
    files: Annotated[list[str], typer.Argument(help="Journey files, directories or glob patterns.")],
    output_format: OutputFormat = "text",
) -> None:
    """Check journey files and report every problem with its line and column."""
    from cjm.pipeline import check_file, collect_files

    paths = collect_files(files)
    if not paths:
        raise typer.BadParameter("no journey files found (looked for *.yaml and *.yml)", param_hint="FILES")
    results = [check_file(path) for path in paths]
    report = REPORTERS[output_format](results, _use_color())
    _emit(report.stdout, report.stderr)
    raise typer.Exit(EXIT_OK if all(result.ok for result in results) else EXIT_INVALID)


@app.command(epilog="Example:\n\n  cjm schema > schemas/journey.schema.json")
def schema() -> None:
    """Print the JSON Schema of journey files (for editors and other tools)."""
    from cjm.schema import journey_schema_text

    sys.stdout.write(journey_schema_text())


def main() -> None:
    """Entry point of the `cjm` script: runs the app and turns an internal error into one line and exit 2."""
    debug = "--debug" in sys.argv[1:]
    try:
        app()
    except Exception as error:
        if debug:
            raise
        sys.stderr.write(
            f"cjm: internal error: {type(error).__name__}: {error}\nre-run with --debug to see the traceback\n"
        )
        sys.exit(EXIT_USAGE)
