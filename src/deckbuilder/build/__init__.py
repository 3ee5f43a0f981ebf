"""Running the stages and keeping their state: the build itself (stages), whether anything
changed (uptodate, incremental), outputs open in other programs (locks), the build's date
(clock), the second process that writes the PDFs and the calendar (aside, aside_jobs),
PNG previews of the results, and the live preview in the browser (serve: its drawing
loop, serve_draw: what it redraws, serve_board: the page's state, serve_http: its web
server, serve_page.html: the page).

May import: edits/, render/, layout/, content/, text/ and the modules at the top.
"""
