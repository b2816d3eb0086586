"""Running service calls off the GUI thread.

Widgets never wait on the database, the printer or the network: they hand a
plain function to a :class:`Worker`, and the result (or the exception) comes
back on the GUI thread through a queued signal.  One worker may be limited to
a single thread so its jobs run in order (the printer queue).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class _Bridge(QObject):
    # emitted from pool threads; received by the Worker, which lives on the GUI thread
    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, token: int, fn: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self.token, self.fn, self.bridge = token, fn, bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as e:  # reported on the GUI thread, where errors.describe turns it into Spanish
            self.bridge.failed.emit(self.token, e)
            return
        self.bridge.done.emit(self.token, result)


class Worker(QObject):
    """A small thread pool whose callbacks run on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, threads: int | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        if threads:
            self.pool.setMaxThreadCount(threads)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._on_done)
        self._bridge.failed.connect(self._on_failed)
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._tokens = itertools.count(1)

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def submit(self, fn: Callable[[], Any], on_done: Callback | None = None, on_error: Callback | None = None) -> int:
        token = next(self._tokens)
        self._callbacks[token] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self.pool.start(_Job(token, fn, self._bridge))
        return token

    def wait(self, msecs: int = 5000) -> bool:
        """Block until every job finished (for shutdown and tests)."""
        return self.pool.waitForDone(msecs)

    def _pop(self, token: int) -> tuple[Callback | None, Callback | None]:
        callbacks = self._callbacks.pop(token, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(int, object)
    def _on_done(self, token: int, result: object) -> None:
        on_done, _ = self._pop(token)
        if on_done is not None:
            on_done(result)

    @Slot(int, object)
    def _on_failed(self, token: int, error: object) -> None:
        _, on_error = self._pop(token)
        if on_error is not None:
            on_error(error)
        else:
            log.error("background job failed with nobody listening", exc_info=error)  # type: ignore[arg-type]
