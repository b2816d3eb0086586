"""The cash drawer, opened by a pulse through the receipt printer's drawer port."""

from __future__ import annotations

from printing.printer import DrawerSettings, EscposPrinter


class CashDrawer:
    """``open()`` after a cash tender (a setting); ``is_open()`` where the printer reports pin 3."""

    def __init__(self, printer: EscposPrinter | str, *, settings: DrawerSettings | None = None,
                 profile: str = "80mm", timeout: float = 3.0) -> None:
        if isinstance(printer, str):
            printer = EscposPrinter(printer, profile, timeout=timeout, drawer=settings or DrawerSettings())
        elif settings is not None:
            printer.drawer = settings
        self.printer = printer

    def open(self) -> None:
        """Raise PrinterFault when the printer cannot be reached; the cashier uses the key."""
        self.printer.open_drawer()

    def is_open(self) -> bool | None:
        """True / False from the printer's drawer sensor; None when it cannot tell."""
        return self.printer.drawer_is_open()
