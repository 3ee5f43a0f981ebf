"""YAML text to plain data plus a map from each data path to its place in the file.

Scalars stay as the text the editor typed (YAML 1.1 would turn ``no`` into False and
``2026-02-30`` into an exception); the model decides what a field's text means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import ContentError, Diagnostic, Location, error

Path = tuple[str | int, ...]

_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of one file was written."""

    file: str
    values: dict[Path, Location] = field(default_factory=dict)
    keys: dict[Path, Location] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> Location:
        """The nearest known place for ``path``: falls back to its parents."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Location(self.file, 1, 1))


class _AliasError(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("alias")
        self.mark = mark


class _NoAliasComposer(Composer):
    """Refuses aliases: they are never needed in content and make alias bombs possible."""

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(AliasEvent):  # type: ignore[attr-defined]
            raise _AliasError(self.peek_event().start_mark)  # type: ignore[attr-defined]
        return super().compose_node(parent, index)


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
              _NoAliasComposer, yaml.resolver.BaseResolver):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _NoAliasComposer.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)


try:
    from yaml._yaml import CParser

    class _CLoader(CParser, yaml.resolver.BaseResolver):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.resolver.BaseResolver.__init__(self)
except ImportError:  # pragma: no cover
    _CLoader = None  # type: ignore[assignment, misc]


class _Shared(Exception):
    """A node met twice while converting: the document uses an alias."""


def _fast_node(text: str) -> Node | None:
    """The document composed by libyaml (ten times faster), or None when it cannot be: no
    libyaml, or a document with an error, which the Python composer then reports with its
    own, tested messages."""
    if _CLoader is None:  # pragma: no cover - PyYAML wheels ship libyaml
        return None
    loader = _CLoader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _loc(file: str, mark: yaml.Mark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


def decode(raw: bytes, file: str) -> str:
    """UTF-8 text, or a located error pointing at the first byte that is not UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ContentError([error(
            Location(file, line, column),
            "the file is not UTF-8 text",
            "save it as UTF-8 in your editor",
        )]) from None
    return text.removeprefix("\ufeff")


def parse(text: str, file: str) -> tuple[Any, SourceMap]:
    """Plain data (dicts, lists, strings, None) and the places they came from."""
    node = _fast_node(text)
    if node is not None:
        smap, diagnostics = SourceMap(file), list[Any]()
        try:
            data = _convert(node, (), smap, diagnostics, set())
        except _Shared:  # libyaml resolved an alias: let the Python composer locate it
            pass
        else:
            if diagnostics:
                raise ContentError(diagnostics)
            return data, smap
    return _parse_slowly(text, file)


def _parse_slowly(text: str, file: str) -> tuple[Any, SourceMap]:
    """The pure-Python composer: refuses aliases as it meets them, with exact places."""
    smap = SourceMap(file)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:  # the reader checks every character at once
        raise ContentError([_control_character(text, file, exc)]) from None
    try:
        node = loader.get_single_node()
    except _AliasError as exc:
        raise ContentError([error(
            _loc(file, exc.mark), "anchors and aliases (&name, *name) are not supported",
            "write the value out in full",
        )]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "the file is not valid YAML"
        if "\\t" in problem or "'\\t'" in problem or "tab" in problem.lower():
            problem, hint = "a tab character is not allowed here", "indent with spaces"
        else:
            hint = "check indentation, colons and quotes on this line or the one above"
        loc = _loc(file, mark) if mark else Location(file)
        raise ContentError([error(loc, problem, hint)]) from None
    except yaml.YAMLError as exc:
        raise ContentError([error(Location(file), f"the file is not valid YAML ({exc})")]) from None
    finally:
        loader.dispose()
    if node is None:
        return None, smap
    diagnostics: list = []
    data = _convert(node, (), smap, diagnostics, set())
    if diagnostics:
        raise ContentError(diagnostics)
    return data, smap


def _control_character(text: str, file: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    """A character YAML refuses (an escape or other control code), at its place."""
    before = text[:exc.position]
    column = exc.position - (before.rfind("\n") + 1) + 1
    return error(Location(file, before.count("\n") + 1, column),
                 f"the file contains a control character (U+{exc.character:04X}) that YAML "
                 "does not allow", "delete it: it is invisible in most editors and often "
                 "comes with text copied from another program")


def _convert(node: Node, path: Path, smap: SourceMap, diags: list, seen: set[int]) -> Any:
    if id(node) in seen:
        raise _Shared
    seen.add(id(node))
    smap.values[path] = _loc(smap.file, node.start_mark)
    if isinstance(node, ScalarNode):
        if not node.style and node.value in _NULLS:  # plain style: None here, "" from libyaml
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [_convert(item, (*path, i), smap, diags, seen)
                for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        return _convert_mapping(node, path, smap, diags, seen)
    return None  # pragma: no cover - the composer makes no other node types


def _convert_mapping(node: MappingNode, path: Path, smap: SourceMap, diags: list,
                     seen: set[int]) -> dict:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if id(key_node) in seen:
            raise _Shared
        seen.add(id(key_node))
        key_loc = _loc(smap.file, key_node.start_mark)
        if not isinstance(key_node, ScalarNode):
            diags.append(error(key_loc, "a key must be a plain word"))
            continue
        key = key_node.value
        if key == "<<":
            diags.append(error(key_loc, "merge keys (<<) are not supported",
                               "write the values out in full"))
            continue
        if key in result:
            first = smap.keys[(*path, key)]
            diags.append(error(
                key_loc, f"duplicate key '{key}' (first given on line {first.line})",
                "keep only one of them: YAML would silently drop the first",
            ))
            continue
        smap.keys[(*path, key)] = key_loc
        result[key] = _convert(value_node, (*path, key), smap, diags, seen)
    return result


@dataclass(frozen=True)
class Span:
    """Where one scalar is written: character offsets into the text (end exclusive; a
    block scalar's span runs from its '|' or '>' to the start of the next line after its
    trailing blank lines), its style ('' plain, "'", '"', '|', '>') and whether it stands
    in a flow collection (``[a, b]``, ``{k: v}``), where commas and brackets end it."""

    start: int
    end: int
    style: str
    flow: bool


def scalar_spans(text: str) -> dict[Path, Span]:
    """Each scalar of ``text`` by its data path, for editing the text in place (``pull``).

    Uses the pure-Python composer, whose marks count characters of ``text`` exactly;
    call ``parse`` first: a document it refuses has no spans (empty result)."""
    try:
        loader = _Loader(text)
    except yaml.YAMLError:
        return {}
    try:
        node = loader.get_single_node()
    except (yaml.YAMLError, _AliasError):
        return {}
    finally:
        loader.dispose()
    spans: dict[Path, Span] = {}
    if node is not None:
        _spans(node, (), False, spans)
    return spans


def _spans(node: Node, path: Path, flow: bool, spans: dict[Path, Span]) -> None:
    if isinstance(node, ScalarNode):
        spans[path] = Span(node.start_mark.index, node.end_mark.index, node.style or "", flow)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            _spans(item, (*path, i), flow or bool(node.flow_style), spans)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                _spans(value, (*path, key.value), flow or bool(node.flow_style), spans)


def locate_in(root: FilePath | None, rel: str, place: Path) -> Location:
    """The place of a key in one of the project's files (``rel`` from the project's root),
    for a problem found after loading, when the file's map is no longer at hand; the
    file's name alone when it cannot be read."""
    if root is None or not (root / rel).is_file():
        return Location(rel)
    _, smap = parse(decode((root / rel).read_bytes(), rel), rel)
    return smap.locate(place)
