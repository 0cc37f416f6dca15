"""The install lines of the docs, run as written: the wheel of `make dist` and the repository URL, in fresh venvs.

cjm is not on the package index yet, so the README and docs/docs-sites.md install the wheel built
by `make dist`, and docs/ci.md and docs/docs-sites.md install from the repository with a git URL.
Each line is taken from its page and run with bash in a new virtual environment (its packages come
from the package index, as a user's would); only the placeholder `https://github.com/your-org/cjm`
becomes a clone of this repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import venv
from pathlib import Path

from tests.conftest import ROOT
from tests.sites import EXAMPLES, environment, recipe

README = ROOT / "README.md"
CI_DOC = ROOT / "docs" / "ci.md"
PLACEHOLDER = "https://github.com/your-org/cjm"


def readme_block(language: str) -> str:
    """The only fenced block in `language` of the README's "On your docs site" section."""
    section = README.read_text(encoding="utf-8").split("## On your docs site", 1)[1].split("\n## ", 1)[0]
    [block] = re.findall(rf"^```{language}\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    return str(block)


def fresh_venv(folder: Path) -> dict[str, str]:
    """A new virtual environment (with pip); the environment that puts it first on PATH."""
    venv.EnvBuilder(with_pip=True).create(folder)
    env = {key: value for key, value in environment().items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = f"{folder / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(folder)
    return env


def bash(line: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run one documented line with bash; fail the test with its output when it fails."""
    done = subprocess.run(["bash", "-ec", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{line}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def test_the_documented_install_lines_work_in_a_fresh_venv(tmp_path: Path) -> None:
    make = subprocess.run(["make", "--no-print-directory", "dist"], cwd=ROOT, capture_output=True, text=True)
    assert make.returncode == 0, make.stderr
    env = fresh_venv(tmp_path / "venv")
    [install] = readme_block("sh").strip().splitlines()
    assert install in recipe("sh", "make dist        # in the clone: builds dist/cjm_journeys-0.1.0-py3-none-any.whl")
    bash(install, ROOT, env)
    assert bash("cjm --version", tmp_path, env).stdout == "cjm 0.1.0\n"

    site = tmp_path / "site"
    (site / "docs" / "journeys").mkdir(parents=True)
    shutil.copy(EXAMPLES / "ecommerce-first-purchase.yaml", site / "docs" / "journeys" / "checkout.yaml")
    (site / "mkdocs.yml").write_text("site_name: Journeys\n" + readme_block("yaml"), encoding="utf-8")
    (site / "docs" / "index.md").write_text("# Journeys\n\n" + readme_block("markdown"), encoding="utf-8")
    bash("mkdocs build --strict", site, env)
    assert b"<svg" in (site / "site" / "journeys" / "checkout.svg").read_bytes()[:100]
    assert 'src="journeys/checkout.svg"' in (site / "site" / "index.html").read_text(encoding="utf-8")

    # The repository URL of docs/docs-sites.md (docs/ci.md's is the same without the extra), on a clone.
    clone = tmp_path / "cjm"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, capture_output=True)
    if not subprocess.run(["git", "tag", "--list", "v0.1.0"], cwd=clone, capture_output=True, text=True).stdout:
        subprocess.run(["git", "tag", "v0.1.0"], cwd=clone, check=True)
    line = recipe("sh", f'python -m pip install "cjm-journeys[mkdocs] @ git+{PLACEHOLDER}@v0.1.0"').strip()
    assert line.replace("[mkdocs]", "") in CI_DOC.read_text(encoding="utf-8")
    bash("python -m pip uninstall --quiet --yes cjm-journeys", tmp_path, env)
    # Old pips refuse a `git+file:` URL without a host, hence localhost.
    bash(line.replace(PLACEHOLDER, f"file://localhost{clone}"), tmp_path, env)
    source = "from importlib.metadata import distribution as d; print(d('cjm-journeys').read_text('direct_url.json'))"
    assert '"vcs": "git"' in bash(f'python -c "{source}"', tmp_path, env).stdout
    assert bash("cjm --version", tmp_path, env).stdout == "cjm 0.1.0\n"
