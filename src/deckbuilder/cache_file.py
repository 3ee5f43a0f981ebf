"""JSON files in the output folder's cache: read when they are sound, replaced whole.

A cache only saves time. A missing or damaged file reads as nothing and the build does the
work again; a file that cannot be written is skipped. Either way the outputs are the same,
so neither is worth an error message.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .atomic import write_atomically


def read(path: Path | None) -> Any:
    """The file's JSON value, or None when there is no sound file."""
    if path is None:
        return None
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def write(path: Path | None, value: Any) -> None:
    """Replaces the file in one step, so a build reading it at the same moment sees the old
    or the new value, never half of one."""
    if path is None:
        return
    try:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        write_atomically(path, text.encode("utf-8"))
    except OSError:
        pass


def made_by(package: str) -> str:
    """The installed version of ``package``, for the name of a cache file whose content that
    library made (hyphenation splits, dates): a new version starts a new file."""
    try:
        return version(package)
    except PackageNotFoundError:  # pragma: no cover - both are dependencies
        return "unknown"
