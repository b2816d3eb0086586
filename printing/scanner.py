"""Serial barcode scanners: one code a line, read with a timeout.

Most scanners type like a keyboard and the counter screen handles them.  A
serial scanner sends the same characters followed by CR and/or LF; what it
reads goes to the same lookup (``CounterService.lookup_barcode``).
"""

from __future__ import annotations

import time

from printing.transports import open_transport
from printing.urls import parse_printer_url


class SerialScanner:
    def __init__(self, url: str, *, timeout: float = 1.0) -> None:
        self.address = parse_printer_url(url)
        self.timeout = timeout
        self._t = None
        self._buf = bytearray()

    def open(self) -> None:
        """Open the port (opening discards what the scanner sent before)."""
        if self._t is None:
            self._t = open_transport(self.address, self.timeout)

    def read_code(self, timeout: float | None = None) -> str | None:
        """The next scanned code, or None when nothing complete arrived in time."""
        self.open()
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            for sep in (b"\r", b"\n"):
                idx = self._buf.find(sep)
                if idx >= 0:
                    raw, self._buf = bytes(self._buf[:idx]), self._buf[idx + 1 :]
                    code = raw.decode("latin-1").strip()
                    if code:
                        return code
                    break
            else:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                b = self._t.read_byte(left)
                if b is not None:
                    self._buf.append(b)
                continue

    def close(self) -> None:
        if self._t is not None:
            self._t.close()
            self._t = None
