"""Whether the deck's font files may travel inside it: their OS/2 fsType licence bits.

Checked when the fonts are first opened (measure.py), so a forbidden font is reported with
every other content problem, at its line in theme.yaml, before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from . import sourcemap
from .eot import embedding_allowed
from .errors import Diagnostic, Location, error
from .font_facts import facts
from .theme import Theme


def embedding_problems(theme: Theme, paths: dict[str, Path], root: Path | None,
                       cache: Path | None = None) -> list[Diagnostic]:
    """A located error for each face whose fsType forbids embedding in an editable deck
    (nothing when theme.yaml says ``embed_fonts: false``); ``cache`` as in font_facts."""
    if not theme.embed_fonts:
        return []
    problems = []
    for key, path in paths.items():
        bits = facts(path.read_bytes(), cache).fs_type
        if not embedding_allowed(bits):
            problems.append(error(
                _where(root, key),
                f"the font '{path.name}' may not be embedded in an editable deck "
                f"(its licence bits fsType={bits:#06x})",
                "use a font that allows embedding, or set 'embed_fonts: false' in "
                "theme.yaml and install the font on every presenting computer"))
    return problems


def _where(root: Path | None, key: str) -> Location:
    """The place of ``faces: <key>: file:`` in theme.yaml."""
    rel = "content/theme.yaml"
    if root is None or not (root / rel).is_file():
        return Location(rel)
    text = sourcemap.decode((root / rel).read_bytes(), rel)
    _, smap = sourcemap.parse(text, rel)
    return smap.locate(("faces", key, "file"))  # type: ignore[arg-type]
