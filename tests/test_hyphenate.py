"""The hyphenation cache gives pyphen's splits and spares the dictionary load on a rebuild."""

from __future__ import annotations

from pathlib import Path

import pyphen

from deckbuilder.hyphenate import Hyphenator

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
