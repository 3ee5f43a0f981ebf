"""Editions: one content base, a file per chamber with only what differs, each built into
its own folder; every message points at the line the text came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.content import editions
from deckbuilder.content.load import collect_project

from .conftest import ROOT, MakeProject, run_cli

ESSEN = """\
about: Nur für Essen
deck:
  name: deck-essen
cover:
  clients: IHK ESSEN
  date: 2026-02-01
"""

JOINT = "# the shared content as it is\n"


def _two(make_project: MakeProject, essen: str = ESSEN, **more: str) -> Path:
    """The mini project with two editions, 'joint' its default."""
    project = make_project({"content/editions/essen.yaml": essen,
                            "content/editions/joint.yaml": JOINT, **more})
    (project / "content" / "editions" / "standard.yaml").unlink()  # deckbuilder new's
    deck = project / "content" / "deck.yaml"
    deck.write_text(deck.read_text("utf-8") + "default_edition: joint\n", "utf-8")
    return project


def _load(project: Path, name: str | None):  # type: ignore[no-untyped-def]
    with editions.chosen(name):
        return collect_project(project)


def _errors(project: Path, name: str | None) -> list[str]:
    return [str(d) for d in _load(project, name)[1] if d.severity == "error"]


def test_an_edition_changes_only_what_it_says_and_keeps_each_place(
        make_project: MakeProject) -> None:
    project = _two(make_project)
    loaded, found = _load(project, "essen")
    assert loaded is not None and loaded.edition == "essen"
    deck = loaded.project.deck
    assert (deck.name, deck.slides[0].clients, str(deck.date)) == \
        ("deck-essen", "IHK ESSEN", "2026-02-01")
    assert str(deck.slides[0].where("clients")) == "content/editions/essen.yaml:5:12"
    assert str(deck.slides[0].where("title")).startswith("content/deck.yaml:")
    joint, _ = _load(project, None)  # the default edition: the shared content as it is
    assert joint is not None and joint.edition == "joint"
    assert (joint.project.deck.name, joint.project.deck.slides[0].clients) == \
        ("my-deck", "FÜR UNSERE GÄSTE")


def test_leaving_out_and_adding_slides_keeps_the_places_of_those_after(
        make_project: MakeProject) -> None:
    project = _two(make_project, ESSEN + """\
leave_out:
  slides: [method]
  trends: [ZWEITER TREND]
  radar: [ZWEITER TREND]
add_slides:
  - after: program
    kind: section
    title: NUR IN ESSEN
""")
    loaded, found = _load(project, "essen")
    assert loaded is not None, [str(d) for d in found]
    kinds = [s.kind for s in loaded.project.deck.slides]
    assert "method" not in kinds
    added = kinds.index("program") + 1
    assert loaded.project.deck.slides[added].title == "NUR IN ESSEN"
    assert str(loaded.project.deck.slides[added].loc).startswith("content/editions/essen.yaml:")
    radar = loaded.project.deck.slides[1]
    assert radar.kind == "radar" and str(radar.loc).startswith("content/deck.yaml:")
    assert [t.title for t in loaded.project.trends.trends] == ["ERSTER TREND"]


@pytest.mark.parametrize(("extra", "expected"), [
    ("deck:\n  footr: x\n", "content/editions/essen.yaml:2:3: error: unknown key 'footr' "
     "(did you mean 'footer'?)"),
    ("cover:\n  clients: X\n  titel: Y\n",
     "content/editions/essen.yaml:3:3: error: unknown key 'titel' (did you mean 'title'?)"),
    ("leave_out:\n  trends: [ZWEITER TREND]\n",
     "content/editions/essen.yaml:2:12: error: the edition leaves out the trend 'ZWEITER "
     "TREND', but its radar still shows it (content/radar.yaml line 7) (add 'ZWEITER TREND' "
     "under leave_out: radar: too, or keep the trend)"),
    ("leave_out:\n  slides: [ofering]\n",
     "content/editions/essen.yaml:2:12: error: unknown slide 'ofering' (did you mean "
     "'offerings'?)"),
    ("logos:\n  - {path: assets/logos/essen.png, alt: Logo der IHK Essen}\n",
     "content/editions/essen.yaml:2:5: error: the picture 'assets/logos/essen.png' does "
     "not exist"),
    ("programm: p.yaml\n",
     "content/editions/essen.yaml:1:1: error: unknown key 'programm' (did you mean "
     "'program'?)"),
])
def test_bad_editions_get_located_messages(make_project: MakeProject, extra: str,
                                           expected: str) -> None:
    project = _two(make_project, extra)
    found = _errors(project, "essen")
    assert found == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("- a\n", "content/editions/essen.yaml:1:1: error: expected a group of keys, got a "
     "list (write 'key: value' lines)"),
    ("just text\n", "content/editions/essen.yaml:1:1: error: expected a group of keys, got "
     "'just text' (write 'key: value' lines)"),
])
def test_an_edition_that_is_no_group_of_keys_is_one_located_error(
        make_project: MakeProject, text: str, expected: str) -> None:
    project = _two(make_project, text)
    result = run_cli("check", project)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert expected in result.stderr


def test_deck_yaml_and_its_default_edition_are_checked_as_a_build_does(
        make_project: MakeProject) -> None:
    """A broken deck.yaml is one error (not also 'names no default'); a default naming
    no edition stops check as it stops build."""
    project = _two(make_project)
    deck = project / "content" / "deck.yaml"
    text = deck.read_text("utf-8")
    deck.write_text(text.replace("default_edition: joint", "default_edition: koeln"), "utf-8")
    checked = run_cli("check", project)
    assert checked.returncode == 1
    assert "default_edition names 'koeln', which is not an edition" in checked.stderr
    deck.write_text(text.replace("default_edition: joint", "default_edition: [joint"), "utf-8")
    built = run_cli("build", project)
    assert built.returncode == 1 and built.stderr.count("error:") == 1, built.stderr


def test_a_shared_file_problem_points_at_the_shared_line(make_project: MakeProject) -> None:
    project = _two(make_project)
    deck = project / "content" / "deck.yaml"
    deck.write_text(deck.read_text("utf-8").replace("author:", "autor:"), "utf-8")
    assert any(e.startswith("content/deck.yaml:5:1: error: unknown key 'autor'")
               for e in _errors(project, "essen"))


def test_several_editions_without_a_default_say_so(make_project: MakeProject) -> None:
    project = make_project({"content/editions/a.yaml": JOINT})  # and new's standard.yaml
    assert _errors(project, None) == [
        "content/deck.yaml:3:1: error: the project has 2 editions and names none as its "
        "default (add default_edition: with one of: a, standard)"]


def test_the_repository_has_a_joint_and_an_essen_edition() -> None:
    assert editions.names(ROOT) == ["ihk-essen", "ihk-ruhr"]
    assert editions.default_of(ROOT) == "ihk-ruhr"
    essen, found = _load(ROOT, "ihk-essen")
    assert essen is not None and not [d for d in found if d.severity == "error"]
    assert essen.project.deck.slides[0].clients == "IHK ESSEN"
    assert essen.project.deck.name == "szenarien-ihk-essen"


def test_build_each_edition_into_its_folder_and_alone_the_same(
        make_project: MakeProject) -> None:
    project = _two(make_project, **{"content/editions/essen2.yaml": ESSEN})  # a copy:
    listed = run_cli("editions", project)  # with three, a worker builds two in a row
    assert listed.returncode == 0, listed.stderr
    assert "joint  (default: 'deckbuilder build' writes it to output/)" in listed.stdout
    assert "  output:  output/essen/" in listed.stdout
    every = run_cli("build", project, "--all-editions")
    assert every.returncode == 0, every.stderr
    out = project / "output"
    assert (out / "essen" / "deck-essen.pptx").is_file()
    assert (out / "joint" / "my-deck.pptx").is_file()
    assert (out / ".cache" / "pictures").is_dir()  # shared by the editions
    again = run_cli("build", project, "--all-editions")
    assert again.stdout.count("up to date:") == 9, again.stdout
    alone = run_cli("build", project, "--edition", "essen", "--out", project / "alone")
    assert alone.returncode == 0, alone.stderr
    default = run_cli("build", project)
    assert default.returncode == 0, default.stderr
    for name in ("deck-essen.pptx", "deck-essen.pdf", "deck-essen.ics"):
        assert (out / "essen" / name).read_bytes() == \
            (project / "alone" / "essen" / name).read_bytes() == \
            (out / "essen2" / name).read_bytes(), name
    for name in ("my-deck.pptx", "my-deck.pdf", "my-deck.ics"):
        assert (out / name).read_bytes() == (out / "joint" / name).read_bytes(), name


def test_an_unknown_edition_lists_the_known_ones(make_project: MakeProject) -> None:
    project = _two(make_project)
    result = run_cli("build", project, "--edition", "esen")
    assert result.returncode == 2
    assert result.stderr.strip() == ("error: unknown edition 'esen': did you mean 'essen'? "
                                     "the editions are essen, joint")


def test_check_checks_every_edition_in_one_pass(make_project: MakeProject) -> None:
    project = _two(make_project, ESSEN + "leave_out:\n  slides: [ofering]\n")
    result = run_cli("check", project)
    assert result.returncode == 1
    assert "content/editions/essen.yaml:8:12: error: unknown slide 'ofering'" in result.stderr
    fixed = _two(make_project)
    result = run_cli("check", fixed)
    assert result.returncode == 0, result.stderr
    assert "no errors (2 editions: essen " in result.stdout


def test_events_edit_the_program_of_the_edition_asked_for(make_project: MakeProject) -> None:
    project = _two(make_project, ESSEN + "program: program-essen.yaml\n")
    shared = (project / "content" / "program.yaml").read_text("utf-8")
    (project / "content" / "program-essen.yaml").write_text(shared, "utf-8")
    moved = run_cli("events", "move", "Workshop", "2026-03-11", project, "--edition", "essen")
    assert moved.returncode == 0, moved.stderr
    assert "run 'deckbuilder build --edition essen' to update" in moved.stdout  # not the default
    assert "2026-03-11" in (project / "content" / "program-essen.yaml").read_text("utf-8")
    assert (project / "content" / "program.yaml").read_text("utf-8") == shared
    listed = run_cli("events", "list", project, "--edition", "essen")
    assert "11.03." in listed.stdout or "11. März" in listed.stdout, listed.stdout


def test_a_change_to_the_shared_program_names_every_edition_that_shows_it(
        make_project: MakeProject) -> None:
    """With and without --edition: the shared program is every edition's that has none of
    its own, so 'build' alone (the default edition) would leave the others behind."""
    project = _two(make_project)
    for extra in ([], ["--edition", "essen"]):
        moved = run_cli("events", "move", "Workshop", "2026-03-1" + str(len(extra)), project,
                        *extra)
        assert moved.returncode == 0, moved.stderr
        assert moved.stdout.rstrip().endswith(
            "in content/program.yaml; run 'deckbuilder build --all-editions' "
            "to update the editions essen and joint"), moved.stdout
    undone = run_cli("undo", project)
    assert undone.stdout.rstrip().endswith(
        "run 'deckbuilder build --all-editions' to update the editions essen and "
        "joint"), undone.stdout
    own = _two(make_project, ESSEN + "program: program-essen.yaml\n")
    (own / "content" / "program-essen.yaml").write_bytes(
        (own / "content" / "program.yaml").read_bytes())
    moved = run_cli("events", "move", "Workshop", "2026-03-11", own)  # joint's, alone
    assert moved.stdout.rstrip().endswith("run 'deckbuilder build' to update the "
                                          "deck, dossier and calendar"), moved.stdout


def test_the_hint_works_when_content_is_a_link_to_a_folder_elsewhere(
        make_project: MakeProject, tmp_path: Path) -> None:
    """A content/ folder kept elsewhere (a shared drive) and linked into the project: the
    hint worked the place out by resolving, failed, and called it a bug after the edit."""
    project = _two(make_project)
    (project / "content").rename(tmp_path / "shared-content")
    (project / "content").symlink_to(tmp_path / "shared-content", target_is_directory=True)
    moved = run_cli("events", "move", "Workshop", "2026-03-10", project)
    assert moved.returncode == 0, moved.stderr
    assert moved.stdout.rstrip().endswith(
        "run 'deckbuilder build --all-editions' to update the editions essen and joint")
    undone = run_cli("undo", project)
    assert undone.returncode == 0 and "bug" not in undone.stderr, undone.stderr


def _retype(deck: Path, old: str, new: str) -> None:
    """What a reader does in PowerPoint: one paragraph's text typed anew."""
    from pptx import Presentation

    prs = Presentation(str(deck))
    (para,) = [p for slide in prs.slides for s in slide.shapes if s.has_text_frame
               for p in s.text_frame.paragraphs if p.text == old]
    para.runs[0].text = new
    for run in para.runs[1:]:
        run.text = ""
    prs.save(str(deck))


@pytest.mark.slow  # README's test command stays under two minutes
def test_pull_writes_each_edit_into_the_file_it_came_from(make_project: MakeProject) -> None:
    project = _two(make_project)
    assert run_cli("build", project, "--edition", "essen").returncode == 0
    deck = project / "output" / "essen" / "deck-essen.pptx"
    _retype(deck, "IHK ESSEN", "IHK ZU ESSEN")  # the edition's own cover line
    _retype(deck, "Ein Einflussfaktor", "Ein erster Einflussfaktor")  # a shared text
    stopped = run_cli("build", project, "--edition", "essen")
    assert stopped.returncode != 0 and "edited after the last build" in stopped.stderr
    assert run_cli("build", project, "--edition", "joint").returncode == 0  # not its deck
    pulled = run_cli("pull", project, "--edition", "essen")
    assert pulled.returncode == 0, pulled.stderr
    assert "content/editions/essen.yaml:5:12: slide 1: 'IHK ESSEN' → 'IHK ZU ESSEN'" \
        in pulled.stdout
    assert "clients: IHK ZU ESSEN" in \
        (project / "content" / "editions" / "essen.yaml").read_text("utf-8")
    assert "Ein erster Einflussfaktor" in \
        (project / "content" / "trends.yaml").read_text("utf-8")
    assert "FÜR UNSERE GÄSTE" in (project / "content" / "deck.yaml").read_text("utf-8")
    rebuilt = run_cli("build", project, "--edition", "essen")
    assert rebuilt.returncode == 0, rebuilt.stderr


def test_an_editions_logos_are_on_the_title_slide_and_the_dossiers_cover(
        make_project: MakeProject) -> None:
    """Both outputs carry the edition's logo, tagged with its alt text in the dossier."""
    import pikepdf
    from pptx import Presentation

    from .template_maker import logo_png

    project = _two(make_project, ESSEN + "logos:\n  - {path: assets/logos/essen.png, "
                   "alt: Logo der IHK Essen}\n", **{"assets/logos/essen.png": logo_png()})
    result = run_cli("build", project, "--edition", "essen", "--format", "pptx,pdf")
    assert result.returncode == 0, result.stderr
    title = Presentation(str(project / "output" / "essen" / "deck-essen.pptx")).slides[0]
    described = [s._element.xpath("./*[1]/p:cNvPr")[0].get("descr") for s in title.shapes]
    assert described.count("Logo der IHK Essen") == 1
    with pikepdf.open(project / "output" / "essen" / "deck-essen.pdf") as pdf:
        cover = pdf.pages[0]
        images = [k for k, v in cover.Resources.XObject.items() if v.Subtype == "/Image"]
        figures = [str(e.get("/Alt", "")) for e in _elements(pdf.Root.StructTreeRoot)
                   if e.get("/S") == "/Figure"]
    assert len(images) == 2  # the cover's artwork and the logo
    assert "Logo der IHK Essen" in figures


def _elements(node):  # type: ignore[no-untyped-def]
    """Every structure element under ``node``."""
    import pikepdf

    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR":
            yield kid
            yield from _elements(kid)


def test_preview_changes_watch_and_serve_take_an_edition(make_project: MakeProject) -> None:
    """The commands that show one edition work on the one asked for, in its folder; an
    unknown name is refused before anything starts."""
    project = _two(make_project)
    shown = run_cli("preview", project, "--edition", "essen")
    assert shown.returncode == 0, shown.stderr
    folder = project / "output" / "essen"
    assert (folder / "preview" / "slides.png").is_file()
    assert sorted(p.name for p in folder.glob("*.pdf")) == ["deck-essen-slides.pdf",
                                                             "deck-essen.pdf"]
    unbuilt = run_cli("changes", project, "--edition", "joint")
    assert "run 'deckbuilder build --edition joint' first" in unbuilt.stderr
    log = run_cli("changes", project, "--edition", "essen")
    assert log.returncode == 0 and "Fassung vom" in log.stdout, log.stderr
    for command in ("preview", "watch", "serve", "changes"):
        refused = run_cli(command, project, "--edition", "nope")
        assert refused.returncode == 2, (command, refused.stderr)
        assert "unknown edition 'nope'" in refused.stderr and "essen, joint" in refused.stderr


def test_edition_names_that_cannot_be_output_folders_are_errors(
        make_project: MakeProject) -> None:
    """deckbuilder's own folders and names differing only in capitals are refused; a
    hidden file (an editor's copy) is no edition."""
    project = _two(make_project, **{"content/editions/preview.yaml": ESSEN,
                                    "content/editions/Essen.yaml": ESSEN,
                                    "content/editions/.cache.yaml": ESSEN})
    listed = run_cli("editions", project)
    assert ".cache" not in listed.stdout
    checked = run_cli("check", project)
    assert checked.returncode == 1
    assert "content/editions/preview.yaml:1:1: error: 'preview' is the name of a folder " \
        "deckbuilder writes in the output folder" in checked.stderr
    assert "the editions 'Essen' and 'essen' differ only in capitals" in checked.stderr


def test_leaving_out_every_slide_or_adding_after_a_left_out_one_is_said_at_the_edition(
        make_project: MakeProject) -> None:
    """Not as an empty list in deck.yaml, nor as an 'unknown slide' that exists."""
    import yaml

    plain = make_project()
    kinds = sorted({s["kind"] for s in yaml.safe_load(
        (plain / "content" / "deck.yaml").read_text("utf-8"))["slides"]})
    every = _two(make_project, f"leave_out:\n  slides: [{', '.join(kinds)}]\n")
    assert _errors(every, "essen") == [
        "content/editions/essen.yaml:2:11: error: the edition leaves out every slide "
        "(keep at least one)"]
    after = _two(make_project, "leave_out:\n  slides: [program]\nadd_slides:\n"
                 "  - {after: program, kind: section, title: EXTRA}\n")
    assert _errors(after, "essen") == [
        "content/editions/essen.yaml:4:13: error: the slide 'program' is one this edition "
        "leaves out (add the slide after another one)"]


def test_all_editions_with_one_bad_says_which_were_built(make_project: MakeProject) -> None:
    project = _two(make_project, "deck:\n  titel: X\n")
    result = run_cli("build", project, "--all-editions", "--format", "ics")
    assert result.returncode == 1
    assert result.stderr.rstrip().endswith("1 error; the edition joint was built.")
    assert (project / "output" / "joint" / "my-deck.ics").is_file()
