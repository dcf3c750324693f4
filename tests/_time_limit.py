"""A time limit for one call, so that a hang fails its test instead of freezing the run."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable

#: Seconds a single call may take before it counts as a hang.
LIMIT = 5.0


class Hang(Exception):
    """Raised when a call does not return within its time limit."""


def within(call: Callable[[], object], seconds: float = LIMIT) -> object:
    """``call()``, or :class:`Hang` if it has not returned after ``seconds``.

    In the main thread a SIGALRM interrupts the call itself (a Python loop that spins stops
    there). Elsewhere the call runs in a daemon thread that is abandoned on a hang.
    """
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def alarm(signum, frame):
            raise Hang(f"no answer within {seconds} s")

        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return call()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0.0)
            signal.signal(signal.SIGALRM, previous)
    outcome: dict[str, object] = {}

    def run():
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed back to the caller's thread below
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise Hang(f"no answer within {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
