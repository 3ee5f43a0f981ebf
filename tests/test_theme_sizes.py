"""Layout sizes live in theme.yaml (``sizes:``): a changed gap moves what it governs by
exactly that much and nothing else; a partial ``sizes:`` keeps the other defaults; a bad
value is a located error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml

from deckbuilder.cli.main import main
from deckbuilder.content.load import load_project, load_theme
from deckbuilder.layout import dossier
from deckbuilder.layout.plan import DeckPlan, Element, ShapeBox, SlidePlan, TextBox
from deckbuilder.layout.slides import plan_deck
from deckbuilder.layout.text import Typesetter
from deckbuilder.render.pptx.master import CONTENT_LAYOUT, layout_specs
from deckbuilder.text.measure import Measurer
from deckbuilder.theme import Fallback, Fit, Pictures, Theme
from deckbuilder.theme_sizes import Sizes, unvalidated

from .conftest import BUILD_EPOCH, ROOT, MakeProject

DEFAULT_THEME = ROOT / "src" / "deckbuilder" / "default_theme.yaml"


def _with_sizes(make_project: MakeProject, sizes: str) -> Path:
    """A small project whose theme.yaml has no ``sizes:`` but the lines given."""
    project = make_project()
    theme = project / "content" / "theme.yaml"
    text = theme.read_text("utf-8")
    theme.write_text(text[: text.index("\nsizes:\n") + 1] + sizes, "utf-8")
    return project


def _typeset(project: Path) -> tuple[object, Typesetter]:
    loaded = load_project(project)
    return loaded, Typesetter(loaded.theme, Measurer(loaded.theme, project))


def _plan(project: Path) -> DeckPlan:
    return plan_deck(*_typeset(project))  # type: ignore[arg-type]


def _slide(plan: DeckPlan, kind: str) -> SlidePlan:
    return next(s for s in plan.slides if s.kind == kind)


def _styles(el: Element) -> set[str]:
    return {p.style for p in el.paras} if isinstance(el, TextBox) else set()


def test_the_default_theme_lists_every_size_with_its_default() -> None:
    """default_theme.yaml (what `deckbuilder new` writes) and the model's defaults agree."""
    written = yaml.safe_load(DEFAULT_THEME.read_text("utf-8"))["sizes"]
    assert written == Sizes().model_dump(mode="json")  # every key, every value


def test_the_defaults_made_without_validation_are_the_validated_ones() -> None:
    """The models' default groups are made without validation (no validators built on
    import): the same values, types included, as validating an empty group gives."""
    for model in (Sizes, Fit, Pictures, Fallback):
        made, validated = unvalidated(model), model.model_validate({})
        assert made == validated
        assert repr(made) == repr(validated)  # 20.0, not 20


@pytest.mark.parametrize("sizes", ["", "DEFAULTS", "sizes:\n  footer:\n    top: 20\n"])
def test_a_theme_loads_as_the_whole_model_validates_it(make_project: MakeProject,
                                                       sizes: str) -> None:
    """Without ``sizes:``, or with the defaults written out (``deckbuilder new``), the
    loader validates the theme without its sizes; the result is the same Theme."""
    project = make_project() if sizes == "DEFAULTS" else _with_sizes(make_project, sizes)
    text = (project / "content" / "theme.yaml").read_text("utf-8")
    assert ("\nsizes:\n" in text) == bool(sizes)
    loaded = load_theme(project)
    assert loaded == Theme.model_validate(yaml.safe_load(text))
    assert repr(loaded) == repr(Theme.model_validate(yaml.safe_load(text)))


@pytest.mark.slow  # README's test command stays under two minutes
def test_loading_a_default_theme_builds_no_size_validators(make_project: MakeProject) -> None:
    """What the shortcut is for, in a fresh process (this one has built them): loading a
    theme with default sizes builds the validators of ThemeCore only, not those of the
    Theme with its 150 sizes (0.2 s); a changed size builds the Theme's."""
    script = ("import sys; from pathlib import Path; "
              "from deckbuilder.content.load import load_theme;"
              "from deckbuilder.theme import Theme, ThemeCore; from deckbuilder.theme_sizes "
              "import Sizes; load_theme(Path(sys.argv[1])); print(*(m.__pydantic_complete__ "
              "for m in (ThemeCore, Theme, Sizes)))")

    def built(project: Path) -> list[str]:
        return subprocess.run([sys.executable, "-c", script, str(project)], capture_output=True,
                              text=True, check=True).stdout.split()

    assert built(make_project()) == ["True", "False", "False"]
    assert built(_with_sizes(make_project, "")) == ["True", "False", "False"]
    changed = _with_sizes(make_project, "sizes:\n  footer:\n    top: 20\n")
    assert built(changed) == ["False", "True", "False"]  # Sizes' within the Theme's


def test_a_misspelt_sizes_key_is_named(make_project: MakeProject,
                                      capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    project = _with_sizes(make_project, "size:\n  footer:\n    top: 20\n")
    code, err = _build(project, capsys, monkeypatch)
    assert code == 1
    assert "unknown key 'size' (did you mean 'sizes'?)" in err.splitlines()[0]


def test_a_theme_without_sizes_plans_as_the_full_default(make_project: MakeProject) -> None:
    assert _plan(_with_sizes(make_project, "")) == _plan(make_project())


def test_a_step_gap_moves_the_steps_by_exactly_that_much(make_project: MakeProject) -> None:
    before = _plan(_with_sizes(make_project, ""))
    after = _plan(_with_sizes(make_project, "sizes:\n  method:\n    title_to_steps: 60.5\n"))
    for b, a in zip(before.slides, after.slides, strict=True):
        if b.kind != "method":
            assert a == b, f"slide {b.number} ({b.kind}) changed"
    b, a = _slide(before, "method"), _slide(after, "method")
    moved = 0
    for old, new in zip(b.elements, a.elements, strict=True):
        rule = isinstance(old, ShapeBox) and old.shape == "line"
        if rule or _styles(old) & {"step-number", "step-text"}:
            assert new.box.y - old.box.y == pytest.approx(12.5, abs=1e-9)
            assert (new.box.x, new.box.w) == (old.box.x, old.box.w)
            moved += 1
        else:  # the bar, the title and the footer stay
            assert new == old
    assert moved == 6  # two steps: rule, number, text each


def test_the_footer_gap_moves_every_footer_and_nothing_else(make_project: MakeProject) -> None:
    before = _plan(_with_sizes(make_project, ""))
    after = _plan(_with_sizes(make_project, "sizes:\n  footer:\n    top: 20\n"))
    footers = 0
    for b, a in zip(before.slides, after.slides, strict=True):
        for old, new in zip(b.elements, a.elements, strict=True):
            if isinstance(old, TextBox) and old.role == "footer":
                assert new.box.y - old.box.y == pytest.approx(6, abs=1e-9)
                assert new.box.h == old.box.h
                footers += 1
            else:
                assert new == old
    assert footers >= 2 * (len(before.slides) - 2)  # text and number; title and legal have none


def test_a_legend_symbol_moves_by_its_theme_size(make_project: MakeProject) -> None:
    """A size that was a literal in the layout (radar_slide._symbol): the trend's legend
    dot moves right by exactly the change; nothing else on any slide moves."""
    before = _plan(_with_sizes(make_project, ""))
    after = _plan(_with_sizes(make_project, "sizes:\n  legend_symbols:\n    dot_inset: 9.5\n"))
    moved = []
    for b, a in zip(before.slides, after.slides, strict=True):
        for old, new in zip(b.elements, a.elements, strict=True):
            if new != old:
                moved.append((b.kind, old, new))
    assert [(kind, type(old).__name__) for kind, old, _ in moved] == [("radar", "ShapeBox")]
    old, new = moved[0][1].box, moved[0][2].box
    assert new.x - old.x == pytest.approx(3.5, abs=1e-9)
    assert (new.y, new.w, new.h) == (old.y, old.w, old.h) == (old.y, 10, 10)


def test_the_hand_made_slides_layout_follows_its_sizes(make_project: MakeProject) -> None:
    """The PPTX master's 'Titel und Inhalt' layout (once literals in layout_specs): a
    larger gap under its title starts the body lower and ends it where it ended."""
    def holders(sizes: str) -> dict[str, tuple[float, float]]:
        project = _with_sizes(make_project, sizes)
        loaded, ts = _typeset(project)
        spec = layout_specs(plan_deck(loaded, ts), loaded.theme)[""]  # type: ignore[arg-type, attr-defined]
        assert spec.name == CONTENT_LAYOUT
        return {h.type: (box.y, box.bottom) for h, box in spec.holders}

    before = holders("")
    after = holders("sizes:\n  added_slides:\n    title_to_body: 42\n")
    assert after["body"][0] - before["body"][0] == pytest.approx(12, abs=1e-9)
    assert after["body"][1] == pytest.approx(before["body"][1], abs=1e-9)
    assert {k: v for k, v in after.items() if k != "body"} == \
        {k: v for k, v in before.items() if k != "body"}


def test_the_dossier_legend_follows_its_gap(make_project: MakeProject) -> None:
    def figure(project: Path) -> dossier.RadarFigure:
        plan = dossier.plan_dossier(*_typeset(project))  # type: ignore[arg-type]
        return next(b for b in plan.blocks if isinstance(b, dossier.RadarFigure))

    before = figure(_with_sizes(make_project, ""))
    after = figure(_with_sizes(make_project,
                               "sizes:\n  dossier:\n    radar:\n      to_legend: 30\n"))
    assert after.elements[0] == before.elements[0]  # the radar itself
    for old, new in zip(before.elements[1:], after.elements[1:], strict=True):
        assert new.box.y - old.box.y == pytest.approx(18, abs=1e-9)
    assert after.height - before.height == pytest.approx(18, abs=1e-9)


def _build(project: Path, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    with pytest.raises(SystemExit) as exit_info:
        main(["build", *args])
    return int(exit_info.value.code or 0), capsys.readouterr().err


def _footer_feet(pdf: Path) -> list[float | None]:
    """Per page of the dossier, where the footer's first letter stands (points from the
    page's foot), or None on a page without the footer (the cover)."""
    doc = pdfium.PdfDocument(str(pdf))
    feet: list[float | None] = []
    for page in doc:
        text = page.get_textpage()
        hit = text.search("Mein Team, 2026").get_next()
        feet.append(text.get_charbox(hit[0])[1] if hit else None)
    doc.close()
    return feet


def test_the_dossier_footer_follows_its_gap(make_project: MakeProject,
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A size the PDF renderer reads (not the plan): the footer drops by exactly the
    change, on every page that has one."""
    feet = []
    for sizes in ("", "sizes:\n  dossier:\n    headings:\n      footer_drop: 40\n"):
        project = _with_sizes(make_project, sizes)
        assert _build(project, capsys, monkeypatch, "--format", "pdf")[0] == 0
        feet.append(_footer_feet(project / "output" / "my-deck.pdf"))
    before, after = feet
    assert before[0] is None and len(before) == len(after) > 2
    assert [None if b is None else b - a for b, a in zip(before, after, strict=True)] == \
        [None] + [pytest.approx(8, abs=0.01)] * (len(before) - 1)


BAD = [
    ("negative", "  method:\n    title_to_steps: -5\n",
     "content/theme.yaml:{line}:21: error: '-5' is too small (at least 0)"),
    ("absurd", "  radar:\n    rim_margin: 50\n",
     "content/theme.yaml:{line}:17: error: '50' is too large (at most 10)"),
    ("share", "  trend:\n    picture_width: 1.5\n",
     "content/theme.yaml:{line}:20: error: '1.5' is too large (at most 1)"),
    ("unknown-key", "  method:\n    title_to_step: 60\n",
     "content/theme.yaml:{line}:5: error: unknown key 'title_to_step' "
     "(did you mean 'title_to_steps'?)"),
]


@pytest.mark.parametrize(("name", "sizes", "message"), BAD, ids=[c[0] for c in BAD])
def test_a_bad_size_is_a_located_error(name: str, sizes: str, message: str,
                                       make_project: MakeProject,
                                       capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    project = _with_sizes(make_project, "sizes:\n" + sizes)
    line = len((project / "content" / "theme.yaml").read_text("utf-8").splitlines())
    code, err = _build(project, capsys, monkeypatch)
    assert code == 1
    assert err.splitlines() == [message.format(line=line), "1 error; nothing was written."]
    assert not (project / "output").exists()


def test_radar_labels_take_their_styles_leading(make_project: MakeProject) -> None:
    """A label's box is as tall as its lines drawn in the label style's leading: a theme
    that opens the leading gets taller boxes (which the placement keeps apart)."""
    def heights(project: Path) -> list[float]:
        radar = _slide(_plan(project), "radar")
        group = next(e for e in radar.elements if e.__class__.__name__ == "GroupBox")
        return [e.box.h / len(e.paras) for e in group.elements  # type: ignore[attr-defined]
                if isinstance(e, TextBox) and _styles(e) == {"radar-label"}]

    plain = make_project()
    theme = plain / "content" / "theme.yaml"
    before = heights(plain)
    text = theme.read_text("utf-8")
    line = next(x for x in text.splitlines() if x.strip().startswith("radar-label:"))
    theme.write_text(text.replace(line, line.replace("leading: 1.15", "leading: 1.6")), "utf-8")
    after = heights(plain)
    assert before and len(after) == len(before)
    assert after == pytest.approx([h * 1.6 / 1.15 for h in before])
