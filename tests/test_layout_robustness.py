"""Long German words on slides: hyphenated at German split points, or a located error."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from deckbuilder.cli.main import main
from deckbuilder.content.load import load_project
from deckbuilder.text.hyphenate import Hyphenator
from deckbuilder.text.measure import Measurer, Word, WordTooWide

from .conftest import BUILD_EPOCH, ROOT, line_of
from .pptx_text import normalize, slide_texts

SHY = "\u00ad"


@pytest.fixture(scope="module")
def measurer() -> Measurer:
    return Measurer(load_project(ROOT).theme, ROOT)


def _words(text: str) -> list[Word]:
    return [Word(part, "regular", space=i > 0) for i, part in enumerate(text.split(" "))]


def _lines(m: Measurer, text: str, width: float) -> list[str]:
    return ["".join(w.text if not w.space or not i else " " + w.text
                    for i, w in enumerate(line)) for line in m.wrap(_words(text), 14, width)]


def test_a_long_word_breaks_at_a_german_split_point(measurer: Measurer) -> None:
    lines = _lines(measurer, "Forum Fachkräftesicherungsstrategie", 130)
    assert len(lines) == 2
    head, tail = lines[0].split(" ")[-1], lines[1].split(" ")[0]
    assert head.endswith(SHY)
    pairs = list(Hyphenator(None)("Fachkräftesicherungsstrategie"))
    assert (head[:-1], tail) in pairs  # one of pyphen's German split points, not any letter
    assert measurer.width(lines[0] + "-", "regular", 14) <= 130 * measurer.theme.fit.width_safety


def test_a_hard_hyphen_is_a_break_point_in_a_word_too_wide(measurer: Measurer) -> None:
    width = measurer.width("FACHKRÄFTE-SICHE", "regular", 14) / \
        measurer.theme.fit.width_safety + 1
    lines = _lines(measurer, "FACHKRÄFTE-SICHERUNGSSTRATEGIE", width)
    assert lines[0] == "FACHKRÄFTE-"  # preferred to a new split point while the line is full
    assert "".join(lines).replace(SHY, "") == "FACHKRÄFTE-SICHERUNGSSTRATEGIE"


def test_a_typed_soft_hyphen_is_invisible_and_a_break_point(measurer: Measurer) -> None:
    assert measurer.width(f"Fach{SHY}kräfte", "regular", 14) == \
        measurer.width("Fachkräfte", "regular", 14)
    text = f"Die Fach{SHY}kräfte{SHY}sicherung"
    one_line = measurer.width("Die Fachkräftesicherung", "regular", 14) / \
        measurer.theme.fit.width_safety + 1
    assert _lines(measurer, text, one_line) == [text]
    narrow = measurer.width("Die Fachkräfte-", "regular", 14) / \
        measurer.theme.fit.width_safety + 1
    assert _lines(measurer, text, narrow) == [f"Die Fach{SHY}kräfte{SHY}", "sicherung"]


def test_a_web_address_is_never_hyphenated(measurer: Measurer) -> None:
    with pytest.raises(WordTooWide):
        measurer.wrap(_words("www.fachkraeftesicherungsstrategie.de"), 14, 120)


def _build(project: Path, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch, *formats: str) -> tuple[int, str]:
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--format", ",".join(formats or ("pptx",))])
    return int(exit_info.value.code or 0), capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize(("file", "old", "new"), [
    ("program.yaml", "title: Future Day\n", "title: Forum Fachkräftesicherungsstrategie\n"),
    ("program.yaml", "title: Deep Dive Szenariotechnik\n",
     "title: Tag der Energieeffizienzsanierung\n"),
    ("program.yaml", "title: Neuausgabe der Lebensstile der Zukunftsforschung\n",
     "title: Leitfaden Energieeffizienzsanierungspflicht für Wohngebäudeeigentümer\n"),
    ("trends.yaml", "      - Partizipationsgrad der Nutzer:innen\n",
     "      - Fachkräftesicherungsstrategieentwicklungsprogramm\n"),
], ids=["event", "deep-dive", "publication", "factor"])
def test_long_compounds_build_hyphenated(file: str, old: str, new: str,
                                         edit: Callable[[str, str, str], Path],
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    project = edit(file, old, new)
    code, err = _build(project, capsys, monkeypatch, "pptx", "pdf", "slides-pdf")
    assert code == 0, err
    (deck,) = (project / "output").glob("*.pptx")
    words = new.split("title: ")[-1].split("- ")[-1].strip()
    texts = slide_texts(deck)
    assert any(words in normalize(t) for t in texts)  # whole once soft hyphens are left out
    long_word = max(words.split(" "), key=len)
    # where it breaks: a soft hyphen in a table cell, a hyphen and a line break in a text
    marked = [t for t in texts if SHY in t or re.search("-[\x0b\n]", t)]
    assert marked, "the long word should show where it breaks"
    assert any(long_word in normalize(t) for t in marked)


def test_word_too_wide_in_the_program_is_located(edit: Callable[[str, str, str], Path],
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    project = edit("program.yaml", "title: Future Day\n",
                   "title: www.fachkraeftesicherungsstrategie.de\n")
    code, err = _build(project, capsys, monkeypatch)
    assert code == 1
    line = line_of(project, "program.yaml", "title: www.fachkraeftesicherungsstrategie.de")
    assert err.startswith(f"content/program.yaml:{line}:14: error: the word "
                          "'www.fachkraeftesicherungsstrategie.de' is too wide"), err
    assert "(slide 31)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("char", "hint"), [("\u200b", "soft hyphen (U+00AD)"),
                                            ("\u2010", "type '-'")])
def test_break_characters_without_glyphs_are_refused_with_advice(
        char: str, hint: str, edit: Callable[[str, str, str], Path],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    project = edit("program.yaml", "title: Future Day\n", f"title: Future{char}Day\n")
    code, err = _build(project, capsys, monkeypatch)
    assert code == 1
    line = line_of(project, "program.yaml", f"title: Future{char}Day")
    assert err.startswith(f"content/program.yaml:{line}:14: error: the character"), err
    assert hint in err


def test_the_ihk_deck_needs_no_hyphenation(built_deck: Path) -> None:
    """The reference deck's words all fit: hyphenation changes nothing there."""
    assert not any(SHY in t for t in slide_texts(built_deck))
    assert len(Presentation(str(built_deck)).slides) > 30


def test_long_lists_continue_on_further_slides(edit: Callable[[str, str, str], Path],
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A trend with 12 factors, 8 method steps and 8 offerings: nothing refused or lost."""
    factors = [f"Einflussfaktor {i} der Energieeffizienzsanierungspflicht" for i in range(4, 13)]
    edit("trends.yaml", "      - Vertrauensniveau in datenbasierte Services\n",
         "      - Vertrauensniveau in datenbasierte Services\n"
         + "".join(f"      - {f}\n" for f in factors))
    steps = [f"Weiterer Schritt Nummer {i}" for i in range(5, 9)]
    edit("deck.yaml", "        text: Ausformulierung der Szenarien\n",
         "        text: Ausformulierung der Szenarien\n"
         + "".join(f'      - number: "0{i + 5}"\n        text: {s}\n' for i, s in enumerate(steps)))
    cards = [f"Angebot Nummer {i}" for i in range(5, 9)]
    project = edit("future-circle.yaml", "button: ZUM",
                   "".join(f"  - title: {c}\n    text: Beschreibung.\n" for c in cards)
                   + "button: ZUM")
    code, err = _build(project, capsys, monkeypatch)
    assert code == 0, err
    assert "the factors of HUMAN CENTRICITY continue on" in err
    (deck,) = (project / "output").glob("*.pptx")
    texts = [normalize(t) for t in slide_texts(deck)]
    human = [t for t in texts if t.startswith("HUMAN CENTRICITY")]
    assert len(human) > 1 and all("(Fortsetzung)" in t for t in human[1:])
    every = " ".join(texts)
    assert all(f in every for f in factors + steps + cards)
    # spread evenly: no continuation slide with a single factor left over
    counts = [sum(t.count(f) for f in factors + ["Partizipationsgrad"]) for t in human]
    assert max(counts) - min(counts) <= 2, counts
