"""cjm.renderers.flow_graph: the journey's steps and where each box goes, as plain data."""

from __future__ import annotations

from typing import Any

from cjm.model import Journey
from cjm.renderers.flow_graph import AddressLink, build_flow_graph, flow


def _journey(stages: list[dict[str, Any]]) -> Journey:
    return Journey.model_validate({"cjm": 1, "title": "T", "stages": stages})


def _steps(journey: Journey) -> list[tuple[str, str, str, str | None]]:
    return [(edge.tail, edge.head, edge.kind, edge.label) for edge in flow(journey)]


def test_listed_order_channel_changes_and_switches_with_a_reason() -> None:
    journey = _journey(
        [
            {
                "name": "Help",
                "touchpoints": [
                    {"id": "faq", "name": "FAQ", "channel": "web"},
                    {
                        "id": "bot",
                        "name": "Bot",
                        "channel": "web",
                        "next": [{"to": "call", "label": "no ticket in chat"}],
                    },
                    {"id": "form", "name": "Form", "channel": "web"},
                ],
            },
            {
                "name": "Call",
                "touchpoints": [
                    {"id": "call", "name": "Call", "channel": "phone"},
                    {"id": "sms", "name": "SMS", "channel": "sms"},
                ],
            },
        ]
    )
    assert _steps(journey) == [
        ("faq", "bot", "flow", None),
        ("bot", "call", "switch", "no ticket in chat"),
        ("form", "call", "channel-change", None),
        ("call", "sms", "channel-change", None),
    ]


def test_plain_ids_branches_loops_and_an_empty_next() -> None:
    journey = _journey(
        [
            {
                "name": "Pay",
                "touchpoints": [
                    {"id": "a", "name": "A", "channel": "web", "next": ["b", "c", "missing"]},
                    {"id": "b", "name": "B", "channel": "web", "next": ["a"]},
                    {"id": "c", "name": "C", "channel": "web", "next": []},
                    {"id": "d", "name": "D", "channel": "web"},
                ],
            }
        ]
    )
    edges = flow(journey)
    assert [(edge.tail, edge.head, edge.kind, edge.branch) for edge in edges] == [
        ("a", "b", "flow", True),
        ("a", "c", "flow", True),
        ("b", "a", "loop-back", False),
    ]


def test_a_stage_of_alternatives_is_entered_and_left_as_a_whole() -> None:
    journey = _journey(
        [
            {"name": "Before", "touchpoints": [{"id": "x", "name": "X", "channel": "web"}]},
            {
                "name": "Ways in",
                "touchpoints_are": "alternatives",
                "touchpoints": [
                    {"id": "ad", "name": "Ad", "channel": "ads"},
                    {"id": "seo", "name": "Search", "channel": "search"},
                ],
            },
            {"name": "Buy", "touchpoints": [{"id": "shop", "name": "Shop", "channel": "web"}]},
        ]
    )
    edges = flow(journey)
    assert [(e.tail, e.tail_stage, e.head, e.head_stage) for e in edges] == [
        ("x", False, "ways-in", True),
        ("ways-in", True, "shop", False),
    ]
    graph = build_flow_graph(journey)
    [row] = graph.stages[1].rows
    assert [touchpoint.id for touchpoint in row.touchpoints] == ["ad", "seo"] and graph.stages[1].alternatives


def test_alternatives_that_each_say_where_they_lead_have_no_stage_exit() -> None:
    journey = _journey(
        [
            {
                "name": "Ways in",
                "touchpoints_are": "alternatives",
                "touchpoints": [
                    {"id": "ad", "name": "Ad", "channel": "ads", "next": ["shop"]},
                    {"id": "seo", "name": "Search", "channel": "search", "next": ["shop"]},
                ],
            },
            {"name": "Buy", "touchpoints": [{"id": "shop", "name": "Shop", "channel": "web"}]},
        ]
    )
    assert [(edge.tail, edge.head, edge.tail_stage) for edge in flow(journey)] == [
        ("ad", "shop", False),
        ("seo", "shop", False),
    ]


def test_notes_sit_with_their_touchpoint_and_links_stay_in_their_stage() -> None:
    journey = _journey(
        [
            {
                "name": "One",
                "touchpoints": [{"id": "t1", "name": "T1", "channel": "web"}],
                "pain_points": [{"id": "p1", "text": "P1", "touchpoint": "t1"}, {"id": "p0", "text": "Stage-wide"}],
                "opportunities": [{"id": "o1", "text": "O1", "addresses": ["p1", "p2"]}],
            },
            {
                "name": "Two",
                "touchpoints": [{"id": "t2", "name": "T2", "channel": "web"}],
                "pain_points": [{"id": "p2", "text": "P2", "touchpoint": "t2"}],
                "opportunities": [{"id": "o2", "text": "O2", "addresses": ["p1"]}],
            },
        ]
    )
    graph = build_flow_graph(journey)
    first, second = graph.stages
    assert [row.touchpoints[0].id if row.touchpoints else "" for row in first.rows] == ["t1", ""]
    assert [pain.id for pain in first.rows[0].notes["t1"].pain_points] == ["p1"]
    assert [item.id for item in first.rows[0].notes["t1"].opportunities] == ["o1"]
    assert [pain.id for pain in first.rows[1].notes[""].pain_points] == ["p0"]
    # o2 addresses a pain point of another stage: its stage's own row, and no line across stages.
    assert [item.id for item in second.rows[-1].notes[""].opportunities] == ["o2"]
    assert graph.links == (AddressLink("o1", "p1"),)
