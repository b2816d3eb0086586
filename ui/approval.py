"""A supervisor approves: user, PIN and (when asked) a reason, then the action runs.

One dialog for every approval at the counter: a void, a cash drop, float
added, a close outside the tolerance, and later a policy override.  The
action runs off the GUI thread with the approver ``AuthService.approve``
returned; whatever the services refuse (wrong PIN, not a supervisor, the
cashier approving themselves, no reason) is shown inside the dialog in the
services' own Spanish, and the dialog stays open to correct it.

Keys: Enter moves to the next field and, on the last one, approves; Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.amounts import parse_amount
from app.domain.errors import DomainError, Unauthorized
from app.domain.money import Money
from app.domain.policy_input import card_number_in
from app.domain.users import User
from ui.context import Services
from ui.errors import Shown, describe
from ui.widgets import InlineMessage, give_back_window, label
from ui.workers import Worker

# action(approver, reason, amount) -> result; runs on a worker thread
Action = Callable[[User, str, "Money | None"], Any]


class ApprovalDialog(QDialog):
    approved = Signal(object)  # the action's result

    def __init__(
        self,
        services: Services,
        worker: Worker,
        *,
        cashier: User,
        title: str,
        detail: str,
        action: Action,
        ask_reason: bool = True,
        ask_amount: bool = False,
        amount_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approval")
        self.services, self.worker, self.cashier, self.action = services, worker, cashier, action
        self.busy = False
        self.approver: User | None = None
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.setModal(True)
        self.title = label(title, "title", wrap=True)
        self.detail = label(detail, "subtitle", wrap=True)
        self.amount_edit: QLineEdit | None = None
        if ask_amount:
            self.amount_edit = QLineEdit()
            self.amount_edit.setObjectName("approvalAmount")
            self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("approverUser")
        self.user_edit.setMaxLength(32)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("approverPin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.pin_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self.pin_edit))
        self.reason_edit: QLineEdit | None = None
        if ask_reason:
            self.reason_edit = QLineEdit()
            self.reason_edit.setObjectName("approvalReason")
            self.reason_edit.setMaxLength(200)
        self.error = InlineMessage()
        self.ok_button = QPushButton(self.tr("Autorizar (Enter)"))
        self.cancel_button = QPushButton(self.tr("Cancelar (Esc)"))
        for b in (self.ok_button, self.cancel_button):
            # Enter belongs to the fields (next field / approve), never to a default button
            b.setAutoDefault(False)
            b.setDefault(False)
        self.hint = label(self.tr("El supervisor escribe su usuario y su PIN. Enter pasa al campo siguiente."), "hint", wrap=True)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if self.amount_edit is not None:
            form.addRow(label(amount_label or self.tr("Monto"), "fieldLabel"), self.amount_edit)
        form.addRow(label(self.tr("Supervisor"), "fieldLabel"), self.user_edit)
        form.addRow(label(self.tr("PIN"), "fieldLabel"), self.pin_edit)
        if self.reason_edit is not None:
            form.addRow(label(self.tr("Motivo"), "fieldLabel"), self.reason_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.detail)
        box.addSpacing(8)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.hint)
        box.addLayout(buttons)
        self.setMinimumWidth(560)

        self.fields = [w for w in (self.amount_edit, self.user_edit, self.pin_edit, self.reason_edit) if w is not None]
        for i, w in enumerate(self.fields):
            w.returnPressed.connect(lambda i=i: self._next(i))
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

    def start(self) -> None:
        """Show it (window-modal, not blocking the event loop) with the cursor in the first field."""
        self.open()
        self.raise_()
        self.activateWindow()
        self.fields[0].setFocus()

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        super().done(result)
        give_back_window(self)

    # --- keys -----------------------------------------------------------------------
    def _next(self, i: int) -> None:
        if self.busy:
            return
        if i + 1 < len(self.fields):
            nxt = self.fields[i + 1]
            nxt.setFocus()
            nxt.selectAll()
            return
        self.submit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # handled by the fields; never an implicit default button
        if event.key() == Qt.Key.Key_Escape and self.busy:
            return  # the approval is being recorded: wait for the answer
        super().keyPressEvent(event)

    # --- approving ------------------------------------------------------------------
    def _amount(self) -> Money | None:
        if self.amount_edit is None:
            return None
        s = self.services.settings
        try:
            amount = parse_amount(self.amount_edit.text(), s.currency, s.locale)
        except DomainError as e:
            raise DomainError(e.code, e.message, field="amount") from e
        if amount.amount <= 0:
            raise DomainError("amount_not_positive", self.tr("El monto debe ser mayor que cero."), field="amount")
        return amount

    def submit(self) -> None:
        if self.busy:
            return
        try:
            amount = self._amount()
        except DomainError as e:
            self._show(describe(e))
            return
        for edit, where in ((self.user_edit, "user"), (self.reason_edit, "reason")):
            if edit is not None and card_number_in(edit.text()):
                from ui.tender_forms import card_refusal

                edit.clear()  # a full card number is never sent, kept or logged
                self._show(Shown(card_refusal(), where, "card_number_refused"))
                return
        user_id, pin = self.user_edit.text().strip(), self.pin_edit.text()
        reason = self.reason_edit.text().strip() if self.reason_edit is not None else ""
        if not user_id:
            self._show(Shown(self.tr("Escriba el usuario del supervisor."), "user", "no_user"))
            return
        if not pin:
            self._show(Shown(self.tr("Escriba el PIN del supervisor."), "pin", "no_pin"))
            return
        if self.reason_edit is not None and not reason:
            self._show(Shown(self.tr("Escriba el motivo."), "reason", "reason_required"))
            return
        self.error.clear_text()
        self._set_busy(True)
        auth, cashier, action = self.services.auth, self.cashier, self.action
        same_person = self.tr("La autorización la da un supervisor distinto del cajero.")

        def job():
            approver = auth.approve(user_id, pin)
            if approver.user_id == cashier.user_id:
                raise Unauthorized("approver_is_cashier", same_person)
            return approver, action(approver, reason, amount)

        self.worker.submit(job, self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in [*self.fields, self.ok_button, self.cancel_button]:
            w.setEnabled(not busy)
        if busy:
            self.hint.setText(self.tr("Verificando…"))
        else:
            self.hint.setText(self.tr("El supervisor escribe su usuario y su PIN. Enter pasa al campo siguiente."))

    def _done(self, outcome) -> None:
        self._set_busy(False)
        self.approver, self.result_value = outcome
        self.approved.emit(self.result_value)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        shown = describe(error)
        if shown.field is None and isinstance(error, Unauthorized):
            shown = Shown(shown.text, "user" if shown.code in ("approver_is_cashier", "not_a_supervisor") else "pin", shown.code)
        self._show(shown)

    def _show(self, shown: Shown) -> None:
        self.error.show_text(shown.text)
        target = {
            "amount": self.amount_edit,
            "reason": self.reason_edit,
            "user": self.user_edit,
            "pin": self.pin_edit,
        }.get(shown.field or "")
        if shown.field in ("user", "pin"):
            self.pin_edit.clear()
        if shown.field == "user":
            self.user_edit.selectAll()
        if target is None:
            target = self.pin_edit
            self.pin_edit.clear()
        target.setFocus()
        if isinstance(target, QLineEdit):
            target.selectAll()
