"""Pydantic's validation errors turned into messages a content editor can act on."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from ..errors import Diagnostic, error
from .sourcemap import Path, SourceMap


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _colon_hint(value: Any) -> str:
    """Text with ": " in it (``- Faktor 1: Energie``) is a key and its value to YAML; the
    fix is quotes, which a content editor cannot guess from "a group of keys"."""
    if not (isinstance(value, dict) and len(value) == 1):
        return ""
    key, rest = next(iter(value.items()))
    if isinstance(rest, dict | list):
        return ""
    whole = f"{key}: {'' if rest is None else rest}".strip()
    shown = whole if len(whole) <= 50 else f"{str(key)[:40]}: …"
    return ("a colon followed by a space makes YAML read a key: put the whole text in "
            f'double quotes, e.g. "{shown}"')


def _number(bound: Any) -> str:
    """A limit as a person writes it: 0, not 0.0 (pydantic gives a float field's limits as
    floats)."""
    return f"{bound:g}" if isinstance(bound, float) else str(bound)


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is typing.Annotated:
        tp = get_args(tp)[0]
    return tp


def _members(tp: Any) -> list[Any]:
    tp = _unwrap(tp)
    if get_origin(tp) in (Union, types.UnionType):
        return [_unwrap(a) for a in get_args(tp)]
    return [tp]


def _step(tp: Any, part: str | int) -> Any:
    """The type found one step down ``part`` from ``tp``, or None when unknown."""
    for member in _members(tp):
        if isinstance(part, int) and get_origin(member) in (list, tuple):
            return get_args(member)[0]
    # A slide's kind comes first: pydantic puts it in the path before the slide's fields,
    # and the title slide's kind, 'title', is also a field of other slides.
    for member in _members(tp):
        kind = member.model_fields.get("kind") if _is_model(member) else None
        if kind is not None and part in get_args(_unwrap(kind.annotation)):
            return member
    for member in _members(tp):
        if _is_model(member) and part in member.model_fields:
            return member.model_fields[part].annotation
    return None


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    tp: Any = root
    for part in loc:
        nxt = _step(tp, part)
        if nxt is None:
            continue  # a union tag that pydantic puts in the path; stay where we are
        tp = nxt
    for member in _members(tp):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return member
    return None


def _kinds(root: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    tp: Any = root
    for part in loc:
        tp = _step(tp, part) or tp
    kinds = []
    for member in _members(tp):
        if (isinstance(member, type) and issubclass(member, BaseModel)
                and "kind" in member.model_fields):
            kinds += list(get_args(_unwrap(member.model_fields["kind"].annotation)))
    return kinds


def _data_path(data: Any, loc: tuple[str | int, ...]) -> Path:
    """The error's path in the YAML data: pydantic adds union tags that the data lacks."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part == node.get("kind"):
            continue  # the tag of a slide's kind: its fields follow (a cta's link:)
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            if isinstance(node, dict | list):
                path.append(part)
                node = None
            continue
        path.append(part)
    return tuple(path)


def _message(err: ErrorDetails, root: type[BaseModel], data_path: Path) -> tuple[str, str]:
    kind, loc, value, ctx = err["type"], tuple(err["loc"]), err.get("input"), err.get("ctx", {})
    field = str(data_path[-1]) if data_path and isinstance(data_path[-1], str) else ""
    if kind == "missing":
        return f"missing required key '{loc[-1]}'", ""
    if kind == "extra_forbidden":
        model = _model_at(root, loc[:-1])
        known = sorted(model.model_fields) if model else []
        near = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"did you mean '{near[0]}'?" if near else "known keys: " + ", ".join(known)
        return f"unknown key '{loc[-1]}'", hint
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        kinds = ", ".join(_kinds(root, loc))
        if kind == "union_tag_not_found":
            return "this slide needs a 'kind'", f"one of: {kinds}"
        got = ctx.get("tag", "")
        near = difflib.get_close_matches(str(got), _kinds(root, loc), n=1)
        hint = f"did you mean '{near[0]}'?" if near else f"one of: {kinds}"
        return f"unknown slide kind '{got}'", hint
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])), ""
    if kind == "string_type":
        return f"expected text, got {_describe(value)}", _colon_hint(value)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a group of keys, got {_describe(value)}", "write 'key: value' lines"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, got {_describe(value)}", "write one '- item' per line"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"expected a whole number, got {_describe(value)}", ""
    if kind in ("float_parsing", "float_type"):
        return f"expected a number, got {_describe(value)}", ""
    if kind in ("bool_parsing", "bool_type"):
        return f"expected true or false, got {_describe(value)}", ""
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return f"{_describe(value)} is not a date", "write it as YYYY-MM-DD, e.g. 2026-03-04"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} entries, got {ctx.get('actual_length')}", ""
    if kind == "too_long":
        return f"allows at most {ctx.get('max_length')} entries, got {ctx.get('actual_length')}", ""
    if kind == "greater_than_equal":
        return f"{_describe(value)} is too small (at least {_number(ctx.get('ge'))})", ""
    if kind == "greater_than":
        return f"{_describe(value)} is too small (more than {_number(ctx.get('gt'))})", ""
    if kind == "less_than_equal":
        return f"{_describe(value)} is too large (at most {_number(ctx.get('le'))})", ""
    if kind == "less_than":
        return f"{_describe(value)} is too large (less than {_number(ctx.get('lt'))})", ""
    if kind == "literal_error":
        return f"{_describe(value)} is not allowed here", f"expected {ctx.get('expected')}"
    if kind == "string_pattern_mismatch":
        if field == "name":
            return (f"{_describe(value)} cannot be a file name",
                    "use letters, digits, '.', '_' and '-' only")
        if field == "color":
            return (f"{_describe(value)} is not a colour name",
                    "use a name from theme.yaml, e.g. golden")
        return f"{_describe(value)} does not have the expected form", ""
    return err["msg"], ""



def diagnostics_from(exc_errors: list[ErrorDetails], root: type[BaseModel], data: Any,
                     smap: SourceMap) -> list[Diagnostic]:
    """One located diagnostic per pydantic error, in file order."""
    found: list[Diagnostic] = []
    for err in exc_errors:
        loc = tuple(err["loc"])
        data_path = _data_path(data, loc)
        message, hint = _message(err, root, data_path)
        at_key = err["type"] == "extra_forbidden"
        if err["type"] == "missing":
            data_path = data_path[:-1] if data_path and data_path[-1] == loc[-1] else data_path
        location = smap.locate(data_path, key=at_key)
        found.append(error(location, message, hint))
    # A misspelt key is also reported as missing; the "did you mean" line says both.
    suggested = {(d.location.file, d.hint) for d in found if d.message.startswith("unknown key")}
    found = [d for d in found if not (d.message.startswith("missing required key")
             and (d.location.file, f"did you mean {d.message.split()[-1]}?") in suggested)]
    unique = {str(d): d for d in found}
    return sorted(unique.values(), key=lambda d: (d.location.line, d.location.column))
