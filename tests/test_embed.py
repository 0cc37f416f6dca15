"""Checking maps for docs pages, their content digest, and the picture cache with its counts."""

from __future__ import annotations

import shutil
from pathlib import Path

from cjm.cache import BuildCache
from cjm.embed import PictureCache, check_block, check_map, description, picture_name
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
FUTURE = "ecommerce-first-purchase-future.yaml"
CURRENT = "ecommerce-first-purchase.yaml"


def copy_pair(folder: Path) -> Path:
    """The future-state example and its baseline in a folder; returns the future-state map."""
    for name in (FUTURE, CURRENT):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder / FUTURE


def test_a_map_depends_on_its_baseline_and_its_digest_follows_both(tmp_path: Path) -> None:
    future = copy_pair(tmp_path)
    checked = check_map(future)
    assert checked.journey is not None and not checked.errors
    assert checked.dependencies == (future, tmp_path / CURRENT)
    baseline = tmp_path / CURRENT
    baseline.write_text(baseline.read_text(encoding="utf-8") + "# reviewed again\n", encoding="utf-8")
    assert check_map(future).digest != checked.digest
    assert check_map(future).digest == check_map(future).digest


def test_a_missing_map_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    checked = check_map(tmp_path / "nope.yaml")
    assert [d.code for d in checked.errors] == ["CJM101"]
    assert checked.journey is None


def test_a_block_reports_positions_in_its_page() -> None:
    checked = check_block("cjm: 1\ntitle: A\nstages: []\nextra: 1\n", "guide.md", ROOT, line=10, column=3)
    [unknown] = [d for d in checked.errors if d.code == "CJM203"]
    assert (unknown.file, unknown.line, unknown.column) == ("guide.md", 13, 3)
    assert checked.stem == f"journey-{checked.digest[:12]}"


def test_the_cache_renders_once_and_counts(tmp_path: Path) -> None:
    checked = check_map(copy_pair(tmp_path))
    first = PictureCache(BuildCache(tmp_path / "cache"))
    svg = first.picture(checked, "map", "svg")
    assert first.picture(checked, "map", "svg") == svg
    assert (first.rendered, first.reused) == (1, 1)
    second = PictureCache(BuildCache(tmp_path / "cache"))
    assert second.picture(checked, "map", "svg") == svg
    assert (second.rendered, second.reused) == (0, 1)
    second.picture(checked, "flow", "svg")
    assert second.rendered == 1


def test_names_and_description() -> None:
    assert picture_name("checkout", "map", "svg") == "checkout.svg"
    assert picture_name("checkout", "flow", "png") == "checkout.flow.png"
    assert picture_name("checkout", "slide", "html") == "checkout.html"
    journey = check_map(EXAMPLES / "saas-trial-onboarding.yaml").journey
    assert journey is not None and journey.objective is not None
    assert journey.objective in description(journey)


def test_pictures_live_in_the_build_cache_that_cjm_cache_clear_empties(tmp_path: Path) -> None:
    checked = check_map(copy_pair(tmp_path))
    store = BuildCache(tmp_path / "cache")
    PictureCache(store).picture(checked, "map", "svg")
    assert store.info()[0] == 1
    assert store.clear() == 1
    again = PictureCache(store)
    again.picture(checked, "map", "svg")
    assert (again.rendered, again.reused) == (1, 0)
