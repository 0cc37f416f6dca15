"""The Mermaid block of every Markdown report renders with the real mermaid-cli.

GitHub, GitLab and most Markdown viewers draw ```mermaid blocks with mermaid.js; a label that
breaks its grammar shows a "Syntax error" bomb instead of the journey. mermaid-cli (`mmdc`,
installed by `make node`) runs the same mermaid.js in headless Chromium, so a block it renders
cleanly renders on those sites too.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import cjm
from cjm.diff import diff_journeys
from cjm.diff_report import diff_markdown
from cjm.i18n import messages
from cjm.renderers.mermaid import (
    MAX_TASKS,
    TASK_CHARACTERS,
    TASK_LINES,
    fit_lines,
    journey_tasks,
    mermaid_text,
    render_mermaid_blocks,
    task_text,
)
from tests.conftest import EXAMPLES, ROOT
from tests.tools import build_text, find_node_tool, mermaid_blocks, run_mmdc

pytestmark = pytest.mark.node

# What mermaid draws or logs when it cannot read a block, or reads a score it cannot place.
FAILURE_TEXT = ("Syntax error", "Parse error", "Lexical error", "NaN")

HOSTILE = """\
cjm: 1
title: "Checkout: step 1, the #1 problem; really 🛒"
persona:
  name: "Zoë O'Brien, 34"
stages:
  - name: "Pay: card, wallet # or cash; 💳"
    touchpoints:
      - {name: "Checkout: step 1, card # 2; done 🔒", channel: web, emotion: 2}
      - {name: "Score: 5: Me", channel: web, emotion: 4}
      - {name: "%% not a comment", channel: email, emotion: 3}
      - {name: "Quote \\"this\\" & <b>that</b> {braces} [brackets]", channel: chat, emotion: 1}
  - name: "Après-vente ; suivi : 📦 #colis"
    touchpoints:
      - {name: "SMS : « Votre colis arrive » ✅", channel: sms, emotion: 5}
      - {name: "section Fake: 3: Me", channel: phone}
"""


@pytest.fixture(scope="module")
def mmdc() -> Path:
    """mermaid-cli from tests/node."""
    found = find_node_tool("mmdc")
    if found is None:
        pytest.fail("mermaid-cli (mmdc) is not installed in tests/node (or node is missing): run `make node`")
    return found


def report_blocks(source: Path) -> list[str]:
    """The Mermaid blocks of a map's Markdown report."""
    return mermaid_blocks(build_text(source, "md"))


def render_blocks(blocks: dict[str, list[str]], directory: Path) -> dict[str, list[str]]:
    """Render named groups of Mermaid blocks in one mmdc run and return each group's SVG texts.

    Why one run: mmdc starts Chromium once per call, and a Markdown input has every block drawn
    in that one browser, each to `<output>-<n>.svg` in the order of the input.
    """
    source = directory / "blocks.md"
    sections = [f"## {name}\n\n```mermaid\n{block}```\n" for name, group in blocks.items() for block in group]
    source.write_text("\n".join(sections), encoding="utf-8")
    result = run_mmdc(source, directory / "rendered.md")
    problems = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert result.returncode == 0 and not problems, f"mmdc failed ({result.returncode}):\n{result.stderr[-4000:]}"
    svgs: dict[str, list[str]] = {}
    number = 0
    for name, group in blocks.items():
        for _ in group:
            number += 1
            svg = directory / f"rendered-{number}.svg"
            assert svg.exists(), f"mmdc wrote no {svg.name} for {name}"
            svgs.setdefault(name, []).append(svg.read_text(encoding="utf-8"))
    return svgs


def assert_drawn(svg: str, name: str) -> None:
    """A diagram was drawn: an SVG with text and none of mermaid's error output."""
    assert svg.lstrip().startswith("<svg"), f"{name}: not an SVG"
    for text in FAILURE_TEXT:
        assert text not in svg, f"{name}: the rendered diagram contains {text!r}"
    assert re.search(r'aria-roledescription="journey"', svg), f"{name}: not drawn as a journey diagram"


@pytest.fixture(scope="module")
def example_svgs(mmdc: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every example's report blocks, rendered in one mmdc run."""
    blocks = {path.stem: report_blocks(path) for path in EXAMPLES}
    for name, group in blocks.items():
        assert group, f"the Markdown report of {name} has no ```mermaid block"
    return render_blocks(blocks, tmp_path_factory.mktemp("mermaid"))


def drawn_texts(svg: str) -> list[str]:
    """Every text Mermaid drew, entities decoded, tags dropped."""
    return [
        html.unescape(re.sub(r"<[^>]+>", "", text)) for text in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.DOTALL)
    ]


def accessible_name(svg: str) -> tuple[str, str]:
    """The drawing's accessible name and description: the `<title>` and `<desc>` its root points at."""
    root = re.search(r"<svg[^>]*>", svg)
    assert root is not None
    title_id = re.search(r'aria-labelledby="([^"]+)"', root.group(0))
    desc_id = re.search(r'aria-describedby="([^"]+)"', root.group(0))
    assert title_id and desc_id, "the diagram has no accessible name or description"
    title = re.search(rf'<title id="{re.escape(title_id.group(1))}">(.*?)</title>', svg, re.DOTALL)
    desc = re.search(rf'<desc id="{re.escape(desc_id.group(1))}">(.*?)</desc>', svg, re.DOTALL)
    assert title and desc
    return html.unescape(title.group(1)), html.unescape(desc.group(1))


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_example_report_diagram_renders(example_svgs: dict[str, list[str]], example: Path) -> None:
    journey = cjm.load(example)
    for svg in example_svgs[example.stem]:
        assert_drawn(svg, example.stem)
        assert 1 <= svg.count('class="task ') <= MAX_TASKS, f"{example.stem}: 1 to {MAX_TASKS} tasks"
        title, description = accessible_name(svg)
        assert title.startswith(journey.title) and description
        texts = drawn_texts(svg)
        assert not any(re.search(r"#[0-9]+;", text) for text in texts), "an entity code is drawn as code"


def test_hostile_labels_render(mmdc: Path, tmp_path: Path) -> None:
    source = tmp_path / "hostile.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    journey = cjm.load(source)
    blocks = report_blocks(source)
    assert len(blocks) == 1, "six scored touchpoints fit one block"
    [svg] = render_blocks({"hostile": blocks}, tmp_path)["hostile"]
    assert_drawn(svg, "hostile")
    assert svg.count('class="task ') == 6 - 1  # "section Fake" has no emotion: not a task, no invented score
    texts = drawn_texts(svg)
    # The real characters, never look-alikes: `:` `,` `#` `;` are drawn as written (shortened with "…").
    assert "Checkout: step 1, card # 2; done 🔒" in texts  # Two lines of a task box: whole.
    assert "Score: 5: Me" in texts
    assert "%% not a comment" in texts
    assert "Pay: card, wallet # or cash; 💳" in texts
    assert "Zoë O'Brien, 34" in texts  # One actor, whole: the legend holds it.
    assert not any(character in "".join(texts) for character in "∶‚♯‹›ˋ"), "a look-alike was drawn"
    title, _ = accessible_name(svg)
    assert title == journey.title


def test_a_long_map_draws_one_task_per_stage_and_a_very_long_one_in_parts(mmdc: Path, tmp_path: Path) -> None:
    stages = [
        {
            "name": f"Stage {n}: étape",
            "touchpoints": [{"name": f"T{n}{k}", "channel": "web", "emotion": 1 + (n + k) % 5} for k in range(3)],
        }
        for n in range(1, 11)
    ]
    source = tmp_path / "long.yaml"
    # JSON is YAML: the map written as JSON reads the same.
    source.write_text(json.dumps({"cjm": 1, "title": "Long", "stages": stages}, ensure_ascii=False), encoding="utf-8")
    blocks = report_blocks(source)
    assert len(blocks) == 2  # 10 stages: 5 + 5
    svgs = render_blocks({"long": blocks}, tmp_path)["long"]
    for svg in svgs:
        assert_drawn(svg, "long")
        assert svg.count('class="task ') == 5
        assert accessible_name(svg)[0].startswith("Long (")
    assert "Stage 1: étape" in drawn_texts(svgs[0]) and "Stage 10: étape" in drawn_texts(svgs[1])


def test_the_diff_chart_draws_with_an_accessible_name(mmdc: Path, tmp_path: Path) -> None:
    old = ROOT / "examples" / "ecommerce-first-purchase.yaml"
    new = ROOT / "examples" / "ecommerce-first-purchase-future.yaml"
    journey_old, journey_new = cjm.load(old), cjm.load(new)
    markdown = diff_markdown(diff_journeys(journey_old, journey_new), journey_old, journey_new)
    blocks = mermaid_blocks(markdown)
    assert blocks
    [svg] = render_blocks({"diff": blocks}, tmp_path)["diff"]
    assert svg.lstrip().startswith("<svg") and "Syntax error" not in svg
    title, description = accessible_name(svg)
    assert journey_new.title in title and description


# --- the block's text, without drawing ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Step 1: pay", "Step 1#58; pay"),
        ("Paiement ; livraison", "Paiement #59; livraison"),
        ("Interview #4", "Interview #35;4"),
        ("Okafor, Maya", "Okafor#44; Maya"),
        ("50%% off", "50#37;#37; off"),
        ("a <br> b", "a #60;br#62; b"),
        ("```", "#96;#96;#96;"),
        ("two\nlines  and\ttabs", "two lines and tabs"),
    ],
)
def test_mermaid_text_writes_entity_codes(text: str, expected: str) -> None:
    assert mermaid_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title deed", "#84;itle deed"),
        ("SECTION leader", "#83;ECTION leader"),
        ("Journeys", "Journeys"),
        ("Product reviews and Trustpilot score", "Product reviews and Trustpilot score"),
        ("Retrouver la connexion et reprendre le travail", "Retrouver la connexion et…"),
        ("Supercalifragilisticexpialidocious", "Supercalifragilisti…"),
        ("Supercalifragilisticexpialidocious twice Supercalifragilisticexpialidocious", "Supercalifragilisti… twice…"),
    ],
)
def test_task_text_escapes_keywords_and_fits_a_box(text: str, expected: str) -> None:
    assert task_text(text) == expected
    shown = html.unescape(re.sub(r"#([0-9]+);", lambda m: chr(int(m[1])), expected))
    assert len(shown) <= TASK_CHARACTERS * TASK_LINES + 1


@pytest.mark.parametrize("width", [8, 20])
@pytest.mark.parametrize(
    "text",
    ["Obtenir un geste commercial pour la panne de la box", "aaaa bbbb cccc ddddd eeee ffff gggg", "x " * 30, "é" * 50],
)
def test_fitted_text_wraps_into_its_lines(text: str, width: int) -> None:
    fitted = fit_lines(text, width, 2)
    rows: list[str] = []
    for word in fitted.split(" "):  # Wrapped again as Mermaid does: no row wider than the box.
        if rows and len(rows[-1]) + 1 + len(word) <= width:
            rows[-1] += " " + word
        else:
            rows.append(word)
    assert len(rows) <= 2 and all(len(row) <= width for row in rows)
    assert fitted == " ".join(text.split()) or fitted.endswith("…")


def test_tasks_never_invent_a_score() -> None:
    journey = cjm.load(ROOT / "examples" / "ecommerce-first-purchase.yaml")
    tasks = journey_tasks(journey)
    assert len(tasks) <= MAX_TASKS and all(task.section is None for task in tasks)
    assert [task.name for task in tasks] == [stage.name for stage in journey.stages if stage.score is not None]
    bare = journey.model_copy(
        update={"stages": [stage.model_copy(update={"touchpoints": [], "emotion": None}) for stage in journey.stages]}
    )
    assert journey_tasks(bare) == [] and render_mermaid_blocks(bare) == []


def test_unusual_maps_draw_with_at_most_eight_tasks_and_a_name(mmdc: Path, tmp_path: Path) -> None:
    """One stage, twelve, no touchpoints, no scores, a blueprint, a future state, French, emoji, long names."""
    from cjm.renderers import RenderOptions, render
    from tests.unusual import UNUSUAL

    reports = {}
    for name, make in UNUSUAL.items():
        journey, baseline = make()
        report = render(journey, "md", RenderOptions(stem=name, baseline=baseline))
        assert isinstance(report, str)
        reports[name] = (journey, mermaid_blocks(report), report)
    scored = {name: blocks for name, (journey, blocks, _) in reports.items() if blocks}
    unscored = [name for name, (journey, blocks, _) in reports.items() if not blocks]
    assert unscored == ["no-scores", "blueprint"], "only maps with no score at all have no journey block"
    for name in unscored:
        assert messages(reports[name][0].locale)["note.no_curve"] in reports[name][2]
    svgs = render_blocks(scored, tmp_path)
    for name, group in svgs.items():
        journey = reports[name][0]
        for svg in group:
            assert_drawn(svg, name)
            assert 1 <= svg.count('class="task ') <= MAX_TASKS, f"{name}: 1 to {MAX_TASKS} tasks"
            title, description = accessible_name(svg)
            assert title and description, f"{name}: no accessible name"
            assert not any(re.search(r"#[0-9]+;", text) for text in drawn_texts(svg)), f"{name}: entity drawn as code"
