"""JSON files in the output folder's cache: read when they are sound, replaced whole.

A cache only saves time. A missing or damaged file reads as nothing and the build does the
work again; a file that cannot be written is skipped. Either way the outputs are the same,
so neither is worth an error message.
"""

from __future__ import annotations

import hashlib
import json
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
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:  # pragma: no cover - both are dependencies
        return "unknown"


def code_stamp() -> str:
    """deckbuilder's own code as it is installed: an edit to any module changes it (the
    up-to-date check and the slide cache are keyed on it)."""
    digest = hashlib.sha256()
    code = Path(__file__).parent
    for path in sorted(code.rglob("*.py")) + sorted(code.glob("*.yaml")):
        stat = path.stat()
        digest.update(f"{path.relative_to(code)}|{stat.st_mtime_ns}|{stat.st_size}".encode())
    return digest.hexdigest()
