"""The operating system's refusals (disk full, read-only, no permission, name too long, file
in use) as one line each that names the file and what to do, with the command's exit status.

Every command's writes raise before anything is replaced (atomic.py), so the files are as
they were; what is left is to say so in the user's words instead of a traceback.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from ..errors import ExitCode, OutputInUse, PreviousKept, UsageError

#: Windows' sharing and lock violations: another program has the file open.
_IN_USE_WINDOWS = (32, 33)
#: Windows: the path is longer than the system allows (ERROR_FILENAME_EXCED_RANGE).
_TOO_LONG_WINDOWS = (206,)

_WHAT_TO_DO = {
    errno.ENOSPC: "the disk is full: free some space (empty the recycle bin, delete old "
                  "outputs) and run the command again",
    errno.EDQUOT: "your disk quota is used up: free some space and run the command again",
    errno.EROFS: "the folder is read-only: copy the project to a folder you can write to "
                 "and run the command there",
    errno.EACCES: "permission denied: check that you may change this file and its folder, "
                  "or copy the project to a folder of your own",
    errno.EPERM: "permission denied: check that you may change this file and its folder, "
                 "or copy the project to a folder of your own",
    errno.ENAMETOOLONG: "the path is too long for this computer: move the project to a "
                        "folder with a shorter path (such as C:\\Decks)",
}

_IN_USE = "the file is in use by another program: close it and run the command again"

#: The temporary files beside a target (atomic.temporary_beside): name the target instead.
_TEMPORARY = re.compile(r"^\.(?P<name>.+?)\.\d+\.[^.]*\.tmp$")


def refusal(exc: OSError, shown: str = "") -> tuple[str, ExitCode]:
    """The line for ``exc`` (``shown``: its file as the user sees it from here) and the
    exit status: 2 for a file in use, as for an output open in PowerPoint, else 1."""
    where = f"{shown}: " if shown else ""
    if getattr(exc, "winerror", None) in _IN_USE_WINDOWS or \
            exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return f"{where}error: {_IN_USE}", ExitCode.USAGE
    if getattr(exc, "winerror", None) in _TOO_LONG_WINDOWS:
        return f"{where}error: {_WHAT_TO_DO[errno.ENAMETOOLONG]}", ExitCode.CONTENT
    what = _WHAT_TO_DO.get(exc.errno or 0)
    if what is None:
        reason = exc.strerror or str(exc)
        what = f"it could not be read or written ({reason}): check the disk and run the " \
               "command again"
    return f"{where}error: {what}", ExitCode.CONTENT


def target_of(filename: str | bytes | int | None) -> Path | None:
    """The file the user knows for the name an OSError carries (a temporary file's
    target; None when it names none)."""
    if not isinstance(filename, str) or not filename:
        return None
    path = Path(filename)
    found = _TEMPORARY.match(path.name)
    return path.with_name(found["name"]) if found else path


def refusal_line(exc: OSError) -> tuple[str, ExitCode]:
    """``refusal`` with the file shown from the folder the command runs in."""
    from .common import _relative

    target = target_of(exc.filename)
    return refusal(exc, _relative(target) if target is not None else "")


def usage_line(exc: UsageError | OSError) -> str:
    """The one line for a usage problem or a refusal of the system (disk full, ...); an
    output open elsewhere names the file as the user sees it from here."""
    from .common import _relative

    if isinstance(exc, OSError):
        return refusal_line(exc)[0]
    if isinstance(exc, OutputInUse):
        lock = _relative(exc.lock) if exc.lock is not None else ""
        return f"error: {exc.describe(_relative(exc.path), lock)}"
    if isinstance(exc, PreviousKept):
        return f"error: {exc.describe(_relative)}"
    return f"error: {exc}"
