"""The one entry of ``deckbuilder build``: builds, or answers that nothing changed.

The up-to-date check comes before anything heavy is imported (pydantic, Pillow, the
renderers): an unchanged project answers in a tenth of a second. The state itself is
written by the build when its results are in place (uptodate.record), so a build run from
anywhere (the CLI, a test, a script) leaves the same state behind.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic
from . import uptodate


@dataclass(frozen=True)
class Outcome:
    """What ``deckbuilder build`` reports: the results this build wrote, or those of the
    last build when nothing changed (``up_to_date``), with the warnings either noticed."""

    outputs: tuple[tuple[Path, str], ...]  # each file and what it holds ("33 slides")
    warnings: tuple[Diagnostic, ...]
    replaced: tuple[tuple[Path, Path], ...] = ()  # edited outputs and where they were kept
    up_to_date: bool = False


def build(root: Path, out: Path, formats: tuple[str, ...], *, force: bool = False,
          discard_edits: bool = False,
          progress: Callable[[str], None] = lambda stage: None,
          edition: str | None = None, cache: Path | None = None) -> Outcome:
    """Builds unless the last build's results still stand. Decided before the build's
    heavy libraries are imported: an unchanged project answers in a tenth of a second.
    ``edition`` and ``cache``: as for stages.build."""
    state = None if force else uptodate.current(root, out, formats, edition)
    if state is not None:
        started = sys.modules.get(f"{__package__}.aside")  # not imported just to look
        if started is not None:
            started.end_early()  # the command started a PDF process that is not needed
        return Outcome(tuple((out / name, what) for name, what in state["said"].items()),
                       tuple(uptodate.diagnostic(w) for w in state["warnings"]), up_to_date=True)
    from .aside import start_for

    early = start_for(formats)  # it imports the PDF renderer while this process imports
    try:
        from .stages import build as run_build

        report = run_build(root, out, formats, progress, discard_edits, early,
                           edition=edition, cache=cache)
    finally:
        if early is not None:
            early.close()  # done already when the build got its result; else ends it
    return Outcome(report.outputs, report.warnings, report.replaced)
