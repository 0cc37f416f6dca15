"""The Mermaid `journey` blocks of the Markdown report, fitted to what Mermaid draws.

- Reserved characters are written as Mermaid's entity codes (`#58;` for `:`, `#59;`, `#35;`,
  `#44;`, `#37;`…), which Mermaid draws as the character itself: the reader sees what the author
  wrote, never a look-alike.
- At most MAX_TASKS tasks per block. A map with more scored touchpoints gets one task per stage
  with the stage's score (the curve the guides draw); more than MAX_TASKS scored stages are split
  into blocks of consecutive stages, each titled with its part.
  Why not always one block per group of touchpoints: a reader compares the whole journey at a
  glance, which several strips defeat; a stage's score is the level the guides' curves use.
- Task, section and actor names and the title are shortened with "…" to what Mermaid's boxes
  hold, at word boundaries (the full names are in the report's tables): a task name keeps up to
  two lines of a task box, so "Retrouver la connexion" stays whole rather than "Retrouver la…".
- Every block has `accTitle` and `accDescr`: the accessible name and description of the drawing.

Measured with mermaid-cli 11.17: a task box is 150 px wide and holds about 20 characters on a
line at Mermaid's 14 px font; Mermaid wraps a task name between words and two lines stay inside
the box (a third spills over its border; a word longer than a line is clipped, never wrapped); the
section bar spans its tasks; the actor legend holds about 28 characters; the title is drawn at
about twice the task font.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from cjm.emotion import to_five
from cjm.i18n import messages
from cjm.model import Journey
from cjm.presentation import INVISIBLE

MAX_TASKS = 8
TASK_CHARACTERS = 20  # per line of a task box
TASK_LINES = 2
SECTION_CHARACTERS_PER_TASK = 26
ACTOR_CHARACTERS = 26
TITLE_CHARACTERS_PER_TASK = 13
MIN_TITLE_CHARACTERS = 24
ELLIPSIS = "…"

# Characters that are syntax somewhere in a journey (`:` ends a task, `;` and `#` end a statement
# or start an entity, `,` separates actors, `%%` starts a comment, `<`/`>` are read as tags, a
# backtick line closes the Markdown fence): written as entity codes everywhere.
RESERVED = "#:;,%<>`"
# A line starting with a keyword is read as that statement ("Title deed: 3: Me" would set the title).
_KEYWORD = re.compile(r"^(?:journey|title|section|acctitle|accdescr)(?![A-Za-z0-9_])", re.IGNORECASE)


def mermaid_text(text: str) -> str:
    """Text made safe in any journey field: whitespace collapsed, reserved characters as entity codes."""
    flat = " ".join(INVISIBLE.sub("", text).split())
    return "".join(f"#{ord(character)};" if character in RESERVED else character for character in flat)


def shorten(text: str, limit: int) -> str:
    """Text cut to at most `limit` characters, at a word boundary when one is near, ending with "…"."""
    flat = " ".join(INVISIBLE.sub("", text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if flat[limit - 1] != " " and space >= limit // 2:  # Cut inside a word: drop that word.
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + ELLIPSIS


def fit_lines(text: str, width: int, lines: int) -> str:
    """Text shortened to what `lines` lines of `width` characters hold when wrapped between words.

    Words are laid greedily, as Mermaid wraps; a word longer than a line is cut to it with "…";
    text that needs more lines keeps the words of the first `lines` lines and ends with "…".
    """
    words = [shorten(word, width) for word in " ".join(INVISIBLE.sub("", text).split()).split(" ") if word]
    rows: list[str] = []
    for word in words:
        if rows and len(rows[-1]) + 1 + len(word) <= width:
            rows[-1] += " " + word
        elif len(rows) < lines:
            rows.append(word)
        else:
            rows[-1] = _ended(rows[-1], width)
            break
    return " ".join(rows)


def _ended(row: str, width: int) -> str:
    """A row marked as cut with "…", whole words kept while the row and the "…" fit in `width`."""
    if row.endswith(ELLIPSIS):
        return row
    words = row.split(" ")
    while len(words) > 1 and len(" ".join(words)) + len(ELLIPSIS) > width:
        words.pop()
    return " ".join(words)[: width - len(ELLIPSIS)].rstrip(" ,;:.-") + ELLIPSIS


def task_text(text: str) -> str:
    """A task name: fitted to a task box's lines, entity-coded, a leading keyword's first letter coded too."""
    coded = mermaid_text(fit_lines(text, TASK_CHARACTERS, TASK_LINES))
    if _KEYWORD.match(coded):
        coded = f"#{ord(coded[0])};" + coded[1:]
    return coded or ELLIPSIS


class Task(NamedTuple):
    """One task of a block: its name, its score on Mermaid's 1..5 and its section (None: no sections)."""

    name: str
    score: int
    section: str | None


def journey_tasks(journey: Journey) -> list[Task]:
    """Every task the map's emotions give, before splitting into blocks.

    One task per scored touchpoint (a stage scored only at stage level gives one task named after
    the stage), each under its stage's section; when that is more than MAX_TASKS, one task per scored
    stage with its score, without sections. A touchpoint or stage without a score is not a task:
    Mermaid needs a score and cjm does not invent one.
    """
    scale = journey.emotion_scale
    tasks: list[Task] = []
    for stage in journey.stages:
        scored = [touchpoint for touchpoint in stage.touchpoints if touchpoint.emotion is not None]
        if scored:
            tasks += [Task(t.name, to_five(t.emotion, scale), stage.name) for t in scored if t.emotion is not None]
        elif stage.score is not None:
            tasks.append(Task(stage.name, to_five(stage.score, scale), stage.name))
    if len(tasks) <= MAX_TASKS:
        return tasks
    return [Task(stage.name, to_five(stage.score, scale), None) for stage in journey.stages if stage.score is not None]


def render_mermaid_blocks(journey: Journey) -> list[str]:
    """The map's Mermaid `journey` blocks (without the Markdown fences); empty when nothing is scored."""
    tasks = journey_tasks(journey)
    if not tasks:
        return []
    groups = [tasks[start : start + MAX_TASKS] for start in range(0, len(tasks), MAX_TASKS)]
    if len(groups) > 1:
        # Balanced parts of consecutive stages: 9 stages give 5 + 4, not 8 + 1.
        size = -(-len(tasks) // len(groups))
        groups = [tasks[start : start + size] for start in range(0, len(tasks), size)]
    text = messages(journey.locale)
    return [_block(journey, group, text, part, len(groups)) for part, group in enumerate(groups, start=1)]


def _block(journey: Journey, tasks: list[Task], text: Mapping[str, str], part: int, parts: int) -> str:
    persona = journey.persona.name if journey.persona else text["note.customer"]
    actor = mermaid_text(shorten(persona, ACTOR_CHARACTERS))
    suffix = f" ({part}/{parts})" if parts > 1 else ""
    title_limit = max(MIN_TITLE_CHARACTERS, TITLE_CHARACTERS_PER_TASK * len(tasks)) - len(suffix)
    per_stage = tasks[0].section is None
    description = text["mermaid.per_stage" if per_stage else "mermaid.per_touchpoint"].format(
        persona=persona, tasks=len(tasks)
    )
    lines = [
        "journey",
        f"  accTitle: {mermaid_text(journey.title + suffix)}",
        f"  accDescr: {mermaid_text(description)}",
        f"  title {mermaid_text(shorten(journey.title, title_limit) + suffix)}",
    ]
    section: str | None = None
    for index, task in enumerate(tasks):
        if task.section is not None and task.section != section:
            section = task.section
            span = sum(1 for other in tasks[index:] if other.section == section)
            limit = TASK_CHARACTERS + SECTION_CHARACTERS_PER_TASK * (span - 1)
            lines.append(f"  section {mermaid_text(shorten(section, limit)) or ELLIPSIS}")
        lines.append(f"    {task_text(task.name)}: {task.score}: {actor}")
    return "\n".join(lines) + "\n"
