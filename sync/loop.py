"""The background sender: pushes the outbox and pulls from central, forever.

A plain thread (no Qt), so the command line and the cashier app use the same
loop; the app listens to ``on_status`` and shows it in the status bar.  The
counter never waits on it: a payment commits locally and the loop picks it up
(``nudge`` makes it go at once).

Failures back off exponentially with full jitter (1 s, 2 s, 4 s ... up to
five minutes, each a random fraction of that) and retry forever: a hundred
outlets coming back online after a power cut do not all knock on central at
the same instant.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable

from app.domain.errors import DomainError
from app.services.sync import SyncService, SyncStatus

log = logging.getLogger(__name__)


def backoff_delay(failures: int, *, base: float = 1.0, cap: float = 300.0, rng: random.Random | None = None) -> float:
    """Full-jitter exponential back-off: uniform in [0, min(cap, base · 2^(failures-1))]."""
    if failures <= 0:
        return 0.0
    ceiling = min(cap, base * (2 ** min(failures - 1, 30)))
    return (rng or random).uniform(0, ceiling)


class BackgroundSync:
    def __init__(
        self,
        service: SyncService,
        *,
        push_every: float = 15.0,
        pull_every: float = 300.0,
        on_status: Callable[[SyncStatus, bool, str], None] | None = None,
        backoff_cap: float = 300.0,
    ) -> None:
        self.service = service
        self.push_every, self.pull_every, self.backoff_cap = push_every, pull_every, backoff_cap
        self.on_status = on_status
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.online = False
        self.failures = 0
        self.last_error = ""

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="ventanilla-sync", daemon=True)
            self._thread.start()

    def nudge(self) -> None:
        """A payment just committed: send it now rather than at the next tick."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop after the current exchange; a batch in flight finishes or times out, never half-applies."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def tick(self, *, pull: bool) -> bool:
        """One round: push everything, then pull when due. Returns whether central answered."""
        try:
            self.service.push_all()
            if pull:
                self.service.pull_policy()
                self.service.pull_returned_cheques()
                self.service.pull_snapshot()
            self.online, self.failures, self.last_error = True, 0, ""
        except DomainError as e:
            self.online, self.failures, self.last_error = False, self.failures + 1, e.message
        except Exception:  # never let the sender die; the next tick retries
            log.exception("sync tick failed")
            self.online, self.failures = False, self.failures + 1
            self.last_error = "Error inesperado al sincronizar; se reintentará."
        if self.on_status is not None:
            try:
                self.on_status(self.service.status(), self.online, self.last_error)
            except Exception:
                log.exception("sync status callback failed")
        return self.online

    def _run(self) -> None:
        since_pull = self.pull_every  # pull at start
        while not self._stop.is_set():
            pull = since_pull >= self.pull_every
            ok = self.tick(pull=pull)
            if ok and pull:
                since_pull = 0.0
            wait = self.push_every if ok else max(0.5, backoff_delay(self.failures, cap=self.backoff_cap))
            self._wake.wait(wait)
            self._wake.clear()
            since_pull += wait
