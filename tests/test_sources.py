"""Which maps a command works on: directories and globs pick maps only and count what they skip; a named file is
always checked; `--shard K/N` splits a batch deterministically, each map in exactly one shard."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cjm.sources import collect_journeys, is_journey_map, parse_shard, select_shard, shard_of, skipped_note
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
    assert _stems(tmp_path / "again") == _stems(tmp_path / "shard-2")


def _stems(folder: Path) -> list[str]:
    """The output names in a shard's folder; an empty shard writes no folder (the paths hash differently per run)."""
    return sorted(path.stem for path in folder.iterdir()) if folder.exists() else []


def test_cli_refuses_a_bad_shard_and_accepts_an_empty_one(tmp_path: Path) -> None:
    bad = run_cjm("validate", str(EXAMPLES[0]), "--shard", "4/3")
    assert bad.returncode == 2 and "--shard" in bad.stderr
    outcomes = [run_cjm("validate", str(EXAMPLES[0]), "--shard", f"{index}/2") for index in (1, 2)]
    assert sorted(outcome.returncode for outcome in outcomes) == [0, 0]
    assert sum("holds none of the 1 maps" in outcome.stderr for outcome in outcomes) == 1


MKDOCS = (
    "site_name: Docs\nmarkdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
    "        - name: mermaid\n          format: !!python/name:pymdownx.superfences.fence_code_format\n"
)


def _docs_repository(root: Path) -> None:
    (root / "docs" / "maps").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS)
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "ci.yml").write_text("on: push\n")
    (root / "docs" / "openapi.yaml").write_text("openapi: 3.1.0\n")
    (root / "docs" / "maps" / "checkout.yaml").write_bytes(EXAMPLES[0].read_bytes())
    (root / "docs" / "maps" / "draft.cjm.yaml").write_text("title: Draft without a version\n")


def test_a_directory_picks_maps_and_counts_the_other_yaml_files(tmp_path: Path) -> None:
    _docs_repository(tmp_path)
    collected = collect_journeys([str(tmp_path)])
    assert [path.name for path in collected.files] == ["checkout.yaml", "draft.cjm.yaml"]
    assert sorted(path.name for path in collected.skipped) == ["mkdocs.yml", "openapi.yaml"]


def test_a_glob_picks_maps_too(tmp_path: Path) -> None:
    _docs_repository(tmp_path)
    collected = collect_journeys([str(tmp_path / "**" / "*.y*ml")])
    assert {path.name for path in collected.files} == {"checkout.yaml", "draft.cjm.yaml"}
    assert "mkdocs.yml" in {path.name for path in collected.skipped}


def test_a_named_file_is_always_checked(tmp_path: Path) -> None:
    _docs_repository(tmp_path)
    collected = collect_journeys([str(tmp_path / "mkdocs.yml")])
    assert collected.files == [tmp_path / "mkdocs.yml"] and collected.skipped == []


def test_a_map_is_recognised_by_its_version_key_even_after_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_bytes(b"\xef\xbb\xbf# a comment\ncjm: 1\n")
    assert is_journey_map(path)
    path.write_bytes(b"notes:\n  cjm: 1\n")
    assert not is_journey_map(path)


def test_skipped_note_names_the_files() -> None:
    assert skipped_note([]) == ""
    note = skipped_note([Path(f"f{index}.yml") for index in range(7)])
    assert note.startswith("skipped 7 YAML files") and "f4.yml, …" in note and "f5.yml" not in note


def test_validate_a_docs_repository(tmp_path: Path) -> None:
    _docs_repository(tmp_path)
    result = run_cjm("validate", ".", cwd=tmp_path)
    assert "skipped 2 YAML files" in result.stderr and "mkdocs.yml" in result.stderr
    assert "CJM110" not in result.stderr
    assert "docs/maps/draft.cjm.yaml:1:1: error CJM202" in result.stderr
    assert result.returncode == 1
    only_others = run_cjm("validate", "mkdocs.yml", cwd=tmp_path)
    assert "CJM110" in only_others.stderr


def test_an_unmatched_glob_says_so_without_a_position(tmp_path: Path) -> None:
    result = run_cjm("validate", "nothing/*.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("nothing/*.yaml: error CJM101 no file matches the pattern `nothing/*.yaml`")
