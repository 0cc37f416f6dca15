"""Reporters on hand-built diagnostics: carets span the value, position-less problems have no made-up 1:1."""

from __future__ import annotations

import json

from cjm.diagnostics import Diagnostic, make
from cjm.pipeline import FileResult
from cjm.reporters import REPORTERS

SOURCE = "cjm: 1\ntitle: T\nreviewed: last week  # soon\n"


def result(*diagnostics: Diagnostic) -> FileResult:
    return FileResult("map.yaml", None, None, list(diagnostics), source=SOURCE)


def test_the_caret_spans_the_whole_value_when_its_end_is_known() -> None:
    spanned = make("CJM204", "map.yaml", 3, 11, "not a date", end_column=19)
    text = REPORTERS["text"]([result(spanned)], False).stderr
    assert "    3 │ reviewed: last week  # soon\n" in text
    assert "      │           ^^^^^^^^^\n" in text


def test_without_an_end_the_caret_spans_the_token() -> None:
    text = REPORTERS["text"]([result(make("CJM204", "map.yaml", 3, 11, "not a date"))], False).stderr
    assert "      │           ^^^^\n" in text


def test_a_problem_without_a_position() -> None:
    missing = make("CJM101", "nope.yaml", 0, 0, "no such file: nope.yaml")
    lone = FileResult("nope.yaml", None, None, [missing])
    text = REPORTERS["text"]([lone], False).stderr
    assert text.startswith("nope.yaml: error CJM101 no such file") and "│" not in text
    [item] = json.loads(REPORTERS["json"]([lone], False).stdout)
    assert (item["line"], item["column"], item["end_column"]) == (None, None, None)
    assert REPORTERS["github"]([lone], False).stdout == "::error file=nope.yaml,title=CJM101::no such file: nope.yaml\n"


def test_json_and_github_carry_the_end_column() -> None:
    spanned = make("CJM204", "map.yaml", 3, 11, "not a date", end_column=19)
    [item] = json.loads(REPORTERS["json"]([result(spanned)], False).stdout)
    assert item["end_column"] == 19
    assert ",col=11,endColumn=19,title=CJM204::" in REPORTERS["github"]([result(spanned)], False).stdout


def test_source_lines_are_counted_as_editors_count_them() -> None:
    source = "cjm: 1\ntitle: a\u2028b\nowner: x\r\n"
    diagnostic = make("CJM114", "map.yaml", 3, 1, "x")
    lines = REPORTERS["text"]([FileResult("map.yaml", None, None, [diagnostic], source=source)], False).stderr
    assert "    3 │ owner: x\n" in lines
