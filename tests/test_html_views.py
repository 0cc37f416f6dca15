"""cjm.renderers.html_views: the page's view values are frozen, so the template cannot change them."""

from __future__ import annotations

import pytest

from cjm.renderers.html_views import Badge, KPIView


def test_views_are_frozen_values() -> None:
    badge = Badge("On target", "kpi-on")
    with pytest.raises(AttributeError):
        badge.text = "changed"  # type: ignore[misc]
    assert KPIView("NPS", "42", None, badge, "Better when: higher") == KPIView(
        "NPS", "42", None, Badge("On target", "kpi-on"), "Better when: higher"
    )
