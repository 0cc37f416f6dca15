"""Extract, update and compile cjm's gettext catalogues (`make catalogues`), with Babel.

The template is computed, never committed: every marked message in `cjm/` (`_`, `ngettext`,
`pgettext`, `N_`, `Message`, `_label`), the built-in channel labels of the model and the rule
summaries of the code table (both taken from the live tables, so their call sites need no
marker). `update()` merges it into each `cjm/locales/<language>/LC_MESSAGES/cjm.po` (new
messages appear untranslated, changed ones fuzzy) and compiles each `.po` to the `.mo` beside it.
`python tests/catalogue.py de` starts a new language.
"""

from __future__ import annotations

import datetime
import io
import sys
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cjm"
LOCALES = PACKAGE / "locales"
DOMAIN = "cjm"
KEYWORDS: dict[str, object] = {
    "_": None,
    "N_": None,
    "Message": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "_label": ((1, "c"), 2),
}
HEADER_COMMENT = (
    "# Translations of cjm's messages and labels. Edit the msgstr lines (Poedit, Weblate, Crowdin or a\n"
    "# text editor), keep the {placeholders}, then run `make catalogues`. See docs/languages.md."
)
# What a translator of a code table example (marked `N_` in cjm/codes.py) needs to know; the
# typography test recognises the examples by it (an example keeps the punctuation of its code).
EXAMPLE_NOTE = "An example of the code table: translate its words, keep the YAML (or command) valid as it is"
# Fixed dates keep the files byte-identical from one run to the next.
EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


@cache
def template() -> Catalog:
    """Every message cjm shows, with its context and where it comes from (computed once; do not modify)."""
    sys.path.insert(0, str(ROOT))
    from cjm.codes import RULES
    from cjm.model import BUILTIN_CHANNELS

    catalog = Catalog(project="cjm", domain=DOMAIN, creation_date=EPOCH, revision_date=EPOCH, fuzzy=False)
    found = extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("Translators:",)
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(f"cjm/{filename}", lineno)], auto_comments=comments, context=context)
    for key, english in BUILTIN_CHANNELS.items():
        catalog.add(english, None, [("cjm/model.py", 0)], context=f"channel.{key}")
    for rule in RULES.values():
        catalog.add(rule.summary, None, [("cjm/codes.py", 0)], auto_comments=[f"Summary of {rule.code}"])
        for example in (rule.bad, rule.good):
            marked = catalog.get(example)
            if example and marked is not None and EXAMPLE_NOTE not in marked.auto_comments:
                marked.auto_comments.append(EXAMPLE_NOTE)
    return catalog


def po_path(language: str) -> Path:
    """Where a language's catalogue lives."""
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path) -> Catalog:
    """A `.po` file as a Babel catalogue."""
    with path.open("rb") as handle:
        return read_po(handle)


def po_bytes(catalog: Catalog) -> bytes:
    """A catalogue as `.po` text: sorted by msgid, wrapped at 100 columns, no line numbers."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, omit_header=False, include_lineno=False)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    """A catalogue compiled to the `.mo` format the standard library reads (fuzzy entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update(languages: list[str]) -> None:
    """Merge the template into each catalogue (creating the named new ones) and compile them."""
    fresh = template()
    existing = sorted(path.parent.parent.name for path in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    for language in sorted(set(existing) | set(languages)):
        path = po_path(language)
        if path.exists():
            catalog = read(path)
        else:
            catalog = Catalog(locale=language, project="cjm", domain=DOMAIN, creation_date=EPOCH, fuzzy=False)
        catalog.update(fresh, no_fuzzy_matching=True)
        catalog.header_comment = HEADER_COMMENT
        catalog.version = "1"
        catalog.msgid_bugs_address = ""
        catalog.last_translator = "cjm translators"
        catalog.language_team = f"cjm {language}"
        catalog.obsolete.clear()
        catalog.revision_date = EPOCH
        catalog.creation_date = EPOCH
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_bytes(catalog))
        missing = untranslated(catalog)
        compiled = path.with_suffix(".mo")
        if missing:
            compiled.unlink(missing_ok=True)
        else:
            compiled.write_bytes(mo_bytes(read(path)))
        state = f"{len(missing)} to translate, not compiled" if missing else "complete, compiled"
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {state}")


def untranslated(catalog: Catalog) -> list[str]:
    """The msgids of a catalogue with no translation or a fuzzy one.

    Why a language is compiled only when complete: the compiled catalogues are the languages cjm
    accepts, and nothing may fall back to English in a language cjm says it speaks.
    """
    return [str(message.id) for message in catalog if message.id and (message.fuzzy or not _translated(message))]


def _translated(message: object) -> bool:
    string = getattr(message, "string", None)
    return all(string) if isinstance(string, tuple | list) else bool(string)


if __name__ == "__main__":
    update(sys.argv[1:])
