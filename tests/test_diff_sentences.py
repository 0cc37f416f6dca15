"""Each change as one sentence: values shown as the map shows them, in English and in French."""

from __future__ import annotations

import datetime

import pytest

from cjm.diff import Change, JourneyDiff
from cjm.diff_sentences import codes, describe
from cjm.model import EmotionScale
from cjm.translation import use_language

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("change", "english", "french"),
    [
        (
            Change("map", "map", "changed", "type", "current-state", "future-state", field="type"),
            "`type`: current state → future state",
            f"`type`{NBSP}: état actuel → état futur",
        ),
        (
            Change("kpi", "Abandonment", "value", "Abandonment", 71, 55, "better", "checkout", units=("%", "%")),
            "KPI “Abandonment” in stage `checkout`: 71% → 55% (better)",
            f"indicateur «{NBSP}Abandonment{NBSP}» de l’étape `checkout`{NBSP}: 71{NBSP}% → 55{NBSP}% (mieux)",
        ),
        (
            Change("kpi", "Order value", "target", "Order value", 54, 56.5, None, "pay", units=("€", "€")),
            f"KPI “Order value” in stage `pay`, target: 54{NBSP}€ → 56.5{NBSP}€",
            f"indicateur «{NBSP}Order value{NBSP}» de l’étape `pay`, cible{NBSP}: 54{NBSP}€ → 56,5{NBSP}€",
        ),
        (
            Change("opportunity", "o", "changed", "O", "low", "high", None, "s", field="impact"),
            "opportunity `o`, `impact`: low → high",
            f"opportunité `o`, `impact`{NBSP}: faible → élevé",
        ),
        (
            Change("touchpoint", "t", "changed", "T", None, "paid", None, "s", field="kind"),
            "touchpoint `t`, `kind`: not stated → paid",
            f"point de contact `t`, `kind`{NBSP}: à préciser → média payant",
        ),
        (
            Change("touchpoint", "t", "channel", "T", "email", "branch", None, "s"),
            "touchpoint `t` switched channel: Email → Bank branch",
            f"point de contact `t`, changement de canal{NBSP}: E-mail → Bank branch",
        ),
        (
            Change("touchpoint", "t", "changed", "T", "31% leave", "24% leave", None, "s", field="drop_off"),
            "touchpoint `t`, `drop_off`: “31% leave” → “24% leave”",
            f"point de contact `t`, `drop_off`{NBSP}: «{NBSP}31% leave{NBSP}» → «{NBSP}24% leave{NBSP}»",
        ),
        (
            Change("touchpoint", "t", "changed", "T", False, True, None, "s", field="moment_of_truth"),
            "touchpoint `t` is now a moment of truth",
            "point de contact `t` devient un moment de vérité",
        ),
        (
            Change("persona", "persona", "changed", "digital_maturity", "medium", "high", field="digital_maturity"),
            "`digital_maturity`: medium → high",
            f"`digital_maturity`{NBSP}: moyenne → élevée",
        ),
        (
            Change(
                "map",
                "map",
                "changed",
                "reviewed",
                datetime.date(2026, 11, 2),
                datetime.date(2026, 12, 1),
                field="reviewed",
            ),
            "`reviewed`: 2 November 2026 → 1 December 2026",
            f"`reviewed`{NBSP}: 2 novembre 2026 → 1er décembre 2026",
        ),
        (
            Change("map", "map", "changed", "emotion_scale.min", 1, -2, field="emotion_scale.min"),
            "`emotion_scale.min`: 1 → −2",
            f"`emotion_scale.min`{NBSP}: 1 → −2",
        ),
        (
            Change("stage", "s", "changed", "S", "sequence", "alternatives", field="touchpoints_are"),
            "stage `s`, `touchpoints_are`: a sequence → alternatives",
            f"étape `s`, `touchpoints_are`{NBSP}: une séquence → des alternatives",
        ),
        (
            Change("pain point", "p", "item-added", "P", None, "Chat logs", None, "s", field="evidence"),
            "pain point `p`: “Chat logs” added to `evidence`",
            f"point de friction `p`, `evidence`, ajout{NBSP}: «{NBSP}Chat logs{NBSP}»",
        ),
        (
            Change(
                "touchpoint",
                "t",
                "item-added",
                "T",
                None,
                {"to": "call", "label": "app fails"},
                None,
                "s",
                field="next",
            ),
            "touchpoint `t`: `call` (“app fails”) added to `next`",
            f"point de contact `t`, `next`, ajout{NBSP}: `call` («{NBSP}app fails{NBSP}»)",
        ),
        (
            Change("touchpoint", "t", "changed", "T", None, [{"to": "call"}, {"to": "chat"}], None, "s", field="next"),
            "touchpoint `t`, `next`: the listed order → `call`, `chat`",
            f"point de contact `t`, `next`{NBSP}: l’ordre de la liste → `call`, `chat`",
        ),
        (
            Change("touchpoint", "t", "changed", "T", [{"to": "call"}], [], None, "s", field="next"),
            "touchpoint `t`, `next`: `call` → the journey ends here",
            f"point de contact `t`, `next`{NBSP}: `call` → le parcours s’arrête ici",
        ),
        (
            Change("persona", "persona", "reordered", "goals", ["a", "b"], ["b", "a"], field="goals"),
            "`goals` in a new order",
            "`goals` dans un nouvel ordre",
        ),
    ],
)
def test_values_read_as_the_map_shows_them(change: Change, english: str, french: str) -> None:
    context = JourneyDiff("old", "new", channels={"branch": "Bank branch"})
    assert describe(change, context) == english
    use_language("fr")
    assert describe(change, context) == french


def test_an_emotion_reads_with_the_scale_word_as_on_the_map() -> None:
    scale = EmotionScale(min=-2, max=2, neutral=0, labels={-2: "Furious", -1: "Annoyed", 1: "Pleased"})
    context = JourneyDiff("old", "new", scales=(scale, scale))
    change = Change("touchpoint", "t", "emotion", "T", -1, 1, "better", "s")
    assert describe(change, context) == "touchpoint `t` emotion: −1 Annoyed → 1 Pleased (better)"


def test_a_rename_that_changed_a_derived_id_says_how_to_keep_it() -> None:
    change = Change(
        "stage",
        "browse-the-catalogue",
        "renamed",
        "Browse the catalogue",
        "Browse",
        "Browse the catalogue",
        old_id="browse",
        derived=True,
    )
    assert describe(change) == (
        "stage `browse-the-catalogue` renamed: “Browse” → “Browse the catalogue” "
        "(its id comes from its name and was `browse`: write `id: browse` to keep it)"
    )
    assert {"browse", "id: browse", "browse-the-catalogue"} <= codes(change)
    written = Change("pain point", "pp-new", "renamed", "New words", "Old words", "New words", old_id="pp-old")
    assert describe(written) == "pain point `pp-new` reworded: “Old words” → “New words” (id was `pp-old`)"
    use_language("fr")
    assert describe(change).endswith(
        f"(son identifiant, tiré de son nom, était `browse`{NBSP}: écrivez `id: browse` pour le conserver)"
    )


def test_a_split_stage_says_where_its_touchpoints_went() -> None:
    added = Change("stage", "payment", "added", "Payment", after=3, related=("checkout",))
    removed = Change("stage", "checkout", "removed", "Checkout", before=3, related=("delivery-details", "payment"))
    assert describe(added) == "stage `payment` added: “Payment”, with touchpoints from `checkout`"
    assert (
        describe(removed)
        == "stage `checkout` removed: “Checkout”; its touchpoints went to `delivery-details`, `payment`"
    )
    assert {"checkout", "delivery-details", "payment"} <= codes(removed)


def test_a_new_object_says_its_channel_severity_or_status() -> None:
    pain = Change("pain point", "p", "added", "Slots sell out", after="high", verdict="worse", stage="s")
    touchpoint = Change("touchpoint", "t", "added", "Slot picker", after="web", stage="s")
    unstated = Change("opportunity", "o", "added", "Second van", after=None, stage="s")
    assert describe(pain) == "pain point `p` added in stage `s`: “Slots sell out” (severity: high)"
    assert describe(touchpoint) == "touchpoint `t` added in stage `s`: “Slot picker” (channel: Website)"
    assert describe(unstated) == "opportunity `o` added in stage `s`: “Second van”"
    use_language("fr")
    assert describe(pain).endswith(f"«{NBSP}Slots sell out{NBSP}» (gravité{NBSP}: élevée)")


SUBJECTS = ("map", "persona", "stage", "touchpoint", "pain point", "opportunity", "kpi", "channel")


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("subject", SUBJECTS)
@pytest.mark.parametrize("kind", ["changed", "item-added", "item-removed", "reordered"])
def test_every_field_sentence_of_every_object_is_whole(language: str, subject: str, kind: str) -> None:
    # A field change of any object reads as a sentence: no placeholder left, no Python value shown.
    before, after = (["a", "b"], ["b", "a"]) if kind == "reordered" else ("x y", "y z")
    use_language(language)
    sentence = describe(Change(subject, "some-id", kind, "Some name", before, after, None, "a-stage", field="owner"))
    assert "None" not in sentence and "{" not in sentence and "'" not in sentence, sentence
    assert "`owner`" in sentence


def test_a_kpi_added_before_it_is_measured_says_so_without_a_value() -> None:
    measured = Change("kpi", "NPS", "added", "NPS", after=42, stage="s", units=(None, "pts"))
    unmeasured = Change("kpi", "NPS", "added", "NPS", stage="s")
    assert describe(measured) == "KPI “NPS” added in stage `s`: 42\u00a0pts"
    assert describe(unmeasured) == "KPI “NPS” added in stage `s`"
    assert describe(Change("kpi", "NPS", "removed", "NPS", stage="s")) == "KPI “NPS” removed from stage `s`"
