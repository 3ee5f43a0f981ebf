"""What changes content files or reads edited outputs: the program's dates (events,
event_match, program_text), ``pull`` (texts edited in the deck back into content/, with
yaml_text), the guard that stops a build from overwriting an edited output, the deck
summary it compares, the change log, and the record of what the last build wrote
(output_state).

May import: render/ (the read side), layout/, content/, text/ and the modules at the top.
"""
