"""Source locations, diagnostics and the exit codes that the CLI owns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit statuses; black and pypa/build use the same split."""

    OK = 0
    CONTENT = 1
    USAGE = 2
    BUG = 3


@dataclass(frozen=True)
class Location:
    """A place in a project file; line and column are 1-based, 0 means unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem for a content editor: where, what, and optionally what to do."""

    severity: str  # "error" or "warning"
    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = str(self.location)
        text = f"{where + ': ' if where else ''}{self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


def error(location: Location, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic("error", location, message, hint)


def warning(location: Location, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic("warning", location, message, hint)


class ContentError(Exception):
    """Raised with every problem found, so an editor can fix them all in one pass."""

    def __init__(self, diagnostics: list[Diagnostic], written: str = "") -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics
        self.written = written  # what was written all the same (other editions): said last

    def __reduce__(self):  # type: ignore[no-untyped-def]
        """Survives the trip back from the process that renders the PDF."""
        return (ContentError, (self.diagnostics, self.written))


class Interrupted(KeyboardInterrupt):
    """A Ctrl+C; ``done`` says what it left, in the one line the command ends with
    (``said``): nothing changed, or which files were written in full before it."""

    def __init__(self, done: str = "earlier results are unchanged") -> None:
        super().__init__(done)
        self.done = done

    @property
    def said(self) -> str:
        return f"interrupted; {self.done}"


class UsageError(Exception):
    """A problem with how the command was called (paths, options), not with the content."""


class OutputInUse(UsageError):
    """An output that another program has open (PowerPoint, LibreOffice, a PDF viewer);
    the CLI shows ``path`` relative to where the command was run."""

    def __init__(self, path: Path, program: str, lock: Path | None) -> None:
        super().__init__(path, program, lock)
        self.path, self.program, self.lock = path, program, lock

    def describe(self, shown: str, lock_shown: str = "") -> str:
        """The one line for the user, with the paths as the CLI shows them."""
        if not self.program:
            return (f"{shown} could not be replaced: it is open in another program (or "
                    "write-protected); close it and build again")
        text = f"{shown} is open in {self.program}; close it and build again"
        if lock_shown:
            text += f" (if it is not open, delete the lock file {lock_shown})"
        return text

    def __str__(self) -> str:
        return self.describe(str(self.path), str(self.lock or ""))


class PreviousKept(UsageError):
    """Replacing ``path`` failed (``reason``) and putting some previous files back failed
    too: ``kept`` maps each such file to the temporary file its previous version is still
    in. Without the names a user could not find them: they are hidden files (``.name.*.tmp``)
    beside the outputs. The CLI shows the paths relative to where the command was run."""

    def __init__(self, path: Path, reason: str, kept: dict[Path, Path]) -> None:
        super().__init__(path, reason, kept)
        self.path, self.reason, self.kept = path, reason, kept

    def describe(self, shown: Callable[[Path], str]) -> str:
        """The one line for the user, each path as ``shown`` gives it."""
        where = ", ".join(f"the previous {target.name} is in {shown(backup)}"
                          for target, backup in self.kept.items())
        return (f"cannot write {shown(self.path)} ({self.reason}), and putting the previous "
                f"files back failed too: {where} (hidden files: rename each back to its "
                "name to use it again; the next build that succeeds no longer needs them)")

    def __str__(self) -> str:
        return self.describe(str)
