"""Every size and gap the layout uses, grouped as a designer sees a slide: ``sizes:`` in
theme.yaml. Lengths are points (1/72 inch); a share is a fraction (0–1) of what its
description names; a factor multiplies a type size. Each default is the value the layout
had before it moved here; theme.yaml overrides any of them, key by key."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

#: A length in points: never negative, never more than a wall poster.
Points = Annotated[float, Field(ge=0, le=5000)]
#: A fraction of a width, height or radius that the key's description names.
Share = Annotated[float, Field(ge=0, le=1)]
#: A multiple of a type size (how far, in label sizes, and how large, relative to labels).
Factor = Annotated[float, Field(gt=0, le=10)]
#: How many of something: lines, columns, items on a slide, directions tried.
Count = Annotated[int, Field(ge=1, le=100)]


class Strict(BaseModel):
    """Frozen, and an unknown key is an error (with a "did you mean")."""

    # defer_build: validators are built when a model first validates. The PDF process
    # unpickles a theme and never validates one; a build whose theme has default sizes
    # validates a ThemeCore only (load.py). Their defaults are made with unvalidated().
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True, defer_build=True)


def _is(default: Any, what: str) -> Any:
    """A field's default and the line an editor shows for it (the JSON Schema's description)."""
    return Field(default, description=what)


G = TypeVar("G", bound=BaseModel)


def unvalidated(group: type[G]) -> G:
    """A group with all its defaults, made without validating: instantiating the groups here
    built the validators of all 150 fields as this module was imported (0.3-0.4 s in each
    of the build's two processes), though a theme with default sizes never validates them
    (load.py) and the PDF process validates nothing. A number becomes a float where the
    field is one, as validation makes it; the tests hold the result equal to a validated
    group, types included."""
    values = {}
    for name, field in group.model_fields.items():
        value = field.default
        if field.annotation is float:
            value = float(value)
        elif field.annotation == tuple[float, ...]:
            value = tuple(map(float, value))
        values[name] = value
    return group.model_construct(**values)


class Text(Strict):
    """Running text on the slides."""

    bullet_indent: Points = _is(20, "room a bullet takes before its text (marker and gap)")
    ink_margin: Points = _is(6, "added to a line's width where contrast judges what is behind")
    shrink_step: Annotated[float, Field(gt=0, le=0.5)] = _is(
        0.025, "text too long for its box is tried smaller by this share of its size at a time")
    shrink_reach: Share = _is(0.35, "text is shrunk rather than continued only when the rest "
                                    "is at most this share of what fits")
    least_lines: Count = _is(2, "least lines a split paragraph keeps on each side (no widows)")


class TitleBlock(Strict):
    """The colour bar, kicker and title at the top of every content slide."""

    bar_width: Points = _is(48, "width of the colour bar above titles")
    bar_height: Points = _is(6, "height of the colour bar above titles")
    bar_to_text: Points = _is(18, "from the bar's top to the kicker or title")
    kicker_height: Points = _is(40, "room for the kicker line above a title")
    kicker_to_title: Points = _is(6, "from the kicker's last line to the title")
    title_height: Share = _is(0.3, "the tallest a title may grow, share of the slide height")


class Footer(Strict):
    """The running footer and slide number below the bottom margin."""

    content_gap: Points = _is(16, "content ends this far above the bottom margin")
    top: Points = _is(14, "the footer's top, below the bottom margin")
    height: Points = _is(14, "height of the footer line")
    number_width: Points = _is(40, "room for the slide number at the right")


class TitleSlide(Strict):
    """The opening slide: date and clients, the big title, the picture at the right."""

    picture_from: Share = _is(0.5, "where the picture starts, share of the slide width")
    kicker_height: Points = _is(80, "room for the date and clients above the title")
    title_top: Share = _is(0.45, "the title's top, share of the slide height")
    title_height: Share = _is(0.5, "the title's height: share of the slide height less the margin")


class Divider(Strict):
    """Section dividers and the call to action: a colour slide, a bar, big type."""

    bar_width: Points = _is(96, "width of the bar above the big type")
    bar_height: Points = _is(10, "height of the bar above the big type")
    bar_to_text: Points = _is(34, "from the bar's top to the big type")
    section_top: Share = _is(0.36, "section divider: the bar's top, share of the slide height")
    section_height: Share = _is(0.45, "section divider: the type's height (of the slide's)")
    cta_top: Share = _is(0.22, "call to action: the bar's top, share of the slide height")
    cta_height: Share = _is(0.6, "call to action: the type's height, share of the slide height")


class Method(Strict):
    """The method's steps, side by side under a rule."""

    title_to_steps: Points = _is(48, "from the title to the rule above the steps")
    rule_width: Points = _is(1, "line weight of the rule above each step")
    rule_to_number: Points = _is(14, "from the rule to the step's number")
    number_height: Points = _is(70, "room for the step's number")
    number_to_text: Points = _is(18, "from the number to the step's text")
    steps_per_slide: Count = _is(6, "steps on one slide; more continue on the next")


class RadarSlide(Strict):
    """The radar slide: text and legend at the left, the radar at the right."""

    text_width: Share = _is(0.42, "width of the text and legend, share of the content width")
    title_to_text: Points = _is(18, "from the title to the text")
    text_to_legend: Points = _is(16, "least space between the text and the legend")
    above_top: Points = _is(20, "how far the radar may reach into the top margin")
    caption_height: Points = _is(30, "room for the caption under the radar")
    caption_drop: Points = _is(6, "the caption's top, below the top of its room")


class Legend(Strict):
    """The radar's legend, on the slide and in the dossier."""

    heading_height: Points = _is(30, "room for the legend's heading")
    heading_to_items: Points = _is(6, "from the heading to the first entry")
    column_gap: Points = _is(12, "between the legend's two columns")
    symbol_width: Points = _is(26, "room for each entry's symbol")
    symbol_to_text: Points = _is(6, "from the symbol to the entry's text")


class Radar(Strict):
    """The radar's drawing: rings, segments, dots, connections and where labels go."""

    rim_margin: Factor = _is(2.6, "room outside the rim for segment names, in label sizes")
    ring_label_size: Factor = _is(0.9, "ring names' size, relative to the label style")
    segment_label_gap: Points = _is(6, "from the rim to the segment names")
    segment_label_width: Share = _is(0.7, "a wider segment name takes two lines (of radius)")
    trend_label_width: Share = _is(0.55, "a wider trend name costs more; share of the radius")
    label_extra_width: Points = _is(1, "added to each label's measured width")
    label_gap: Points = _is(2, "least space between a label and other labels, dots or lines")
    near_distances: Annotated[tuple[Points, ...], Field(min_length=1, max_length=8)] = _is(
        (2.0, 5.0, 8.0), "distances from a dot's edge tried for a label beside it")
    leader_from: Points = _is(14, "a label farther than this from its dot gets a leader line")
    leader_distances: Annotated[tuple[Points, ...], Field(min_length=1, max_length=12)] = _is(
        (20.0, 30.0, 44.0, 62.0, 86.0, 116.0, 150.0), "distances tried with a leader line")
    leader_directions: Count = _is(16, "directions around a dot tried at each distance")
    leader_width: Points = _is(0.5, "weight of a leader line")
    plate_padding: Points = _is(1.5, "a name's plate over an axis reaches this far around it")
    axis_name_share: Share = _is(0.4, "most of a cell's slice kept clear for a ring's name")
    centre_clearance: Share = _is(0.35, "inner-ring dots stay this share of a ring off the centre")
    stagger: Share = _is(0.22, "dots sharing a cell step in and out by this share of a ring")
    dot_size: Share = _is(0.014, "a dot's radius at strength 0, share of the radar's radius")
    dot_size_step: Share = _is(0.007, "added to a dot's radius per strength step (of radius)")
    line_width: Points = _is(0.75, "line weight of rings, segment lines and dot outlines")
    concept_outline: Points = _is(1.5, "outline weight of a trend concept's open dot")
    connection_width: Points = _is(0.5, "weight of a connection at intensity 0")
    connection_step: Points = _is(0.75, "added to a connection's weight per intensity step")


class Scenario(Strict):
    """A scenario's divider (big number and title) and its two-column text slides."""

    picture_from: Share = _is(0.62, "where the divider's picture starts, share of the slide width")
    number_top: Share = _is(0.12, "the number's band: its top, share of the slide height")
    number_width: Share = _is(0.4, "the number's band: its width, share of the slide width")
    number_height: Share = _is(0.66, "the number's band: its height, share of the slide height")
    title_to_text: Points = _is(26, "text slides: from the title to the columns")


class Program(Strict):
    """The program slide's tables."""

    title_to_tables: Points = _is(34, "from the (longest) title to the tables")
    cell_padding: Points = _is(5, "padding inside each table cell")
    date_extra: Points = _is(4, "added to the widest date for the date column")
    date_width: Share = _is(0.45, "the widest the date column may be, share of the column")
    heading_extra: Points = _is(10, "room under a table's heading line")
    rule_width: Points = _is(0.75, "line weight of the rule under each row")
    columns: Count = _is(3, "tables side by side; more continue on the next slide")


class Trend(Strict):
    """A trend's slide: its picture at the left, title and factors at the right."""

    picture_width: Share = _is(0.46, "the picture's width, share of the slide width")
    title_to_factors: Points = _is(30, "from the title to the factors")


class Offerings(Strict):
    """The offerings' cards in a grid, and the button under them."""

    title_height: Points = _is(90, "room for the title")
    title_to_cards: Points = _is(34, "from the title to the cards")
    card_gap: Points = _is(21, "between cards, across and down")
    card_padding: Points = _is(18, "padding inside each card")
    stripe_width: Points = _is(6, "width of the accent stripe at each card's left")
    button_room: Points = _is(56, "room kept under the cards for the button")
    button_gap: Points = _is(20, "from the cards to the button")
    button_height: Points = _is(36, "height of the button")
    button_padding: Points = _is(48, "added to the button text's width (both sides)")
    cards_per_slide: Count = _is(6, "cards on one slide; more continue on the next")
    columns: Count = _is(3, "the most cards side by side (four cards: two by two)")


class LegendSymbols(Strict):
    """The legend's symbols, drawn as the radar draws what each stands for, in a cell
    legend.symbol_width wide, each beside its entry's first line."""

    dot: Points = _is(10, "the trend's and the concept's dot: its diameter")
    dot_inset: Points = _is(6, "from the cell's left to those dots")
    steps: Count = _is(3, "growing dots (strength) and lines (intensity) the symbols show")
    strength_dot: Points = _is(4, "strength: the first dot's diameter")
    strength_growth: Points = _is(3, "strength: added to the diameter from dot to dot")
    strength_pitch: Points = _is(8, "strength: from one dot's left to the next one's")
    proximity_dot: Points = _is(6, "proximity: the diameter of its two dots")
    proximity_inset: Points = _is(4, "proximity: from the cell's left to the first dot")
    proximity_pitch: Points = _is(8, "proximity: from the first dot's left to the second's")
    proximity_rise: Points = _is(2, "proximity: the dots' top, above the line's middle")
    intensity_pitch: Points = _is(4, "intensity: from line to line")
    intensity_inset: Points = _is(4, "intensity: the lines end this far before the cell's right")
    intensity_width: Points = _is(0.5, "intensity: the first line's weight")
    intensity_step: Points = _is(1, "intensity: added to the weight from line to line")
    ring_inset: Points = _is(4, "from the cell's left to a ring's swatch")
    ring_width: Points = _is(18, "a ring's swatch: its width")
    ring_height: Points = _is(12, "a ring's swatch: its height")


class AddedSlides(Strict):
    """The layout for slides added by hand in PowerPoint ("Titel und Inhalt"): its title
    starts where content slides' titles do (title_block.bar_to_text) and its footer sits
    where theirs does (footer)."""

    title_lines: Factor = _is(2.2, "the title placeholder's height, in title sizes")
    title_to_body: Points = _is(30, "from the title placeholder to the body")
    body_to_footer: Points = _is(30, "from the body to the footer")
    level2_indent: Points = _is(18, "indent of the body's bulleted second level")


class Legibility(Strict):
    """What the contrast check adds where a colour would not stand out."""

    outline_width: Points = _is(1, "least line weight of the outline a shape gets")


class Legal(Strict):
    """The legal notice."""

    text_width: Share = _is(0.72, "width of the text, share of the content width")
    bar_to_text: Points = _is(40, "from the bar's top to the text")


class DossierRadar(Strict):
    """The radar figure: drawing, caption and legend."""

    height: Points = _is(340, "height of the radar drawing")
    to_legend: Points = _is(12, "from the radar drawing to its legend")
    legend_width: Share = _is(0.75, "width of the legend, share of the text width")
    space_before: Points = _is(10, "above the figure")
    caption_to_radar: Points = _is(6, "from the caption to the drawing")


class DossierCover(Strict):
    """The cover page: artwork, a bar, the title, the meta lines at the foot."""

    picture_height: Share = _is(0.56, "the artwork's tallest height, share of the page height")
    picture_to_bar: Points = _is(60, "from the artwork's foot to the bar's foot")
    bar_width: Points = _is(48, "width of the bar above the title")
    bar_height: Points = _is(6, "height of the bar above the title")
    bar_to_title: Points = _is(24, "from the bar's foot to the title")
    title_to_meta: Points = _is(24, "least room between the title and the meta lines")
    meta_lift: Points = _is(10, "the last meta line's foot, above the bottom margin")


class DossierHeadings(Strict):
    """Section bars, kickers and headings, and the running footer."""

    bar_width: Points = _is(40, "width of the colour bar that opens a section")
    bar_height: Points = _is(5, "height of that bar")
    bar_to_text: Points = _is(12, "from the bar to the kicker or heading")
    keep_room: Points = _is(160, "a heading with less room under it starts a new page")
    kicker_to_heading: Points = _is(4, "from a kicker to its heading")
    heading_to_text: Points = _is(18, "from a heading to the text")
    footer_drop: Points = _is(32, "the footer's baseline, below the text area")


class DossierContents(Strict):
    """The contents page."""

    heading_to_list: Points = _is(24, "from the heading to the first entry")
    chapter_space: Points = _is(8, "above each chapter entry")
    section_indent: Points = _is(16, "indent of the entries under a chapter")
    row_gap: Points = _is(1, "under each entry")


class DossierTables(Strict):
    """The ruled lists: the method's steps and the program's dates."""

    rule_width: Points = _is(0.6, "line weight of the rules between rows")
    row_padding: Points = _is(6, "above and below each row's text (program)")
    cell_gap: Points = _is(10, "right of each cell's text")
    step_number_width: Points = _is(80, "the steps' number column")
    step_padding: Points = _is(14, "above and below each step's text")
    date_width: Points = _is(170, "the program's date column")
    heading_space: Points = _is(14, "above each program heading")
    heading_to_table: Points = _is(8, "from a program heading to its table")


class DossierTrend(Strict):
    """A trend card: the picture at the left, bar, title and factors at the right."""

    picture_width: Points = _is(170, "width of the picture")
    picture_height: Points = _is(128, "height of the picture")
    picture_to_text: Points = _is(22, "from the picture to the text")
    bar_to_title: Points = _is(8, "from the bar to the title")
    title_to_factors: Points = _is(8, "from the title to the factors")
    factor_indent: Points = _is(14, "indent of each factor's text after its bullet")
    card_gap: Points = _is(22, "under each card")


class DossierScenario(Strict):
    """A scenario's opener: big number, label and title."""

    number_width: Points = _is(110, "the big number's column")
    heading_lift: Points = _is(6, "space under the big number and the heading")
    label_to_title: Points = _is(4, "from the label to the title")
    space_before: Points = _is(30, "above an opener that does not start a page")
    opener_to_text: Points = _is(18, "from the opener to the text")


class DossierCards(Strict):
    """The offerings' cards (two per row) and the button."""

    stripe_width: Points = _is(4, "width of the accent stripe at each card's left")
    gap: Points = _is(8, "between cards, across and down")
    padding_side: Points = _is(14, "left and right inside a card")
    padding_top: Points = _is(12, "above a card's text")
    padding_bottom: Points = _is(16, "below a card's text")
    title_to_text: Points = _is(4, "from a card's title to its text")
    to_button: Points = _is(10, "from the cards to the button")
    button_padding: Points = _is(16, "left and right inside the button")
    button_extra: Points = _is(34, "added to the button text's width")


class DossierCallout(Strict):
    """The call to action: big type on a colour panel."""

    keep_room: Points = _is(260, "with less room left on the page it starts a new one")
    space: Points = _is(30, "above and below the panel")
    padding_left: Points = _is(28, "left inside the panel")
    padding_top: Points = _is(30, "above the text")
    padding_bottom: Points = _is(36, "below the text")


class Dossier(Strict):
    """The A4 dossier, by its parts."""

    cover: DossierCover = unvalidated(DossierCover)
    headings: DossierHeadings = unvalidated(DossierHeadings)
    contents: DossierContents = unvalidated(DossierContents)
    tables: DossierTables = unvalidated(DossierTables)
    radar: DossierRadar = unvalidated(DossierRadar)
    trend: DossierTrend = unvalidated(DossierTrend)
    scenario: DossierScenario = unvalidated(DossierScenario)
    cards: DossierCards = unvalidated(DossierCards)
    callout: DossierCallout = unvalidated(DossierCallout)
    qr: Points = _is(62, "width of a printed link's QR code, its quiet zone left out (22 mm)")


class Sizes(Strict):
    """All layout sizes, by the part of the deck they shape."""

    text: Text = unvalidated(Text)
    title_block: TitleBlock = unvalidated(TitleBlock)
    footer: Footer = unvalidated(Footer)
    title_slide: TitleSlide = unvalidated(TitleSlide)
    divider: Divider = unvalidated(Divider)
    method: Method = unvalidated(Method)
    radar_slide: RadarSlide = unvalidated(RadarSlide)
    legend: Legend = unvalidated(Legend)
    legend_symbols: LegendSymbols = unvalidated(LegendSymbols)
    radar: Radar = unvalidated(Radar)
    scenario: Scenario = unvalidated(Scenario)
    program: Program = unvalidated(Program)
    trend: Trend = unvalidated(Trend)
    offerings: Offerings = unvalidated(Offerings)
    legal: Legal = unvalidated(Legal)
    added_slides: AddedSlides = unvalidated(AddedSlides)
    legibility: Legibility = unvalidated(Legibility)
    dossier: Dossier = unvalidated(Dossier)
