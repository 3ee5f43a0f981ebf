"""A run's hyperlink as DrawingML: the click action, and the colour PowerPoint shows it in."""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

from ...layout.plan import TextBox

#: Office's hyperlink colour extension (ahyp:hlinkClr): val="tx" shows the link in
#: its run's own colour instead of the theme's link colour; PowerPoint 2019 and later
#: read it, older versions and LibreOffice ignore it and use the link colour.
HLINK_COLOR_EXT = "{A12FA001-AC4F-418D-AE19-62706E023703}"
HLINK_COLOR_NS = "http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"


def hyperlink(rpr: etree._Element, rid: str, keep_color: bool) -> etree._Element:
    """Adds to the run properties ``rpr`` a click that follows relationship ``rid``;
    ``keep_color``: the link keeps the run's colour (a button, the footer's address)."""
    click = etree.SubElement(rpr, qn("a:hlinkClick"), {qn("r:id"): rid})
    if keep_color:
        ext_lst = etree.SubElement(click, qn("a:extLst"))
        ext = etree.SubElement(ext_lst, qn("a:ext"), {"uri": HLINK_COLOR_EXT})
        etree.SubElement(ext, f"{{{HLINK_COLOR_NS}}}hlinkClr", {"val": "tx"},
                         nsmap={"ahyp": HLINK_COLOR_NS})
    return click


def shape_link(element: Any, tb: TextBox) -> None:
    """A text that is one link as a whole (a button, the call to action: every run links to
    the same address and keeps its colour) links from its shape instead of its runs: the
    whole shape is clickable, and no viewer underlines the big type as a text link."""
    runs = [r for p in tb.paras for r in p.runs if r.text.strip()]
    if not runs or not all(r.link and r.keep_color and r.link == runs[0].link for r in runs):
        return
    clicks = list(element.iter(qn("a:hlinkClick")))
    if not clicks:
        return
    rid = clicks[0].get(qn("r:id"))
    for click in clicks:
        click.getparent().remove(click)
    cnvpr = element.find(".//" + qn("p:cNvPr"))
    link = etree.Element(qn("a:hlinkClick"), {qn("r:id"): rid})
    ext = cnvpr.find(qn("a:extLst"))
    if ext is None:
        cnvpr.append(link)
    else:
        ext.addprevious(link)
