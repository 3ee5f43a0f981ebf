"""The deck as other viewers draw it (issue 28): a word that layout breaks shows its
hyphen everywhere, running text shrinks rather than run into the footer, and LibreOffice
without the deck's fonts (DejaVu Sans in their place) breaks no word without a hyphen and
puts no text into the footer."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from .conftest import ROOT, run_cli
from .pptx_text import slide_roots

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
LONG = "FACHKRÄFTESICHERUNGSSTRATEGIE"
DECK_NAME = "szenarien-ihk-ruhr.pptx"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _long_compound(dest: Path) -> Path:
    """The IHK project with a trend (and its radar entry) renamed to a long compound."""
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "assets", dest / "assets")
    for name in ("trends.yaml", "radar.yaml"):
        path = dest / "content" / name
        path.write_text(path.read_text("utf-8").replace("DEZENTRALE KI", LONG), "utf-8")
    return dest


@pytest.fixture(scope="module")
def long_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _long_compound(tmp_path_factory.mktemp("long") / "project")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    return project


def test_a_broken_word_is_a_hyphen_and_a_line_break(long_deck: Path) -> None:
    roots = slide_roots(long_deck / "output" / DECK_NAME)
    breaks = [br for root in roots for br in root.iter(f"{A}br")]
    assert breaks
    for br in breaks:
        before, after = br.getprevious(), br.getnext()
        head = before.findtext(f"{A}t")
        assert head.endswith("-") and head[-2].isalpha()  # a hyphen every face has
        assert after.findtext(f"{A}t")[0].isalpha()
        assert (head[:-1] + after.findtext(f"{A}t")).replace(" ", "") in LONG + LONG
    text = "".join(t.text or "" for root in roots for t in root.iter(f"{A}t"))
    assert "\u00ad" not in text  # no soft hyphen left for a viewer to drop
    from fontTools.ttLib import TTFont

    from deckbuilder.content.load import load_theme
    from deckbuilder.text.measure import Measurer

    measurer = Measurer(load_theme(ROOT), ROOT)
    for path in measurer.paths.values():  # the deck's own faces draw the hyphen themselves
        assert ord("-") in TTFont(path).getBestCmap(), path.name


def test_pull_reads_a_broken_word_whole(long_deck: Path) -> None:
    deck = long_deck / "output" / DECK_NAME
    prs = Presentation(str(deck))
    slide = next(s for s in prs.slides if any(
        (r.text or "").endswith("-") and r._r.getnext() is not None
        and r._r.getnext().tag.endswith("}br") for sh in s.shapes if sh.has_text_frame
        for p in sh.text_frame.paragraphs for r in p.runs))
    factor = next(r for sh in slide.shapes if sh.has_text_frame
                  for p in sh.text_frame.paragraphs for r in p.runs
                  if r.text == "Architekturmix Edge vs. Cloud")
    factor.text = "Architekturmix Edge und Cloud"
    prs.save(str(deck))
    trends = long_deck / "content" / "trends.yaml"
    before = trends.read_text("utf-8")
    pulled = run_cli("pull", long_deck)
    assert pulled.returncode == 0, pulled.stderr
    after = trends.read_text("utf-8")
    assert f"  - title: {LONG}\n" in after
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True)
               if a != b]
    assert changed == [("      - Architekturmix Edge vs. Cloud",
                        "      - Architekturmix Edge und Cloud")]


def test_running_text_shrinks_in_a_viewer_and_titles_do_not(built_deck: Path) -> None:
    bodies = titles = 0
    for root in slide_roots(built_deck):
        for sp in root.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}sp"):
            body = sp.find(f".//{A}bodyPr")
            ph = sp.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}ph")
            if body is None:
                continue
            fits = body.find(f"{A}normAutofit") is not None
            if ph is not None and ph.get("type") in ("title", "ctrTitle"):
                titles += 1
                assert not fits
            elif fits:
                bodies += 1
    assert titles >= 20 and bodies >= 20


#: fontconfig's own rule (conf.d/49-sansserif.conf): a family it does not know (a
#: template's Calibri) falls back to sans-serif, as on a desktop.
SANS_DEFAULT = (
    '<match target="pattern">' + "".join(
        f'<test qual="all" name="family" compare="not_eq"><string>{g}</string></test>'
        for g in ("sans-serif", "serif", "monospace"))
    + '<edit name="family" mode="append_last"><string>sans-serif</string></edit></match>'
    "<alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>")


def _dejavu(tmp: Path) -> Path:
    """A fontconfig without the deck's fonts, where DejaVu Sans stands in for them (and
    for a template's fonts): the usual fallback on Linux desktops."""
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
        f"<cachedir>{tmp / 'fc'}</cachedir>"
        + "".join(f'<alias binding="same"><family>{f}</family><prefer><family>DejaVu Sans'
                  "</family></prefer></alias>" for f in ("Source Sans Pro",
                                                          "Source Sans Pro Black"))
        + SANS_DEFAULT + "</fontconfig>", "utf-8")
    return conf


@pytest.fixture(scope="module")
def second_chamber_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The long-compound deck with more of a second chamber's content: two more trends
    renamed to long compounds (on the radar too) and a program entry of long words."""
    from .test_wide_fallback import _long

    project = _long(tmp_path_factory.mktemp("second") / "project")
    for name in ("trends.yaml", "radar.yaml"):
        path = project / "content" / name
        path.write_text(path.read_text("utf-8").replace("DEZENTRALE KI", LONG), "utf-8")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    return project / "output" / DECK_NAME


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or not Path("/usr/share/fonts/truetype/dejavu").is_dir(),
                    reason="needs LibreOffice and DejaVu (.ci/run installs both)")
@pytest.mark.parametrize("fonts", ["dejavu", "liberation"])
def test_libreoffice_without_the_decks_fonts_breaks_no_word_and_keeps_the_footer_clear(
        second_chamber_deck: Path, tmp_path: Path, fonts: str) -> None:
    """Rendered by LibreOffice with DejaVu Sans, then with the Liberation alias
    (tools/fallback-fonts.conf), in place of Source Sans Pro: no word of the deck is cut
    without a hyphen, no text reaches the footer or leaves the slide (build/libreoffice.py
    finds each), and the long compound shows its hyphen."""
    from deckbuilder.build.libreoffice import deck_words, disagreements

    deck = Path(shutil.copy(second_chamber_deck, tmp_path / DECK_NAME))
    conf = _dejavu(tmp_path) if fonts == "dejavu" else ROOT / "tools" / "fallback-fonts.conf"
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(tmp_path)}
    subprocess.run([str(SOFFICE), "-env:UserInstallation=" + (tmp_path / "lo").as_uri(),
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(deck)], check=True, env=env, capture_output=True,
                   timeout=300)
    pdf = tmp_path / deck.with_suffix(".pdf").name
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() for page in document.pages)
        fonts_used = {c["fontname"].split("+")[-1] for c in document.pages[4].chars}
    assert re.search(r"FACHKRÄFTE\w*-\n\w*STRATEGIE", text)
    assert all(f.startswith("DejaVu" if fonts == "dejavu" else "Liberation")
               for f in fonts_used), fonts_used  # the deck's fonts were indeed missing
    footer = Presentation(str(deck)).slides[4].shapes
    footer_text = next(sh.text_frame.text for sh in footer if sh.has_text_frame
                       and sh.text_frame.text.startswith("©"))
    assert disagreements(pdf, footer_text, deck_words(deck)) == []


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or not Path("/usr/share/fonts/truetype/dejavu").is_dir(),
                    reason="needs LibreOffice and DejaVu (.ci/run installs both)")
def test_a_chambers_template_in_libreoffice_without_its_fonts(tmp_path: Path) -> None:
    """The second chamber's long compounds on its own template (band, claim, logo, the
    template's title font Calibri), drawn by LibreOffice where neither the deck's nor the
    template's fonts are installed (DejaVu Sans for both): no word cut without a hyphen,
    no text in the band but the footer and the claim, nothing on other text."""
    from deckbuilder.build.libreoffice import deck_words, disagreements, template_text

    from .template_maker import make_template
    from .test_wide_fallback import _long

    project = _long(tmp_path / "project")
    make_template(project / "assets" / "firma.pptx")
    theme = project / "content" / "theme.yaml"
    theme.write_text(theme.read_text("utf-8").replace(
        "\nfit:\n", "\ntemplate:\n  file: assets/firma.pptx\n\nfit:\n", 1), "utf-8")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    deck = project / "output" / DECK_NAME
    env = {**os.environ, "FONTCONFIG_FILE": str(_dejavu(tmp_path)), "HOME": str(tmp_path)}
    subprocess.run([str(SOFFICE), "-env:UserInstallation=" + (tmp_path / "lo").as_uri(),
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(deck)], check=True, env=env, capture_output=True,
                   timeout=300)
    pdf = tmp_path / deck.with_suffix(".pdf").name
    footer = next(sh.text_frame.text for sh in Presentation(str(deck)).slides[4].shapes
                  if sh.has_text_frame and sh.text_frame.text.startswith("©"))
    claim = template_text(deck)
    assert claim == ["Handwerk. Die Wirtschaftsmacht. Von nebenan."]
    assert disagreements(pdf, [footer, *claim], deck_words(deck)) == []


def test_text_in_the_footer_or_off_the_slide_is_a_disagreement(tmp_path: Path) -> None:
    """build/libreoffice.py on a page drawn here: the footer's own words and the slide
    number pass; a word reaching down to the footer's line, or off the page, does not."""
    from reportlab.pdfgen.canvas import Canvas

    from deckbuilder.build.libreoffice import Disagreement, disagreements

    pdf = tmp_path / "page.pdf"
    c = Canvas(str(pdf), pagesize=(960, 540))
    c.setFont("Helvetica", 10)
    c.drawString(56, 540 - 520, "© Zukunftsinstitut GmbH, 2025")  # the footer, at y 520
    c.drawString(900, 540 - 520, "3")
    c.drawString(56, 540 - 300, "Mitte")  # well above the footer
    c.drawString(400, 540 - 523, "Überlauf")  # a line run down into the footer
    c.drawString(955, 540 - 200, "Rand")  # beyond the right edge
    c.showPage()
    c.save()
    assert disagreements(pdf, "© Zukunftsinstitut GmbH, 2025") == [
        Disagreement(1, "Überlauf", "in the footer"),
        Disagreement(1, "Rand", "beyond the slide's edge")]


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (.ci/run installs it)")
def test_preview_draws_the_deck_as_libreoffice_does(tmp_path: Path) -> None:
    result = run_cli("preview", ROOT, "--out", tmp_path, "--libreoffice")
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "preview" / "libreoffice").glob("*.png"))
    assert len(pages) == 33 and (tmp_path / "preview" / "libreoffice.png").is_file()
    assert "warning" not in result.stderr  # the IHK deck fits in this computer's fonts


def test_a_scenario_text_is_one_body_in_two_columns(built_deck: Path) -> None:
    """Issue 28, part 5: one placeholder with numCol 2 per text slide, each paragraph of
    the content whole in it (a phrase search across the column break finds it)."""
    from deckbuilder.content.load import load_project

    prs = Presentation(str(built_deck))
    bodies = [sh for slide in prs.slides for sh in slide.shapes if sh.has_text_frame
              and sh.text_frame._txBody.bodyPr.get("numCol") == "2"]  # noqa: SLF001
    assert len(bodies) == 4
    texts = [" ".join(sh.text_frame.text.split()) for sh in bodies]
    for scenario in load_project(ROOT).project.scenarios.scenarios:
        for paragraph in scenario.paragraphs:
            assert any(" ".join(paragraph.split()) in text for text in texts), paragraph[:40]
