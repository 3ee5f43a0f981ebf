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


def test_a_ctrl_c_while_files_are_replaced_waits_for_the_set() -> None:
    """atomic.ctrl_c_after: the outputs and their record are replaced together; the Ctrl+C
    pressed meanwhile comes after, saying the files were written in full, or as watch's
    event; after a block that failed (its files rolled back) as a plain interrupt."""
    from deckbuilder.atomic import ctrl_c_after
    from deckbuilder.errors import Interrupted

    done = []
    with pytest.raises(Interrupted, match="written in full"):
        with ctrl_c_after():
            signal.raise_signal(signal.SIGINT)
            done.append("replaced")
            done.append("recorded")
    assert done == ["replaced", "recorded"]
    with pytest.raises(KeyboardInterrupt) as raised:
        with ctrl_c_after():
            signal.raise_signal(signal.SIGINT)
            raise OSError(28, "No space left on device")
    assert not isinstance(raised.value, Interrupted)
    stop = threading.Event()
    with ctrl_c_sets(stop):
        with pytest.raises(OSError):  # the failure is reported; watch stops after it
            with ctrl_c_after():
                signal.raise_signal(signal.SIGINT)
                assert not stop.is_set()
                raise OSError(28, "No space left on device")
        assert stop.is_set()
    with ctrl_c_after():
        pass  # nothing pressed: nothing after
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
