"""KPIs against their targets: the one place that judges a KPI on or off target.

Why a module: the HTML page, the Markdown report and the diff all say whether a KPI is good,
and they must agree. The judgement needs the direction (`better:`); when the author did not
state it, cjm does not assume one.
"""

from __future__ import annotations

from cjm.model import KPI


def on_target(kpi: KPI) -> bool | None:
    """Whether a KPI meets its target: True, False, or None when it cannot be told.

    None without a value or a target, and when `better` is not stated and the value differs
    from the target (a value equal to its target meets it whichever way is better).
    """
    if kpi.value is None or kpi.target is None:
        return None
    if kpi.value == kpi.target:
        return True
    if kpi.better is None:
        return None
    return kpi.value > kpi.target if kpi.better == "higher" else kpi.value < kpi.target


def improved(before: float | None, after: float | None, better: str | None) -> bool | None:
    """Whether a KPI moving from `before` to `after` is an improvement; None when it cannot be told.

    None when a side is missing, the value did not change, or the direction is not stated.
    """
    if before is None or after is None or before == after or better is None:
        return None
    return after > before if better == "higher" else after < before
