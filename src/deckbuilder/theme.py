"""The theme: palette, fonts, type scale and geometry, all in points, from theme.yaml."""

from __future__ import annotations

import re
from typing import Annotated, Any, cast

from pydantic import BaseModel, Field, model_validator

from .theme_plain import (
    FallbackFiles,
    PageShape,
    Palette,
    Plain,
    PlainFallback,
    PlainPage,
    PlainRadar,
    PlainTheme,
    RadarNames,
)
from .theme_sizes import Points, Sizes, unvalidated
from .theme_sizes import Strict as _Strict

Hex = Annotated[str, Field(pattern=r"^[0-9A-Fa-f]{6}$")]
HEX = re.compile(r"[0-9A-Fa-f]{6}")


class Page(_Strict, PageShape):
    """A page or slide size and its margins, in points (1/72 inch)."""

    width: Points
    height: Points
    left: Points
    right: Points
    top: Points
    bottom: Points


class Face(_Strict):
    """One font file and how a PPTX names it (family plus bold/italic flags)."""

    file: str
    family: str
    bold: bool = False
    italic: bool = False


class TextStyle(_Strict):
    """A named type style; size in points, leading as a multiple of the size."""

    face: str
    size: Annotated[float, Field(gt=0, le=400)]
    leading: Annotated[float, Field(ge=0.8, le=3)] = 1.2
    color: str = "ink"
    space_before: Points = 0
    can_shrink: bool = True


class Fit(_Strict):
    """How far text may shrink before it moves on, and how much width we keep in reserve."""

    min_scale: Annotated[float, Field(gt=0.5, le=1)] = 0.85
    width_safety: Annotated[float, Field(gt=0.8, le=1)] = 0.96


class Pictures(_Strict):
    """Pictures are resampled to this density at their placed size (pixels per inch)."""

    ppi: Annotated[float, Field(ge=72, le=600)] = 200
    print_ppi: Annotated[float, Field(ge=72, le=600)] = 250  # the A4 dossier
    jpeg_quality: Annotated[int, Field(ge=40, le=100)] = 85


class Fallback(_Strict, FallbackFiles):
    """The font drawn where the deck's own is missing and the embedded copy is not used
    (Google Slides, Keynote, older LibreOffice): every line is measured in both and the
    wider counts, so text fits in either. Default: Liberation Sans, metric-compatible
    with Arial (what PowerPoint and Keynote substitute); its files ship with deckbuilder."""

    family: str = "Liberation Sans"
    regular: str = "LiberationSans-Regular.ttf"
    bold: str = "LiberationSans-Bold.ttf"
    italic: str = "LiberationSans-Italic.ttf"
    bold_italic: str = "LiberationSans-BoldItalic.ttf"


class Template(_Strict):
    """A corporate .pptx whose masters and layouts the deck uses (inside the project)."""

    file: str
    layout: str | None = None  # default: a title-only layout, else the first blank one
    layouts: dict[str, str] = {}  # slide kind -> template layout name (default: by name)


class RadarColors(_Strict, RadarNames):
    """The radar's own colours, each a palette name or RRGGBB; what is left out is derived
    from the palette (layout/radar_colors.py) so that its labels stay readable."""

    centre: str | None = None  # the innermost ring (derived: the accent)
    rings: list[str] = []  # the other rings, inside out, repeated (derived: paper, tint)
    lines: str | None = None  # rings' outlines and the axes (derived: rule)


#: The slots of a PowerPoint colour scheme that ``scheme:`` may fill with palette names.
SCHEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4",
                "accent5", "accent6", "hlink", "folHlink")


class ThemeCore(_Strict, Palette):
    """The theme without its layout sizes: what the loader validates when theme.yaml's
    ``sizes:`` are left out or all defaults (load.py), so a build need not build the
    validators of Sizes' 150 fields (0.2 s) only to check their defaults."""

    slide: Page
    page: Page
    gutter: Points
    faces: dict[str, Face]
    colors: dict[str, Hex]
    styles: dict[str, TextStyle]
    fit: Fit = unvalidated(Fit)  # no validators built on import (theme_sizes.py)
    pictures: Pictures = unvalidated(Pictures)
    template: Template | None = None
    scheme: dict[str, str] = {}  # PowerPoint colour-scheme slot -> palette name
    embed_fonts: bool = True  # the deck's faces travel inside the PPTX
    fallback: Fallback | None = unvalidated(Fallback)  # None: the deck's faces only
    radar: RadarColors = RadarColors()

    @model_validator(mode="after")
    def _references_exist(self) -> ThemeCore:
        for name, style in self.styles.items():
            if style.face not in self.faces:
                raise ValueError(f"style '{name}' names the unknown face '{style.face}'")
            if style.color not in self.colors:
                raise ValueError(f"style '{name}' names the unknown colour '{style.color}'")
        for slot, name in self.scheme.items():
            if slot not in SCHEME_SLOTS:
                raise ValueError(f"'{slot}' is not a colour-scheme slot (one of: "
                                 + ", ".join(SCHEME_SLOTS) + ")")
            if name not in self.colors:
                raise ValueError(f"scheme slot '{slot}' names the unknown colour '{name}'")
        for key, value in self.radar.named().items():
            if value not in self.colors and not HEX.fullmatch(value):
                raise ValueError(f"radar {key} '{value}' is neither a colour of the palette "
                                 "nor RRGGBB")
        for needed in ("ink", "paper", "accent", "muted"):
            if needed not in self.colors:
                raise ValueError(f"the palette needs a colour named '{needed}'")
        return self

    def style(self, name: str) -> TextStyle:
        return self.styles[name]


class Theme(ThemeCore):
    """theme.yaml: palette, fonts, type styles, page geometry and every layout size."""

    sizes: Sizes = unvalidated(Sizes)  # every gap and size of the layout (theme_sizes.py)


def are_defaults(data: Any) -> bool:
    """Whether theme.yaml's ``sizes:`` says exactly what the defaults say, as the theme of
    ``deckbuilder new`` does, so validating it would give the defaults (load.py skips
    that). Values come as YAML's text: "20" or "20.0" is 20, anything else is left to
    the validators."""
    return _same(data, unvalidated(Sizes))


def _same(data: Any, default: Any) -> bool:
    if isinstance(default, BaseModel):
        return isinstance(data, dict) and data.keys() <= type(default).model_fields.keys() \
            and all(_same(value, getattr(default, key)) for key, value in data.items())
    if isinstance(default, tuple):
        return isinstance(data, list) and len(data) == len(default) \
            and all(_same(value, item) for value, item in zip(data, default, strict=True))
    whole = float(default).is_integer()  # a Count: int.is_integer is 3.12's
    forms = {str(default), str(int(default))} if whole else {str(default)}
    return data in forms if isinstance(data, str) else False


#: The plain class (theme_plain.py) that stands for each model with methods; Plain for the rest.
_PLAIN: dict[type[BaseModel], type[Plain]] = {Page: PlainPage, Fallback: PlainFallback,
                                              ThemeCore: PlainTheme, Theme: PlainTheme,
                                              RadarColors: PlainRadar}


def portable(theme: Theme) -> Theme:
    """The theme as plain objects with the same attributes and methods, for the PDF
    process: unpickling them imports neither pydantic nor this module (theme_plain.py
    says why). Typed as the Theme it stands for, which is all its readers see of it."""
    return cast(Theme, _plain(theme))


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        kind = _PLAIN.get(type(value), Plain)
        return kind({name: _plain(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_plain(item) for item in value)
    return value
