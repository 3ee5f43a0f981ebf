"""The hyphenation cache gives pyphen's splits and spares the dictionary load on a rebuild."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from deckbuilder.text.hyph_patterns import LazyPyphen, Patterns
from deckbuilder.text.hyphenate import Hyphenator

WORDS = ["Zukunftsinstitut", "Wertschöpfungsketten", "Abhängigkeiten", "Ruhrgebiet"]


def test_splits_are_pyphens_and_survive_a_rebuild(tmp_path: Path) -> None:
    reference = pyphen.Pyphen(lang="de_DE")
    first = Hyphenator(tmp_path)
    for word in WORDS:
        assert list(first(word)) == list(reference.iterate(word))
    first.save()
    assert first.file is not None and first.file.is_file()

    second = Hyphenator(tmp_path)
    for word in WORDS:
        assert list(second(word)) == list(reference.iterate(word))
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
