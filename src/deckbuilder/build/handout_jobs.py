"""The handouts' writers for a build: which of them it writes, and what each is given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..content.model import Loaded
from ..layout.handout_plan import closing_of
from ..layout.plan import DeckPlan
from ..render.images import ImageStore
from ..theme import portable
from .aside_jobs import HandoutWriter


def handout_writers(loaded: Loaded, plan: DeckPlan, when: tuple[dt.datetime, dt.date],
                    root: Path, out: Path, formats: tuple[str, ...], store: ImageStore,
                    plain: bool) -> dict[Path, Callable[[Path], str]]:
    """The handout (``handout`` or ``handout-N``: N slides a page) and the notes pages,
    as asked, or as deck.yaml's ``handouts:`` asks of a ``plain`` build (no --format).
    ``when``: the build's timestamp and its today."""
    stamp, today = when
    name = loaded.project.deck.name
    wanted = list(formats)
    if plain:
        wanted += loaded.project.deck.handouts
    found: dict[Path, Callable[[Path], str]] = {}
    for fmt in wanted:
        kind, _, count = fmt.partition("-")
        if kind not in ("handout", "notes"):
            continue
        writer = HandoutWriter(plan, portable(loaded.theme), root, store, stamp,
                               kind, int(count or 3),
                               closing_of(loaded, today) if kind == "handout" else None)
        # Both in the second process, one after the other, as a batch after the dossier
        # (write_all_atomically): the second draws the slides' paragraphs as the first
        # set them (render/pdf/draw.py).
        found[out / f"{name}-{kind}.pdf"] = writer
    return found
