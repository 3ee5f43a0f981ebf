"""German hyphenation points, remembered between builds.

pyphen parses its 1 MB German pattern file in pure Python (about 0.5 s on this machine)
before it can split a single word, while a dossier asks for a few dozen words: its patterns
are read on demand instead (hyph_patterns.py, 0.1 s). The splits
found for each word are kept in the output folder's cache, named after the language and the
pyphen version, so a rebuild loads the dictionary only when it meets a word it has not seen.
The splits themselves are pyphen's, unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import cache_file

#: The fewest letters before and after a hyphen: a break must leave a reader a syllable
#: to recognise on each line, never one letter ("STRATEGI-E").
LEAST_BEFORE, LEAST_AFTER = 2, 3


class Hyphenator:
    """A callable for reportlab's ``hyphenationLang``: word → (head, tail) pairs, the longest
    head first, as ``pyphen.Pyphen.iterate`` gives them, but at least LEAST_BEFORE letters
    before and LEAST_AFTER after the break, and none in a name (``names``, case folded:
    content/names.py finds them)."""

    def __init__(self, cache: Path | None, lang: str = "de_DE",
                 names: frozenset[str] = frozenset()) -> None:
        self.lang = lang
        self.names = names
        pyphen = cache_file.made_by("pyphen")
        self.file = cache / f"hyphenation-{lang}-pyphen-{pyphen}.json" if cache else None
        self.known: dict[str, list[list[str]]] = self._read()
        self.learned = False
        self._dictionary: Any = None

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        if self.names and _letters(word).casefold() in self.names:
            return iter(())
        pairs = self.known.get(word)
        if pairs is None:
            pairs = [list(pair) for pair in self._pyphen().iterate(word)]
            self.known[word] = pairs
            self.learned = True
        return ((head, tail) for head, tail in pairs
                if _count(head) >= LEAST_BEFORE and _count(tail) >= LEAST_AFTER)

    def _pyphen(self) -> Any:
        if self._dictionary is None:
            from .hyph_patterns import dictionary  # pyphen's, its patterns parsed on demand

            self._dictionary = dictionary(self.lang)
        return self._dictionary

    def _read(self) -> dict[str, list[list[str]]]:
        known = cache_file.read(self.file)
        if not isinstance(known, dict):
            return {}  # no cache yet, or a damaged one: start again
        return {word: pairs for word, pairs in known.items()
                if isinstance(word, str) and isinstance(pairs, list)
                and all(_splits(pair, word) for pair in pairs)}

    def save(self) -> None:
        """Writes what this build learned, added to what is on disk now: the deck's layout
        (this process) and the dossier (the PDF process) share the file, and neither may
        drop the other's words."""
        if self.learned:
            self.known = {**self._read(), **self.known}
            cache_file.write(self.file, self.known)
            self.learned = False


def _splits(pair: object, word: str) -> bool:
    """A sound split of ``word``: its two halves, nothing added or lost. A damaged cache
    must not change a word; anything else is looked up in pyphen again."""
    return (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
            and pair[0] + pair[1] == word and bool(pair[0]) and bool(pair[1]))


def _count(part: str) -> int:
    return sum(ch.isalpha() for ch in part)


#: What surrounds a word in running text: reportlab strips it before it asks for split
#: points, and so does a name's lookup ("Tewes," is the name Tewes).
AROUND = ".,;:!?\"'„“”‚‘’»«()[]"


def _letters(word: str) -> str:
    return word.strip(AROUND)
