"""The writers that the second process (aside.py) runs: the PDFs and the calendar.

A writer travels to that process pickled, and unpickling imports the module that defines
it. Defined in build.py (now build/stages.py), the PDF writer made that process import
the whole build (the content model, babel, PyYAML: 0.9 s) after its work had arrived, on
the critical path of every build; this module imports only what its renderers need
anyway, and that process imports it while the build still loads and lays out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..layout.calendar import CalendarPlan
from ..layout.dossier_plan import DossierPlan
from ..layout.plan import Closing, DeckPlan
from ..render.images import ImageStore
from ..text.measure import Measurer
from ..theme_plain import Plain  # noqa: F401 - the theme arrives as these (theme.portable)

if TYPE_CHECKING:  # the PDF process gets a plain theme (theme_plain.py), no pydantic
    from ..theme import Theme


@dataclass(frozen=True)
class PdfWriter:
    """Writes the dossier or the slides as PDF. It registers the fonts in the process it
    runs in, from the same files."""

    plan: DossierPlan | DeckPlan
    theme: Theme
    root: Path
    images: ImageStore
    stamp: dt.datetime
    cache: Path

    def __call__(self, path: Path) -> str:
        measurer = Measurer(self.theme, self.root)  # its fonts were checked by prepare()
        fonts = {key: measurer.font_name(key) for key in self.theme.faces}
        if isinstance(self.plan, DeckPlan):
            from ..render.pdf.slides import render as render_slides

            return render_slides(self.plan, self.theme, path, images=self.images, fonts=fonts,
                                 timestamp=self.stamp)
        from ..render.pdf import dossier

        return dossier.render(self.plan, self.theme, path, images=self.images, fonts=fonts,
                              timestamp=self.stamp, cache=self.cache)


@dataclass(frozen=True)
class HandoutWriter:
    """Writes a handout (slides a page, with lines) or the notes pages, from the deck's
    plan (render/pdf/handout.py)."""

    plan: DeckPlan
    theme: Theme
    root: Path
    images: ImageStore
    stamp: dt.datetime
    kind: str  # "handout" or "notes"
    per_page: int = 3
    closing: Closing | None = None

    def __call__(self, path: Path) -> str:
        from ..render.pdf.handout import render

        measurer = Measurer(self.theme, self.root)
        fonts = {key: measurer.font_name(key) for key in self.theme.faces}
        return render(self.plan, self.theme, path, images=self.images, fonts=fonts,
                      timestamp=self.stamp, kind=self.kind, per_page=self.per_page,
                      closing=self.closing)


@dataclass(frozen=True)
class CalendarWriter:
    """Writes the calendar. It runs beside the PDFs rather than with the deck: the deck
    is the longer of the two lanes, and icalendar's import (0.07 s) then costs nothing."""

    plan: CalendarPlan
    stamp: dt.datetime

    def __call__(self, path: Path) -> str:
        from ..render.ics import render

        return render(self.plan, path, timestamp=self.stamp)


#: The writers a build may hand to the second process.
AsideWriter = PdfWriter | HandoutWriter | CalendarWriter
