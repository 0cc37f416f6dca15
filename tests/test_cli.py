"""The command line through typer's test runner and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from typer.testing import CliRunner

from cjm import __version__
from cjm.cli import app
from cjm.translation import LANGUAGES
from tests.conftest import EXAMPLES, ROOT, TODAY_EPOCH, run_cjm

BAD = ROOT / "tests" / "cases" / "CJM203-unknown-fields.yaml"


def test_version_and_help() -> None:
    assert run_cjm("--version").stdout == f"cjm {__version__}\n"
    for command in ("validate", "schema"):
        result = run_cjm(command, "--help")
        assert result.returncode == 0
        assert "Example" in result.stdout


def test_runner_subprocess_and_module_agree() -> None:
    runner = CliRunner()
    via_runner = runner.invoke(
        app, ["validate", "--output-format", "json", str(BAD)], env={"SOURCE_DATE_EPOCH": TODAY_EPOCH}
    )
    via_script = run_cjm("validate", "--output-format", "json", str(BAD))
    via_module = subprocess.run(
        [sys.executable, "-m", "cjm", "validate", "--output-format", "json", str(BAD)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH},
    )
    assert via_runner.exit_code == via_script.returncode == via_module.returncode == 1
    assert via_runner.stdout == via_script.stdout == via_module.stdout
    found = json.loads(via_script.stdout)
    assert [item["code"] for item in found if item["severity"] == "error"] == ["CJM203"] * 4


def test_text_output_shows_source_line_caret_and_hint() -> None:
    result = run_cjm("validate", str(BAD))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    head = f"{BAD}:9:5: error CJM203 unknown field `pain_point` in stage `Cart`"
    at = lines.index(head)
    assert lines[at + 1].endswith("│     pain_point:")
    assert lines[at + 2].endswith("│     ^^^^^^^^^^")
    assert lines[at + 3].strip() == "hint: did you mean `pain_points`?"
    # The method warnings come in the same run, on the part of the map that could be read.
    assert lines[-1] == "1 of 1 file invalid (4 errors, 2 warnings)"
    assert result.stdout == ""


def test_json_keys_and_null_hint(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("cjm: 1\ntitle: T\nstages:\n  - name: A\n    touchpoints: [{name: X, channel: web, emotion: 9}]\n")
    [item] = [
        found for found in json.loads(run_cjm("validate", "-F", "json", str(path)).stdout) if found["code"] == "CJM305"
    ]
    assert set(item) == {"file", "line", "column", "code", "severity", "message", "hint", "end_column"}
    assert item["hint"] is not None
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("cjm: 1\ntitle: [a]\nstages:\n  - name: A\n")
    [item] = [
        found for found in json.loads(run_cjm("validate", "-F", "json", str(wrong)).stdout) if found["code"] == "CJM204"
    ]
    assert item["hint"] is None


def test_a_missing_file_has_no_position(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    [item] = json.loads(run_cjm("validate", "-F", "json", missing).stdout)
    assert (item["code"], item["line"], item["column"]) == ("CJM101", None, None)
    text = run_cjm("validate", missing).stderr
    assert text.startswith(f"{missing}: error CJM101") and ":1:1" not in text
    github = run_cjm("validate", "-F", "github", missing).stdout
    assert github.startswith("::error file=") and "line=" not in github


def test_github_annotations_escape_properties_and_data(tmp_path: Path) -> None:
    path = tmp_path / "a,b:c.yaml"
    path.write_text("cjm: 1\ntitle: T\nstages:\n  - name: A\n    touchpoints: [{name: X, channel: 'we%b'}]\n")
    result = run_cjm("validate", "--output-format", "github", str(path))
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert line.startswith(f"::error file={tmp_path}/a%2Cb%3Ac.yaml,line=5,col=38,endColumn=43,title=CJM302::")
    assert "unknown channel `we%25b`" in line


def test_globs_and_directories(tmp_path: Path) -> None:
    for example in EXAMPLES:
        (tmp_path / example.name).write_bytes(example.read_bytes())
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "broken.yaml").write_text("{")
    by_dir = run_cjm("validate", str(tmp_path))
    by_glob = run_cjm("validate", f"{tmp_path}/*.yaml")
    assert by_dir.returncode == by_glob.returncode == 0
    assert by_dir.stderr == by_glob.stderr == f"{len(EXAMPLES)} files valid\n"


def test_batch_reports_every_file_and_fails_if_any_fails(tmp_path: Path) -> None:
    result = run_cjm("validate", "-F", "json", str(EXAMPLES[0]), str(tmp_path / "missing.yaml"), str(BAD))
    assert result.returncode == 1
    codes = [item["code"] for item in json.loads(result.stdout) if item["severity"] == "error"]
    assert codes == ["CJM101"] + ["CJM203"] * 4 or codes == ["CJM203"] * 4 + ["CJM101"]


def test_usage_errors_exit_two() -> None:
    assert run_cjm("validate").returncode == 2
    wrong = run_cjm("validate", "-F", "xml", str(EXAMPLES[0]), env={**os.environ, "COLUMNS": "200"})
    assert wrong.returncode == 2
    assert "'xml' is not one of text, json, github" in wrong.stderr
    assert run_cjm("frobnicate").returncode == 2


def _french_environment(**variables: str) -> dict[str, str]:
    """The test environment with gettext's variables replaced by `variables` (the suite pins LANGUAGE=en)."""
    base = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return {**base, "SOURCE_DATE_EPOCH": TODAY_EPOCH, **variables}


def test_lang_option_and_environment_speak_french_with_the_same_codes(tmp_path: Path) -> None:
    english = run_cjm("validate", str(BAD))
    by_option = run_cjm("validate", "--lang", "fr", str(BAD))
    by_environment = run_cjm("validate", str(BAD), env=_french_environment(LANG="fr_FR.UTF-8"))
    assert english.returncode == by_option.returncode == by_environment.returncode == 1
    assert by_option.stderr == by_environment.stderr
    assert by_option.stderr.splitlines()[-1] == "1 non valide sur 1 fichier (4 erreurs, 2 avertissements)"
    assert "erreur CJM203" in by_option.stderr and "conseil\u00a0:" in by_option.stderr
    # Codes, JSON keys and severities never change with the language.
    as_json = [json.loads(run_cjm("validate", "-F", "json", *lang, str(BAD)).stdout) for lang in ([], ["--lang", "fr"])]
    assert [[(item["code"], item["severity"], sorted(item)) for item in items] for items in as_json[:1]] == [
        [(item["code"], item["severity"], sorted(item)) for item in items] for items in as_json[1:]
    ]
    # C wins over LANG (LC_ALL is read first), and --lang over the environment.
    assert (
        run_cjm("validate", str(BAD), env=_french_environment(LC_ALL="C", LANG="fr_FR.UTF-8")).stderr == english.stderr
    )
    forced = run_cjm("validate", "--lang", "en", str(BAD), env=_french_environment(LANG="fr_FR.UTF-8"))
    assert forced.stderr == english.stderr


def test_every_command_takes_lang(tmp_path: Path) -> None:
    example = str(EXAMPLES[0])
    assert run_cjm("validate", "--lang", "fr", example).stderr == "1 fichier valide\n"
    built = run_cjm("build", "--lang", "fr", example, "-f", "md", "-o", str(tmp_path))
    assert built.returncode == 0 and built.stderr.startswith("1 généré sur 1 fichier (md)\u00a0: 1 sortie en ")
    assert run_cjm("diff", "--lang", "fr", example, example).stdout.startswith("Aucun changement entre ")
    assert "CJM101  erreur " in run_cjm("rules", "--lang", "fr").stdout
    assert "CJM101  erreur " in run_cjm("--lang", "fr", "rules").stdout  # before the command too
    assert "CJM101  error " in run_cjm("--lang", "fr", "rules", "--lang", "en").stdout  # the command's wins
    assert run_cjm("schema", "--lang", "fr").returncode == 0
    unknown = run_cjm("validate", "--lang", "xx", example, env={**os.environ, "COLUMNS": "200"})
    assert unknown.returncode == 2 and f"'xx' is not one of {', '.join(LANGUAGES)}" in unknown.stderr


def test_rules_in_french_keep_codes_and_names() -> None:
    english = json.loads(run_cjm("rules", "-F", "json").stdout)
    french = json.loads(run_cjm("rules", "-F", "json", "--lang", "fr").stdout)
    assert [(row["code"], row["name"], row["severity"]) for row in english] == [
        (row["code"], row["name"], row["severity"]) for row in french
    ]
    assert french[0]["summary"] == "Le fichier n’existe pas."
    assert all(a["summary"] != b["summary"] for a, b in zip(english, french, strict=True))


def test_configuration_messages_are_translated_when_reported(tmp_path: Path) -> None:
    # Messages built as templates (cjm.translation.Message) are reported in the run's language.
    (tmp_path / ".cjm.toml").write_text('ignor = ["CJM504"]\n', encoding="utf-8")
    (tmp_path / "map.yaml").write_bytes(EXAMPLES[0].read_bytes())
    english, french = (
        json.loads(run_cjm("validate", "-F", "json", *lang, str(tmp_path / "map.yaml")).stdout)
        for lang in ([], ["--lang", "fr"])
    )
    [english_item] = [item for item in english if item["code"] == "CJM601"]
    [french_item] = [item for item in french if item["code"] == "CJM601"]
    assert english_item["message"] == "unknown option `ignor` in the cjm configuration"
    assert english_item["hint"] == "did you mean `ignore`?"
    # A second run replays the check from the cache: the message is still French.
    cache = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "CJM_CACHE_DIR": str(tmp_path / "cache")}
    runs = [run_cjm("validate", "-F", "json", "--lang", "fr", str(tmp_path / "map.yaml"), env=cache) for _ in "12"]
    assert json.loads(runs[0].stdout) == json.loads(runs[1].stdout) == french
    assert french_item == {
        **english_item,
        "message": "option `ignor` inconnue dans la configuration de cjm",
        "hint": "vouliez-vous dire `ignore`\u202f?",
    }


_PLUGIN_PROBE = (
    "import sys, runpy\nsys.argv = ['cjm', 'validate', sys.argv[1]]\n"
    "try:\n    runpy.run_module('cjm', run_name='__main__')\nexcept SystemExit as done:\n    code = done.code\n"
    "loader = sys.modules.get('pydantic.plugin._loader')\n"
    "built = 'pydantic.plugin._schema_validator' in sys.modules\n"
    "print(code, 'importlib.metadata' in sys.modules, type(loader).__name__, built)"
)


def _plugin_probe(tmp_path: Path, **env: str) -> list[str]:
    """Run `cjm validate` on an example in a fresh process; what it imported of pydantic's plugin machinery."""
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    environment.update(CJM_CACHE_DIR=str(tmp_path / "cache"), SOURCE_DATE_EPOCH=TODAY_EPOCH, **env)
    done = subprocess.run(
        [sys.executable, "-c", _PLUGIN_PROBE, str(EXAMPLES[0])], capture_output=True, text=True, env=environment
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_validation_does_not_scan_installed_packages_for_pydantic_plugins(tmp_path: Path) -> None:
    # The models were built (pydantic asked for its plugins), through the stand-in: no package metadata read.
    assert _plugin_probe(tmp_path) == ["0", "False", "_NoPlugins", "True"]


def test_plugins_named_in_pydantic_disable_plugins_leave_the_others_scanned(tmp_path: Path) -> None:
    # Only "every plugin off" is answered without the scan; naming plugins to skip keeps pydantic's own loader.
    assert _plugin_probe(tmp_path, PYDANTIC_DISABLE_PLUGINS="some-plugin") == ["0", "True", "module", "True"]


def test_the_plugin_stand_in_answers_no_plugins_and_forwards_the_rest() -> None:
    from cjm.cli import PLUGIN_LOADER, _NoPlugins

    stand_in = _NoPlugins(PLUGIN_LOADER)
    assert tuple(stand_in.get_plugins()) == ()
    assert stand_in.PYDANTIC_ENTRY_POINT_GROUP == "pydantic"  # read from pydantic's real loader


def test_the_garbage_collector_stays_off_while_a_map_is_checked(tmp_path: Path) -> None:
    # Start-up makes objects that live until exit: the collector would only traverse them.
    probe = (
        "import atexit, gc, sys\nimport cjm.cli\nruns = []\n"
        "gc.callbacks.append(lambda phase, info: runs.append(info['generation']) if phase == 'start' else None)\n"
        "atexit.register(lambda: sys.__stdout__.write(f'{runs} {gc.isenabled()} {gc.get_freeze_count() > 0}'))\n"
        "sys.argv = ['cjm', 'validate', sys.argv[1]]\ncjm.cli.main()\n"
    )
    environment = {**os.environ, "CJM_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    done = subprocess.run(
        [sys.executable, "-c", probe, str(EXAMPLES[0])], capture_output=True, text=True, env=environment
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[] True True"  # no collection; back on, start-up's objects frozen, once the map was in


def test_a_batch_collects_garbage_again_after_its_first_map() -> None:
    import gc

    from cjm.cli import after_start_up

    def maps() -> Iterator[bool]:
        for _ in range(3):
            yield gc.isenabled()  # the collector's state while a map is being checked

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        assert list(after_start_up(maps())) == [False, True, True]
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()
