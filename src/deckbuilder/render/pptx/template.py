"""Corporate templates: a .pptx whose masters and layouts the deck is built on, the way
pandoc uses a reference document."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from ...content.assets import AssetProblem, resolve_inside
from ...content.pptx_package import PackageProblem, check_package
from ...errors import Diagnostic, Location, error
from ...layout.furniture import Furnished, Furniture, Piece
from .furniture import read_furniture
from .placeholders import LAYOUT_NAMES, Available, Holder

#: Placeholders that a slide may keep empty without showing anything odd.
FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
KINDS = ("title", "method", "radar", "section", "trend", "scenario-divider", "scenario-text",
         "offerings", "program", "cta", "legal")
#: Which of a template's placeholder types serve which role of a slide.
ROLES = {"title": (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE),
         "body": (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT),
         "pic": (PP_PLACEHOLDER.PICTURE,), "ftr": (PP_PLACEHOLDER.FOOTER,),
         "sldNum": (PP_PLACEHOLDER.SLIDE_NUMBER,)}
ROLE_NAMES = {"title": "title", "body": "body", "pic": "picture", "ftr": "footer",
              "sldNum": "slide number"}


def layout_roles(layout) -> Available:  # type: ignore[no-untyped-def]
    """The layout's placeholders by role, each in index order, with their XML type."""
    found: Available = {}
    for holder in sorted(layout.placeholders, key=lambda p: p.placeholder_format.idx):
        fmt = holder.placeholder_format
        role = next((r for r, types in ROLES.items() if fmt.type in types), None)
        if role is None:
            continue
        ph = holder.element.ph
        idx = int(ph.get("idx")) if ph.get("idx") is not None else None
        found.setdefault(role, []).append(Holder(role, idx, ph.get("type", "obj")))
    return found


def _title_only(layout) -> bool:  # type: ignore[no-untyped-def]
    roles = layout_roles(layout)
    return "title" in roles and not set(roles) - {"title", "ftr", "sldNum"} and all(
        p.placeholder_format.type in FURNITURE or p.placeholder_format.type in ROLES["title"]
        for p in layout.placeholders)


def default_layout(prs):  # type: ignore[no-untyped-def]
    """The layout for kinds without one of their own: the first title-only layout, else
    the first without content placeholders; KeyError when there is neither."""
    found = next((lay for lay in prs.slide_layouts if _title_only(lay)), None)
    if found is None:
        blank = blank_layouts(prs)
        if not blank:
            raise KeyError("without content placeholders")
        found = next(lay for lay in prs.slide_layouts if lay.name == blank[0])
    return found


def kind_layouts(prs, default: str | None, named: dict[str, str]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The template layout of each slide kind ("" for any other): the one theme.yaml names
    for it, else one named like the kind (in German as the deck's own, or as the kind),
    else the default: 'layout:' from theme.yaml, a title-only layout (so titles take the
    template's title style) or the first blank one. Raises KeyError for an unknown name."""
    by_name = {layout.name.casefold(): layout for layout in prs.slide_layouts}

    def named_layout(name: str):  # type: ignore[no-untyped-def]
        if name.casefold() not in by_name:
            raise KeyError(name)  # as written in theme.yaml
        return by_name[name.casefold()]

    fallback = named_layout(default) if default is not None else default_layout(prs)
    chosen: dict[str, object] = {"": fallback}
    for kind in KINDS:
        if kind in named:
            chosen[kind] = named_layout(named[kind])
        else:
            chosen[kind] = by_name.get(LAYOUT_NAMES[kind].casefold()) or \
                by_name.get(kind.casefold()) or fallback
    return chosen


def open_template(path: Path):  # type: ignore[no-untyped-def]
    """The presentation at ``path``, after its ZIP directory showed a package of sane size
    (content/pptx_package.py); PackageProblem for any file that cannot be read as one."""
    check_package(path)
    try:
        return Presentation(str(path))
    except Exception:  # python-pptx raises several kinds for a file that is not a deck
        raise PackageProblem("not a PowerPoint file (.pptx) that can be read",
                             "save it from PowerPoint as a .pptx presentation") from None


def blank_layouts(prs) -> list[str]:  # type: ignore[no-untyped-def]
    """Layouts with no content placeholders: deckbuilder draws every slide kind on them."""
    return [layout.name for layout in prs.slide_layouts
            if all(p.placeholder_format.type in FURNITURE for p in layout.placeholders)]


def describe_template(path: Path) -> list[str]:
    """Lines for `deckbuilder template check`: size, layouts, placeholders, usable kinds;
    PackageProblem when ``path`` is no readable .pptx."""
    prs = open_template(path)
    width, height = Emu(prs.slide_width).pt, Emu(prs.slide_height).pt
    lines = [f"{path.name}: slides {width:.0f} × {height:.0f} pt "
             f"({'16:9' if abs(width / height - 16 / 9) < 0.01 else 'not 16:9'}), "
             f"{len(prs.slide_masters)} master(s), {len(prs.slide_layouts)} layouts"]
    for layout in prs.slide_layouts:
        holders = [f"{p.placeholder_format.type.name.lower()} '{p.name}'"
                   for p in layout.placeholders] or ["no placeholders"]
        lines.append(f"- layout '{layout.name}': {', '.join(holders)}")
    try:
        default_layout(prs)
    except KeyError:
        lines.append("no title-only layout and none without content placeholders: add one "
                     "to the template")
        return lines
    lines.append("slide kinds and the placeholders they fill (without 'layouts:' in "
                 "theme.yaml; the rest of each slide is drawn as free shapes):")
    layouts = kind_layouts(prs, None, {})
    for kind, layout in layouts.items():
        if not kind:
            continue
        roles = layout_roles(layout)
        found = [f"{len(roles[r])} {ROLE_NAMES[r]}" if len(roles[r]) > 1 else ROLE_NAMES[r]
                 for r in ROLES if r in roles]
        lines.append(f"- {kind} -> layout '{layout.name}' "  # type: ignore[attr-defined]
                     f"({', '.join(found) or 'no placeholders: every shape drawn free'})")
    return lines + furniture_lines(read_furniture(prs, layouts))


def furniture_lines(furnished: Furnished) -> list[str]:
    """What the template draws itself, per layout, where the deck puts its footer and
    number, and the clashes seen: furniture in the middle of the slide, a footer
    placeholder across a band's edge."""
    lines = ["the template's own furniture, which the slides keep clear of:"]
    seen: dict[Furniture, list[str]] = {}
    for kind, furniture in furnished.items():
        seen.setdefault(furniture, []).append(kind or "other kinds")
    for furniture, kinds in seen.items():
        pieces = [f"{p.kind} at {_where(p)}"
                  + (f" (#{p.color})" if p.color else "") for p in furniture.pieces]
        lines.append(f"- {', '.join(kinds)}: {', '.join(pieces) or 'none'}")
        lines.append("  footer and slide number: " + (
            "in the template's placeholders" if furniture.footer is not None
            else "the deck's own, clear of the furniture"))
        lines += [f"  clash: {clash}" for clash in _clashes(furniture)]
    return lines


def _where(piece: Piece) -> str:
    box = piece.box
    return f"{piece.side} ({box.x:.0f}, {box.y:.0f}, {box.w:.0f} × {box.h:.0f} pt)"


def _clashes(furniture: Furniture) -> list[str]:
    found = [f"the {p.kind} in the middle of the slide: no margin keeps the deck off it"
             for p in furniture.pieces if p.side == "middle"]
    for name, box in (("footer", furniture.footer), ("slide-number", furniture.number)):
        band = furniture.band_under(box) if box is not None else None
        if box is not None and band is not None and not (
                band.box.y <= box.y and box.bottom <= band.box.bottom):
            found.append(f"the {name} placeholder crosses the band's edge")
    return found


def check_template(root: Path, file: str, layout: str | None, width: float, height: float,
                   where: Location) -> tuple[Path | None, list[Diagnostic]]:
    """The template's path, or located errors: missing, unreadable, wrong size or layout."""
    try:
        path = resolve_inside(root, file)
    except AssetProblem as exc:
        return None, [error(where, str(exc).replace("the picture", "the template"))]
    try:
        prs = open_template(path)
    except PackageProblem as exc:
        return None, [error(where, f"the template '{file}' is {exc}", exc.hint)]
    problems = []
    size = (Emu(prs.slide_width).pt, Emu(prs.slide_height).pt)
    if abs(size[0] - width) > 1 or abs(size[1] - height) > 1:
        problems.append(error(where, f"the template's slides are {size[0]:.0f} × {size[1]:.0f} "
                              f"pt, the theme's are {width:.0f} × {height:.0f} pt",
                              "make the theme's slide size match the template"))
    names = [lay.name for lay in prs.slide_layouts]
    if layout is not None and layout not in names:
        problems.append(error(where, f"the template has no layout '{layout}'",
                              "one of: " + ", ".join(names)))
    elif layout is None and not (blank_layouts(prs) or any(map(_title_only, prs.slide_layouts))):
        problems.append(error(where, "the template has no title-only layout and none without "
                              "content placeholders",
                              "name one with 'layout:' or add a blank layout"))
    return path, problems


def template_furniture(path: Path, layout: str | None, named: dict[str, str]) -> Furnished:
    """The furniture of the layout each slide kind is drawn on (furniture.py)."""
    prs = open_template(path)
    return read_furniture(prs, kind_layouts(prs, layout, named))
