"""Writes edited speaker notes into their YAML value, paragraph by paragraph (``pull``).

Notes are a block of paragraphs and list items (content/notes.py). When one paragraph
was edited in PowerPoint's notes pane, only that paragraph's lines of the block change;
an added paragraph or list item gets lines of its own (a blank line before a paragraph,
none between two list items), a deleted one loses its lines, and every other line stays
as it was written. Notes written on one line (``notes: Begrüßung.``) that become several
paragraphs or a list turn into a ``|`` block, the form the schema asks for.
"""

from __future__ import annotations

import difflib
import json
import textwrap
from dataclasses import dataclass

from ..content import sourcemap
from ..content.notes import ITEM, NoteLines, NoteParagraph, note_lines

#: Edited paragraphs are wrapped at this many characters, or at their old width when wider.
WIDTH = 80


def from_notes_text(text: str) -> list[NoteParagraph]:
    """The paragraphs of notes in notes_text's form (one a line, items marked "- ")."""
    return [NoteParagraph(line[len(ITEM):], True) if line.startswith(ITEM)
            else NoteParagraph(line) for line in text.split("\n") if line]


def notes_value(new: str, span: sourcemap.Span, text: str) -> str | None:
    """The characters to write in place of the notes value at ``span`` of ``text`` so that
    it reads as ``new`` (notes_text's form); None where a single paragraph is written as
    any other text, in the value's own style (yaml_text)."""
    paras = from_notes_text(new)
    old = text[span.start:span.end]
    if span.style == "|":
        return _in_block(paras, old)
    if len(paras) == 1 and not paras[0].bullet and span.style != ">":
        return None
    lines = _fresh_lines(paras, "")
    line_end = text.find("\n", span.end)
    rest = text[span.end:] if line_end < 0 else text[span.end:line_end]
    if span.flow or (span.style not in ("|", ">") and rest.strip()):
        return json.dumps("\n".join(lines), ensure_ascii=False)  # YAML reads JSON strings
    indent = " " * (_key_column(text, span.start) + 2)
    block = "|\n" + "\n".join(indent + line if line else "" for line in lines)
    if span.style == ">":  # a block's span runs to the next line, over its blank lines
        blank = len(old) - len(old.rstrip("\n"))
        return block + "\n" * max(blank, 1)
    return block


def _key_column(text: str, start: int) -> int:
    """The column of the key whose value starts at ``start`` ('    notes: …', '  - notes:')."""
    prefix = text[text.rfind("\n", 0, start) + 1:start]
    return len(prefix) - len(prefix.lstrip(" -"))


@dataclass(frozen=True)
class _Piece:
    """A paragraph of the new notes, its lines, and the old paragraph it is (None: new)."""

    paragraph: NoteParagraph
    lines: list[str]
    old: int | None


def _in_block(paras: list[NoteParagraph], old: str) -> str:
    """The ``|`` block ``old`` with ``paras``: unchanged paragraphs keep their lines."""
    header, _, body = old.partition("\n")
    lines = body.split("\n")
    last = max(i for i, line in enumerate(lines) if line.strip())
    body_lines, trailing = lines[:last + 1], lines[last + 1:]
    olds = note_lines(body_lines)
    first = body_lines[olds[0].first]
    indent = first[:len(first) - len(first.lstrip(" "))]
    pieces = _pieces(olds, body_lines, paras, indent)
    out = body_lines[:olds[0].first]
    for i, piece in enumerate(pieces):
        if i:
            out += _between(pieces[i - 1], piece, olds, body_lines)
        out += piece.lines
    return header + "\n" + "\n".join(out + trailing)


def _pieces(olds: list[NoteLines], body: list[str], paras: list[NoteParagraph],
            indent: str) -> list[_Piece]:
    """The new paragraphs paired with the old ones they keep or replace."""
    matcher = difflib.SequenceMatcher(a=[n.paragraph for n in olds], b=paras, autojunk=False)
    pieces: list[_Piece] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        for k in range(b1 - b0):
            para = paras[b0 + k]
            was = olds[a0 + k] if a0 + k < a1 else None
            if op == "equal" and was is not None:
                pieces.append(_Piece(para, body[was.first:was.end], a0 + k))
            elif was is not None:
                pieces.append(_Piece(para, _rewrapped(para, body[was.first:was.end], indent),
                                     None))
            else:
                pieces.append(_Piece(para, _rewrapped(para, [], indent), None))
    return pieces


def _between(before: _Piece, after: _Piece, olds: list[NoteLines],
             body: list[str]) -> list[str]:
    """The lines between two paragraphs: as written where both stood so before; else a
    blank line, none between two list items."""
    if before.old is not None and after.old == before.old + 1:
        return body[olds[before.old].end:olds[after.old].first]
    return [] if before.paragraph.bullet and after.paragraph.bullet else [""]


def _rewrapped(para: NoteParagraph, old: list[str], indent: str) -> list[str]:
    """A paragraph's new lines: one line where it had one (or is new), else wrapped at
    the width its old lines had."""
    start = indent + (ITEM if para.bullet else "")
    if len(old) <= 1:
        return [start + para.text]
    width = max(WIDTH, *(len(line) for line in old))
    return textwrap.wrap(para.text, width=width, initial_indent=start,
                         subsequent_indent=indent + (" " * len(ITEM) if para.bullet else ""),
                         break_long_words=False, break_on_hyphens=False)


def _fresh_lines(paras: list[NoteParagraph], indent: str) -> list[str]:
    """Notes written anew: a blank line between paragraphs, none between list items."""
    lines: list[str] = []
    for i, para in enumerate(paras):
        if i and not (para.bullet and paras[i - 1].bullet):
            lines.append("")
        lines.append(indent + (ITEM if para.bullet else "") + para.text)
    return lines
