"""No size hides in the layout as a number: every length, gap, share, factor and count a
designer may want to change is a key under ``sizes:`` in theme.yaml (theme_sizes.py), so
a literal that creeps back into layout/ (or into the hand-made slides' layout that the
PPTX master builds) fails here, with its place."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from .conftest import ROOT

PKG = ROOT / "src" / "deckbuilder"
LAYOUT = PKG / "layout"
#: Functions outside layout/ that place boxes from sizes: (file, function).
PLACERS = ((PKG / "render" / "pptx" / "master.py", "layout_specs"),
           (PKG / "render" / "pptx" / "master.py", "_added_holders"))

#: Structure, not size, wherever they stand: nothing, one (a next index, a last item, a
#: unit scale) and the middle (``i + 0.5``, a centred focus). -1 is ``-`` and 1.
STRUCTURAL = {0, 1, 0.5}
#: Float tolerances in comparisons (a box may overrun by a rounding error), not sizes.
TOLERANCES = {1e-9, 1e-6, 0.01}
#: 2 halves, doubles or tells odd from even (``w / 2``, ``2 * r``, ``i % 2``, ``x ** 2``);
#: anywhere else (``+ 2``, ``>= 2``) it is a length or a count and belongs in the theme.
HALVING = (ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
#: Deliberate exceptions, by file and value, each with why.
EXCEPTIONS = {
    ("identity.py", 8): "texts this short are not matched as part of a field: naming "
                        "shapes after their content, nothing a designer sees",
}


#: The radar's label placement is a search: its module-level names are the weights of its
#: cost function (what a leader costs against a hyphen) and the limits of its steps, each
#: named and explained where it stands. Numbers inside its functions are still caught.
SEARCH = {"radar_place.py", "radar_candidates.py", "radar_names.py", "radar_dots.py",
          "radar_colors.py"}


def _allowed(node: ast.Constant, parent: ast.AST | None, indexes: set[ast.AST],
             file: str, top: set[ast.AST]) -> bool:
    value = node.value
    if file in SEARCH and node in top:
        return True
    if value in STRUCTURAL or value in TOLERANCES or (file, value) in EXCEPTIONS:
        return True
    if node in indexes:  # xs[3], name[4:], text[:40]
        return True
    if value == 2 and isinstance(parent, ast.BinOp) and isinstance(parent.op, HALVING):
        return True
    return isinstance(parent, ast.Call) and getattr(parent.func, "id", "") == "round" \
        and node is not parent.args[0]  # the digits to round to


def literals(tree: ast.AST, file: str) -> Iterator[tuple[int, float]]:
    """Each number in ``tree`` that is a size: (line, value)."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    indexes = {n for s in ast.walk(tree) if isinstance(s, ast.Subscript)
               for n in ast.walk(s.slice)}
    body = tree.body if isinstance(tree, ast.Module) else []
    top = {n for s in body if isinstance(s, ast.Assign | ast.AnnAssign) for n in ast.walk(s)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and type(node.value) in (int, float) \
                and not _allowed(node, parents.get(node), indexes, file, top):
            yield node.lineno, node.value


def found_sizes() -> list[str]:
    """``file:line: value`` for every size written as a number in the layout."""
    places: list[tuple[Path, ast.AST]] = [(p, ast.parse(p.read_text("utf-8")))
                                          for p in sorted(LAYOUT.glob("*.py"))]
    for path, name in PLACERS:
        tree = ast.parse(path.read_text("utf-8"))
        places += [(path, next(n for n in ast.walk(tree)
                               if isinstance(n, ast.FunctionDef) and n.name == name))]
    return [f"{path.relative_to(PKG)}:{line}: {value!r}"
            for path, tree in places for line, value in literals(tree, path.name)]


def test_no_size_is_a_literal_in_the_layout() -> None:
    found = found_sizes()
    assert not found, "sizes belong in theme_sizes.py (sizes: in theme.yaml):\n" + \
        "\n".join(found)


def test_the_scan_tells_sizes_from_structure() -> None:
    """The rules above on small cases: what they let through and what they catch."""
    def sizes(code: str) -> list[float]:
        return [value for _, value in literals(ast.parse(code), "x.py")]

    structural = ("w / 2", "2 * r", "i % 2", "x ** 2", "xs[0]", "xs[-1]", "name[4:]",
                  "text[:40]", "round(s, 4)", "i + 1", "band * (i + 0.5)", "h + 0.01",
                  "f(0, 1.0)", "x == 0.0")
    assert [sizes(code) for code in structural] == [[]] * len(structural)
    caught = ("y + 18", "size * 2.2", "x - 40", "Box(x, y, 40, 14)", "dot + 2", "n >= 2",
              "STEPS = 6", "round(4.5)", "xs[i] + 3", "f(xs[0] * 1.5)")
    assert [sizes(code) for code in caught] == [[18], [2.2], [40], [40, 14], [2], [2], [6],
                                                [4.5], [3], [1.5]]
