"""The ``deckbuilder`` command's entry point: the build's second process is started before
anything else is imported (aside.start_early), then the command runs (cli.run)."""

from __future__ import annotations

import sys


def run() -> None:
    from .aside import start_early

    start_early(sys.argv[1:])
    from .cli import run as command

    command()
