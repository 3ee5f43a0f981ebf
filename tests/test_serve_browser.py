"""``deckbuilder serve`` in a real browser: Chromium (the system's package, which .ci/run
installs) driven by Playwright. A save shows on the open page within 2 s, a broken file
shows its error with its line while the last good pictures stay, and the error goes when
the file is fixed; each slide names its place, and a click copies it."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import MakeProject, line_of, replace_in
from .test_serve import start_serve, stop

pytestmark = pytest.mark.slow

#: Debian's package; DECKBUILDER_CHROMIUM names another Chromium or Chrome.
CHROMIUM = (os.environ.get("DECKBUILDER_CHROMIUM") or shutil.which("chromium")
            or "/usr/bin/chromium")


@pytest.fixture()
def page(make_project: MakeProject) -> Iterator[tuple[Any, Path]]:
    """The page of ``deckbuilder serve`` on a small project, open in Chromium once every
    slide and dossier page is shown."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).is_file():
        pytest.skip("no Chromium here (.ci/run installs Debian's chromium package)")
    project = make_project()
    process, address = start_serve(project)
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                 args=["--no-sandbox"])
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.grant_permissions(["clipboard-read", "clipboard-write"],
                                      origin=address.strip().rstrip("/"))
            tab = context.new_page()
            outside: list[str] = []
            tab.on("request", lambda r: outside.append(r.url)
                   if not r.url.startswith(address.strip()) else None)
            tab.goto(address.strip())
            until(tab, "() => document.body.dataset.status === 'ready' && "
                  "[...document.images].length > 10 && [...document.images]"
                  ".every(i => i.complete && i.naturalWidth > 0)", timeout=60)
            yield tab, project
            assert outside == []  # nothing fetched from anywhere else
            browser.close()
    finally:
        stop(process)


def until(tab: Any, script: str, arg: object = None, timeout: float = 2.0) -> float:
    """Seconds until ``script`` (a function of ``arg``) is true in the page; fails after
    ``timeout``. Polled from here: the page's Content-Security-Policy forbids the eval
    that Playwright's wait_for_function uses, as it should."""
    started = time.monotonic()
    while not tab.evaluate(script, arg):
        if time.monotonic() - started > timeout:
            pytest.fail(f"not within {timeout} s: {script}")
        time.sleep(0.02)
    return time.monotonic() - started


def source_of(tab: Any, ident: str) -> str:
    return str(tab.get_attribute(f"figure[data-id='{ident}'] img", "src"))


def test_a_save_shows_within_two_seconds(page: tuple[Any, Path]) -> None:
    tab, project = page
    trend = line_of(project, "trends.yaml", "  - title: ZWEITER TREND")
    where = f"content/trends.yaml:{trend}:5"
    ident = tab.eval_on_selector(f".where[data-where='{where}']",
                                 "e => e.closest('figure').dataset.id")
    before = {i: source_of(tab, i) for i in (ident, "slide-1")}
    saved = time.monotonic()
    replace_in(project, "trends.yaml", "Ein dritter Einflussfaktor", "Ein neuer Faktor")
    until(tab, "([id, old]) => { const i = document.querySelector(`figure[data-id='${id}'] "
          "img`); return i.getAttribute('src') !== old && i.complete && i.naturalWidth > 0; }",
          [ident, before[ident]], timeout=2.0)
    assert time.monotonic() - saved < 2.0
    assert source_of(tab, "slide-1") == before["slide-1"]  # only what changed is new

    tab.click(f".where[data-where='{where}']")  # no editor set up: a click copies
    tab.wait_for_selector("#toast.on")
    assert tab.evaluate("navigator.clipboard.readText()") == where


def test_an_error_shows_with_its_line_and_goes_when_fixed(page: tuple[Any, Path]) -> None:
    tab, project = page
    pictures = [source_of(tab, f"slide-{n}") for n in (1, 2, 3)]
    bad = line_of(project, "trends.yaml", "    color: golden")
    replace_in(project, "trends.yaml", "    color: golden", "    colour: golden")
    shown = tab.wait_for_selector("#problems li.error", timeout=2_000)
    assert shown.inner_text().startswith(
        f"content/trends.yaml:{bad}:5: error: unknown key 'colour'")
    assert tab.evaluate("document.body.dataset.status") == "errors"
    assert "1 error" in tab.inner_text("#status")
    assert [source_of(tab, f"slide-{n}") for n in (1, 2, 3)] == pictures  # still shown

    replace_in(project, "trends.yaml", "    colour: golden", "    color: golden")
    until(tab, "() => !document.querySelector('#problems li.error') && "
          "document.body.dataset.status === 'ready'")
    assert [source_of(tab, f"slide-{n}") for n in (1, 2, 3)] == pictures
