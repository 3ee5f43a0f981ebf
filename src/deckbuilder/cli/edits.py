"""The commands for a deck edited after its build: the change log, and pull (the edited
texts back into content/)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import UsageError
from .common import OUT_OPTION, _date, _relative, output_folder
from .editions import SHOW_EDITION_OPTION, edition_in_use
from .places import command_for, update_hint

if TYPE_CHECKING:
    from ..edits.pull import Found
    from ..edits.pull_write import Plan


@click.command(name="changes")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@OUT_OPTION
@click.option("--since", default=None, metavar="YYYY-MM-DD",
              help="Only the versions built on this day or later.")
@SHOW_EDITION_OPTION
def changes_command(project: Path, out: Path | None, since: str | None,
                    edition: str | None) -> None:
    """Print the change log: what changed in the content from build to build (moved
    events, edited slides), as kept in output/NAME-changes.md for hand-outs.

    \b
    Examples:
      deckbuilder changes
      deckbuilder changes --since 2026-11-01
    """
    from ..edits.changelog import since as sections_since

    with edition_in_use(project, out, edition, reads_content=False) as folder:
        logs = sorted(folder.glob("*-changes.md"))
        if not logs:
            raise UsageError(f"there is no change log in '{_relative(folder)}' yet: run "
                             f"'{command_for(project, 'deckbuilder build')}' first")
    day = _date(since)
    for log in logs:
        text = log.read_text("utf-8")
        click.echo(text if day is None else sections_since(text, day), nl=False)


@click.command(name="pull")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@OUT_OPTION
@click.option("--from", "source", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The edited deck (default: the deck in the output folder).")
@click.option("--dry-run", is_flag=True, help="Only show the edits and where they belong.")
@click.option("--edition", default=None, metavar="NAME", help="The edition whose deck "
              "(in output/NAME/) to take the texts from; they go into the file each came "
              "from, the edition's own or the shared one.")
def pull_command(project: Path, out: Path | None, source: Path | None, dry_run: bool,
                 edition: str | None) -> None:
    """Take the texts edited in the built deck (in PowerPoint, say) into content/: each
    edited text replaces the value it came from, nothing else in the files changes. What
    cannot be carried back (moved shapes, new slides) is listed and left alone.

    \b
    Examples:
      deckbuilder pull --dry-run      # only show the edits and where they belong
      deckbuilder pull                # write them into content/, then build
    """
    from ..content.editions import chosen

    with chosen(edition):
        _pull_edition(project, out, source, dry_run, edition)


def _pull_edition(project: Path, out: Path | None, source: Path | None, dry_run: bool,
                  edition: str | None) -> None:
    from ..content.load import load_project
    from ..edits import pull_write
    from ..edits.output_state import load
    from ..edits.pull import read_edits

    loaded = load_project(project)
    folder = output_folder(project, out)
    folder = folder / edition if edition else folder
    built = f"{loaded.project.deck.name}.pptx"
    deck = source or folder / built
    found = read_edits(project, deck, built, load(folder), loaded.project)
    plan = pull_write.plan(project, found)
    for proposal in plan.changes:
        click.echo(str(proposal))
        for follow in (f for f in plan.follows if f.old == proposal.old):
            click.echo(f"  and {follow.where}: {follow.note}")
    if plan.left:
        click.echo("left alone (cannot be carried back into content/):")
        for line in plan.left:
            click.echo(f"  {line}")
    if not plan.changes and not plan.left:
        click.echo(f"no edits in {_relative(deck)} since the last build")
    if dry_run or not plan.changes:
        return
    _pull(project, folder, built, deck, found, plan)


def _pull(project: Path, folder: Path, built: str, deck: Path, found: Found, plan: Plan) -> None:
    """Writes the planned changes and says what comes next."""
    from ..edits import pull_write
    from .history import command_line

    texts = pull_write.new_texts(project, [*plan.changes, *plan.follows])
    accepting = (lambda: pull_write.accept(folder, built, found, plan)) \
        if deck.resolve() == (folder / built).resolve() else None
    copy = pull_write.write_and_accept(project, texts, command_line(),
                                       pull_write.summarize(folder, plan.changes), accepting)
    names = ", ".join(_relative(p) for p in texts)
    count = len(plan.changes)
    click.echo(f"wrote {count} edit{'s' if count != 1 else ''} into {names}")
    if copy is not None:
        click.echo(f"kept the edited deck as {_relative(copy)} (pull takes the texts; "
                   "formatting, pictures and notes stay only in that copy)")
    if plan.left:
        click.echo("the next build stops because of what is left alone: if it should stay, "
                   "make it in content/ by hand; then run "
                   f"'{command_for(project, 'deckbuilder build')} --discard-edits' "
                   "(it keeps the edited deck under output/replaced/ and builds anew)")
    else:
        click.echo(f"next: {update_hint(project, list(texts))}")
