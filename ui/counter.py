"""The counter screen: find the account, choose what to pay, take cash, give change.

Keyboard map (the whole flow works without a mouse):

    scan / type + Enter   search (account, national id, name, bill barcode)
    ↑ ↓                   move through several results
    F2                    cash: «Recibido» comes filled with the exact amount
    Enter                 confirm the payment (commit → print → drawer)
    F3 F4 F5              cheque, card, split (not available yet: a message says so)
    F6                    change the amount to pay (abono)
    F7                    the documents list; Space selects / unselects one
    F8                    the receipts of this shift; Enter reprints the chosen one, Supr (Delete) voids it
    F9                    reprint the last receipt (COPIA); Shift+F9 reprint one by its number
    F10                   the Caja menu: drop, float, X report, held receipts, close shift
    Esc                   back to an empty search field

An exact cash payment of a scanned bill is the scan, F2 and Enter.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.accounts import AccountStatus, AccountView
from app.domain.amounts import parse_amount
from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.payments import cash_tender
from app.services.counter import CashierSession, SearchResult, change_of
from app.services.ports import PaymentRecord
from ui.context import Services
from ui.errors import Shown, describe
from ui.models import DocumentsModel, ResultsModel, ShiftPaymentsModel, status_label
from ui.receipt_queue import PrintOutcome, ReceiptQueue
from ui.scanner import BurstTracker
from ui.widgets import InlineMessage, label, restyle
from ui.workers import Worker


@dataclass(frozen=True)
class LastPayment:
    receipt_no: int
    payment_id: str


class CounterScreen(QWidget):
    payment_committed = Signal(object)  # PaymentRecord
    search_finished = Signal(object)  # SearchResult or Shown
    print_finished = Signal(object)  # PrintOutcome
    logout_requested = Signal()
    cash_menu_requested = Signal()
    payment_voided = Signal(object)  # VoidRecord
    drawer_checked = Signal(bool)  # True: cash in the drawer passed the limit

    def __init__(self, services: Services, worker: Worker, receipts: ReceiptQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.worker, self.receipts = services, worker, receipts
        self.formats = services.formats
        self.currency = services.settings.currency
        self.locale = services.settings.locale
        self.session: CashierSession | None = None
        self.view: AccountView | None = None
        self.mode: str | None = None  # None | "cash"
        self.busy = False
        self.last_payment: LastPayment | None = None
        self.void_dialog = None
        self.reprint_dialog = None
        self._search_seq = 0
        self._burst = BurstTracker()
        self._build()
        self._connect()
        self._show_account(None)
        self._show_change_idle()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Escanee la factura o escriba cuenta, cédula o nombre y Enter"))
        self.search.setClearButtonEnabled(False)
        self.search_error = InlineMessage()
        self.search_state = label("", "hint")
        self.drop_banner = label("", "dropBanner", wrap=True)
        self.drop_banner.hide()

        self.results = ResultsModel(self.formats, self)
        self.results_view = self._table(self.results)
        self.results_view.setObjectName("results")
        self.results_view.horizontalHeader().setSectionResizeMode(ResultsModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.results_view.setMaximumHeight(200)
        self.results_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # account card
        self.card = QFrame()
        self.card.setObjectName("card")
        self.name_label = label("", "accountName", wrap=True)
        self.biller_label = label("", "subtitle", wrap=True)
        self.segment_label = label("", "", wrap=True)
        self.status_badge = label("", "judicial")
        self.balance_caption = label(self.tr("Saldo"), "fieldLabel")
        self.balance_label = label("", "balance")
        self.fresh_label = label("", "stale")
        self.note_label = label("", "notice", wrap=True)
        card = QGridLayout(self.card)
        card.addWidget(self.name_label, 0, 0, 1, 2)
        card.addWidget(self.biller_label, 1, 0, 1, 2)
        card.addWidget(self.segment_label, 2, 0, 1, 2)
        card.addWidget(self.status_badge, 3, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        card.addWidget(self.balance_caption, 4, 0)
        card.addWidget(self.balance_label, 4, 1, Qt.AlignmentFlag.AlignRight)
        card.addWidget(self.fresh_label, 5, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        card.addWidget(self.note_label, 6, 0, 1, 2)
        self.empty_card = label(
            self.tr("Escanee la factura del cliente o escriba su número de cuenta, cédula o nombre."), "subtitle", wrap=True
        )

        # documents
        self.documents = DocumentsModel(self.formats, self)
        self.docs_view = self._table(self.documents)
        self.docs_view.setObjectName("documents")
        self.docs_view.horizontalHeader().setSectionResizeMode(DocumentsModel.DOCUMENT, QHeaderView.ResizeMode.Stretch)
        self.docs_caption = label(self.tr("Facturas pendientes, la más antigua primero (F7, Espacio elige)"), "fieldLabel")
        self.docs_error = InlineMessage()

        # tender panel
        self.tender = QFrame()
        self.tender.setObjectName("tender")
        self.fkeys = {
            "cash": label(self.tr("F2 Efectivo"), "fkey"),
            "cheque": label(self.tr("F3 Cheque"), "fkey"),
            "card": label(self.tr("F4 Tarjeta"), "fkey"),
            "split": label(self.tr("F5 Mixto"), "fkey"),
        }
        keys = QHBoxLayout()
        for w in self.fkeys.values():
            keys.addWidget(w)
        keys.addStretch(1)
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("amount")
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_error = InlineMessage()
        self.received_edit = QLineEdit()
        self.received_edit.setObjectName("received")
        self.received_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.received_error = InlineMessage()
        self.tender_message = InlineMessage()
        self.tender_hint = label("", "hint", wrap=True)
        form = QGridLayout()
        form.addWidget(label(self.tr("A pagar (F6)"), "fieldLabel"), 0, 0)
        form.addWidget(self.amount_edit, 0, 1)
        form.addWidget(self.amount_error, 1, 0, 1, 2)
        form.addWidget(label(self.tr("Recibido"), "fieldLabel"), 2, 0)
        form.addWidget(self.received_edit, 2, 1)
        form.addWidget(self.received_error, 3, 0, 1, 2)
        form.setColumnStretch(1, 1)
        tender = QVBoxLayout(self.tender)
        tender.addLayout(keys)
        tender.addLayout(form)
        tender.addWidget(self.tender_message)
        tender.addWidget(self.tender_hint)

        # the change, very large
        self.change_frame = QFrame()
        self.change_frame.setObjectName("change")
        self.change_caption = label("", "changeCaption")
        self.change_amount = label("", "changeAmount")
        self.change_amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.change_detail = label("", "changeDetail", wrap=True)
        ch = QVBoxLayout(self.change_frame)
        ch.addWidget(self.change_caption)
        ch.addWidget(self.change_amount)
        ch.addWidget(self.change_detail)
        self.change_frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        # receipts of this shift: F8 goes there, Enter reprints the chosen one
        self.shift_payments = ShiftPaymentsModel(self.formats, self)
        self.shift_view = self._table(self.shift_payments)
        self.shift_view.setObjectName("shiftPayments")
        self.shift_view.horizontalHeader().setSectionResizeMode(ShiftPaymentsModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.shift_view.setColumnHidden(ShiftPaymentsModel.ACCOUNT, True)  # the name and receipt are what is asked for
        self.shift_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.shift_caption = label(self.tr("Cobros de este turno (F8: Enter reimprime · Supr anula)"), "fieldLabel", wrap=True)

        left = QVBoxLayout()
        left.addWidget(self.card)
        left.addWidget(self.empty_card)
        left.addWidget(self.shift_caption)
        left.addWidget(self.shift_view, 1)
        right = QVBoxLayout()
        right.addWidget(self.docs_caption)
        right.addWidget(self.docs_view, 1)
        right.addWidget(self.docs_error)
        right.addWidget(self.tender)
        right.addWidget(self.change_frame)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 6)
        top = QVBoxLayout(self)
        top.setContentsMargins(12, 10, 12, 6)
        searchrow = QHBoxLayout()
        searchrow.addWidget(self.search, 1)
        searchrow.addWidget(self.search_state)
        top.addWidget(self.drop_banner)
        top.addLayout(searchrow)
        top.addWidget(self.search_error)
        top.addWidget(self.results_view)
        top.addLayout(body, 1)

    @staticmethod
    def _table(model) -> QTableView:
        v = QTableView()
        v.setModel(model)
        v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        v.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        v.setAlternatingRowColors(True)
        v.verticalHeader().hide()
        v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        v.setTabKeyNavigation(False)
        return v

    def _connect(self) -> None:
        self.search.returnPressed.connect(self.run_search)
        self.search.installEventFilter(self)
        self.docs_view.installEventFilter(self)
        self.shift_view.installEventFilter(self)
        self.results_view.selectionModel().currentRowChanged.connect(self._result_chosen)
        self.documents.dataChanged.connect(self._documents_changed)
        self.amount_edit.textEdited.connect(self._amount_edited)
        self.amount_edit.returnPressed.connect(self._amount_entered)
        self.received_edit.textChanged.connect(self._update_change)
        self.received_edit.returnPressed.connect(self.confirm)
        self.receipts.finished.connect(self._printed)
        for key, slot in (
            (Qt.Key.Key_F2, self.start_cash),
            (Qt.Key.Key_F3, lambda: self._not_yet("cheque")),
            (Qt.Key.Key_F4, lambda: self._not_yet("card")),
            (Qt.Key.Key_F5, lambda: self._not_yet("split")),
            (Qt.Key.Key_F6, self.edit_amount),
            (Qt.Key.Key_F7, self.choose_documents),
            (Qt.Key.Key_F8, self.choose_receipt),
            (Qt.Key.Key_F9, self.reprint_last),
            (QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F9), self.ask_receipt_number),
            (Qt.Key.Key_F10, self.open_cash_menu),
            (Qt.Key.Key_Escape, self.cancel),
        ):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    # ------------------------------------------------------------------ entry
    def start(self, session: CashierSession, payments: list[PaymentRecord] | None = None) -> None:
        self.session = session
        self.shift_payments.set_rows(payments or [])
        latest = self.shift_payments.payment_at(0)
        self.last_payment = LastPayment(latest.receipt_no, latest.payment_id) if latest else None
        self.reset()
        self._show_change_idle()
        self.tender_message.clear_text()
        self.drop_banner.hide()
        self.check_drawer()

    def load_shift_payments(self, payments: list[PaymentRecord]) -> None:
        """The shift's earlier receipts (after a restart), without disturbing the customer at the counter."""
        taken_here = [self.shift_payments.payment_at(i) for i in range(self.shift_payments.rowCount())]
        known = {p.receipt_no for p in taken_here}
        self.shift_payments.set_rows(taken_here + [p for p in payments if p.receipt_no not in known])
        latest = self.shift_payments.payment_at(0)
        if self.last_payment is None and latest is not None:
            self.last_payment = LastPayment(latest.receipt_no, latest.payment_id)

    def reset(self) -> None:
        """Back to an empty, focused search field (the state between customers)."""
        self._search_seq += 1  # a search still running is no longer wanted
        self.search.clear()
        self.search_error.clear_text()
        self.search_state.clear()
        self._burst.reset()
        self.results.set_rows([])
        self.results_view.hide()
        self._show_account(None)
        self.search.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            if obj is self.search:
                key = event.key()
                if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.results.rowCount() > 1:
                    self._move_result(-1 if key == Qt.Key.Key_Up else 1)
                    return True
                if event.text() and event.text().isprintable():
                    cursor = self.search.selectionStart() if self.search.hasSelectedText() else self.search.cursorPosition()
                    self._burst.key(time.monotonic(), cursor)
            elif obj is self.docs_view and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.key() == Qt.Key.Key_Space:
                    row = self.docs_view.currentIndex().row()
                    self.documents.toggle(row)
                else:
                    self._back_to_tender()
                return True
            elif obj is self.shift_view and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                payment = self.shift_payments.payment_at(self.shift_view.currentIndex().row())
                if payment is not None:
                    self.reprint(payment.receipt_no)
                return True
            elif obj is self.shift_view and event.key() == Qt.Key.Key_Delete:
                payment = self.shift_payments.payment_at(self.shift_view.currentIndex().row())
                if payment is not None:
                    self.void(payment)
                return True
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------------ searching
    def run_search(self) -> None:
        text = self.search.text()
        scanned = self._burst.scanned(text, time.monotonic())
        if scanned is not None and scanned != text:
            self.search.setText(scanned)
            text = scanned
        self._burst.reset()
        if not text.strip():
            if self.view is not None:
                self.search_error.show_text(self.tr("Pulse F2 para cobrar en efectivo, o Esc para atender a otro cliente."))
            return
        self._search_seq += 1
        seq = self._search_seq
        self.search_error.clear_text()
        self.search_state.setText(self.tr("Buscando…"))
        counter = self.services.counter
        self.worker.submit(
            lambda: counter.search(text),
            lambda result: self._found(seq, result),
            lambda error: self._not_found(seq, error),
        )

    def _found(self, seq: int, result: SearchResult) -> None:
        if seq != self._search_seq:
            return
        self.search_state.clear()
        self.search.selectAll()  # the next scan or typing replaces the text
        views = list(result.views)
        if not views:
            self.results.set_rows([])
            self.results_view.hide()
            self._show_account(None)
            self.search_error.show_text(self.tr("No se encontró ninguna cuenta. Revise lo escrito o pruebe con el nombre."))
        else:
            self.results.set_rows(views)
            self.results_view.setVisible(len(views) > 1)
            if len(views) > 1:
                self.search_state.setText(self.tr("{n} cuentas: ↑ ↓ para elegir").format(n=len(views)))
                self.results_view.selectRow(0)
            self._show_account(views[0])
        self.search_finished.emit(result)

    def _not_found(self, seq: int, error: BaseException) -> None:
        if seq != self._search_seq:
            return
        self.search_state.clear()
        shown = describe(error)
        self._show_account(None)
        self.results.set_rows([])
        self.results_view.hide()
        self.search_error.show_text(shown.text)
        self.search.selectAll()
        self.search_finished.emit(shown)

    def _move_result(self, step: int) -> None:
        row = max(0, min(self.results.rowCount() - 1, self.results_view.currentIndex().row() + step))
        self.results_view.selectRow(row)

    def _result_chosen(self, current, _previous) -> None:
        view = self.results.view_at(current.row())
        if view is not None and view is not self.view:
            self._show_account(view)

    # ------------------------------------------------------------------ the account
    def _show_account(self, view: AccountView | None) -> None:
        self.view = view
        self._set_mode(None)
        for e in (self.amount_error, self.received_error, self.docs_error, self.tender_message):
            e.clear_text()
        self.card.setVisible(view is not None)
        self.empty_card.setVisible(view is None)
        self.amount_edit.setEnabled(view is not None)
        if view is None:
            self.documents.set_rows([], self._today())
            self.amount_edit.clear()
            self.tender_hint.setText(self.tr("Busque una cuenta para cobrar."))
            return
        a = view.account
        self.name_label.setText(a.name)
        self.biller_label.setText(self.tr("{biller} · cuenta {account}").format(biller=view.biller.name, account=a.account_id))
        self.segment_label.setText(
            self.tr("{segment} · {status} · {national_id}").format(
                segment=self._segment(a.segment), status=status_label(a.status), national_id=a.national_id
            )
        )
        badge = {
            AccountStatus.JUDICIAL: self.tr("Cobranza judicial: no se cobra en caja"),
            AccountStatus.AGREEMENT: self.tr("Acuerdo de pago vigente"),
            AccountStatus.WRITTEN_OFF: self.tr("Cuenta castigada: el pago es recuperación"),
        }.get(a.status, "")
        self.status_badge.setText(badge)
        self.status_badge.setVisible(bool(badge))
        restyle(self.status_badge, "judicial" if a.status == AccountStatus.JUDICIAL else "stale")
        self.balance_label.setText(self.formats.money(view.balance))
        if view.online:
            self.fresh_label.setText(self.tr("en línea"))
            restyle(self.fresh_label, "fresh")
        else:
            self.fresh_label.setText(self.tr("sin conexión — saldo al {when}").format(when=self.formats.moment(view.as_of)))
            restyle(self.fresh_label, "stale")
        selected = [view.matched_document_id] if view.matched_document_id else None
        self.documents.set_rows(view.open_documents, self._today(), selected)
        self.docs_view.setCurrentIndex(self.documents.index(0, DocumentsModel.SELECTED))
        due = self.documents.selected_total(self.currency)
        note = ""
        if view.scanned_amount is not None and not view.scanned_amount.is_zero():
            if view.scanned_amount <= due:
                due = view.scanned_amount
            else:
                note = self.tr("La factura dice {bill}; lo que se debe en caja es {owed}.").format(
                    bill=self.formats.money(view.scanned_amount), owed=self.formats.money(due)
                )
        if not view.open_documents:
            note = self.tr("Esta cuenta no tiene facturas pendientes.")
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        self.amount_edit.setText(self.formats.money(due, sign=False) if due.amount > 0 else "")
        self.tender_hint.setText(self.tr("F2 efectivo · F6 cambiar monto · F7 elegir facturas · Esc otro cliente"))

    def _segment(self, segment) -> str:
        return {"residential": self.tr("Residencial"), "business": self.tr("Comercial")}.get(str(segment), str(segment))

    def _today(self):
        return self.formats.today(self.services.clock.now())

    def _documents_changed(self, *_args) -> None:
        if self.view is None:
            return
        total = self.documents.selected_total(self.currency)
        self.amount_edit.setText(self.formats.money(total, sign=False) if total.amount > 0 else "")
        self.amount_error.clear_text()
        self.docs_error.clear_text()
        self._amount_edited()

    # ------------------------------------------------------------------ tenders
    def _set_mode(self, mode: str | None) -> None:
        self.mode = mode
        self.received_edit.setEnabled(mode == "cash")
        if mode != "cash":
            self.received_edit.clear()
        for key, w in self.fkeys.items():
            restyle(w, "fkeyActive" if key == mode else "fkey")

    def start_cash(self) -> None:
        if self.busy:
            return
        if self.view is None:
            self.search_error.show_text(self.tr("Primero busque la cuenta: escanee la factura o escriba la cuenta."))
            self.search.setFocus()
            return
        self.tender_message.clear_text()
        self._set_mode("cash")
        try:
            due = self._amount_due()
        except DomainError as e:
            self._show_error(describe(e))
            return
        self.received_edit.setText(self.formats.money(due, sign=False))
        self.received_edit.setFocus()
        self.received_edit.selectAll()
        self.tender_hint.setText(self.tr("Enter cobra · escriba lo recibido si no es exacto · Esc cancela"))
        self._update_change()

    def _not_yet(self, kind: str) -> None:
        sentences = {
            "cheque": self.tr("El cobro con cheque todavía no está habilitado en esta caja. Cobre en efectivo (F2)."),
            "card": self.tr("El cobro con tarjeta todavía no está habilitado en esta caja. Cobre en efectivo (F2)."),
            "split": self.tr("El cobro mixto todavía no está habilitado en esta caja. Cobre en efectivo (F2)."),
        }
        self.tender_message.show_text(sentences[kind])
        restyle(self.tender_message, "notice")

    def edit_amount(self) -> None:
        if self.view is None:
            self.search.setFocus()
            return
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    def _amount_edited(self, *_args) -> None:
        self.amount_error.clear_text()
        if self.mode == "cash":
            self._update_change()

    def _amount_entered(self) -> None:
        if self.mode == "cash":
            self.received_edit.setFocus()
            self.received_edit.selectAll()
        else:
            self.start_cash()

    def choose_documents(self) -> None:
        if self.view is None or not self.documents.rowCount():
            return
        self.docs_view.setFocus()
        if not self.docs_view.currentIndex().isValid():
            self.docs_view.setCurrentIndex(self.documents.index(0, DocumentsModel.SELECTED))

    def _back_to_tender(self) -> None:
        if self.mode == "cash":
            self.received_edit.setFocus()
            self.received_edit.selectAll()
        else:
            self.amount_edit.setFocus()
            self.amount_edit.selectAll()

    def cancel(self) -> None:
        if self.busy:
            return
        if self.mode is not None:
            self._set_mode(None)
            self.tender_hint.setText(self.tr("F2 efectivo · F6 cambiar monto · F7 elegir facturas · Esc otro cliente"))
            self.search.setFocus()
            self.search.selectAll()
            return
        self.reset()

    def _amount_due(self) -> Money:
        return parse_amount(self.amount_edit.text(), self.currency, self.locale)

    def _received(self) -> Money:
        try:
            return parse_amount(self.received_edit.text(), self.currency, self.locale)
        except DomainError as e:
            raise DomainError(e.code, e.message, field="received") from e

    def _update_change(self, *_args) -> None:
        if self.mode != "cash":
            return
        self.received_error.clear_text()
        try:
            due, received = self._amount_due(), self._received()
            tender = cash_tender(due, received, rounding_step=self.services.settings.cash_rounding_step)
        except DomainError as e:
            if e.code == "insufficient_cash":
                missing = self._amount_due() - self._received()
                self._show_change(self.tr("Faltan"), self.formats.money(missing), "", warn=True)
            else:
                self._show_change(self.tr("Vuelto"), "", self.tr("Escriba cuánto entregó el cliente."))
            return
        self._show_change(self.tr("Vuelto"), self.formats.money(tender.change), "")

    # ------------------------------------------------------------------ confirming
    def confirm(self) -> None:
        if self.busy or self.view is None or self.session is None:
            return
        if self.mode != "cash":
            self.start_cash()
            return
        try:
            amount, received = self._amount_due(), self._received()
        except DomainError as e:
            self._show_error(describe(e))
            return
        if self.view.account.status == AccountStatus.JUDICIAL:
            pass  # the service refuses it with the rule's own sentence
        document_ids = None if self.documents.all_selected() else self.documents.selected_ids()
        if document_ids == ():
            self._show_error(Shown(self.tr("Elija al menos una factura (F7 y Espacio)."), "documents", "no_documents"))
            return
        session, account_id, counter = self.session, self.view.account.account_id, self.services.counter
        self._set_busy(True)
        self.worker.submit(
            lambda: counter.take_cash_payment(session, account_id, received, amount, document_ids),
            self._paid,
            self._payment_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in (self.amount_edit, self.received_edit, self.docs_view):
            w.setEnabled(not busy and (w is not self.received_edit or self.mode == "cash"))
        if busy:
            self.tender_hint.setText(self.tr("Registrando el pago…"))

    def _paid(self, record: PaymentRecord) -> None:
        self._set_busy(False)
        self.last_payment = LastPayment(record.receipt_no, record.payment_id)
        change = change_of(record)
        received = sum(t.get("received", 0) or 0 for t in record.tenders if t["kind"] == "cash")
        self._show_change(
            self.tr("Entregue vuelto"),
            self.formats.minor(change),
            self.tr("Recibo N° {no} · {name} · pagó {amount} · recibido {received}").format(
                no=record.receipt_no,
                name=record.account_name,
                amount=self.formats.minor(record.amount_minor),
                received=self.formats.minor(received),
            ),
        )
        self.shift_payments.add(record)
        self.reset()
        self.receipts.print_payment(record.payment_id, record.receipt_no, open_drawer=True)
        self.payment_committed.emit(record)
        self.check_drawer()

    def _payment_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show_error(describe(error))

    def _show_error(self, shown: Shown) -> None:
        """Put the sentence next to the field it concerns, and the cursor there."""
        if shown.field == "search":
            self.search_error.show_text(shown.text)
            self.search.setFocus()
            self.search.selectAll()
        elif shown.field == "amount":
            self.amount_error.show_text(shown.text)
            self.amount_edit.setFocus()
            self.amount_edit.selectAll()
        elif shown.field == "received":
            self.received_error.show_text(shown.text)
            self.received_edit.setFocus()
            self.received_edit.selectAll()
        elif shown.field == "documents":
            self.docs_error.show_text(shown.text)
            self.docs_view.setFocus()
        else:
            self.tender_message.show_text(shown.text)
            restyle(self.tender_message, "inlineError")
            (self.received_edit if self.mode == "cash" else self.search).setFocus()

    # ------------------------------------------------------------------ the change panel
    def _show_change_idle(self) -> None:
        self._show_change(self.tr("Vuelto"), "", self.tr("El vuelto aparece aquí al cobrar en efectivo (F2)."))

    def _show_change(self, caption: str, amount: str, detail: str, *, warn: bool = False) -> None:
        self.change_caption.setText(caption)
        self.change_amount.setText(amount)
        self.change_amount.setStyleSheet("color: #ffd166;" if warn else "")
        self.change_detail.setText(detail)
        self.change_detail.setVisible(bool(detail))

    # ------------------------------------------------------------------ receipts
    def reprint_last(self) -> None:
        if self.last_payment is None:
            self.tender_message.show_text(self.tr("Todavía no hay un recibo para reimprimir en este turno."))
            restyle(self.tender_message, "notice")
            return
        self.reprint(self.last_payment.receipt_no)

    def choose_receipt(self) -> None:
        if not self.shift_payments.rowCount():
            self.reprint_last()
            return
        self.shift_view.setFocus()
        if not self.shift_view.currentIndex().isValid():
            self.shift_view.selectRow(0)

    def reprint(self, receipt_no: int) -> None:
        self.receipts.reprint(receipt_no)
        self.tender_message.show_text(self.tr("Reimprimiendo el recibo N° {no} (COPIA).").format(no=receipt_no))
        restyle(self.tender_message, "notice")
        self.search.setFocus()

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.document not in ("receipt", "void"):
            self.print_finished.emit(outcome)
            return  # reports and slips: the screen that asked for them says how it went
        if outcome.document == "void":
            if outcome.problem:
                self.tender_message.show_text(
                    self.tr("La anulación del recibo N° {no} quedó registrada, pero: {problem} Reimprima con Shift+F9.").format(
                        no=outcome.receipt_no, problem=outcome.problem))
                restyle(self.tender_message, "inlineError")
        elif outcome.fault_code in ("receipt_of_other_shift", "unknown_receipt"):
            self.tender_message.show_text(outcome.problem)
            restyle(self.tender_message, "inlineError")
        elif outcome.problem:
            self.tender_message.show_text(
                self.tr("El pago del recibo N° {no} quedó registrado, pero: {problem} Reimprima con F9.").format(
                    no=outcome.receipt_no, problem=outcome.problem
                )
            )
            restyle(self.tender_message, "inlineError")
        elif outcome.copy:
            self.tender_message.show_text(self.tr("Copia del recibo N° {no} impresa.").format(no=outcome.receipt_no))
            restyle(self.tender_message, "notice")
        self.print_finished.emit(outcome)

    def ask_receipt_number(self) -> None:
        """Shift+F9: reprint any receipt of this shift by typing its number."""
        if self.session is None:
            return
        from ui.shift_screens import ReprintDialog

        self.reprint_dialog = ReprintDialog(self)
        self.reprint_dialog.chosen.connect(self.reprint_number)
        self.reprint_dialog.finished.connect(lambda _r: self.search.setFocus())
        self.reprint_dialog.start()

    def reprint_number(self, receipt_no: int) -> None:
        if self.session is None:
            return
        self.receipts.reprint(receipt_no, shift_id=self.session.shift_id)
        self.tender_message.show_text(self.tr("Reimprimiendo el recibo N° {no} (COPIA).").format(no=receipt_no))
        restyle(self.tender_message, "notice")
        self.search.setFocus()

    # ------------------------------------------------------------------ voids
    def void(self, payment: PaymentRecord) -> None:
        """Supr on a receipt of the F8 list: a supervisor voids it with a reason; the void receipt prints."""
        if self.session is None or self.busy:
            return
        if payment.status == "voided":
            self.tender_message.show_text(self.tr("El recibo N° {no} ya está anulado.").format(no=payment.receipt_no))
            restyle(self.tender_message, "notice")
            return
        from ui.approval import ApprovalDialog

        session, counter = self.session, self.services.counter
        payment_id = payment.payment_id

        def action(approver, reason, _amount):
            return counter.void_payment(session, payment_id, approver, reason)

        self.void_dialog = ApprovalDialog(
            self.services, self.worker, cashier=session.user,
            title=self.tr("Anular el recibo N° {no}").format(no=payment.receipt_no),
            detail=self.tr("{name} · cuenta {account} · {amount}. Se devuelve el dinero al cliente y se imprime el comprobante de anulación.").format(
                name=payment.account_name, account=payment.account_id, amount=self.formats.minor(payment.amount_minor)),
            action=action, ask_reason=True, parent=self,
        )
        self.void_dialog.approved.connect(lambda record, p=payment: self._voided(p, record))
        self.void_dialog.rejected.connect(self.shift_view.setFocus)
        self.void_dialog.start()

    def _voided(self, payment: PaymentRecord, record) -> None:
        self.shift_payments.mark_voided(payment.payment_id)
        cash = any(t["kind"] == "cash" for t in payment.tenders)
        self.receipts.print_void(payment.payment_id, payment.receipt_no, open_drawer=cash)
        self.reset()
        self.tender_message.show_text(
            self.tr("Recibo N° {no} anulado. Devuelva {amount} al cliente; se imprime el comprobante de anulación.").format(
                no=payment.receipt_no, amount=self.formats.minor(payment.amount_minor)))
        restyle(self.tender_message, "notice")
        self._show_change(
            self.tr("Devuelva al cliente"),
            self.formats.minor(payment.amount_minor),
            self.tr("Anulación del recibo N° {no} · {name}").format(no=payment.receipt_no, name=payment.account_name),
            warn=True,
        )
        self.payment_voided.emit(record)
        self.check_drawer()

    # ------------------------------------------------------------------ the drawer
    def open_cash_menu(self) -> None:
        if not self.busy and self.session is not None:
            self.cash_menu_requested.emit()

    def check_drawer(self) -> None:
        """Ask the shift service whether the cash in the drawer passed the limit (off the GUI thread)."""
        if self.session is None:
            return
        session, shifts, limit = self.session, self.services.shifts, self.services.drop_limit()
        if limit is None:
            self._drawer_checked(session, False)
            return
        self.worker.submit(lambda: shifts.drop_due(session, limit), lambda due: self._drawer_checked(session, due),
                           lambda _e: None)

    def _drawer_checked(self, session: CashierSession, due: bool) -> None:
        if session is not self.session:
            return
        limit = self.services.drop_limit()
        if due and limit is not None:
            self.drop_banner.setText(
                self.tr("El efectivo de la gaveta pasó el límite de {limit}: haga un retiro a caja fuerte (F10 y 1).").format(
                    limit=self.formats.minor(limit)))
        self.drop_banner.setVisible(bool(due))
        self.drawer_checked.emit(bool(due))

    @property
    def drop_due(self) -> bool:
        return not self.drop_banner.isHidden()

    def now(self) -> datetime:
        return self.services.clock.now()
