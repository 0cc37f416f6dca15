"""The Python API works without the CLI: load a model, or get diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest

import cjm
from tests.conftest import EXAMPLES, ROOT


def test_load_returns_a_validated_model() -> None:
    journey = cjm.load(EXAMPLES[0])
    assert journey.title
    assert [stage.id for stage in journey.stages] == list(dict.fromkeys(stage.id for stage in journey.stages))


def test_load_raises_with_positioned_diagnostics() -> None:
    with pytest.raises(cjm.InvalidJourneyError) as raised:
        cjm.load(ROOT / "tests" / "cases" / "CJM302-unknown-channel.yaml")
    assert [d.code for d in raised.value.diagnostics] == ["CJM302", "CJM302"]
    assert "CJM302-unknown-channel.yaml:5:19: CJM302" in str(raised.value)


def test_check_reports_a_directory(tmp_path: Path) -> None:
    [diagnostic] = cjm.check(tmp_path)
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("CJM102", 0, 0)


def test_derived_ids_and_shorthands(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        "cjm: 1\ntitle: T\nstages:\n  - name: Paiement & livraison\n    pain_points: [Frais de port cachés]\n"
        "    opportunities:\n      - text: Afficher les frais\n        addresses: [frais-de-port-caches]\n"
        "    quotes: [C'est trop cher]\n    actions: Compare les prix\n",
        encoding="utf-8",
    )
    stage = cjm.load(path).stages[0]
    assert stage.id == "paiement-livraison"
    assert stage.pain_points[0].id == "frais-de-port-caches"
    assert stage.quotes[0].text == "C'est trop cher"
    assert stage.actions == ["Compare les prix"]


def test_stage_emotion_is_derived_from_touchpoints(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        "cjm: 1\ntitle: T\nstages:\n  - name: A\n    touchpoints:\n"
        "      - {name: X, channel: web, emotion: 2}\n      - {name: Y, channel: email, emotion: 5}\n",
        encoding="utf-8",
    )
    assert cjm.load(path).stages[0].score == 3.5


def test_python_tag_never_runs_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f'cjm: 1\ntitle: !!python/object/apply:os.system ["touch {marker}"]\nstages: [{{name: A}}]\n')
    assert [d.code for d in cjm.check(path)] == ["CJM110"]
    assert not marker.exists()


def test_future_state_opportunities_may_address_baseline_pain_points(tmp_path: Path) -> None:
    (tmp_path / "current.yaml").write_text(
        "cjm: 1\ntitle: Now\nstages:\n  - name: Pay\n    emotion: 2\n"
        "    pain_points: [{id: hidden-fees, text: Fees appear late, evidence: [Interviews]}]\n"
    )
    future = tmp_path / "future.yaml"
    future.write_text(
        "cjm: 1\ntitle: Next\ntype: future-state\nbaseline: current.yaml\nstages:\n  - name: Pay\n    emotion: 4\n"
        "    opportunities:\n      - {text: Show fees upfront, addresses: [hidden-fees], status: done}\n"
        "      - {text: Guess, addresses: [nowhere]}\n"
    )
    assert [(d.code, d.line) for d in cjm.check(future) if d.severity == "error"] == [("CJM304", 10)]
    future.write_text(future.read_text().replace("      - {text: Guess, addresses: [nowhere]}\n", ""))
    from cjm.pipeline import check_file
    from cjm.renderers import RenderOptions, render

    result = check_file(future)
    assert result.ok and result.journey is not None and result.baseline is not None
    options = RenderOptions(stem="future", baseline=result.baseline)
    assert "Fees appear late (current state)" in str(render(result.journey, "md", options))
    assert "Fees appear late (current state)" in str(render(result.journey, "html", options))
