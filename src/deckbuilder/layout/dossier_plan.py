"""The dossier plan's blocks: plain values, all the PDF renderer needs to know.

They are kept apart from the layout that makes them (dossier.py) so that the PDF process,
which receives a plan and draws it, imports neither the content model (pydantic builds
its validators on import) nor the date formatting and the slide layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Location
from .plan import Box, Element, Para, Run

#: The dossier's paper, whatever the slides' 'paper' colour: it is printed on white A4.
PAPER = "FFFFFF"


@dataclass(frozen=True)
class Heading:
    """A heading that is also a PDF bookmark (level 0 or 1) and, when ``listed``, an entry
    of the contents (the sections; not the legal notice's copyright line)."""

    text: str
    key: str
    level: int = 0
    kicker: str | None = None
    color: str = "accent"
    new_page: bool = True
    style: str = "d-h1"
    runs: tuple[Run, ...] = ()  # the text with its links, where it has some (links.py)
    listed: bool = True


@dataclass(frozen=True)
class PictureRef:
    """A picture as the dossier places it: the content's path, alt text and focus."""

    path: str
    alt: str
    focus: tuple[float, float] = (0.5, 0.5)


@dataclass(frozen=True)
class Logo:
    """A logo on the cover (an edition's, as on its title slide): its width per point of
    height, so it is drawn whole."""

    path: str
    alt: str
    aspect: float


@dataclass(frozen=True)
class Cover:
    title: str
    lines: tuple[str, ...]
    picture: PictureRef | None
    logos: tuple[Logo, ...] = ()


@dataclass(frozen=True)
class Contents:
    title: str


@dataclass(frozen=True)
class Text:
    """Paragraphs set in the frame's full width; ``justify`` also hyphenates (German)."""

    paras: tuple[Para, ...]
    justify: bool = False


@dataclass(frozen=True)
class Steps:
    items: tuple[tuple[str, tuple[Para, ...]], ...]


@dataclass(frozen=True)
class RadarFigure:
    """The radar and its legend as plan elements in a ``width`` × ``height`` box whose
    origin is its top-left corner; ``links`` make each trend's dot jump to its card."""

    elements: tuple[Element, ...]
    width: float
    height: float
    links: tuple[tuple[Box, str], ...]
    caption: str | None


@dataclass(frozen=True)
class TrendCard:
    title: str
    key: str
    color: str
    picture: PictureRef
    factors: tuple[str, ...]


@dataclass(frozen=True)
class ScenarioOpener:
    number: str
    label: str
    title: str
    key: str
    color: str
    new_page: bool = True


@dataclass(frozen=True)
class QrCode:
    """A printed link: a QR code of ``address`` (what a phone opens) with the address
    beside it as text (``runs``, with its link for who reads the PDF on a screen)."""

    address: str
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Cards:
    """Cards of a title and a text on ``fill``, two to a row; the button on its own fill."""

    items: tuple[tuple[str, str], ...]
    button: str | None
    button_runs: tuple[Run, ...] = ()  # the button's text with its link (links.py)
    fill: str = "tint"  # palette names
    button_fill: str = "accent"
    qr: QrCode | None = None  # the button's link, printed under it


@dataclass(frozen=True)
class Calendar:
    """Dated entries grouped under headings; ``rows`` are (date label, text, past, place),
    the place (or None) shown on a line of its own under the text."""

    groups: tuple[tuple[str, tuple[tuple[str, str, bool, str | None], ...]], ...]


@dataclass(frozen=True)
class Callout:
    """Big lines on a panel of ``color``; ``color_at``: where the content chose that colour
    (None: the default, the theme's accent), where a colour nothing reads on is reported."""

    lines: tuple[str, ...]
    color: str
    runs: tuple[tuple[Run, ...], ...] = ()  # each line with its link (links.py)
    color_at: Location | None = None
    qr: QrCode | None = None  # the link, printed under the panel


Block = (Heading | Cover | Contents | Text | Steps | RadarFigure | TrendCard | ScenarioOpener
         | Cards | Calendar | Callout | QrCode)


@dataclass(frozen=True)
class DossierPlan:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    footer: tuple[Run, ...]  # with its address as a link (links.py)
    blocks: tuple[Block, ...]
    source: Location = field(default=Location("content/deck.yaml"))
    foreign: tuple[tuple[str, str], ...] = ()  # phrases in another language (languages.py)
    names: frozenset[str] = frozenset()  # words never hyphenated (content/names.py)
    #: Where a text's colour would not read on what it lies on, the readable variant the
    #: layout chose (dossier_legible.py): (style, colour as the blocks name it, what it lies
    #: on as RRGGBB, the colour to draw as #RRGGBB).
    inks: tuple[tuple[str, str, str, str], ...] = ()

    def ink(self, style: str, color: str, on: str = PAPER) -> str:
        """The colour to draw a text of ``style`` in, named ``color`` by its block, on ``on``:
        the readable variant where the layout chose one, else the colour itself."""
        for s, c, o, drawn in self.inks:
            if s == style and c == color and o == on:
                return drawn
        return color
