"""Markdown building blocks the report's sections share: the catalogue, tables, scores and touchpoints as cells.

Every cell is escaped here (`cjm.presentation.escape_table_cell`), so a section only arranges them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cjm.emotion import format_score, label
from cjm.i18n import channel_labels, messages
from cjm.model import EmotionScale, Journey, Touchpoint
from cjm.presentation import NO_VALUE, escape_table_cell, label_colon, score_text

MOMENT_OF_TRUTH = "★"
CELL_BREAK = "<br>"


class Text:
    """The catalogue of the map's locale, with the locale's way of writing a label before a colon."""

    def __init__(self, journey: Journey) -> None:
        self.messages: Mapping[str, str] = messages(journey.locale)
        self.channels = channel_labels(journey)
        # French typography puts a no-break space before a colon.
        self.colon = label_colon(journey.locale)

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


def table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> list[str]:
    """A GFM table; cells must already be escaped single lines."""
    delimiter = ["---:" if index in numeric else "---" for index in range(len(header))]
    return [f"| {' | '.join(cells)} |" for cells in (header, delimiter, *rows)]


def emotion_cell(score: float | None, scale: EmotionScale, locale: str) -> str:
    """A score as `presentation.score_text` writes it: `▼▼ -2 (Distressed)`."""
    shown = score_text(score, scale, locale)
    return NO_VALUE if shown is None else escape_table_cell(str(shown))


def scale_value(score: float, scale: EmotionScale, locale: str) -> str:
    word = label(score, scale)
    return f"{format_score(score, locale)} ({escape_table_cell(word)})" if word else format_score(score, locale)


def touchpoint_mark(touchpoint: Touchpoint) -> str:
    return f"{MOMENT_OF_TRUTH} " if touchpoint.moment_of_truth else ""


def touchpoint_with_channel(touchpoint: Touchpoint, text: Text) -> str:
    """A touchpoint's name with its channel in brackets; no brackets when the map names no channel."""
    channel = f" ({text.channel(touchpoint.channel)})" if touchpoint.channel is not None else ""
    return f"{touchpoint_mark(touchpoint)}{escape_table_cell(touchpoint.name)}{channel}"
