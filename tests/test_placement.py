"""Unknown keys explained where they belong: dedented, over-indented, another object's, or misspelt."""

from __future__ import annotations

from typing import Any

import pytest

from cjm.loader import Document, parse_text
from cjm.placement import explain_unknown_keys, moved_values
from cjm.validation import validate_document


def _unknown(text: str) -> list[tuple[int, int, str, str | None]]:
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    _, found = validate_document(document)
    return [(d.line, d.column, d.message, d.hint) for d in found if d.code == "CJM203"]


def test_touchpoint_fields_dedented_to_the_stage_are_one_problem_naming_the_kept_value() -> None:
    text = "cjm: 1\ntitle: T\nstages:\n  - name: A\n    touchpoints:\n      - name: X\n    kind: paid\n    emotion: 2\n"
    [(line, column, message, hint)] = _unknown(text)
    assert (line, column) == (7, 5)
    assert message.startswith("`kind` and `emotion` belong to a touchpoint")
    assert "`emotion: 2` is read as the stage's" in message
    assert hint == "indent them under the touchpoint at line 6, to line up with `name:` (column 9)"


def test_a_key_after_another_kind_of_list_is_not_taken_for_a_dedent() -> None:
    # `pain_points` comes between the touchpoints and `kind`: nothing says `kind` moved out of them.
    text = "cjm: 1\ntitle: T\nstages:\n  - name: A\n    touchpoints:\n      - name: X\n"
    text += "    pain_points: [Slow]\n    kind: paid\n"
    [(_, _, message, hint)] = _unknown(text)
    assert message == "unknown field `kind` in stage `A`: `kind` is a field of a touchpoint"
    assert hint == "move it into a touchpoint, or remove it"


def test_stage_fields_indented_into_a_touchpoint() -> None:
    text = "cjm: 1\ntitle: T\nstages:\n  - name: A\n    touchpoints:\n      - name: X\n        duration: 2 days\n"
    [(line, column, message, hint)] = _unknown(text)
    assert (line, column) == (7, 9)
    assert message == "`duration` belongs to the stage, not to a touchpoint: it is indented too far"
    assert hint == "dedent it to line up with `name:` at line 4 (column 5)"


def test_persona_fields_dedented_to_the_top_level() -> None:
    text = "cjm: 1\ntitle: T\npersona:\n  name: S\nquote: Too slow\nstages:\n  - name: A\n"
    [(_, _, message, hint)] = _unknown(text)
    assert message == "`quote` belongs to the persona, but it is at the top level"
    assert hint == "indent it under `persona:` at line 3, to line up with `name:` (column 3)"


@pytest.mark.parametrize(
    ("key", "value", "hint"),
    [
        ("emotions", 2, "did you mean `emotion`?"),
        ("chanel", "web", "did you mean `channel`?"),
        ("drop_of", "68% leave", "did you mean `drop_off`?"),
        # The nearest spelling takes a number: "happy" does not fit it, so it is not suggested as is.
        ("emotions", "happy", "the nearest field here, `emotion`, takes a number, not `happy`"),
        ("colour", "red", None),
    ],
)
def test_did_you_mean_only_suggests_a_field_that_fits_the_value(key: str, value: Any, hint: str | None) -> None:
    text = f"cjm: 1\ntitle: T\nstages:\n  - name: A\n    touchpoints:\n      - name: X\n        {key}: {value}\n"
    [(_, _, message, shown)] = _unknown(text)
    assert message.startswith(f"unknown field `{key}` in touchpoint `X`")
    if hint is None:
        assert shown is not None and shown.startswith("known fields here: ")
        assert "name" not in shown.split(": ", 1)[1].split(", "), "fields already there are not offered"
    else:
        assert shown == hint


def test_a_field_already_present_is_not_suggested() -> None:
    text = "cjm: 1\ntitle: T\npersona:\n  name: S\n  goals: [A]\n  goal: B\nstages:\n  - name: A\n"
    [(_, _, message, hint)] = _unknown(text)
    assert message.startswith("unknown field `goal` in the persona")
    assert hint != "did you mean `goals`?"


def test_keys_outside_any_model_still_get_a_diagnostic() -> None:
    document = parse_text("cjm: 1\ntitle: T\nstages:\n  - name: A\n", "map.yaml")
    assert isinstance(document, Document)
    [found] = explain_unknown_keys(document, [("stages", 0, "name", "deep")])
    assert (found.code, found.message) == ("CJM203", "unknown field `deep`")


def _moved(text: str) -> list[tuple[int, str]]:
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    return [(d.line, d.message) for d in moved_values(document)]


TOUCHPOINTS = "cjm: 1\ntitle: T\nstages:\n  - name: A\n    touchpoints:\n      - {name: X, emotion: 3}\n"


def test_a_value_dedented_out_of_the_last_item_is_pointed_out() -> None:
    [(line, message)] = _moved(TOUCHPOINTS + "      - name: Y\n    emotion: 1\n")
    assert line == 8
    assert message.startswith("`emotion: 1` follows `touchpoints:` at the depth of the stage's fields")


@pytest.mark.parametrize(
    "tail",
    [
        "      - {name: Y, emotion: 2}\n    emotion: 1\n",  # the last item has its own
        "    emotion: 1\n",  # a single item: nothing to compare with
        "      - name: Y\n    pain_points: [P]\n    emotion: 1\n",  # another list between them
    ],
)
def test_a_stage_value_after_its_touchpoints_is_not_doubted_without_a_sign(tail: str) -> None:
    assert _moved(TOUCHPOINTS + tail) == []
