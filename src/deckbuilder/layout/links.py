"""Which words are links, decided once for every output.

Layout turns the web and e-mail addresses of the texts that carry them (the legal notes,
the dossier's page footer) into runs with a link; the renderers draw a run's link and find
none of their own. So the deck, the slides PDF and the dossier link the same words to the
same targets. The slides' footer stays plain: a link colour on every slide would fight the
muted footer, and PowerPoint shows links in the theme's link colour.
"""

from __future__ import annotations

import re

from .plan import Run

#: A web or e-mail address as the content writes it; trailing punctuation is not part of it.
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}|www\.[\w.-]*\w")


def target(address: str) -> str:
    """Where an address leads: ``mailto:`` for e-mail, ``https://`` for the web."""
    return f"mailto:{address}" if "@" in address else f"https://{address}"


def linked_runs(text: str) -> tuple[Run, ...]:
    """The text with its addresses as links of their own: only the address shows as a
    link (blue, underlined in LibreOffice), not the whole line."""
    runs: list[Run] = []
    at = 0
    for match in ADDRESS.finditer(text):
        if match.start() > at:
            runs.append(Run(text[at:match.start()]))
        runs.append(Run(match.group(), link=target(match.group())))
        at = match.end()
    return (*runs, Run(text[at:])) if at < len(text) or not runs else tuple(runs)
