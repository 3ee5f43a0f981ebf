"""``deckbuilder history`` and ``undo``: every change a command made to content/ can be taken
back, byte for byte, one after the other; a file changed by hand since is not overwritten
unless asked."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from pptx import Presentation

from deckbuilder.cli import main as cli
from deckbuilder.edits import history
from deckbuilder.edits.output_state import STATE

from .conftest import BUILD_EPOCH, MakeProject, built_once, run_cli, write_project


def _run(capsys: pytest.CaptureFixture[str] | None, *args: str | Path) -> tuple[int, str, str]:
    """The command in this process (as main() runs it): exit status, stdout, stderr."""
    with pytest.raises(SystemExit) as exited:
        cli.main([str(a) for a in args])
    out, err = capsys.readouterr() if capsys is not None else ("", "")
    return int(exited.value.code or 0), out, err


def _content(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "content").iterdir())
            if p.is_file()}


@pytest.fixture(autouse=True)
def _build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)


def test_undo_takes_back_a_move_and_history_says_it_in_the_change_logs_words(
        make_project: MakeProject, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project()
    before = _content(project)
    code, out, err = _run(capsys, "events", "move", "Workshop Essen", "2026-11-19", project)
    assert code == 0, err
    code, out, _ = _run(capsys, "history", project)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith(f'  events move "Workshop Essen" 2026-11-19 {project}')
    assert dt.datetime.strptime(lines[0][:16], "%d.%m.%Y %H:%M")
    assert lines[1:3] == [f"  {project / 'content' / 'program.yaml'}",
                          "  04.03.2026 → 19.11.2026: Workshop (Essen) verschoben"]
    assert lines[3].startswith("1 change kept (the last 50 stay), ")
    assert " KB in " in lines[3]

    code, out, err = _run(capsys, "undo", project)
    assert code == 0, err
    assert out.startswith(f'took back: events move "Workshop Essen" 2026-11-19 {project} (')
    assert "  04.03.2026 → 19.11.2026: Workshop (Essen) verschoben\n" in out
    assert _content(project) == before
    code, out, err = _run(capsys, "undo", project)
    assert (code, out) == (1, "")
    assert err.startswith("error: nothing to undo: ")


def test_a_file_changed_by_hand_since_is_named_and_kept_with_force(
        make_project: MakeProject, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project()
    original = _content(project)
    assert _run(capsys, "events", "add", "2026-12-03", "Messe", project)[0] == 0
    program = project / "content" / "program.yaml"
    by_hand = program.read_bytes().replace(b"title: Sprechstunde", b"title: Sprechzeit")
    program.write_bytes(by_hand)

    code, out, err = _run(capsys, "undo", project)
    assert code == 1 and out == ""
    assert "-      title: Sprechstunde\n+      title: Sprechzeit\n" in err
    assert f"{program}: error: changed by hand since 'events add 2026-12-03 Messe " \
           f"{project}' (" in err
    assert "run 'deckbuilder undo " in err and "--force': it keeps this version" in err
    assert program.read_bytes() == by_hand

    code, out, err = _run(capsys, "undo", project, "--force")
    assert code == 0, err
    assert _content(project) == original
    (kept_line,) = [line for line in out.splitlines() if line.startswith("kept the hand")]
    kept = Path(kept_line.split(" as ", 1)[1])
    assert kept.read_bytes() == by_hand
    code, out, _ = _run(capsys, "history", project)
    assert f"(kept as {kept})" in out
    assert "von Hand geänderte Fassung, beim Zurücknehmen aufbewahrt" in out
    assert _run(capsys, "undo", project)[0] == 1  # the kept version is listed, not undone


def test_the_last_fifty_changes_stay(tmp_path: Path) -> None:
    target = tmp_path / "content" / "notes.yaml"
    target.parent.mkdir()
    target.write_bytes(b"0")
    for i in range(1, history.KEEP + 3):
        history.write_content(tmp_path, {target: str(i).encode()}, f"change {i}")
    kept = history.changes(tmp_path)
    assert len(kept) == history.KEEP
    assert [c.command for c in kept[:2]] == [f"change {history.KEEP + 2}",
                                             f"change {history.KEEP + 1}"]
    assert kept[-1].command == "change 3"
    assert history.room(tmp_path) > 0
    history.undo(tmp_path)
    assert target.read_bytes() == str(history.KEEP + 1).encode()


def test_a_change_that_never_reached_its_files_is_no_hand_edit(tmp_path: Path) -> None:
    """A crash between keeping the change and writing: undo puts back what is there."""
    target = tmp_path / "content" / "program.yaml"
    target.parent.mkdir()
    target.write_bytes(b"before")
    history._record(tmp_path, {target: (b"before", b"after")}, "events move", ["x"])
    done = history.undo(tmp_path)
    assert done.hand_made is None and target.read_bytes() == b"before"
    assert history.changes(tmp_path) == []


def test_undo_removes_a_file_the_change_made(tmp_path: Path) -> None:
    """A change may add a content file (an edition, say): undo takes it away again."""
    made = tmp_path / "content" / "editions" / "essen.yaml"
    made.parent.mkdir(parents=True)
    change = history.write_content(tmp_path, {made: b"title: Essen\n"}, "editions add")
    assert change.summary == ("content/editions/essen.yaml geändert",)
    history.undo(tmp_path)
    assert not made.exists()


def test_new_projects_leave_the_history_out_of_git(tmp_path: Path) -> None:
    write_project(tmp_path / "p")
    assert "/.deckbuilder/" in (tmp_path / "p" / ".gitignore").read_text("utf-8").split()


# ---- random sequences, then undo as many times ----------------------------------------------

#: The edited decks pull takes texts from: a trend's title, a factor, a date in the program.
EDITS = {"title": (5, "ERSTER TREND", "ERSTER TREND NEU"),
         "factor": (5, "Ein Einflussfaktor", "Ein neuer Faktor"),
         "date": (11, "04. März", "11. März")}


def _edited_deck(deck: Path, slide: int, old: str, new: str, target: Path) -> None:
    prs = Presentation(str(deck))
    for shape in prs.slides[slide - 1].shapes:
        frames = ([c.text_frame for r in shape.table.rows for c in r.cells] if shape.has_table
                  else [shape.text_frame] if shape.has_text_frame else [])
        for p in (p for f in frames for p in f.paragraphs):
            if p.text == old:
                p.runs[0].text = new
                prs.save(str(target))
                return
    raise AssertionError(f"{old!r} is not on slide {slide}")


@pytest.fixture(scope="module")
def mini_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small project built once, with an edited copy of its deck for each of EDITS."""

    def make(folder: Path) -> None:
        project = write_project(folder / "project")
        assert run_cli("build", project).returncode == 0
        (deck,) = (project / "output").glob("*.pptx")
        for name, (slide, old, new) in EDITS.items():
            _edited_deck(deck, slide, old, new, folder / f"{name}.pptx")

    return built_once(tmp_path_factory, "history-mini", make)


TITLES = ("Workshop", "Sprechstunde", "Messe", "Tagung")
DAYS = st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat)


class Changes(RuleBasedStateMachine):
    """Commands that change content/, in any order; after each, the content files are
    what the model says, and every undo brings back the files before the last change."""

    def __init__(self, base: Path, folder: Path) -> None:
        super().__init__()
        self.base, self.folder = base, folder
        self.stack: list[dict[str, bytes]] = []

    @initialize()
    def fresh_project(self) -> None:
        if self.folder.exists():
            shutil.rmtree(self.folder)
        project = self.base / "project"
        shutil.copytree(project / "content", self.folder / "content")
        shutil.copytree(project / "assets", self.folder / "assets")
        (self.folder / "output").mkdir()
        shutil.copy(project / "output" / STATE, self.folder / "output" / STATE)
        self.now = _content(self.folder)

    def _changing(self, *args: str | Path) -> None:
        """Runs a command that may change content/; a change is one more in the history."""
        count = len(history.changes(self.folder))
        code, _, _ = _run(None, *args, self.folder)
        after = _content(self.folder)
        grew = len(history.changes(self.folder)) - count
        assert grew in (0, 1) and (grew == 0 or code == 0)
        if grew:
            self.stack.append(self.now)
        else:
            assert after == self.now, args
        self.now = after

    @rule(title=st.sampled_from(TITLES), day=DAYS)
    def move(self, title: str, day: str) -> None:
        self._changing("events", "move", title, day)

    @rule(title=st.sampled_from(TITLES), day=DAYS, place=st.sampled_from(["", "Essen"]))
    def add(self, title: str, day: str, place: str) -> None:
        self._changing("events", "add", day, title, *(["--place", place] if place else []))

    @rule(title=st.sampled_from(TITLES))
    def remove(self, title: str) -> None:
        self._changing("events", "remove", title)

    @rule(edit=st.sampled_from(sorted(EDITS)))
    def pull(self, edit: str) -> None:
        self._changing("pull", "--from", self.base / f"{edit}.pptx")

    @rule()
    def undo(self) -> None:
        code, _, _ = _run(None, "undo", self.folder)
        assert code == (0 if self.stack else 1)
        if self.stack:
            self.now = self.stack.pop()

    @invariant()
    def content_is_as_the_model_says(self) -> None:
        if hasattr(self, "now"):
            assert _content(self.folder) == self.now

    def teardown(self) -> None:
        while self.stack:
            self.undo()
            assert _content(self.folder) == self.now
        assert _run(None, "undo", self.folder)[0] == 1


def test_any_sequence_of_changes_is_undone_byte_for_byte(
        mini_built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    examples = max(4, settings().max_examples // 10)  # 5 here, 50 in the thorough profile
    run_state_machine_as_test(
        lambda: Changes(mini_built, tmp_path / "machine"),
        settings=settings(max_examples=examples, stateful_step_count=12, deadline=None))


def test_a_file_deleted_since_comes_back_without_force(
        make_project: MakeProject, capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing is lost when undo puts back a file deleted by hand since the change."""
    project = make_project()
    before = _content(project)
    assert _run(capsys, "events", "move", "Workshop Essen", "2026-11-19", project)[0] == 0
    (project / "content" / "program.yaml").unlink()
    code, out, err = _run(capsys, "undo", project)
    assert code == 0 and "Traceback" not in err, err
    assert out.startswith("took back: ") and _content(project) == before


@pytest.mark.parametrize("damage", ["copy", "record"])
def test_a_damaged_change_is_named_and_can_be_taken_off_to_reach_the_one_before(
        make_project: MakeProject, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    """A change whose copy or record is gone cannot be undone: undo says which and why;
    --force takes it off, and the change before is undone byte for byte (the damaged
    change's own edit then counts as a change by hand)."""
    project = make_project()
    before = _content(project)
    assert _run(capsys, "events", "move", "Workshop Essen", "2026-11-19", project)[0] == 0
    moved = _content(project)
    assert _run(capsys, "events", "move", "Workshop Essen", "2026-11-26", project)[0] == 0
    newest = project / ".deckbuilder" / "history" / "000002"
    if damage == "record":
        (newest / "change.json").write_bytes(b"[]")
    else:
        (newest / "before-0").unlink()
    code, out, err = _run(capsys, "history", project)
    assert code == 0 and "damaged: " in out
    code, _, err = _run(capsys, "undo", project)
    assert code == 1 and "is damaged: " in err and "cannot be taken back" in err, err
    assert "--force' to take it off the history" in err
    code, out, err = _run(capsys, "undo", "--force", project)
    assert code == 0 and out.startswith("took the damaged change"), err
    project.joinpath("content", "program.yaml").write_bytes(moved["program.yaml"])
    code, out, err = _run(capsys, "undo", project)
    assert code == 0, err
    assert _content(project) == before
