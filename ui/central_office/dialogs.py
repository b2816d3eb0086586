"""The desk's actions: a form, then a confirmation that says exactly what will happen.

Every action that changes something at the central goes through an
:class:`ActionDialog`: the clerk fills the form (Enter moves to the next
field, Enter on the last continues), reads the confirmation sentence and
confirms (Enter) or goes back (Esc).  The call runs on the desk's worker; a
refusal from the central shows inside the dialog, which stays open on the
form so the clerk can correct it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QRadioButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from ui.central_office import labels as L
from ui.central_office.errors import InputError, sentence
from ui.widgets import InlineMessage, give_back_window, label
from ui.workers import Worker


@dataclass(frozen=True)
class Prepared:
    """What the form asks for: the call to make and the sentence that confirms it."""

    call: Callable[[], Any]
    confirmation: str


class ActionDialog(QDialog):
    """Form → confirmation → the call on the worker; refusals shown inside."""

    done = Signal(object)

    def __init__(self, title: str, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.worker = worker
        self.prepared: Prepared | None = None
        self.result_value: Any = None
        self.stack = QStackedWidget(self)

        self.form_page = QWidget()
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.intro = label("", "subtitle", wrap=True)
        self.intro.hide()
        self.error = InlineMessage()
        self.continue_button = QPushButton(self.tr("Continuar"))
        self.cancel_button = QPushButton(self.tr("Cancelar"))
        self.continue_button.clicked.connect(self.go_confirm)
        self.cancel_button.clicked.connect(self.reject)
        fl = QVBoxLayout(self.form_page)
        fl.addWidget(self.intro)
        fl.addLayout(self.form)
        fl.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.continue_button)
        fl.addLayout(row)

        self.confirm_page = QWidget()
        self.confirm_text = label("", "subtitle", wrap=True)
        self.confirm_text.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_hint = label(self.tr("Enter confirma · Esc vuelve al formulario"), "hint")
        self.confirm_button = QPushButton(self.tr("Confirmar"))
        self.back_button = QPushButton(self.tr("Volver"))
        self.confirm_button.clicked.connect(self.submit)
        self.back_button.clicked.connect(self.go_form)
        self.busy = label("", "hint")
        cl = QVBoxLayout(self.confirm_page)
        cl.addWidget(label(self.tr("Confirme la operación"), "fieldLabel"))
        cl.addWidget(self.confirm_text)
        cl.addStretch(1)
        cl.addWidget(self.busy)
        cl.addWidget(self.confirm_hint)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(self.back_button)
        row2.addWidget(self.confirm_button)
        cl.addLayout(row2)

        for b in (self.continue_button, self.cancel_button, self.confirm_button, self.back_button):
            b.setAutoDefault(False)  # Enter is read by keyPressEvent, never by a default button
        self.stack.addWidget(self.form_page)
        self.stack.addWidget(self.confirm_page)
        outer = QVBoxLayout(self)
        outer.addWidget(self.stack)
        self.fields: list[QWidget] = []
        self.setMinimumWidth(640)
        self.finished.connect(lambda _: give_back_window(self))

    # -- building the form --------------------------------------------------------

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(self, caption: str, widget: QWidget) -> QWidget:
        self.form.addRow(label(caption, "fieldLabel"), widget)
        self.fields.append(widget)
        if isinstance(widget, QLineEdit):
            # Enter is taken here, not left to travel on to the dialog: the same key press must
            # never both leave the form and confirm what it just showed
            widget.installEventFilter(self)
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and watched in self.fields
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            self._next_from(watched)  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def line(self, caption: str, text: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setPlaceholderText(placeholder)
        self.add_field(caption, edit)
        return edit

    def _next_from(self, widget: QWidget) -> None:
        enabled = [f for f in self.fields if f.isEnabled() and f.isVisible()]
        if widget in enabled and enabled.index(widget) < len(enabled) - 1:
            enabled[enabled.index(widget) + 1].setFocus()
        else:
            self.go_confirm()

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        super().showEvent(event)
        first = next((f for f in self.fields if f.isEnabled()), self.continue_button)
        first.setFocus()

    # -- what subclasses say -----------------------------------------------------

    def prepare(self) -> Prepared:
        """Read the form (raise InputError for a bad field) and say what will be done."""
        raise NotImplementedError

    # -- the flow ------------------------------------------------------------------

    def go_confirm(self) -> None:
        self.error.clear_text()
        try:
            self.prepared = self.prepare()
        except InputError as e:
            self.error.show_text(e.message)
            return
        self.confirm_text.setText(self.prepared.confirmation)
        self.busy.setText("")
        self.stack.setCurrentWidget(self.confirm_page)
        self.confirm_button.setEnabled(True)
        self.confirm_button.setFocus()

    def go_form(self) -> None:
        self.stack.setCurrentWidget(self.form_page)
        first = next((f for f in self.fields if f.isEnabled()), self.continue_button)
        first.setFocus()

    def submit(self) -> None:
        if self.prepared is None or not self.confirm_button.isEnabled():
            return
        self.confirm_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.busy.setText(self.tr("Enviando a la central…"))
        self.worker.submit(self.prepared.call, self._succeeded, self._failed)

    def _succeeded(self, value: Any) -> None:
        self.result_value = value
        self.back_button.setEnabled(True)
        self.done.emit(value)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.back_button.setEnabled(True)
        self.go_form()
        self.error.show_text(sentence(error))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.stack.currentWidget() is self.confirm_page:
            if event.key() == Qt.Key.Key_Escape:
                if self.back_button.isEnabled():
                    self.go_form()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit()
                return
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.cancel_button.hasFocus():
                self.reject()
            else:
                self.go_confirm()  # Enter on a choice (radio, list) continues too
            return
        super().keyPressEvent(event)


# -- the desk's actions ----------------------------------------------------------------


def _exception_line(case: dict[str, Any]) -> str:
    amount = "" if case.get("type") == "missing_items" else L.money(case.get("amount"), case.get("currency"))
    what = L.exception_type(str(case.get("type", "")))
    return QCoreApplication.translate("central_office", "N° {id} · {what} · {agent} {day}{amount}").format(
        id=case.get("id"), what=what, agent=case.get("agent_id") or "", day=L.day(case.get("business_date")),
        amount=f" · {amount}" if amount else "")


class AssignDialog(ActionDialog):
    def __init__(self, case: dict[str, Any], assignee: str, client: Any, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Asignar excepción"), worker, parent)
        self.case, self.client = case, client
        self.set_intro(_exception_line(case))
        self.assignee = self.line(self.tr("Asignar a"), assignee, self.tr("nombre de quien la trabajará"))

    def prepare(self) -> Prepared:
        who = self.assignee.text().strip()
        if not who:
            raise InputError(self.tr("Escriba a quién se asigna la excepción."), "assignee")
        case_id = int(self.case["id"])
        return Prepared(lambda: self.client.assign_exception(case_id, who),
                        self.tr("Asignar la excepción {case} a {who}.").format(case=_exception_line(self.case), who=who))


class ResolveDialog(ActionDialog):
    """Resolve with a reason: approve, adjust to the cashier's over/short, or reverse the payment."""

    ACTIONS = ("approve", "adjust", "reverse")

    def __init__(self, case: dict[str, Any], client: Any, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Resolver excepción"), worker, parent)
        self.case, self.client = case, client
        self.set_intro(_exception_line(case) + (f"\n{case.get('detail')}" if case.get("detail") else ""))
        self.currency = str(case.get("currency") or "")
        box = QWidget()
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        captions = {
            "approve": self.tr("Aprobar: se acepta como está"),
            "adjust": self.tr("Ajustar: cargar al sobrante/faltante del cajero"),
            "reverse": self.tr("Reversar el pago: el deudor vuelve a deber"),
        }
        for action in self.ACTIONS:
            b = QRadioButton(captions[action])
            self.group.addButton(b)
            bl.addWidget(b)
            self.buttons[action] = b
        self.buttons["adjust"].setEnabled(bool(case.get("agent_id")) and bool(self.currency) and case.get("type") != "missing_items")
        self.buttons["reverse"].setEnabled(case.get("source") == "item")
        self.buttons["approve"].setChecked(True)
        self.add_field(self.tr("Cómo"), box)
        self.reason = self.line(self.tr("Motivo"), "", self.tr("por qué se resuelve así (queda en la auditoría)"))
        amount = case.get("amount")
        self.amount = self.line(self.tr("Monto del ajuste"), L.money(amount, self.currency, sign=False) if amount and self.currency
                                and case.get("type") != "missing_items" else "", self.tr("negativo: faltante"))
        self.cashier = self.line(self.tr("Cajero"), str(case.get("cashier_id") or ""))
        for b in self.buttons.values():
            b.toggled.connect(self._action_changed)
        self._action_changed()

    def action(self) -> str:
        return next(a for a, b in self.buttons.items() if b.isChecked())

    def choose(self, action: str) -> None:
        self.buttons[action].setChecked(True)

    def _action_changed(self) -> None:
        adjusting = self.action() == "adjust"
        self.amount.setEnabled(adjusting)
        self.cashier.setEnabled(adjusting)

    def prepare(self) -> Prepared:
        action = self.action()
        reason = self.reason.text().strip()
        if not reason:
            raise InputError(self.tr("Escriba el motivo: queda en la auditoría de la excepción."), "reason")
        case_id = int(self.case["id"])
        line = _exception_line(self.case)
        if action == "approve":
            return Prepared(lambda: self.client.resolve_exception(case_id, "approve", reason),
                            self.tr("Aprobar la excepción {case}.\nMotivo: «{reason}».").format(case=line, reason=reason))
        if action == "reverse":
            return Prepared(lambda: self.client.resolve_exception(case_id, "reverse", reason),
                            self.tr("Reversar el pago de la excepción {case}: el pago se anula en el libro y el deudor "
                                    "vuelve a deber ese monto.\nMotivo: «{reason}».").format(case=line, reason=reason))
        amount = L.read_amount(self.amount.text(), self.currency, allow_negative=True)
        cashier = self.cashier.text().strip()
        if not cashier:
            raise InputError(self.tr("Escriba el cajero al que se carga el ajuste."), "cashier")
        what = self.tr("faltante") if amount < 0 else self.tr("sobrante")
        return Prepared(
            lambda: self.client.resolve_exception(case_id, "adjust", reason, amount=amount, cashier_id=cashier),
            self.tr("Cargar {amount} ({what}) a la cuenta de sobrante/faltante del cajero {cashier}, y resolver la excepción "
                    "{case}.\nMotivo: «{reason}».").format(amount=L.money(abs(amount), self.currency), what=what,
                                                          cashier=cashier, case=line, reason=reason))


class DepositDialog(ActionDialog):
    """A deposit slip entered by hand."""

    def __init__(self, client: Any, worker: Worker, parent: QWidget | None = None, *, agent_id: str = "",
                 business_date: str | None = None, currency: str = "DOP") -> None:
        super().__init__(self.tr("Registrar depósito"), worker, parent)
        self.client = client
        self.agent = self.line(self.tr("Agente"), agent_id, "AG001")
        self.business_date = self.line(self.tr("Fecha de negocio"), L.day(business_date), "dd/mm/aaaa")
        self.tender = QComboBox()
        self.tender.addItem(self.tr("Efectivo"), "cash")
        self.tender.addItem(self.tr("Cheques"), "cheque")
        self.add_field(self.tr("Qué se depositó"), self.tender)
        self.bank = self.line(self.tr("Banco"), "", "BHD")
        self.reference = self.line(self.tr("Referencia"), "", self.tr("la del volante de depósito"))
        self.amount = self.line(self.tr("Monto"), "", "1,500.00")
        self.currency = self.line(self.tr("Moneda"), currency)

    def prepare(self) -> Prepared:
        agent = self.agent.text().strip().upper()
        if not agent:
            raise InputError(self.tr("Escriba el código del agente."), "agent")
        day = L.read_date(self.business_date.text(), self.tr("Fecha de negocio"), required=True)
        bank, reference = self.bank.text().strip(), self.reference.text().strip()
        if not bank:
            raise InputError(self.tr("Escriba el banco."), "bank")
        if not reference:
            raise InputError(self.tr("Escriba la referencia del depósito: con ella se concilia."), "reference")
        currency = self.currency.text().strip().upper()
        if len(currency) != 3:
            raise InputError(self.tr("La moneda es un código de tres letras, por ejemplo DOP."), "currency")
        amount = L.read_amount(self.amount.text(), currency)
        tender = self.tender.currentData()
        return Prepared(
            lambda: self.client.add_deposit(agent_id=agent, business_date=day, bank=bank, reference=reference, amount=amount,
                                            currency=currency, tender=tender),
            self.tr("Registrar un depósito de {what} de {amount} del agente {agent}, día {day}, en {bank} con la referencia "
                    "«{reference}».").format(what=self.tender.currentText().lower(), amount=L.money(amount, currency),
                                             agent=agent, day=L.day(day), bank=bank, reference=reference))


class AssignDepositDialog(ActionDialog):
    """A statement line nobody could read: the clerk says whose and which day it is."""

    def __init__(self, deposit: dict[str, Any], client: Any, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Asignar depósito"), worker, parent)
        self.deposit, self.client = deposit, client
        self.set_intro(self.tr("Depósito N° {id}: {amount}, referencia «{ref}», {bank}").format(
            id=deposit.get("id"), amount=L.money(deposit.get("amount"), deposit.get("currency")), ref=deposit.get("reference", ""),
            bank=deposit.get("bank", "")))
        self.agent = self.line(self.tr("Agente"), str(deposit.get("agent_id") or ""), "AG001")
        self.business_date = self.line(self.tr("Fecha de negocio"), L.day(deposit.get("business_date")), "dd/mm/aaaa")
        self.tender = QComboBox()
        self.tender.addItem(self.tr("Efectivo"), "cash")
        self.tender.addItem(self.tr("Cheques"), "cheque")
        self.add_field(self.tr("Qué es"), self.tender)
        self.reason = self.line(self.tr("Motivo"), "", self.tr("cómo se supo de quién es"))

    def prepare(self) -> Prepared:
        agent = self.agent.text().strip().upper()
        if not agent:
            raise InputError(self.tr("Escriba el código del agente."), "agent")
        day = L.read_date(self.business_date.text(), self.tr("Fecha de negocio"), required=True)
        reason = self.reason.text().strip()
        if not reason:
            raise InputError(self.tr("Escriba el motivo: queda en la auditoría."), "reason")
        deposit_id, tender = int(self.deposit["id"]), self.tender.currentData()
        return Prepared(
            lambda: self.client.assign_deposit(deposit_id, agent_id=agent, business_date=day, reason=reason, tender=tender),
            self.tr("Asignar el depósito N° {id} ({amount}) al agente {agent}, día {day}.\nMotivo: «{reason}».").format(
                id=deposit_id, amount=L.money(self.deposit.get("amount"), self.deposit.get("currency")), agent=agent,
                day=L.day(day), reason=reason))


class ReturnedChequeDialog(ActionDialog):
    """The bank returned a cheque: its payment is reversed and its drawer goes on the terminals' list."""

    def __init__(self, client: Any, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Marcar cheque devuelto"), worker, parent)
        self.client = client
        self.set_intro(self.tr("El id del pago está en el recibo («Id de pago»)."))
        self.payment = self.line(self.tr("Id del pago"), "", "01a2…")
        self.number = self.line(self.tr("Cheque N°"), "", self.tr("si el pago tuvo varios cheques"))
        self.returned_on = self.line(self.tr("Devuelto el"), L.day(date.today().isoformat()), "dd/mm/aaaa")
        self.reason = self.line(self.tr("Motivo"), "", self.tr("fondos insuficientes, firma…"))

    def prepare(self) -> Prepared:
        payment = self.payment.text().strip()
        if not payment:
            raise InputError(self.tr("Escriba el id del pago (está en el recibo)."), "payment")
        number = self.number.text().strip() or None
        day = L.read_date(self.returned_on.text(), self.tr("Devuelto el"))
        reason = self.reason.text().strip()
        if not reason:
            raise InputError(self.tr("Escriba el motivo de la devolución."), "reason")
        cheque = self.tr("el cheque N° {n}").format(n=number) if number else self.tr("el cheque")
        return Prepared(
            lambda: self.client.mark_cheque_returned(payment_id=payment, number=number, reason=reason, returned_on=day),
            self.tr("Marcar devuelto {cheque} del pago {payment}: el pago del cheque se reversa, la cuenta del deudor vuelve "
                    "a deberlo y el girador entra en la lista de cheques devueltos de las cajas.\nMotivo: «{reason}».").format(
                cheque=cheque, payment=payment, reason=reason))


class ReconcileDialog(ActionDialog):
    """Close what can close and run the checks (all closed windows, a date, an agent)."""

    def __init__(self, client: Any, worker: Worker, parent: QWidget | None = None, *, business_date: str | None = None,
                 agent_id: str = "") -> None:
        super().__init__(self.tr("Conciliar"), worker, parent)
        self.client = client
        self.set_intro(self.tr("Cierra las ventanas vencidas y revisa los controles. En blanco: todas."))
        self.business_date = self.line(self.tr("Fecha de negocio"), L.day(business_date), "dd/mm/aaaa")
        self.agent = self.line(self.tr("Agente"), agent_id, self.tr("todos"))

    def prepare(self) -> Prepared:
        day = L.read_date(self.business_date.text(), self.tr("Fecha de negocio"))
        agent = self.agent.text().strip().upper() or None
        scope = []
        if day:
            scope.append(self.tr("del día {day}").format(day=L.day(day)))
        if agent:
            scope.append(self.tr("del agente {agent}").format(agent=agent))
        what = " ".join(scope) if scope else self.tr("de todos los días y agentes")
        return Prepared(lambda: self.client.reconcile(business_date=day, agent_id=agent),
                        self.tr("Cerrar las ventanas vencidas y revisar los controles {what}.").format(what=what))


class ImportDialog(ActionDialog):
    """A bank statement or a card settlement file, read and sent as it is."""

    def __init__(self, kind: str, path: str, client: Any, worker: Worker, parent: QWidget | None = None) -> None:
        title = self.tr("Importar extracto bancario") if kind == "statement" else self.tr("Importar liquidación de tarjetas")
        super().__init__(title, worker, parent)
        self.kind, self.path, self.client = kind, path, client
        self.set_intro(self.tr("Archivo: {path}").format(path=path))
        self.bank = self.line(self.tr("Banco"), "", self.tr("si el archivo no trae la columna bank")) if kind == "statement" else None

    def prepare(self) -> Prepared:
        from pathlib import Path

        path = Path(self.path)
        name = path.stem[:60]
        if self.kind == "statement":
            bank = self.bank.text().strip() if self.bank else ""
            return Prepared(lambda: self.client.import_bank_statement(path.read_bytes(), bank=bank, name=name),
                            self.tr("Importar el extracto «{file}»{bank}. Los depósitos se concilian por su referencia; "
                                    "si una línea tiene errores no se importa nada.").format(
                                file=path.name, bank=self.tr(" del banco {bank}").format(bank=bank) if bank else ""))
        return Prepared(lambda: self.client.import_card_settlement(path.read_bytes(), name=name),
                        self.tr("Importar la liquidación de tarjetas «{file}». Cada línea se busca por autorización y "
                                "últimos cuatro dígitos; si una línea tiene errores no se importa nada.").format(file=path.name))
