"""Messages that print on any console, whatever its code page.

A Windows console redirected to a file or pipe, or set with PYTHONIOENCODING, writes in a
legacy code page (cp1252, cp850) that lacks „ “ – ₂ or even umlauts. Instead of a
UnicodeEncodeError, each such character is written as its nearest plain form: ₂ as 2,
„ “ as ", – as -, and anything else as ?.
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata

HANDLER = "deckbuilder-plain"

#: Characters with no compatibility decomposition that a plain form reads well for.
PLAIN = {"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-",
         "…": "...", "•": "*", "«": '"', "»": '"', "‹": "'", "›": "'", "ß": "ss"}


def _plain(char: str, encoding: str) -> str:
    """The nearest form of ``char`` that ``encoding`` can write."""
    for candidate in (unicodedata.normalize("NFKC", char), PLAIN.get(char, ""),
                      unicodedata.normalize("NFKD", char)[:1]):
        if not candidate or candidate == char:
            continue
        try:
            candidate.encode(encoding)
        except UnicodeEncodeError:
            continue
        return candidate
    return "?"


def _replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object[exc.start:exc.end]
    return "".join(_plain(char, exc.encoding) for char in text), exc.end


def make_safe(*streams: object) -> None:
    """Lets ``streams`` (default: stdout and stderr) write any text: characters their
    encoding lacks are replaced by plain ones instead of raising."""
    try:
        codecs.lookup_error(HANDLER)
    except LookupError:
        codecs.register_error(HANDLER, _replace)
    for stream in streams or (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors=HANDLER)
