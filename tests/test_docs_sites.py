"""The recipes of docs/docs-sites.md that run without their docs tool: taken from the page and run for real.

Docusaurus' remark step runs under Node.js on a Markdown tree (mdast) built by hand, calling the
real `cjm build --stdout`; the pre-build step, the Confluence step and the GitHub wiki script run
with bash, the real `cjm` and real git (the wiki is a local bare repository).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sites import BIN, EXAMPLES, INVALID_MAP, environment, recipe

IDENTITY = {
    "GIT_AUTHOR_NAME": "cjm tests",
    "GIT_AUTHOR_EMAIL": "tests@cjm.invalid",
    "GIT_COMMITTER_NAME": "cjm tests",
    "GIT_COMMITTER_EMAIL": "tests@cjm.invalid",
}
DRIVER = """
import remarkCjm from "./src/remark/cjm.mjs";
const tree = { type: "root", children: [{ type: "paragraph", children: [
  { type: "image", url: process.argv[3], alt: "Checkout" },
  { type: "image", url: "https://example.invalid/elsewhere.yaml", alt: "not ours" },
  { type: "image", url: "photo.png", alt: "not a map" },
] }] };
remarkCjm({ command: process.argv[2] })(tree, { path: process.argv[4] });
process.stdout.write(JSON.stringify(tree));
"""


def project(folder: Path) -> Path:
    """A docs project with two maps in `journeys/` (a future-state map and its baseline)."""
    (folder / "journeys").mkdir(parents=True)
    for name in ("ecommerce-first-purchase.yaml", "ecommerce-first-purchase-future.yaml"):
        shutil.copy(EXAMPLES / name, folder / "journeys" / name)
    return folder


def bash(script: str, cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run a recipe with bash, the venv's `cjm` first on PATH and git's identity set."""
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {key: value for key, value in environment().items() if not key.startswith("GIT_")}
    env.update({**IDENTITY, **extra, "PATH": path})
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.node
def test_docusaurus_remark_step_draws_map_images_through_stdout(tmp_path: Path) -> None:
    if shutil.which("node") is None:
        pytest.fail("Node.js is not installed: make test needs it (see the README)")
    folder = project(tmp_path)
    plugin = folder / "src" / "remark" / "cjm.mjs"
    plugin.parent.mkdir(parents=True)
    plugin.write_text(
        recipe("js", "// src/remark/cjm.mjs: draws ![alt](map.yaml) images with `cjm build --stdout` at build time."),
        encoding="utf-8",
    )
    # Registered before Docusaurus' own steps, whose image step would take the .yaml file for an image
    # (seen with a real `docusaurus build` of Docusaurus 3.10; Docusaurus is too large to install here).
    config = recipe("js", 'import remarkCjm from "./src/remark/cjm.mjs";')
    assert "beforeDefaultRemarkPlugins: [remarkCjm]" in config
    (folder / "driver.mjs").write_text(DRIVER, encoding="utf-8")
    page = folder / "docs" / "checkout.md"
    page.parent.mkdir()
    cjm = str(BIN / "cjm")
    done = subprocess.run(
        ["node", "driver.mjs", cjm, "../journeys/ecommerce-first-purchase-future.yaml", str(page)],
        cwd=folder,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    first, elsewhere, photo = json.loads(done.stdout)["children"][0]["children"]
    prefix = "data:image/svg+xml;base64,"
    assert first["url"].startswith(prefix)
    expected = subprocess.run(
        [cjm, "build", str(folder / "journeys" / "ecommerce-first-purchase-future.yaml"), "-f", "svg", "--stdout"],
        capture_output=True,
        check=True,
        env=environment(),
    ).stdout
    assert base64.b64decode(first["url"].removeprefix(prefix)) == expected
    assert (elsewhere["url"], photo["url"]) == ("https://example.invalid/elsewhere.yaml", "photo.png")
    (folder / "journeys" / "broken.yaml").write_text(INVALID_MAP, encoding="utf-8")
    broken = subprocess.run(
        ["node", "driver.mjs", cjm, "../journeys/broken.yaml", str(page)],
        cwd=folder,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert broken.returncode != 0
    assert "broken.yaml:7:9" in broken.stderr and "CJM203" in broken.stderr


def test_docusaurus_prebuild_step_draws_every_map_into_static(tmp_path: Path) -> None:
    folder = project(tmp_path)
    scripts = json.loads(recipe("json", "{"))["scripts"]
    assert scripts["prebuild"] == scripts["prestart"]
    done = bash(scripts["prebuild"], folder)
    assert done.returncode == 0, done.stderr
    built = sorted(path.name for path in (folder / "static" / "journeys").iterdir())
    assert built == [
        "ecommerce-first-purchase-future.html",
        "ecommerce-first-purchase-future.svg",
        "ecommerce-first-purchase.html",
        "ecommerce-first-purchase.svg",
    ]


def test_confluence_step_gives_stable_png_names_and_bytes(tmp_path: Path) -> None:
    folder = project(tmp_path)
    step = recipe("sh", "cjm build journeys -f png -o confluence/journeys")
    assert bash(step, folder).returncode == 0
    first = {path.name: path.read_bytes() for path in (folder / "confluence" / "journeys").iterdir()}
    assert sorted(first) == ["ecommerce-first-purchase-future.png", "ecommerce-first-purchase.png"]
    assert all(content.startswith(b"\x89PNG\r\n\x1a\n") for content in first.values())
    assert bash(step, folder).returncode == 0
    assert {path.name: path.read_bytes() for path in (folder / "confluence" / "journeys").iterdir()} == first


def test_github_wiki_script_commits_only_when_a_picture_changed(tmp_path: Path) -> None:
    wiki = tmp_path / "project.wiki.git"
    seed = tmp_path / "seed"
    bash(f"git init --quiet --bare {wiki} && git init --quiet {seed}", tmp_path)
    (seed / "Home.md").write_text("# Home\n", encoding="utf-8")
    assert bash(f"git add Home.md && git commit --quiet -m Home && git push --quiet {wiki} HEAD", seed).returncode == 0
    folder = project(tmp_path / "repository")
    script = recipe(
        "sh", "# publish-maps-to-wiki.sh: WIKI_URL is the wiki's clone URL, with a token that may push to it"
    )

    def commits() -> int:
        return int(bash("git rev-list --all --count", wiki).stdout)

    first = bash(script, folder, WIKI_URL=str(wiki), GITHUB_SHA="abc123")
    assert first.returncode == 0, first.stderr
    assert commits() == 2
    files = bash("git ls-tree -r --name-only HEAD", wiki).stdout.split()
    assert "journeys/ecommerce-first-purchase-future.svg" in files and "Home.md" in files
    shutil.rmtree(folder / "wiki")
    again = bash(script, folder, WIKI_URL=str(wiki))
    assert again.returncode == 0, again.stderr
    assert commits() == 2
