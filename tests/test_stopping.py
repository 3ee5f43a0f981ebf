"""Ctrl+C in watch and serve: the first press only sets their stop event (no exception a
finaliser could swallow), the second interrupts, and Python's Ctrl+C is back after."""

from __future__ import annotations

import signal
import threading

import pytest

from deckbuilder.cli.stopping import ctrl_c_sets


def test_the_first_ctrl_c_sets_the_event_and_the_second_interrupts() -> None:
    stop = threading.Event()
    with ctrl_c_sets(stop):
        signal.raise_signal(signal.SIGINT)  # no KeyboardInterrupt: the loop looks at stop
        assert stop.is_set()
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
