"""Which words are links, decided once for every output.

Layout turns the web and e-mail addresses written in texts (the footer, the legal notes,
any paragraph) into runs with a link, and makes a whole text a link where the content
names its target (``link:`` of the button and the call to action); the renderers draw a
run's link and find none of their own. So the deck, the slides PDF and the dossier link
the same words to the same targets. Links that are links by their place (a button, the
call to action, the footer's address) keep their text's colour in PowerPoint too, which
would otherwise show them in the theme's link colour (``Run.keep_color``).
"""

from __future__ import annotations

import re

from .plan import Run

#: A web or e-mail address as the content writes it; trailing punctuation is not part of it.
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}|www\.[\w.-]*\w")


def target(address: str) -> str:
    """Where an address leads: ``mailto:`` for e-mail, ``https://`` for the web."""
    return f"mailto:{address}" if "@" in address else f"https://{address}"


def linked_runs(text: str, *, keep_color: bool = False) -> tuple[Run, ...]:
    """The text with its addresses as links of their own: only the address shows as a
    link (blue, underlined in LibreOffice), not the whole line."""
    runs: list[Run] = []
    at = 0
    for match in ADDRESS.finditer(text):
        if match.start() > at:
            runs.append(Run(text[at:match.start()]))
        runs.append(Run(match.group(), link=target(match.group()), keep_color=keep_color))
        at = match.end()
    return (*runs, Run(text[at:])) if at < len(text) or not runs else tuple(runs)


def link_runs(text: str, link: str | None) -> tuple[Run, ...]:
    """The text as one link to ``link`` in its own colour (a button, a call to action);
    without one, the text with its addresses as links."""
    return (Run(text, link=link, keep_color=True),) if link else linked_runs(text)


def shown(address: str) -> str:
    """An address as it is printed for a reader to type: without ``https://`` or
    ``mailto:``, which browsers and mail programs add themselves."""
    for scheme in ("https://", "mailto:"):
        if address.startswith(scheme):
            return address.removeprefix(scheme)
    return address


def first_address(runs: tuple[Run, ...]) -> str | None:
    """Where the first link of a text leads (the legal notice's web address), if it has one."""
    return next((run.link for run in runs if run.link), None)
