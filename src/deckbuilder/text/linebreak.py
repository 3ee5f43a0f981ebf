"""Greedy line breaking with German hyphenation, as PowerPoint and LibreOffice break lines.

Lines break at spaces. A word that cannot fit on a line of its own also breaks after a hard
hyphen between letters, and at pyphen's German split points (the dossier's patterns); a
split point the lines use is handed back with a soft hyphen (U+00AD) at the head's end, so
the written deck carries a soft hyphen exactly there and the renderers break where this
module measured. Soft hyphens typed in the content are break points anywhere: both
renderers honour them, so the measurement must too. A soft hyphen is invisible unless a
line ends at it; then a hyphen is drawn, and measured.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import NamedTuple, Protocol

SHY = "\u00ad"
#: ZERO WIDTH SPACE: a break point that shows nothing, not even at a line's end.
ZWSP = "\u200b"
#: Characters after which a word may always break (the text's own break points).
BREAKS_AFTER = SHY + ZWSP
#: The hyphen a PPTX shows where layout broke a word, before a line break (render/pptx/
#: runs.py): the keyboard's hyphen-minus, which every face has (Source Sans Pro has no
#: U+2010). pull reads a hyphen right before a line break as such a break (deck_summary).
BROKEN = "-"
#: Hard hyphens after which a too-wide word may break (hyphen-minus and U+2010 HYPHEN).
HARD_HYPHENS = "-\u2010"
#: Signs of a web or e-mail address, which is never hyphenated.
ADDRESS_MARKS = ("@", "://", "www.", "/")
#: A line this full ends at a space or hyphen rather than at a new split point.
FULL_ENOUGH = 0.6


class Piece(Protocol):
    """What the breaker needs of a word (measure.Word)."""

    text: str
    face: str
    space: bool
    run: int
    offset: int


class TooWide(Exception):
    """A word (after every allowed split) wider than a line of its own."""

    def __init__(self, word: str, width: float) -> None:
        super().__init__(word)
        self.word = word
        self.width = width


class _Item(NamedTuple):
    """A piece, the kind of break allowed before it (space, soft, hard, auto or none) and
    the width of its visible text. A tuple: a wrap makes one per word, thousands a build."""

    word: Piece
    brake: str
    width: float


Width = Callable[[str, str], float]
Splits = Callable[[str], Iterable[tuple[str, str]]]


def visible(text: str) -> str:
    """The text as drawn inside a line: soft hyphens show nothing there."""
    return text.replace(SHY, "").replace(ZWSP, "")


def wrap(words: Sequence[Piece], width: Width, limit: float, splits: Splits | None,
         max_lines: int | None = None, alone: Width | None = None) -> list[list[Piece]]:
    """Lines of pieces; a piece broken at one of pyphen's points ends in a soft hyphen.

    ``width(text, face)`` measures at the current size; ``splits`` gives pyphen's (head,
    tail) pairs for a word. ``alone``, when given, is a wider measure that every word
    must also fit a line in, and that the pieces of a broken word are laid out in.
    Raises ``TooWide`` when a piece cannot fit a line of its own.
    """
    known: dict[tuple[str, str], float] = {}
    measure = width

    def measured(text: str, face: str) -> float:  # a word is measured once per wrap
        key = (text, face)
        if key not in known:
            known[key] = measure(text, face)
        return known[key]

    width = measured
    items = _items(words, width, limit, splits, alone or width)
    lines: list[list[Piece]] = []
    pos = 0
    while pos < len(items):
        end = _line_end(items, pos, width, limit)
        lines.append(_finish(items[pos:end], end < len(items) and items[end].brake == "auto"))
        pos = end
        if max_lines is not None and len(lines) >= max_lines:
            break
    return lines or [[]]


def _line_end(items: list[_Item], pos: int, width: Width, limit: float) -> int:
    """Where the line starting at ``pos`` ends (exclusive): the last break that fits, but
    a space or hyphen rather than a new split point when the line is then still full enough.

    Preferring the earlier break is safe: every split point marked later in the same word
    lies beyond the longest head that fitted here, so no renderer can break before it.
    """
    used, best, real, j = 0.0, None, None, pos
    while j < len(items):
        item = items[j]
        gap = width(" ", item.word.face) if j > pos and item.brake == "space" else 0.0
        w = item.width
        if used + gap + w > limit:
            break
        used += gap + w
        j += 1
        if j == len(items):
            return j
        after = items[j].brake
        if after in ("space", "hard") or (after in ("soft", "auto") and used + width(
                "-", item.word.face) <= limit):
            best = j
            if after != "auto":
                real = (j, used)
    if best is None:
        token = list(_token(items, pos))
        raise TooWide("".join(visible(i.word.text) for i in token),
                      sum(i.width for i in token))
    if real is not None and real[0] < best and real[1] >= FULL_ENOUGH * limit:
        return real[0]
    return best


def _token(items: list[_Item], pos: int) -> Iterator[_Item]:
    """The pieces of the word that starts (or continues) at ``pos``, up to the next space."""
    start = pos
    while start > 0 and items[start].brake != "space":
        start -= 1
    yield items[start]
    for item in items[start + 1:]:
        if item.brake == "space":
            return
        yield item


def _finish(line: list[_Item], hyphenated: bool) -> list[Piece]:
    """The line's pieces; pieces split only to be measured are joined again."""
    pieces: list[Piece] = []
    for item in line:
        if pieces and item.brake in ("auto", "hard") and item.word.run == pieces[-1].run:
            last = pieces[-1]
            pieces[-1] = replace(last, text=last.text + item.word.text)  # type: ignore[type-var]
        else:
            pieces.append(item.word)
    if hyphenated:
        pieces[-1] = replace(pieces[-1], text=pieces[-1].text + SHY)  # type: ignore[type-var]
    return pieces


def _items(words: Sequence[Piece], width: Width, limit: float, splits: Splits | None,
           alone: Width) -> list[_Item]:
    """The pieces with the break allowed before each; too-wide words are split further."""
    items: list[_Item] = []
    token: list[Piece] = []
    for whole in words:
        parts = (whole,) if SHY not in whole.text and ZWSP not in whole.text \
            else _soft_parts(whole)
        for word in parts:
            if word.space and token:
                items += _token_items(token, width, limit, splits, alone)
                token = []
            token.append(word)
    if token:
        items += _token_items(token, width, limit, splits, alone)
    return items


def _soft_parts(word: Piece) -> Iterator[Piece]:
    """The word cut after each soft hyphen or zero-width space typed in it."""
    if SHY not in word.text and ZWSP not in word.text:
        yield word  # the common case, without copying
        return
    start = 0
    for i, ch in enumerate(word.text):
        if ch in BREAKS_AFTER and i + 1 < len(word.text):
            yield replace(word, text=word.text[start:i + 1], offset=word.offset + start,  # type: ignore[type-var]
                          space=word.space if start == 0 else False)
            start = i + 1
    yield replace(word, text=word.text[start:], offset=word.offset + start,  # type: ignore[type-var]
                  space=word.space if start == 0 else False)


#: The break before a piece, by the last character of the piece before it in its word.
_BRAKE_AFTER = {SHY: "soft", ZWSP: "hard"}


def _token_items(token: list[Piece], width: Width, limit: float, splits: Splits | None,
                 alone: Width) -> list[_Item]:
    """A word's pieces as items; a word too wide for a line is cut further (_cuts), and
    then measured ``alone`` (the wider measure): each piece must fit a line there."""
    if len(token) == 1:  # the common case: a word without soft hyphens, that fits a line
        shown = visible(token[0].text)
        only = width(shown, token[0].face)
        if only <= limit and (alone is width or alone(shown, token[0].face) <= limit):
            return [_Item(token[0], "space", only)]
    widths = [width(visible(p.text), p.face) for p in token]
    if alone is not width and sum(alone(visible(p.text), p.face) for p in token) > limit:
        width = alone
        widths = [width(visible(p.text), p.face) for p in token]
    cuts = _cuts(token, splits) if sum(widths) > limit else {}
    items: list[_Item] = []
    for i, piece in enumerate(token):
        brake = "space" if i == 0 else _BRAKE_AFTER.get(token[i - 1].text[-1:], "none")
        if not cuts:
            items.append(_Item(piece, brake, widths[i]))
            continue
        text, offset, start = piece.text, piece.offset, 0
        for cut in sorted(c for c in cuts if c[0] == i):
            head = text[start:cut[1]]
            if head:
                part = replace(piece, text=head, offset=offset + start,  # type: ignore[type-var]
                               space=piece.space if start == 0 else False)
                items.append(_Item(part, brake, width(visible(part.text), part.face)))
                start, brake = cut[1], cuts[cut]
            else:
                brake = cuts[cut] if brake == "none" else brake
        part = replace(piece, text=text[start:], offset=offset + start,  # type: ignore[type-var]
                       space=piece.space if start == 0 else False)
        items.append(_Item(part, brake, width(visible(part.text), part.face)))
    return items


def _cuts(token: list[Piece], splits: Splits | None) -> dict[tuple[int, int], str]:
    """Extra break points in a too-wide word: (piece index, offset in it) → kind."""
    plain = "".join(visible(p.text) for p in token)
    points: dict[int, str] = {}
    if any(mark in plain for mark in ADDRESS_MARKS):
        return {}  # a web or e-mail address: a hyphen in it would change it
    for i in range(1, len(plain) - 1):
        if plain[i - 1] in HARD_HYPHENS and plain[i - 2:i - 1].isalpha() and plain[i].isalpha():
            points[i] = "hard"
    if splits is not None:
        for part_start, part in _parts(plain):
            for head, _tail in splits(part):
                at = part_start + len(head)
                if plain[at - 1] not in HARD_HYPHENS:
                    points.setdefault(at, "auto")
    return _to_pieces(token, points)


def _parts(plain: str) -> Iterator[tuple[int, str]]:
    """The letter runs of a word (between hyphens, quotes and other marks), where pyphen
    looks for split points."""
    start = None
    for i, ch in enumerate(plain + " "):
        if ch.isalpha():
            start = i if start is None else start
        elif start is not None:
            yield start, plain[start:i]
            start = None


def _to_pieces(token: list[Piece], points: dict[int, str]) -> dict[tuple[int, int], str]:
    """Maps offsets in the word's visible text to (piece, offset in the piece's text)."""
    found: dict[tuple[int, int], str] = {}
    seen = 0
    for i, piece in enumerate(token):
        count = 0
        for j, ch in enumerate(piece.text):
            if ch == SHY:
                continue
            if count and seen + count in points:
                found[(i, j)] = points[seen + count]
            count += 1
        seen += count
    return found
