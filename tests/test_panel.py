"""The context band: title, facts, persona card and objective side by side, nothing for what is absent."""

from __future__ import annotations

from cjm.renderers.panel import build_context
from tests.journeys import journey


def test_persona_and_objective_cards_share_one_height() -> None:
    context = build_context(journey(2), 0.0, 0.0, 900.0)
    persona, objective = context.cards
    assert (persona.kind, objective.kind) == ("persona", "objective")
    assert persona.height == objective.height and persona.x + persona.width < objective.x


def test_a_map_without_persona_or_objective_has_no_empty_card() -> None:
    bare = journey(2).model_copy(update={"persona": None, "objective": None})
    context = build_context(bare, 0.0, 0.0, 900.0)
    assert context.cards == () and context.bottom == context.facts.bottom


def test_long_lists_say_how_many_more() -> None:
    main = journey(1)
    assert main.persona is not None
    persona = main.persona.model_copy(update={"goals": [f"Goal {n}" for n in range(5)]})
    context = build_context(main.model_copy(update={"persona": persona}), 0.0, 0.0, 900.0)
    lines = [line for text in context.cards[0].texts for line in text.lines]
    assert "Goal 2" in lines and "Goal 3" not in lines and "+2 more" in lines
