"""Reads content/*.yaml into the validated model, reporting every problem at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import sourcemap
from .assets import AssetProblem, inspect_image, resolve_inside
from .errors import ContentError, Diagnostic, Location, UsageError, error
from .messages import diagnostics_from
from .model import (
    CtaSlide,
    Deck,
    FutureCircleFile,
    ImageInfo,
    Loaded,
    Located,
    Picture,
    ProgramFile,
    Project,
    RadarFile,
    ScenariosFile,
    SectionSlide,
    TrendsFile,
)
from .program import check_program
from .radar_check import check_radar
from .theme import Theme

M = TypeVar("M", bound=BaseModel)

CONTENT_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "deck": ("deck.yaml", Deck),
    "trends": ("trends.yaml", TrendsFile),
    "scenarios": ("scenarios.yaml", ScenariosFile),
    "future_circle": ("future-circle.yaml", FutureCircleFile),
    "program": ("program.yaml", ProgramFile),
    "radar": ("radar.yaml", RadarFile),
}
THEME_FILE = "theme.yaml"

#: Content files a deck may leave out when no slide uses them (the slide kinds that do).
#: The dossier then leaves their sections out too.
OPTIONAL: dict[str, tuple[str, ...]] = {
    "scenarios": ("scenarios",),
    "future_circle": ("offerings",),
    "radar": ("radar",),
}

#: Content files larger than this are refused before parsing (a slide deck is never this big).
MAX_FILE_BYTES = 2_000_000


def _read(root: Path, name: str) -> tuple[Any, sourcemap.SourceMap]:
    rel = f"content/{name}"
    path = root / "content" / name
    if not path.is_file():
        raise ContentError([error(Location(rel), "the file is missing",
                                  "create it; README.md describes each content file")])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ContentError([error(Location(rel), "the file is larger than 2 MB",
                                  "a content file holds text, not data")])
    text = sourcemap.decode(path.read_bytes(), rel)
    data, smap = sourcemap.parse(text, rel)
    if data is None:
        raise ContentError([error(Location(rel, 1, 1), "the file is empty",
                                  "fill it in; README.md describes each content file")])
    return data, smap


def _attach(obj: Any, path: sourcemap.Path, smap: sourcemap.SourceMap) -> None:
    """Gives every model object its source location, walking model and data paths together."""
    if isinstance(obj, Located):
        obj._loc = smap.locate(path)
        obj._field_locs = {}
        for name, field in type(obj).model_fields.items():
            key = (*path, field.alias or name)
            if key in smap.values:
                obj._field_locs[name] = smap.values[key]
            value = getattr(obj, name)
            for index in range(len(value) if isinstance(value, list) else 0):
                if (*key, index) in smap.values:
                    obj._field_locs[f"{name}[{index}]"] = smap.values[(*key, index)]
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            _attach(getattr(obj, name), (*path, name), smap)
    elif isinstance(obj, list | tuple):
        for i, item in enumerate(obj):
            _attach(item, (*path, i), smap)


def _validate(model: type[M], data: Any, smap: sourcemap.SourceMap) -> M:
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        raise ContentError(diagnostics_from(exc.errors(), model, data, smap)) from None
    _attach(result, (), smap)
    return result


def _load_file(root: Path, name: str, model: type[M], sink: list[Diagnostic]) -> M | None:
    try:
        data, smap = _read(root, name)
        return _validate(model, data, smap)
    except ContentError as exc:
        sink.extend(exc.diagnostics)
        return None


def load_theme(root: Path) -> Theme:
    """The project's theme; raises ContentError with located problems."""
    found: list[Diagnostic] = []
    theme = _load_file(root, THEME_FILE, Theme, found)
    if theme is None:
        raise ContentError(found)
    return theme


def _pictures(parts: dict[str, Any]) -> list[Picture]:
    pictures: list[Picture] = []
    if parts["trends"] is not None:
        pictures += [t.picture for t in parts["trends"].trends]
    if parts["deck"] is not None:
        pictures += [s.picture for s in parts["deck"].slides if getattr(s, "picture", None)]
    if parts["scenarios"] is not None:
        pictures += [s.picture for s in parts["scenarios"].scenarios if s.picture]
    return pictures


def _check_pictures(root: Path, parts: dict[str, Any], sink: list[Diagnostic]
                    ) -> dict[str, ImageInfo]:
    images: dict[str, ImageInfo] = {}
    for picture in _pictures(parts):
        if picture.path in images:
            continue
        try:
            target = resolve_inside(root, picture.path)
            images[picture.path] = inspect_image(target, picture.path)
        except AssetProblem as exc:
            sink.append(error(picture.loc, str(exc)))
    return images


def _check_colors(parts: dict[str, Any], theme: Theme, sink: list[Diagnostic]) -> None:
    named: list[tuple[str, Location]] = []
    if parts["trends"] is not None:
        named += [(t.color, t.loc) for t in parts["trends"].trends]
    if parts["scenarios"] is not None:
        named += [(s.color, s.loc) for s in parts["scenarios"].scenarios]
    if parts["deck"] is not None:
        named += [(s.color, s.loc) for s in parts["deck"].slides
                  if isinstance(s, SectionSlide | CtaSlide)]
    for color, loc in named:
        if color not in theme.colors:
            sink.append(error(loc, f"unknown colour '{color}'",
                              "use one of: " + ", ".join(sorted(theme.colors))))


def load_project(root: Path) -> Loaded:
    """Validated content and theme of the project at ``root``, or ContentError with all problems."""
    if not (root / "content").is_dir():
        raise UsageError(f"the folder '{root.resolve()}' has no content/ folder: run "
                         "deckbuilder in a deck project, or name the project folder")
    found: list[Diagnostic] = []
    deck = _load_file(root, CONTENT_FILES["deck"][0], Deck, found)
    parts: dict[str, Any] = {"deck": deck}
    for key, (name, model) in CONTENT_FILES.items():
        if key == "deck":
            continue
        users = [s for s in (deck.slides if deck else []) if s.kind in OPTIONAL.get(key, ())]
        if key in OPTIONAL and deck is not None and not (root / "content" / name).exists():
            parts[key] = None  # no slide needs it: leaving it out is fine
            if users:
                found.append(error(Location(f"content/{name}"), "the file is missing",
                                   f"the '{users[0].kind}' slide (content/deck.yaml line "
                                   f"{users[0].loc.line}) shows it: create the file, or "
                                   "remove that slide"))
            continue
        parts[key] = _load_file(root, name, model, found)
    theme = _load_file(root, THEME_FILE, Theme, found)
    if theme is not None:
        _check_colors(parts, theme, found)
    images = _check_pictures(root, parts, found)
    program = parts["program"]
    if isinstance(program, ProgramFile):
        found += check_program(program)
    radar = parts["radar"]
    if isinstance(radar, RadarFile):
        trends = parts["trends"]
        titles = [t.title for t in trends.trends] if isinstance(trends, TrendsFile) else None
        found += check_radar(radar, titles)
    errors = [d for d in found if d.severity == "error"]
    if errors or theme is None:
        raise ContentError(sorted(errors, key=lambda d: (d.location.file, d.location.line)))
    notes = tuple(d for d in found if d.severity != "error")
    return Loaded(root, Project.model_validate(parts), theme, images, notes)


def validate_program_text(text: str) -> list[Diagnostic]:
    """Every problem the program file's new text would cause, before it is written."""
    name = CONTENT_FILES["program"][0]
    try:
        data, smap = sourcemap.parse(text, f"content/{name}")
        program = _validate(ProgramFile, data, smap)
    except ContentError as exc:
        return exc.diagnostics
    return check_program(program)
