"""Every text colour reaches WCAG AA against what lies behind it, or the theme is refused."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from deckbuilder.build.stages import prepare
from deckbuilder.errors import ContentError
from deckbuilder.layout.plan import (
    DeckPlan,
    Element,
    GroupBox,
    Para,
    ShapeBox,
    SlidePlan,
    TableBox,
    TextBox,
)
from deckbuilder.text import contrast
from deckbuilder.theme import Theme

from .conftest import BUILD_EPOCH, ROOT, run_cli


def test_wcag_figures() -> None:
    assert contrast.ratio("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast.ratio("777777", "FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast.needed(12, bold=False) == 4.5
    assert contrast.needed(14, bold=True) == 3.0
    assert contrast.needed(18, bold=False) == 3.0


@pytest.fixture(autouse=True)
def _build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)


def _plan(root: Path) -> tuple[DeckPlan, Theme]:
    ready = prepare(root)
    return ready.plan, ready.loaded.theme


def _flat(elements: tuple[Element, ...] | tuple) -> Iterator[Element]:  # type: ignore[type-arg]
    for el in elements:
        if isinstance(el, GroupBox):
            yield from _flat(el.elements)
        else:
            yield el


def _runs(el: Element) -> Iterator[tuple[Para, float]]:
    if isinstance(el, TextBox):
        yield from ((p, el.scale) for p in el.paras)
    elif isinstance(el, ShapeBox) and el.text is not None:
        yield from ((p, el.text.scale) for p in el.text.paras)
    elif isinstance(el, TableBox):
        yield from ((p, el.scale) for row in el.rows for cell in row for p in cell)


def _colors(slide: SlidePlan, theme: Theme, style: str) -> list[str]:
    found = []
    for el in _flat(slide.elements):
        for para, _scale in _runs(el):
            if para.style == style:
                found += [theme.color(r.color or para.color or theme.style(style).color)
                          for r in para.runs]
    return found


def test_ihk_footer_on_colour_and_step_numbers_pass() -> None:
    plan, theme = _plan(ROOT)
    sections = [s for s in plan.slides if s.kind in ("section", "cta")]
    assert sections
    for slide in sections:
        bg = theme.color(slide.background)
        footer = _colors(slide, theme, "footer")
        assert footer and all(contrast.ratio(c, bg) >= 4.5 for c in footer), slide.number
    method = next(s for s in plan.slides if s.kind == "method")
    numbers = _colors(method, theme, "step-number")
    assert contrast.ratio(theme.color("accent"), theme.color("paper")) < 3  # the theme's pick
    assert numbers and all(contrast.ratio(c, theme.color("paper")) >= 3.0 for c in numbers)
    # a darker yellow, not black: the accent's hue stays
    assert all(c != theme.color("ink") for c in numbers)


def test_footer_beside_a_picture_is_judged_where_it_lies() -> None:
    """A scenario divider's footer box runs on over the picture, but its text lies on the
    slide colour: it is judged there (the theme's grey on teal was 1.6:1)."""
    plan, theme = _plan(ROOT)
    dividers = [s for s in plan.slides if s.kind == "scenario-divider"]
    assert dividers
    for slide in dividers:
        bg = theme.color(slide.background)
        copyright_line = next(el for el in slide.elements if isinstance(el, TextBox)
                              and el.role == "footer" and el.paras[0].align == "left")
        colors = [theme.color(r.color or theme.style("footer").color)
                  for r in copyright_line.paras[0].runs]
        assert all(contrast.ratio(c, bg) >= 4.5 for c in colors), slide.number


def test_radar_dots_stand_out_from_their_ring() -> None:
    plan, theme = _plan(ROOT)
    radar = next(s for s in plan.slides if s.kind == "radar")
    group = next(el for el in radar.elements if isinstance(el, GroupBox))
    ring = next(p for p in group.elements if isinstance(p, ShapeBox) and p.fill
                and theme.color(p.fill) == theme.color("accent"))
    inner = [p for p in group.elements if isinstance(p, ShapeBox) and p.alt and p.fill
             and p.box.inside_box(ring.box)]
    assert inner
    for dot in inner:
        marks = [theme.color(c) for c in (dot.fill, dot.line) if c]
        assert max(contrast.ratio(m, theme.color("accent")) for m in marks) >= 3.0, dot.alt


def test_dark_slide_colour_gets_light_titles(edit: Callable[[str, str, str], Path]) -> None:
    project = edit("theme.yaml", 'golden: "F2B300"', 'golden: "1E4D2B"')
    plan, theme = _plan(project)
    section = next(s for s in plan.slides if s.kind == "section")
    assert theme.color(section.background) == "1E4D2B"
    assert set(_colors(section, theme, "title-xl")) == {theme.color("paper")}
    assert all(contrast.ratio(c, "1E4D2B") >= 4.5 for c in _colors(section, theme, "footer"))


def test_no_readable_colour_is_a_located_theme_error(
        edit: Callable[[str, str, str], Path]) -> None:
    edit("theme.yaml", 'ink: "1D1D1B"', 'ink: "8A8A8A"')
    project = edit("theme.yaml", 'paper: "FFFFFF"', 'paper: "9A9A9A"')
    with pytest.raises(ContentError) as caught:
        _plan(project)
    first = caught.value.diagnostics[0]
    assert str(first.location) == "content/theme.yaml"
    assert "readable" in first.message and "(slide 1;" in first.message
    assert "#9A9A9A (paper)" in first.message  # the key to change, by its name
    assert first.hint.startswith("make 'ink' and 'paper' further apart")


def test_a_dark_paper_beside_a_light_accent_still_builds_a_readable_radar(make_project) -> None:  # type: ignore[no-untyped-def]
    """A dark palette beside the golden accent: the radar's labels would lie on navy and on
    gold, which no one colour reads on. The radar's centre is derived instead (the accent
    moved towards the slide's colour until the light labels read), so the deck builds."""
    project = make_project()
    theme = project / "content" / "theme.yaml"
    text = theme.read_text("utf-8")
    for old, new in (('ink: "1D1D1B"', 'ink: "F4F2EC"'), ('paper: "FFFFFF"', 'paper: "14213D"'),
                     ('tint: "F4F2EC"', 'tint: "243B5E"'), ('rule: "D8D6D0"', 'rule: "3C5478"'),
                     ('muted: "6E6E6A"', 'muted: "B8C0CC"')):
        assert old in text
        text = text.replace(old, new)
    theme.write_text(text, "utf-8")
    plan, th = _plan(project)
    group = next(el for s in plan.slides if s.kind == "radar" for el in s.elements
                 if isinstance(el, GroupBox))
    discs = [p for p in group.elements
             if isinstance(p, ShapeBox) and p.shape == "oval" and not p.alt and p.fill]
    rings = [th.color(p.fill) for p in discs if p.fill]
    assert "F2B300" not in rings
    rim = max(discs, key=lambda p: p.box.w).box
    labels = {th.color(p.paras[0].color or "ink") for p in group.elements
              if isinstance(p, TextBox) and p.box.inside_box(rim)}  # not the segments' names
    for color in labels:
        assert all(contrast.ratio(color, ring) >= 4.5 for ring in rings), (color, rings)


def test_a_dossier_that_would_print_light_text_on_white_is_refused(make_project) -> None:  # type: ignore[no-untyped-def]
    """Slides take the palette's paper; the A4 dossier is white. A light 'ink' (a palette
    made for dark slides) is a located error for the dossier, with a way out."""
    project = make_project()
    theme = project / "content" / "theme.yaml"
    text = theme.read_text("utf-8")
    for old, new in (('ink: "1D1D1B"', 'ink: "F4F2EC"'), ('paper: "FFFFFF"', 'paper: "14213D"'),
                     ('tint: "F4F2EC"', 'tint: "243B5E"'), ('rule: "D8D6D0"', 'rule: "3C5478"'),
                     ('muted: "6E6E6A"', 'muted: "B8C0CC"'),
                     ('accent: "F2B300"', 'accent: "6B4E00"')):  # slides that pass
        assert old in text
        text = text.replace(old, new)
    theme.write_text(text, "utf-8")
    assert run_cli("build", project, "--format", "pptx,ics").returncode == 0  # slides: fine
    shutil.rmtree(project / "output")
    result = run_cli("build", project, "--format", "pdf")
    assert result.returncode == 1
    assert (
        "content/theme.yaml: error: the dossier prints its 'ink' text (#F4F2EC) on white "
        "paper: 1.1:1 where WCAG AA asks for 4.5:1 (give 'ink' a darker colour, or build "
        "the slides alone with --format pptx,ics)") in result.stderr.splitlines()
    assert not list((project / "output").glob("*.pdf"))
