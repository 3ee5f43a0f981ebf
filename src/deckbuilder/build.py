"""Runs the stages (load, layout, render) and writes outputs atomically."""

from __future__ import annotations

import datetime as dt
import glob
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import changelog, guard, output_state
from .errors import ContentError, Diagnostic, Location, UsageError, error
from .glyphs import check_glyphs
from .images import ImageStore
from .layout.plan import DeckPlan
from .layout.slides import plan_deck
from .layout.text import Typesetter
from .load import load_project
from .measure import Measurer
from .model import Loaded
from .program import past_warnings


@dataclass(frozen=True)
class Report:
    """What a build wrote and what it noticed on the way."""

    outputs: tuple[tuple[Path, str], ...]  # each file and what it holds ("33 slides")
    slides: int
    warnings: tuple[Diagnostic, ...]
    replaced: tuple[tuple[Path, Path], ...] = ()  # edited outputs and where they were kept


def build_timestamp() -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds") from None
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def write_all_atomically(writers: dict[Path, Callable[[Path], str]]) -> dict[Path, str]:
    """Renders every output to a temporary file, then moves them all into place.

    Returns what each writer said about its file (its page or slide count).
    """
    temps: dict[Path, Path] = {}
    said: dict[Path, str] = {}
    try:
        for target in writers:
            _remove_stale_temporaries(target)
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.",
                                            suffix=".tmp", dir=target.parent)
            os.close(fd)
            temps[target] = Path(tmp_name)
        aside = _run_aside(writers, temps)
        for target, write in writers.items():
            if aside is None or target not in aside.targets:
                said[target] = write(temps[target])
        if aside is not None:
            said.update(aside.result())
        for target, tmp in temps.items():
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        return {target: said[target] for target in writers}
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)


class _Aside:
    """Outputs rendered one after another in a forked process, so the two cores work at
    once; their libraries are imported there, not in the process that writes the deck."""

    def __init__(self, writers: dict[Path, Callable[[Path], str]], temps: dict[Path, Path]
                 ) -> None:
        import multiprocessing

        self.targets = tuple(writers)
        context = multiprocessing.get_context("fork")
        self.receive, send = context.Pipe(duplex=False)

        def child() -> None:
            _die_with_parent()
            try:
                send.send(("ok", {target: write(temps[target])
                                  for target, write in writers.items()}))
            except BaseException as exc:  # reported by the parent, which owns the exit code
                send.send(("error", exc))

        self.process = context.Process(target=child, daemon=True)
        self.process.start()
        send.close()

    def result(self) -> dict[Path, str]:
        try:
            status, value = self.receive.recv()
        except EOFError:
            status, value = "error", RuntimeError("the PDF renderer stopped without a result")
        self.process.join()
        if status == "error":
            raise value
        return dict(value)


def _die_with_parent() -> None:
    """A killed build must not leave its PDF process writing on (Linux: PR_SET_PDEATHSIG)."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: the child finishes its file, which the next build clears
    if os.getppid() == 1:  # the parent died before the line above took effect
        os._exit(1)


def _run_aside(writers: dict[Path, Callable[[Path], str]], temps: dict[Path, Path]
               ) -> _Aside | None:
    """Starts the PDFs (the dossier is the slowest output) in a second process when there
    is something else to write here and more than one core; None when everything runs
    here. The calendar stays with the deck: that balances the two processes best."""
    if len(writers) < 2 or (os.cpu_count() or 1) < 2 or os.environ.get("DECKBUILDER_SERIAL"):
        return None
    aside = {t: w for t, w in writers.items() if t.suffix == ".pdf"}
    if not aside or len(aside) == len(writers):
        return None
    return _Aside(aside, {t: temps[t] for t in aside})


def _remove_stale_temporaries(target: Path) -> None:
    """Temporary files left by a build that was killed; those of a running build stay."""
    for tmp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        pid = tmp.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            tmp.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _prepare_out(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the output folder '{out}': {exc.strerror}") from None
    if not os.access(out, os.W_OK):
        raise UsageError(f"cannot write to the output folder '{out}': check its permissions")


#: Prepared pictures and hyphenation are kept here, inside the output folder, between builds.
CACHE = ".cache"

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


Progress = Callable[[str], None]


def _quiet(stage: str) -> None:
    """The default progress report: none."""


def prepare(root: Path, progress: Progress = _quiet) -> Prepared:
    """Loads, checks glyphs and lays out the deck; raises ContentError with every problem."""
    progress("checking the content")
    loaded = load_project(root)
    try:
        measurer = Measurer(loaded.theme, root)
    except FileNotFoundError as exc:
        raise ContentError([error(Location("content/theme.yaml"), f"the font file '{exc}' "
                                  "was not found", "put it in assets/fonts/")]) from None
    glyph_problems = check_glyphs(loaded.project, measurer)
    if glyph_problems:
        raise ContentError(glyph_problems)
    stamp = build_timestamp()
    today = stamp.date()
    typesetter = Typesetter(loaded.theme, measurer)
    progress("laying out the slides")
    plan = plan_deck(loaded, typesetter, today)
    template = None
    if loaded.theme.template is not None:
        from .template import check_template

        slide = loaded.theme.slide
        where = Location("content/theme.yaml")
        template, problems = check_template(root, loaded.theme.template.file,
                                            loaded.theme.template.layout, slide.width,
                                            slide.height, where)
        if problems:
            raise ContentError(problems)
    warnings = (*loaded.warnings, *past_warnings(loaded.project.program, today), *plan.warnings)
    return Prepared(loaded, measurer, typesetter, plan, today, stamp, warnings, template)


def check(root: Path) -> Report:
    """Everything a build checks (content, pictures, glyphs, dates, text fit in deck and
    dossier), without writing anything."""
    from .layout.dossier import plan_dossier

    ready = prepare(root)
    plan_dossier(ready.loaded, ready.typesetter, ready.today)
    return Report((), len(ready.plan.slides), ready.warnings)


def build(root: Path, out: Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
          progress: Progress = _quiet, discard_edits: bool = False) -> Report:
    """Loads, lays out and renders the project; raises ContentError or UsageError.

    Every output is rendered to a temporary file first; nothing is replaced until all
    requested outputs rendered, so a failure leaves the previous set of results whole.
    An output edited since the last build stops it (see guard.py) unless ``discard_edits``.
    """
    ready = prepare(root, progress)
    loaded, plan, stamp, today = ready.loaded, ready.plan, ready.stamp, ready.today
    _prepare_out(out)
    name = loaded.project.deck.name
    fonts = {key: ready.measurer.font_name(key) for key in loaded.theme.faces}
    pictures = loaded.theme.pictures
    store = ImageStore(root, out / CACHE / "pictures", pictures.ppi, pictures.jpeg_quality)
    writers: dict[Path, Callable[[Path], str]] = {}
    # Each writer imports its libraries when it runs: the PDFs are written in a second
    # process (see _run_aside), which then imports reportlab while this one imports
    # python-pptx and icalendar.
    if "pptx" in formats:
        def write_deck(path: Path) -> str:
            from . import render_pptx

            return render_pptx.render(plan, loaded.theme, path, images=store,
                                      timestamp=stamp, template=ready.template,
                                      cache=out / CACHE)

        writers[out / f"{name}.pptx"] = write_deck
    if "pdf" in formats:
        from .layout.dossier import plan_dossier

        progress("laying out the dossier")
        dossier = plan_dossier(loaded, ready.typesetter, today)

        def write_dossier(path: Path) -> str:
            from . import render_pdf

            return render_pdf.render(dossier, loaded.theme, path, images=store, fonts=fonts,
                                     timestamp=stamp, cache=out / CACHE)

        writers[out / f"{name}.pdf"] = write_dossier
    if "slides-pdf" in formats:
        def write_slides(path: Path) -> str:
            from .render_slides_pdf import render as render_slides

            return render_slides(plan, loaded.theme, path, images=store, fonts=fonts,
                                 timestamp=stamp)

        writers[out / f"{name}-slides.pdf"] = write_slides
    if "ics" in formats:
        def write_calendar(path: Path) -> str:
            from .program import calendar_plan  # imports icalendar: kept in the writer
            from .render_ics import render as render_ics

            calendar = calendar_plan(loaded.project.program, loaded.project.deck.title,
                                     loaded.project.deck.language)
            return render_ics(calendar, path, timestamp=stamp)

        writers[out / f"{name}.ics"] = write_calendar
    replaced = guard.check(root, out, writers, discard_edits)  # before anything is written
    outputs = list(writers)
    content, log = changelog.for_build(out, name, loaded.project.deck.title,
                                       loaded.project.program, plan, today)
    if log is not None:  # written with the outputs: a failed build adds no entry
        writers[log.path] = log.write
    progress(f"writing {', '.join(p.suffix[1:].upper() for p in writers)}")
    try:
        said = write_all_atomically(writers)
        output_state.record_outputs(out, outputs, content)
    except OSError as exc:
        raise UsageError(f"cannot write into '{out}': {exc.strerror}") from None
    return Report(tuple(said.items()), len(plan.slides), ready.warnings, tuple(replaced))
