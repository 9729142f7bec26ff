"""Signals while a run lasts: SIGINT, SIGTERM and SIGHUP unwind the run instead of
killing the process where it stands (which would leave a temporary file as large as the
input, and workers with no parent)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class Signalled(BaseException):
    """SIGINT, SIGTERM or SIGHUP arrived: unwind (cleaning up) and exit with 128 + N.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` stops it.
    """

    def __init__(self, signum: int) -> None:
        import signal

        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


@contextmanager
def signals_stop_the_run() -> Iterator[None]:
    """While the run lasts, SIGINT, SIGTERM and SIGHUP raise :class:`Signalled` in it.

    Their default action kills the process where it stands, leaving a temporary file as
    large as the input, and workers with no parent. Only the main thread may set
    handlers; elsewhere (a library caller's thread) nothing changes.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Signalled(signum)

    wanted = [getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]
    before = {signum: signal.signal(signum, stop) for signum in wanted}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
