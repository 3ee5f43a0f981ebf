"""Runs the stages (load, layout, render) and writes outputs atomically."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, Diagnostic, Location, UsageError, error
from .layout.slides import plan_deck
from .layout.text import Typesetter
from .load import load_project
from .measure import Measurer


@dataclass(frozen=True)
class Report:
    """What a build wrote and what it noticed on the way."""

    outputs: tuple[Path, ...]
    slides: int
    warnings: tuple[Diagnostic, ...]


def build_timestamp() -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds") from None
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Writes through a temporary file in the same folder, then replaces ``target``.

    A failed or killed build leaves the previous file whole; readers never see half a file.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _prepare_out(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the output folder '{out}': {exc.strerror}") from None
    if not os.access(out, os.W_OK):
        raise UsageError(f"cannot write to the output folder '{out}': check its permissions")


def build(root: Path, out: Path) -> Report:
    """Loads, lays out and renders the project; raises ContentError or UsageError."""
    loaded = load_project(root)
    try:
        measurer = Measurer(loaded.theme, root)
    except FileNotFoundError as exc:
        raise ContentError([error(Location("content/theme.yaml"), f"the font file '{exc}' "
                                  "was not found", "put it in assets/fonts/")]) from None
    plan = plan_deck(loaded, Typesetter(loaded.theme, measurer))
    _prepare_out(out)
    from . import render_pptx  # heavy import, only when there is something to write

    target = out / f"{loaded.project.deck.name}.pptx"
    stamp = build_timestamp()
    try:
        write_atomically(target, lambda p: render_pptx.render(plan, loaded.theme, p, root=root,
                                                              timestamp=stamp))
    except OSError as exc:
        raise UsageError(f"cannot write '{target}': {exc.strerror}") from None
    return Report((target,), len(plan.slides), loaded.warnings + plan.warnings)
