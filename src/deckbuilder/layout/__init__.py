"""Pure functions from the content model and the theme to plans (boxes, text, pictures,
shapes) for every renderer: slides, dossier, calendar. Fit and continuation are decided
here once; no file is read or written.

May import: content/, text/ and the modules at the top.
"""
