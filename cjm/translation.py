"""The tool's languages: gettext catalogues, the language a run speaks, and messages translated when shown.

English is the source language: every msgid is the English text, so English needs no catalogue
and reads no file. Each other language is one catalogue, `cjm/locales/<language>/LC_MESSAGES/cjm.po`,
the GNU gettext file Poedit, Weblate and Crowdin open; `make catalogues` compiles it to the
`cjm.mo` beside it, which the standard library's `gettext` reads (a test checks the two agree).

Two languages are in play. Rendered outputs speak the map's `locale` (`catalogue(journey.locale)`).
The tool itself (diagnostics, summaries, `cjm rules`, `cjm diff`) speaks the run's language, chosen
once by the CLI with `use_language` from `--lang` or the environment (`choose_language`).

Why messages are translated when shown and not when built: diagnostics are made deep in the
pipeline, possibly in another process, long before the reporter knows the language. A `Message`
reads as English everywhere (it is a `str`) and keeps its template and arguments, so
`translate` can write it again in any language.
"""

from __future__ import annotations

import contextvars
import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    import gettext

DOMAIN = "cjm"
SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locales"
# The variables gettext reads, in its order: the first one set decides (a list with `:` in LANGUAGE).
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def available_languages() -> tuple[str, ...]:
    """English, then every language with a compiled catalogue under `cjm/locales/`, sorted.

    Why from the files: a new language is one catalogue; nothing else lists the languages.
    """
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE_LANGUAGE, *(name for name in found if name != SOURCE_LANGUAGE))


LANGUAGES: tuple[str, ...] = available_languages()

_language: contextvars.ContextVar[str] = contextvars.ContextVar("cjm_language", default=SOURCE_LANGUAGE)


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The translations of one language; English (and an unknown language) translates nothing."""
    import gettext

    if language == SOURCE_LANGUAGE or language not in LANGUAGES:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language])


def language_of(value: str) -> str | None:
    """The catalogue language a locale name means (`fr_FR.UTF-8` → `fr`, `C` → `en`), or None if none."""
    value = value.strip()
    if value in ("C", "POSIX") or value.startswith("C."):
        return SOURCE_LANGUAGE
    base = re.split(r"[_.@-]", value, maxsplit=1)[0].lower()
    return base if base in LANGUAGES else None


def choose_language(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The run's language: `--lang` when given, else the environment as gettext reads it, else English.

    Errors: ValueError when `option` names no available language (the CLI reports it as a usage error).
    """
    if option:
        chosen = language_of(option)
        if chosen is None:
            raise ValueError(option)
        return chosen
    environ = os.environ if environ is None else environ
    for variable in ENVIRONMENT:
        value = environ.get(variable)
        if value:
            for part in value.split(":"):
                chosen = language_of(part)
                if chosen is not None:
                    return chosen
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def use_language(language: str) -> None:
    """Make `language` the one the tool's messages are shown in, for the rest of this run."""
    _language.set(language)


def current_language() -> str:
    """The language the tool's messages are shown in (English until `use_language`)."""
    return _language.get()


def _(message: str) -> str:
    """A fixed message in the run's language."""
    return catalogue(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the run's language (its plural rules)."""
    return catalogue(current_language()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """A fixed message with a context (a word whose translation depends on what it qualifies)."""
    return catalogue(current_language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it now (it is translated when shown)."""
    return message


class Message(str):
    """A message with named placeholders: reads as its English text, translated when shown.

    `Message("unknown field `{field}` {where}", field="titel", where=Message("at the top level"))`
    is the str "unknown field `titel` at the top level"; `translate` rewrites it in any language.
    Arguments that are `Message`s are translated too; other arguments (the author's words, ids,
    numbers) are shown as they are.
    """

    template: str
    arguments: dict[str, Any]

    def __new__(cls, template: str, /, **arguments: Any) -> Message:
        """Format `template` in English with `arguments`, keeping both for a later translation."""
        self = super().__new__(cls, template.format(**arguments) if arguments else template)
        self.template = template
        self.arguments = arguments
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the template and arguments (a batch may be checked in worker processes)."""
        return (_message, (self.template, self.arguments))


def _message(template: str, arguments: dict[str, Any]) -> Message:
    return Message(template, **arguments)


def to_data(text: str | None) -> Any:
    """A message as JSON data (the build cache stores diagnostics so): a `Message` keeps its template.

    Other text stays a string; an argument that is neither a message nor a JSON scalar is kept as its text.
    """
    if not isinstance(text, Message):
        return text
    arguments = {
        key: to_data(value) if isinstance(value, Message) else value if _is_scalar(value) else str(value)
        for key, value in text.arguments.items()
    }
    return {"template": text.template, "arguments": arguments}


def from_data(data: Any) -> str | None:
    """The message `to_data` wrote: a `Message` again (translatable when shown), or the plain text."""
    if isinstance(data, dict):
        arguments = {
            key: from_data(value) if isinstance(value, dict) else value for key, value in data["arguments"].items()
        }
        return Message(str(data["template"]), **arguments)
    return None if data is None else str(data)


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


@overload
def translate(text: str, language: str | None = None) -> str: ...


@overload
def translate(text: None, language: str | None = None) -> None: ...


def translate(text: str | None, language: str | None = None) -> str | None:
    """A message written in `language` (default: the run's language); None stays None.

    A `Message` is translated from its template; a plain string is looked up as a msgid, so a
    fixed English message translates and anything else (the author's text) is left as it is.
    """
    if text is None:
        return None
    language = language or current_language()
    if language == SOURCE_LANGUAGE:
        return str(text)
    translations = catalogue(language)
    if isinstance(text, Message):
        arguments = {
            key: translate(value, language) if isinstance(value, Message) else value
            for key, value in text.arguments.items()
        }
        template = translations.gettext(text.template)
        return template.format(**arguments) if arguments else template
    return translations.gettext(text)
