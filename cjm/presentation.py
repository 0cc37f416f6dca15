"""Presentation facts every output shows the same way: one place, used by every renderer and the diff.

What lives here (each a pure function of model values, no markup beyond Markdown escaping):
- orders: `SEVERITY_ORDER`, `severity_rank` (pain points, most severe first), `backlog_rank`
  (opportunities: status, then impact, then effort);
- KPIs: `kpi_on_target` (met, missed or unknown: `cjm.kpi.on_target`, re-exported so renderers
  find every presentation fact here), `format_number` and `kpi_value_text` (a value with its unit,
  as the locale writes it, from `cjm.formatting`);
- scores: `score_text` (symbol, number and the scale's word, one `ScoreText`);
- typography: `label_colon` (a label before a colon, as the locale writes it, from `cjm.formatting`);
- Markdown: `escape_markdown` (prose) and `escape_table_cell` (one line);
- SVG ids: `svg_id_prefix` (unique per output stem and map content).

Why one module: the same fact shown by two outputs drifted when each renderer computed it (three
French colons, KPI values formatted as emotion scores in one output). A value the author did not
state (`None`) is "not stated" everywhere: these functions return None or the no-value mark,
never a default.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from cjm import emotion, formatting
from cjm.kpi import on_target as kpi_on_target
from cjm.model import slugify

if TYPE_CHECKING:
    from cjm.model import EmotionScale, Journey, Opportunity

__all__ = [
    "EFFORT_ORDER",
    "IMPACT_ORDER",
    "NO_VALUE",
    "SEVERITY_ORDER",
    "STATUS_ORDER",
    "ScoreText",
    "backlog_rank",
    "escape_markdown",
    "escape_table_cell",
    "format_number",
    "kpi_on_target",
    "kpi_value_text",
    "label_colon",
    "lowest_moment",
    "map_description",
    "score_text",
    "sentences",
    "severity_rank",
    "svg_id_prefix",
]

NO_VALUE = formatting.NO_VALUE
"""What every output writes where a value is not stated."""

SEVERITY_ORDER = ("critical", "high", "medium", "low")
"""Pain point severities, most severe first."""
STATUS_ORDER = ("in-progress", "planned", "idea", "done", "dropped")
"""Opportunity statuses in backlog order: the work that is moving first, closed items last."""
IMPACT_ORDER = ("high", "medium", "low")
EFFORT_ORDER = ("low", "medium", "high")


def severity_rank(severity: str | None) -> int:
    """0 for critical … 3 for low; an unstated severity (None) sorts after every stated one."""
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else len(SEVERITY_ORDER)


def backlog_rank(opportunity: Opportunity) -> tuple[int, int, int]:
    """Sort key of the opportunity backlog: status, then impact high → low, then effort low → high.

    Why this order: the work that is moving comes first and closed items last; within a status,
    quick wins first. Anything not stated sorts after what is stated.
    """
    status = getattr(opportunity, "status", None)
    return (
        STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER),
        IMPACT_ORDER.index(opportunity.impact) if opportunity.impact else len(IMPACT_ORDER),
        EFFORT_ORDER.index(opportunity.effort) if opportunity.effort else len(EFFORT_ORDER),
    )


def format_number(value: float | None, locale: str = "en") -> str:
    """A measured value as the locale writes it (`cjm.formatting.number`); None is the no-value mark."""
    return NO_VALUE if value is None else formatting.number(value, locale)


def kpi_value_text(value: float | None, unit: str | None, locale: str = "en") -> str:
    """A KPI value and its unit as the locale writes it (`cjm.formatting.quantity`); None is the no-value mark."""
    return NO_VALUE if value is None else formatting.quantity(value, unit, locale)


class ScoreText(NamedTuple):
    """An emotion score as text: the band's symbol (▼▼ ▼ ● ▲ ▲▲), the number and the scale's word.

    `symbol` is decorative where `number` is shown (screen readers may skip it); `word` is None
    when the scale names no level. `str()` gives "▲ 4 (Happy)".
    """

    symbol: str
    number: str
    word: str | None

    def __str__(self) -> str:
        shown = f"{self.symbol} {self.number}"
        return f"{shown} ({self.word})" if self.word else shown


def score_text(score: float | None, scale: EmotionScale, locale: str = "en") -> ScoreText | None:
    """The text of a score on its scale; None when the score is not stated."""
    if score is None:
        return None
    return ScoreText(emotion.symbol(score, scale), emotion.format_score(score, locale), emotion.label(score, scale))


def label_colon(locale: str) -> str:
    """The colon after a label as the locale writes it (`cjm.formatting.colon`); callers add the space after it."""
    return formatting.colon(locale)


# --- Markdown escaping -------------------------------------------------------------------------

# Control characters, and the bidirectional embeddings, overrides and isolates that could
# reorder the rest of a table row when the source is read in a diff.
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
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
    for raw_line in INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")).split("\n"):
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
    turned into spaces so the text cannot end the row, the heading or the item. Empty text
    is the no-value mark, so a table cell is never blank.
    """
    return escape_markdown(text).replace("\n", " ") or NO_VALUE


# --- SVG ids -----------------------------------------------------------------------------------


def svg_id_prefix(journey: Journey, stem: str) -> str:
    """The prefix of every id in one SVG of a map: `cjm-<stem>-<hash>-`.

    `stem` is the output file's stem (a view may add its own suffix, "journey.flow"); the hash
    is the first 8 hex digits of the SHA-256 of the map's content (its model as JSON, so the
    same file always gives the same ids). Why not the title: two maps titled alike, or titled
    in a script `slugify` folds to nothing, would share every id when inlined on one page, and
    the second figure would be announced with the first one's name. The whole stem is hashed too:
    the slug keeps 32 characters, so a long stem's views ("….slide", "….flow") would otherwise share
    their ids with the map's.
    """
    digest = hashlib.sha256(f"{stem}\n{journey.model_dump_json()}".encode()).hexdigest()[:8]
    return f"cjm-{slugify(stem, 32)}-{digest}-"


# --- Text description of a map -----------------------------------------------------------------


def map_description(journey: Journey, text: Mapping[str, str]) -> str:
    """A picture's text description (its SVG `<desc>`, the alt text of an embedded map), in the map's language.

    Who the map follows, why it exists, its stages in order, its lowest moment (the lowest-scored
    touchpoint, else stage, with its stage and the scale's word) and its most severe pain point,
    from the catalogue `text` (`cjm.i18n.messages`). What the map does not state is left out.
    Parts are joined as sentences (`sentences`): an author's text that already ends a sentence
    gets no second full stop.
    """
    colon = label_colon(journey.locale) + " "
    parts = [text["field.type"] + colon + text[f"type.{journey.type}"]] if journey.type else []
    if journey.persona is not None:
        persona = journey.persona
        parts.append(
            text["heading.persona"]
            + colon
            + persona.name
            + (f" — {persona.description}" if persona.description else "")
        )
    if journey.objective:
        parts.append(text["heading.objective"] + colon + journey.objective)
    stages = ", ".join(f"{number}. {stage.name}" for number, stage in enumerate(journey.stages, start=1))
    parts.append(f"{text['heading.stages']} ({len(journey.stages)}){colon}{stages}")
    low = lowest_moment(journey)
    if low is not None:
        parts.append(text["note.lowest"] + colon + low)
    pains = sorted(journey.pain_points(), key=lambda item: severity_rank(getattr(item[1], "severity", None)))
    if pains:
        stage, pain = pains[0]
        severity = getattr(pain, "severity", None)
        parts.append(
            text["lane.pain_points"]
            + colon
            + (text[f"severity.{severity}"] + " — " if severity else "")
            + f"{pain.text} ({stage.name})"
        )
    return sentences(parts)


SENTENCE_END = (".", "!", "?", "…")


def sentences(parts: Sequence[str]) -> str:
    """Parts joined as sentences: each ends with a full stop unless it already ends one ("TVA." stays "TVA.",
    "Pourquoi ?" keeps its question mark); empty parts are left out."""
    ended = []
    for part in parts:
        part = part.strip()
        if part:
            ended.append(part if part.endswith(SENTENCE_END) else part + ".")
    return " ".join(ended)


def lowest_moment(journey: Journey) -> str | None:
    """The lowest scored touchpoint (else stage scored as a whole), written "name (stage, −2 Upset)".

    The first in journey order when several share the lowest score; None when nothing is scored.
    """
    found: list[tuple[float, int, str, str]] = []
    for order, stage in enumerate(journey.stages):
        scored = [(t.emotion, t.name) for t in stage.touchpoints if t.emotion is not None]
        found.extend((score, order, name, stage.name) for score, name in scored)
        if not scored and stage.emotion is not None:
            found.append((stage.emotion, order, stage.name, stage.name))
    if not found:
        return None
    score, _, name, stage_name = min(found, key=lambda item: (item[0], item[1]))
    word = emotion.label(score, journey.emotion_scale)
    number = emotion.format_score(score, journey.locale).replace("-", "−")
    where = stage_name if stage_name != name else None
    details = ", ".join(part for part in (where, number + (f" {word}" if word else "")) if part)
    return f"{name} ({details})"
