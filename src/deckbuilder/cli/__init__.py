"""The command line: click's commands, their shared options, console output and progress;
the only package that prints or exits. ``start.run`` is the command's entry point (it
starts the PDF process before anything heavy is imported, so this file imports nothing).

May import: build/, edits/, render/, layout/, content/, text/ and the modules at the top.
"""
