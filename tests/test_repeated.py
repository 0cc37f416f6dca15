"""A key written twice, explained by its likely cause: a dedented key, a new item without `- `, an empty key above."""

from __future__ import annotations

import pytest

from cjm.loader import Document, parse_text
from cjm.pipeline import check_document

HEAD = "cjm: 1\ntitle: T\nstages:\n"


def _repeated(text: str) -> list[tuple[int, int, str, str | None]]:
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    return [(d.line, d.column, d.message, d.hint) for d in document.problems if d.code == "CJM106"]


@pytest.mark.parametrize(
    ("body", "where", "hint"),
    [
        (  # a touchpoint's emotion dedented into the stage that has one
            "  - name: A\n    emotion: 2\n    touchpoints:\n      - name: X\n        emotion: 3\n"
            "      - name: Y\n    emotion: 1\n",
            (10, 5),
            "it probably belongs to the touchpoint at line 9, dedented out of it: indent it to line up with "
            "`name:` at line 9 (column 9)",
        ),
        (  # a touchpoint's name dedented: the last touchpoint lacks one
            "  - name: A\n    touchpoints:\n      - name: X\n      - channel: web\n    name: Y\n",
            (8, 5),
            "it probably belongs to the touchpoint at line 7, dedented out of it: indent it to line up with "
            "`channel:` at line 7 (column 9)",
        ),
        (  # a KPI's name dedented into the stage
            "  - name: A\n    kpis:\n      - value: 3\n    name: NPS\n",
            (7, 5),
            "it probably belongs to the KPI at line 6, dedented out of it: indent it to line up with "
            "`value:` at line 6 (column 9)",
        ),
    ],
)
def test_a_repeated_key_dedented_out_of_the_object_above_names_where_it_belongs(
    body: str, where: tuple[int, int], hint: str
) -> None:
    [(line, column, message, found)] = _repeated(HEAD + body)
    assert (line, column) == where
    assert message.startswith(f"`{message.split('`')[1]}` is written twice here (first at line ")
    assert found == hint


def test_the_persona_field_dedented_to_the_top_level() -> None:
    text = "cjm: 1\ntitle: T\ndescription: Map\npersona:\n  name: Maya\ndescription: She buys\n" + "stages:\n"
    [(line, column, message, hint)] = _repeated(text + "  - name: A\n")
    assert (line, column, message) == (
        6,
        1,
        "`description` is written twice here (first at line 3); YAML would keep only one",
    )
    assert hint == (
        "it probably belongs under `persona:`, dedented out of it: "
        "indent it to line up with `name:` at line 5 (column 3)"
    )


def test_a_new_item_without_its_dash_is_named_for_each_repeated_key() -> None:
    body = "  - name: A\n    touchpoints:\n      - name: X\n        channel: web\n"
    body += "        name: Y\n        channel: email\n"
    found = _repeated(HEAD + body)
    assert [(line, column) for line, column, _, _ in found] == [(8, 9), (9, 9)]
    expected = (
        "line 8 probably starts another item of the list: write `- ` before `name:`, at column 7, "
        "like the item at line 6"
    )
    assert [hint for *_, hint in found] == [expected, expected]


def test_an_empty_key_above_and_a_plain_repeat() -> None:
    [(_, _, _, hint)] = _repeated(HEAD + "  - name: A\n    touchpoints:\n    name: B\n")
    assert hint is not None and hint.startswith("if these keys belong under `touchpoints:` at line 5")
    [(_, _, _, hint)] = _repeated(HEAD + "  - name: A\n    emotion: 2\n    emotion: 4\n")
    assert hint == "remove or rename one of them"


def test_the_rest_of_the_file_is_still_checked_and_the_first_value_kept() -> None:
    text = HEAD + "  - name: A\n    emotion: 2\n    emotion: 4\n    colour: red\n"
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    assert document.data["stages"][0]["emotion"] == 2
    result = check_document(document)
    assert {d.code for d in result.diagnostics if d.severity == "error"} == {"CJM106", "CJM203"}
    assert result.journey is None


def test_a_list_written_in_two_parts_is_joined_in_the_hint() -> None:
    text = HEAD + "  - name: A\nstages:\n  - name: B\n"
    [(line, column, message, hint)] = _repeated(text)
    assert (line, column) == (5, 1)
    assert message == "`stages` is written twice here (first at line 3); YAML would keep only one"
    assert hint == "to keep the items of both, write them in one list under the first `stages:` (line 3)"


def test_keys_equal_as_yaml_reads_them_are_one_key_written_twice() -> None:
    [(line, column, message, _)] = _repeated("cjm: 1\ntitle: T\n1: a\n0x1: b\nstages:\n  - name: A\n")
    assert (line, column) == (4, 1)
    assert message == "`0x1` is written twice here (first at line 3); YAML would keep only one"
