"""The HTML renderer: goldens, the grid's structure, escaping, the emotional curve and its baseline."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import cjm
from cjm import emotion
from cjm.formatting import bind
from cjm.i18n import MESSAGES
from cjm.model import Journey
from cjm.pipeline import FileResult, check_file
from cjm.renderers import RenderOptions, render
from cjm.renderers.html import COLOURS, TEXT_PAIRS, TONES, render_html
from cjm.renderers.html_templates import environment as _environment
from tests.conftest import EXAMPLES, ROOT, compare_golden
from tests.tools import HTML_PROBE, PROBES, print_pdf, probe_page

GOLDEN = ROOT / "tests" / "golden" / "html"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLUEPRINT_LANES = ["Frontstage", "Line of visibility", "Backstage", "Support processes", "Physical evidence"]


@dataclass
class Element:
    """A parsed element: enough of a DOM to query the page without a third-party parser."""

    tag: str
    attrs: dict[str, str]
    children: list[Element] = field(default_factory=list)
    parts: list[str | Element] = field(default_factory=list)

    def iter(self, tag: str | None = None) -> list[Element]:
        found = [self] if tag in (None, self.tag) else []
        for child in self.children:
            found += child.iter(tag)
        return found

    def text(self) -> str:
        return "".join(part if isinstance(part, str) else part.text() for part in self.parts)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def select(self, tag: str, **attrs: str) -> list[Element]:
        """Descendants with this tag whose attributes include these (`class_` matches one class)."""
        wanted = {key.rstrip("_"): value for key, value in attrs.items()}
        css = wanted.pop("class", None)
        return [
            element
            for element in self.iter(tag)
            if all(element.attrs.get(key) == value for key, value in wanted.items())
            and (css is None or css in element.classes())
        ]


class TreeBuilder(HTMLParser):
    """Builds an Element tree and fails on any end tag that does not close the open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        self.stack[-1].parts.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        self.stack[-1].parts.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"end tag for void element <{tag}>"
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].parts.append(data)


def parse(page: str) -> Element:
    """Parse a page strictly: every element closed in order, nothing left open."""
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert [element.tag for element in builder.stack] == ["#document"], "unclosed elements"
    return builder.root


@cache
def checked(stem: str) -> FileResult:
    """An example through the pipeline, which also loads the current-state map a future-state map names."""
    result = check_file(ROOT / "examples" / f"{stem}.yaml")
    assert result.ok and result.journey is not None, result.diagnostics
    return result


def example(stem: str) -> Journey:
    journey = checked(stem).journey
    assert journey is not None
    return journey


@cache
def rendered(stem: str) -> str:
    """The page `cjm build` writes for an example."""
    return render_html(example(stem), RenderOptions(baseline=checked(stem).baseline))


def journey(**overrides: Any) -> Journey:
    """A small valid map built in the test; `overrides` replace top-level keys."""
    data: dict[str, Any] = {
        "cjm": 1,
        "title": "Checkout",
        "stages": [
            {"id": "browse", "name": "Browse", "emotion": 4, "actions": ["Looks around"]},
            {"id": "pay", "name": "Pay", "emotion": 2},
            {"id": "wait", "name": "Wait"},
            {"id": "use", "name": "Use", "emotion": 5},
        ],
    }
    data.update(overrides)
    return Journey.model_validate(data)


def row_headers(page: Element) -> list[str]:
    return [th.text().strip() for th in page.select("th", scope="row")]


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


STEMS = [path.stem for path in EXAMPLES]


@pytest.mark.parametrize("stem", STEMS)
def test_golden(stem: str, update_golden: bool) -> None:
    compare_golden(GOLDEN / f"{stem}.html", rendered(stem), update_golden)


@pytest.mark.parametrize("stem", STEMS)
def test_page_parses_with_one_column_header_per_stage(stem: str) -> None:
    page = parse(rendered(stem))
    [table] = page.select("table", class_="journey")
    assert table.select("caption")
    headers = table.select("th", scope="col")
    assert [th.attrs["id"] for th in headers] == [f"stage-{stage.id}" for stage in example(stem).stages]
    for number, (th, stage) in enumerate(zip(headers, example(stem).stages, strict=True), start=1):
        assert th.select("span", class_="stage-name")[0].text() == stage.name
        assert str(number) in th.select("span", class_="stage-number")[0].text()
    for row in table.select("tbody")[0].select("tr"):
        cells = row.select("td")
        spans = sum(int(cell.attrs.get("colspan", "1")) for cell in cells)
        assert spans == len(example(stem).stages), row.attrs


@pytest.mark.parametrize("stem", STEMS)
def test_lanes_are_the_ones_with_data_in_order(stem: str) -> None:
    source = example(stem)
    text = MESSAGES[source.locale]
    stages = source.stages
    has = {
        "goal": any(s.goal for s in stages),
        "business_goal": any(s.business_goal for s in stages),
        "actions": any(s.actions for s in stages),
        "touchpoints": any(s.touchpoints for s in stages),
        "thoughts": any(s.thoughts for s in stages),
        "emotion": any(s.score is not None for s in stages),
        "pain_points": any(s.pain_points for s in stages),
        "opportunities": any(s.opportunities for s in stages),
        "kpis": any(s.kpis for s in stages),
        "quotes": any(s.quotes for s in stages),
        "duration": any(s.duration for s in stages),
        "frontstage": any(s.frontstage for s in stages),
        "line_of_visibility": any(s.frontstage or s.backstage or s.support for s in stages),
        "backstage": any(s.backstage for s in stages),
        "support": any(s.support for s in stages),
        "physical_evidence": any(s.physical_evidence for s in stages),
    }
    expected = [text[f"lane.{key}"] for key, present in has.items() if present]
    assert row_headers(parse(rendered(stem))) == expected


@pytest.mark.parametrize("stem", STEMS)
def test_blueprint_lanes_and_line_of_visibility_only_on_the_blueprint(stem: str) -> None:
    page = parse(rendered(stem))
    headers = row_headers(page)
    if example(stem).type == "service-blueprint":
        assert headers[-len(BLUEPRINT_LANES) :] == BLUEPRINT_LANES
        [line] = page.select("tr", class_="lane-line_of_visibility")
        assert line.select("td", class_="visibility-cell")[0].attrs["colspan"] == str(len(example(stem).stages))
    else:
        assert not set(headers) & set(BLUEPRINT_LANES)
        assert not page.select("tr", class_="lane-line_of_visibility")


@pytest.mark.parametrize("stem", STEMS)
def test_labels_are_in_the_map_language(stem: str) -> None:
    page = parse(rendered(stem))
    [root] = page.select("html")
    headers = row_headers(page)
    if example(stem).locale == "fr":
        assert root.attrs["lang"] == "fr"
        assert {"Points de contact", "Points de friction", "Opportunités", "Émotion"} <= set(headers)
        assert not {"Touchpoints", "Pain points", "Opportunities"} & set(headers)
        assert "Courbe émotionnelle" in page.text() and "Canaux préférés" in page.text()
        assert "Application mobile" in page.text() and "Point de contact\u00a0: " in page.text()
    else:
        assert root.attrs["lang"] == "en"
        assert {"Touchpoints", "Pain points", "Opportunities", "Emotion"} <= set(headers)
        assert "Points de contact" not in page.text()


def test_both_locales_have_the_same_message_keys() -> None:
    assert set(MESSAGES["en"]) == set(MESSAGES["fr"])
    assert all(value.strip() for locale in MESSAGES.values() for value in locale.values())


@pytest.mark.parametrize("stem", STEMS)
def test_self_contained_without_external_references_or_scripts(stem: str) -> None:
    page_text = rendered(stem)
    page = parse(page_text)
    assert not page.select("script") and not page.select("link") and not page.select("img")
    for element in page.iter():
        for name in ("src", "href", "xlink:href", "action"):
            if name in element.attrs:
                assert element.attrs[name].startswith("#"), (element.tag, name, element.attrs[name])
        assert not any(name.startswith("on") for name in element.attrs), element.attrs
    style = "".join(element.text() for element in page.select("style"))
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert "Content-Security-Policy" in page_text


@pytest.mark.parametrize("stem", STEMS)
def test_every_link_targets_an_element_of_the_page(stem: str) -> None:
    page = parse(rendered(stem))
    ids = [element.attrs["id"] for element in page.iter() if "id" in element.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    links = page.select("a")
    assert links
    assert {link.attrs["href"][1:] for link in links} <= set(ids)


@pytest.mark.parametrize("stem", STEMS)
def test_pain_points_are_anchors_and_opportunities_link_to_what_they_address(stem: str) -> None:
    page = parse(rendered(stem))
    source = example(stem)
    for _, pain in source.pain_points():
        [card] = page.select("li", id=f"pain-{pain.id}")
        assert bind(pain.text) in card.text()  # French spaces before ; : ! ? and inside « » cannot break
        assert MESSAGES[source.locale][f"severity.{pain.severity}"] in card.select("span", class_="badge")[0].text()
    own = {pain.id for _, pain in source.pain_points()}
    for _, item in source.opportunities():
        [card] = page.select("li", id=f"opp-{item.id}")
        hrefs = [link.attrs["href"] for link in card.select("a")]
        # A future-state map may address pain points of its baseline: named, but with no card to link to.
        assert hrefs == [f"#pain-{ref}" for ref in item.addresses if ref in own]


def test_moment_of_truth_and_drop_off_are_written_out() -> None:
    stem = "ecommerce-first-purchase"
    page = parse(rendered(stem))
    for _, touchpoint in example(stem).touchpoints():
        [card] = page.select("li", id=f"tp-{touchpoint.id}")
        assert ("Moment of truth" in card.text()) == touchpoint.moment_of_truth
        if touchpoint.drop_off:
            assert f"Drop-off: {touchpoint.drop_off}" in card.text()


def test_kpis_say_whether_they_meet_their_target_in_words() -> None:
    kpis = [
        {"name": "Conversion", "value": 12.5, "target": 10, "unit": "%", "better": "higher"},
        {"name": "Churn", "value": 8.4, "target": 4, "unit": "%", "better": "lower"},
        {"name": "Wait", "value": 2, "target": 3, "unit": "days", "better": "lower"},
        {"name": "CSAT", "value": 3.4, "target": 4.2, "unit": "/5", "better": "higher"},
        {"name": "NPS", "value": -32},
        {"name": "Effort", "value": 3.4, "target": 4.2, "unit": "/5"},
    ]
    stages = [{"id": "one", "name": "One", "kpis": kpis}]
    page = parse(render_html(journey(stages=stages), RenderOptions()))
    items = [li.text() for li in page.select("ul", class_="kpis")[0].select("li")]
    assert ["12.5%" in items[0], "on target" in items[0], "Target ≥ 10%" in items[0]] == [True] * 3
    assert ["8.4%" in items[1], "✗ off target" in items[1], "Target ≤ 4%" in items[1]] == [True] * 3
    assert "2\u00a0days" in items[2] and "✓ on target" in items[2]
    assert "3.4/5" in items[3] and "off target" in items[3]
    assert "-32" in items[4] and "no target" in items[4]
    # No direction stated: the target without ≥ or ≤, and no verdict.
    assert "Target 4.2/5" in items[5] and "direction not stated" in items[5]
    assert "on target" not in items[5] and "off target" not in items[5]
    french = parse(render_html(journey(locale="fr", stages=stages), RenderOptions()))
    first = french.select("ul", class_="kpis")[0].select("li")[1].text()
    assert "8,4\u00a0%" in first and "hors objectif" in first and "Cible ≤ 4\u00a0%" in first


def curve_of(page: Element) -> Element:
    [cell] = page.select("td", class_="curve-cell")
    return cell


def test_curve_points_sit_at_column_centres_with_gaps_for_stages_without_a_score() -> None:
    source = journey()
    cell = curve_of(parse(render_html(source, RenderOptions())))
    points = cell.select("circle", class_="point")
    assert [point.attrs["cx"] for point in points] == ["12.500%", "37.500%", "87.500%"]
    assert [point.attrs["fill"] for point in points] == [
        emotion.stroke(score, source.emotion_scale) for score in (4, 2, 5)
    ]
    segments = [(line.attrs["x1"], line.attrs["x2"]) for line in cell.select("line", class_="curve")]
    assert segments == [("12.500%", "37.500%")]
    labels = [text.text() for text in cell.select("text", class_="curve-label")]
    assert labels == ["▲ 4", "▼ 2", "▲▲ 5"]
    [gap] = cell.select("text", class_="curve-gap")
    assert gap.attrs["x"] == "62.500%" and "no emotion recorded" in gap.text()
    [neutral] = cell.select("line", class_="neutral")
    assert neutral.attrs["stroke-dasharray"]
    assert cell.select("svg")[0].attrs["role"] == "img"


def test_curve_marks_every_lowest_point_and_uses_the_scale_words() -> None:
    scale = {"min": -2, "max": 2, "neutral": 0, "labels": {-2: "Distressed", 0: "Neutral", 2: "Delighted"}}
    stages = [{"id": f"s{n}", "name": f"S{n}", "emotion": score} for n, score in enumerate([0, -2, 1.5, -2])]
    cell = curve_of(parse(render_html(journey(emotion_scale=scale, stages=stages), RenderOptions())))
    assert [text.attrs["x"] for text in cell.select("text", class_="curve-lowest")] == ["37.500%", "87.500%"]
    assert [text.text() for text in cell.select("text", class_="curve-word")] == [
        "Neutral",
        "Distressed",
        "Delighted",
        "Distressed",
    ]
    assert "Lowest point" in cell.select("ul", class_="legend")[0].text()
    flat = [{"id": f"s{n}", "name": f"S{n}", "emotion": 3} for n in range(3)]
    assert not curve_of(parse(render_html(journey(stages=flat), RenderOptions()))).select("text", class_="curve-lowest")


def test_map_without_scores_has_no_emotion_lane() -> None:
    stages = [{"id": "a", "name": "A", "actions": ["x"]}, {"id": "b", "name": "B"}]
    page = parse(render_html(journey(stages=stages), RenderOptions()))
    assert row_headers(page) == ["Actions"]
    assert not page.select("td", class_="curve-cell")


def test_baseline_draws_a_second_dashed_curve_matched_by_stage_id() -> None:
    future = journey(type="future-state")
    current = journey(
        stages=[
            {"id": "use", "name": "Use", "emotion": 3},
            {"id": "pay", "name": "Pay", "emotion": 1},
            {"id": "wait", "name": "Wait", "emotion": 1},
            {"id": "browse", "name": "Browse", "emotion": 3},
            {"id": "gone", "name": "Removed", "emotion": 2},
        ]
    )
    plain = curve_of(parse(render_html(future, RenderOptions())))
    assert not plain.select("line", class_="baseline") and not plain.select("li", class_="legend-baseline")

    cell = curve_of(parse(render_html(future, RenderOptions(baseline=current))))
    circles = cell.select("circle", class_="baseline")
    assert [circle.attrs["cx"] for circle in circles] == ["12.500%", "37.500%", "62.500%", "87.500%"]
    # Scale 1..5 over the plot: 3 sits half-way, 1 at the bottom, whatever order the baseline lists stages in.
    heights = [float(circle.attrs["cy"]) for circle in circles]
    assert heights[0] == heights[3] and heights[1] == heights[2] > heights[0]
    lines = cell.select("line", class_="baseline")
    assert len(lines) == 3 and all(line.attrs["stroke-dasharray"] for line in lines)
    [legend] = cell.select("li", class_="legend-baseline")
    assert legend.text().strip() == "Current state"
    assert cell.select("li", class_="legend-curve")[0].text().strip() == "Future state"
    french = curve_of(parse(render_html(journey(locale="fr", type="future-state"), RenderOptions(baseline=current))))
    assert french.select("li", class_="legend-baseline")[0].text().strip() == "État actuel"


HOSTILE: dict[str, Any] = {
    "title": "<script>alert(1)</script> & \"double\" 'single' {{ 7*7 }} {% raw %}",
    "objective": "[click](javascript:alert(1)) <img src=x onerror=alert(1)>",
    "owner": "O'Brien & <b>Co</b>",
    "persona": {
        "name": "مرحبا Ünïcødé 🙂",
        "description": "line one\nline two",
        "quote": "</blockquote><script>x</script>",
        "channels": ["web", "not-declared"],
    },
    "stages": [
        {
            "id": "one",
            "name": "<b>Bold</b> 🚀 שלום",
            "goal": "${HOME} {{ config }}",
            "actions": ["A" * 400],
            "touchpoints": [
                {"name": '"><svg onload=alert(1)>', "channel": "web", "emotion": 2, "drop_off": "<i>50%</i>"}
            ],
            "pain_points": [{"id": "pp-x", "text": "<a href='http://evil.example'>evil</a>", "severity": "high"}],
            "opportunities": [{"text": "Fix </td></tr></table> it", "addresses": ["pp-x"]}],
            "kpis": [{"name": "<kpi>", "value": 1, "target": 2, "unit": "<u>"}],
            "quotes": [{"text": '«quoted» "x"', "source": "<src>"}],
        }
    ],
}


def test_hostile_strings_are_text_not_markup() -> None:
    source = journey(**HOSTILE)
    page_text = render_html(source, RenderOptions())
    page = parse(page_text)
    assert "<script" not in page_text.lower() and "<svg onload" not in page_text and "<b>" not in page_text
    assert not page.select("script") and not page.select("b") and not page.select("img") and not page.select("i")
    assert page.select("h1")[0].text() == HOSTILE["title"]
    assert page.select("title")[0].text() == HOSTILE["title"]
    assert "{{ 7*7 }}" in page.text() and "${HOME} {{ config }}" in page.text()
    assert HOSTILE["objective"] in page.text()
    assert "line one\nline two" in page.text() and "مرحبا Ünïcødé 🙂" in page.text() and "🚀 שלום" in page.text()
    assert "A" * 400 in page.text()
    assert all(link.attrs["href"].startswith("#") for link in page.select("a"))
    assert "javascript:" not in "".join(value for element in page.iter() for value in element.attrs.values())
    assert "not-declared" in page.select("ul", class_="chips")[0].text()
    assert len(page.select("table")) == 1


def test_words_wrap_whole_in_equal_columns_that_hold_them() -> None:
    page = parse(rendered(STEMS[0]))
    style = page.select("style")[0].text()
    assert "overflow-wrap: break-word" in style and "overflow-wrap: anywhere" not in style
    assert re.search(r"table\.journey \{[^}]*table-layout: fixed", style)
    [table] = page.select("table", class_="journey")
    assert re.search(r"--stage-min: [\d.]+em", table.attrs["style"])


def test_prints_on_landscape_pages() -> None:
    style = parse(rendered(STEMS[0])).select("style")[0].text()
    assert "@page { size: A4 landscape; margin: 10mm; }" in style
    assert "@media print" in style and "break-inside: avoid" in style


def test_colour_pairs_meet_wcag_aa() -> None:
    for foreground, background in TONES.values():
        assert contrast(foreground, background) >= 4.5, (foreground, background)
    for foreground, background in TEXT_PAIRS:
        assert contrast(COLOURS[foreground], COLOURS[background]) >= 4.5, (foreground, background)
    for fill in emotion.FILLS:
        assert contrast(COLOURS["ink"], fill) >= 4.5, fill


def test_templates_are_autoescaped() -> None:
    environment = _environment()
    assert callable(environment.autoescape) and environment.autoescape("journey.html.j2") is True
    assert environment is _environment()


@pytest.mark.parametrize("stem", STEMS)
def test_deterministic_utf8_text_with_one_trailing_newline(stem: str) -> None:
    first = rendered(stem)
    again = check_file(ROOT / "examples" / f"{stem}.yaml")
    assert again.journey is not None
    assert render_html(again.journey, RenderOptions(stem="other", baseline=again.baseline)) == first
    assert first.endswith("</html>\n") and not first.endswith("\n\n") and "\r" not in first
    assert str(ROOT) not in first and cjm.__version__ not in first


@pytest.mark.parametrize("stem", STEMS)
def test_future_state_examples_show_their_baseline_curve(stem: str) -> None:
    cell = curve_of(parse(rendered(stem)))
    if checked(stem).baseline is None:
        assert not cell.select("li", class_="legend-baseline")
    else:
        assert cell.select("li", class_="legend-baseline")[0].text().strip() == "Current state"
        assert len(cell.select("circle", class_="baseline")) == len(example(stem).stages)


def test_registry_renders_the_same_page() -> None:
    source = example(STEMS[0])
    assert render(source, "html") == render_html(source, RenderOptions())


@pytest.mark.browser
def test_eight_stages_and_hostile_words_stay_in_their_cells_at_1280_pixels(tmp_path: Path) -> None:
    """The examples are probed by test_browser.py; this is the widest map the method recommends, made hostile.

    Words longer than the widest column (300 W, a name of 102 letters) widen the columns to their
    cap: the grid then scrolls inside its own box, and only those two words may break.
    """
    stages = [
        {"id": f"stage-{n}", "name": f"Consideration {n}", "emotion": 1 + n % 5, "actions": ["Compares offers"]}
        for n in range(8)
    ]
    stages[2]["actions"] = ["W" * 300, "مرحبا بالعالم " * 5, "line one\nline two"]
    stages[3]["touchpoints"] = [
        {"name": "Supercalifragilisticexpialidocious" * 3, "channel": "web", "moment_of_truth": True}
    ]
    stages[4]["kpis"] = [{"name": "Conversion", "value": 123456.75, "target": 999999, "unit": "transactions"}]
    page = tmp_path / "eight.html"
    page.write_text(render_html(journey(stages=stages), RenderOptions()), encoding="utf-8")
    result = probe_page(page, HTML_PROBE, width=1280)
    assert result["width"] <= 1280
    assert [p for p in result["problems"] if p["kind"] != "scrolls"] == []
    assert [p["element"] for p in result["problems"] if p["kind"] == "scrolls"] == ["div.grid-wrap"]
    widths = probe_page(page, PROBES / "page-width.js", width=1280)
    hostile = {"W" * 300, "Supercalifragilisticexpialidocious" * 3}
    assert [p for p in widths["problems"] if p.get("word") not in hostile] == []


@pytest.mark.browser
def test_prints_to_landscape_a4(tmp_path: Path) -> None:
    stem = "bank-account-opening-blueprint"
    page = tmp_path / f"{stem}.html"
    page.write_text(rendered(stem), encoding="utf-8")
    pdf = print_pdf(page, tmp_path / f"{stem}.pdf")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and all(round(float(width)) == 842 and round(float(height)) == 595 for width, height in boxes)


def _printed_columns(pdf: Path) -> list[str]:
    """The printed text column by column, whitespace and hyphens removed, as poppler's pdftotext places it.

    Why columns: the grid prints stages side by side, so plain text interleaves their lines; lines
    that start at the same x, read page by page and top to bottom, are one column's text.
    """
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None, "pdftotext is missing: run `make system` (Debian package poppler-utils)"
    layout = pdf.with_suffix(".bbox.html")
    subprocess.run([pdftotext, "-bbox-layout", str(pdf), str(layout)], capture_output=True, timeout=60, check=True)
    document = layout.read_text(encoding="utf-8")
    columns: dict[int, list[tuple[int, float, str]]] = {}
    for number, page in enumerate(re.findall(r"<page[^>]*>(.*?)</page>", document, re.DOTALL)):
        for line in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</line>', page, re.DOTALL):
            words = "".join(html.unescape(word) for word in re.findall(r"<word[^>]*>(.*?)</word>", line[3]))
            columns.setdefault(round(float(line[1])), []).append((number, float(line[2]), words))
    return ["".join(_squeezed(words) for _, _, words in sorted(lines)) for lines in columns.values()]


def _squeezed(text: str) -> str:
    return re.sub(r"[\s\u00ad-]", "", text)


@pytest.mark.parametrize("stem", [path.stem for path in EXAMPLES])
def test_printed_page_shows_every_piece_of_evidence(stem: str, tmp_path: Path) -> None:
    journey = cjm.load(ROOT / "examples" / f"{stem}.yaml")
    page = tmp_path / f"{stem}.html"
    page.write_text(rendered(stem), encoding="utf-8")
    print_pdf(page, tmp_path / f"{stem}.pdf")
    columns = _printed_columns(tmp_path / f"{stem}.pdf")
    evidence = [item for _, pain in journey.pain_points() for item in pain.evidence]
    assert evidence
    missing = [item for item in evidence if not any(_squeezed(item) in column for column in columns)]
    assert not missing, f"{len(missing)} of {len(evidence)} pieces of evidence do not print: {missing[:3]}"


def test_a_step_with_a_reason_shows_on_its_touchpoint_card() -> None:
    page = rendered("support-box-internet-fr")
    assert re.search(
        r'class="small next-step">→ <a href="#tp-serveur-vocal">Serveur vocal du 3900</a>\u00a0: '
        r"le chat ne peut pas ouvrir de ticket technique</span>",
        page,
    )


def test_a_stage_of_alternatives_says_so() -> None:
    page = rendered("ecommerce-first-purchase")
    assert page.count('<span class="small alternatives">Alternatives (no order)</span>') == 1
