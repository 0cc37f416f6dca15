"""The diff's text and Markdown: French for French maps with decimal commas, and inert text from the maps."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from cjm.diff_report import _cell
from tests.conftest import ROOT, compare_golden, run_cjm

FRENCH = ROOT / "examples" / "support-box-internet-fr.yaml"
GFM = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Markdown a map's text could turn into if it were not escaped: a link, emphasis, code, HTML, a heading.
HOSTILE = (
    "**gras** _pench_ `code` [lien](https://exemple.fr) <b>html</b> ![img](x.png) ~~barré~~ | # titre "
    "@OndaAssistance #3900 https://onda.fr www.onda.fr"
)


def _edited(tmp_path: Path, edit: Any) -> Path:
    yaml = YAML()
    data = yaml.load(FRENCH.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "apres.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path


def _hostile(data: Any) -> None:
    """The same map with markup in every kind of text the diff shows, and numbers with decimals."""
    data["title"] = HOSTILE
    data["owner"] = HOSTILE
    stage = data["stages"][0]
    stage["name"] = HOSTILE
    stage["touchpoints"][0]["name"] = HOSTILE
    stage["touchpoints"][0]["emotion"] = 2.5
    stage["pain_points"][0]["severity"] = "critical"
    stage["opportunities"][0]["status"] = "done"
    stage["kpis"][0]["value"] = 2.3
    data["stages"][1]["pain_points"].append({"text": HOSTILE, "severity": "high", "evidence": ["x"]})
    data["stages"][1]["opportunities"].append({"text": "Piste : " + HOSTILE, "addresses": [], "status": "idea"})
    data["persona"]["goals"].append(HOSTILE)
    # The fields the diff compares field by field: the author's text in each stays text.
    touchpoint = stage["touchpoints"][1]
    touchpoint["drop_off"] = HOSTILE
    touchpoint["next"] = [{"to": stage["touchpoints"][0]["id"], "label": HOSTILE}]
    stage["pain_points"][0]["evidence"].append(HOSTILE)
    stage["quotes"].append({"text": HOSTILE, "source": HOSTILE})
    stage["actions"].append(HOSTILE)
    data["channels"][0]["label"] = HOSTILE
    data["stages"][2]["name"] = "Réparer : " + HOSTILE  # a stage renamed without `id:` keeps its id


def _inline_kinds(markdown: str) -> set[str]:
    """The kinds of inline markup Markdown gives outside the Mermaid block (text alone gives `text`)."""
    outside = re.sub(r"```mermaid.*?```", "", markdown, flags=re.DOTALL)
    kinds = set()
    for token in GFM.parse(outside):
        for child in token.children or []:
            kinds.add(child.type)
    return kinds


def test_diff_markdown_of_hostile_text_is_inert(tmp_path: Path) -> None:
    after = _edited(tmp_path, _hostile)
    result = run_cjm("diff", str(FRENCH), str(after), "--output-format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("gras") >= 14
    # **…** only around cjm's own labels, code only around the keys and ids cjm names: the author's `code` is text.
    assert _inline_kinds(result.stdout) <= {"text", "softbreak", "strong", "code_inline"}
    codes = re.findall(r"(?<![\\`])`([^`]+)`", re.sub(r"```mermaid.*?```", "", result.stdout, flags=re.DOTALL))
    assert codes and "code" not in codes and all(re.fullmatch(r"(id: )?[\w.-]+", code) for code in codes), codes
    html = GFM.render(re.sub(r"```mermaid.*?```", "", result.stdout, flags=re.DOTALL))
    assert "<a " not in html and "<em>" not in html and "<code>code</code>" not in html and "<img" not in html
    assert "<b>" not in html and "<s>" not in html and "<del>" not in html
    assert "**gras**" in html  # shown as written
    # What GitHub links after rendering a comment: a mention, an issue reference, a bare address.
    shown = html.replace("\u200b", "")
    assert "@OndaAssistance #3900 https://onda.fr www.onda.fr" in shown
    for linked in ("@OndaAssistance", "#3900", "https://", "www.onda"):
        assert linked not in html


def test_diff_of_french_maps_is_french_with_decimal_commas(tmp_path: Path) -> None:
    after = _edited(tmp_path, _hostile)
    text = run_cjm("diff", str(FRENCH), str(after)).stdout
    markdown = run_cjm("diff", str(FRENCH), str(after), "--output-format", "md").stdout
    for shown in (text, markdown):
        assert "changements" in shown and "Points de friction" in shown
        assert "12\u00a0% → 2,3\u00a0%" in shown  # the KPI value, with a decimal comma and its unit
        assert "2 → 2,5" in shown  # the touchpoint's emotion
        assert not re.search(r"\d\.\d", re.sub(r"```mermaid.*?```", "", shown, flags=re.DOTALL))
    english = run_cjm("diff", str(FRENCH), str(after), "--lang", "en").stdout
    assert "changes" in english and "12% → 2.3%" in english


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("`reviewed`: 1 → 2", "`reviewed`: 1 → 2"),
        ("`emotion_source` added", "`emotion_source` added"),
        ("kpi `kpi-nps` target", "kpi `kpi-nps` target"),
    ],
)
def test_keys_and_ids_stay_code_in_a_pull_request_comment(sentence: str, shown: str) -> None:
    # GitHub would show an escaped backtick as a backtick: a key or an id the sentence names stays code.
    named = frozenset({"reviewed", "emotion_source", "kpi-nps"})
    assert _cell(sentence, named) == shown
    assert _cell(sentence) != shown  # The same word typed by the author stays escaped text.


def test_french_no_break_spaces_survive_the_table_cell() -> None:
    # « » and the space before a French colon must not break a line in the pull-request comment either.
    assert _cell("indicateur «\u00a0Délai\u00a0» de l’étape `x`\u00a0: 3\u202f;", frozenset({"x"})) == (
        "indicateur «\u00a0Délai\u00a0» de l’étape `x`\u00a0: 3\u202f;"
    )


def test_the_author_text_in_backticks_stays_inert() -> None:
    assert "[link]" not in _cell("`[link](https://example.com)`") and "\\`" in _cell("`a|b`")


WEEKLY = ROOT / "tests" / "diff"


@pytest.mark.parametrize(
    ("before", "after", "golden"),
    [
        ("weekly-before.yaml", "weekly-after.yaml", "weekly"),
        ("semaine-avant.yaml", "semaine-apres.yaml", "semaine"),
    ],
)
@pytest.mark.parametrize("output_format", ["text", "md"])
def test_a_weekly_edit_reads_as_a_review(
    before: str, after: str, golden: str, output_format: str, update_golden: bool
) -> None:
    # A team's weekly edit, ids derived from names: a stage renamed and one split, a touchpoint moved,
    # emotions rescored, a pain point reworded with new evidence, one closed, KPIs with their units.
    result = run_cjm("diff", before, after, "-F", output_format, cwd=WEEKLY)
    assert result.returncode == 0, result.stderr
    suffix = "txt" if output_format == "text" else "md"
    compare_golden(ROOT / "tests" / "golden" / "diff" / f"{golden}.{suffix}", result.stdout, update_golden)
    again = run_cjm("diff", before, after, "-F", output_format, cwd=WEEKLY)
    assert again.stdout == result.stdout  # deterministic


def test_a_weekly_edit_names_each_kind_of_change() -> None:
    text = run_cjm("diff", "weekly-before.yaml", "weekly-after.yaml", cwd=WEEKLY).stdout
    assert "stage `browse-the-catalogue` renamed: “Browse” → “Browse the catalogue”" in text
    assert "write `id: browse` to keep it" in text
    assert "stage `checkout` removed: “Checkout”; its touchpoints went to `delivery-details`, `payment`" in text
    assert "touchpoint `fabric-samples` moved: stage `compare` → `browse-the-catalogue`" in text
    assert (
        "touchpoint `delivery-form`, `drop_off`: “31% of carts abandoned here” → “24% of carts abandoned here”" in text
    )
    assert "pain point `dimensions-are-buried-in-a-pdf-nobody-opens` reworded" in text
    assert "“212 chat questions about sizes in November” added to `evidence`" in text
    assert "54\u00a0€ → 56\u00a0€ (better)" in text and "71% → 55% (better)" in text
    # Nothing in the renamed stage is reported removed and re-added.
    assert "removed in stage `browse`" not in text and "category-page" not in text
