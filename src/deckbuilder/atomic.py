"""Files replaced in one step: a reader sees the old file or the new one, never half of one.

Every file deckbuilder writes (outputs, cache entries, the build state) goes through here:
a temporary file beside the target (same folder, so the same file system), then a rename.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def temporary_beside(target: Path) -> Path:
    """A new empty file next to ``target``, named ``.<name>.<pid>.<random>.tmp`` so that a
    later build can tell the leftovers of a killed build by their process id."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                dir=target.parent)
    os.close(fd)
    return Path(name)


def move_into_place(tmp: Path, target: Path) -> None:
    """Renames a finished temporary file onto ``target``, readable by everyone like a file
    the user saved (mkstemp creates it for its owner only)."""
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)


def write_atomically(target: Path, data: bytes) -> None:
    """Writes ``data`` to ``target`` in one step; raises OSError when that is impossible."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_beside(target)
    try:
        tmp.write_bytes(data)
        move_into_place(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
