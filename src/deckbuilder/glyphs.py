"""Every visible character must exist in the fonts, or it would print as an empty box."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from pydantic import BaseModel

from .errors import Diagnostic, error
from .measure import Measurer
from .model import Located, Project

#: Fields that never reach a page: file names, colours, ids, screen-reader text, metadata.
INVISIBLE = {"path", "alt", "color", "name", "kind", "id", "language", "location", "focus",
             "past", "keywords", "subject", "notes"}
WHITESPACE = set(" \t\r\n")


def _strings(obj: BaseModel) -> Iterator[tuple[Located, str, str]]:
    """(owner, field name, text) for every visible text field below ``obj``."""
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if isinstance(item, BaseModel):
                yield from _strings(item)
            elif isinstance(item, str) and isinstance(obj, Located) and name not in INVISIBLE:
                yield obj, name if index is None else f"{name}[{index}]", item


def check_glyphs(project: Project, measurer: Measurer) -> list[Diagnostic]:
    """A located error for each character that a face of the theme cannot show."""
    covered = measurer.common_characters()
    family = next(iter(measurer.theme.faces.values())).family
    problems: list[Diagnostic] = []
    for part in (project.deck, project.trends, project.scenarios, project.future_circle,
                 project.program):
        if part is None:  # a file the deck leaves out
            continue
        for owner, name, text in _strings(part):
            for ch in dict.fromkeys(text):
                if ch in WHITESPACE or ord(ch) in covered:
                    continue
                label = unicodedata.name(ch, "unnamed character")
                problems.append(error(owner.where(name), f"the character '{ch}' (U+{ord(ch):04X} "
                                      f"{label}) is not in the font {family}",
                                      "replace it; it would print as an empty box"))
    return problems
