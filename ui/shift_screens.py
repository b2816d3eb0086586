"""The cash side of the desk: the Caja menu (F10), the X report, the blind close,
the receipts the printer held, and reprinting a receipt by its number.

Keys
    Caja menu        1 retiro (sangría) · 2 ingreso de fondo · 3 informe X · 4 reimprimir por número ·
                     5 recibos sin imprimir · 6 cerrar turno · ↑↓ Enter · Esc vuelve
    Informe X        Enter imprime · F3 guarda el PDF · Esc vuelve
    Cierre           counts by denomination (Enter moves down), cheques, card total, Enter entrega el conteo;
                     result: Enter recuenta / pide la aprobación / termina · F3 PDF · F9 reimprime el Z
    Sin imprimir     Enter reintenta el elegido · F5 reintenta todos · Esc vuelve
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.amounts import parse_amount
from app.domain.errors import DomainError
from app.domain.shifts import BlindCount
from app.services.counter import CashierSession
from ui.approval import ApprovalDialog
from ui.context import Services
from ui.denominations import DenominationCount
from ui.errors import describe
from ui.models import CloseResultModel, HeldReceiptsModel, ReportLinesModel
from ui.receipt_queue import PrintOutcome, ReceiptQueue
from ui.widgets import InlineMessage, give_back_window, label, restyle
from ui.workers import Worker


def _table(model) -> QTableView:
    v = QTableView()
    v.setModel(model)
    v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    v.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    v.verticalHeader().hide()
    v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    v.setTabKeyNavigation(False)
    return v


def fit_rows(view: QTableView) -> None:
    """As tall as its rows: a short table does not leave an empty box on the screen."""
    view.resizeRowsToContents()
    height = view.horizontalHeader().height() + 2 * view.frameWidth() + 2
    height += sum(view.rowHeight(r) for r in range(view.model().rowCount()))
    view.setFixedHeight(height)


def _shortcut(parent: QWidget, key, slot) -> QShortcut:
    sc = QShortcut(QKeySequence(key), parent)
    sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    sc.activated.connect(slot)
    return sc


def _centered(panel: QWidget, outer: QWidget, width: int = 1100) -> None:
    panel.setMaximumWidth(width)
    row = QHBoxLayout(outer)
    row.addStretch(1)
    row.addWidget(panel, 6)
    row.addStretch(1)


def save_report_pdf(services: Services, session: CashierSession, report, approver_name: str = "") -> Path:
    """Write the X/Z report PDF under <data dir>/reports/ and return its path (runs on a worker)."""
    from printing.reports import report_file_name, shift_report_pdf_bytes

    payments = services.counter.payments_of_shift(session)
    data = shift_report_pdf_bytes(report, services.settings, payments, cashier_name=session.user.name,
                                  approver_name=approver_name)
    folder = (services.data_dir or Path.cwd()) / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / report_file_name(report)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def report_layout_builder(services: Services, session: CashierSession, report, approver_name: str = ""):
    """A function the printer thread calls to lay the X/Z report out for the configured paper."""
    settings = services.settings

    def build():
        from printing.reports import shift_report_layout

        return shift_report_layout(report, settings, cashier_name=session.user.name, approver_name=approver_name)

    return build


# ------------------------------------------------------------------------------------------
class CashMenuScreen(QWidget):
    """F10 at the counter: what the cashier does with the drawer, one digit each."""

    chosen = Signal(str)  # drop | float_in | x_report | reprint | held | close
    cancelled = Signal()

    ACTIONS = ("drop", "float_in", "x_report", "reprint", "held", "close")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label(self.tr("Caja"), "title")
        self.hint = label(self.tr("Pulse el número de la opción, o ↑ ↓ y Enter. Esc vuelve al mostrador."), "hint", wrap=True)
        self.notice = InlineMessage()
        texts = {
            "drop": self.tr("1   Retiro a caja fuerte (sangría)"),
            "float_in": self.tr("2   Ingreso de fondo a la gaveta"),
            "x_report": self.tr("3   Informe X (lectura parcial, no cierra)"),
            "reprint": self.tr("4   Reimprimir un recibo por su número"),
            "held": self.tr("5   Recibos que no se imprimieron"),
            "close": self.tr("6   Cerrar turno (arqueo a ciegas)"),
        }
        self.buttons: dict[str, QPushButton] = {}
        box = QVBoxLayout()
        box.addWidget(self.title)
        box.addWidget(self.hint)
        box.addWidget(self.notice)
        for action in self.ACTIONS:
            b = QPushButton(texts[action])
            b.setObjectName("menuItem")
            b.setAutoDefault(True)
            b.clicked.connect(lambda _=False, a=action: self.chosen.emit(a))
            self.buttons[action] = b
            box.addWidget(b)
        box.addStretch(1)
        panel = QWidget()
        panel.setLayout(box)
        _centered(panel, self, 1000)

    def start(self, notice: str = "") -> None:
        self.notice.show_text(notice)
        restyle(self.notice, "notice")
        self.buttons["drop"].setFocus()

    def set_held_count(self, n: int | None) -> None:
        text = self.tr("5   Recibos que no se imprimieron")
        if n:
            text = self.tr("5   Recibos que no se imprimieron ({n})").format(n=n)
        self.buttons["held"].setText(text)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_6:
            self.chosen.emit(self.ACTIONS[key - Qt.Key.Key_1])
            return
        if key == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            order = list(self.buttons.values())
            current = next((i for i, b in enumerate(order) if b.hasFocus()), 0)
            order[(current + (1 if key == Qt.Key.Key_Down else -1)) % len(order)].setFocus()
            return
        super().keyPressEvent(event)


# ------------------------------------------------------------------------------------------
class ReportScreen(QWidget):
    """The X report on screen: figures so far; Enter prints it, F3 saves the PDF. Resets nothing."""

    back = Signal()
    loaded = Signal(object)  # ShiftReport
    saved = Signal(object)  # Path

    def __init__(self, services: Services, worker: Worker, receipts: ReceiptQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.worker, self.receipts = services, worker, receipts
        self.session: CashierSession | None = None
        self.report = None
        self.title = label(self.tr("Informe X: lectura parcial del turno"), "title")
        self.who = label("", "subtitle", wrap=True)
        self.lines = ReportLinesModel(services.formats, self)
        self.view = _table(self.lines)
        self.view.setObjectName("reportLines")
        self.view.horizontalHeader().setSectionResizeMode(ReportLinesModel.CONCEPT, QHeaderView.ResizeMode.Stretch)
        self.message = InlineMessage()
        self.hint = label(self.tr("Enter imprime · F3 guarda el PDF · Esc vuelve al mostrador. El informe X no cierra nada."),
                          "hint", wrap=True)
        box = QVBoxLayout()
        box.addWidget(self.title)
        box.addWidget(self.who)
        box.addWidget(self.view)
        box.addWidget(self.message)
        box.addWidget(self.hint)
        box.addStretch(1)
        panel = QWidget()
        panel.setLayout(box)
        _centered(panel, self, 1300)
        _shortcut(self, Qt.Key.Key_F3, self.save_pdf)
        _shortcut(self, Qt.Key.Key_Escape, self.back.emit)
        _shortcut(self, Qt.Key.Key_Return, self.print_report)
        _shortcut(self, Qt.Key.Key_Enter, self.print_report)
        receipts.finished.connect(self._printed)

    def start(self, session: CashierSession) -> None:
        self.session, self.report = session, None
        self.lines.set_rows([])
        self.message.clear_text()
        self.who.setText(self.tr("Cajero: {name} · turno abierto {when}").format(
            name=session.user.name, when=self.services.formats.moment(session.opened_at) if session.opened_at else "—"))
        self.view.setFocus()
        shifts = self.services.shifts
        self.worker.submit(lambda: shifts.x_report(session), self._loaded, self._failed)

    def _loaded(self, report) -> None:
        self.report = report
        self.lines.set_report(report)
        fit_rows(self.view)
        self.loaded.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._say(describe(error).text, error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.show_text(text)
        restyle(self.message, "inlineError" if error else "notice")

    def print_report(self) -> None:
        if self.report is None or self.session is None:
            return
        self.receipts.print_document("x_report", report_layout_builder(self.services, self.session, self.report))
        self._say(self.tr("Imprimiendo el informe X…"))

    def save_pdf(self) -> None:
        if self.report is None or self.session is None:
            return
        services, session, report = self.services, self.session, self.report
        self._say(self.tr("Guardando el PDF…"))
        self.worker.submit(lambda: save_report_pdf(services, session, report), self._saved, self._failed)

    def _saved(self, path: Path) -> None:
        self._say(self.tr("Informe guardado en {path}").format(path=str(path)))
        self.saved.emit(path)

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.document != "x_report":
            return
        if outcome.problem:
            self._say(self.tr("El informe X no se imprimió: {problem}").format(problem=outcome.problem), error=True)
        else:
            self._say(self.tr("Informe X impreso."))


# ------------------------------------------------------------------------------------------
class CloseShiftScreen(QWidget):
    """Close with a blind count: cash by denomination, cheques and the card slip, then the result.

    Nothing the drawer should hold is shown (or even asked for) until the
    count is handed in: the result table is filled from the service's answer.
    """

    cancelled = Signal()  # back to the counter, the shift still open
    outcome_shown = Signal(object)  # CloseOutcome
    finished = Signal()  # closed and done: back to the login
    saved = Signal(object)  # Path

    def __init__(self, services: Services, worker: Worker, receipts: ReceiptQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.worker, self.receipts = services, worker, receipts
        self.formats, self.currency, self.locale = services.formats, services.settings.currency, services.settings.locale
        self.session: CashierSession | None = None
        self.outcome = None
        self.last_count: BlindCount | None = None
        self.approver_name = ""
        self.busy = False
        self.dialog: ApprovalDialog | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._result_page())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        _shortcut(self, Qt.Key.Key_Escape, self._escape)
        _shortcut(self, Qt.Key.Key_F3, self.save_pdf)
        _shortcut(self, Qt.Key.Key_F9, self.print_z)
        receipts.finished.connect(self._printed)

    # --- the count -----------------------------------------------------------------------
    def _count_page(self) -> QWidget:
        page = QWidget()
        self.count_title = label(self.tr("Cerrar turno: arqueo a ciegas"), "title")
        self.count_who = label("", "subtitle", wrap=True)
        self.count_hint = label(
            self.tr("Cuente el efectivo de la gaveta por denominación, luego los cheques y el total del cierre "
                    "del datáfono. Lo esperado se ve después de entregar el conteo. Enter pasa al siguiente; "
                    "Esc vuelve al mostrador."), "hint", wrap=True)
        self.count = DenominationCount(self.services.shifts.denominations(self.currency), self.formats, self.currency)
        self.count.changed.connect(self._recount)
        self.cheque_count = QLineEdit()
        self.cheque_count.setObjectName("chequeCount")
        self.cheque_count.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self.cheque_count))
        self.cheque_total = QLineEdit()
        self.cheque_total.setObjectName("chequeTotal")
        self.card_total = QLineEdit()
        self.card_total.setObjectName("cardTotal")
        for e in (self.cheque_count, self.cheque_total, self.card_total):
            e.setAlignment(Qt.AlignmentFlag.AlignRight)
            e.setMinimumWidth(180)
            e.setMaximumWidth(300)
        self.count.finished.connect(lambda: self._focus(self.cheque_count))
        self.cheque_count.returnPressed.connect(lambda: self._focus(self.cheque_total))
        self.cheque_total.returnPressed.connect(lambda: self._focus(self.card_total))
        self.card_total.returnPressed.connect(lambda: self.submit_button.setFocus())
        self.cash_total = label("", "total")
        self.count_error = InlineMessage()
        self.submit_button = QPushButton(self.tr("Entregar el conteo y ver el resultado (Enter)"))
        self.submit_button.setAutoDefault(True)
        self.submit_button.clicked.connect(self.submit)

        total = QHBoxLayout()
        total.addWidget(label(self.tr("Efectivo contado"), "fieldLabel"))
        total.addWidget(self.cash_total, 1, Qt.AlignmentFlag.AlignRight)
        others = QGridLayout()
        others.addWidget(label(self.tr("Cheques: cantidad"), "fieldLabel"), 0, 0)
        others.addWidget(self.cheque_count, 0, 1)
        others.addWidget(label(self.tr("Cheques: total"), "fieldLabel"), 0, 2, Qt.AlignmentFlag.AlignRight)
        others.addWidget(self.cheque_total, 0, 3)
        others.addWidget(label(self.tr("Tarjeta: total del cierre del datáfono"), "fieldLabel"), 1, 0, 1, 3)
        others.addWidget(self.card_total, 1, 3)
        others.setColumnStretch(2, 1)
        box = QVBoxLayout()
        box.addWidget(self.count_title)
        box.addWidget(self.count_who)
        box.addWidget(self.count_hint)
        box.addWidget(self.count)
        box.addLayout(total)
        box.addLayout(others)
        box.addWidget(self.count_error)
        box.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignRight)
        box.addStretch(1)
        panel = QWidget()
        panel.setLayout(box)
        _centered(panel, page, 1400)
        return page

    def _focus(self, edit: QLineEdit) -> None:
        edit.setFocus()
        edit.selectAll()

    def _recount(self, total: int) -> None:
        self.cash_total.setText(self.formats.minor(total))

    # --- the result ------------------------------------------------------------------------
    def _result_page(self) -> QWidget:
        page = QWidget()
        self.result_title = label(self.tr("Resultado del arqueo"), "title")
        self.result = CloseResultModel(self.formats, self)
        self.result_view = _table(self.result)
        self.result_view.setObjectName("closeResult")
        self.result_view.horizontalHeader().setSectionResizeMode(CloseResultModel.TENDER, QHeaderView.ResizeMode.Stretch)
        self.verdict = label("", "verdict", wrap=True)
        self.verdict.setContentsMargins(12, 6, 12, 6)
        self.result_message = InlineMessage()
        self.result_hint = label("", "hint", wrap=True)
        self.result_button = QPushButton("")
        self.result_button.setAutoDefault(True)
        self.result_button.clicked.connect(self._result_enter)
        box = QVBoxLayout()
        box.addWidget(self.result_title)
        box.addWidget(self.result_view)
        box.addWidget(self.verdict)
        box.addWidget(self.result_message)
        box.addWidget(self.result_hint)
        box.addWidget(self.result_button, 0, Qt.AlignmentFlag.AlignRight)
        box.addStretch(1)
        panel = QWidget()
        panel.setLayout(box)
        _centered(panel, page, 1400)
        return page

    # --- entry ---------------------------------------------------------------------------
    def start(self, session: CashierSession) -> None:
        self.session, self.outcome, self.last_count, self.approver_name = session, None, None, ""
        self.count_who.setText(self.tr("Cajero: {name}").format(name=session.user.name))
        for e in (self.cheque_count, self.cheque_total, self.card_total):
            e.clear()
        self.count.clear()
        self._recount(0)
        self.count_error.clear_text()
        self.result.clear()
        self.verdict.clear()
        self.result_message.clear_text()
        self.result_hint.clear()
        self._set_busy(False)
        self.pages.setCurrentIndex(0)
        self.count.focus_first()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.count.set_enabled(not busy)
        for w in (self.cheque_count, self.cheque_total, self.card_total, self.submit_button, self.result_button):
            w.setEnabled(not busy)

    def _money_minor(self, edit: QLineEdit, field: str) -> int:
        text = edit.text().strip()
        if not text:
            return 0
        try:
            return parse_amount(text, self.currency, self.locale).to_minor()
        except DomainError as e:
            raise DomainError(e.code, e.message, field=field) from e

    def blind_count(self) -> BlindCount:
        cheques = int(self.cheque_count.text()) if self.cheque_count.text().strip() else 0
        cheque_total = self._money_minor(self.cheque_total, "cheque_total")
        card_total = self._money_minor(self.card_total, "card_total")
        if cheque_total and not cheques:
            raise DomainError("cheque_count_missing", self.tr("Escriba cuántos cheques hay."), field="cheque_count")
        return BlindCount(self.count.counts(), cheques, cheque_total, card_total)

    def submit(self) -> None:
        if self.busy or self.session is None:
            return
        try:
            count = self.blind_count()
        except DomainError as e:
            self.count_error.show_text(e.message)
            target = {"cheque_total": self.cheque_total, "card_total": self.card_total}.get(e.field or "", self.cheque_count)
            self._focus(target)
            return
        self.count_error.clear_text()
        self.last_count = count
        self._close(count)

    def _close(self, count: BlindCount, approver=None, reason: str = ""):
        session, shifts, tolerance = self.session, self.services.shifts, self.services.close_tolerance()
        self._set_busy(True)
        self.worker.submit(
            lambda: shifts.close_shift(session, count, tolerance_minor=tolerance, approver=approver, reason=reason),
            self._answered,
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        shown = describe(error)
        if self.pages.currentIndex() == 0:
            self.count_error.show_text(shown.text)
            self.count.focus_first()
        else:
            self.result_message.show_text(shown.text)

    def _answered(self, outcome) -> None:
        self._set_busy(False)
        self.outcome = outcome
        self.result.set_report(outcome.report)
        fit_rows(self.result_view)
        self.pages.setCurrentIndex(1)
        self.result_message.clear_text()
        tol = self.formats.minor(self.services.close_tolerance())
        if outcome.status == "closed":
            if self.approver_name:
                self.verdict.setText(self.tr("Turno cerrado con la diferencia aprobada por {name}. Se imprime el informe Z.").format(
                    name=self.approver_name))
            else:
                self.verdict.setText(self.tr("Turno cerrado. Se imprime el informe Z."))
            restyle(self.verdict, "verdictOk")
            self.result_hint.setText(self.tr("F3 guarda el PDF del informe Z · F9 lo reimprime · Enter termina y vuelve al inicio de sesión."))
            self.result_button.setText(self.tr("Terminar (Enter)"))
            self.receipts.print_document("z_report", report_layout_builder(
                self.services, self.session, outcome.report, self.approver_name))
        elif outcome.status == "recount":
            self.verdict.setText(self.tr("La diferencia supera la tolerancia de {tolerance}. Cuente otra vez.").format(tolerance=tol))
            restyle(self.verdict, "verdictBad")
            self.result_hint.setText(self.tr("Enter vuelve al conteo con lo que escribió, para corregirlo. Esc vuelve al mostrador sin cerrar."))
            self.result_button.setText(self.tr("Contar otra vez (Enter)"))
        else:
            self.verdict.setText(self.tr("La diferencia sigue fuera de la tolerancia de {tolerance}. "
                                         "Un supervisor debe aprobarla con un motivo.").format(tolerance=tol))
            restyle(self.verdict, "verdictBad")
            self.result_hint.setText(self.tr("Enter pide la aprobación del supervisor. Esc vuelve al mostrador sin cerrar el turno."))
            self.result_button.setText(self.tr("Pedir aprobación (Enter)"))
        self.result_button.setFocus()
        self.outcome_shown.emit(outcome)

    def _result_enter(self) -> None:
        if self.busy or self.outcome is None:
            return
        status = self.outcome.status
        if status == "closed":
            self.finished.emit()
        elif status == "recount":
            self.pages.setCurrentIndex(0)
            self.count.focus_first()
        else:
            self.ask_approval()

    def ask_approval(self) -> None:
        if self.session is None or self.last_count is None:
            return
        session, count, shifts, tolerance = self.session, self.last_count, self.services.shifts, self.services.close_tolerance()

        def action(approver, reason, _amount):
            return shifts.close_shift(session, count, tolerance_minor=tolerance, approver=approver, reason=reason)

        self.dialog = ApprovalDialog(
            self.services, self.worker, cashier=session.user,
            title=self.tr("Aprobar la diferencia del cierre"),
            detail=self.tr("El supervisor revisa el conteo y escribe el motivo de la diferencia."),
            action=action, ask_reason=True, parent=self,
        )
        self.dialog.approved.connect(self._approved)
        self.dialog.start()

    def _approved(self, outcome) -> None:
        if self.dialog is not None and self.dialog.approver is not None:
            self.approver_name = self.dialog.approver.name
        self._answered(outcome)

    def _escape(self) -> None:
        if self.busy:
            return
        if self.outcome is not None and self.outcome.status == "closed":
            self.finished.emit()
            return
        self.cancelled.emit()

    # --- paper -----------------------------------------------------------------------------
    def print_z(self) -> None:
        if self.outcome is None or self.outcome.status != "closed":
            return
        self.receipts.print_document("z_report", report_layout_builder(
            self.services, self.session, self.outcome.report, self.approver_name))

    def save_pdf(self) -> None:
        if self.outcome is None or self.outcome.status != "closed" or self.session is None:
            return
        services, session, report, approver = self.services, self.session, self.outcome.report, self.approver_name
        self.result_message.show_text(self.tr("Guardando el PDF…"))
        restyle(self.result_message, "notice")
        self.worker.submit(lambda: save_report_pdf(services, session, report, approver), self._saved, self._failed)

    def _saved(self, path: Path) -> None:
        self.result_message.show_text(self.tr("Informe Z guardado en {path}").format(path=str(path)))
        restyle(self.result_message, "notice")
        self.saved.emit(path)

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.document != "z_report":
            return
        if outcome.problem:
            self.result_message.show_text(
                self.tr("El informe Z no se imprimió: {problem} Pulse F9 para intentarlo de nuevo.").format(problem=outcome.problem))
            restyle(self.result_message, "inlineError")
        else:
            self.result_message.show_text(self.tr("Informe Z impreso."))
            restyle(self.result_message, "notice")


# ------------------------------------------------------------------------------------------
class HeldReceiptsScreen(QWidget):
    """Receipts the printer could not print (its spool): retry one, or all."""

    back = Signal()
    loaded = Signal(int)

    def __init__(self, services: Services, worker: Worker, receipts: ReceiptQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.worker, self.receipts = services, worker, receipts
        self.title = label(self.tr("Recibos que no se imprimieron"), "title")
        self.explain = label(self.tr("Los pagos están registrados; falta el papel. Arregle la impresora y reintente."),
                             "subtitle", wrap=True)
        self.model = HeldReceiptsModel(services.formats, self)
        self.view = _table(self.model)
        self.view.setObjectName("heldReceipts")
        self.view.horizontalHeader().setSectionResizeMode(HeldReceiptsModel.PROBLEM, QHeaderView.ResizeMode.Stretch)
        self.message = InlineMessage()
        self.retry_button = QPushButton(self.tr("Reintentar (Enter)"))
        self.retry_all_button = QPushButton(self.tr("Reintentar todos (F5)"))
        self.back_button = QPushButton(self.tr("Volver (Esc)"))
        for b in (self.retry_button, self.retry_all_button, self.back_button):
            b.setAutoDefault(False)
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_all_button.clicked.connect(self.retry_all)
        self.back_button.clicked.connect(self.back.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_all_button)
        buttons.addWidget(self.retry_button)
        box = QVBoxLayout()
        box.addWidget(self.title)
        box.addWidget(self.explain)
        box.addWidget(self.view, 1)
        box.addWidget(self.message)
        box.addLayout(buttons)
        panel = QWidget()
        panel.setLayout(box)
        _centered(panel, self, 1200)
        self.view.installEventFilter(self)
        _shortcut(self, Qt.Key.Key_F5, self.retry_all)
        _shortcut(self, Qt.Key.Key_Escape, self.back.emit)
        self._waiting: set[int] = set()
        receipts.finished.connect(self._printed)

    @property
    def spool(self):
        return getattr(self.services.printer, "spool", None)

    def start(self) -> None:
        self.message.clear_text()
        self.view.setFocus()
        self.reload()

    def reload(self) -> None:
        spool = self.spool
        if spool is None:
            self.model.set_rows([])
            self._say(self.tr("Esta impresora no guarda los recibos que no salieron; reimprima con F9 o por número."))
            self.loaded.emit(0)
            return
        self.worker.submit(spool.pending, self._loaded, lambda e: self._say(describe(e).text, error=True))

    def _loaded(self, held) -> None:
        self.model.set_rows(held)
        if self.model.rowCount():
            self.view.selectRow(0)
        elif not self._waiting:
            self._say(self.tr("No hay recibos pendientes de imprimir."))
        self.loaded.emit(self.model.rowCount())

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.show_text(text)
        restyle(self.message, "inlineError" if error else "notice")

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if obj is self.view and event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.retry_selected()
            return True
        return super().eventFilter(obj, event)

    def retry_selected(self) -> None:
        held = self.model.held_at(self.view.currentIndex().row())
        if held is not None:
            self._retry([held.receipt_no])

    def retry_all(self) -> None:
        self._retry([self.model.held_at(r).receipt_no for r in range(self.model.rowCount())])

    def _retry(self, numbers: list[int]) -> None:
        if not numbers:
            return
        for no in numbers:
            self._waiting.add(no)
            self.receipts.reprint(no)
        self._say(self.tr("Reintentando {n} recibo(s)…").format(n=len(numbers)))

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.receipt_no not in self._waiting or outcome.document != "receipt":
            return
        self._waiting.discard(outcome.receipt_no)
        if outcome.problem:
            self._say(self.tr("El recibo N° {no} sigue sin imprimirse: {problem}").format(
                no=outcome.receipt_no, problem=outcome.problem), error=True)
        elif not self._waiting:
            self._say(self.tr("Recibo N° {no} impreso.").format(no=outcome.receipt_no))
        if not self._waiting:
            self.reload()


# ------------------------------------------------------------------------------------------
class ReprintDialog(QDialog):
    """Type a receipt number of this shift and Enter: it prints again (COPIA)."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reprint")
        self.setWindowTitle(self.tr("Reimprimir un recibo"))
        self.setModal(True)
        self.title = label(self.tr("Reimprimir un recibo"), "title")
        self.number = QLineEdit()
        self.number.setObjectName("receiptNumber")
        self.number.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,9}"), self.number))
        self.error = InlineMessage()
        self.hint = label(self.tr("Escriba el número del recibo y Enter. Esc cancela."), "hint", wrap=True)
        form = QFormLayout()
        form.addRow(label(self.tr("Recibo N°"), "fieldLabel"), self.number)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.hint)
        self.setMinimumWidth(460)
        self.number.returnPressed.connect(self._enter)

    def start(self) -> None:
        self.open()
        self.raise_()
        self.activateWindow()
        self.number.setFocus()

    def done(self, result: int) -> None:
        super().done(result)
        give_back_window(self)

    def _enter(self) -> None:
        text = self.number.text().strip()
        if not text or int(text) <= 0:
            self.error.show_text(self.tr("Escriba el número del recibo."))
            return
        self.chosen.emit(int(text))
        self.accept()
