"""The editor's tools: check, schema, preview, watch, new, templates, and every --help."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml
from PIL import Image
from pptx import Presentation

from deckbuilder.content.schema import schema_line, schemas

from .conftest import BUILD_EPOCH, ROOT, MakeProject, line_of, replace_in, run_cli

Edit = Callable[[str, str, str], Path]
CONTENT = ["deck.yaml", "trends.yaml", "scenarios.yaml", "future-circle.yaml", "program.yaml",
           "radar.yaml", "theme.yaml"]


def test_check_validates_without_writing(make_project: MakeProject) -> None:
    project = make_project()
    result = run_cli("check", project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no errors (13 slides, 0 warnings)"
    assert not (project / "output").exists()
    replace_in(project, "trends.yaml", "      - Ein dritter Einflussfaktor\n",
               "      - www.personalisierungsgradpersonalisierungsgradpersonalisierung.de\n")
    replace_in(project, "program.yaml", "2026-03-04", "2026-02-30")
    bad = run_cli("check", project)
    assert bad.returncode == 1
    # One pass: the date (load) and the word (layout) are both reported, in file order.
    lines = bad.stderr.splitlines()
    assert [line.split(": error: ")[0] for line in lines[:-1]] == [
        "content/program.yaml:8:13", "content/trends.yaml:12:5"]
    assert lines[1].endswith("(slide 6) (shorten it or add a hyphen or space)")
    assert lines[-1] == "2 errors; nothing was written."
    assert not (project / "output").exists()


def test_committed_schemas_are_current_and_named_by_each_file() -> None:
    for name, schema in schemas().items():
        committed = json.loads((ROOT / "schema" / name).read_text("utf-8"))
        assert committed == schema, f"run 'deckbuilder schema' ({name} is stale)"
    for name in CONTENT:  # the editor's modeline, among the file's opening comment lines
        lines = (ROOT / "content" / name).read_text("utf-8").splitlines()
        opening = [line for line in lines[:next(i for i, x in enumerate(lines)
                                                   if not x.startswith("#"))]]
        assert schema_line(name) in opening, f"content/{name} does not name its schema"


def _as_editor_sees(value):  # type: ignore[no-untyped-def]
    """YAML as a YAML 1.2 editor reads it: dates stay text."""
    if isinstance(value, dict):
        return {k: _as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("name", CONTENT)
def test_content_validates_against_its_schema(name: str) -> None:
    schema = schemas()[name.replace(".yaml", ".schema.json")]
    data = _as_editor_sees(yaml.safe_load((ROOT / "content" / name).read_text("utf-8")))
    jsonschema.validate(data, schema)
    broken = dict(data, unknown_key=1)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


@pytest.mark.slow  # README's test command stays under two minutes
def test_preview_writes_pages_and_contact_sheets(project: Path) -> None:
    result = run_cli("preview", project)
    assert result.returncode == 0, result.stderr
    preview = project / "output" / "preview"
    assert len(list((preview / "slides").glob("*.png"))) == 33
    assert len(list((preview / "dossier").glob("*.png"))) == 15
    with Image.open(preview / "slides.png") as sheet:
        assert sheet.width > 1000 and sheet.height > 500
        colours = sheet.convert("RGB").getcolors(maxcolors=1_000_000) or []
        assert len(colours) > 100  # pictures, not a blank sheet


def _wait_for(proc: subprocess.Popen[str], needle: str, lines: list[str],
              seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = proc.stdout.readline() if proc.stdout else ""
        if line:
            lines.append(line)
            if needle in line:
                return
        elif proc.poll() is not None:
            break
    raise AssertionError(f"never saw {needle!r}: {lines}")


@pytest.mark.slow  # README's test command stays under two minutes
def test_watch_rebuilds_and_survives_bad_content(project: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "deckbuilder", "watch", str(project)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env)
    lines: list[str] = []
    try:
        _wait_for(proc, "waiting for changes", lines)
        time.sleep(1.5)  # the watcher starts right after the message is printed
        program = project / "content" / "program.yaml"
        text = program.read_text("utf-8")
        program.write_text(text.replace("2026-11-12", "2026-11-19"), "utf-8")
        _wait_for(proc, "waiting for changes", lines)
        time.sleep(1.5)
        program.write_text(text.replace("2026-11-12", "2026-11-31"), "utf-8")
        _wait_for(proc, "not built; waiting for changes", lines)
        assert any("'2026-11-31' is not a date (November 2026 has 30 days)" in x for x in lines)
        assert proc.poll() is None  # still watching
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl+C
        rest, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0 and rest.rstrip().endswith("stopped"), rest
    assert "Traceback" not in "".join(lines) + rest


@pytest.mark.slow  # a second or two each, at several moments
@pytest.mark.parametrize("command", ["watch", "build", "build --all-editions"])
@pytest.mark.parametrize("after", [0, 0.3, 0.6, 1.0])
def test_ctrl_c_in_a_terminal_at_any_moment_ends_cleanly(
        project: Path, command: str, after: float) -> None:
    """A terminal's Ctrl+C reaches the whole process group, the PDF process too: it broke
    that process's pipe ("Broken pipe ... check the disk", or "a bug in deckbuilder"), and
    while the libraries were loading it printed a traceback. ``after``: seconds after the
    command started its PDF process, its first act (Python's own start comes before)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    proc = subprocess.Popen([sys.executable, "-m", "deckbuilder", *command.split(),
                             str(project)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, start_new_session=True)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 30
    while proc.poll() is None and time.monotonic() < deadline and \
            not children.read_text().strip():
        time.sleep(0.005)
    time.sleep(after)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    said = err.rstrip().splitlines()[-1:]
    assert (proc.returncode, said) in [(0, ["stopped"]), (130, [
        "interrupted; earlier results are unchanged"])] + ([(0, [])] if command == "build"
                                                           else []) \
        or (proc.returncode == 130 and said[0].startswith("interrupted; the edition")), err
    for wrong in ("Traceback", "bug", "Broken pipe", "could not be read", "error:"):
        assert wrong not in err, err


def test_new_project_builds_and_shows_every_slide_kind(tmp_path: Path) -> None:
    target = tmp_path / "deck"
    result = run_cli("new", target)
    assert result.returncode == 0, result.stderr
    assert run_cli("new", target).returncode == 2  # never overwrites
    built = run_cli("build", target)
    assert built.returncode == 0, built.stderr
    from deckbuilder.content.load import load_project
    from deckbuilder.layout.slides import PLANNERS, plan_deck
    from deckbuilder.layout.text import Typesetter
    from deckbuilder.text.measure import Measurer

    loaded = load_project(target)
    plan = plan_deck(loaded, Typesetter(loaded.theme, Measurer(loaded.theme, target)))
    kinds = {s.kind for s in plan.slides}
    assert kinds == {"title", "method", "radar", "section", "trend", "scenario-divider",
                     "scenario-text", "offerings", "program", "cta", "legal"}
    assert len({type(s) for s in loaded.project.deck.slides}) == len(PLANNERS)


def test_new_project_made_in_december_plans_the_next_year(tmp_path: Path) -> None:
    december = str(int(dt.datetime(2026, 12, 1, tzinfo=dt.UTC).timestamp()))
    target = tmp_path / "deck"
    assert run_cli("new", target, epoch=december).returncode == 0
    program = yaml.safe_load((target / "content" / "program.yaml").read_text("utf-8"))
    assert program["year"] == 2027
    assert program["events"]["entries"][0]["date"] == dt.date(2027, 3, 4)
    checked = run_cli("check", target, epoch=december)
    # Nothing greyed out as past, no picture too small: a new project starts clean.
    assert checked.stdout.strip() == "no errors (13 slides, 0 warnings)", checked.stderr


def _template(path: Path, width: int = 12192000) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = width, 6858000
    for layout in prs.slide_layouts:
        if layout.name == "Blank":
            layout._element.cSld.set("name", "Leer (Firma)")
    prs.save(str(path))
    return path


def test_corporate_template_masters_are_used(project: Path, edit: Edit) -> None:
    _template(project / "assets" / "firma.pptx")
    edit("theme.yaml", "\nfit:\n", "\ntemplate:\n  file: assets/firma.pptx\n\nfit:\n")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(project / "output" / "szenarien-ihk-ruhr.pptx"))
    # No layout is named for a kind: every slide goes on the title-only layout, its title
    # in the template's title placeholder.
    assert {s.slide_layout.name for s in prs.slides} == {"Title Only"}
    assert len(prs.slides) == 33
    assert all(s.shapes.title is not None and s.shapes.title.text_frame.text
               for s in prs.slides)
    listing = run_cli("template", "check", project / "assets" / "firma.pptx").stdout
    assert "- layout 'Leer (Firma)': date 'Date Placeholder 1'" in listing
    assert "- trend -> layout 'Title Only' (title, footer, slide number)" in listing
    assert "11 layouts" in listing


@pytest.mark.parametrize(("setting", "message"), [
    ("  file: assets/none.pptx\n", "the template 'assets/none.pptx' does not exist"),
    ("  file: assets/firma.pptx\n  layout: Fancy\n", "the template has no layout 'Fancy'"),
    ("  file: assets/pictures/title.jpg\n", "is not a PowerPoint file"),
])
def test_template_problems_are_located(project: Path, edit: Edit, setting: str,
                                       message: str) -> None:
    _template(project / "assets" / "firma.pptx")
    edit("theme.yaml", "\nfit:\n", f"\ntemplate:\n{setting}\nfit:\n")
    result = run_cli("build", project, cwd=project)  # places are shown from the cwd
    assert result.returncode == 1
    line = line_of(project, "theme.yaml", "  file: ")  # the message points at the file named
    assert result.stderr.startswith(f"content/theme.yaml:{line}:9: error: ")
    assert message in result.stderr


COMMANDS = [["build"], ["check"], ["schema"], ["new"], ["preview"], ["watch"], ["events"],
            ["events", "list"], ["events", "move"], ["events", "add"], ["events", "remove"],
            ["template"], ["template", "check"], []]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) or "top" for c in COMMANDS])
def test_every_help_has_an_example(command: list[str]) -> None:
    result = run_cli(*command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout and "deckbuilder " in result.stdout.split("Example")[1]


def test_version_and_module_entry_point() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("deckbuilder, version 0.")
