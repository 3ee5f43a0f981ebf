"""Writes the dossier plan as a designed, tagged A4 PDF; reportlab platypus does the page
breaking, tags.py records the structure while it draws, finish.py writes it (PDF/UA-1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab import rl_config
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ... import cache_file
from ...layout import dossier_plan as d
from ...text.hyphenate import Hyphenator
from ..images import ImageStore
from .blocks import WRITERS, Renderer
from .contents import CONTENTS_FILE, last_contents
from .finish import finish
from .private import drawn_contents, seed_contents
from .tags import tagging_canvas

if TYPE_CHECKING:  # the PDF process gets a plain theme (theme_plain.py), no pydantic
    from ...theme import Theme

__all__ = ["WRITERS", "render"]  # WRITERS: the dispatch from block to writer (blocks.py)


class _Doc(BaseDocTemplate):
    """Adds bookmarks and contents entries for headings that carry ``toc_entry``."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        entry = getattr(flowable, "toc_entry", None)
        if entry:
            level, text, key, *listed = entry
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)
            if listed != [False]:  # the contents page and the legal notice are not listed
                self.notify("TOCEntry", (level, text, self.page, key))


def render(
    plan: d.DossierPlan,
    theme: Theme,
    path: Path,
    *,
    images: ImageStore,
    fonts: dict[str, str],
    timestamp: dt.datetime,
    cache: Path | None = None,
) -> str:
    """Writes the dossier to ``path``; ``fonts`` maps theme faces to registered TTF names.
    ``cache`` is a folder where the German word splits (hyphenate.py) and the contents'
    page numbers are kept for the next build."""
    rl_config.useA85 = 0  # ASCII85 costs seconds in pure Python and only grows the file
    hyphenator = Hyphenator(cache, names=plan.names)
    r = Renderer(plan, theme, fonts, images, hyphenator)
    size = theme.sizes.dossier.trend  # the trend cards' pictures are made meanwhile
    images.prepare_ahead((b.picture.path, size.picture_width, size.picture_height,
                          b.picture.focus, r.ppi) for b in plan.blocks
                         if isinstance(b, d.TrendCard))
    page = theme.page
    doc = _Doc(
        str(path),
        pagesize=(page.width, page.height),
        leftMargin=page.left,
        rightMargin=page.right,
        topMargin=page.top,
        bottomMargin=page.bottom,
        title=plan.title,
        author=plan.author,
        subject=plan.subject,
        keywords=", ".join(plan.keywords),
        creator="deckbuilder",
        producer="deckbuilder",
        lang=plan.language,
        displayDocTitle=1,
        invariant=1,
        initialFontName=fonts["regular"],
    )
    cover = PageTemplate("cover", [Frame(0, 0, page.width, page.height, 0, 0, 0, 0, id="full")],
                         onPage=r.page_begin, onPageEnd=r.page_end)
    body = PageTemplate(
        "body",
        [
            Frame(page.left, page.bottom, page.content_width, page.content_height, 0, 0, 0, 0,
                  id="body")
        ],
        onPage=r.footer,
        onPageEnd=r.page_end,
    )
    has_cover = any(isinstance(b, d.Cover) for b in plan.blocks)
    doc.addPageTemplates([cover, body] if has_cover else [body, cover])
    stamp = timestamp.replace(tzinfo=None)
    contents = cache / CONTENTS_FILE if cache else None
    seed_contents(r.toc, last_contents(contents))
    doc.multiBuild(r.flowables(), canvasmaker=tagging_canvas(r.tags, stamp))
    finish(path, r.tags, title=plan.title, lang=plan.language)
    cache_file.write(contents, [list(e) for e in drawn_contents(r.toc)])
    hyphenator.save()
    return f"{doc.page} pages"

