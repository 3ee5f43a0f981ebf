"""Content fuzzing: any German text staff might write either builds (every box fitting,
every text colour AA) or fails with located errors - never a crash.

A bounded number of examples runs in CI (hypothesis, no deadline: a build takes a second).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from deckbuilder.build.stages import build, prepare
from deckbuilder.errors import ContentError
from deckbuilder.layout.legible import make_legible
from deckbuilder.layout.plan import GroupBox, ShapeBox, TextBox

from .conftest import BUILD_EPOCH, ROOT

WORDS = ["Fachkräftesicherungsstrategie", "Energieeffizienzsanierungspflicht",
         "Wohngebäudeeigentümergemeinschaft", "Digitalisierung", "Öffentlichkeit",
         "Übergänge", "„Zukunft“", "CO₂-neutral", "Straße", "und", "für", "die", "Ruhr",
         "Mittelstand", "KI-gestützte", "Grüße", "Äußerung", "Nachfolgebörse", "„Wandel“,",
         "Verantwortungsgemeinschaft.", "in", "der", "Region", "Zusammenarbeit"]
PALETTE = ["ink", "paper", "muted", "accent", "golden", "lightblue", "orange", "teal",
           "lilac", "coral", "green", "blue", "tint", "highlight", "rule"]

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
titles = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)


def _factors(doc: dict[str, Any], items: list[str], title: str, color: str) -> None:
    doc["trends"][0].update(factors=items, color=color)  # the title: the radar names it


def _section(doc: dict[str, Any], items: list[str], title: str, color: str) -> None:
    section = next(s for s in doc["slides"] if s["kind"] == "section")
    section.update(title=title, color=color)


def _cta(doc: dict[str, Any], items: list[str], title: str, color: str) -> None:
    cta = next(s for s in doc["slides"] if s["kind"] == "cta")
    cta.update(lines=items[:5], color=color)


def _steps(doc: dict[str, Any], items: list[str], title: str, color: str) -> None:
    method = next(s for s in doc["slides"] if s["kind"] == "method")
    method.update(title=title, steps=[{"number": f"{i + 1:02d}", "text": t}
                                      for i, t in enumerate(items)])


def _offerings(doc: dict[str, Any], items: list[str], title: str, color: str) -> None:
    doc["offerings"] = [{"title": title, "text": t} for t in items]


def _events(doc: dict[str, Any], items: list[str], title: str, color: str) -> None:
    doc["events"]["entries"] = [{"date": f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                                 "title": t} for i, t in enumerate(items + items)][:30]
    doc["publications"]["entries"] = [{"half": 1 + i % 2, "title": t}
                                      for i, t in enumerate(items)]


def _scenario(doc: dict[str, Any], items: list[str], title: str, color: str) -> None:
    doc["scenarios"][0].update(title=title, paragraphs=[" ".join(items)] * 3, color=color)


#: (content file, how the example changes it)
TARGETS: dict[str, tuple[str, Callable[..., None]]] = {
    "factors": ("trends.yaml", _factors), "section": ("deck.yaml", _section),
    "cta": ("deck.yaml", _cta), "steps": ("deck.yaml", _steps),
    "offerings": ("future-circle.yaml", _offerings), "events": ("program.yaml", _events),
    "scenario": ("scenarios.yaml", _scenario),
}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz-base")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "assets", root / "assets")
    return root


def _project(base: Path, target: str, items: list[str], title: str, color: str) -> Path:
    root = Path(tempfile.mkdtemp(dir=base.parent))
    shutil.copytree(base / "content", root / "content")
    shutil.copytree(base / "assets", root / "assets", copy_function=os.link)  # no copying
    name, change = TARGETS[target]
    path = root / "content" / name
    doc = yaml.safe_load(path.read_text("utf-8"))
    change(doc, items, title, color)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return root


def _check_plan(root: Path) -> None:
    """Every text fits its box, every box its slide, every colour reaches AA."""
    ready = prepare(root)
    plan, theme = ready.plan, ready.loaded.theme
    for slide in plan.slides:
        for el in slide.elements:
            parts = el.elements if isinstance(el, GroupBox) else (el,)
            for part in parts:
                assert part.box.inside(plan.width, plan.height), (slide.number, part.box)
                text = part.text if isinstance(part, ShapeBox) else part
                if isinstance(text, TextBox) and text.wrap:
                    assert text.height <= text.box.h + 0.5, (slide.number, text.paras)
    again, problems = make_legible(list(plan.slides), theme, ready.typesetter.ink_box)
    assert problems == [] and tuple(again) == plan.slides  # nothing left to correct


def _check_pptx(out: Path) -> None:
    (deck,) = out.glob("*.pptx")
    prs = Presentation(str(deck))
    width, height = Emu(prs.slide_width), Emu(prs.slide_height)
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.width is None or _hidden_title(shape, height):
                continue
            assert shape.left >= -1 and shape.top >= -1, shape.name
            assert shape.left + shape.width <= width + 12700, shape.name
            assert shape.top + shape.height <= height + 12700, shape.name


def _hidden_title(shape: Any, height: int) -> bool:
    """The title a slide without a visible one keeps just below the slide, as PowerPoint's
    accessibility guidance suggests (render/pptx/placeholders.py, hidden_title): meant to be
    outside."""
    return bool(shape.is_placeholder and shape.placeholder_format.type == PP_PLACEHOLDER.TITLE
                and shape.top >= height)


@pytest.mark.slow
@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(target=st.sampled_from(sorted(TARGETS)), items=st.lists(texts, min_size=1, max_size=20),
       title=titles, color=st.sampled_from(PALETTE))
def test_any_content_builds_or_fails_located(base: Path, target: str, items: list[str],
                                             title: str, color: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    root = _project(base, target, items, title, color)
    try:
        build(root, root / "output", ("pptx",))
    except ContentError as exc:  # refused: every problem names its place
        for d in exc.diagnostics:
            assert d.location.file.startswith("content/"), str(d)
            assert d.location.line > 0 or d.location.file == "content/theme.yaml", str(d)
        return
    _check_plan(root)
    _check_pptx(root / "output")
