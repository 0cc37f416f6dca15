"""The text inside the flow's boxes, as Graphviz HTML-like labels: the one place user text becomes markup.

Every user string goes through `html_text` once (HTML entities and Graphviz's backslash escapes);
every label returned here is wrapped in `<…>` so the `graphviz` package passes it through as an
HTML-like label, while every other attribute value is quoted by the package. Symbols (▲ ★ ⚠ …)
sit in a `<FONT>` of their own, so the SVG writes them as separate `<text>` elements that
`flow_svg` hides from screen readers: the words next to them say the same.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable, Mapping

from cjm import emotion, formatting
from cjm.model import Journey, Opportunity, PainPoint, Stage, Touchpoint
from cjm.presentation import label_colon, score_text
from cjm.renderers import RenderError
from cjm.renderers import flow_style as style
from cjm.renderers.font import wrap
from cjm.renderers.layout import pain_numbers

# Characters XML 1.0 forbids (and C1 controls), which would make dot's SVG unreadable.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
BREAK = '<BR ALIGN="LEFT"/>'


def clean(text: str) -> str:
    """Text without the characters XML forbids."""
    return FORBIDDEN.sub("", text)


def html_text(text: str) -> str:
    """User text made safe inside an HTML-like label: shown exactly as written.

    Why the backslashes: Graphviz expands `\\N`, `\\G`, `\\E`… even in HTML-like labels, after
    decoding entities, and `\\\\` is its only way to write one backslash.
    """
    text = clean(text).replace("\\", "\\\\")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def lines(text: str, width: int, max_lines: int = style.MAX_LINES) -> list[str]:
    """Text wrapped at `width` characters, at most `max_lines` lines, the last cut with "…"."""
    flat = formatting.bind(" ".join(clean(text).split()))  # Runs of spaces read as one; « » stay joined.
    wrapped = textwrap.wrap(flat, width, break_long_words=True, break_on_hyphens=True) or [""]
    if len(wrapped) > max_lines:
        wrapped = [*wrapped[: max_lines - 1], textwrap.shorten(wrapped[max_lines - 1] + " …", width, placeholder="…")]
    return wrapped


def wrapped(text: str, width: int, max_lines: int = style.MAX_LINES) -> str:
    """Wrapped, escaped lines joined with left-aligned breaks."""
    return BREAK.join(html_text(line) for line in lines(text, width, max_lines))


def measured(text: str, width: float, size: float, bold: bool, max_lines: int) -> str:
    """Text wrapped into lines `width` points wide at `size`, measured with DejaVu Sans, escaped and joined.

    The last of `max_lines` lines ends with "…" when the text needs more. When DejaVu Sans is
    missing (a DOT-only build on a bare machine), characters are counted instead (0.6 em each).
    """
    flat = formatting.bind(" ".join(clean(text).split()))
    try:
        broken = wrap(flat, width, size, bold=bold, max_lines=max_lines).lines
    except RenderError:
        broken = tuple(lines(text, max(1, int(width / (size * 0.6))), max_lines))
    return BREAK.join(html_text(line) for line in broken)


def font(markup: str, *, size: float | None = None, color: str | None = None, bold: bool = False) -> str:
    """Markup (already escaped) in a font; bold through <B>. Graphviz rejects an empty <FONT>."""
    if not markup:
        return ""
    if bold:
        markup = f"<B>{markup}</B>"
    attributes = (f' POINT-SIZE="{size:g}"' if size else "") + (f' COLOR="{color}"' if color else "")
    return f"<FONT{attributes}>{markup}</FONT>" if attributes else markup


def table(rows: Iterable[str], *, padding: int = 2, spacing: int = 0, border: str = 'BORDER="0"') -> str:
    """An HTML-like table of already-built `<TR>` rows."""
    return f'<TABLE {border} CELLBORDER="0" CELLSPACING="{spacing}" CELLPADDING="{padding}">{"".join(rows)}</TABLE>'


def row(*cells: str, align: str = "LEFT") -> str:
    """One `<TR>` of left-aligned cells (markup already built)."""
    return "<TR>" + "".join(f'<TD ALIGN="{align}" BALIGN="{align}">{cell}</TD>' for cell in cells) + "</TR>"


def as_label(markup: str) -> str:
    """An HTML-like label value for the `graphviz` package (which passes `<…>` through unquoted)."""
    return f"<{markup}>"


class Labels:
    """The labels of one map, in its language: touchpoints, stages, notes, header and legend."""

    def __init__(
        self,
        journey: Journey,
        text: Mapping[str, str],
        channels: Mapping[str, str],
        baseline: Journey | None = None,
    ) -> None:
        self.journey = journey
        self.scale = journey.emotion_scale
        self.text = text
        self.channels = channels
        self.colon = label_colon(journey.locale) + " "
        # How a note names a pain point: its number as the map view shows it (P1, P2… in map order)
        # and its words; a pain point of the baseline (a future-state map removes it) by its words.
        self.pain_numbers = pain_numbers(journey)
        self.pain_texts = {pain.id: pain.text for _, pain in journey.pain_points()}
        self.removed = {pain.id: pain.text for _, pain in baseline.pain_points()} if baseline else {}

    def channel(self, channel: str | None) -> str:
        """A channel's name in the map's language; empty when the touchpoint names none."""
        return "" if not channel else self.channels.get(channel, channel)

    def score(self, score: float | None, size: float = style.SMALL_FONT_SIZE) -> str:
        """Symbol (decorative, its own text), number and word of a score; nothing without one.

        Why nothing: an unscored box is white with a grey border, which the legend explains when
        the map scores anything at all; a "no emotion recorded" on every box of a map that scores
        nothing (most service blueprints) would only be noise.
        """
        shown = score_text(score, self.scale, self.journey.locale)
        if shown is None:
            return ""
        words = shown.number + (f" · {shown.word}" if shown.word else "")
        return font(html_text(shown.symbol), size=size) + " " + font(html_text(words), size=size, bold=True)

    def touchpoint(self, touchpoint: Touchpoint) -> str:
        """Channel and score on top, the name in bold, the moment-of-truth mark when it is one."""
        channel = self.channel(getattr(touchpoint, "channel", None))
        score = self.score(touchpoint.emotion)
        rows = []
        if channel or score:
            rows.append(
                "<TR>"
                + '<TD ALIGN="LEFT">'
                + font(html_text(channel), size=style.SMALL_FONT_SIZE, color=style.MUTED_COLOR)
                + "</TD>"
                + f'<TD ALIGN="RIGHT">{score}</TD></TR>'
            )
        rows.append(
            '<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">'
            + font(wrapped(touchpoint.name, style.NAME_WRAP), bold=True)
            + "</TD></TR>"
        )
        if touchpoint.moment_of_truth:
            mark = (
                font("★", size=style.SMALL_FONT_SIZE)
                + " "
                + font(html_text(self.text["note.moment_of_truth"]), size=style.SMALL_FONT_SIZE, bold=True)
            )
            rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">{mark}</TD></TR>')
        return as_label(table(rows, padding=2))

    def stage(self, number: int, stage: Stage) -> str:
        """Stage number and emotion badge, then its name, its duration under it."""
        score = stage.score
        badge = (
            f'<TD BGCOLOR="{emotion.fill(score, self.scale)}" COLOR="{emotion.stroke(score, self.scale)}" '
            f'BORDER="1" STYLE="rounded">{self.score(score, style.SMALL_FONT_SIZE + 1)}</TD>'
            if score is not None
            else ""
        )
        # The badge before the name, and the duration under the name only: a duration line longer
        # than the name then widens the name's column, never parting badge and name.
        cells = (
            f'<TD BGCOLOR="{style.STAGE_NUMBER_FILL}" STYLE="rounded">'
            + font(str(number), size=style.STAGE_FONT_SIZE, color=style.BACKGROUND_COLOR, bold=True)
            + f'</TD>{badge}<TD ALIGN="LEFT" BALIGN="LEFT">'
            + font(self.stage_name(stage.name), size=style.STAGE_FONT_SIZE, bold=True)
            + "</TD>"
        )
        rows = [f"<TR>{cells}</TR>"]
        if stage.duration:
            duration = html_text(self.text["lane.duration"] + self.colon + stage.duration)
            rows.append(
                f'<TR><TD COLSPAN="{2 if badge else 1}"></TD><TD ALIGN="LEFT">'
                + font(duration, size=style.SMALL_FONT_SIZE, color=style.MUTED_COLOR)
                + "</TD></TR>"
            )
        return as_label(table(rows, padding=3, spacing=2))

    def stage_name(self, name: str) -> str:
        """A stage's name in lines as wide as STAGE_NAME_WIDTH points, measured with the font the flow names.

        Why measured, not counted: a count of characters broke "Diagnostiquer dans l'appli" where a
        band had room for twice as much; the width keeps names on one line where the band holds them.
        A name longer than STAGE_NAME_LINES lines ends with "…" (the band's title keeps it whole).
        """
        return measured(name, style.STAGE_NAME_WIDTH, style.STAGE_FONT_SIZE, True, style.STAGE_NAME_LINES)

    def pain(self, pain: PainPoint) -> str:
        """Severity in words (with its dots), how many pieces of evidence, then the problem."""
        severity = getattr(pain, "severity", None)
        words = (
            self.text[f"severity.{severity}"]
            if severity
            else self.text["field.severity"] + self.colon + self.text["note.not_stated"]
        )
        head = (
            font("⚠", size=style.SMALL_FONT_SIZE)
            + " "
            + font(html_text(words), size=style.SMALL_FONT_SIZE, color=style.PAIN_TEXT, bold=True)
        )
        if severity:
            dots = style.SEVERITY_DOTS[severity]
            head += " " + font("●" * dots + "○" * (4 - dots), size=style.SMALL_FONT_SIZE, color=style.PAIN_TEXT)
        evidence = f"{self.text['field.evidence']}{self.colon}{len(pain.evidence)}"
        rows = [
            row(head),
            row(font(wrapped(pain.text, style.NOTE_WRAP), size=style.FONT_SIZE - 1)),
            row(font(html_text(evidence), size=style.SMALL_FONT_SIZE, color=style.MUTED_COLOR)),
        ]
        return as_label(table(rows, padding=1))

    def opportunity(self, opportunity: Opportunity, far: Iterable[str]) -> str:
        """Status, the improvement, impact and effort, then the pain points of other stages it addresses."""
        status = getattr(opportunity, "status", None)
        head = (
            font("✚", size=style.SMALL_FONT_SIZE)
            + " "
            + font(
                html_text(
                    self.text[f"status.{status}"]
                    if status
                    else self.text["field.status"] + self.colon + self.text["note.not_stated"]
                ),
                size=style.SMALL_FONT_SIZE,
                color=style.OPPORTUNITY_TEXT,
                bold=True,
            )
        )
        rows = [row(head), row(font(wrapped(opportunity.text, style.NOTE_WRAP), size=style.FONT_SIZE - 1))]
        details = [
            f"{self.text[f'field.{name}']}{self.colon}{self.text[f'level.{level}']}"
            for name, level in (("impact", opportunity.impact), ("effort", opportunity.effort))
            if level is not None
        ]
        if details:
            rows.append(row(font(html_text(" · ".join(details)), size=style.SMALL_FONT_SIZE, color=style.MUTED_COLOR)))
        refs = list(far)
        # A pain point neither in the map nor in a baseline given (an API call without it) keeps its id:
        # the author's own word for it, rather than nothing.
        named = [
            f"{self.pain_numbers[ref]} {self.pain_texts[ref]}" if ref in self.pain_numbers else ref
            for ref in refs
            if ref not in self.removed or ref in self.pain_numbers
        ]
        removed = [self.removed[ref] for ref in refs if ref not in self.pain_numbers and ref in self.removed]
        separator = formatting.semicolon(self.journey.locale) + " "
        for heading, items in (("field.addresses", named), ("view.removes", removed)):
            if items:
                note = self.text[heading] + self.colon + separator.join(items)
                rows.append(
                    row(font(wrapped(note, style.NOTE_WRAP, 3), size=style.SMALL_FONT_SIZE, color=style.MUTED_COLOR))
                )
        return as_label(table(rows, padding=1))

    def lost(self, touchpoint: Touchpoint) -> str:
        """ "Customers lost" and the drop-off text."""
        head = (
            font("✕", size=style.SMALL_FONT_SIZE)
            + " "
            + font(
                html_text(self.text["note.customers_lost"]),
                size=style.SMALL_FONT_SIZE,
                color=style.LOST_COLOR,
                bold=True,
            )
        )
        body = font(wrapped(touchpoint.drop_off or "", style.LOST_WRAP), size=style.SMALL_FONT_SIZE)
        return as_label(table([row(head), row(body)], padding=1))

    def edge(self, label: str) -> str:
        """An edge's reason (`next: [{to: …, label: …}]`), wrapped, in the switch colour."""
        return as_label(font(wrapped(label, style.EDGE_LABEL_WRAP, 3), color=style.SWITCH_COLOR, bold=True))

    def header(self, legend: str) -> str:
        """Title, type, owner and review date, persona and objective, then the legend below."""
        journey, text = self.journey, self.text
        title = measured(journey.title, style.TITLE_WIDTH, style.TITLE_FONT_SIZE, True, style.TITLE_LINES)
        rows = [row(font(title, size=style.TITLE_FONT_SIZE, bold=True))]
        facts = [text["field.type"] + self.colon + text[f"type.{journey.type}"]] if journey.type else []
        if journey.owner:
            facts.append(text["field.owner"] + self.colon + journey.owner)
        if journey.reviewed:
            facts.append(text["field.reviewed"] + self.colon + formatting.date(journey.reviewed, journey.locale))
        if facts:
            rows.append(row(font(wrapped(" · ".join(facts), style.HEADER_WRAP, 2), color=style.MUTED_COLOR)))
        if journey.persona is not None:
            persona = journey.persona
            about = persona.name + (f" — {persona.description}" if persona.description else "")
            rows.append(self.paragraph(text["heading.persona"], about))
        if journey.objective:
            rows.append(self.paragraph(text["heading.objective"], journey.objective))
        if legend:
            rows.append(f'<TR><TD ALIGN="LEFT">{legend}</TD></TR>')
        return as_label(table(rows, padding=3))

    def paragraph(self, heading: str, body: str) -> str:
        """A wrapped paragraph that starts with a bold heading ("Objective: …")."""
        prefix = heading + self.colon.rstrip()
        wrapped_lines = lines(f"{prefix} {body}", style.HEADER_WRAP, 4)
        first = wrapped_lines[0]
        if first.startswith(prefix):
            first_markup = font(html_text(prefix + " "), bold=True) + html_text(first[len(prefix) :].lstrip())
        else:
            first_markup = html_text(first)
        body_markup = BREAK.join([first_markup, *(html_text(line) for line in wrapped_lines[1:])])
        return f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{body_markup}</TD></TR>'

    def legend(self, uses: set[str]) -> str:
        """The key: emotion bands the scale has (colour, symbol, scores, words), then the marks the picture uses.

        `uses` names what the picture draws (edge kinds, "branch", "lost", "moment", "pain",
        "opportunity", "addresses", "alternatives", "scored", "unscored"), so the legend lists
        nothing it does not show: no emotion key for a map that scores nothing.
        """
        text, small = self.text, style.SMALL_FONT_SIZE
        bands = [row(font(html_text(text["field.emotion"]), size=small, bold=True))]
        scored = "scored" in uses
        for index, (fill_color, stroke_color, symbol) in enumerate(
            zip(emotion.FILLS, emotion.STROKES, emotion.SYMBOLS, strict=True) if scored else ()
        ):
            scores = _band_scores(index, self.journey)
            if not scores:
                continue
            words = [word for word in dict.fromkeys(emotion.label(score, self.scale) for score in scores) if word]
            if not words and index == 2:
                words = [text["note.neutral"]]
            span = emotion.format_score(scores[0], self.journey.locale)
            if len(scores) > 1:
                span += f" – {emotion.format_score(scores[-1], self.journey.locale)}"
            bands.append(
                f'<TR><TD BGCOLOR="{fill_color}" COLOR="{stroke_color}" BORDER="1" STYLE="rounded" WIDTH="34">'
                + font(symbol, size=small, bold=True)
                + f'</TD><TD ALIGN="RIGHT">{font(html_text(span), size=small, bold=True)}</TD>'
                + f'<TD ALIGN="LEFT">{font(html_text(" / ".join(words)), size=small)}</TD></TR>'
            )
        marks = [
            ("flow", "───▶", style.FLOW_COLOR, text["note.flow"]),
            ("switch", "━━━▶", style.SWITCH_COLOR, text["note.switch_with_reason"]),
            ("channel-change", "───▶", style.QUIET_COLOR, text["note.channel_switch"]),
            ("loop-back", "╌╌╌▶", style.FLOW_COLOR, text["note.loop_back"]),
            ("branch", "◆──▶", style.FLOW_COLOR, text["note.branch"]),
            ("alternatives", "┆ ┆ ┆", style.MUTED_COLOR, text["note.alternatives"]),
            ("lost", "◀╌╌ ✕", style.LOST_COLOR, text["note.customers_lost"]),
            ("moment", "★", style.MOMENT_OF_TRUTH_COLOR, text["note.moment_of_truth"]),
            ("pain", "⚠", style.PAIN_BORDER, text["lane.pain_points"]),
            ("opportunity", "✚", style.OPPORTUNITY_BORDER, text["lane.opportunities"]),
            ("addresses", "┈┈┈", style.OPPORTUNITY_BORDER, text["field.addresses"]),
        ]
        keys = [
            f'<TR><TD ALIGN="RIGHT">{font(html_text(mark), size=small, color=color, bold=True)}</TD>'
            f'<TD ALIGN="LEFT">{font(html_text(caption), size=small)}</TD></TR>'
            for kind, mark, color, caption in marks
            if kind in uses
        ]
        if scored and "unscored" in uses:
            bands.append(
                f'<TR><TD BGCOLOR="{emotion.NO_SCORE_FILL}" COLOR="{emotion.NO_SCORE_STROKE}" BORDER="1" '
                f'STYLE="rounded" WIDTH="34"> </TD><TD COLSPAN="2" ALIGN="LEFT">'
                + font(html_text(text["note.no_emotion"]), size=small)
                + "</TD></TR>"
            )
        half = math.ceil(len(keys) / 2)
        columns = [table(bands, padding=2, spacing=2)] if scored else []
        columns += [table(part, padding=3, spacing=1) for part in (keys[:half], keys[half:]) if part]
        if not columns:
            return ""
        heading = font(html_text(text["heading.legend"]), size=small + 2, bold=True)
        return table(
            [
                f'<TR><TD COLSPAN="{len(columns)}" ALIGN="LEFT">{heading}</TD></TR>',
                "<TR>" + "".join(f'<TD VALIGN="TOP">{column}</TD>' for column in columns) + "</TR>",
            ],
            padding=4,
            border=f'BORDER="1" COLOR="{style.STAGE_BORDER}" BGCOLOR="{style.BACKGROUND_COLOR}" STYLE="rounded"',
        )


def _band_scores(index: int, journey: Journey) -> list[float]:
    """The whole scores of the scale that fall in a band (for the legend)."""
    scale = journey.emotion_scale
    low, high = math.ceil(scale.min), math.floor(scale.max)
    return [float(score) for score in range(low, high + 1) if emotion.band(score, scale) == index]
