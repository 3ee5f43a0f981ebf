"""Stand-ins for content that failed validation, so the rest of a file can still be laid out.

A content editor should meet every problem in one run: a misspelt key in trends.yaml must not
hide a title that is too wide in scenarios.yaml, nor shift the slide numbers after the trends.
So when a file has errors (already reported), its faulty values are replaced by harmless
values of the right type (text "x", the first allowed number, an empty group filled in
the next round) until the file validates. The result is used only for layout and the glyph
check, never written and never cross-checked (that would report the stand-ins).
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import types
import typing
from typing import Any, Literal, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

M = TypeVar("M", bound=BaseModel)

#: Each round fills one more level of nested groups; content files are never deeper.
ROUNDS = 8
STAND_IN_TEXT = "x"


def salvage(model: type[M], data: Any) -> M | None:
    """``data`` validated as ``model`` with every faulty value replaced; None if that fails."""
    data = copy.deepcopy(data)
    for _ in range(ROUNDS):
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            if not all(_patch(data, model, err) for err in exc.errors()):
                return None
    return None


def _patch(data: Any, model: type[BaseModel], err: ErrorDetails) -> bool:
    """Repairs the value that ``err`` names in place; False when it cannot be repaired."""
    loc = tuple(err["loc"])
    path = _data_path(data, loc)
    if not path:
        return False
    parent = _node(data, path[:-1])
    key = path[-1]
    if isinstance(parent, dict) and isinstance(key, str):
        if err["type"] == "extra_forbidden":
            parent.pop(key, None)
        else:
            parent[key] = _repaired(err, _type_at(model, loc), parent.get(key))
        return True
    if isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
        parent[key] = _repaired(err, _type_at(model, loc), parent[key])
        return True
    return False


def _repaired(err: ErrorDetails, tp: Any, value: Any) -> Any:
    if err["type"] == "too_long" and isinstance(value, list):
        return value[: int(err.get("ctx", {}).get("max_length", 1))]
    if err["type"] == "union_tag_invalid" and isinstance(value, dict):
        kinds = [str(k) for k in str(err.get("ctx", {}).get("expected_tags", "")).split(", ")]
        near = difflib.get_close_matches(str(value.get("kind")), [k.strip("'") for k in kinds],
                                         n=1)
        if near:  # a misspelt kind: the slide the editor meant, with its own text
            return {**value, "kind": near[0]}
    return stand_in(tp)


def _data_path(data: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """``loc`` without the union tags (a slide's kind) that pydantic adds to error paths."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part not in node and node.get("kind") == part:
            continue
        path.append(part)
        node = _child(node, part)
    return tuple(path)


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _node(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = _child(data, part)
    return data


def _unwrap(tp: Any) -> tuple[Any, list[Any]]:
    """The type inside ``Annotated`` and the constraints it carries."""
    extra: list[Any] = []
    while get_origin(tp) is typing.Annotated:
        tp, *more = get_args(tp)
        extra += more
    return tp, extra


def _members(tp: Any) -> list[Any]:
    """The members of a union (each may keep its constraints), or ``[tp]`` itself."""
    inner, _ = _unwrap(tp)
    if get_origin(inner) in (typing.Union, types.UnionType):
        return list(get_args(inner))
    return [tp]


def _type_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    """The declared type of the value at ``loc`` (union tags select the slide kind)."""
    tp: Any = model
    for part in loc:
        tp = _step(tp, part) or tp
    return tp


def _step(tp: Any, part: str | int) -> Any:
    for member in _members(tp):
        inner, _ = _unwrap(member)
        if isinstance(part, int) and get_origin(inner) in (list, tuple):
            args = get_args(inner)
            return args[min(part, len(args) - 1)] if get_origin(inner) is tuple else args[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            if part in inner.model_fields:
                field = inner.model_fields[part]
                return typing.Annotated[field.annotation, *field.metadata] \
                    if field.metadata else field.annotation
            kind = inner.model_fields.get("kind")
            if kind is not None and part in get_args(_unwrap(kind.annotation)[0]):
                return inner
    return None


def stand_in(tp: Any) -> Any:
    """A harmless value of type ``tp``: short text, the smallest allowed number, a group."""
    members = [m for m in _members(tp) if m is not type(None)]
    models = [m for m in map(lambda m: _unwrap(m)[0], members)
              if isinstance(m, type) and issubclass(m, BaseModel)]
    if len(models) > 1:  # a slide of some kind: the kind that asks most stands for one slide
        chosen = max(models, key=lambda m: sum(f.is_required() for f in m.model_fields.values()))
        return {"kind": get_args(_unwrap(chosen.model_fields["kind"].annotation)[0])[0]}
    inner, extra = _unwrap(members[0] if members else tp)
    origin = get_origin(inner)
    if origin is Literal:
        return get_args(inner)[0]
    if origin is tuple:
        return [stand_in(a) for a in get_args(inner)]
    if origin is list:
        return [stand_in(get_args(inner)[0])]
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return {}
    return _scalar(inner, extra)


def _scalar(inner: Any, extra: list[Any]) -> Any:
    lowest = next((m.ge for m in extra if getattr(m, "ge", None) is not None), None)
    if inner is int:
        return lowest if lowest is not None else 1
    if inner is float:
        return 0.5
    if inner is bool:
        return False
    if inner is dt.date:
        return dt.date(2000, 1, 1)
    return STAND_IN_TEXT
