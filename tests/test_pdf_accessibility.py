"""The dossier and slides PDF are tagged (PDF/UA-1): two independent checkers find no
errors, and the structure tree, read as a screen reader reads it, holds the content."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from pypdf import PageObject, PdfReader

from deckbuilder.content.load import load_project

from .conftest import ROOT
from .pptx_text import normalize
from .test_content_complete import expected_strings, missing_from

#: outloud warnings a build may show, each for a reason given in notes/issue-18.md.
#: ORD-001: a trend card paints its picture (left column) before its title, while the
#: structure reads the title first, so that the heading leads into its picture and factors.
EXPLAINED_WARNINGS = {"ORD-001"}

#: Operators that put marks on the page; each must lie inside marked content.
PAINTING = {"Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh",
            "BI"}


@pytest.fixture(scope="session")
def tagged_pdfs(ihk_outputs: Path, new_outputs: Path) -> dict[str, Path]:
    """The IHK dossier and slides, and the dossier of a `deckbuilder new` project."""
    (starter,) = [p for p in (new_outputs / "out").glob("*.pdf")
                  if not p.stem.endswith(("-slides", "-handout", "-notes"))]
    return {"dossier": ihk_outputs / "szenarien-ihk-ruhr.pdf",
            "slides": ihk_outputs / "szenarien-ihk-ruhr-slides.pdf", "starter": starter,
            "handout": ihk_outputs / "szenarien-ihk-ruhr-handout.pdf",
            "notes": ihk_outputs / "szenarien-ihk-ruhr-notes.pdf"}


#: The handouts are checked in .ci/run's second step (slow): they repeat the slides'
#: tagging, and README's test command stays under two minutes.
CHECKED = ["dossier", "slides", "starter",
           pytest.param("handout", marks=pytest.mark.slow),
           pytest.param("notes", marks=pytest.mark.slow)]


@pytest.mark.parametrize("name", CHECKED)
def test_pdfua_checker_finds_no_errors(tagged_pdfs: dict[str, Path], name: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "pdfua", "check", "--format", "json",
                           str(tagged_pdfs[name])], capture_output=True, text=True, check=False)
    report = json.loads(proc.stdout)
    assert report["summary"]["errors"] == 0, report["findings"]
    assert report["summary"]["warnings"] == 0, report["findings"]


@pytest.mark.parametrize("name", CHECKED)
def test_outloud_finds_no_errors(tagged_pdfs: dict[str, Path], name: str) -> None:
    from outloud import check

    result = check(str(tagged_pdfs[name]))
    assert result.error is None
    assert result.errors == 0, [(f.rule, f.message) for f in result.findings]
    warnings = {f.rule for f in result.findings if f.severity == "warning"}
    assert warnings <= EXPLAINED_WARNINGS


class Structure:
    """A tagged PDF's structure tree, with the text each element's marked content shows."""

    def __init__(self, path: Path) -> None:
        self.pdf = pikepdf.open(path)
        self.page_index = {p.obj.objgen: i for i, p in enumerate(self.pdf.pages)}
        self.text = _marked_text(PdfReader(path))
        self.root = self.pdf.Root.StructTreeRoot.K

    def elements(self, el: pikepdf.Object | None = None) -> Iterator[pikepdf.Object]:
        """Every structure element below ``el`` (the document), in reading order."""
        el = self.root if el is None else el
        yield el
        for kid in _kids(el):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                yield from self.elements(kid)

    def own_text(self, el: pikepdf.Object) -> str:
        """The text of the element's own marked content (not its children's)."""
        page = self.page_index[el.Pg.objgen] if "/Pg" in el else None
        parts = []
        for kid in _kids(el):
            if isinstance(kid, int) and page is not None:
                parts.append(self.text[page].get(kid, ""))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                parts.append(self.text[self.page_index[kid.Pg.objgen]].get(int(kid.MCID), ""))
        return "".join(parts)

    def spoken(self, el: pikepdf.Object | None = None) -> str:
        """What a screen reader reads for ``el``: its /Alt or /ActualText in place of its
        content, else its own text and then its children's."""
        el = self.root if el is None else el
        for key in ("/Alt", "/ActualText"):
            if key in el:
                return str(el[key])
        parts = [self.own_text(el)]
        parts += [self.spoken(k) for k in _kids(el)
                  if isinstance(k, pikepdf.Dictionary) and "/S" in k]
        return "\n".join(p for p in parts if p.strip())


def _kids(el: pikepdf.Object) -> list[object]:
    k = el.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def _marked_text(reader: PdfReader) -> dict[int, dict[int, str]]:
    """For each page, the text shown inside each MCID's marked-content sequence."""
    return {index: _page_marked_text(page) for index, page in enumerate(reader.pages)}


def _page_marked_text(page: PageObject) -> dict[int, str]:
    stack: list[int | None] = []
    texts: dict[int, str] = {}

    def before(op: bytes, args: list, cm: object, tm: object) -> None:
        if op == b"BDC":
            props = args[1]
            stack.append(props.get("/MCID") if hasattr(props, "get") else None)
        elif op == b"BMC":
            stack.append(None)
        elif op == b"EMC":
            stack.pop()

    def text(t: str, *_: object) -> None:
        if stack and stack[-1] is not None:
            texts[stack[-1]] = texts.get(stack[-1], "") + t

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


def _role(el: pikepdf.Object) -> str:
    return str(el.S)[1:]


@pytest.fixture(scope="session")
def dossier(tagged_pdfs: dict[str, Path]) -> Structure:
    return Structure(tagged_pdfs["dossier"])


def test_dossier_is_marked_tagged_and_claims_pdfua(tagged_pdfs: dict[str, Path]) -> None:
    with pikepdf.open(tagged_pdfs["dossier"]) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "de-DE"
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == "Szenarien"


def test_headings_follow_the_outline(dossier: Structure) -> None:
    headings = [(int(_role(e)[1]), normalize(dossier.own_text(e))) for e in dossier.elements()
                if re.fullmatch(r"H\d", _role(e))]
    assert headings[0][0] == 1
    assert all(b <= a + 1 for (a, _), (b, _) in zip(headings, headings[1:], strict=False))

    def outline(items: list, depth: int = 1) -> Iterator[tuple[int, str]]:
        for item in items:
            yield depth, normalize(str(item.title))
            yield from outline(list(item.children), depth + 1)

    with dossier.pdf.open_outline() as tree:
        entries = list(outline(list(tree.root)))
    assert len(entries) > 25
    rest = iter(headings)  # each outline entry is a later heading of its level
    for level, title in entries:
        assert any(lv == level and text and text in title for lv, text in rest), title


def test_every_picture_is_a_figure_with_its_description(dossier: Structure) -> None:
    project = load_project(ROOT).project
    alts = [str(e.Alt) for e in dossier.elements() if _role(e) == "Figure"]
    wanted = [t.picture.alt for t in project.trends.trends]
    assert all(normalize(w) in map(normalize, alts) for w in wanted)
    radar = next(a for a in alts if a.startswith("Trendradar"))
    for trend in project.trends.trends:
        assert re.search(rf"{re.escape(trend.title)}: Ring \w+, Segment ", radar), trend.title
    assert all("/Alt" in e for e in dossier.elements() if _role(e) == "Figure")
    owners = _parent_tree(dossier.pdf)
    drawn = 0
    for page, mcid in _images(dossier.pdf):
        owner = owners[int(page.StructParents)][mcid]
        assert _role(owner) == "Figure" and str(owner.Alt).strip()
        drawn += 1
    assert drawn == len(wanted) + 1  # the trends' pictures and the cover's


def test_program_is_a_table_with_row_headers(dossier: Structure) -> None:
    tables = [e for e in dossier.elements() if _role(e) == "Table"]
    rows = [r for t in tables for r in _kids(t)]
    assert len(rows) >= 10 and all(_role(r) == "TR" for r in rows)
    cells = [[(_role(c), dossier.own_text(c), c) for c in _kids(r)] for r in rows]
    assert all([role for role, _, _ in row] == ["TH", "TD"] for row in cells)
    assert all(str(row[0][2].A.Scope) == "/Row" for row in cells)
    assert ("Mi., 04. März 2026", "Future Work Session FC Bayern München") in {
        (normalize(row[0][1]), normalize(row[1][1])) for row in cells}


def test_factor_lists_are_lists(dossier: Structure) -> None:
    lists = [e for e in dossier.elements() if _role(e) == "L"]
    items = [i for lst in lists for i in _kids(lst)]
    assert len(lists) == 17 and all(_role(i) == "LI" for i in items)  # 16 trends, the method
    assert "Partizipationsgrad der Nutzer:innen" in dossier.spoken(lists[1])


def test_no_page_content_outside_tags_or_artifacts(tagged_pdfs: dict[str, Path]) -> None:
    for name in ("dossier", "slides", "starter", "handout", "notes"):
        with pikepdf.open(tagged_pdfs[name]) as pdf:
            claimed = _claimed(pdf)
            for index, page in enumerate(pdf.pages):
                stack: list[str] = []
                for operands, op in pikepdf.parse_content_stream(page):
                    name_ = str(op)
                    if name_ in ("BDC", "BMC"):
                        tag = str(operands[0])[1:]
                        if tag != "Artifact":
                            assert not stack, f"{name} p.{index + 1}: nested marked content"
                            mcid = int(operands[1].MCID)
                            assert (index, mcid) in claimed, f"{name} p.{index + 1} {mcid}"
                        stack.append(tag)
                    elif name_ == "EMC":
                        stack.pop()
                    elif name_ in PAINTING:
                        assert stack, f"{name} p.{index + 1}: {name_} outside marked content"
                assert stack == []


def test_links_are_described_and_in_link_elements(dossier: Structure) -> None:
    parents = _parent_tree(dossier.pdf)
    links = [a for p in dossier.pdf.pages for a in p.obj.get("/Annots", [])]
    assert len(links) > 80
    for annot in links:
        assert str(annot.Contents).strip()
        assert _role(parents[int(annot.StructParent)]) == "Link"
    assert all(str(p.obj.get("/Tabs")) == "/S" for p in dossier.pdf.pages if "/Annots" in p.obj)


def test_screen_reader_hears_every_content_string_with_words_whole(dossier: Structure) -> None:
    spoken = dossier.spoken()
    # A hyphen left at a line end is the content's own ("Zukunfts-kompetenz"): the ones
    # hyphenation adds are read from /ActualText.
    text = normalize(re.sub(r"-\n", "-", spoken))
    wanted = [normalize(s) for s in expected_strings(load_project(ROOT).project)]
    wanted = [w for w in wanted if not re.fullmatch(r"\d\d\. \w+", w)]  # dates carry weekdays
    assert missing_from(text, wanted) == []
    # Justified paragraphs are hyphenated on the page and whole in what is read out.
    whole = [e for e in dossier.elements() if "/ActualText" in e]
    broken = [e for e in whole if re.search(r"\w-\n\w", dossier.own_text(e))]
    assert broken and "datenbasierten" in text
    # Paragraphs: the same letters in the same order; contents entries: the same letters,
    # the page number read after the title it was drawn before.
    for el in whole:
        shown, read = _letters(dossier.own_text(el)), _letters(str(el.ActualText))
        assert shown == read if _role(el) == "P" else sorted(shown) == sorted(read)
    assert {_role(e) for e in whole} == {"P", "Link"}


def _letters(text: str) -> str:
    return re.sub(r"\W|_", "", text.replace("-", ""))


def _claimed(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """(page index, MCID) of every marked-content sequence an element owns."""
    keys = _parent_tree(pdf)
    found = set()
    for index, page in enumerate(pdf.pages):
        if "/StructParents" in page.obj:
            owners = keys[int(page.obj.StructParents)]
            found |= {(index, mcid) for mcid in range(len(owners))}
    return found


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _images(pdf: pikepdf.Pdf) -> Iterator[tuple[pikepdf.Object, int]]:
    """Each picture drawn: its page and the MCID it is drawn in."""
    for index, page in enumerate(pdf.pages):
        xobjects = page.obj.Resources.get("/XObject", {})
        mcid: int | None = None
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) == "BDC" and str(operands[0]) != "/Artifact":
                mcid = int(operands[1].MCID)
            elif str(op) in ("EMC", "BMC"):
                mcid = None
            elif str(op) == "Do" and xobjects[operands[0]].Subtype == "/Image":
                assert mcid is not None, f"a picture on page {index + 1} is not tagged"
                yield page.obj, mcid
