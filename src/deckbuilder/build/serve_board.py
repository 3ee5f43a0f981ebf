"""What the ``serve`` page shows, shared by the drawing loop and the server's threads.

The loop puts the newest pictures and problems on the board; each open page's event
stream waits for the board to change and is sent the whole state as one JSON line (a few
kilobytes: names, places and image addresses, never the images). Problems replace each
other round by round; pictures change only when a round drew them, so the last good
pictures stay while the content has errors.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from ..errors import Diagnostic, Location

#: Editors that open a file at a line from a link, and the link's form. ``{path}`` is the
#: absolute path with forward slashes, starting with one (``/C:/deck/...`` on Windows);
#: ``{line}`` and ``{column}`` count from 1.
EDITORS = {
    "vscode": "vscode://file{path}:{line}:{column}",
    "vscode-insiders": "vscode-insiders://file{path}:{line}:{column}",
    "vscodium": "vscodium://file{path}:{line}:{column}",
    "cursor": "cursor://file{path}:{line}:{column}",
    "idea": "idea://open?file={path}&line={line}&column={column}",
    "textmate": "txmt://open?url=file://{path}&line={line}&column={column}",
}

#: Schemes a link may not have: they would run code in the page or leave the computer.
_REFUSED = ("javascript", "data", "vbscript", "file", "http", "https", "ftp", "blob")


def editor_template(name: str) -> str:
    """The link form for an editor's name, or a form written out (``myeditor://{path}``);
    ValueError says what is accepted."""
    if name in EDITORS:
        return EDITORS[name]
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", name)
    try:
        name.format(path="/deck", line=1, column=1)
        written = "{path}" in name and scheme is not None
    except (KeyError, IndexError, ValueError):
        written = False
    if not written or scheme is None or scheme.group(1).lower() in _REFUSED:
        raise ValueError(f"unknown editor '{name}': choose from {', '.join(EDITORS)}, or write "
                         "the editor's link with {path}, {line} and {column}, for example "
                         "'vscode://file{path}:{line}:{column}'")
    return name


@dataclass(frozen=True)
class Picture:
    """One slide or dossier page as the page shows it."""

    ident: str  # "slide-3", "page-2": its place on the page and in its address
    png: bytes
    version: str  # a digest of its pixels: its address changes only when they do
    width: int
    height: int
    label: str  # "3 · trend"
    source: Location | None = None  # where its content was written (slides)


@dataclass(frozen=True)
class View:
    """How places are shown on the page: ``place`` writes a location as the command line
    does (from the folder serve was started in); with ``editor`` (a link form of EDITORS)
    each place is a link that opens the file at its line."""

    root: Path
    place: Callable[[Location], str] = str
    editor: str | None = None

    def link(self, where: Location) -> str | None:
        if self.editor is None or not where.file or where.file == "?":
            return None
        path = (self.root / where.file).resolve().as_posix()
        if not path.startswith("/"):
            path = "/" + path  # C:/deck -> /C:/deck, as file addresses write it
        return self.editor.format(path=quote(path, safe="/:"), line=max(where.line, 1),
                                  column=max(where.column, 1))

    def problem(self, d: Diagnostic, shown: str) -> dict[str, object]:
        where = self.place(d.location) if d.location.file not in ("", "?") else ""
        return {"severity": d.severity, "text": shown, "where": where,
                "href": self.link(d.location)}

    def picture(self, p: Picture) -> dict[str, object]:
        item: dict[str, object] = {"id": p.ident, "src": f"/img/{p.ident}-{p.version}.png",
                                   "label": p.label, "w": p.width, "h": p.height}
        if p.source is not None:
            item.update(where=self.place(p.source), href=self.link(p.source))
        return item


@dataclass
class _State:
    slides: list[Picture] = field(default_factory=list)
    pages: list[Picture] = field(default_factory=list)
    problems: list[dict[str, object]] = field(default_factory=list)
    status: str = "drawing"  # "drawing", "ready", "errors", "bug"
    title: str = ""
    generation: int = 0


class Board:
    """The page's state behind one lock; ``wait`` lets each event stream sleep until the
    state changes (or ``timeout`` passes, for a keep-alive)."""

    def __init__(self, view: View) -> None:
        self.view = view
        self._state = _State()
        self._changed = threading.Condition()
        self._images: dict[str, Picture] = {}
        self.closed = False

    def show(self, *, slides: list[Picture] | None = None, pages: list[Picture] | None = None,
             problems: list[dict[str, object]] | None = None, status: str | None = None,
             title: str | None = None) -> None:
        """Replaces what is given, keeps the rest, and wakes every waiting stream."""
        with self._changed:
            s = self._state
            s.slides = s.slides if slides is None else slides
            s.pages = s.pages if pages is None else pages
            s.problems = s.problems if problems is None else problems
            s.status = s.status if status is None else status
            s.title = s.title if title is None else title
            s.generation += 1
            self._images = {p.ident: p for p in (*s.slides, *s.pages)}
            self._changed.notify_all()

    def image(self, ident: str, version: str) -> bytes | None:
        """The PNG of a picture in this version; None when it is not (or no longer) shown."""
        with self._changed:
            found = self._images.get(ident)
        return found.png if found is not None and found.version == version else None

    def state(self) -> tuple[int, bytes]:
        """The generation and the state as one JSON line (json escapes every newline)."""
        with self._changed:
            s = self._state
            data = {"generation": s.generation, "status": s.status, "title": s.title,
                    "problems": s.problems,
                    "slides": [self.view.picture(p) for p in s.slides],
                    "pages": [self.view.picture(p) for p in s.pages]}
            return s.generation, json.dumps(data, ensure_ascii=False).encode("utf-8")

    def wait(self, seen: int, timeout: float) -> tuple[int, bytes] | None:
        """The state once it is newer than generation ``seen``; None after ``timeout``
        without a change, or when the board closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._state.generation != seen or self.closed,
                                   timeout)
            if self.closed or self._state.generation == seen:
                return None
        return self.state()

    def close(self) -> None:
        """Ends every waiting stream (the server is stopping)."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()
