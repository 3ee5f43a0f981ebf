"""The second process's work arrives pickled; unpickling it must import nothing new.

Its imports run while the build loads and lays out; whatever the unpickling of the jobs
imports runs after the work arrived, on the critical path of every build. When the PDF
writer was defined in build.py, that was the whole content model (0.9 s).
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
from deckbuilder.aside import _warm_up
_warm_up()
before = set(sys.modules)
jobs = pickle.loads(sys.stdin.buffer.read())
print(sorted(set(sys.modules) - before))
print(sorted(m for m in sys.modules if m in ("deckbuilder.model", "deckbuilder.build", "babel")))
"""


def test_the_pdf_process_unpickles_its_jobs_without_new_imports(
        make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> None:
    from deckbuilder import build as b

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
    """They are the jobs build.write_all_atomically hands over; the deck stays here."""
    from deckbuilder import build as b
    from deckbuilder.aside_jobs import AsideWriter

    project = make_project()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    out = project / "output"
    ready = b.prepare(project, cache=out / b.CACHE)
    writers = b._writers(ready, project, out, ("pptx", "pdf", "ics"), b._quiet)
    aside = {Path(t).suffix for t, w in writers.items() if isinstance(w, AsideWriter)}
    assert aside == {".pdf", ".ics"}
