"""The pipeline's packages, stated as a table and held for every import (inside functions and
under ``TYPE_CHECKING`` too), with no import cycle between modules.

A module imports modules of its own package or of a package lower in ``ORDER``; the
renderers share a package but not a group, so they never import each other. A list of
allowed packages lets no new inversion through, as a list of forbidden pairs would.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "deckbuilder"

#: The stages from the bottom up. "base" is the modules at the top of the package (errors,
#: the theme, atomic writes, cache files): everything may use them.
ORDER = ("base", "text", "content", "layout", "render", "edits", "build", "cli")

#: At most this many modules stay at the top of src/deckbuilder/ (issue 26).
TOP_LEVEL_LIMIT = 8

#: The groups inside render/ that never import each other; render/'s other modules
#: (images.py: prepared pictures) are shared by all of them.
RENDER_GROUPS = ("render.pptx", "render.pdf", "render.ics")


def module_name(path: Path) -> str:
    """``layout/text.py`` -> ``layout.text``; a package's ``__init__.py`` -> the package."""
    parts = list(path.relative_to(PKG).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _exists(name: str) -> bool:
    base = PKG.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imported_modules(path: Path) -> set[str]:
    """The package's own modules that ``path`` imports, anywhere in the file."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name.removeprefix("deckbuilder.") for a in node.names
                      if a.name.startswith("deckbuilder.")}
        elif isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1] if node.level > 1 else package
            target = [p for p in [*base, *(node.module or "").split(".")] if p]
            for alias in node.names:
                sub = ".".join([*target, alias.name])
                found.add(sub if _exists(sub) else ".".join(target) or "__init__")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("deckbuilder"):
            target = (node.module or "").removeprefix("deckbuilder").lstrip(".")
            for alias in node.names:
                sub = ".".join(p for p in (target, alias.name) if p)
                found.add(sub if _exists(sub) else target or "__init__")
    return found


def package_of(module: str) -> str:
    """The stage a module belongs to: its package, or "base" at the top (``__main__``, the
    command's other entry, is the CLI's)."""
    if module == "__main__":
        return "cli"
    first = module.split(".")[0]
    return first if first in ORDER and (PKG / first).is_dir() else "base"


def group_of(module: str) -> str:
    return next((g for g in RENDER_GROUPS if module == g or module.startswith(g + ".")), "")


def allowed(importer: str, imported: str) -> bool:
    mine, theirs = package_of(importer), package_of(imported)
    if ORDER.index(theirs) != ORDER.index(mine):
        return ORDER.index(theirs) < ORDER.index(mine)
    own, other = group_of(importer), group_of(imported)
    return other in ("", own)


def _modules() -> dict[str, Path]:
    return {module_name(p): p for p in PKG.rglob("*.py")}


def test_every_package_is_a_stage() -> None:
    packages = sorted(p.name for p in PKG.iterdir() if (p / "__init__.py").is_file())
    assert set(packages) == set(ORDER) - {"base"}


def test_at_most_eight_modules_at_the_top() -> None:
    top = sorted(p.name for p in PKG.glob("*.py"))
    assert len(top) <= TOP_LEVEL_LIMIT, f"move some of {top} into the stage they belong to"


def test_every_package_says_what_it_owns_and_may_import() -> None:
    """Each stage's docstring ends with ``May import: ...`` naming the packages below it,
    so the table here and what a newcomer reads cannot drift apart."""
    for stage in ORDER[1:]:
        doc = ast.get_docstring(ast.parse((PKG / stage / "__init__.py").read_text("utf-8")))
        assert doc and len(doc.splitlines()[0]) > 20, f"{stage}/__init__.py: say what it owns"
        found = re.search(r"May import: (.*)", doc or "", re.S)
        assert found, f"{stage}/__init__.py: add 'May import: ...'"
        named = set(re.findall(r"\b[a-z]+(?=/)", found.group(1)))
        assert named == set(ORDER[1:ORDER.index(stage)]), stage


def test_every_import_goes_down_the_stages() -> None:
    wrong = []
    for module, path in sorted(_modules().items()):
        for imported in sorted(imported_modules(path)):
            if not allowed(module, imported):
                wrong.append(f"{module} ({package_of(module)}) imports {imported} "
                             f"({package_of(imported)})")
    assert wrong == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle() -> None:
    graph = {m: imported_modules(p) - {m} for m, p in _modules().items()}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize(("importer", "imported", "ok"), [
    ("layout.text", "text.measure", True), ("layout.slides", "render.pptx.deck", False),
    ("render.pptx.deck", "render.pdf.dossier", False), ("render.ics", "render.pdf.draw", False),
    ("render.pdf.draw", "render.pdf.text", True), ("render.pdf.draw", "render.images", True),
    ("build.stages", "render.pdf.dossier", True), ("content.model", "content.load", True),
    ("content.load", "cli.main", False), ("text.measure", "content.sourcemap", False),
    ("edits.events", "build.stages", False), ("cli.main", "errors", True),
])
def test_the_rule_itself(importer: str, imported: str, ok: bool) -> None:
    """The table's rule on known cases: renderers of different groups never meet."""
    assert allowed(importer, imported) is ok


def test_imports_inside_functions_are_seen() -> None:
    """build/stages.py and build/aside_jobs.py import their renderers inside the writers;
    those imports count too."""
    assert {"render.pptx.deck", "layout.dossier"} <= imported_modules(PKG / "build" / "stages.py")
    assert {"render.pdf.dossier", "render.ics"} <= imported_modules(
        PKG / "build" / "aside_jobs.py")


def _third_party_users(top: str) -> set[str]:
    users = set()
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            if any(n == top or n.startswith(top + ".") for n in names):
                users.add(module)
    return users


def test_only_sourcemap_imports_yaml() -> None:
    assert _third_party_users("yaml") == {"content.sourcemap"}


def test_only_content_and_edits_use_ruamel() -> None:
    assert {package_of(m) for m in _third_party_users("ruamel")} <= {"content", "edits"}


def test_only_the_pptx_group_imports_python_pptx() -> None:
    assert {group_of(m) for m in _third_party_users("pptx")} == {"render.pptx"}


def test_only_the_pdf_group_imports_platypus() -> None:
    assert {group_of(m) for m in _third_party_users("reportlab.platypus")} <= {"render.pdf"}


def test_only_cli_prints_or_exits() -> None:
    for path in PKG.rglob("*.py"):
        if path.name == "__main__.py" or package_of(module_name(path)) == "cli":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        calls = {n.func.id for n in ast.walk(tree)
                 if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        assert not calls & {"print", "exit"}, path.name


def test_modules_and_functions_stay_small() -> None:
    """A module over 400 lines or a function over 60 is split before it lands: both are
    read whole by whoever changes them next."""
    too_long = []
    for module, path in _modules().items():
        text = path.read_text("utf-8")
        if text.count("\n") > 400:
            too_long.append(f"{module}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60:
                    too_long.append(f"{module}.{node.name}: {length} lines")
    assert too_long == []
