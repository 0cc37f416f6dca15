"""The readable part of an invalid map: what is left out, how positions follow, and what gives up."""

from __future__ import annotations

import copy
import io
import random
from typing import Any

from ruamel.yaml import YAML

from cjm.loader import Document, parse_text
from cjm.partial import Lost, readable_part
from cjm.pipeline import check_document
from tests.conftest import EXAMPLES

MAP = """\
cjm: 1
title: Checkout
stages:
  - name: Search
    touchpoints:
      - {name: Results, channel: search, emotion: lots}
      - {channel: web, id: kiosk}
      - {name: Product page, channel: web}
  - id: Bad Id
    name: Cart
    pain_points:
      - text: Slow
        severity: huge
      - 42
"""


def _document(text: str) -> Document:
    document = parse_text(text, "map.yaml")
    assert isinstance(document, Document)
    return document


def test_bad_values_and_the_objects_missing_a_required_field_are_left_out() -> None:
    readable = readable_part(_document(MAP))
    assert readable is not None
    assert readable.lost.paths == {
        ("stages", 0, "touchpoints", 0, "emotion"),  # a bad optional value: only the value
        ("stages", 0, "touchpoints", 1),  # no name: the touchpoint
        ("stages", 1, "id"),  # a bad id: derived from the name instead
        ("stages", 1, "pain_points", 0, "severity"),
        ("stages", 1, "pain_points", 1),  # not a pain point at all
    }
    [search, cart] = readable.journey.stages
    assert [touchpoint.id for touchpoint in search.touchpoints] == ["results", "product-page"]
    assert search.touchpoints[0].emotion is None
    assert cart.id == "cart" and [pain.id for pain in cart.pain_points] == ["slow"]
    # What the left-out values named, so nothing reports a reference to them as broken.
    assert {"kiosk", "Bad Id"} <= readable.lost.ids


def test_positions_follow_the_items_that_are_left() -> None:
    readable = readable_part(_document(MAP))
    assert readable is not None
    # "Product page" is the second touchpoint of the model and the third of the file (line 8).
    assert readable.document.positions.locate(("stages", 0, "touchpoints", 1, "name")) == (8, 16)
    assert readable.document.positions.locate(("stages", 0, "touchpoints", 0, "name")) == (6, 16)


def test_missing_top_level_fields_get_a_stand_in_that_is_marked_lost() -> None:
    readable = readable_part(_document("cjm: 3\nobjective: Faster checkout\n"))
    assert readable is not None
    assert readable.journey.objective == "Faster checkout"
    assert {("cjm",), ("title",), ("stages",)} <= readable.lost.paths
    assert readable.lost.under(("stages",)) and readable.lost.touches(("stages", 0, "emotion"))
    assert not readable.lost.touches(("objective",))


def test_a_document_that_is_not_a_mapping_has_no_readable_part() -> None:
    document = _document("cjm: 1\n")
    assert readable_part(Document(document.name, document.text, ["a list"], document.positions)) is None


def test_lost_relations() -> None:
    lost = Lost(frozenset({("persona", "goals")}))
    assert lost.touches(("persona",)) and lost.touches(("persona", "goals", 0))
    assert not lost.touches(("objective",))
    assert lost.under(("persona",)) and not lost.under(("persona", "name"))


def test_model_paths_are_compared_with_document_paths() -> None:
    readable = readable_part(_document(MAP))
    assert readable is not None
    lost = readable.lost
    # The model's second touchpoint is the document's third: nothing of it was left out.
    assert lost.original(("stages", 0, "touchpoints", 1)) == ("stages", 0, "touchpoints", 2)
    assert not lost.touches(("stages", 0, "touchpoints", 1))
    assert lost.touches(("stages", 0, "touchpoints", 0))  # its emotion was left out
    assert lost.under(("stages", 1, "id"))


def _mutations(seed: int, count: int) -> list[str]:
    """Examples with values replaced, removed or added at random (a fixed seed: the same maps every run)."""
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    sources = [yaml.load(path.read_text(encoding="utf-8")) for path in EXAMPLES]
    keys = ["name", "text", "id", "channel", "emotion", "kind", "severity", "next", "addresses", "colour", "target"]
    values: list[Any] = [None, True, 3, -2.5, "web", "Ü x", "", [], {}, "2026-01-01", "high", "★", [{"name": 1}]]
    rng = random.Random(seed)

    def paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        found = [path]
        if isinstance(value, dict):
            found += [p for key, item in value.items() for p in paths(item, (*path, key))]
        elif isinstance(value, list):
            found += [p for index, item in enumerate(value) for p in paths(item, (*path, index))]
        return found

    texts = []
    for _ in range(count):
        data = copy.deepcopy(rng.choice(sources))
        for _ in range(rng.randint(1, 5)):
            path = rng.choice(paths(data)[1:])
            parent = data
            for part in path[:-1]:
                parent = parent[part]
            roll = rng.random()
            if roll < 0.5:
                parent[path[-1]] = rng.choice(values)
            elif roll < 0.7 and isinstance(parent, dict):
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[rng.choice(keys)] = rng.choice(values)
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        texts.append(buffer.getvalue())
    return texts


def test_any_mangled_map_is_checked_without_failing_each_problem_once_inside_the_file() -> None:
    for text in _mutations(seed=8, count=200):
        document = _document(text)
        result = check_document(document)
        lines = text.count("\n") + 1
        assert all(1 <= d.line <= lines and d.column >= 1 for d in result.diagnostics), text
        # Each problem once: the readable part's checks never repeat a schema error.
        assert len(set(result.diagnostics)) == len(result.diagnostics), text
