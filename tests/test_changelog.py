"""The change log says, in German, what changed in the content from build to build."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from deckbuilder.edits.changelog import compare, since, update

from .conftest import run_cli

Edit = Callable[[str, str, str], Path]
LOG = "szenarien-ihk-ruhr-changes.md"
LATER = "1763078400"  # 14.11.2025, ten days after the first build


def test_a_moved_event_and_an_edited_factor_are_logged(project: Path, edit: Edit) -> None:
    assert run_cli("build", project).returncode == 0
    log = project / "output" / LOG
    assert log.read_text("utf-8").endswith("## Fassung vom 04.11.2025\n\n- Erste Fassung\n")
    first = log.read_text("utf-8")
    moved = run_cli("events", "move", "Future Day (Frankfurt)", "2026-11-19", project)
    assert moved.returncode == 0, moved.stderr
    edit("trends.yaml", "Soziale Responsivität urbaner Systeme",
         "Soziale Responsivität der Städte")
    built = run_cli("build", project, epoch=LATER)
    assert built.returncode == 0, built.stderr
    assert "wrote" in built.stdout and f"{LOG} (2 changes)" in built.stdout
    assert log.read_text("utf-8") == first + (
        "\n## Fassung vom 14.11.2025\n\n"
        "- 12.11.2026 → 19.11.2026: Future Day (Frankfurt) verschoben\n"
        "- Folie 12, Trend EMPATHIC CITY: Text geändert\n")  # the program slide: no entry
    from pypdf import PdfReader

    legal_page = PdfReader(project / "output" / "szenarien-ihk-ruhr.pdf").pages[-1]
    # the build's date closes the notice; only the QR code's address follows it
    assert legal_page.extract_text().rstrip().endswith(
        "Stand: 14. November 2025\nwww.zukunftsinstitut.de")
    printed = run_cli("changes", project, "--since", "2025-11-10")
    assert printed.returncode == 0
    assert printed.stdout.startswith("## Fassung vom 14.11.2025\n")
    assert "Erste Fassung" not in printed.stdout
    assert run_cli("changes", project).stdout == log.read_text("utf-8")


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_failed_build_adds_nothing_and_an_unchanged_one_neither(project: Path,
                                                                  edit: Edit) -> None:
    assert run_cli("build", project).returncode == 0
    log = project / "output" / LOG
    first = log.read_text("utf-8")
    assert run_cli("build", project, "--force", epoch=LATER).returncode == 0
    assert log.read_text("utf-8") == first  # built again, nothing changed: nothing to say
    edit("program.yaml", "2026-11-12", "2026-13-12")
    assert run_cli("build", project).returncode == 1
    assert log.read_text("utf-8") == first
    edit("program.yaml", "2026-13-12", "2026-11-12")
    edit("program.yaml", "    - date: 2026-07-03\n      title: Deep Dive Szenariotechnik\n", "")
    assert run_cli("build", project, epoch=LATER).returncode == 0
    assert log.read_text("utf-8").endswith(
        "- Termin entfernt: 03.07.2026 Deep Dive Szenariotechnik\n")


def test_no_log_yet_is_a_clear_message(tmp_path: Path) -> None:
    result = run_cli("changes", tmp_path)
    assert result.returncode == 2
    assert "no change log" in result.stderr and "deckbuilder build" in result.stderr


def _slide(kind: str, title: str, *texts: str, pictures: tuple[str, ...] = ()
           ) -> dict[str, Any]:
    return {"kind": kind, "title": title, "texts": [title, *texts],
            "pictures": list(pictures)}


def _deck(*slides: dict[str, Any], events: tuple[tuple[str, str, str], ...] = ()
          ) -> dict[str, Any]:
    return {"slides": list(slides),
            "events": [{"id": i, "date": d, "label": label} for i, d, label in events]}


def test_slides_added_removed_retitled_and_pictures_swapped() -> None:
    a = _slide("trend", "A", "eins", pictures=("a.jpg",))
    b = _slide("trend", "B", "zwei")
    c = _slide("trend", "C", "drei")
    old = _deck(_slide("title", "SZENARIEN"), a, b, c)
    new = _deck(_slide("title", "SZENARIEN"), _slide("trend", "A", "eins", pictures=("x.jpg",)),
                _slide("section", "NEU"), _slide("trend", "B2", "zwei"), c)
    assert compare(old, new) == [
        "Folie 2, Trend A: Bild geändert",
        "Folie hinzugefügt: Folie 3, Kapitel NEU",
        "Folie 4, Trend B2: Titel geändert (bisher „B“)"]
    assert compare(new, old) == [
        "Folie 2, Trend A: Bild geändert",
        "Folie entfernt: Kapitel NEU (bisher Folie 3)",
        "Folie 3, Trend B: Titel geändert (bisher „B2“)"]


def test_events_added_and_moved_with_german_dates() -> None:
    program = _slide("program", "PROGRAMM", "04. März | Session München")
    old = _deck(program, events=(("1", "2026-03-04", "Session München"),))
    new = _deck(_slide("program", "PROGRAMM", "05. März | Session München",
                       "03. Dezember | Work Session Essen"),
                events=(("1", "2026-03-05", "Session München"),
                        ("2", "2026-12-03", "Work Session Essen")))
    assert compare(old, new) == ["04.03.2026 → 05.03.2026: Session München verschoben",
                                 "Termin hinzugefügt: 03.12.2026 Work Session Essen"]


def test_the_same_day_adds_to_its_section_and_since_filters(tmp_path: Path) -> None:
    log = tmp_path / "x-changes.md"
    day = dt.date(2026, 11, 19)
    first = update(log, "Deck", None, _deck(), day)
    assert first is not None and first.first
    log.write_text(first.text + "\nvon Hand ergänzt\n", "utf-8")
    assert update(log, "Deck", None, _deck(), day) is None  # state lost: nothing invented
    old, new = _deck(_slide("cta", "JETZT")), _deck(_slide("cta", "JETZT", "neu"))
    same_day = update(log, "Deck", old, new, day)
    assert same_day is not None and same_day.added == 1
    assert same_day.text.count("## Fassung vom 19.11.2026") == 1
    assert "von Hand ergänzt\n- Folie 1, Aufruf JETZT: Text geändert\n" in same_day.text
    later = update(log, "Deck", old, new, dt.date(2026, 12, 1))
    assert later is not None
    assert since(later.text, dt.date(2026, 11, 20)) == (
        "## Fassung vom 01.12.2026\n\n- Folie 1, Aufruf JETZT: Text geändert\n")
    assert since(later.text, dt.date(2027, 1, 1)) == ""


def _fair(date: str, end: str | None, label: str = "Zukunftsmesse") -> dict[str, Any]:
    return {"id": "fair", "date": date, "end": end, "label": label}


def test_an_event_of_several_days_is_logged_with_its_days() -> None:
    program = _slide("program", "PROGRAMM")
    old = {"slides": [program], "events": [_fair("2026-12-09", "2026-12-11")]}
    moved = {"slides": [program], "events": [_fair("2026-12-16", "2026-12-18")]}
    assert compare(old, moved) == ["09.–11.12.2026 → 16.–18.12.2026: Zukunftsmesse verschoben"]
    longer = {"slides": [program], "events": [_fair("2026-12-09", "2026-12-12")]}
    assert compare(old, longer) == ["09.–11.12.2026 → 09.–12.12.2026: Zukunftsmesse verlängert"]
    one_day = {"slides": [program], "events": [_fair("2026-12-09", None)]}
    assert compare(old, one_day) == ["09.–11.12.2026 → 09.12.2026: Zukunftsmesse verkürzt"]
    assert compare({"slides": [program], "events": []}, old) == [
        "Termin hinzugefügt: 09.–11.12.2026 Zukunftsmesse"]
    assert compare(old, {"slides": [program], "events": []}) == [
        "Termin entfernt: 09.–11.12.2026 Zukunftsmesse"]


def test_a_state_of_an_older_build_without_last_days_invents_no_change() -> None:
    older = {"slides": [], "events": [{"id": "fair", "date": "2026-12-09",
                                       "label": "Zukunftsmesse"}]}
    assert compare(older, {"slides": [], "events": [_fair("2026-12-09", "2026-12-11")]}) == []


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_moved_event_of_several_days_is_logged_after_the_next_build(edit: Edit) -> None:
    project = edit("program.yaml", "    - date: 2026-11-12\n",
                   "    - date: 2026-11-12\n      end: 2026-11-13\n")
    assert run_cli("build", project).returncode == 0
    moved = run_cli("events", "move", "Future Day", "2026-12-09", project)
    assert moved.returncode == 0, moved.stderr
    built = run_cli("build", project, epoch=LATER)
    assert built.returncode == 0, built.stderr
    log = (project / "output" / LOG).read_text("utf-8")
    assert log.endswith("## Fassung vom 14.11.2025\n\n"
                        "- 12.–13.11.2026 → 09.–10.12.2026: Future Day (Frankfurt) verschoben\n")
