"""Emotion scores mapped onto other scales."""

from __future__ import annotations

from cjm.emotion import to_five
from cjm.model import EmotionScale


def test_mermaid_scores_keep_halves_apart() -> None:
    # 1.5, 2.5, 3.5 and 4.5 on a 1..5 scale: four different scores, four different Mermaid levels.
    scale = EmotionScale(min=1, max=5, neutral=3)
    assert [to_five(score, scale) for score in (1.5, 2.5, 3.5, 4.5)] == [2, 3, 4, 5]
