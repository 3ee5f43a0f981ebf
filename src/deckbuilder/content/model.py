"""The content model: what a deck says, independent of PPTX or PDF.

Every object keeps the place it was written (``loc``), so a problem found during layout
still points an editor at ``file:line:column``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr

from ..errors import Diagnostic, Location
from ..theme import Theme
from .model_types import (
    NOTES_HELP,
    ColorName,
    HttpsLink,
    IsoDate,
    Language,
    Link,
    Notes,
    Plain,
    PlainProperty,
    Property,
    Text,
    check_keywords,
)

#: Where an object was written when the loader has not said (objects made in code).
UNKNOWN = Location("?")


class Located(BaseModel):
    """Base of every content object: frozen, strict about keys, aware of its source."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    # Set by the loader (load._set_source) through __pydantic_private__ and read from there,
    # with no default: pydantic deep-copies a private default, or inspects a default
    # factory's signature, for every object made (50 us each, 12 ms a build); an object
    # made in code reads as written nowhere known.
    _loc: Location = PrivateAttr()
    _field_locs: dict[str, Location] = PrivateAttr()

    @property
    def loc(self) -> Location:
        """Where this object was written (file, line, column)."""
        return self._private().get("_loc", UNKNOWN)

    def where(self, name: str) -> Location:
        """Where the value of field ``name`` (or list item ``name[i]``) was written; the
        field's or the object's place if that is unknown."""
        fields = self._private().get("_field_locs", {})
        return fields.get(name) or fields.get(name.split("[")[0], self.loc)

    def _private(self) -> dict[str, Any]:
        return self.__pydantic_private__ or {}


class Picture(Located):
    """An image file inside the project and its description for screen readers."""

    path: Plain
    alt: Plain
    focus: tuple[float, float] = (0.5, 0.5)


class SlideBase(Located):
    """What every slide kind takes: speaker notes and the start of a section. The notes
    of ``trends`` go on each trend's slide that has none of its own; those of
    ``scenarios`` likewise on each scenario's divider."""

    notes: Notes | None = Field(None, description=NOTES_HELP)
    section: Plain | None = Field(default=None, description=(
        "Starts a section of the deck here (PowerPoint's section list), so named."))


class TitleSlide(SlideBase):
    kind: Literal["title"]
    title: Text
    clients: Text
    picture: Picture | None = None
    logos: list[Picture] = Field(default_factory=list, description=(
        "Logos between the clients and the title, left to right, as high as the room there."))


class Step(Located):
    number: Text
    text: Text
    emphasis: Text | None = None


class MethodSlide(SlideBase):
    kind: Literal["method"]
    title: Text
    steps: list[Step] = Field(min_length=1, description=(
        "The steps, side by side; more than 6 continue on a further slide."))


class LegendItem(Located):
    """A legend line and the symbol drawn beside it."""

    text: Text
    symbol: Literal["concept", "trend", "strength", "proximity", "intensity"]


class RadarSlide(SlideBase):
    kind: Literal["radar"]
    kicker: Text
    title: Text
    text: Text
    legend_title: Text
    legend: list[LegendItem] = Field(min_length=1)
    caption: Text | None = None


class SectionSlide(SlideBase):
    kind: Literal["section"]
    title: Text
    color: ColorName = "accent"


class TrendsSlides(SlideBase):
    """Stands for one slide per trend of trends.yaml, in that file's order."""

    kind: Literal["trends"]


class ScenariosSlides(SlideBase):
    """Stands for a divider and the text slides of each scenario in scenarios.yaml."""

    kind: Literal["scenarios"]


class OfferingsSlide(SlideBase):
    kind: Literal["offerings"]


class ProgramSlide(SlideBase):
    kind: Literal["program"]


class CtaSlide(SlideBase):
    kind: Literal["cta"]
    lines: list[Text] = Field(min_length=1, max_length=5, description=(
        "Up to 5 lines in large type; the type shrinks a little to fit, no further."))
    color: ColorName = "accent"
    link: Link | None = Field(None, description=(
        "Where the call to action leads: its lines are a link to this address."))


class LegalSlide(SlideBase):
    kind: Literal["legal"]


Slide = Annotated[
    TitleSlide | MethodSlide | RadarSlide | SectionSlide | TrendsSlides | ScenariosSlides
    | OfferingsSlide | ProgramSlide | CtaSlide | LegalSlide,
    Field(discriminator="kind"),
]


class Legal(Located):
    copyright: Text
    paragraphs: list[Text] = Field(min_length=1)


class Deck(Located):
    """deck.yaml: what the deck is, and the order of its slides."""

    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")]
    title: Property
    subject: PlainProperty | None = None
    author: Property
    date: IsoDate
    language: Language = "de-DE"
    other_languages: dict[Language, list[Plain]] = Field(default_factory=dict, description=(
        "Phrases in another language than the deck's, by language tag (en-GB: [Future "
        "Circle]): spelling checkers and screen readers take them in that language."))
    keywords: Annotated[list[Plain], AfterValidator(check_keywords)] = Field(
        default_factory=list)
    handouts: list[Literal["handout", "notes"]] = Field(default_factory=list, description=(
        "Handouts a plain build writes too: handout (three slides a page with lines for "
        "notes), notes (one slide a page with its speaker notes)."))
    names: list[Plain] = Field(default_factory=list, description=(
        "Names of people, places or products that are never hyphenated, beyond those found "
        "by themselves: a name after an initial (S. Tewes) and the program's places."))
    contents_title: Text = "INHALT"
    continued: Text = "(Fortsetzung)"  # added to the title of a continuation slide
    footer: Text
    legal: Legal
    slides: list[Slide] = Field(min_length=1)
    default_edition: Plain | None = Field(None, description=(
        "The edition (content/editions/NAME.yaml) commands use without --edition."))


class Trend(Located):
    title: Text
    lang: Language | None = Field(default=None, description=(
        "The title's language where it is not the deck's (en-GB for an English trend name)."))
    color: ColorName
    picture: Picture
    factors: list[Text] = Field(min_length=1, description=(
        "Influence factors as a list beside the picture; a list longer than the slide "
        "holds continues on a '(Fortsetzung)' slide."))
    notes: Notes | None = Field(None, description=NOTES_HELP)


class TrendsFile(Located):
    trends: list[Trend] = Field(min_length=1)


class Scenario(Located):
    number: Annotated[int, Field(ge=1, le=99)]
    label: Text
    title: Text
    color: ColorName
    picture: Picture | None = None  # shown on the scenario's divider slide
    paragraphs: list[Text] = Field(min_length=1)
    notes: Notes | None = Field(None, description=NOTES_HELP)


class ScenariosFile(Located):
    scenarios: list[Scenario] = Field(min_length=1)


class Offering(Located):
    title: Text
    text: Text


class FutureCircleFile(Located):
    title: Text
    highlight: Text | None = None
    offerings: list[Offering] = Field(min_length=1, description=(
        "Cards of up to 6 per slide (2 or 3 in a row); more continue on a further slide."))
    button: Text | None = None
    link: Link | None = Field(None, description=(
        "Where the button leads: its text is a link to this address (needs button:)."))


class Event(Located):
    date: IsoDate
    end: IsoDate | None = None  # the last day of an event that lasts several days
    title: Text
    place: Text | None = None
    id: Plain | None = None  # a stable identity for the calendar; title and place otherwise

    @property
    def last_day(self) -> dt.date:
        """The event's last day (its date, unless it lasts several days)."""
        return self.end or self.date

    @property
    def label(self) -> str:
        """Title and place for messages and listings; the place in brackets so the two
        never read as one name ("Nachfolgebörse Südwestfalen (Siegen)")."""
        return f"{self.title} ({self.place})" if self.place else self.title


class Publication(Located):
    half: Annotated[int, Field(ge=1, le=2)]
    title: Text


class EventSection(Located):
    heading: Text
    location: Plain | None = None  # calendar LOCATION for entries without a place
    entries: list[Event] = Field(min_length=1)


class PublicationSection(Located):
    heading: Text
    entries: list[Publication] = Field(min_length=1)


class ProgramFile(Located):
    title: Text
    year: Annotated[int, Field(ge=2000, le=2100)]
    half_label: Text = "{half}. Halbjahr"
    past: Literal["show", "grey", "hide"] = "grey"  # how events before the build date show
    calendar_url: HttpsLink | None = Field(None, description=(
        "Where the program's calendar file is published (https://…): the dossier prints it "
        "with a QR code under the program. Leave it out while it is not published."))
    events: EventSection
    deep_dives: EventSection
    publications: PublicationSection


class RadarTrend(Located):
    name: Text
    lang: Language | None = None  # a trend concept's name in another language (en-GB)
    ring: Plain  # names one of the rings, which are checked as Text
    segment: Plain  # likewise one of the segments
    strength: Annotated[int, Field(ge=1, le=5)]
    concept: bool = False


class Connection(Located):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    source: Plain = Field(alias="from")  # trend names, checked as Text where they are set
    target: Plain = Field(alias="to")
    intensity: Annotated[int, Field(ge=1, le=3)] = 1


class RadarFile(Located):
    """radar.yaml: where each trend sits on the radar and how trends connect."""

    rings: list[Text] = Field(min_length=1, max_length=6, description=(
        "Rings from the centre out; at most 6, so that every ring keeps room for its dots."))
    segments: list[Text] = Field(min_length=1, max_length=8, description=(
        "Segments clockwise from the top; at most 8, so that their labels do not collide."))
    trends: list[RadarTrend] = Field(min_length=1)
    connections: list[Connection] = Field(default_factory=list)


@dataclass(frozen=True)
class ImageInfo:
    """What layout needs to know of a picture file: its size in pixels."""

    width: int
    height: int


class Project(BaseModel):
    """Everything the content files say, validated and cross-checked."""

    model_config = ConfigDict(frozen=True)

    deck: Deck
    trends: TrendsFile
    scenarios: ScenariosFile | None  # None: no slide uses it and the file is absent
    future_circle: FutureCircleFile | None
    program: ProgramFile
    radar: RadarFile | None

    # The loader requires a file whenever a slide uses it; a slide's planner reads it here.
    @property
    def radar_file(self) -> RadarFile:
        assert self.radar is not None, "a radar slide without radar.yaml passed the loader"
        return self.radar

    @property
    def scenarios_file(self) -> ScenariosFile:
        assert self.scenarios is not None, "scenario slides without scenarios.yaml"
        return self.scenarios

    @property
    def future_circle_file(self) -> FutureCircleFile:
        assert self.future_circle is not None, "an offerings slide without future-circle.yaml"
        return self.future_circle


@dataclass(frozen=True)
class Loaded:
    """A validated project: content, theme, each picture's size, and warnings."""

    root: Path
    project: Project
    theme: Theme
    images: dict[str, ImageInfo]
    warnings: tuple[Diagnostic, ...] = ()
    edition: str | None = None  # the edition laid over the shared content (editions.py)
