"""Printing and the cash drawer, one job at a time, off the GUI thread.

The payment is committed before a job is queued.  A job counts the print in
the store first, builds the receipt with that number (the second and later say
COPIA), prints it through the ReceiptPrinter port and opens the drawer for
cash.  When the printer refuses the job the count is taken back, so a failed
original does not turn the next print into a COPIA; when the process dies
while the printer works, the count stays, so no receipt number ever gets two
originals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.domain.errors import DomainError
from app.services.ports import PrinterFault
from ui.context import Services
from ui.errors import describe
from ui.workers import Worker


@dataclass(frozen=True)
class PrintOutcome:
    receipt_no: int
    printed: bool
    copy: bool
    drawer_opened: bool | None  # None: the job did not ask for the drawer
    problem: str = ""  # one Spanish sentence when something did not happen
    fault_code: str = ""
    # "receipt" (a payment's receipt or its copy), "void" (the void receipt), or a paper the
    # shift screens print: "x_report", "z_report", "drop_slip", "float_slip"
    document: str = "receipt"


class ReceiptQueue(QObject):
    """Queue receipts to print; ``finished`` reports each job on the GUI thread."""

    started = Signal(int)  # receipt number
    finished = Signal(object)  # PrintOutcome
    printer_state = Signal(str, str)  # code ("ready", "printing", or a PrinterFault code), sentence

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.worker = Worker(self, threads=1)  # one printer, one job at a time, in order

    @property
    def busy(self) -> bool:
        return self.worker.pending > 0

    def print_payment(self, payment_id: str, receipt_no: int, *, open_drawer: bool) -> None:
        """The original receipt of a payment that just committed."""
        self._submit(lambda: self._job(payment_id, receipt_no, open_drawer), receipt_no)

    def reprint(self, receipt_no: int, *, shift_id: str | None = None) -> None:
        """Another copy of a receipt of this terminal (marked COPIA); only of ``shift_id`` when given.

        A receipt whose original never printed (held by the printer) comes out as the original.
        """
        counter = self.services.counter
        not_of_shift = self.tr("El recibo N° {no} no es de este turno: solo se reimprimen los recibos del turno abierto.")

        def job() -> PrintOutcome:
            payment = counter.payment_by_receipt(receipt_no)
            if shift_id is not None and payment.shift_id != shift_id:
                raise DomainError("receipt_of_other_shift", not_of_shift.format(no=receipt_no))
            return self._job(payment.payment_id, receipt_no, False)

        self._submit(job, receipt_no)

    def print_void(self, payment_id: str, receipt_no: int, *, open_drawer: bool) -> None:
        """The void receipt of a payment just voided; the drawer opens to give the cash back."""
        self._submit(lambda: self._void_job(payment_id, receipt_no, open_drawer), receipt_no)

    def print_document(self, document: str, build: Callable[[], Any], *, open_drawer: bool = False) -> None:
        """A report or slip: ``build()`` runs on the printer thread and returns a printing Layout."""
        self._submit(lambda: self._layout_job(document, build, open_drawer), 0)

    def wait(self, msecs: int = 10_000) -> bool:
        return self.worker.wait(msecs)

    # --- inside the worker thread --------------------------------------------------
    def _job(self, payment_id: str, receipt_no: int, open_drawer: bool) -> PrintOutcome:
        s = self.services
        problem, fault_code, printed, number = "", "", False, 0
        try:
            number = s.counter.start_print(payment_id)
            try:
                s.printer.print_receipt(s.receipts.receipt_for(payment_id, print_count=number))
                printed = True
            finally:
                if not printed:  # the printer took none of it (a cut-off job is marked by the spool)
                    s.counter.print_not_made(payment_id, number)
        except DomainError as e:  # PrinterFault is a DomainError
            problem, fault_code = e.message, e.code
        drawer: bool | None = None
        if open_drawer:
            try:
                s.printer.open_drawer()
                drawer = True
            except DomainError as e:
                drawer = False
                if not problem:
                    problem, fault_code = e.message, e.code
        return PrintOutcome(receipt_no, printed, number > 1, drawer, problem, fault_code)

    def _void_job(self, payment_id: str, receipt_no: int, open_drawer: bool) -> PrintOutcome:
        s = self.services
        problem, fault_code, printed = "", "", False
        try:
            receipt = s.receipts.receipt_for(payment_id, print_count=1)  # voided=True: the void layout
            s.printer.print_receipt(receipt)
            printed = True
        except DomainError as e:  # PrinterFault is a DomainError
            problem, fault_code = e.message, e.code
        drawer = self._kick(open_drawer)
        if drawer is False and not problem:
            problem, fault_code = self.tr("No se pudo abrir el cajón: ábralo con la llave."), "drawer"
        return PrintOutcome(receipt_no, printed, False, drawer, problem, fault_code, "void")

    def _layout_job(self, document: str, build: Callable[[], Any], open_drawer: bool) -> PrintOutcome:
        s = self.services
        problem, fault_code, printed = "", "", False
        try:
            layout = build()
            printer_layout = getattr(s.printer, "print_layout", None)
            if printer_layout is None:
                raise PrinterFault("printer_offline", "Esta impresora no imprime informes.")
            printer_layout(layout)
            printed = True
        except DomainError as e:
            problem, fault_code = e.message, e.code
        drawer = self._kick(open_drawer)
        return PrintOutcome(0, printed, False, drawer, problem, fault_code, document)

    def _kick(self, open_drawer: bool) -> bool | None:
        if not open_drawer:
            return None
        try:
            self.services.printer.open_drawer()
            return True
        except DomainError:
            return False

    # --- on the GUI thread -----------------------------------------------------------
    def _submit(self, job, receipt_no: int) -> None:
        self.started.emit(receipt_no)
        self.printer_state.emit("printing", self.tr("Imprimiendo…"))
        self.worker.submit(job, self._done, self._failed(receipt_no))

    def _done(self, outcome: PrintOutcome) -> None:
        if outcome.printed and not outcome.problem:
            self.printer_state.emit("ready", self.tr("Lista"))
        else:
            self.printer_state.emit(outcome.fault_code or "printer_error", outcome.problem)
        self.finished.emit(outcome)

    def _failed(self, receipt_no: int, document: str = "receipt"):
        def report(error: BaseException) -> None:
            shown = describe(error)
            self.printer_state.emit("printer_error", shown.text)
            self.finished.emit(PrintOutcome(receipt_no, False, False, None, shown.text, shown.code, document))

        return report
