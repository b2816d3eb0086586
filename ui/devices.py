"""The printer the counter uses until printing/ provides real ones."""

from __future__ import annotations

from app.services.ports import PrinterFault
from app.services.receipts import ReceiptData


class NullPrinter:
    """No printer configured: every job is refused with a plain sentence.

    The payment is already committed when printing starts, so refusing here
    costs only the paper; the cashier reprints once a printer is set up.
    """

    configured = False

    def print_receipt(self, receipt: ReceiptData) -> None:
        raise PrinterFault("printer_offline", "No hay impresora configurada: el recibo no se imprimió.")

    def print_layout(self, layout) -> None:
        raise PrinterFault("printer_offline", "No hay impresora configurada: el informe no se imprimió.")

    def open_drawer(self) -> None:
        raise PrinterFault("printer_offline", "No hay impresora configurada: abra el cajón con la llave.")
