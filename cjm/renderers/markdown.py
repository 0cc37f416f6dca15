"""The Markdown report: the map as GitHub-flavoured Markdown for docs pipelines and pull requests.

Sections, in order: title, objective and map facts; the persona; the SVG diagram (a relative
link to `<stem>.svg`, which the build writes next to `<stem>.md`); the stage table; the
emotional curve as a Mermaid `journey` block; the emotional low points; pain points by
severity; the opportunity backlog; KPIs against their targets; and, when a baseline map is
given, the comparison with the current state.

Why Python and not a Jinja template: Markdown is whitespace-sensitive (a blank line too many
ends a list, one too few glues a table to a paragraph) and every piece of user text must go
through the same escaping. Building the lines here keeps both in one place, and the output
byte-exact and deterministic.

Every heading and label comes from the catalogue (`cjm.i18n`); all user text goes through
`escape_markdown` (prose) or `escape_table_cell` (tables, headings, list items), and every
label in the Mermaid block through `escape_mermaid`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal
from urllib.parse import quote

from cjm import formatting
from cjm.emotion import format_score, label, symbol, to_five
from cjm.i18n import channel_labels, messages
from cjm.kpi import on_target as kpi_on_target
from cjm.model import KPI, EmotionScale, Journey, Opportunity, PainPoint, Stage, Touchpoint
from cjm.renderers import RenderOptions

# Unstated severities and statuses sort after every stated one.
SEVERITY_ORDER = ("critical", "high", "medium", "low", None)
STATUS_ORDER = ("in-progress", "planned", "idea", "done", "dropped", None)
IMPACT_ORDER = ("high", "medium", "low")
EFFORT_ORDER = ("low", "medium", "high")
NO_VALUE = "–"
ON_TARGET = "✅"
OFF_TARGET = "⚠️"
MOMENT_OF_TRUTH = "★"
CELL_BREAK = "<br>"

# --- Markdown escaping -------------------------------------------------------------------------

# Control characters, and the bidirectional embeddings, overrides and isolates that could
# reorder the rest of a table row when the source is read in a diff.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Characters that open code, emphasis, strikethrough, links, images, math, headings or table
# cells anywhere in a line: escaped with a backslash wherever they appear.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|~#$])")
# `&` only matters when it would start an entity reference (`&amp;`, `&#58;`).
_ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Block markers that only matter at the start of a line: list items (`-`, `+`, `1.`, `1)`)
# and setext underlines (`===`, `---`). `#`, `>`, `*`, `_`, backticks and `~` are escaped anyway.
_BULLET_START = re.compile(r"^([-+=])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def escape_markdown(text: str) -> str:
    """User text made inert for Markdown prose: it shows as written and never becomes markup.

    Backslash-escapes what starts code, emphasis, links, images, tables, math or headings
    (`` ` * _ [ ] | ~ # $ \\ ``), writes `<` and `>` as entities (no raw HTML, no autolink,
    no blockquote) and `&` as `&amp;` where it would start an entity, and escapes list and
    setext markers at the start of a line. Line breaks are kept (each line escaped on its
    own) but blank lines, leading spaces and runs of spaces are dropped, so the text stays
    inside the paragraph, list item or quote it is written in and cannot become a code block.

    Why not escape `(` and `)`: a link needs `](` and `]` is always escaped, so parentheses
    stay readable ("(currently €54)") without being able to open anything.
    """
    lines = []
    for raw_line in _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")).split("\n"):
        line = " ".join(raw_line.split())
        if not line:
            continue
        line = _INLINE_SPECIAL.sub(r"\\\1", line)
        line = _ENTITY_START.sub("&amp;", line)
        line = line.replace("<", "&lt;").replace(">", "&gt;")
        line = _BULLET_START.sub(r"\\\1", line)
        line = _ORDERED_START.sub(r"\1\\\2", line)
        lines.append(line)
    return "\n".join(lines)


def escape_table_cell(text: str) -> str:
    """User text made inert for one line: a table cell, a heading or a list item.

    Same escaping as `escape_markdown` (so `|` cannot split the cell), with line breaks
    turned into spaces so the text cannot end the row, the heading or the item.
    """
    return escape_markdown(text).replace("\n", " ") or NO_VALUE


# --- Mermaid escaping --------------------------------------------------------------------------

MermaidField = Literal["title", "section", "task", "actor"]

# A journey is unquoted text: `title <rest of line>`, `section <rest of line>`,
# `<task>: <score>: <actor>, <actor>`. Measured with mermaid-cli 11.17: `;` anywhere and `#` in
# a task refuse the whole diagram; `#` in a title or section silently cuts it short; `:` in a
# section refuses the diagram and in a task silently shifts the score into the actor; `,` in an
# actor splits it in two. Each is replaced by a look-alike that the DejaVu fonts draw.
_MERMAID_LOOKALIKES: dict[MermaidField, dict[str, str]] = {
    "title": {"#": "♯"},
    "section": {"#": "♯", ":": "∶"},
    "task": {"#": "♯", ":": "∶"},
    "actor": {"#": "♯", ":": "∶", ",": "‚", ";": "‚"},
}
_MERMAID_ALWAYS = {
    "<": "‹",  # tags are stripped from titles and `<br>` splits labels drawn as SVG text
    ">": "›",
    "`": "ˋ",  # a line of backticks would close the Markdown fence around the block
}
# A task line starting with a keyword is read as that statement ("Title deed: 3: Me" sets the
# diagram title and drops the task; "Section A: 3: Me" and "Journey: 3: Me" are refused). The
# lexer is case-insensitive and ASCII: an invisible WORD JOINER in front stops the match.
_MERMAID_KEYWORD = re.compile(r"^(?:journey|title|section|acctitle|accdescr)(?![A-Za-z0-9_])", re.IGNORECASE)
_WORD_JOINER = "\u2060"


def escape_mermaid(text: str, field: MermaidField) -> str:
    """A label made safe for one field of a Mermaid `journey` (title, section, task or actor).

    Whitespace (newlines included) collapses to single spaces; `%%` (a comment) becomes `%`;
    `;` becomes `,` (`‚` in an actor, where a comma separates actors); `#` becomes `♯`, `:`
    becomes `∶` where the field cannot hold them, `,` becomes `‚` in an actor; `<`, `>` and
    backticks become `‹`, `›`, `ˋ`; a task that starts with a journey keyword gets an
    invisible word joiner in front.

    Why look-alikes rather than Mermaid's `#58;` entities: the block stays readable as plain
    text wherever Mermaid is not rendered, and `#` is itself one of the characters that break
    a journey.
    """
    line = " ".join(_INVISIBLE.sub("", text).split())
    line = re.sub(r"%{2,}", "%", line)
    if field != "actor":
        line = re.sub(r"\s*;", ",", line)
    for character, replacement in {**_MERMAID_ALWAYS, **_MERMAID_LOOKALIKES[field]}.items():
        line = line.replace(character, replacement)
    if field == "task" and _MERMAID_KEYWORD.match(line):
        line = _WORD_JOINER + line
    return line or "…"


def render_mermaid_journey(journey: Journey) -> str | None:
    """The map as a Mermaid `journey` diagram (without the Markdown fence), or None when nothing is scored.

    One `section` per stage and one task per scored touchpoint, on Mermaid's 1..5 with
    `cjm.emotion.to_five`. A touchpoint without an emotion is left out (Mermaid needs a score
    for every task, and a made-up neutral 3 would read as measured); `unscored` lists them.
    A stage with its own emotion and no scored touchpoint is one task named after the stage.
    A stage with nothing scored keeps its section without a task, and Mermaid does not draw it.
    The actor is the persona, or the catalogue's default customer.
    """
    if not any(stage.score is not None for stage in journey.stages):
        return None
    scale = journey.emotion_scale
    persona = journey.persona.name if journey.persona else messages(journey.locale)["note.customer"]
    actor = escape_mermaid(persona, "actor")
    lines = ["journey", f"  title {escape_mermaid(journey.title, 'title')}"]
    for stage in journey.stages:
        lines.append(f"  section {escape_mermaid(stage.name, 'section')}")
        scored = [
            (touchpoint.name, touchpoint.emotion) for touchpoint in stage.touchpoints if touchpoint.emotion is not None
        ]
        for name, score in scored:
            lines.append(f"    {escape_mermaid(name, 'task')}: {to_five(score, scale)}: {actor}")
        if not scored and stage.emotion is not None:
            lines.append(f"    {escape_mermaid(stage.name, 'task')}: {to_five(stage.emotion, scale)}: {actor}")
    return "\n".join(lines) + "\n"


def unscored(journey: Journey) -> list[Touchpoint]:
    """The touchpoints the Mermaid journey leaves out because they have no emotion score, in journey order."""
    return [touchpoint for _, touchpoint in journey.touchpoints() if touchpoint.emotion is None]


def _curve(journey: Journey, text: _Text) -> list[list[str]]:
    """The emotional curve section: the Mermaid block, and what it leaves out, said in words."""
    heading = [f"## {text['heading.emotional_curve']}"]
    block = render_mermaid_journey(journey)
    if block is None:
        return [heading, [text["note.no_curve"]]]
    blocks = [heading, ["```mermaid", *block.splitlines(), "```"]]
    left_out = unscored(journey)
    if left_out:
        names = ", ".join(escape_table_cell(touchpoint.name) for touchpoint in left_out)
        blocks.append([text["note.unscored"].format(names=names)])
    return blocks


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
    text = _Text(journey)
    blocks: list[list[str]] = [
        *_header(journey, text),
        *_persona(journey, text),
        [f"## {text['heading.diagram']}"],
        [f"![{escape_table_cell(journey.title)}]({quote(options.stem + '.svg', safe='')})"],
        *_stages(journey, text),
        *_curve(journey, text),
        *_lows(journey, text),
        *_pain_points(journey, text),
        *_backlog(journey, text, options.baseline),
        *_kpis(journey, text),
    ]
    if options.baseline is not None:
        blocks.extend(_comparison(journey, options.baseline, text))
    return formatting.bind("\n\n".join("\n".join(block) for block in blocks if block)) + "\n"


class _Text:
    """The catalogue of the map's locale, with the locale's way of writing a label before a colon."""

    def __init__(self, journey: Journey) -> None:
        self.messages: Mapping[str, str] = messages(journey.locale)
        self.channels = channel_labels(journey)
        self.colon = formatting.colon(journey.locale)

    def __getitem__(self, key: str) -> str:
        return self.messages[key]

    def field(self, key: str, value: str) -> str:
        """`**Label:** value` for a list item or a line; `value` must already be escaped."""
        return f"**{self.messages[key]}{self.colon}** {value}"

    def value(self, prefix: str, value: str | None) -> str:
        """A localised value of a choice (`severity.high` → "High"), or the no-value mark."""
        return NO_VALUE if value is None else self.messages[f"{prefix}.{value}"]

    def stated(self, prefix: str, value: str | None) -> str:
        """A localised value of a choice the author may leave out: "not stated" when left out."""
        return self.messages["note.not_stated"] if value is None else self.messages[f"{prefix}.{value}"]

    def channel(self, channel: str) -> str:
        """A channel's label in the map's locale (its id when unknown), escaped."""
        return escape_table_cell(self.channels.get(channel, channel))


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> list[str]:
    """A GFM table; cells must already be escaped single lines."""
    delimiter = ["---:" if index in numeric else "---" for index in range(len(header))]
    return [f"| {' | '.join(cells)} |" for cells in (header, delimiter, *rows)]


def _emotion(score: float | None, scale: EmotionScale, locale: str) -> str:
    """A score as a number, a band symbol and the scale's word: `-2 ▼▼ Distressed`."""
    if score is None:
        return NO_VALUE
    word = label(score, scale)
    shown = f"{format_score(score, locale)} {symbol(score, scale)}"
    return f"{shown} {escape_table_cell(word)}" if word else shown


def _scale_value(score: float, scale: EmotionScale, locale: str) -> str:
    word = label(score, scale)
    return f"{format_score(score, locale)} ({escape_table_cell(word)})" if word else format_score(score, locale)


def _header(journey: Journey, text: _Text) -> list[list[str]]:
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


def _persona(journey: Journey, text: _Text) -> list[list[str]]:
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


def _stages(journey: Journey, text: _Text) -> list[list[str]]:
    scale = journey.emotion_scale
    rows = []
    for number, stage in enumerate(journey.stages, start=1):
        touchpoints = CELL_BREAK.join(_touchpoint_with_channel(touchpoint, text) for touchpoint in stage.touchpoints)
        rows.append(
            [
                str(number),
                escape_table_cell(stage.name),
                escape_table_cell(stage.goal) if stage.goal else NO_VALUE,
                touchpoints or NO_VALUE,
                _emotion(stage.score, scale, journey.locale),
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
        min=_scale_value(scale.min, scale, journey.locale),
        max=_scale_value(scale.max, scale, journey.locale),
        neutral=_scale_value(scale.neutral, scale, journey.locale),
    )
    if any(touchpoint.moment_of_truth for _, touchpoint in journey.touchpoints()):
        legend += f" {MOMENT_OF_TRUTH} {text['note.moment_of_truth']}"
    return [[f"## {text['heading.stages']}"], _table(header, rows, numeric=[0]), [legend]]


def _touchpoint_mark(touchpoint: Touchpoint) -> str:
    return f"{MOMENT_OF_TRUTH} " if touchpoint.moment_of_truth else ""


def _touchpoint_with_channel(touchpoint: Touchpoint, text: _Text) -> str:
    """A touchpoint's name with its channel in brackets; no brackets when the map names no channel."""
    channel = f" ({text.channel(touchpoint.channel)})" if touchpoint.channel is not None else ""
    return f"{_touchpoint_mark(touchpoint)}{escape_table_cell(touchpoint.name)}{channel}"


def _lows(journey: Journey, text: _Text) -> list[list[str]]:
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
            _emotion(score, scale, journey.locale),
            escape_table_cell(stage.name),
            CELL_BREAK.join(
                f"{_touchpoint_mark(touchpoint)}{escape_table_cell(touchpoint.name)} "
                f"({_emotion(touchpoint.emotion, scale, journey.locale)})"
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
    return [heading, _table(header, [cells for *_, cells in rows])]


def _below(score: float | None, scale: EmotionScale) -> bool:
    return score is not None and score < scale.neutral


def _pain_points(journey: Journey, text: _Text) -> list[list[str]]:
    heading = [f"## {text['heading.pain_points']}"]
    pains = sorted(journey.pain_points(), key=lambda item: SEVERITY_ORDER.index(item[1].severity))
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
    return [heading, _table(header, rows)]


def _touchpoint_name(touchpoint_id: str | None, touchpoints: Mapping[str, Touchpoint]) -> str:
    if touchpoint_id is None:
        return NO_VALUE
    touchpoint = touchpoints.get(touchpoint_id)
    return escape_table_cell(touchpoint.name if touchpoint else touchpoint_id)


def _backlog_order(item: tuple[Stage, Opportunity]) -> tuple[int, int, int]:
    opportunity = item[1]
    return (
        STATUS_ORDER.index(opportunity.status),
        IMPACT_ORDER.index(opportunity.impact) if opportunity.impact else len(IMPACT_ORDER),
        EFFORT_ORDER.index(opportunity.effort) if opportunity.effort else len(EFFORT_ORDER),
    )


def _backlog(journey: Journey, text: _Text, baseline: Journey | None) -> list[list[str]]:
    heading = [f"## {text['heading.opportunities']}"]
    opportunities = sorted(journey.opportunities(), key=_backlog_order)
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
    return [heading, _table(header, rows)]


def _pain_point_text(pain_id: str, pains: Mapping[str, PainPoint]) -> str:
    pain = pains.get(pain_id)
    return escape_table_cell(pain.text if pain else pain_id)


def _kpi_status(kpi: KPI, text: _Text) -> str:
    on_target = kpi_on_target(kpi)
    if on_target is None:
        if kpi.target is None:
            return text["kpi.no_target"]
        return text["kpi.no_direction"] if kpi.value is not None else NO_VALUE
    return f"{ON_TARGET} {text['kpi.on_target']}" if on_target else f"{OFF_TARGET} {text['kpi.off_target']}"


def _kpis(journey: Journey, text: _Text) -> list[list[str]]:
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
            NO_VALUE if kpi.value is None else formatting.number(kpi.value, journey.locale),
            NO_VALUE if kpi.target is None else formatting.number(kpi.target, journey.locale),
            escape_table_cell(kpi.unit) if kpi.unit else NO_VALUE,
            text.stated("better", kpi.better),
            _kpi_status(kpi, text),
        ]
        for stage, kpi in kpis
    ]
    return [heading, _table(header, rows, numeric=[2, 3])]


def _change(before: float | None, after: float | None, same_scale: bool, locale: str) -> str:
    if before is None or after is None or not same_scale:
        return NO_VALUE
    # From the scores as shown, so the change always adds up with the two cells beside it.
    delta = round(float(format_score(after)) - float(format_score(before)), 1)
    if delta == 0:
        return "0 ="
    return f"+{format_score(delta, locale)} ▲" if delta > 0 else f"{format_score(delta, locale)} ▼"


def _comparison(journey: Journey, baseline: Journey, text: _Text) -> list[list[str]]:
    same_scale = journey.emotion_scale == baseline.emotion_scale
    before = {stage.id: stage for stage in baseline.stages}
    after_ids = {stage.id for stage in journey.stages}
    rows: list[list[str]] = []
    for stage in journey.stages:
        old = before.get(stage.id)
        old_score = old.score if old else None
        rows.append(
            [
                escape_table_cell(stage.name),
                _emotion(old_score, baseline.emotion_scale, journey.locale),
                _emotion(stage.score, journey.emotion_scale, journey.locale),
                _change(old_score, stage.score, same_scale, journey.locale),
            ]
        )
    for stage in baseline.stages:
        if stage.id not in after_ids:
            rows.append(
                [
                    escape_table_cell(stage.name),
                    _emotion(stage.score, baseline.emotion_scale, journey.locale),
                    NO_VALUE,
                    NO_VALUE,
                ]
            )
    header = [text["field.stage"], text["field.before"], text["field.after"], text["field.change"]]
    blocks = [
        [f"## {text['heading.comparison']}"],
        [text.field("note.baseline", escape_table_cell(baseline.title))],
        _table(header, rows),
    ]

    current_pains = {pain.id for _, pain in journey.pain_points()}
    gone = [(stage, pain) for stage, pain in baseline.pain_points() if pain.id not in current_pains]
    gone.sort(key=lambda item: SEVERITY_ORDER.index(item[1].severity))
    pain_header = [text["field.severity"], text["field.text"], text["field.stage"]]
    pain_rows = [
        [text.stated("severity", pain.severity), escape_table_cell(pain.text), escape_table_cell(stage.name)]
        for stage, pain in gone
    ]
    blocks.append([f"### {text['heading.resolved_pain_points']}"])
    blocks.append(_table(pain_header, pain_rows) if pain_rows else [text["note.none"]])

    current_touchpoints = {touchpoint.id for _, touchpoint in journey.touchpoints()}
    baseline_touchpoints = {touchpoint.id for _, touchpoint in baseline.touchpoints()}
    added = [item for item in journey.touchpoints() if item[1].id not in baseline_touchpoints]
    dropped = [item for item in baseline.touchpoints() if item[1].id not in current_touchpoints]
    touchpoint_header = [text["field.touchpoint"], text["field.stage"]]
    for key, items in (("heading.touchpoints_added", added), ("heading.touchpoints_dropped", dropped)):
        rows = [
            [_touchpoint_with_channel(touchpoint, text), escape_table_cell(stage.name)] for stage, touchpoint in items
        ]
        blocks.append([f"### {text[key]}"])
        blocks.append(_table(touchpoint_header, rows) if rows else [text["note.none"]])
    return blocks
