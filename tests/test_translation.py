"""The gettext catalogues: complete, in sync with the code, placeholders kept; choosing the run's language."""

from __future__ import annotations

import fnmatch
import gettext
import io
import json
import os
import pickle
import re
import shutil
import string
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from cjm import translation
from cjm.translation import LANGUAGES, Message, catalogue, choose_language, language_of, translate
from tests import catalogue as tool
from tests.conftest import ROOT

OTHER_LANGUAGES = [language for language in LANGUAGES if language != translation.SOURCE_LANGUAGE]
PO_LANGUAGES = sorted(path.parent.parent.name for path in tool.LOCALES.glob("*/LC_MESSAGES/cjm.po"))


def _entries(catalog: Catalog) -> dict[tuple[str | None, str], object]:
    return {(message.context, str(message.id)): message for message in catalog if message.id}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_catalogue_is_a_language_cjm_accepts() -> None:
    # A language is accepted exactly when its catalogue is complete (make catalogues compiles only those).
    assert PO_LANGUAGES == OTHER_LANGUAGES and "fr" in OTHER_LANGUAGES
    assert LANGUAGES[0] == "en"


@pytest.mark.parametrize("language", PO_LANGUAGES)
def test_catalogue_is_in_sync_with_the_code(language: str) -> None:
    # Extraction gives no new message, and the catalogue keeps none the code no longer uses.
    fresh = set(_entries(tool.template()))
    written = set(_entries(tool.read(tool.po_path(language))))
    assert fresh - written == set(), "run `make catalogues` and translate the new messages"
    assert written - fresh == set(), "run `make catalogues` to drop the messages the code no longer uses"


@pytest.mark.parametrize("language", PO_LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    catalog = tool.read(tool.po_path(language))
    assert tool.untranslated(catalog) == []


@pytest.mark.parametrize("language", PO_LANGUAGES)
def test_placeholders_match_between_languages(language: str) -> None:
    for message in tool.read(tool.po_path(language)):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = _placeholders(ids[0])
        for written in strings:
            assert _placeholders(written) == expected, (message.id, written)


@pytest.mark.parametrize("language", PO_LANGUAGES)
def test_compiled_catalogue_matches_its_source(language: str) -> None:
    # The committed .mo is what `make catalogues` makes of the .po: what gettext reads is what translators wrote.
    path = tool.po_path(language)
    compiled = gettext.GNUTranslations(io.BytesIO(tool.mo_bytes(tool.read(path))))
    with path.with_suffix(".mo").open("rb") as handle:
        committed = gettext.GNUTranslations(handle)
    assert committed._catalog == compiled._catalog  # type: ignore[attr-defined]


def test_french_follows_french_typography() -> None:
    # No-break space before ":" and inside « », narrow no-break space before ; ! ?, typographic apostrophes.
    for message in tool.read(tool.po_path("fr")):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for shown in strings:
            if not message.id or tool.EXAMPLE_NOTE in message.auto_comments:
                continue  # An example of the code table is code: `key: value` keeps YAML's colon.
            written = re.sub(r"`[^`]*`", "", shown)  # Code spans keep their own punctuation (`ignore: [CODE]`).
            assert "'" not in written, written
            assert not re.search(r"(?<!\u00a0):(?=\s)", written), written
            assert not re.search(r"[ \u00a0][;!?]", written), written
            assert not re.search(r"« |«(?!\u00a0)| »|(?<!\u00a0)»", written), written


def test_gender_agrees_through_contexts() -> None:
    fr = catalogue("fr")
    assert fr.pgettext("severity.medium", "Medium") == "Moyenne"
    assert fr.pgettext("level.medium", "Medium") == "Moyen"
    assert fr.pgettext("maturity.high", "High") == "Élevée"


@pytest.mark.parametrize(
    ("value", "language"),
    [("fr", "fr"), ("fr_FR.UTF-8", "fr"), ("fr_CA", "fr"), ("en_GB.UTF-8", "en"), ("C", "en"), ("C.UTF-8", "en")],
)
def test_language_of_a_locale_name(value: str, language: str) -> None:
    assert language_of(value) == language


# A language no catalogue speaks (a code ISO 639 leaves unassigned): adding a language never breaks these tests.
UNKNOWN = "qx"


def test_language_of_an_unknown_locale() -> None:
    assert language_of(f"{UNKNOWN}_QX.UTF-8") is None


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),  # gettext stops at the first variable set
        ({"LANGUAGE": f"{UNKNOWN}:fr", "LANG": "en_US.UTF-8"}, "fr"),  # a list: the first language cjm speaks
        ({"LANG": f"{UNKNOWN}_QX.UTF-8"}, "en"),
    ],
)
def test_language_from_the_environment(environ: dict[str, str], language: str) -> None:
    assert choose_language(None, environ) == language


def test_option_wins_over_the_environment() -> None:
    assert choose_language("en", {"LANG": "fr_FR.UTF-8"}) == "en"
    assert choose_language("fr", {}) == "fr"
    with pytest.raises(ValueError, match=UNKNOWN):
        choose_language(UNKNOWN, {})


def test_message_reads_as_english_and_translates_when_shown() -> None:
    message = Message("{count} of {files} invalid", count=1, files=Message("the file"))
    assert message == "1 of the file invalid"
    # Unknown templates stay as written; known ones are translated, nested messages too.
    assert translate(message, "fr") == "1 of the file invalid"
    known = Message("A required field is missing.")
    assert translate(known, "fr") == "Un champ obligatoire manque."
    assert translate("A required field is missing.", "fr") == "Un champ obligatoire manque."
    assert translate("text the author wrote", "fr") == "text the author wrote"
    assert translate(None, "fr") is None


def test_message_survives_pickling() -> None:
    # A batch may be checked in worker processes: the template must come back with the message.
    message = Message("unknown field `{field}`", field="titel")
    copy = pickle.loads(pickle.dumps(message))
    assert (copy, copy.template, copy.arguments) == (message, message.template, {"field": "titel"})


def test_run_language_defaults_to_english() -> None:
    assert translation.current_language() == "en"
    assert translation._("A required field is missing.") == "A required field is missing."


def test_a_new_language_is_one_catalogue(tmp_path: Path) -> None:
    # Copy the package, add a catalogue of a language cjm does not speak yet (German, else the next one
    # free; every message marked "[de]") and nothing else.
    new = next(language for language in ("de", "it", "es", "nl", "pt") if language not in LANGUAGES)
    shutil.copytree(ROOT / "cjm", tmp_path / "cjm", ignore=shutil.ignore_patterns("__pycache__"))
    german = Catalog(locale=new, domain="cjm")
    for message in tool.template():
        if message.id:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            # One form per plural form of the language (the English plural for the extra ones).
            forms = [ids[min(form, len(ids) - 1)] for form in range(german.num_plurals)] if len(ids) > 1 else ids
            strings = tuple(f"[de] {text}" for text in forms)
            german.add(message.id, strings if len(ids) > 1 else strings[0], context=message.context)
    folder = tmp_path / "cjm" / "locales" / new / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "cjm.mo").write_bytes(tool.mo_bytes(german))
    source = tmp_path / "map.yaml"
    source.write_text(
        f"cjm: 1\ntitle: Karte\nlocale: {new}\nstages:\n  - name: A\n    pain_points: [{{text: X, severity: huge}}]\n"
    )
    code = (
        "import sys, cjm.cli, cjm.translation as t; from cjm.i18n import messages; "
        f"print(t.LANGUAGES, messages('{new}')['severity.medium'], t.__file__.startswith(sys.argv[2])); "
        f"sys.argv = ['cjm', 'validate', '--lang', '{new}', sys.argv[1]]; cjm.cli.main()"
    )
    # -S: no site hooks, so the editable install of the real package does not shadow the copy.
    libraries = sysconfig.get_paths()["purelib"]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), libraries])}
    result = subprocess.run(
        [sys.executable, "-S", "-c", code, str(source), str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    languages = ("en", *sorted([*LANGUAGES[1:], new]))
    assert result.stdout.splitlines()[0] == f"{languages} [de] Medium True"
    assert "CJM205" in result.stderr and "[de] {count} file" not in result.stderr
    summary = r"\[de\] 1 of \[de\] 1 file invalid \(\[de\] 1 error, \[de\] \d+ warnings?\)"
    assert re.fullmatch(summary, result.stderr.splitlines()[-1])


def test_catalogues_are_package_data() -> None:
    # The installed package reads the committed .mo files: the wheel must ship them (and the .po beside them).
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]
    files = [path.relative_to(ROOT / "cjm").as_posix() for path in tool.LOCALES.rglob("cjm.*")]
    assert files
    assert all(any(fnmatch.fnmatch(name, pattern) for pattern in patterns["cjm"]) for name in files)


def test_message_survives_the_cache_as_json() -> None:
    # The build cache stores diagnostics as JSON: a replayed message must still translate.
    message = Message("git cannot read {name}: {reason}", name="main:a.yaml", reason=Message("unknown error"))
    data = json.loads(json.dumps(translation.to_data(message)))
    copy = translation.from_data(data)
    assert copy == message and isinstance(copy, Message)
    assert translate(copy, "fr") == "git ne peut pas lire main:a.yaml\u00a0: erreur inconnue"
    assert translation.to_data("plain") == "plain" and translation.from_data(None) is None
