"""Recording doubles for the devices the counter drives."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from app.services.ports import PrinterFault
from app.services.receipts import ReceiptData


class RecordingPrinter:
    """Keeps every receipt and drawer kick; can block or fail like a real printer."""

    configured = True

    def __init__(self, *, delay_s: float = 0.0, fault: tuple[str, str] | None = None) -> None:
        self.delay_s = delay_s
        self.fault = fault
        self.receipts: list[ReceiptData] = []
        self.drawer_kicks = 0
        self.threads: list[str] = []
        self.started = threading.Event()

    def print_receipt(self, receipt: ReceiptData) -> None:
        self.threads.append(threading.current_thread().name)
        self.started.set()
        if self.delay_s:
            time.sleep(self.delay_s)
        if self.fault:
            raise PrinterFault(*self.fault)
        self.receipts.append(receipt)

    def open_drawer(self) -> None:
        if self.fault:
            raise PrinterFault(*self.fault)
        self.drawer_kicks += 1


@dataclass
class FakeSyncStatus:
    """The SyncService's read side: ``status()`` as app.services.sync.SyncStatus."""

    value: object
    calls: list[float] = field(default_factory=list)

    def status(self):
        self.calls.append(time.monotonic())
        return self.value
