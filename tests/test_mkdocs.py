"""The MkDocs plugin, through the real `mkdocs build --strict` on a real site (tests/sites/mkdocs)."""

from __future__ import annotations

import html
import json
import queue
import re
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from cjm.embed import check_map, description
from cjm.page import MIN_TEXT_PX
from tests.conftest import run_cjm
from tests.sites import (
    BIN,
    INVALID_MAP,
    UNSEEN_INVALID,
    UNSEEN_MAPS,
    environment,
    mkdocs_site,
    recipe,
    run_mkdocs,
)
from tests.tools import PROBES, probe_page

DOCS_PROBE = PROBES / "docs-picture.js"
SUMMARY = re.compile(r"cjm: (\d+) journey maps? shown: (\d+) pictures rendered, (\d+) from the cache")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A site built twice with `--strict`, in a cache of its own: the folder and both build logs.

    Why its own cache: the session's holds what other modules built of the same examples, under
    the same keys, and the first build would find some of its pictures there.
    """
    site = mkdocs_site(tmp_path_factory.mktemp("mkdocs"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CJM_CACHE_DIR", str(tmp_path_factory.mktemp("mkdocs-cache")))
        first = run_mkdocs(site, "build", "--strict")
        assert first.returncode == 0, first.stderr
        second = run_mkdocs(site, "build", "--strict")
        assert second.returncode == 0, second.stderr
    return site, first.stderr, second.stderr


def counts(log: str) -> tuple[int, int, int]:
    """Maps shown, pictures rendered, pictures from the cache, as the plugin's summary line says."""
    found = SUMMARY.search(log)
    assert found is not None, f"no cjm summary in the log:\n{log}"
    shown, rendered, reused = (int(group) for group in found.groups())
    return shown, rendered, reused


def test_a_second_build_of_an_unchanged_site_renders_no_map(built: tuple[Path, str, str]) -> None:
    _, first, second = built
    assert counts(first) == (4, 8, 0)
    assert counts(second) == (4, 0, 8)


def test_a_site_built_after_cjm_build_draws_only_the_map_written_in_a_page(tmp_path: Path) -> None:
    site = mkdocs_site(tmp_path)
    built = run_cjm("build", "docs/journeys", "journeys", "--view", "map", "--view", "flow", "-o", "out", cwd=site)
    assert built.returncode == 0, built.stderr
    done = run_mkdocs(site, "build", "--strict")
    assert done.returncode == 0, done.stderr
    assert counts(done.stderr) == (4, 2, 6)  # only the ```cjm block's SVG and page are drawn
    for name in ("saas-trial-onboarding.svg", "saas-trial-onboarding.html"):
        assert (site / "site" / "journeys" / name).read_bytes() == (site / "out" / name).read_bytes()
    flow = "ecommerce-first-purchase-future.flow.svg"
    assert (site / "site" / "_cjm" / "journeys" / flow).read_bytes() == (site / "out" / flow).read_bytes()


def test_maps_no_other_test_uses_build_strict_and_a_broken_one_fails_naming_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mkdocs.yml").write_text(recipe("yaml", "# mkdocs.yml"), encoding="utf-8")
    maps = tmp_path / "docs" / "maps"
    maps.mkdir(parents=True)
    for name, text in UNSEEN_MAPS.items():
        (maps / name).write_text(text, encoding="utf-8")
    images = "".join(f"![](maps/{name})\n\n" for name in UNSEEN_MAPS)
    views = "![](maps/parcel-return-future.yaml){ view=flow }\n\n![](maps/library-blueprint.yaml){ view=slide }\n"
    (tmp_path / "docs" / "index.md").write_text("# Maps\n\n" + images + views, encoding="utf-8")
    done = run_mkdocs(tmp_path, "build", "--strict")
    assert done.returncode == 0, done.stderr
    assert counts(done.stderr) == (6, 10, 2)  # 6 pictures, 4 pages: the flow and slide link their map's page
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert page.count('<figure class="cjm-journey"') == 6
    assert page.count(">ouvrir la carte complète</a>") == 1 and page.count(">open the full map</a>") == 5
    built = tmp_path / "site" / "maps"
    assert "Résiliation d’un abonnement" in (built / "resiliation-box.svg").read_text(encoding="utf-8")
    assert "Line of visibility" in (built / "library-blueprint.svg").read_text(encoding="utf-8")
    assert ">Current state<" in (built / "parcel-return-future.svg").read_text(encoding="utf-8")  # its baseline
    for name in ("parcel-return-future.svg", "parcel-return-future.flow.svg", "library-blueprint.slide.svg"):
        assert b"<svg" in (built / name).read_bytes()[:200], name

    (maps / "library-blueprint.yaml").write_text(UNSEEN_INVALID, encoding="utf-8")
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    broken = run_mkdocs(tmp_path, "build", "--strict")
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert re.search(r"WARNING +- +cjm: docs/maps/library-blueprint\.yaml:25:5 CJM203 ", broken.stderr), broken.stderr
    assert "4 cartes de parcours affichées" in broken.stderr  # the build speaks the environment's language
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "La carte de parcours docs/maps/library-blueprint.yaml ne peut pas être dessinée" in page


def test_a_map_beside_the_page_becomes_its_picture_linked_to_its_page(built: tuple[Path, str, str]) -> None:
    site, _, _ = built
    page = (site / "site" / "index.html").read_text(encoding="utf-8")
    svg = site / "site" / "journeys" / "saas-trial-onboarding.svg"
    assert b"<svg" in svg.read_bytes()[:100]
    assert "<title" in (site / "site" / "journeys" / "saas-trial-onboarding.html").read_text(encoding="utf-8")
    journey = check_map(site / "docs" / "journeys" / "saas-trial-onboarding.yaml").journey
    assert journey is not None
    figure = re.search(r'<figure class="cjm-journey"[^>]*>(.*?)</figure>', page, re.DOTALL)
    assert figure is not None, page
    assert 'src="journeys/saas-trial-onboarding.svg"' in figure[1]
    alt = re.search(r'<img alt="([^"]*)"', figure[1])
    assert alt is not None and html.unescape(alt[1]) == description(journey)
    assert '<a href="journeys/saas-trial-onboarding.html">open the full map</a>' in figure[1]
    assert figure[1].index("<figcaption") < figure[1].index("<img")  # seen before a tall picture


def test_attr_list_chooses_the_view_and_maps_outside_docs_go_under_cjm(built: tuple[Path, str, str]) -> None:
    site, _, _ = built
    page = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert 'alt="Checkout, target"' in page
    assert 'src="_cjm/journeys/ecommerce-first-purchase-future.flow.svg"' in page
    assert (site / "site" / "_cjm" / "journeys" / "ecommerce-first-purchase-future.flow.svg").is_file()
    assert 'view="' not in page


def test_quoted_image_syntax_is_left_alone(built: tuple[Path, str, str]) -> None:
    site, _, _ = built
    page = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "<code>![x](journeys/not-a-map.yaml)</code>" in page
    assert "![Not drawn either](journeys/not-a-map.yaml)" in page


def test_a_fenced_block_and_a_list_item_image_are_drawn_in_place(built: tuple[Path, str, str]) -> None:
    site, _, _ = built
    page = (site / "site" / "guide" / "tutorial" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'src="\.\./\.\./_cjm/(journey-[0-9a-f]{12})\.svg"', page)
    assert block is not None, page
    assert (site / "site" / "_cjm" / f"{block[1]}.svg").is_file()
    assert "```cjm" not in page and "Password reset" not in re.sub(r'alt="[^"]*"', "", page.split("<h1")[1])
    assert 'src="../../journeys/support-box-internet-fr.svg"' in page
    assert 'alt="Support journey"' in page


def test_the_yaml_sources_are_not_published_by_default(built: tuple[Path, str, str]) -> None:
    site, _, _ = built
    assert not list((site / "site").rglob("*.yaml"))


def test_an_invalid_map_fails_the_strict_build_and_shows_its_diagnostics(tmp_path: Path) -> None:
    site = mkdocs_site(tmp_path)
    (site / "docs" / "journeys" / "broken.yaml").write_text(INVALID_MAP, encoding="utf-8")
    index = site / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n![](journeys/broken.yaml)\n", encoding="utf-8")
    done = run_mkdocs(site, "build", "--strict")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert re.search(r"WARNING +- +cjm: docs/journeys/broken\.yaml:7:9 CJM203 unknown field `chanel`", done.stderr)
    page = (site / "site" / "index.html").read_text(encoding="utf-8")
    admonition = re.search(r'<div class="admonition danger cjm-diagnostics">(.*?)</div>', page, re.DOTALL)
    assert admonition is not None, page
    assert "<code>docs/journeys/broken.yaml:7:9</code> CJM203" in admonition[1]
    assert "broken.svg" not in page


def test_an_unknown_view_or_fence_option_is_a_positioned_warning(tmp_path: Path) -> None:
    site = mkdocs_site(tmp_path)
    page = "# Map\n\n![](journeys/saas-trial-onboarding.yaml){ view=flaw }\n\n```cjm colour=red\ncjm: 1\n```\n"
    (site / "docs" / "index.md").write_text(page, encoding="utf-8")
    done = run_mkdocs(site, "build", "--strict")
    assert done.returncode == 1
    assert "cjm: docs/index.md:3:5 CJM430 unknown view `flaw` for journeys/saas-trial-onboarding.yaml" in done.stderr
    assert "cjm: docs/index.md:5:1 CJM430 unknown option colour=red for the ```cjm block" in done.stderr


def test_a_bad_option_is_a_configuration_error(tmp_path: Path) -> None:
    config = recipe("yaml", "# mkdocs.yml, with every option of the plugin").replace("view: map", "view: flaw")
    site = mkdocs_site(tmp_path, config)
    done = run_mkdocs(site, "build")
    assert done.returncode == 1
    assert "Config value 'plugins'" in done.stderr and "'view'" in done.stderr and "flaw" in done.stderr
    assert "Traceback" not in done.stderr


def test_every_option_of_the_docs_page_is_accepted_and_sources_can_be_published(tmp_path: Path) -> None:
    config = recipe("yaml", "# mkdocs.yml, with every option of the plugin")
    config = config.replace("publish_sources: false", "publish_sources: true").replace(
        "cache_dir: .cache/cjm", 'cache_dir: ""'
    )
    site = mkdocs_site(tmp_path, config)
    done = run_mkdocs(site, "build", "--strict")
    assert done.returncode == 0, done.stderr
    assert (site / "site" / "journeys" / "saas-trial-onboarding.yaml").is_file()
    assert not (site / ".cache").exists()
    assert counts(done.stderr) == (4, 8, 0)


def test_strict_option_turns_method_warnings_into_build_warnings(tmp_path: Path) -> None:
    config = recipe("yaml", "# mkdocs.yml, with every option of the plugin").replace("strict: false", "strict: true")
    site = mkdocs_site(tmp_path, config)
    done = run_mkdocs(site, "build", "--strict")
    assert done.returncode == 1
    assert re.search(r"WARNING +- +cjm: docs/guide/tutorial\.md:13:1 CJM505 the map has 2 stages", done.stderr)
    assert (site / "site" / "guide" / "tutorial" / "index.html").read_text(encoding="utf-8").count("<figure") == 1


def test_method_warnings_are_shown_without_failing_by_default(built: tuple[Path, str, str]) -> None:
    _, first, _ = built
    assert re.search(r"INFO +- +cjm: docs/guide/tutorial\.md:13:1 CJM505 ", first)


def test_serve_rebuilds_when_a_map_outside_docs_or_its_baseline_changes(tmp_path: Path) -> None:
    site = mkdocs_site(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=site, env=environment(), stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in server.stderr or []], daemon=True)
    reader.start()

    def wait_for(pattern: str) -> str:
        deadline = time.monotonic() + 60
        seen = []
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"mkdocs serve never logged {pattern!r}:\n{''.join(seen)}")

    try:
        wait_for(r"Serving on http://127\.0\.0\.1")
        for changed in ("ecommerce-first-purchase.yaml", "ecommerce-first-purchase-future.yaml"):
            source = site / "journeys" / changed
            source.write_text(source.read_text(encoding="utf-8") + f"# edited: {changed}\n", encoding="utf-8")
            summary = wait_for(SUMMARY.pattern)
            found = SUMMARY.search(summary)
            assert found is not None and found[2] == "2", summary  # the future map's picture and page, again
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
        reader.join(timeout=10)
        if server.stderr is not None:
            server.stderr.close()


# The map picture's requirement: every text at least 9 px high where the picture is shown.
READABLE_PX = 9.0


@pytest.mark.browser
@pytest.mark.parametrize(("theme", "column"), [("mkdocs", 831), ("material", 688)])
def test_the_pictures_are_there_and_readable_at_the_content_width(theme: str, column: int, tmp_path: Path) -> None:
    config = recipe("yaml", "# mkdocs.yml") + f"theme:\n  name: {theme}\n"
    site = mkdocs_site(tmp_path, config)
    done = run_mkdocs(site, "build", "--strict")
    assert done.returncode == 0, done.stderr
    page = site / "site" / "index.html"
    known = {
        svg.relative_to(site / "site").as_posix(): svg.read_text(encoding="utf-8")
        for svg in (site / "site").rglob("*.svg")
        if "cjm" in svg.read_text(encoding="utf-8")[:2000]
    }
    probe = tmp_path / "probe.js"
    data = json.dumps(known).replace("</", "<\\/")
    probe.write_text(f"window.CJM_SVGS = {data};\n" + DOCS_PROBE.read_text(encoding="utf-8"), encoding="utf-8")
    result = probe_page(page, probe, width=1280)
    assert not result["pageOverflows"], result
    srcs = [picture["src"] for picture in result["pictures"]]
    assert srcs == ["journeys/saas-trial-onboarding.svg", "_cjm/journeys/ecommerce-first-purchase-future.flow.svg"]
    for picture in result["pictures"]:
        assert picture["loaded"] and picture["texts"] > 20, picture
        assert round(picture["column"]) == column, picture  # the theme's content column at a 1280 px window
        assert picture["smallest"] >= READABLE_PX - 0.01, picture
        assert MIN_TEXT_PX == READABLE_PX
        # Narrower than the picture's readable width, the column scrolls it sideways, whole.
        assert picture["figureInColumn"] and picture["edgesReachable"], picture
        assert picture["scrolls"] == (picture["width"] > picture["column"] + 1), picture
    assert result["pictures"][0]["scrolls"]  # the map at its readable 948 px in either column
