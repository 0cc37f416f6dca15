"""The pre-commit hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit in real git repositories.

pre-commit pip-installs cjm from a git repository into its own environment, as it would for a
team. The hook repository is a snapshot of this working tree committed into a temporary git
repository: `pre-commit try-repo` on the working tree itself would only carry tracked files'
changes (`git add -u`), so a file not yet committed, such as the hooks manifest, would be missing.

Environments: `pre-commit run` keeps them in PRE_COMMIT_HOME, shared by the module, so cjm is
installed once for every `run` test; `try-repo` ignores PRE_COMMIT_HOME (it always uses a
throw-away store) and installs again. Each install takes 10 to 40 s, most of it pip talking to PyPI.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT, TODAY_EPOCH

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
EXAMPLES_DIR = ROOT / "examples"
CI_DOC = ROOT / "docs" / "ci.md"
TIMEOUT = 600
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "cjm tests",
    "GIT_AUTHOR_EMAIL": "tests@cjm.invalid",
    "GIT_COMMITTER_NAME": "cjm tests",
    "GIT_COMMITTER_EMAIL": "tests@cjm.invalid",
}
# Not journey maps: the default `files:` of the hooks must leave them alone.
WORKFLOW = "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"
COMPOSE = "services:\n  web:\n    image: nginx:1.27\n"


@dataclass(frozen=True)
class HookRepo:
    """A committed snapshot of this working tree that pre-commit can install hooks from."""

    path: Path
    rev: str


def environment(home: Path | None = None) -> dict[str, str]:
    """The environment of every command here: a committer, today fixed, and pre-commit's store when given.

    Why drop inherited GIT_* and PRE_COMMIT_*: pytest run from a git hook inherits GIT_DIR and
    GIT_INDEX_FILE, which would point every git command here at the outer repository.
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_IDENTITY, SOURCE_DATE_EPOCH=TODAY_EPOCH)
    if home is not None:
        env["PRE_COMMIT_HOME"] = str(home)
    return env


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd`; a failure fails the test with git's message."""
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=environment(), capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


def pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real pre-commit; stdout and stderr together, as a developer sees them."""
    return subprocess.run(
        [str(PRE_COMMIT), *args, "--color", "never"],
        cwd=cwd,
        env=environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def config_snippets() -> list[str]:
    """The `.pre-commit-config.yaml` examples of docs/ci.md, in order."""
    blocks = re.findall(r"^```yaml\n(.*?)^```", CI_DOC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    return [block for block in blocks if block.startswith("# .pre-commit-config.yaml\n")]


def pointed_at(snippet: str, hooks: HookRepo) -> str:
    """A documented configuration with its `repo:` and `rev:` pointing at the local hook repository."""
    yaml = YAML()
    config = yaml.load(snippet)
    [repo] = config["repos"]
    assert repo["repo"].startswith("https://github.com/"), "the docs should show a real-looking remote"
    repo["repo"], repo["rev"] = str(hooks.path), hooks.rev
    return dump(config)


def dump(data: object) -> str:
    """YAML text of a ruamel document."""
    buffer = io.StringIO()
    YAML().dump(data, buffer)
    return buffer.getvalue()


def make_repo(path: Path, files: dict[str, str]) -> Path:
    """A git repository holding the example maps under journeys/ and `files`, all committed."""
    (path / "journeys").mkdir(parents=True)
    for example in sorted(EXAMPLES_DIR.glob("*.yaml")):
        shutil.copy(example, path / "journeys" / example.name)
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    git(path, "init", "--quiet", "--initial-branch", "main")
    git(path, "add", "--all")
    git(path, "commit", "--quiet", "--message", "maps")
    return path


def broken_map() -> tuple[str, int, int]:
    """The e-commerce map with a mistyped channel, and the line and column of the typo (1-based)."""
    text = (EXAMPLES_DIR / "ecommerce-first-purchase.yaml").read_text(encoding="utf-8")
    good = "        channel: word-of-mouth\n"
    assert text.count(good) == 1
    broken = text.replace(good, "        channel: word-of-mouht\n")
    line = text[: text.index(good)].count("\n") + 1
    return broken, line, good.index("word") + 1


def stale_map() -> tuple[str, int, int]:
    """The e-commerce map last reviewed in January 2025: valid, with a CJM512 warning, and where it points."""
    text = (EXAMPLES_DIR / "ecommerce-first-purchase.yaml").read_text(encoding="utf-8")
    good = "reviewed: 2026-11-02\n"
    assert text.count(good) == 1
    line = text[: text.index(good)].count("\n") + 1
    return text.replace(good, "reviewed: 2025-01-10\n"), line, len("reviewed: ") + 1


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    """This working tree (tracked and untracked files, minus ignored ones) committed into a fresh repository."""
    path = tmp_path_factory.mktemp("hook-repo")
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, path / name)
    assert (path / ".pre-commit-hooks.yaml").is_file()
    git(path, "init", "--quiet", "--initial-branch", "main")
    git(path, "add", "--all")
    git(path, "commit", "--quiet", "--message", "snapshot of the working tree")
    return HookRepo(path, git(path, "rev-parse", "HEAD").strip())


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PRE_COMMIT_HOME for the module: cjm is installed into it by the first `run` and reused after."""
    return tmp_path_factory.mktemp("pre-commit-home")


def test_manifest_declares_both_hooks_with_the_same_files(tmp_path: Path) -> None:
    checked = pre_commit(ROOT, tmp_path, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"))
    assert checked.returncode == 0, checked.stdout
    hooks = {hook["id"]: hook for hook in YAML(typ="safe").load(ROOT / ".pre-commit-hooks.yaml")}
    assert set(hooks) == {"cjm-validate", "cjm-validate-strict"}
    assert hooks["cjm-validate"]["entry"] == "cjm validate"
    assert hooks["cjm-validate-strict"]["entry"] == "cjm validate --strict"
    assert all(hook["language"] == "python" and hook["types"] == ["yaml"] for hook in hooks.values())
    assert hooks["cjm-validate"]["files"] == hooks["cjm-validate-strict"]["files"]
    pattern = re.compile(hooks["cjm-validate"]["files"])
    journeys = ["journeys/checkout.yaml", "journey/a.yml", "docs/maps/x.yaml", "team/journeys/b/c.yaml", "c.cjm.yml"]
    others = [".pre-commit-config.yaml", ".github/workflows/ci.yml", "docker-compose.yml", "sitemaps/a.yaml"]
    assert [name for name in journeys if not pattern.search(name)] == []
    assert [name for name in others if pattern.search(name)] == []


def test_documented_configs_are_valid_pre_commit_configs(tmp_path: Path) -> None:
    snippets = config_snippets()
    assert len(snippets) == 2
    for number, snippet in enumerate(snippets):
        path = tmp_path / f"config-{number}.yaml"
        path.write_text(snippet, encoding="utf-8")
        checked = pre_commit(tmp_path, tmp_path, "validate-config", str(path))
        assert checked.returncode == 0, checked.stdout


def test_try_repo_passes_on_the_examples(hook_repo: HookRepo, tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "team", {})
    files = [f"journeys/{path.name}" for path in sorted(EXAMPLES_DIR.glob("*.yaml"))]
    result = pre_commit(repo, tmp_path / "home", "try-repo", str(hook_repo.path), "--files", *files, "--verbose")
    assert result.returncode == 0, result.stdout
    assert re.search(r"^cjm validate\.+Passed$", result.stdout, re.MULTILINE), result.stdout
    assert re.search(r"^cjm validate --strict\.+Passed$", result.stdout, re.MULTILINE), result.stdout
    assert result.stdout.count(f"\n{len(files)} files valid\n") == 2


def test_try_repo_fails_on_a_broken_map_with_its_position(hook_repo: HookRepo, tmp_path: Path) -> None:
    text, line, column = broken_map()
    repo = make_repo(tmp_path / "team", {"journeys/broken.yaml": text})
    arguments = ("try-repo", str(hook_repo.path), "cjm-validate", "--files", "journeys/broken.yaml")
    result = pre_commit(repo, tmp_path / "home", *arguments)
    assert result.returncode == 1, result.stdout
    assert re.search(r"^cjm validate\.+Failed$", result.stdout, re.MULTILINE), result.stdout
    assert f"journeys/broken.yaml:{line}:{column}: error CJM302 " in result.stdout
    assert "1 of 1 file invalid (1 error, 0 warnings)" in result.stdout


def test_strict_hook_alone_fails_on_a_method_warning(hook_repo: HookRepo, store: Path, tmp_path: Path) -> None:
    text, line, column = stale_map()
    config = (
        f"repos:\n  - repo: {hook_repo.path}\n    rev: {hook_repo.rev}\n"
        "    hooks:\n      - id: cjm-validate\n      - id: cjm-validate-strict\n"
    )
    repo = make_repo(tmp_path / "team", {".pre-commit-config.yaml": config, "journeys/stale.yaml": text})
    lenient = pre_commit(repo, store, "run", "cjm-validate", "--files", "journeys/stale.yaml", "--verbose")
    strict = pre_commit(repo, store, "run", "cjm-validate-strict", "--files", "journeys/stale.yaml")
    warning = f"journeys/stale.yaml:{line}:{column}: warning CJM512 "
    assert lenient.returncode == 0, lenient.stdout
    assert warning in lenient.stdout
    assert strict.returncode == 1, strict.stdout
    assert re.search(r"^cjm validate --strict\.+Failed$", strict.stdout, re.MULTILINE)
    assert warning in strict.stdout


def test_documented_config_checks_maps_and_leaves_other_yaml_alone(
    hook_repo: HookRepo, store: Path, tmp_path: Path
) -> None:
    [default, _] = config_snippets()
    broken, _, _ = broken_map()
    files = {
        ".pre-commit-config.yaml": pointed_at(default, hook_repo),
        ".github/workflows/ci.yml": WORKFLOW,
        "docker-compose.yml": COMPOSE,
        "docs/customer-journeys/broken.yaml": broken,
        "checkout.cjm.yaml": (EXAMPLES_DIR / "saas-trial-onboarding.yaml").read_text(encoding="utf-8"),
    }
    repo = make_repo(tmp_path / "team", files)
    result = pre_commit(repo, store, "run", "--all-files", "--verbose")
    assert result.returncode == 0, result.stdout
    # the examples under journeys/ and checkout.cjm.yaml; not the workflow, the compose file or docs/
    checked = len(list(EXAMPLES_DIR.glob("*.yaml"))) + 1
    assert f"\n{checked} files valid\n" in result.stdout, result.stdout


def test_documented_files_override_checks_maps_kept_elsewhere(hook_repo: HookRepo, store: Path, tmp_path: Path) -> None:
    [_, override] = config_snippets()
    broken, line, column = broken_map()
    files = {
        ".pre-commit-config.yaml": pointed_at(override, hook_repo),
        "docs/customer-journeys/broken.yaml": broken,
        "docs/customer-journeys/onboarding.yaml": (EXAMPLES_DIR / "saas-trial-onboarding.yaml").read_text(
            encoding="utf-8"
        ),
        "docs/customer-journeys/notes.md": "Not YAML: `types: [yaml]` keeps it out.\n",
    }
    repo = make_repo(tmp_path / "team", files)
    result = pre_commit(repo, store, "run", "--all-files")
    assert result.returncode == 1, result.stdout
    assert f"docs/customer-journeys/broken.yaml:{line}:{column}: error CJM302 " in result.stdout
    # only the two maps under docs/customer-journeys/: journeys/ is no longer in `files:`
    assert "1 of 2 files invalid (1 error, 0 warnings)" in result.stdout, result.stdout
