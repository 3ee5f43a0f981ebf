"""Grids without holes (issue 29, part 4): any number of offerings lays out with no
empty card and no gap in a row, on slides and in the dossier."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.build.stages import prepare
from deckbuilder.layout.plan import Box, ShapeBox

from .conftest import BUILD_EPOCH, MakeProject, run_cli


@pytest.fixture(autouse=True)
def _build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)


def _offerings(count: int) -> dict[str, str]:
    cards = "".join(f"  - title: Angebot {i}\n    text: Ein Angebot mit etwas Text.\n"
                    for i in range(1, count + 1))
    return {"content/future-circle.yaml": "title: WAS SIE ERWARTET\nofferings:\n" + cards
            + "button: MEHR ERFAHREN\n"}


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 7, 11])
def test_every_row_of_cards_on_the_slides_is_full(make_project: MakeProject,
                                                  count: int) -> None:
    """Five cards were 3 + 2 with a hole at the right: a shorter last row shares the width."""
    ready = prepare(make_project(_offerings(count)))
    slide, theme = ready.plan, ready.loaded.theme.slide
    cards = [el.box for s in slide.slides if s.kind == "offerings" for el in s.elements
             if isinstance(el, ShapeBox) and el.fill == "tint"]
    assert len(cards) == count
    rows: dict[float, list[Box]] = {}
    for box in cards:
        rows.setdefault(box.y, []).append(box)
    for row in rows.values():
        assert min(b.x for b in row) == pytest.approx(theme.left)
        assert max(b.right for b in row) == pytest.approx(theme.left + theme.content_width)


def _cards_with_text(pdf: Path, accent: str) -> list[bool]:
    """For each card on the dossier's offerings page (an accent stripe at its left, the
    white gaps between rows above and below): whether text lies in it."""
    import pdfplumber

    def color(line: dict) -> str:  # type: ignore[type-arg]
        return "".join(f"{round(v * 255):02X}" for v in line["stroking_color"])

    found = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            if "WAS SIE ERWARTET" not in (page.extract_text() or ""):
                continue
            chars = [c for c in page.chars if c["text"].strip()]
            gaps = {line["top"] for line in page.lines
                    if line["top"] == line["bottom"] and color(line) == "FFFFFF"}
            for line in page.lines:  # a column's stripe runs on down its cards
                if color(line) != accent or line["x0"] != line["x1"]:
                    continue
                edges = [line["top"], *sorted(g for g in gaps
                                              if line["top"] < g <= line["bottom"] + 1)]
                found += [any(line["x0"] < c["x0"] < line["x0"] + page.width / 4
                              and top <= c["top"] <= bottom for c in chars)
                          for top, bottom in zip(edges, edges[1:], strict=False)]
    return found


@pytest.mark.parametrize("count", [1, 3])
def test_an_odd_last_card_in_the_dossier_takes_the_whole_row(make_project: MakeProject,
                                                             count: int) -> None:
    """One offering was a row of two cards, the second empty."""
    project = make_project(_offerings(count))
    result = run_cli("build", project, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    cards = _cards_with_text(project / "output" / "my-deck.pdf", "F2B300")
    assert cards == [True] * count

