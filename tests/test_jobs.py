"""The process pool: results come back in input order whatever the scheduling, answered here when quick, from
workers otherwise; `cjm build -j` and `cjm validate -j` report the same bytes as one job."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from cjm.jobs import default_jobs, run_ordered
from cjm.sources import collect_files
from tests.conftest import EXAMPLES, ROOT, run_cjm

BAD = sorted((ROOT / "tests" / "cases").glob("CJM2*.yaml"))


def slow_first(item: int) -> tuple[int, int]:
    """Early items take longest, so workers finish them last (a sleep to force the order, nothing is timed)."""
    time.sleep(0.02 * (8 - item))
    return item, os.getpid()


def quick_even(item: int) -> tuple[int, int] | None:
    return (item, -1) if item % 2 == 0 else None


def test_results_keep_the_input_order_when_later_items_finish_first() -> None:
    results = list(run_ordered(range(8), slow_first, jobs=2))
    assert [item for item, _ in results] == list(range(8))
    assert len({pid for _, pid in results}) == 2, "two worker processes did the work"
    assert os.getpid() not in {pid for _, pid in results}


def test_quick_answers_are_used_and_only_the_rest_goes_to_workers() -> None:
    results = list(run_ordered(range(8), slow_first, jobs=2, quick=quick_even))
    assert [item for item, _ in results] == list(range(8))
    assert [pid for item, pid in results if item % 2 == 0] == [-1] * 4
    assert all(pid > 0 for item, pid in results if item % 2)


def test_one_job_runs_here_without_a_pool() -> None:
    assert {pid for _, pid in run_ordered(range(3), slow_first, jobs=1)} == {os.getpid()}


def test_the_window_bounds_how_far_work_runs_ahead() -> None:
    seen = []

    def items() -> object:
        for item in range(8):
            seen.append(item)
            yield item

    results = run_ordered(items(), slow_first, jobs=2, window=2)  # type: ignore[arg-type]
    first = next(iter(results))
    assert first[0] == 0
    assert len(seen) <= 4, "no more than the window (plus the one being reported) was read ahead"
    assert [item for item, _ in results] == list(range(1, 8))


def test_default_jobs_is_the_cores_available() -> None:
    assert default_jobs() == len(os.sched_getaffinity(0))


def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "maps"
    folder.mkdir()
    plain = [path for path in EXAMPLES if "\nbaseline:" not in path.read_text(encoding="utf-8")]
    for number in range(10):
        shutil.copy(plain[number % len(plain)], folder / f"map-{number:02d}.yaml")
    for number, bad in enumerate(BAD[:4]):
        shutil.copy(bad, folder / f"map-{number * 3:02d}-bad.yaml")
    return folder


def test_build_reports_the_same_whatever_the_jobs(tmp_path: Path) -> None:
    folder = batch(tmp_path)
    runs = {
        jobs: run_cjm("build", str(folder), "-o", str(tmp_path / f"out-{jobs}"), "-j", str(jobs), "--no-cache", *fmt)
        for jobs in (1, 2)
        for fmt in [("-F", "json")]
    }
    assert runs[1].returncode == runs[2].returncode == 1
    assert runs[1].stdout == runs[2].stdout and '"code": "CJM2' in runs[1].stdout
    texts = [run_cjm("build", str(folder), "-o", str(tmp_path / "t"), "-j", str(jobs), "--no-cache") for jobs in (1, 2)]
    one, two = (text.stderr.splitlines()[:-1] for text in texts)  # the last line says how long it took
    assert one == two
    names = [line.split(":")[0] for line in texts[1].stderr.splitlines() if ": error CJM" in line]
    assert names == sorted(names), "files are reported in the order given"
    for path in (tmp_path / "out-1").iterdir():
        assert (tmp_path / "out-2" / path.name).read_bytes() == path.read_bytes()


def test_validate_reports_the_same_whatever_the_jobs(tmp_path: Path) -> None:
    folder = batch(tmp_path)
    runs = [run_cjm("validate", str(folder), "-j", str(jobs), "--no-cache") for jobs in (1, 2)]
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stderr == runs[1].stderr and "error CJM2" in runs[0].stderr


def test_a_small_batch_stays_in_one_process_unless_jobs_are_asked_for() -> None:
    from cjm.jobs import BUILD_SECONDS, CHECK_SECONDS, auto_jobs

    assert auto_jobs(5, CHECK_SECONDS) == 1
    assert auto_jobs(2, BUILD_SECONDS) == 1
    assert auto_jobs(200, BUILD_SECONDS) == default_jobs()
    assert auto_jobs(200, CHECK_SECONDS) == default_jobs()


def test_python_m_cjm_runs_a_pool_and_a_spawned_worker_does_not_run_the_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = batch(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "cjm", "build", str(folder), "-f", "md", "-j", "2", "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    maps = len(collect_files([str(folder)]))  # a bad file without `cjm:` is not a map: the folder skips it
    assert result.returncode == 1 and f"built 10 of {maps} files (md)" in result.stderr
    code = "import runpy; runpy.run_module('cjm.__main__', run_name='__mp_main__'); print('imported')"
    imported = subprocess.run([sys.executable, "-c", code, "validate"], capture_output=True, text=True, check=False)
    assert imported.stdout == "imported\n" and imported.stderr == ""
