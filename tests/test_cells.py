"""The cards of the map's cells: the first items of a lane, then how many more; severity order; no empty card."""

from __future__ import annotations

import cjm
from cjm.renderers import style
from cjm.renderers.cells import LIMITS, cell_cards, column_widths, marked_steps
from cjm.renderers.curve import Column
from cjm.renderers.font import text_width
from tests.conftest import ROOT
from tests.journeys import journey

COLUMN = Column(100.0, 150.0)


def _lines(cards: object) -> list[str]:
    return [line for card in cards for text in card.texts for line in text.lines]  # type: ignore[attr-defined]


def test_a_cell_shows_its_first_items_then_how_many_more() -> None:
    main = journey(1)
    stage = main.stages[0].model_copy(update={"actions": [f"Action {n}" for n in range(6)]})
    cards = cell_cards(main, "actions", stage, COLUMN, 0.0)
    assert len(cards) == LIMITS["actions"] + 1
    assert cards[-1].kind == "more" and _lines(cards)[-1] == "+3 more"


def test_pain_points_come_most_severe_first_with_their_evidence_count() -> None:
    main = journey(1)
    stage = main.stages[0]
    low = stage.pain_points[0].model_copy(update={"id": "p9", "severity": "low", "evidence": []})
    ordered = stage.model_copy(update={"pain_points": [low, stage.pain_points[0]]})
    full = main.model_copy(update={"stages": [ordered]})
    cards = cell_cards(full, "pain_points", ordered, COLUMN, 0.0)
    assert [card.severity for card in cards] == ["critical", "low"]
    assert "1 source" in _lines(cards[:1]) and "no evidence" in _lines(cards[1:])
    assert cards[1].marks[0].shape == "no-evidence"


def test_cards_stack_without_overlap_inside_the_column() -> None:
    main = journey(1)
    cards = cell_cards(main, "touchpoints", main.stages[0], COLUMN, 10.0)
    assert cards[0].y == 10.0 and cards[0].y + cards[0].height < cards[1].y
    assert all(COLUMN.x < card.x and card.x + card.width < COLUMN.x + COLUMN.width for card in cards)
    assert all(card.texts for card in cards)


def test_service_lanes_list_their_items() -> None:
    main = journey(1, blueprint=True)
    assert _lines(cell_cards(main, "backstage", main.stages[0], COLUMN, 0.0)) == ["Back office validates", "the file"]


def test_an_opportunity_names_the_baseline_pain_point_it_removed_by_its_words() -> None:
    current, future = journey(2), journey(2, map_type="future-state")
    stage = future.stages[0]
    removing = stage.opportunities[0].model_copy(update={"addresses": ["p1"]})
    changed = stage.model_copy(update={"opportunities": [removing], "pain_points": []})
    future = future.model_copy(update={"stages": [changed, *future.stages[1:]]})
    lines = " ".join(_lines(cell_cards(future, "opportunities", changed, COLUMN, 0.0, current)))
    assert "Removes:\u00a0Step 1 asks" in lines and "p1" not in lines.split()


def test_switches_branches_and_loops_are_marked_where_they_start_and_routine_steps_are_not() -> None:
    main = cjm.load(ROOT / "examples" / "ecommerce-first-purchase.yaml")
    steps = marked_steps(main)
    found = {(tail, edge.head, edge.kind, edge.label) for tail, edges in steps.items() for edge in edges}
    assert ("shipping-cost", "cart-reminder-email", "switch", "leaves at the delivery cost") in found
    assert ("voucher-site", "mini-cart", "loop-back", "back with a code, or none") in found
    # The other way out of the branch is simply the next touchpoint: not marked.
    assert not any(tail == "shipping-cost" and head == "payment-3ds" for tail, head, _, _ in found)
    stage = next(stage for stage in main.stages if any(t.id == "shipping-cost" for t in stage.touchpoints))
    cards = cell_cards(main, "touchpoints", stage, COLUMN, 0.0)
    card = next(card for card in cards if "switch-arrow" in [mark.shape for mark in card.marks])
    roles = {text.role for text in card.texts}
    assert "switch" in roles and "leaves at the delivery cost" in " ".join(_lines([card]))


def test_a_map_without_next_marks_nothing() -> None:
    assert marked_steps(journey(3)) == {}


def test_a_word_too_wide_for_the_column_gets_a_smaller_size_before_it_is_broken() -> None:
    main = journey(1)
    stage = main.stages[0]
    named = stage.model_copy(update={"actions": ["Enregistrement"]})
    narrow = Column(0.0, 96.0)
    action = cell_cards(main, "actions", named, narrow, 0.0)[0].texts[0]
    assert action.lines == ("Enregistrement",) and style.SIZE_SMALL <= action.size < style.SIZE_BODY


def test_column_widths_follow_what_each_stage_shows_between_0_8_and_1_6_of_equal() -> None:
    stages = journey(4).stages
    busy = stages[1].model_copy(update={"actions": [f"Does a long thing number {n} in the shop" for n in range(3)]})
    empty = stages[2].model_copy(update={"actions": [], "thoughts": [], "touchpoints": []})
    widths = column_widths([stages[0], busy, empty, stages[3]], 800.0, ["actions", "touchpoints", "thoughts"])
    assert abs(sum(widths) - 800.0) < 1e-6
    assert widths[1] == max(widths) and widths[2] == min(widths)
    assert all(0.8 * 200 - 1e-6 <= width <= 1.6 * 200 + 1e-6 for width in widths)


def test_a_column_is_wide_enough_for_its_touchpoint_names_longest_word() -> None:
    stages = journey(8).stages
    quiet = [stage.model_copy(update={"actions": [], "thoughts": [], "touchpoints": []}) for stage in stages]
    truth = cjm.model.Touchpoint.model_validate({"name": "Collection", "moment_of_truth": True})
    quiet[5] = quiet[5].model_copy(update={"touchpoints": [truth]})
    busy = stages[0].model_copy(update={"actions": ["A long action in many words" * 3] * 3})
    widths = column_widths([busy, *quiet[1:]], 800.0, ["actions", "touchpoints"])
    needed = text_width("Collection", style.SIZE_SMALL, True) + 12 + 14 + 2 * style.CELL_PADDING
    assert widths[5] >= needed
