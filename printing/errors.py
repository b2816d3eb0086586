"""Faults at the device edge, in the shapes app/services/ports.py defines.

Every device exception is translated here (``raise PrinterFault(...) from e``)
so the counter only ever sees a ``PrinterFault`` with a stable code and one
Spanish line a cashier can act on.
"""

from __future__ import annotations

from app.domain.errors import DomainError
from app.services.ports import PrinterFault

__all__ = ["PrinterFault", "JobInterrupted", "PrinterUrlError", "PrinterProfileError", "fault", "MESSAGES"]

#: what the cashier reads, per code; ``{where}`` is the printer's address.
MESSAGES: dict[str, str] = {
    "printer_offline": "La impresora no responde: revise que esté encendida y conectada.",
    "paper_out": "La impresora no tiene papel: cargue un rollo nuevo y reintente.",
    "cover_open": "La tapa de la impresora está abierta: ciérrela y reintente.",
    "printer_timeout": "La impresora no contestó a tiempo: revise el cable o la red y reintente.",
    "printer_error": "La impresora reporta un error: apáguela, enciéndala y reintente.",
}


def fault(code: str, detail: str = "") -> PrinterFault:
    """A PrinterFault with the standard sentence, optionally followed by a detail."""
    message = MESSAGES[code]
    if detail:
        message = f"{message[:-1]} ({detail})."
    return PrinterFault(code, message)


class JobInterrupted(PrinterFault):
    """The printer stopped or went away while it was printing a job.

    Part of the receipt may be on paper.  The spool keeps it marked as
    interrupted so the next print of it comes out whole, marked REIMPRESIÓN.
    """

    interrupted = True

    @classmethod
    def from_fault(cls, cause: PrinterFault) -> JobInterrupted:
        text = cause.message.rstrip(".")
        return cls(cause.code, f"El recibo quedó a medias: {text[0].lower()}{text[1:]}; se reimprimirá completo.")


class PrinterUrlError(DomainError):
    """A printer or display address that cannot be used, said plainly."""

    def __init__(self, url: str, why: str) -> None:
        super().__init__("bad_printer_url", f"La dirección «{url}» no sirve: {why}.", field="printer")
        self.url = url


class PrinterProfileError(DomainError):
    def __init__(self, name: str, known: str) -> None:
        super().__init__(
            "bad_printer_profile", f"«{name}» no es un perfil de impresora conocido: use {known}.", field="printer_profile"
        )
