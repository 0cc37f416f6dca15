"""The build cache: unchanged maps are not rendered again, warnings are replayed, corrupt entries are rebuilt,
two builds at once are safe, `--no-cache` and `cjm cache clear` do what they say.

Renders are counted, never timed: `dot` runs are logged by a wrapper in front of the real one, and the
summary line says how many outputs came from the cache.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cjm.build import render_map
from cjm.cache import BuildCache, CheckRecord, default_cache_dir, read_inputs
from cjm.diagnostics import Diagnostic, Severity
from tests.conftest import CJM, EXAMPLES, ROOT, TODAY_EPOCH, run_cjm

EXAMPLE = ROOT / "examples" / "ecommerce-first-purchase.yaml"
FUTURE = ROOT / "examples" / "ecommerce-first-purchase-future.yaml"
WARNED = ROOT / "tests" / "cases" / "CJM502-505-511-bare-map.yaml"
TODAY = datetime.date(2026, 11, 25)
# The flow view is the picture Graphviz draws: the tests count its `dot` runs.
FLOW = ("--view", "flow")


@pytest.fixture
def logged_dot(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose `dot` logs each run to a file, then runs the real Graphviz."""
    real = shutil.which("dot")
    assert real is not None, "Graphviz is installed by `make system`"
    folder = tmp_path / "logged-bin"
    folder.mkdir()
    log = tmp_path / "dot-runs.log"
    wrapper = folder / "dot"
    wrapper.write_text(f'#!/bin/sh\necho "run $*" >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    return env, log


def dot_runs(log: Path) -> int:
    """Graphviz layouts logged: the flow then draws its laid-out graph with `-n2` (not a layout), not counted."""
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return sum(1 for line in lines if "-n2" not in line)


def copy_map(source: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or source.name)
    shutil.copy(source, target)
    return target


def test_an_unchanged_map_is_not_rendered_again(tmp_path: Path, logged_dot: tuple[dict[str, str], Path]) -> None:
    env, log = logged_dot
    first = run_cjm("build", str(EXAMPLE), *FLOW, "-o", str(tmp_path / "a"), env=env)
    assert first.returncode == 0, first.stderr
    assert dot_runs(log) == 1
    assert "from the cache" not in first.stderr
    second = run_cjm("build", str(EXAMPLE), *FLOW, "-o", str(tmp_path / "b"), env=env)
    assert second.returncode == 0, second.stderr
    assert dot_runs(log) == 1
    assert "3 outputs in" in second.stderr and "(3 from the cache)" in second.stderr
    for name in ("ecommerce-first-purchase.flow.svg", "ecommerce-first-purchase.html", "ecommerce-first-purchase.md"):
        assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "a" / name).read_bytes(), name


def test_warnings_are_replayed_from_the_cache(tmp_path: Path, logged_dot: tuple[dict[str, str], Path]) -> None:
    env, log = logged_dot
    source = copy_map(WARNED, tmp_path / "in")
    runs = [run_cjm("build", str(source), *FLOW, "-o", str(tmp_path / "out"), "-F", "json", env=env) for _ in range(2)]
    assert '"code": "CJM502"' in runs[0].stdout
    assert runs[1].stdout == runs[0].stdout
    assert "from the cache" in runs[1].stderr and dot_runs(log) == 1
    texts = [run_cjm("validate", str(source), env=env) for _ in range(2)]
    assert "warning CJM502" in texts[0].stderr and "│" in texts[0].stderr
    assert texts[1].stderr == texts[0].stderr


def test_an_invalid_map_is_replayed_and_still_writes_nothing(tmp_path: Path) -> None:
    bad = copy_map(ROOT / "tests" / "cases" / "CJM203-unknown-fields.yaml", tmp_path / "in")
    runs = [run_cjm("build", str(bad), *FLOW, "-o", str(tmp_path / "out"), "-F", "json") for _ in range(2)]
    assert [run.returncode for run in runs] == [1, 1]
    assert runs[1].stdout == runs[0].stdout and '"code": "CJM203"' in runs[0].stdout
    assert not (tmp_path / "out").exists()


def test_a_change_to_the_map_its_baseline_or_its_configuration_is_seen(
    tmp_path: Path, logged_dot: tuple[dict[str, str], Path]
) -> None:
    env, log = logged_dot
    folder = tmp_path / "maps"
    current = copy_map(EXAMPLE, folder)
    future = copy_map(FUTURE, folder)
    out = str(tmp_path / "out")
    assert run_cjm("build", str(future), *FLOW, "-o", out, "-f", "svg", env=env).returncode == 0
    assert run_cjm("build", str(future), *FLOW, "-o", out, "-f", "svg", env=env).returncode == 0
    assert dot_runs(log) == 1
    current.write_text(current.read_text(encoding="utf-8") + "\n# reviewed again\n", encoding="utf-8")
    assert run_cjm("build", str(future), *FLOW, "-o", out, "-f", "svg", env=env).returncode == 0
    assert dot_runs(log) == 2, "a changed baseline is a new key"
    future.write_text(future.read_text(encoding="utf-8").replace("title: ", "title: New ", 1), encoding="utf-8")
    assert run_cjm("build", str(future), *FLOW, "-o", out, "-f", "svg", env=env).returncode == 0
    assert dot_runs(log) == 3, "a changed map is a new key"
    before = run_cjm("validate", str(future), "-F", "json", env=env).stdout
    (folder / ".cjm.toml").write_text("max-stages = 2\n", encoding="utf-8")
    after = run_cjm("build", str(future), *FLOW, "-o", out, "-f", "svg", "-F", "json", env=env)
    assert '"code": "CJM504"' not in before
    assert '"code": "CJM504"' in after.stdout, "a changed configuration is checked again"
    assert dot_runs(log) == 3, "the picture does not depend on the configuration"


def test_a_corrupt_entry_is_ignored_and_rebuilt(
    tmp_path: Path, cache_dir: Path, logged_dot: tuple[dict[str, str], Path]
) -> None:
    env, log = logged_dot
    first = run_cjm("build", str(EXAMPLE), *FLOW, "-o", str(tmp_path / "a"), env=env)
    assert first.returncode == 0
    entries = [path for path in cache_dir.rglob("*") if path.is_file() and "templates" not in path.parts]
    assert len(entries) == 4  # the check and three outputs
    for number, entry in enumerate(entries):
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] if number % 2 else data[:-1] + bytes([data[-1] ^ 1]))
    second = run_cjm("build", str(EXAMPLE), *FLOW, "-o", str(tmp_path / "b"), env=env)
    assert second.returncode == 0, second.stderr
    assert "from the cache" not in second.stderr and dot_runs(log) == 2
    for path in (tmp_path / "a").iterdir():
        assert (tmp_path / "b" / path.name).read_bytes() == path.read_bytes()
    third = run_cjm("build", str(EXAMPLE), *FLOW, "-o", str(tmp_path / "c"), env=env)
    assert "(3 from the cache)" in third.stderr and dot_runs(log) == 2


def test_no_cache_neither_reads_nor_writes(
    tmp_path: Path, cache_dir: Path, logged_dot: tuple[dict[str, str], Path]
) -> None:
    env, log = logged_dot
    for _ in range(2):
        result = run_cjm("build", str(EXAMPLE), *FLOW, "-o", str(tmp_path), "--no-cache", env=env)
        assert result.returncode == 0 and "from the cache" not in result.stderr
    assert dot_runs(log) == 2
    assert not (cache_dir / "v1").exists()


def test_cache_clear_and_info(tmp_path: Path, cache_dir: Path) -> None:
    assert run_cjm("build", str(EXAMPLE), "-o", str(tmp_path)).returncode == 0
    info = run_cjm("cache", "info")
    assert info.stdout.splitlines()[0] == str(cache_dir)
    assert info.stdout.splitlines()[1].startswith("4 entries, ")
    cleared = run_cjm("cache", "clear")
    assert cleared.returncode == 0 and cleared.stdout.startswith("removed ")
    assert run_cjm("cache", "info").stdout.splitlines()[1].startswith("0 entries")
    again = run_cjm("build", str(EXAMPLE), "-o", str(tmp_path))
    assert "from the cache" not in again.stderr


def test_two_builds_at_once_share_the_cache_safely(tmp_path: Path, cache_dir: Path) -> None:
    plain = [path for path in EXAMPLES if "\nbaseline:" not in path.read_text(encoding="utf-8")]
    maps = [copy_map(plain[n % len(plain)], tmp_path / "maps", f"map-{n:02d}.yaml") for n in range(12)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    command = [str(CJM), "build", str(tmp_path / "maps"), "-j", "2"]
    processes = [
        subprocess.Popen(
            [*command, "-o", str(tmp_path / name)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for name in ("one", "two")
    ]
    outcomes = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outcomes
    reference = run_cjm("build", str(tmp_path / "maps"), "-o", str(tmp_path / "reference"), "--no-cache")
    assert reference.returncode == 0
    for path in (tmp_path / "reference").iterdir():
        assert (tmp_path / "one" / path.name).read_bytes() == path.read_bytes(), path.name
        assert (tmp_path / "two" / path.name).read_bytes() == path.read_bytes(), path.name
    assert not [path for path in cache_dir.rglob("*.tmp")], "no temporary entry is left behind"
    warm = run_cjm("build", str(tmp_path / "maps"), "-o", str(tmp_path / "three"))
    assert f"({3 * len(maps)} from the cache)" in warm.stderr


def test_a_cached_picture_is_not_served_when_graphviz_is_gone(tmp_path: Path) -> None:
    assert run_cjm("build", str(EXAMPLE), *FLOW, "-o", str(tmp_path / "a")).returncode == 0
    empty = tmp_path / "bin"
    empty.mkdir()
    result = run_cjm(
        "build", str(EXAMPLE), *FLOW, "-o", str(tmp_path / "b"), "-F", "json", env={**os.environ, "PATH": str(empty)}
    )
    assert result.returncode == 1 and '"code": "CJM401"' in result.stdout
    assert sorted(path.suffix for path in (tmp_path / "b").iterdir()) == [".html", ".md"]


def test_render_map_gives_bytes_and_counts_renders(cache_dir: Path) -> None:
    cache = BuildCache(cache_dir)
    first = render_map(EXAMPLE, ["svg", "md"], cache, TODAY)
    second = render_map(EXAMPLE, ["svg", "md"], cache, TODAY)
    assert first.ok and first.rendered == ("svg", "md")
    assert second.rendered == () and second.outputs == first.outputs
    assert second.outputs["svg"].startswith(b"<?xml") or b"<svg" in second.outputs["svg"][:400]
    uncached = render_map(EXAMPLE, ["md"], BuildCache.disabled(), TODAY)
    assert uncached.rendered == ("md",) and uncached.outputs["md"] == first.outputs["md"]


def test_check_record_round_trip() -> None:
    diagnostic = Diagnostic("a.yaml", 3, 5, "CJM502", Severity.WARNING, "no persona « ici »", None)
    record = CheckRecord(True, (diagnostic,), "current.yaml", "abc")
    assert CheckRecord.from_bytes(record.to_bytes()) == record


def test_garbage_entries_are_dropped_and_an_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    cache.store("ab" * 32, b"payload")
    assert cache.load("ab" * 32) == b"payload"
    entry = next(path for path in (tmp_path / "cache").rglob("*") if path.is_file())
    entry.write_bytes(b"short")
    assert cache.load("ab" * 32) is None
    assert not entry.exists()
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    BuildCache(blocked).store("cd" * 32, b"payload")  # no exception: the cache is best-effort
    assert BuildCache(blocked).load("cd" * 32) is None


def test_a_check_entry_follows_its_baseline(tmp_path: Path) -> None:
    current = copy_map(EXAMPLE, tmp_path)
    future = copy_map(FUTURE, tmp_path)
    cache = BuildCache(tmp_path / "cache")
    found = read_inputs(future, TODAY)
    assert found is not None
    assert render_map(future, ["md"], cache, TODAY).rendered == ("md",)
    assert cache.check(found) is not None
    current.unlink()
    assert cache.check(found) is None


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CJM_CACHE_DIR", str(tmp_path / "here"))
    assert default_cache_dir() == tmp_path / "here"
    monkeypatch.delenv("CJM_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "cjm"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "cjm"


def test_clear_unused_for_keeps_what_was_used_recently(tmp_path: Path, cache_dir: Path) -> None:
    assert run_cjm("build", str(EXAMPLE), "-o", str(tmp_path), "-f", "md").returncode == 0
    entries = [path for path in (cache_dir / "v1").rglob("*") if path.is_file()]
    assert len(entries) == 2
    long_ago = 1_700_000_000
    for entry in entries:
        os.utime(entry, (long_ago, long_ago))
    assert run_cjm("cache", "clear", "--unused-for", "7").stdout.startswith("removed 2 cache files")
    assert run_cjm("build", str(EXAMPLE), "-o", str(tmp_path), "-f", "md").returncode == 0
    for entry in entries:
        os.utime(entry, (long_ago, long_ago))
    hit = run_cjm("build", str(EXAMPLE), "-o", str(tmp_path), "-f", "md")
    assert "(1 from the cache)" in hit.stderr, "a hit renews the entries it read"
    assert run_cjm("cache", "clear", "--unused-for", "7").stdout.startswith("removed 0 cache files")


def test_derived_data_is_computed_once_per_version_of_its_file(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    source = tmp_path / "font.bin"
    source.write_bytes(b"glyphs")
    calls: list[bytes] = []

    def measure() -> bytes:
        calls.append(source.read_bytes())
        return b"measures of " + source.read_bytes()

    assert cache.derived("metrics", source, measure) == b"measures of glyphs"
    assert cache.derived("metrics", source, measure) == b"measures of glyphs"
    assert len(calls) == 1
    source.write_bytes(b"other glyphs")
    assert cache.derived("metrics", source, measure) == b"measures of other glyphs"
    assert len(calls) == 2
    assert BuildCache.disabled().derived("metrics", source, measure) == b"measures of other glyphs"
    assert len(calls) == 3
