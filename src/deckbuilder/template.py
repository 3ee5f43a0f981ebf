"""Corporate templates: a .pptx whose masters and layouts the deck is built on, the way
pandoc uses a reference document."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from .assets import AssetProblem, resolve_inside
from .errors import Diagnostic, Location, error

#: Placeholders that a slide may keep empty without showing anything odd.
FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
KINDS = ("title", "method", "radar", "section", "trend", "scenario-divider", "scenario-text",
         "offerings", "program", "cta", "legal")


def _open(path: Path):  # type: ignore[no-untyped-def]
    try:
        return Presentation(str(path))
    except Exception:  # python-pptx raises several kinds for a file that is not a deck
        raise AssetProblem(f"'{path.name}' is not a PowerPoint file (.pptx) that can be "
                           "read") from None


def blank_layouts(prs) -> list[str]:  # type: ignore[no-untyped-def]
    """Layouts with no content placeholders: deckbuilder draws every slide kind on them."""
    return [layout.name for layout in prs.slide_layouts
            if all(p.placeholder_format.type in FURNITURE for p in layout.placeholders)]


def describe_template(path: Path) -> list[str]:
    """Lines for `deckbuilder template check`: size, layouts, placeholders, usable kinds."""
    prs = _open(path)
    width, height = Emu(prs.slide_width).pt, Emu(prs.slide_height).pt
    lines = [f"{path.name}: slides {width:.0f} × {height:.0f} pt "
             f"({'16:9' if abs(width / height - 16 / 9) < 0.01 else 'not 16:9'}), "
             f"{len(prs.slide_masters)} master(s), {len(prs.slide_layouts)} layouts"]
    blank = blank_layouts(prs)
    for layout in prs.slide_layouts:
        holders = [f"{p.placeholder_format.type.name.lower()} '{p.name}'"
                   for p in layout.placeholders] or ["no placeholders"]
        serves = ("serves every slide kind: " + ", ".join(KINDS)) if layout.name in blank \
            else "serves no slide kind (its content placeholders would show empty)"
        lines.append(f"- layout '{layout.name}': {', '.join(holders)}; {serves}")
    if not blank:
        lines.append("no layout without content placeholders: add a blank layout to the "
                     "template")
    return lines


def check_template(root: Path, file: str, layout: str | None, width: float, height: float,
                   where: Location) -> tuple[Path | None, list[Diagnostic]]:
    """The template's path, or located errors: missing, unreadable, wrong size or layout."""
    try:
        path = resolve_inside(root, file)
        prs = _open(path)
    except AssetProblem as exc:
        return None, [error(where, str(exc).replace("the picture", "the template"))]
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
    elif layout is None and not blank_layouts(prs):
        problems.append(error(where, "the template has no layout without content placeholders",
                              "name one with 'layout:' or add a blank layout"))
    return path, problems
