"""`cjm build`: every format written, invalid files skipped, deterministic, atomic, Graphviz optional."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, TODAY_EPOCH, run_cjm

BAD = ROOT / "tests" / "cases" / "CJM203-unknown-fields.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run_cjm("build", *[str(path) for path in EXAMPLES], "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_default_formats_for_every_example(built: Path) -> None:
    expected = sorted(f"{path.stem}{suffix}" for path in EXAMPLES for suffix in (".svg", ".html", ".md"))
    assert sorted(path.name for path in built.iterdir()) == expected


def test_building_twice_gives_identical_bytes(built: Path, tmp_path: Path) -> None:
    again = run_cjm("build", *[str(path) for path in EXAMPLES], "-o", str(tmp_path), "-f", "svg,html,md,png")
    assert again.returncode == 0, again.stderr
    for path in built.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
    third = tmp_path / "third"
    run_cjm("build", str(EXAMPLES[0]), "-o", str(third), "-f", "png")
    assert (third / f"{EXAMPLES[0].stem}.png").read_bytes() == (tmp_path / f"{EXAMPLES[0].stem}.png").read_bytes()


def test_summary_line_and_quiet_when_not_a_terminal(tmp_path: Path) -> None:
    result = run_cjm("build", str(EXAMPLES[0]), "-o", str(tmp_path), "-f", "html")
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("built 1 of 1 file (html): 1 output in ")


def test_invalid_file_is_reported_like_validate_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(BAD, tmp_path / "in" / "bad.yaml")
    shutil.copy(EXAMPLES[0], tmp_path / "in" / "good.yaml")
    build = run_cjm("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-F", "json")
    validate = run_cjm("validate", str(tmp_path / "in" / "bad.yaml"), "-F", "json")
    assert build.returncode == 1
    assert build.stdout == validate.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.html", "good.md", "good.svg"]


def test_outputs_beside_the_source_by_default(tmp_path: Path) -> None:
    source = tmp_path / "checkout.yaml"
    shutil.copy(EXAMPLES[0], source)
    assert run_cjm("build", str(source), "-f", "md").returncode == 0
    assert (tmp_path / "checkout.md").is_file()


def test_same_stem_from_two_folders_is_refused(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(EXAMPLES[0], tmp_path / folder / "map.yaml")
    result = run_cjm(
        "build",
        str(tmp_path / "a" / "map.yaml"),
        str(tmp_path / "b" / "map.yaml"),
        "-o",
        str(tmp_path / "out"),
        "-f",
        "md",
        "-F",
        "json",
    )
    assert result.returncode == 1
    assert '"code": "CJM404"' in result.stdout


def test_without_graphviz_the_flow_fails_and_the_rest_still_builds(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    env = {**os.environ, "PATH": str(bin_dir)}
    args = ("build", str(EXAMPLES[0]), "-o", str(tmp_path / "out"), "-F", "json", "-f", "svg,html,md")
    result = run_cjm(*args, "--view", "map", "--view", "flow", env=env)
    assert result.returncode == 1
    assert '"code": "CJM401"' in result.stdout
    assert "apt-get install graphviz" in result.stdout
    # The machine lacks a program: no line of the map is the cause, so none is shown.
    [missing] = [item for item in json.loads(result.stdout) if item["code"] == "CJM401"]
    assert (missing["line"], missing["column"]) == (None, None)
    stem = EXAMPLES[0].stem
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{stem}.html", f"{stem}.md", f"{stem}.svg"]
    assert "Traceback" not in result.stderr


def test_the_default_build_needs_no_graphviz(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    env = {**os.environ, "PATH": str(bin_dir), "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    result = run_cjm("build", str(EXAMPLES[0]), "-o", str(tmp_path / "out"), env=env)
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "out").iterdir())) == 3


def test_each_view_writes_its_own_files(tmp_path: Path) -> None:
    source = ROOT / "examples" / "saas-trial-onboarding.yaml"
    result = run_cjm(
        "build", str(source), "-o", str(tmp_path), "-f", "svg", "-f", "png", "-f", "md", "--view", "map,flow,slide"
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    stem = source.stem
    assert names == sorted(
        [f"{stem}{infix}.{suffix}" for infix in ("", ".flow", ".slide") for suffix in ("svg", "png")] + [f"{stem}.md"]
    )
    report = (tmp_path / f"{stem}.md").read_text(encoding="utf-8")
    assert f"]({stem}.svg)" in report and f"]({stem}.flow.svg)" in report and f"{stem}.html" not in report


def test_unknown_view_is_a_usage_error() -> None:
    result = run_cjm("build", str(EXAMPLES[0]), "--view", "poster")
    assert result.returncode == 2
    assert "poster" in result.stderr


def test_unknown_format_is_a_usage_error() -> None:
    result = run_cjm("build", str(EXAMPLES[0]), "-f", "pdf")
    assert result.returncode == 2


def test_future_state_html_draws_both_curves(built: Path) -> None:
    html = (built / "ecommerce-first-purchase-future.html").read_text(encoding="utf-8")
    current = (built / "ecommerce-first-purchase.html").read_text(encoding="utf-8")
    assert 'class="baseline"' in html
    assert 'class="baseline"' not in current


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    import pty
    import subprocess

    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    process = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "cjm"), "build", *[str(p) for p in EXAMPLES], "-o", str(tmp_path), "-f", "md"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=secondary,
        env=env,
        timeout=120,
        check=False,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    seen = b"".join(chunks).decode("utf-8", errors="replace")
    assert process.returncode == 0
    assert "━" in seen  # the bar itself, drawn on the terminal and then cleared
    assert f"built {len(EXAMPLES)} of {len(EXAMPLES)} files (md)" in seen


def test_api_runner_and_module_render_identical_bytes(tmp_path: Path) -> None:
    import subprocess
    import sys

    from typer.testing import CliRunner

    from cjm import load
    from cjm.cli import app
    from cjm.renderers import RenderOptions, render

    example = EXAMPLES[0]
    # The build tells the Markdown report which files it writes beside it, so it links the HTML page.
    siblings = frozenset(f"{example.stem}.{fmt}" for fmt in ("svg", "html", "md"))
    options = RenderOptions(stem=example.stem, siblings=siblings)
    via_api = {fmt: render(load(example), fmt, options) for fmt in ("svg", "html", "md")}
    runner_out, module_out = tmp_path / "runner", tmp_path / "module"
    assert CliRunner().invoke(app, ["build", str(example), "-o", str(runner_out)]).exit_code == 0
    subprocess.run(
        [sys.executable, "-m", "cjm", "build", str(example), "-o", str(module_out)], check=True, capture_output=True
    )
    for fmt, content in via_api.items():
        expected = content.encode("utf-8") if isinstance(content, str) else content
        name = f"{example.stem}.{fmt}"
        assert (runner_out / name).read_bytes() == expected == (module_out / name).read_bytes(), name


def test_a_map_served_from_the_cache_loads_neither_the_models_nor_the_renderers(tmp_path: Path) -> None:
    import subprocess
    import sys

    assert run_cjm("build", str(EXAMPLES[0]), "-o", str(tmp_path)).returncode == 0
    code = (
        "import sys\nfrom pathlib import Path\nfrom cjm.build import build_files\n"
        f"[result] = build_files([Path({str(EXAMPLES[0])!r})], ['svg', 'html', 'md'], Path({str(tmp_path)!r}))\n"
        "assert result.ok and len(result.written) == 3 and result.rendered == (), result\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pydantic', 'jinja2', 'graphviz', 'ruamel'}"
        " or m in {'cjm.model', 'cjm.pipeline'} or m.startswith('cjm.renderers.')))"
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795564800"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"


def test_a_check_reports_the_same_diagnostics_in_the_same_order_fresh_or_from_the_cache(tmp_path: Path) -> None:
    import os

    from tests.conftest import TODAY_EPOCH, run_cjm

    case = ROOT / "tests" / "cases" / "CJM114-zero-width-and-ideographic.yaml"
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "CJM_CACHE_DIR": str(tmp_path / "cache")}
    fresh, replayed = (run_cjm("validate", "-F", "json", str(case), env=env).stdout for _ in "12")
    assert fresh == replayed
    assert '"code": "CJM105"' in fresh
