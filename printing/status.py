"""ESC/POS real-time status (DLE EOT) and the completion answer (GS r).

``DLE EOT n`` is answered at once, even while the printer is off-line or
busy printing.  Each answer is one byte whose bits 1 and 4 are always 1 and
bits 0 and 7 always 0 (``0xx1xx10``), which tells it apart from stray bytes:

=====  ==========================  =============================================
n      asks for                    bits we read
=====  ==========================  =============================================
1      printer status              3: off-line; 2: drawer connector pin 3 high
2      off-line cause              2: cover open; 5: stopped, paper end; 6: error
3      error cause                 3: auto-cutter; 5: unrecoverable; 6: auto-recoverable
4      roll paper sensor           2-3: paper near end; 5-6: paper end
=====  ==========================  =============================================

``GS r 1`` is not real-time: it waits in the buffer behind the job and is
answered once everything before it was printed, so its answer (bit 4 always
0) confirms the receipt came out whole.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from printing.errors import PrinterFault, fault
from printing.transports import Transport

DLE_EOT = b"\x10\x04"


def is_realtime_answer(b: int) -> bool:
    return b & 0b1001_0011 == 0b0001_0010


def is_completion_answer(b: int) -> bool:
    """GS r 1 answer: bits 4 and 7 are 0 (paper sensor bits 0-3)."""
    return b & 0b1001_0000 == 0


@dataclass(frozen=True)
class PrinterStatus:
    online: bool = True
    cover_open: bool = False
    paper_out: bool = False
    paper_low: bool = False
    error: bool = False
    cutter_error: bool = False
    drawer_pin3_high: bool | None = None
    answered: bool = True  # False: a one-way device (file) that cannot report

    @property
    def ready(self) -> bool:
        return self.online and not (self.cover_open or self.paper_out or self.error)

    def fault(self) -> PrinterFault | None:
        """The fault that stops a job, or None when the printer can print."""
        if self.cover_open:
            return fault("cover_open")
        if self.paper_out:
            return fault("paper_out")
        if self.cutter_error:
            return fault("printer_error", "falla del cortador de papel")
        if self.error:
            return fault("printer_error")
        if not self.online:
            return fault("printer_offline", "está fuera de línea")
        return None

    def summary(self) -> str:
        """One Spanish line for the counter's printer indicator."""
        f = self.fault()
        if f is not None:
            return f.message
        if not self.answered:
            return "Impresora sin retorno de estado: se supone lista."
        return "Impresora lista; el papel se está acabando." if self.paper_low else "Impresora lista."


def ask(transport: Transport, n: int, timeout: float) -> int:
    """Send DLE EOT n and wait for its answer byte; printer_timeout when none comes."""
    transport.drain()
    transport.write(DLE_EOT + bytes([n]), timeout)
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise fault("printer_timeout", f"sin respuesta de estado en {timeout:g} s")
        b = transport.read_byte(left)
        if b is None:
            continue
        if is_realtime_answer(b):
            return b


def query_status(transport: Transport, timeout: float) -> PrinterStatus:
    """Ask printer status, and the causes when it is off-line; paper sensor always."""
    if not transport.two_way:
        return PrinterStatus(answered=False)
    s1 = ask(transport, 1, timeout)
    online = not s1 & 0x08
    cover = paper_stop = error = cutter = False
    if not online:
        s2 = ask(transport, 2, timeout)
        cover, paper_stop, error = bool(s2 & 0x04), bool(s2 & 0x20), bool(s2 & 0x40)
        if error:
            s3 = ask(transport, 3, timeout)
            cutter = bool(s3 & 0x08)
    s4 = ask(transport, 4, timeout)
    return PrinterStatus(
        online=online,
        cover_open=cover,
        paper_out=paper_stop or bool(s4 & 0x60),
        paper_low=bool(s4 & 0x0C),
        error=error,
        cutter_error=cutter,
        drawer_pin3_high=bool(s1 & 0x04),
    )


def wait_for_completion(transport: Transport, timeout: float) -> int | None:
    """The GS r 1 answer once the job before it printed; None if it did not come in time."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        b = transport.read_byte(left)
        if b is not None and is_completion_answer(b):
            return b
