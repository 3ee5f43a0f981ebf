"""Runs the stages (load, layout, render) and writes outputs atomically."""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ..atomic import temporary_for, write_all
from ..content import dates, editions
from ..content.assets import CheckedPictures
from ..content.font_licence import check_fonts
from ..content.glyphs import check_glyphs
from ..content.load import collect_project, sort_diagnostics
from ..content.model import Loaded
from ..content.names import never_hyphenated
from ..content.program import past_warnings
from ..edits import changelog, guard, output_state
from ..errors import ContentError, Diagnostic, Location, UsageError, error
from ..layout.dossier_plan import DossierPlan
from ..layout.furniture import Furnished
from ..layout.plan import DeckPlan
from ..layout.slides import plan_deck
from ..layout.text import Typesetter
from ..render.images import ImageStore, deck_copies, low_resolution
from ..text.hyphenate import Hyphenator
from ..text.measure import Measurer
from ..theme import portable
from . import clock, reuse, uptodate
from .aside import Aside, start_for
from .aside_jobs import AsideWriter, CalendarWriter, PdfWriter
from .handout_jobs import handout_writers
from .locks import refuse_open_outputs

T = TypeVar("T")


@dataclass(frozen=True)
class Report:
    """What a build wrote and what it noticed on the way."""

    outputs: tuple[tuple[Path, str], ...]  # each file and what it holds ("33 slides")
    slides: int
    warnings: tuple[Diagnostic, ...]
    replaced: tuple[tuple[Path, Path], ...] = ()  # edited outputs and where they were kept


def build_timestamp() -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now, in UTC (clock.py)."""
    try:
        return clock.build_timestamp()
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def write_all_atomically(writers: dict[Path, Callable[[Path], str]],
                         aside: Aside | None = None,
                         handed: dict[Path, Path] | None = None,
                         then: Callable[[dict[Path, str]], None] | None = None
                         ) -> dict[Path, str]:
    """Renders every output to a temporary file, then moves them all into place (all or
    none, see atomic.write_all). With ``aside``, the PDFs are rendered there meanwhile;
    ``handed``: outputs already handed to it (``hand_over``) and their temporary files.

    Returns what each writer said about its file (its page or slide count).
    """
    handed = handed or {}
    there = set(handed) | {t for t, w in writers.items()
                           if aside is not None and isinstance(w, AsideWriter)}
    return write_all(writers, aside, there, handed, then)


def hand_over(jobs: dict[Path, AsideWriter], aside: Aside) -> dict[Path, Path]:
    """Starts ``jobs`` in the second process before the deck is laid out, each writing
    its temporary file; returns them for write_all_atomically (or to be removed)."""
    temps = {target: temporary_for(target) for target in jobs}
    aside.submit({target: (job, temps[target]) for target, job in jobs.items()})
    return temps


def _prepare_out(out: Path) -> None:
    """The output folder, ready to write into, checked before anything is rendered; the
    OSError otherwise, for the command's one message about it (cli/refusals.py); a file in
    the folder's way is a problem with the command (--out)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (NotADirectoryError, FileExistsError) as exc:
        raise UsageError(f"cannot create the output folder '{out}': {exc.strerror}") from None
    if not os.access(out, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(out))


CACHE = uptodate.CACHE  # prepared pictures and hyphenation, inside the output folder

DEFAULT_FORMATS = ("pptx", "pdf", "ics")


@dataclass(frozen=True)
class Prepared:
    """Everything a build knows before it writes: validated content, fonts and layouts."""

    loaded: Loaded
    measurer: Measurer
    typesetter: Typesetter
    plan: DeckPlan
    today: dt.date
    stamp: dt.datetime
    warnings: tuple[Diagnostic, ...]
    template: Path | None = None
    pictures: CheckedPictures | None = None  # checked anew: kept by _save_learned
    dossier: DossierPlan | None = None  # laid out when asked for (``prepare(dossier=True)``)


Progress = Callable[[str], None]


def _quiet(stage: str) -> None:
    """The default progress report: none."""


#: Called with the content, typesetter, day, time stamp and the dossier's plan (None when
#: not asked for) once they proved sound, before the deck is laid out (build: hands the
#: dossier to the second process).
Ahead = Callable[[Loaded, Typesetter, dt.date, dt.datetime, DossierPlan | None], None]


def prepare(root: Path, progress: Progress = _quiet, *, dossier: bool = False,
            cache: Path | None = None, ahead: Ahead | None = None) -> Prepared:
    """Loads, checks glyphs, lays out the dossier (with ``dossier``) and the deck and checks
    the template: one validation pass that raises ContentError with every problem found,
    the dossier's (text it cannot make readable, words too wide) among the deck's.
    ``cache`` is where the German word splits of earlier builds are kept (hyphenate.py):
    with them a rebuild does not parse pyphen's patterns (0.5 s) for the deck's long words.
    """
    progress("checking the content")
    dates.remember(cache)
    checked = CheckedPictures(cache)
    loaded, found = collect_project(root, checked)
    errors = [d for d in found if d.severity == "error"]
    if loaded is None:
        raise ContentError(sort_diagnostics(errors))
    try:
        measurer = reuse.measurer(loaded.theme, root, never_hyphenated(loaded.project), cache)
    except FileNotFoundError as exc:
        raise ContentError([error(Location("content/theme.yaml"), f"the font file '{exc}' "
                                  "was not found", "put it in assets/fonts/")]) from None
    check_fonts(loaded.theme, measurer, root)
    errors += check_glyphs(loaded.project, measurer)
    stamp = build_timestamp()
    today = stamp.date()
    typesetter = Typesetter(loaded.theme, measurer)
    booklet = None
    if dossier:
        from ..layout.dossier import plan_dossier

        progress("laying out the dossier")
        booklet = _collecting(errors, plan_dossier, loaded, typesetter, today)
    if ahead is not None and not errors:
        ahead(loaded, typesetter, today, stamp, booklet)
    progress("laying out the slides")
    template = _check_template(root, loaded, errors)
    plan = _collecting(errors, plan_deck, loaded, typesetter, today,
                       _furniture(template, loaded) if template is not None else None)
    if errors or plan is None:
        raise ContentError(sort_diagnostics(errors))
    warnings = (*loaded.warnings, *past_warnings(loaded.project.program, today), *plan.warnings,
                *low_resolution(plan, loaded.images))
    return Prepared(loaded, measurer, typesetter, plan, today, stamp, warnings, template,
                    checked, booklet)


def _collecting(errors: list[Diagnostic], stage: Callable[..., T], *args: object) -> T | None:
    """The stage's result, or None with its problems added to ``errors``."""
    try:
        return stage(*args)
    except ContentError as exc:
        errors.extend(exc.diagnostics)
        return None
    except Exception:
        # Content with errors is laid out with stand-ins (salvage.py); should that still
        # trip the layout, the errors already found are what the editor needs to see.
        if errors:
            return None
        raise


def _furniture(template: Path, loaded: Loaded) -> Furnished | None:
    """What the template's layouts draw themselves, by slide kind (a sound template)."""
    from ..render.pptx.template import template_furniture

    assert loaded.theme.template is not None
    try:
        return template_furniture(template, loaded.theme.template.layout,
                                  loaded.theme.template.layouts)
    except KeyError:  # a layout named in theme.yaml that the template lacks: reported
        return None  # when the deck is written, as before


def _check_template(root: Path, loaded: Loaded, errors: list[Diagnostic]) -> Path | None:
    """The corporate template's path, if the theme names one and it is sound; its problems
    go to ``errors``."""
    if loaded.theme.template is None:
        return None
    from ..content.sourcemap import locate_in
    from ..render.pptx.template import check_template

    slide = loaded.theme.slide
    where = locate_in(root, "content/theme.yaml", ("template", "file"))
    template, problems = check_template(root, loaded.theme.template.file,
                                        loaded.theme.template.layout, slide.width,
                                        slide.height, where)
    errors.extend(problems)
    return None if problems else template


def check(root: Path) -> Report:
    """Everything a build checks (content, pictures, glyphs, dates, text fit in deck and
    dossier, template), without writing anything."""
    ready = prepare(root, dossier=True)
    return Report((), len(ready.plan.slides), ready.warnings)


def build(root: Path, out: Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
          progress: Progress = _quiet, discard_edits: bool = False,
          early: Aside | None = None, *, edition: str | None = None,
          cache: Path | None = None) -> Report:
    """``edition``: None for the one chosen around the call (content/editions.chosen),
    else the default one (or none); ``cache``: default out/.cache."""
    with editions.chosen(edition if edition is not None else editions.current_name()):
        return _build(root, out, formats, progress, discard_edits, early, cache or out / CACHE)


def _build(root: Path, out: Path, formats: tuple[str, ...], progress: Progress,
           discard_edits: bool, early: Aside | None, cache: Path) -> Report:
    """Loads, lays out and renders the project; raises ContentError or UsageError.

    Every output is rendered to a temporary file first; nothing is replaced until all
    requested outputs rendered, so a failure leaves the previous set of results whole.
    The second process for the PDFs starts first: its start overlaps loading and layout
    (``early``: one the caller started before importing this module, as incremental.py
    does). An output edited since the last build stops it (see guard.py) unless
    ``discard_edits``.
    """
    aside = early if early is not None else start_for(formats)
    jobs: dict[Path, AsideWriter] = {}
    handed: dict[Path, Path] = {}
    created = not out.exists()

    def ahead(loaded: Loaded, typesetter: Typesetter, today: dt.date,
              stamp: dt.datetime, dossier: DossierPlan | None) -> None:
        """The dossier and calendar start in the second process while the deck is laid
        out here (not with the slides PDF: that one needs the deck's layout)."""
        if aside is not None and "slides-pdf" not in formats:
            try:
                found = _early_jobs(loaded, typesetter, today, stamp, root, out, formats,
                                    dossier, cache)
                _prepare_out(out)
            except (ContentError, UsageError):
                return  # reported after the deck's own problems, as without this hand-over
            jobs.update(found)
            handed.update(hand_over(jobs, aside))

    try:
        inputs = uptodate.fingerprint(root, formats, editions.current_name())  # what it reads
        ready = prepare(root, progress, dossier="pdf" in formats, cache=cache, ahead=ahead)
        _prepare_out(out)
        writers = _writers(ready, root, out, formats, progress, jobs, cache)
        _save_learned(ready)
        refuse_open_outputs(list(writers))
        replaced = guard.check(root, out, writers, discard_edits)  # before anything is written
        outputs = list(writers)
        content, log = _change_log(out, ready)
        if log is not None:  # written with the outputs: a failed build adds no entry
            writers[log.path] = log.write
        progress(f"writing {', '.join(p.suffix[1:].upper() for p in writers)}")
        try:
            def record(said: dict[Path, str]) -> None:
                output_state.record_outputs(out, outputs, content)
                uptodate.record(inputs, out, list(said.items()), list(ready.warnings))

            said = write_all_atomically(writers, aside, handed, record)
        except OSError as exc:  # the command's one message for it: cli/refusals.py
            if exc.filename is None:
                exc.filename = str(out)
            raise
    finally:
        if aside is not None:
            aside.close()
        _clean_up(handed, out if created else None)
    return Report(tuple(said.items()), len(ready.plan.slides), ready.warnings, tuple(replaced))


def _change_log(out: Path, ready: Prepared) -> tuple[changelog.Summary, changelog.Update | None]:
    """The content summary and the change log's entry for this build; then the dates
    learned are kept, the change log's own among them."""
    deck = ready.loaded.project.deck
    found = changelog.for_build(out, deck.name, deck.title, ready.loaded.project.program,
                                ready.plan, ready.today)
    dates.save()
    return found


def _clean_up(handed: dict[Path, Path], created: Path | None) -> None:
    """At the end of every build: the temporary files of the work handed over (gone
    already when it succeeded), and the output folder when this build created it and a
    failure left it empty."""
    for tmp in handed.values():
        tmp.unlink(missing_ok=True)
    if created is not None and created.is_dir() and not any(created.iterdir()):
        created.rmdir()


def _save_learned(ready: Prepared) -> None:
    """Keeps the word splits the deck's and dossier's layout learned, and the font files
    and pictures read anew, for the next build (the dates: build, after the change log)."""
    if isinstance(ready.measurer.splits, Hyphenator):
        ready.measurer.splits.save()
    ready.measurer.save_fonts()
    if ready.pictures is not None:
        ready.pictures.save()


def _early_jobs(loaded: Loaded, typesetter: Typesetter, today: dt.date, stamp: dt.datetime,
                root: Path, out: Path, formats: tuple[str, ...],
                dossier: DossierPlan | None, cache: Path) -> dict[Path, AsideWriter]:
    """The dossier's and the calendar's writers, which need no deck layout (``dossier``:
    its plan as prepare() made it; laid out here when it is not)."""
    from ..layout.calendar import plan_calendar
    from ..layout.dossier import plan_dossier

    name, deck = loaded.project.deck.name, loaded.project.deck
    jobs: dict[Path, AsideWriter] = {}
    if "pdf" in formats:
        pictures = loaded.theme.pictures
        store = ImageStore(root, cache / "pictures", pictures.ppi, pictures.jpeg_quality)
        jobs[out / f"{name}.pdf"] = PdfWriter(dossier or plan_dossier(loaded, typesetter, today),
                                              portable(loaded.theme), root, store, stamp, cache)
    if "ics" in formats:
        jobs[out / f"{name}.ics"] = CalendarWriter(
            plan_calendar(loaded.project.program, deck.title, deck.language), stamp)
    return jobs


def _writers(ready: Prepared, root: Path, out: Path, formats: tuple[str, ...],
             progress: Progress, early: dict[Path, AsideWriter] | None = None,
             cache: Path | None = None) -> dict[Path, Callable[[Path], str]]:
    """Each requested output and the function that writes it (``early``: those already
    made by _early_jobs). The deck and calendar writers import their libraries when they
    run, the PDF writers may run elsewhere."""
    loaded, plan, stamp = ready.loaded, ready.plan, ready.stamp
    name = loaded.project.deck.name
    pictures = loaded.theme.pictures
    cache = cache or out / CACHE
    store = ImageStore(root, cache / "pictures", pictures.ppi, pictures.jpeg_quality)
    writers: dict[Path, Callable[[Path], str]] = {}
    if "pptx" in formats:
        store.prepare_ahead(deck_copies(plan, store))  # on other cores while the build goes on

        def write_deck(path: Path) -> str:
            from ..render.pptx import deck

            return deck.render(plan, loaded.theme, path, images=store, timestamp=stamp,
                               template=ready.template, cache=cache)

        writers[out / f"{name}.pptx"] = write_deck
    if not early and "pdf" in formats and ready.dossier is None:
        progress("laying out the dossier")
    rest = early or _early_jobs(loaded, ready.typesetter, ready.today, stamp, root, out,
                                formats, ready.dossier, cache)
    writers.update((t, w) for t, w in rest.items() if t.suffix == ".pdf")
    if "slides-pdf" in formats:
        writers[out / f"{name}-slides.pdf"] = PdfWriter(plan, portable(loaded.theme), root,
                                                         store, stamp, cache)
    writers.update(handout_writers(loaded, plan, (stamp, ready.today), root, out, formats,
                                   store, plain=tuple(formats) == DEFAULT_FORMATS))
    writers.update((t, w) for t, w in rest.items() if t.suffix != ".pdf")
    return writers

