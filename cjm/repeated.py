"""A key written twice in one mapping, explained by its likely cause: a line at the wrong depth.

Why a module: YAML keeps one of two equal keys, and "duplicate key `emotion`" says nothing of
why the author wrote it twice. Most often they did not: a touchpoint's `emotion:` dedented by
one level lands in the stage, which already has an `emotion:`; a `name:` that should have
started a new list item (`- name:`) lands in the item above. Both are told with the line and
column to align with, in any object of the format (persona, stage, touchpoint, pain point, KPI…).
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cjm.diagnostics import Diagnostic, make
from cjm.translation import Message

PathKey = tuple[str | int, ...]


def duplicate_diagnostic(name: str, mapping: MappingNode, duplicate: Node, path: PathKey, first: Node) -> Diagnostic:
    """The CJM106 error for `duplicate`, a key of `mapping` (at `path` in the document) equal to `first` above it
    (equal as YAML reads them: `1` and `0x1`, `yes` and `true` are the same key).

    Positioned at the repeated key; the message names the first one's line, and the hint the
    likely cause: a key that moved out of the object just above it (the last item of a list, a
    mapping) and the key to align it with, or the first key of a new list item without its `- `.
    """
    key = str(duplicate.value)
    keys = [node for node, _ in mapping.value]
    index = next(position for position, node in enumerate(keys) if node is duplicate)
    line, column = duplicate.start_mark.line + 1, duplicate.start_mark.column + 1
    end = duplicate.end_mark.column if duplicate.end_mark.line == duplicate.start_mark.line else None
    message = Message(
        "`{key}` is written twice here (first at line {first}); YAML would keep only one",
        key=key,
        first=first.start_mark.line + 1,
    )
    hint = (
        _moved_out(mapping, index, key, path)
        or _empty_above(mapping, index)
        or _new_item(mapping, index, path)
        or _two_lists(mapping, index, first)
    )
    return make("CJM106", name, line, column, message, hint or Message("remove or rename one of them"), end_column=end)


def _moved_out(mapping: MappingNode, index: int, key: str, path: PathKey) -> Message | None:
    """The hint when the repeated key follows an object that takes it and lacks it: it was dedented out of it."""
    from cjm.fields import children, model_at, the

    model = model_at(path)
    held = children(model) if model is not None else {}
    for position in range(index - 1, -1, -1):
        key_node, value_node = mapping.value[position]
        target = _last_mapping(value_node)
        if target is None:
            continue
        child = held.get(str(key_node.value))
        takes = child is not None and key in child.model_fields
        others = _siblings_with(value_node, key)
        if _has_key(target, key) or not (takes or others):
            return None
        first_key = target.value[0][0]
        where = {"first": str(first_key.value), "line": first_key.start_mark.line + 1}
        where["column"] = first_key.start_mark.column + 1
        if isinstance(value_node, SequenceNode):
            return Message(
                "it probably belongs to {object} at line {item}, dedented out of it: indent it to line up with "
                "`{first}:` at line {line} (column {column})",
                object=the(child) if child is not None else Message("the item"),
                item=target.start_mark.line + 1,
                **where,
            )
        return Message(
            "it probably belongs under `{owner}:`, dedented out of it: indent it to line up with `{first}:` "
            "at line {line} (column {column})",
            owner=str(key_node.value),
            **where,
        )
    return None


def _new_item(mapping: MappingNode, index: int, path: PathKey) -> Message | None:
    """The hint when the repeated key comes at or after a second copy of the item's first key: a new item
    starts there, without its `- ` (the keys after it are the new item's, repeated too)."""
    if not path or not isinstance(path[-1], int):
        return None
    first = mapping.value[0][0].value
    starts = [node for node, _ in mapping.value[1 : index + 1] if isinstance(node, ScalarNode) and node.value == first]
    if not starts:
        return None
    start = starts[-1]
    return Message(
        "line {start} probably starts another item of the list: write `- ` before `{first}:`, at column {column}, "
        "like the item at line {line}",
        start=start.start_mark.line + 1,
        first=str(first),
        column=max(1, start.start_mark.column - 1),
        line=mapping.start_mark.line + 1,
    )


def _empty_above(mapping: MappingNode, index: int) -> Message | None:
    """The hint when an empty key such as `touchpoints:` stands above: the keys below were meant under it."""
    for key_node, value_node in reversed(mapping.value[:index]):
        if isinstance(value_node, ScalarNode) and (value_node.tag or "").endswith(":null") and not value_node.value:
            return Message(
                "if these keys belong under `{key}:` at line {line}, indent them under it as a list item (`- `); "
                "otherwise remove or rename one",
                key=str(key_node.value),
                line=key_node.start_mark.line + 1,
            )
    return None


def _two_lists(mapping: MappingNode, index: int, first: Node) -> Message | None:
    """The hint when both values are lists: the author wrote one list in two parts, and YAML keeps one part."""
    values = {id(key): value for key, value in mapping.value}
    second = mapping.value[index][1]
    if not (isinstance(values.get(id(first)), SequenceNode) and isinstance(second, SequenceNode)):
        return None
    return Message(
        "to keep the items of both, write them in one list under the first `{key}:` (line {line})",
        key=str(first.value),
        line=first.start_mark.line + 1,
    )


def _last_mapping(node: Node) -> MappingNode | None:
    """The mapping a dedented key would have left: the node itself, or the last item of a list of mappings."""
    if isinstance(node, SequenceNode) and node.value and isinstance(node.value[-1], MappingNode):
        node = node.value[-1]
    return node if isinstance(node, MappingNode) and node.value else None


def _has_key(mapping: MappingNode, key: str) -> bool:
    return any(isinstance(node, ScalarNode) and node.value == key for node, _ in mapping.value)


def _siblings_with(node: Any, key: str) -> bool:
    """Whether other items of the same list have the key (a sign that the last one lost it)."""
    if not isinstance(node, SequenceNode):
        return False
    return any(isinstance(item, MappingNode) and _has_key(item, key) for item in node.value[:-1])
