"""The deck as LibreOffice draws it on this computer, beside deckbuilder's own preview.

deckbuilder measures text in the deck's fonts and their fallback; a LibreOffice user who
lacks them sees another font (DejaVu Sans on most Linux desktops), other line breaks and
sometimes text where it should not be. This converts the written PPTX with the installed
LibreOffice (headless, with a profile of its own, so an open LibreOffice window is left
alone), renders its pages, and finds where LibreOffice's text disagrees with the layout:
text in the footer's band that is not the footer's, text beyond the slide's edge, a
word of the deck broken across two lines without a hyphen (wider than its line there),
or words drawn over other words.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from ..errors import UsageError

#: How long a conversion may take before it is given up (a 33-slide deck takes 10-20 s).
TIMEOUT = 300
#: Points of tolerance before text counts as in the footer's band or off the slide.
SLACK = 1.0
#: What pdfium reads for a hyphen that ends a line ("KI-" before "gestützten"): the
#: word ends there, on its line.
LINE_END_HYPHEN = "\ufffe"


@dataclass(frozen=True)
class Disagreement:
    """Where LibreOffice draws text that the layout did not put there."""

    slide: int
    text: str
    where: str  # "in the footer", "beyond the slide's edge" or "broken without a hyphen"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(deck: Path, folder: Path) -> Path:
    """The deck as a PDF drawn by LibreOffice, in ``folder``; raises UsageError with what
    to do when LibreOffice is missing or fails."""
    program = soffice()
    if program is None:
        raise UsageError("LibreOffice is not installed on this computer: install it "
                         "(Debian: apt-get install libreoffice-impress) or leave out "
                         "--libreoffice")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="deckbuilder-lo-") as profile:
        try:
            done = subprocess.run(
                [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                 "--norestore", "--convert-to", "pdf", "--outdir", str(folder), str(deck)],
                capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise UsageError(f"LibreOffice took more than {TIMEOUT} s to open the deck: "
                             "close other LibreOffice windows and try again") from None
    pdf = folder / (deck.stem + ".pdf")
    if done.returncode != 0 or not pdf.is_file():
        raise UsageError("LibreOffice could not convert the deck "
                         f"({done.stderr.decode(errors='replace').strip()[:200] or 'no output'}):"
                         " try 'soffice --headless --convert-to pdf' on it yourself")
    return pdf


def disagreements(pdf: Path, footer: str | Sequence[str],
                  words: frozenset[str] = frozenset()) -> list[Disagreement]:
    """Text LibreOffice draws reaching down to the footer's line (other than the footer
    itself and the slide number) or beyond the slide's edges, and any of the deck's
    ``words`` it draws in two pieces without a hyphen, slide by slide. ``footer``: the
    footer's line, or several (a template's claim beside it), each found on the slide as
    its words in a row: a claim word that the deck's text also uses ("Die") is then not
    taken for the footer's line."""
    lines = [footer] if isinstance(footer, str) else list(footer)
    found: list[Disagreement] = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            text = page.get_textpage()
            drawn = [(w, (left, height - top, right, height - bottom))  # from the top down
                     for w, (left, bottom, right, top) in _words(text)]
            text.close()
            page.close()
            found += [Disagreement(index + 1, piece, "broken without a hyphen")
                      for piece in _pieces([w for w, _box in drawn], words)]
            found += [Disagreement(index + 1, pair, "on other text")
                      for pair in _overlaps(drawn)]
            own = _footer_words(drawn, lines, height)
            tops = [drawn[i][1][1] for i in own]
            line = min(tops) if tops else height
            for i, (word, (left, _top, right, bottom)) in enumerate(drawn):
                if left < -SLACK or right > width + SLACK or bottom > height + SLACK:
                    found.append(Disagreement(index + 1, word, "beyond the slide's edge"))
                elif bottom > line + SLACK and i not in own and not word.isdigit():
                    found.append(Disagreement(index + 1, word, "in the footer"))
    finally:
        document.close()
    return found


def _footer_words(drawn: Drawn, lines: Sequence[str], height: float) -> set[int]:
    """The drawn words (their places in ``drawn``) that are one of the footer's ``lines``,
    all its words in a row, in the slide's lower half."""
    said = [w for w, _box in drawn]
    found: set[int] = set()
    for line in lines:
        wanted = line.split()
        for start in range(len(said) - len(wanted) + 1) if wanted else ():
            run = range(start, start + len(wanted))
            if said[start:start + len(wanted)] == wanted and \
                    all(drawn[i][1][1] > height / 2 for i in run):
                found.update(run)
    return found


def _pieces(drawn: list[str], words: frozenset[str]) -> list[str]:
    """Where two drawn words in a row are one word of the deck cut without a hyphen
    ("Energieeffizi / enz"): a renderer's font was too wide for it."""
    return [f"{a} / {b}" for a, b in zip(drawn, drawn[1:], strict=False)
            if a not in words and not a.endswith("-") and a + b in words]


Drawn = list[tuple[str, tuple[float, float, float, float]]]


def _overlaps(drawn: Drawn) -> list[str]:
    """Words drawn over each other: boxes (tight to the glyphs) that share more than half
    the height of the lower one, as lines of two text boxes do when one runs into the
    other. The lines of one paragraph touch at most at their accents."""
    found = []
    ordered = sorted(drawn, key=lambda d: d[1][1])
    for i, (a, (al, at, ar, ab)) in enumerate(ordered):
        for b, (bl, bt, br, bb) in ordered[i + 1:]:
            if bt >= ab:
                break  # sorted by top: nothing further down reaches this word
            shared = min(ab, bb) - max(at, bt)
            if min(ar, br) - max(al, bl) > SLACK and shared > 0.5 * min(ab - at, bb - bt):
                found.append(f"{a} / {b}")
    return found


def template_text(deck: Path) -> list[str]:
    """The texts a corporate template's masters and layouts draw themselves (a claim in
    its band, beside the footer), one a shape: LibreOffice draws them on every slide, and
    they are no text of the deck's that ran into the footer. Placeholders' sample text is
    not drawn."""
    import zipfile

    from lxml import etree

    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
          "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
    found: list[str] = []
    with zipfile.ZipFile(deck) as package:
        for name in package.namelist():
            if not name.startswith(("ppt/slideMasters/", "ppt/slideLayouts/")) \
                    or not name.endswith(".xml"):
                continue
            root = etree.fromstring(package.read(name))
            for shape in root.iterfind(".//p:sp", ns):
                if shape.find(".//p:ph", ns) is None:
                    paragraphs = ["".join(t.text or "" for t in p.iterfind(".//a:t", ns))
                                  for p in shape.iterfind(".//a:p", ns)]
                    found.append(" ".join(p for p in paragraphs if p))
    return [text for text in found if text]


def deck_words(deck: Path) -> frozenset[str]:
    """Every word of the written deck, whole (the words layout broke joined again)."""
    from ..edits.deck_summary import read_deck

    return frozenset(word for slide in read_deck(deck) for shape in slide
                     for word in shape.text.split())


def _words(text: pdfium.PdfTextPage) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each word of a page with its box (left, bottom, right, top, PDF coordinates)."""
    words: list[tuple[str, tuple[float, float, float, float]]] = []
    chars: list[str] = []
    box: list[float] = []
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if ch.isspace() or not ch or ch == LINE_END_HYPHEN:
            if ch == LINE_END_HYPHEN:
                chars.append("-")
            if chars and box:
                words.append(("".join(chars), (box[0], box[1], box[2], box[3])))
            chars, box = [], []
            continue
        left, bottom, right, top = text.get_charbox(i)
        box = [left, bottom, right, top] if not box else [
            min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        chars.append(ch)
    if chars:
        words.append(("".join(chars), (box[0], box[1], box[2], box[3])))
    return words
