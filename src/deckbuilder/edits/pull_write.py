"""Writes the edits ``pull`` found into content/, and tells the guard which were carried.

Only the characters of each edited value change (yaml_text); every changed file is read
back, the whole project is loaded from the new texts as a build would, and only then are
the files replaced, all in one step (atomic.write_all). A trend's title is also the
radar's name for it, so a renamed trend renames its radar entries with it.

After a pull the deck still differs from what the last build wrote, so the guard would
stop the next build. Pull therefore records what it accepted: the edited deck's summary
for every slide whose edits are all in content/ now, the old summary for slides with
something left alone. With nothing left, the record is the edited file itself (hash and
stamp), so the next build replaces it — the build writes the same texts from content/.
With something left, the guard still stops, naming only those slides. This is decided at
pull time, not by comparing with the next build, because pull is where it is known which
text was carried where; the guard runs before anything is rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..content import sourcemap
from ..content.editions import program_file
from ..content.load import collect_project, proposed_texts
from ..errors import ContentError, Location, error
from . import changelog, output_state
from .deck_summary import NOTES, Shape, Slide, pair_shapes, pair_slides, to_json
from .guard import REPLACED, keep
from .history import undo, write_content
from .program_text import move_entry
from .pull import Found, Proposal
from .yaml_text import Edit, encoded_like, folded, replace_values

PROGRAM = "content/program.yaml"
#: Radar fields that name a trend by its title.
_RADAR_NAMES = ("name", "from", "to")


@dataclass(frozen=True)
class Plan:
    """The changes to write (``follows``: made because of another, e.g. the radar's name of
    a renamed trend), and what is left alone with the slide numbers it concerns
    (``text_left``: those where a text edit is left)."""

    changes: list[Proposal]
    follows: list[Proposal]
    left: list[str]
    left_slides: set[int]
    text_left: set[int]


def plan(root: Path, found: Found) -> Plan:
    """One change per content value: a value edited the same way on several slides is
    written once; edited differently, it is left alone."""
    by_value: dict[tuple[str, sourcemap.Path], list[Proposal]] = {}
    for p in found.proposals:
        assert p.where is not None
        by_value.setdefault((p.where.file, p.path), []).append(p)
    changes, left, slides = [], list(found.left), set(found.left_slides)
    text_left = set(found.unplaced)
    for group in by_value.values():
        if len({p.value for p in group}) == 1:
            changes.append(group[0])
            continue
        numbers = sorted({p.slide for p in group})
        slides.update(numbers)
        text_left.update(numbers)
        texts = " and ".join(f"'{p.new}' (slide {p.slide})" for p in group)
        left.append(f"{group[0].where}: edited differently on slides "
                    f"{', '.join(map(str, numbers))}: {texts}")
    return Plan(changes, _radar_names(root, changes), left, slides, text_left)


def _radar_names(root: Path, changes: list[Proposal]) -> list[Proposal]:
    """The radar entries that name a trend whose title changed."""
    renamed = {p.old: p for p in changes if p.where is not None
               and p.where.file == "content/trends.yaml" and len(p.path) == 3
               and p.path[0] == "trends" and p.path[2] == "title"}
    radar = root / "content" / "radar.yaml"
    if not renamed or not radar.is_file():
        return []
    name = "content/radar.yaml"
    planned = {(p.where.file, p.path) for p in changes if p.where is not None}
    data, smap = sourcemap.parse(sourcemap.decode(radar.read_bytes(), name), name)
    follows = []
    for section in ("trends", "connections"):
        items = data.get(section) if isinstance(data, dict) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            for key in _RADAR_NAMES:
                value = item.get(key) if isinstance(item, dict) else None
                p = renamed.get(folded(value)) if isinstance(value, str) else None
                path = (section, i, key)
                if p is not None and (name, path) not in planned:
                    follows.append(replace(p, where=smap.locate(path), path=path,
                                           note=f"the radar names the trend '{p.old}' here"))
    return follows


def new_texts(root: Path, changes: list[Proposal]) -> dict[Path, str]:
    """Each content file to change, with its new text; raises ContentError (nothing
    written) when a value cannot be rewritten or the project would not load any more."""
    by_file: dict[str, list[Edit]] = {}
    for p in changes:
        assert p.where is not None
        by_file.setdefault(p.where.file, []).append(Edit(p.path, p.value, p.literal, p.notes))
    texts = {}
    for file, edits in sorted(by_file.items()):
        path = root / file
        texts[path] = replace_values(sourcemap.decode(path.read_bytes(), file), file, edits)
        if file in (PROGRAM, program_file(root)):  # the shared one, or an edition's own
            texts[path] = _in_date_order(texts[path], edits)
    _validate(root, texts)
    return texts


def _in_date_order(text: str, edits: list[Edit]) -> str:
    """A moved event's lines go where its new date belongs, as 'events move' does (the
    outputs sort by date anyway; the file should read in order too). With several dates of
    one section edited at once the lines stay: moving one would shift the others."""
    moved = [e.path for e in edits if len(e.path) == 4 and e.path[1:2] == ("entries",)
             and e.path[3] == "date" and isinstance(e.path[2], int)]
    for section in {str(p[0]) for p in moved}:
        mine = [p for p in moved if p[0] == section]
        if len(mine) == 1:
            text = move_entry(text, section, int(mine[0][2]))
    return text


def _validate(root: Path, texts: dict[Path, str]) -> None:
    """Loads the project as a build would, with the new texts in place of the files."""
    with proposed_texts({path.relative_to(root / "content").as_posix(): text
                         for path, text in texts.items()}):
        _, found = collect_project(root)
    problems = [d for d in found if d.severity == "error"]
    if problems:
        raise ContentError([*problems, error(
            Location(str(next(iter(texts)).relative_to(root))),
            "pull wrote nothing: with the edited texts, the content above would not build",
            "make these changes by hand in content/")])


def write(root: Path, texts: dict[Path, str], command: str = "pull",
          summary: Sequence[str] = ()) -> None:
    """Replaces the content files in one step, all of them or none, keeping them as they
    were in the history (bytes: no newline translation on Windows)."""
    write_content(root, {path: encoded_like(path.read_bytes(), text)
                         for path, text in texts.items()}, command, summary)


def write_and_accept(root: Path, texts: dict[Path, str], command: str, summary: Sequence[str],
                     accepting: Callable[[], Path] | None) -> Path | None:
    """``write``, then ``accepting`` (accept, for the deck in the output folder); when that
    fails (a full disk), the content files are put back: a pull that could not record what
    it carried must not have carried it, or the next build would replace the edited deck
    with nothing kept."""
    write(root, texts, command, summary)
    if accepting is None:
        return None
    try:
        return accepting()
    except BaseException:
        undo(root)
        raise


def summarize(out: Path, changes: list[Proposal]) -> list[str]:
    """The change log's words for the slides a pull changes ('Folie 12, Trend EMPATHIC
    CITY: Text geändert'), from the last build's record of its slides; the program's dates
    speak for themselves (history.write_content)."""
    content = output_state.load(out).get("content")
    slides = content.get("slides", []) if isinstance(content, dict) else []
    lines: list[str] = []
    for p in sorted(changes, key=lambda p: p.slide):
        if p.where is not None and p.where.file == PROGRAM and not p.notes:
            continue
        slide = slides[p.slide - 1] if 0 < p.slide <= len(slides) else None
        if p.path[-1:] == ("title",) and isinstance(slide, dict) and slide["title"] == p.old:
            slide = {**slide, "title": p.new}  # as the next build's log names it
            line = changelog.edited_line(p.slide, slide, f"Titel geändert (bisher „{p.old}“)")
        else:
            line = changelog.edited_line(p.slide, slide,
                                         "Notizen geändert" if p.notes else "Text geändert")
        if line not in lines:
            lines.append(line)
    return lines


def accept(out: Path, built: str, found: Found, plan: Plan,
           now: dt.datetime | None = None) -> Path:
    """Records the carried edits for the guard (see the module's docstring) and keeps a
    copy of the edited deck under output/replaced/ — its formatting, pictures and notes are
    not carried into content/. Returns the copy."""
    deck = out / built
    earlier = set((out / REPLACED).glob("*"))
    copy = keep(deck, out / REPLACED, now or dt.datetime.now())
    try:
        _record_accepted(out, built, deck, found, plan)
    except BaseException:
        if copy not in earlier:  # a failed pull leaves no copy behind
            copy.unlink(missing_ok=True)
        raise
    return copy


def _record_accepted(out: Path, built: str, deck: Path, found: Found, plan: Plan) -> None:
    state = output_state.load(out)
    outputs = state.setdefault("outputs", {})
    if plan.left_slides:
        record = dict(outputs.get(built, {}))
        record["slides"] = to_json(_accepted(found.before, found.now, plan))
        record.pop(output_state.READ_FROM, None)  # not what those bytes hold
    else:
        record = output_state.describe_output(deck)
    outputs[built] = record
    output_state.save(out, state)


def _accepted(before: list[Slide], now: list[Slide], plan: Plan) -> list[Slide]:
    """The edited deck's slides where everything was carried; where only moves or resizes
    are left, its texts in the recorded places; the recorded slide where a text is left or
    shapes were added (a deleted slide stays, an added one is not there)."""
    slides = []
    for a, b in pair_slides(before, now):
        if a is None:
            continue
        if b is None or b + 1 in plan.text_left:
            slides.append(before[a])
        elif b + 1 not in plan.left_slides:
            slides.append(now[b])
        else:
            pairs = pair_shapes(before[a], now[b])
            notes = tuple(s for s in now[b] if s.name == NOTES)  # carried with the texts
            slides.append(before[a] if pairs is None else
                          (*(Shape(n.name, n.text, o.box) for o, n in pairs), *notes))
    return slides
