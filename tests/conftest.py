"""Shared test fixtures: the golden-file switch, paths and a runner for the real `cjm` command."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
CJM = Path(sys.executable).parent / "cjm"
# Tests see a fixed "today" (2026-11-25) so the staleness check gives the same answer every day.
TODAY_EPOCH = "1795564800"
# The suite expects English tool messages whatever the machine's locale: LANGUAGE is the variable
# gettext reads first and the only one that changes nothing but messages. Tests of French set their own.
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _english_run() -> None:
    """Each test starts with the tool speaking English (a CLI test run in-process may have chosen French)."""
    from cjm.translation import use_language

    use_language("en")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden and expected files")


@pytest.fixture(scope="session", autouse=True)
def session_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The build cache of session and module fixtures: never the user's own cache folder."""
    folder = tmp_path_factory.mktemp("cjm-session-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CJM_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty build cache (CJM_CACHE_DIR), so no test is served another one's outputs."""
    folder = tmp_path_factory.mktemp("cjm-cache")
    monkeypatch.setenv("CJM_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def compare_golden(path: Path, actual: str, update: bool) -> None:
    """Fail with a unified diff (and the command to accept it) when `actual` differs from the golden file."""
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"missing golden file {path.relative_to(ROOT)}: run `make golden` to create it"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"{path.relative_to(ROOT)} (golden)",
                tofile="actual",
            )
        )
        pytest.fail(f"output differs from {path.relative_to(ROOT)}; if intended, run `make golden`\n{diff}")


def run_cjm(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `cjm` script as a real subprocess, with today fixed unless `env` says otherwise."""
    environment = env if env is not None else {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    return subprocess.run(
        [str(CJM), *args], capture_output=True, text=True, cwd=cwd or ROOT, env=environment, timeout=120, check=False
    )
