"""Which maps a command works on: `--shard K/N` splits a batch deterministically, each map in exactly one shard."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cjm.sources import parse_shard, select_shard, shard_of
from tests.conftest import EXAMPLES, run_cjm

PATHS = [Path(f"maps/team-{team}/journey-{number:03d}.yaml") for team in "abc" for number in range(40)]


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_the_shards_of_a_batch_cover_it_exactly_once(count: int) -> None:
    shards = [select_shard(PATHS, index, count) for index in range(1, count + 1)]
    assert sorted(path for shard in shards for path in shard) == sorted(PATHS)
    for shard in shards:
        assert shard == [path for path in PATHS if path in shard], "each shard keeps the batch order"


def test_shards_are_balanced_and_a_map_keeps_its_shard_when_others_are_added() -> None:
    sizes = [len(select_shard(PATHS, index, 4)) for index in range(1, 5)]
    assert min(sizes) >= len(PATHS) // 4 * 0.6
    more = [*PATHS, *(Path(f"maps/new/{n}.yaml") for n in range(30))]
    assert [shard_of(path, 4) for path in PATHS] == [shard_of(path, 4) for path in more[: len(PATHS)]]
    assert select_shard(more, 2, 4)[: len(select_shard(PATHS, 2, 4))] == select_shard(PATHS, 2, 4)


@pytest.mark.parametrize(("text", "expected"), [("1/4", (1, 4)), (" 3 / 3 ", (3, 3))])
def test_parse_shard(text: str, expected: tuple[int, int]) -> None:
    assert parse_shard(text) == expected


@pytest.mark.parametrize("text", ["0/4", "5/4", "1", "a/b", "1/0", "-1/2"])
def test_parse_shard_refuses_what_is_not_a_shard(text: str) -> None:
    with pytest.raises(ValueError, match="shard"):
        parse_shard(text)


def test_cli_shards_build_every_map_once(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    plain = [path for path in EXAMPLES if "\nbaseline:" not in path.read_text(encoding="utf-8")]
    for number in range(9):
        shutil.copy(plain[number % len(plain)], folder / f"map-{number}.yaml")
    built: list[str] = []
    for index in (1, 2, 3):
        out = tmp_path / f"shard-{index}"
        result = run_cjm("build", str(folder), "-f", "md", "-o", str(out), "--shard", f"{index}/3")
        assert result.returncode == 0, result.stderr
        built += [path.stem for path in out.iterdir()] if out.exists() else []
    assert sorted(built) == [f"map-{number}" for number in range(9)]
    again = run_cjm("build", str(folder), "-f", "md", "-o", str(tmp_path / "again"), "--shard", "2/3")
    assert again.returncode == 0
    assert sorted(path.stem for path in (tmp_path / "again").iterdir()) == sorted(
        path.stem for path in (tmp_path / "shard-2").iterdir()
    )


def test_cli_refuses_a_bad_shard_and_accepts_an_empty_one(tmp_path: Path) -> None:
    bad = run_cjm("validate", str(EXAMPLES[0]), "--shard", "4/3")
    assert bad.returncode == 2 and "--shard" in bad.stderr
    outcomes = [run_cjm("validate", str(EXAMPLES[0]), "--shard", f"{index}/2") for index in (1, 2)]
    assert sorted(outcome.returncode for outcome in outcomes) == [0, 0]
    assert sum("holds none of the 1 maps" in outcome.stderr for outcome in outcomes) == 1
