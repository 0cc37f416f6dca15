"""Characters pasted from documents that YAML does not read as the author sees them, and their readers' names.

Why a table: a no-break space looks like a space, a zero-width space like nothing, an en dash
like a list item's `-`; the scan (`cjm.prescan`) and the id checks (`cjm.hidden`) name each one
the same way, "a non-breaking space (U+00A0)", in the run's language.
"""

from __future__ import annotations

import unicodedata

from cjm.translation import Message

# Characters that look like a space, or like nothing, and are not YAML whitespace.
INVISIBLE: dict[str, Message] = {
    "\u00a0": Message("a non-breaking space"),
    "\u202f": Message("a narrow non-breaking space"),
    "\u2007": Message("a figure space"),
    "\u2009": Message("a thin space"),
    "\u200a": Message("a hair space"),
    "\u2002": Message("an en space"),
    "\u2003": Message("an em space"),
    "\u2004": Message("a three-per-em space"),
    "\u2005": Message("a four-per-em space"),
    "\u2006": Message("a six-per-em space"),
    "\u2008": Message("a punctuation space"),
    "\u205f": Message("a medium mathematical space"),
    "\u3000": Message("an ideographic (full-width) space"),
    "\u200b": Message("a zero-width space"),
    "\u200c": Message("a zero-width non-joiner"),
    "\u200d": Message("a zero-width joiner"),
    "\u2060": Message("a word joiner"),
    "\ufeff": Message("a byte order mark (an invisible zero-width character)"),
    "\u00ad": Message("a soft hyphen (invisible)"),
}
# Characters a word processor puts where YAML wants `-` (a list item) or `:` (a key).
DASH_LIKE: dict[str, Message] = {
    "\u2013": Message("an en dash `–`"),
    "\u2014": Message("an em dash `—`"),
    "\u2212": Message("a minus sign `−`"),
    "\u2010": Message("a Unicode hyphen `‐`"),
    "\u2011": Message("a non-breaking hyphen `‑`"),
    "\u2022": Message("a bullet `•`"),
    "\u00b7": Message("a middle dot `·`"),
    "\u25aa": Message("a square bullet `▪`"),
    "\u25cf": Message("a black circle `●`"),
}
COLON_LIKE: dict[str, Message] = {
    "\uff1a": Message("a full-width colon `：`"),
    "\ua789": Message("a modifier-letter colon `꞉`"),
}
# Line breaks YAML counts but editors mostly do not: every position after one would be off.
LINE_SEPARATORS: dict[str, Message] = {
    "\u2028": Message("a Unicode line separator (U+2028)"),
    "\u2029": Message("a Unicode paragraph separator (U+2029)"),
    "\x85": Message("a next-line control character (U+0085)"),
}


def describe(char: str) -> Message:
    """A reader's name for a character: "a non-breaking space (U+00A0)"."""
    for table in (INVISIBLE, DASH_LIKE, COLON_LIKE, LINE_SEPARATORS):
        if char in table:
            name = table[char]
            break
    else:
        name = Message("the character {name}", name=unicodedata.name(char, "unnamed").lower())
    code = format(ord(char), "04X")
    return name if f"U+{code}" in name else Message("{name} (U+{code})", name=name, code=code)
