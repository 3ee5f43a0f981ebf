"""Lets ``python -m deckbuilder`` work like the ``deckbuilder`` command."""

if __name__ == "__main__":  # not when "spawn" imports this module again (build/aside.py)
    from deckbuilder.cli.start import run

    run()
