"""Diagnostics: the one value every step reports problems with, and the one table of codes.

Why: YAML syntax errors, schema errors, broken references and method warnings all end up in
the same list, sorted the same way and printed by the same reporters. A diagnostic is a plain
frozen value, never an exception, so a whole file's problems can be collected in one run.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class Severity(enum.StrEnum):
    """How bad a diagnostic is: errors make a map invalid, warnings flag a weak map."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    """One row of the code table: a stable code and what it means, with a bad and a good example."""

    code: str
    name: str
    severity: Severity
    summary: str
    bad: str = ""
    good: str = ""


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in one file, positioned 1-based at the offending key or value.

    `end_column` (on `line`, inclusive) is where the offending value ends, when it is known;
    line and column 0 mean the problem has no position in the file (a missing file).
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str | None = None
    end_column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a diagnostic, as `--output-format json` prints it."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
            "end_column": self.end_column,
        }


def _rules(*rows: Rule) -> dict[str, Rule]:
    return {row.code: row for row in rows}


E, W = Severity.ERROR, Severity.WARNING

# The code table. Codes are never reused or renumbered: a retired code stays here.
# CJM1xx reading YAML, 2xx schema, 3xx references, 4xx rendering, 5xx method checks, 6xx configuration.
RULES: dict[str, Rule] = _rules(
    Rule(
        "CJM101",
        "file-not-found",
        E,
        "The file does not exist.",
        "cjm validate jouney.yaml",
        "cjm validate journey.yaml",
    ),
    Rule(
        "CJM102",
        "not-a-file",
        E,
        "The path is a directory or a special file, not a journey file.",
        "cjm build maps/  (a folder holding no .yaml file)",
        "cjm build maps/checkout.yaml",
    ),
    Rule(
        "CJM103",
        "not-utf8",
        E,
        "The file is not UTF-8 text; save it as UTF-8.",
        "title: Caf\\xe9 (Latin-1 bytes)",
        "title: Café (UTF-8)",
    ),
    Rule(
        "CJM104",
        "binary-file",
        E,
        "The file holds binary data (NUL bytes or control characters), not YAML text.",
        "a PNG renamed journey.yaml",
        "a text file written in YAML",
    ),
    Rule(
        "CJM105",
        "yaml-syntax",
        E,
        "The YAML cannot be parsed: a key or list item at the wrong depth, a tab, a quote or bracket left open, "
        "`: ` inside unquoted text, or a value starting with a character YAML reserves. The message names which, "
        "and the line to align with.",
        "stages:\n  - name: Cart\n   emotion: 2",
        "stages:\n  - name: Cart\n    emotion: 2",
    ),
    Rule(
        "CJM106",
        "duplicate-key",
        E,
        "A key appears twice in the same mapping; YAML would silently keep one.",
        "title: A\ntitle: B",
        "title: B",
    ),
    Rule(
        "CJM107",
        "empty-file",
        E,
        "The file holds no journey at all.",
        "(an empty file)",
        "cjm: 1\ntitle: Checkout\nstages: [...]",
    ),
    Rule(
        "CJM108",
        "not-a-mapping",
        E,
        "The top level of a journey file must be a mapping of keys.",
        "- cjm: 1",
        "cjm: 1",
    ),
    Rule(
        "CJM109",
        "alias-bomb",
        E,
        "Anchors and aliases expand to too many nodes (a 'billion laughs' file).",
        "a: &a [x, x]\nb: &b [*a, *a]  # ... nested ten times",
        "write the values out, or reuse them sparingly",
    ),
    Rule(
        "CJM110",
        "yaml-tag",
        E,
        "Custom YAML tags are not allowed in a journey file.",
        "title: !!python/object:os.system x",
        "title: Checkout",
    ),
    Rule(
        "CJM111",
        "several-documents",
        E,
        "A journey file holds exactly one YAML document.",
        "cjm: 1\n---\ncjm: 1",
        "one map per file",
    ),
    Rule(
        "CJM112",
        "file-too-large",
        E,
        "The file is larger than a journey map could reasonably be (10 MiB, or 100,000 values).",
        "a 50 MB export",
        "split the map",
    ),
    Rule(
        "CJM113",
        "git-read-failed",
        E,
        "A `REV:path` could not be read from git.",
        "cjm diff mian:maps/checkout.yaml maps/checkout.yaml",
        "cjm diff main:maps/checkout.yaml maps/checkout.yaml",
    ),
    Rule(
        "CJM114",
        "invisible-character",
        E,
        "An invisible character pasted from a document (a no-break space, a zero-width space, a line separator…) "
        "sits in the indentation, in a key or around `:`; YAML does not see it as a space.",
        "persona:\n\u00a0 name: Sarah  (a no-break space before `name`)",
        "persona:\n  name: Sarah",
    ),
    Rule(
        "CJM115",
        "look-alike-character",
        E,
        "A word processor's dash or bullet stands where a list item's `-` belongs, or a full-width colon after a key.",
        "goals:\n  – Buy a gift  (an en dash)",
        "goals:\n  - Buy a gift",
    ),
    Rule(
        "CJM116",
        "too-deep",
        E,
        "The file nests lists and mappings far deeper than a journey map does (64 levels).",
        "tags: [[[[[[[[...",
        "tags: [web, mobile]",
    ),
    Rule(
        "CJM117",
        "comment-in-text",
        W,
        "Text after ` #` is a YAML comment: it was dropped from a text value. Put the text in quotes.",
        "name: Hotline #3900 then press 1",
        'name: "Hotline #3900 then press 1"',
    ),
    Rule(
        "CJM118",
        "one-item-list",
        W,
        "A single text with commas or semicolons where the format takes a list: it is read as one item.",
        "goals: Buy a gift, pay fast",
        "goals: [Buy a gift, pay fast]",
    ),
    Rule(
        "CJM119",
        "text-continued",
        W,
        "A line that looks like a list item (`- x`, `1. x`) inside a text value is joined to that text, "
        "not read as a list item (a numbered list pasted from a document).",
        "objective: Grow\n  - more sign-ups",
        "objective: Grow, with more sign-ups",
    ),
    Rule(
        "CJM120",
        "anchor-in-text",
        W,
        "A text value starts with `&word`, which YAML reads as an anchor and drops from the text.",
        "owner: &co Growth team",
        'owner: "&co Growth team"',
    ),
    Rule(
        "CJM121",
        "dash-without-space",
        W,
        "A line starts with `-word`: without a space after the dash YAML reads text, not a list item.",
        "goals:\n  -Buy a gift",
        "goals:\n  - Buy a gift",
    ),
    Rule(
        "CJM122",
        "text-read-as-key",
        W,
        "Text holding `: ` was read as a key and its value where the format takes text; quote the text.",
        "thoughts:\n  - Why: is shipping so expensive",
        'thoughts:\n  - "Why: is shipping so expensive"',
    ),
    Rule(
        "CJM123",
        "escape-in-double-quotes",
        W,
        "An escape inside double quotes (`\\n`, `\\t`, `\\x07`…) made a line break or a control character in text; "
        "write `\\\\` for a backslash, or a block (`|`) for text on several lines.",
        'title: "Hotline\\nthen press 1"',
        "title: |-\n  Hotline\n  then press 1",
    ),
    Rule(
        "CJM201",
        "spec-version",
        E,
        "`cjm:` names a version of the journey format this tool does not read.",
        "cjm: 2",
        "cjm: 1",
    ),
    Rule(
        "CJM202",
        "missing-field",
        E,
        "A required field is missing.",
        "persona:\n  age: 32",
        "persona:\n  name: Sarah\n  age: 32",
    ),
    Rule(
        "CJM203",
        "unknown-field",
        E,
        "A key is not part of the journey format (often a typo).",
        "pain_point:\n  - Slow page",
        "pain_points:\n  - Slow page",
    ),
    Rule(
        "CJM204",
        "wrong-type",
        E,
        "A value has the wrong type (text, number, list, mapping, yes/no, date).",
        "age: thirty-two",
        "age: 32",
    ),
    Rule(
        "CJM205",
        "not-allowed",
        E,
        "A value is not one of the allowed choices.",
        "severity: huge",
        "severity: critical",
    ),
    Rule(
        "CJM206",
        "bad-id",
        E,
        "An id must be a lowercase slug: letters of any script, digits and hyphens.",
        "id: Cart Page",
        "id: cart-page",
    ),
    Rule(
        "CJM207",
        "empty-list",
        E,
        "A list that needs at least one item is empty.",
        "stages: []",
        "stages:\n  - name: Discovery",
    ),
    Rule("CJM208", "bad-value", E, "A value is not valid for its field.", "title: ''", "title: First purchase"),
    Rule(
        "CJM209",
        "moved-value",
        W,
        "A value right after a list (a stage's `emotion` after its touchpoints) that the last item of the list "
        "lacks and the others have: probably that item's, dedented by one level.",
        "touchpoints:\n  - {name: Cart, emotion: 2}\n  - name: Pay\nemotion: 1",
        "touchpoints:\n  - {name: Cart, emotion: 2}\n  - name: Pay\n    emotion: 1",
    ),
    Rule(
        "CJM301",
        "duplicate-id",
        E,
        "Two objects of the map share an id; ids are unique across the whole map.",
        "stages:\n  - id: cart\n  - id: cart",
        "stages:\n  - id: cart\n  - id: payment",
    ),
    Rule(
        "CJM302",
        "unknown-channel",
        E,
        "A channel id is neither built in nor declared under `channels:`.",
        "channel: webiste",
        "channel: web",
    ),
    Rule(
        "CJM303",
        "unknown-touchpoint",
        E,
        "A `touchpoint:` or `next:` names a touchpoint that does not exist.",
        "touchpoint: cart-pgae",
        "touchpoint: cart-page",
    ),
    Rule(
        "CJM304",
        "unknown-pain-point",
        E,
        "An opportunity `addresses:` a pain point that does not exist.",
        "addresses: [slow-pyment]",
        "addresses: [slow-payment]",
    ),
    Rule(
        "CJM305",
        "emotion-out-of-scale",
        E,
        "An emotion score lies outside the map's `emotion_scale`.",
        "emotion: 7  # scale 1..5",
        "emotion: 5",
    ),
    Rule(
        "CJM306",
        "bad-scale",
        E,
        "The emotion scale is inconsistent: `min` < `max` and `neutral` inside them.",
        "emotion_scale: {min: 5, max: 1}",
        "emotion_scale: {min: 1, max: 5, neutral: 3}",
    ),
    Rule(
        "CJM307",
        "label-out-of-scale",
        E,
        "An emotion label names a score outside the scale.",
        "labels: {9: Ecstatic}  # scale 1..5",
        "labels: {5: Delighted}",
    ),
    Rule(
        "CJM308",
        "baseline-not-found",
        E,
        "The `baseline:` map of a future-state map does not exist.",
        "baseline: checkout-curent.yaml",
        "baseline: checkout-current.yaml",
    ),
    Rule(
        "CJM309",
        "baseline-invalid",
        E,
        "The `baseline:` map is not a valid journey map itself.",
        "baseline: notes.yaml",
        "baseline: checkout-current.yaml",
    ),
    Rule(
        "CJM310",
        "unknown-ignored-code",
        E,
        "The map's `ignore:` names a code that is not a method check.",
        "ignore: [CJM999]",
        "ignore: [CJM504]",
    ),
    Rule(
        "CJM401",
        "graphviz-missing",
        E,
        "Graphviz `dot` is not installed, so SVG and PNG cannot be drawn.",
        "cjm build -f svg (without Graphviz)",
        "apt-get install graphviz, or cjm build -f html -f md",
    ),
    Rule("CJM402", "graphviz-failed", E, "Graphviz `dot` failed or timed out while drawing the map.", "", ""),
    Rule(
        "CJM403",
        "write-failed",
        E,
        "An output file could not be written; the previous file is left as it was.",
        "",
        "",
    ),
    Rule(
        "CJM404",
        "output-collision",
        E,
        "Two maps would build to the same output file; the second is not built.",
        "cjm build maps/a/checkout.yaml maps/b/checkout.yaml -o out/",
        "cjm build maps/a/checkout.yaml -o out/a/",
    ),
    Rule(
        "CJM405",
        "rasteriser-missing",
        E,
        "librsvg's `rsvg-convert`, which turns the map and slide views into PNG, is not installed.",
        "cjm build -f png (without rsvg-convert)",
        "apt-get install librsvg2-bin, or cjm build -f svg",
    ),
    Rule("CJM406", "rasteriser-failed", E, "`rsvg-convert` failed or timed out while making a PNG.", "", ""),
    Rule(
        "CJM407",
        "glyph-missing",
        W,
        "A label has characters no installed font can draw: the PNG (and viewers without such a font) show "
        "empty boxes there.",
        "name: Delivery 🦜 (on a machine with no emoji font)",
        "apt-get install fonts-noto-color-emoji, or leave the emoji out",
    ),
    Rule(
        "CJM408",
        "font-missing",
        E,
        "DejaVu Sans, the font the map and slide views are measured and drawn with, is not installed.",
        "cjm build -f svg (without DejaVu Sans)",
        "apt-get install fonts-dejavu-core",
    ),
    Rule(
        "CJM430",
        "unknown-docs-option",
        E,
        "A docs page shows a map with a view or an option cjm does not know (MkDocs attribute, fence, Sphinx option).",
        "![Checkout](journeys/checkout.yaml){ view=flaw }",
        "![Checkout](journeys/checkout.yaml){ view=flow }",
    ),
    Rule(
        "CJM501",
        "no-objective",
        W,
        "The map has no `objective`: the guides say to write why the map exists first.",
        "title: Checkout",
        "title: Checkout\nobjective: Cut cart abandonment from 70% to 55% by Q3",
    ),
    Rule(
        "CJM502",
        "no-persona",
        W,
        "The map follows no `persona`: a map is one specific customer's journey.",
        "stages: [...]",
        "persona:\n  name: Sarah\n  goals: [Buy a gift in 10 minutes]",
    ),
    Rule(
        "CJM503",
        "thin-persona",
        W,
        "The persona has no `goals` or no `frustrations`, so the map cannot explain behaviour.",
        "persona:\n  name: Sarah",
        "persona:\n  name: Sarah\n  goals: [...]\n  frustrations: [...]",
    ),
    Rule(
        "CJM504",
        "too-many-stages",
        W,
        "More stages than the guides' 5 to 8 (`max-stages`, default 8): focus on the critical moments.",
        "stages: [12 stages]",
        "stages: [6 stages]",
    ),
    Rule(
        "CJM505",
        "too-few-stages",
        W,
        "Fewer than 3 stages: a journey needs a before, a during and an after.",
        "stages: [Purchase]",
        "stages: [Awareness, Purchase, Use]",
    ),
    Rule(
        "CJM506",
        "stage-without-emotion",
        W,
        "A stage has no emotion, neither its own nor from its touchpoints: the emotional curve has a gap "
        "(one warning for the map when no stage has one; not checked on service blueprints).",
        "- name: Delivery",
        "- name: Delivery\n  emotion: 2",
    ),
    Rule(
        "CJM507",
        "pain-point-without-evidence",
        W,
        "A pain point has no `evidence`: a map built on assumptions (not checked on future-state maps, whose "
        "pain points are anticipated).",
        "- text: Checkout is slow",
        "- text: Checkout is slow\n  evidence: ['Analytics: 9 s median load']",
    ),
    Rule(
        "CJM508",
        "unaddressed-pain-point",
        W,
        "A high or critical pain point is addressed by no opportunity.",
        "- id: slow-checkout\n  severity: critical",
        "opportunities:\n  - text: Cache the cart\n    addresses: [slow-checkout]",
    ),
    Rule(
        "CJM509",
        "opportunity-addresses-nothing",
        W,
        "An opportunity addresses no pain point: opportunities come from pain points.",
        "- text: Add a chatbot",
        "- text: Add a chatbot\n  addresses: [no-answer-at-night]",
    ),
    Rule(
        "CJM510",
        "kpi-without-target",
        W,
        "A KPI has no `target`, so nobody can tell whether it is good.",
        "- name: Conversion\n  value: 2.1",
        "- name: Conversion\n  value: 2.1\n  target: 3",
    ),
    Rule(
        "CJM511",
        "never-reviewed",
        W,
        "The map has no `reviewed` date: nobody knows whether it is still true.",
        "title: Checkout",
        "reviewed: 2026-11-02",
    ),
    Rule(
        "CJM512",
        "stale-map",
        W,
        "The last review is older than `stale-after-days` (default 90): revisit the map with customers.",
        "reviewed: 2025-01-10",
        "reviewed: 2026-11-02",
    ),
    Rule(
        "CJM513",
        "review-in-future",
        W,
        "The `reviewed` date lies in the future.",
        "reviewed: 2099-01-01",
        "reviewed: 2026-11-02",
    ),
    Rule(
        "CJM514",
        "touchpoint-without-channel",
        W,
        "A touchpoint names no `channel` (one warning for the map when none does): pictures show no channel "
        "and no channel switch there.",
        "- name: Call the helpline",
        "- name: Call the helpline\n  channel: phone",
    ),
    Rule(
        "CJM515",
        "kpi-without-direction",
        W,
        "A KPI has a value and a target but no `better:`, so it cannot be judged on or off target.",
        "- name: Churn rate\n  value: 4\n  target: 3",
        "- name: Churn rate\n  value: 4\n  target: 3\n  better: lower",
    ),
    Rule(
        "CJM601",
        "invalid-config",
        E,
        "The configuration (`.cjm.toml` or `[tool.cjm]` in pyproject.toml) is invalid.",
        '[tool.cjm]\nignore = ["CJM999"]',
        '[tool.cjm]\nignore = ["CJM504"]',
    ),
)


def make(
    code: str,
    file: str,
    line: int,
    column: int,
    message: str,
    hint: str | None = None,
    severity: Severity | None = None,
    end_column: int | None = None,
) -> Diagnostic:
    """Build a diagnostic for a code of the table, taking its severity from the table."""
    rule = RULES[code]
    return Diagnostic(file, line, column, code, severity or rule.severity, message, hint, end_column)


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    """The one order diagnostics are reported in: file, line, column, code."""
    return (diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.code)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    """Whether any diagnostic is an error (warnings alone leave a map valid)."""
    return any(d.severity is Severity.ERROR for d in diagnostics)
