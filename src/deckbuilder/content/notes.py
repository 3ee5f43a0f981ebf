"""Speaker notes as paragraphs and list items, read from the text content gives.

Notes are written as a YAML block (``notes: |``): a blank line separates paragraphs, a
line that starts with "- " is a list item, and the lines of one paragraph or item are
joined with a space, so a long note may be wrapped in the file. The deck's notes page
gets real paragraphs and bulleted paragraphs from this (not one run with line breaks),
and ``pull`` reads edited notes back in the same terms: ``notes_text`` is the one form
both the built deck's summary and content's values are compared in.
"""

from __future__ import annotations

from dataclasses import dataclass

#: What starts a list item in notes, and what marks one in ``notes_text``.
ITEM = "- "


@dataclass(frozen=True)
class NoteParagraph:
    """One paragraph of speaker notes; ``bullet``: a list item."""

    text: str
    bullet: bool = False


@dataclass(frozen=True)
class NoteLines:
    """A paragraph and the lines of the notes' text it was read from (end exclusive)."""

    paragraph: NoteParagraph
    first: int
    end: int


def note_lines(lines: list[str]) -> list[NoteLines]:
    """The paragraphs of notes given as lines, each with the lines it spans: ``pull``
    rewrites only the lines of a paragraph that was edited."""
    found: list[NoteLines] = []
    words: list[str] = []
    bullet, first = False, 0
    for number, line in enumerate([*lines, ""]):
        text = line.strip()
        starts_item = text.startswith(ITEM.strip()) and (text == "-" or text.startswith(ITEM))
        if words and (not text or starts_item):
            joined = " ".join(" ".join(words).split())
            found.append(NoteLines(NoteParagraph(joined, bullet), first, number))
            words = []
        if not text:
            continue
        if not words:
            bullet, first = starts_item, number
        words.append(text[1:].strip() if starts_item else text)
    return [n for n in found if n.paragraph.text]


def parse_notes(text: str | None) -> tuple[NoteParagraph, ...]:
    """The paragraphs of notes as content writes them; () for none."""
    if not text:
        return ()
    return tuple(n.paragraph for n in note_lines(text.split("\n")))


def notes_text(paragraphs: tuple[NoteParagraph, ...] | list[NoteParagraph]) -> str:
    """Paragraphs one a line, list items marked "- ": how notes are compared and shown."""
    return "\n".join(ITEM + p.text if p.bullet else p.text for p in paragraphs)
