"""The pipeline's import direction holds: renderers and layout stay independent."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "src" / "deckbuilder"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            found.add(base)
            found |= {f"{base}.{a.name}" if node.level and not node.module else base
                      for a in node.names}
    return found


def _modules() -> dict[str, set[str]]:
    return {str(p.relative_to(PKG)): _imports(p) for p in PKG.rglob("*.py")}


def test_only_sourcemap_imports_yaml() -> None:
    users = {m for m, imps in _modules().items() if any(i.split(".")[0] == "yaml" for i in imps)}
    assert users == {"sourcemap.py"}


def test_only_render_pptx_imports_pptx() -> None:
    """template.py reads a corporate template's layouts; it writes nothing. pptx_parts.py
    is the renderer's constant-time stand-in for two python-pptx calls; pptx_master.py,
    pptx_placeholders.py, pptx_package.py and fonts_embed.py write the master, placeholders,
    package parts and embedded fonts around the slides."""
    users = {m for m, imps in _modules().items() if any(i.split(".")[0] == "pptx" for i in imps)}
    assert users == {"render_pptx.py", "pptx_parts.py", "template.py", "pptx_master.py",
                     "pptx_placeholders.py", "pptx_package.py", "fonts_embed.py"}


def test_only_pdf_modules_import_platypus() -> None:
    users = {m for m, imps in _modules().items() if any("platypus" in i for i in imps)}
    assert users <= {"render_pdf.py", "render_slides_pdf.py", "pdf_text.py", "pdf_draw.py"}


def test_layout_imports_no_renderer_loader_or_cli() -> None:
    for module, imps in _modules().items():
        if module.startswith("layout/"):
            bad = {i for i in imps if any(n in i for n in ("render_", "cli", ".load", "build"))}
            assert bad == set(), module


def test_renderer_imports_no_loader_or_other_renderer() -> None:
    for module, imps in _modules().items():
        if module.startswith("render_"):
            others = {i for i in imps if "render_" in i or i.endswith((".load", ".cli", ".build"))}
            assert others == set(), module


def test_only_cli_prints_or_exits() -> None:
    for path in PKG.rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        tree = ast.parse(path.read_text("utf-8"))
        calls = {n.func.id for n in ast.walk(tree)
                 if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        assert not calls & {"print", "exit"}, path.name
