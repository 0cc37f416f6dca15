"""The emotional curve as data: points at their touchpoints, a monotone path that never overshoots, levels."""

from __future__ import annotations

import itertools

from cjm.model import EmotionScale, Journey
from cjm.renderers.curve import Column, CurvePoint, build_curve, emotion_source, smooth, y_of
from tests.journeys import journey


def _point(x: float, y: float) -> CurvePoint:
    return CurvePoint(x, y, 0.0, "0", 2, 0, "p")


def test_the_path_never_leaves_the_range_of_the_points_it_joins() -> None:
    ys = [50.0, 10.0, 10.0, 90.0, 20.0, 85.0, 85.0, 0.0]
    points = [_point(10.0 * i, y) for i, y in enumerate(ys)]
    for segment in smooth(points):
        low, high = sorted((segment.y0, segment.y1))
        for t in (i / 20 for i in range(21)):
            u = 1 - t
            y = u**3 * segment.y0 + 3 * u * u * t * segment.c1y + 3 * u * t * t * segment.c2y + t**3 * segment.y1
            assert low - 1e-6 <= y <= high + 1e-6


def test_the_path_is_continuous() -> None:
    points = [_point(10.0 * i, float(i % 3)) for i in range(6)]
    segments = smooth(points)
    assert len(segments) == 5
    for first, second in itertools.pairwise(segments):
        assert (first.x1, first.y1) == (second.x0, second.y0)
    assert smooth(points[:1]) == ()


def test_points_sit_at_their_touchpoint_inside_the_column() -> None:
    main = journey(3)
    columns = [Column(100.0 + 200 * i, 200.0) for i in range(3)]
    curve = build_curve(main, columns, 0.0, 100.0)
    assert [point.x for point in curve.points] == [150.0, 250.0, 350.0, 450.0, 550.0, 650.0]
    assert curve.neutral_y == 50.0
    assert [level.text for level in curve.levels] == ["5", "3", "1"]


def test_levels_use_the_scale_words_and_skip_crowded_ones() -> None:
    scale = EmotionScale(min=0, max=10, neutral=5, labels={0: "Awful", 5: "Meh", 10: "Great", 4: "Close"})
    main = journey(2).model_copy(update={"emotion_scale": scale})
    curve = build_curve(main, [Column(0.0, 10.0), Column(10.0, 10.0)], 0.0, 100.0, level_gap=12.0)
    assert [level.text for level in curve.levels] == ["Great", "Meh", "Awful"]
    assert y_of(10, scale, 0.0, 100.0) == 0.0 and y_of(0, scale, 0.0, 100.0) == 100.0


def test_the_lowest_points_are_marked_only_on_a_curve_that_moves() -> None:
    curve = build_curve(journey(3), [Column(100.0 * i, 100.0) for i in range(3)], 0.0, 100.0)
    lows = [point for point in curve.points if point.low]
    assert lows and {point.score for point in lows} == {min(point.score for point in curve.points)}
    flat = journey(1, touchpoints=False)
    assert not any(point.low for point in build_curve(flat, [Column(0.0, 10.0)], 0.0, 10.0).points)


def test_a_baseline_gets_one_point_per_stage_it_shares() -> None:
    current, future = journey(3), journey(2)
    curve = build_curve(future, [Column(0.0, 100.0), Column(100.0, 100.0)], 0.0, 100.0, baseline=current)
    assert [point.x for point in curve.baseline_points] == [50.0, 150.0]
    assert len(curve.baseline_path) == 1


def _scored(scores: list[float]) -> list[CurvePoint]:
    main = journey(len(scores))
    stages = [
        stage.model_copy(update={"touchpoints": [stage.touchpoints[0].model_copy(update={"emotion": score})]})
        for stage, score in zip(main.stages, scores, strict=True)
    ]
    columns = [Column(100.0 * i, 100.0) for i in range(len(scores))]
    return list(build_curve(main.model_copy(update={"stages": stages}), columns, 0.0, 100.0).points)


def test_two_tied_lowest_points_are_both_marked() -> None:
    points = _scored([3, 1, 4, 1])
    assert [point.low for point in points] == [False, True, False, True]
    assert all(point.ties == 0 for point in points)


def test_more_tied_lowest_points_mark_only_the_first_and_count_the_others() -> None:
    points = _scored([2, 1, 1, 3, 1, 1])
    assert [point.low for point in points] == [False, True, False, False, False, False]
    assert points[1].ties == 3


def test_a_flat_curve_has_no_lowest_point() -> None:
    assert not any(point.low for point in _scored([2, 2, 2]))


def test_where_a_score_comes_from_is_the_touchpoints_else_the_stages_else_the_maps() -> None:
    main = journey(2).model_copy(update={"emotion_source": "measured"})
    first, second = main.stages
    second = second.model_copy(update={"emotion_source": "assumed"})
    touchpoint = first.touchpoints[0].model_copy(update={"emotion_source": "assumed"})
    first = first.model_copy(update={"touchpoints": [touchpoint, *first.touchpoints[1:]]})
    assert emotion_source(main, first, touchpoint) == "assumed"
    assert emotion_source(main, first, first.touchpoints[1]) == "measured"
    assert emotion_source(main, second, second.touchpoints[0]) == "assumed"
    assert emotion_source(main.model_copy(update={"emotion_source": None}), first) is None
    curve = build_curve(main.model_copy(update={"stages": [first, second]}), [Column(0, 100), Column(100, 100)], 0, 50)
    assert [point.source for point in curve.points] == ["assumed", "measured", "assumed", "assumed"]


def _lows(stages: list[dict[str, object]]) -> list[tuple[str, bool, int, int]]:
    """(name, low, ties, low_rank) of every point of a map made of `stages`."""
    main = Journey.model_validate({"cjm": 1, "title": "Ties", "stages": stages})
    columns = [Column(100.0 * i, 100.0) for i in range(len(stages))]
    return [(p.name, p.low, p.ties, p.low_rank) for p in build_curve(main, columns, 0.0, 100.0).points]


def _touchpoint(name: str, emotion: float, truth: bool = False) -> dict[str, object]:
    return {"id": name, "name": name, "emotion": emotion, "moment_of_truth": truth}


def test_of_many_tied_lows_a_moment_of_truth_is_the_one_marked() -> None:
    stages: list[dict[str, object]] = [
        {"name": "A", "touchpoints": [_touchpoint("a1", 1), _touchpoint("a2", 4)]},
        {"name": "B", "touchpoints": [_touchpoint("b1", 1), _touchpoint("b2", 1, truth=True)]},
        {"name": "C", "touchpoints": [_touchpoint("c1", 3)]},
    ]
    marked = [(name, ties) for name, low, ties, _ in _lows(stages) if low]
    assert marked == [("b2", 2)]


def test_of_many_tied_lows_the_one_with_the_most_severe_pain_point_is_marked() -> None:
    stages: list[dict[str, object]] = [
        {"name": "A", "touchpoints": [_touchpoint("a1", 1)], "pain_points": [{"text": "Slow", "severity": "low"}]},
        {"name": "B", "emotion": 1, "pain_points": [{"text": "Lost", "severity": "high"}]},
        {
            "name": "C",
            "touchpoints": [_touchpoint("c1", 1), _touchpoint("c2", 5)],
            # A pain point at another touchpoint of the stage does not make c1 telling.
            "pain_points": [{"text": "Broken", "severity": "critical", "touchpoint": "c2"}],
        },
    ]
    assert [(name, ties) for name, low, ties, _ in _lows(stages) if low] == [("B", 2)]


def test_of_many_tied_lows_the_longest_stay_at_the_bottom_is_marked_then_the_first() -> None:
    stages: list[dict[str, object]] = [
        {"name": "A", "touchpoints": [_touchpoint("a1", 1), _touchpoint("a2", 3)]},
        {"name": "B", "touchpoints": [_touchpoint("b1", 1), _touchpoint("b2", 1)]},
        {"name": "C", "touchpoints": [_touchpoint("c1", 1), _touchpoint("c2", 5)]},
    ]
    assert [(name, ties) for name, low, ties, _ in _lows(stages) if low] == [("b1", 3)]


def test_two_tied_lows_are_both_marked_the_most_telling_ranked_first() -> None:
    stages: list[dict[str, object]] = [
        {"name": "A", "touchpoints": [_touchpoint("a1", 1), _touchpoint("a2", 3)]},
        {"name": "B", "touchpoints": [_touchpoint("b1", 1, truth=True), _touchpoint("b2", 4)]},
    ]
    assert [(name, rank) for name, low, _, rank in _lows(stages) if low] == [("a1", 1), ("b1", 0)]
