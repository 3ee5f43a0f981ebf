"""A text laid out in two columns, written as one body with two columns.

Layout fills a scenario's text into two column boxes (and the slides PDF draws them so).
Written as two shapes, a phrase that runs from one column into the next could not be
found, and an edit in the first column did not reflow into the second. Before the deck is
written, each such pair becomes one text box as wide as both, with ``columns`` 2 and the
gap between them (a:bodyPr numCol and spcCol), and a paragraph that layout split between
the columns whole again. PowerPoint and LibreOffice fill the first column to its foot
with the same exact line pitch layout measured, so the column breaks where it broke.
"""

from __future__ import annotations

from dataclasses import replace

from ...layout.plan import Box, DeckPlan, Element, Para, SlidePlan, TextBox


def merged_columns(plan: DeckPlan) -> DeckPlan:
    """The plan with every text box that goes on in the next one merged with it."""
    slides = tuple(_slide(s) for s in plan.slides)
    if all(new is old for new, old in zip(slides, plan.slides, strict=True)):
        return plan
    return replace(plan, slides=slides)


def _slide(slide: SlidePlan) -> SlidePlan:
    elements = list(slide.elements)
    if not any(isinstance(e, TextBox) and e.next_column for e in elements):
        return slide
    found: list[Element] = []
    i = 0
    while i < len(elements):
        first = elements[i]
        second = elements[i + 1] if i + 1 < len(elements) else None
        if isinstance(first, TextBox) and first.next_column and isinstance(second, TextBox):
            found.append(_merged(first, second))
            i += 2
        else:
            found.append(first)
            i += 1
    return replace(slide, elements=tuple(found))


def _merged(first: TextBox, second: TextBox) -> TextBox:
    """One body of two columns: the first box's paragraphs, then the second's, a split
    paragraph joined (its head's runs, then its tail's), each break moved along."""
    box = Box(first.box.x, first.box.y, second.box.right - first.box.x,
              max(first.box.h, second.box.h))
    joined = first.split_last and bool(second.paras)
    paras: tuple[Para, ...] = first.paras
    shift_para = len(first.paras) - (1 if joined else 0)
    shift_run = len(first.paras[-1].runs) if joined else 0
    if joined:
        head, tail = first.paras[-1], second.paras[0]
        runs = head.runs + tail.runs
        if not head.text[-1:].isspace() and not tail.text[:1].isspace():
            # layout splits a paragraph between boxes only at a space, which it drops
            runs = head.runs[:-1] + (replace(head.runs[-1], text=head.runs[-1].text + " "),) \
                + tail.runs
        paras = first.paras[:-1] + (replace(head, runs=runs),)
        paras += second.paras[1:]
    else:
        paras += second.paras
    breaks = set(first.breaks)
    for p, r, at in second.breaks:
        breaks.add((p + shift_para, r + (shift_run if p == 0 and joined else 0), at))
    return replace(first, box=box, paras=paras, breaks=frozenset(breaks), next_column=False,
                   split_last=second.split_last, columns=2,
                   column_gap=second.box.x - first.box.right,
                   height=max(first.height, second.height))
