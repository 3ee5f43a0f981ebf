"""Text measurement from the font files the PDF embeds, shared by every layout.

Both renderers place text that this module has measured, so a box that fits here fits
in the PPTX (with exact line spacing) and in the PDF.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..theme_plain import FallbackFiles
from . import linebreak
from .font_facts import FontFacts, FontFactsCache, at_size
from .hyphenate import Hyphenator

if TYPE_CHECKING:  # the PDF process gets a plain theme (theme_plain.py), no pydantic
    from ..theme import Theme

#: Fonts that ship with deckbuilder: the fallback's files (Liberation Sans, SIL OFL).
PACKAGED_FONTS = Path(__file__).parents[1] / "fonts"
#: The widths of the widest common fallback, DejaVu Sans (tools/make_wide_widths.py).
WIDE_FALLBACK = PACKAGED_FONTS / "wide-fallback.json"


@lru_cache(maxsize=1)
def _wide_faces() -> dict[str, tuple[dict[int, float], float]]:
    """DejaVu Sans's advances by face slot (regular, bold, italic, bold_italic)."""
    import json

    faces = json.loads(WIDE_FALLBACK.read_text("utf-8"))["faces"]
    return {slot: ({int(code): w for code, w in face["widths"].items()}, face["default"])
            for slot, face in faces.items()}


def font_directories(project: Path | None = None) -> list[Path]:
    """Where font files are looked up: the project's assets/fonts, the font package, then
    the fonts shipped with deckbuilder (never the fonts installed on the machine)."""
    import font_source_sans_pro

    dirs = [Path(font_source_sans_pro.font_directory), PACKAGED_FONTS]
    if project is not None:
        dirs.insert(0, project / "assets" / "fonts")
    return dirs


def find_font_file(name: str, project: Path | None = None) -> Path | None:
    for folder in font_directories(project):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=64)
def _register(path: str) -> str:
    """Registers a TTF with reportlab once per process (for the PDFs) under a name
    derived from its file."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = Path(path).stem
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path))
    return name


@dataclass(frozen=True)
class Word:
    """A word (or a piece of one) and the face it is set in; ``space`` is True when a space
    precedes it; ``run`` and ``offset`` say where in its paragraph's runs it starts."""

    text: str
    face: str
    space: bool = True
    run: int = 0
    offset: int = 0


class Measurer:
    """Widths and line breaks for a theme's faces, in points."""

    def __init__(self, theme: Theme, project: Path | None = None,
                 splits: linebreak.Splits | None = None, *,
                 cache: Path | None = None) -> None:
        """``cache``: the folder where the fonts' widths and licence bits are kept
        (font_facts.py; ``save_fonts`` keeps what was read anew). Widths are read when
        first needed: a measurer that only names fonts for the PDF (``font_name``)
        parses no fallback."""
        self.theme = theme
        self._facts = FontFactsCache(cache)
        # German split points for words too wide for a line; pyphen loads on first use.
        self.splits = splits if splits is not None else Hyphenator(None)
        self.paths: dict[str, Path] = {}  # each face's font file
        self.fallback_paths: dict[str, Path] = {}  # each face's fallback (none: empty)
        for key, face in theme.faces.items():
            path = find_font_file(face.file, project)
            if path is None:
                raise FileNotFoundError(face.file)
            self.paths[key] = path
            if theme.fallback is not None:
                # The fallback's face is chosen by the face's bold and italic flags, as a
                # renderer that lacks the family picks it from the run's b and i (a Black
                # family, b="0", is drawn in the fallback's regular).
                file = theme.fallback.file(face.bold, face.italic)
                fallback = find_font_file(file, project)
                if fallback is None:
                    raise FileNotFoundError(file)
                self.fallback_paths[key] = fallback
        self._known: dict[Path, FontFacts] = {}
        self._widths: dict[tuple[str, str, float], float] = {}
        self._advances: dict[tuple[str, str], tuple[float, float | None]] = {}
        self._wide = False
        self._own = False
        self._wide_advances: dict[tuple[str, str], float] = {}

    def widened(self) -> Measurer:
        """This measurer, also measuring in DejaVu Sans, the widest fallback a viewer
        commonly draws (most Linux desktops): for what a viewer does not shrink or wrap
        when it draws wider, a slide's titles and radar labels, and for the words of every
        line (``wrap``'s ``alone``). Shares what was read and summed with this one."""
        wide = copy.copy(self)
        vars(wide).update(_wide=True, _widths={})  # the copy's own widths: they differ
        return wide

    def own(self) -> Measurer:
        """This measurer in the deck's own faces only, without the fallback: for what a
        viewer grows to its text (a table's rows), drawn tight in the deck's fonts, with
        room kept for wider ones by measuring it ``widened`` too."""
        narrow = copy.copy(self)
        vars(narrow).update(_own=True, _widths={})
        return narrow

    def _wide_advance(self, shown: str, face: str) -> float:
        key = (shown, face)
        known = self._wide_advances.get(key)
        if known is None:
            own = self.theme.faces[face]
            widths, default = _wide_faces()[FallbackFiles.slot(own.bold, own.italic)]
            known = self._wide_advances[key] = sum(widths.get(ord(ch), default) for ch in shown)
        return known

    def facts(self, path: Path) -> FontFacts:
        """What was read from one of the theme's font files, read once (content/font_licence.py
        checks that each is readable and may travel inside the deck before anything is
        measured)."""
        known = self._known.get(path)
        if known is None:
            known = self._known[path] = self._facts.facts(path)
        return known

    def save_fonts(self) -> None:
        """Keeps the facts of font files read anew in the cache, for the next build."""
        self._facts.save()

    def font_name(self, face: str) -> str:
        """The reportlab font name registered for a theme face (registered here)."""
        return _register(str(self.paths[face]))

    def common_characters(self) -> set[int]:
        """Code points that every face of the theme can show."""
        sets = [set(self.facts(path).chars) for path in self.paths.values()]
        return set.intersection(*sets) if sets else set()

    def width(self, text: str, face: str, size: float) -> float:
        """The wider of the deck's face and its fallback: text measured so fits both.
        Soft hyphens are invisible inside a line; a line ending at one measures its "-".
        Kept per word, face and size, and the sizeless sums per word and face: layout
        measures the same words at every scale it tries, and two fonts cost twice. The
        width at a size is reportlab's expression (font_facts.at_size) on the kept
        sums, so it is the same float."""
        key = (text, face, size)
        known = self._widths.get(key)
        if known is not None:
            return known
        sums = self._advances.get((text, face))
        if sums is None:
            shown = linebreak.visible(text)
            fallback = self.fallback_paths.get(face)
            sums = self._advances[(text, face)] = (
                self.facts(self.paths[face]).advance(shown),
                None if fallback is None else self.facts(fallback).advance(shown))
        width = at_size(sums[0], size)
        if sums[1] is not None and not self._own:
            width = max(width, at_size(sums[1], size))
        if self._wide:
            width = max(width, at_size(self._wide_advance(linebreak.visible(text), face), size))
        self._widths[key] = float(width)
        return float(width)

    def wrap(self, words: Sequence[Word], size: float, width: float,
             max_lines: int | None = None, hyphenate: bool = True,
             alone: Measurer | None = None) -> list[list[Word]]:
        """Greedy line breaking at spaces, as PowerPoint and LibreOffice do, and inside a
        word too wide for a line at its hyphens and German split points (linebreak.py);
        stops after ``max_lines`` complete lines when given. ``hyphenate=False`` breaks long
        words at their hyphens only. ``alone`` measures each word (and each piece of a
        broken one) again: a viewer drawing a wider font wraps lines at spaces, but breaks
        a word wider than the line anywhere, without a hyphen.

        Raises ``WordTooWide`` for a word that cannot fit even when split.
        """
        limit = width * self.theme.fit.width_safety
        by_word = None if alone is None else (
            lambda text, face: alone.width(text, face, size))  # noqa: E731
        try:
            return linebreak.wrap(words, lambda text, face: self.width(text, face, size),  # type: ignore[arg-type,return-value]
                                  limit, self.splits if hyphenate else None, max_lines,
                                  by_word)
        except linebreak.TooWide as exc:
            raise WordTooWide(exc.word, exc.width, limit) from None


class WordTooWide(Exception):
    """A single word wider than its box: no wrapping or continuation can help."""

    def __init__(self, word: str, width: float, limit: float) -> None:
        super().__init__(word)
        self.word = word
        self.width = width
        self.limit = limit
