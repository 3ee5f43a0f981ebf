"""The editions of a project: listing them, building one or all, checking all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ..errors import ContentError, UsageError
from .common import OUT_OPTION, PROJECT_ARG, _project, _relative, _shown, output_folder

EDITION_OPTION = click.option(
    "--edition", default=None, metavar="NAME",
    help="Build the edition content/editions/NAME.yaml into output/NAME/ "
         "(see 'deckbuilder editions').")
ALL_EDITIONS_OPTION = click.option(
    "--all-editions", is_flag=True,
    help="Build every edition, each into output/NAME/, several at once.")


#: ``--edition`` of the commands that show or read one edition (preview, watch, serve,
#: changes): its outputs are in output/NAME/, as build --edition writes them.
SHOW_EDITION_OPTION = click.option(
    "--edition", default=None, metavar="NAME",
    help="Work on the edition content/editions/NAME.yaml, whose outputs are in "
         "output/NAME/ (default: the default edition, in output/).")


@contextmanager
def edition_in_use(project: Path, out: Path | None, edition: str | None,
                   reads_content: bool = True) -> Iterator[Path]:
    """Within the block the content loads as ``edition`` (None: the default one); yields
    its output folder: ``out`` or output/, and NAME/ in it for an edition asked for. An
    unknown name is a usage error that lists the known ones. ``reads_content``: PROJECT
    must be a project (changes reads only the output folder)."""
    from ..build.editions import chosen as known
    from ..content.editions import chosen

    if reads_content or edition is not None:
        _project(project)
    folder = output_folder(project, out)
    if edition is not None:
        known(project, [edition])
        folder = folder / edition
    with chosen(edition):
        yield folder


def build_some(project: Path, out: Path | None, formats: tuple[str, ...], force: bool,
               discard_edits: bool, edition: str | None, all_editions: bool) -> None:
    """``build --edition NAME`` or ``build --all-editions``: each edition into its folder,
    then every edition's problems together (exit status 1 when there are any)."""
    from ..build.editions import build_editions, chosen, problems_of

    if edition is not None and all_editions:
        raise click.UsageError("give either --edition NAME or --all-editions, not both")
    names = chosen(project, None if all_editions else [edition] if edition else [])
    folder = output_folder(project, out)
    results = build_editions(project, folder, formats, names, force=force,
                             discard_edits=discard_edits)
    failed = [name for name, result in results.items() if isinstance(result, Exception)]
    shown: set[str] = set()  # a warning about a shared file is said once, not per edition
    for result in results.values():
        if isinstance(result, Exception):
            continue
        for w in result.warnings:
            if str(w) not in shown:
                shown.add(str(w))
                click.echo(_shown(w), err=True)
        for edited, kept in result.replaced:
            click.echo(f"kept the edited {_relative(edited)} as {_relative(kept)}")
        said = "up to date:" if result.up_to_date else "wrote"
        for path, what in result.outputs:
            click.echo(f"{said} {_relative(path)} ({what})")
    for result in results.values():
        if isinstance(result, UsageError):  # a folder or an open output: said as such
            raise result
    if failed:
        done = [name for name in results if name not in failed]
        click.echo(f"not built: {', '.join(failed)}", err=True)
        built = (f"the edition {done[0]} was built" if len(done) == 1 else
                 f"the editions {', '.join(done)} were built" if done else "")
        raise ContentError(problems_of(results), built)


def check_summary(checked, more: int = 0) -> str:  # type: ignore[no-untyped-def]
    """The last line of ``check``: slides and warnings (``more``: those LibreOffice's view
    added), each edition's slides when the project has editions."""
    count = len(checked.warnings) + more
    noted = f"{count} warning{'' if count == 1 else 's'}"
    if len(checked.slides) == 1:
        return f"no errors ({checked.slides[0][1]} slides, {noted})"
    each = ", ".join(f"{name} {slides} slides" for name, slides in checked.slides)
    return f"no errors ({len(checked.slides)} editions: {each}; {noted})"


@click.command(name="editions")
@PROJECT_ARG
@OUT_OPTION
def editions_command(project: Path, out: Path | None) -> None:
    """List the project's editions (content/editions/NAME.yaml): each edition's file,
    its own program file if it has one, and the folder its outputs go to.

    \b
    Examples:
      deckbuilder editions
      deckbuilder build --edition ihk-essen
      deckbuilder build --all-editions
    """
    from ..build.editions import places

    folder = output_folder(_project(project), out)
    found = places(project, folder)
    if not found:
        click.echo("no editions: the project builds from content/ alone into "
                   f"{_relative(folder)}/ (an edition is a file content/editions/NAME.yaml)")
        return
    for place in found:
        mark = "  (default: 'deckbuilder build' writes it to " \
               f"{_relative(folder)}/)" if place.default else ""
        click.echo(f"{place.name}{mark}")
        click.echo(f"  file:    {_relative(place.file)}")
        if place.program:
            click.echo(f"  program: {_relative(project / 'content' / place.program)}")
        click.echo(f"  output:  {_relative(place.out)}/")
