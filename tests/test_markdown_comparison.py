"""cjm.renderers.markdown_comparison: a future-state map against its baseline."""

from __future__ import annotations

from typing import Any

from cjm.model import Journey
from cjm.renderers.markdown_cells import Text
from cjm.renderers.markdown_comparison import comparison


def _map(title: str, stages: list[dict[str, Any]]) -> Journey:
    return Journey.model_validate({"cjm": 1, "title": title, "stages": stages})


def test_scores_per_stage_resolved_pain_points_and_touchpoints() -> None:
    before = _map(
        "Today",
        [{"name": "Pay", "emotion": 1, "pain_points": [{"id": "fees", "text": "Hidden fees", "severity": "critical"}]}],
    )
    after = _map(
        "Tomorrow", [{"name": "Pay", "emotion": 4, "touchpoints": [{"name": "Wallet", "channel": "mobile-app"}]}]
    )
    blocks = comparison(after, before, Text(after))
    flat = "\n".join("\n".join(block) for block in blocks)
    assert "| Pay | ▼▼ 1 | ▲ 4 | +3 ▲ |" in flat
    assert "| Critical | Hidden fees | Pay |" in flat
    assert "| Wallet (Mobile app) | Pay |" in flat
