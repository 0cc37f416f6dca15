"""The Mermaid block of every Markdown report renders with the real mermaid-cli.

GitHub, GitLab and most Markdown viewers draw ```mermaid blocks with mermaid.js; a label that
breaks its grammar shows a "Syntax error" bomb instead of the journey. mermaid-cli (`mmdc`,
installed by `make node`) runs the same mermaid.js in headless Chromium, so a block it renders
cleanly renders on those sites too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import cjm
from tests.conftest import EXAMPLES
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


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_example_report_diagram_renders(example_svgs: dict[str, list[str]], example: Path) -> None:
    journey = cjm.load(example)
    for svg in example_svgs[example.stem]:
        assert_drawn(svg, example.stem)
        labels = re.findall(r'class="journey-section[^"]*"[^>]*>(?:<[^>]+>)*([^<]+)', svg)
        assert len(labels) >= len(journey.stages), f"{example.stem}: a section per stage, got {labels}"


def test_hostile_labels_render(mmdc: Path, tmp_path: Path) -> None:
    source = tmp_path / "hostile.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    journey = cjm.load(source)
    blocks = report_blocks(source)
    assert blocks, "the Markdown report has no ```mermaid block"
    [svg, *_] = render_blocks({"hostile": blocks}, tmp_path)["hostile"]
    assert_drawn(svg, "hostile")
    tasks = re.findall(r'class="task"', svg)
    scored = sum(1 for stage in journey.stages for touchpoint in stage.touchpoints if touchpoint.emotion is not None)
    assert len(tasks) >= scored, f"one task per scored touchpoint ({scored}), got {len(tasks)}"
    assert "🔒" in svg and "📦" in svg, "emoji survive into the diagram"
