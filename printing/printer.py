"""The receipt printer the counter uses: ``ReceiptPrinter`` over ESC/POS.

One job, in this order:

1. lay the receipt out and encode it whole in memory;
2. connect (with a timeout) and ask DLE EOT status: off-line, cover open or
   no paper refuses the job before a byte of it is sent;
3. send the job in one write, followed by ``GS r 1``;
4. wait for the ``GS r`` answer, which comes only once the printer printed
   everything before it.  If it does not come, ask status again: a printer
   that ran out of paper or was opened meanwhile cut the receipt off, so its
   buffers are cleared (the rest must not come out when paper is loaded) and
   ``JobInterrupted`` is raised; the spool marks the receipt, and its next
   print comes out whole, marked REIMPRESIÓN.

Any fault keeps the receipt in the spool and is raised as ``PrinterFault``
for the counter to show.  Nothing waits past its timeout.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from app.services.receipts import ReceiptData
from printing.errors import JobInterrupted, PrinterFault, fault
from printing.layout import Layout, receipt_layout
from printing.profiles import PrinterProfile, get_profile
from printing.render import CLEAR_BUFFERS, TRANSMIT_STATUS, drawer_kick, realtime_drawer_kick, render_escpos
from printing.spool import ReceiptSpool
from printing.status import PrinterStatus, query_status, wait_for_completion
from printing.transports import DEFAULT_TIMEOUT, Transport, open_transport
from printing.urls import PrinterAddress, parse_printer_url

log = logging.getLogger(__name__)

#: how long a receipt may take to come out after it was sent (print, feed, cut)
DEFAULT_JOB_TIMEOUT = 15.0


@dataclass(frozen=True)
class DrawerSettings:
    pin: int = 2  # connector pin 2 (most drawers) or 5 (a second drawer)
    on_ms: int = 100
    off_ms: int = 500
    #: the level of pin 3 that means "open"; drawers differ, so it is a setting
    open_when_pin3_high: bool = True


class EscposPrinter:
    """Implements ``app.services.ports.ReceiptPrinter`` for an ESC/POS printer at a URL."""

    def __init__(
        self,
        url: str,
        profile: PrinterProfile | str = "80mm",
        *,
        timeout: float = DEFAULT_TIMEOUT,
        job_timeout: float = DEFAULT_JOB_TIMEOUT,
        spool: ReceiptSpool | Path | str | None = None,
        drawer: DrawerSettings = DrawerSettings(),
    ) -> None:
        self.address: PrinterAddress = parse_printer_url(url)
        self.profile = get_profile(profile)
        self.timeout = self.address.timeout if self.address.timeout is not None else timeout
        self.job_timeout = max(job_timeout, self.timeout)
        self.spool = spool if isinstance(spool, ReceiptSpool) or spool is None else ReceiptSpool(spool)
        self.drawer = drawer

    configured = True

    # --- ReceiptPrinter -----------------------------------------------------------------
    def print_receipt(self, receipt: ReceiptData) -> None:
        """Print it whole or raise PrinterFault (the receipt stays in the spool)."""
        reprint = bool(self.spool and self.spool.was_interrupted(receipt.payment_id))
        try:
            self.print_layout(receipt_layout(receipt, self.profile, reprint=reprint))
        except PrinterFault as e:
            if self.spool is not None:
                self.spool.hold(receipt, e.code, e.message, interrupted=isinstance(e, JobInterrupted))
            raise
        if self.spool is not None:
            self.spool.release(receipt.payment_id)

    def open_drawer(self) -> None:
        """A pulse on the drawer connector; in real time when the printer is stopped.

        ``ESC p`` is processed in order, so an off-line printer (no paper,
        cover open) would hold it; then ``DLE DC4 1`` opens the drawer at once.
        """
        d = self.drawer
        with self._connection() as t:
            st = self._status(t)
            if st.answered and not st.ready:
                t.write(realtime_drawer_kick(d.pin, d.on_ms))
            else:
                t.write(drawer_kick(d.pin, d.on_ms, d.off_ms))

    # --- more than the port asks for ---------------------------------------------------
    def status(self) -> PrinterStatus:
        with self._connection() as t:
            return self._status(t)

    def drawer_is_open(self) -> bool | None:
        """None when the printer cannot say (a file, or no answer about pin 3)."""
        st = self.status()
        if not st.answered or st.drawer_pin3_high is None:
            return None
        return st.drawer_pin3_high == self.drawer.open_when_pin3_high

    def print_layout(self, layout: Layout) -> None:
        self.send_job(render_escpos(layout, self.profile))

    def send_job(self, job: bytes) -> None:
        """Send ESC/POS bytes as one job: status first, confirmation after."""
        with self._connection() as t:
            if self.address.status:
                f = self._status(t).fault()
                if f is not None:
                    raise f
            confirm = self.address.confirm and t.two_way
            try:
                t.write(job + (TRANSMIT_STATUS if confirm else b""), self.timeout)
            except PrinterFault as e:
                if t.written:
                    self._clear(t)
                    raise JobInterrupted.from_fault(e) from e
                raise
            if confirm:
                self._confirm(t)

    # --- internals -------------------------------------------------------------------
    def _connection(self) -> _Connection:
        return _Connection(self.address, self.timeout)

    def _status(self, t: Transport) -> PrinterStatus:
        return query_status(t, self.timeout)

    def _confirm(self, t: Transport) -> None:
        try:
            if wait_for_completion(t, self.job_timeout) is not None:
                return
        except PrinterFault as e:  # went away with the job in its buffer
            raise JobInterrupted.from_fault(e) from e
        try:
            st = self._status(t)
        except PrinterFault as e:
            raise JobInterrupted.from_fault(e) from e
        f = st.fault()
        if f is not None:
            self._clear(t)
            raise JobInterrupted.from_fault(f)
        # On line, paper in, no error, but no GS r answer: a printer without
        # GS r support (set confirm=off in its URL to skip the wait).
        log.warning("printer at %s did not answer GS r; status is fine, job taken as printed", self.address.describe())

    def _clear(self, t: Transport) -> None:
        try:
            t.write(CLEAR_BUFFERS, min(self.timeout, 1.0))
        except PrinterFault:
            pass


class _Connection:
    def __init__(self, address: PrinterAddress, timeout: float) -> None:
        self.address, self.timeout = address, timeout

    def __enter__(self) -> Transport:
        self.t = open_transport(self.address, self.timeout)
        return self.t

    def __exit__(self, *exc: object) -> None:
        self.t.close()


def make_receipt_printer(
    url: str,
    profile: str = "80mm",
    *,
    spool_dir: Path | str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    drawer_pin: int = 2,
) -> EscposPrinter:
    """What the bootstrap wires as ``ReceiptPrinter``: URL and profile from settings."""
    return EscposPrinter(url, profile, timeout=timeout, spool=spool_dir, drawer=DrawerSettings(pin=drawer_pin))


def print_layout(url: str, layout: Layout, *, timeout: float = DEFAULT_TIMEOUT) -> None:
    EscposPrinter(url, layout.profile, timeout=timeout).print_layout(layout)


__all__ = ["EscposPrinter", "DrawerSettings", "make_receipt_printer", "print_layout", "fault"]
