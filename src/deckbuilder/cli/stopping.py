"""Ctrl+C for the commands that run until it is pressed (watch, serve).

Python turns Ctrl+C into a KeyboardInterrupt raised in whatever Python code runs next.
While such a command waits, that can be the finaliser (``__del__``) of an object the
garbage collector frees at that moment (a finished build's pipe to its PDF process):
an exception there is only printed as "Exception ignored", and the command went on
watching (seen in a test after a failed build). Here Ctrl+C only sets an event the
waiting loop looks at, which no finaliser can swallow; a second Ctrl+C interrupts at once.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def ctrl_c_sets(stop: threading.Event) -> Iterator[None]:
    """Within the block the first Ctrl+C sets ``stop``; the second raises KeyboardInterrupt
    (for a command that does not get round to looking)."""
    def pressed(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    try:
        previous = signal.signal(signal.SIGINT, pressed)
    except ValueError:  # not the main thread (a test's): Ctrl+C stays Python's
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
