"""The format as models, and "nothing invented": what a map leaves out is shown as not stated, never as a default.

The maps under tests/maps are shaped like maps others publish (a government service blueprint, a
Mermaid journey from a README, a hand-off between two colleagues, a French article's phases),
converted faithfully: many steps name no channel, most are not scored, and nobody wrote down a
severity, a status or a KPI direction.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from pydantic import ValidationError

import cjm
from cjm.i18n import MESSAGES
from cjm.model import KPI, Journey, Opportunity, PainPoint, Touchpoint, slugify
from cjm.presentation import svg_id_prefix
from cjm.renderers import RenderOptions, render
from cjm.renderers.graphviz_svg import flow_svg_id_prefix
from cjm.renderers.mermaid import render_mermaid_blocks
from tests.conftest import ROOT, run_cjm

MAPS = sorted((ROOT / "tests" / "maps").glob("*.yaml"))  # not the scripts/ folder
BLUEPRINT = ROOT / "tests" / "maps" / "blueprint-blue-badge.yaml"
HANDOFF = ROOT / "tests" / "maps" / "handoff-sales-to-onboarding.yaml"
WORKING_DAY = ROOT / "tests" / "maps" / "mermaid-working-day.yaml"
FRENCH = ROOT / "tests" / "maps" / "parcours-achat-fr.yaml"

# Words that would state a default as a fact, in each locale.
DEFAULT_WORDS = {
    locale: [
        messages["severity.medium"],
        messages["status.idea"],
        messages["better.higher"],
        messages["kpi.on_target"],
        messages["kpi.off_target"],
    ]
    for locale, messages in MESSAGES.items()
}


def test_values_left_out_are_none() -> None:
    assert Touchpoint.model_validate({"name": "Kiosk"}).channel is None
    assert PainPoint.model_validate("Slow page").severity is None
    assert Opportunity.model_validate("Faster page").status is None
    assert KPI.model_validate({"name": "NPS"}).better is None


@pytest.mark.parametrize("path", MAPS, ids=[path.stem for path in MAPS])
def test_maps_as_others_write_them_validate_and_build_in_every_format(path: Path, tmp_path: Path) -> None:
    result = run_cjm("build", str(path), "-o", str(tmp_path), "-f", "html,md,svg,png,dot")
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".dot", ".html", ".md", ".png", ".svg"]


@pytest.mark.parametrize("path", MAPS, ids=[path.stem for path in MAPS])
@pytest.mark.parametrize("format_name", ["md", "html", "dot"])
def test_no_default_is_shown_as_a_fact(path: Path, format_name: str) -> None:
    journey = cjm.load(path)
    output = render(journey, format_name, RenderOptions(stem=path.stem))
    assert isinstance(output, str)
    shown = [word for word in DEFAULT_WORDS[journey.locale] if re.search(rf"\b{re.escape(word)}\b", output)]
    # The hand-off's and the working day's own scores make a real lowest point; no map states a severity.
    assert shown == [], f"{path.name} shows {shown} in {format_name}, which its author never wrote"


def test_markdown_says_not_stated_where_the_author_said_nothing() -> None:
    markdown = render(cjm.load(HANDOFF), "md", RenderOptions(stem="handoff"))
    assert isinstance(markdown, str)
    assert "| not stated | Julie asks again what Marc already knew |" in markdown
    assert markdown.count("| not stated |") == 4  # two severities, a status and a KPI direction
    assert "| days | not stated | direction not stated |" in markdown
    # Touchpoints without a channel have no brackets; those with one keep it.
    assert "Marc's notes in the CRM<br>Welcome email from Julie (Email)" in markdown


def test_unscored_touchpoints_are_left_out_of_the_mermaid_curve_and_named() -> None:
    journey = cjm.load(HANDOFF)
    [block] = render_mermaid_blocks(journey)
    tasks = [line.strip() for line in block.splitlines() if line.startswith("    ")]
    assert tasks == ["Final demo with Marc: 4: Léa", "Contract signed: 4: Léa", "Kick-off call: 2: Léa"]
    markdown = render(journey, "md", RenderOptions())
    assert isinstance(markdown, str)
    assert "Not scored, so left out of the curve: Marc's notes in the CRM, Welcome email from Julie." in markdown


def test_the_mermaid_journey_of_a_readme_comes_back_as_written() -> None:
    [block] = render_mermaid_blocks(cjm.load(WORKING_DAY))
    assert block.splitlines()[3:] == [
        "  title My working day",
        "  section Go to work",
        "    Make tea: 5: Me",
        "    Go upstairs: 3: Me",
        "    Do work: 1: Me",
        "  section Go home",
        "    Go downstairs: 5: Me",
        "    Sit down: 5: Me",
    ]


def test_a_blueprint_without_scores_has_no_curve_and_no_lowest_point() -> None:
    journey = cjm.load(BLUEPRINT)
    assert render_mermaid_blocks(journey) == []
    markdown = render(journey, "md", RenderOptions())
    html = render(journey, "html", RenderOptions())
    assert isinstance(markdown, str) and isinstance(html, str)
    assert MESSAGES["en"]["note.no_curve"] in markdown
    assert MESSAGES["en"]["note.lowest"] not in html
    assert 'class="curve-cell"' not in html


def test_pictures_show_no_channel_rather_than_a_made_up_one() -> None:
    journey = cjm.load(HANDOFF)
    html = render(journey, "html", RenderOptions())
    dot = render(journey, "dot", RenderOptions())
    assert isinstance(html, str) and isinstance(dot, str)
    channels = re.findall(r'<span class="channel">(.*?)</span></div>', html)
    assert [re.sub(r"<[^>]+>", "", c).split(":")[-1].strip() for c in channels] == ["Website", "Email", "Phone"]
    # Only a switch between two named channels is drawn: Email → Phone, not "nothing" → Email.
    assert dot.count("channel-change") == 1
    # No severity badge and no status badge where the author stated none.
    assert 'class="badge tone-severity' not in html and 'class="badge tone-status' not in html


def test_method_checks_fit_the_map() -> None:
    codes = {
        path.stem: [item["code"] for item in json.loads(run_cjm("validate", "-F", "json", str(path)).stdout)]
        for path in MAPS
    }
    # A service blueprint is not warned for having no emotions; its two unnamed channels are.
    assert "CJM506" not in codes["blueprint-blue-badge"]
    assert codes["blueprint-blue-badge"].count("CJM514") == 2
    # A map with no score at all gets one warning for the map, not one per stage.
    assert codes["parcours-achat-fr"].count("CJM506") == 1
    assert codes["parcours-achat-fr"].count("CJM515") == 3
    # A map where no touchpoint names a channel gets one warning, not one per touchpoint.
    assert codes["mermaid-working-day"].count("CJM514") == 1


def test_a_future_state_is_not_asked_for_evidence_of_pain_points_it_anticipates(tmp_path: Path) -> None:
    source = BLUEPRINT.read_text(encoding="utf-8").replace("type: service-blueprint", "type: future-state")
    path = tmp_path / "future.yaml"
    path.write_text(source, encoding="utf-8")
    codes = [item["code"] for item in json.loads(run_cjm("validate", "-F", "json", str(path)).stdout)]
    assert "CJM507" not in codes and "CJM506" in codes


# --- Any language: ids in every script ---------------------------------------------------------

SCRIPT_MAPS = sorted((ROOT / "tests" / "maps" / "scripts").glob("*.yaml"))


def test_derived_ids_match_the_id_pattern_and_are_never_item() -> None:
    names = ["Оплата", "支付", "★", "?", "!!", "—", "…", "🙂", "Café", "٣٠", "x"]
    ids = [slugify(name) for name in names]
    assert "item" not in ids
    assert len(set(ids)) == len(ids)
    journey = Journey.model_validate({"cjm": 1, "title": "T", "stages": [{"name": name} for name in names]})
    assert [stage.id for stage in journey.stages] == ids


def test_a_blank_name_derives_no_id_and_only_the_name_is_reported() -> None:
    with pytest.raises(ValidationError) as error:
        Journey.model_validate({"cjm": 1, "title": "T", "stages": [{"name": "   "}]})
    assert {(detail["loc"][-1], detail["type"]) for detail in error.value.errors()} == {
        ("name", "string_too_short"),
        ("id", "missing"),
    }


@pytest.mark.parametrize("path", SCRIPT_MAPS, ids=[path.stem for path in SCRIPT_MAPS])
def test_a_map_written_in_another_script_validates_and_builds_in_every_format(path: Path, tmp_path: Path) -> None:
    checked = run_cjm("validate", "-F", "json", str(path))
    assert (checked.returncode, json.loads(checked.stdout)) == (0, [])
    built = run_cjm("build", str(path), "-o", str(tmp_path), "-f", "html,md,svg,png,dot", "--view", "map,flow")
    assert built.returncode == 0, built.stderr
    journey = cjm.load(path)
    [pain] = [pain for _, pain in journey.pain_points()]
    assert pain.id == slugify(pain.text) and pain.id.split("-")[0] in pain.text.lower()  # derived, in the script
    html = (tmp_path / f"{path.stem}.html").read_text(encoding="utf-8")
    markdown = (tmp_path / f"{path.stem}.md").read_text(encoding="utf-8")
    svg = (tmp_path / f"{path.stem}.svg").read_text(encoding="utf-8")
    dot = (tmp_path / f"{path.stem}.dot").read_text(encoding="utf-8")
    assert f'id="pain-{pain.id}"' in html and f'href="#pain-{pain.id}"' in html
    for stage in journey.stages:
        assert stage.name in markdown and stage.name in html and stage.name in svg and stage.name in dot
    assert f'id="{svg_id_prefix(journey, path.stem).rstrip("-")}' in svg
    flow = (tmp_path / f"{path.stem}.flow.svg").read_text(encoding="utf-8")
    assert f'id="{flow_svg_id_prefix(journey, RenderOptions(stem=path.stem))}' in flow
    assert (tmp_path / f"{path.stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_map_that_does_not_say_its_kind_is_not_called_a_current_state() -> None:
    journey = cjm.load(HANDOFF)
    assert journey.type is None
    for format_name in ("md", "html", "dot"):
        output = render(journey, format_name, RenderOptions())
        assert isinstance(output, str)
        assert MESSAGES["en"]["type.current-state"] not in output, format_name
        assert "Type:" not in output, format_name


def test_an_id_and_its_reference_match_however_the_accent_was_typed() -> None:
    decomposed = unicodedata.normalize("NFD", "café")  # e + combining accent, as some keyboards and PDFs give it
    journey = Journey.model_validate(
        {
            "cjm": 1,
            "title": "T",
            "stages": [
                {
                    "name": "A",
                    "touchpoints": [{"id": decomposed, "name": "Café"}],
                    "pain_points": [{"text": "Slow", "touchpoint": "café"}],
                }
            ],
        }
    )
    assert journey.stages[0].touchpoints[0].id == journey.stages[0].pain_points[0].touchpoint == "café"
