"""The GitHub Actions workflow of docs/ci.md, taken from the page and run for real on a pull request.

The workflow's YAML is read from its fenced block and parsed; its `run:` steps that use cjm are
executed with bash the way a runner does (`bash --noprofile --norc -eo pipefail`, in the checkout,
with the workflow's and GitHub's environment variables) in a git repository shaped like an
`actions/checkout` of a pull request: `origin/main` fetched, HEAD the merge of the feature branch
into it. Only the install step is left out: the venv's `cjm` comes first on PATH instead.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT, TODAY_EPOCH

CI_DOC = ROOT / "docs" / "ci.md"
WORKFLOW_FILE = ".github/workflows/journey-maps.yml"
EXAMPLES_DIR = ROOT / "examples"
ECOMMERCE = EXAMPLES_DIR / "ecommerce-first-purchase.yaml"
FUTURE = EXAMPLES_DIR / "ecommerce-first-purchase-future.yaml"
ONBOARDING = EXAMPLES_DIR / "saas-trial-onboarding.yaml"
SUPPORT = EXAMPLES_DIR / "support-box-internet-fr.yaml"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "cjm tests",
    "GIT_AUTHOR_EMAIL": "tests@cjm.invalid",
    "GIT_COMMITTER_NAME": "cjm tests",
    "GIT_COMMITTER_EMAIL": "tests@cjm.invalid",
}
CJM_STEPS = ["Validate the maps", "Build the pictures", "Diff the changed maps against the base branch"]


def workflow() -> Any:
    """The workflow in docs/ci.md: the fenced YAML block whose first line names the workflow file."""
    blocks = re.findall(r"^```yaml\n(.*?)^```", CI_DOC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    [text] = [block for block in blocks if block.startswith(f"# {WORKFLOW_FILE}\n")]
    return YAML().load(text)


def job() -> Any:
    """The workflow's only job."""
    [only] = workflow()["jobs"].values()
    return only


def environment() -> dict[str, str]:
    """The inherited environment without git's variables (a hook running pytest sets GIT_DIR), plus a committer."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    return {**env, **GIT_IDENTITY, "SOURCE_DATE_EPOCH": TODAY_EPOCH}


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd`; a failure fails the test with git's message."""
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=environment(), capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


def commit(repo: Path, files: dict[str, str | None], message: str) -> None:
    """Write (or, for None, delete) files and commit them."""
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", message)


def checkout_of_pull_request(tmp: Path, base: dict[str, str | None], change: dict[str, str | None]) -> Path:
    """A clone as `actions/checkout` with `fetch-depth: 0` leaves it for a pull request.

    `main` holds `base`; a `feature` branch commits `change` on top; the clone has every branch as
    `origin/*` and HEAD detached on the merge of `feature` into `main`, like `refs/pull/N/merge`.
    """
    origin = tmp / "origin"
    origin.mkdir()
    git(origin, "init", "--quiet", "--initial-branch", "main")
    commit(origin, {"README.md": "# Our journey maps\n", **base}, "maps on main")
    git(origin, "checkout", "--quiet", "-b", "feature")
    commit(origin, change, "change the maps")
    git(origin, "checkout", "--quiet", "main")
    workspace = tmp / "workspace"
    git(tmp, "clone", "--quiet", str(origin), str(workspace))
    git(workspace, "checkout", "--quiet", "--detach", "origin/main")
    git(workspace, "merge", "--quiet", "--no-ff", "--no-edit", "origin/feature")
    return workspace


@dataclass(frozen=True)
class Run:
    """What the cjm steps of the workflow did: each step's process, and the job summary they wrote."""

    steps: dict[str, subprocess.CompletedProcess[str]]
    summary: str
    workspace: Path


def run_workflow(workspace: Path, tmp: Path) -> Run:
    """Run the workflow's cjm steps in order in `workspace`, as a runner would on `pull_request`.

    Every step runs, as the later ones are `if: !cancelled()`; the venv's `cjm` stands in for the
    install step. The workflow's `env:` values are used as written, so they must hold no `${{ }}`.
    """
    summary = tmp / "step_summary.md"
    summary.write_text("", encoding="utf-8")
    env = {
        **environment(),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_BASE_REF": "main",
        "GITHUB_HEAD_REF": "feature",
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    env.update(literal_env(workflow()))
    env.update(literal_env(job()))
    steps: dict[str, subprocess.CompletedProcess[str]] = {}
    for number, step in enumerate(job()["steps"]):
        if "run" not in step or step.get("id") == "install":
            continue
        script = tmp / f"step-{number}.sh"
        script.write_text(step["run"], encoding="utf-8")
        step_env = {**env, **literal_env(step)}
        steps[step["name"]] = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    return Run(steps, summary.read_text(encoding="utf-8"), workspace)


def literal_env(section: Any) -> dict[str, str]:
    """The `env:` of a workflow, job or step; an expression in it would reach bash unexpanded here."""
    values = {str(key): str(value) for key, value in (section.get("env") or {}).items()}
    assert [key for key, value in values.items() if "${{" in value] == []
    return values


def located(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column where `needle` starts in `text` (it must occur once)."""
    assert text.count(needle) == 1, needle
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def out_dir(run: Run) -> Path:
    """The folder the upload-artifact step uploads, resolved in the workspace."""
    [upload] = [step for step in job()["steps"] if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
    return run.workspace / upload["with"]["path"]


def test_workflow_runs_on_pull_requests_with_what_the_steps_need() -> None:
    definition = workflow()
    assert WORKFLOW_FILE in definition["on"]["pull_request"]["paths"], "a change to the workflow should run it"
    assert definition["defaults"]["run"]["shell"] == "bash"
    steps = job()["steps"]
    checkout = next(step for step in steps if str(step.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "the diff reads origin/<base>, which a shallow clone lacks"
    [install] = [step for step in steps if step.get("id") == "install"]
    assert "apt-get install" in install["run"] and "graphviz" in install["run"]
    assert "pip install" in install["run"] and "cjm-journeys" in install["run"]
    assert [step["name"] for step in steps if "run" in step and step is not install] == CJM_STEPS
    by_name = {step.get("name"): step for step in steps}
    assert "--output-format github" in by_name["Validate the maps"]["run"]
    # Expressions expanded into a script are a shell-injection hole (a branch name is attacker-chosen).
    assert [step["name"] for step in steps if "${{" in str(step.get("run", ""))] == []
    [upload] = [step for step in steps if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
    assert upload["with"]["path"].rstrip("/") == job()["env"]["OUT"]


@pytest.fixture(scope="module")
def clean_pull_request(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """A pull request that changes one map, adds a future-state map, removes one and leaves one alone.

    Run once for the module: the tests below only read what the steps did.
    """
    tmp_path = tmp_path_factory.mktemp("clean-pull-request")
    current = ECOMMERCE.read_text(encoding="utf-8")
    # main's version: the hidden delivery cost was rated high and its fix was still an idea
    older = current.replace("severity: critical", "severity: high").replace("status: in-progress", "status: idea")
    assert current.count("severity: critical") == current.count("status: in-progress") == 1
    base: dict[str, str | None] = {
        "journeys/ecommerce-first-purchase.yaml": older,
        "journeys/saas-trial-onboarding.yaml": ONBOARDING.read_text(encoding="utf-8"),
        "journeys/support-box-internet-fr.yaml": SUPPORT.read_text(encoding="utf-8"),
    }
    change: dict[str, str | None] = {
        "journeys/ecommerce-first-purchase.yaml": current,
        "journeys/ecommerce-first-purchase-future.yaml": FUTURE.read_text(encoding="utf-8"),
        "journeys/support-box-internet-fr.yaml": None,
    }
    return run_workflow(checkout_of_pull_request(tmp_path, base, change), tmp_path)


def test_clean_pull_request_validates_without_annotations(clean_pull_request: Run) -> None:
    validate = clean_pull_request.steps["Validate the maps"]
    assert validate.returncode == 0, validate.stderr
    assert validate.stdout == ""
    assert validate.stderr == "3 files valid\n"


def test_clean_pull_request_builds_the_pictures_for_the_artefact(clean_pull_request: Run) -> None:
    build = clean_pull_request.steps["Build the pictures"]
    assert build.returncode == 0, build.stderr
    stems = ["ecommerce-first-purchase", "ecommerce-first-purchase-future", "saas-trial-onboarding"]
    expected = sorted(f"{stem}{suffix}" for stem in stems for suffix in (".html", ".md", ".svg"))
    built = out_dir(clean_pull_request)
    assert sorted(path.name for path in built.iterdir()) == expected
    assert all(path.stat().st_size > 0 for path in built.iterdir())


def test_clean_pull_request_writes_the_diff_to_the_job_summary(clean_pull_request: Run) -> None:
    diff = clean_pull_request.steps["Diff the changed maps against the base branch"]
    assert diff.returncode == 0, diff.stderr
    summary = clean_pull_request.summary
    assert summary.startswith("## Journey maps changed by this pull request\n\n")
    assert "### Journey map diff: Fernleaf first online purchase (new customer, mobile web)\n" in summary
    changed = "origin/main:journeys/ecommerce-first-purchase.yaml → journeys/ecommerce-first-purchase.yaml: 2 changes"
    assert changed in summary
    assert "| | Change |\n| --- | --- |\n" in summary
    assert "severity: high → critical (worse)" in summary
    assert "status: idea → in progress" in summary
    new_map = "New map: `journeys/ecommerce-first-purchase-future.yaml` (nothing on main to compare with)"
    assert new_map in summary
    assert "Removed: `journeys/support-box-internet-fr.yaml`" in summary
    assert "saas-trial-onboarding" not in summary, "an unchanged map is not diffed"


def test_broken_pull_request_is_annotated_and_still_reported(tmp_path: Path) -> None:
    current = ECOMMERCE.read_text(encoding="utf-8")
    broken = current.replace("channel: word-of-mouth", "channel: word-of-mouht")
    onboarding = ONBOARDING.read_text(encoding="utf-8")
    stale = onboarding.replace("reviewed: 2026-10-28", "reviewed: 2025-01-10")
    assert broken != current and stale != onboarding
    workspace = checkout_of_pull_request(
        tmp_path,
        {"journeys/ecommerce-first-purchase.yaml": current},
        {"journeys/ecommerce-first-purchase.yaml": broken, "journeys/stale.yaml": stale},
    )
    run = run_workflow(workspace, tmp_path)

    validate = run.steps["Validate the maps"]
    assert validate.returncode == 1
    line, column = located(broken, "word-of-mouht")
    end = column + len("word-of-mouht") - 1
    error = (
        f"::error file=journeys/ecommerce-first-purchase.yaml,line={line},col={column},endColumn={end},title=CJM302::"
    )
    assert error in validate.stdout
    line, column = located(stale, "2025-01-10")
    end = column + len("2025-01-10") - 1
    assert (
        f"::warning file=journeys/stale.yaml,line={line},col={column},endColumn={end},title=CJM512::" in validate.stdout
    )
    assert validate.stderr == "1 of 2 files invalid (1 error, 1 warning)\n"

    build = run.steps["Build the pictures"]
    assert build.returncode == 1
    assert sorted(path.name for path in out_dir(run).iterdir()) == ["stale.html", "stale.md", "stale.svg"]

    diff = run.steps["Diff the changed maps against the base branch"]
    assert diff.returncode == 0, diff.stderr
    assert "`journeys/ecommerce-first-purchase.yaml` could not be compared with main" in run.summary
    assert "New map: `journeys/stale.yaml`" in run.summary
    assert "CJM302" in diff.stderr, "the reason stays in the step's log"


def test_pull_request_without_map_changes_says_so(tmp_path: Path) -> None:
    workspace = checkout_of_pull_request(
        tmp_path,
        {"journeys/ecommerce-first-purchase.yaml": ECOMMERCE.read_text(encoding="utf-8")},
        {"README.md": "# Our journey maps\n\nRun `cjm build journeys/`.\n"},
    )
    run = run_workflow(workspace, tmp_path)
    assert [process.returncode for process in run.steps.values()] == [0, 0, 0]
    assert run.summary == "## Journey maps changed by this pull request\n\nNo journey map changed.\n"


MATRIX_FILE = ".github/workflows/journey-map-pictures.yml"


def matrix_job() -> Any:
    """The only job of the build-matrix workflow in docs/ci.md."""
    blocks = re.findall(r"^```yaml\n(.*?)^```", CI_DOC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    [text] = [block for block in blocks if block.startswith(f"# {MATRIX_FILE}\n")]
    [only] = YAML().load(text)["jobs"].values()
    return only


def test_matrix_shards_build_every_map_once_and_reuse_their_cache(tmp_path: Path) -> None:
    build = matrix_job()
    shards = list(build["strategy"]["matrix"]["shard"])
    steps = {step["name"]: step for step in build["steps"] if "name" in step}
    restore, save = steps["Restore the cjm cache"], steps["Save the cjm cache"]
    assert str(restore["uses"]).startswith("actions/cache/restore@")
    assert str(save["uses"]).startswith("actions/cache/save@")
    assert restore["with"]["path"] == save["with"]["path"] == build["env"]["CJM_CACHE_DIR"]
    assert "${{ matrix.shard }}" in restore["with"]["key"] and restore["with"]["key"] == save["with"]["key"]
    workspace = tmp_path / "checkout"
    (workspace / build["env"]["MAPS"]).mkdir(parents=True)
    plain = [ECOMMERCE, ONBOARDING, SUPPORT]
    for number in range(9):
        text = plain[number % 3].read_text(encoding="utf-8")
        (workspace / build["env"]["MAPS"] / f"map-{number}.yaml").write_text(text, encoding="utf-8")
    script = tmp_path / "steps.sh"  # the build, then the cache clean-up before the save
    script.write_text(
        steps["Build this shard's maps"]["run"] + "\n" + steps["Forget what this shard no longer uses"]["run"] + "\n",
        encoding="utf-8",
    )
    rounds: list[list[subprocess.CompletedProcess[str]]] = []
    for _ in range(2):
        runs = []
        for shard in shards:
            values = {key: str(value).replace("${{ matrix.shard }}", str(shard)) for key, value in build["env"].items()}
            values["OUT"] = f"{values['OUT']}-{shard}"  # one runner each: keep the shards' outputs apart here
            env = {**environment(), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", **values}
            runs.append(
                subprocess.run(
                    ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                    cwd=workspace,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=300,
                    check=False,
                )
            )
        assert [run.returncode for run in runs] == [0] * len(shards), [run.stderr for run in runs]
        rounds.append(runs)
    built = sorted(path.name for shard in shards for path in (workspace / f"cjm-out-{shard}").glob("*.svg"))
    assert built == [f"map-{number}.svg" for number in range(9)]
    assert not any("from the cache" in run.stderr for run in rounds[0])
    for run in rounds[1]:
        if "holds none" not in run.stderr:
            built_line = next(line for line in run.stderr.splitlines() if line.startswith("built "))
            outputs = int(re.search(r": (\d+) outputs?", built_line).group(1))  # type: ignore[union-attr]
            assert f"({outputs} from the cache)" in built_line
    assert all("removed 0 cache files" in run.stdout for run in rounds[1]), "every entry was used this week"
    assert (workspace / build["env"]["CJM_CACHE_DIR"] / "v1").is_dir()
