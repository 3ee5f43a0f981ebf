"""Whether the deck's font files can be read, and may travel inside it (their OS/2
fsType licence bits).

Checked when the build first opens the fonts (check_fonts), so a damaged or forbidden font is
reported with every other content problem, at its line in theme.yaml, before anything is
written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ContentError, Diagnostic, Location, error
from ..text.eot import embedding_allowed
from ..text.measure import Measurer
from ..theme import Fallback, Theme
from . import sourcemap


def unreadable(theme: Theme, paths: dict[str, Path], fallbacks: dict[str, Path],
               root: Path | None, read: Callable[[Path], object]) -> list[Diagnostic]:
    """A located error for each face or fallback file that ``read`` cannot read: a file
    that is no TrueType font (renamed, damaged, half downloaded) made a traceback."""
    places: dict[Path, tuple[str, ...]] = {}
    for key, path in fallbacks.items():
        face = theme.faces[key]
        places.setdefault(path, ("fallback", Fallback.slot(face.bold, face.italic)))
    for key, path in paths.items():
        places[path] = ("faces", key, "file")  # a face's own line before the fallback's
    problems = []
    for path, place in places.items():
        try:
            read(path)
        except Exception:  # reportlab, fontTools and struct each raise their own
            shown = path.relative_to(root).as_posix() if root is not None and \
                path.is_relative_to(root) else path.name
            problems.append(error(
                _where(root, place), f"the font file '{shown}' is not a readable TrueType "
                "font (damaged, cut short, or another kind of file)",
                "replace it with the font's .ttf file as its maker ships it"))
    return problems


def embedding_problems(theme: Theme, paths: dict[str, Path], root: Path | None,
                       fs_type: Callable[[Path], int]) -> list[Diagnostic]:
    """A located error for each face whose ``fs_type`` forbids embedding in an editable
    deck (nothing when theme.yaml says ``embed_fonts: false``)."""
    if not theme.embed_fonts:
        return []
    problems = []
    for key, path in paths.items():
        bits = fs_type(path)
        if not embedding_allowed(bits):
            problems.append(error(
                _where(root, ("faces", key, "file")),
                f"the font '{path.name}' may not be embedded in an editable deck "
                f"(its licence bits fsType={bits:#06x})",
                "use a font that allows embedding, or set 'embed_fonts: false' in "
                "theme.yaml and install the font on every presenting computer"))
    return problems


def _where(root: Path | None, place: tuple[str, ...]) -> Location:
    """The place of a key in theme.yaml, e.g. ``("faces", "body", "file")``."""
    return sourcemap.locate_in(root, "content/theme.yaml", place)


def check_fonts(theme: Theme, measurer: Measurer, root: Path) -> None:
    """Raises ContentError when a face or fallback file cannot be read or may not travel
    inside the deck. The build calls it right after making its measurer, while the files
    are open, before anything is measured; the PDF process's measurer is not checked
    again (that would import fontTools there only to repeat it)."""
    problems = unreadable(theme, measurer.paths, measurer.fallback_paths, root, measurer.facts)
    if problems:
        raise ContentError(problems)
    problems = embedding_problems(theme, measurer.paths, root,
                                  lambda path: measurer.facts(path).fs_type)
    if problems:
        raise ContentError(problems)
