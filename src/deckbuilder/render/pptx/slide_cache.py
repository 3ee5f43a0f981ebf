"""Slides written by an earlier build, kept for the next one.

A slide's XML depends only on its plan, the theme, the template and this renderer's
code. A rebuild after one event date changed re-plans every slide (cheap) but only the
program slide's plan differs; every other slide's XML is taken from here instead of
being built again through python-pptx, which is most of the deck's render time.

Each entry holds the slide part's XML and the relationships it refers to, in the order
they were made (pictures by their request, links by address), so that a reused slide gets
the same relationship ids and the package the same bytes as a full render.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ... import cache_file
from ...layout.plan import (
    Element,
    GroupBox,
    Para,
    PictureBox,
    ShapeBox,
    SlidePlan,
    TableBox,
    TextBox,
)

#: The file under the output folder's cache.
FILE = "deck-slides.json"

#: (kind, target, relationship id): ("image", [path, w, h, focus x, focus y], "rId2") or
#: ("link", "https://...", "rId3").
Relation = tuple[str, Any, str]


RID = re.compile(r"rId[0-9]{1,9}")


def named(elements: Iterable[Element]) -> tuple[set[tuple[Any, ...]], set[str]]:
    """The picture requests (path, width, height, focus) and link addresses of a slide."""
    pictures: set[tuple[Any, ...]] = set()
    links: set[str] = set()
    paras: list[Para] = []
    for element in elements:
        if isinstance(element, PictureBox):
            pictures.add((element.path, element.box.w, element.box.h, *element.focus))
        elif isinstance(element, GroupBox):
            inner_pictures, inner_links = named(element.elements)
            pictures |= inner_pictures
            links |= inner_links
        elif isinstance(element, TextBox):
            paras += element.paras
        elif isinstance(element, ShapeBox) and element.text is not None:
            paras += element.text.paras
        elif isinstance(element, TableBox):
            paras += [p for row in element.rows for cell in row for p in cell]
    links |= {run.link for para in paras for run in para.runs if run.link}
    return pictures, links


class SlideCache:
    """Slide XML by a key made of the slide's plan and everything else it depends on."""

    def __init__(self, folder: Path | None, depends_on: str) -> None:
        self.file = folder / FILE if folder else None
        self.salt = hashlib.sha256(depends_on.encode()).hexdigest()
        self.known: dict[str, dict[str, Any]] = self._read()
        self.used: dict[str, dict[str, Any]] = {}

    def key(self, plan: SlidePlan) -> str:
        return hashlib.sha256(f"{self.salt}|{plan!r}".encode()).hexdigest()

    def get(self, plan: SlidePlan) -> tuple[str, list[Relation]] | None:
        """The slide's XML and relationships, when the cache has them and every picture and
        link they name is one of the plan's (a damaged or edited cache is not trusted to
        name files)."""
        key = self.key(plan)  # the plan's repr: 0.25 ms a slide, so made once
        entry = self.known.get(key)
        if entry is None:
            return None
        pictures, links = named(plan.elements)
        relations: list[Relation] = []
        for item in entry["rels"]:
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[2], str)
                    and RID.fullmatch(item[2])):
                return None
            kind, target, rid = item
            if kind == "image" and isinstance(target, list) and tuple(target) in pictures:
                relations.append((kind, target, rid))
            elif kind == "link" and target in links:
                relations.append((kind, target, rid))
            else:
                return None
        self.used[key] = entry
        return entry["xml"], relations

    def put(self, plan: SlidePlan, xml: str, relations: list[Relation]) -> None:
        self.used[self.key(plan)] = {"xml": xml, "rels": [list(r) for r in relations]}

    def _read(self) -> dict[str, dict[str, Any]]:
        known = cache_file.read(self.file)
        if not isinstance(known, dict):
            return {}
        return {k: v for k, v in known.items() if isinstance(v, dict)
                and isinstance(v.get("xml"), str) and isinstance(v.get("rels"), list)}

    def save(self) -> None:
        """Keeps the slides of this build only, so the file does not grow with history."""
        if self.used != self.known:
            cache_file.write(self.file, self.used)
