"""Measuring, fitting and flowing paragraphs: the one place where text meets box sizes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import ContentError, Location, error
from ..measure import Measurer, Word, WordTooWide
from ..theme import Theme
from .plan import Box, Para, Run, TextBox

#: Horizontal room a bullet takes (marker plus gap), in points at scale 1.
BULLET_INDENT = 20.0
SHRINK_STEP = 0.025
#: Shrinking is tried only when what is left over is at most this share of what fits.
SHRINK_REACH = 0.35


class Overflow(Exception):
    """The text does not fit its box even at the smallest allowed size."""


@dataclass(frozen=True)
class Typesetter:
    """Binds the theme and font metrics that every measurement here needs."""

    theme: Theme
    measurer: Measurer

    def size(self, para: Para, scale: float) -> float:
        return self.theme.style(para.style).size * scale

    def line_height(self, para: Para, scale: float) -> float:
        """Exact line pitch; the PPTX renderer writes the same value as fixed spacing."""
        style = self.theme.style(para.style)
        return style.size * style.leading * scale

    def space_before(self, para: Para, scale: float) -> float:
        return self.theme.style(para.style).space_before * scale

    def words(self, para: Para) -> list[Word]:
        default = self.theme.style(para.style).face
        found: list[Word] = []
        pending = False  # a space came before the next word, possibly in an earlier run
        for run in para.runs:
            for i, piece in enumerate(run.text.split(" ")):
                pending = pending or i > 0
                if piece:
                    found.append(Word(piece, run.face or default, space=pending and bool(found)))
                    pending = False
        return found

    def lines(self, para: Para, width: float, scale: float) -> list[list[Word]]:
        indent = BULLET_INDENT * scale if para.bullet else 0.0
        return self.measurer.wrap(self.words(para), self.size(para, scale), width - indent)

    def height(self, paras: tuple[Para, ...] | list[Para], width: float, scale: float) -> float:
        total = 0.0
        for i, para in enumerate(paras):
            if i:
                total += self.space_before(para, scale)
            total += len(self.lines(para, width, scale)) * self.line_height(para, scale)
        return total

    def fit(self, paras: list[Para], box: Box, source: Location, *, anchor: str = "top",
            role: str = "body", shrink: bool = True) -> TextBox:
        """The text at the largest scale (1 down to the theme's minimum) that fits ``box``."""
        scale = 1.0
        floor = self.theme.fit.min_scale if shrink and self._can_shrink(paras) else 1.0
        while True:
            try:
                height = self.height(paras, box.w, scale)
            except WordTooWide as exc:
                if scale - SHRINK_STEP < floor - 1e-9:
                    raise ContentError([error(
                        source, f"the word '{exc.word}' is too wide for its box "
                        f"({exc.width:.0f} pt, room for {exc.limit:.0f} pt)",
                        "shorten it or add a hyphen or space")]) from None
                height = float("inf")
            if height <= box.h + 0.01:
                return TextBox(box, tuple(paras), source, scale, anchor, height, role)
            if scale - SHRINK_STEP < floor - 1e-9:
                raise Overflow(f"{height:.0f} pt of text for a {box.h:.0f} pt box")
            scale = round(scale - SHRINK_STEP, 4)

    def _can_shrink(self, paras: list[Para]) -> bool:
        return all(self.theme.style(p.style).can_shrink for p in paras)

    def flow_fitted(self, paras: list[Para], boxes: list[Box], source: Location
                    ) -> tuple[list[TextBox], list[Para]]:
        """Like ``flow``, but first tries shrinking (within the theme's limit) to avoid a
        continuation slide; a small overrun is better shrunk than carried over."""
        first = self.flow(paras, boxes, source, 1.0)
        if not first[1] or not self._can_shrink(paras):
            return first
        placed = sum(len(p.text) for box in first[0] for p in box.paras)
        if sum(len(p.text) for p in first[1]) > placed * SHRINK_REACH:
            return first  # far too long to shrink into place: continue at full size
        scale = round(1.0 - SHRINK_STEP, 4)
        while scale >= self.theme.fit.min_scale - 1e-9:
            filled, rest = self.flow(paras, boxes, source, scale)
            if not rest:
                return filled, rest
            scale = round(scale - SHRINK_STEP, 4)
        return first

    def same_scale(self, boxes: list[TextBox]) -> list[TextBox]:
        """Sets sibling boxes (cards, columns) in one size: the smallest any of them needs."""
        scale = min(b.scale for b in boxes)
        return [replace(b, scale=scale, height=self.height(b.paras, b.box.w, scale))
                for b in boxes]

    def flow(self, paras: list[Para], boxes: list[Box], source: Location, scale: float = 1.0
             ) -> tuple[list[TextBox], list[Para]]:
        """Fills ``boxes`` in order at full size, splitting paragraphs between lines.

        Returns the filled boxes and what did not fit (for a continuation slide). A paragraph
        is split only where at least two of its lines stay on each side (no widows, no orphans).
        """
        filled: list[TextBox] = []
        queue = list(paras)
        for box in boxes:
            taken: list[Para] = []
            used = 0.0
            while queue:
                para = queue[0]
                gap = self.space_before(para, scale) if taken else 0.0
                pitch = self.line_height(para, scale)
                room = max(int((box.h - used - gap + 0.01) // pitch), 0)
                words = self.words(para)
                indent = BULLET_INDENT * scale if para.bullet else 0.0
                try:  # room + 2 lines tell whether and where to split
                    lines = self.measurer.wrap(words, self.size(para, scale), box.w - indent,
                                               max_lines=room + 2)
                except WordTooWide as exc:
                    raise ContentError([error(
                        source, f"the word '{exc.word}' is too wide for its box",
                        "shorten it or add a hyphen or space")]) from None
                complete = sum(len(line) for line in lines) == len(words)
                if complete and room >= len(lines):
                    taken.append(para)
                    used += gap + len(lines) * pitch
                    queue.pop(0)
                    continue
                keep = room if len(lines) - room >= 2 else len(lines) - 2
                if keep >= 2:
                    head, tail = _split(para, words, sum(len(line) for line in lines[:keep]))
                    taken.append(head)
                    used += gap + keep * pitch
                    queue[0] = tail
                break
            if taken:
                filled.append(TextBox(box, tuple(taken), source, scale, "top", used))
            if not queue:
                break
        return filled, queue


def _split(para: Para, words: list[Word], count: int) -> tuple[Para, Para]:
    """Splits a paragraph after its first ``count`` words, keeping each word's face."""
    return replace(para, runs=_runs(words[:count])), replace(para, runs=_runs(words[count:]))


def _runs(words: list[Word]) -> tuple[Run, ...]:
    runs: list[Run] = []
    for i, word in enumerate(words):
        text = (" " if i and word.space else "") + word.text
        if runs and runs[-1].face == word.face:
            runs[-1] = Run(runs[-1].text + text, word.face)
        else:
            runs.append(Run(text, word.face))
    return tuple(runs)
