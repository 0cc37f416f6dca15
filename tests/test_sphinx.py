"""The Sphinx extension, through the real `sphinx-build -W` on a real project (tests/sites/sphinx), reST and MyST."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from cjm.embed import check_map, description
from tests.conftest import run_cjm
from tests.sites import (
    BIN,
    INVALID_MAP,
    UNSEEN_INVALID,
    UNSEEN_MAPS,
    environment,
    recipe,
    run_sphinx,
    sphinx_project,
)

HASHED = r"cjm-{stem}-[0-9a-f]{{16}}\.{suffix}"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built once as HTML with `-W`."""
    folder = sphinx_project(tmp_path_factory.mktemp("sphinx"))
    done = run_sphinx(folder, "html")
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


def test_rest_directive_draws_the_map_with_a_content_hashed_name_and_its_description(project: Path) -> None:
    page = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    images = project / "_build" / "html" / "_images"
    found = re.search(
        rf'<img src="(_images/{HASHED.format(stem="saas-trial-onboarding", suffix="svg")})" alt="([^"]*)"', page
    )
    assert found is not None, page
    assert b"<svg" in (project / "_build" / "html" / found[1]).read_bytes()[:100]
    journey = check_map(project / "journeys" / "saas-trial-onboarding.yaml").journey
    assert journey is not None and html.unescape(found[2]) == description(journey)
    [full] = images.glob("cjm-saas-trial-onboarding-*.html")
    assert f'href="_images/{full.name}">open the full map</a>' in page


def test_rest_options_set_view_alt_caption_align_and_width(project: Path) -> None:
    page = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    figure = re.search(r'<figure class="align-center"[^>]*>(.*?)</figure>', page, re.DOTALL)
    assert figure is not None, page
    assert re.search(HASHED.format(stem="ecommerce-first-purchase-future", suffix="svg"), figure[1])
    assert 'alt="Checkout, target state"' in figure[1]
    assert "width:90%" in figure[1]
    assert "Checkout, target state</span>" in figure[1]  # the caption


def test_myst_directive_and_cjm_fence_draw_their_maps(project: Path) -> None:
    page = (project / "_build" / "html" / "tutorial.html").read_text(encoding="utf-8")
    assert re.search(HASHED.format(stem="support-box-internet-fr", suffix="svg"), page)
    assert re.search(HASHED.format(stem="journey-[0-9a-f]{12}", suffix="svg"), page)
    assert "cjm: 1" not in page


def test_editing_a_baseline_rebuilds_the_page_that_shows_its_future_state(
    project: Path, session_cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CJM_CACHE_DIR", str(session_cache_dir))  # the cache the project was built with
    baseline = project / "journeys" / "ecommerce-first-purchase.yaml"
    baseline.write_text(baseline.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    done = run_sphinx(project, "html")
    assert done.returncode == 0, done.stderr
    assert re.search(r"1 changed", done.stdout), done.stdout
    assert "cjm: 2 pictures rendered" in done.stdout  # the future state's SVG and page, the baseline bytes changed


def test_an_unchanged_project_rebuilt_from_scratch_renders_no_map(
    project: Path, session_cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CJM_CACHE_DIR", str(session_cache_dir))
    done = run_sphinx(project, "html", "-E")
    assert done.returncode == 0, done.stderr
    assert re.search(r"cjm: 0 pictures rendered, \d+ from the cache", done.stdout), done.stdout


def test_a_project_built_after_cjm_build_draws_only_the_map_written_in_a_page(tmp_path: Path) -> None:
    folder = sphinx_project(tmp_path)
    built = run_cjm("build", "journeys", "--view", "map", "--view", "flow", "-f", "svg", "-f", "html", cwd=folder)
    assert built.returncode == 0, built.stderr
    done = run_sphinx(folder, "html")
    assert done.returncode == 0, done.stderr
    assert "cjm: 2 pictures rendered, 6 from the cache" in done.stdout  # the ```cjm fence's SVG and page
    [svg] = (folder / "_build" / "html" / "_images").glob("cjm-saas-trial-onboarding-*.svg")
    assert svg.read_bytes() == (folder / "journeys" / "saas-trial-onboarding.svg").read_bytes()


def test_latex_gets_the_png_and_text_the_description(project: Path) -> None:
    latex = run_sphinx(project, "latex")
    assert latex.returncode == 0, latex.stderr
    [tex] = (project / "_build" / "latex").glob("*.tex")
    included = re.findall(r"\\sphinxincludegraphics\[[^\]]*\]\{([^}]+)\}", tex.read_text(encoding="utf-8"))
    assert len(included) == 4, included
    for name in included:
        assert re.fullmatch(r"cjm-.+-[0-9a-f]{16}\.png", name)
        assert (project / "_build" / "latex" / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    text = run_sphinx(project, "text")
    assert text.returncode == 0, text.stderr
    journey = check_map(project / "journeys" / "saas-trial-onboarding.yaml").journey
    assert journey is not None
    written = "".join((project / "_build" / "text" / "index.txt").read_text(encoding="utf-8").split())
    assert "[" + "".join(description(journey).split()) + "]" in written  # the text builder wraps lines


def test_the_pdf_shows_each_map_as_its_png(tmp_path: Path) -> None:
    folder = sphinx_project(tmp_path)
    command = [str(BIN / "sphinx-build"), "-M", "latexpdf", ".", "_build", "-W"]
    done = subprocess.run(command, cwd=folder, env=environment(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    [pdf] = (folder / "_build" / "latex").glob("*.pdf")
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    images = [line.split() for line in listed.splitlines()[2:] if line.split()[2] == "image"]
    assert len(images) == 4, listed  # the two maps of index.rst, the MyST directive's and the ```cjm fence's
    assert all(int(width) >= 2400 for _, _, _, width, *_ in images), listed  # the PNG's full resolution


def test_maps_no_other_test_uses_build_with_w_and_a_broken_one_fails_naming_its_code(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text(recipe("python", "# conf.py"), encoding="utf-8")
    (tmp_path / "maps").mkdir()
    for name, text in UNSEEN_MAPS.items():
        (tmp_path / "maps" / name).write_text(text, encoding="utf-8")
    directives = "".join(f".. cjm-journey:: maps/{name}\n\n" for name in UNSEEN_MAPS)
    directives += ".. cjm-journey:: maps/parcel-return-future.yaml\n   :view: flow\n\n"
    directives += ".. cjm-journey:: maps/library-blueprint.yaml\n   :view: slide\n"
    (tmp_path / "index.rst").write_text("Maps\n====\n\n" + directives, encoding="utf-8")
    done = run_sphinx(tmp_path, "html")
    assert done.returncode == 0, done.stderr
    assert "cjm: 10 pictures rendered, 2 from the cache" in done.stdout  # 6 pictures, 4 pages
    page = (tmp_path / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert page.count('<div class="cjm-journey"') == 6
    assert page.count(">ouvrir la carte complète</a>") == 1 and page.count(">open the full map</a>") == 5
    [french] = (tmp_path / "_build" / "html" / "_images").glob("cjm-resiliation-box-*.svg")
    assert "Résiliation d’un abonnement" in french.read_text(encoding="utf-8")

    (tmp_path / "maps" / "library-blueprint.yaml").write_text(UNSEEN_INVALID, encoding="utf-8")
    conf = tmp_path / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'language = "fr"\n', encoding="utf-8")
    broken = run_sphinx(tmp_path, "html", "--keep-going")
    assert broken.returncode != 0 and "Traceback" not in broken.stderr
    pattern = r"index\.rst:\d+: WARNING: maps/library-blueprint\.yaml:25:5 CJM203 (.*) \[cjm\.CJM203\]"
    found = re.findall(pattern, broken.stderr)
    assert len(found) == 2, broken.stderr  # once for each directive that shows it
    page = (tmp_path / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "La carte de parcours maps/library-blueprint.yaml ne peut pas être dessinée" in page  # as `language`


def test_a_parallel_build_succeeds_without_warnings(tmp_path: Path) -> None:
    folder = sphinx_project(tmp_path)
    done = run_sphinx(folder, "html", "-j", "2")
    assert done.returncode == 0, done.stderr
    assert "not safe for parallel" not in done.stderr


def test_an_invalid_map_or_an_unknown_view_fails_the_build_with_its_code(tmp_path: Path) -> None:
    folder = sphinx_project(tmp_path)
    (folder / "journeys" / "broken.yaml").write_text(INVALID_MAP, encoding="utf-8")
    index = folder / "index.rst"
    added = (
        "\n.. cjm-journey:: journeys/broken.yaml\n"
        "\n.. cjm-journey:: journeys/saas-trial-onboarding.yaml\n   :view: flaw\n"
    )
    index.write_text(index.read_text(encoding="utf-8") + added, encoding="utf-8")
    done = run_sphinx(folder, "html", "--keep-going")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert re.search(
        r"index\.rst:\d+: WARNING: journeys/broken\.yaml:7:9 CJM203 unknown field `chanel`.*\[cjm\.CJM203\]",
        done.stderr,
    ), done.stderr
    assert re.search(r"index\.rst:\d+: WARNING: index\.rst:\d+:1 CJM430 unknown view `flaw`", done.stderr), done.stderr
    page = (folder / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "journeys/broken.yaml:7:9</span></code> CJM203" in page


def test_a_bad_configuration_value_is_a_configuration_error(tmp_path: Path) -> None:
    folder = sphinx_project(tmp_path)
    conf = folder / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'cjm_view = "flaw"\n', encoding="utf-8")
    done = run_sphinx(folder, "html")
    assert done.returncode != 0
    assert "cjm_view = 'flaw' is not a view" in done.stderr
