"""The words that are names, which no line break may hyphenate ("S. Te-wes").

German hyphenation patterns know syllables, not names: "Tewes" splits like any word of
five letters. Names are found where content says them: a capitalised word after an
initial ("H. Gatterer und S. Tewes"), the words of the program's places ("Melitta,
Minden/Westf."), and deck.yaml's ``names:`` for anything else (a product, a partner).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from .model import Project

#: An initial and the name after it: "S. Tewes", "H. Gatterer", "J.-P. Müller".
_AFTER_INITIAL = re.compile(r"(?<![\w.])(?:[A-ZÄÖÜ]\.-?)+\s+([A-ZÄÖÜ][\w'’-]+)")
#: A run of letters: what hyphenation splits (a double name's parts are names each).
_LETTERS = re.compile(r"[^\W\d_]+")
#: A place's words longer than this are taken for nouns ("Berufsbildungszentrum"), not
#: names: German towns and districts are shorter ("Mönchengladbach", 15), and a long
#: noun that no line holds must still break.
PLACE_NAME_LETTERS = 15


def never_hyphenated(project: Project) -> frozenset[str]:
    """The names among the project's words, case folded (hyphenate.py compares so)."""
    found: set[str] = set()
    for text in _texts(project):
        for match in _AFTER_INITIAL.finditer(text):
            found.update(_LETTERS.findall(match.group(1)))
    for section in (project.program.events, project.program.deep_dives):
        for event in section.entries:
            found.update(w for w in _LETTERS.findall(event.place or "")
                         if len(w) <= PLACE_NAME_LETTERS)
    for name in project.deck.names:
        found.update(_LETTERS.findall(name))
    return frozenset(word.casefold() for word in found)


def _texts(value: object) -> Iterator[str]:
    """Every string in the content model, depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            yield from _texts(getattr(value, field))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
