"""Wiring: the one module that plugs storage, devices and network into the services."""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.domain.errors import DomainError
from app.domain.policy import load_default_policy, load_policy
from app.domain.protocol import uuid7
from app.services.auth import Argon2PinHasher, AuthService
from app.services.counter import CounterService
from app.services.policy_holder import PolicyHolder
from app.services.enrolment import credentials
from app.services.integrity import verify_at_start
from app.services.receipts import ReceiptService
from app.services.sync import SyncService
from app.services.ports import Clock, PinHasher, SystemClock
from app.services.shifts import ShiftService
from app.settings import Settings, load_settings
from app.storage.db import RECOVERY, Checkpointer, StoreProblem, open_store
from app.storage.uow import SqlUnitOfWork
from ventanilla.paths import Paths

log = logging.getLogger("ventanilla")


@dataclass
class Terminal:
    """Everything a running terminal needs, built once at start-up."""

    paths: Paths
    settings: Settings
    engine: Engine
    auth: AuthService
    counter: CounterService
    shifts: ShiftService
    clock: Clock
    checkpointer: Checkpointer | None = None  # stopped by close()

    def uow(self) -> SqlUnitOfWork:
        return self.counter.uow()

    def sync_service(self, timeout: float = 10.0) -> SyncService | None:
        """The sender, once this terminal is enrolled with a central; None before."""
        creds = credentials(self.counter.uow)
        if creds is None:
            return None
        from sync.client import CentralClient

        terminal_id, secret, url = creds
        return SyncService(self.counter.uow, CentralClient(url, terminal_id, secret, clock=self.clock, timeout=timeout), self.clock)

    @property
    def printer(self):
        """The receipt printer from settings, or None when none is configured (the UI says so)."""
        if not self.settings.printer:
            return None
        if getattr(self, "_printer", None) is None:
            from printing import make_receipt_printer

            self._printer = make_receipt_printer(
                self.settings.printer, self.settings.printer_profile, spool_dir=self.paths.spool
            )
        return self._printer

    @property
    def display(self):
        """The customer display from settings, or None."""
        if not self.settings.display:
            return None
        if getattr(self, "_display", None) is None:
            from printing import CustomerDisplay

            self._display = CustomerDisplay(self.settings.display, locale=self.settings.locale)
        return self._display

    def receipts(self) -> ReceiptService:
        with self.uow() as uow:
            secret = uow.values.get("terminal_secret") or ""
        return ReceiptService(self.counter.uow, self.clock, self.settings, base64.b64decode(secret) if secret else b"")

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.stop()
        self.engine.dispose()


def build_terminal(paths: Paths, *, clock: Clock | None = None, hasher: PinHasher | None = None, settings: Settings | None = None) -> Terminal:
    settings = settings or load_settings(paths.settings)
    engine, sessions = open_store(paths.store)
    clock = clock or SystemClock()

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(sessions)

    try:
        terminal_id = _read_store_at_start(uow)
    except DomainError:
        engine.dispose()
        raise
    except (SQLAlchemyError, ValueError, TypeError, AttributeError, KeyError) as e:
        # Values this program never writes (a damaged page that still parses, a NULL
        # where none can be, text that is not UTF-8, a date that is not one): damage.
        engine.dispose()
        log.error("the store could not be read at start-up", exc_info=e)
        raise StoreProblem(
            "store_corrupt", f"Los datos de la caja están dañados y no se pueden leer ({type(e).__name__}). {RECOVERY}"
        ) from e
    policies = PolicyHolder(load_policy(settings.policy_file) if settings.policy_file else load_default_policy())
    return Terminal(
        paths=paths,
        settings=settings,
        engine=engine,
        auth=AuthService(uow, hasher or Argon2PinHasher(), clock),
        counter=CounterService(uow, clock, settings, terminal_id, policies),
        shifts=ShiftService(uow, clock, settings, policies),
        clock=clock,
        checkpointer=Checkpointer(paths.store, engine).start(),  # the WAL copied off the payment's path
    )


def _read_store_at_start(uow) -> str:  # noqa: ANN001 - a SqlUnitOfWork factory
    """The terminal id (a provisional one the first time), after the start-up integrity check."""
    with uow() as u:
        counters = u.terminal.counters()
        if not counters.terminal_id:
            # Until central enrols it, a terminal works under a provisional id
            # (training, demo, or an outlet set up before its line is in).
            counters.terminal_id = f"LOCAL-{uuid7()[-12:].upper()}"
            u.terminal.save_counters(counters)
        terminal_id = counters.terminal_id
        u.commit()
    with uow() as u:
        verify_at_start(u)  # raises StoreTampered: the counter does not open on an edited store
        needs_resync = bool(u.values.get("needs_resync"))
        enrolled = bool(u.values.get("terminal_secret"))
        if needs_resync and not enrolled:
            u.values.set("needs_resync", "")  # nothing central could hold: a local-only terminal goes on
        u.commit()
    return terminal_id
