"""The shipped examples are complete, valid maps that follow the method."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cjm
from tests.conftest import EXAMPLES, ROOT, run_cjm


def test_validate_all_examples_exits_zero() -> None:
    result = run_cjm("validate", *[str(path) for path in EXAMPLES])
    assert result.returncode == 0, result.stderr
    assert f"{len(EXAMPLES)} files valid" in result.stderr


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_example_is_a_complete_map(path: Path) -> None:
    journey = cjm.load(path)
    assert journey.objective and journey.persona is not None
    assert 5 <= len(journey.stages) <= 8
    assert len({touchpoint.channel for _, touchpoint in journey.touchpoints()}) >= 3
    assert all(stage.score is not None for stage in journey.stages)
    assert journey.pain_points() and all(pain.evidence for _, pain in journey.pain_points())
    addressed = {ref for _, opportunity in journey.opportunities() for ref in opportunity.addresses}
    assert addressed, "opportunities should address pain points"
    assert any(stage.kpis for stage in journey.stages)


def test_examples_cover_french_and_service_blueprint() -> None:
    journeys = [cjm.load(path) for path in EXAMPLES]
    assert any(journey.locale == "fr" for journey in journeys)
    blueprints = [journey for journey in journeys if journey.type == "service-blueprint"]
    assert blueprints and all(stage.backstage for stage in blueprints[0].stages)


def test_readme_example_is_a_valid_map(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```yaml\n# yaml-language-server", 1)[1].split("```", 1)[0]
    path = tmp_path / "journey.yaml"
    path.write_text("# yaml-language-server" + block, encoding="utf-8")
    result = run_cjm("validate", "-F", "json", str(path))
    assert result.returncode == 0, result.stdout
    assert [item["code"] for item in json.loads(result.stdout)] == ["CJM505"]
