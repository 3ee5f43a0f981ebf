"""Lets ``python -m deckbuilder`` work like the ``deckbuilder`` command."""

from .cli import run

run()
