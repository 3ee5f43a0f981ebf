"""The fonts' measurer kept from one edition's build for the next in the same process.

``build --all-editions`` builds edition after edition in each worker process; editions
that share the theme and the names never hyphenated measure every word alike, so the
worker keeps their Measurer (its widths, line breaks and German word splits learned so
far) instead of learning them again (0.05-0.1 s an edition). Kept only in those workers
(``keep_measurers``): a command that builds once, or watches and rebuilds, makes its own.
The key holds everything a Measurer is made from, the font files in assets/fonts/ by
size and time of change among them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..text.hyphenate import Hyphenator
from ..text.measure import Measurer
from ..theme import Theme

_KEPT: dict[tuple[Any, ...], Measurer] = {}
_ON: list[bool] = []


def keep_measurers() -> None:
    """From now on this process reuses a measurer made for the same inputs."""
    _ON[:] = [True]


def measurer(theme: Theme, root: Path, names: frozenset[str], cache: Path | None) -> Measurer:
    """A Measurer for ``theme`` in project ``root`` that never hyphenates ``names``;
    raises FileNotFoundError for a font file that is not there."""
    if not _ON:
        return Measurer(theme, root, Hyphenator(cache, names=names), cache=cache)
    fonts = root / "assets" / "fonts"
    stats = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns)
                   for p in fonts.glob("*") if p.is_file()) if fonts.is_dir() else []
    key = (str(root.resolve()), theme.model_dump_json(), tuple(sorted(names)), str(cache),
           tuple(stats))
    if key not in _KEPT:
        _KEPT.clear()  # one theme at a time is what editions share
        _KEPT[key] = Measurer(theme, root, Hyphenator(cache, names=names), cache=cache)
    return _KEPT[key]
