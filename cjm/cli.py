"""The `cjm` command line: parse options, call the pipeline, pick a reporter, set the exit code.

No logic lives here. Heavy modules (pydantic models, renderers) are imported inside the
commands that need them, so `cjm --help` and `cjm --version` start fast.

Start-up, measured by `make bench`: a command is a short-lived process that creates many
objects and few cycles while it imports pydantic and the models, so the cyclic garbage
collector runs ten times less often (it took about 4 % of a validation); and pydantic's plugin
scan, which reads the metadata of every installed package, is off unless
PYDANTIC_DISABLE_PLUGINS is already set.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cjm import __version__
from cjm.diagnostics import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from cjm.renderers import DEFAULT_FORMATS, FORMATS
from cjm.reporters import REPORTERS, build_summary
from cjm.translation import LANGUAGES, _, choose_language, current_language, ngettext, use_language

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cjm.build import BuildResult
    from cjm.cache import BuildCache
    from cjm.reporters import Reported

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
    lang: Lang = None,
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


def _parse_today(value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(_("{value!r} is not a date like 2026-11-25").format(value=value)) from None


Strict = Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on method warnings too, not only on errors.")]
Today = Annotated[
    datetime.date | None,
    typer.Option(
        "--today",
        parser=_parse_today,
        metavar="YYYY-MM-DD",
        help="The date the staleness check counts from (default: SOURCE_DATE_EPOCH, else today).",
    ),
]


Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        help="Processes to run in parallel (default: every core, for a big enough batch).",
    ),
]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Check and render every map again, without reading or filling the cache.")
]
Shard = Annotated[
    str | None,
    typer.Option(
        "--shard",
        metavar="K/N",
        help="Only the K-th of N shares of the maps (CI matrix jobs): each map belongs to exactly one share.",
    ),
]


def _jobs(value: int | None, items: int, seconds_per_item: float) -> int:
    from cjm.jobs import auto_jobs

    return value or auto_jobs(items, seconds_per_item)


def _cache(no_cache: bool) -> BuildCache:
    from cjm.cache import BuildCache

    return BuildCache.disabled() if no_cache else BuildCache()


def _reporter_name(value: str) -> str:
    if value not in REPORTERS:
        raise typer.BadParameter(_not_one_of(value, REPORTERS))
    return value


def _not_one_of(value: str, choices: Iterable[str]) -> str:
    return _("{value!r} is not one of {choices}").format(value=value, choices=", ".join(choices))


def _language(ctx: typer.Context, value: str | None) -> str | None:
    """Speak `--lang` (the command's, else `cjm --lang`), or the environment's language without it."""
    chosen = value or (ctx.find_root().params.get("lang") if ctx.parent else None)
    try:
        use_language(choose_language(chosen))
    except ValueError:
        raise typer.BadParameter(_not_one_of(str(value), LANGUAGES)) from None
    return value


Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        callback=_language,
        is_eager=True,
        metavar="|".join(LANGUAGES),
        help="Language of the tool's messages (default: the environment's, as LANG; codes and JSON keys never change).",
    ),
]


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
    strict: Strict = False,
    today: Today = None,
    jobs: Jobs = None,
    no_cache: NoCache = False,
    shard: Shard = None,
    lang: Lang = None,
) -> None:
    """Check journey files and report every problem with its line and column.

    Errors make a map invalid; method warnings (CJM5xx) only fail the run with --strict.
    """
    from cjm.build import check_files

    paths = _journey_paths(files, shard)
    from cjm.jobs import CHECK_SECONDS

    results = list(check_files(paths, today, _cache(no_cache), _jobs(jobs, len(paths), CHECK_SECONDS)))
    report = REPORTERS[output_format](results, _use_color())
    _emit(report.stdout, report.stderr)
    raise typer.Exit(_exit_code(results, strict))


def _journey_paths(files: list[str], shard: str | None = None) -> list[Path]:
    from cjm.sources import collect_journeys, parse_shard, select_shard, skipped_note

    collected = collect_journeys(files)
    note = skipped_note(collected.skipped)
    if note:
        _emit("", note + "\n")
    paths = collected.files
    if not paths:
        raise typer.BadParameter(
            _("no journey files found (looked for *.yaml and *.yml with a top-level `cjm:` key)"), param_hint="FILES"
        )
    if shard is None:
        return paths
    try:
        index, count = parse_shard(shard)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--shard") from None
    chosen = select_shard(paths, index, count)
    if not chosen:
        _emit(
            "",
            _("shard {index}/{count} holds none of the {maps} maps\n").format(
                index=index, count=count, maps=len(paths)
            ),
        )
        raise typer.Exit(EXIT_OK)
    return chosen


def _exit_code(results: Sequence[Reported], strict: bool) -> int:
    failed = any(not result.ok or (strict and result.diagnostics) for result in results)
    return EXIT_INVALID if failed else EXIT_OK


FORMAT_NAMES = tuple(FORMATS)


def _format_names(values: list[str] | None) -> list[str]:
    chosen: list[str] = []
    for value in values or []:
        for name in value.split(","):
            name = name.strip().lower()
            if name not in FORMAT_NAMES:
                raise typer.BadParameter(_not_one_of(name, FORMAT_NAMES))
            chosen.append(name)
    return list(dict.fromkeys(chosen))


def _view_names(values: list[str] | None) -> list[str]:
    from cjm.renderers import VIEWS

    chosen: list[str] = []
    for value in values or []:
        for name in value.split(","):
            name = name.strip().lower()
            if name not in VIEWS:
                raise typer.BadParameter(f"{name!r} is not one of {', '.join(VIEWS)}")
            chosen.append(name)
    return list(dict.fromkeys(chosen))


@app.command(
    epilog="Examples:\n\n  cjm build journey.yaml\n\n  cjm build examples/*.yaml -o out/\n\n"
    "  cjm build maps/ -f png -f html -o site/maps\n\n"
    "  cjm build maps/ --shard 2/4 -o out/  (the second of four CI jobs)\n\n"
    "  cjm build journeys/checkout.yaml -f svg --stdout > checkout.svg\n\n"
    "  cjm build journey.yaml -f svg -f png --view map --view slide",
)
def build(
    files: Annotated[list[str], typer.Argument(help="Journey files, directories or glob patterns.")],
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            callback=_format_names,
            metavar="|".join(FORMAT_NAMES),
            help="Output format; repeat for several. Default: svg, html and md.",
        ),
    ] = None,
    views: Annotated[
        list[str] | None,
        typer.Option(
            "--view",
            callback=_view_names,
            metavar="map|flow|slide",
            help="Picture drawn by svg and png; repeat for several: map (<stem>.svg, default), "
            "flow (<stem>.flow.svg), slide (<stem>.slide.svg).",
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", "-o", file_okay=False, help="Folder for the outputs (default: beside each map)."),
    ] = None,
    output_format: OutputFormat = "text",
    strict: Strict = False,
    today: Today = None,
    jobs: Jobs = None,
    no_cache: NoCache = False,
    shard: Shard = None,
    stdout: Annotated[
        bool,
        typer.Option("--stdout", help="Write the output to standard output instead of a file (one map, one --format)."),
    ] = False,
    lang: Lang = None,
) -> None:
    """Compile journey files to pictures (the journey map, its flow, a slide), HTML swimlanes and a Markdown report.

    Maps build in parallel (-j) and are reported in the order given as each is done; an unchanged
    map is taken from the cache, its warnings replayed.
    """
    from cjm.build import build_files
    from cjm.jobs import BUILD_SECONDS
    from cjm.reporters import Tally, report_file_text, styled

    if stdout:
        raise typer.Exit(_build_to_stdout(files, formats or [], out_dir, strict, today, not no_cache))
    started = time.perf_counter()
    paths = _journey_paths(files, shard)
    chosen = formats or list(DEFAULT_FORMATS)
    color = _use_color()
    kept: list[BuildResult] = []  # json and github print one document at the end: only the diagnostics are kept
    problems, files_count, failed, written, cached = Tally(), 0, 0, 0, 0
    with _progress(len(paths)) as advance:
        workers = _jobs(jobs, len(paths), BUILD_SECONDS)
        for item in build_files(paths, chosen, out_dir, advance, today, _cache(no_cache), workers, views or ["map"]):
            files_count, failed, written = files_count + 1, failed + (not item.ok), written + len(item.written)
            cached += max(0, len(item.written) - len(item.rendered))
            if not item.diagnostics:
                continue
            problems.add(item)
            if output_format == "text":
                _emit("", report_file_text(item, color))
            else:
                kept.append(replace(item, text=None, written=[]))
    if problems.files and output_format == "text":
        _emit("", styled([(problems.line(), "bold"), ("\n", "")], color))
    elif kept:
        _emit(REPORTERS[output_format](kept, color).stdout, "")
    seconds = time.perf_counter() - started
    _emit("", build_summary(files_count - failed, files_count, chosen, written, seconds, failed, cached) + "\n")
    raise typer.Exit(EXIT_INVALID if failed or (strict and problems.files) else EXIT_OK)


def _build_to_stdout(
    files: list[str], formats: list[str], out_dir: Path | None, strict: bool, today: datetime.date | None, cache: bool
) -> int:
    """`cjm build FILE -f FORMAT --stdout`: the one output on stdout (cached like a build), diagnostics on stderr."""
    from cjm.build import render_map
    from cjm.reporters import report_file_text

    paths = _journey_paths(files)
    if len(paths) != 1:
        raise typer.BadParameter(f"--stdout writes one map, and {len(paths)} were given", param_hint="FILES")
    if len(formats) != 1:
        raise typer.BadParameter("--stdout needs exactly one --format, such as -f svg", param_hint="--format")
    if out_dir is not None:
        raise typer.BadParameter("--stdout and --out-dir exclude each other", param_hint="--out-dir")
    rendered = render_map(paths[0], formats, _cache(not cache), today)
    if rendered.diagnostics:
        _emit("", report_file_text(rendered, _use_color()))
    content = rendered.outputs.get(formats[0])
    if not rendered.ok or content is None:
        return EXIT_INVALID
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()
    return EXIT_INVALID if strict and rendered.diagnostics else EXIT_OK


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int, int, str], None]]:
    """A rich progress bar on an interactive stderr for batches; nothing at all otherwise."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda done, total, name: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(_("building"), total=total)

        def advance(done: int, total: int, name: str) -> None:
            progress.update(task, completed=done, description=Path(name).name if name else _("done"))

        yield advance


DIFF_FORMATS = ("text", "md", "json")


@app.command(
    epilog="Examples:\n\n  cjm diff old.yaml new.yaml\n\n"
    "  cjm diff main:maps/checkout.yaml maps/checkout.yaml --output-format md >> $GITHUB_STEP_SUMMARY",
)
def diff(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(help="The earlier map: a path, or REV:path read from git.")],
    new: Annotated[str, typer.Argument(help="The later map: a path, or REV:path read from git.")],
    output_format: Annotated[
        str,
        typer.Option("--output-format", "-F", metavar="|".join(DIFF_FORMATS), help="text, md (pull requests) or json."),
    ] = "text",
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when the maps differ.")] = False,
    lang: Lang = None,
) -> None:
    """Show what changed between two versions of a map: stages, touchpoints, emotions, pain points, KPIs.

    Exit code 0, or with --exit-code 1 when the maps differ (as `git diff --exit-code`); 2 when a
    side cannot be read or is not a valid map.
    """
    from cjm import diff_report
    from cjm.diff import diff_journeys
    from cjm.pipeline import check_side

    if output_format not in DIFF_FORMATS:
        raise typer.BadParameter(_not_one_of(output_format, DIFF_FORMATS))
    sides = [check_side(old), check_side(new)]
    before, after = (side.journey if side.ok else None for side in sides)
    if before is None or after is None:
        report = REPORTERS["text"]([side for side in sides if side.diagnostics], _use_color())
        _emit("", report.stderr)
        raise typer.Exit(EXIT_USAGE)
    changes = diff_journeys(before, after, old, new)
    chosen = lang or ctx.find_root().params.get("lang")
    if chosen is None and before.locale == after.locale:
        use_language(before.locale)  # A diff of two French maps is French unless --lang says otherwise.
    if output_format == "md":
        _emit(diff_report.diff_markdown(changes, before, after), "")
    elif output_format == "json":
        _emit(diff_report.diff_json(changes), "")
    else:
        _emit(diff_report.diff_text(changes), "")
    raise typer.Exit(EXIT_INVALID if exit_code and not changes.empty else EXIT_OK)


RULES_FORMATS = ("text", "json", "md")


@app.command(epilog="Examples:\n\n  cjm rules\n\n  cjm rules --output-format md > docs/rules.md")
def rules(
    output_format: Annotated[
        str,
        typer.Option("--output-format", "-F", metavar="|".join(RULES_FORMATS), help="text, json or md (docs page)."),
    ] = "text",
    lang: Lang = None,
) -> None:
    """List every diagnostic code (errors and method warnings) with what it means."""
    from cjm import rules as table

    printers = {"text": table.rules_text, "json": table.rules_json, "md": table.rules_markdown}
    if output_format not in printers:
        raise typer.BadParameter(_not_one_of(output_format, RULES_FORMATS))
    sys.stdout.write(printers[output_format]())


@app.command(
    epilog="Examples:\n\n  cjm schema > schemas/journey.schema.json\n\n  cjm schema --output-format md > docs/format.md"
)
def schema(
    output_format: Annotated[
        str, typer.Option("--output-format", "-F", metavar="json|md", help="json (JSON Schema) or md (docs page).")
    ] = "json",
    lang: Lang = None,
) -> None:
    """Print the JSON Schema of journey files (for editors and other tools), or the format reference page."""
    from cjm.schema import format_reference, journey_schema_text

    printers = {"json": journey_schema_text, "md": format_reference}
    if output_format not in printers:
        raise typer.BadParameter(_not_one_of(output_format, tuple(printers)))
    sys.stdout.write(printers[output_format]())


cache_app = typer.Typer(
    help="The build cache that lets an unchanged map skip checking and rendering.", no_args_is_help=True
)
app.add_typer(cache_app, name="cache")


@cache_app.command(
    "clear", epilog="Examples:\n\n  cjm cache clear\n\n  CJM_CACHE_DIR=.cjm-cache cjm cache clear --unused-for 7"
)
def cache_clear(
    unused_for: Annotated[
        int | None,
        typer.Option("--unused-for", min=0, metavar="DAYS", help="Only entries not used for this many days."),
    ] = None,
    lang: Lang = None,
) -> None:
    """Delete every cached check and output (the next build renders every map again), or only the unused ones."""
    from cjm.cache import BuildCache

    cache = BuildCache()
    removed = cache.clear(datetime.timedelta(days=unused_for) if unused_for is not None else None)
    line = ngettext("removed {count} cache file from {folder}", "removed {count} cache files from {folder}", removed)
    _emit(line.format(count=removed, folder=cache.root) + "\n", "")


@cache_app.command("info", epilog="Examples:\n\n  cjm cache info")
def cache_info(lang: Lang = None) -> None:
    """Print where the cache is (CJM_CACHE_DIR, else the user cache folder), its entries and their size."""
    from cjm.cache import BuildCache

    cache = BuildCache()
    entries, size = cache.info()
    line = ngettext("{count} entry, {size} MiB", "{count} entries, {size} MiB", entries)
    from cjm.formatting import number

    size_text = number(size / 1_048_576, current_language(), "0.0")
    _emit(f"{cache.root}\n" + line.format(count=entries, size=size_text) + "\n", "")


def main() -> None:
    """Entry point of the `cjm` script: runs the app and turns an internal error into one line and exit 2."""
    debug = "--debug" in sys.argv[1:]
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.set_threshold(7000, 10, 10)
    try:
        app()
    except Exception as error:
        if debug:
            raise
        sys.stderr.write(
            _("cjm: internal error: {kind}: {error}\nre-run with --debug to see the traceback\n").format(
                kind=type(error).__name__, error=error
            )
        )
        sys.exit(EXIT_USAGE)
