"""The labels and headings renderers print, in the map's locale, read from the gettext catalogues.

Every label has a key (`severity.medium`) that is also its gettext context, so a translator sees
what the word qualifies and French can agree it ("Moyenne" severity, "Moyen" impact, "Moyenne"
maturity). The English text here is the msgid; translations live in `cjm/locales/` (see
`cjm.translation`). Renderers call `messages(locale)[key]` and `channel_labels(journey)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import cache

from cjm.model import BUILTIN_CHANNELS, Journey
from cjm.translation import LANGUAGES, catalogue


def _label(key: str, english: str) -> tuple[str, str]:
    """Mark a label for the catalogue: its key (the gettext context) and its English text (the msgid)."""
    return key, english


LABELS: tuple[tuple[str, str], ...] = (
    # Lanes of the swimlane grid, in order.
    _label("lane.goal", "Customer goal"),
    _label("lane.business_goal", "Business goal"),
    _label("lane.actions", "Actions"),
    _label("lane.touchpoints", "Touchpoints"),
    _label("lane.thoughts", "Thoughts"),
    _label("lane.emotion", "Emotion"),
    _label("lane.pain_points", "Pain points"),
    _label("lane.opportunities", "Opportunities"),
    _label("lane.kpis", "KPIs"),
    _label("lane.quotes", "Quotes"),
    _label("lane.duration", "Duration"),
    _label("lane.frontstage", "Frontstage"),
    _label("lane.line_of_visibility", "Line of visibility"),
    _label("lane.backstage", "Backstage"),
    _label("lane.support", "Support processes"),
    _label("lane.physical_evidence", "Physical evidence"),
    # Headings.
    _label("heading.persona", "Persona"),
    _label("heading.objective", "Objective"),
    _label("heading.stages", "Stages"),
    _label("heading.stage", "Stage"),
    _label("heading.lows", "Emotional low points"),
    _label("heading.pain_points", "Pain points"),
    _label("heading.opportunities", "Opportunity backlog"),
    _label("heading.kpis", "KPIs"),
    _label("heading.diagram", "Diagram"),
    _label("heading.emotional_curve", "Emotional curve"),
    _label("heading.legend", "Legend"),
    _label("heading.goals", "Goals"),
    _label("heading.frustrations", "Frustrations"),
    _label("heading.channels", "Preferred channels"),
    _label("heading.comparison", "Compared with the current state"),
    # Fields.
    _label("field.type", "Type"),
    _label("field.owner", "Owner"),
    _label("field.reviewed", "Last reviewed"),
    _label("field.age", "Age"),
    # Translators: a persona's age after their name and occupation ("Sarah, Designer, 32").
    _label("persona.age", "{age}"),
    _label("field.occupation", "Occupation"),
    _label("field.digital_maturity", "Digital maturity"),
    _label("field.severity", "Severity"),
    _label("field.evidence", "Evidence"),
    _label("field.touchpoint", "Touchpoint"),
    _label("field.impact", "Impact"),
    _label("field.effort", "Effort"),
    _label("field.status", "Status"),
    _label("field.addresses", "Addresses"),
    _label("field.value", "Value"),
    _label("field.target", "Target"),
    _label("field.better", "Better when"),
    _label("field.emotion", "Emotion"),
    _label("field.channel", "Channel"),
    _label("field.stage", "Stage"),
    _label("field.kpi", "KPI"),
    _label("field.text", "Description"),
    _label("field.main_touchpoints", "Main touchpoints"),
    _label("field.goal", "Customer goal"),
    _label("field.source", "Source"),
    # Values.
    _label("type.current-state", "Current state"),
    _label("type.future-state", "Future state"),
    _label("type.day-in-the-life", "Day in the life"),
    _label("type.service-blueprint", "Service blueprint"),
    _label("type.onboarding", "Onboarding"),
    _label("severity.low", "Low"),
    _label("severity.medium", "Medium"),
    _label("severity.high", "High"),
    _label("severity.critical", "Critical"),
    _label("level.low", "Low"),
    _label("level.medium", "Medium"),
    _label("level.high", "High"),
    # Digital maturity has its own words: French agrees them with "maturité" (feminine).
    _label("maturity.low", "Low"),
    _label("maturity.medium", "Medium"),
    _label("maturity.high", "High"),
    _label("status.idea", "Idea"),
    _label("status.planned", "Planned"),
    _label("status.in-progress", "In progress"),
    _label("status.done", "Done"),
    _label("status.dropped", "Dropped"),
    _label("kind.owned", "owned"),
    _label("kind.earned", "earned"),
    _label("kind.paid", "paid"),
    _label("better.higher", "higher"),
    _label("better.lower", "lower"),
    _label("kpi.on_target", "on target"),
    _label("kpi.off_target", "off target"),
    _label("kpi.no_target", "no target"),
    # Diagram notes and legend.
    _label("note.moment_of_truth", "Moment of truth"),
    _label("note.drop_off", "Drop-off"),
    _label("note.channel_switch", "Channel switch"),
    _label("note.branch", "Branch"),
    _label("note.flow", "Journey flow"),
    _label("note.lowest", "Lowest point"),
    _label("note.neutral", "Neutral"),
    _label("note.baseline", "Current state"),
    _label("note.no_emotion", "no emotion recorded"),
    _label("note.none", "None"),
    _label("note.journey_end", "Journey ends"),
    _label("note.customers_lost", "Customers lost"),
    _label("note.switch_with_reason", "Switch, with its reason"),
    _label("note.loop_back", "Back to an earlier step"),
    _label("note.alternatives", "Alternatives (no order)"),
    _label("mermaid.per_touchpoint", "How {persona} feels at each of {tasks} touchpoints, from 1 (worst) to 5 (best)."),
    _label("mermaid.per_stage", "How {persona} feels in each of {tasks} stages, from 1 (worst) to 5 (best)."),
    _label("note.persona", "Persona"),
    _label("heading.journey_map", "Journey map"),
    _label("field.addressed_by", "Addressed by"),
    _label("note.unaddressed", "No opportunity yet"),
    # Markdown report: comparison with the current state, empty lists, scale legend.
    _label("heading.resolved_pain_points", "Pain points no longer present"),
    _label("heading.touchpoints_added", "Touchpoints added"),
    _label("heading.touchpoints_dropped", "Touchpoints dropped"),
    _label("field.before", "Before"),
    _label("field.after", "After"),
    _label("field.change", "Change"),
    _label("note.no_lows", "No stage or touchpoint is below neutral."),
    _label("note.customer", "Customer"),
    _label("note.emotion_scale", "Emotion scale: {min} to {max}, neutral {neutral}."),
    _label("field.unit", "Unit"),
    # What the author left out: shown as unknown, never as a default.
    _label("note.not_stated", "not stated"),
    _label("kpi.no_direction", "direction not stated"),
    _label("note.unscored", "Not scored, so left out of the curve: {names}."),
    _label("note.no_curve", "No stage or touchpoint has an emotion score: the map has no emotional curve."),
    # The map and slide views.
    _label("view.most_severe", "Most severe pain point"),
    _label("view.more", "+{count} more"),
    _label("view.more_one", "+1 more"),
    _label("view.lowest", "Lowest"),
    _label("view.lowest_ties", "+{count} at the same score"),
    # Translators: a KPI's value against its target in a map or slide card ("29% / target 45%").
    _label("view.kpi_against_target", "{value} / target {target}"),
    _label("view.measured", "Measured score"),
    _label("view.not_assumed", "Score, source not stated"),
    _label("view.assumed", "Assumed score (to check)"),
    _label("view.takeaways", "Takeaways"),
    _label("view.no_evidence", "no evidence"),
    _label("view.evidence_one", "1 source"),
    _label("view.evidence_many", "{count} sources"),
    _label("view.for", "For"),
    _label("view.removes", "Removes"),
    _label("view.top_pains", "Top pain points"),
    _label("view.top_opportunities", "Top opportunities"),
    _label("view.kpis_off", "KPIs off target"),
    _label("view.this_map", "This map"),
    _label("view.stage_number", "Stage {number}"),
    _label("view.unscored", "No emotion scores in this map"),
    _label("view.all_kpis_on", "Every KPI is on target"),
    _label("view.flow_link", "Touchpoint flow"),
    _label("view.slide_link", "One-slide summary"),
    _label("view.page_link", "Full map (HTML page)"),
    _label("view.open_full_map", "open the full map"),
    _label("view.band.0", "Very negative"),
    _label("view.band.1", "Negative"),
    _label("view.band.2", "Neutral"),
    _label("view.band.3", "Positive"),
    _label("view.band.4", "Very positive"),
)


@cache
def messages(locale: str) -> Mapping[str, str]:
    """Label key → text in a locale (English for a locale without a catalogue)."""
    translations = catalogue(locale)
    return {key: translations.pgettext(key, english) for key, english in LABELS}


class _Catalogues(Mapping[str, Mapping[str, str]]):
    """Every available locale's labels (or channel labels), read on first use."""

    def __init__(self, read: Callable[[str], Mapping[str, str]]) -> None:
        self.read = read

    def __getitem__(self, locale: str) -> Mapping[str, str]:
        if locale not in LANGUAGES:
            raise KeyError(locale)
        return self.read(locale)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


MESSAGES: Mapping[str, Mapping[str, str]] = _Catalogues(messages)


@cache
def builtin_channel_labels(locale: str) -> Mapping[str, str]:
    """Built-in channel id → label in a locale; the English labels are the model's (`BUILTIN_CHANNELS`)."""
    translations = catalogue(locale)
    contexts = {key: f"channel.{key}" for key in BUILTIN_CHANNELS}
    return {key: translations.pgettext(contexts[key], english) for key, english in BUILTIN_CHANNELS.items()}


CHANNEL_LABELS: Mapping[str, Mapping[str, str]] = _Catalogues(builtin_channel_labels)


def channel_labels(journey: Journey) -> dict[str, str]:
    """Channel id → label in the map's locale: built-in channels translated, the map's own as written."""
    return {**builtin_channel_labels(journey.locale), **{channel.id: channel.label for channel in journey.channels}}
