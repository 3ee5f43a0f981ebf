"""What the dossier's reader is told: the contents' page numbers from the last build, what
each link leads to, and paragraphs' text with every word whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ... import cache_file
from ...layout import dossier_plan as d
from ...layout.plan import Para
from .text import describe_address

#: The contents' entries with their page numbers, as the last build found them.
CONTENTS_FILE = "dossier-contents.json"


def last_contents(file: Path | None) -> list[tuple[int, str, int, str]]:
    """The contents page needs the page numbers, which only a finished layout knows, so
    reportlab's multiBuild lays the dossier out twice: once to learn them, once to print
    them. Like LaTeX's .aux file, the last build's entries are given as a first guess; when
    the layout confirms them, one pass is enough, and when it does not (a page moved),
    multiBuild simply goes on. The result is the same either way; only the time differs.
    """
    try:
        return [(int(level), str(text), int(page), str(key))
                for level, text, page, key in cache_file.read(file) or []]
    except (ValueError, TypeError):
        return []  # no sound guess: reportlab starts from nothing, as without a cache


def _link_targets(plan: d.DossierPlan) -> dict[str, str]:
    """Each bookmark key with the title of what it marks, to describe links to it."""
    found = {}
    for b in plan.blocks:
        if isinstance(b, d.Heading | d.TrendCard):
            found[b.key] = b.text if isinstance(b, d.Heading) else b.title
        elif isinstance(b, d.ScenarioOpener):
            found[b.key] = f"{b.label} – {b.title}"
        elif isinstance(b, d.Contents):
            found["contents"] = b.title
    return found


def link_describer(plan: d.DossierPlan) -> Callable[[str], str]:
    """What a link does, as a screen reader announces it (its /Contents): a bookmark key
    ("#trend-3") or a web address to a short German description."""
    targets = _link_targets(plan)

    def describe(target: str) -> str:
        if target.startswith("#"):
            return f"Verweis auf „{targets.get(target[1:], target[1:])}“"
        return describe_address(target)

    return describe


def whole_text(para: Para, justify: bool) -> str | None:
    """Justified text is hyphenated: the paragraph's element then carries its text with
    every word whole (/ActualText), which is what a screen reader reads; the page keeps
    the visible hyphens, so pdftotext and pypdf read the same as before."""
    return para.text if justify else None
