"""The command-line framework's words: `--help` and usage errors wholly French under `--lang fr`, English otherwise.

Every run is the real `cjm` in a subprocess. The framework's English words are read from the
installed typer sources (the strings of its help and errors), so a typer upgrade that changes
or adds a word the French output then shows fails here, as does one that renames a text cjm
translates.
"""

from __future__ import annotations

import ast
import os
import re
from functools import cache
from pathlib import Path

import pytest
import typer

from cjm import cli_words
from cjm.translation import use_language
from tests.conftest import EXAMPLES, run_cjm

TYPER = Path(typer.__file__).parent
SAME_IN_FRENCH = {"Option", "Options", "Argument", "Arguments", "[OPTIONS]"}
"""Framework words French writes the same: they may appear in the French output."""

HELP_LINES = [
    [],
    ["validate"],
    ["build"],
    ["diff"],
    ["rules"],
    ["schema"],
    ["cache"],
    ["cache", "clear"],
    ["cache", "info"],
]
ERROR_LINES = [
    ["--debug"],
    ["bulid"],
    ["cache", "nope"],
    ["build"],
    ["build", "--fromat", "svg", "a.yaml"],
    ["build", "-f", "pnj", "a.yaml"],
    ["build", "a.yaml", "-f"],
    ["build", "--strict=yes", "a.yaml"],
    ["build", "-j", "abc", "a.yaml"],
    ["build", "a.yaml", "-o", str(EXAMPLES[0])],
    ["diff", "a.yaml"],
    ["diff", "a.yaml", "b.yaml", "c.yaml"],
    ["validate", "--today", "2026-13-01", "a.yaml"],
    ["validate", "--shard", "5/4", "a.yaml"],
    ["validate", "--lang", "de", "a.yaml"],
    ["rules", "-F", "pdf"],
    ["cache", "clear", "--unused-for", "-1"],
    ["build", str(EXAMPLES[0]), str(EXAMPLES[1]), "--stdout", "-f", "svg"],
]


def _environment(**variables: str) -> dict[str, str]:
    base = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return {**base, "COLUMNS": "200", "NO_COLOR": "1", **variables}


def _strings(tree: ast.AST) -> list[str]:
    """The string constants of a module, f-strings' fixed parts included, docstrings left out."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@cache
def framework_strings() -> frozenset[str]:
    """Every string of the installed typer's help and error code (its own and its copy of click)."""
    paths = [TYPER / "core.py", TYPER / "rich_utils.py", TYPER / "main.py", *sorted((TYPER / "_click").glob("*.py"))]
    return frozenset(text for path in paths for text in _strings(ast.parse(path.read_text(encoding="utf-8"))))


@cache
def framework_words() -> frozenset[str]:
    """The prose pieces of those strings (split at `{placeholders}` and rich markup), as a user reads them."""
    pieces = set()
    for text in framework_strings():
        for piece in re.split(r"\{[^{}]*\}|\[/?(?:blue|red|bold|dim)?\]|['\"]", text):
            piece = piece.strip()
            if re.search(r"[A-Za-z]{3}", piece) and (" " in piece or piece[:1].isupper() or piece[-1:] in ".:!?]"):
                pieces.add(piece)
    return frozenset(pieces)


def _run(arguments: list[str], **variables: str) -> tuple[int, str]:
    done = run_cjm(*arguments, env=_environment(**variables))
    return done.returncode, done.stdout + done.stderr


@cache
def _english(arguments: tuple[str, ...]) -> tuple[int, str]:
    return _run(list(arguments), LANG="C")


@cache
def _french(arguments: tuple[str, ...]) -> tuple[int, str]:
    return _run(["--lang", "fr", *arguments])


def _lines(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def test_the_framework_words_are_read_from_the_installed_typer() -> None:
    words = framework_words()
    for word in ("Usage:", "Show this message and exit.", "No such option:", "Missing", "Did you mean"):
        assert any(word in piece for piece in words), word
    lines = [(*arguments, "--help") for arguments in HELP_LINES] + [tuple(arguments) for arguments in ERROR_LINES]
    shown = {word for word in words for line in lines if word in _english(line)[1]}
    assert {"Usage:", "Error", "Invalid value for", "No such option:", "(Possible options:", "[required]"} <= shown


def _messages(shown: str) -> list[str]:
    """The framed messages of an output (one line each, 200 columns wide)."""
    return [line.strip("│ ") for line in shown.splitlines() if line.startswith("│ ")]


def test_every_sentence_cjm_reads_back_is_one_typer_writes() -> None:
    messages = [message for arguments in ERROR_LINES for message in _messages(_english(tuple(arguments))[1])]
    for english, _message in cli_words.FAILURES:
        pattern = cli_words._pattern(english)
        assert any(pattern.match(message) for message in messages), english
    french = [message for arguments in ERROR_LINES for message in _messages(_french(tuple(arguments))[1])]
    assert "Argument(s) en trop\u00a0: c.yaml" in french
    assert "L’option «\u00a0--strict\u00a0» ne prend pas de valeur." in french
    assert "Commande inconnue\u00a0: «\u00a0nope\u00a0»." in french
    assert "Commande manquante." in french
    assert "Valeur invalide pour FICHIER\u00a0: --stdout écrit une seule carte, et 2 ont été données" in french


def test_cjm_translates_the_texts_the_installed_typer_ships() -> None:
    # A typer upgrade that renames one of these texts fails here, not silently in the French output.
    strings = framework_strings()
    fixed = [
        cli_words.USAGE_PREFIX,
        cli_words.OPTIONS_METAVAR,
        cli_words.SUBCOMMAND_METAVAR,
        cli_words.HELP_OPTION_HELP,
    ]
    for english in fixed:
        assert english in strings, english
    tree = ast.parse((TYPER / "rich_utils.py").read_text(encoding="utf-8"))
    shipped = {
        node.targets[0].id: node.value.args[0].value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name)
        and node.value.func.id == "_"
        and isinstance(node.value.args[0], ast.Constant)
    }
    assert shipped == cli_words.RICH_HELP_TEXTS


@pytest.mark.parametrize("arguments", HELP_LINES + ERROR_LINES, ids=lambda arguments: " ".join(arguments) or "cjm")
def test_no_english_framework_word_in_french(arguments: list[str]) -> None:
    line = tuple(arguments)
    code, french = _french(line if arguments else ("--help",))
    english_code, english = _english(line if arguments else ("--help",))
    if arguments in HELP_LINES:
        code, french = _french((*line, "--help"))
        english_code, english = _english((*line, "--help"))
    assert code == english_code
    left = sorted(
        word
        for word in framework_words() - SAME_IN_FRENCH
        if word in english and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", french)
    )
    assert left == [], french


@pytest.mark.parametrize("arguments", HELP_LINES, ids=lambda arguments: " ".join(arguments) or "cjm")
def test_help_exits_zero_in_both_languages(arguments: list[str]) -> None:
    assert _french((*arguments, "--help"))[0] == 0
    assert _english((*arguments, "--help"))[0] == 0


@pytest.mark.parametrize("arguments", ERROR_LINES, ids=" ".join)
def test_usage_errors_exit_2_in_both_languages(arguments: list[str]) -> None:
    assert _french(tuple(arguments))[0] == 2
    assert _english(tuple(arguments))[0] == 2


WHOLE = [
    (
        ["bulid"],
        """
Usage: cjm [OPTIONS] COMMAND [ARGS]...
Try 'cjm -h' for help.
╭─ Error ──────────────────────────────────────────────────────────────────────╮
│ No such command 'bulid'. Did you mean 'build'?                               │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
        """
Utilisation~: cjm [OPTIONS] COMMANDE [ARGUMENTS]...
Saisissez «~cjm -h~» pour plus d’informations.
╭─ Erreur ─────────────────────────────────────────────────────────────────────╮
│ Commande inconnue~: «~bulid~». Vouliez-vous dire «~build~»^?                 │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
    ),
    (
        ["build", "--fromat", "svg", "a.yaml"],
        """
Usage: cjm build [OPTIONS] {FILE}...
Try 'cjm build -h' for help.
╭─ Error ──────────────────────────────────────────────────────────────────────╮
│ No such option: --fromat (Possible options: --format)                        │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
        """
Utilisation~: cjm build [OPTIONS] {FICHIER}...
Saisissez «~cjm build -h~» pour plus d’informations.
╭─ Erreur ─────────────────────────────────────────────────────────────────────╮
│ Option inconnue~: --fromat (options possibles~: --format)                    │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
    ),
    (
        ["build"],
        """
Usage: cjm build [OPTIONS] {FILE}...
Try 'cjm build -h' for help.
╭─ Error ──────────────────────────────────────────────────────────────────────╮
│ Missing argument 'FILE'.                                                     │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
        """
Utilisation~: cjm build [OPTIONS] {FICHIER}...
Saisissez «~cjm build -h~» pour plus d’informations.
╭─ Erreur ─────────────────────────────────────────────────────────────────────╮
│ Argument manquant~: «~FICHIER~».                                             │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
    ),
    (
        ["build", "-f", "pnj", "a.yaml"],
        """
Usage: cjm build [OPTIONS] {FILE}...
Try 'cjm build -h' for help.
╭─ Error ──────────────────────────────────────────────────────────────────────╮
│ Invalid value for '--format' / '-f': 'pnj' is not one of svg, png, html, md, │
│ dot                                                                          │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
        """
Utilisation~: cjm build [OPTIONS] {FICHIER}...
Saisissez «~cjm build -h~» pour plus d’informations.
╭─ Erreur ─────────────────────────────────────────────────────────────────────╮
│ Valeur invalide pour «~--format~» / «~-f~»~: «~pnj~» n’est pas une valeur    │
│ possible (svg, png, html, md, dot)                                           │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
    ),
    (
        ["diff", "a.yaml", "b.yaml", "c.yaml"],
        """
Usage: cjm diff [OPTIONS] {OLD} {NEW}
Try 'cjm diff -h' for help.
╭─ Error ──────────────────────────────────────────────────────────────────────╮
│ Got unexpected extra argument(s) (c.yaml)                                    │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
        """
Utilisation~: cjm diff [OPTIONS] {AVANT} {APRÈS}
Saisissez «~cjm diff -h~» pour plus d’informations.
╭─ Erreur ─────────────────────────────────────────────────────────────────────╮
│ Argument(s) en trop~: c.yaml                                                 │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
    ),
    (
        ["build", "a.yaml", "-f"],
        """
╭─ Error ──────────────────────────────────────────────────────────────────────╮
│ Option '-f' requires an argument.                                            │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
        """
╭─ Erreur ─────────────────────────────────────────────────────────────────────╮
│ L’option «~-f~» attend une valeur.                                           │
╰──────────────────────────────────────────────────────────────────────────────╯
""",
    ),
]
"""Usage errors 80 columns wide, in English and in French (~ stands for a no-break space, ^ for a narrow one)."""


def _spaces(text: str) -> str:
    return _lines(text).replace("~", "\u00a0").replace("^", "\u202f")


@pytest.mark.parametrize(("arguments", "english", "french"), WHOLE, ids=[" ".join(case[0]) for case in WHOLE])
def test_a_usage_error_whole(arguments: list[str], english: str, french: str) -> None:
    for variables, expected in (
        ({"LANG": "C"}, english),
        ({"LANG": "fr_FR.UTF-8"}, french),
        ({"LANG": "C", "LANGUAGE": "fr"}, french),
    ):
        done = run_cjm(*arguments, env={**_environment(**variables), "COLUMNS": "80"})
        assert (done.returncode, done.stdout, _lines(done.stderr)) == (2, "", _spaces(expected)), variables
    done = run_cjm("--lang", "fr", *arguments, env={**_environment(LANG="C"), "COLUMNS": "80"})
    assert _lines(done.stderr) == _spaces(french)


def test_a_help_whole_in_both_languages() -> None:
    english = """

 Usage: cjm cache clear [OPTIONS]

 Delete every cached check and output (the next build renders every map again), or only the unused
 ones.

╭─ Options ────────────────────────────────────────────────────────────────────────────────────────╮
│ --unused-for          DAYS   Only entries not used for this many days.                           │
│ --lang                en|fr  Language of the tool's messages (default: the environment's, as     │
│                              LANG; codes and JSON keys never change).                            │
│ --help        -h             Show this message and exit.                                         │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯

 Examples:

 cjm cache clear

 CJM_CACHE_DIR=.cjm-cache cjm cache clear --unused-for 7

"""
    french = """

 Utilisation~: cjm cache clear [OPTIONS]

 Supprimer toutes les vérifications et sorties en cache (la prochaine génération redessine chaque
 carte), ou seulement celles qui ne servent plus.

╭─ Options ────────────────────────────────────────────────────────────────────────────────────────╮
│ --unused-for          JOURS  Seulement les entrées inutilisées depuis ce nombre de jours.        │
│ --lang                en|fr  Langue des messages de l’outil (par défaut~: celle de               │
│                              l’environnement, comme LANG^; les codes et les clés JSON ne         │
│                              changent jamais).                                                   │
│ --help        -h             Afficher ce message et quitter.                                     │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯

 Exemples~:

 cjm cache clear

 CJM_CACHE_DIR=.cjm-cache cjm cache clear --unused-for 7

"""
    for variables, expected in (({"LANG": "C"}, english), ({"LC_ALL": "fr_FR.UTF-8"}, french)):
        done = run_cjm("cache", "clear", "--help", env={**_environment(**variables), "COLUMNS": "100"})
        assert (done.returncode, _lines(done.stdout), done.stderr) == (0, _spaces(expected), "")


def test_flags_show_no_type_and_arguments_their_metavar() -> None:
    for run in (_english, _french):
        shown = run(("build", "--help"))[1]
        assert "<bool>" not in shown and "<list[str]>" not in shown and "<dir>" not in shown
        assert re.search(r"--strict +(Fail|Échouer)", shown), shown
    assert "--out-dir        -o      DIR " in _english(("build", "--help"))[1]
    assert "--today                  AAAA-MM-JJ " in _french(("build", "--help"))[1]
    assert "[par défaut\u00a0: text]" in _french(("build", "--help"))[1]
    assert "Fichiers de parcours, dossiers ou motifs glob. [obligatoire]" in _french(("build", "--help"))[1]


def test_the_lean_path_usage_error_speaks_french(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text("a: 1\n", encoding="utf-8")
    code, shown = _run(["validate", str(tmp_path)], LANG="fr_FR.UTF-8")
    assert code == 2
    assert "Valeur invalide pour FICHIER\u00a0: aucun fichier de parcours trouvé" in shown
    assert "Utilisation\u00a0: cjm validate [OPTIONS] {FICHIER}..." in shown


def test_a_sentence_not_recognised_stays_as_typer_wrote_it() -> None:
    use_language("fr")
    try:
        assert cli_words.failure("Something typer says now.") == "Something typer says now."
        assert cli_words.failure("Missing command.") == "Commande manquante."
        assert cli_words.failure("No such command 'x'. Did you mean 'a', 'b'?") == (
            "Commande inconnue\u00a0: «\u00a0x\u00a0». Vouliez-vous dire «\u00a0a\u00a0», «\u00a0b\u00a0»\u202f?"
        )
    finally:
        use_language("en")
    assert cli_words.failure("Missing command.") == "Missing command."
