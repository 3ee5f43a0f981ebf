"""The program: safe date edits, German dates, the calendar file, and any count of entries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import vobject
from pypdf import PdfReader

from deckbuilder.content.load import load_project
from deckbuilder.layout.plan import TableBox, TextBox
from deckbuilder.layout.slides import plan_deck
from deckbuilder.layout.text import Typesetter
from deckbuilder.text.measure import Measurer

from .conftest import MakeProject, replace_in, run_cli
from .pptx_text import flowing_text, normalize

Edit = Callable[[str, str, str], Path]


def _events(path: Path) -> list:  # type: ignore[type-arg]
    text = path.read_text("utf-8")
    return list(vobject.readOne(text).vevent_list)


def test_calendar_read_by_an_independent_parser_equals_the_yaml(project: Path) -> None:
    assert run_cli("build", project, "--format", "ics").returncode == 0
    ics = project / "output" / "szenarien-ihk-ruhr.ics"
    raw = ics.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")  # CRLF line ends only
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75  # folded
    program = load_project(project).project.program
    expected = sorted(((e.date, e.title, e.place or "Online")  # in date order
                       for e in [*program.events.entries, *program.deep_dives.entries]),
                      key=lambda row: row[0])
    got = [(ev.dtstart.value, ev.summary.value, ev.location.value) for ev in _events(ics)]
    assert got == expected
    for ev in _events(ics):
        assert ev.dtend.value - ev.dtstart.value == dt.timedelta(days=1)  # all-day
        assert ev.dtstamp.value == dt.datetime(2025, 11, 4, tzinfo=dt.UTC)
        assert "FUTURE CIRCLE PROGRAMM 2026" in ev.description.value
    assert len({ev.uid.value for ev in _events(ics)}) == 9


def test_move_changes_one_line_and_every_output(project: Path) -> None:
    program = project / "content" / "program.yaml"
    before = program.read_text("utf-8").splitlines(keepends=True)
    assert run_cli("build", project).returncode == 0
    uids = {ev.summary.value: ev.uid.value
            for ev in _events(project / "output" / "szenarien-ihk-ruhr.ics")}

    result = run_cli("events", "move", "Future Day Frankfurt", "2026-11-19", project)
    assert result.returncode == 0, result.stderr
    assert "moved 'Future Day (Frankfurt)' from 2026-11-12 to 2026-11-19" in result.stdout
    after = program.read_text("utf-8").splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [("    - date: 2026-11-12\n", "    - date: 2026-11-19\n")]

    assert run_cli("build", project).returncode == 0
    out = project / "output"
    assert "19. November Future Day Frankfurt" in flowing_text(out / "szenarien-ihk-ruhr.pptx")
    assert "12. November" not in flowing_text(out / "szenarien-ihk-ruhr.pptx")
    pdf = normalize(" ".join(p.extract_text() for p in PdfReader(out / "szenarien-ihk-ruhr.pdf")
                             .pages))
    assert "Do., 19. November 2026 Future Day Frankfurt" in pdf
    moved = {ev.summary.value: ev for ev in _events(out / "szenarien-ihk-ruhr.ics")}
    assert moved["Future Day"].dtstart.value == dt.date(2026, 11, 19)
    assert moved["Future Day"].uid.value == uids["Future Day"]


def test_ambiguous_and_unknown_titles_list_the_candidates(project: Path) -> None:
    result = run_cli("events", "move", "Virtuelle Sprechstunde", "2026-04-24", project)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: 'Virtuelle Sprechstunde' names 4 entries; add --on DATE to choose one:",
        "  2026-04-17  Virtuelle Sprechstunde", "  2026-06-19  Virtuelle Sprechstunde",
        "  2026-09-18  Virtuelle Sprechstunde", "  2026-11-20  Virtuelle Sprechstunde"]
    chosen = run_cli("events", "move", "Virtuelle Sprechstunde", "2026-04-24", project,
                     "--on", "2026-04-17")
    assert chosen.returncode == 0, chosen.stderr
    unknown = run_cli("events", "remove", "Future Dya Frankfurt", project)
    assert unknown.returncode == 2
    assert unknown.stderr.splitlines() == [
        "error: no program entry called 'Future Dya Frankfurt'; did you mean:",
        "  2026-11-12  Future Day (Frankfurt)"]


def test_an_edit_that_would_break_the_program_is_not_written(make_project: MakeProject
                                                              ) -> None:
    project = make_project()
    program = project / "content" / "program.yaml"
    before = program.read_bytes()
    result = run_cli("events", "move", "Workshop", "2027-11-19", project,
                     cwd=project)  # places are shown from the folder the command ran in
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/program.yaml:8:13: error: 2027-11-19 is not in 2026, the year of this program "
        "(correct the year, or the program's 'year')")
    assert program.read_bytes() == before
    assert [p.name for p in program.parent.iterdir() if p.name.startswith(".")] == []


def test_add_and_remove_keep_the_rest_of_the_file(project: Path) -> None:
    program = project / "content" / "program.yaml"
    original = program.read_text("utf-8")
    assert run_cli("events", "add", "2026-12-03", "Future Work Session", project,
                   "--place", "Essen").returncode == 0
    added = program.read_text("utf-8")
    assert added.replace("    - date: 2026-12-03\n      title: Future Work Session\n"
                         "      place: Essen\n", "") == original
    assert run_cli("events", "remove", "Future Work Session Essen", project).returncode == 0
    assert program.read_text("utf-8") == original


#: Edits of the small project's program (tests/projects/mini) and the message each causes.
BAD_DATES = [
    ("2026-03-04", "2025-03-04",
     "content/program.yaml:8:13: error: 2025-03-04 is not in 2026, the year of this program "
     "(correct the year, or the program's 'year')"),
    ("2026-03-04", "Di, 2026-03-04",
     "content/program.yaml:8:13: error: 'Di, 2026-03-04' names a Tuesday, but 2026-03-04 is a "
     "Wednesday"),
    ("2026-03-04", "2026-04-31",
     "content/program.yaml:8:13: error: '2026-04-31' is not a date (April 2026 has 30 days)"),
    ("      title: Sprechstunde\n",
     "      title: Sprechstunde\n    - date: 2026-04-17\n      title: Sprechstunde\n",
     "content/program.yaml:17:13: error: 'Sprechstunde' on 2026-04-17 is listed twice "
     "(first on line 15) (remove one of them)"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_DATES)
def test_bad_program_dates(old: str, new: str, message: str,
                           make_project: MakeProject) -> None:
    project = replace_in(make_project(), "program.yaml", old, new)
    result = run_cli("check", project,
                     cwd=project)  # places are shown from the folder the command ran in
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message, "1 error; nothing was written."]


def test_a_matching_weekday_is_accepted(make_project: MakeProject) -> None:
    project = replace_in(make_project(), "program.yaml", "2026-03-04", "Mi., 2026-03-04")
    result = run_cli("build", project, "--format", "ics")
    assert (result.returncode, result.stderr) == (0, "")
    calendar = (project / "output" / "my-deck.ics").read_bytes().decode("utf-8")
    assert "DTSTART;VALUE=DATE:20260304\r\n" in calendar  # the date, without its weekday


def test_past_entries_warn_and_grey_or_hide(project: Path, edit: Edit) -> None:
    late = "1790000000"  # 2026-09-21: seven entries lie in the past
    result = run_cli("build", project, epoch=late)
    assert result.returncode == 0
    assert result.stderr.count("warning:") == 7
    line = (project / "content" / "program.yaml").read_text("utf-8").splitlines().index(
        "    - date: 2026-03-04") + 1  # the IHK program's first entry, wherever it is
    assert (f"content/program.yaml:{line}:13: warning: 'Future Work Session (FC Bayern München)' "
            "on 2026-03-04 is in the past; it is greyed out") in result.stderr
    listing = run_cli("events", "list", project, epoch=late).stdout.splitlines()
    assert re.fullmatch(r"EVENTS +Mi\., 04\. März 2026 +Future Work Session \(FC Bayern München\)"
                        r" +past", listing[0])
    assert listing[3].endswith("Future Day (Frankfurt)")
    edit("program.yaml", "past: grey", "past: hide")
    assert run_cli("build", project, epoch=late).returncode == 0
    text = flowing_text(project / "output" / "szenarien-ihk-ruhr.pptx")
    assert "FC Bayern München" not in text and "Future Day Frankfurt" in text


def _program(n: int) -> str:
    rows = "".join(f"    - date: 2026-{1 + i % 12:02d}-{1 + i // 12:02d}\n"
                   f"      title: Future Work Session Nummer {i + 1}\n"
                   f"      place: Ein Partner mit einem recht langen Namen, Stadt\n"
                   for i in range(n))
    return ("title: FUTURE CIRCLE PROGRAMM 2026\nyear: 2026\nevents:\n  heading: EVENTS\n"
            f"  entries:\n{rows}deep_dives:\n  heading: DIGITAL DEEP DIVE\n  entries:\n"
            "    - date: 2026-04-17\n      title: Virtuelle Sprechstunde\n"
            "publications:\n  heading: PUBLIKATIONEN\n  entries:\n"
            "    - half: 1\n      title: Eine Publikation\n")


# 20 long entries take four slides: each line is measured in the wider of Source Sans Pro
# and the fallback, Liberation Sans (Arial's widths), and each row takes the room it needs
# in DejaVu Sans (the widest common fallback), so it fits wherever it is drawn.
@pytest.mark.parametrize(("count", "slides"), [(1, 1), (8, 1), pytest.param(
    20, 4, marks=pytest.mark.slow)])  # the longest: with the slow tests
def test_any_count_of_entries_fits(project: Path, count: int, slides: int) -> None:
    (project / "content" / "program.yaml").write_text(_program(count), "utf-8")
    loaded = load_project(project)
    ts = Typesetter(loaded.theme, Measurer(loaded.theme, project))
    own = Typesetter(loaded.theme, Measurer(loaded.theme, project).own())
    plan = plan_deck(loaded, ts, dt.date(2025, 11, 4))
    program_slides = [s for s in plan.slides if s.kind == "program"]
    assert len(program_slides) == slides
    labels: list[str] = []
    headings: list[str] = []
    for slide in program_slides:
        for el in slide.elements:
            assert el.box.inside(plan.width, plan.height)
            footer = isinstance(el, TextBox) and el.role == "footer"
            assert footer or el.box.bottom <= plan.height - loaded.theme.slide.bottom
            if isinstance(el, TableBox):
                assert el.header_rows == 1  # the group's heading, across both columns
                head = el.rows[0][0]
                assert ts.height(list(head), el.box.w - 2 * el.padding, el.scale) \
                    <= el.heights[0] + 0.01
                headings.append(head[0].text)
                for row, height in zip(el.rows[1:], el.heights[1:], strict=True):
                    for cell, width in zip(row, el.columns, strict=True):
                        # rows are as tall as their text in the deck's own fonts; wider
                        # ones grow them, with room kept (test_wide_fallback.py)
                        needed = own.height(list(cell), width - 2 * el.padding, el.scale)
                        assert needed + 2 * el.padding <= height + 0.01
                        labels += [p.text for p in cell]
            if isinstance(el, TextBox):
                assert ts.height(el.paras, el.box.w, el.scale) <= el.box.h + 0.01
    for i in range(count):
        at = labels.index(f"Future Work Session Nummer {i + 1}")
        assert labels[at + 1] == "Ein Partner mit einem recht langen Namen, Stadt"
    if slides > 1:  # a group continued from the column before says so
        assert headings.count("EVENTS") == 1
        assert headings.count("EVENTS (Fortsetzung)") >= slides - 1
    result = run_cli("build", project, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    pdf = " ".join(p.extract_text() for p in
                   PdfReader(project / "output" / "szenarien-ihk-ruhr.pdf").pages)
    assert len(re.findall(r"Nummer \d+", pdf)) == count
