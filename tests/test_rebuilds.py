"""Rebuilds that skip unchanged work, the progress line, and the two-process render."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from deckbuilder.cli.progress import DELAY, TICK, Progress

from .conftest import BUILD_EPOCH, MakeProject, replace_in, run_cli

Edit = Callable[[str, str, str], Path]


def test_nothing_changed_means_nothing_rebuilt(project: Path, edit: Edit) -> None:
    first = run_cli("build", project)
    assert first.returncode == 0
    deck = project / "output" / "szenarien-ihk-ruhr.pptx"
    stamp = deck.stat().st_mtime_ns
    (project / "content" / "deck.yaml").touch()  # a save without a change
    again = run_cli("build", cwd=project)
    assert again.returncode == 0
    assert again.stdout.splitlines() == [
        "up to date: output/szenarien-ihk-ruhr.pptx (33 slides)",
        "up to date: output/szenarien-ihk-ruhr.pdf (15 pages)",
        "up to date: output/szenarien-ihk-ruhr.ics (9 events)"]
    assert deck.stat().st_mtime_ns == stamp
    edit("program.yaml", "2026-11-12", "2026-11-19")
    assert run_cli("build", project).stdout.startswith("wrote ")
    (project / "output" / "szenarien-ihk-ruhr.pdf").unlink()
    assert run_cli("build", project).stdout.startswith("wrote ")
    assert run_cli("build", project, "--force").stdout.startswith("wrote ")
    assert run_cli("build", project, epoch="1790000000").stdout.startswith("wrote ")


def test_warnings_are_repeated_when_up_to_date(project: Path) -> None:
    late = "1790000000"
    first = run_cli("build", project, epoch=late)
    again = run_cli("build", project, epoch=late)
    assert again.stdout.startswith("up to date")
    assert again.stderr == first.stderr and "warning:" in again.stderr


def _build_on_a_terminal(project: Path) -> bytes:
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "deckbuilder", "build", str(project)],
                            stderr=slave, stdout=subprocess.DEVNULL,
                            env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH})
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait()
    os.close(master)
    assert proc.returncode == 0
    return seen


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _progress_shown(seconds: float, stream: io.StringIO) -> str:
    """What the progress line wrote during a build that took ``seconds`` by its clock
    (the thread's ticks still pass: it is given time to write)."""
    now = [0.0]
    with Progress(stream, clock=lambda: now[0]) as progress:
        progress("laying out the slides")
        now[0] = seconds
        until = time.monotonic() + 5
        while time.monotonic() < until and "building" not in stream.getvalue():
            if not stream.isatty() or seconds < DELAY:
                time.sleep(3 * TICK)  # ticks that find nothing to show
                break
            time.sleep(TICK / 4)
    return stream.getvalue()


def test_progress_shows_on_a_terminal_after_a_second_and_clears_its_line() -> None:
    shown = _progress_shown(1.5, _Terminal())
    assert "\r\x1b[2Kbuilding: laying out the slides … 1.5 s" in shown
    assert shown.endswith("\r\x1b[2K")  # the results then print on a clean line


def test_progress_is_silent_for_quick_builds_and_off_a_terminal() -> None:
    assert _progress_shown(0.5, _Terminal()) == ""
    assert _progress_shown(1.5, io.StringIO()) == ""


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_build_on_a_terminal_leaves_no_progress_behind(project: Path) -> None:
    """Whether the line shows depends on how long the build takes on this machine; when it
    did, it was cleared. Piped, nothing of it appears."""
    shown = _build_on_a_terminal(project)
    if b"building: " in shown:
        assert shown.endswith(b"\r\x1b[2K")
    piped = run_cli("build", project, "--force")
    assert "building" not in piped.stderr


@pytest.mark.slow  # README's test command stays under two minutes
def test_the_second_process_gives_the_same_bytes(project: Path, tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    outs = []
    for serial in ("", "1"):
        out = tmp_path / f"out{serial or 'parallel'}"
        subprocess.run([sys.executable, "-m", "deckbuilder", "build", str(project), "--out",
                        str(out)], check=True, env={**env, "DECKBUILDER_SERIAL": serial},
                       capture_output=True)
        outs.append(out)
    for name in ("szenarien-ihk-ruhr.pptx", "szenarien-ihk-ruhr.pdf", "szenarien-ihk-ruhr.ics"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes()


def _outputs(out: Path) -> dict[str, bytes]:
    """The results; not the record of what was written (it holds times) nor the change
    log, which tells the history of a folder and so differs from a fresh build's."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()
            and p.name != ".deckbuilder-state.json" and not p.name.endswith("-changes.md")}


@pytest.mark.slow  # README's test command stays under two minutes
def test_caches_change_the_time_not_the_bytes(project: Path, edit: Edit, tmp_path: Path
                                              ) -> None:
    """Rebuilds reuse prepared pictures, hyphenation and the contents' page numbers; what
    they write must be what a build with no cache at all writes, even from a wrong guess."""
    warm = tmp_path / "warm"
    assert run_cli("build", project, "--out", warm).returncode == 0
    cold = _outputs(warm)
    assert run_cli("build", project, "--out", warm, "--force").returncode == 0
    assert _outputs(warm) == cold
    guess = warm / ".cache" / "dossier-contents.json"
    entries = json.loads(guess.read_text("utf-8"))
    guess.write_text(json.dumps([[lv, t, page + 1, k] for lv, t, page, k in entries]), "utf-8")
    assert run_cli("build", project, "--out", warm, "--force").returncode == 0
    assert _outputs(warm) == cold
    assert json.loads(guess.read_text("utf-8")) == entries  # corrected by the build
    edit("program.yaml", "2026-11-12", "2026-11-19")
    assert run_cli("build", project, "--out", warm).returncode == 0
    assert run_cli("build", project, "--out", tmp_path / "fresh").returncode == 0
    assert _outputs(warm) == _outputs(tmp_path / "fresh")


def test_a_confirmed_guess_lays_the_dossier_out_once(project: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.platypus import BaseDocTemplate

    from deckbuilder.build.stages import build

    passes: list[int] = []
    original = BaseDocTemplate.build

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        passes.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(BaseDocTemplate, "build", counted)
    monkeypatch.setenv("DECKBUILDER_SERIAL", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    build(project, tmp_path / "out", ("pdf",))
    assert len(passes) == 2  # no guess: learn the page numbers, then print them
    passes.clear()
    build(project, tmp_path / "out", ("pdf",))
    assert len(passes) == 1


def test_only_changed_slides_are_written_again(project: Path, edit: Edit, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A date change re-renders the program slide only; the rest comes from the cache."""
    from deckbuilder.build.stages import build
    from deckbuilder.render.pptx import deck as render_pptx

    rendered: list[str] = []
    original = render_pptx._Writer.slide

    def counted(self, prs, plan):  # type: ignore[no-untyped-def]
        rendered.append(plan.kind)
        return original(self, prs, plan)

    monkeypatch.setattr(render_pptx._Writer, "slide", counted)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    out = tmp_path / "out"
    assert build(project, out, ("pptx",)).slides == 33
    assert len(rendered) == 33
    rendered.clear()
    build(project, out, ("pptx",))
    assert rendered == []
    edit("program.yaml", "2026-11-12", "2026-11-19")
    build(project, out, ("pptx",))
    assert rendered == ["program"]
    (out / ".cache" / "deck-slides.json").write_text("{broken", "utf-8")
    rendered.clear()
    build(project, out, ("pptx",))
    assert len(rendered) == 33


def test_a_replaced_picture_reaches_a_reused_slide(project: Path, tmp_path: Path) -> None:
    from PIL import Image

    warm = tmp_path / "warm"
    assert run_cli("build", project, "--out", warm, "--format", "pptx").returncode == 0
    picture = project / "assets" / "pictures" / "trends" / "ai-leadership.jpg"
    assert picture.is_file()
    before = _outputs(warm)
    Image.new("RGB", (800, 600), (200, 30, 90)).save(picture)  # same name, new picture
    assert run_cli("build", project, "--out", warm, "--format", "pptx").returncode == 0
    fresh = tmp_path / "fresh"
    assert run_cli("build", project, "--out", fresh, "--format", "pptx").returncode == 0
    assert _outputs(warm) == _outputs(fresh)
    assert _outputs(warm) != before


def test_a_tampered_slide_cache_is_not_trusted(project: Path, tmp_path: Path) -> None:
    """Broken XML, a picture path the plan does not name, an odd relationship id: each such
    slide is rendered again, and the deck is what a build without cache writes."""
    out = tmp_path / "out"
    assert run_cli("build", project, "--out", out, "--format", "pptx").returncode == 0
    clean = _outputs(out)
    cache = out / ".cache" / "deck-slides.json"
    slides = json.loads(cache.read_text("utf-8"))
    with_picture = [k for k, v in slides.items() if any(r[0] == "image" for r in v["rels"])]
    assert len(with_picture) >= 3
    first, second, third = with_picture[:3]
    slides[first]["xml"] = "<p:sld broken"
    for rel in slides[second]["rels"]:
        if rel[0] == "image":
            rel[1][0] = "content/deck.yaml"
    slides[third]["rels"][0][2] = "rId1 or more"
    cache.write_text(json.dumps(slides), "utf-8")
    result = run_cli("build", project, "--out", out, "--format", "pptx", "--force")
    assert result.returncode == 0, result.stderr
    assert _outputs(out) == clean


def test_slides_from_the_cache_keep_a_templates_layout(project: Path, edit: Edit,
                                                       tmp_path: Path) -> None:
    from pptx import Presentation

    from .test_authoring import _template

    _template(project / "assets" / "firma.pptx")
    edit("theme.yaml", "\nfit:\n", "\ntemplate:\n  file: assets/firma.pptx\n\nfit:\n")
    warm = tmp_path / "warm"
    for _ in range(2):  # the second build takes every slide from the cache
        assert run_cli("build", project, "--out", warm, "--format", "pptx", "--force"
                       ).returncode == 0
    assert run_cli("build", project, "--out", tmp_path / "fresh", "--format", "pptx"
                   ).returncode == 0
    assert _outputs(warm) == _outputs(tmp_path / "fresh")
    deck = Presentation(str(warm / "szenarien-ihk-ruhr.pptx"))
    assert {s.slide_layout.name for s in deck.slides} == {"Title Only"}


@pytest.mark.slow  # README's test command stays under two minutes
def test_the_build_records_its_state_wherever_it_runs(project: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A build run from a script leaves the state a command-line build would: the next
    `deckbuilder build` finds the results up to date, with the build's warnings."""
    from deckbuilder.build.stages import build

    late = "1790000000"  # events in the past: warnings to repeat
    monkeypatch.setenv("SOURCE_DATE_EPOCH", late)
    report = build(project, project / "output")
    assert report.warnings
    again = run_cli("build", project, epoch=late)
    assert again.stdout.startswith("up to date")
    assert again.stderr.count("warning:") == len(report.warnings)


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_file_edited_while_the_build_runs_is_built_next_time(
        make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> None:
    """The state records the inputs as the build read them: an edit saved while it laid
    out is no "up to date" afterwards, but built by the next run."""
    from deckbuilder.build.stages import build

    project = make_project()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    deck_yaml = project / "content" / "deck.yaml"

    def save_meanwhile(stage: str) -> None:
        if stage == "laying out the slides":
            deck_yaml.write_text(deck_yaml.read_text("utf-8") + "# saved meanwhile\n", "utf-8")

    build(project, project / "output", progress=save_meanwhile)
    assert run_cli("build", project).stdout.startswith("wrote ")
    assert run_cli("build", project).stdout.startswith("up to date")


def test_the_deck_is_read_back_only_when_its_slides_changed(
        make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-slide summary the guard compares with comes from reading the written deck;
    a deck with the slides of the last one is not read again (even at another build time,
    which changes its bytes), one with a changed slide is."""
    from deckbuilder.build.stages import build
    from deckbuilder.edits import deck_summary, output_state

    project = make_project()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    monkeypatch.setenv("DECKBUILDER_SERIAL", "1")
    reads: list[Path] = []
    real = deck_summary.read_deck
    monkeypatch.setattr(deck_summary, "read_deck", lambda p: reads.append(p) or real(p))
    out = project / "output"

    def slides() -> object:
        return output_state.load(out)["outputs"]["my-deck.pptx"]["slides"]

    build(project, out, ("pptx",))
    first = slides()
    build(project, out, ("pptx",))
    assert len(reads) == 1 and slides() == first
    deck = out / "my-deck.pptx"
    before = deck.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(BUILD_EPOCH) + 3600))  # an hour later
    build(project, out, ("pptx",))
    assert deck.read_bytes() != before  # its time stamps
    assert len(reads) == 1 and slides() == first
    replace_in(project, "deck.yaml", "MEIN DECK", "DEIN DECK")
    build(project, out, ("pptx",))
    assert len(reads) == 2 and slides() != first
