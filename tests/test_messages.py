"""Each kind of bad content gets one located, exact message, exit status 1, no traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from deckbuilder.cli import main

from .conftest import BUILD_EPOCH

CASES = [
    ("unknown-key", "trends.yaml", "  - title: RESPONSIBLE AI\n", "  - titel: RESPONSIBLE AI\n",
     "content/trends.yaml:19:5: error: unknown key 'titel' (did you mean 'title'?)"),
    ("duplicate-key", "program.yaml", "year: 2026\n", "year: 2026\nyear: 2027\n",
     "content/program.yaml:6:1: error: duplicate key 'year' (first given on line 5) "
     "(keep only one of them: YAML would silently drop the first)"),
    ("impossible-date", "program.yaml", "2026-03-04", "2026-02-30",
     "content/program.yaml:11:13: error: '2026-02-30' is not a date (February 2026 has 28 days)"),
    ("german-date", "program.yaml", "2026-03-04", "04.03.2026",
     "content/program.yaml:11:13: error: '04.03.2026' is not a date: write it as YYYY-MM-DD, "
     "e.g. 2026-03-04"),
    ("missing-key", "scenarios.yaml", "    label: SZENARIO 2\n", "",
     "content/scenarios.yaml:45:5: error: missing required key 'label'"),
    ("wrong-type", "trends.yaml", "      - Regulierungsdichte von KI\n", "      - [a, b]\n",
     "content/trends.yaml:27:9: error: expected text, got a list"),
    ("null", "deck.yaml", "author: Zukunftsinstitut GmbH", "author:",
     "content/deck.yaml:7:8: error: expected text, got nothing"),
    ("tab", "program.yaml", "    - date: 2026-03-04\n", "\t- date: 2026-03-04\n",
     "content/program.yaml:11:1: error: a tab character is not allowed here (indent with spaces)"),
    ("broken-yaml", "deck.yaml", "title: Szenarien\n", "title: [Szenarien\n",
     "content/deck.yaml:6:8: error: expected ',' or ']', but got ':' "
     "(check indentation, colons and quotes on this line or the one above)"),
    ("alias", "deck.yaml", "title: Szenarien\n", "title: &a Szenarien\nsubject2: *a\n",
     "content/deck.yaml:6:11: error: anchors and aliases (&name, *name) are not supported "
     "(write the value out in full)"),
    ("unknown-kind", "deck.yaml", "  - kind: method\n", "  - kind: methd\n",
     "content/deck.yaml:39:5: error: unknown slide kind 'methd' (did you mean 'method'?)"),
    ("unknown-colour", "trends.yaml", "    color: lilac\n", "    color: purple\n",
     "content/trends.yaml:74:5: error: unknown colour 'purple' (use one of: accent, blue, "
     "coral, golden, green, highlight, ink, lightblue, lilac, muted, orange, paper, rule, "
     "teal, tint)"),
    ("missing-picture", "trends.yaml", "trends/ai-leadership.jpg", "trends/nope.jpg",
     "content/trends.yaml:77:7: error: the picture 'assets/pictures/trends/nope.jpg' "
     "does not exist"),
    ("dotdot-picture", "trends.yaml", "assets/pictures/trends/ai-leadership.jpg",
     "../../etc/passwd",
     "content/trends.yaml:77:7: error: '../../etc/passwd' leaves the project folder "
     "('..' is not allowed)"),
    ("absolute-picture", "trends.yaml", "assets/pictures/trends/ai-leadership.jpg", "/etc/passwd",
     "content/trends.yaml:77:7: error: '/etc/passwd' is an absolute path; "
     "write it relative to the project"),
    ("control-character", "deck.yaml", "title: Szenarien\n", 'title: "Szen\\x07arien"\n',
     "content/deck.yaml:5:8: error: the text contains the invisible control character U+0007"),
    ("word-too-wide", "trends.yaml", "      - Personalisierungsgrad\n",
     "      - www.personalisierungsgradpersonalisierungsgradpersonalisierung.de\n",
     "content/trends.yaml:87:5: error: the word "
     "'www.personalisierungsgradpersonalisierungsgradpersonalisierung.de' is too wide for its "
     "box (525 pt, room for 374 pt) (slide 11) (shorten it or add a hyphen or space)"),
    ("out-of-range", "program.yaml", "    - half: 1\n", "    - half: 3\n",
     "content/program.yaml:42:13: error: '3' is too large (at most 2)"),
]


def run(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
        ) -> tuple[int, str]:
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    with pytest.raises(SystemExit) as exit_info:
        main(["build"])
    return int(exit_info.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize(("name", "file", "old", "new", "message"), CASES,
                         ids=[c[0] for c in CASES])
def test_bad_content_message(name: str, file: str, old: str, new: str, message: str,
                             edit: Callable[[str, str, str], Path],
                             capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    project = edit(file, old, new)
    code, err = run(project, capsys, monkeypatch)
    assert code == 1
    assert err.splitlines() == [message, "1 error; nothing was written."]
    assert not (project / "output").exists()


def test_all_problems_are_reported_at_once(edit: Callable[[str, str, str], Path],
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    edit("program.yaml", "2026-03-04", "2026-02-30")
    edit("trends.yaml", "    color: lilac\n", "    color: purple\n")
    project = edit("deck.yaml", "  - kind: method\n", "  - kind: methd\n")
    code, err = run(project, capsys, monkeypatch)
    assert code == 1
    assert [line.split(": error")[0] for line in err.splitlines()[:-1]] == [
        "content/deck.yaml:39:5", "content/program.yaml:11:13", "content/trends.yaml:74:5"]
    assert err.splitlines()[-1] == "3 errors; nothing was written."


def test_file_that_is_not_utf8(project: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = project / "content" / "future-circle.yaml"
    path.write_bytes(path.read_bytes().replace("Über".encode(), "Über".encode("latin-1")))
    code, err = run(project, capsys, monkeypatch)
    assert (code, err.splitlines()[0]) == (1, "content/future-circle.yaml:11:7: error: the file "
                                              "is not UTF-8 text (save it as UTF-8 in your editor)")


def test_empty_file(project: Path, capsys: pytest.CaptureFixture[str],
                    monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "content" / "program.yaml").write_text("")
    code, err = run(project, capsys, monkeypatch)
    assert (code, err.splitlines()[0]) == (1, "content/program.yaml:1:1: error: the file is "
                                              "empty (fill it in; README.md describes each "
                                              "content file)")


def test_missing_file(project: Path, capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "content" / "scenarios.yaml").unlink()
    code, err = run(project, capsys, monkeypatch)
    assert (code, err.splitlines()[0]) == (1, "content/scenarios.yaml: error: the file is "
                                              "missing (create it; README.md describes each "
                                              "content file)")


def test_corrupt_picture(project: Path, capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    picture = project / "assets/pictures/trends/green-tech.jpg"
    picture.write_bytes(picture.read_bytes()[:2000])
    code, err = run(project, capsys, monkeypatch)
    assert code == 1
    assert err.splitlines()[0] == ("content/trends.yaml:127:7: error: the picture "
                                   "'assets/pictures/trends/green-tech.jpg' is not a readable "
                                   "image (corrupt or truncated?)")


def test_symlink_out_of_the_project(project: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "elsewhere.jpg"
    picture = project / "assets/pictures/trends/green-tech.jpg"
    outside.write_bytes(picture.read_bytes())
    picture.unlink()
    picture.symlink_to(outside)
    code, err = run(project, capsys, monkeypatch)
    assert code == 1
    assert err.splitlines()[0] == ("content/trends.yaml:127:7: error: "
                                   "'assets/pictures/trends/green-tech.jpg' points outside the "
                                   "project folder (through a link)")
