"""The customer display: a 2×20 pole display on a serial port.

Two command sets are spoken:

* ``mode=escpos`` (default), the ESC/POS customer-display commands of Epson
  DM-D and compatible pole displays: ``ESC @`` initialise, ``ESC t 2`` PC850,
  ``US MD1`` overwrite mode, ``US C 0`` cursor off, ``CLR``, then each line
  placed with ``US $ 1 y`` and written as exactly 20 characters;
* ``mode=plain``, for displays that only scroll text: ``CR LF`` before each
  of the two lines, so the screen ends with the first line on top.

The display is optional and never stops the counter: every method returns
whether the display took the text, and a failing port is logged and reopened
on the next call.
"""

from __future__ import annotations

import logging

from app.domain.amounts import format_amount
from app.domain.money import Money
from printing.errors import PrinterFault, PrinterUrlError
from printing.text import printable
from printing.transports import open_transport
from printing.urls import PrinterAddress, parse_printer_url

log = logging.getLogger(__name__)

ESC, US = b"\x1b", b"\x1f"
CLEAR = b"\x0c"
DISPLAY_CODEPAGE = ("cp850", 2)


def _fit(left: str, right: str, width: int) -> str:
    """Label left, amount right, in exactly ``width`` characters.

    When both do not fit, the space after the currency sign goes first
    (``RD$2,000.00``), then the end of the label.
    """
    if len(left) + 1 + len(right) > width:
        right = right.replace(" ", "", 1)
    right = right[-width:]
    room = width - len(right) - 1
    if room <= 0:
        return right.rjust(width)
    return left[:room].ljust(width - len(right)) + right


class CustomerDisplay:
    def __init__(self, url: str, *, locale: str = "es_DO", columns: int = 20, timeout: float = 1.0) -> None:
        self.address: PrinterAddress = parse_printer_url(url, extra_options=frozenset({"mode"}))
        self.mode = self.address.options.get("mode", "escpos").lower()
        if self.mode not in ("escpos", "plain"):
            raise PrinterUrlError(url, "mode debe ser escpos o plain")
        self.locale, self.columns, self.timeout = locale, columns, timeout
        self._t = None
        self._initialised = False

    # --- what the counter shows -----------------------------------------------------
    def show(self, top: str, bottom: str = "") -> bool:
        return self._send(self._frame(top, bottom))

    def show_due(self, amount_minor: int, currency: str) -> bool:
        return self.show("TOTAL A PAGAR", self._money(amount_minor, currency).rjust(self.columns))

    def show_payment(self, received_minor: int, change_minor: int, currency: str) -> bool:
        return self.show(
            _fit("Recibido", self._money(received_minor, currency), self.columns),
            _fit("Cambio", self._money(change_minor, currency), self.columns),
        )

    def show_welcome(self, text: str = "Bienvenido") -> bool:
        return self.show(text.center(self.columns), "")

    def clear(self) -> bool:
        return self.show("", "")

    def close(self) -> None:
        if self._t is not None:
            self._t.close()
            self._t = None
            self._initialised = False

    # --- bytes ------------------------------------------------------------------------
    def _money(self, minor: int, currency: str) -> str:
        return format_amount(Money.from_minor(minor, currency), self.locale, sign=True)

    def _line(self, text: str) -> bytes:
        codec = DISPLAY_CODEPAGE[0]
        return printable(text, codec)[: self.columns].ljust(self.columns).encode(codec)

    def _frame(self, top: str, bottom: str) -> bytes:
        if self.mode == "plain":
            return b"\r\n" + self._line(top) + b"\r\n" + self._line(bottom)
        out = b""
        if not self._initialised:
            out += ESC + b"@" + ESC + b"t" + bytes([DISPLAY_CODEPAGE[1]]) + US + b"\x01" + US + b"C\x00" + CLEAR
        return out + US + b"$\x01\x01" + self._line(top) + US + b"$\x01\x02" + self._line(bottom)

    def _send(self, frame: bytes) -> bool:
        try:
            if self._t is None:
                self._t = open_transport(self.address, self.timeout)
            self._t.write(frame, self.timeout)
            self._initialised = True
            return True
        except PrinterFault as e:
            log.warning("customer display at %s: %s", self.address.describe(), e.message)
            self.close()
            return False
