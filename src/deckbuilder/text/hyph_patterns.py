"""pyphen's hyphenation patterns, each parsed only when a word needs it.

``pyphen.Pyphen`` parses all 78,000 lines of its German pattern file (1 MB) before it
splits the first word: 0.5 s of pure Python, paid by every process that hyphenates (the
deck's layout and the dossier), while a build looks up a few thousand substrings. Here the
file is only indexed: each line is keyed by its letters (the pattern without its digits,
which is pyphen's key), in a few C-level passes over the whole text. A line is turned into
pyphen's ``(offset, values)`` with pyphen's own per-line steps when pyphen's own
``positions`` asks for its key, so the split points are pyphen's; tests/test_hyphenate.py
compares every pattern with the ones pyphen parses itself.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pyphen

_DIGITS = re.compile(r"\d")  # what pyphen's own parser (r"(\d?)(\D?)") takes as values
Pattern = tuple[int, tuple[int, ...]]


def parse_line(line: str) -> tuple[str, Pattern | None]:
    """One stripped pattern line as pyphen's ``HyphDict`` reads it: its key and its
    (offset, values), or None when all its values are 0 (pyphen skips such a line)."""
    pattern = pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), line)
    factory: Any = int
    if "/" in pattern and "=" in pattern:  # a nonstandard hyphen ("ff=f")
        pattern, alternative = pattern.split("/", 1)
        factory = pyphen.AlternativeParser(pattern, alternative)
    tags, values = zip(*[(string, factory(i or "0")) for i, string in pyphen.parse(pattern)],
                       strict=True)
    if max(values) == 0:
        return "".join(tags), None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return "".join(tags), (start, values[start:end])


def _find(text: str, mark: str) -> list[int]:
    """Where ``mark`` occurs in ``text`` (str.find: no Python loop over the characters)."""
    found, at = [], text.find(mark)
    while at >= 0:
        found.append(at)
        at = text.find(mark, at + 1)
    return found


class Patterns:
    """The ``patterns`` mapping pyphen's ``HyphDict.positions`` reads (it only calls
    ``get``): key → the last line with that key, parsed on first use."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as file:
            encoding = file.readline().decode().strip()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        lines = [line.strip() for line in path.read_text(encoding).split("\n")[1:]]
        lines = [line for line in lines if line and not line.startswith(pyphen.ignored)]
        # Stripped lines hold no newline, so the digit-free text splits into the same lines.
        text = "\n".join(lines)
        special = {text.count("\n", 0, at) for mark in ("^^", "/") for at in _find(text, mark)}
        for digit in {c for c in set(text) if _DIGITS.match(c)}:
            text = text.replace(digit, "")
        self._keys = text.split("\n")
        for i in special:  # a hex escape or an alternative: keyed exactly as pyphen does
            self._keys[i] = parse_line(lines[i])[0]
        self._all = lines
        self._lines = dict(zip(self._keys, lines, strict=True))  # the last line of each key
        self._parsed: dict[str, Pattern | None] = {}
        self._by_key: dict[str, list[str]] | None = None
        self.maxlen = max(map(len, self._lines))

    def get(self, key: str, default: Pattern | None = None) -> Pattern | None:
        """pyphen's pattern for ``key``: that of the last line with non-zero values, as
        pyphen's dictionary keeps it after reading the lines in order."""
        if key not in self._parsed:
            found = parse_line(self._lines[key])[1] if key in self._lines else None
            if found is None and key in self._lines:  # an earlier line may count
                earlier = self._repeated().get(key, [])
                found = next((f for f in (parse_line(line)[1] for line in reversed(earlier))
                              if f is not None), None)
            self._parsed[key] = found
        found = self._parsed[key]
        return default if found is None else found

    def _repeated(self) -> dict[str, list[str]]:
        """The lines of each key that more than one line has, in file order; found in one
        pass when first asked. Searching all 78,000 lines for each such key took 17 ms a
        key, 1.8 s of a first dossier (110 keys)."""
        if self._by_key is None:
            counts = Counter(self._keys)
            self._by_key = {}
            for k, line in zip(self._keys, self._all, strict=True):
                if counts[k] > 1:
                    self._by_key.setdefault(k, []).append(line)
        return self._by_key


class LazyHyphDict(pyphen.HyphDict):  # type: ignore[misc]
    """pyphen's ``HyphDict`` with its patterns indexed rather than parsed; its
    ``positions`` (the hyphenation itself) is pyphen's, inherited unchanged. It keeps the
    attributes ``positions`` reads: ``patterns``, ``maxlen`` (here the longest key of any
    line: a longer bound only looks up keys that are not there) and ``cache``."""

    def __init__(self, path: Path) -> None:  # pyphen's would parse every line
        self.patterns = Patterns(path)
        self.maxlen = self.patterns.maxlen
        self.cache: dict[str, Any] = {}


class LazyPyphen(pyphen.Pyphen):  # type: ignore[misc]
    """``pyphen.Pyphen(lang=...)`` over a ``LazyHyphDict``; ``positions`` and ``iterate``
    are pyphen's. It sets the three attributes pyphen's ``__init__`` sets."""

    def __init__(self, lang: str, left: int = 2, right: int = 2) -> None:
        self.left, self.right = left, right
        self.hd = LazyHyphDict(pyphen.LANGUAGES[pyphen.language_fallback(lang)])


@cache
def dictionary(lang: str) -> LazyPyphen:
    """One dictionary per language and process, shared by the deck's layout and the
    dossier when both run here (``check``, a single core)."""
    return LazyPyphen(lang)
