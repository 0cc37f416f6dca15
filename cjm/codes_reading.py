"""The code table's rows for reading a file (CJM1xx): encodings, YAML syntax, pasted characters.

Data only, assembled with the other rows into `cjm.codes.RULES` (kept apart so each module of
the table stays short). Each row is (code, name, severity, summary, bad example, good example),
the fields of `cjm.codes.Rule`.
"""

from __future__ import annotations

from cjm.translation import N_

ERROR, WARNING = "error", "warning"

Row = tuple[str, str, str, str, str, str]

READING_ROWS: tuple[Row, ...] = (
    (
        "CJM101",
        "file-not-found",
        ERROR,
        "The file does not exist.",
        "cjm validate jouney.yaml",
        "cjm validate journey.yaml",
    ),
    (
        "CJM102",
        "not-a-file",
        ERROR,
        "The path is a directory or a special file, not a journey file.",
        N_("cjm build maps/  (a folder holding no .yaml file)"),
        "cjm build maps/checkout.yaml",
    ),
    (
        "CJM103",
        "not-utf8",
        ERROR,
        "The file is not UTF-8 text; save it as UTF-8.",
        N_("title: Caf\\xe9 (Latin-1 bytes)"),
        "title: Café (UTF-8)",
    ),
    (
        "CJM104",
        "binary-file",
        ERROR,
        "The file holds binary data (NUL bytes or control characters), not YAML text.",
        N_("a PNG renamed journey.yaml"),
        N_("a text file written in YAML"),
    ),
    (
        "CJM105",
        "yaml-syntax",
        ERROR,
        "The YAML cannot be parsed: a key or list item at the wrong depth, a tab, a quote or bracket left open, "
        "`: ` inside unquoted text, or a value starting with a character YAML reserves. The message names which, "
        "and the line to align with.",
        N_("stages:\n  - name: Cart\n   emotion: 2"),
        N_("stages:\n  - name: Cart\n    emotion: 2"),
    ),
    (
        "CJM106",
        "duplicate-key",
        ERROR,
        "A key appears twice in the same mapping; YAML would silently keep one.",
        "title: A\ntitle: B",
        "title: B",
    ),
    (
        "CJM107",
        "empty-file",
        ERROR,
        "The file holds no journey at all.",
        N_("(an empty file)"),
        N_("cjm: 1\ntitle: Checkout\nstages: [...]"),
    ),
    (
        "CJM108",
        "not-a-mapping",
        ERROR,
        "The top level of a journey file must be a mapping of keys.",
        "- cjm: 1",
        "cjm: 1",
    ),
    (
        "CJM109",
        "alias-bomb",
        ERROR,
        "Anchors and aliases expand to too many nodes (a 'billion laughs' file).",
        N_("a: &a [x, x]\nb: &b [*a, *a]  # ... nested ten times"),
        N_("write the values out, or reuse them sparingly"),
    ),
    (
        "CJM110",
        "yaml-tag",
        ERROR,
        "Custom YAML tags are not allowed in a journey file.",
        "title: !!python/object:os.system x",
        N_("title: Checkout"),
    ),
    (
        "CJM111",
        "several-documents",
        ERROR,
        "A journey file holds exactly one YAML document.",
        "cjm: 1\n---\ncjm: 1",
        N_("one map per file"),
    ),
    (
        "CJM112",
        "file-too-large",
        ERROR,
        "The file is larger than a journey map could reasonably be (10 MiB, or 100,000 values).",
        N_("a 50 MB export"),
        N_("split the map"),
    ),
    (
        "CJM113",
        "git-read-failed",
        ERROR,
        "A `REV:path` could not be read from git.",
        "cjm diff mian:maps/checkout.yaml maps/checkout.yaml",
        "cjm diff main:maps/checkout.yaml maps/checkout.yaml",
    ),
    (
        "CJM114",
        "invisible-character",
        ERROR,
        "An invisible character pasted from a document (a no-break space, a zero-width space, a line separator…) "
        "sits in the indentation, in a key or around `:`; YAML does not see it as a space.",
        N_("persona:\n\u00a0 name: Sarah  (a no-break space before `name`)"),
        "persona:\n  name: Sarah",
    ),
    (
        "CJM115",
        "look-alike-character",
        ERROR,
        "A word processor's dash or bullet stands where a list item's `-` belongs, or a full-width colon after a key.",
        N_("goals:\n  – Buy a gift  (an en dash)"),
        N_("goals:\n  - Buy a gift"),
    ),
    (
        "CJM116",
        "too-deep",
        ERROR,
        "The file nests lists and mappings far deeper than a journey map does (64 levels).",
        "tags: [[[[[[[[...",
        "tags: [web, mobile]",
    ),
    (
        "CJM117",
        "comment-in-text",
        WARNING,
        "Text after ` #` is a YAML comment: it was dropped from a text value. Put the text in quotes.",
        N_("name: Hotline #3900 then press 1"),
        N_('name: "Hotline #3900 then press 1"'),
    ),
    (
        "CJM118",
        "one-item-list",
        WARNING,
        "A single text with commas or semicolons where the format takes a list: it is read as one item.",
        N_("goals: Buy a gift, pay fast"),
        N_("goals: [Buy a gift, pay fast]"),
    ),
    (
        "CJM119",
        "text-continued",
        WARNING,
        "A line that looks like a list item (`- x`, `1. x`) inside a text value is joined to that text, "
        "not read as a list item (a numbered list pasted from a document).",
        N_("objective: Grow\n  - more sign-ups"),
        N_("objective: Grow, with more sign-ups"),
    ),
    (
        "CJM120",
        "anchor-in-text",
        WARNING,
        "A text value starts with `&word`, which YAML reads as an anchor and drops from the text.",
        N_("owner: &co Growth team"),
        N_('owner: "&co Growth team"'),
    ),
    (
        "CJM121",
        "dash-without-space",
        WARNING,
        "A line starts with `-word`: without a space after the dash YAML reads text, not a list item.",
        N_("goals:\n  -Buy a gift"),
        N_("goals:\n  - Buy a gift"),
    ),
    (
        "CJM122",
        "text-read-as-key",
        WARNING,
        "Text holding `: ` was read as a key and its value where the format takes text; quote the text.",
        N_("thoughts:\n  - Why: is shipping so expensive"),
        N_('thoughts:\n  - "Why: is shipping so expensive"'),
    ),
    (
        "CJM123",
        "escape-in-double-quotes",
        WARNING,
        "An escape inside double quotes (`\\n`, `\\t`, `\\x07`…) made a line break or a control character in text; "
        "write `\\\\` for a backslash, or a block (`|`) for text on several lines.",
        N_('title: "Hotline\\nthen press 1"'),
        N_("title: |-\n  Hotline\n  then press 1"),
    ),
)
