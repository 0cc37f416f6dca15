"""The Markdown report: goldens, structure, escaping of hostile text, the Mermaid block, the comparison."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

import cjm
from cjm.formatting import bind
from cjm.i18n import messages
from cjm.model import Journey
from cjm.renderers import DEFAULT_FORMATS, VIEWS, RenderOptions, render, targets
from cjm.renderers.markdown import (
    escape_markdown,
    escape_table_cell,
    render_markdown,
)
from cjm.renderers.mermaid import MAX_TASKS, render_mermaid_blocks
from tests.conftest import EXAMPLES, ROOT, compare_golden, run_cjm

GOLDEN = ROOT / "tests" / "golden" / "md"
ECOMMERCE = ROOT / "examples" / "ecommerce-first-purchase.yaml"
FRENCH = ROOT / "examples" / "support-box-internet-fr.yaml"

# markdown-it-py comes with rich (a dependency of cjm); CommonMark plus the two GFM extensions
# the report relies on. Linkify stays off: it needs another package.
GFM = MarkdownIt("commonmark").enable(["table", "strikethrough"])

HOSTILE = [
    "<script>alert(1)</script>",
    "a | b | c",
    "`code` and ```fence```",
    "[x](javascript:alert(1))",
    "Title deed: 3, #4; ok",
    "Section: a, b # c ; d",
    "journey",
    "Supercalifragilisticexpialidocious" * 8,
    "🌱 emoji 👩‍👩‍👧 ✅",
    "שלום مرحبا \u202eevil",
    "line one\n# heading\n- item\n> quote\n\n---\n1. one",
    "%%{init: {}}%% 50%% & &amp; *bold* _it_ ~~s~~ $x$ \\",
]


def _markdown(journey: Journey, stem: str = "journey", baseline: Journey | None = None) -> str:
    """The report as the default build writes it, beside the map's SVG and the HTML page."""
    siblings = frozenset(target.file_name(stem) for target in targets(DEFAULT_FORMATS))
    return render_markdown(journey, RenderOptions(stem=stem, baseline=baseline, siblings=siblings))


def _journey(stages: list[dict[str, Any]], **fields: Any) -> Journey:
    return Journey.model_validate({"cjm": 1, "title": "T", **fields, "stages": stages})


def _hostile_journey() -> Journey:
    stages = [
        {
            "id": f"s{index}",
            "name": text,
            "goal": text,
            "emotion": 1 + index % 2,  # every stage is a low point, so every text reaches the lows table
            "touchpoints": [
                {"id": f"t{index}", "name": text, "channel": "web", "emotion": 1 + index % 5, "drop_off": text}
            ],
            "pain_points": [{"id": f"p{index}", "text": text, "touchpoint": f"t{index}", "evidence": [text, text]}],
            "opportunities": [{"id": f"o{index}", "text": text, "addresses": [f"p{index}"], "owner": text}],
            "kpis": [{"name": text, "value": 1, "target": 2, "unit": text}],
        }
        for index, text in enumerate(HOSTILE)
    ]
    return _journey(
        stages,
        title=f"{HOSTILE[0]} {HOSTILE[3]}",
        objective=HOSTILE[10],
        owner=HOSTILE[1],
        persona={
            "name": f"Okafor, Maya: #1; {HOSTILE[0]}",
            "description": HOSTILE[10],
            "quote": HOSTILE[10],
            "occupation": HOSTILE[2],
            "goals": HOSTILE,
            "frustrations": HOSTILE,
            "channels": ["web", "a|b"],
        },
    )


def _section(markdown: str, heading: str) -> str:
    """The text under a `## heading`, up to the next `## `."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    assert match, f"no section {heading!r}"
    return match.group(1)


def _split_row(line: str) -> list[str]:
    """A table row's cells, split on unescaped pipes as GFM does (a backslash escapes the next character)."""
    assert line.startswith("| ") and line.endswith(" |"), line
    cells, current, characters = [], "", iter(line[1:-1])
    for character in characters:
        if character == "\\":
            current += character + next(characters, "")
        elif character == "|":
            cells.append(current.strip())
            current = ""
        else:
            current += character
    return [*cells, current.strip()]


def _tables(markdown: str) -> list[list[list[str]]]:
    """Every table as rows of cells (header first, delimiter row dropped)."""
    tables: list[list[list[str]]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            if not re.fullmatch(r"\|( -+:? \|)+", line):
                tables[-1].append(_split_row(line))
        previous = line
    return tables


def _mermaid(markdown: str) -> list[str]:
    match = re.search(r"^```mermaid\n(.*?)^```$", markdown, re.MULTILINE | re.DOTALL)
    assert match, "no mermaid block"
    return match.group(1).splitlines()


# What mermaid 11's journey grammar accepts, line by line, once every reserved character is an
# entity code (`#58;`): no raw `#` (except in a code), `:` or `;` in a name, no `,` in the actor.
_NAME = r"(?:[^#:;\n]|#[0-9]+;)+"
MERMAID_LINE = re.compile(
    rf"  accTitle: {_NAME}|  accDescr: {_NAME}|  title {_NAME}|  section {_NAME}"
    rf"|    (?!(?i:journey|title|section|acctitle|accdescr)(?![A-Za-z0-9_])){_NAME}: [1-5]: (?:[^#:;,\n]|#[0-9]+;)+"
)


def _assert_valid_mermaid(lines: list[str]) -> None:
    assert lines[0] == "journey"
    assert lines[1].startswith("  accTitle: ") and lines[2].startswith("  accDescr: ")
    for line in lines[1:]:
        assert MERMAID_LINE.fullmatch(line), line
        assert "%" not in line and "`" not in line and "<" not in line, line
    assert sum(line.startswith("    ") for line in lines) <= MAX_TASKS


# --- goldens ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_golden(path: Path, update_golden: bool) -> None:
    """Each example as the build renders it: a future-state map is compared with its `baseline:` map."""
    journey = cjm.load(path)
    baseline = cjm.load(path.parent / journey.baseline) if journey.baseline else None
    actual = _markdown(journey, stem=path.stem, baseline=baseline)
    compare_golden(GOLDEN / f"{path.stem}.md", actual, update_golden)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_output_hygiene(path: Path) -> None:
    markdown = _markdown(cjm.load(path), stem=path.stem)
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")
    assert "\r" not in markdown and "\t" not in markdown
    assert [line for line in markdown.splitlines() if line != line.rstrip()] == []
    assert "\n\n\n" not in markdown


def test_output_hygiene_with_hostile_and_blank_text() -> None:
    baseline, future = _baseline_pair()
    journeys = [
        _hostile_journey(),
        _journey(
            [{"name": "A", "goal": " \x01 ", "touchpoints": [{"name": "\x02", "channel": "web"}]}],
            objective="  \n\t ",
            persona={"name": "P", "description": "\r\n", "quote": " ", "occupation": " "},
        ),
    ]
    for markdown in [*(_markdown(journey) for journey in journeys), _markdown(future, baseline=baseline)]:
        assert markdown.endswith("\n") and not markdown.endswith("\n\n") and "\n\n\n" not in markdown
        assert [line for line in markdown.splitlines() if line != line.rstrip()] == []
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", markdown)
    blank = _markdown(journeys[1])
    assert "Objective" not in blank and ">" not in blank.split("## Diagram")[0]


def test_registry_renders_the_same_report() -> None:
    journey = cjm.load(ECOMMERCE)
    options = RenderOptions(stem="ecommerce-first-purchase")
    assert render(journey, "md", options) == render_markdown(journey, options)


def test_deterministic_across_processes() -> None:
    """Same map, same bytes, whatever the hash seed (no set or dict ordering leaks into the output)."""
    code = (
        "import sys, cjm\nfrom cjm.renderers import RenderOptions\nfrom cjm.renderers.markdown import render_markdown\n"
        f"siblings = frozenset({{'e.svg', 'e.html', 'e.md'}})\n"
        f"sys.stdout.buffer.write(render_markdown(cjm.load({str(ECOMMERCE)!r}), RenderOptions('e', siblings=siblings))"
        ".encode())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {_markdown(cjm.load(ECOMMERCE), stem="e").encode("utf-8")}


# --- structure ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_stage_table_has_one_row_per_stage(path: Path) -> None:
    journey = cjm.load(path)
    text = messages(journey.locale)
    [table] = _tables(_section(_markdown(journey), text["heading.stages"]))
    assert len(table) == 1 + len(journey.stages)
    assert [row[0] for row in table[1:]] == [str(number) for number in range(1, len(journey.stages) + 1)]
    assert [row[1] for row in table[1:]] == [escape_table_cell(stage.name) for stage in journey.stages]


def test_stage_without_score_shows_a_dash_and_scores_show_their_band() -> None:
    journey = _journey(
        [{"name": "A"}, {"name": "B", "emotion": -2}],
        emotion_scale={"min": -2, "max": 2, "neutral": 0, "labels": {-2: "Distressed"}},
    )
    [table] = _tables(_section(_markdown(journey), "Stages"))
    assert [row[-1] for row in table[1:]] == ["–", "▼▼ -2 (Distressed)"]


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_pain_points_sorted_by_severity_then_journey_order(path: Path) -> None:
    journey = cjm.load(path)
    text = messages(journey.locale)
    [table] = _tables(_section(_markdown(journey), text["heading.pain_points"]))
    rank = {text[f"severity.{name}"]: index for index, name in enumerate(("critical", "high", "medium", "low"))}
    shown = [(rank[row[0]], row[1]) for row in table[1:]]
    expected = sorted(
        (
            (rank[text[f"severity.{pain.severity}"]], bind(escape_table_cell(pain.text)))
            for _, pain in journey.pain_points()
        ),
        key=lambda item: item[0],
    )
    assert shown == expected
    assert [severity for severity, _ in shown] == sorted(severity for severity, _ in shown)


def test_backlog_order_status_then_impact_then_effort() -> None:
    opportunities = [
        {"text": "idea high low", "status": "idea", "impact": "high", "effort": "low"},
        {"text": "done", "status": "done", "impact": "high", "effort": "low"},
        {"text": "planned low", "status": "planned", "impact": "low", "effort": "low"},
        {"text": "planned high costly", "status": "planned", "impact": "high", "effort": "high"},
        {"text": "planned high cheap", "status": "planned", "impact": "high", "effort": "low"},
        {"text": "moving", "status": "in-progress"},
        {"text": "dropped", "status": "dropped", "impact": "high"},
    ]
    [table] = _tables(
        _section(_markdown(_journey([{"name": "A", "opportunities": opportunities}])), "Opportunity backlog")
    )
    assert [row[0] for row in table[1:]] == [
        "moving",
        "planned high cheap",
        "planned high costly",
        "planned low",
        "idea high low",
        "done",
        "dropped",
    ]


def test_backlog_names_the_pain_points_it_addresses() -> None:
    journey = _journey(
        [
            {
                "name": "A",
                "pain_points": [{"id": "slow", "text": "Slow pages"}, {"id": "fees", "text": "Hidden fees"}],
                "opportunities": [{"text": "Fix", "addresses": ["fees", "slow"]}],
            }
        ]
    )
    [table] = _tables(_section(_markdown(journey), "Opportunity backlog"))
    assert table[1][4] == "Hidden fees<br>Slow pages"


def test_kpi_table_cues_for_both_directions() -> None:
    kpis = [
        {"name": "conversion up", "value": 12, "target": 10, "unit": "%", "better": "higher"},
        {"name": "conversion down", "value": 8, "target": 10, "unit": "%", "better": "higher"},
        {"name": "churn down", "value": 3.5, "target": 4, "unit": "%", "better": "lower"},
        {"name": "churn up", "value": 6, "target": 4, "unit": "%", "better": "lower"},
        {"name": "no target", "value": 6},
        {"name": "no direction", "value": 6, "target": 4},
        {"name": "no direction, met", "value": 4, "target": 4},
    ]
    [table] = _tables(_section(_markdown(_journey([{"name": "A", "kpis": kpis}])), "KPIs"))
    assert table[0] == ["Stage", "KPI", "Value", "Target", "Unit", "Better when", "Status"]
    assert [(row[1], row[2], row[3], row[5], row[6]) for row in table[1:]] == [
        ("conversion up", "12", "10", "higher", "✅ on target"),
        ("conversion down", "8", "10", "higher", "⚠️ off target"),
        ("churn down", "3.5", "4", "lower", "✅ on target"),
        ("churn up", "6", "4", "lower", "⚠️ off target"),
        ("no target", "6", "–", "not stated", "no target"),
        ("no direction", "6", "4", "not stated", "direction not stated"),
        ("no direction, met", "4", "4", "not stated", "✅ on target"),
    ]


def test_lows_lowest_first_below_neutral_only() -> None:
    journey = _journey(
        [
            {"name": "Fine", "touchpoints": [{"name": "ok", "channel": "web", "emotion": 4}]},
            {"name": "Bad", "touchpoints": [{"name": "worse", "channel": "web", "emotion": 1}]},
            {"name": "Meh", "emotion": 2},
            {
                "name": "Good stage, bad moment",
                "emotion": 4,
                "touchpoints": [{"name": "b", "channel": "web", "emotion": 2}],
            },
        ]
    )
    [table] = _tables(_section(_markdown(journey), "Emotional low points"))
    assert [row[:3] for row in table[1:]] == [
        ["▼▼ 1", "Bad", "worse (▼▼ 1)"],
        ["▼ 2", "Meh", "–"],
        ["▲ 4", "Good stage, bad moment", "b (▼ 2)"],
    ]


def test_lows_say_so_when_there_are_none() -> None:
    assert _section(_markdown(_journey([{"name": "A", "emotion": 3}, {"name": "B"}])), "Emotional low points") == (
        "\nNo stage or touchpoint is below neutral.\n\n"
    )


@pytest.mark.parametrize("stem", ["ecommerce-first-purchase", "my map (v2)"])
def test_svg_link_uses_the_stem(stem: str) -> None:
    markdown = _markdown(cjm.load(ECOMMERCE), stem=stem)
    [image] = re.findall(r"^!\[.*\]\((.*)\)$", markdown, re.MULTILINE)
    assert (
        image
        == {"ecommerce-first-purchase": "ecommerce-first-purchase.svg", "my map (v2)": "my%20map%20%28v2%29.svg"}[stem]
    )
    assert f'src="{image}"' in GFM.render(markdown)


def test_french_example_is_in_french() -> None:
    journey = cjm.load(FRENCH)
    markdown = _markdown(journey)
    headings = re.findall(r"^## (.*)$", markdown, re.MULTILINE)
    assert headings == [
        "Persona",
        "Carte du parcours",
        "Étapes",
        "Courbe émotionnelle",
        "Points bas émotionnels",
        "Points de friction",
        "Opportunités d’amélioration",
        "Indicateurs (KPI)",
    ]
    assert "- **Type\u00a0:** État actuel" in markdown
    assert "| Critique |" in markdown and "| Planifiée |" in markdown
    assert "Application mobile" in _section(markdown, "Persona")
    assert "Stages" not in markdown and "Pain points" not in markdown


def test_persona_section() -> None:
    journey = cjm.load(ECOMMERCE)
    section = _section(_markdown(journey), "Persona")
    assert section.startswith("\n**Maya Okafor**\n")
    assert (
        "> If I can't see the total before I type my card number, I just close the tab.\n>\n> — Maya Okafor" in section
    )
    assert "- **Age:** 29\n" in section and "- **Digital maturity:** High\n" in section
    assert "- **Preferred channels:** Social media, Search engine, Website," in section
    assert "### Goals\n\n- Find two or three easy-care plants" in section


def test_map_without_persona_or_content_still_renders() -> None:
    journey = _journey([{"name": "Only stage"}])
    markdown = _markdown(journey)
    assert "## Persona" not in markdown and "**Objective:**" not in markdown
    assert _section(markdown, "Pain points") == "\nNone\n\n"
    assert "```mermaid" not in markdown
    assert messages("en")["note.no_curve"] in _section(markdown, "Emotional curve")


# --- the Mermaid block (cjm.renderers.mermaid; drawn by mermaid-cli in test_mermaid) ------------


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_mermaid_blocks_are_valid_with_at_most_eight_tasks(path: Path) -> None:
    journey = cjm.load(path)
    markdown = _markdown(journey)
    blocks = re.findall(r"^```mermaid\n(.*?)^```$", markdown, re.MULTILINE | re.DOTALL)
    assert blocks
    for block in blocks:
        _assert_valid_mermaid(block.splitlines())


def test_mermaid_leaves_unscored_touchpoints_out_and_says_so() -> None:
    journey = _journey(
        [
            {"name": "Scored stage", "emotion": 5},
            {"name": "Silent stage"},
            {"name": "S", "emotion": 1, "touchpoints": [{"name": "no emotion", "channel": "web"}]},
            {"name": "N", "touchpoints": [{"name": "nothing at all"}]},
            {"name": "M", "touchpoints": [{"name": "scored", "emotion": 2}, {"name": "unscored"}]},
        ],
        locale="fr",
    )
    [block] = render_mermaid_blocks(journey)
    # No made-up neutral 3: an unscored touchpoint is no task; a stage's own score stands for it.
    assert block.splitlines()[4:] == [
        "  section Scored stage",
        "    Scored stage: 5: Client",
        "  section S",
        "    S: 1: Client",
        "  section M",
        "    scored: 2: Client",
    ]
    curve = _section(_markdown(journey), "Courbe émotionnelle")
    assert "Sans score d’émotion, donc absents de la courbe\u00a0: no emotion, nothing at all, unscored." in curve


# --- hostile text -------------------------------------------------------------------------------


def test_hostile_text_keeps_every_table_row_whole() -> None:
    markdown = _markdown(_hostile_journey())
    tables = _tables(markdown)
    assert len(tables) == 5  # stages, lows, pain points, backlog, KPIs
    for table in tables:
        assert {len(row) for row in table} == {len(table[0])}
    assert [len(table) - 1 for table in tables] == [len(HOSTILE)] * 5


def test_hostile_text_renders_no_html_no_link_no_extra_structure() -> None:
    markdown = _markdown(_hostile_journey())
    html = GFM.render(markdown)
    assert "<script" not in html and "javascript:alert(1)</a>" not in html
    assert re.findall(r"<a [^>]*>", html) == ['<a href="journey.html">'], "the only link is the report's to the page"
    assert html.count("<h1>") == 1 and html.count("<blockquote>") == 1 and html.count("<table>") == 5
    assert re.findall(r"<h[23]>(.*?)</h[23]>", html) == [
        "Persona",
        "Goals",
        "Frustrations",
        "Diagram",
        "Stages",
        "Emotional curve",
        "Emotional low points",
        "Pain points",
        "Opportunity backlog",
        "KPIs",
    ]
    assert "<hr />" not in html and "<ol>" not in html and "<em>" not in html and "<del>" not in html
    assert html.count("<code") == html.count('<pre><code class="language-mermaid">') >= 1
    assert "\u202e" not in markdown
    assert "🌱 emoji 👩‍👩‍👧 ✅" in markdown and "Supercalifragilisticexpialidocious" * 8 in markdown
    assert "שלום مرحبا evil" in markdown


def test_hostile_text_keeps_the_mermaid_block_valid() -> None:
    journey = _hostile_journey()
    lines = _mermaid(_markdown(journey))
    _assert_valid_mermaid(lines)
    assert len({line.rsplit(": ", 1)[1] for line in lines if line.startswith("    ")}) == 1  # one actor, not split
    assert lines[1].startswith("  accTitle: #60;script#62;alert(1)#60;/script#62; [x](javascript#58;alert(1))")


@pytest.mark.parametrize("text", [text for text in HOSTILE if "\n" not in text and "\u202e" not in text])
def test_escaped_text_renders_exactly_as_written(text: str) -> None:
    assert GFM.render(escape_table_cell(text)) == f"<p>{escapeHtml(text)}</p>\n"
    [table] = _tables(f"| h |\n| --- |\n| {escape_table_cell(text)} |\n")
    assert len(table[1]) == 1
    rendered = GFM.render(f"| h |\n| --- |\n| {escape_table_cell(text)} |\n")
    assert f"<td>{escapeHtml(text)}</td>" in rendered


def test_escaped_prose_keeps_lines_inside_one_paragraph() -> None:
    text = "line one\n# heading\n- item\n> quote\n\n---\n===\n1. one\n    indented code\n+ plus"
    expected = "line one\n# heading\n- item\n&gt; quote\n---\n===\n1. one\nindented code\n+ plus"
    assert GFM.render(escape_markdown(text)) == f"<p>{expected}</p>\n"
    assert GFM.render(escape_table_cell(text)) == f"<p>{expected.replace(chr(10), ' ')}</p>\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*a* _b_", r"\*a\* \_b\_"),
        ("# x", r"\# x"),
        ("- x", r"\- x"),
        ("1. x", r"1\. x"),
        ("1.5 days", "1.5 days"),
        ("<b>", "&lt;b&gt;"),
        ("A & B", "A & B"),
        ("&amp; &#58;", r"&amp;amp; &\#58;"),
        ("a|b", r"a\|b"),
        ("(currently €54)", "(currently €54)"),
        ("a\n\n   b  ", "a\nb"),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


# --- comparison with the current state ----------------------------------------------------------


def _baseline_pair() -> tuple[Journey, Journey]:
    baseline = _journey(
        [
            {
                "id": "pay",
                "name": "Pay",
                "emotion": 1,
                "touchpoints": [
                    {"id": "form", "name": "Card form", "channel": "web"},
                    {"id": "call", "name": "Hotline", "channel": "phone"},
                ],
                "pain_points": [
                    {"id": "fees", "text": "Hidden fees", "severity": "critical"},
                    {"id": "slow", "text": "Slow form", "severity": "low"},
                ],
            },
            {"id": "wait", "name": "Wait", "emotion": 2},
            {"id": "gone", "name": "Printed letter", "emotion": 3},
        ],
        title="Today",
    )
    future = _journey(
        [
            {
                "id": "pay",
                "name": "Pay",
                "emotion": 4,
                "touchpoints": [
                    {"id": "form", "name": "Card form", "channel": "web"},
                    {"id": "wallet", "name": "Wallet", "channel": "mobile-app", "moment_of_truth": True},
                ],
                "pain_points": [{"id": "slow", "text": "Slow form", "severity": "low"}],
            },
            {"id": "wait", "name": "Wait", "emotion": 2},
            {"id": "new", "name": "Tracking", "emotion": 5},
        ],
        title="Tomorrow",
        type="future-state",
    )
    return baseline, future


def test_comparison_with_the_current_state() -> None:
    baseline, future = _baseline_pair()
    section = _section(_markdown(future, baseline=baseline), "Compared with the current state")
    assert section.startswith("\n**Current state:** Today\n")
    stages, resolved, added, dropped = _tables(section)
    assert stages == [
        ["Stage", "Before", "After", "Change"],
        ["Pay", "▼▼ 1", "▲ 4", "+3 ▲"],
        ["Wait", "▼ 2", "▼ 2", "0 ="],
        ["Tracking", "–", "▲▲ 5", "–"],
        ["Printed letter", "● 3", "–", "–"],
    ]
    assert resolved == [["Severity", "Description", "Stage"], ["Critical", "Hidden fees", "Pay"]]
    assert added == [["Touchpoint", "Stage"], ["★ Wallet (Mobile app)", "Pay"]]
    assert dropped == [["Touchpoint", "Stage"], ["Hotline (Phone)", "Pay"]]
    assert section.index("### Pain points no longer present") < section.index("### Touchpoints added")


def test_comparison_says_none_and_skips_change_across_scales() -> None:
    baseline, future = _baseline_pair()
    rescaled = future.model_copy(update={"emotion_scale": future.emotion_scale.model_copy(update={"max": 7})})
    section = _section(_markdown(rescaled, baseline=rescaled), "Compared with the current state")
    assert section.count("\nNone\n") == 3
    [stages] = _tables(section)
    assert [row[3] for row in stages[1:]] == ["0 =", "0 =", "0 ="]
    [stages, *_] = _tables(_section(_markdown(rescaled, baseline=baseline), "Compared with the current state"))
    assert [row[3] for row in stages[1:]] == ["–", "–", "–", "–"]


def test_no_comparison_without_baseline() -> None:
    baseline, future = _baseline_pair()
    assert "## Compared with the current state" not in _markdown(future)
    assert "## Comparaison avec l’état actuel" in _markdown(
        future.model_copy(update={"locale": "fr"}), baseline=baseline
    )


def test_comparison_change_adds_up_with_the_scores_shown() -> None:
    baseline = _journey([{"id": "a", "name": "A", "emotion": 1.25}])
    future = _journey([{"id": "a", "name": "A", "emotion": 2.67}])
    [stages, *_] = _tables(_section(_markdown(future, baseline=baseline), "Compared with the current state"))
    assert stages[1] == ["A", "▼▼ 1.3", "▼ 2.7", "+1.4 ▲"]  # 1.25 reads 1.3: halves round up


# --- what the report links ----------------------------------------------------------------------

LINK = re.compile(r"\]\(([^)\s]+)\)")
PICTURE_FORMATS = ("svg", "png", "html")


def _combinations() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Every set of formats built with the report (none to all) and every non-empty set of views."""
    formats = [tuple(f for n, f in enumerate(PICTURE_FORMATS) if mask >> n & 1) for mask in range(8)]
    views = [tuple(v for n, v in enumerate(VIEWS) if mask >> n & 1) for mask in range(1, 2 ** len(VIEWS))]
    return [(f, v) for f in formats for v in views]


@pytest.mark.parametrize(("formats", "views"), _combinations(), ids=lambda value: "+".join(value) or "md-only")
def test_the_report_links_exactly_the_files_the_build_writes(formats: tuple[str, ...], views: tuple[str, ...]) -> None:
    stem = "map v2"
    siblings = frozenset(target.file_name(stem) for target in targets([*formats, "md"], views))
    markdown = render_markdown(cjm.load(ECOMMERCE), RenderOptions(stem=stem, siblings=siblings))
    linked = [unquote(target) for target in LINK.findall(markdown) if not target.startswith("#")]
    assert set(linked) <= siblings - {f"{stem}.md"}, f"links to files not built: {set(linked) - siblings}"
    pictures = {"map": f"{stem}.svg" if "svg" in formats else f"{stem}.png"}
    expected = {name for view, name in pictures.items() if view in views and name in siblings}
    for view in ("flow", "slide"):
        found = [f"{stem}.{view}.{suffix}" for suffix in ("svg", "png") if f"{stem}.{view}.{suffix}" in siblings]
        expected |= set(found[:1])
    if "html" in formats:
        expected.add(f"{stem}.html")
    assert set(linked) == expected
    images = [unquote(target) for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown)]
    assert images == sorted(expected & {f"{stem}.svg", f"{stem}.png"})[:1], "only the map view is shown inline"
    if not expected:
        assert "## Diagram" not in markdown, "no picture section when nothing is built beside the report"


def test_the_report_alone_says_nothing_of_pictures() -> None:
    markdown = render_markdown(cjm.load(ECOMMERCE), RenderOptions(stem="journey"))
    assert "## Diagram" not in markdown and ".svg" not in markdown and ".html" not in markdown


def test_french_report_names_the_slide_in_french() -> None:
    siblings = frozenset({"x.slide.svg", "x.md"})
    markdown = render_markdown(
        cjm.load(ROOT / "examples" / "support-box-internet-fr.yaml"), RenderOptions("x", siblings=siblings)
    )
    assert "[Résumé en une diapositive](x.slide.svg)" in markdown


@pytest.mark.parametrize(
    "arguments",
    [
        ["-f", "md"],
        ["-f", "md", "-f", "svg", "--view", "slide"],
        ["-f", "md", "-f", "png"],
        ["-f", "md", "-f", "svg", "-f", "html", "--view", "map,flow"],
    ],
    ids=["md", "md+slide", "md+png", "md+svg+html+flow"],
)
def test_every_file_the_built_report_links_is_on_disk(arguments: list[str], tmp_path: Path) -> None:
    result = run_cjm("build", str(ECOMMERCE), "-o", str(tmp_path), *arguments)
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / f"{ECOMMERCE.stem}.md").read_text(encoding="utf-8")
    linked = {unquote(target) for target in LINK.findall(markdown) if not target.startswith("#")}
    written = {path.name for path in tmp_path.iterdir()} - {f"{ECOMMERCE.stem}.md"}
    assert linked == written, f"the report links {sorted(linked)}, the build wrote {sorted(written)}"
