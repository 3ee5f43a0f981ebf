"""The pipeline's layers, stated as a table and held for every import (inside functions too).

A module may import modules of a lower layer, or of its own layer and group: the renderers
share a layer but not a group, so they never import each other. A list of allowed layers
lets no new inversion through, as a list of forbidden pairs would.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "deckbuilder"

#: Layers from the bottom up; a module names its layer, or "layer/group" to share a layer
#: with modules it must not import (the renderers).
ORDER = ("base", "source", "content", "load", "layout", "pictures", "render", "build", "cli")

#: Every module of the package and its layer. ``name.*`` covers a package's modules,
#: so each renderer package (render/pptx/, render/pdf/) needs one line.
LAYERS: dict[str, str] = {
    "__init__": "base",
    "errors": "base",  # Location, Diagnostic, exit codes: everything may use them
    "dates": "base",
    "theme": "base",
    "theme_sizes": "base",  # the layout's sizes and gaps, a part of the theme
    "theme_plain": "base",  # the theme as plain objects for the PDF process, no pydantic
    "cache_file": "base",
    "uptodate": "base",  # the inputs' fingerprint and the state the build records
    "incremental": "build",  # builds unless the last results stand; imports build lazily
    "progress": "base",
    "salvage": "base",
    "atomic": "base",  # the one way files are replaced
    "clock": "base",  # the one reading of SOURCE_DATE_EPOCH
    "contrast": "base",  # WCAG contrast arithmetic on colours, nothing of the deck
    "sourcemap": "source",
    "yaml_text": "source",  # replaces single values in a YAML text, nothing else
    "messages": "source",
    "model": "source",
    "model_types": "source",
    "assets": "content",
    "radar_check": "content",
    "program": "content",
    "measure": "content",
    "hyphenate": "content",
    "hyph_patterns": "content",  # pyphen's patterns parsed on demand, for hyphenate
    "linebreak": "content",  # line breaking with German split points, for measure
    "glyphs": "content",
    "load": "load",
    "schema": "load",
    "layout": "layout",
    "layout.*": "layout",
    "images": "pictures",  # prepared pictures: every renderer reads them
    "render": "render",
    "render.ics": "render/ics",
    "render.pptx": "render/pptx",
    "render.pptx.*": "render/pptx",
    "render.pdf": "render/pdf",
    "render.pdf.*": "render/pdf",
    "console": "base",  # prints on any console code page (the CLI's writer)
    "locks": "base",  # outputs open in another program; replacing a set of files
    "places": "base",  # paths in messages as the user typed them
    "eot": "base",  # the Embedded OpenType container format, nothing of the deck
    "font_licence": "content",
    "font_facts": "base",  # widths, licence bits, EOT header of a font file, kept by its hash
    "program_text": "content",
    "event_match": "content",
    "aside": "build",  # the second process that runs the PDF renderers
    "aside_jobs": "build",  # the writers that process unpickles: PDFs and calendar
    "fonts_install": "build",
    "output_state": "build",
    "deck_summary": "build",  # reads a written deck back (guard, pull, change log)
    "guard": "build",
    "changelog": "build",
    "pull": "build",
    "pull_write": "build",  # writes what pull found into content/, records it for the guard
    "build": "build",
    "events": "build",
    "preview": "build",
    "scaffold": "build",
    "cli": "cli",
    "cli_start": "cli",  # the command's entry: starts the PDF process, then runs cli
    "cli_common": "cli",
    "cli_edits": "cli",
    "cli_events": "cli",
    "__main__": "cli",
}

#: Imports that run up the layers today, each with the reason it is still here. Remove the
#: line when the import goes; the test fails if a listed import no longer exists.
KNOWN_INVERSIONS: dict[tuple[str, str], str] = {}


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
    return found


def layer_of(module: str) -> str | None:
    if module in LAYERS:
        return LAYERS[module]
    prefixes = [p for p in LAYERS if p.endswith(".*") and module.startswith(p[:-1])]
    return LAYERS[max(prefixes, key=len)] if prefixes else None


def allowed(importer: str, imported: str) -> bool:
    mine, theirs = layer_of(importer), layer_of(imported)
    assert mine is not None and theirs is not None
    rank = {name: i for i, name in enumerate(ORDER)}
    own, other = rank[mine.split("/")[0]], rank[theirs.split("/")[0]]
    return other < own or (other == own and mine == theirs)


def _modules() -> dict[str, Path]:
    return {module_name(p): p for p in PKG.rglob("*.py")}


def test_every_module_has_a_layer() -> None:
    missing = sorted(m for m in _modules() if layer_of(m) is None)
    assert missing == [], (f"add {missing} to LAYERS in tests/test_architecture.py, in the "
                           "layer the module belongs to (see ../shared/STYLE.md)")


def test_every_import_goes_down_the_layers() -> None:
    wrong = []
    for module, path in sorted(_modules().items()):
        for imported in sorted(imported_modules(path)):
            if layer_of(module) is None or layer_of(imported) is None:
                continue  # reported by the test above
            if not allowed(module, imported) and (module, imported) not in KNOWN_INVERSIONS:
                wrong.append(f"{module} ({layer_of(module)}) imports {imported} "
                             f"({layer_of(imported)})")
    assert wrong == []


def test_known_inversions_still_exist() -> None:
    modules = _modules()
    for importer, imported in KNOWN_INVERSIONS:
        assert imported in imported_modules(modules[importer]), (
            f"{importer} no longer imports {imported}: remove the line from KNOWN_INVERSIONS")


@pytest.mark.parametrize(("importer", "imported", "ok"), [
    ("layout.text", "measure", True), ("layout.slides", "render.pptx.deck", False),
    ("render.pptx.deck", "render.pdf.dossier", False), ("render.ics", "render.pdf.draw", False),
    ("render.pdf.draw", "render.pdf.text", True), ("build", "render.pdf.dossier", True),
    ("model", "load", False), ("load", "cli", False),
])
def test_the_rule_itself(importer: str, imported: str, ok: bool) -> None:
    """The table's rule on known cases: renderers of different groups never meet."""
    assert allowed(importer, imported) is ok


def test_imports_inside_functions_are_seen() -> None:
    """build.py and aside_jobs.py import their renderers inside the writers; those
    imports count too."""
    assert {"render.pptx.deck", "layout.dossier"} <= imported_modules(PKG / "build.py")
    assert {"render.pdf.dossier", "render.ics"} <= imported_modules(PKG / "aside_jobs.py")


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
    assert _third_party_users("yaml") == {"sourcemap"}


def test_only_the_pptx_group_imports_python_pptx() -> None:
    assert {layer_of(m) for m in _third_party_users("pptx")} == {"render/pptx"}


def test_only_the_pdf_group_imports_platypus() -> None:
    assert {layer_of(m) for m in _third_party_users("reportlab.platypus")} <= {"render/pdf"}


def test_only_cli_prints_or_exits() -> None:
    for path in PKG.rglob("*.py"):
        if path.name == "__main__.py" or path.name.startswith("cli"):
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
