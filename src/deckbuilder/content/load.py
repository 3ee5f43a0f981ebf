"""Reads content/*.yaml into the validated model, reporting every problem at once."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from ..errors import ContentError, Diagnostic, Location, UsageError, error
from ..theme import Theme, ThemeCore, are_defaults
from . import editions, sourcemap
from .assets import AssetProblem, CheckedPictures, resolve_inside
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
from .radar_check import check_radar, radar_for_layout
from .salvage import salvage

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

#: Content texts to read instead of the files (by file name): pull validates its new texts
#: as a build would before it writes them. A context variable rather than a parameter
#: threaded through every loader function.
_PROPOSED: ContextVar[Mapping[str, str] | None] = ContextVar("proposed", default=None)


@contextmanager
def proposed_texts(texts: Mapping[str, str]) -> Iterator[None]:
    """Within the block, the loaders read ``texts`` ({'trends.yaml': text}) instead of
    those content files."""
    token = _PROPOSED.set(texts)
    try:
        yield
    finally:
        _PROPOSED.reset(token)


def _read(root: Path, name: str) -> tuple[Any, sourcemap.SourceMap]:
    """The shared file ``name``, with the edition in use laid over it (editions.py)."""
    edition = editions.current()
    if edition is None:
        return _read_file(root, name)
    data, smap = _read_file(root, edition.file_for(name))
    return edition.overlay(name, data, smap), smap


def _read_file(root: Path, name: str, empty: bool = False) -> tuple[Any, sourcemap.SourceMap]:
    rel = f"content/{name}"
    proposed = _PROPOSED.get() or {}
    if name in proposed:
        return sourcemap.parse(proposed[name], rel)
    path = root / "content" / name
    if not path.is_file():
        raise ContentError([error(Location(rel), "the file is missing",
                                  "create it; README.md describes each content file")])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ContentError([error(Location(rel), "the file is larger than 2 MB",
                                  "a content file holds text, not data")])
    text = sourcemap.decode(path.read_bytes(), rel)
    data, smap = sourcemap.parse(text, rel)
    if data is None and not empty:
        raise ContentError([error(Location(rel, 1, 1), "the file is empty",
                                  "fill it in; README.md describes each content file")])
    return data, smap


def _set_source(obj: Located, loc: Location, fields: dict[str, Location]) -> None:
    """Fills in where ``obj`` and its fields were written (``Located.loc``, ``where``),
    which only the loader knows. They are pydantic private attributes, set here through
    pydantic's documented store of private values, ``__pydantic_private__``."""
    private = obj.__pydantic_private__
    assert private is not None  # Located declares private attributes
    private["_loc"] = loc
    private["_field_locs"] = fields


def _attach(obj: Any, path: sourcemap.Path, smap: sourcemap.SourceMap) -> None:
    """Gives every model object its source location, walking model and data paths together."""
    if isinstance(obj, Located):
        fields: dict[str, Location] = {}
        for name, field in type(obj).model_fields.items():
            key = (*path, field.alias or name)
            if key in smap.values:
                fields[name] = smap.values[key]
            value = getattr(obj, name)
            for index in range(len(value) if isinstance(value, list) else 0):
                if (*key, index) in smap.values:
                    fields[f"{name}[{index}]"] = smap.values[(*key, index)]
        _set_source(obj, smap.locate(path), fields)
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            _attach(getattr(obj, name), (*path, name), smap)
    elif isinstance(obj, list | tuple):
        for i, item in enumerate(obj):
            _attach(item, (*path, i), smap)


def _validate(model: type[M], data: Any, smap: sourcemap.SourceMap) -> M:
    try:
        quick = _quick_theme(data) if model is Theme else None
        result = model.model_validate(data) if quick is None else cast(M, quick)
    except ValidationError as exc:
        raise ContentError(diagnostics_from(exc.errors(), model, data, smap)) from None
    _attach(result, (), smap)
    return result


def _quick_theme(data: Any) -> Theme | None:
    """theme.yaml whose ``sizes:`` are left out or all defaults, validated as a ThemeCore
    and given the default sizes: a build need not build Sizes' 150 validators (0.2 s) to
    check their defaults. None for other sizes or any problem: then the whole Theme
    validates, and its messages and "did you mean" are the same either way."""
    if not isinstance(data, dict) or ("sizes" in data and not are_defaults(data["sizes"])):
        return None
    try:
        core = ThemeCore.model_validate({k: v for k, v in data.items() if k != "sizes"})
    except ValidationError:
        return None
    given = core.model_fields_set | ({"sizes"} & data.keys())
    return Theme.model_construct(given, **dict(core))


def _load_file(root: Path, name: str, model: type[M], sink: list[Diagnostic]) -> M | None:
    return _load_part(root, name, model, sink)[0]


def _load_part(root: Path, name: str, model: type[M], sink: list[Diagnostic]
               ) -> tuple[M | None, M | None]:
    """The file's model (None when it has errors, which go to ``sink``) and a stand-in for
    layout: the model itself, or the file with its faulty values replaced (salvage.py)."""
    try:
        data, smap = _read(root, name)
    except ContentError as exc:
        sink.extend(exc.diagnostics)
        return None, None
    try:
        valid = _validate(model, data, smap)
        return valid, valid
    except ContentError as exc:
        sink.extend(exc.diagnostics)
    stand_in = salvage(model, data)
    if stand_in is not None:
        _attach(stand_in, (), smap)
    return None, stand_in


def load_theme(root: Path) -> Theme:
    """The project's theme; raises ContentError with located problems."""
    found: list[Diagnostic] = []
    with editions.applying(root, partial(_read_file, root, empty=True)):
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
        pictures += [logo for s in parts["deck"].slides for logo in getattr(s, "logos", [])]
    if parts["scenarios"] is not None:
        pictures += [s.picture for s in parts["scenarios"].scenarios if s.picture]
    return pictures


def _check_pictures(root: Path, parts: dict[str, Any], sink: list[Diagnostic],
                    checked: CheckedPictures) -> dict[str, ImageInfo]:
    images: dict[str, ImageInfo] = {}
    for picture in _pictures(parts):
        if picture.path in images:
            continue
        try:
            target = resolve_inside(root, picture.path)
            images[picture.path] = checked.inspect(target, picture.path)
        except AssetProblem as exc:
            sink.append(error(picture.loc, str(exc)))
    return images


def _check_colors(parts: dict[str, Any], theme: Theme, sink: list[Diagnostic]) -> None:
    named: list[tuple[str, Location]] = []
    if parts["trends"] is not None:
        named += [(t.color, t.where("color")) for t in parts["trends"].trends]
    if parts["scenarios"] is not None:
        named += [(s.color, s.where("color")) for s in parts["scenarios"].scenarios]
    if parts["deck"] is not None:
        named += [(s.color, s.where("color")) for s in parts["deck"].slides
                  if isinstance(s, SectionSlide | CtaSlide)]
    for color, loc in named:
        if color not in theme.colors:
            sink.append(error(loc, f"unknown colour '{color}'",
                              "use one of: " + ", ".join(sorted(theme.colors))))


def sort_diagnostics(found: list[Diagnostic]) -> list[Diagnostic]:
    """In file order: by file, line and column; each problem once."""
    unique = {str(d): d for d in found}
    return sorted(unique.values(),
                  key=lambda d: (d.location.file, d.location.line, d.location.column))


def collect_project(root: Path, checked: CheckedPictures | None = None
                    ) -> tuple[Loaded | None, list[Diagnostic]]:
    """Every problem the content files, pictures and cross-checks show (errors and warnings),
    and the project to lay out: valid, or with stand-ins for what is wrong (so layout can
    find its own problems in the same run). None when not even stand-ins can be made.
    ``checked``: the pictures a build checked before (assets.CheckedPictures)."""
    if not (root / "content").is_dir():
        raise UsageError(f"the folder '{root.resolve()}' has no content/ folder: run "
                         "deckbuilder in a deck project, or name the project folder")
    with editions.applying(root, partial(_read_file, root, empty=True)) as choosing:
        loaded, found = _collect(root, checked)
        edition = editions.current()
        if edition is not None:
            found = edition.finish(found)
            loaded = replace(loaded, edition=edition.name) if loaded is not None else None
    return loaded, found + choosing


def _collect(root: Path, checked: CheckedPictures | None
             ) -> tuple[Loaded | None, list[Diagnostic]]:
    found: list[Diagnostic] = []
    deck, deck_stand_in = _load_part(root, CONTENT_FILES["deck"][0], Deck, found)
    loaded: dict[str, tuple[Any, Any]] = {"deck": (deck, deck_stand_in)}
    left_out: set[str] = set()  # optional files that are absent and that no slide uses
    for key, (name, model) in CONTENT_FILES.items():
        if key == "deck":
            continue
        if key in OPTIONAL and deck_stand_in is not None and not (root / "content" / name).exists():
            loaded[key] = (None, None)
            users = [s for s in deck_stand_in.slides if s.kind in OPTIONAL[key]]
            if not users:
                left_out.add(key)  # no slide needs it: leaving it out is fine
                continue
            found.append(error(Location(f"content/{name}"), "the file is missing",
                               f"the '{users[0].kind}' slide (content/deck.yaml line "
                               f"{users[0].loc.line}) shows it: create the file, or "
                               "remove that slide"))
            continue
        loaded[key] = _load_part(root, name, model, found)
    parts = {key: valid for key, (valid, _) in loaded.items()}
    theme = _load_file(root, THEME_FILE, Theme, found)
    if theme is not None:
        _check_colors(parts, theme, found)
    images = _check_pictures(root, parts, found, checked or CheckedPictures(None))
    found += _cross_checks(parts)
    stand_ins = {key: stand_in for key, (_, stand_in) in loaded.items()}
    if isinstance(stand_ins["radar"], RadarFile):
        stand_ins["radar"] = radar_for_layout(stand_ins["radar"])
    if theme is None or any(part is None for key, part in stand_ins.items()
                            if key not in left_out):
        return None, found
    notes = tuple(d for d in found if d.severity != "error")
    return Loaded(root, Project.model_validate(stand_ins), theme, images, notes), found


def _cross_checks(parts: dict[str, Any]) -> list[Diagnostic]:
    """Dates of the program, names on the radar: only on files without errors of their own."""
    found: list[Diagnostic] = []
    program = parts["program"]
    if isinstance(program, ProgramFile):
        found += check_program(program)
    circle = parts.get("future_circle")
    if isinstance(circle, FutureCircleFile) and circle.link and not circle.button:
        found.append(error(circle.where("link"), "a link without a button: the link is "
                           "where the button leads", "add button: with its text, or remove "
                           "link:"))
    radar = parts["radar"]
    if isinstance(radar, RadarFile):
        trends = parts["trends"]
        titles = [t.title for t in trends.trends] if isinstance(trends, TrendsFile) else None
        edition = editions.current()  # a trend it leaves out but shows: said at its line
        found += check_radar(radar, titles, edition.flagged if edition is not None else ())
    return found


def load_project(root: Path) -> Loaded:
    """Validated content and theme of the project at ``root``, or ContentError with all problems."""
    loaded, found = collect_project(root)
    errors = [d for d in found if d.severity == "error"]
    if errors or loaded is None:
        raise ContentError(sort_diagnostics(errors))
    return loaded


def parse_program_text(text: str, rel: str | None = None) -> ProgramFile:
    """The program file's text as the model; ContentError when it is not valid (``rel``:
    the file, an edition's own program or the shared one)."""
    data, smap = sourcemap.parse(text, rel or f"content/{CONTENT_FILES['program'][0]}")
    return _validate(ProgramFile, data, smap)


def validate_program_text(text: str, rel: str | None = None) -> list[Diagnostic]:
    """Every problem the program file's new text would cause, before it is written."""
    try:
        program = parse_program_text(text, rel)
    except ContentError as exc:
        return exc.diagnostics
    return check_program(program)
