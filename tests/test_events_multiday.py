"""`events add --end`, `events move` of an event of several days (it keeps its length, or
takes a new --end), `events list` with ranges, and one date style for ranges on the slide
and in the dossier ("09.–11. Dezember" beside "04. März")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import vobject
from pypdf import PdfReader

from .conftest import line_of, run_cli
from .pptx_text import normalize, slide_texts

Edit = Callable[[str, str, str], Path]

FUTURE_DAY = "    - date: 2026-11-12\n      title: Future Day\n      place: Frankfurt\n"
TWO_DAYS = ("    - date: 2026-11-12\n      end: 2026-11-13\n      title: Future Day\n"
            "      place: Frankfurt\n")


def _program(project: Path) -> str:
    return (project / "content" / "program.yaml").read_text("utf-8")


def _two_days(edit: Edit) -> Path:
    """The IHK project with its Future Day lasting two days, as a user wrote it."""
    return edit("program.yaml", FUTURE_DAY, TWO_DAYS)


@pytest.mark.slow  # README's test command stays under two minutes
def test_add_with_an_end_writes_both_days_and_every_output_shows_the_range(
        project: Path) -> None:
    before = _program(project)
    result = run_cli("events", "add", "2026-12-09", "Zukunftsmesse", project,
                     "--place", "Essen", "--end", "2026-12-11")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("added 'Zukunftsmesse (Essen)' on 2026-12-09, ending "
                                    "2026-12-11 in content/program.yaml")
    added = ("    - date: 2026-12-09\n      end: 2026-12-11\n      title: Zukunftsmesse\n"
             "      place: Essen\n")
    assert _program(project) == before.replace(FUTURE_DAY, FUTURE_DAY + added, 1)

    listed = run_cli("events", "list", project).stdout.splitlines()
    assert re.fullmatch(r"EVENTS +Mi\., 09\.\u202f–\u202fFr\., 11\. Dezember 2026 +"
                        r"Zukunftsmesse \(Essen\)", listed[4])

    assert run_cli("build", project).returncode == 0
    out = project / "output"
    (slide,) = [t for t in slide_texts(out / "szenarien-ihk-ruhr.pptx") if "PROGRAMM" in t]
    lines = slide.splitlines()
    assert lines[lines.index("Zukunftsmesse") - 1] == "09.–11. Dezember"
    assert lines[lines.index("Future Work Session") - 1] == "04. März"  # the same style
    pdf = normalize(" ".join(p.extract_text() for p in
                             PdfReader(out / "szenarien-ihk-ruhr.pdf").pages))
    assert "Mi., 09. – Fr., 11. Dezember 2026 Zukunftsmesse Essen" in pdf
    calendar = {e.summary.value: e for e in
                vobject.readOne((out / "szenarien-ihk-ruhr.ics").read_text("utf-8")).vevent_list}
    fair = calendar["Zukunftsmesse"]
    assert (fair.dtstart.value, fair.dtend.value) == (dt.date(2026, 12, 9), dt.date(2026, 12, 12))


def test_move_of_several_days_keeps_the_length(edit: Edit) -> None:
    project = _two_days(edit)
    before = _program(project)
    result = run_cli("events", "move", "Future Day", "2026-12-09", project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("moved 'Future Day (Frankfurt)' from 2026-11-12 to "
                                    "2026-12-09, ending 2026-12-10 in content/program.yaml")
    assert _program(project) == before.replace(
        "2026-11-12\n      end: 2026-11-13", "2026-12-09\n      end: 2026-12-10")
    listed = run_cli("events", "list", project).stdout
    assert "Mi., 09.\u202f–\u202fDo., 10. Dezember 2026  Future Day (Frankfurt)" in listed


def test_move_with_an_end_sets_the_new_last_day(edit: Edit) -> None:
    project = _two_days(edit)
    longer = run_cli("events", "move", "Future Day", "2026-11-12", project,
                     "--end", "2026-11-14")
    assert longer.returncode == 0, longer.stderr
    assert longer.stdout.startswith("'Future Day (Frankfurt)' on 2026-11-12 now ends 2026-11-14 "
                                    "(was 2026-11-13)")
    assert "    - date: 2026-11-12\n      end: 2026-11-14\n      title: Future Day\n" \
        in _program(project)
    one_day = run_cli("events", "move", "Melitta", "2026-06-30", project, "--end", "2026-07-02")
    assert one_day.returncode == 0, one_day.stderr
    assert ("    - date: 2026-06-30\n      end: 2026-07-02\n      title: Future Work Session\n"
            "      place: Melitta, Minden/Westf.\n") in _program(project)  # end below date
    listed = run_cli("events", "list", project).stdout
    assert "Di., 30. Juni\u202f–\u202fDo., 02. Juli 2026  Future Work Session (Melitta" in listed
    assert "Do., 12.\u202f–\u202fSa., 14. November 2026" in listed


def test_an_end_before_the_start_is_one_located_message_and_nothing_is_written(
        project: Path) -> None:
    before = _program(project)
    added = run_cli("events", "add", "2026-12-09", "Zukunftsmesse", project,
                    "--end", "2026-12-08")
    at = line_of(project, "program.yaml", "      place: Frankfurt\n") + 2  # where it would go
    assert added.returncode == 1
    assert added.stderr.splitlines() == [
        f"content/program.yaml:{at}:12: error: the end 2026-12-08 is not after the start "
        "2026-12-09 (write the last day of the event, or correct its 'date')",
        "1 error; nothing was written."]
    assert "Traceback" not in added.stderr and added.stdout == ""
    assert _program(project) == before


def test_a_move_with_a_wrong_end_or_out_of_the_year_writes_nothing(edit: Edit) -> None:
    project = _two_days(edit)
    before = _program(project)
    at = line_of(project, "program.yaml", "      end: 2026-11-13\n")
    same = run_cli("events", "move", "Future Day", "2026-11-12", project, "--end", "2026-11-12")
    assert same.returncode == 1
    assert same.stderr.splitlines() == [
        f"content/program.yaml:{at}:12: error: the end 2026-11-12 is not after the start "
        "2026-11-12 (remove 'end' for an event on one day)", "1 error; nothing was written."]
    late = run_cli("events", "move", "Future Day", "2026-12-31", project)
    assert late.returncode == 1
    assert late.stderr.splitlines() == [
        f"content/program.yaml:{at}:12: error: 2027-01-01 is not in 2026, the year of this "
        "program (correct the year, or the program's 'year')", "1 error; nothing was written."]
    typo = run_cli("events", "add", "2026-12-09", "Messe", project, "--end", "2026-12-32")
    assert typo.returncode == 2
    assert typo.stderr.splitlines() == [
        "error: '2026-12-32' is not a date (December 2026 has 31 days)"]
    assert _program(project) == before
