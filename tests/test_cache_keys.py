"""What a cache key covers: every input of a check and of an output changes its key, and nothing else does."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

import pytest

from cjm.cache_keys import MapInputs, OutputSpec, baseline_hash, check_key, output_key, read_inputs

TODAY = datetime.date(2026, 11, 25)


def inputs(**changes: object) -> MapInputs:
    values: dict[str, object] = {
        "name": "maps/a.yaml",
        "path": Path("maps/a.yaml"),
        "source": b"cjm: 1\n",
        "config": b"",
        "today": TODAY,
    }
    values.update(changes)
    return MapInputs(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "change",
    [
        {"name": "maps/b.yaml"},
        {"source": b"cjm: 1\ntitle: x\n"},
        {"config": b".cjm.toml\0ignore = []"},
        {"today": datetime.date(2026, 11, 26)},
    ],
)
def test_every_input_of_a_check_is_in_its_key(change: dict[str, object]) -> None:
    assert check_key(inputs(**change)) != check_key(inputs())


@pytest.mark.parametrize(
    ("baseline", "spec"),
    [
        ("other-baseline", OutputSpec("svg")),
        ("none", OutputSpec("png")),
        ("none", OutputSpec("svg", view="flow")),
        ("none", OutputSpec("svg", views=("map", "flow"))),
        ("none", OutputSpec("svg", siblings=("a.svg", "a.md"))),
        ("none", OutputSpec("svg", locale="fr")),
        ("none", OutputSpec("svg", stem="other")),
        ("none", OutputSpec("svg", tools="dot:/usr/bin/dot:2")),
    ],
)
def test_every_input_of_an_output_is_in_its_key(baseline: str, spec: OutputSpec) -> None:
    assert output_key(inputs(), baseline, spec) != output_key(inputs(), "none", OutputSpec("svg"))
    assert output_key(inputs(today=datetime.date(2027, 1, 1)), "none", spec) == output_key(inputs(), "none", spec)


def test_the_inputs_of_a_map_on_disk_and_its_baseline(tmp_path: Path) -> None:
    source = tmp_path / "future.yaml"
    source.write_bytes(b"cjm: 1\nbaseline: current.yaml\n")
    found = read_inputs(source, TODAY)
    assert found is not None and found.name == str(source) and found.config == b""
    assert found.source_hash == hashlib.sha256(source.read_bytes()).hexdigest()
    assert read_inputs(tmp_path / "missing.yaml", TODAY) is None
    assert baseline_hash(source, None) == "none" and baseline_hash(source, "current.yaml") == "missing"
    (tmp_path / "current.yaml").write_bytes(b"cjm: 1\n")
    assert baseline_hash(source, "current.yaml") not in ("none", "missing")
