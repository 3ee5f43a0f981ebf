"""The theme as plain objects, for the PDF process, and the methods both forms share.

That process only reads a theme it is handed. As theme.py's pydantic models it had to
import pydantic and build the theme's 40 model classes first: 0.16-0.18 s of its 0.5 s of
imports, on the lane that ends the build as often as the deck's does. theme.py hands it
these objects instead (``portable``): the same attribute names and values, and the same
methods, defined once here and inherited by the models too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any


class PageShape:
    """A page's derived sizes (theme.Page)."""

    if TYPE_CHECKING:  # declared for the type checker only: pydantic would take them as
        width: float   # fields of the models and reorder theirs
        height: float
        left: float
        right: float
        top: float
        bottom: float

    @property
    def content_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def content_height(self) -> float:
        return self.height - self.top - self.bottom


class FallbackFiles:
    """Which file of the fallback font serves a face (theme.Fallback)."""

    def file(self, bold: bool, italic: bool) -> str:
        """The fallback's file for a face of this weight and slant."""
        return str(getattr(self, self.slot(bold, italic)))

    @staticmethod
    def slot(bold: bool, italic: bool) -> str:
        """The key (in theme.yaml's ``fallback:``) of the file for this weight and slant."""
        if bold:
            return "bold_italic" if italic else "bold"
        return "italic" if italic else "regular"


class Palette:
    """Colours and type styles by name (theme.ThemeCore)."""

    if TYPE_CHECKING:  # for the type checker only, as in PageShape
        colors: dict[str, str]
        styles: dict[str, Any]

    def color(self, name: str) -> str:
        """The hex value (RRGGBB) of a palette colour, or of "#RRGGBB": a variant of one
        that the layout derived to keep text readable (layout/legible.py)."""
        if name.startswith("#"):
            return name[1:].upper()
        return self.colors[name].upper()

    def style(self, name: str) -> Any:
        return self.styles[name]


class RadarNames:
    """The radar's colours set in theme.yaml (theme.RadarColors)."""

    if TYPE_CHECKING:  # for the type checker only, as in PageShape
        centre: str | None
        rings: list[str]
        lines: str | None

    def named(self) -> dict[str, str]:
        """Each colour set, by its place in theme.yaml's ``radar:`` (``centre``,
        ``rings[1]``), for messages located at its line."""
        found = {f"rings[{i}]": c for i, c in enumerate(self.rings)}
        if self.centre is not None:
            found["centre"] = self.centre
        if self.lines is not None:
            found["lines"] = self.lines
        return found


class Plain:
    """A validated model's values as attributes; frozen, as the models are."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.__dict__!r})"


class PlainPage(Plain, PageShape):
    pass


class PlainFallback(Plain, FallbackFiles):
    pass


class PlainTheme(Plain, Palette):
    pass


class PlainRadar(Plain, RadarNames):
    pass
