"""Editions: one shared content base, and per chamber one file that says what differs.

``content/editions/NAME.yaml`` holds only an edition's differences (cover lines, deck and
theme values, its own program file, trends, scenarios or slides left out, slides added,
logos). While an edition is in use (``applying``) the loader reads each shared file with
that edition's changes laid over it (overlay.py), so everything after the loader (layout,
checks, messages with their places) works on an edition as on a project without any.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import ContentError, Diagnostic, Location, error
from . import overlay
from .edition_names import FOLDER, file_of, name_problems, names, unknown_edition
from .edition_slides import edit_slides, leave_out
from .messages import diagnostics_from
from .model import Picture
from .model_types import Plain
from .sourcemap import SourceMap

#: A file's name: a plain name (an own program file's, say).
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,60}$")

Reader = Callable[[str], tuple[Any, SourceMap]]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class LeaveOut(_Strict):
    """What an edition leaves out of the shared content, by the names the content uses."""

    trends: list[Plain] = Field(default_factory=list, description=(
        "Trend titles (trends.yaml) this edition leaves out; leave them out of the radar "
        "too (radar:), or it still shows them."))
    radar: list[Plain] = Field(default_factory=list, description=(
        "Names on the radar (radar.yaml) this edition leaves out, with their connections."))
    scenarios: list[Plain] = Field(default_factory=list, description=(
        "Scenarios (scenarios.yaml) this edition leaves out, by number or title."))
    slides: list[Plain] = Field(default_factory=list, description=(
        "Slides of deck.yaml this edition leaves out, by kind (offerings) or title."))


class Edition(_Strict):
    """content/editions/NAME.yaml: what this edition says differently from content/."""

    about: Plain | None = Field(None, description=(
        "One line on whom this edition is for; `deckbuilder editions` shows it."))
    cover: dict[str, Any] = Field(default_factory=dict, description=(
        "The title slide's lines (clients, title, picture, notes) and the deck's date."))
    deck: dict[str, Any] = Field(default_factory=dict, description=(
        "Keys of deck.yaml this edition sets differently: name (its file names), title, "
        "footer, legal (the imprint), handouts, ..."))
    theme: dict[str, Any] = Field(default_factory=dict, description=(
        "Keys of theme.yaml this edition sets differently: single colours (colors: "
        "{accent: 005CA9}), a template, faces, ..."))
    future_circle: dict[str, Any] = Field(default_factory=dict, description=(
        "Keys of future-circle.yaml this edition sets differently."))
    program: Plain | None = Field(None, description=(
        "This edition's own program file in content/ (program-essen.yaml) instead of "
        "program.yaml; `deckbuilder events --edition NAME` edits it."))
    leave_out: LeaveOut = Field(default_factory=LeaveOut)
    add_slides: list[dict[str, Any]] = Field(default_factory=list, description=(
        "Slides only this edition shows, each a slide as in deck.yaml with `after:` the "
        "kind or title of the slide it follows."))
    logos: list[Picture] = Field(default_factory=list, description=(
        "Logos on this edition's title slide, left to right: path and alt (a description "
        "for screen readers), between the clients and the title."))


def default_name(root: Path, deck: Any, smap: SourceMap | None = None
                 ) -> tuple[str | None, list[Diagnostic]]:
    """The edition commands use without --edition: deck.yaml's ``default_edition``, or
    the only one; None for a project without editions (``deck``: deck.yaml's data)."""
    known = names(root)
    named = deck.get("default_edition") if isinstance(deck, dict) else None
    if not known or not isinstance(deck, dict):  # deck.yaml unreadable: said at its line
        return None, []
    where = smap.locate(("default_edition",)) if smap else Location("content/deck.yaml", 1, 1)
    if named is None and len(known) == 1:
        return known[0], []
    if named is None:
        return None, [error(where, f"the project has {len(known)} editions and names none "
                            "as its default", "add default_edition: with one of: "
                            + ", ".join(known))]
    if named not in known:
        return None, [error(where, f"default_edition names '{named}', which is not an "
                            f"edition (content/{FOLDER}/{named}.yaml)",
                            "one of: " + ", ".join(known))]
    return str(named), []


class Applying:
    """One edition in use: its file, validated, and the changes it lays over each file."""

    def __init__(self, root: Path, name: str, reader: Reader) -> None:
        self.root, self.name, self.rel = root, name, file_of(name)
        self.problems: list[Diagnostic] = []
        self.flagged: set[str] = set()  # left-out trends still on the radar: said here
        self.data: dict[str, Any] = {}
        self.smap = SourceMap(self.rel)
        self.edition = Edition.model_validate({})
        try:
            data, self.smap = reader(f"{FOLDER}/{name}.yaml")
            self.data = data if data is not None else {}
            self.edition = Edition.model_validate(self.data)
        except ContentError as exc:
            self.problems += exc.diagnostics
        except ValidationError as exc:
            self.problems += diagnostics_from(exc.errors(), Edition, self.data, self.smap)
            self._keep_sound(exc)
        self.program = self._own_program()

    def _keep_sound(self, exc: ValidationError) -> None:
        """Leaves out the parts with problems (said already) and uses the rest, so that
        one run finds every problem the edition's other parts lead to."""
        if not isinstance(self.data, dict):  # a list or a line of text: nothing to use
            self.data = {}
            return
        faulty = {err["loc"][0] for err in exc.errors() if err["loc"]}
        sound = {k: v for k, v in self.data.items() if k not in faulty}
        try:
            self.edition = Edition.model_validate(sound)
            self.data = sound
        except ValidationError:
            self.data = {}

    def at(self, *path: str | int) -> Location:
        return self.smap.locate(tuple(path))

    def file_for(self, name: str) -> str:
        """The file under content/ read for the shared file ``name``."""
        if name == "program.yaml" and self.program:
            return self.program
        return name

    def overlay(self, name: str, data: Any, smap: SourceMap) -> Any:
        """``data`` of the shared file ``name`` with this edition's changes (``smap``
        updated to match)."""
        if not isinstance(data, dict):
            return data  # the file's own problem, reported as without an edition
        sections = {"deck.yaml": "deck", "theme.yaml": "theme",
                    "future-circle.yaml": "future_circle"}
        section = sections.get(name)
        if section and isinstance(self.data.get(section), dict):
            data = overlay.merge(data, smap, self.data[section], self.smap, (), (section,))
        if name == "deck.yaml":
            edit_slides(self, data, smap)
        elif name in ("trends.yaml", "scenarios.yaml", "radar.yaml"):
            leave_out(self, name, data, smap)
        return data

    def finish(self, found: list[Diagnostic]) -> list[Diagnostic]:
        """The loader's problems with the edition's own (a left-out trend the radar still
        shows is said once, at the edition's line: radar_check is told of it)."""
        return found + self.problems

    def _own_program(self) -> str | None:
        """The edition's own program file, when it names one that is there."""
        own = self.edition.program
        if own is None:
            return None
        if not NAME.match(own) or not own.endswith(".yaml") or own == "program.yaml":
            self.problems.append(error(self.at("program"), f"'{own}' is not a program file's "
                                       "name", "name a file in content/, e.g. "
                                       f"program-{self.name}.yaml"))
            return None
        if not (self.root / "content" / own).is_file():
            self.problems.append(error(self.at("program"), f"the program file 'content/{own}' "
                                       "is missing", "create it (copy content/program.yaml), "
                                       "or leave program: out to use the shared program"))
            return None
        return own


_ACTIVE: ContextVar[Applying | None] = ContextVar("edition", default=None)
_CHOSEN: ContextVar[str | None] = ContextVar("chosen_edition", default=None)


@contextmanager
def chosen(name: str | None) -> Iterator[None]:
    """Within the block, the content is loaded as edition ``name`` (None: the default)."""
    token = _CHOSEN.set(name)
    try:
        yield
    finally:
        _CHOSEN.reset(token)


def current_name() -> str | None:
    """The edition chosen for the commands within (``chosen``); None: the default."""
    return _CHOSEN.get()


def current() -> Applying | None:
    """The edition being loaded, if any."""
    return _ACTIVE.get()


@contextmanager
def applying(root: Path, reader: Reader) -> Iterator[list[Diagnostic]]:
    """Within the block the loader lays the chosen (or default) edition over the shared
    files; yields the problems found in choosing it (deck.yaml's default_edition)."""
    active = _ACTIVE.get()
    if active is not None and active.root == root:
        yield []
        return
    name = _CHOSEN.get()
    problems: list[Diagnostic] = name_problems(root)
    if name is not None and name not in names(root):
        raise unknown_edition(root, name)
    if name is None:
        try:
            deck, smap = reader("deck.yaml")
        except ContentError:
            deck, smap = None, None  # reported when deck.yaml is loaded
        name, chosen = default_name(root, deck, smap)
        problems += chosen
    token = _ACTIVE.set(Applying(root, name, reader) if name is not None else None)
    try:
        yield problems
    finally:
        _ACTIVE.reset(token)


def _plain_read(root: Path, rel: str) -> Any:
    """A project file's data, or None when it is missing or not sound (said elsewhere)."""
    from .sourcemap import decode, parse

    try:
        return parse(decode((root / rel).read_bytes(), rel), rel)[0]
    except (OSError, ContentError):
        return None


def default_problems(root: Path) -> list[Diagnostic]:
    """What is wrong with deck.yaml's choice of the default edition, at its line: a build
    without --edition stops there, so check says it too."""
    from .sourcemap import decode, parse

    rel = "content/deck.yaml"
    try:
        deck, smap = parse(decode((root / rel).read_bytes(), rel), rel)
    except (OSError, ContentError):
        return []  # said where deck.yaml is loaded
    return default_name(root, deck, smap)[1]


def default_of(root: Path) -> str | None:
    """The edition commands use without --edition (None: none, or none sound)."""
    return default_name(root, _plain_read(root, "content/deck.yaml"))[0]


def own_program(root: Path, name: str) -> str | None:
    """The program file edition ``name`` names as its own, if any."""
    data = _plain_read(root, file_of(name))
    program = data.get("program") if isinstance(data, dict) else None
    return program if isinstance(program, str) else None


def program_file(root: Path) -> str:
    """The program file, from the project's root, of the edition chosen (or the default
    one): its own, or the shared content/program.yaml. An unknown edition is a usage
    error that lists the known ones."""
    name = _CHOSEN.get()
    if name is not None and name not in names(root):
        raise unknown_edition(root, name)
    name = name or default_of(root)
    return _program_of(root, name) if name is not None else "content/program.yaml"


def _program_of(root: Path, name: str) -> str:
    """Edition ``name``'s program file: its own where it exists, else the shared one."""
    own = own_program(root, name)
    return f"content/{own}" if own and (root / "content" / own).is_file() \
        else "content/program.yaml"


def file_in_use(root: Path) -> list[Path]:
    """The file of the edition chosen (or the default one), for ``pull`` to find texts in:
    none for a project without editions."""
    name = _CHOSEN.get() or default_of(root)
    return [root / file_of(name)] if name is not None and name in names(root) else []


def editions_reading(root: Path, rel: str) -> list[str]:
    """The editions whose build reads ``rel`` (a file from the project's root): an edition
    file its own edition, a program file the editions whose program it is, any other
    shared file every edition. None for a project without editions."""
    found = names(root)
    if rel.startswith(f"content/{FOLDER}/"):
        return [name for name in found if file_of(name) == rel]
    programs = {name: _program_of(root, name) for name in found}
    if rel in programs.values() or rel == "content/program.yaml":
        return [name for name in found if programs[name] == rel]
    return found
