"""Replaces single values in a YAML file's text, leaving every other character as it was.

``deckbuilder pull`` carries texts edited in the deck back into content/. A YAML library
that loads and dumps the file would re-flow long lines, re-quote values and shift
comments; here only the characters of the edited scalar change. The scalar keeps its
style where the new text allows (plain, 'single', "double", ``|`` and ``>`` blocks, inside
``[flow, lists]`` too) and is quoted when the new text needs it (a leading quote, ": ",
" #"). The result is parsed again and must hold exactly the new values and nothing else
changed, or nothing is returned but a located error.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Any

from ..content import sourcemap
from ..content.notes import notes_text, parse_notes
from ..errors import ContentError, error
from .notes_yaml import notes_value

_ASCII_SPACE = re.compile(r"[ \t\r\n]+")
#: Plain text YAML tools would read as something else: numbers, yes/no, null.
_NOT_TEXT = re.compile(r"[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?|[-+]?\.?(inf|nan)|0x[0-9a-f]+"
                       r"|y|n|yes|no|true|false|on|off|null|~|\d+(:\d+)+|\d{4}-\d\d-\d\d.*",
                       re.IGNORECASE)
#: Folded values are wrapped at this many characters, or at their old width when wider.
WIDTH = 80
_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"


@dataclass(frozen=True)
class Edit:
    """The new text of the scalar at ``path``; a ``literal`` (an ISO date) is written
    plain wherever the old value was plain."""

    path: sourcemap.Path
    text: str
    literal: bool = False
    notes: bool = False  # ``text`` is speaker notes in notes_text's form (notes_yaml.py)


def folded(text: str) -> str:
    """The text as a slide shows it: runs of ASCII white space are one space."""
    return _ASCII_SPACE.sub(" ", text).strip(" ")


def replace_values(text: str, file: str, edits: list[Edit]) -> str:
    """``text`` with each edit's scalar rewritten; raises ContentError (located at the
    value) when a value cannot be rewritten so that the file reads back as intended."""
    before, smap = sourcemap.parse(text, file)
    spans = sourcemap.scalar_spans(text)
    unique: dict[sourcemap.Path, Edit] = {}
    for edit in edits:
        unique.setdefault(edit.path, edit)
    twice = [e for e in edits if unique[e.path].text != e.text]
    if twice:
        raise ContentError([error(smap.locate(e.path), f"this value would get two new texts "
                                  f"('{unique[e.path].text}' and '{e.text}')",
                                  "make this change by hand") for e in twice])
    edits = list(unique.values())
    missing = [e for e in edits if e.path not in spans]
    if missing:
        raise ContentError([error(smap.locate(e.path), "this is not a single text value, so "
                                  "pull cannot replace it", "make this change by hand")
                            for e in missing])
    result = text
    for edit in sorted(edits, key=lambda e: spans[e.path].start, reverse=True):
        span = spans[edit.path]
        result = result[:span.start] + _render(edit, span, text) + result[span.end:]
    _verify(result, file, before, edits, smap)
    return result


def _verify(result: str, file: str, before: Any, edits: list[Edit],
            smap: sourcemap.SourceMap) -> None:
    """The new text must read back with the new values and every other value unchanged."""
    wrong = list(edits)
    try:
        after, _ = sourcemap.parse(result, file)
    except ContentError:
        after = None
    if after is not None:
        expected = before
        for edit in edits:
            expected = _set(expected, edit.path, _get(after, edit.path))
        if expected == after:
            wrong = [e for e in edits if not _reads_as(_get(after, e.path), e)]
    if wrong:
        raise ContentError([error(smap.locate(e.path), f"'{e.text}' could not be written "
                                  "here without changing other values",
                                  "make this change by hand") for e in wrong])


def _reads_as(value: Any, edit: Edit) -> bool:
    """Whether ``value`` reads as the edit's text: as a slide shows it, or as notes."""
    if not isinstance(value, str):
        return False
    if edit.notes:
        return notes_text(parse_notes(value)) == edit.text
    return folded(value) == folded(edit.text)


def _get(data: Any, path: sourcemap.Path) -> Any:
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _set(data: Any, path: sourcemap.Path, value: Any) -> Any:
    """A copy of ``data`` with the value at ``path`` replaced."""
    if not path:
        return value
    key, rest = path[0], path[1:]
    if isinstance(data, dict) and key in data:
        return {**data, key: _set(data[key], rest, value)}
    if isinstance(data, list) and isinstance(key, int) and key < len(data):
        return [_set(v, rest, value) if i == key else v for i, v in enumerate(data)]
    return data


def _render(edit: Edit, span: sourcemap.Span, text: str) -> str:
    if edit.notes:
        written = notes_value(edit.text, span, text)
        if written is not None:
            return written
    old = text[span.start:span.end]
    new = edit.text
    if span.style in ("|", ">") and new.isprintable() and new.strip() == new and new:
        return _block(old, new, span.style)
    if span.style == "" and (edit.literal or _plain_ok(new, span.flow)):
        return _wrapped(new, old, text, span) if "\n" in old else new
    keep_single = span.style == "'" and "\n" not in new and new.isprintable()
    if not keep_single and (span.style == '"' or "\n" in new or not new.isprintable()
                            or ("'" in new and '"' not in new)):
        return _double(new)
    return "'" + new.replace("'", "''") + "'"


def _plain_ok(new: str, flow: bool) -> bool:
    """Whether ``new`` reads back as the same text when written without quotes."""
    if not new or new != new.strip() or "\n" in new or not new.isprintable():
        return False
    if new[0] in _INDICATORS and not (new[0] in "-?:" and len(new) > 1 and new[1] != " "):
        return False
    if ": " in new or " #" in new or new.endswith(":") or "\t" in new:
        return False
    if flow and any(c in new for c in ",[]{}"):
        return False
    return _NOT_TEXT.fullmatch(new) is None


def _double(new: str) -> str:
    escaped = []
    for char in new:
        if char in '"\\':
            escaped.append("\\" + char)
        elif char == "\n":
            escaped.append("\\n")
        elif not char.isprintable():
            escaped.append(f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def _block(old: str, new: str, style: str) -> str:
    """A ``|`` or ``>`` block with the new text: header and trailing blank lines kept,
    a ``>`` block wrapped at the width its lines had."""
    header, _, body = old.partition("\n")
    lines = body.split("\n")
    content = [line for line in lines if line.strip()]
    if not content:
        return old
    indent = len(content[0]) - len(content[0].lstrip(" "))
    last = max(i for i, line in enumerate(lines) if line.strip())
    trailing = "\n".join(lines[last + 1:])
    if style == ">":
        width = max(WIDTH, *(len(line) for line in content))
        new_lines = textwrap.wrap(new, width=width, initial_indent=" " * indent,
                                  subsequent_indent=" " * indent, break_long_words=False,
                                  break_on_hyphens=False)
    else:
        new_lines = [" " * indent + new]
    return header + "\n" + "\n".join(new_lines) + "\n" + trailing


def _wrapped(new: str, old: str, text: str, span: sourcemap.Span) -> str:
    """A plain value that ran over several lines keeps doing so, at the same width."""
    lines = old.split("\n")
    line_start = text.rfind("\n", 0, span.start) + 1
    first = span.start - line_start
    indent = len(lines[1]) - len(lines[1].lstrip(" "))
    width = max(WIDTH, first + len(lines[0]), *(len(line) for line in lines[1:]))
    wrapped = textwrap.wrap(new, width=width, initial_indent=" " * first,
                            subsequent_indent=" " * indent, break_long_words=False,
                            break_on_hyphens=False)
    return "\n".join(wrapped)[first:]


BOM = b"\xef\xbb\xbf"


def encoded_like(original: bytes, text: str) -> bytes:
    """``text`` as bytes in the original file's manner: its byte-order mark and its line
    ends (CRLF where it had them), so an edit changes its lines and nothing else."""
    newline = "\r\n" if b"\r\n" in original else "\n"
    body = text.replace("\r\n", "\n").replace("\n", newline).encode("utf-8")
    return (BOM if original.startswith(BOM) else b"") + body
