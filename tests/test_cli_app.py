"""The typer app's help speaks the run's language: `--lang` before or after the command, or the environment."""

from __future__ import annotations

import os

import pytest

from tests.conftest import run_cjm


def _environment(**variables: str) -> dict[str, str]:
    base = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return {**base, "COLUMNS": "200", **variables}


@pytest.mark.parametrize(
    ("arguments", "variables"),
    [
        (["--lang", "fr", "--help"], {}),
        (["--help"], {"LANG": "fr_FR.UTF-8"}),
    ],
)
def test_the_root_help_in_french(arguments: list[str], variables: dict[str, str]) -> None:
    done = run_cjm(*arguments, env=_environment(**variables))
    assert done.returncode == 0
    assert "Cartes de parcours client sous forme de code\u00a0: vérifier des fichiers de parcours YAML" in done.stdout
    assert "Lister chaque code de diagnostic" in done.stdout


def test_each_command_help_in_french() -> None:
    for command, phrase in [
        ("validate", "signaler chaque problème avec sa ligne et sa colonne"),
        ("build", "Dossier des sorties (par défaut\u00a0: à côté de chaque carte)."),
        ("diff", "La carte d’avant\u00a0: un chemin"),
        ("rules", "text, json ou md (page de documentation)."),
        ("schema", "json (schéma JSON) ou md"),
    ]:
        done = run_cjm(command, "--lang", "fr", "--help", env=_environment())
        assert done.returncode == 0, command
        assert phrase in done.stdout, command
        assert "Exemples\u00a0:" in done.stdout, command
    cache_help = run_cjm("cache", "clear", "-h", "--lang=fr", env=_environment()).stdout
    assert "Seulement les entrées inutilisées" in cache_help


def test_english_help_by_default() -> None:
    done = run_cjm("validate", "--help", env=_environment(LANG="C"))
    assert "Check journey files and report every problem with its line and column." in done.stdout
    assert "Examples:" in done.stdout and "Exemples" not in done.stdout
