"""Method checks: warnings that fail only with --strict, configured like a linter, reproducible in CI."""

from __future__ import annotations

import datetime
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from cjm.config import Config
from cjm.loader import Document, parse_text
from cjm.method import check_method, fits
from cjm.partial import readable_part
from tests.conftest import EXAMPLES, ROOT, run_cjm

WEAK = ROOT / "tests" / "cases" / "CJM501-to-513-method.yaml"


def codes(stdout: str) -> list[str]:
    return [item["code"] for item in json.loads(stdout)]


@pytest.fixture
def weak_map(tmp_path: Path) -> Path:
    target = tmp_path / "maps" / "checkout.yaml"
    target.parent.mkdir()
    shutil.copy(WEAK, target)
    return target


def test_warnings_fail_only_with_strict(weak_map: Path) -> None:
    lenient = run_cjm("validate", str(weak_map))
    strict = run_cjm("validate", "--strict", str(weak_map))
    assert lenient.returncode == 0
    assert strict.returncode == 1
    assert "warning CJM508" in strict.stderr


def test_strict_passes_on_the_examples() -> None:
    result = run_cjm("validate", "--strict", *[str(path) for path in EXAMPLES])
    assert result.returncode == 0, result.stderr


def test_today_comes_from_the_flag_or_source_date_epoch(weak_map: Path) -> None:
    early = run_cjm("validate", "-F", "json", "--today", "2025-02-01", str(weak_map))
    assert "CJM512" not in codes(early.stdout)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(1_810_000_000)}  # 2027-05-11
    late = run_cjm("validate", "-F", "json", str(EXAMPLES[0]), env=env)
    assert codes(late.stdout) == ["CJM512"]
    assert run_cjm("validate", "--today", "yesterday", str(weak_map)).returncode == 2


def test_cjm_toml_switches_rules_off_and_tunes_thresholds(weak_map: Path) -> None:
    before = set(codes(run_cjm("validate", "-F", "json", str(weak_map)).stdout))
    assert {"CJM501", "CJM505", "CJM512"} <= before
    (weak_map.parent.parent / ".cjm.toml").write_text(
        'ignore = ["CJM501", "CJM51"]\nmin-stages = 2\nstale-after-days = 1000\n'
    )
    after = set(codes(run_cjm("validate", "-F", "json", str(weak_map)).stdout))
    assert after == before - {"CJM501", "CJM505", "CJM510", "CJM512"}


def test_select_in_pyproject_enables_only_the_named_rules(weak_map: Path) -> None:
    (weak_map.parent / "pyproject.toml").write_text('[project]\nname = "maps"\n\n[tool.cjm]\nselect = ["CJM508"]\n')
    assert codes(run_cjm("validate", "-F", "json", str(weak_map)).stdout) == ["CJM508"]


def test_max_stages_is_configurable(tmp_path: Path) -> None:
    source = ROOT / "tests" / "cases" / "CJM504-too-many-stages.yaml"
    shutil.copy(source, tmp_path / "long.yaml")
    assert codes(run_cjm("validate", "-F", "json", str(tmp_path / "long.yaml")).stdout) == ["CJM504"]
    (tmp_path / ".cjm.toml").write_text("max-stages = 9\n")
    assert codes(run_cjm("validate", "-F", "json", str(tmp_path / "long.yaml")).stdout) == []


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        ('ignore = ["CJM999"]\n', 1, "`CJM999` in `ignore` is not a method check"),
        ('ignore = ["CJM203"]\n', 1, "`CJM203` in `ignore` is an error, which cannot be switched off"),
        ("\nmax-stage = 9\n", 2, "unknown option `max-stage` in the cjm configuration"),
        ('stale-after-days = "soon"\n', 1, "`stale-after-days` must be a whole number from 1 to 3650"),
        ("select = [\n", 2, "TOML syntax error"),
    ],
)
def test_a_broken_configuration_is_an_error(weak_map: Path, config: str, line: int, message: str) -> None:
    path = weak_map.parent / ".cjm.toml"
    path.write_text(config)
    result = run_cjm("validate", "-F", "json", str(weak_map))
    assert result.returncode == 1
    [problem] = [item for item in json.loads(result.stdout) if item["code"] == "CJM601"]
    assert problem["file"] == str(path)
    assert problem["line"] == line
    assert message in problem["message"]


def test_rules_lists_every_code_and_the_docs_page_is_current() -> None:
    from cjm.codes import RULES

    listing = run_cjm("rules")
    assert listing.returncode == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == list(RULES)
    page = run_cjm("rules", "--output-format", "md").stdout
    assert page == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), "docs/rules.md is stale: make docs"
    assert all(f"### {code}" in page for code in RULES)


# --- Checks that fit the map, and none that follow from a value left out -------------------------


def _method_codes(text: str) -> list[str]:
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    readable = readable_part(document)
    assert readable is not None
    found = check_method(readable.journey, readable.document, Config(), datetime.date(2026, 11, 25), readable.lost)
    return [diagnostic.code for diagnostic in found]


@pytest.mark.parametrize(
    ("map_type", "code", "expected"),
    [
        ("service-blueprint", "CJM506", False),
        ("current-state", "CJM506", True),
        (None, "CJM506", True),
        ("future-state", "CJM507", False),
        ("service-blueprint", "CJM507", True),
        ("future-state", "CJM514", True),
    ],
)
def test_checks_fit_the_kind_of_map(map_type: Any, code: str, expected: bool) -> None:
    assert fits(code, map_type) is expected


HEAD = "cjm: 1\ntitle: T\nreviewed: 2026-11-01\n"
PERSONA = "persona: {name: S, goals: [a], frustrations: [b]}\n"
STAGES = "stages:\n  - {name: A, emotion: 2}\n  - {name: B, emotion: 3}\n  - {name: C, emotion: 4}\n"


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # The objective is there but is not text: "no objective" would be wrong.
        (HEAD + "objective: [a, b]\n" + PERSONA + STAGES, "CJM501", None),
        (HEAD + "objectif: Faster\n" + PERSONA + STAGES, "CJM501", None),  # misspelt, not missing
        # Goals dedented out of the persona: the persona has them.
        (HEAD + "objective: x\npersona:\n  name: S\ngoals: [a]\nfrustrations: [b]\n" + STAGES, "CJM503", None),
        # A stage whose emotion is not a number: "no emotion" would be wrong; the other stages still count.
        (HEAD + "objective: x\n" + PERSONA + STAGES + "  - {name: D, emotion: high}\n", "CJM506", None),
        # A bad severity elsewhere in a stage does not hide that the stage has no emotion.
        (
            HEAD + "objective: x\n" + PERSONA + STAGES + "  - name: D\n    pain_points: [{text: P, severity: huge}]\n",
            None,
            "CJM506",
        ),
        # A whole stage left out: the stage count is unknown.
        (HEAD + "objective: x\n" + PERSONA + "stages:\n  - {name: A, emotion: 2}\n  - {emotion: 3}\n", "CJM505", None),
    ],
)
def test_no_warning_follows_from_what_was_left_out(text: str, absent: str | None, present: str | None) -> None:
    found = _method_codes(text)
    if absent is not None:
        assert absent not in found, found
    if present is not None:
        assert present in found, found
