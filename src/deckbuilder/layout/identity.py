"""Names for every slide and shape: a stable identity of the content each came from, and
the German word PowerPoint's selection pane shows.

An identity such as ``trends.yaml:trends[4].factors:body`` says which file, which object
and which field a shape shows, and in what role; the PPTX keeps it inside the shape (see
render/pptx/shape_identity.py) and as the slide's name, so that an edited deck can be
matched back to its source. Identities depend on the content's structure, not on line
numbers or slide positions, so they survive edits elsewhere in the files. The name people
read is what PowerPoint would call the shape ("Titel", "Text 2", "Bild", "Fußzeile"),
numbered on its slide only where the word occurs more than once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..content.model import Loaded, Located, SectionSlide
from ..errors import Location
from .plan import (
    DeckPlan,
    Element,
    GroupBox,
    LineBox,
    PictureBox,
    ShapeBox,
    SlidePlan,
    TableBox,
    TextBox,
)

#: The name of the deck's first section, before the first section divider.
FIRST_SECTION = "Einleitung"

_SPACES = re.compile(r"\s+")
Objects = dict[Location, tuple[str, Located]]


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _walk(value: Any, path: str, found: Objects) -> None:
    """Every content object under ``value`` by its place, with its path from the file."""
    if isinstance(value, Located):
        found.setdefault(value.loc, (path, value))
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _walk(getattr(value, name), f"{path}.{name}" if path else name, found)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, f"{path}[{i}]", found)


def content_objects(loaded: Loaded) -> Objects:
    """Each content object's place, mapped to ``file:path`` and the object."""
    found: Objects = {}
    project = loaded.project
    for name in type(project).model_fields:
        part = getattr(project, name)
        if part is None:  # an optional file the project leaves out
            continue
        found_here: Objects = {}
        _walk(part, "", found_here)
        file = Path(part.loc.file).name
        for loc, (path, obj) in found_here.items():
            found.setdefault(loc, (f"{file}:{path}" if path else file, obj))
    return found


#: Fields that name a choice rather than hold shown text.
_NOT_TEXT = ("kind", "color", "symbol", "path", "alt", "focus", "id", "section")


def _candidates(obj: Located, role: str) -> list[tuple[str, str]]:
    """(field, text) pairs of ``obj``; a list gives one pair per item, named ``f[i]``."""
    names = [n for n in type(obj).model_fields if n not in _NOT_TEXT]
    if role in names:  # a title shape shows the title field before anything else
        names.remove(role)
        names.insert(0, role)
    pairs: list[tuple[str, str]] = []
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, str | int) and not isinstance(value, bool):
            pairs.append((name, _flat(str(value))))
        elif isinstance(value, list):
            items = [_flat(v) for v in value if isinstance(v, str)]
            pairs += [(name if len(items) == 1 else f"{name}[{i}]", item)
                      for i, item in enumerate(items)]
    return pairs


def _field_of(obj: Located, texts: list[str], role: str) -> str:
    """The field of ``obj`` whose text the shape shows ('' when none matches): the same
    text first, then a part of a field's text (a paragraph split across columns)."""
    pairs = _candidates(obj, role)
    tests = (lambda text, value: text == value,
             lambda text, value: len(text) > 8 and text in value,
             lambda text, value: len(value) > 8 and value in text)
    for test in tests:
        for text in texts:
            for name, value in pairs:
                if text and test(text, value):
                    if "[" in name and len(texts) > 1 and name.endswith("[0]") and all(
                            any(t == v for _, v in pairs) for t in texts):
                        return name.split("[")[0]  # the whole list in one shape
                    return name
    return ""


def _texts(element: Element) -> list[str]:
    if isinstance(element, ShapeBox) and element.text is not None:
        element = element.text
    if isinstance(element, TextBox):
        return [_flat(p.text) for p in element.paras]
    if isinstance(element, TableBox):
        return [_flat(p.text) for row in element.rows for cell in row for p in cell]
    return []


def _role(element: Element, number: int) -> str:
    if isinstance(element, PictureBox):
        return "picture"
    if isinstance(element, TableBox):
        return "table"
    if not isinstance(element, TextBox):
        return "button"
    texts = _texts(element)
    if element.role == "footer" and texts == [str(number)]:
        return "slide-number"
    return element.role


def _named(element: Element, objects: Objects, slide: SlidePlan, taken: set[str]) -> Element:
    if isinstance(element, GroupBox):  # the radar's labels come from radar.yaml
        members = tuple(_named(e, objects, slide, taken) for e in element.elements)
        return replace(element, elements=members)  # type: ignore[arg-type]
    source = getattr(element, "source", None)
    if isinstance(element, ShapeBox):
        source = element.text.source if element.text is not None else None
    if source is None or not isinstance(element, TextBox | PictureBox | TableBox | ShapeBox):
        return element
    path, obj = objects.get(source, (slide.name or Path(source.file).name, None))
    role = _role(element, slide.number)
    field = _field_of(obj, _texts(element), role) if obj is not None and \
        role != "slide-number" else ""
    if field:
        path = f"{path}.{field}" if ":" in path else f"{path}:{field}"
    base = f"{path}:{role}"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}#{n}"
    taken.add(name)
    if isinstance(element, ShapeBox) and element.text is not None:
        return replace(element, text=replace(element.text, ident=name))
    return replace(element, ident=name)  # type: ignore[arg-type]


#: What German PowerPoint calls a shape in each role (the selection pane's names).
WORDS = {"title": "Titel", "subtitle": "Untertitel", "body": "Text", "footer": "Fußzeile",
         "slide-number": "Foliennummer", "picture": "Bild", "table": "Tabelle",
         "button": "Schaltfläche"}
#: ... and each kind of drawn shape; no colon (PowerPoint 365's "Rechteck: abgerundete
#: Ecken" would read like an identity).
SHAPE_WORDS = {"rect": "Rechteck", "rounded": "Abgerundetes Rechteck", "oval": "Ellipse",
               "line": "Linie"}


def _word(element: Element, slide: SlidePlan) -> str:
    """The selection pane's word for ``element``: its role's, or its kind of shape's."""
    if isinstance(element, GroupBox):
        return element.name or "Gruppe"
    if isinstance(element, LineBox):
        return SHAPE_WORDS["line"]
    if isinstance(element, ShapeBox):
        return WORDS["button"] if element.text is not None else SHAPE_WORDS[element.shape]
    role = _role(element, slide.number)
    if role == "body" and slide.kind == "title":
        role = "subtitle"  # the lines under the deck's title
    return WORDS.get(role, WORDS["body"])


def _all(elements: tuple[Element, ...]) -> Iterator[Element]:
    """The elements and, after each group, its members: the order the deck writes them."""
    for element in elements:
        yield element
        if isinstance(element, GroupBox):
            yield from _all(element.elements)


def _labelled(element: Element, names: Iterator[str]) -> Element:
    """``element`` (and a group's members) with the next names of ``names``."""
    name = next(names)
    if isinstance(element, GroupBox):
        members = tuple(_labelled(e, names) for e in element.elements)
        return replace(element, name=name, elements=members)  # type: ignore[arg-type]
    return replace(element, name=name)


def label_slide(slide: SlidePlan) -> SlidePlan:
    """The slide with every shape named as PowerPoint would: "Text 1", "Text 2", ... where
    several share a word, the word alone where one has it."""
    words = [_word(e, slide) for e in _all(slide.elements)]
    counts, seen = Counter(words), Counter[str]()
    names = []
    for word in words:
        seen[word] += 1
        names.append(word if counts[word] == 1 else f"{word} {seen[word]}")
    found = iter(names)
    return replace(slide, elements=tuple(_labelled(e, found) for e in slide.elements))


#: Slide kinds made many at a time from one entry of deck.yaml (trends, scenarios).
GROUPED = ("trend", "scenario-divider", "scenario-text")


def _slide_names(plan: DeckPlan, objects: Objects) -> list[tuple[str, str]]:
    """(name, section) per slide: a section starts where content names one (``section:``),
    at each divider, and after a group of slides made from one entry (trends, scenarios)
    when other slides follow."""
    names: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    grouped = False
    for slide in plan.slides:
        path, obj = objects.get(slide.source, (Path(slide.source.file).name, None))
        if slide.kind == "scenario-text":
            path += ".paragraphs"
        seen[path] = seen.get(path, 0) + 1
        name = path if seen[path] == 1 else f"{path}#{seen[path]}"
        section = ""
        if not names:
            section = FIRST_SECTION
        elif isinstance(obj, SectionSlide):
            section = _section_name(obj.title)
        elif grouped and slide.kind not in GROUPED:
            section = _section_name(_slide_title(slide) or path)
        grouped = slide.kind in GROUPED
        names.append((name, slide.section or section))  # ``section:`` in content first
    return names


def _slide_title(slide: SlidePlan) -> str:
    for element in slide.elements:
        if isinstance(element, TextBox) and element.role == "title":
            return " ".join(p.text for p in element.paras)
    return ""


def _section_name(title: str) -> str:
    """A section named after its chapter's title, as the content writes it: a capital is
    never invented (``section:`` in deck.yaml names it otherwise)."""
    return _flat(title)


def name_deck(loaded: Loaded, plan: DeckPlan) -> DeckPlan:
    """The plan with every slide, text, picture and table given the identity of its
    content, every shape its name in the selection pane, the sections marked, and the
    deck's keywords."""
    objects = content_objects(loaded)
    slides = []
    for slide, (name, section) in zip(plan.slides, _slide_names(plan, objects),
                                      strict=True):
        slide = replace(slide, name=name, section=section)
        taken: set[str] = set()
        elements = tuple(_named(e, objects, slide, taken) for e in slide.elements)
        slides.append(label_slide(replace(slide, elements=elements)))
    return replace(plan, slides=tuple(slides),
                   keywords=tuple(loaded.project.deck.keywords))
