"""Which object is which when its id changed with its name: renames, rewordings, splits and merges."""

from __future__ import annotations

from typing import Any

from cjm.diff import diff_journeys
from cjm.diff_match import ALIKE, SOMEWHAT, in_order, match, pair, similarity
from cjm.model import Journey


def _map(*stages: dict[str, Any]) -> Journey:
    return Journey.model_validate({"cjm": 1, "title": "Sofa", "stages": list(stages)})


CHECKOUT = {
    "name": "Checkout",
    "touchpoints": [{"name": "Delivery form", "channel": "web"}, {"name": "Payment page", "channel": "web"}],
    "pain_points": [{"text": "Delivery slots only shown after payment", "evidence": ["Tickets, October"]}],
}


def test_similarity_ignores_case_and_spacing_and_tells_rewordings_from_other_names() -> None:
    assert similarity("Checkout", "checkout ") == 1
    assert similarity("Dimensions are hidden in a PDF", "Dimensions are buried in a PDF nobody opens") >= ALIKE
    assert similarity("Préparer le déménagement", "Préparer son déménagement") >= ALIKE
    assert similarity("Delivery slots only shown after payment", "Card declined without a reason") < SOMEWHAT
    assert similarity("Checkout", "Order") == 0


def test_pairs_are_taken_best_first_in_file_order() -> None:
    found = pair(["Browse", "Delivery slots"], ["Delivery slot", "Browsing"], str, lambda old, new: 0.0)
    assert found == [("Delivery slots", "Delivery slot"), ("Browse", "Browsing")]
    assert pair(["Browse"], ["Delivery"], str, lambda old, new: 0.0) == []


def test_a_stage_renamed_without_id_is_one_stage_renamed_with_its_content() -> None:
    before = _map({"name": "Browse", "touchpoints": [{"name": "Category page"}]}, CHECKOUT)
    after = _map({"name": "Browse the catalogue", "touchpoints": [{"name": "Category page", "emotion": 4}]}, CHECKOUT)
    diff = diff_journeys(before, after)
    assert [(c.kind, c.id, c.old_id, c.derived) for c in diff.stages] == [
        ("renamed", "browse-the-catalogue", "browse", True)
    ]
    # What changed inside is reported, and the touchpoint did not move: its stage was renamed.
    assert [(c.kind, c.id) for c in diff.touchpoints] == [("emotion", "category-page")]
    assert [row.stage for row in diff.emotions] == ["browse-the-catalogue", "checkout"]


def test_a_stage_renamed_to_another_word_is_matched_by_its_content() -> None:
    after = _map({**CHECKOUT, "name": "Order"})
    diff = diff_journeys(_map(CHECKOUT), after)
    assert [(c.kind, c.before, c.after) for c in diff.stages] == [("renamed", "Checkout", "Order")]
    assert diff.touchpoints == [] and diff.pain_points == []


def test_a_split_stage_is_not_taken_as_renamed() -> None:
    after = _map(
        {"name": "Delivery details", "touchpoints": [CHECKOUT["touchpoints"][0]]},
        {"name": "Payment", "touchpoints": [CHECKOUT["touchpoints"][1]], "pain_points": CHECKOUT["pain_points"]},
    )
    diff = diff_journeys(_map(CHECKOUT), after)
    assert [(c.kind, c.id, c.related) for c in diff.stages] == [
        ("added", "delivery-details", ("checkout",)),
        ("added", "payment", ("checkout",)),
        ("removed", "checkout", ("delivery-details", "payment")),
    ]
    assert {(c.id, c.kind, c.after) for c in diff.touchpoints} == {
        ("delivery-form", "moved", "delivery-details"),
        ("payment-page", "moved", "payment"),
    }


def test_a_reworded_pain_point_keeps_its_evidence_and_is_matched() -> None:
    reworded = {
        **CHECKOUT,
        "pain_points": [
            {
                "text": "Customers only see delivery dates once they have paid",
                "evidence": ["Tickets, October", "Chat logs"],
            }
        ],
    }
    diff = diff_journeys(_map(CHECKOUT), _map(reworded))
    kinds = [(c.kind, c.field) for c in diff.pain_points]
    assert kinds == [("renamed", None), ("item-added", "evidence")]
    assert diff.pain_points[0].old_id == "delivery-slots-only-shown-after-payment"


def test_a_closed_pain_point_and_a_new_one_are_not_a_rewording() -> None:
    # Same stage, no shared evidence or opportunity, different words: one resolved, one new.
    other = {**CHECKOUT, "pain_points": [{"text": "Card declined without a reason", "evidence": ["Chat logs"]}]}
    diff = diff_journeys(_map(CHECKOUT), _map(other))
    assert sorted(c.kind for c in diff.pain_points) == ["added", "resolved"]


def test_another_problem_at_the_same_touchpoint_is_not_a_rewording() -> None:
    # Same stage, touchpoint and severity, one word in common: the team closed one problem and found another.
    def version(text: str) -> Journey:
        pain = {"text": text, "severity": "high", "touchpoint": "delivery-form"}
        return _map({**CHECKOUT, "pain_points": [pain]})

    diff = diff_journeys(
        version("Delivery slots only shown after payment"), version("Delivery form rejects flat numbers")
    )
    assert sorted(c.kind for c in diff.pain_points) == ["added", "resolved"]


def test_an_opportunity_reworded_follows_the_pain_point_it_addresses() -> None:
    def version(pain: str, idea: str) -> Journey:
        stage = {
            **CHECKOUT,
            "pain_points": [{"id": "pp-slots", "text": pain}],
            "opportunities": [{"text": idea, "addresses": ["pp-slots"], "status": "planned"}],
        }
        return _map(stage)

    renames = match(
        version("Slots late", "Show slots first"), version("Slots late", "Offer a delivery date on the cart")
    )
    assert renames.ids["opportunity"] == {"show-slots-first": "offer-a-delivery-date-on-the-cart"}


def test_a_kpi_renamed_or_moved_keeps_its_history() -> None:
    def version(stage: str, name: str, value: float) -> Journey:
        kpi = {"name": name, "value": value, "unit": "%", "target": 50, "better": "lower"}
        return _map({"name": "Browse"}, {"name": stage, "kpis": [kpi]})

    diff = diff_journeys(version("Checkout", "Abandonment", 71), version("Checkout", "Abandonment rate", 55))
    assert [(c.kind, c.before, c.after, c.verdict) for c in diff.kpis] == [
        ("renamed", "Abandonment", "Abandonment rate", None),
        ("value", 71, 55, "better"),
    ]
    moved = diff_journeys(
        version("Checkout", "Abandonment", 71),
        _map(
            {
                "name": "Browse",
                "kpis": [{"name": "Abandonment", "value": 71, "unit": "%", "target": 50, "better": "lower"}],
            },
            {"name": "Checkout"},
        ),
    )
    assert [(c.kind, c.before, c.after) for c in moved.kpis] == [("moved", "checkout", "browse")]


def test_renames_are_deterministic() -> None:
    before = _map({"name": "A", "touchpoints": [{"name": "Page one"}, {"name": "Page two"}]})
    after = _map({"name": "A", "touchpoints": [{"name": "Page 1"}, {"name": "Page 2"}]})
    found = [match(before, after).ids["touchpoint"] for _ in range(3)]
    assert found[0] == {"page-one": "page-1", "page-two": "page-2"} and found.count(found[0]) == 3


def test_a_stage_dragged_elsewhere_is_the_only_one_moved() -> None:
    names = ["Discover", "Research", "Cart", "Checkout", "Delivery"]
    before = _map(*({"name": name} for name in names))
    after = _map(*({"name": name} for name in ["Discover", "Cart", "Checkout", "Delivery", "Research"]))
    diff = diff_journeys(before, after)
    assert [(c.kind, c.id, c.before, c.after) for c in diff.stages] == [("moved", "research", 2, 5)]


def test_a_map_whose_every_name_changed_is_matched_fully() -> None:
    # 400 touchpoints and 100 pain points, every one renamed: each is still matched (no removal, no addition).
    def version(prefix: str) -> Journey:
        stages = [
            {
                "name": f"Stage {s}",
                "touchpoints": [
                    {"name": f"{prefix} touchpoint {s}-{t} on the web", "channel": "web"} for t in range(20)
                ],
                "pain_points": [{"text": f"{prefix} pain point {s}-{p} is rather annoying"} for p in range(5)],
            }
            for s in range(20)
        ]
        return Journey.model_validate({"cjm": 1, "title": "T", "stages": stages})

    renames = match(version("Old"), version("New"))
    assert len(renames.ids["touchpoint"]) == 400 and len(renames.ids["pain point"]) == 100
    assert renames.ids["touchpoint"]["old-touchpoint-3-7-on-the-web"] == "new-touchpoint-3-7-on-the-web"


def test_in_order_keeps_the_longest_run_in_the_same_order() -> None:
    assert in_order(["a", "b", "c", "d"], ["a", "c", "d", "b"]) == {"a", "c", "d"}
    assert in_order(["a", "b"], ["a", "b"]) == {"a", "b"}
    assert in_order([], []) == set()


def test_a_renamed_touchpoint_takes_its_pain_points_and_next_steps_along() -> None:
    def version(form: str) -> Journey:
        ident = form.lower().replace(" ", "-")
        return _map(
            {
                "name": "Checkout",
                "touchpoints": [
                    {"name": "Cart", "next": [{"to": ident}]},
                    {"name": form, "channel": "web"},
                ],
                "pain_points": [{"text": "Slots shown late", "touchpoint": ident}],
            }
        )

    diff = diff_journeys(version("Delivery form"), version("Delivery details form"))
    assert [(c.kind, c.id, c.old_id) for c in diff.touchpoints] == [
        ("renamed", "delivery-details-form", "delivery-form")
    ]
    assert diff.pain_points == [] and diff.stages == []
