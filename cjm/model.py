"""The journey file format as pydantic models: shape, types, choices and defaults. Nothing else.

Rules that relate objects to each other (references, unique ids, scores inside the scale)
live in `cjm.checks`, so this module stays a plain description of the format; every field's
`description` becomes an editor tooltip through the generated JSON Schema.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from cjm.ids import SLUG_PATTERN, composed, derive_id
from cjm.ids import slugify as slugify  # the public API: `from cjm.model import slugify` keeps working
from cjm.translation import LANGUAGES

SPEC_VERSION = 1

MapType = Literal["current-state", "future-state", "day-in-the-life", "service-blueprint", "onboarding"]
# The languages with a complete gettext catalogue (cjm/locales/): a new language is one catalogue file.
if TYPE_CHECKING:
    Locale = str
else:
    Locale = Literal[LANGUAGES]
Level = Literal["low", "medium", "high"]
Severity = Literal["low", "medium", "high", "critical"]
Status = Literal["idea", "planned", "in-progress", "done", "dropped"]
TouchpointKind = Literal["owned", "earned", "paid"]
Better = Literal["higher", "lower"]
EmotionSource = Literal["measured", "assumed"]
EMOTION_SOURCE_HELP = (
    "Where the emotion scores come from: `measured` (research: interviews, surveys, analytics) or `assumed` "
    "(the team's estimate, to be checked); pictures draw assumed scores as hollow points."
)

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), BeforeValidator(composed)]
# A reference to an id (a touchpoint, a pain point, a channel), compared in the same composed form.
Ref = Annotated[str, BeforeValidator(composed)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def as_list(value: Any) -> Any:
    """A single string where a list of strings is expected is a one-item list."""
    return [value] if isinstance(value, str) else value


TextList = Annotated[
    list[Text],
    BeforeValidator(as_list),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]

BUILTIN_CHANNELS: dict[str, str] = {
    "web": "Website",
    "mobile-app": "Mobile app",
    "email": "Email",
    "sms": "SMS",
    "phone": "Phone",
    "chat": "Chat",
    "store": "Store",
    "social": "Social media",
    "ads": "Advertising",
    "search": "Search engine",
    "reviews": "Reviews",
    "word-of-mouth": "Word of mouth",
    "delivery": "Delivery",
    "event": "Event",
    "partner": "Partner",
    "mail": "Postal mail",
    "tv": "TV",
    "print": "Print",
}


def _no_items() -> list[Any]:
    """An empty list: the default of a list field.

    Why not `default_factory=list`: pydantic reads a factory's signature, and reading a builtin's
    parses its text signature with `tokenize` (5 ms of every validation's start).
    """
    return []


def _no_labels() -> dict[int, str]:
    """An empty mapping: the default of the emotion scale's labels (see `_no_items`)."""
    return {}


class Model(BaseModel):
    """Base of every model: unknown keys are errors and loaded maps are immutable.

    Why `defer_build`: validators are built on first use, one for the whole map, instead of one
    per model while importing (a validation starts faster; `make bench` measures it).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


def _shorthand(data: Any) -> Any:
    return {"text": data} if isinstance(data, str) else data


class EmotionScale(Model):
    """The range of emotion scores and, optionally, a word for each score."""

    min: float = Field(1, description="Lowest score: the worst the customer can feel.")
    max: float = Field(5, description="Highest score: the best the customer can feel.")
    neutral: float = Field(3, description="The score that means neither good nor bad; the curve's baseline.")
    labels: dict[int, Text] = Field(
        default_factory=_no_labels,
        description="A word for each score, shown in legends and reports.",
        examples=[{1: "Frustrated", 3: "Neutral", 5: "Delighted"}],
    )


class Channel(Model):
    """A channel the map uses beyond the built-in ones."""

    id: Slug = Field(description="The id touchpoints use in `channel:`.", examples=["branch"])
    label: Text = Field(description="The name shown on diagrams.", examples=["Bank branch"])


class Persona(Model):
    """The one customer profile the map follows. Several personas mean several maps."""

    name: Text = Field(description="A named, specific person.", examples=["Sarah"])
    description: str | None = Field(
        None,
        description="Who they are, in a sentence.",
        examples=["32, marketing director at a mid-size tech company"],
    )
    age: int | None = Field(None, ge=0, le=130, description="Age in years.")
    occupation: str | None = Field(None, description="Job or socio-professional category.")
    goals: TextList = Field(default_factory=_no_items, description="What the persona wants to achieve.")
    frustrations: TextList = Field(default_factory=_no_items, description="What gets in their way today.")
    channels: list[Ref] = Field(default_factory=_no_items, description="Preferred channels (channel ids).")
    digital_maturity: Level | None = Field(None, description="How at ease the persona is with digital tools.")
    quote: str | None = Field(None, description="A verbatim that sums the persona up.")


class NextStep(Model):
    """A touchpoint that follows, with why the customer goes there (a plain id is shorthand for `{to: …}`)."""

    to: Ref = Field(description="Id of the touchpoint that follows.", examples=["call-centre"])
    label: Text | None = Field(
        None,
        description="Why the customer goes there; diagrams draw a labelled step as an emphasised switch.",
        examples=["app cannot open a ticket"],
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return {"to": data} if isinstance(data, str) else data


class Touchpoint(Model):
    """A moment the customer interacts with the brand, on one channel."""

    id: Slug = Field(description="Unique id in the map; derived from `name` when absent.")
    name: Text = Field(description="What the customer meets.", examples=["Product page"])
    channel: Ref | None = Field(
        None,
        description="A built-in channel id or one declared under `channels:`; leave it out when the source names "
        "none (pictures then show no channel, and a method check says so).",
        examples=list(BUILTIN_CHANNELS),
    )
    emotion: float | None = Field(None, description="How the customer feels here, on the map's emotion scale.")
    emotion_source: EmotionSource | None = Field(
        None, description=EMOTION_SOURCE_HELP + " Left out: the stage's, else the map's."
    )
    description: str | None = Field(None, description="What happens at this touchpoint.")
    owner: str | None = Field(None, description="The team responsible for this touchpoint.")
    kind: TouchpointKind | None = Field(None, description="Owned by the brand, earned (reviews…) or paid (ads…).")
    moment_of_truth: bool = Field(False, description="A moment that makes or breaks the relationship.")
    next: list[NextStep] | None = Field(
        None,
        description="The touchpoints that follow, when the flow is not simply the listed order "
        "(branches, channel switches): ids, or `{to: id, label: why}`; an empty list ends the journey here.",
        examples=[["call-centre"], [{"to": "call-centre", "label": "app cannot open a ticket"}]],
    )
    drop_off: str | None = Field(
        None, description="Customers lost at this point.", examples=["68% of carts are abandoned here"]
    )

    @model_validator(mode="before")
    @classmethod
    def _id_from_name(cls, data: Any) -> Any:
        return derive_id(data, "name")

    @property
    def next_ids(self) -> list[str] | None:
        """The ids `next` leads to, in order (None when the touchpoint has no `next`)."""
        return None if self.next is None else [step.to for step in self.next]


class PainPoint(Model):
    """A documented problem that blocks the customer. A plain string is shorthand for `{text: …}`."""

    id: Slug = Field(description="Unique id, referenced by opportunities' `addresses`; derived from `text`.")
    text: Text = Field(description="The problem, in the customer's terms.")
    severity: Severity | None = Field(
        None, description="How much it hurts the journey; left out, it is shown as not stated (never as a default)."
    )
    touchpoint: Ref | None = Field(None, description="Id of the touchpoint where it happens.")
    evidence: TextList = Field(
        default_factory=_no_items, description="Where it comes from: interviews, analytics, tickets, reviews…"
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand_and_id(cls, data: Any) -> Any:
        return derive_id(_shorthand(data), "text")


class Opportunity(Model):
    """An improvement that comes from pain points. A plain string is shorthand for `{text: …}`."""

    id: Slug = Field(description="Unique id in the map; derived from `text` when absent.")
    text: Text = Field(description="The improvement.")
    addresses: list[Ref] = Field(
        default_factory=_no_items,
        description="Ids of the pain points it addresses; a map with a `baseline` may also name the baseline's "
        "pain points (those its opportunities removed).",
    )
    impact: Level | None = Field(None, description="Expected effect on the journey.")
    effort: Level | None = Field(None, description="Expected cost to deliver.")
    owner: str | None = Field(None, description="The team that would deliver it.")
    status: Status | None = Field(
        None, description="Where it stands in the backlog; left out, it is shown as not stated."
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand_and_id(cls, data: Any) -> Any:
        return derive_id(_shorthand(data), "text")


class KPI(Model):
    """A measure of how the stage performs, against its target."""

    name: Text = Field(description="What is measured.", examples=["Conversion rate", "NPS", "Churn rate"])
    value: float | None = Field(None, description="The current value.")
    target: float | None = Field(None, description="The value the team aims for.")
    unit: str | None = Field(None, description="Unit shown after the numbers.", examples=["%", "days", "€"])
    better: Better | None = Field(
        None,
        description="Whether a higher or a lower value is better (churn: lower). Left out, the direction is not "
        "stated: the value is shown against the target without judging it on or off target (except when it equals "
        "the target).",
    )


class Quote(Model):
    """A verbatim from research. A plain string is shorthand for `{text: …}`."""

    text: Text = Field(description="What the customer said.")
    source: str | None = Field(
        None, description="Who said it, or where it was heard.", examples=["Interview #4", "App store review"]
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return _shorthand(data)


class Stage(Model):
    """One phase of the journey, in order."""

    id: Slug = Field(description="Unique id in the map; derived from `name` when absent.")
    name: Text = Field(description="The stage's name.", examples=["Awareness", "Consideration", "Purchase"])
    description: str | None = Field(None, description="What this stage covers.")
    goal: str | None = Field(None, description="What the customer wants at this stage.")
    business_goal: str | None = Field(None, description="What the business wants at this stage.")
    actions: TextList = Field(default_factory=_no_items, description="What the customer does.")
    thoughts: TextList = Field(default_factory=_no_items, description="What the customer thinks or asks.")
    emotion: float | None = Field(
        None, description="How the customer feels; when absent, the mean of the touchpoints' emotions."
    )
    emotion_source: EmotionSource | None = Field(
        None, description=EMOTION_SOURCE_HELP + " Left out: the map's. Applies to its touchpoints too."
    )
    duration: str | None = Field(None, description="How long the stage takes.", examples=["2-3 days"])
    touchpoints: list[Touchpoint] = Field(default_factory=_no_items, description="Touchpoints, in journey order.")
    touchpoints_are: Literal["sequence", "alternatives"] = Field(
        "sequence",
        description="`sequence`: the customer meets the touchpoints one after the other, in the listed order. "
        "`alternatives`: any one of them (entry points, marketing levers); diagrams draw them side by side "
        "with no path between them.",
    )
    pain_points: list[PainPoint] = Field(default_factory=_no_items, description="Friction met at this stage.")
    opportunities: list[Opportunity] = Field(default_factory=_no_items, description="Improvements for this stage.")
    kpis: list[KPI] = Field(default_factory=_no_items, description="Measures of this stage.")
    quotes: list[Quote] = Field(default_factory=_no_items, description="Verbatims from research.")
    frontstage: TextList = Field(default_factory=_no_items, description="Service blueprint: what staff do in view.")
    backstage: TextList = Field(default_factory=_no_items, description="Service blueprint: what staff do out of view.")
    support: TextList = Field(default_factory=_no_items, description="Service blueprint: systems and processes.")
    physical_evidence: TextList = Field(
        default_factory=_no_items,
        description="Service blueprint: what the customer sees or keeps (receipts, emails…).",
    )

    @model_validator(mode="before")
    @classmethod
    def _id_from_name(cls, data: Any) -> Any:
        return derive_id(data, "name")

    @property
    def score(self) -> float | None:
        """The stage's emotion: its own, or else the mean of its touchpoints' emotions."""
        if self.emotion is not None:
            return self.emotion
        scores = [t.emotion for t in self.touchpoints if t.emotion is not None]
        return round(sum(scores) / len(scores), 2) if scores else None


class Journey(Model):
    """One customer journey map: one persona, ordered stages, and what happens at each."""

    model_config = ConfigDict(title="Customer journey map")

    cjm: Literal[1] = Field(description="Version of the journey file format.")
    title: Text = Field(description="The map's title.", examples=["First purchase on the web shop"])
    objective: str | None = Field(
        None,
        description="Why the map exists: write it first.",
        examples=["Cut cart abandonment from 70% to 55% by Q3"],
    )
    type: MapType | None = Field(
        None,
        description="Which kind of map this is. Left out, the kind is not stated: no renderer shows one, and every "
        "method check applies.",
    )
    owner: str | None = Field(None, description="The team or person who keeps the map up to date.")
    reviewed: datetime.date | None = Field(None, description="Date of the last review with real customers.")
    locale: Locale = Field("en", description="Language of rendered labels and headings.")
    tags: list[str] = Field(default_factory=_no_items, description="Free tags for search and grouping.")
    baseline: str | None = Field(
        None,
        description="For a future-state map: the current-state map it improves on, as a path relative to this file.",
        examples=["checkout-current.yaml"],
    )
    ignore: list[str] = Field(
        default_factory=_no_items,
        description="Method-check codes this map knowingly breaks (see `cjm rules`).",
        examples=[["CJM504"]],
    )
    emotion_scale: EmotionScale = Field(default_factory=EmotionScale, description="The range of emotion scores.")
    emotion_source: EmotionSource | None = Field(
        None,
        description=EMOTION_SOURCE_HELP + " Set here for every score of the map; a stage or touchpoint may say "
        "otherwise. Left out everywhere: not stated, drawn as measured points with nothing in the legend.",
    )
    persona: Persona | None = Field(None, description="The customer whose journey this is.")
    channels: list[Channel] = Field(default_factory=_no_items, description="Channels beyond the built-in ones.")
    stages: list[Stage] = Field(min_length=1, description="The stages of the journey, in order.")

    def channel_labels(self) -> dict[str, str]:
        """Every channel id the map may use, with its label: built-in ones, then the map's own."""
        return {**BUILTIN_CHANNELS, **{channel.id: channel.label for channel in self.channels}}

    def touchpoints(self) -> list[tuple[Stage, Touchpoint]]:
        """Every touchpoint with its stage, in journey order."""
        return [(stage, touchpoint) for stage in self.stages for touchpoint in stage.touchpoints]

    def pain_points(self) -> list[tuple[Stage, PainPoint]]:
        """Every pain point with its stage, in journey order."""
        return [(stage, pain) for stage in self.stages for pain in stage.pain_points]

    def opportunities(self) -> list[tuple[Stage, Opportunity]]:
        """Every opportunity with its stage, in journey order."""
        return [(stage, item) for stage in self.stages for item in stage.opportunities]
