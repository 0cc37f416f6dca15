"""cjm.renderers.flow_dot: DOT written with the graphviz package, and the human titles of what it draws."""

from __future__ import annotations

from cjm.model import Journey
from cjm.renderers.flow_dot import write_dot
from cjm.renderers.flow_graph import build_flow_graph


def _journey() -> Journey:
    return Journey.model_validate(
        {
            "cjm": 1,
            "title": 'Quote " and <tag>',
            "stages": [
                {
                    "name": "Help",
                    "touchpoints": [
                        {
                            "id": "chat",
                            "name": "Chat <b>",
                            "channel": "chat",
                            "next": [{"to": "call", "label": "no ticket"}],
                        },
                        {"id": "call", "name": "Call centre", "channel": "phone"},
                    ],
                    "pain_points": [{"id": "p", "text": "Has to explain again", "touchpoint": "call"}],
                }
            ],
        }
    )


def test_titles_are_the_maps_words_not_internal_ids() -> None:
    dot = write_dot(build_flow_graph(_journey()))
    assert dot.titles["touchpoint_chat"] == "Chat <b> (Chat)"
    assert dot.titles["flow__touchpoint_chat__touchpoint_call"] == "Chat <b> → Call centre: no ticket"
    assert dot.titles["pain_p"] == "Has to explain again"
    assert dot.titles["stage_help"] == "1. Help"


def test_user_text_is_escaped_inside_html_labels() -> None:
    source = write_dot(build_flow_graph(_journey())).source
    assert "Chat &lt;b&gt;" in source and "<b>" not in source
    assert "Quote &quot; and &lt;tag&gt;" in source
    assert 'class="flow switch"' in source and "no ticket" in source


def test_defaults_can_be_overridden() -> None:
    source = write_dot(build_flow_graph(_journey()), graph_attributes={"ranksep": "0.9"}).source
    assert "ranksep=0.9" in source
