"""Finding phrases of another language in a text: for PowerPoint's proofing language per
run and the PDFs' /Lang per structure element (layout/languages.py says which phrases).

Here, below the content model, so the PDF process, which imports no pydantic, can use it.
"""

from __future__ import annotations

import re
from functools import cache

#: A phrase and its language tag, the longest phrases first (so "OPEN SOURCE AI" wins
#: over a shorter phrase inside it).
Foreign = tuple[tuple[str, str], ...]


@cache
def _pattern(foreign: Foreign) -> re.Pattern[str] | None:
    if not foreign:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p, _ in foreign),
                      re.IGNORECASE)  # "Future Circle" is also FUTURE CIRCLE in a title


@cache
def _langs(foreign: Foreign) -> dict[str, str]:
    """Each phrase's language by the phrase in any case: made once per deck, not per
    text (the PDFs ask for every paragraph)."""
    return {p.casefold(): lang for p, lang in foreign}


def split(text: str, foreign: Foreign) -> list[tuple[str, str | None]]:
    """``text`` in pieces, each with its language (None: the deck's own)."""
    pattern = _pattern(foreign)
    if pattern is None:
        return [(text, None)]
    langs = _langs(foreign)
    folded = text.casefold()
    if not any(phrase in folded for phrase in langs):
        return [(text, None)]  # most texts name no phrase: no pattern to run
    pieces: list[tuple[str, str | None]] = []
    start = 0
    for match in pattern.finditer(text):
        if match.start() > start:
            pieces.append((text[start:match.start()], None))
        pieces.append((match.group(), langs[match.group().casefold()]))
        start = match.end()
    if start < len(text) or not pieces:
        pieces.append((text[start:], None))
    return pieces


def language_of(text: str, foreign: Foreign) -> str | None:
    """The language of a whole text when all of it is one marked phrase (a trend's name
    as a heading), else None."""
    pieces = [(t, lang) for t, lang in split(" ".join(text.split()), foreign) if t.strip()]
    return pieces[0][1] if len(pieces) == 1 else None
