"""The change log for hand-outs: what changed in the content from one build to the next.

Printed decks and dossiers travel; a reader holding last week's copy wants to know what is
different in this one. Each build compares a summary of its content (the program's dated
entries, each slide's kind, title, texts and pictures) with the previous build's, kept in
the output folder's state, and appends dated German entries to output/NAME-changes.md:

    ## Fassung vom 19.11.2025
    - 12.11.2026 → 19.11.2026: Future Day Frankfurt verschoben
    - 09.–11.12.2026 → 16.–18.12.2026: Zukunftsmesse verschoben
    - Folie 12, Trend EMPATHIC CITY: Text geändert

The file is written with the other outputs (temporary file, then rename), so a failed
build adds nothing; entries people add or correct by hand stay, as the build only appends.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.dates import numeric_date
from ..content.model import ProgramFile
from ..content.program import entries
from ..layout import plan as lp
from . import output_state

#: How a slide is named in an entry ("Folie 12, Trend EMPATHIC CITY").
KINDS = {"title": "Titelfolie", "method": "Methode", "radar": "Trendradar",
         "section": "Kapitel", "trend": "Trend", "scenario-divider": "Szenario",
         "scenario-text": "Szenario", "offerings": "Angebote", "program": "Programm",
         "cta": "Aufruf", "legal": "Rechtliches"}

HEADING = "## Fassung vom "
_HEADING = re.compile(r"^## Fassung vom (\d{2})\.(\d{2})\.(\d{4})\s*$", re.MULTILINE)

Summary = dict[str, Any]


def summarize(program: ProgramFile, plan: lp.DeckPlan) -> Summary:
    """What a reader of this build sees, in a form the next build can compare with."""
    return {"events": summarize_events(program), "slides": [_slide(s) for s in plan.slides]}


def summarize_events(program: ProgramFile) -> list[dict[str, Any]]:
    """The program's dated entries as the change log compares them (also what `history`
    says a change to the program did)."""
    return [{"id": e.identity, "date": e.event.date.isoformat(),
             "end": e.event.end.isoformat() if e.event.end else None,
             "label": e.event.label, "row": _row(e.event.title, e.event.place)}
            for e in entries(program)]


def _slide(slide: lp.SlidePlan) -> dict[str, Any]:
    texts: list[str] = []
    pictures: list[str] = []
    title = ""
    for element in slide.elements:
        for role, text in _texts(element):
            if role == "title" and not title:
                title = " – ".join(line.strip() for line in text.splitlines() if line.strip())
            texts.append(text)
        pictures += [e.path for e in _pictures(element)]
    return {"kind": slide.kind, "title": title, "texts": texts, "pictures": pictures,
            "source": str(slide.source)}  # where pull looks first for an edited text


def _texts(element: lp.Element) -> Iterator[tuple[str, str]]:
    """(role, text) of every text on a slide; footers (slide numbers) left out, as they
    change whenever a slide is added before them."""
    if isinstance(element, lp.TextBox):
        if element.role != "footer":
            yield element.role, "\n".join(p.text for p in element.paras)
    elif isinstance(element, lp.ShapeBox) and element.text is not None:
        yield from _texts(element.text)
    elif isinstance(element, lp.TableBox):
        for row in element.rows:
            yield "cell", " | ".join("\n".join(p.text for p in cell) for cell in row)
    elif isinstance(element, lp.GroupBox):
        for inner in element.elements:
            yield from _texts(inner)


def _pictures(element: lp.Element) -> list[lp.PictureBox]:
    return [element] if isinstance(element, lp.PictureBox) else []


# ---- comparing two builds ------------------------------------------------------------------


def compare(old: Summary, new: Summary) -> list[str]:
    """The German entries for what changed from ``old`` to ``new``, events first."""
    lines, moved_labels = _event_changes(old.get("events", []), new.get("events", []))
    return lines + list(_slide_changes(old.get("slides", []), new.get("slides", []),
                                       moved_labels))


def _event_changes(old: list[dict[str, Any]], new: list[dict[str, Any]]
                   ) -> tuple[list[str], set[str]]:
    """Entries for moved, added and removed events, and every label they concern (their
    rows on the program slide changed too, which needs no entry of its own)."""
    before = {e["id"]: e for e in old}
    after = {e["id"]: e for e in new}
    lines: list[str] = []
    labels: set[str] = set()
    for key, event in after.items():
        was = before.get(key)
        if was is None:
            lines.append(f"Termin hinzugefügt: {_days(event)} {event['label']}")
        elif _span(was, event) != _span(event):
            lines.append(_moved(was, event))
        elif was["label"] != event["label"]:
            lines.append(f"Termin {_days(event)} umbenannt: „{was['label']}“ → "
                         f"„{event['label']}“")
        else:
            continue
        labels |= _readings(event) | _readings(was or event)
    for key, event in before.items():
        if key not in after:
            lines.append(f"Termin entfernt: {_days(event)} {event['label']}")
            labels |= _readings(event)
    return lines, labels


def _span(event: dict[str, Any], now: dict[str, Any] | None = None) -> tuple[str, str]:
    """An event's first and last day (ISO); an earlier build's state that kept no last
    days (older deckbuilder) is taken to have ``now``'s, so it invents no change."""
    end = event.get("end") if "end" in event or now is None else now.get("end")
    return event["date"], end or event["date"]


def _moved(was: dict[str, Any], now: dict[str, Any]) -> str:
    """'12.11.2026 → 19.11.2026: Future Day verschoben'; an event of several days with its
    days ('09.–11.12.2026 → 16.–18.12.2026'); one with only a new last day is longer or
    shorter, not moved."""
    (start, end), (new_start, new_end) = _span(was, now), _span(now)
    change = f"{_days(was, now)} → {_days(now)}: {now['label']}"
    if start != new_start:
        return f"{change} verschoben"
    return f"{change} {'verlängert' if new_end > end else 'verkürzt'}"


def _row(title: str, place: str | None) -> str:
    """An event's title cell on the program slide: the place is the cell's second line."""
    return f"{title}\n{place}" if place else title


def _readings(event: dict[str, Any]) -> set[str]:
    """How an event reads in messages and in its program row (older states lack "row")."""
    return {event["label"], event.get("row", event["label"])}


def _days(event: dict[str, Any], now: dict[str, Any] | None = None) -> str:
    """An event's day ('19.11.2026') or days ('09.–11.12.2026'), as the log writes them."""
    first, last = (dt.date.fromisoformat(day) for day in _span(event, now))
    return numeric_date(first, last)


def _slide_changes(old: list[dict[str, Any]], new: list[dict[str, Any]], moved: set[str]
                   ) -> Iterator[str]:
    """Slides paired by kind and title, so that one added slide is one entry; among the
    slides that differ, those of the same kind in the same order are one slide retitled."""
    for a0, a1, b0, b1, same in _blocks([(s["kind"], s["title"]) for s in old],
                                         [(s["kind"], s["title"]) for s in new]):
        if not same:
            for inner in _blocks([s["kind"] for s in old[a0:a1]],
                                 [s["kind"] for s in new[b0:b1]]):
                yield from _block(old, new, a0 + inner[0], a0 + inner[1], b0 + inner[2],
                                  b0 + inner[3], inner[4], moved)
        else:
            yield from _block(old, new, a0, a1, b0, b1, same, moved)


def _blocks(a: list[Any], b: list[Any]) -> Iterator[tuple[int, int, int, int, bool]]:
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        yield a0, a1, b0, b1, op == "equal"


def _block(old: list[dict[str, Any]], new: list[dict[str, Any]], a0: int, a1: int, b0: int,
           b1: int, same: bool, moved: set[str]) -> Iterator[str]:
    if same:
        for i in range(a1 - a0):
            yield from _edited(old[a0 + i], new[b0 + i], b0 + i + 1, moved)
        return
    for j in range(b0, b1):
        yield f"Folie hinzugefügt: Folie {j + 1}, {_label(new[j])}"
    for i in range(a0, a1):
        yield f"Folie entfernt: {_label(old[i])} (bisher Folie {i + 1})"


def _edited(old: dict[str, Any], new: dict[str, Any], number: int, moved: set[str]
            ) -> Iterator[str]:
    place = f"Folie {number}, {_label(new)}"
    if old["title"] != new["title"]:
        yield f"{place}: Titel geändert (bisher „{old['title']}“)"
    if _body(old, moved) != _body(new, moved):
        yield f"{place}: Text geändert"
    if old["pictures"] != new["pictures"]:
        yield f"{place}: Bild geändert"


def _body(slide: dict[str, Any], moved: set[str]) -> list[str]:
    """A slide's texts but its title and the rows of events that have entries already."""
    texts = [t for t in slide["texts"] if " – ".join(
        line.strip() for line in t.splitlines() if line.strip()) != slide["title"]]
    return [t for t in texts if not any(label in t for label in moved)]


def edited_line(number: int, slide: dict[str, Any] | None, what: str) -> str:
    """'Folie 12, Trend EMPATHIC CITY: Text geändert' for a slide of the last build."""
    place = f"Folie {number}, {_label(slide)}" if slide else f"Folie {number}"
    return f"{place}: {what}"


def _label(slide: dict[str, Any]) -> str:
    kind = KINDS.get(slide["kind"], "")
    title = slide["title"]
    if not title:
        return kind or "ohne Titel"
    if not kind or title.casefold().startswith(kind.casefold()):
        return title
    return f"{kind} {title}"


# ---- the file ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Update:
    """The change log's new text and how many entries this build adds."""

    path: Path
    text: str
    added: int
    first: bool

    def write(self, path: Path) -> str:
        """Writes the new text to ``path`` (a temporary file the build renames)."""
        path.write_text(self.text, "utf-8")
        return "first version" if self.first else \
            f"{self.added} change{'s' if self.added != 1 else ''}"


def update(path: Path, title: str, before: Summary | None, now: Summary, day: dt.date
           ) -> Update | None:
    """The change log with this build's entries appended; None when nothing is to add.

    The first build (no earlier summary, no log yet) writes "Erste Fassung"; a log that
    exists without an earlier summary (state lost) gets nothing until the next change.
    """
    existing = path.read_text("utf-8") if path.is_file() else ""
    if before is None:
        lines, first = (["Erste Fassung"], True) if not existing else ([], False)
    else:
        lines, first = compare(before, now), False
    if not lines:
        return None
    text = existing or f"# Änderungen – {title}\n\nJede Fassung mit ihrem Datum, die neueste " \
                       "zuletzt.\n"
    heading = f"{HEADING}{numeric_date(day)}"
    found = _HEADING.findall(text)
    same_day = bool(found) and found[-1] == tuple(numeric_date(day).split("."))
    text = text.rstrip("\n") + "\n"
    if not same_day:
        text += f"\n{heading}\n\n"
    text += "".join(f"- {line}\n" for line in lines)
    return Update(path, text, len(lines), first)


def for_build(out: Path, name: str, title: str, program: ProgramFile, plan: lp.DeckPlan,
              day: dt.date) -> tuple[Summary, Update | None]:
    """This build's content summary (to record once written) and the log's update."""
    now = summarize(program, plan)
    before = output_state.load(out).get("content")
    return now, update(out / f"{name}-changes.md", title,
                       before if isinstance(before, dict) else None, now, day)


def since(text: str, day: dt.date) -> str:
    """The log's sections dated ``day`` or later (everything before the first one is the
    header, and left out)."""
    starts = [(m.start(), dt.date(int(m[3]), int(m[2]), int(m[1])))
              for m in _HEADING.finditer(text)]
    kept = [text[start:(starts[i + 1][0] if i + 1 < len(starts) else len(text))]
            for i, (start, when) in enumerate(starts) if when >= day]
    return "".join(kept)
