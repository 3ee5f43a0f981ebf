"""The editable deck, written with python-pptx: ``deck.render`` is the entry point.

Kept empty so that reading a template's placeholders (template.py) does not load the
deck writer."""
