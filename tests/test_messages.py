"""Each kind of bad content gets one located, exact message, exit status 1, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from deckbuilder.cli.main import main

from .conftest import BUILD_EPOCH, MakeProject, line_of, replace_in

#: (name, file, old, new, message): one edit of the small project (tests/projects/mini) and
#: the exact message it must cause.
CASES = [
    ("unknown-key", "trends.yaml", "  - title: ZWEITER TREND\n", "  - titel: ZWEITER TREND\n",
     "content/trends.yaml:12:5: error: unknown key 'titel' (did you mean 'title'?)"),
    ("duplicate-key", "program.yaml", "year: 2026\n", "year: 2026\nyear: 2027\n",
     "content/program.yaml:5:1: error: duplicate key 'year' (first given on line 4) "
     "(keep only one of them: YAML would silently drop the first)"),
    ("impossible-date", "program.yaml", "2026-03-04", "2026-02-30",
     "content/program.yaml:8:13: error: '2026-02-30' is not a date (February 2026 has 28 days)"),
    ("german-date", "program.yaml", "2026-03-04", "04.03.2026",
     "content/program.yaml:8:13: error: '04.03.2026' is not a date: write it as YYYY-MM-DD, "
     "e.g. 2026-03-04"),
    ("missing-key", "scenarios.yaml", "    label: SZENARIO 1\n", "",
     "content/scenarios.yaml:3:5: error: missing required key 'label'"),
    ("wrong-type", "trends.yaml", "      - Ein dritter Einflussfaktor\n", "      - [a, b]\n",
     "content/trends.yaml:19:9: error: expected text, got a list"),
    ("colon-in-text", "trends.yaml", "      - Ein dritter Einflussfaktor\n",
     "      - Faktor 3: Energieeffizienz im Bestand\n",
     "content/trends.yaml:19:9: error: expected text, got a group of keys (a colon followed "
     "by a space makes YAML read a key: put the whole text in double quotes, e.g. "
     '"Faktor 3: Energieeffizienz im Bestand")'),
    ("null", "deck.yaml", "author: Mein Team", "author:",
     "content/deck.yaml:5:8: error: expected text, got nothing"),
    ("tab", "program.yaml", "    - date: 2026-03-04\n", "\t- date: 2026-03-04\n",
     "content/program.yaml:8:1: error: a tab character is not allowed here (indent with spaces)"),
    ("broken-yaml", "deck.yaml", "title: Mein Deck\n", "title: [Mein Deck\n",
     "content/deck.yaml:5:7: error: expected ',' or ']', but got ':' "
     "(check indentation, colons and quotes on this line or the one above)"),
    ("alias", "deck.yaml", "title: Mein Deck\n", "title: &a Mein Deck\nsubject2: *a\n",
     "content/deck.yaml:5:11: error: anchors and aliases (&name, *name) are not supported "
     "(write the value out in full)"),
    ("unknown-kind", "deck.yaml", "  - kind: method\n", "  - kind: methd\n",
     "content/deck.yaml:20:5: error: unknown slide kind 'methd' (did you mean 'method'?)"),
    ("unknown-colour", "trends.yaml", "    color: lightblue\n", "    color: purple\n",
     "content/trends.yaml:13:12: error: unknown colour 'purple' (use one of: accent, blue, "
     "coral, golden, green, highlight, ink, lightblue, lilac, muted, orange, paper, rule, "
     "teal, tint)"),
    ("missing-picture", "trends.yaml", "assets/pictures/trend.jpg", "assets/pictures/nope.jpg",
     "content/trends.yaml:7:7: error: the picture 'assets/pictures/nope.jpg' "
     "does not exist"),
    ("dotdot-picture", "trends.yaml", "assets/pictures/trend.jpg", "../../etc/passwd",
     "content/trends.yaml:7:7: error: '../../etc/passwd' leaves the project folder "
     "('..' is not allowed)"),
    ("absolute-picture", "trends.yaml", "assets/pictures/trend.jpg", "/etc/passwd",
     "content/trends.yaml:7:7: error: '/etc/passwd' is an absolute path; "
     "write it relative to the project"),
    ("control-character", "deck.yaml", "title: Mein Deck\n", 'title: "Mein\\x07Deck"\n',
     "content/deck.yaml:4:8: error: the text contains the invisible control character U+0007"),
    ("word-too-wide", "trends.yaml", "      - Ein dritter Einflussfaktor\n",
     "      - www.personalisierungsgradpersonalisierungsgradpersonalisierung.de\n",
     "content/trends.yaml:12:5: error: the word "
     "'www.personalisierungsgradpersonalisierungsgradpersonalisierung.de' is too wide for its "
     "box (551 pt, room for 374 pt) (slide 6) (shorten it or add a hyphen or space)"),
    ("out-of-range", "program.yaml", "    - half: 1\n", "    - half: 3\n",
     "content/program.yaml:20:13: error: '3' is too large (at most 2)"),
    ("malformed-link", "future-circle.yaml", "button: MEHR ERFAHREN\n",
     "button: MEHR ERFAHREN\nlink: zukunftsinstitut.de\n",
     "content/future-circle.yaml:8:7: error: 'zukunftsinstitut.de' is not a web address: "
     "write it in full, beginning with https:// (here: https://zukunftsinstitut.de), or "
     "mailto: and an e-mail address"),
    ("link-with-a-space", "deck.yaml", "    lines: [JETZT, MITMACHEN]\n",
     "    lines: [JETZT, MITMACHEN]\n    link: https://www.example.de/mit machen\n",
     "content/deck.yaml:44:11: error: 'https://www.example.de/mit machen' is not a link: it "
     "contains a space (write the address without spaces, e.g. "
     "https://www.zukunftsinstitut.de)"),
    ("link-without-button", "future-circle.yaml", "button: MEHR ERFAHREN\n",
     "link: https://www.example.de\n",
     "content/future-circle.yaml:7:7: error: a link without a button: the link is where the "
     "button leads (add button: with its text, or remove link:)"),
    ("empty-section", "deck.yaml", "  - kind: method\n", "  - kind: method\n    section: ' '\n",
     "content/deck.yaml:21:14: error: the text is empty"),
    ("section-not-text", "deck.yaml", "  - kind: method\n", "  - kind: method\n    section: [a]\n",
     "content/deck.yaml:21:14: error: expected text, got a list"),
    ("glyph-in-radar-ring", "radar.yaml", "Discover]", "Disc\u2603ver]",
     "content/radar.yaml:3:31: error: the character '\u2603' (U+2603 SNOWMAN) is not in the "
     "font Source Sans Pro (replace it; it would print as an empty box)"),
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
                             make_project: MakeProject, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    project = replace_in(make_project(), file, old, new)
    code, err = run(project, capsys, monkeypatch)
    assert code == 1
    assert err.splitlines() == [message, "1 error; nothing was written."]
    assert not (project / "output").exists()


#: A word too wide for any box on a slide (over 1,000 pt in a title's type); a web address,
#: because a long German word would be hyphenated to fit.
LONG = "www.vorsichtigeruhrregionvorsichtigeruhrregionvorsichtigeruhrregion.de"


def test_four_problems_in_four_files_in_one_run(make_project: MakeProject,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Schema (unknown key), date, cross-reference and layout problems are all reported by
    one run, in file order, the layout one with the number its slide has in the deck."""
    project = make_project({
        "content/future-circle.yaml": """\
            title: WAS SIE ERWARTET
            offerings:
              - {titel: Treffen, text: Veranstaltungen mit anderen Mitgliedern.}
            """,
        "content/radar.yaml": """\
            rings: [Act, Create]
            segments: [Mensch, Technik]
            trends:
              - {name: ERSTER TREND, ring: Act, segment: Mensch, strength: 4}
              - {name: ZWEITER TREND, ring: Create, segment: Technik, strength: 2}
            connections:
              - {from: ERSTER TREND, to: DRITTER TREND}
            """,
    })
    replace_in(project, "program.yaml", "2026-03-04", "2026-02-30")
    replace_in(project, "scenarios.yaml", "title: Die vernetzte Region", f"title: {LONG}")
    code, err = run(project, capsys, monkeypatch)
    assert code == 1
    assert err.splitlines() == [
        "content/future-circle.yaml:3:6: error: unknown key 'titel' (did you mean 'title'?)",
        "content/program.yaml:8:13: error: '2026-02-30' is not a date (February 2026 has 28 "
        "days)",
        "content/radar.yaml:7:30: error: unknown trend 'DRITTER TREND' (did you mean "
        "'ERSTER TREND' or 'ZWEITER TREND'?)",
        f"content/scenarios.yaml:3:5: error: the word '{LONG}' is too wide for its box "
        "(1373 pt, room for 622 pt) (slide 8) (shorten it or add a hyphen or space)",
        "4 errors; nothing was written.",
    ]


def test_slide_numbers_hold_after_an_earlier_failure(make_project: MakeProject,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure on slide 2 neither hides the second trend's problem nor shifts its number,
    and a failing trend does not hide the trend after it."""
    project = replace_in(make_project(), "deck.yaml", "title: VORGEHEN", f"title: {LONG}")
    replace_in(project, "trends.yaml", "- Ein Einflussfaktor", f"- {LONG}")
    replace_in(project, "trends.yaml", "Ein dritter Einflussfaktor", LONG)
    code, err = run(project, capsys, monkeypatch)
    assert code == 1
    lines = err.splitlines()
    assert [(line.split(": error: ")[0], re.findall(r"\(slide \d+\)", line)) for line in lines] \
        == [("content/deck.yaml:20:5", ["(slide 2)"]), ("content/trends.yaml:4:5", ["(slide 5)"]),
            ("content/trends.yaml:12:5", ["(slide 6)"]), ("3 errors; nothing was written.", [])]


def test_problems_of_every_file_come_sorted(make_project: MakeProject,
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    project = replace_in(make_project(), "program.yaml", "2026-03-04", "2026-02-30")
    replace_in(project, "trends.yaml", "    color: lightblue\n", "    color: purple\n")
    replace_in(project, "deck.yaml", "  - kind: method\n", "  - kind: methd\n")
    code, err = run(project, capsys, monkeypatch)
    assert code == 1
    assert [line.split(": error")[0] for line in err.splitlines()[:-1]] == [
        "content/deck.yaml:20:5", "content/program.yaml:8:13", "content/trends.yaml:13:12"]
    assert err.splitlines()[-1] == "3 errors; nothing was written."


def test_file_that_is_not_utf8(make_project: MakeProject, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project({"content/future-circle.yaml": "title: WAS\noffer: Über\n"
                            .encode("latin-1")})
    code, err = run(project, capsys, monkeypatch)
    assert (code, err.splitlines()[0]) == (1, "content/future-circle.yaml:2:8: error: the file "
                                              "is not UTF-8 text (save it as UTF-8 in your editor)")


def test_empty_file(make_project: MakeProject, capsys: pytest.CaptureFixture[str],
                    monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project({"content/program.yaml": ""})
    code, err = run(project, capsys, monkeypatch)
    assert (code, err.splitlines()[0]) == (1, "content/program.yaml:1:1: error: the file is "
                                              "empty (fill it in; README.md describes each "
                                              "content file)")


def test_missing_file(make_project: MakeProject, capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project()
    (project / "content" / "scenarios.yaml").unlink()
    deck = (project / "content" / "deck.yaml").read_text("utf-8").splitlines()
    line = deck.index("  - kind: scenarios") + 1
    code, err = run(project, capsys, monkeypatch)
    assert (code, err.splitlines()[0]) == (1, "content/scenarios.yaml: error: the file is "
                                              "missing (the 'scenarios' slide (content/deck.yaml"
                                              f" line {line}) shows it: create the file, or "
                                              "remove that slide)")


def test_corrupt_picture(make_project: MakeProject, capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project()
    picture = project / "assets/pictures/trend.jpg"
    picture.write_bytes(picture.read_bytes()[:2000])
    code, err = run(project, capsys, monkeypatch)
    assert code == 1
    assert err.splitlines()[0] == ("content/trends.yaml:7:7: error: the picture "
                                   "'assets/pictures/trend.jpg' is not a readable "
                                   "image (corrupt or truncated?)")


@pytest.mark.parametrize(("name", "where"), [
    ("SourceSansPro-Bold.ttf", "faces:"),  # the face's own line
    ("LiberationSans-Bold.ttf", None),  # a fallback: theme.yaml names none, the file's top
])
def test_a_damaged_font_file_is_a_located_error(make_project: MakeProject, name: str,
                                                where: str | None,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A file in assets/fonts that is no TrueType font (here: cut short) made a traceback."""
    project = make_project()
    (project / "assets" / "fonts").mkdir(parents=True, exist_ok=True)
    (project / "assets" / "fonts" / name).write_bytes(b"\0\1\0\0" + b"cut short" * 9)
    code, err = run(project, capsys, monkeypatch)
    place = f":{line_of(project, 'theme.yaml', 'bold: {file: SourceSansPro-Bold.ttf')}:" \
        if where else ":"
    assert code == 1, err
    assert err.splitlines()[0].startswith(f"content/theme.yaml{place}"), err
    assert f"the font file 'assets/fonts/{name}' is not a readable TrueType font" in err
    assert "Traceback" not in err and not list(project.glob("output/my-deck.*"))


def test_symlink_out_of_the_project(make_project: MakeProject, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project()
    outside = tmp_path / "elsewhere.jpg"
    picture = project / "assets/pictures/trend.jpg"
    outside.write_bytes(picture.read_bytes())
    picture.unlink()
    picture.symlink_to(outside)
    code, err = run(project, capsys, monkeypatch)
    assert code == 1
    assert err.splitlines()[0] == ("content/trends.yaml:7:7: error: "
                                   "'assets/pictures/trend.jpg' points outside the "
                                   "project folder (through a link)")
