"""`cjm build FILE -f FORMAT --stdout`: one picture on standard output, for docs pipelines."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cjm.cli import app
from tests.conftest import CJM, ROOT, run_cjm

EXAMPLE = ROOT / "examples" / "saas-trial-onboarding.yaml"


def test_stdout_writes_the_same_bytes_as_the_file(tmp_path: Path) -> None:
    built = run_cjm("build", str(EXAMPLE), "-f", "png", "-o", str(tmp_path))
    assert built.returncode == 0, built.stderr
    done = subprocess.run([str(CJM), "build", str(EXAMPLE), "-f", "png", "--stdout"], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (tmp_path / "saas-trial-onboarding.png").read_bytes()
    assert done.stderr == b""


def test_stdout_of_an_invalid_map_is_empty_and_its_diagnostics_go_to_stderr(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("cjm: 1\ntitle: Broken\nstages: []\nchanels: []\n", encoding="utf-8")
    done = run_cjm("build", str(broken), "-f", "svg", "--stdout")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "CJM203" in done.stderr and "broken.yaml:4:1" in done.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([str(ROOT / "examples"), "-f", "svg"], "--stdout writes one map, and"),
        ([str(EXAMPLE), "-f", "svg", "-f", "png"], "exactly one --format"),
        ([str(EXAMPLE)], "exactly one --format"),
        ([str(EXAMPLE), "-f", "svg", "-o", "out"], "exclude each other"),
    ],
)
def test_stdout_takes_one_map_and_one_format(arguments: list[str], message: str) -> None:
    done = CliRunner().invoke(app, ["build", *arguments, "--stdout"])
    assert done.exit_code == 2
    assert message in " ".join(done.output.replace("│", " ").split())
