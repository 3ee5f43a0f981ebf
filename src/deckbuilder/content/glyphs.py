"""Every visible character must exist in the fonts, or it would print as an empty box."""

from __future__ import annotations

import typing
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from ..errors import Diagnostic, error
from ..text.measure import Measurer
from .model import Located, Project
from .model_types import Shown

#: White space, and the soft hyphen: a break point the layout honours, drawn only as the
#: hyphen at a line's end (which every face has).
WHITESPACE = set(" \t\r\n\u00ad")
HYPHEN = "type '-' (the hyphen on the keyboard) instead"
#: What to do instead of characters that fonts often lack.
INSTEAD = {"\u2010": HYPHEN, "\u2011": HYPHEN,
           "\u200b": "leave it out: a word too long for its line is hyphenated by itself, "
                      "and a soft hyphen (U+00AD) marks where a word may break"}


def _marked(tp: Any) -> bool:
    """Whether a type (``Text``, ``Text | None``, ``list[Text]`` …) carries the Shown marker."""
    if typing.get_origin(tp) is typing.Annotated:
        base, *extra = typing.get_args(tp)
        return any(isinstance(m, Shown) for m in extra) or _marked(base)
    return any(_marked(arg) for arg in typing.get_args(tp))


@cache
def shown_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of ``model`` whose text is drawn, decided by the model's types."""
    return frozenset(name for name, field in model.model_fields.items()
                     if any(isinstance(m, Shown) for m in field.metadata)
                     or _marked(field.annotation))


def visible_strings(obj: BaseModel) -> Iterator[tuple[Located, str, str]]:
    """(owner, field name, text) for every visible text field below ``obj``."""
    shown = shown_fields(type(obj))
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        items = list(enumerate(value)) if isinstance(value, list | tuple) else [(None, value)]
        for index, item in items:
            if isinstance(item, BaseModel):
                yield from visible_strings(item)
            elif isinstance(item, str) and isinstance(obj, Located) and name in shown:
                yield obj, name if index is None else f"{name}[{index}]", item


def check_glyphs(project: Project, measurer: Measurer) -> list[Diagnostic]:
    """A located error for each character that a face of the theme cannot show."""
    covered = measurer.common_characters()
    family = next(iter(measurer.theme.faces.values())).family
    problems: list[Diagnostic] = []
    for part in (project.deck, project.trends, project.scenarios, project.future_circle,
                 project.program, project.radar):
        if part is None:  # a file the deck leaves out
            continue
        for owner, name, text in visible_strings(part):
            for ch in dict.fromkeys(text):
                if ch in WHITESPACE or ord(ch) in covered:
                    continue
                label = unicodedata.name(ch, "unnamed character")
                hint = INSTEAD.get(ch, "replace it; it would print as an empty box")
                problems.append(error(owner.where(name), f"the character '{ch}' (U+{ord(ch):04X} "
                                      f"{label}) is not in the font {family}", hint))
    return problems
