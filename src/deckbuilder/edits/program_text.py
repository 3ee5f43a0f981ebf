"""Moves and removes whole program entries in program.yaml's text, comments included.

ruamel.yaml keeps a comment above an entry with the entry *before* it (as that entry's
trailing comment), so reordering its data would leave comments behind. Instead ruamel
tells where each entry starts; an entry's block is its lines plus the comment lines right
above it, and blocks move as whole lines. Blank lines between entries stay where they are.
"""

from __future__ import annotations

import datetime as dt
import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _seq(text: str, section: str) -> CommentedSeq | None:
    data = YAML().load(text)
    try:
        seq = data[section]["entries"]
    except (KeyError, TypeError):
        return None
    return seq if isinstance(seq, CommentedSeq) else None


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    found = _ISO.search(str(value))
    try:
        return dt.date.fromisoformat(found.group()) if found else None
    except ValueError:
        return None


def _blank(line: str) -> bool:
    return not line.strip()


def _comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _spans(lines: list[str], starts: list[int]) -> list[tuple[int, int]] | None:
    """(first, end) line indices of each entry's block: its leading comment lines, its own
    lines, no blank lines at either end. None for a layout this cannot split safely."""
    if any(b <= a for a, b in zip(starts, starts[1:], strict=False)) or "-" not in lines[starts[0]]:
        return None
    dash = lines[starts[0]].index("-")
    leads = []
    for i, start in enumerate(starts):
        floor = starts[i - 1] if i else -1
        lead = start
        while lead - 1 > floor and _comment(lines[lead - 1]):
            lead -= 1
        leads.append(lead)
    ends = []
    for i, start in enumerate(starts):
        end = leads[i + 1] if i + 1 < len(starts) else _list_end(lines, start, dash)
        while end - 1 > start and _blank(lines[end - 1]):
            end -= 1
        ends.append(end)
    return list(zip(leads, ends, strict=True))


def _list_end(lines: list[str], start: int, dash: int) -> int:
    """The line after the last entry: the first line indented no deeper than the dashes."""
    end = start + 1
    while end < len(lines) and (_blank(lines[end]) or
                                len(lines[end]) - len(lines[end].lstrip()) > dash):
        end += 1
    return end


def _layout(text: str, section: str) -> tuple[list[str], list[tuple[int, int]], list] | None:  # type: ignore[type-arg]
    seq = _seq(text, section)
    if seq is None or not len(seq):
        return None
    lines = text.splitlines(keepends=True)
    spans = _spans(lines, [seq.lc.item(i)[0] for i in range(len(seq))])
    return None if spans is None else (lines, spans, list(seq))


def _join(lines: list[str], spans: list[tuple[int, int]], order: list[int]) -> str:
    """The text with block ``order[k]`` in the place of block ``k``; gaps stay."""
    out = lines[: spans[0][0]]
    for k, index in enumerate(order):
        first, end = spans[index]
        out += lines[first:end]
        following = spans[k + 1][0] if k + 1 < len(spans) else len(lines)
        out += lines[spans[k][1]:following]
    return "".join(out)


def move_entry(text: str, section: str, index: int) -> str:
    """The text with entry ``index`` of ``section`` moved, lines and comments, before the
    first other entry that starts later (after those on the same day). Unchanged when the
    file's layout is one this cannot split (the outputs still sort by date)."""
    found = _layout(text, section)
    if found is None:
        return text
    lines, spans, items = found
    day = _date(items[index].get("date"))
    if day is None:
        return text
    order = [i for i in range(len(items)) if i != index]
    later = (k for k, i in enumerate(order) if (_date(items[i].get("date")) or dt.date.max) > day)
    order.insert(next(later, len(order)), index)
    return _join(lines, spans, order)


def remove_entry(text: str, section: str, index: int) -> str | None:
    """The text without entry ``index`` of ``section`` and the comment lines above it;
    None when the file's layout is one this cannot split."""
    found = _layout(text, section)
    if found is None:
        return None
    lines, spans, _ = found
    first, end = spans[index]
    if index + 1 < len(spans):
        end = spans[index + 1][0]  # with the gap after it
    elif index > 0:
        first = spans[index - 1][1]  # the last one: with the gap before it
    return "".join(lines[:first] + lines[end:])
