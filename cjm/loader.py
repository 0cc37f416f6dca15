"""Read a journey file safely into plain Python data and a source map of positions.

Why this walks ruamel's node graph instead of loading objects: the nodes carry the exact line
and column of every key and value, and by constructing values ourselves we decide what is
allowed. Only the standard YAML scalar, mapping and sequence tags are accepted (no tag can
build an object or run code), duplicate keys are errors, and aliases are expanded under a node
budget, so a "billion laughs" file is refused after a bounded amount of work.
"""

from __future__ import annotations

import glob
import stat
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from cjm.diagnostics import Diagnostic, make
from cjm.document import Anchor, Document, PathKey, ScalarSource, SourceMap, Span, Unreadable, get_at
from cjm.prescan import MAX_DEPTH, finding_diagnostic, repair, scan
from cjm.repeated import duplicate_diagnostic
from cjm.syntax import syntax_diagnostic
from cjm.translation import Message

MAX_FILE_BYTES = 10 * 1024 * 1024
# The richest example holds about 700 values; alias expansion past 100,000 is an attack or a mistake.
MAX_NODES = 100_000

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_MERGE_TAG = _TAG + "merge"
_STR_TAG, _NULL_TAG, _MAP_TAG, _SEQ_TAG = _TAG + "str", _TAG + "null", _TAG + "map", _TAG + "seq"


class _Refused(Exception):
    """Internal: stops the walk with one diagnostic; never leaves this module."""

    def __init__(self, code: str, node: Node, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code, self.node, self.message, self.hint = code, node, message, hint


def read_document(path: Path, name: str | None = None) -> Document | Unreadable:
    """Read and parse a journey file from disk; a file that cannot be read is a diagnostic, not an exception."""
    shown = name or str(path)
    problem = _stat_problem(path, shown)
    if problem is not None:
        return Unreadable([problem])
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = str(error.strerror or error)
        return Unreadable(
            [make("CJM101", shown, 0, 0, Message("cannot read {name}: {reason}", name=shown, reason=reason))]
        )
    return parse_document(raw, shown)


def _stat_problem(path: Path, shown: str) -> Diagnostic | None:
    """Why a path cannot be read as a journey file (missing, a directory, too large), or None; no position."""

    def problem(code: str, message: Message, hint: Message | None = None) -> Diagnostic:
        return make(code, shown, 0, 0, message, hint)

    try:
        info = path.stat()
    except FileNotFoundError:
        if glob.has_magic(shown):
            pattern = Message("no file matches the pattern `{pattern}`", pattern=shown)
            return problem("CJM101", pattern, Message("check the pattern and the folder"))
        return problem(
            "CJM101", Message("no such file: {name}", name=shown), Message("check the path and its spelling")
        )
    except OSError as error:
        return problem("CJM101", Message("cannot read {name}: {reason}", name=shown, reason=str(error.strerror)))
    if stat.S_ISDIR(info.st_mode):
        hint = Message("pass the .yaml files inside it, or the directory to a command that takes one")
        return problem("CJM102", Message("{name} is a directory, not a journey file", name=shown), hint)
    if not stat.S_ISREG(info.st_mode):
        return problem("CJM102", Message("{name} is not a regular file", name=shown))
    if info.st_size > MAX_FILE_BYTES:
        size = info.st_size // (1024 * 1024)
        return problem("CJM112", Message("the file is {size} MiB; a journey file is at most 10 MiB", size=size))
    return None


def parse_document(raw: bytes, name: str) -> Document | Unreadable:
    """Decode and parse the bytes of a journey file into a Document, or the reasons it cannot be."""
    if b"\x00" in raw:
        line, column = _byte_position(raw, raw.index(b"\x00"))
        return Unreadable(
            [
                make(
                    "CJM104",
                    name,
                    line,
                    column,
                    Message("the file holds binary data (a NUL byte), not YAML text"),
                    Message("is this the right file? journey files are UTF-8 text"),
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(raw, error.start)
        byte = format(raw[error.start], "02x")
        message = Message("the file is not valid UTF-8 (byte 0x{byte} cannot be decoded)", byte=byte)
        hint = Message("save the file with UTF-8 encoding")
        return Unreadable([make("CJM103", name, line, column, message, hint)])
    return parse_text(text.removeprefix("\ufeff"), name)


def parse_text(text: str, name: str) -> Document | Unreadable:
    """Parse YAML text into a Document; pasted characters, excessive depth and syntax errors become diagnostics.

    The text is scanned first (`cjm.prescan`), so the parser never sees a file it would misread
    or recurse too deeply into. Pasted characters are errors, but the rest of the file is still
    read with each one replaced by what the author meant (a space, a `-`, a `:`), so its other
    problems are reported in the same run; the Document then carries them in `problems`.
    """
    from cjm.fields import known_keys  # here: cjm.fields reads the models, which import this module's types

    findings = scan(text, known_keys())
    problems = [finding_diagnostic(finding, name) for finding in findings]
    if any(finding.kind in ("depth", "size") for finding in findings):
        return Unreadable(problems, text)
    if not findings:
        return _parse(text, name)
    result = _parse(repair(text, findings), name)
    if isinstance(result, Unreadable):
        return Unreadable([*problems, *result.diagnostics], text)
    return result._replace(text=text, problems=[*problems, *result.problems])


class _Resolver(VersionedResolver):
    """ruamel's resolver of implicit types (YAML 1.2: numbers, yes/no, dates, null), its table read once per file.

    Why: ruamel looks its table up twice for every scalar, through a check of the YAML version
    that raises and catches an AttributeError each time (a fifth of a map's load). The version is
    the same for every scalar of a file, so is the table.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """The tag of a node: for a plain scalar, the first implicit type whose pattern matches, else ruamel's."""
        if kind is ScalarNode and implicit[0]:
            table = self.__dict__.get("_cjm_table")
            if table is None:
                table = self.__dict__["_cjm_table"] = self.versioned_resolver
            for tag, regexp in [*table.get(value[:1] if value else "", []), *table.get(None, [])]:
                if regexp.match(value):
                    return Tag(suffix=tag)
            implicit = (False, implicit[1])
        return super().resolve(kind, value, implicit)


def _parse(text: str, name: str) -> Document | Unreadable:
    """Parse text that passed the scan into a Document (or say why it cannot be)."""
    yaml = YAML(typ="safe")
    yaml.Resolver = _Resolver
    try:
        root = yaml.compose(text)
    except ReaderError as error:
        line, column = _text_position(text, error.position)
        code = format(error.character, "04X")
        message = Message("the file holds a control character (U+{code}) that YAML does not allow", code=code)
        hint = Message("remove the character, or check that this is a text file")
        return Unreadable([make("CJM104", name, line, column, message, hint)], text)
    except MarkedYAMLError as error:
        return Unreadable([syntax_diagnostic(error, name, text)], text)
    except YAMLError as error:  # pragma: no cover - every ruamel parse error is marked or a ReaderError
        return Unreadable(
            [make("CJM105", name, 0, 0, Message("the YAML cannot be parsed: {error}", error=str(error)))], text
        )
    if root is None:
        message = Message("the file is empty: it holds no journey")
        hint = Message("start with `cjm: 1`, a `title:` and a list of `stages:`")
        return Unreadable([make("CJM107", name, 1, 1, message, hint)], text)
    if not isinstance(root, MappingNode):
        line, column = _node_position(root)
        kind = Message("a list") if isinstance(root, SequenceNode) else Message("a single value")
        message = Message("the top level is {kind}, not a mapping of keys", kind=kind)
        hint = Message("a journey file starts with keys such as `cjm: 1` and `title: …`")
        return Unreadable([make("CJM108", name, line, column, message, hint)], text)
    builder = _Builder(yaml)
    try:
        data = builder.build(root, ())
    except _Refused as refused:
        line, column = _node_position(refused.node)
        end_mark = refused.node.end_mark
        end = end_mark.column if end_mark.line + 1 == line and end_mark.column >= column else None
        refusal = make(refused.code, name, line, column, refused.message, refused.hint, end_column=end)
        return Unreadable([refusal], text)
    problems = [duplicate_diagnostic(name, *duplicate) for duplicate in builder.duplicates]
    return Document(name, text, data, builder.positions, builder.scalars, problems)


class _Builder:
    """Turns a composed node graph into dicts, lists and scalars, recording positions."""

    def __init__(self, yaml: YAML) -> None:
        self.constructor = yaml.constructor
        self.positions = SourceMap()
        self.scalars: dict[PathKey, ScalarSource] = {}
        self.budget = MAX_NODES
        self.seen: set[int] = set()
        self.aliased = False
        self.duplicates: list[tuple[MappingNode, Node, PathKey, Node]] = []

    def build(self, node: Node, path: PathKey, key_node: Node | None = None) -> Any:
        if len(path) > MAX_DEPTH:
            raise _Refused(
                "CJM116",
                node,
                Message(
                    "aliases nest the values more than {depth} levels deep; a journey map needs about 6",
                    depth=MAX_DEPTH,
                ),
                Message("write the values out instead of nesting aliases"),
            )
        self.budget -= 1
        if isinstance(node, MappingNode | SequenceNode):
            self.aliased = self.aliased or id(node) in self.seen
            self.seen.add(id(node))
        if self.budget < 0 and not self.aliased:
            raise _Refused(
                "CJM112",
                node,
                Message("the file holds more than {count} values; a journey map holds a few hundred", count=MAX_NODES),
                Message("split the map, one journey per file"),
            )
        if self.budget < 0:
            raise _Refused(
                "CJM109",
                node,
                Message(
                    "anchors and aliases expand to too many values (over {count}); the file looks like a "
                    "'billion laughs' attack",
                    count=MAX_NODES,
                ),
                Message("write the values out instead of nesting aliases"),
            )
        line, column = _node_position(node)
        key_line, key_column = _node_position(key_node) if key_node is not None else (line, column)
        self.positions.spans.setdefault(path, Span(key_line, key_column, line, column))
        for part in (node, key_node):
            start, end = (part.start_mark, part.end_mark) if part is not None else (None, None)
            if start is not None and end is not None and end.line == start.line and end.column > start.column:
                self.positions.ends.setdefault((start.line + 1, start.column + 1), end.column)
        tag = node.tag  # a property that formats the tag: read once
        if isinstance(node, MappingNode):
            if tag != _MAP_TAG:
                raise self._tag_refused(node)
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            if tag != _SEQ_TAG:
                raise self._tag_refused(node)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        value = self._scalar(node, tag)
        if isinstance(node, ScalarNode):
            self.scalars.setdefault(path, _scalar_source(node, tag))
        return value

    def _mapping(self, node: MappingNode, path: PathKey) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        key_nodes: dict[Any, Node] = {}
        merged: list[MappingNode] = []
        for key_node, value_node in node.value:
            key_tag = key_node.tag
            if key_tag == _MERGE_TAG:
                merged.extend(self._merge_sources(value_node))
                continue
            if not isinstance(key_node, ScalarNode):
                raise _Refused("CJM105", key_node, Message("a key must be plain text, not a list or a mapping"))
            key = self._scalar(key_node, key_tag)
            if key in result:
                # Kept going: the first value stays, the rest of the file is still read and checked.
                self.duplicates.append((node, key_node, path, key_nodes[key]))
                continue
            key_nodes[key] = key_node
            result[key] = self.build(value_node, (*path, key), key_node)
        for source in merged:
            for key_node, value_node in source.value:
                key = self._scalar(key_node, key_node.tag) if isinstance(key_node, ScalarNode) else None
                if key is not None and key not in result:
                    result[key] = self.build(value_node, (*path, key), key_node)
        return result

    def _merge_sources(self, node: Node) -> list[MappingNode]:
        if isinstance(node, MappingNode):
            return [node]
        if isinstance(node, SequenceNode) and all(isinstance(item, MappingNode) for item in node.value):
            return list(node.value)
        raise _Refused("CJM105", node, Message("a merge key `<<` takes a mapping or a list of mappings"))

    def _scalar(self, node: Node, tag: str | None) -> Any:
        """A scalar's value; text (most of a map) is the node's own string, as ruamel's constructor returns it."""
        if tag == _STR_TAG and isinstance(node, ScalarNode):
            return node.value
        if tag not in _SCALAR_TAGS:
            raise self._tag_refused(node)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (YAMLError, ValueError) as error:
            raise _Refused(
                "CJM105",
                node,
                Message("the value `{value}` cannot be read: {error}", value=node.value, error=str(error)),
            ) from None

    @staticmethod
    def _tag_refused(node: Node) -> _Refused:
        tag = node.tag.replace(_TAG, "!!") if node.tag else "?"
        return _Refused(
            "CJM110",
            node,
            Message("the YAML tag `{tag}` is not allowed in a journey file", tag=tag),
            Message(
                "remove the tag (values are plain text, numbers, dates, lists and mappings); "
                "if `{tag}` is part of the text, put the whole value in quotes",
                tag=tag,
            ),
        )


def _scalar_source(node: ScalarNode, tag: str | None) -> ScalarSource:
    end = node.end_mark
    start = node.start_mark
    typed = tag not in (_STR_TAG, _NULL_TAG)
    plain = node.style in (None, "")
    return ScalarSource(node.value, plain, end.line + 1, end.column + 1, start.line + 1, start.column + 1, typed)


def _node_position(node: Node) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column


def _text_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


__all__ = [
    "Anchor",
    "Document",
    "PathKey",
    "ScalarSource",
    "SourceMap",
    "Span",
    "Unreadable",
    "get_at",
    "parse_document",
    "parse_text",
    "read_document",
]
