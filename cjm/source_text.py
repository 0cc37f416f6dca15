"""Text as the author typed it: no number reformatted, no word lost to a comment, no list read as one item.

Why: YAML reads `name: 1.10` as the number 1.1, `owner: 3900` as a number and `name: Hotline
#3900` as "Hotline" (the rest is a comment), without a sign. The loader keeps each scalar's source
text; here, for every place the format takes text (decided from the pydantic models, see
`cjm.fields`), a plain value becomes its source text again, and a comment that ate words, or a
single text that looks like several items of a list, gets a warning.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from cjm.diagnostics import Diagnostic, make
from cjm.fields import kind_at, known_keys
from cjm.hidden import escapes_in_text, invisible_in_ids, set_at
from cjm.loader import Document, PathKey, ScalarSource, get_at
from cjm.translation import Message

_COMMENT = re.compile(r"[ \t]+#")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SEPARATOR = re.compile(r"[,;] ")
# Plain text that YAML would read as something else than text, or that holds flow indicators.
_NOT_PLAIN = re.compile(
    r"""^(?:[-?:,\[\]{}#&*!|>'"%@`\s]|(?:true|false|yes|no|on|off|null|~)$|[-+.\d])|[,\[\]{}#]|: |:$|\s$""",
    re.IGNORECASE,
)


def keep_source_text(document: Document) -> tuple[Document, list[Diagnostic]]:
    """The document with every plain scalar in a text field set back to its source text, and the warnings.

    Warnings: CJM117 when a comment follows a plain text value (or an empty one) on its line,
    CJM118 when one text holding ", " or "; " stands where the format takes a list of text.
    """
    data = _copy(document.data)
    lines = [line.removesuffix("\r") for line in document.text.split("\n")]
    warnings: list[Diagnostic] = []
    for path, source in document.scalars.items():
        if not path or not _worth_a_look(source, lines):
            continue
        kind = kind_at(path)
        if kind not in ("text", "text-list"):
            continue
        value: Any = source.text if source.plain and source.typed else get_at(data, path)
        if source.plain and source.typed:
            set_at(data, path, value)
        if kind == "text" and source.plain:
            warning = _comment_warning(document, lines, path, source, value)
            if warning is not None:
                warnings.append(warning)
        if kind == "text-list" and isinstance(value, str) and _SEPARATOR.search(value):
            warnings.append(_one_item_warning(document, path, value))
        if source.plain:
            for check in (_unused_anchor, _dash_without_space):
                found = check(document, lines, path, source)
                if found is not None:
                    warnings.append(found)
        if source.plain and source.end_line > source.line > 0:
            warnings.extend(_joined_item_warnings(document, lines, path, source))
    warnings.extend(_text_read_as_mapping(document, data, lines))
    warnings.extend(_dash_glued_to_key(document))
    warnings.extend(invisible_in_ids(document, data, lines))
    warnings.extend(escapes_in_text(document, lines))
    return document._replace(data=data), warnings


def _text_read_as_mapping(document: Document, data: Any, lines: list[str]) -> list[Diagnostic]:
    """CJM122 where text holding `: ` was read as a key and its value (`- Why: so slow?` in a list of thoughts)."""
    found = []
    for path in document.positions.spans:
        value = get_at(data, path)
        if not path or not isinstance(value, dict) or len(value) != 1 or kind_at(path) != "text":
            continue
        [(key, rest)] = value.items()
        if not isinstance(key, str) or isinstance(rest, dict | list) or key in known_keys():
            continue
        line, column = document.positions.locate((*path, key), "key")
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        typed = _typed_pair(document, source, (*path, key), line, column)
        quoted = json.dumps(typed, ensure_ascii=False)
        # In a flow list (`[a: b, c]`) the item is quoted where it stands; in a block list it keeps its `- `.
        in_flow = source[: column - 1].rstrip()[-1:] in ("[", ",")
        written = (quoted if in_flow else f"- {quoted}") if isinstance(path[-1], int) else None
        field = _field_name(path)
        written = written or f"{field}: {json.dumps(typed, ensure_ascii=False)}"
        message = Message(
            "`{typed}` was read as a key and its value because of `: `, where `{field}` takes text",
            typed=typed if len(typed) <= 60 else typed[:59].rstrip() + "…",
            field=field,
        )
        hint = Message("put the text in quotes: `{written}`", written=written)
        found.append(make("CJM122", document.name, line, column, message, hint))
    return found


def _typed_pair(document: Document, source: str, path: PathKey, line: int, column: int) -> str:
    """The text the author typed for a key and its value, from the key to the value's end on the key's line.

    Where the value's end is not known on that line, the rest of the line (up to a comment).
    """
    value_line, value_column = document.positions.locate(path)
    end = document.positions.end_of(value_line, value_column) if value_line == line else None
    if end is not None and end >= column:
        return source[column - 1 : end].strip()
    return re.split(r"\s#", source[column - 1 :])[0].strip()


def _worth_a_look(source: ScalarSource, lines: list[str]) -> bool:
    """Whether a scalar may need changing or a warning at all (most plain text needs neither): cheap tests first."""
    if not source.plain:
        return _SEPARATOR.search(source.text) is not None
    if source.typed or source.end_line > source.line or source.text[:1] == "-":
        return True
    line = lines[source.end_line - 1] if 0 < source.end_line <= len(lines) else ""
    if _COMMENT.match(line, source.end_column - 1) is not None or _SEPARATOR.search(source.text) is not None:
        return True
    start = lines[source.line - 1] if 0 < source.line <= len(lines) else ""
    return start[source.column - 1 : source.column] == "&"


def _copy(data: Any) -> Any:
    """A copy of the lists and mappings of plain data (scalars are immutable and shared)."""
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(item) for item in data]
    return data


def _comment_warning(
    document: Document, lines: list[str], path: PathKey, source: ScalarSource, value: Any
) -> Diagnostic | None:
    """CJM117 when ` #` follows a plain text value on its last line: YAML dropped what comes after."""
    if not 0 < source.end_line <= len(lines):
        return None
    line = lines[source.end_line - 1]
    match = _COMMENT.match(line, source.end_column - 1)
    if match is None:
        return None
    hash_column = match.end()
    comment = line[hash_column:]
    field = _field_name(path)
    if value is None or source.text == "":
        message = Message("`{field}` is empty: everything after `#` is a YAML comment and was dropped", field=field)
        typed = line[hash_column - 1 :].strip()
    else:
        if _SLUG.fullmatch(source.text) and comment[:1] in (" ", ""):
            return None  # an id with a comment after it, the way YAML comments are meant
        message = Message(
            "everything after ` #` is a YAML comment and was dropped: `{field}` reads only `{text}`",
            field=field,
            text=source.text,
        )
        typed = f"{source.text} {line[hash_column - 1 :]}".strip()
    quoted = json.dumps(typed, ensure_ascii=False)
    key = f"{field}: " if isinstance(path[-1], str) else "- "
    hint = Message(
        "if it is part of the text, put the text in quotes: `{written}`; a comment goes on its own line",
        written=key + quoted,
    )
    return make("CJM117", document.name, source.end_line, hash_column, message, hint, end_column=len(line))


def _one_item_warning(document: Document, path: PathKey, value: str) -> Diagnostic:
    """CJM118: one text with separators where a list of text is taken; the hint writes the list out."""
    items = [item.strip() for item in _SEPARATOR.split(value) if item.strip()]
    field = _field_name(path)
    line, column = document.positions.locate(path)
    written = f"{field}: [{', '.join(flow_item(item) for item in items)}]"
    one = f"{field}: [{flow_item(value)}]"
    message = Message("`{field}` is one item: `{value}`; write a list to have several", field=field, value=value)
    hint = Message("several items: `{written}`; one item holding the separators: `{one}`", written=written, one=one)
    source = document.scalars.get(path)
    end = source.end_column - 1 if source is not None and source.end_line == line else None
    return make("CJM118", document.name, line, column, message, hint, end_column=end)


_ANCHOR = re.compile(r"&([^\s,\[\]{}]+)")


def _unused_anchor(document: Document, lines: list[str], path: PathKey, source: ScalarSource) -> Diagnostic | None:
    """CJM120 when a text value starts with `&word` that no alias uses: YAML took the word as an anchor."""
    if not 0 < source.line <= len(lines):
        return None
    line = lines[source.line - 1]
    match = _ANCHOR.match(line, source.column - 1)
    if match is None or f"*{match.group(1)}" in document.text:
        return None
    field = _field_name(path)
    typed = line[match.start() : source.end_column - 1] if source.end_line == source.line else match.group(0)
    key = f"{field}: " if isinstance(path[-1], str) else "- "
    message = Message(
        "`{anchor}` is read as a YAML anchor, not as text: `{field}` reads only `{text}`",
        anchor=match.group(0),
        field=field,
        text=source.text,
    )
    hint = Message(
        "if it is part of the text, put the text in quotes: `{written}`",
        written=key + json.dumps(typed, ensure_ascii=False),
    )
    return make("CJM120", document.name, source.line, source.column, message, hint, end_column=match.end())


def _dash_without_space(document: Document, lines: list[str], path: PathKey, source: ScalarSource) -> Diagnostic | None:
    """CJM121 when a line starts with `-word`: YAML read text, where a list item `- word` was meant."""
    if not 0 < source.line <= len(lines) or not re.match(r"-[^\W\d_]", source.text):
        return None
    line = lines[source.line - 1]
    if line.lstrip(" ").find(source.text[:2]) != 0:
        return None
    message = Message(
        "`{start}` has no space after `-`: YAML reads the text `{text}`, not a list item",
        start=source.text[:12],
        text=source.text,
    )
    hint = Message("for a list item, write `{written}` on its own line under the key", written="- " + source.text[1:])
    return make("CJM121", document.name, source.line, source.column, message, hint, end_column=source.column)


def _dash_glued_to_key(document: Document) -> list[Diagnostic]:
    """CJM121 for a key such as `-name:`: a list item's `- ` without its space, read as a key named `-name`."""
    found = []
    for path in document.positions.spans:
        last = path[-1] if path else None
        if not isinstance(last, str) or not last.startswith("-") or last[1:] not in known_keys():
            continue
        line, column = document.positions.locate(path, "key")
        message = Message(
            "`{key}:` has no space after `-`: YAML reads a key named `{key}`, not a list item starting with `{field}:`",
            key=last,
            field=last[1:],
        )
        hint = Message("write `- {field}:`, with a space after the `-`", field=last[1:])
        found.append(make("CJM121", document.name, line, column, message, hint, end_column=column))
    return found


_LIST_MARKER = re.compile(r"(?:[-*] |\d{1,3}[.)] )")


def _joined_item_warnings(
    document: Document, lines: list[str], path: PathKey, source: ScalarSource
) -> list[Diagnostic]:
    """CJM119 for each line that looks like a list item (`- x`, `2. x`, `* x`) but YAML joined into one text.

    A numbered list pasted from a document (`1. Buy` then `2. Pay` under `goals:`) is one text to
    YAML, and so is a `- ` line under a key that already holds text.
    """
    found = []
    field = _field_name(path)
    first = source.line
    opening = lines[first - 1] if 0 < first <= len(lines) else ""
    starts_line = opening[: source.column - 1].strip() == ""
    for number in range(first if starts_line else first + 1, min(source.end_line, len(lines)) + 1):
        line = lines[number - 1]
        stripped = line.lstrip(" ")
        if not _LIST_MARKER.match(stripped) or (number == first and stripped.startswith("- ")):
            continue
        column = len(line) - len(stripped) + 1
        message = Message(
            "this line is read as part of the text of `{field}` (from line {line}), not as a list item",
            field=field,
            line=first,
        )
        hint = Message(
            "for a list, leave `{field}:` alone on its line and write each item under it as `- item`", field=field
        )
        found.append(make("CJM119", document.name, number, column, message, hint, end_column=len(line.rstrip())))
    return found


def flow_item(text: str) -> str:
    """Text written as an item of a YAML flow list (`[a, b]`): plain when it reads back as itself, else quoted.

    Why parse to decide: YAML parsers disagree at the edges (libyaml refuses `[Why?]`), so a plain
    item is kept only when the parser cjm uses reads it back as the same text.
    """
    if not text or _NOT_PLAIN.search(text):
        return json.dumps(text, ensure_ascii=False)
    try:
        back = YAML(typ="safe").load(f"[{text}, x]")
    except YAMLError:
        back = None
    return text if back == [text, "x"] else json.dumps(text, ensure_ascii=False)


def _field_name(path: PathKey) -> str:
    names = [part for part in path if isinstance(part, str)]
    return names[-1] if names else "value"


def list_hint(path: PathKey, value: Any) -> Message | None:
    """The hint for one value where a field takes a list (`tags: a, b`): the list written out, ready to paste.

    A list of text or ids splits the value on `, ` and `; ` (`tags: [a, b]`); a list of objects
    shows the value as the first item's name (`touchpoints:` then `- name: Basket`). None when
    the value is not text, or the field takes no list.
    """
    from cjm.fields import annotation_at, inner_model

    if not isinstance(value, str | int | float) or isinstance(value, bool) or not path:
        return None
    annotation = annotation_at(tuple(0 if isinstance(part, int) else part for part in path))
    if annotation is None or "list[" not in str(annotation):
        return None
    field = _field_name(path)
    text = str(value).strip()
    items = [item.strip() for item in _SEPARATOR.split(text + " ") if item.strip()] or [text]
    model = inner_model(annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        key = next((name for name in ("name", "text", "quote", "id", "to") if name in model.model_fields), None)
        if key is None:
            return None
        shown = ", ".join("`- " + key + ": " + flow_item(item) + "`" for item in items)
        return Message(
            "write the items under `{field}:`, one per line: {items}",
            field=field,
            items=shown,
        )
    written = field + ": [" + ", ".join(flow_item(item) for item in items) + "]"
    return Message(
        "write a list: `{written}`, or one item per line under `{field}:` (`- {first}`)",
        written=written,
        field=field,
        first=flow_item(items[0]),
    )
