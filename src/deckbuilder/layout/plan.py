"""The plan types every renderer reads; all lengths are in points from the top-left corner."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.notes import NoteParagraph
from ..errors import Diagnostic, Location


@dataclass(frozen=True)
class Box:
    """A rectangle in points: x and y of the top-left corner, width and height."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inside_box(self, other: Box) -> bool:
        eps = 0.01
        return (self.x >= other.x - eps and self.y >= other.y - eps
                and self.right <= other.right + eps and self.bottom <= other.bottom + eps)

    def inside(self, width: float, height: float) -> bool:
        eps = 0.01
        return (self.x >= -eps and self.y >= -eps
                and self.right <= width + eps and self.bottom <= height + eps)


@dataclass(frozen=True)
class Run:
    """A stretch of text in one face; ``color`` is a palette name, None for the style's;
    ``link`` the address it leads to. PowerPoint shows a link in the theme's link colour
    unless ``keep_color`` (a button, the call to action, the footer: links by their place)."""

    text: str
    face: str | None = None
    color: str | None = None
    link: str | None = None
    keep_color: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph in a named text style; ``bullet`` is the palette colour of its marker."""

    runs: tuple[Run, ...]
    style: str
    align: str = "left"
    bullet: str | None = None
    color: str | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class TextBox:
    """Measured text: it fits ``box`` at ``scale`` times its styles' sizes."""

    box: Box
    paras: tuple[Para, ...]
    source: Location = field(repr=False)  # where the text came from; not drawn
    scale: float = 1.0
    anchor: str = "top"
    height: float = 0.0  # the measured height of the text, in points
    role: str = "body"  # "title" marks the slide's title for reading order
    wrap: bool = True  # False: one line per paragraph, as measured (radar labels)
    name: str = ""  # what the selection pane shows, e.g. "Text 2"
    ident: str = ""  # the content it came from, e.g. "trends.yaml:trends[4].factors:body"
    #: Where layout broke a word at a German split point: (paragraph, run, offset of the soft
    #: hyphen it put there). A PPTX draws these as a hyphen and a line break (runs.py).
    breaks: frozenset[tuple[int, int, int]] = frozenset()
    #: The next text box on the slide is this text's next column (a scenario's two columns):
    #: a PPTX writes both as one body with two columns (render/pptx/columns.py).
    next_column: bool = False
    split_last: bool = False  # its last paragraph goes on in the next box
    columns: int = 1  # a body of several columns, ``column_gap`` apart (the PPTX's alone)
    column_gap: float = 0.0


@dataclass(frozen=True)
class PictureBox:
    """A picture that fills ``box``; ``crop`` is the fraction cut from left, top, right, bottom."""

    box: Box
    path: str
    alt: str
    crop: tuple[float, float, float, float]
    source: Location = field(repr=False)  # where the text came from; not drawn
    focus: tuple[float, float] = (0.5, 0.5)
    name: str = ""  # what the selection pane shows, e.g. "Bild"
    ident: str = ""  # the content it came from, e.g. "trends.yaml:trends[4].picture:picture"


@dataclass(frozen=True)
class ShapeBox:
    """A native shape; ``shape`` is rect, oval, rounded or line (from top-left to bottom-right)."""

    box: Box
    shape: str
    fill: str | None = None
    line: str | None = None
    line_width: float = 0.0
    text: TextBox | None = None
    alt: str | None = None  # a shape that means something (a radar dot) describes itself
    name: str = ""  # what the selection pane shows, e.g. "Rechteck" (its text: the identity)


@dataclass(frozen=True)
class TableBox:
    """A table of paragraphs; column widths and row heights in points sum to the box."""

    box: Box
    columns: tuple[float, ...]
    rows: tuple[tuple[tuple[Para, ...], ...], ...]
    heights: tuple[float, ...]
    padding: float
    rule: str
    source: Location = field(repr=False)  # where the text came from; not drawn
    scale: float = 1.0
    name: str = ""  # what the selection pane shows, e.g. "Tabelle 2"
    ident: str = ""  # the content it came from, e.g. "program.yaml:events:table"
    rule_width: float = field(kw_only=True)  # the line under each row, in points (theme)
    #: Header rows on top (the program's group heading): each one cell across all the
    #: columns, without padding above and below or a rule under it.
    header_rows: int = field(default=0, kw_only=True)
    header_columns: int = field(default=0, kw_only=True)  # columns of row headers (dates)
    alt: str = field(default="", kw_only=True)  # what the table holds, for screen readers
    #: Where layout broke a word in a cell: (row, column, paragraph, run, offset), as
    #: TextBox.breaks per cell.
    breaks: frozenset[tuple[int, int, int, int, int]] = field(default=frozenset(),
                                                              kw_only=True)


@dataclass(frozen=True)
class LineBox:
    """A straight line from (x1, y1) to (x2, y2), ``width`` in points."""

    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float
    name: str = ""  # what the selection pane shows, e.g. "Linie 3"

    @property
    def box(self) -> Box:
        return Box(min(self.x1, self.x2), min(self.y1, self.y2), abs(self.x2 - self.x1),
                   abs(self.y2 - self.y1))


@dataclass(frozen=True)
class GroupBox:
    """Elements that move together and are edited as one (the radar)."""

    box: Box
    elements: tuple[TextBox | ShapeBox | LineBox, ...]
    name: str


Element = TextBox | PictureBox | ShapeBox | TableBox | LineBox | GroupBox


@dataclass(frozen=True)
class TemplateArt:
    """A corporate template's claim or logo as the PDFs draw it (the PPTX leaves it to the
    template): a claim's text (its paragraphs and line breaks as new lines), size (pt),
    colour (RRGGBB, None: what reads on the band), vertical anchor ("t", "ctr", "b") and
    whether it wraps in its box (``wrap="none"``: each line runs on past it, as in
    PowerPoint); a logo's picture file's bytes."""

    box: Box
    text: str = ""
    size: float = 0.0
    color: str | None = None
    anchor: str = "t"
    picture: bytes = b""
    wrap: bool = True


@dataclass(frozen=True)
class SlidePlan:
    """One slide: its elements in reading order, background colour, notes and origin."""

    kind: str
    elements: tuple[Element, ...]
    source: Location = field(repr=False)  # where the text came from; not drawn
    background: str = "paper"
    notes: tuple[NoteParagraph, ...] = ()  # the speaker notes' paragraphs and list items
    number: int = 0
    name: str = ""  # the content it came from, e.g. "trends.yaml:trends[4]"
    section: str = ""  # not empty: a new section of the deck starts here, so named
    #: A corporate template's bands and marks (box, RRGGBB) that its layout draws itself:
    #: the PPTX leaves them to the template, the PDFs draw them under the elements.
    template_fills: tuple[tuple[Box, str], ...] = ()
    template_art: tuple[TemplateArt, ...] = ()  # its claims and logos, drawn over the fills


@dataclass(frozen=True)
class DeckPlan:
    """Every slide of the deck, and warnings found on the way (continuations, shrinking)."""

    width: float
    height: float
    slides: tuple[SlidePlan, ...]
    title: str
    author: str
    subject: str
    language: str
    warnings: tuple[Diagnostic, ...] = field(default=())
    keywords: tuple[str, ...] = ()
    foreign: tuple[tuple[str, str], ...] = ()  # phrases in another language (languages.py)


@dataclass(frozen=True)
class Closing:
    """A handout's last page: the coming events (a heading, then date and title per row)
    and the calls to action (text and address); and the deck's date for its header
    (layout/handout_plan.py makes it, render/pdf/handout.py draws it)."""

    events: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    actions: tuple[tuple[str, str], ...] = ()
    date: str = ""
