"""The Markdown report: the map as GitHub-flavoured Markdown for docs pipelines and pull requests.

Sections, in order: title, objective and map facts; the persona; the map view (a relative link
to `<stem>.svg`, else `<stem>.png`) with links to the flow view, the slide and the HTML page,
each only when the same build writes it (`RenderOptions.siblings`); the stage table; the
emotional curve as a Mermaid `journey` block; the emotional low points; pain points by
severity; the opportunity backlog; KPIs against their targets; and, when a baseline map is
given, the comparison with the current state.

Why Python and not a Jinja template: Markdown is whitespace-sensitive (a blank line too many
ends a list, one too few glues a table to a paragraph) and every piece of user text must go
through the same escaping. Building the lines here keeps both in one place, and the output
byte-exact and deterministic.

Every heading and label comes from the catalogue (`cjm.i18n`); all user text goes through
`escape_markdown` (prose) or `escape_table_cell` (tables, headings, list items), and every
label in the Mermaid blocks through `cjm.renderers.mermaid`.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from cjm import formatting
from cjm.model import KPI, EmotionScale, Journey, PainPoint, Touchpoint
from cjm.presentation import (
    NO_VALUE,
    SEVERITY_ORDER,
    backlog_rank,
    escape_markdown,
    escape_table_cell,
    kpi_on_target,
    kpi_value_text,
    severity_rank,
)
from cjm.renderers import FORMATS, RenderOptions
from cjm.renderers.markdown_cells import (
    CELL_BREAK,
    MOMENT_OF_TRUTH,
    Text,
    emotion_cell,
    scale_value,
    table,
    touchpoint_mark,
    touchpoint_with_channel,
)
from cjm.renderers.markdown_comparison import comparison
from cjm.renderers.mermaid import render_mermaid_blocks

__all__ = ["SEVERITY_ORDER", "escape_markdown", "escape_table_cell", "kpi_on_target", "render_markdown"]

ON_TARGET = "✅"
OFF_TARGET = "⚠️"


def unscored(journey: Journey) -> list[Touchpoint]:
    """The touchpoints the Mermaid journey leaves out because they have no emotion score, in journey order."""
    return [touchpoint for _, touchpoint in journey.touchpoints() if touchpoint.emotion is None]


# --- The report --------------------------------------------------------------------------------


def render_markdown(journey: Journey, options: RenderOptions) -> str:
    """The map as a GitHub-flavoured Markdown report, with a Mermaid journey and the SVG linked.

    Orders, all stable (journey order breaks ties):
    - emotional low points: every stage and touchpoint below neutral, lowest first;
    - pain points: by severity, critical → high → medium → low;
    - opportunity backlog: by status (in progress → planned → idea → done → dropped, so
      the work that is moving comes first and closed items last), then impact high → low,
      then effort low → high (quick wins first within a status).

    With `options.baseline`, a last section compares the map with that current-state map:
    emotion per stage (by stage id), the baseline's pain points this map no longer has
    (by id), and touchpoints added or dropped (by id).
    """
    text = Text(journey)
    blocks: list[list[str]] = [
        *_header(journey, text),
        *_persona(journey, text),
        *_pictures(journey, options, text),
        *_stages(journey, text),
        *_curve(journey, text),
        *_lows(journey, text),
        *_pain_points(journey, text),
        *_backlog(journey, text, options.baseline),
        *_kpis(journey, text),
    ]
    if options.baseline is not None:
        blocks.extend(comparison(journey, options.baseline, text))
    return formatting.bind("\n\n".join("\n".join(block) for block in blocks if block)) + "\n"


def _curve(journey: Journey, text: Text) -> list[list[str]]:
    """The emotional curve section: the Mermaid blocks (cjm.renderers.mermaid), and what they leave out, in words."""
    heading = [f"## {text['heading.emotional_curve']}"]
    blocks = render_mermaid_blocks(journey)
    if not blocks:
        return [heading, [text["note.no_curve"]]]
    sections = [heading, *(["```mermaid", *block.splitlines(), "```"] for block in blocks)]
    left_out = unscored(journey)
    if left_out:
        names = ", ".join(escape_table_cell(touchpoint.name) for touchpoint in left_out)
        sections.append([text["note.unscored"].format(names=names)])
    return sections


# The other outputs the report links, in order, with their label: the flow view, the slide, the HTML page.
LINKED = (("view.flow_link", "flow"), ("view.slide_link", "slide"), ("view.page_link", None))


def _pictures(journey: Journey, options: RenderOptions, text: Text) -> list[list[str]]:
    """The map view shown, and links to the flow view, the slide and the HTML page: only files the build writes.

    A view built as both SVG and PNG is linked as SVG (sharp at any zoom). Nothing is built
    beside the report (`cjm build -f md`, or the API without `siblings`): no section at all,
    rather than a broken image or a link to a file that is not there.
    """

    def built(view: str | None) -> str | None:
        """The file of a view (its SVG, else its PNG), or of the HTML page for None, when the build writes it."""
        formats = ("svg", "png") if view else ("html",)
        names = [FORMATS[name].file_name(options.stem, view or "map") for name in formats]
        return next((name for name in names if name in options.siblings), None)

    picture = built("map")
    links = [f"[{text[key]}]({quote(name, safe='')})" for key, view in LINKED if (name := built(view))]
    if picture is None and not links:
        return []
    image = [f"![{escape_table_cell(journey.title)}]({quote(picture, safe='')})"] if picture else []
    return [[f"## {text['heading.diagram']}"], image, [" · ".join(links)] if links else []]


def _header(journey: Journey, text: Text) -> list[list[str]]:
    facts = [f"- {text.field('field.type', text.value('type', journey.type))}"] if journey.type else []
    if journey.owner:
        facts.append(f"- {text.field('field.owner', escape_table_cell(journey.owner))}")
    if journey.reviewed:
        facts.append(f"- {text.field('field.reviewed', formatting.date(journey.reviewed, journey.locale))}")
    blocks = [[f"# {escape_table_cell(journey.title)}"]]
    objective = escape_markdown(journey.objective or "")
    if objective:
        blocks.append([text.field("heading.objective", objective)])
    blocks.append(facts)
    return blocks


def _persona(journey: Journey, text: Text) -> list[list[str]]:
    persona = journey.persona
    if persona is None:
        return []
    blocks = [[f"## {text['heading.persona']}"], [f"**{escape_table_cell(persona.name)}**"]]
    description = escape_markdown(persona.description or "")
    if description:
        blocks.append([description])
    quote_lines = escape_markdown(persona.quote or "").splitlines()
    if quote_lines:
        blocks.append([*(f"> {line}" for line in quote_lines), ">", f"> — {escape_table_cell(persona.name)}"])
    facts = []
    if persona.age is not None:
        facts.append(text.field("field.age", str(persona.age)))
    if persona.occupation:
        facts.append(text.field("field.occupation", escape_table_cell(persona.occupation)))
    if persona.digital_maturity:
        facts.append(text.field("field.digital_maturity", text.value("maturity", persona.digital_maturity)))
    if persona.channels:
        facts.append(text.field("heading.channels", ", ".join(text.channel(c) for c in persona.channels)))
    if facts:
        blocks.append([f"- {fact}" for fact in facts])
    for key, items in (("heading.goals", persona.goals), ("heading.frustrations", persona.frustrations)):
        if items:
            blocks.append([f"### {text[key]}"])
            blocks.append([f"- {escape_table_cell(item)}" for item in items])
    return blocks


def _stages(journey: Journey, text: Text) -> list[list[str]]:
    scale = journey.emotion_scale
    rows = []
    for number, stage in enumerate(journey.stages, start=1):
        touchpoints = CELL_BREAK.join(touchpoint_with_channel(touchpoint, text) for touchpoint in stage.touchpoints)
        rows.append(
            [
                str(number),
                escape_table_cell(stage.name),
                escape_table_cell(stage.goal) if stage.goal else NO_VALUE,
                touchpoints or NO_VALUE,
                emotion_cell(stage.score, scale, journey.locale),
            ]
        )
    header = [
        "#",
        text["field.stage"],
        text["field.goal"],
        text["field.main_touchpoints"],
        text["field.emotion"],
    ]
    legend = text["note.emotion_scale"].format(
        min=scale_value(scale.min, scale, journey.locale),
        max=scale_value(scale.max, scale, journey.locale),
        neutral=scale_value(scale.neutral, scale, journey.locale),
    )
    if any(touchpoint.moment_of_truth for _, touchpoint in journey.touchpoints()):
        legend += f" {MOMENT_OF_TRUTH} {text['note.moment_of_truth']}"
    return [[f"## {text['heading.stages']}"], table(header, rows, numeric=[0]), [legend]]


def _lows(journey: Journey, text: Text) -> list[list[str]]:
    scale = journey.emotion_scale
    heading = [f"## {text['heading.lows']}"]
    rows: list[tuple[float, int, list[str]]] = []
    for index, stage in enumerate(journey.stages):
        score = stage.score
        low = [touchpoint for touchpoint in stage.touchpoints if _below(touchpoint.emotion, scale)]
        if not low and not _below(score, scale):
            continue
        low.sort(key=lambda touchpoint: touchpoint.emotion if touchpoint.emotion is not None else scale.neutral)
        lost = [
            f"{escape_table_cell(touchpoint.name)} — {escape_table_cell(touchpoint.drop_off)}"
            for touchpoint in stage.touchpoints
            if touchpoint.drop_off
        ]
        cells = [
            emotion_cell(score, scale, journey.locale),
            escape_table_cell(stage.name),
            CELL_BREAK.join(
                f"{touchpoint_mark(touchpoint)}{escape_table_cell(touchpoint.name)} "
                f"({emotion_cell(touchpoint.emotion, scale, journey.locale)})"
                for touchpoint in low
            )
            or NO_VALUE,
            CELL_BREAK.join(lost) or NO_VALUE,
        ]
        rows.append((scale.neutral if score is None else score, index, cells))
    if not rows:
        return [heading, [text["note.no_lows"]]]
    rows.sort(key=lambda row: row[:2])
    header = [text["field.emotion"], text["field.stage"], text["lane.touchpoints"], text["note.customers_lost"]]
    return [heading, table(header, [cells for *_, cells in rows])]


def _below(score: float | None, scale: EmotionScale) -> bool:
    return score is not None and score < scale.neutral


def _pain_points(journey: Journey, text: Text) -> list[list[str]]:
    heading = [f"## {text['heading.pain_points']}"]
    pains = sorted(journey.pain_points(), key=lambda item: severity_rank(getattr(item[1], "severity", None)))
    if not pains:
        return [heading, [text["note.none"]]]
    touchpoints = {touchpoint.id: touchpoint for _, touchpoint in journey.touchpoints()}
    header = [
        text["field.severity"],
        text["field.text"],
        text["field.stage"],
        text["field.touchpoint"],
        text["field.evidence"],
    ]
    rows = [
        [
            text.stated("severity", pain.severity),
            escape_table_cell(pain.text),
            escape_table_cell(stage.name),
            _touchpoint_name(pain.touchpoint, touchpoints),
            CELL_BREAK.join(escape_table_cell(item) for item in pain.evidence) or NO_VALUE,
        ]
        for stage, pain in pains
    ]
    return [heading, table(header, rows)]


def _touchpoint_name(touchpoint_id: str | None, touchpoints: Mapping[str, Touchpoint]) -> str:
    if touchpoint_id is None:
        return NO_VALUE
    touchpoint = touchpoints.get(touchpoint_id)
    return escape_table_cell(touchpoint.name if touchpoint else touchpoint_id)


def _backlog(journey: Journey, text: Text, baseline: Journey | None) -> list[list[str]]:
    heading = [f"## {text['heading.opportunities']}"]
    opportunities = sorted(journey.opportunities(), key=lambda item: backlog_rank(item[1]))
    if not opportunities:
        return [heading, [text["note.none"]]]
    pains = {pain.id: pain for _, pain in journey.pain_points()}
    if baseline is not None:
        # Pain points of the current state that this future state removed (the opportunity's result).
        suffix = f" ({text['note.baseline'].lower()})"
        removed = {pain.id: pain for _, pain in baseline.pain_points() if pain.id not in pains}
        pains |= {ref: pain.model_copy(update={"text": pain.text + suffix}) for ref, pain in removed.items()}
    header = [
        text["field.text"],
        text["field.stage"],
        text["field.impact"],
        text["field.effort"],
        text["field.addresses"],
        text["field.owner"],
        text["field.status"],
    ]
    rows = [
        [
            escape_table_cell(opportunity.text),
            escape_table_cell(stage.name),
            text.value("level", opportunity.impact),
            text.value("level", opportunity.effort),
            CELL_BREAK.join(_pain_point_text(ref, pains) for ref in opportunity.addresses) or NO_VALUE,
            escape_table_cell(opportunity.owner) if opportunity.owner else NO_VALUE,
            text.stated("status", opportunity.status),
        ]
        for stage, opportunity in opportunities
    ]
    return [heading, table(header, rows)]


def _pain_point_text(pain_id: str, pains: Mapping[str, PainPoint]) -> str:
    pain = pains.get(pain_id)
    return escape_table_cell(pain.text if pain else pain_id)


def _kpi_status(kpi: KPI, text: Text) -> str:
    on_target = kpi_on_target(kpi)
    if on_target is None:
        if kpi.target is None:
            return text["kpi.no_target"]
        return text["kpi.no_direction"] if kpi.value is not None else NO_VALUE
    return f"{ON_TARGET} {text['kpi.on_target']}" if on_target else f"{OFF_TARGET} {text['kpi.off_target']}"


def _kpis(journey: Journey, text: Text) -> list[list[str]]:
    heading = [f"## {text['heading.kpis']}"]
    kpis = [(stage, kpi) for stage in journey.stages for kpi in stage.kpis]
    if not kpis:
        return [heading, [text["note.none"]]]
    header = [
        text["field.stage"],
        text["field.kpi"],
        text["field.value"],
        text["field.target"],
        text["field.unit"],
        text["field.better"],
        text["field.status"],
    ]
    rows = [
        [
            escape_table_cell(stage.name),
            escape_table_cell(kpi.name),
            kpi_value_text(kpi.value, None, journey.locale),
            kpi_value_text(kpi.target, None, journey.locale),
            escape_table_cell(kpi.unit) if kpi.unit else NO_VALUE,
            text.stated("better", kpi.better),
            _kpi_status(kpi, text),
        ]
        for stage, kpi in kpis
    ]
    return [heading, table(header, rows, numeric=[2, 3])]
