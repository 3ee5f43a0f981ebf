"""Measuring, fitting and flowing paragraphs: the one place where text meets box sizes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..errors import ContentError, Location, error
from ..text.linebreak import SHY, visible
from ..text.measure import Measurer, Word, WordTooWide
from ..theme import Theme
from .plan import Box, Para, Run, TextBox


class Overflow(Exception):
    """The text does not fit its box even at the smallest allowed size."""


@dataclass(frozen=True)
class Typesetter:
    """Binds the theme and font metrics that every measurement here needs."""

    theme: Theme
    measurer: Measurer
    hyphenate: bool = True  # False: long words break at their hyphens only
    #: Slides only (``for_viewers``): the measurer with the widest common fallback, that
    #: each word of text a viewer does not shrink must fit a line in, and titles entirely.
    #: The dossier's fonts travel in it.
    alone: Measurer | None = None
    #: Each paragraph's words, shared with the copies ``replace`` makes: fitting asks for
    #: them at every scale it tries (887 times for the IHK deck's 239 paragraphs).
    known_words: dict[Para, tuple[Word, ...]] = field(default_factory=dict, repr=False,
                                                      compare=False)

    def for_viewers(self) -> Typesetter:
        """This typesetter for slides, which viewers draw in their own fonts when the
        deck's are missing. A viewer wraps lines at spaces and breaks a word wider than
        its line anywhere, without a hyphen. Text boxes of the body role it shrinks when
        they overflow (normAutofit; their boxes are as tall as their text, so a wider
        font overflows them): they are measured as before. Titles it neither shrinks nor
        keeps off the text below, so they are measured in the widest fallback, and so are
        the words of table cells (program slide)."""
        return replace(self, alone=self.measurer.widened())

    def for_tables(self) -> Typesetter:
        """This typesetter for table cells: a viewer drawing a wider font grows the rows
        (onto what lies below) and never shrinks them, so on slides they are measured in
        the widest fallback entirely, as titles are."""
        return self if self.alone is None else replace(self, measurer=self.alone)

    def _shrunk_by_viewers(self) -> Typesetter:
        """This typesetter for a box that viewers shrink themselves (see ``for_viewers``)."""
        return self if self.alone is None else replace(self, alone=None)

    def size(self, para: Para, scale: float) -> float:
        return self.theme.style(para.style).size * scale

    def line_height(self, para: Para, scale: float) -> float:
        """Exact line pitch; the PPTX renderer writes the same value as fixed spacing."""
        style = self.theme.style(para.style)
        return style.size * style.leading * scale

    def space_before(self, para: Para, scale: float) -> float:
        return self.theme.style(para.style).space_before * scale

    def words(self, para: Para) -> tuple[Word, ...]:
        """The paragraph's words, each with the run and offset where it starts."""
        known = self.known_words.get(para)
        if known is None:
            known = self.known_words[para] = tuple(self._words(para))
        return known

    def _words(self, para: Para) -> list[Word]:
        default = self.theme.style(para.style).face
        found: list[Word] = []
        pending = False  # a space came before the next word, possibly in an earlier run
        for r, run in enumerate(para.runs):
            offset = 0
            for i, piece in enumerate(run.text.split(" ")):
                pending = pending or i > 0
                if piece:
                    found.append(Word(piece, run.face or default, space=pending and bool(found),
                                      run=r, offset=offset))
                    pending = False
                offset += len(piece) + 1
        return found

    def lines(self, para: Para, width: float, scale: float) -> list[list[Word]]:
        indent = self.theme.sizes.text.bullet_indent * scale if para.bullet else 0.0
        return self.measurer.wrap(self.words(para), self.size(para, scale), width - indent,
                                  hyphenate=self.hyphenate, alone=self.alone)

    def hyphenated(self, para: Para, width: float, scale: float) -> Para:
        """The paragraph with a soft hyphen wherever its lines break inside a word at a
        German split point, so PowerPoint and LibreOffice break exactly there."""
        indent = self.theme.sizes.text.bullet_indent * scale if para.bullet else 0.0
        words, size = self.words(para), self.size(para, scale)
        if not self.hyphenate or not self._too_wide(words, size, width - indent):
            return para  # no word needs splitting: nothing to mark (the common case)
        lines = self.measurer.wrap(words, size, width - indent, hyphenate=self.hyphenate,
                                   alone=self.alone)
        marks = _soft_marks(para, lines[:-1])
        return _rebuilt(para, marks, None)[0] if marks else para

    def _too_wide(self, words: Sequence[Word], size: float, width: float) -> bool:
        limit = width * self.theme.fit.width_safety
        measurer = self.alone or self.measurer  # the wider, where viewers draw
        token = 0.0
        for word in words:
            token = (0.0 if word.space else token) + measurer.width(word.text, word.face, size)
            if token > limit:
                return True
        return False

    def ink_box(self, tb: TextBox) -> Box:
        """The part of ``tb``'s box that its lines cover across, by their alignment: a
        short footer in a box that runs on over a picture lies on the slide colour only."""
        try:
            widest = max((self._line_width(p, line, tb.scale) for p in tb.paras
                          for line in (self.lines(p, tb.box.w, tb.scale) if tb.wrap
                                       else [self.words(p)])), default=0.0)
        except WordTooWide:  # a stand-in for text that did not fit: judge the whole box
            return tb.box
        w = min(widest + self.theme.sizes.text.ink_margin, tb.box.w)
        aligns = {p.align for p in tb.paras}
        if aligns == {"right"}:
            return Box(tb.box.right - w, tb.box.y, w, tb.box.h)
        if aligns == {"center"}:
            return Box(tb.box.x + (tb.box.w - w) / 2, tb.box.y, w, tb.box.h)
        return Box(tb.box.x, tb.box.y, w, tb.box.h) if aligns == {"left"} else tb.box

    def _line_width(self, para: Para, line: Sequence[Word], scale: float) -> float:
        size, m = self.size(para, scale), self.measurer
        indent = self.theme.sizes.text.bullet_indent * scale if para.bullet else 0.0
        return indent + sum(m.width(w.text, w.face, size)
                            + (m.width(" ", w.face, size) if i and w.space else 0.0)
                            for i, w in enumerate(line))

    def height(self, paras: tuple[Para, ...] | list[Para], width: float, scale: float) -> float:
        total = 0.0
        for i, para in enumerate(paras):
            if i:
                total += self.space_before(para, scale)
            total += len(self.lines(para, width, scale)) * self.line_height(para, scale)
        return total

    def fit(self, paras: list[Para], box: Box, source: Location, *, anchor: str = "top",
            role: str = "body", shrink: bool = True) -> TextBox:
        """The text at the largest scale (1 down to the theme's minimum) that fits ``box``;
        a long word is hyphenated only when no scale fits it whole. On slides a title is
        measured entirely in the widest fallback (``for_viewers``)."""
        if self.alone is not None and self.measurer is not self.alone:
            wide = replace(self, measurer=self.alone) if role == "title" \
                else self._shrunk_by_viewers()
            return wide.fit(paras, box, source, anchor=anchor, role=role, shrink=shrink)
        if self.hyphenate:
            try:
                return replace(self, hyphenate=False).fit(paras, box, source, anchor=anchor,
                                                         role=role, shrink=shrink)
            except (Overflow, ContentError):
                pass
        scale, step = 1.0, self.theme.sizes.text.shrink_step
        floor = self.theme.fit.min_scale if shrink and self._can_shrink(paras) else 1.0
        while True:
            try:
                height = self.height(paras, box.w, scale)
            except WordTooWide as exc:
                if scale - step < floor - 1e-9:
                    raise ContentError([error(
                        source, f"the word '{exc.word}' is too wide for its box "
                        f"({exc.width:.0f} pt, room for {exc.limit:.0f} pt)",
                        "shorten it or add a hyphen or space")]) from None
                height = float("inf")
            if height <= box.h + 0.01:
                final = tuple(self.hyphenated(p, box.w, scale) for p in paras)
                return TextBox(box, final, source, scale, anchor, height, role,
                               breaks=inserted_breaks(paras, final))
            if scale - step < floor - 1e-9:
                raise Overflow(f"{height:.0f} pt of text for a {box.h:.0f} pt box")
            scale = round(scale - step, 4)

    def _can_shrink(self, paras: list[Para]) -> bool:
        return all(self.theme.style(p.style).can_shrink for p in paras)

    def flow_fitted(self, paras: list[Para], boxes: list[Box], source: Location
                    ) -> tuple[list[TextBox], list[Para]]:
        """Like ``flow``, but first tries shrinking (within the theme's limit) to avoid a
        continuation slide; a small overrun is better shrunk than carried over."""
        if self.alone is not None:  # running text: viewers shrink it (``for_viewers``)
            return self._shrunk_by_viewers().flow_fitted(paras, boxes, source)
        first = self.flow(paras, boxes, source, 1.0)
        if not first[1] or not self._can_shrink(paras):
            return first
        placed = sum(len(p.text) for box in first[0] for p in box.paras)
        text = self.theme.sizes.text
        if sum(len(p.text) for p in first[1]) > placed * text.shrink_reach:
            return first  # far too long to shrink into place: continue at full size
        scale = round(1.0 - text.shrink_step, 4)
        while scale >= self.theme.fit.min_scale - 1e-9:
            filled, rest = self.flow(paras, boxes, source, scale)
            if not rest:
                return filled, rest
            scale = round(scale - text.shrink_step, 4)
        return first

    def same_scale(self, boxes: list[TextBox]) -> list[TextBox]:
        """Sets sibling boxes (cards, columns) in one size: the smallest any of them needs."""
        ts = self._shrunk_by_viewers()  # bodies, as ``fit`` set them
        scale = min(b.scale for b in boxes)
        return [replace(b, scale=scale, height=ts.height(b.paras, b.box.w, scale),
                        paras=tuple(ts.hyphenated(p, b.box.w, scale) for p in b.paras))
                for b in boxes]

    def flow(self, paras: list[Para], boxes: list[Box], source: Location, scale: float = 1.0
             ) -> tuple[list[TextBox], list[Para]]:
        """Fills ``boxes`` in order at full size, splitting paragraphs between lines.

        Returns the filled boxes and what did not fit (for a continuation slide). A paragraph
        is split only where at least ``least_lines`` of its lines (theme sizes, 2) stay on each
        side (no widows, no orphans).
        """
        least = self.theme.sizes.text.least_lines
        filled: list[TextBox] = []
        queue = list(paras)
        for box in boxes:
            taken: list[Para] = []
            originals: list[Para] = []  # each taken paragraph as it was before layout broke it
            split = False
            used = 0.0
            while queue:
                para = queue[0]
                gap = self.space_before(para, scale) if taken else 0.0
                pitch = self.line_height(para, scale)
                room = max(int((box.h - used - gap + 0.01) // pitch), 0)
                words = self.words(para)
                indent = self.theme.sizes.text.bullet_indent * scale if para.bullet else 0.0
                try:  # room + least lines tell whether and where to split
                    lines = self.measurer.wrap(words, self.size(para, scale), box.w - indent,
                                               max_lines=room + least, alone=self.alone)
                except WordTooWide as exc:
                    raise ContentError([error(
                        source, f"the word '{exc.word}' is too wide for its box",
                        "shorten it or add a hyphen or space")]) from None
                complete = _visible_length(w for line in lines for w in line) == \
                    _visible_length(words)
                if complete and room >= len(lines):
                    marks = _soft_marks(para, lines[:-1])
                    taken.append(_rebuilt(para, marks, None)[0] if marks else para)
                    originals.append(para)
                    used += gap + len(lines) * pitch
                    queue.pop(0)
                    continue
                keep = room if len(lines) - room >= least else len(lines) - least
                while keep >= least and lines[keep][0].space is False:
                    keep -= 1  # a word is not split between two boxes
                if keep >= least:
                    first = lines[keep][0]
                    head, tail = _rebuilt(para, _soft_marks(para, lines[:keep - 1]),
                                          (first.run, first.offset))
                    taken.append(head)
                    originals.append(para)
                    split = True
                    used += gap + keep * pitch
                    queue[0] = tail  # type: ignore[assignment]
                break
            if taken:
                filled.append(TextBox(box, tuple(taken), source, scale, "top", used,
                                      breaks=inserted_breaks(originals, taken),
                                      split_last=split))
            if not queue:
                break
        return filled, queue


def inserted_breaks(before: Sequence[Para], after: Sequence[Para]
                    ) -> frozenset[tuple[int, int, int]]:
    """(paragraph, run, offset) of each soft hyphen in ``after`` that ``before`` does not
    have: layout only ever inserts them, and cuts a paragraph's end off when it splits one."""
    found = set()
    for p, (old, new) in enumerate(zip(before, after, strict=True)):
        if SHY not in new.text:
            continue
        for r, (was, now) in enumerate(zip(old.runs, new.runs, strict=False)):
            i = 0
            for j, ch in enumerate(now.text):
                if ch == SHY and (i >= len(was.text) or was.text[i] != SHY):
                    found.add((p, r, j))
                else:
                    i += 1
    return frozenset(found)


def _visible_length(words: Iterable[Word]) -> int:
    return sum(len(visible(w.text)) for w in words)


def _soft_marks(para: Para, lines: list[list[Word]]) -> set[tuple[int, int]]:
    """Where (run, offset) the lines end in a soft hyphen that the text does not have."""
    marks = set()
    for line in lines:
        if line and line[-1].text.endswith(SHY):
            last = line[-1]
            at = last.offset + len(last.text) - 1
            if para.runs[last.run].text[at:at + 1] != SHY:
                marks.add((last.run, at))
    return marks


def _rebuilt(para: Para, marks: set[tuple[int, int]], cut: tuple[int, int] | None
             ) -> tuple[Para, Para | None]:
    """The paragraph with soft hyphens at ``marks``, split at ``cut`` (run, offset) when
    given; every run keeps its face, colour and link."""
    head: list[Run] = []
    tail: list[Run] = []
    for r, run in enumerate(para.runs):
        text = run.text
        for at in sorted((o for (rr, o) in marks if rr == r), reverse=True):
            text = text[:at] + SHY + text[at:]
        if cut is None or r < cut[0]:
            head.append(replace(run, text=text))
        elif r > cut[0]:
            tail.append(replace(run, text=text))
        else:
            shift = sum(1 for (rr, o) in marks if rr == r and o < cut[1])
            before, after = text[:cut[1] + shift], text[cut[1] + shift:]
            if before.rstrip(" "):
                head.append(replace(run, text=before))
            if after:
                tail.append(replace(run, text=after))
    if cut is None:
        return replace(para, runs=tuple(head)), None
    head = _strip_end(head)
    if tail:
        tail[0] = replace(tail[0], text=tail[0].text.lstrip(" "))
    return replace(para, runs=tuple(head)), replace(para, runs=tuple(r for r in tail if r.text))


def _strip_end(runs: list[Run]) -> list[Run]:
    while runs and not runs[-1].text.rstrip(" "):
        runs.pop()
    if runs:
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip(" "))
    return runs
