"""The second process's work arrives pickled; unpickling it must import nothing new.

Its imports run while the build loads and lays out; whatever the unpickling of the jobs
imports runs after the work arrived, on the critical path of every build. When the PDF
writer was defined in build.py, that was the whole content model (0.9 s). Nor does that
process import pydantic: its theme comes as plain objects (theme_plain.py).
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import BUILD_EPOCH, MakeProject

CHILD = """
import pickle, sys
from deckbuilder.build.aside import _warm_up
_warm_up()
before = set(sys.modules)
jobs = pickle.loads(sys.stdin.buffer.read())
print(sorted(set(sys.modules) - before))
print(sorted(m for m in sys.modules if m in ("deckbuilder.content.model",
                                             "deckbuilder.build.stages", "babel",
                                             "pydantic", "deckbuilder.theme")))
"""


def test_the_pdf_process_unpickles_its_jobs_without_new_imports(
        make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> None:
    from deckbuilder.build import stages as b

    project = make_project()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    out = project / "output"
    ready = b.prepare(project, cache=out / b.CACHE)
    writers = b._writers(ready, project, out, ("pptx", "pdf", "slides-pdf", "ics"), b._quiet)
    there = {t: w for t, w in writers.items() if t.suffix in (".pdf", ".ics")}
    assert len(there) == 3
    child = subprocess.run([sys.executable, "-c", CHILD], input=pickle.dumps(there),
                           capture_output=True, check=True)
    new, heavy = child.stdout.decode().splitlines()
    assert new == "[]", f"unpickling the jobs imported {new}"
    assert heavy == "[]", f"the PDF process imported {heavy}"


def test_the_calendar_and_pdfs_go_to_the_second_process(make_project: MakeProject,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """They are the jobs build/stages.py's write_all_atomically hands over; the deck stays here."""
    from deckbuilder.build import stages as b
    from deckbuilder.build.aside_jobs import AsideWriter

    project = make_project()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    out = project / "output"
    ready = b.prepare(project, cache=out / b.CACHE)
    writers = b._writers(ready, project, out, ("pptx", "pdf", "ics"), b._quiet)
    aside = {Path(t).suffix for t, w in writers.items() if isinstance(w, AsideWriter)}
    assert aside == {".pdf", ".ics"}


@pytest.mark.slow  # README's test command stays under two minutes
def test_the_dossier_is_handed_over_before_the_deck_is_laid_out(
        make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second process writes the dossier and calendar while this one lays out and
    writes the deck (with the slides PDF, which needs the deck's layout, they go later);
    a deck that fails to lay out leaves neither temporary files nor an output folder."""
    import os

    from deckbuilder.build import stages as b

    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: everything is written in one process")
    monkeypatch.delenv("DECKBUILDER_SERIAL", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    events: list[str] = []
    real_hand_over, real_plan = b.hand_over, b.plan_deck

    def hand_over(jobs, aside):  # type: ignore[no-untyped-def]
        events.append("handed " + " ".join(sorted(Path(t).suffix for t in jobs)))
        return real_hand_over(jobs, aside)

    def plan_deck(*args):  # type: ignore[no-untyped-def]
        events.append("deck")
        return real_plan(*args)

    monkeypatch.setattr(b, "hand_over", hand_over)
    monkeypatch.setattr(b, "plan_deck", plan_deck)
    project = make_project()
    b.build(project, project / "output")
    b.build(project, project / "output", ("pptx", "pdf", "slides-pdf", "ics"))
    assert events == ["handed .ics .pdf", "deck", "deck"]

    def no_fit(*args):  # type: ignore[no-untyped-def]
        from deckbuilder.errors import ContentError, Location, error

        raise ContentError([error(Location("content/deck.yaml", 3, 1), "does not fit")])

    monkeypatch.setattr(b, "plan_deck", no_fit)
    fresh = make_project()
    with pytest.raises(b.ContentError):
        b.build(fresh, fresh / "output")
    assert not (fresh / "output").exists()
    with pytest.raises(b.ContentError):
        b.build(project, project / "output")
    assert not list((project / "output").glob(".*.tmp"))
