"""French words for the format's fixed values get the value they stand for."""

from __future__ import annotations

from typing import get_args

import pytest

from cjm import model, synonyms
from cjm.translation import translate
from tests.test_validation import FIXED

LEVELS = get_args(model.Level)
SEVERITIES = get_args(model.Severity)


@pytest.mark.parametrize(
    ("word", "allowed", "expected"),
    [
        ("haute", SEVERITIES, "high"),
        ("Élevée", SEVERITIES, "high"),
        ("elevee", LEVELS, "high"),
        ("critique", SEVERITIES, "critical"),
        ("majeure", LEVELS, "high"),  # high where critical is not allowed
        ("en cours", get_args(model.Status), "in-progress"),
        ("En-Cours", get_args(model.Status), "in-progress"),
        ("état actuel", get_args(model.MapType), "current-state"),
        ("détenu", get_args(model.TouchpointKind), "owned"),
        ("bas", get_args(model.Better), "lower"),  # the same word, the value allowed where it was written
        ("bas", SEVERITIES, "low"),
        ("oui", synonyms.BOOLEAN_VALUES, "yes"),
        ("non", synonyms.BOOLEAN_VALUES, "no"),
        ("français", ("en", "fr"), "fr"),
    ],
)
def test_french_word_means_an_allowed_value(word: str, allowed: tuple[str, ...], expected: str) -> None:
    assert synonyms.meant(word, allowed) == expected


@pytest.mark.parametrize(("word", "allowed"), [("huge", SEVERITIES), ("critique", LEVELS), (3, SEVERITIES)])
def test_no_guess_without_a_match(word: object, allowed: tuple[str, ...]) -> None:
    assert synonyms.meant(word, allowed) is None
    assert synonyms.hint(word, allowed) is None


def test_every_table_value_is_a_value_of_the_format() -> None:
    # Every fixed value of the format, read from the models as the validation test reads them.
    values = {value for _, _, value in FIXED} | set(synonyms.BOOLEAN_VALUES) | {"en", "fr"}
    for table in synonyms.WORDS.values():
        for candidates in table.values():
            assert set(candidates) <= values, candidates


def test_hint_is_a_message_in_both_languages() -> None:
    found = synonyms.hint("haute", SEVERITIES)
    assert found == "did you mean `high`?"
    assert translate(found, "fr") == "vouliez-vous dire `high`\u202f?"
