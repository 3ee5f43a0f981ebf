"""Every size and gap the layout uses, grouped as a designer sees a slide: ``sizes:`` in
theme.yaml. Lengths are points (1/72 inch); a share is a fraction (0–1) of what its
description names; a factor multiplies a type size. Each default is the value the layout
had before it moved here; theme.yaml overrides any of them, key by key."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

#: A length in points: never negative, never more than a wall poster.
Points = Annotated[float, Field(ge=0, le=5000)]
#: A fraction of a width, height or radius that the key's description names.
Share = Annotated[float, Field(ge=0, le=1)]
#: A multiple of a type size (how far, in label sizes, and how large, relative to labels).
Factor = Annotated[float, Field(gt=0, le=10)]


class Strict(BaseModel):
    """Frozen, and an unknown key is an error (with a "did you mean")."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)


def _is(default: Any, what: str) -> Any:
    """A field's default and the line an editor shows for it (the JSON Schema's description)."""
    return Field(default, description=what)


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
    title_height: Share = _is(0.5, "the title's height: share of the slide height less "
                                   "the margin")


class Divider(Strict):
    """Section dividers and the call to action: a full-colour slide, a bar, big type."""

    bar_width: Points = _is(96, "width of the bar above the big type")
    bar_height: Points = _is(10, "height of the bar above the big type")
    bar_to_text: Points = _is(34, "from the bar's top to the big type")
    section_top: Share = _is(0.36, "section divider: the bar's top, share of the slide height")
    section_height: Share = _is(0.45, "section divider: the type's height, share of the "
                                      "slide height")
    cta_top: Share = _is(0.22, "call to action: the bar's top, share of the slide height")
    cta_height: Share = _is(0.6, "call to action: the type's height, share of the slide height")


class Method(Strict):
    """The method's steps, side by side under a rule."""

    title_to_steps: Points = _is(48, "from the title to the rule above the steps")
    rule_width: Points = _is(1, "line weight of the rule above each step")
    rule_to_number: Points = _is(14, "from the rule to the step's number")
    number_height: Points = _is(70, "room for the step's number")
    number_to_text: Points = _is(18, "from the number to the step's text")


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
    segment_label_width: Share = _is(0.7, "a wider segment name takes two lines; share "
                                          "of the radius")
    trend_label_width: Share = _is(0.55, "a wider trend name takes two lines; share of the "
                                         "radius")
    label_extra_width: Points = _is(1, "added to each label's measured width")
    label_gap: Points = _is(1, "least space between a label and other labels or dots")
    dot_margin: Points = _is(1, "labels keep this far from a dot's edge (besides label_gap)")
    label_distances: Annotated[tuple[Points, ...], Field(min_length=1, max_length=20)] = _is(
        (2.0, 6.0, 12.0, 20.0, 30.0), "distances from a dot tried in turn for its label")
    centre_clearance: Share = _is(0.35, "inner-ring dots keep this share of a ring's width "
                                        "off the centre")
    stagger: Share = _is(0.22, "dots sharing a cell step in and out by this share of a ring")
    dot_size: Share = _is(0.014, "a dot's radius at strength 0, share of the radar's radius")
    dot_size_step: Share = _is(0.007, "added to a dot's radius per strength step, share of "
                                      "the radius")
    line_width: Points = _is(0.75, "line weight of rings, segment lines and dot outlines")
    concept_outline: Points = _is(1.5, "outline weight of a trend concept's open dot")
    connection_width: Points = _is(0.5, "weight of a connection at intensity 0")
    connection_step: Points = _is(0.75, "added to a connection's weight per intensity step")


class Scenario(Strict):
    """A scenario's divider (big number and title) and its two-column text slides."""

    picture_from: Share = _is(0.62, "where the divider's picture starts, share of the "
                                    "slide width")
    number_top: Share = _is(0.12, "the number's band: its top, share of the slide height")
    number_width: Share = _is(0.4, "the number's band: its width, share of the slide width")
    number_height: Share = _is(0.66, "the number's band: its height, share of the slide "
                                     "height")
    title_to_text: Points = _is(26, "text slides: from the title to the columns")


class Program(Strict):
    """The program slide's tables."""

    title_to_tables: Points = _is(34, "from the (longest) title to the tables")
    cell_padding: Points = _is(5, "padding inside each table cell")
    date_extra: Points = _is(4, "added to the widest date for the date column")
    date_width: Share = _is(0.45, "the widest the date column may be, share of the column")
    heading_extra: Points = _is(10, "room under a table's heading line")


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


class Legal(Strict):
    """The legal notice."""

    text_width: Share = _is(0.72, "width of the text, share of the content width")
    bar_to_text: Points = _is(40, "from the bar's top to the text")


class DossierRadar(Strict):
    """The radar figure in the A4 dossier."""

    height: Points = _is(340, "height of the radar drawing")
    to_legend: Points = _is(12, "from the radar drawing to its legend")
    legend_width: Share = _is(0.75, "width of the legend, share of the text width")


class Sizes(Strict):
    """All layout sizes, by the part of the deck they shape."""

    title_block: TitleBlock = TitleBlock()
    footer: Footer = Footer()
    title_slide: TitleSlide = TitleSlide()
    divider: Divider = Divider()
    method: Method = Method()
    radar_slide: RadarSlide = RadarSlide()
    legend: Legend = Legend()
    radar: Radar = Radar()
    scenario: Scenario = Scenario()
    program: Program = Program()
    trend: Trend = Trend()
    offerings: Offerings = Offerings()
    legal: Legal = Legal()
    dossier_radar: DossierRadar = DossierRadar()
