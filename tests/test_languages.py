"""German proofing (issue 28, part 1): every run of the deck names its language, the
deck's own by default, and the phrases content marks as English are English, in the PPTX
and as /Lang in both PDFs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pikepdf
from lxml import etree

from deckbuilder.text.languages import language_of, split

from .conftest import MakeProject, replace_in, run_cli
from .pptx_text import slide_roots

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
ENGLISH_TRENDS = {"HUMAN CENTRICITY", "GREEN TECH", "OPEN SOURCE AI", "EXTENDED REALITY"}


def _runs(deck: Path) -> list[tuple[str, str | None]]:
    """(text, lang) of every run on every slide."""
    found = []
    for root in slide_roots(deck):
        for run in root.iter(f"{A}r"):
            rpr = run.find(f"{A}rPr")
            found.append((run.findtext(f"{A}t") or "", None if rpr is None else rpr.get("lang")))
    return found


def test_every_run_names_its_language_and_most_are_german(built_deck: Path) -> None:
    runs = _runs(built_deck)
    assert all(lang for _, lang in runs)
    german = sum(lang == "de-DE" for _, lang in runs)
    assert german / len(runs) > 0.75
    english = {text for text, lang in runs if lang == "en-GB"}
    assert ENGLISH_TRENDS <= english
    assert "Das Trendradar zur Studie" not in " ".join(english)
    assert {lang for text, lang in runs if text == "TECHNOSOZIALE ARBEITSWELT"} == {"de-DE"}


def test_the_defaults_are_the_decks_language(built_deck: Path) -> None:
    with zipfile.ZipFile(built_deck) as z:
        for name in ("ppt/presentation.xml", "ppt/slideMasters/slideMaster1.xml"):
            root = etree.fromstring(z.read(name))
            langs = {d.get("lang") for d in root.iter(f"{A}defRPr") if d.get("lang")}
            assert langs == {"de-DE"}, name


def _langs(pdf: Path) -> dict[str, set[str]]:
    """Each structure type's /Lang values (the document's under 'Document')."""
    found: dict[str, set[str]] = {}
    with pikepdf.open(pdf) as doc:
        found["Document"] = {str(doc.Root.Lang)}
        todo = [doc.Root.StructTreeRoot]
        while todo:
            el = todo.pop()
            if "/Lang" in el and "/S" in el:
                found.setdefault(str(el.S), set()).add(str(el.Lang))
            kids = el.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [kids]
            todo += [k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]
    return found


def test_english_headings_carry_their_language_in_both_pdfs(ihk_outputs: Path) -> None:
    dossier = ihk_outputs / "szenarien-ihk-ruhr.pdf"
    slides = next(ihk_outputs.glob("*-slides.pdf"))
    for pdf, heading in ((dossier, "/H2"), (slides, "/H1")):
        langs = _langs(pdf)
        assert langs["Document"] == {"de-DE"}
        assert langs.get(heading) == {"en-GB"}, (pdf.name, langs)


def _spans(pdf: Path) -> list[tuple[str, str, str]]:
    """Each Span element: its /Lang, its parent's type and the text of its marked content
    (the characters pdfplumber reads with the Span's MCID on the Span's page)."""
    import pdfplumber

    found: list[tuple[int, int, str, str]] = []
    with pikepdf.open(pdf) as doc:
        pages = {page.objgen: i for i, page in enumerate(doc.pages)}
        todo = [(doc.Root.StructTreeRoot, None, None)]
        while todo:
            el, parent, page = todo.pop()
            page = el.get("/Pg", page)
            kids = el.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [kids]
            if el.get("/S") == "/Span":
                mcid = next(int(k) for k in kids if isinstance(k, int))
                found.append((pages[page.objgen], mcid, str(el.Lang), str(parent.S)))
            todo += [(k, el, page) for k in kids if isinstance(k, pikepdf.Dictionary)
                     and "/S" in k]
    with pdfplumber.open(pdf) as doc:
        return [(lang, parent, "".join(c["text"] for c in doc.pages[page].chars
                                       if c.get("mcid") == mcid))
                for page, mcid, lang, parent in found]


def test_a_phrase_inside_a_sentence_is_a_span_with_its_language(ihk_outputs: Path) -> None:
    """PDF/UA-1 (7.2): a change of language inside a paragraph is marked. "Future Circle"
    inside a German paragraph is a Span of its own with /Lang en-GB, in both PDFs; the
    paragraph's other words stay in the document's language."""
    dossier = ihk_outputs / "szenarien-ihk-ruhr.pdf"
    slides = next(ihk_outputs.glob("*-slides.pdf"))
    for pdf in (dossier, slides):
        spans = _spans(pdf)
        assert ("en-GB", "/P", "Future Circle") in spans, (pdf.name, spans)
        assert all(lang == "en-GB" for lang, _, _ in spans)
        texts = {text.casefold() for _, _, text in spans}
        assert texts <= {"future circle", "deep dive", "toolbooks", "future advisors",
                         "member", "invisible ai", "future work session", "future day"}, texts


def test_split_finds_marked_phrases_as_whole_words_in_any_case() -> None:
    foreign = (("Future Circle", "en-GB"), ("AI", "en-GB"))
    assert split("ZUM FUTURE CIRCLE gehen", foreign) == [
        ("ZUM ", None), ("FUTURE CIRCLE", "en-GB"), (" gehen", None)]
    assert split("FAIRNESS", foreign) == [("FAIRNESS", None)]  # not the "AI" inside it
    assert language_of(" Future  Circle ", foreign) == "en-GB"
    assert language_of("Future Circle Programm", foreign) is None


def test_a_wrong_language_tag_is_a_located_error(make_project: MakeProject) -> None:
    project = make_project()
    replace_in(project, "deck.yaml", "date: 2026-01-15\n", "date: 2026-01-15\nlanguage: deutsch\n")
    result = run_cli("check", project)
    assert result.returncode == 1
    assert "content/deck.yaml:7:11:" in result.stderr
    assert "'deutsch' is not a language tag; write it like de-DE, en-GB or fr" in result.stderr
    assert "Traceback" not in result.stderr


def test_runs_refer_to_the_theme_fonts_and_colours(built_deck: Path) -> None:
    """Issue 28, part 2: PowerPoint's Design > Variants changes the slides' text."""
    latin, fills = [], []
    for root in slide_roots(built_deck):
        for rpr in root.iter(f"{A}rPr"):
            face = rpr.find(f"{A}latin")
            if face is not None:
                latin.append(face.get("typeface"))
            fill = rpr.find(f"{A}solidFill")
            if fill is not None:
                fills.append(fill[0].tag.split("}")[1])
    own = [f for f in latin if not f.startswith("+m")]
    assert latin and len(own) <= 0.1 * len(latin), own[:5]
    assert {"+mj-lt", "+mn-lt"} <= set(latin)
    assert fills.count("schemeClr") >= 0.6 * len(fills)
