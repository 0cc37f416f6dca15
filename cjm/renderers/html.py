"""The HTML renderer: one self-contained page with the classic journey-map grid.

Stages are the columns and lanes the rows of a real `<table>` (screen readers announce the
stage and the lane of every cell), the emotional curve is inline SVG, and the CSS is inline:
the file opens offline, prints on landscape A4 and pastes into a wiki as it is.

Why the view data is computed here: the template only loops and branches, so every number
(curve coordinates, KPI status, lowest points) is tested in Python and the output is
deterministic, with ids taken from the map's own ids.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from cjm import emotion, formatting, i18n
from cjm.model import KPI, EmotionScale, Journey, Opportunity, PainPoint, Persona, Touchpoint
from cjm.presentation import kpi_on_target, kpi_value_text, label_colon, score_text
from cjm.renderers import RenderOptions, html_templates
from cjm.renderers.html_curve import BASELINE_COLOUR, build_curve
from cjm.renderers.html_views import (
    Badge,
    KPIView,
    Lane,
    Link,
    OpportunityView,
    PainView,
    PersonaView,
    QuoteView,
    ScoreChip,
    StageHeader,
    TouchpointCell,
    TouchpointView,
)

TEMPLATE = "journey.html.j2"

# Colours the stylesheet uses, as CSS custom properties. Text colours are checked against the
# backgrounds they sit on (TEXT_PAIRS) by a test, for WCAG AA contrast (4.5:1).
COLOURS: dict[str, str] = {
    "ink": "#1f2933",
    "muted": "#52606d",
    "page": "#f4f6f9",
    "surface": "#ffffff",
    "subtle": "#f8fafc",
    "rule": "#dde3ea",
    "lane": "#eef2f6",
    "lane-ink": "#334155",
    "head": "#1e293b",
    "head-ink": "#ffffff",
    "head-muted": "#cbd5e1",
    "accent": "#4338ca",
    "accent-soft": "#eef2ff",
    "link": "#1d4ed8",
    "curve": "#334155",
    "baseline": BASELINE_COLOUR,
    "neutral": "#94a3b8",
    "lowest": "#9f1239",
    "opportunity": "#0f766e",
}

# Badge tones: (text colour, background colour).
TONES: dict[str, tuple[str, str]] = {
    "severity-critical": ("#ffffff", "#9b1c1c"),
    "severity-high": ("#ffffff", "#b43c0a"),
    "severity-medium": ("#713f12", "#fef3c7"),
    "severity-low": ("#1e3a8a", "#dbeafe"),
    "kpi-on": ("#14532d", "#dcfce7"),
    "kpi-off": ("#7f1d1d", "#fee2e2"),
    "kpi-none": ("#374151", "#f1f5f9"),
    "status-idea": ("#374151", "#f1f5f9"),
    "status-planned": ("#1e3a8a", "#dbeafe"),
    "status-in-progress": ("#713f12", "#fef3c7"),
    "status-done": ("#14532d", "#dcfce7"),
    "status-dropped": ("#4b5563", "#e5e7eb"),
    "moment": ("#ffffff", "#5b21b6"),
    "drop-off": ("#9a3412", "#ffedd5"),
    "type": ("#3730a3", "#e0e7ff"),
}

# The left border of pain point cards (a graphic, not text: 3:1 is enough).
SEVERITY_ACCENTS: dict[str, str] = {
    "critical": "#9b1c1c",
    "high": "#c2410c",
    "medium": "#d97706",
    "low": "#3b82f6",
    "unstated": "#94a3b8",
}

# (text, background) pairs of COLOURS that the stylesheet sets text on.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("ink", "surface"),
    ("ink", "page"),
    ("ink", "subtle"),
    ("muted", "surface"),
    ("muted", "subtle"),
    ("muted", "page"),
    ("lane-ink", "lane"),
    ("head-ink", "head"),
    ("head-muted", "head"),
    ("accent", "accent-soft"),
    ("accent", "surface"),
    ("link", "surface"),
    ("lowest", "surface"),
    ("curve", "surface"),
    ("opportunity", "surface"),
)

LEVEL_DOTS = {"low": 1, "medium": 2, "high": 3}


def render_html(journey: Journey, options: RenderOptions) -> str:
    """Render a journey as one self-contained HTML page: header, persona card and the swimlane grid.

    `options.baseline`, when given, is the current-state map: its emotional curve is drawn
    dashed under this one, stages matched by id.
    """
    context = _Context.of(journey, options.baseline)
    text = context.text
    template = html_templates.environment().get_template(TEMPLATE)
    return template.render(
        locale=journey.locale,
        t=text,
        journey=journey,
        type_label=text[f"type.{journey.type}"] if journey.type else None,
        quoted=lambda text: formatting.quoted(text, journey.locale),
        colon=context.colon,
        reviewed=journey.reviewed.isoformat() if journey.reviewed else None,
        reviewed_text=formatting.date(journey.reviewed, journey.locale) if journey.reviewed else None,
        persona=_persona(journey.persona, context) if journey.persona else None,
        stages=[
            StageHeader(f"stage-{stage.id}", number, stage.name, stage.description)
            for number, stage in enumerate(journey.stages, start=1)
        ],
        lanes=_lanes(journey, options.baseline, context),
        colours=COLOURS,
        tones=TONES,
        accents=SEVERITY_ACCENTS,
    )


class _Context(NamedTuple):
    """What the cell builders look up across the map: words, channel names and cross references."""

    text: Mapping[str, str]
    locale: str
    colon: str
    scale: EmotionScale
    channels: Mapping[str, str]
    touchpoint_names: Mapping[str, str]
    pains: Mapping[str, PainPoint]
    baseline_pains: Mapping[str, PainPoint]
    pain_refs: Mapping[str, str]
    opportunity_refs: Mapping[str, str]
    addressed_by: Mapping[str, tuple[Opportunity, ...]]

    @classmethod
    def of(cls, journey: Journey, baseline: Journey | None = None) -> _Context:
        """Index a journey once for the whole page (and the pain points of its baseline, if any)."""
        addressed_by: dict[str, list[Opportunity]] = {}
        for _, opportunity in journey.opportunities():
            for ref in opportunity.addresses:
                addressed_by.setdefault(ref, []).append(opportunity)
        return cls(
            text=i18n.messages(journey.locale),
            locale=journey.locale,
            colon=label_colon(journey.locale),
            scale=journey.emotion_scale,
            channels=i18n.channel_labels(journey),
            touchpoint_names={touchpoint.id: touchpoint.name for _, touchpoint in journey.touchpoints()},
            pains={pain.id: pain for _, pain in journey.pain_points()},
            baseline_pains={pain.id: pain for _, pain in baseline.pain_points()} if baseline else {},
            pain_refs={pain.id: f"P{n}" for n, (_, pain) in enumerate(journey.pain_points(), start=1)},
            opportunity_refs={item.id: f"O{n}" for n, (_, item) in enumerate(journey.opportunities(), start=1)},
            addressed_by={ref: tuple(items) for ref, items in addressed_by.items()},
        )


def _lanes(journey: Journey, baseline: Journey | None, context: _Context) -> list[Lane]:
    """The grid's rows in order, leaving out every lane no stage has data for."""
    stages = journey.stages
    text = context.text
    lanes: list[Lane] = []

    def add(key: str, kind: str, cells: Sequence[object]) -> None:
        if any(cells):
            lanes.append(Lane(key, kind, text[f"lane.{key}"], tuple(cells)))

    add("goal", "text", [stage.goal for stage in stages])
    add("business_goal", "text", [stage.business_goal for stage in stages])
    add("actions", "list", [tuple(stage.actions) for stage in stages])
    add(
        "touchpoints",
        "touchpoints",
        [
            TouchpointCell(
                tuple(_touchpoint(t, context) for t in stage.touchpoints),
                stage.touchpoints_are == "alternatives" and len(stage.touchpoints) > 1,
            )
            for stage in stages
        ],
    )
    add("thoughts", "thoughts", [tuple(stage.thoughts) for stage in stages])
    curve = build_curve(journey, baseline, context.text, context.colon)
    if curve.points or curve.baseline_points:
        lanes.append(Lane("emotion", "curve", text["lane.emotion"], (curve,)))
    add("pain_points", "pains", [tuple(_pain(pain, context) for pain in stage.pain_points) for stage in stages])
    add(
        "opportunities",
        "opportunities",
        [tuple(_opportunity(item, context) for item in stage.opportunities) for stage in stages],
    )
    add("kpis", "kpis", [tuple(_kpi(kpi, context) for kpi in stage.kpis) for stage in stages])
    add("quotes", "quotes", [tuple(QuoteView(q.text, q.source) for q in stage.quotes) for stage in stages])
    add("duration", "text", [stage.duration for stage in stages])

    if any(stage.frontstage or stage.backstage or stage.support for stage in stages):
        add("frontstage", "list", [tuple(stage.frontstage) for stage in stages])
        lanes.append(Lane("line_of_visibility", "separator", text["lane.line_of_visibility"]))
    add("backstage", "list", [tuple(stage.backstage) for stage in stages])
    add("support", "list", [tuple(stage.support) for stage in stages])
    add("physical_evidence", "list", [tuple(stage.physical_evidence) for stage in stages])
    return lanes


def _touchpoint(touchpoint: Touchpoint, context: _Context) -> TouchpointView:
    text = context.text
    chip = None
    shown = score_text(touchpoint.emotion, context.scale, context.locale)
    if shown is not None:
        chip = ScoreChip(
            f"{shown.symbol} {shown.number}",
            emotion.fill(touchpoint.emotion, context.scale),
            f"{text['field.emotion']}{context.colon} {shown.number}" + (f" ({shown.word})" if shown.word else ""),
        )
    return TouchpointView(
        anchor=f"tp-{touchpoint.id}",
        name=touchpoint.name,
        channel=context.channels.get(touchpoint.channel, touchpoint.channel) if touchpoint.channel else None,
        kind=text[f"kind.{touchpoint.kind}"] if touchpoint.kind else None,
        score=chip,
        moment_of_truth=touchpoint.moment_of_truth,
        drop_off=touchpoint.drop_off,
        description=touchpoint.description,
        steps=tuple(
            Link(f"#tp-{step.to}", context.touchpoint_names.get(step.to, step.to), step.label, step.label)
            for step in touchpoint.next or []
            if step.label
        ),
    )


def _pain(pain: PainPoint, context: _Context) -> PainView:
    return PainView(
        anchor=f"pain-{pain.id}",
        ref=context.pain_refs[pain.id],
        text=pain.text,
        severity=Badge(context.text[f"severity.{pain.severity}"], f"severity-{pain.severity}")
        if pain.severity
        else None,
        accent=pain.severity or "unstated",
        touchpoint=context.touchpoint_names.get(pain.touchpoint, pain.touchpoint) if pain.touchpoint else None,
        evidence=tuple(pain.evidence),
        addressed_by=tuple(
            Link(f"#opp-{item.id}", context.opportunity_refs[item.id], _shorten(item.text), item.text)
            for item in context.addressed_by.get(pain.id, ())
        ),
    )


def _opportunity(item: Opportunity, context: _Context) -> OpportunityView:
    text = context.text
    links = []
    for ref in item.addresses:
        pain = context.pains.get(ref)
        removed = context.baseline_pains.get(ref)
        if pain is None and removed is not None:
            # A pain point of the current state that this future state removed: no card to link to.
            shown = f"{_shorten(removed.text)} ({text['note.baseline'].lower()})"
            links.append(Link(None, ref, shown, removed.text))
        elif pain is None:
            links.append(Link(None, ref, "", ref))
        else:
            links.append(Link(f"#pain-{pain.id}", context.pain_refs[pain.id], _shorten(pain.text), pain.text))
    levels = tuple(
        (text[field_key], text[f"level.{level}"], LEVEL_DOTS[level])
        for field_key, level in (("field.impact", item.impact), ("field.effort", item.effort))
        if level is not None
    )
    return OpportunityView(
        anchor=f"opp-{item.id}",
        ref=context.opportunity_refs[item.id],
        text=item.text,
        status=Badge(text[f"status.{item.status}"], f"status-{item.status}") if item.status else None,
        levels=levels,
        owner=item.owner,
        addresses=tuple(links),
    )


def _kpi(kpi: KPI, context: _Context) -> KPIView:
    text, locale = context.text, context.locale
    value = kpi_value_text(kpi.value, kpi.unit, locale)
    target = None
    if kpi.target is not None:
        relation = {"higher": " ≥", "lower": " ≤"}.get(kpi.better or "", "")
        target = f"{text['field.target']}{relation} {kpi_value_text(kpi.target, kpi.unit, locale)}"
    status = None
    met = kpi_on_target(kpi)
    if kpi.value is not None and kpi.target is None:
        status = Badge(text["kpi.no_target"], "kpi-none")
    elif met is None and kpi.value is not None:
        status = Badge(text["kpi.no_direction"], "kpi-none")
    elif met is not None:
        status = (
            Badge(f"✓ {text['kpi.on_target']}", "kpi-on") if met else Badge(f"✗ {text['kpi.off_target']}", "kpi-off")
        )
    direction = text[f"better.{kpi.better}"] if kpi.better else text["note.not_stated"]
    return KPIView(kpi.name, value, target, status, f"{text['field.better']}{context.colon} {direction}")


def _score(score: float, locale: str) -> str:
    """An emotion score as every renderer writes it (cjm.emotion.format_score), with a French decimal comma."""
    return emotion.format_score(score, locale)


def _shorten(value: str, limit: int = 56) -> str:
    """A long sentence cut at a word boundary with an ellipsis, for link labels."""
    if len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0] or value[:limit]
    return cut.rstrip(" ,;:.") + "…"


def _persona(persona: Persona, context: _Context) -> PersonaView:
    text = context.text
    facts: list[tuple[str, str]] = []
    if persona.age is not None:
        facts.append((text["field.age"], str(persona.age)))
    if persona.occupation:
        facts.append((text["field.occupation"], persona.occupation))
    maturity = None
    if persona.digital_maturity:
        maturity = (text[f"maturity.{persona.digital_maturity}"], LEVEL_DOTS[persona.digital_maturity])
    words = persona.name.split()
    initials = "".join(word[0] for word in words[:2]).upper()
    return PersonaView(
        name=persona.name,
        initials=initials,
        description=persona.description,
        facts=tuple(facts),
        maturity=maturity,
        goals=tuple(persona.goals),
        frustrations=tuple(persona.frustrations),
        channels=tuple(context.channels.get(channel, channel) for channel in persona.channels),
        quote=persona.quote,
    )
