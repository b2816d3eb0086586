"""Login (user and PIN) and opening a shift with the float counted by denomination."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.users import User
from app.services.counter import CashierSession
from ui.context import Services
from ui.denominations import DenominationCount
from ui.errors import describe
from ui.widgets import InlineMessage, label
from ui.workers import Worker


class LoginScreen(QWidget):
    """User and PIN. Enter in the user field moves to the PIN; Enter in the PIN logs in."""

    logged_in = Signal(object)  # User

    def __init__(self, services: Services, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.worker = services, worker
        s = services.settings
        self.title = label(self.tr("Ventanilla — caja de recaudo"), "title")
        self.where = label(self.tr("{outlet} · {terminal}").format(outlet=s.outlet.name, terminal=s.terminal_name), "subtitle")
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("user")
        self.user_edit.setMaxLength(32)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.pin_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self.pin_edit))
        self.error = InlineMessage()
        self.enter = QPushButton(self.tr("Entrar (Enter)"))
        self.enter.setAutoDefault(True)
        self.hint = label(self.tr("Escriba su usuario, Enter, su PIN y Enter."), "hint")

        form = QFormLayout()
        form.addRow(label(self.tr("Usuario"), "fieldLabel"), self.user_edit)
        form.addRow(label(self.tr("PIN"), "fieldLabel"), self.pin_edit)
        box = QVBoxLayout()
        box.addWidget(self.title)
        box.addWidget(self.where)
        box.addSpacing(24)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.enter, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.hint)
        panel = QWidget()
        panel.setLayout(box)
        panel.setMaximumWidth(720)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.user_edit.returnPressed.connect(self._user_entered)
        self.pin_edit.returnPressed.connect(self.submit)
        self.enter.clicked.connect(self.submit)

    def reset(self) -> None:
        self.user_edit.clear()
        self.pin_edit.clear()
        self.error.clear_text()
        self._set_busy(False)
        self.user_edit.setFocus()

    def _user_entered(self) -> None:
        if self._card_number_refused():
            return
        if self.user_edit.text().strip():
            self.pin_edit.setFocus()

    def _card_number_refused(self) -> bool:
        """A card swiped or typed into the user field: the text goes, never to the log or the store."""
        from app.domain.policy_input import card_number_in
        from ui.tender_forms import card_refusal

        if not card_number_in(self.user_edit.text()):
            return False
        self.user_edit.clear()
        self.error.show_text(card_refusal())
        self.user_edit.setFocus()
        return True

    def _set_busy(self, busy: bool) -> None:
        for w in (self.user_edit, self.pin_edit, self.enter):
            w.setEnabled(not busy)

    def submit(self) -> None:
        if self._card_number_refused():
            return
        user_id, pin = self.user_edit.text().strip(), self.pin_edit.text()
        if not user_id:
            self.error.show_text(self.tr("Escriba su usuario."))
            self.user_edit.setFocus()
            return
        if not pin:
            self.error.show_text(self.tr("Escriba su PIN."))
            self.pin_edit.setFocus()
            return
        self.error.clear_text()
        self._set_busy(True)
        auth = self.services.auth
        self.worker.submit(lambda: auth.login(user_id, pin), self._ok, self._failed)

    def _ok(self, user: User) -> None:
        self._set_busy(False)
        self.pin_edit.clear()
        self.logged_in.emit(user)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.error.show_text(describe(error).text)
        self.pin_edit.clear()
        self.pin_edit.setFocus()


class OpenShiftScreen(QWidget):
    """Count the opening float bill by bill: type a count, Enter moves to the next row."""

    shift_opened = Signal(object)  # CashierSession
    cancelled = Signal()

    def __init__(self, services: Services, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.worker = services, worker
        self.formats = services.formats
        self.currency = services.settings.currency
        self.user: User | None = None

        self.title = label(self.tr("Abrir turno: fondo de caja"), "title")
        self.who = label("", "subtitle")
        self.hint = label(
            self.tr("Cuente cada billete y moneda: escriba la cantidad y Enter. Al final, Enter abre el turno. Esc vuelve."),
            "hint",
            wrap=True,
        )
        # the denomination table is packaged with the program (no store, no network): read once here
        self.count = DenominationCount(services.shifts.denominations(self.currency), self.formats, self.currency)
        self.count.changed.connect(self._recount)
        self.count.finished.connect(lambda: self.open_button.setFocus())
        self.count_edits = self.count.count_edits
        self.total = label("", "total")
        self.error = InlineMessage()
        self.open_button = QPushButton(self.tr("Abrir turno (Enter)"))
        self.open_button.setAutoDefault(True)
        self.open_button.clicked.connect(self.submit)

        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.who)
        left.addWidget(self.hint)
        left.addWidget(self.count)
        left.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(label(self.tr("Total del fondo"), "fieldLabel"))
        bottom.addWidget(self.total, 1, Qt.AlignmentFlag.AlignRight)
        left.addLayout(bottom)
        left.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        left.addStretch(1)
        panel = QWidget()
        panel.setLayout(left)
        panel.setMaximumWidth(900)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 4)
        outer.addStretch(1)
        self._recount()

    def start(self, user: User) -> None:
        self.user = user
        self.who.setText(self.tr("Cajero: {name}").format(name=user.name))
        self.count.clear()
        self.error.clear_text()
        self._set_busy(False)
        self.count_edits[0].setFocus()

    def counts(self) -> dict[int, int]:
        """Minor units → count, as ShiftService.open_shift takes them (blank fields count zero)."""
        return self.count.counts()

    def total_minor(self) -> int:
        return self.count.total_minor()

    def _recount(self, *_args) -> None:
        self.total.setText(self.formats.minor(self.total_minor()))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def _set_busy(self, busy: bool) -> None:
        for w in [*self.count_edits, self.open_button]:
            w.setEnabled(not busy)

    def submit(self) -> None:
        if self.user is None:
            return
        counts, user, shifts = self.counts(), self.user, self.services.shifts
        self._set_busy(True)
        self.worker.submit(lambda: shifts.open_shift(user, counts), self._ok, self._failed)

    def _ok(self, session: CashierSession) -> None:
        self._set_busy(False)
        self.shift_opened.emit(session)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.error.show_text(describe(error).text)
        self.count_edits[0].setFocus()
