"""The HTML renderer: one self-contained page with the classic journey-map grid.

Stages are the columns and lanes the rows of a real `<table>` (screen readers announce the
stage and the lane of every cell), the emotional curve is inline SVG, and the CSS is inline:
the file opens offline, prints on landscape A4 and pastes into a wiki as it is.

Why the view data is computed here: the template only loops and branches, so every number
(curve coordinates, KPI status, lowest points) is tested in Python and the output is
deterministic, with ids taken from the map's own ids.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import jinja2

from cjm import emotion, formatting, i18n
from cjm.kpi import on_target
from cjm.model import KPI, EmotionScale, Journey, Opportunity, PainPoint, Persona, Touchpoint
from cjm.renderers import RenderOptions

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
    "baseline": "#6b7280",
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

# Geometry of the emotional curve, in CSS pixels; x positions are percentages of the row.
CURVE_HEIGHT = 212
CURVE_TOP = 58
CURVE_BOTTOM = 152
# Label stacking: the first line's offset from the point, the line height, and how close a
# baseline point may come before the labels move to the other side.
LABEL_FIRST = 16
LABEL_STEP = 14
LABEL_CLEARANCE = 44

LEVEL_DOTS = {"low": 1, "medium": 2, "high": 3}


@dataclass(frozen=True)
class Badge:
    """A short label with a colour tone (a CSS class) that also says what it means in words."""

    text: str
    tone: str


@dataclass(frozen=True)
class Link:
    """A link to another card of the page; `href` is None when the target does not exist."""

    href: str | None
    ref: str
    text: str
    title: str


@dataclass(frozen=True)
class ScoreChip:
    """An emotion score as text (symbol and number) on the score's light band colour."""

    text: str
    fill: str
    title: str


@dataclass(frozen=True)
class TouchpointView:
    """A touchpoint card."""

    anchor: str
    name: str
    channel: str | None
    kind: str | None
    score: ScoreChip | None
    moment_of_truth: bool
    drop_off: str | None
    description: str | None


@dataclass(frozen=True)
class PainView:
    """A pain point card, with the opportunities that address it."""

    anchor: str
    ref: str
    text: str
    severity: Badge | None
    accent: str
    touchpoint: str | None
    evidence: tuple[str, ...]
    addressed_by: tuple[Link, ...]


@dataclass(frozen=True)
class OpportunityView:
    """An opportunity card, with links to the pain points it addresses."""

    anchor: str
    ref: str
    text: str
    status: Badge | None
    levels: tuple[tuple[str, str, int], ...]
    owner: str | None
    addresses: tuple[Link, ...]


@dataclass(frozen=True)
class KPIView:
    """A KPI: value against target, and whether it meets it, in words, symbol and colour."""

    name: str
    value: str
    target: str | None
    status: Badge | None
    better: str


@dataclass(frozen=True)
class QuoteView:
    """A verbatim and where it comes from."""

    text: str
    source: str | None


@dataclass(frozen=True)
class Lane:
    """One row of the grid: `kind` tells the template how to draw its cells (one per stage)."""

    key: str
    kind: str
    label: str
    cells: tuple[object, ...] = ()


@dataclass(frozen=True)
class CurveLabel:
    """A line of text next to a curve point; `dy` is its offset from the point, in pixels."""

    css: str
    text: str
    dy: int


@dataclass(frozen=True)
class CurvePoint:
    """A stage's emotion on the curve, with its labels (the score, the scale's word, the lowest-point note)."""

    x: str
    y: float
    colour: str
    labels: tuple[CurveLabel, ...]
    title: str
    lowest: bool = False


@dataclass(frozen=True)
class Segment:
    """A straight piece of a curve between two neighbouring stages."""

    x1: str
    y1: float
    x2: str
    y2: float


@dataclass(frozen=True)
class Curve:
    """Everything the template needs to draw the emotional curve row."""

    height: int
    neutral_y: float
    dividers: tuple[str, ...]
    points: tuple[CurvePoint, ...]
    segments: tuple[Segment, ...]
    gaps: tuple[str, ...]
    baseline_points: tuple[CurvePoint, ...]
    baseline_segments: tuple[Segment, ...]
    summary: str
    legend: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class StageHeader:
    """A column header."""

    anchor: str
    number: int
    name: str
    description: str | None


@dataclass(frozen=True)
class PersonaView:
    """The persona card."""

    name: str
    initials: str
    description: str | None
    facts: tuple[tuple[str, str], ...]
    maturity: tuple[str, int] | None
    goals: tuple[str, ...]
    frustrations: tuple[str, ...]
    channels: tuple[str, ...]
    quote: str | None


def render_html(journey: Journey, options: RenderOptions) -> str:
    """Render a journey as one self-contained HTML page: header, persona card and the swimlane grid.

    `options.baseline`, when given, is the current-state map: its emotional curve is drawn
    dashed under this one, stages matched by id.
    """
    context = _Context.of(journey, options.baseline)
    text = context.text
    template = _environment().get_template(TEMPLATE)
    return template.render(
        locale=journey.locale,
        t=text,
        journey=journey,
        type_label=text[f"type.{journey.type}"] if journey.type else None,
        quote_marks=formatting.quotes(journey.locale),
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


@functools.cache
def _environment() -> jinja2.Environment:
    """The jinja2 environment, built on first use so importing the renderer stays cheap.

    Compiled templates are kept in the cache folder (`cjm.cache.template_cache`): compiling the
    page template took 34 ms of every build; jinja2 checks each cached one against its source.
    """
    from cjm.cache import template_cache

    return jinja2.Environment(
        loader=jinja2.PackageLoader("cjm", "templates"),
        bytecode_cache=template_cache(),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=lambda value: formatting.bind(value) if type(value) is str else value,  # « » never split
    )


@dataclass(frozen=True)
class _Context:
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
            colon=formatting.colon(journey.locale),
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
    add("touchpoints", "touchpoints", [tuple(_touchpoint(t, context) for t in stage.touchpoints) for stage in stages])
    add("thoughts", "thoughts", [tuple(stage.thoughts) for stage in stages])
    curve = _curve(journey, baseline, context)
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
    if touchpoint.emotion is not None:
        word = emotion.label(touchpoint.emotion, context.scale)
        number = _score(touchpoint.emotion, context.locale)
        chip = ScoreChip(
            f"{emotion.symbol(touchpoint.emotion, context.scale)} {number}",
            emotion.fill(touchpoint.emotion, context.scale),
            f"{text['field.emotion']}{context.colon} {number}" + (f" ({word})" if word else ""),
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
    value = formatting.quantity(kpi.value, kpi.unit, locale) if kpi.value is not None else "–"
    target = None
    if kpi.target is not None:
        relation = {"higher": " ≥", "lower": " ≤"}.get(kpi.better or "", "")
        target = f"{text['field.target']}{relation} {formatting.quantity(kpi.target, kpi.unit, locale)}"
    status = None
    met = on_target(kpi)
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


def _curve(journey: Journey, baseline: Journey | None, context: _Context) -> Curve:
    """The emotional curve: one point per stage at its column's centre, gaps where a stage has no score.

    Why percentages: x positions are fractions of the row, so the points stay on the column
    centres at any window width and on paper, while circles and text keep their size.
    """
    stages = journey.stages
    count = len(stages)
    scale, locale, text = context.scale, context.locale, context.text
    xs = [_percent((index + 0.5) / count) for index in range(count)]
    scores = [stage.score for stage in stages]
    known = [score for score in scores if score is not None]
    lowest = min(known) if len(set(known)) > 1 else None

    baseline_points: list[CurvePoint | None] = []
    before = {stage.id: stage for stage in baseline.stages} if baseline else {}
    for stage, x in zip(stages, xs, strict=True):
        old = before.get(stage.id)
        if baseline is None or old is None or old.score is None:
            baseline_points.append(None)
            continue
        number = _score(old.score, locale)
        title = f"{text['note.baseline']}, {stage.name}{context.colon} {number}"
        baseline_points.append(CurvePoint(x, _y(old.score, baseline.emotion_scale), COLOURS["baseline"], (), title))

    points: list[CurvePoint | None] = []
    for stage, x, score, old_point in zip(stages, xs, scores, baseline_points, strict=True):
        if score is None:
            points.append(None)
            continue
        number = _score(score, locale)
        word = emotion.label(score, scale)
        y = _y(score, scale)
        labels = [("curve-label", f"{emotion.symbol(score, scale)} {number}")]
        labels += [("curve-word", word)] if word else []
        labels += [("curve-lowest", text["note.lowest"])] if score == lowest else []
        title = f"{stage.name}{context.colon} {number}" + (f" ({word})" if word else "")
        points.append(
            CurvePoint(x, y, emotion.stroke(score, scale), _place(labels, y, old_point), title, score == lowest)
        )

    summary = f"{formatting.semicolon(journey.locale)} ".join(
        f"{number}. {point.title if point else stage.name + context.colon + ' ' + text['note.no_emotion']}"
        for number, (stage, point) in enumerate(zip(stages, points, strict=True), start=1)
    )
    legend = [("curve", text[f"type.{journey.type}"] if baseline and journey.type else text["heading.emotional_curve"])]
    if baseline is not None:
        legend.append(("baseline", text["note.baseline"]))
    legend.append(("neutral", f"{text['note.neutral']} ({_score(scale.neutral, locale)})"))
    if lowest is not None:
        legend.append(("lowest", text["note.lowest"]))
    return Curve(
        height=CURVE_HEIGHT,
        neutral_y=_y(scale.neutral, scale),
        dividers=tuple(_percent(index / count) for index in range(1, count)),
        points=tuple(point for point in points if point),
        segments=_segments(points),
        gaps=tuple(x for x, point in zip(xs, points, strict=True) if point is None),
        baseline_points=tuple(point for point in baseline_points if point),
        baseline_segments=_segments(baseline_points),
        summary=f"{text['heading.emotional_curve']}{context.colon} {summary}",
        legend=tuple(legend),
    )


def _place(labels: Sequence[tuple[str, str]], y: float, baseline: CurvePoint | None) -> tuple[CurveLabel, ...]:
    """Stack a point's labels so they do not cover the baseline's point at the same stage.

    By default the score sits above the point and its word and the "lowest point" note below;
    when the baseline's point is just below, everything goes above, and just above, below.
    """
    gap = None if baseline is None else baseline.y - y
    if gap is not None and 0 <= gap <= LABEL_CLEARANCE:
        above, below = list(labels), []
    elif gap is not None and -LABEL_CLEARANCE <= gap < 0:
        above, below = [], list(labels)
    else:
        above, below = list(labels[:1]), list(labels[1:])
    placed = [CurveLabel(css, words, -LABEL_FIRST - LABEL_STEP * n) for n, (css, words) in enumerate(above)]
    placed += [CurveLabel(css, words, LABEL_FIRST + 8 + LABEL_STEP * n) for n, (css, words) in enumerate(below)]
    return tuple(placed)


def _segments(points: Sequence[CurvePoint | None]) -> tuple[Segment, ...]:
    """Lines between neighbouring stages that both have a score: a missing score leaves a gap."""
    return tuple(
        Segment(left.x, left.y, right.x, right.y)
        for left, right in itertools.pairwise(points)
        if left is not None and right is not None
    )


def _y(score: float, scale: EmotionScale) -> float:
    """The vertical position of a score: the scale's maximum at the top of the plot, its minimum at the bottom."""
    span = scale.max - scale.min
    position = 0.5 if span <= 0 else min(1.0, max(0.0, (score - scale.min) / span))
    return round(CURVE_BOTTOM - position * (CURVE_BOTTOM - CURVE_TOP), 1)


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.3f}%"


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
