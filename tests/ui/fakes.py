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
        self.jobs: list[bytes] = []  # reports and slips, as the ESC/POS bytes EscposPrinter would send
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

    def print_layout(self, layout) -> None:
        from printing.render import render_escpos

        if self.fault:
            raise PrinterFault(*self.fault)
        self.jobs.append(render_escpos(layout))

    def open_drawer(self) -> None:
        if self.fault:
            raise PrinterFault(*self.fault)
        self.drawer_kicks += 1

    def decoded(self, index: int = -1):
        from printing.decode import decode_escpos

        return decode_escpos(self.jobs[index])


class SpoolingPrinter(RecordingPrinter):
    """Keeps what it could not print in a real ReceiptSpool, as EscposPrinter does."""

    def __init__(self, spool_dir, **kwargs) -> None:
        from printing.spool import ReceiptSpool

        super().__init__(**kwargs)
        self.spool = ReceiptSpool(spool_dir)

    def print_receipt(self, receipt: ReceiptData) -> None:
        try:
            super().print_receipt(receipt)
        except PrinterFault as e:
            self.spool.hold(receipt, e.code, e.message)
            raise
        self.spool.release(receipt.payment_id)


@dataclass
class FakeSyncStatus:
    """The SyncService's read side: ``status()`` as app.services.sync.SyncStatus."""

    value: object
    calls: list[float] = field(default_factory=list)

    def status(self):
        self.calls.append(time.monotonic())
        return self.value
