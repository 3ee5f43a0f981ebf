"""Makes every text colour of a slide plan readable on what lies behind it (WCAG 2.x AA).

A theme picks colours by role (grey footers, accent numbers); on some slide colours such a
choice is unreadable. This pass looks at each text in drawing order, finds the colours
behind it (the slide, cards, shapes, radar rings), and where the theme's colour misses the
contrast WCAG asks for, uses the nearest darker or lighter variant of it that passes, at
worst the theme's dark or light text colour. A radar dot that does not stand out from its
ring gets an outline that does. Text on a picture is not judged: its pixels are unknown.
The dossier's texts are judged by the same rule (``better_color``, ``text_need``), in
dossier_legible.py, and its radar by this pass (``make_figure_legible``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..errors import Diagnostic, Location, error
from ..text import contrast
from ..theme import Theme
from .dossier_plan import PAPER
from .plan import Box, Element, GroupBox, Para, PictureBox, ShapeBox, SlidePlan, TableBox, TextBox

THEME = Location("content/theme.yaml")
WHITE = PAPER  # the dossier's paper


@dataclass(frozen=True)
class _Under:
    """Something already drawn: its box, shape and colour (None for a picture)."""

    box: Box
    shape: str
    color: str | None


@dataclass
class _Slide:
    theme: Theme
    background: str
    where: str  # for messages: "slide 3", "the dossier's radar"
    ink: Callable[[TextBox], Box] | None = None  # where a text box's lines lie across
    under: list[_Under] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    judged: list[tuple[Para, float, list[str]]] = field(default_factory=list)

    def behind(self, box: Box) -> list[str] | None:
        """The colours a box lies on, or None when a picture is among them."""
        found = [self.background]
        for u in self.under:
            if not _overlaps(u, box):
                continue
            if u.color is None:
                return None
            if u.shape in ("rect", "rounded") and box.inside_box(u.box):
                found = [u.color]
            elif u.color not in found:
                found.append(u.color)
        return found


def _overlaps(u: _Under, box: Box) -> bool:
    b = u.box
    if box.right <= b.x or b.right <= box.x or box.bottom <= b.y or b.bottom <= box.y:
        return False
    if u.shape != "oval":
        return True
    rx, ry = b.w / 2, b.h / 2
    cx, cy = b.x + rx, b.y + ry
    px, py = min(max(cx, box.x), box.right), min(max(cy, box.y), box.bottom)
    return ((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 < 1


def make_legible(slides: list[SlidePlan], theme: Theme,
                 ink: Callable[[TextBox], Box] | None = None
                 ) -> tuple[list[SlidePlan], list[Diagnostic]]:
    """The slides with readable text colours, and an error for each text that no colour
    of the palette makes readable. ``ink`` narrows a text box to where its lines lie
    (Typesetter.ink_box), so text beside a picture is judged; else the whole box is."""
    done, problems = [], []
    for slide in slides:
        state = _Slide(theme, theme.color(slide.background), f"slide {slide.number}", ink)
        state.under += [_Under(box, "rect", color) for box, color in slide.template_fills]
        elements = tuple(_element(state, el) for el in slide.elements)
        done.append(replace(slide, elements=elements))
        problems += state.problems
    return done, problems


def make_figure_legible(elements: tuple[Element, ...], background: str, theme: Theme,
                        where: str) -> tuple[tuple[Element, ...], list[Diagnostic],
                                             list[tuple[Para, float, list[str]]]]:
    """A figure drawn outside a slide (the dossier's radar, on ``background`` RRGGBB)
    made readable by the slides' rule; with its problems (``where`` names it in them) and
    each paragraph as drawn with the colours it lies on (text on a picture left out)."""
    state = _Slide(theme, background, where)
    done = tuple(_element(state, el) for el in elements)
    return done, state.problems, state.judged


def _element(state: _Slide, el: Element) -> Element:
    if isinstance(el, TextBox):
        bgs = state.behind(state.ink(el) if state.ink else el.box)
        result: Element = el if bgs is None else _textbox(state, el, bgs)
    elif isinstance(el, ShapeBox):
        result = _shape(state, el)
    elif isinstance(el, TableBox):
        bgs = state.behind(el.box)
        result = el if bgs is None else replace(el, rows=tuple(
            tuple(tuple(_para(state, p, el.scale, bgs) for p in cell) for cell in row)
            for row in el.rows))
    elif isinstance(el, GroupBox):
        result = replace(el, elements=tuple(_element(state, p) for p in el.elements))  # type: ignore[misc]
    else:
        result = el
    if isinstance(el, PictureBox):
        state.under.append(_Under(el.box, "rect", None))
    elif isinstance(result, ShapeBox) and result.fill and result.shape != "line":
        state.under.append(_Under(result.box, result.shape, state.theme.color(result.fill)))
    return result


def _textbox(state: _Slide, tb: TextBox, bgs: list[str]) -> TextBox:
    return replace(tb, paras=tuple(_para(state, p, tb.scale, bgs) for p in tb.paras))


def _shape(state: _Slide, sb: ShapeBox) -> ShapeBox:
    if sb.text is not None:
        bgs = [state.theme.color(sb.fill)] if sb.fill else state.behind(sb.box)
        if bgs is not None:
            sb = replace(sb, text=_textbox(state, sb.text, bgs))
    if sb.alt is None or sb.shape == "line":
        return sb
    bgs = state.behind(sb.box)  # a shape that means something must stand out (1.4.11)
    if bgs is None:
        return sb
    marks = [state.theme.color(c) for c in (sb.fill, sb.line) if c]
    if any(contrast.passes(m, bgs, contrast.GRAPHIC) for m in marks):
        return sb
    outline = _readable(state, state.theme.color("ink"), bgs, contrast.GRAPHIC, "a shape")
    if not outline:
        return sb
    least = state.theme.sizes.legibility.outline_width
    return replace(sb, line="#" + outline, line_width=max(sb.line_width, least))


def _para(state: _Slide, para: Para, scale: float, bgs: list[str]) -> Para:
    th = state.theme
    style = th.style(para.style)
    runs = []
    for run in para.runs:
        name = run.color or para.color or style.color
        need = text_need(th, para.style, scale, run.face)
        color = th.color(name)
        if contrast.passes(color, bgs, need) or not run.text.strip():
            runs.append(run)
            continue
        better = _readable(state, color, bgs, need, f"the text '{run.text.strip()[:40]}'",
                           keep_hue=keeps_hue(name))
        runs.append(replace(run, color="#" + better) if better else run)
    changed = any(new is not old for new, old in zip(runs, para.runs, strict=True))
    result = replace(para, runs=tuple(runs)) if changed else para
    state.judged.append((result, scale, bgs))
    return result


def counts_as_bold(theme: Theme, key: str) -> bool:
    """Whether a face counts as bold for WCAG's large-text sizes (a Black face does)."""
    face = theme.faces[key]
    return face.bold or "black" in key or "Black" in face.family


def text_need(theme: Theme, style: str, scale: float = 1.0, face: str | None = None) -> float:
    """The ratio a text in ``style`` needs at ``scale`` (a shrunk text is judged at the size
    it is drawn) in ``face`` (a run's, else the style's): large text is WCAG's 18 pt, or
    14 pt bold, whatever it is (a step's number, a scenario's big figure are text too)."""
    s = theme.style(style)
    return contrast.needed(s.size * scale, counts_as_bold(theme, face or s.face))


def keeps_hue(name: str) -> bool:
    """Whether a colour is moved darker or lighter (an accent, a grey: its hue is the
    point) rather than swapped: the theme's 'ink' and 'paper' are swapped for each other."""
    return name not in ("ink", "paper")


def better_color(theme: Theme, color: str, bgs: list[str], need: float,
                 keep_hue: bool = True) -> str | None:
    """The one rule of slides and dossier for a colour (RRGGBB) that misses ``need`` on
    ``bgs``: the nearest darker or lighter variant of an accent or grey, the theme's other
    text colour for its dark or light one; None when not even 'ink' or 'paper' reads."""
    dark, light = theme.color("ink"), theme.color("paper")
    if keep_hue:
        return contrast.readable(color, bgs, need, dark, light)
    return next((c for c in (dark, light) if contrast.passes(c, bgs, need)), None)


def unreadable(theme: Theme, what: str, bgs: list[str], need: float, where: str,
               location: Location = THEME, hint: str = "") -> Diagnostic:
    """The error for a text that no colour of the palette makes readable on ``bgs``."""
    shown = ", ".join(f"#{b}{_names(theme, b)}" for b in bgs)
    return error(location, f"no colour of the palette makes {what} readable on {shown} "
                 f"({where}; WCAG AA asks for {need}:1)",
                 hint or _advice(bgs, need, theme.color("ink"), theme.color("paper")))


def _readable(state: _Slide, color: str, bgs: list[str], need: float, what: str,
              keep_hue: bool = True) -> str | None:
    """A colour for ``color`` that passes (better_color), or None and an error."""
    found = better_color(state.theme, color, bgs, need, keep_hue)
    if found is None:
        state.problems.append(unreadable(state.theme, what, bgs, need, state.where))
    return found


def _names(theme: Theme, hexcolor: str) -> str:
    """The palette names of a colour, so the message says which keys of theme.yaml to
    change: " (paper)", " (accent, golden)"; nothing for a colour of no name."""
    names = [n for n, c in theme.colors.items() if c.upper() == hexcolor.upper()]
    return f" ({', '.join(names)})" if names else ""


def _advice(bgs: list[str], need: float, ink: str, paper: str) -> str:
    """What to change. Text on a colour only 'paper' reads on and on another only 'ink'
    reads on (a dark paper beside the golden accent) reads in no single colour: those
    colours must become alike. Otherwise 'ink' and 'paper' are not far enough apart."""
    wants_paper = [b for b in bgs if contrast.passes(paper, [b], need)
                   and not contrast.passes(ink, [b], need)]
    wants_ink = [b for b in bgs if contrast.passes(ink, [b], need)
                 and not contrast.passes(paper, [b], need)]
    if wants_paper and wants_ink:
        return ("it lies on dark and on light colours at once: make these colours "
                "all light or all dark, or choose another slide colour")
    return ("make 'ink' and 'paper' further apart (one darker, the other lighter), or "
            "choose another slide colour")


def dossier_text_on_white(theme: Theme) -> list[Diagnostic]:
    """The dossier is printed on white A4 whatever the slides' paper: a palette made for
    dark slides ('ink' light) would print its text light on white, unreadable and no
    longer accessible. One error per neutral text colour ('ink', 'muted') that fails."""
    found: dict[str, Diagnostic] = {}
    for name, style in theme.styles.items():
        if not name.startswith("d-") or style.color not in ("ink", "muted"):
            continue
        need = contrast.needed(style.size, counts_as_bold(theme, style.face))
        color = theme.color(style.color)
        if style.color in found or contrast.passes(color, [WHITE], need):
            continue
        found[style.color] = error(
            THEME, f"the dossier prints its '{style.color}' text (#{color}) on white paper: "
            f"{contrast.ratio(color, WHITE):.1f}:1 where WCAG AA asks for {need}:1",
            f"give '{style.color}' a darker colour, or build the slides alone with "
            "--format pptx,ics")
    return list(found.values())
