"""The writers, one per output format: ``pptx/`` (the editable deck), ``pdf/`` (the
dossier and the slides as PDF) and ``ics`` (the calendar). They read plans, never each
other, the loader or the CLI (tests/test_architecture.py holds them to it); ``images``
prepares the pictures all of them place.

May import: layout/, content/, text/ and the modules at the top.
"""
