"""The pictures' layout as plain data: placed, wrapped texts, cards, marks; and the facts the views share.

Why plain data: the map and slide views compute where everything goes once, here and in
`cjm.renderers.map_layout` / `cjm.renderers.slide_layout`, and an SVG writer only draws it; a JSON
dump of a layout (`layout_json`) is a readable golden file. Units are SVG user units; y grows down.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any, NamedTuple

from pydantic import BaseModel

from cjm import formatting
from cjm.emotion import format_score, label
from cjm.i18n import messages
from cjm.model import KPI, Journey, PainPoint, Stage
from cjm.presentation import kpi_value_text, label_colon
from cjm.presentation import severity_rank as rank_of_severity
from cjm.renderers import style
from cjm.renderers.font import words, wrap


class Text(NamedTuple):
    """A wrapped text placed with its top-left corner at (x, y); `full` keeps the whole wording when cut.

    `role` names its colour in `cjm.renderers.style` (ink, muted, pain, …); `anchor` is `start` or
    `middle` (then x is the centre).
    """

    x: float
    y: float
    lines: tuple[str, ...]
    size: float
    bold: bool = False
    italic: bool = False
    role: str = "ink"
    anchor: str = "start"
    full: str | None = None

    @property
    def height(self) -> float:
        """The height of the text's lines."""
        return len(self.lines) * self.size * style.LINE_HEIGHT

    @property
    def bottom(self) -> float:
        """The y just below the last line."""
        return self.y + self.height


class Mark(NamedTuple):
    """A small shape drawn as SVG (never a font glyph): `shape` is star, triangle-down, circle, square, check,
    cross, bullet, leader…; (x, y) its centre (a leader's start, `to` its end); `tone` names its colour."""

    shape: str
    x: float
    y: float
    size: float
    tone: str
    to: tuple[float, float] | None = None


class Card(NamedTuple):
    """A box in a cell, a panel or the legend, with its texts and marks.

    `kind` is the styling contract's word for it (touchpoint, pain, opportunity, kpi, action, …);
    `band` the emotion band of a touchpoint; `severity` a pain point's; `emphasis` a moment of
    truth or a critical or high pain point, drawn heavier.
    """

    kind: str
    x: float
    y: float
    width: float
    height: float
    texts: tuple[Text, ...] = ()
    marks: tuple[Mark, ...] = ()
    band: int | None = None
    severity: str | None = None
    emphasis: bool = False
    framed: bool = True


def text_block(
    content: str,
    x: float,
    y: float,
    width: float,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    role: str = "ink",
    max_lines: int = 3,
    anchor: str = "start",
) -> Text:
    """Wrap `content` to `width` and place it at (x, y); a cut text keeps its full wording."""
    wrapped = wrap(content, width, size, bold, max_lines)
    return Text(
        x, y, wrapped.lines, size, bold, italic, role, anchor, " ".join(words(content)) if wrapped.cut else None
    )


def small(
    content: str,
    x: float,
    y: float,
    width: float,
    role: str = "muted",
    max_lines: int = 1,
    *,
    bold: bool = False,
    italic: bool = False,
) -> Text:
    """A note in the pictures' smallest size (`style.SIZE_SMALL`): a channel, a count, a status, a lane's
    secondary line; wrapped to `width`, cut with "…" after `max_lines` (the full text kept)."""
    return text_block(content, x, y, width, style.SIZE_SMALL, bold=bold, italic=italic, role=role, max_lines=max_lines)


def more_note(locale: str, count: int, x: float, y: float, width: float) -> Text:
    """The "+N more" line under a cell or a list that shows only its first items (`more_text`)."""
    return small(more_text(locale, count), x, y, width)


def colon(locale: str) -> str:
    """A label's colon and the space after it (cjm.presentation.label_colon: French puts a no-break space before it).

    The space after it is a no-break space too: a label never ends a line without its value's first
    word ("Impact : Élevé", "Lowest: Checkout" stay together).
    """
    return label_colon(locale) + formatting.NO_BREAK_SPACE


def quoted(text: str, locale: str) -> str:
    """A quotation in the locale's marks (`cjm.formatting.quoted`): « … » in French, “…” in English."""
    return formatting.quoted(text, locale)


def severity_rank(pain: PainPoint) -> int:
    """Where a pain point sorts (cjm.presentation's severity order): critical first, a severity not stated last."""
    return rank_of_severity(pain.severity)


def pain_numbers(journey: Journey) -> dict[str, str]:
    """Short labels P1, P2… of the pain points in journey order, so opportunities can name them."""
    return {pain.id: f"P{number}" for number, (_, pain) in enumerate(journey.pain_points(), start=1)}


def stage_score_text(stage: Stage, journey: Journey) -> str | None:
    """A stage's score as shown in its header: "−1 Annoyed", or None when the stage has no score."""
    score = stage.score
    if score is None:
        return None
    word = label(score, journey.emotion_scale)
    number = format_score(score, journey.locale).replace("-", "−")
    return f"{number} {word}" if word else number


def more_text(locale: str, count: int) -> str:
    """The line that says how many items a cell or panel leaves out: "+1 more", "+3 autres"."""
    text = messages(locale)
    return text["view.more_one"] if count == 1 else text["view.more"].format(count=count)


def kpi_line(kpi: KPI, locale: str) -> str:
    """A KPI's value against its target: "38 € → 30 €", "29%", "target 45%"; unknown parts left out."""
    text = messages(locale)
    value = kpi_value_text(kpi.value, kpi.unit, locale) if kpi.value is not None else None
    target = kpi_value_text(kpi.target, kpi.unit, locale) if kpi.target is not None else None
    if value and target:
        return text["view.kpi_against_target"].format(value=value, target=target)
    if target:
        return f"{text['field.target']} {target}"
    return value or "–"


def typeset_journey(journey: Journey) -> Journey:
    """The journey with every text the author wrote typeset for its language (`cjm.formatting.typeset`):
    in a French map « Pourquoi ?! » gets its narrow no-break space, « Note : 4 » its no-break one.

    The one place the pictures prepare the author's words, before any is measured or wrapped, so the
    spaces are counted in the layout and never break a line. Ids, channel ids and other keys are
    slugs with no punctuation: typesetting leaves them as they are.
    """

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return formatting.typeset(value, journey.locale)
        if isinstance(value, BaseModel):
            return value.model_copy(update={name: walk(getattr(value, name)) for name in type(value).model_fields})
        if isinstance(value, list | tuple):
            return type(value)(walk(item) for item in value)
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        return value

    typeset: Journey = walk(journey)
    return typeset


def layout_json(layout: Any) -> str:
    """A layout as indented JSON with sorted keys and rounded numbers: a readable, stable golden."""

    def clean(value: Any) -> Any:
        if isinstance(value, tuple) and hasattr(value, "_fields"):  # a record (named tuple): its fields by name
            return {name: clean(item) for name, item in zip(value._fields, value, strict=True)}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {field.name: clean(getattr(value, field.name)) for field in dataclasses.fields(value)}
        if isinstance(value, Mapping):
            return {str(key): clean(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [clean(item) for item in value]
        if isinstance(value, float):
            return round(value, 1)
        return value

    return json.dumps(clean(layout), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
