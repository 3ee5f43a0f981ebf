"""The dossier passes the slides' WCAG AA rule: every text's colour against what it is
drawn on, measured from the plan (layout/dossier_legible.py) and in the PDF as printed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from deckbuilder.build.stages import prepare
from deckbuilder.errors import ContentError
from deckbuilder.layout.dossier_legible import Drawn, drawn_texts
from deckbuilder.layout.dossier_plan import DossierPlan
from deckbuilder.text import contrast
from deckbuilder.theme import Theme

from .conftest import BUILD_EPOCH, ROOT, MakeProject, line_of, run_cli

#: A list's marker: decoration in the trend's colour, which the slides' rule leaves too.
MARKER = "■"


@pytest.fixture(autouse=True)
def _build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)


def _dossier(root: Path) -> tuple[DossierPlan, Theme]:
    ready = prepare(root, dossier=True)
    assert ready.dossier is not None
    return ready.dossier, ready.loaded.theme


def _below(texts: Iterator[Drawn]) -> list[Drawn]:
    return [t for t in texts if t.text.strip() and t.ratio < t.need]


def _rgb(color: object) -> str:
    """pdfplumber's fill colour (grey, RGB or CMYK floats) as RRGGBB."""
    values = tuple(color) if isinstance(color, list | tuple) else (0.0,)
    if len(values) == 1:
        values *= 3
    if len(values) == 4:
        c, m, y, k = values
        values = tuple((1 - v) * (1 - k) for v in (c, m, y))
    return "".join(f"{round(v * 255):02X}" for v in values)


def pdf_below_aa(pdf: Path) -> list[str]:
    """Each run of characters in the PDF whose fill misses WCAG AA on the smallest filled
    shape under it (the page's white where there is none); text on a picture is left out,
    as on the slides. Independent of the plan: what a reader sees."""
    import pdfplumber

    found = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            fills = [s for s in page.rects + page.curves if s.get("fill")]
            for ch in page.chars:
                x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
                if not ch["text"].strip() or ch["text"] == MARKER or any(
                        i["x0"] <= x <= i["x1"] and i["top"] <= y <= i["bottom"]
                        for i in page.images):
                    continue
                under = sorted((s for s in fills if s["x0"] <= x <= s["x1"]
                                and s["top"] <= y <= s["bottom"]),
                               key=lambda s: (s["x1"] - s["x0"]) * (s["bottom"] - s["top"]))
                bg = _rgb(under[0]["non_stroking_color"]) if under else "FFFFFF"
                fg = _rgb(ch["non_stroking_color"])
                bold = any(w in ch["fontname"] for w in ("Bold", "Black"))
                need = contrast.needed(ch["size"], bold)
                if contrast.ratio(fg, bg) < need:
                    found.append(f"page {number}: {ch['text']!r} #{fg} on #{bg} "
                                 f"{contrast.ratio(fg, bg):.2f}:1 < {need}")
    return found


def test_every_ihk_dossier_text_reaches_aa_on_what_it_lies_on() -> None:
    """The theme's picks failed for the method's step numbers (accent on white, 1.87:1)
    and three scenarios' big numbers (1.77-2.73:1); each is drawn in a darker shade of its
    own colour now, large text at 3:1, as the slides' step numbers are."""
    plan, theme = _dossier(ROOT)
    texts = list(drawn_texts(plan, theme))
    assert len(texts) > 200 and any(t.figure for t in texts)  # the radar's labels too
    assert _below(iter(texts)) == []
    before = _below(drawn_texts(replace(plan, inks=()), theme))
    assert sorted((t.style, t.text) for t in before) == [
        ("d-number", "1"), ("d-number", "2"), ("d-number", "3"),
        ("d-step-number", "01"), ("d-step-number", "02"), ("d-step-number", "03"),
        ("d-step-number", "04")]
    assert max(t.ratio for t in before) < 3 and all(t.need == 3.0 for t in before)
    numbers = [t for t in texts if t.style in ("d-step-number", "d-number")]
    assert all(t.drawn != theme.color("ink") for t in numbers)  # a shade, not black
    accent = {t.drawn for t in numbers if t.color == "accent"}
    assert accent == {next(t.drawn for t in numbers if t.color == "golden")}  # one shade


def test_the_printed_dossier_and_slides_reach_aa(ihk_outputs: Path) -> None:
    """Read back from the PDFs: the renderer draws the colours the plan chose. The
    handouts show each slide in miniature, as PowerPoint prints them: its text keeps the
    slide's colours, judged at the slide's own size (the slides PDF), not the print's."""
    for pdf in sorted(ihk_outputs.glob("*.pdf")):
        if pdf.stem.endswith(("-handout", "-notes")):
            continue
        assert pdf_below_aa(pdf) == [], pdf.name


def _theme(project: Path, *pairs: tuple[str, str]) -> Path:
    path = project / "content" / "theme.yaml"
    text = path.read_text("utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    return project


def test_a_dark_brand_colour_gets_light_text_on_its_fills(make_project: MakeProject) -> None:
    """A chamber's dark green accent: the closing box and the button are green, and
    their text, 'ink' by its style (1.8:1 on #14502D), is drawn in 'paper'."""
    project = _theme(make_project(), ('accent: "F2B300"', 'accent: "14502D"'))
    plan, theme = _dossier(project)
    texts = list(drawn_texts(plan, theme))
    assert _below(iter(texts)) == []
    on_green = [t for t in texts if t.on == ("14502D",)]
    assert {t.style for t in on_green} == {"d-cta", "d-h3"}  # closing box, button
    assert {t.drawn for t in on_green} == {theme.color("paper")}
    assert contrast.ratio(theme.color("ink"), "14502D") < 2
    result = run_cli("build", project, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert pdf_below_aa(project / "output" / "my-deck.pdf") == []


def test_a_fill_no_text_reads_on_is_an_error_at_its_line(make_project: MakeProject) -> None:
    """Neither a grey 'ink' nor white reads on a mid-grey: the closing box's colour, chosen
    in deck.yaml, and the cards' tint, chosen in theme.yaml, are errors at their lines, in
    the same run as the slides' problems."""
    project = make_project({"content/deck.yaml": (ROOT / "tests" / "projects" / "mini"
                                                  / "content" / "deck.yaml").read_text("utf-8")
                            .replace("lines: [JETZT, MITMACHEN]",
                                     "lines: [JETZT, MITMACHEN]\n    color: stone")})
    _theme(project, ('ink: "1D1D1B"', 'ink: "595959"'),
           ('tint: "F4F2EC"', 'tint: "A0A0A0"\n  stone: "A0A0A0"'))
    with pytest.raises(ContentError) as caught:
        prepare(project, dossier=True)
    shown = [str(d) for d in caught.value.diagnostics]
    color_line = line_of(project, "deck.yaml", "color: stone")
    assert (f"content/deck.yaml:{color_line}:12: error: no colour of the palette makes the "
            "text 'JETZT' readable on #A0A0A0 (tint, stone) (in the dossier; WCAG AA asks "
            "for 3.0:1) (choose a colour here on which 'ink' or 'paper' reads: a lighter or "
            "a darker one)") in shown
    tint_line = line_of(project, "theme.yaml", 'tint: "A0A0A0"')
    assert any(s.startswith(f"content/theme.yaml:{tint_line}:") and "'Treffen'" in s
               and "(make 'tint' lighter or darker" in s for s in shown), shown
    assert any("(slide " in s for s in shown)  # the slides' problems in the same list
    result = run_cli("build", project)  # the build reports them together too
    assert result.returncode == 1
    assert "in the dossier" in result.stderr and "(slide " in result.stderr
