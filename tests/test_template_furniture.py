"""A corporate template with furniture of its own (issue 29, part 1): a craft chamber's
16:9 template (tests/template_maker.py) whose master carries a band in the brand colour
with a claim line, the footer and slide-number placeholders inside the band, and a logo.
The deck keeps off all of it, puts its footer and number into the template's own
placeholders (one footer per slide), cuts full-bleed pictures back, and says where the
logo would not show. Both house styles: band at the bottom and logo top right, band at
the top and logo bottom left."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from deckbuilder.render.pptx.furniture import read_furniture
from deckbuilder.render.pptx.template import kind_layouts

from .conftest import ROOT, MakeProject, run_cli
from .template_maker import BAND, BRAND, CLAIM, HEIGHT, make_template

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _use(project: Path, house: str, claim: str = CLAIM, wrap: bool = True) -> Path:
    make_template(project / "assets" / "hwk.pptx", house, claim, wrap)
    theme = project / "content" / "theme.yaml"
    theme.write_text(theme.read_text("utf-8").replace(
        "\nfit:\n", "\ntemplate:\n  file: assets/hwk.pptx\n\nfit:\n", 1), "utf-8")
    return project


def test_the_furniture_is_read_from_the_master(tmp_path: Path) -> None:
    path = make_template(tmp_path / "hwk.pptx", "bottom")
    prs = Presentation(str(path))
    furniture = read_furniture(prs, kind_layouts(prs, None, {}))["trend"]
    kinds = {(p.kind, p.side) for p in furniture.pieces}
    assert kinds == {("band", "bottom"), ("claim", "bottom"), ("logo", "top")}
    band = next(p for p in furniture.pieces if p.kind == "band")
    assert band.color == BRAND and band.box.y == pytest.approx(Emu(HEIGHT - BAND).pt)
    assert next(p for p in furniture.pieces if p.kind == "logo").color == BRAND
    assert furniture.footer is not None and furniture.number is not None
    assert furniture.band_under(furniture.footer) == band


def _shapes(deck: Path):  # type: ignore[no-untyped-def]
    prs = Presentation(str(deck))
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            box = tuple(Emu(v).pt for v in (shape.left, shape.top, shape.width, shape.height))
            ph = shape.element.find(f".//{P}ph")
            yield number, shape, box, None if ph is None else ph.get("type")


def _check(project: Path, house: str) -> None:
    """The written deck: footer and number in the template's placeholders inside the band,
    no second footer; the plan: no text's lines, picture or shape on the band or the logo
    (text judged where its lines are, as the build judges it)."""
    from deckbuilder.build.stages import prepare
    from deckbuilder.layout.plan import GroupBox, TextBox
    from deckbuilder.layout.template_slides import _ink

    deck = next((project / "output").glob("*.pptx"))
    prs = Presentation(str(deck))
    furniture = read_furniture(prs, {"": prs.slide_layouts[0]})[""]
    band = next(p.box for p in furniture.pieces if p.kind == "band")
    logo = next(p.box for p in furniture.pieces if p.kind == "logo")
    ready = prepare(project)
    legal = {s.number for s in ready.plan.slides if s.kind == "legal"}
    footer = " ".join(ready.loaded.project.deck.footer.split())
    footers: dict[int, list[str]] = {}
    for number, shape, box, ph in _shapes(deck):
        if ph in ("ftr", "sldNum"):
            footers.setdefault(number, []).append(ph)
            assert band.y <= box[1] and box[1] + box[3] <= band.bottom, (number, box)
        elif shape.has_text_frame and number not in legal:  # the notice may say it itself
            assert shape.text_frame.text != footer  # no second footer of the deck's own
    assert all(sorted(kinds) == ["ftr", "sldNum"] for kinds in footers.values())
    assert len(footers) >= len(prs.slides) - 2  # all but the slides without a footer

    from deckbuilder.layout.slide_parts import Context

    ctx = Context(ready.loaded, ready.typesetter)
    for slide in ready.plan.slides:
        for element in slide.elements:
            if isinstance(element, TextBox) and element.role == "footer":
                continue
            parts = element.elements if isinstance(element, GroupBox) else (element,)
            for part in parts:
                box = _ink(ctx, part) if isinstance(part, TextBox) else part.box
                where = (house, slide.number, slide.kind, type(part).__name__, box)
                assert not _overlap(box, band), where
                assert not _overlap(box, logo), where


def _overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a.x < b.right - 0.5 and b.x < a.right - 0.5 and a.y < b.bottom - 0.5 and \
        b.y < a.bottom - 0.5


@pytest.mark.slow  # README's test command stays under two minutes
def test_the_ihk_deck_on_the_chambers_template_keeps_off_band_claim_and_logo(
        tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "assets", project / "assets")
    _use(project, "bottom")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    _check(project, "bottom")


def test_the_second_house_style_band_on_top_logo_bottom_left(make_project: MakeProject
                                                            ) -> None:
    project = _use(make_project(), "top")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    _check(project, "top")


def test_a_slide_in_the_logos_colour_is_named(make_project: MakeProject) -> None:
    """The brand's dark green as the accent: the section slides are filled with it, and
    the template's dark green logo would vanish there; the build says so at the line of
    theme.yaml that names the template, and goes on."""
    project = _use(make_project(), "bottom")
    theme = project / "content" / "theme.yaml"
    text = theme.read_text("utf-8")
    accent = next(line for line in text.splitlines() if line.strip().startswith("accent:"))
    theme.write_text(text.replace(accent, accent.split(":")[0] + f': "{BRAND}"'), "utf-8")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    line = text.splitlines().index("  file: assets/hwk.pptx") + 1
    assert f"content/theme.yaml:{line}:" in result.stderr
    assert f"the template's logo (#{BRAND}) hardly shows on slide" in result.stderr


def test_template_check_lists_the_furniture_and_where_the_footer_goes(tmp_path: Path) -> None:
    path = make_template(tmp_path / "hwk.pptx", "top")
    result = run_cli("template", "check", path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "band at top (0, 0, 960 × 54 pt) (#14502D)" in out
    assert "logo at bottom" in out and "claim at top" in out
    assert "footer and slide number: in the template's placeholders" in out


def test_the_footer_on_a_dark_band_reads_in_the_deck_and_in_print(make_project: MakeProject
                                                                  ) -> None:
    """The footer and slide number in the template's dark green band are drawn in a colour
    that reads on the band (WCAG AA) in the PPTX, and the slides PDF draws the band under
    them (with its claim and logo), so the same paper-coloured footer reads there too."""
    import pdfplumber

    from deckbuilder.text.contrast import ratio

    project = _use(make_project(), "bottom")
    result = run_cli("build", project, "--format", "pptx,slides-pdf")
    assert result.returncode == 0, result.stderr
    deck = project / "output" / "my-deck.pptx"
    colours = set()
    for slide in Presentation(str(deck)).slides:
        for shape in slide.placeholders:
            if shape.placeholder_format.type in (15, 13):  # FOOTER, SLIDE_NUMBER
                colours |= {str(r.font.color.rgb) for p in shape.text_frame.paragraphs
                            for r in p.runs}
    assert colours and all(ratio(c, BRAND) >= 4.5 for c in colours), colours
    with pdfplumber.open(project / "output" / "my-deck-slides.pdf") as pdf:
        page = pdf.pages[1]
        band = [r for r in page.rects if r["width"] >= page.width * 0.99
                and r["top"] > page.height * 0.8]
        footer = [c for c in page.chars if c["text"] == "©"]
        text = page.extract_text()
        logos = [i for i in page.images if i["top"] < page.height * 0.2
                 and i["x0"] > page.width * 0.8]  # the house style's logo: top right
    assert band and footer and band[0]["top"] <= footer[0]["top"]
    assert CLAIM in text and len(logos) == 1  # the template's claim and logo, as in the PPTX


LONG_CLAIM = ("Handwerk. Die Wirtschaftsmacht. Von nebenan. Seit Generationen für "
              "Ausbildung, Meisterschaft und Betriebsnachfolge in der Region.")


@pytest.mark.parametrize(("claim", "wrap", "lines"), [
    (LONG_CLAIM, True, 2), (LONG_CLAIM, False, 1), ("Handwerk.\vVon nebenan.", True, 2)])
def test_a_claim_is_broken_in_the_pdfs_as_powerpoint_breaks_it(
        make_project: MakeProject, claim: str, wrap: bool, lines: int) -> None:
    """The claim's box is 420 pt wide: PowerPoint wraps a longer claim in it, and so do the
    slides PDF and the handouts (the claim used to run on in one line past its box);
    a box that does not wrap runs on in PowerPoint too, and a line break stays one."""
    import pdfplumber

    project = _use(make_project(), "bottom", claim, wrap)
    result = run_cli("build", project, "--format", "slides-pdf")
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(project / "output" / "my-deck-slides.pdf") as pdf:
        page = pdf.pages[1]
        scale = page.width / 960  # the template's slide is 960 pt wide
        band = page.height - 54 * scale
        chars = [c for c in page.chars if c["top"] >= band]
        words = page.crop((0, band, page.width, page.height)).extract_words()
    shown = [c for c in chars if c["x0"] < 480 * scale]  # left of the footer's box
    assert shown and all(40 * scale <= c["x0"] for c in shown)
    assert all(c["bottom"] <= page.height for c in shown)
    assert len({round(c["top"]) for c in shown}) == lines
    if wrap:
        assert all(c["x1"] <= 460 * scale for c in shown)  # inside the box
    said = [w["text"] for w in words if w["x0"] < 480 * scale or not wrap]  # the footer too
    assert not Counter(claim.replace("\v", " ").split()) - Counter(said)


def test_titles_on_the_decks_dark_slides_keep_a_colour_that_reads(
        make_project: MakeProject) -> None:
    """On a corporate template a title takes the template's colour, made for the template's
    own (light) background; on a slide the deck paints dark it came out black on the brand
    green (1.8:1). There the colour layout chose stays."""
    from pptx.enum.dml import MSO_FILL
    from pptx.enum.shapes import PP_PLACEHOLDER

    from deckbuilder.text.contrast import ratio

    project = _use(make_project(), "bottom")
    theme = project / "content" / "theme.yaml"
    theme.write_text(theme.read_text("utf-8").replace("\"F2B300\"", "\"14502D\""), "utf-8")
    assert run_cli("build", project, "--format", "pptx").returncode == 0
    checked = 0
    for slide in Presentation(str(project / "output" / "my-deck.pptx")).slides:
        fill = slide.background.fill
        if fill.type != MSO_FILL.SOLID or str(fill.fore_color.rgb) == "FFFFFF":
            continue
        title = next(p for p in slide.placeholders
                     if p.placeholder_format.type == PP_PLACEHOLDER.TITLE)
        for run in (r for p in title.text_frame.paragraphs for r in p.runs):
            assert ratio(str(run.font.color.rgb), str(fill.fore_color.rgb)) >= 4.5
            checked += 1
    assert checked


@pytest.mark.slow  # LibreOffice
def test_check_libreoffice_counts_what_it_saw_in_its_last_line(
        make_project: MakeProject, tmp_path: Path) -> None:
    """Under DejaVu the template's long claim runs off the slide in LibreOffice: each such
    slide is a warning, and the last line counts them with the content's own warnings
    (it said "3 warnings" below 16)."""
    import os

    from .test_viewers import _dejavu

    project = _use(make_project(), "bottom", LONG_CLAIM, wrap=True)
    env = {**os.environ, "FONTCONFIG_FILE": str(_dejavu(tmp_path))}
    result = subprocess.run([sys.executable, "-m", "deckbuilder", "check", "--libreoffice",
                             str(project)], capture_output=True, text=True, env=env,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    said = sum(1 for line in result.stderr.splitlines() if "warning:" in line)
    assert said and f", {said} warning" in result.stdout, (result.stdout, result.stderr)
