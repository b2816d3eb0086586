"""The background sender: pushes the outbox and pulls the snapshot, forever.

A plain thread (no Qt), so the command line and the cashier app use the same
loop; the app listens to ``on_status`` and shows it in the status bar.  The
counter never waits on it: a payment commits locally and the loop picks it up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from app.domain.errors import DomainError
from app.services.sync import SyncService, SyncStatus

log = logging.getLogger(__name__)


class BackgroundSync:
    def __init__(
        self,
        service: SyncService,
        *,
        push_every: float = 15.0,
        pull_every: float = 300.0,
        on_status: Callable[[SyncStatus, bool, str], None] | None = None,
    ) -> None:
        self.service = service
        self.push_every, self.pull_every = push_every, pull_every
        self.on_status = on_status
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.online = False

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="ventanilla-sync", daemon=True)
            self._thread.start()

    def nudge(self) -> None:
        """A payment just committed: send it now rather than at the next tick."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        since_pull = self.pull_every  # pull at start
        while not self._stop.is_set():
            message = ""
            try:
                self.service.push_all()
                if since_pull >= self.pull_every:
                    self.service.pull_policy()
                    self.service.pull_returned_cheques()
                    self.service.pull_snapshot()
                    since_pull = 0.0
                self.online = True
            except DomainError as e:
                self.online, message = False, e.message
            except Exception:  # never let the sender die; the next tick retries
                log.exception("sync tick failed")
                self.online, message = False, "Error inesperado al sincronizar; se reintentará."
            if self.on_status is not None:
                try:
                    self.on_status(self.service.status(), self.online, message)
                except Exception:
                    log.exception("sync status callback failed")
            self._wake.wait(self.push_every)
            self._wake.clear()
            since_pull += self.push_every
