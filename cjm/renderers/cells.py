"""The cards in the map view's cells: one builder per lane kind, stacking a stage's items in its column.

Each builder wraps its texts to the column and returns cards with their own height, so the grid
(`cjm.renderers.map_layout`) sizes each lane to its tallest cell. A cell shows its first items
(LIMITS) and says how many more there are: the map is read at a glance, the HTML page has it all.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from cjm import formatting
from cjm.i18n import channel_labels, messages
from cjm.kpi import on_target as kpi_on_target
from cjm.model import KPI, Journey, Opportunity, PainPoint, Stage, Touchpoint
from cjm.renderers import style
from cjm.renderers.curve import Column
from cjm.renderers.flow_graph import FlowEdge, flow
from cjm.renderers.font import size_for_words, text_width, words
from cjm.renderers.layout import (
    Card,
    Mark,
    Text,
    colon,
    kpi_line,
    more_note,
    pain_numbers,
    quoted,
    severity_rank,
    small,
    text_block,
)

Item = TypeVar("Item")
PAD = style.CELL_PADDING
INSET = style.CARD_INSET
LIMITS = {"actions": 3, "touchpoints": 5, "thoughts": 2, "pain_points": 2, "opportunities": 2, "kpis": 2}
SERVICE_LIMIT = 3
# The narrowest and widest a stage column gets, as a share of the equal width (see `column_widths`), and
# what a card's frame and channel line count for, in characters.
MIN_SHARE = 0.8
MAX_SHARE = 1.6
CARD_CHARACTERS = 12


def _body(content: str, x: float, y: float, width: float, size: float, **options: Any) -> Text:
    """`text_block`, at a smaller size (not under `style.SIZE_SMALL`) when a word would not fit the column whole."""
    size = size_for_words(content, width, size, min(size, style.SIZE_SMALL), bool(options.get("bold")))
    return text_block(content, x, y, width, size, **options)


def cell_cards(
    journey: Journey, key: str, stage: Stage, column: Column, top: float, baseline: Journey | None = None
) -> tuple[Card, ...]:
    """The cards of one stage in one lane (`key`: actions, touchpoints, thoughts, pain_points, opportunities,
    kpis, or a service-blueprint lane), stacked from `top` inside the column's padding.

    `baseline` (a future-state map's current state) names the pain points its opportunities removed.
    """
    if key == "opportunities":
        return tuple(_opportunities(journey, stage, column.x + PAD, top, column.width - 2 * PAD, baseline))
    builders: dict[str, Callable[[Journey, Stage, float, float, float], list[Card]]] = {
        "actions": _actions,
        "touchpoints": _touchpoints,
        "thoughts": _thoughts,
        "pain_points": _pains,
        "kpis": _kpis,
    }
    builder = builders.get(key, _service(key))
    return tuple(builder(journey, stage, column.x + PAD, top, column.width - 2 * PAD))


def _stack(
    items: Sequence[Item],
    limit: int,
    make: Callable[[Item, float], Card],
    x: float,
    top: float,
    width: float,
    journey: Journey,
) -> list[Card]:
    """Cards one under the other from `top`, at most `limit`, then a "+N more" line."""
    cards: list[Card] = []
    y = top
    for item in items[:limit]:
        card = make(item, y)
        cards.append(card)
        y = card.y + card.height + style.GAP
    if len(items) > limit:
        note = more_note(journey.locale, len(items) - limit, x, y, width)
        cards.append(Card("more", x, y, width, note.height, (note,), framed=False))
    return cards


def _actions(journey: Journey, stage: Stage, x: float, top: float, width: float) -> list[Card]:
    def make(item: str, y: float) -> Card:
        body = _body(item, x + 9, y, width - 9, style.SIZE_BODY, max_lines=2)
        return Card(
            "action", x, y, width, body.height, (body,), (Mark("bullet", x + 3, y + 7, 4, "muted"),), framed=False
        )

    return _stack(stage.actions, LIMITS["actions"], make, x, top, width, journey)


def _service(key: str) -> Callable[[Journey, Stage, float, float, float], list[Card]]:
    def cards(journey: Journey, stage: Stage, x: float, top: float, width: float) -> list[Card]:
        def make(item: str, y: float) -> Card:
            body = _body(item, x + 9, y, width - 9, style.SIZE_BODY, max_lines=2)
            return Card(
                key.replace("_", "-"),
                x,
                y,
                width,
                body.height,
                (body,),
                (Mark("bullet", x + 3, y + 7, 4, "muted"),),
                framed=False,
            )

        return _stack(getattr(stage, key), SERVICE_LIMIT, make, x, top, width, journey)

    return cards


def _thoughts(journey: Journey, stage: Stage, x: float, top: float, width: float) -> list[Card]:
    def make(item: str, y: float) -> Card:
        body = _body(quoted(item, journey.locale), x, y, width, style.SIZE_BODY, italic=True, role="muted", max_lines=2)
        return Card("thought", x, y, width, body.height, (body,), framed=False)

    return _stack(stage.thoughts, LIMITS["thoughts"], make, x, top, width, journey)


def _touchpoints(journey: Journey, stage: Stage, x: float, top: float, width: float) -> list[Card]:
    from cjm.emotion import band

    labels = channel_labels(journey)
    text = messages(journey.locale)
    steps = marked_steps(journey)
    names = {touchpoint.id: touchpoint.name for _, touchpoint in journey.touchpoints()}

    def make(item: Touchpoint, y: float) -> Card:
        star = 14.0 if item.moment_of_truth else 0.0
        name = _body(
            item.name, x + 6, y + INSET, width - 12 - star, style.SIZE_BODY, bold=item.moment_of_truth, max_lines=2
        )
        texts = [name]
        bottom = name.bottom
        if item.channel is not None:
            channel = small(labels.get(item.channel, item.channel), x + 6, bottom + 1, width - 12)
            texts.append(channel)
            bottom = channel.bottom
        if item.drop_off:
            drop_off = f"{text['note.drop_off']}{colon(journey.locale)}{item.drop_off}"
            drop = small(drop_off, x + 6, bottom + 2, width - 12, "pain", 2)
            texts.append(drop)
            bottom = drop.bottom
        marks = [Mark("star", x + width - 9, y + 10, 11, "truth")] if item.moment_of_truth else []
        for step in steps.get(item.id, ()):
            lines, mark = _step(step, names, x + 6, bottom + 2, width - 12)
            texts.extend(lines)
            marks.append(mark)
            bottom = lines[-1].bottom
        level = band(item.emotion, journey.emotion_scale) if item.emotion is not None else None
        return Card(
            "touchpoint",
            x,
            y,
            width,
            round(bottom + INSET - y, 2),
            tuple(texts),
            tuple(marks),
            band=level,
            emphasis=item.moment_of_truth,
        )

    return _stack(stage.touchpoints, LIMITS["touchpoints"], make, x, top, width, journey)


def marked_steps(journey: Journey) -> dict[str, list[FlowEdge]]:
    """The steps out of each touchpoint that the grid marks, by touchpoint id (`flow_graph.flow`'s edges).

    Why only these: in a grid, time runs left to right and top to bottom, so the ordinary next step
    needs no mark, and a routine channel change shows in the channel line of the next card. The
    exceptions are marked where they start (PICTURE.md): a switch with its reason (the one a map
    is often drawn for: emphasised), a step back to an earlier touchpoint, and each way out of a
    branch that is not simply the next touchpoint.
    """
    order = [touchpoint.id for _, touchpoint in journey.touchpoints()]
    following = dict(itertools.pairwise(order))
    found: dict[str, list[FlowEdge]] = {}
    for edge in flow(journey):
        if edge.tail_stage or edge.head_stage:
            continue
        routine = edge.kind in ("flow", "channel-change") and (not edge.branch or following.get(edge.tail) == edge.head)
        if not routine:
            found.setdefault(edge.tail, []).append(edge)
    return found


def _step(edge: FlowEdge, names: dict[str, str], x: float, y: float, width: float) -> tuple[list[Text], Mark]:
    """One marked step in a touchpoint card: an arrow (its shape says forward, branch or back) and where it
    leads; a switch's reason follows on its own lines, emphasised like its target."""
    switch = edge.label is not None
    role = "switch" if switch else "muted"
    target = small(names.get(edge.head, edge.head), x + 11, y, width - 11, role, bold=switch)
    lines = [target]
    if edge.label:
        reason = small(edge.label, x + 11, target.bottom, width - 11, role, 3, italic=True)
        lines.append(reason)
    shape = "loop-arrow" if edge.kind == "loop-back" else "switch-arrow" if switch else "branch-arrow"
    return lines, Mark(shape, x + 4, y + style.SIZE_SMALL * style.LINE_HEIGHT / 2, 8, role)


def _pains(journey: Journey, stage: Stage, x: float, top: float, width: float) -> list[Card]:
    text = messages(journey.locale)
    numbers = pain_numbers(journey)
    pains = sorted(stage.pain_points, key=severity_rank)

    def make(item: PainPoint, y: float) -> Card:
        texts: list[Text] = []
        head = Text(x + 6, y + INSET, (numbers[item.id],), style.SIZE_SMALL, bold=True, role="pain")
        texts.append(head)
        if item.severity is not None:
            left = x + 6 + text_width(numbers[item.id], style.SIZE_SMALL, True) + 9
            badge = _body(
                text[f"severity.{item.severity}"],
                left,
                y + INSET,
                x + width - 6 - left,
                style.SIZE_SMALL,
                bold=True,
                role=f"severity-{item.severity}",
                max_lines=1,
            )
            texts.append(badge)
        body = _body(
            item.text,
            x + 6,
            head.bottom + 2,
            width - 12,
            style.SIZE_BODY,
            bold=item.severity == "critical",
            max_lines=2,
        )
        count = len(item.evidence)
        evidence_text = (
            text["view.no_evidence"]
            if count == 0
            else text["view.evidence_one"]
            if count == 1
            else text["view.evidence_many"].format(count=count)
        )
        evidence = small(evidence_text, x + 18, body.bottom + 2, width - 24)
        mark = Mark("evidence" if count else "no-evidence", x + 11, evidence.y + 6, 8, "muted")
        texts += [body, evidence]
        emphasis = item.severity in ("critical", "high")
        return Card(
            "pain",
            x,
            y,
            width,
            round(evidence.bottom + INSET - y, 2),
            tuple(texts),
            (mark,),
            severity=item.severity,
            emphasis=emphasis,
        )

    return _stack(pains, LIMITS["pain_points"], make, x, top, width, journey)


def _opportunities(
    journey: Journey, stage: Stage, x: float, top: float, width: float, baseline: Journey | None
) -> list[Card]:
    removed_texts = {pain.id: pain.text for _, pain in baseline.pain_points()} if baseline is not None else {}
    text = messages(journey.locale)
    numbers = pain_numbers(journey)
    sep = colon(journey.locale)

    def make(item: Opportunity, y: float) -> Card:
        body = _body(item.text, x + 6, y + INSET, width - 12, style.SIZE_BODY, max_lines=2)
        texts = [body]
        bottom = body.bottom
        known = [numbers[pain] for pain in item.addresses if pain in numbers]
        # A baseline's pain point is named by its words, never by its id.
        removed = [removed_texts[pain] for pain in item.addresses if pain not in numbers and pain in removed_texts]
        facts: list[str] = []
        if known:
            facts.append(f"{text['view.for']} {', '.join(known)}")
        if removed:
            listed = (formatting.semicolon(journey.locale) + " ").join(removed)
            line = small(f"{text['view.removes']}{sep}{listed}", x + 6, bottom + 1, width - 12, "opportunity", 2)
            texts.append(line)
            bottom = line.bottom
        if item.impact:
            facts.append(f"{text['field.impact']}{sep}{text[f'level.{item.impact}']}")
        if item.effort:
            facts.append(f"{text['field.effort']}{sep}{text[f'level.{item.effort}']}")
        if item.owner:
            facts.append(item.owner)
        if facts:
            line = small(" · ".join(facts), x + 6, bottom + 1, width - 12, "opportunity", 3)
            texts.append(line)
            bottom = line.bottom
        return Card("opportunity", x, y, width, round(bottom + INSET - y, 2), tuple(texts))

    return _stack(stage.opportunities, LIMITS["opportunities"], make, x, top, width, journey)


def _kpis(journey: Journey, stage: Stage, x: float, top: float, width: float) -> list[Card]:
    text = messages(journey.locale)

    def make(item: KPI, y: float) -> Card:
        name = small(item.name, x + 6, y + INSET, width - 12, "ink", 2, bold=True)
        value = _body(kpi_line(item, journey.locale), x + 6, name.bottom + 1, width - 12, style.SIZE_BODY, max_lines=2)
        texts = [name, value]
        marks: tuple[Mark, ...] = ()
        bottom = value.bottom
        met = kpi_on_target(item)
        if met is not None:
            tone = "on-target" if met else "off-target"
            status = small(text["kpi.on_target" if met else "kpi.off_target"], x + 18, bottom + 1, width - 24, tone)
            marks = (Mark("check" if met else "cross", x + 11, status.y + 6.5, 9, tone),)
            texts.append(status)
            bottom = status.bottom
        return Card("kpi", x, y, width, round(bottom + INSET - y, 2), tuple(texts), marks)

    return _stack(stage.kpis, LIMITS["kpis"], make, x, top, width, journey)


def column_widths(stages: Sequence[Stage], total: float, keys: Sequence[str]) -> list[float]:
    """The widths of a row's stage columns, `total` wide in all: fitted to what each stage shows.

    Why fitted: real maps are uneven (a check-in stage with nine touchpoints beside a night with
    none), and equal columns wrap the busy stage's every card into three cut lines while an empty
    column stays blank. A column's share grows with the square root of the text it shows in the
    lanes drawn (`keys`, each lane's first items as the cells show them), from 0.8 to 1.6 times the
    equal width, so columns stay comparable and every stage keeps room for its cards; a column is
    never narrower than its touchpoint names' longest word needs (`_widest_word`), up to 1.6 times.
    """
    amounts = [_shown_text(stage, keys) for stage in stages]
    mean = sum(amounts) / len(amounts)
    equal = total / len(stages)
    if mean <= 0:
        return [equal] * len(stages)
    shares = [math.sqrt(amount / mean) for amount in amounts]
    highs = [MAX_SHARE * equal] * len(stages)
    lows = [min(MAX_SHARE * equal, max(MIN_SHARE * equal, _widest_word(stage, keys))) for stage in stages]
    if sum(lows) > total:
        lows = [low * total / sum(lows) for low in lows]
    # The scale at which the columns, each kept between its bounds, fill the row exactly (bisection:
    # the filled width grows with the scale).

    def filled(scale: float) -> list[float]:
        return [min(high, max(low, share * scale)) for share, low, high in zip(shares, lows, highs, strict=True)]

    low_scale, high_scale = 0.0, MAX_SHARE * equal / min(share for share in shares if share > 0)
    for _ in range(60):
        middle = (low_scale + high_scale) / 2
        low_scale, high_scale = (middle, high_scale) if sum(filled(middle)) < total else (low_scale, middle)
    return filled(high_scale)


def _widest_word(stage: Stage, keys: Sequence[str]) -> float:
    """The column width a stage's touchpoint cards need so that no word of their names is broken, at
    the smallest size a card's text takes (bold for a moment of truth, with room for its star)."""
    if "touchpoints" not in keys:
        return 0.0
    needed = 0.0
    for touchpoint in stage.touchpoints[: LIMITS["touchpoints"]]:
        star = 14.0 if touchpoint.moment_of_truth else 0.0
        # A URL or a path breaks after its slashes: it asks for no width of its own.
        names = [word for word in words(touchpoint.name) if "/" not in word]
        widest = max((text_width(word, style.SIZE_SMALL, touchpoint.moment_of_truth) for word in names), default=0.0)
        needed = max(needed, widest + 12 + star + 2 * PAD + 1)
    return needed


def _shown_text(stage: Stage, keys: Sequence[str]) -> int:
    """How much text a stage shows in the drawn lanes: characters of the items a cell shows, and the name."""
    amount = len(stage.name)
    for key in keys:
        items = getattr(stage, key, None)
        if not isinstance(items, list):
            continue
        for item in items[: LIMITS.get(key, SERVICE_LIMIT)]:
            wording = item if isinstance(item, str) else getattr(item, "name", None) or getattr(item, "text", "")
            amount += len(str(wording)) + CARD_CHARACTERS
    return amount
