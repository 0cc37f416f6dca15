"""Every diagnostic speaks French under `--lang fr`: its message and hint come from the catalogue.

Two views of the same promise. In the process, every message and hint of every diagnostic the
test cases (and the files below, for codes no case file can trigger) produce is a `Message`
whose template, and every template among its arguments, has a French translation. Through the
real CLI, the French JSON report differs from the English one in every message and hint, with
the same codes, positions and keys.

Why both: the first says *why* a message stays English (a plain f-string, a phrase passed as a
plain string); the second catches what the first cannot see (a reporter that forgets to translate).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cjm.diagnostics import Diagnostic, make
from cjm.pipeline import check_bytes, check_file, check_side
from cjm.translation import Message, catalogue
from tests.conftest import ROOT, TODAY_EPOCH, run_cjm
from tests.test_diagnostics_cases import BYTE_CASES, YAML_CASES

EMOJI_MAP = """\
cjm: 1
title: Plantes
stages:
  - name: Choisir
    touchpoints:
      - name: Livraison 🦜
"""


def _untranslated(text: str | None) -> list[str]:
    """The templates of a message (itself and the messages among its arguments) with no French translation.

    A plain string is untranslated as a whole: only a `Message` is translated when shown.
    """
    if text is None:
        return []
    if not isinstance(text, Message):
        return [text]
    found = [] if text.template in catalogue("fr")._catalog else [text.template]  # type: ignore[attr-defined]
    for value in text.arguments.values():
        if isinstance(value, Message):
            found += _untranslated(value)
    return found


def _english_left(diagnostic: Diagnostic) -> list[str]:
    left = _untranslated(diagnostic.message) + _untranslated(diagnostic.hint)
    return [f"{diagnostic.file}:{diagnostic.line} {diagnostic.code} {text}" for text in left]


@pytest.fixture(scope="module")
def extra_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Bad files for the codes no case file triggers: encodings, empty files, a folder, a bad configuration."""
    folder = tmp_path_factory.mktemp("extra")
    paths = []
    for name, data in BYTE_CASES.items():
        path = folder / f"{name}.yaml"
        path.write_bytes(data)
        paths.append(path)
    (folder / "empty-folder.yaml").mkdir()
    configured = folder / "configured"
    configured.mkdir()
    (configured / ".cjm.toml").write_text('ignore = ["CJM999"]\nmax_stage = 3\n', encoding="utf-8")
    (configured / "map.yaml").write_text("cjm: 1\ntitle: T\nstages:\n  - name: A\n", encoding="utf-8")
    return [*paths, folder / "empty-folder.yaml", folder / "missing.yaml", configured / "map.yaml"]


def test_every_case_diagnostic_has_a_french_template() -> None:
    left = [text for path in YAML_CASES for d in check_file(path).diagnostics for text in _english_left(d)]
    assert not left, "\n".join(left)


def test_diagnostics_of_unreadable_files_have_french_templates(extra_files: list[Path]) -> None:
    results = [check_file(path) for path in extra_files]
    codes = {d.code for result in results for d in result.diagnostics}
    assert {"CJM101", "CJM102", "CJM103", "CJM104", "CJM107", "CJM601"} <= codes
    left = [text for result in results for d in result.diagnostics for text in _english_left(d)]
    assert not left, "\n".join(left)


def test_a_git_revision_that_cannot_be_read_has_a_french_template(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = check_side("no-such-revision:map.yaml")
    finally:
        os.chdir(here)
    assert [d.code for d in result.diagnostics] == ["CJM113"]
    assert not _english_left(result.diagnostics[0])


def test_a_baseline_problem_has_a_french_template(tmp_path: Path) -> None:
    future = tmp_path / "future.yaml"
    future.write_text("cjm: 1\ntitle: T\ntype: future-state\nbaseline: gone.yaml\nstages:\n  - name: A\n")
    (tmp_path / "broken.yaml").write_text("cjm: 1\nstages: []\n", encoding="utf-8")
    invalid = tmp_path / "future-invalid.yaml"
    invalid.write_text(future.read_text().replace("gone.yaml", "broken.yaml"), encoding="utf-8")
    found = [d for path in (future, invalid) for d in check_file(path).diagnostics if d.code in ("CJM308", "CJM309")]
    assert sorted(d.code for d in found) == ["CJM308", "CJM309"]
    assert not [text for d in found for text in _english_left(d)]


def test_a_diagnostic_built_from_an_f_string_is_caught() -> None:
    # The check itself can fail: a plain string, or a Message whose template is not in the catalogue.
    plain = make("CJM302", "a.yaml", 1, 1, "unknown channel `x`")
    unknown = make("CJM302", "a.yaml", 1, 1, Message("a template {x} nobody translated", x=1))
    nested = make("CJM302", "a.yaml", 1, 1, Message("`{field}` {where}", field="f", where=Message("nowhere known")))
    assert _english_left(plain) and _english_left(unknown) and _english_left(nested)


def _json(*args: str, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    result = run_cjm(*args, "--output-format", "json", env=env)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return list(json.loads(result.stdout))


def _english_pairs(english: list[dict[str, Any]], french: list[dict[str, Any]]) -> list[str]:
    """Messages and hints the French report left as the English one wrote them (codes and positions must match)."""
    assert [(d["file"], d["line"], d["column"], d["code"]) for d in english] == [
        (d["file"], d["line"], d["column"], d["code"]) for d in french
    ]
    same = []
    for en, fr in zip(english, french, strict=True):
        for key in ("message", "hint"):
            if en[key] is not None and en[key] == fr[key]:
                same.append(f"{en['file']}:{en['line']} {en['code']} {key}: {en[key]}")
    return same


def test_validate_in_french_changes_every_message_and_keeps_every_code(extra_files: list[Path]) -> None:
    files = [str(path) for path in [*YAML_CASES, *extra_files]]
    english = _json("validate", "--lang", "en", *files)
    french = _json("validate", "--lang", "fr", *files)
    assert len(english) > 400
    same = _english_pairs(english, french)
    assert not same, "\n".join(same)


def test_the_environment_asks_for_french_as_the_option_does() -> None:
    case = str(ROOT / "tests" / "cases" / "CJM205-french-team-mistakes.yaml")
    environment = {**os.environ, "LANG": "fr_FR.UTF-8", "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        environment.pop(variable, None)
    by_option = run_cjm("validate", "--lang", "fr", case)
    by_environment = run_cjm("validate", case, env=environment)
    assert by_option.returncode == by_environment.returncode == 1
    assert by_option.stderr == by_environment.stderr
    assert "vouliez-vous dire `high`\u202f?" in by_option.stderr
    assert "13 erreurs, 0 avertissement" in by_option.stderr
    english = run_cjm("validate", "--lang", "en", case)
    codes = [line.split()[2] for line in english.stderr.splitlines() if ": error CJM" in line]
    assert codes == [line.split()[2] for line in by_option.stderr.splitlines() if ": erreur CJM" in line]
    assert len(codes) == 13


def test_build_diagnostics_speak_french(tmp_path: Path) -> None:
    # CJM401 and CJM405 without Graphviz and rsvg-convert, CJM407 for a glyph no font has,
    # CJM403 when an output is a folder, CJM404 for two maps with one output name.
    emoji = tmp_path / "plantes.yaml"
    emoji.write_text(EMOJI_MAP, encoding="utf-8")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.yaml").write_text(EMOJI_MAP.replace(" 🦜", ""), encoding="utf-8")
    (tmp_path / "blocked").mkdir()
    (tmp_path / "blocked" / "plantes.md").mkdir()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    bare = {**os.environ, "PATH": str(bin_dir), "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    runs: list[tuple[tuple[str, ...], dict[str, str] | None]] = [
        (("build", str(emoji), "-o", str(tmp_path / "out"), "-f", "svg,png", "--view", "map,flow"), bare),
        (("build", str(emoji), "-o", str(tmp_path / "glyphs"), "-f", "svg"), None),
        (("build", str(emoji), "-o", str(tmp_path / "blocked"), "-f", "md"), None),
        (
            ("build", str(tmp_path / "a" / "same.yaml"), str(tmp_path / "b" / "same.yaml"), "-o", str(tmp_path / "c")),
            None,
        ),
    ]
    codes: set[str] = set()
    for args, env in runs:
        english = _json(*args, "--lang", "en", "--no-cache", env=env)
        french = _json(*args, "--lang", "fr", "--no-cache", env=env)
        codes |= {d["code"] for d in french}
        same = _english_pairs(english, french)
        assert not same, "\n".join(same)
    assert {"CJM401", "CJM403", "CJM404", "CJM405", "CJM407"} <= codes


# Modules whose diagnostics are still written as plain text while they move to templates (the docs
# integrations: they report CJM430 inside a docs build, not through `cjm validate`); every other
# module builds its messages and hints as `Message`s.
NOT_YET_TEMPLATES = frozenset({"mkdocs.py", "sphinx.py"})


def test_no_diagnostic_is_built_from_plain_text() -> None:
    # The codes no file can trigger here (Graphviz failing, rsvg-convert failing, a missing font) too:
    # a literal or an f-string passed as a diagnostic's message or hint is English in every language.
    import ast

    found = []
    for path in sorted((ROOT / "cjm").rglob("*.py")):
        if path.name in NOT_YET_TEMPLATES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if called not in ("make", "RenderError", "Diagnostic"):
                continue
            texts = [
                *node.args[1:],
                *(keyword.value for keyword in node.keywords if keyword.arg in ("message", "hint")),
            ]
            for text in texts:
                literal = isinstance(text, ast.Constant) and isinstance(text.value, str) and " " in text.value
                if isinstance(text, ast.JoinedStr) or literal:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(text)[:70]}")
    assert not found, "\n".join(found)


def test_an_unreadable_file_reports_in_position_order(tmp_path: Path) -> None:
    # Pasted characters are found before parsing and a syntax error after: one order whatever the step.
    source = "cjm: 1\nstages:\n  - name: A\n   emotion: 2\n\u200b  - name: B\n"
    path = tmp_path / "map.yaml"
    path.write_text(source, encoding="utf-8")
    for result in (check_file(path), check_bytes(source.encode("utf-8"), "map.yaml")):
        positions = [(d.line, d.column) for d in result.diagnostics]
        assert len(positions) >= 2 and positions == sorted(positions)
