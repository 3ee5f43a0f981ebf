"""The hyphenation cache gives pyphen's splits and spares the dictionary load on a rebuild."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from deckbuilder.text.hyph_patterns import LazyPyphen, Patterns
from deckbuilder.text.hyphenate import Hyphenator

WORDS = ["Zukunftsinstitut", "Wertschöpfungsketten", "Abhängigkeiten", "Ruhrgebiet"]


def _readable(word: str) -> list[tuple[str, str]]:
    """pyphen's splits that leave two letters before the break and three after."""
    return [(h, t) for h, t in pyphen.Pyphen(lang="de_DE").iterate(word)
            if sum(c.isalpha() for c in h) >= 2 and sum(c.isalpha() for c in t) >= 3]


def test_splits_are_pyphens_and_survive_a_rebuild(tmp_path: Path) -> None:
    first = Hyphenator(tmp_path)
    for word in WORDS:
        assert list(first(word)) == _readable(word)
    first.save()
    assert first.file is not None and first.file.is_file()

    second = Hyphenator(tmp_path)
    for word in WORDS:
        assert list(second(word)) == _readable(word)
    assert second._dictionary is None  # every word came from the cache
    assert not second.learned


def test_a_new_word_loads_the_dictionary_and_is_kept(tmp_path: Path) -> None:
    Hyphenator(tmp_path).save()  # nothing learned: nothing written
    assert not list(tmp_path.iterdir())
    first = Hyphenator(tmp_path)
    list(first("Strukturwandel"))
    first.save()
    again = Hyphenator(tmp_path)
    list(again("Strukturwandel"))
    assert again._dictionary is None
    list(again("Kreislaufwirtschaft"))
    assert again._dictionary is not None and again.learned


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    first = Hyphenator(tmp_path)
    assert first.file is not None
    for damage in ("{not json", "[1, 2]", '{"Ruhrgebiet": [["Ruhr"]]}',
                   '{"Ruhrgebiet": [["Ruhr", "pott"]]}', '{"Ruhrgebiet": [["", "Ruhrgebiet"]]}'):
        first.file.write_text(damage, "utf-8")
        fresh = Hyphenator(tmp_path)
        assert fresh.known == {}
        assert list(fresh("Ruhrgebiet")) == list(pyphen.Pyphen(lang="de_DE").iterate("Ruhrgebiet"))


@pytest.mark.slow  # every pattern of three languages: 2 minutes
@pytest.mark.parametrize("lang", ["de_DE", "en_US", "fr"])
def test_patterns_read_on_demand_are_pyphens(lang: str) -> None:
    """Every pattern pyphen parses, and no other, with the same offset and values; and so
    the same split points (hyph_patterns.py replaces only pyphen's reading of the file)."""
    real = pyphen.Pyphen(lang=lang, cache=False)
    lazy = LazyPyphen(lang)
    patterns = lazy.hd.patterns
    assert {key: patterns.get(key) for key in real.hd.patterns} == real.hd.patterns
    assert [k for k in patterns._lines if patterns.get(k) is not None
            and k not in real.hd.patterns] == []
    assert lazy.hd.maxlen >= real.hd.maxlen
    words = ["Wertschöpfungsketten", "Kreislaufwirtschaft", "Schifffahrt", "hyphenation",
             "anticonstitutionnellement", "Ruhrgebiet"]
    assert [list(lazy.iterate(w)) for w in words] == [list(real.iterate(w)) for w in words]


def test_a_pattern_repeated_with_zeros_keeps_the_earlier_values(tmp_path: Path) -> None:
    """pyphen skips a line whose values are all 0, so an earlier line with the same letters
    stays; a later non-zero line replaces it. Hex escapes and alternatives key like pyphen."""
    dic = tmp_path / "hyph_xx.dic"
    dic.write_text("UTF-8\n% comment\nab1c\nabc\nx1y\nx2y\n^^e4n1\n1f/f=f,1,1\nq\n", "utf-8")
    real = pyphen.Pyphen(filename=str(dic), cache=False).hd.patterns
    lazy = Patterns(dic)
    assert {key: lazy.get(key) for key in [*real, "q", "zz"]} == {**real, "q": None, "zz": None}


LONG = ("FACHKRÄFTESICHERUNGSSTRATEGIE", "Vertrauen", "Innovationstempo", "Strategie",
        "Energieeffizienzsanierungspflicht", "Abenteuer", "Ökosysteme", "Idee")


def test_a_break_leaves_two_letters_before_and_three_after() -> None:
    """Issue 29: no line starts or ends with a lone letter or two ("STRATEGI-E",
    "Vertrau-en"); pyphen alone allows two after the break."""
    hyphenate = Hyphenator(None)
    assert any(len(t) < 3 for word in LONG for _, t in pyphen.Pyphen(lang="de_DE").iterate(word))
    for word in LONG:
        for head, tail in hyphenate(word):
            assert head + tail == word
            assert len(head) >= 2 and len(tail) >= 3, (head, tail)
    assert ("FACHKRÄFTESICHERUNGSSTRATE", "GIE") in list(hyphenate(LONG[0]))


def test_names_are_never_hyphenated() -> None:
    """Names after an initial, the program's places and deck.yaml's names: no splits."""
    from deckbuilder.content.load import load_project
    from deckbuilder.content.names import never_hyphenated

    from .conftest import ROOT

    names = never_hyphenated(load_project(ROOT).project)
    assert {"tewes", "gatterer", "melitta", "minden", "hamburg"} <= names
    assert "trendradar" not in names and "konnektivität" not in names
    hyphenate = Hyphenator(None, names=names)
    assert list(hyphenate("Tewes")) == [] and list(hyphenate("TEWES,")) == []
    assert list(Hyphenator(None)("Tewes"))  # a word like any other to pyphen
    assert list(hyphenate("Forschungsdesign"))


def test_a_long_noun_in_a_place_still_breaks(make_project) -> None:  # type: ignore[no-untyped-def]
    """A place's short words are names ("Dortmund", "Hörde" of "Dortmund-Hörde"); a long
    noun beside them ("Berufsbildungszentrum") is not, so a narrow column can break it."""
    from deckbuilder.content.load import load_project
    from deckbuilder.content.names import never_hyphenated

    from .conftest import replace_in

    project = make_project()
    replace_in(project, "program.yaml", "    place: Essen",
               "    place: Berufsbildungszentrum Dortmund-Hörde")
    names = never_hyphenated(load_project(project).project)
    assert {"dortmund", "hörde"} <= names and "berufsbildungszentrum" not in names


def _lines(text: str, width: float) -> list[str]:
    from reportlab.lib.styles import ParagraphStyle

    from deckbuilder.render.pdf.text import TaggedParagraph

    style = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=20, leading=24,
                           splitLongWords=1, embeddedHyphenation=1)
    p = TaggedParagraph(text, style)
    p.hyphenator = Hyphenator(None)
    p.wrap(width, 500)
    return [" ".join(str(w) for w in line[1]) for line in p.blPara.lines]


def test_a_heading_hyphenates_a_word_too_long_for_its_line_only() -> None:
    """Ragged text in the PDFs: a word wider than a whole line breaks with a visible
    hyphen at a German split point, three letters at least on the new line; a word
    that fits the next line is not broken."""
    assert _lines("ZUKUNFT DER FACHKRÄFTESICHERUNG", 300) == [
        "ZUKUNFT DER", "FACHKRÄFTESICHERUNG"]
    lines = _lines("ZUKUNFT DER FACHKRÄFTESICHERUNGSSTRATEGIE", 300)
    assert len(lines) >= 2 and all(line.endswith("-") for line in lines[:-1])
    assert len(lines[-1]) >= 3
    assert "".join(line.rstrip("-") for line in lines).replace(" ", "") == \
        "ZUKUNFTDERFACHKRÄFTESICHERUNGSSTRATEGIE"
