"""Characters pasted from documents, named for a reader in the run's language."""

from __future__ import annotations

from cjm.characters import describe
from cjm.translation import translate


def test_describe_names_the_character_and_its_code_point() -> None:
    assert describe("\u00a0") == "a non-breaking space (U+00A0)"
    assert describe("\u2028") == "a Unicode line separator (U+2028)"
    assert describe("\u2062") == "the character invisible times (U+2062)"


def test_the_names_are_translated_when_shown() -> None:
    assert translate(describe("\u00a0"), "fr") == "une espace insécable (U+00A0)"
    assert translate(describe("\u2013"), "fr") == "un tiret demi-cadratin `–` (U+2013)"
