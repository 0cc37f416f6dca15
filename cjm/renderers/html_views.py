"""The HTML page's view data: plain frozen values the template (and its lane partials) draws.

Computed by `cjm.renderers.html` from the journey, so every number and word is tested in Python
and the template only loops and branches. Named tuples rather than frozen dataclasses: as
immutable, and Python 3.11 compiles six methods for each dataclass (these twelve took about 6 ms
of every build).
"""

from __future__ import annotations

from typing import NamedTuple


class Badge(NamedTuple):
    """A short label with a colour tone (a CSS class) that also says what it means in words."""

    text: str
    tone: str


class Link(NamedTuple):
    """A link to another card of the page; `href` is None when the target does not exist."""

    href: str | None
    ref: str
    text: str
    title: str


class ScoreChip(NamedTuple):
    """An emotion score as text (symbol and number) on the score's light band colour."""

    text: str
    fill: str
    title: str


class TouchpointView(NamedTuple):
    """A touchpoint card."""

    anchor: str
    name: str
    channel: str | None
    kind: str | None
    score: ScoreChip | None
    moment_of_truth: bool
    drop_off: str | None
    description: str | None
    steps: tuple[Link, ...] = ()
    """The steps with a reason (`next: [{to: …, label: …}]`): a link to the next card, the reason as text."""


class TouchpointCell(NamedTuple):
    """A stage's touchpoints; `alternatives` when they are ways in, any one of them, not a sequence."""

    items: tuple[TouchpointView, ...]
    alternatives: bool = False

    def __bool__(self) -> bool:
        """An empty cell is left blank (and a lane of empty cells left out)."""
        return bool(self.items)


class PainView(NamedTuple):
    """A pain point card, with the opportunities that address it."""

    anchor: str
    ref: str
    text: str
    severity: Badge | None
    accent: str
    touchpoint: str | None
    evidence: tuple[str, ...]
    addressed_by: tuple[Link, ...]


class OpportunityView(NamedTuple):
    """An opportunity card, with links to the pain points it addresses."""

    anchor: str
    ref: str
    text: str
    status: Badge | None
    levels: tuple[tuple[str, str, int], ...]
    owner: str | None
    addresses: tuple[Link, ...]


class KPIView(NamedTuple):
    """A KPI: value against target, and whether it meets it, in words, symbol and colour."""

    name: str
    value: str
    target: str | None
    status: Badge | None
    better: str


class QuoteView(NamedTuple):
    """A verbatim and where it comes from."""

    text: str
    source: str | None


class Lane(NamedTuple):
    """One row of the grid: `kind` tells the template how to draw its cells (one per stage)."""

    key: str
    kind: str
    label: str
    cells: tuple[object, ...] = ()


class StageHeader(NamedTuple):
    """A column header."""

    anchor: str
    number: int
    name: str
    description: str | None


class PersonaView(NamedTuple):
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
