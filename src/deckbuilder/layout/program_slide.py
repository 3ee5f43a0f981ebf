"""The program slide: dated entries in columns (sizes.program), continued on further slides
if needed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..content.dates import day_month
from ..content.model import ProgramFile
from ..content.program import entries, is_past
from ..errors import ContentError, Location, error
from ..text.measure import WordTooWide
from .plan import Box, Para, Run, TableBox, TextBox
from .text import Typesetter, inserted_breaks


@dataclass(frozen=True)
class Row:
    date: str
    text: str
    past: bool = False
    place: str | None = None  # shown on a line of its own under the title
    source: Location | None = None  # where the entry's title is written


@dataclass(frozen=True)
class Group:
    heading: str
    rows: tuple[Row, ...]
    source: Location
    counted: tuple[str, str] = ("Termin", "Termine")  # one entry, several (alt text)


def program_groups(prog: ProgramFile, today: dt.date | None,
                   date_label=day_month) -> list[Group]:  # type: ignore[no-untyped-def]
    """The program's sections as rows; past entries are greyed or left out as it says."""
    groups: list[Group] = []
    all_entries = entries(prog)
    for key in ("events", "deep_dives"):
        section = getattr(prog, key)
        rows = []
        # date order whatever the file's order (a stable sort keeps same-day entries as written)
        for entry in sorted((e for e in all_entries if e.section == key),
                            key=lambda e: e.event.date):
            past = today is not None and is_past(entry.event, today)
            if past and prog.past == "hide":
                continue
            event = entry.event
            rows.append(Row(date_label(event.date, event.end), event.title,
                            past and prog.past == "grey", event.place, event.where("title")))
        if rows:
            groups.append(Group(section.heading, tuple(rows), section.loc))
    pubs, last = [], None
    for pub in prog.publications.entries:
        label = prog.half_label.format(half=pub.half) if pub.half != last else ""
        pubs.append(Row(label, pub.title, source=pub.where("title")))
        last = pub.half
    groups.append(Group(prog.publications.heading, tuple(pubs), prog.publications.loc,
                        ("Titel", "Titel")))
    return groups


Column = list[tuple[Group, list[Row]]]


class ProgramLayout:
    """Measures rows and headings for one column width, at one scale."""

    def __init__(self, ctx, width: float, height: float, scale: float) -> None:  # type: ignore[no-untyped-def]
        self.ctx, self.width, self.height, self.scale = ctx, width, height, scale
        # A viewer drawing a wider font grows a table's rows and never shrinks them: each
        # row is as tall as its text in the deck's own fonts (tight and even where they
        # are drawn; its words fit the widest fallback, so none breaks without a hyphen),
        # and takes room in its column for the widest fallback's lines.
        self.ts = replace(ctx.ts, measurer=ctx.ts.measurer.own())
        self.reach_ts = ctx.ts.for_tables()
        self.sizes = ctx.theme.sizes.program
        self.pad = self.sizes.cell_padding
        self.date_w = self._date_width()

    def _date_width(self) -> float:
        theme, m = self.ctx.theme, self.reach_ts.measurer
        style = theme.style("table-date")
        widest = max((m.width(r.date, style.face, style.size) for g in self.ctx.program_groups
                      for r in g.rows if r.date), default=0.0)
        return min(widest / theme.fit.width_safety + 2 * self.pad + self.sizes.date_extra,
                   self.width * self.sizes.date_width)

    def raw_cells(self, row: Row) -> tuple[tuple[Para, ...], tuple[Para, ...]]:
        """The date and text cells as content has them."""
        color = "muted" if row.past else None
        date = (Para((Run(row.date),), "table-date", color=color),) if row.date else ()
        text: tuple[Para, ...] = (Para((Run(row.text),), "table-text", color=color),)
        if row.place:  # apart from the title, so the two never read as one name
            text += (Para((Run(row.place),), "table-text", color="muted"),)
        return date, text

    def cells(self, row: Row) -> tuple[tuple[Para, ...], tuple[Para, ...]]:
        """The date and text cells, with soft hyphens where a long word breaks."""
        date, text = self.raw_cells(row)
        return tuple(tuple(self.ts.hyphenated(p, w - 2 * self.pad, self.scale) for p in c)
                     for c, w in zip((date, text), self.widths, strict=True))  # type: ignore[return-value]

    @property
    def widths(self) -> tuple[float, float]:
        return (self.date_w, self.width - self.date_w)

    def row_height(self, row: Row) -> float:
        """The row's height in the deck's fonts."""
        return self._height(row, self.ts)

    def row_reach(self, row: Row) -> float:
        """The room the row takes in its column: its height in the widest fallback."""
        return max(self._height(row, self.reach_ts), self.row_height(row))

    def _height(self, row: Row, ts: Typesetter) -> float:
        try:
            return max(ts.height(list(c), w - 2 * self.pad, self.scale) if c else 0.0
                       for c, w in zip(self.cells(row), self.widths, strict=True)) + 2 * self.pad
        except WordTooWide as exc:
            raise ContentError([error(row.source or Location("content/program.yaml"),
                                      f"the word '{exc.word}' is too wide for a column of "
                                      "the program slide, even hyphenated",
                                      "shorten it or put a space in it")]) from None

    def heading_height(self) -> float:
        style = self.ctx.theme.style("table-head")
        return style.size * style.leading * self.scale + self.sizes.heading_extra

    def raw_heading(self, group: Group, continued: bool) -> Para:
        """The group's heading, the table's header row; a group continued from the
        column before says so: "PUBLIKATIONEN (Fortsetzung)"."""
        text = group.heading
        if continued:
            text += f" {self.ctx.loaded.project.deck.continued}"
        return Para((Run(text),), "table-head")

    def heading(self, group: Group, continued: bool) -> Para:
        """The heading with soft hyphens where a long word breaks."""
        return self.ts.hyphenated(self.raw_heading(group, continued), self.width - 2 * self.pad,
                                  self.scale)

    def head_height(self, group: Group, continued: bool) -> float:
        """The header row's height: one line and the theme's air below it, more where
        the heading wraps (measured in the widest fallback: a table row only grows)."""
        lines = self.reach_ts.height([self.heading(group, continued)],
                                     self.width - 2 * self.pad, self.scale)
        style = self.ctx.theme.style("table-head")
        one = style.size * style.leading * self.scale
        return max(self.heading_height(), lines + self.sizes.heading_extra) if lines > one \
            else self.heading_height()

    def paginate(self, groups: list[Group], packed: bool) -> list[list[Column]]:
        """Slides of columns. Unpacked, each group starts a column of its own; packed, a
        group follows the previous one in the same column while its heading and first row
        fit. A group too long for its column continues in the next, heading repeated."""
        columns: list[Column] = []
        column: Column = []
        used = 0.0
        for group in groups:
            first = self.row_reach(group.rows[0])
            head, again = self.head_height(group, False), self.head_height(group, True)
            gap = self.sizes.heading_extra if column else 0.0  # air under the rule above
            if column and (not packed or used + gap + head + first > self.height):
                columns.append(column)
                column, used, gap = [], 0.0, 0.0
            rows: list[Row] = []
            used += gap + head
            for row in group.rows:
                h = self.row_reach(row)
                if h + again > self.height:
                    raise ContentError([error(group.source, f"the entry '{row.text}' is too "
                                              "long for a column of the program slide")])
                if used + h > self.height and rows:
                    column.append((group, rows))
                    columns.append(column)
                    column, rows, used = [], [], again
                rows.append(row)
                used += h
            column.append((group, rows))
        columns.append(column)
        per_slide = self.sizes.columns
        return [columns[i : i + per_slide] for i in range(0, len(columns), per_slide)]

    def alt(self, group: Group, rows: list[Row]) -> str:
        """The table's summary for screen readers, in the deck's language: "FUTURE CIRCLE
        PROGRAMM 2026: Präsenzveranstaltungen, 5 Termine"; a continued group says so."""
        project = self.ctx.loaded.project
        heading = group.heading
        if rows[0] is not group.rows[0]:
            heading += f" {project.deck.continued}"
        one, several = group.counted
        return f"{project.program.title}: {heading}, {len(rows)} " \
            f"{one if len(rows) == 1 else several}"

    def place(self, column: Column, x: float, y: float) -> list[TextBox | TableBox]:
        placed: list[TextBox | TableBox] = []
        for group, rows in column:
            if placed:  # a heading below another group's last rule keeps its distance
                y += self.sizes.heading_extra
            # The heading is the table's header row, across both columns: PowerPoint and
            # screen readers announce it as the header of the dates and entries below.
            continued = rows[0] is not group.rows[0]
            cells = ((self.heading(group, continued),), ()), *(self.cells(r) for r in rows)
            raws = ((self.raw_heading(group, continued),), ()), \
                *(self.raw_cells(r) for r in rows)
            breaks = frozenset((i, j, *at) for i, (raw_row, row) in enumerate(
                zip(raws, cells, strict=True)) for j, (raw, cell) in enumerate(
                zip(raw_row, row, strict=True)) for at in inserted_breaks(raw, cell))
            heights = (self.head_height(group, continued),
                       *(self.row_height(r) for r in rows))
            placed.append(TableBox(Box(x, y, self.width, sum(heights)),
                                   (self.date_w, self.width - self.date_w), cells, heights,
                                   self.pad, "rule", group.source, self.scale,
                                   rule_width=self.sizes.rule_width, header_rows=1,
                                   header_columns=1, alt=self.alt(group, rows), breaks=breaks))
            y += heights[0] + sum(self.row_reach(r) for r in rows)
        return placed


def layout_program(ctx, top: float, bottom: float) -> Iterator[list[TextBox | TableBox]]:  # type: ignore[no-untyped-def]
    """The program's columns per slide: shrunk to fit one slide where the theme allows,
    else continued at full size on as many slides as needed."""
    th = ctx.theme
    per_slide = th.sizes.program.columns
    width = (th.slide.content_width - (per_slide - 1) * th.gutter) / per_slide
    groups = ctx.program_groups
    # Each group in a column of its own, shrunk where need be, reads better than groups
    # packed into columns and continued in the next one.
    scales = [1.0]
    step = th.sizes.text.shrink_step
    while scales[-1] - step >= th.fit.min_scale - 1e-9:
        scales.append(round(scales[-1] - step, 4))
    attempts = [(scale, False) for scale in scales] + [(scale, True) for scale in scales]
    for scale, packed in attempts:  # the first arrangement that fits one slide
        layout = ProgramLayout(ctx, width, bottom - top, scale)
        pages = layout.paginate(groups, packed)
        if len(pages) == 1 and (packed or len(pages[0]) == len(groups)):
            break
    else:  # too much for one slide: continue at full size
        layout = ProgramLayout(ctx, width, bottom - top, 1.0)
        pages = layout.paginate(groups, packed=True)
    for columns in pages:
        elements: list[TextBox | TableBox] = []
        for i, column in enumerate(columns):
            elements += layout.place(column, th.slide.left + i * (width + th.gutter), top)
        yield elements
