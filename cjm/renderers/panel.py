"""The context band of the map view: title, map type, owner, last review, persona card and objective.

Why first: the guides (NN/g, Kalbach) open a map with who and why, so a reader knows whose
journey it is and what the team wants from it before reading the grid.
"""

from __future__ import annotations

from typing import NamedTuple

from cjm import formatting
from cjm.i18n import messages
from cjm.model import Journey, Persona
from cjm.renderers import style
from cjm.renderers.layout import Card, Mark, Text, colon, more_note, quoted, small, text_block

PAD = 10.0
LIST_LIMIT = 3


class Context(NamedTuple):
    """The context band: the title, one line of facts, and the persona and objective cards (either may be absent)."""

    title: Text
    facts: Text
    cards: tuple[Card, ...]
    bottom: float


def build_context(journey: Journey, x: float, y: float, width: float) -> Context:
    """Place the context band from (x, y), `width` wide."""
    text = messages(journey.locale)
    sep = colon(journey.locale)
    title = text_block(journey.title, x, y, width, style.SIZE_TITLE, bold=True, max_lines=2)
    facts = [text[f"type.{journey.type}"]] if journey.type is not None else []
    if journey.owner:
        facts.append(f"{text['field.owner']}{sep}{journey.owner}")
    if journey.reviewed:
        facts.append(f"{text['field.reviewed']}{sep}{formatting.date(journey.reviewed, journey.locale)}")
    fact_line = text_block("  ·  ".join(facts), x, title.bottom + 4, width, style.SIZE_BODY, role="muted", max_lines=2)
    top = fact_line.bottom + 10
    cards: list[Card] = []
    persona_width = width if not journey.objective else width * 0.74 - style.GAP / 2
    if journey.persona is not None:
        cards.append(_persona(journey.persona, journey, x, top, persona_width if journey.objective else width))
    if journey.objective:
        left = x + persona_width + style.GAP if journey.persona is not None else x
        cards.append(_objective(journey.objective, journey, left, top, x + width - left))
    if len(cards) == 2:
        height = max(card.height for card in cards)
        cards = [Card(card.kind, card.x, card.y, card.width, height, card.texts, card.marks) for card in cards]
    bottom = max([fact_line.bottom, *(card.y + card.height for card in cards)])
    del text
    return Context(title, fact_line, tuple(cards), round(bottom, 2))


def _persona(persona: Persona, journey: Journey, x: float, y: float, width: float) -> Card:
    """The persona card, in columns so the band stays low: who (name, one line, quote), goals, frustrations.

    Why columns: a map is printed landscape (A3) and read on a wide screen; stacking the lists under
    the description made the context band a third of the picture's height.
    """
    text = messages(journey.locale)
    inner = width - 2 * PAD
    lists = [
        (key, items)
        for key, items in (("heading.goals", persona.goals), ("heading.frustrations", persona.frustrations))
        if items
    ]
    count = 1 + len(lists)
    column = (inner - PAD * (count - 1)) / count
    # The "who" column takes a larger share when there are lists beside it.
    who_width = inner if not lists else column * 1.3
    list_width = 0.0 if not lists else (inner - who_width - PAD * len(lists)) / len(lists)
    heading = small(text["note.persona"], x + PAD, y + PAD, who_width, bold=True)
    # The name on its own line(s), then who they are: a long name never cuts the occupation and the age.
    name = text_block(persona.name, x + PAD, heading.bottom + 2, who_width, style.SIZE_HEADING, bold=True, max_lines=2)
    texts = [heading, name]
    bottom = name.bottom
    role = [persona.occupation] if persona.occupation else []
    if persona.age is not None:
        role.append(text["persona.age"].format(age=persona.age))
    if role:
        line = text_block(", ".join(role), x + PAD, bottom + 1, who_width, style.SIZE_BODY, bold=True, max_lines=2)
        texts.append(line)
        bottom = line.bottom
    if persona.description:
        line = text_block(persona.description, x + PAD, bottom + 2, who_width, style.SIZE_BODY, max_lines=3)
        texts.append(line)
        bottom = line.bottom
    if persona.quote:
        quote = text_block(
            quoted(persona.quote, journey.locale),
            x + PAD,
            bottom + 4,
            who_width,
            style.SIZE_BODY,
            italic=True,
            role="muted",
            max_lines=2,
        )
        texts.append(quote)
        bottom = quote.bottom
    marks: list[Mark] = []
    for index, (key, items) in enumerate(lists):
        left = x + PAD + who_width + PAD + index * (list_width + PAD)
        head = small(text[key], left, y + PAD, list_width, bold=True)
        texts.append(head)
        cursor = head.bottom + 2
        for item in items[:LIST_LIMIT]:
            entry = text_block(item, left + 9, cursor, list_width - 9, style.SIZE_BODY, max_lines=2)
            marks.append(Mark("bullet", left + 3, cursor + 7, 4, "muted"))
            texts.append(entry)
            cursor = entry.bottom + 2
        if len(items) > LIST_LIMIT:
            more = more_note(journey.locale, len(items) - LIST_LIMIT, left + 9, cursor, list_width - 9)
            texts.append(more)
            cursor = more.bottom
        bottom = max(bottom, cursor)
    return Card("persona", x, y, width, round(bottom + PAD - y, 2), tuple(texts), tuple(marks))


def _objective(objective: str, journey: Journey, x: float, y: float, width: float) -> Card:
    text = messages(journey.locale)
    heading = small(text["heading.objective"], x + PAD, y + PAD, width - 2 * PAD, bold=True)
    body = text_block(objective, x + PAD, heading.bottom + 2, width - 2 * PAD, style.SIZE_BODY, max_lines=7)
    return Card("objective", x, y, width, round(body.bottom + PAD - y, 2), (heading, body))
