"""A one-line progress display on the terminal for builds that take more than a second.

Silent when stderr is not a terminal (pipes, CI, logs), and for quick builds.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

DELAY = 1.0  # seconds before anything is shown
TICK = 0.2


class Progress:
    """Call it with each stage's name; use as a context manager around the build."""

    def __init__(self, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """``clock``: seconds from any start (tests give one they control)."""
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.stage = "starting"
        self.clock = clock
        self.start = clock()
        self._stop = threading.Event()
        self._shown = False
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __call__(self, stage: str) -> None:
        self.stage = stage

    def __enter__(self) -> Progress:
        if self.enabled:
            self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._stop.set()
        if self.enabled:
            self._thread.join()
            if self._shown:
                self.stream.write("\r\x1b[2K")  # clear the line for the results
                self.stream.flush()

    def _run(self) -> None:
        while not self._stop.wait(TICK):
            elapsed = self.clock() - self.start
            if elapsed >= DELAY:
                self._shown = True
                self.stream.write(f"\r\x1b[2Kbuilding: {self.stage} … {elapsed:.1f} s")
                self.stream.flush()
