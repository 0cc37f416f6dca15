"""Every diagnostic code has a small bad file and its exact expected output, run through the real CLI.

A case is `tests/cases/<name>.yaml` with `<name>.expected` beside it: one line per diagnostic,
`line:column severity code message` (`line:column-end` when the diagnostic knows where the
value ends), and an indented `hint:` line when there is one. Cases
that cannot be text files (bad encodings, binary data) are bytes in BYTE_CASES below.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cjm.cli import app
from cjm.codes import RULES
from tests.conftest import ROOT, TODAY_EPOCH, compare_golden, run_cjm

CASES = ROOT / "tests" / "cases"
YAML_CASES = sorted(CASES.glob("*.yaml"))

VALID_HEAD = b"cjm: 1\ntitle: T\nstages:\n  - name: Only\n"
BYTE_CASES: dict[str, bytes] = {
    "not-utf8": b"cjm: 1\ntitle: Caf\xe9 cr\xe8me\nstages:\n  - name: A\n",
    "binary-nul": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "control-character": b"cjm: 1\ntitle: bell \x07 here\nstages:\n  - name: A\n",
    "bom-and-crlf-are-fine": b"\xef\xbb\xbfcjm: 1\r\ntitle: T\r\nstages:\r\n  - name: Only\r\n",
    "bom-crlf-position": b"\xef\xbb\xbfcjm: 1\r\ntitle: T\r\nstages:\r\n  - name: Only\r\n    colour: red\r\n",
    "empty-file": b"",
    "only-comments": b"# a journey, one day\n",
}


def _expected_text(stdout: str) -> str:
    lines = []
    for item in json.loads(stdout):
        end = f"-{item['end_column']}" if item.get("end_column") else ""
        lines.append(f"{item['line']}:{item['column']}{end} {item['severity']} {item['code']} {item['message']}")
        if item["hint"]:
            lines.append(f"    hint: {item['hint']}")
    return "\n".join(lines) + "\n" if lines else ""


def _check(path: Path, expected: Path, update: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the real CLI app in-process (typer's runner: fast); test_cli.py checks it equals the script."""
    monkeypatch.chdir(ROOT)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    result = CliRunner().invoke(
        app, ["validate", "--output-format", "json", str(shown)], env={"SOURCE_DATE_EPOCH": TODAY_EPOCH}
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    has_errors = '"severity": "error"' in result.stdout
    assert result.exit_code == (1 if has_errors else 0), result.stderr
    compare_golden(expected, _expected_text(result.stdout), update)


@pytest.mark.parametrize("case", YAML_CASES, ids=[case.stem for case in YAML_CASES])
def test_yaml_case(case: Path, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    _check(case, case.with_suffix(".expected"), update_golden, monkeypatch)


@pytest.mark.parametrize("name", sorted(BYTE_CASES))
def test_byte_case(name: str, tmp_path: Path, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(BYTE_CASES[name])
    _check(path, CASES / "bytes" / f"{name}.expected", update_golden, monkeypatch)


def test_every_reading_schema_reference_and_method_code_has_a_case() -> None:
    covered = set()
    for expected in CASES.rglob("*.expected"):
        covered |= {line.split()[2] for line in expected.read_text().splitlines() if line[:1].isdigit()}
    wanted = {code for code in RULES if code[3] in "1235" and code not in {"CJM101", "CJM102", "CJM112", "CJM113"}}
    assert wanted - covered == set(), f"codes without a case: {sorted(wanted - covered)}"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = run_cjm("validate", "--output-format", "json", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 1
    assert json.loads(missing.stdout)[0]["code"] == "CJM101"
    (tmp_path / "empty-dir").mkdir()
    folder = run_cjm("validate", str(tmp_path / "empty-dir"))
    assert folder.returncode == 2
    assert "no journey files" in folder.stderr
    assert "Traceback" not in folder.stderr + missing.stderr


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(VALID_HEAD + b"#" * (11 * 1024 * 1024) + b"\n")
    result = run_cjm("validate", "--output-format", "json", str(path))
    assert result.returncode == 1
    assert json.loads(result.stdout)[0]["code"] == "CJM112"
