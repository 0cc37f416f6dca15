"""`cjm diff`: a semantic diff of two revisions of a map, read from disk or from git."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT, run_cjm

EXAMPLE = ROOT / "examples" / "ecommerce-first-purchase.yaml"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _change(data: Any) -> None:
    """Edit a map the way a team would between two reviews: one edit per kind of change the diff reports."""
    stages = data["stages"]
    data["objective"] = "Cut first-purchase cart abandonment from 71% to 50%"
    data["persona"]["goals"].append("Pay with Apple Pay")
    stages[0]["name"] = "Discovery"  # renamed stage
    stages[1], stages[2] = stages[2], stages[1]  # research and cart swap places
    stages[3]["emotion"] = 1  # checkout feels better
    stages[0]["touchpoints"].pop(2)  # colleague-recommendation removed
    stages[0]["touchpoints"].append({"id": "tiktok-video", "name": "TikTok video", "channel": "social", "emotion": 1})
    stages[4]["touchpoints"][0]["channel"] = "sms"  # cart-reminder-email switched channel
    moved = stages[2]["touchpoints"].pop(1)  # research/customer-reviews moves to the cart stage
    stages[1]["touchpoints"].append(moved)
    checkout = next(stage for stage in stages if stage["id"] == "checkout")
    checkout["pain_points"] = [pain for pain in checkout["pain_points"] if pain["id"] != "pp-hidden-shipping"]
    for stage in stages:
        for opportunity in stage.get("opportunities", []):
            if "pp-hidden-shipping" in opportunity.get("addresses", []):
                opportunity["addresses"] = [ref for ref in opportunity["addresses"] if ref != "pp-hidden-shipping"]
            if opportunity["id"] == "opp-size-scale":
                opportunity["status"] = "done"
        for pain in stage.get("pain_points", []):
            if pain["id"] == "pp-delivery-window":
                pain["severity"] = "medium"
    research = next(stage for stage in stages if stage["id"] == "research")
    research["kpis"][0]["value"] = 7.1  # add-to-cart rate up: better
    discover = stages[0]
    discover["kpis"][0]["value"] = 41  # cost per first order up: worse (better: lower)
    discover["kpis"][0]["target"] = 32


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("repo")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "user.email", "cx@example.com")
    _git(root, "config", "user.name", "CX team")
    (root / "maps").mkdir()
    target = root / "maps" / "checkout.yaml"
    target.write_bytes(EXAMPLE.read_bytes())
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "current state")
    yaml = YAML()
    data = yaml.load(target)
    _change(data)
    with target.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return root


def test_json_lists_each_kind_of_change(repo: Path) -> None:
    result = run_cjm("diff", "main:maps/checkout.yaml", "maps/checkout.yaml", "-F", "json", cwd=repo)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["changed"] is True
    kinds = {
        (group, change["kind"], change["id"])
        for group in data
        if isinstance(data[group], list)
        for change in data[group]
        if isinstance(change, dict) and "kind" in change
    }
    expected = {
        ("map", "changed", "map"),
        ("persona", "item-added", "persona"),
        ("stages", "renamed", "discover"),
        ("touchpoints", "added", "tiktok-video"),
        ("touchpoints", "removed", "colleague-recommendation"),
        ("touchpoints", "moved", "customer-reviews"),
        ("touchpoints", "channel", "cart-reminder-email"),
        ("pain_points", "resolved", "pp-hidden-shipping"),
        ("pain_points", "resolved", "pp-plant-size"),
        ("pain_points", "severity", "pp-delivery-window"),
        ("opportunities", "status", "opp-size-scale"),
        ("kpis", "value", "Product page to add-to-cart rate"),
        ("kpis", "value", "Cost per first order"),
        ("kpis", "target", "Cost per first order"),
    }
    assert expected <= kinds, expected - kinds
    # Two stages swapped: one of them moved, the other kept its place among the rest.
    assert len({("stages", "moved", "research"), ("stages", "moved", "cart")} & kinds) == 1
    verdicts = {(c["id"], c["kind"]): c["verdict"] for c in data["kpis"]}
    assert verdicts[("Product page to add-to-cart rate", "value")] == "better"
    assert verdicts[("Cost per first order", "value")] == "worse"
    checkout = next(row for row in data["emotions"] if row["stage"] == "checkout")
    assert checkout["after"] == 1 and checkout["delta"] == pytest.approx(1 - checkout["before"])


def test_text_output_reads_as_a_review(repo: Path) -> None:
    result = run_cjm("diff", "main:maps/checkout.yaml", "maps/checkout.yaml", cwd=repo)
    assert result.returncode == 0
    text = result.stdout
    assert text.splitlines()[0].startswith("main:maps/checkout.yaml → maps/checkout.yaml: ")
    assert "stage `discover` renamed: “Discover” → “Discovery”" in text
    assert "touchpoint `cart-reminder-email` switched channel: Email → SMS" in text  # channels by their labels
    assert "pain point `pp-delivery-window` severity: high → medium (better)" in text
    assert "Emotion per stage" in text


def test_markdown_has_summary_tables_and_two_curves(repo: Path) -> None:
    result = run_cjm("diff", "main:maps/checkout.yaml", "maps/checkout.yaml", "-F", "md", cwd=repo)
    assert result.returncode == 0
    md = result.stdout
    assert md.startswith("### Journey map diff: ")
    assert "| Stage | Before | After | Change |" in md
    block = md.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert "xychart-beta" in block
    assert block.count("\n    line [") == 2
    for line in md.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            assert line.endswith(" |")


def test_exit_code_flag_and_identical_maps(repo: Path) -> None:
    same = run_cjm("diff", "--exit-code", "main:maps/checkout.yaml", str(EXAMPLE), cwd=repo)
    assert same.returncode == 0
    assert same.stdout.startswith("No changes between")
    different = run_cjm("diff", "--exit-code", "main:maps/checkout.yaml", "maps/checkout.yaml", cwd=repo)
    assert different.returncode == 1


def test_invalid_or_missing_side_is_reported_with_its_name(repo: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("cjm: 1\ntitle: T\nstages:\n  - nme: Cart\n")
    result = run_cjm("diff", "main:maps/checkout.yaml", str(broken), cwd=repo)
    assert result.returncode == 2
    assert f"{broken}:4:5: error CJM203 unknown field `nme`" in result.stderr
    missing = run_cjm("diff", "main:maps/nothing.yaml", "maps/checkout.yaml", cwd=repo)
    assert missing.returncode == 2
    assert "main:maps/nothing.yaml:1:1: error CJM113 git cannot read main:maps/nothing.yaml" in missing.stderr
    assert "Traceback" not in missing.stderr + result.stderr


@pytest.mark.node
def test_markdown_curves_are_drawn_by_mermaid(repo: Path, tmp_path: Path) -> None:
    from tests.tools import mermaid_blocks, run_mmdc

    markdown = run_cjm("diff", "main:maps/checkout.yaml", "maps/checkout.yaml", "-F", "md", cwd=repo).stdout
    [block] = mermaid_blocks(markdown)
    source = tmp_path / "curves.mmd"
    source.write_text(block, encoding="utf-8")
    result = run_mmdc(source, tmp_path / "curves.svg")
    assert result.returncode == 0, result.stderr
    svg = (tmp_path / "curves.svg").read_text(encoding="utf-8")
    assert "Syntax error" not in svg and "NaN" not in svg
    assert svg.count("<path") >= 2 and "Checkout and payment" in svg


def test_a_revision_reads_its_baseline_from_the_same_revision(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "maps").mkdir()
    for name in ("ecommerce-first-purchase.yaml", "ecommerce-first-purchase-future.yaml"):
        (tmp_path / "maps" / name).write_bytes((ROOT / "examples" / name).read_bytes())
    _git(tmp_path, "add", ".")
    _git(tmp_path, "-c", "user.email=cx@example.com", "-c", "user.name=CX", "commit", "-q", "-m", "maps")
    (tmp_path / "maps" / "ecommerce-first-purchase.yaml").unlink()  # only the revision has the baseline now
    result = run_cjm(
        "diff",
        "main:maps/ecommerce-first-purchase-future.yaml",
        str(ROOT / "examples" / "ecommerce-first-purchase-future.yaml"),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No changes between")


def test_persona_added_or_removed_and_an_unchanged_map() -> None:
    from cjm import load
    from cjm.diff import diff_journeys

    journey = load(EXAMPLE)
    anonymous = journey.model_copy(update={"persona": None})
    assert [(c.kind, c.name) for c in diff_journeys(anonymous, journey).persona] == [("added", "Maya Okafor")]
    assert [(c.kind, c.name) for c in diff_journeys(journey, anonymous).persona] == [("removed", "Maya Okafor")]
    from cjm.diff_sentences import describe

    assert describe(diff_journeys(anonymous, journey).persona[0]) == "persona added: “Maya Okafor”"
    assert diff_journeys(journey, journey).empty


def test_diff_of_two_french_maps_is_french_with_decimal_commas(tmp_path: Path) -> None:
    yaml = YAML()
    source = ROOT / "examples" / "support-box-internet-fr.yaml"
    data = yaml.load(source.read_text(encoding="utf-8"))
    data["stages"][1]["touchpoints"][0]["emotion"] = 2.5
    data["stages"][4]["kpis"][0]["value"] = 2.5
    data["stages"][1]["pain_points"][0]["severity"] = "critical"
    old, new = tmp_path / "avant.yaml", tmp_path / "apres.yaml"
    old.write_bytes(source.read_bytes())
    with new.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    text = run_cjm("diff", str(old), str(new))
    assert text.returncode == 0
    assert "Points de contact" in text.stdout and "Points de friction" in text.stdout
    assert "émotion du point de contact `test-ligne-appli`\u00a0: 2 → 2,5 (mieux)" in text.stdout
    assert "gravité du point de friction `pp-diagnostic-boucle`\u00a0: élevée → critique (moins bien)" in text.stdout
    kpi_line = (
        "indicateur «\u00a0Délai médian avant intervention\u00a0» de l’étape `intervention`\u00a0: "
        "3\u00a0jours → 2,5\u00a0jours (mieux)"
    )
    assert kpi_line in text.stdout
    assert "par étape en moyenne" in text.stdout.splitlines()[0]
    markdown = run_cjm("diff", str(old), str(new), "-F", "md").stdout
    assert markdown.startswith("### Comparaison de la carte de parcours\u00a0: ")
    assert "| Étape | Avant | Après | Évolution |" in markdown and "| 1,5 | 1,8 | +0,3 |" in markdown
    assert "    line [" in markdown and "1.5" in markdown  # Mermaid keeps its own number syntax
    english = run_cjm("diff", "--lang", "en", str(old), str(new)).stdout
    assert "touchpoint `test-ligne-appli` emotion: 2 → 2.5 (better)" in english
    assert run_cjm("--lang", "en", "diff", str(old), str(new)).stdout == english


def test_a_value_left_out_reads_not_stated_and_gets_no_verdict() -> None:
    from cjm.diff import diff_journeys
    from cjm.diff_sentences import describe
    from cjm.model import Journey

    def journey(severity: str | None, status: str | None, channel: str | None, better: str | None) -> Journey:
        pain = {"id": "slow", "text": "Slow", **({"severity": severity} if severity else {})}
        idea = {"id": "cache", "text": "Cache", **({"status": status} if status else {})}
        touchpoint = {"id": "kiosk", "name": "Kiosk", **({"channel": channel} if channel else {})}
        kpi = {"name": "Wait", "value": 5, **({"better": better} if better else {})}
        stage = {"id": "a", "name": "A", "touchpoints": [touchpoint], "pain_points": [pain], "opportunities": [idea]}
        return Journey.model_validate({"cjm": 1, "title": "T", "stages": [{**stage, "kpis": [kpi]}]})

    before = journey(None, None, None, None)
    after = journey("high", "planned", "store", None)
    diff = diff_journeys(before, after)
    sentences = [describe(change) for change in [*diff.touchpoints, *diff.pain_points, *diff.opportunities]]
    assert sentences == [
        "touchpoint `kiosk` switched channel: not stated → Store",
        "pain point `slow` severity: not stated → high",
        "opportunity `cache` status: not stated → planned",
    ]
    assert [change.verdict for change in diff.pain_points] == [None]
    # A KPI value change without a stated direction is reported, not judged.
    later = journey(None, None, None, None).model_copy(deep=True)
    stage = later.stages[0].model_copy(update={"kpis": [later.stages[0].kpis[0].model_copy(update={"value": 7})]})
    moved = diff_journeys(before, later.model_copy(update={"stages": [stage]}))
    assert [(change.kind, change.verdict) for change in moved.kpis] == [("value", None)]


def test_an_emotion_is_judged_on_its_own_scale_when_the_scale_changed() -> None:
    from cjm.diff import diff_journeys
    from cjm.model import Journey

    def version(scale: dict[str, int], emotion: int) -> Journey:
        stage = {"name": "Pay", "touchpoints": [{"name": "Card form", "emotion": emotion}]}
        return Journey.model_validate({"cjm": 1, "title": "T", "emotion_scale": scale, "stages": [stage]})

    # 2 on 1..5 is below neutral; 1 on -2..2 is above it: the customer feels better, though 1 < 2.
    before, after = version({"min": 1, "max": 5, "neutral": 3}, 2), version({"min": -2, "max": 2, "neutral": 0}, 1)
    [change] = diff_journeys(before, after).touchpoints
    assert (change.kind, change.before, change.after, change.verdict) == ("emotion", 2, 1, "better")
