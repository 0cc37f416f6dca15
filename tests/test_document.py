"""A parsed document as data: values and positions by path, and what a changed document keeps."""

from __future__ import annotations

from cjm.document import Document, SourceMap, Span, get_at
from cjm.loader import parse_text

TEXT = "cjm: 1\ntitle: Pay\nstages:\n  - name: Choose\n    touchpoints: [web]\n"


def test_values_by_path_and_nothing_where_a_path_leads_nowhere() -> None:
    data = {"stages": [{"name": "Choose", "touchpoints": ["web"]}]}
    assert get_at(data, ("stages", 0, "touchpoints", 0)) == "web"
    assert get_at(data, ("stages", 3)) is None
    assert get_at(data, ("stages", 0, "name", "x")) is None
    assert get_at(data, ()) == data


def test_a_path_is_located_at_its_key_or_value_and_an_unknown_one_at_its_nearest_ancestor() -> None:
    document = parse_text(TEXT, "map.yaml")
    assert isinstance(document, Document)
    assert document.positions.locate(("stages", 0, "name")) == (4, 11)
    assert document.positions.locate(("stages", 0, "name"), "key") == (4, 5)
    assert document.positions.locate(("stages", 0, "touchpoints", 0)) == (5, 19)
    assert document.positions.locate(("stages", 0, "owner")) == (4, 5)  # the stage item itself
    assert SourceMap().locate(("anything",)) == (1, 1)


def test_source_maps_are_filled_per_document_and_compare_by_content() -> None:
    first, second = SourceMap(), SourceMap()
    first.spans[("title",)] = Span(2, 1, 2, 8)
    assert second.spans == {} and first != second
    second.spans[("title",)] = Span(2, 1, 2, 8)
    assert first == second and "title" in repr(first)


def test_a_changed_document_is_a_new_one_with_the_rest_kept() -> None:
    document = parse_text(TEXT, "map.yaml")
    assert isinstance(document, Document)
    changed = document._replace(data={"cjm": 1})
    assert changed.data == {"cjm": 1} and document.data["title"] == "Pay"
    assert changed.positions is document.positions and changed.scalars is document.scalars
    bare = Document("map.yaml", TEXT, {}, SourceMap())
    assert dict(bare.scalars) == {} and bare.problems == []
