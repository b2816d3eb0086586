"""What the windows need from a running terminal: services and devices, nothing else.

Widgets call these services; they never open a database session.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.auth import AuthService
from app.services.counter import CounterService
from app.services.ports import Clock, ReceiptPrinter
from app.services.receipts import ReceiptService
from app.services.shifts import ShiftService
from app.settings import Settings
from ui.devices import NullPrinter
from ui.formatting import Formats


@dataclass
class Services:
    settings: Settings
    clock: Clock
    auth: AuthService
    counter: CounterService
    shifts: ShiftService
    receipts: ReceiptService
    printer: ReceiptPrinter
    #: the SyncService (``status()``: pending, oldest_pending, last_sync); None while not enrolled
    sync_status: Any = None
    #: the background sender (sync.loop.BackgroundSync) once started; the window nudges it after a payment
    sync_loop: Any = None
    #: where the terminal keeps its data; PDF reports are saved under ``reports/`` in it
    data_dir: Path | None = None
    #: cash above which the counter asks for a drop, and the close tolerance (minor units);
    #: None: the policy in force decides ([drawer] max_cash and close_tolerance)
    drop_limit_minor: int | None = None
    close_tolerance_minor: int | None = None
    #: app.services.lookup.FreshLookup: central's balance within about a second (None: never asked)
    fresh: Any = None
    #: printing.CustomerDisplay (show_due / show_payment / show_welcome; never raises), or None
    display: Any = None

    def drop_limit(self) -> int | None:
        return self.drop_limit_minor if self.drop_limit_minor is not None else self.shifts.drop_limit()

    def close_tolerance(self) -> int:
        if self.close_tolerance_minor is not None:
            return self.close_tolerance_minor
        return self.shifts.close_tolerance()

    @property
    def formats(self) -> Formats:
        return Formats(self.settings)

    @classmethod
    def from_terminal(cls, terminal: Any, printer: ReceiptPrinter | None = None) -> Services:
        receipts = getattr(terminal, "receipts", None)
        if callable(receipts) and not isinstance(receipts, ReceiptService):
            receipts = receipts()  # Terminal.receipts() builds it with the terminal's secret
        if receipts is None:
            receipts = ReceiptService(terminal.counter.uow, terminal.clock, terminal.settings)
        sync = None
        if hasattr(terminal, "sync_service"):
            try:
                sync = terminal.sync_service()
            except Exception:  # an unreadable enrolment must not keep the counter closed
                sync = None
        fresh = None
        if sync is not None:
            from app.services.lookup import FreshLookup

            try:  # a short timeout: the cashier waits for the local view, never for central
                fresh = FreshLookup(terminal.counter, terminal.sync_service(timeout=1.0))
            except Exception:
                fresh = None
        try:
            display = getattr(terminal, "display", None)
        except Exception:  # a display that cannot be set up must not keep the counter closed
            display = None
        return cls(
            settings=terminal.settings,
            clock=terminal.clock,
            auth=terminal.auth,
            counter=terminal.counter,
            shifts=terminal.shifts,
            receipts=receipts,
            printer=printer or getattr(terminal, "printer", None) or NullPrinter(),
            sync_status=sync,
            data_dir=getattr(getattr(terminal, "paths", None), "data_dir", None),
            fresh=fresh,
            display=display,
        )
