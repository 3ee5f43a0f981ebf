"""The PDF process's theme (theme.portable): plain objects that read exactly as the
validated theme does, attribute by attribute and method by method."""

from __future__ import annotations

import pickle
from typing import Any

import yaml
from pydantic import BaseModel

from deckbuilder.content.load import load_theme
from deckbuilder.theme import Theme, portable
from deckbuilder.theme_plain import Plain

from .conftest import MakeProject


def _same(model: Any, plain: Any, where: str) -> int:
    """Compares a model with its plain copy field by field; returns the values compared."""
    if isinstance(model, BaseModel):
        assert isinstance(plain, Plain), where
        return sum(_same(getattr(model, name), getattr(plain, name), f"{where}.{name}")
                   for name in type(model).model_fields)
    if isinstance(model, dict):
        assert isinstance(plain, dict) and plain.keys() == model.keys(), where
        return sum(_same(value, plain[key], f"{where}[{key}]") for key, value in model.items())
    assert type(plain) is type(model) and plain == model, where
    return 1


def _methods_agree(theme: Theme, plain: Theme) -> None:
    for name in theme.colors:
        assert plain.color(name) == theme.color(name)
    assert plain.color("#a1b2c3") == theme.color("#a1b2c3") == "A1B2C3"
    for name in theme.styles:
        assert plain.style(name).size == theme.style(name).size
    for page in ("slide", "page"):
        model, copy = getattr(theme, page), getattr(plain, page)
        assert (copy.content_width, copy.content_height) == \
            (model.content_width, model.content_height)
    if theme.fallback is not None:
        assert plain.fallback is not None
        for bold in (False, True):
            for italic in (False, True):
                assert plain.fallback.file(bold, italic) == theme.fallback.file(bold, italic)


def test_the_plain_theme_reads_as_the_theme(make_project: MakeProject) -> None:
    theme = load_theme(make_project())
    plain = portable(theme)
    assert _same(theme, plain, "theme") > 150  # the sizes' 150 values among them
    _methods_agree(theme, plain)
    again = pickle.loads(pickle.dumps(plain))
    assert _same(theme, again, "theme") == _same(theme, plain, "theme")


def test_other_sizes_and_no_fallback_travel_too(make_project: MakeProject) -> None:
    project = make_project()
    theme_file = project / "content" / "theme.yaml"
    data = yaml.safe_load(theme_file.read_text("utf-8"))
    data["fallback"] = None
    data["sizes"]["footer"]["top"] = 21.5
    theme_file.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    theme = load_theme(project)
    assert theme.fallback is None and theme.sizes.footer.top == 21.5
    plain = portable(theme)
    assert plain.fallback is None and plain.sizes.footer.top == 21.5
    _same(theme, plain, "theme")
    _methods_agree(theme, plain)


def test_the_plain_theme_is_frozen_as_the_model_is(make_project: MakeProject) -> None:
    plain = portable(load_theme(make_project()))
    try:
        plain.gutter = 3.0  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("a plain theme could be changed")
