"""`cjm build --stdout` misuse is a usage error reported once, with the files skipped named first."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLES, run_cjm


def test_stdout_with_out_dir_is_one_usage_error_after_the_note(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text("a: 1\n", encoding="utf-8")
    done = run_cjm("build", str(tmp_path), str(EXAMPLES[0]), "-f", "svg", "--stdout", "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("skipped 1 YAML file") == 1
    assert "--stdout and --out-dir exclude each other" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_lean_build_writes_and_summarises(tmp_path: Path) -> None:
    done = run_cjm("build", str(EXAMPLES[0]), "-f", "md", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("built 1 of 1 file (md): 1 output in ")
    assert (tmp_path / f"{EXAMPLES[0].stem}.md").is_file()
