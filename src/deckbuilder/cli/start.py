"""The ``deckbuilder`` command's entry point: the build's second process is started before
anything else is imported (aside.start_early), then the command runs (cli/main.py's run)."""

from __future__ import annotations

import os
import sys


def run() -> None:
    """Also turns pydantic's plugin search off before the PDF process starts, so that
    process inherits it too (cli/main.py's run says why)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:  # a Ctrl+C while the libraries load, before main() can say what it means
        from ..build.aside import start_early

        start_early(sys.argv[1:])
        from .main import run as command
    except KeyboardInterrupt:
        from ..errors import Interrupted

        sys.stderr.write(Interrupted().said + "\n")
        sys.exit(130)
    command()
