"""The extended document properties (``docProps/app.xml``) as PowerPoint writes them.

PowerPoint's File > Info and Explorer's details read this part: the slide count, the
presentation format, and the parts of the document (fonts used, design, slide titles).
python-pptx's default template brings a fixed copy ("On-screen Show (4:3)", 0 slides);
this one is made from the written deck, in the words PowerPoint uses for its language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: What the properties name the program that wrote the deck.
APPLICATION = "deckbuilder"

#: PowerPoint's words by language: the heading of each part list, the presentation format
#: of each slide size it offers (width x height in points) and of any other size, and a
#: slide's title when it has none.
WORDS: dict[str, dict[Any, str]] = {
    "de": {"fonts": "Verwendete Schriftarten", "theme": "Design", "titles": "Folientitel",
           (960, 540): "Breitbild", (720, 405): "Bildschirmpräsentation (16:9)",
           (720, 450): "Bildschirmpräsentation (16:10)",
           (720, 540): "Bildschirmpräsentation (4:3)", "custom": "Benutzerdefiniert",
           "untitled": "PowerPoint-Präsentation"},
    "en": {"fonts": "Fonts Used", "theme": "Theme", "titles": "Slide Titles",
           (960, 540): "Widescreen", (720, 405): "On-screen Show (16:9)",
           (720, 450): "On-screen Show (16:10)", (720, 540): "On-screen Show (4:3)",
           "custom": "Custom", "untitled": "PowerPoint Presentation"},
}
_TITLE_TYPES = ("title", "ctrTitle")
_THEME_FONTS = ("+mj-lt", "+mn-lt")


def words_for(language: str) -> dict[Any, str]:
    """PowerPoint's words for a deck in ``language`` (de-DE, en-GB, ...); English for
    languages it is not given in."""
    return WORDS.get(language.split("-")[0].lower(), WORDS["en"])


@dataclass
class DeckFacts:
    """What app.xml says of the deck, read from the written slides."""

    titles: list[str] = field(default_factory=list)
    words: int = 0
    paragraphs: int = 0
    notes: int = 0
    hidden: int = 0
    fonts: set[str] = field(default_factory=set)
    themes: list[str] = field(default_factory=list)


def _title(slide_element: Any) -> str | None:
    for shape in slide_element.iter(qn("p:sp")):
        ph = shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if ph is not None and ph.get("type") in _TITLE_TYPES:
            paras = ("".join(t.text or "" for t in p.iter(qn("a:t")))
                     for p in shape.iter(qn("a:p")))
            return " ".join(" ".join(p.replace("\u00ad", "").split()) for p in paras
                            if p.strip()) or None
    return None


def _fonts(element: Any, faces: dict[str, str]) -> set[str]:
    """The typefaces an element's text and bullets use, theme fonts resolved."""
    found = {e.get("typeface") for tag in ("a:latin", "a:buFont")
             for e in element.iter(qn(tag))}
    return {faces.get(f, f) for f in found if f} - set(_THEME_FONTS)


def _theme_of(master_part: Any) -> tuple[str, dict[str, str]]:
    """A slide master's theme: its name and its two fonts (+mj-lt, +mn-lt)."""
    root = etree.fromstring(master_part.part_related_by(RT.THEME).blob)
    faces = {}
    for key, tag in zip(_THEME_FONTS, ("a:majorFont", "a:minorFont"), strict=True):
        latin = root.find(f".//{qn(tag)}/{qn('a:latin')}")
        if latin is not None and latin.get("typeface"):
            faces[key] = latin.get("typeface")
    return root.get("name") or "", faces


def read_facts(prs: Any) -> DeckFacts:
    """Titles, counts, fonts and designs of the presentation as written."""
    facts = DeckFacts()
    faces: dict[str, str] = {}
    for master in prs.slide_masters:
        name, master_faces = _theme_of(master.part)
        facts.themes.append(name)
        faces = faces or master_faces
        facts.fonts |= set(master_faces.values()) | _fonts(master.element, master_faces)
    for slide in prs.slides:
        element = slide.element
        facts.titles.append(_title(element) or "")
        facts.fonts |= _fonts(element, faces)
        texts = ["".join(t.text or "" for t in p.iter(qn("a:t")))
                 for p in element.iter(qn("a:p"))]
        facts.paragraphs += sum(1 for t in texts if t.strip())
        facts.words += sum(len(t.split()) for t in texts)
        facts.notes += slide.has_notes_slide
        facts.hidden += element.get("show") in ("0", "false")
    return facts


def _vector(items: list[str], base: str = "lpstr") -> str:
    inner = "".join(f"<vt:{base}>{escape(i, quote=False)}</vt:{base}>" for i in items)
    return f'<vt:vector size="{len(items)}" baseType="{base}">{inner}</vt:vector>'


def app_xml(facts: DeckFacts, width: float, height: float, language: str) -> bytes:
    """docProps/app.xml for the deck: ``width`` and ``height`` of a slide in points."""
    words = words_for(language)
    titles = [t or words["untitled"] for t in facts.titles]
    fonts = sorted(facts.fonts, key=str.casefold)
    pairs = [(words["fonts"], fonts), (words["theme"], facts.themes),
             (words["titles"], titles)]
    pairs = [(name, parts) for name, parts in pairs if parts]
    heading = "".join(f"<vt:variant><vt:lpstr>{escape(name)}</vt:lpstr></vt:variant>"
                      f"<vt:variant><vt:i4>{len(parts)}</vt:i4></vt:variant>"
                      for name, parts in pairs)
    size = (round(width), round(height))
    text = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{EP}" xmlns:vt="{VT}"><TotalTime>0</TotalTime>'
        f"<Words>{facts.words}</Words><Application>{APPLICATION}</Application>"
        f"<PresentationFormat>{escape(words.get(size, words['custom']))}</PresentationFormat>"
        f"<Paragraphs>{facts.paragraphs}</Paragraphs><Slides>{len(titles)}</Slides>"
        f"<Notes>{facts.notes}</Notes><HiddenSlides>{facts.hidden}</HiddenSlides>"
        "<MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>"
        f'<HeadingPairs><vt:vector size="{2 * len(pairs)}" baseType="variant">{heading}'
        f"</vt:vector></HeadingPairs><TitlesOfParts>"
        f"{_vector([p for _, parts in pairs for p in parts])}</TitlesOfParts>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>")
    return text.encode("utf-8")
