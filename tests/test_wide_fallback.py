"""Slides measured for the widest common fallback (issue 28, part 4): where LibreOffice
lacks the deck's fonts it draws DejaVu Sans, 21 % wider than Source Sans Pro. Titles,
radar labels and table rows, which no viewer shrinks, are measured in its widths
(text/measure.py ``widened``); running text keeps the deck's measure and is shrunk by the
viewer (normAutofit). These tests check the plan against DejaVu's own font files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from deckbuilder.build.libreoffice import Disagreement, disagreements
from deckbuilder.content.load import load_project
from deckbuilder.layout.plan import GroupBox, TableBox, TextBox
from deckbuilder.layout.slides import plan_deck
from deckbuilder.layout.text import Typesetter
from deckbuilder.text import linebreak
from deckbuilder.text.linebreak import SHY, visible
from deckbuilder.text.measure import Measurer, Word

from .conftest import ROOT

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FILES = {(False, False): "DejaVuSans.ttf", (True, False): "DejaVuSans-Bold.ttf",
         (False, True): "DejaVuSans-Oblique.ttf", (True, True): "DejaVuSans-BoldOblique.ttf"}
needs_dejavu = pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs fonts-dejavu-core "
                                  "(.ci/run installs it with LibreOffice)")


def _dejavu_width(text: str, bold: bool, italic: bool, size: float) -> float:
    font = _font(FILES[(bold, italic)])
    return sum(font.charWidths.get(ord(ch), font.defaultWidth) for ch in text) * size / 1000


_fonts: dict[str, TTFontFile] = {}


def _font(name: str) -> TTFontFile:
    if name not in _fonts:
        _fonts[name] = TTFontFile(str(DEJAVU / name))
    return _fonts[name]


def _long(dest: Path) -> Path:
    """The IHK project with two trends renamed to long compounds, on the radar too, and a
    program entry with long words: a second chamber's kind of content."""
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "assets", dest / "assets")
    for name in ("trends.yaml", "radar.yaml"):
        path = dest / "content" / name
        path.write_text(path.read_text("utf-8")
                        .replace("SMART EXPLORATION", "HANDWERKSNACHWUCHSGEWINNUNGSOFFENSIVE")
                        .replace("RESPONSIBLE AI", "ENERGIEEFFIZIENZSANIERUNGSPFLICHT"),
                        "utf-8")
    program = dest / "content" / "program.yaml"
    program.write_text(program.read_text("utf-8").replace(
        "      title: Future Day\n      place: Frankfurt",
        "      title: Handwerkskammerbezirksversammlung\n"
        "      place: Berufsbildungszentrum Dortmund-Hörde").replace(
        "      title: Virtuelle Sprechstunde\n",
        "      title: Digitalisierungsförderprogrammberatung\n", 1), "utf-8")
    return dest


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    project = _long(tmp_path_factory.mktemp("wide") / "project")
    loaded = load_project(project)
    ts = Typesetter(loaded.theme, Measurer(loaded.theme, project))
    return loaded, plan_deck(loaded, ts, dt.date(2025, 11, 4))


def test_the_widened_measure_is_dejavu_where_dejavu_is_wider() -> None:
    theme = load_project(ROOT).theme
    plain = Measurer(theme, ROOT)
    wide = plain.widened()
    text = "Energieeffizienzsanierungspflicht"
    assert wide.width(text, "regular", 20) > plain.width(text, "regular", 20) * 1.1
    assert wide.width("iiii", "regular", 20) >= plain.width("iiii", "regular", 20)
    if DEJAVU.is_dir():
        assert wide.width(text, "bold", 20) == pytest.approx(_dejavu_width(text, True, False, 20))
        # the Black face is a family of its own (b="0"): a viewer draws DejaVu's regular
        assert wide.width(text, "black", 20) == pytest.approx(
            _dejavu_width(text, False, False, 20))


def test_a_word_too_wide_alone_in_the_wider_measure_is_cut_there() -> None:
    """linebreak.wrap with ``alone``: lines fill in the narrow measure, but a word is cut
    wherever the wider one (twice as wide here) would not hold it on a line of its own."""
    def narrow(text: str, face: str) -> float:
        return float(len(text))

    def wide(text: str, face: str) -> float:
        return 2.0 * len(text)

    def splits(word: str):  # type: ignore[no-untyped-def]
        return [(word[:i], word[i:]) for i in range(2, len(word) - 1)]

    words = [Word("ab", "r"), Word("Zehnbuchst", "r")]
    plain = linebreak.wrap(words, narrow, 12.0, splits)
    assert [[visible(w.text) for w in line] for line in plain] == [["ab"], ["Zehnbuchst"]]
    lines = linebreak.wrap(words, narrow, 12.0, splits, alone=wide)
    pieces = [w.text for line in lines for w in line]
    assert all(wide(visible(p.rstrip(SHY)) + ("-" if p.endswith(SHY) else ""), "r") <= 12.0
               for p in pieces)
    assert "".join(visible(p) for p in pieces) == "abZehnbuchst"
    with pytest.raises(linebreak.TooWide):
        linebreak.wrap([Word("Zehnbuchst", "r")], narrow, 12.0, None, alone=wide)


def _boxes(plan):  # type: ignore[no-untyped-def]
    for number, slide in enumerate(plan.slides, 1):
        for el in slide.elements:
            for inner in (el.elements if isinstance(el, GroupBox) else (el,)):
                yield number, inner


@needs_dejavu
def test_titles_and_radar_labels_hold_their_lines_in_dejavu(long_plan) -> None:  # type: ignore[no-untyped-def]
    """Titles and radar labels, wrapped at spaces in DejaVu Sans as a viewer wraps them,
    break no word and take no more height than layout gave them: no viewer shrinks them."""
    loaded, plan = long_plan
    checked = labels = 0
    for number, box in _boxes(plan):
        if not isinstance(box, TextBox) or box.role != "title" and box.wrap:
            continue  # running text: the viewer shrinks it (normAutofit)
        labels += not box.wrap
        height = _dejavu_height(loaded.theme, box.paras, box.box.w, box.scale, box.wrap)
        checked += 1
        assert height <= box.height + 0.5, (number, box.paras[0].text, height, box.height)
    assert checked >= 40 and labels >= 18


@needs_dejavu
def test_program_rows_take_the_room_dejavu_needs(long_plan) -> None:  # type: ignore[no-untyped-def]
    """Viewers grow a table's rows to their text: each program table, at DejaVu's line
    count per cell, still ends above the next group's heading and the footer."""
    loaded, plan = long_plan
    tables = [(n, b) for n, b in _boxes(plan) if isinstance(b, TableBox)]
    assert len(tables) >= 3
    for number, table in tables:
        slide = plan.slides[number - 1]
        below = [el.box.y for el in slide.elements if el.box.y >= table.box.bottom - 0.01
                 and el.box.x < table.box.right and el.box.right > table.box.x]
        grown = sum(max(height, max(_dejavu_height(loaded.theme, cell, width - 2 *
                                                   table.padding, table.scale, True)
                                    for cell, width in zip(row, table.columns, strict=True))
                        + 2 * table.padding)
                    for row, height in zip(table.rows, table.heights, strict=True))
        assert below and table.box.y + grown <= min(below) + 0.5, (number, grown)


def _dejavu_height(theme, paras, width: float, scale: float, wrap: bool) -> float:  # type: ignore[no-untyped-def]
    """The paragraphs' height drawn in DejaVu Sans, wrapped at spaces and at the breaks
    layout wrote (a hyphen and a line break); asserts that every word fits its line."""
    total = 0.0
    for i, para in enumerate(paras):
        style = theme.style(para.style)
        face = theme.faces[para.runs[0].face or style.face]
        size = style.size * scale
        space = _dejavu_width(" ", face.bold, face.italic, size)
        lines = 0
        for segment in _segments("".join(r.text for r in para.runs)):
            lines += 1
            used = 0.0
            for word in segment.split():
                w = _dejavu_width(word, face.bold, face.italic, size)
                assert not wrap or w <= width + 0.5, f"'{word}' breaks without a hyphen"
                if used and used + space + w > width + 0.5 and wrap:
                    lines, used = lines + 1, w
                else:
                    used += (space if used else 0.0) + w
            assert wrap or used <= width + 0.5, (segment, used, width)
        total += (style.space_before * scale if i else 0.0) \
            + lines * style.size * style.leading * scale
    return total


def _segments(text: str) -> list[str]:
    """The text cut where layout broke a word (a soft hyphen it inserted, written as a
    hyphen and a line break)."""
    parts = text.split(SHY)
    return [p + "-" for p in parts[:-1]] + [parts[-1]]


def test_a_word_in_two_pieces_or_words_on_words_are_disagreements(tmp_path: Path
                                                                         ) -> None:
    """build/libreoffice.py on a page drawn here: a word of the deck cut across two lines
    without a hyphen is found, and so are two words drawn over each other; a word cut
    with a hyphen, two words in a row and two close lines are not, and neither is the
    deck's text above the band that starts with a word of the template's claim."""
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "page.pdf"
    c = Canvas(str(pdf), pagesize=(960, 540))
    c.setFont("Helvetica", 12)
    for y, text in ((100, "Energieeffizi"), (116, "enzsanierung"), (160, "Gebäude-"),
                    (176, "energie"), (220, "Future"), (236, "Day"), (300, "Titel"),
                    (303, "Text"), (350, "Zeile"), (362, "Zeile"), (520, "©")):
        c.drawString(56, 540 - y, text)
    c.drawString(300, 540 - 523, "Die Wirtschaftsmacht.")  # a template's claim, in its band
    c.drawString(56, 540 - 400, "Die neue Vernetzung")  # the deck's text, a claim word first
    c.drawString(600, 540 - 523, "Überlauf")  # the deck's text, run into the footer
    c.showPage()
    c.save()
    words = frozenset({"Energieeffizienzsanierung", "Gebäudeenergie", "Future", "Day",
                       "Titel", "Text", "Zeile", "Überlauf"})
    assert disagreements(pdf, ["©", "Die Wirtschaftsmacht."], words) == [  # template_text
        Disagreement(1, "Energieeffizi / enzsanierung", "broken without a hyphen"),
        Disagreement(1, "Titel / Text", "on other text"),  # lines 12 pt apart only touch
        Disagreement(1, "Überlauf", "in the footer")]
