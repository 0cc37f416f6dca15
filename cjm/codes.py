"""The code table: every diagnostic code, its name, severity, what it means and a bad and a good example.

Why a module of its own: it is data, read by `cjm.diagnostics` (a diagnostic's severity), by
`cjm rules` and the docs page (`cjm.rules`), by the configuration (which codes can be switched
off) and by the catalogue (each summary is a message to translate). Codes are never reused or
renumbered: a retired code stays here.

Summaries are translated by their English text (the catalogue takes them from this table).
Examples are code, shown as written, except those marked `N_`: their words (a map's names, a
note in brackets) are translated when shown, into an example that is still valid YAML.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from cjm.codes_reading import READING_ROWS
from cjm.translation import N_


class Severity(enum.StrEnum):
    """How bad a diagnostic is: errors make a map invalid, warnings flag a weak map."""

    ERROR = "error"
    WARNING = "warning"


class Rule(NamedTuple):
    """One row of the code table: a stable code and what it means, with a bad and a good example."""

    code: str
    name: str
    severity: Severity
    summary: str
    bad: str = ""
    good: str = ""


def _rules(*rows: Rule) -> dict[str, Rule]:
    return {row.code: row for row in rows}


E, W = Severity.ERROR, Severity.WARNING

# The code table. Codes are never reused or renumbered: a retired code stays here.
# CJM1xx reading YAML, 2xx schema, 3xx references, 4xx rendering, 5xx method checks, 6xx configuration.
RULES: dict[str, Rule] = _rules(
    *(
        Rule(code, name, Severity(severity), summary, bad, good)
        for code, name, severity, summary, bad, good in READING_ROWS
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
        N_("pain_point:\n  - Slow page"),
        N_("pain_points:\n  - Slow page"),
    ),
    Rule(
        "CJM204",
        "wrong-type",
        E,
        "A value has the wrong type (text, number, list, mapping, yes/no, date).",
        N_("age: thirty-two"),
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
        N_("stages:\n  - name: Discovery"),
    ),
    Rule("CJM208", "bad-value", E, "A value is not valid for its field.", "title: ''", N_("title: First purchase")),
    Rule(
        "CJM209",
        "moved-value",
        W,
        "A value right after a list (a stage's `emotion` after its touchpoints) that the last item of the list "
        "lacks and the others have: probably that item's, dedented by one level.",
        N_("touchpoints:\n  - {name: Cart, emotion: 2}\n  - name: Pay\nemotion: 1"),
        N_("touchpoints:\n  - {name: Cart, emotion: 2}\n  - name: Pay\n    emotion: 1"),
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
        N_("emotion: 7  # scale 1..5"),
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
        N_("labels: {9: Ecstatic}  # scale 1..5"),
        N_("labels: {5: Delighted}"),
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
        N_("cjm build -f svg (without Graphviz)"),
        N_("apt-get install graphviz, or cjm build -f html -f md"),
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
        N_("cjm build -f png (without rsvg-convert)"),
        N_("apt-get install librsvg2-bin, or cjm build -f svg"),
    ),
    Rule("CJM406", "rasteriser-failed", E, "`rsvg-convert` failed or timed out while making a PNG.", "", ""),
    Rule(
        "CJM407",
        "glyph-missing",
        W,
        "A label has characters no installed font can draw: the PNG (and viewers without such a font) show "
        "empty boxes there.",
        N_("name: Delivery 🦜 (on a machine with no emoji font)"),
        N_("apt-get install fonts-noto-color-emoji, or leave the emoji out"),
    ),
    Rule(
        "CJM408",
        "font-missing",
        E,
        "DejaVu Sans, the font the map and slide views are measured and drawn with, is not installed.",
        N_("cjm build -f svg (without DejaVu Sans)"),
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
        N_("title: Checkout"),
        N_("title: Checkout\nobjective: Cut cart abandonment from 70% to 55% by Q3"),
    ),
    Rule(
        "CJM502",
        "no-persona",
        W,
        "The map follows no `persona`: a map is one specific customer's journey.",
        "stages: [...]",
        N_("persona:\n  name: Sarah\n  goals: [Buy a gift in 10 minutes]"),
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
        N_("stages: [12 stages]"),
        N_("stages: [6 stages]"),
    ),
    Rule(
        "CJM505",
        "too-few-stages",
        W,
        "Fewer than 3 stages: a journey needs a before, a during and an after.",
        N_("stages: [Purchase]"),
        N_("stages: [Awareness, Purchase, Use]"),
    ),
    Rule(
        "CJM506",
        "stage-without-emotion",
        W,
        "A stage has no emotion, neither its own nor from its touchpoints: the emotional curve has a gap "
        "(one warning for the map when no stage has one; not checked on service blueprints).",
        N_("- name: Delivery"),
        N_("- name: Delivery\n  emotion: 2"),
    ),
    Rule(
        "CJM507",
        "pain-point-without-evidence",
        W,
        "A pain point has no `evidence`: a map built on assumptions (not checked on future-state maps, whose "
        "pain points are anticipated).",
        N_("- text: Checkout is slow"),
        N_("- text: Checkout is slow\n  evidence: ['Analytics: 9 s median load']"),
    ),
    Rule(
        "CJM508",
        "unaddressed-pain-point",
        W,
        "A high or critical pain point is addressed by no opportunity.",
        "- id: slow-checkout\n  severity: critical",
        N_("opportunities:\n  - text: Cache the cart\n    addresses: [slow-checkout]"),
    ),
    Rule(
        "CJM509",
        "opportunity-addresses-nothing",
        W,
        "An opportunity addresses no pain point: opportunities come from pain points.",
        N_("- text: Add a chatbot"),
        N_("- text: Add a chatbot\n  addresses: [no-answer-at-night]"),
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
        N_("title: Checkout"),
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
        N_("- name: Call the helpline"),
        N_("- name: Call the helpline\n  channel: phone"),
    ),
    Rule(
        "CJM515",
        "kpi-without-direction",
        W,
        "A KPI has a value and a target but no `better:`, so it cannot be judged on or off target.",
        N_("- name: Churn rate\n  value: 4\n  target: 3"),
        N_("- name: Churn rate\n  value: 4\n  target: 3\n  better: lower"),
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
