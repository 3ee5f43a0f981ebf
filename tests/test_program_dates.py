"""Multi-day events (`end:`) and the place shown apart from the title, in all three outputs."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import vobject
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pypdf import PdfReader

from deckbuilder.content import dates
from deckbuilder.content.dates import day_month, weekday_date
from deckbuilder.content.program import is_past

from .conftest import ROOT, run_cli
from .pptx_text import normalize, slide_texts

FAIR = ("    - date: 2026-06-09\n      title: Future Work Session\n"
        "      place: Melitta, Minden/Westf.\n")
ADDED = ("    - date: 2026-06-10\n      end: 2026-06-12\n"
         "      title: Nachfolgebörse Südwestfalen\n      place: Siegen\n"
         "    - date: 2026-06-30\n      end: 2026-07-02\n      title: Sommerakademie\n")


def _with_fair(dest: Path) -> Path:
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "assets", dest / "assets")
    program = dest / "content" / "program.yaml"
    text = program.read_text("utf-8")
    assert FAIR in text
    program.write_text(text.replace(FAIR, FAIR + ADDED), "utf-8")
    return dest


@pytest.fixture(scope="module")
def fair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The IHK project with a three-day fair and an event across two months, built once."""
    project = _with_fair(tmp_path_factory.mktemp("fair") / "proj")
    result = run_cli("build", project)
    assert result.returncode == 0, result.stderr
    return project / "output"


def test_ranges_are_written_the_german_way() -> None:
    june = dt.date(2026, 6, 10), dt.date(2026, 6, 12)
    across = dt.date(2026, 6, 30), dt.date(2026, 7, 2)
    assert normalize(day_month(*june)) == "10.–12. Juni"
    assert normalize(day_month(*across)) == "30. Juni – 02. Juli"
    assert normalize(weekday_date(*june)) == "Mi., 10. – Fr., 12. Juni 2026"
    assert normalize(weekday_date(*across)) == "Di., 30. Juni – Do., 02. Juli 2026"
    assert normalize(weekday_date(dt.date(2026, 8, 20), dt.date(2026, 8, 22))) == \
        "Do., 20. – Sa., 22. August 2026"  # the month written out, as beside it
    assert day_month(june[0]) == "10. Juni" and day_month(june[0], june[0]) == "10. Juni"


def test_ranges_have_the_leading_zeros_of_single_dates() -> None:
    """One style beside '04. März': a day below ten has its zero in a range too."""
    december = dt.date(2026, 12, 9), dt.date(2026, 12, 11)
    assert day_month(dt.date(2026, 3, 4)) == "04. März"
    assert day_month(*december) == "09.–11. Dezember"
    assert normalize(weekday_date(*december)) == "Mi., 09. – Fr., 11. Dezember 2026"
    assert dates.numeric_date(*december) == "09.–11.12.2026"
    assert normalize(day_month(dt.date(2026, 12, 30), dt.date(2027, 1, 2))) == \
        "30. Dezember – 02. Januar"  # CLDR has no day-month range across years: its fallback


def test_slide_shows_the_range_and_the_place_on_its_own_line(fair: Path) -> None:
    (program,) = [t for t in slide_texts(fair / "szenarien-ihk-ruhr.pptx")
                  if "PROGRAMM 2026" in t]
    lines = program.splitlines()
    at = lines.index("Nachfolgebörse Südwestfalen")
    assert lines[at - 1] == "10.–12. Juni" and lines[at + 1] == "Siegen"
    assert normalize(lines[lines.index("Sommerakademie") - 1]) == "30. Juni – 02. Juli"
    assert "Nachfolgebörse Südwestfalen Siegen" not in lines  # not glued into one name
    assert lines[lines.index("Future Day") + 1] == "Frankfurt"


def test_the_place_is_greyed_as_a_second_paragraph(fair: Path) -> None:
    prs = Presentation(str(fair / "szenarien-ihk-ruhr.pptx"))
    cells = [cell for slide in prs.slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells]
    (cell,) = [c for c in cells if c.text_frame.paragraphs[0].text == "Future Day"]
    title, place = cell.text_frame.paragraphs
    assert place.text == "Frankfurt"
    fills = [etree.tostring(run._r.find(qn("a:rPr")).find(qn("a:solidFill")))
             for run in (place.runs[0], title.runs[0])]  # an RGB or a scheme colour
    assert fills[0] != fills[1]


def test_dossier_shows_the_range_and_the_place(fair: Path) -> None:
    pdf = normalize(" ".join(p.extract_text() for p in
                             PdfReader(fair / "szenarien-ihk-ruhr.pdf").pages))
    assert "Mi., 10. – Fr., 12. Juni 2026 Nachfolgebörse Südwestfalen Siegen" in pdf
    assert "Di., 30. Juni – Do., 02. Juli 2026 Sommerakademie" in pdf


def test_calendar_has_all_day_range_and_the_place_only_as_location(fair: Path) -> None:
    text = (fair / "szenarien-ihk-ruhr.ics").read_text("utf-8")
    events = {ev.summary.value: ev for ev in vobject.readOne(text).vevent_list}
    fair_event = events["Nachfolgebörse Südwestfalen"]
    assert fair_event.dtstart.value == dt.date(2026, 6, 10)
    assert fair_event.dtend.value == dt.date(2026, 6, 13)  # exclusive: the day after
    assert fair_event.location.value == "Siegen"
    assert events["Sommerakademie"].dtend.value == dt.date(2026, 7, 3)
    assert "location" not in events["Sommerakademie"].contents  # no place, none invented
    assert events["Future Day"].location.value == "Frankfurt"
    assert all(" Frankfurt" not in s and "Siegen" not in s for s in events)


def test_past_means_after_the_last_day(tmp_path: Path) -> None:
    project = _with_fair(tmp_path / "proj")
    during = "1781136000"  # 2026-06-11, the fair's second day
    result = run_cli("check", project, epoch=during)
    assert result.returncode == 0, result.stderr
    assert "Nachfolgebörse" not in result.stderr
    assert "'Future Work Session (Melitta, Minden/Westf.)' on 2026-06-09 is in the past" \
        in result.stderr
    after = run_cli("check", project, epoch="1781395200")  # 2026-06-14
    assert ("warning: 'Nachfolgebörse Südwestfalen (Siegen)' on 2026-06-10 to 2026-06-12 is "
            "in the past; it is greyed out") in after.stderr


def test_is_past_uses_the_end() -> None:
    from deckbuilder.content.model import Event

    event = Event.model_validate({"date": "2026-06-10", "end": "2026-06-12", "title": "Messe"})
    assert not is_past(event, dt.date(2026, 6, 12))
    assert is_past(event, dt.date(2026, 6, 13))


BAD_ENDS = [
    ("2026-06-12", "2026-06-09",
     "content/program.yaml:{line}:12: error: the end 2026-06-09 is not after the start 2026-06-10 "
     "(write the last day of the event, or correct its 'date')"),
    ("2026-06-12", "2026-06-10",
     "content/program.yaml:{line}:12: error: the end 2026-06-10 is not after the start 2026-06-10 "
     "(remove 'end' for an event on one day)"),
    ("2026-06-12", "2026-06-31",
     "content/program.yaml:{line}:12: error: '2026-06-31' is not a date (June 2026 has 30 days)"),
    ("2026-07-02", "2027-07-02",
     "content/program.yaml:{line}:12: error: 2027-07-02 is not in 2026, the year of this program "
     "(correct the year, or the program's 'year')"),
    ("2026-06-12", "Mo, 2026-06-12",
     "content/program.yaml:{line}:12: error: 'Mo, 2026-06-12' names a Monday, but 2026-06-12 is a "
     "Friday"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_ENDS)
def test_a_wrong_end_is_a_located_error(tmp_path: Path, old: str, new: str,
                                        message: str) -> None:
    project = _with_fair(tmp_path / "proj")
    program = project / "content" / "program.yaml"
    text = program.read_text("utf-8")
    line = f"\n      end: {old}\n"  # the entry's line, not the header comment's example
    assert line in text
    text = text.replace(line, f"\n      end: {new}\n", 1)
    program.write_text(text, "utf-8")
    at = text[:text.index(f"\n      end: {new}\n")].count("\n") + 2  # the line's number
    result = run_cli("check", project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == message.format(line=at)


@pytest.fixture()
def kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty store of written dates, as in a new process."""
    monkeypatch.setattr(dates, "_KEPT", dates._Kept())


def test_written_dates_are_kept_and_read_back_without_babel(tmp_path: Path, kept: None
                                                             ) -> None:
    dates.remember(tmp_path)
    first = (dates.long_date(dt.date(2025, 11, 4)),
             dates.day_month(dt.date(2026, 6, 10), dt.date(2026, 6, 12)),
             dates.weekday_date(dt.date(2026, 3, 4)), dates.numeric_date(dt.date(2026, 11, 19)))
    dates.save()
    assert first == ("04. November 2025", "10.–12. Juni", "Mi., 04. März 2026",
                     "19.11.2026")
    again = dates._Kept()
    dates._KEPT = again  # a new process: what it knows comes from the file
    dates.remember(tmp_path)
    assert len(again.texts) == 4
    written = subprocess.run(
        [sys.executable, "-c", "import sys, datetime as dt; from pathlib import Path; "
         "from deckbuilder.content import dates; dates.remember(Path(sys.argv[1])); "
         "print(dates.long_date(dt.date(2025, 11, 4)), 'babel' in sys.modules)", str(tmp_path)],
        capture_output=True, text=True, check=True).stdout
    assert written.split() == ["04.", "November", "2025", "False"]


@pytest.mark.parametrize("stored", ['{"code": "another", "texts": {"long_date 2025-11-04": '
                                    '"falsch"}}', "{not json", '{"code": 1, "texts": []}'])
def test_kept_dates_of_other_code_or_damaged_are_written_anew(tmp_path: Path, kept: None,
                                                              stored: str) -> None:
    dates.remember(tmp_path)
    assert dates._KEPT.file is not None
    dates._KEPT.file.write_text(stored, "utf-8")
    dates.remember(tmp_path)
    assert dates.long_date(dt.date(2025, 11, 4)) == "04. November 2025"
    dates.save()  # and the file is whole again
    assert dates._stored() == {"long_date 2025-11-04": "04. November 2025"}
