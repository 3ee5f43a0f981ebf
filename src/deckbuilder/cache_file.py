"""JSON files in the output folder's cache: read when they are sound, replaced whole.

A cache only saves time. A missing or damaged file reads as nothing and the build does the
work again; a file that cannot be written is skipped. Either way the outputs are the same,
so neither is worth an error message.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


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
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(value, handle, ensure_ascii=False, sort_keys=True)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except OSError:
        pass
