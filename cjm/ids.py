"""Ids of a map's objects: what an id may hold, and the id derived from a name when the map gives none.

What changes together: the id grammar (`SLUG_PATTERN`, read by pydantic, the JSON schema and
editors), the characters `slugify` keeps (the same classes), and the composed form ids and the
references to them are compared in. `cjm.model` uses them for its `Slug` and `Ref` types.
"""

from __future__ import annotations

import unicodedata
from typing import Any

# An id: lowercase letters of any script (with their combining marks) and digits, in words joined
# by hyphens. ECMA-262 with the `u` flag (editors) and pydantic's Rust regex both read `\p{…}`.
_ID_CHARACTER = r"[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{Nd}]"
SLUG_PATTERN = rf"^{_ID_CHARACTER}+(?:-{_ID_CHARACTER}+)*$"


def composed(value: Any) -> Any:
    """An id or a reference to one in composed form (NFC), so `é` typed as e + accent still matches `é`."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


# Unicode categories an id keeps (the classes of SLUG_PATTERN); everything else separates words.
_ID_CATEGORIES = frozenset({"Ll", "Lm", "Lo", "Mn", "Mc", "Me", "Nd"})


def slugify(text: str, limit: int = 48) -> str:
    """A lowercase id derived from a name, in any script ("Paiement & livraison" → "paiement-livraison").

    NFKC-normalised and lower-cased; words of letters (any script, with their combining marks)
    and digits are joined by hyphens, everything else separates words. Latin letters lose their
    accents ("Télé" → "tele"), so the ids maps already use stay the same; other scripts keep
    every letter ("Оплата" → "оплата", "お支払い" → "お支払い"). A name without a letter or a
    digit ("★★", "→") is named by its characters' Unicode names ("black-star", "rightwards-arrow"),
    so the id is deterministic and readable; an empty or blank name gives "".

    Why not ASCII only: a map written in Russian, Greek, Arabic, Chinese or Japanese would get the
    same id for every object.
    """
    normal = unicodedata.normalize("NFKC", text).lower()
    words = _words(_fold_latin(normal))
    if not words:
        names = [unicodedata.name(character, f"u-{ord(character):04x}") for character in normal.strip()]
        words = _words(" ".join(dict.fromkeys(names)).lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit and slug:
            break
        slug = candidate[:limit]
    return slug.strip("-")


def _fold_latin(text: str) -> str:
    """Latin letters without their accents (é → e, İ → i); letters of other scripts keep their marks."""
    kept: list[str] = []
    for character in unicodedata.normalize("NFKD", text):
        if unicodedata.category(character).startswith("M") and kept and kept[-1].isascii() and kept[-1].isalpha():
            continue
        kept.append(character)
    return unicodedata.normalize("NFC", "".join(kept))


def _words(text: str) -> list[str]:
    """Runs of id characters (see `_ID_CATEGORIES`), in order."""
    words: list[str] = []
    current = ""
    for character in text:
        if unicodedata.category(character) in _ID_CATEGORIES:
            current += character
        elif current:
            words.append(current)
            current = ""
    return [*words, current] if current else words


def derive_id(data: Any, source: str) -> Any:
    """The id from the name or text when the map gives none; a blank name gets none (its own error says why)."""
    if isinstance(data, dict) and data.get("id") is None and isinstance(data.get(source), str):
        derived = slugify(data[source])
        return {**data, "id": derived} if derived else data
    return data
