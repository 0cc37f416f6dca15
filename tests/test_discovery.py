"""Directories and globs pick journey maps only, count what they skip; a named file is always checked."""

from __future__ import annotations

from pathlib import Path

from cjm.discovery import collect_journeys, is_journey_map, skipped_note
from tests.conftest import EXAMPLES, run_cjm

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
