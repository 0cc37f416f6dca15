"""`cjm validate`'s choice of maps: a usage error found once the lean path has started is reported once, by typer."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.cli_args import FILES_METAVAR, UsageError
from cjm.cli_validate import journey_paths
from tests.conftest import EXAMPLES, run_cjm


def test_no_journey_among_the_files_is_one_note_and_one_usage_error(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text("a: 1\n", encoding="utf-8")
    done = run_cjm("validate", str(tmp_path))
    assert done.returncode == 2
    assert done.stderr.count("skipped 1 YAML file that is not a journey map") == 1
    assert done.stderr.index("skipped 1 YAML") < done.stderr.index("no journey files found")
    assert "Usage: cjm validate" in done.stderr and done.stdout == ""


def test_the_selection_raises_before_printing(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        journey_paths([str(tmp_path)])
    assert raised.value.param_hint == FILES_METAVAR and "other.yaml" in raised.value.note
    with pytest.raises(UsageError) as raised:
        journey_paths([str(EXAMPLES[0])], "3")
    assert raised.value.param_hint == "--shard" and raised.value.note == ""
    shares = [journey_paths([str(EXAMPLES[0])], f"{index}/2") for index in (1, 2)]
    assert sorted(len(share.paths) for share in shares) == [0, 1]
    [empty] = [share for share in shares if not share.paths]
    assert empty.empty_shard in ("shard 1/2 holds none of the 1 maps\n", "shard 2/2 holds none of the 1 maps\n")


def test_an_empty_shard_says_so_and_exits_zero(tmp_path: Path) -> None:
    runs = {index: run_cjm("validate", str(EXAMPLES[0]), "--shard", f"{index}/2") for index in (1, 2)}
    [empty] = [index for index, done in runs.items() if "holds none" in done.stderr]
    assert (runs[empty].returncode, runs[empty].stderr) == (0, f"shard {empty}/2 holds none of the 1 maps\n")
    assert runs[3 - empty].stderr == "1 file valid\n"
