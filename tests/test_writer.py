"""Outputs are written atomically: a failure never leaves a half-written file or loses a good one."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.writer import Output, WriteError, write_outputs


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out" / "map.svg"
    write_outputs([Output(target, b"first")])
    write_outputs([Output(target, b"second")])
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["map.svg"]


def test_failure_keeps_previous_files_and_leaves_no_temporaries(tmp_path: Path) -> None:
    good = tmp_path / "map.svg"
    good.write_bytes(b"previous")
    (tmp_path / "blocked").write_text("a file where a folder should be")
    outputs = [Output(good, b"new"), Output(tmp_path / "blocked" / "map.html", b"<html>")]
    with pytest.raises(WriteError) as raised:
        write_outputs(outputs)
    assert raised.value.path == tmp_path / "blocked" / "map.html"
    assert good.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked", "map.svg"]


def test_replacing_a_symlink_never_writes_through_it(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    inside = tmp_path / "out"
    inside.mkdir()
    (inside / "map.svg").symlink_to(outside)
    write_outputs([Output(inside / "map.svg", b"<svg/>")])
    assert outside.read_text() == "keep me"
    assert not (inside / "map.svg").is_symlink()
    assert (inside / "map.svg").read_bytes() == b"<svg/>"
