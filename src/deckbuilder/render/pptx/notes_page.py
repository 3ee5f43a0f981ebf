"""A slide's speaker notes on its notes page: paragraphs and bulleted list items.

Each note paragraph is a paragraph of the notes placeholder, a list item one with a
bullet of its own (PowerPoint's marker and indent for a bulleted note), so the notes
pane shows and edits them as PowerPoint's own, and ``pull`` reads them back one by one.
Every run names its language as the slides' do (the deck's, or a marked phrase's), so
PowerPoint proofs the notes in the right one.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

from ...content.notes import NoteParagraph
from ...text.languages import Foreign, split

#: PowerPoint's indent of a bulleted note (0.1875 in) and its marker.
BULLET_INDENT = 171450
BULLET = "•"


def write_notes(slide: Any, notes: tuple[NoteParagraph, ...], language: str,
                foreign: Foreign = ()) -> None:
    """Writes ``notes`` into the notes page of ``slide`` (python-pptx makes the page from
    the notes master on first use); nothing for a slide without notes."""
    if not notes:
        return
    body = slide.notes_slide.notes_placeholder.element.find(qn("p:txBody"))
    for old in body.findall(qn("a:p")):
        body.remove(old)
    for note in notes:
        p = etree.SubElement(body, qn("a:p"))
        if note.bullet:
            ppr = etree.SubElement(p, qn("a:pPr"), marL=str(BULLET_INDENT),
                                   indent=str(-BULLET_INDENT))
            etree.SubElement(ppr, qn("a:buFont"), typeface="Arial")
            etree.SubElement(ppr, qn("a:buChar"), char=BULLET)
        for text, lang in split(note.text, foreign):
            run = etree.SubElement(p, qn("a:r"))
            etree.SubElement(run, qn("a:rPr"), lang=lang or language)
            etree.SubElement(run, qn("a:t")).text = text
