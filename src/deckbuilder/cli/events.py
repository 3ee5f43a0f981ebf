"""The commands that change or show the program's dates, and inspect a corporate template."""

from __future__ import annotations

from pathlib import Path

import click

from .common import PROJECT_ARG, _date, _project, _report
from .history import command_line


def chosen(edition: str | None):  # type: ignore[no-untyped-def]
    """Within the block the command works on ``edition`` (None: the default one)."""
    from ..content.editions import chosen as choose

    return choose(edition)


#: Every events command works on one edition's program: its own file, or the shared one.
EDITION = click.option("--edition", default=None, metavar="NAME", help="The edition whose "
                       "program to show or change (its own program file, named in "
                       "content/editions/NAME.yaml; default: the default edition's).")


@click.group(name="template")
def template_group() -> None:
    """Inspect a corporate PowerPoint template (its masters and layouts).

    \b
    Example:
      deckbuilder template check assets/corporate.pptx
    """


@template_group.command(name="check")
@click.argument("file", type=click.Path(path_type=Path))
def template_check(file: Path) -> None:
    """List FILE's layouts and placeholders and say which slide kinds each can serve.

    \b
    Example:
      deckbuilder template check assets/corporate.pptx
    """
    from ..content.pptx_package import PackageProblem
    from ..errors import ContentError, Location, error
    from ..render.pptx.template import describe_template
    from .places import shown

    # A file that is no readable .pptx (a folder and a missing file too) is reported the
    # way build reports its template, exit 1, not as click's usage error or a crash.
    try:
        lines = describe_template(file)
    except PackageProblem as exc:
        raise ContentError([error(Location(shown(file)), f"the file is {exc}", exc.hint)]
                           ) from None
    for line in lines:
        click.echo(line)


@click.group()
def events() -> None:
    """List and change the dates of the program (content/program.yaml).

    \b
    Examples:
      deckbuilder events list
      deckbuilder events move "Future Day Frankfurt" 2026-11-19
      deckbuilder events move "Virtuelle Sprechstunde" 2026-04-24 --on 2026-04-17
      deckbuilder events add 2026-12-03 "Future Work Session" --place "Essen"
      deckbuilder events add 2026-12-09 "Zukunftsmesse" --end 2026-12-11
      deckbuilder events remove "Deep Dive Szenariotechnik"
    """


@events.command("list")
@PROJECT_ARG
@EDITION
def events_list(project: Path, edition: str | None) -> None:
    """Print the program as a table, an event of several days with its first and last
    day; entries over before today are marked 'past'.

    \b
    Example:
      deckbuilder events list ~/decks/ihk
    """
    from ..build.stages import build_timestamp
    from ..content.dates import weekday_date
    from ..content.load import load_project
    from ..content.program import entries, is_past

    with chosen(edition):
        program = load_project(_project(project)).project.program
    today = build_timestamp().date()
    rows = [(e.heading, weekday_date(e.event.date, e.event.end), e.event.label,
             "past" if is_past(e.event, today) else "") for e in entries(program)]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for section, date, label, past in rows:
        click.echo(f"{section:<{widths[0]}}  {date:<{widths[1]}}  {label:<{widths[2]}}  {past}"
                   .rstrip())


@events.command("move")
@click.argument("title")
@click.argument("date")
@PROJECT_ARG
@click.option("--on", "on", default=None, help="The entry's current date, when the title "
              "names several entries.")
@click.option("--end", "end", default=None, help="The new last day (YYYY-MM-DD) of an event "
              "of several days; without it the event keeps its length.")
@EDITION
def events_move(title: str, date: str, project: Path, on: str | None, end: str | None,
                edition: str | None) -> None:
    """Give the entry TITLE the new first day DATE (YYYY-MM-DD); only its date lines change.

    An event of several days moves as a whole (its last day too); --end sets another.

    \b
    Examples:
      deckbuilder events move "Future Day Frankfurt" 2026-11-19
      deckbuilder events move "Zukunftsmesse" 2026-12-09 --end 2026-12-12
    """
    from ..edits.events import move

    new = _date(date)
    assert new is not None
    with chosen(edition):
        _report(move(_project(project), title, new, _date(on), _date(end), command_line()),
                project)


@events.command("add")
@click.argument("date")
@click.argument("title")
@PROJECT_ARG
@click.option("--place", default=None, help="Place or partner, shown under the title.")
@click.option("--section", type=click.Choice(["events", "deep-dives"]), default="events",
              show_default=True, help="Which list of the program gets the entry.")
@click.option("--end", "end", default=None, help="The last day (YYYY-MM-DD) of an event of "
              "several days; DATE is its first.")
@EDITION
def events_add(date: str, title: str, project: Path, place: str | None, section: str,
               end: str | None, edition: str | None) -> None:
    """Add an entry on DATE called TITLE, in date order.

    \b
    Examples:
      deckbuilder events add 2026-12-03 "Future Work Session" --place "Essen"
      deckbuilder events add 2026-12-09 "Zukunftsmesse" --end 2026-12-11
    """
    from ..edits.events import add

    day = _date(date)
    assert day is not None
    with chosen(edition):
        _report(add(_project(project), section, day, title, place, _date(end),
                    command_line()), project)


@events.command("remove")
@click.argument("title")
@PROJECT_ARG
@click.option("--on", "on", default=None, help="The entry's date, when the title names "
              "several entries.")
@EDITION
def events_remove(title: str, project: Path, on: str | None, edition: str | None) -> None:
    """Remove the entry TITLE from the program.

    \b
    Example:
      deckbuilder events remove "Deep Dive Szenariotechnik"
    """
    from ..edits.events import remove

    with chosen(edition):
        _report(remove(_project(project), title, _date(on), command_line()), project)
