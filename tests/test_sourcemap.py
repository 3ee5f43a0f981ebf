"""The libyaml fast path gives exactly what the Python composer gives, or defers to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deckbuilder.content import sourcemap
from deckbuilder.errors import ContentError

ROOT = Path(__file__).resolve().parents[1]


def _both(text: str) -> tuple[object, object]:
    results = []
    for parse in (sourcemap.parse, sourcemap._parse_slowly):
        try:
            data, smap = parse(text, "content/x.yaml")
            results.append(("ok", data, smap.values, smap.keys))
        except ContentError as exc:
            results.append(("error", [str(d) for d in exc.diagnostics]))
    return results[0], results[1]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "content").glob("*.yaml")))
def test_content_files_parse_the_same_on_both_paths(name: str) -> None:
    fast, slow = _both((ROOT / "content" / name).read_text("utf-8"))
    assert fast[0] == "ok"
    assert fast == slow


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",            # alias of a scalar
    "&k a: 1\n*k : 2\n",           # alias as a key
    "a: &l [1, 2]\nb: [*l, *l]\n",  # alias of a list
    "a: [1, 2\n", "\ta: 1\n", "a: 'open\n",  # syntax errors
    "a: 1\na: 2\n", "<<: {a: 1}\n", "? [a]\n: 1\n",  # duplicate, merge and complex keys
    "x: ~\ny: ''\nz: null\nw: 'null'\nv: |\n  text\n",
])
def test_problem_documents_get_the_python_composers_messages(text: str) -> None:
    fast, slow = _both(text)
    assert fast == slow


def _value_at(data: object, path: tuple) -> object:
    for step in path:
        data = data[step]  # type: ignore[index]
    return data


@settings(deadline=None)  # examples: the profile (conftest.py)
@given(st.text(alphabet="ab: -[]{}&*!|>'\"#\n\t,?~", max_size=40))
def test_any_text_parses_the_same_on_both_paths(text: str) -> None:
    """libyaml accepts some tabs PyYAML refuses (as the YAML spec does); otherwise the two
    agree: the same errors, data and key places. An empty value may be placed on the next
    line by one and after its colon by the other."""
    fast, slow = _both(text)
    if fast[0] == "error":
        assert fast == slow
    elif slow[0] == "ok":
        assert fast[1:2] == slow[1:2] and fast[3] == slow[3]
        for path, place in fast[2].items():  # type: ignore[union-attr]
            if _value_at(fast[1], path) is not None:
                assert slow[2][path] == place  # type: ignore[index]


def test_a_control_character_is_a_located_error_not_a_crash() -> None:
    """YAML refuses control characters (text pasted from a terminal or an old program)."""
    with pytest.raises(ContentError) as caught:
        sourcemap.parse("title: Gut\nkicker: Text\x1b mit Escape\n", "content/x.yaml")
    (problem,) = caught.value.diagnostics
    assert str(problem).startswith("content/x.yaml:2:13: error: the file contains a control "
                                   "character (U+001B)")


def test_spans_give_each_scalar_its_characters_and_style() -> None:
    text = "a: 'x'\nb: [c, {d: e}]\nf: |\n  g\n\nh: plain\n"
    spans = sourcemap.scalar_spans(text)
    assert {path: text[s.start:s.end] for path, s in spans.items()} == {
        ("a",): "'x'", ("b", 0): "c", ("b", 1, "d"): "e", ("f",): "|\n  g\n\n",
        ("h",): "plain"}
    assert [spans[p].style for p in (("a",), ("b", 0), ("f",))] == ["'", "", "|"]
    assert [spans[p].flow for p in (("a",), ("b", 0), ("b", 1, "d"))] == [False, True, True]
