"""Running the stages and keeping their state: the build itself (stages), whether anything
changed (uptodate, incremental), outputs open in other programs (locks), the build's date
(clock), the second process that writes the PDFs and the calendar (aside, aside_jobs), and
PNG previews of the results.

May import: edits/, render/, layout/, content/, text/ and the modules at the top.
"""
