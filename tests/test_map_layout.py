"""The map grid: lane order, empty lanes left out, every card inside its column and its lane, no overlap."""

from __future__ import annotations

import itertools

import pytest

from cjm import load
from cjm.model import Journey
from cjm.renderers import style
from cjm.renderers.map_layout import LANES, layout_map
from tests.conftest import EXAMPLES, ROOT
from tests.journeys import journey


@pytest.mark.parametrize("source", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_cards_stay_in_their_cell_and_do_not_overlap(source: object) -> None:
    layout = layout_map(load(source))  # type: ignore[arg-type]
    for row in layout.rows:
        for lane in row.lanes:
            for column, cell in zip(row.columns, lane.cells, strict=True):
                for card in cell:
                    assert column.x <= card.x and card.x + card.width <= column.x + column.width
                    assert lane.y <= card.y and card.y + card.height <= lane.y + lane.height + 0.01
                for first, second in itertools.pairwise(cell):
                    assert first.y + first.height <= second.y


def test_lanes_follow_the_conventional_order() -> None:
    layout = layout_map(journey(3, blueprint=True))
    keys = [lane.key for lane in layout.rows[0].lanes]
    order = [key for key, _, _ in LANES]
    assert keys == sorted(keys, key=order.index)
    assert keys[:4] == ["actions", "touchpoints", "thoughts", "curve"]
    assert keys[-3:] == ["pain_points", "opportunities", "kpis"]


def test_headers_number_the_stages_and_carry_their_score() -> None:
    layout = layout_map(journey(3))
    headers = layout.rows[0].headers
    assert [header.number.lines[0] for header in headers] == ["1", "2", "3"]
    assert all(header.score is not None for header in headers)
    assert len({header.height for header in headers}) == 1


# An A3 landscape page less 10 mm margins, in millimetres; a typographic point in millimetres.
A3_LANDSCAPE = (400.0, 277.0)
POINT_MM = 0.3528


@pytest.mark.parametrize(("stages", "locale"), [(1, "en"), (4, "fr"), (7, "en"), (7, "fr"), (8, "fr")])
def test_a_map_of_up_to_8_stages_prints_legibly_on_one_a3_landscape_page(stages: int, locale: str) -> None:
    layout = layout_map(journey(stages, locale))
    scale = min(A3_LANDSCAPE[0] / layout.width, A3_LANDSCAPE[1] / layout.height)  # mm per unit, whole map
    assert style.SIZE_SMALL * scale / POINT_MM >= 7.0


def test_a_long_maps_lowest_point_is_the_whole_maps_not_each_rows_own() -> None:
    scores = [3, 2, 3, 3, 3, 3, 3, 3, 1, 3]
    main = Journey.model_validate(
        {"cjm": 1, "title": "Long", "stages": [{"name": f"S{n}", "emotion": s} for n, s in enumerate(scores)]}
    )
    layout = layout_map(main)
    assert len(layout.rows) == 2
    lows = [point.name for row in layout.rows if row.curve for point in row.curve.points if point.low]
    assert lows == ["S8"]


def test_a_lane_empty_in_one_row_of_a_long_map_is_left_out_of_that_row() -> None:
    main = journey(12)
    quiet = [stage.model_copy(update={"thoughts": [], "kpis": []}) for stage in main.stages[:6]]
    layout = layout_map(main.model_copy(update={"stages": [*quiet, *main.stages[6:]]}))
    first, second = ([lane.key for lane in row.lanes] for row in layout.rows)
    assert "thoughts" not in first and "kpis" not in first
    assert "thoughts" in second and "kpis" in second


def test_columns_are_fitted_to_what_their_stages_show_within_bounds() -> None:
    busy = load(ROOT / "tests" / "maps" / "shapes" / "sejour-hotel-fr.yaml")
    layout = layout_map(busy)
    widths = [column.width for column in layout.rows[0].columns]
    equal = sum(widths) / len(widths)
    assert widths.index(max(widths)) == 2  # the check-in stage with its nine touchpoints
    assert all(0.8 * equal - 1 <= width <= 1.6 * equal + 1 for width in widths)
    assert abs(sum(widths) - (1000 - 2 * style.MARGIN - style.LANE_LABEL_WIDTH)) < 0.5
    balanced = [column.width for column in layout_map(journey(4)).rows[0].columns]
    assert max(balanced) - min(balanced) < 0.02 * max(balanced)
