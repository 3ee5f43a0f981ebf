"""`events move/add/remove` keep program.yaml in date order, comments with their entries;
names are found by title, place, words and typos, with dates in every suggestion."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import vobject
from pypdf import PdfReader

from deckbuilder.content.load import load_project
from deckbuilder.layout.program_slide import program_groups

from .conftest import MakeProject, run_cli
from .pptx_text import normalize, slide_texts

COMMENTED = {
    "    - date: 2026-06-09\n": "    # confirmed by Melitta in January\n    - date: 2026-06-09\n",
    "    - date: 2026-04-17\n": "    # the first one of the year\n    - date: 2026-04-17\n",
}


def _commented(project: Path) -> Path:
    program = project / "content" / "program.yaml"
    text = program.read_text("utf-8")
    for old, new in COMMENTED.items():
        assert old in text
        text = text.replace(old, new, 1)
    program.write_text(text, "utf-8")
    return program


def _dates(text: str, section: str) -> list[str]:
    part = text.split(f"\n{section}:\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"date: (\S+)", part)


@pytest.mark.slow  # README's test command stays under two minutes
def test_moving_the_first_event_to_december_lists_it_last_everywhere(project: Path) -> None:
    program = _commented(project)
    before = program.read_text("utf-8")
    assert run_cli("build", project, "--format", "ics").returncode == 0
    ics = project / "output" / "szenarien-ihk-ruhr.ics"
    uids = {e.dtstart.value: e.uid.value for e in vobject.readOne(ics.read_text("utf-8"))
            .vevent_list}
    uid = uids[dt.date(2026, 3, 4)]

    result = run_cli("events", "move", "FC Bayern", "2026-12-10", project)
    assert result.returncode == 0, result.stderr
    after = program.read_text("utf-8")
    assert _dates(after, "events") == ["2026-06-09", "2026-08-20", "2026-11-12", "2026-12-10"]
    moved = ("    - date: 2026-12-10\n      title: Future Work Session\n"
             "      place: FC Bayern München\n")
    assert moved + "\ndeep_dives:" in after  # the blank line still ends the list
    assert sorted(after.splitlines()) == sorted(
        before.replace("date: 2026-03-04", "date: 2026-12-10").splitlines())
    assert "    # confirmed by Melitta in January\n    - date: 2026-06-09\n" in after

    assert run_cli("build", project).returncode == 0
    out = project / "output"
    (slide,) = [t for t in slide_texts(out / "szenarien-ihk-ruhr.pptx") if "PROGRAMM" in t]
    events = slide.split("EVENTS", 1)[1].split("DIGITAL DEEP DIVE", 1)[0].strip().splitlines()
    assert events[-3:] == ["10. Dezember", "Future Work Session", "FC Bayern München"]
    assert events[0] == "09. Juni"
    pdf = normalize(" ".join(p.extract_text() for p in
                             PdfReader(out / "szenarien-ihk-ruhr.pdf").pages))
    pdf_events = pdf.split("EVENTS", 2)[-1].split("DIGITAL DEEP DIVE")[0]
    assert pdf_events.rstrip().endswith("Do., 10. Dezember 2026 Future Work Session FC Bayern "
                                        "München")
    calendar = list(vobject.readOne((out / "szenarien-ihk-ruhr.ics").read_text("utf-8"))
                    .vevent_list)
    assert [e.dtstart.value for e in calendar] == sorted(e.dtstart.value for e in calendar)
    last = calendar[-1]
    assert (last.summary.value, last.location.value) == ("Future Work Session",
                                                         "FC Bayern München")
    assert last.dtstart.value == dt.date(2026, 12, 10) and last.uid.value == uid


def test_a_moved_entry_takes_its_comment_along(project: Path) -> None:
    program = _commented(project)
    result = run_cli("events", "move", "Virtuelle Sprechstunde", "2026-12-03", project,
                     "--on", "2026-04-17")
    assert result.returncode == 0, result.stderr
    text = program.read_text("utf-8")
    assert _dates(text, "deep_dives") == ["2026-06-19", "2026-07-03", "2026-09-18",
                                          "2026-11-20", "2026-12-03"]
    assert ("      title: Virtuelle Sprechstunde\n    # the first one of the year\n"
            "    - date: 2026-12-03\n      title: Virtuelle Sprechstunde\n\npublications:"
            ) in text


def test_add_goes_between_an_entry_and_the_comment_of_the_next(project: Path) -> None:
    program = _commented(project)
    before = program.read_text("utf-8")
    result = run_cli("events", "add", "2026-05-05", "Workshop Zukunft", project,
                     "--place", "Essen")
    assert result.returncode == 0, result.stderr
    assert "added 'Workshop Zukunft (Essen)' on 2026-05-05" in result.stdout
    text = program.read_text("utf-8")
    added = "    - date: 2026-05-05\n      title: Workshop Zukunft\n      place: Essen\n"
    assert text == before.replace("    # confirmed by Melitta", added + "    # confirmed by "
                                  "Melitta", 1)


def test_remove_takes_the_entrys_comment_and_leaves_the_next_ones(project: Path) -> None:
    program = _commented(project)
    before = program.read_text("utf-8")
    assert run_cli("events", "remove", "Melitta", project).returncode == 0
    text = program.read_text("utf-8")
    assert text == before.replace("    # confirmed by Melitta in January\n    - date: 2026-06-09\n"
                                  "      title: Future Work Session\n      place: Melitta, "
                                  "Minden/Westf.\n", "")
    assert run_cli("events", "remove", "Future Day", project).returncode == 0  # the last one
    assert "place: SPACE next media, Hamburg\n\ndeep_dives:" in program.read_text("utf-8")


def test_names_are_found_by_place_words_and_typos(project: Path) -> None:
    place = run_cli("events", "move", "Frankfurt", "2026-11-19", project)
    assert place.returncode == 0, place.stderr
    assert "moved 'Future Day (Frankfurt)' from 2026-11-12 to 2026-11-19" in place.stdout
    words = run_cli("events", "move", "Future Work", "2026-12-01", project)
    assert words.returncode == 2
    assert words.stderr.splitlines() == [
        "error: 'Future Work' names 3 entries; add --on DATE to choose one:",
        "  2026-03-04  Future Work Session (FC Bayern München)",
        "  2026-06-09  Future Work Session (Melitta, Minden/Westf.)",
        "  2026-08-20  Future Work Session (SPACE next media, Hamburg)"]
    typo = run_cli("events", "remove", "Melita", project)
    assert typo.returncode == 2
    assert typo.stderr.splitlines() == [
        "error: no program entry called 'Melita'; did you mean:",
        "  2026-06-09  Future Work Session (Melitta, Minden/Westf.)"]


def test_a_wrong_on_date_lists_the_entries_on_nearby_dates(project: Path) -> None:
    result = run_cli("events", "move", "Virtuelle Sprechstunde", "2026-04-24", project,
                     "--on", "2026-04-18")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: 'Virtuelle Sprechstunde' is not in the program on 2026-04-18; it is on nearby "
        "dates:",
        "  2026-04-17  Virtuelle Sprechstunde", "  2026-06-19  Virtuelle Sprechstunde",
        "  2026-09-18  Virtuelle Sprechstunde"]
    other = run_cli("events", "remove", "Workshop", project, "--on", "2026-07-01")
    assert other.returncode == 2
    assert other.stderr.splitlines() == [
        "error: no program entry called 'Workshop' on 2026-07-01; entries on nearby dates:",
        "  2026-06-09  Future Work Session (Melitta, Minden/Westf.)",
        "  2026-06-19  Virtuelle Sprechstunde", "  2026-07-03  Deep Dive Szenariotechnik"]


def test_a_hand_edited_file_out_of_order_still_shows_in_date_order(edit) -> None:  # type: ignore[no-untyped-def]
    project = edit("program.yaml", "date: 2026-03-04", "date: 2026-10-01")
    groups = program_groups(load_project(project).project.program, dt.date(2025, 11, 4))
    assert [r.date for r in groups[0].rows] == ["09. Juni", "20. August", "01. Oktober",
                                                "12. November"]


def test_a_windows_program_file_keeps_its_bom_and_line_ends(make_project: MakeProject
                                                            ) -> None:
    """A program saved on Windows (byte-order mark, CRLF): events move changes its date
    line and nothing else; undo gives back its very bytes."""
    project = make_project()
    program = project / "content" / "program.yaml"
    lf = program.read_bytes()
    program.write_bytes(b"\xef\xbb\xbf" + lf.replace(b"\n", b"\r\n"))
    before = program.read_bytes()
    moved = run_cli("events", "move", "Workshop Essen", "2026-11-19", project)
    assert moved.returncode == 0, moved.stderr
    after = program.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and b"\n" not in after.replace(b"\r\n", b"")
    changed = [(a, b) for a, b in zip(before.split(b"\r\n"), after.split(b"\r\n"),
                                      strict=False) if a != b]
    assert changed and all(b"date:" in a and b"date:" in b for a, b in changed), changed
    assert run_cli("undo", project).returncode == 0
    assert program.read_bytes() == before
