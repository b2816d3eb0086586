"""The counter screen: find the account, choose what to pay, take cash, cheque or card, give change.

Keyboard map (the whole flow works without a mouse):

    scan / type + Enter   search (account, national id, name, bill barcode)
    ↑ ↓                   move through several results
    F2                    cash: «Recibido» comes filled with the exact amount
    F3                    cheque: bank, number, account, date, drawer (Enter moves on; Enter on the last takes it)
    F4                    card: brand, last 4 digits, authorisation code, terminal reference
    F5                    split: F2/F3/F4 add cash, a cheque or a card (each for what is still to cover);
                          Supr on the list takes one out; the Enter that covers the total takes the payment
    Enter                 confirm the payment (policy check → supervisor if needed → commit → print → drawer)
    F6                    change the amount to pay (abono)
    F7                    the documents list; Space selects / unselects one
    F8                    the receipts of this shift; Enter reprints the chosen one, Supr (Delete) voids it
    F9                    reprint the last receipt (COPIA); Shift+F9 reprint one by its number
    F10                   the Caja menu: drop, float, X report, held receipts, close shift
    Esc                   back: out of a tender form, out of the tender, then to an empty search field

An exact cash payment of a scanned bill is the scan, F2 and Enter.

The policy (``CounterService.check_payment``) is asked again a moment after
every change, off the GUI thread, and what it says appears next to the field
it concerns before the cashier presses Enter.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
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
from app.domain.barcodes import looks_like_barcode
from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.payments import CashTender, cash_tender
from app.domain.policy import Approval, Decision, Violation
from app.domain.policy_input import card_number_in, parse_money, parse_payer_id
from app.services.counter import CashierSession, PaymentRequest, SearchResult, change_of
from app.services.ports import PaymentRecord
from ui.context import Services
from ui.errors import Shown, describe
from ui.models import DocumentsModel, ResultsModel, ShiftPaymentsModel, SplitTendersModel, status_label
from ui.receipt_queue import PrintOutcome, ReceiptQueue
from ui.scanner import BurstTracker
from ui.tender_forms import TENDER_FIELD, PayerIdForm, TenderForm, card_refusal, parse_lenient, parse_strict
from ui.widgets import InlineMessage, label, restyle
from ui.workers import Worker

#: what the policy check fills in for a field the cashier has not finished (its messages are not shown)
STAND_INS = {
    "cheque": {"bank_code": "", "number": "00000000", "account_number": "00000000", "issue_date": "",
               "drawer_name": "-", "drawer_id": "X0000000"},
    "card": {"brand": "", "last4": "0000", "auth_code": "000000", "terminal_ref": ""},
}


_SYMBOL_SPACE = re.compile(r"(RD\$|US\$|S/|\$)\s(?=[\d-])")


def _keep_amounts_whole(text: str) -> str:
    """«RD$ 17,047.75» never breaks across two lines."""
    return _SYMBOL_SPACE.sub("\\1\u00a0", text)


@dataclass
class Built:
    """A payment request read from the screen, and where each of its tenders came from."""

    req: PaymentRequest
    form_index: int | None = None  # the tender of the open cheque/card form
    stand_ins: set[str] = field(default_factory=set)  # form fields not finished: their violations are dropped
    guess_index: int | None = None  # cash assumed for the rest of a split still being filled
    form_errors: dict[str, DomainError] = field(default_factory=dict)


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
    policy_checked = Signal(object)  # the Decision the messages on screen come from
    freshened = Signal(object)  # the AccountView central answered with (online)

    def __init__(self, services: Services, worker: Worker, receipts: ReceiptQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.worker, self.receipts = services, worker, receipts
        self.formats = services.formats
        self.currency = services.settings.currency
        self.locale = services.settings.locale
        self.session: CashierSession | None = None
        self.view: AccountView | None = None
        self.mode: str | None = None  # None | "cash" | "cheque" | "card" | "split"
        self.form_kind: str | None = None  # the entry form open: "cash" | "cheque" | "card" (in split, the next tender)
        self.busy = False
        self.last_payment: LastPayment | None = None
        self.void_dialog = None
        self.reprint_dialog = None
        self.approval_dialog = None
        self.online_balance: tuple[Money, datetime] | None = None
        self.payer_needed = False
        self.decision: Decision | None = None
        self._search_seq = 0
        self._check_seq = 0
        self._fresh_seq = 0
        self._policy_marks: list[InlineMessage] = []
        self._burst = BurstTracker()
        self.display_worker = Worker(self, threads=1)  # the customer display, in order, never on the GUI thread
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(250)
        self.check_timer.timeout.connect(self.check_policy)
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
        self.received_caption = label(self.tr("Recibido"), "fieldLabel")
        self.tender_message = InlineMessage()
        self.tender_hint = label("", "hint", wrap=True)
        form = QGridLayout()
        form.addWidget(label(self.tr("A pagar (F6)"), "fieldLabel"), 0, 0)
        form.addWidget(self.amount_edit, 0, 1)
        form.addWidget(self.amount_error, 1, 0, 1, 2)
        form.addWidget(self.received_caption, 2, 0)
        form.addWidget(self.received_edit, 2, 1)
        form.addWidget(self.received_error, 3, 0, 1, 2)
        # a discount by debt age (F11), only where the policy grants them
        self.discount_caption = label(self.tr("Descuento (F11)"), "fieldLabel")
        self.discount_edit = QLineEdit()
        self.discount_edit.setObjectName("discount")
        self.discount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.discount_hint = label("", "hint", wrap=True)
        self.discount_error = InlineMessage()
        form.addWidget(self.discount_caption, 4, 0)
        form.addWidget(self.discount_edit, 4, 1)
        form.addWidget(self.discount_hint, 5, 0, 1, 2)
        form.addWidget(self.discount_error, 6, 0, 1, 2)
        form.setColumnStretch(1, 1)

        # cheque and card fields (F3, F4; in a split, one per tender added)
        policy = self.services.counter.policy
        self.bank_names = {code: bank.name for code, bank in policy.banks.items()}
        self.cheque_form = TenderForm("cheque")
        # the code first, so typing its first letters picks the bank
        self.cheque_form.set_choices(
            "bank_code", [(c, self.tr("{code} · {name}").format(code=c, name=n)) for c, n in sorted(self.bank_names.items())],
            self.tr("Elija el banco (escriba el código)"))
        self.card_form = TenderForm("card")
        self.forms = {"cheque": self.cheque_form, "card": self.card_form}

        # the tenders of a split payment
        self.split_box = QWidget()
        self.split_model = SplitTendersModel(self.formats, self.bank_names, self)
        self.split_view = self._table(self.split_model)
        self.split_view.setObjectName("splitTenders")
        self.split_view.horizontalHeader().setSectionResizeMode(SplitTendersModel.DETAIL, QHeaderView.ResizeMode.Stretch)
        self.split_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.split_view.setMaximumHeight(130)
        self.split_error = InlineMessage()
        split = QVBoxLayout(self.split_box)
        split.setContentsMargins(0, 4, 0, 0)
        split.setSpacing(2)
        split.addWidget(label(self.tr("Medios de pago (F2 efectivo · F3 cheque · F4 tarjeta · Supr quita)"), "fieldLabel",
                              wrap=True))
        split.addWidget(self.split_view)
        split.addWidget(self.split_error)

        # the payer's identity document, when the cash passes the anti-money-laundering threshold
        self.payer_form = PayerIdForm()

        tender = QVBoxLayout(self.tender)
        tender.setSpacing(4)
        tender.addLayout(keys)
        tender.addLayout(form)
        tender.addWidget(self.split_box)
        tender.addWidget(self.cheque_form)
        tender.addWidget(self.card_form)
        tender.addWidget(self.payer_form)
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
        self.received_edit.textEdited.connect(lambda _t: self.received_error.clear_text())
        self.received_edit.returnPressed.connect(self.confirm)
        self.receipts.finished.connect(self._printed)
        for form in self.forms.values():
            form.edited.connect(self.schedule_check)
            form.submitted.connect(self.confirm)
        self.payer_form.edited.connect(self.schedule_check)
        self.discount_edit.textEdited.connect(self._discount_edited)
        self.discount_edit.returnPressed.connect(self._amount_entered)
        self.payer_form.submitted.connect(self.confirm)
        self.split_view.installEventFilter(self)
        for key, slot in (
            (Qt.Key.Key_F2, self.start_cash),
            (Qt.Key.Key_F3, lambda: self.start_form("cheque")),
            (Qt.Key.Key_F4, lambda: self.start_form("card")),
            (Qt.Key.Key_F5, self.start_split),
            (Qt.Key.Key_F6, self.edit_amount),
            (Qt.Key.Key_F7, self.choose_documents),
            (Qt.Key.Key_F8, self.choose_receipt),
            (Qt.Key.Key_F9, self.reprint_last),
            (QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F9), self.ask_receipt_number),
            (Qt.Key.Key_F10, self.open_cash_menu),
            (Qt.Key.Key_F11, self.edit_discount),
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
            elif obj is self.split_view and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete):
                if event.key() == Qt.Key.Key_Delete:
                    self.remove_split_tender(self.split_view.currentIndex().row())
                else:
                    self.confirm()
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
        if card_number_in(text) and not looks_like_barcode(text):
            # a card number typed or swiped into the search: it is never searched, kept or logged
            self._search_seq += 1
            self.search.clear()
            self.search_state.clear()
            shown = Shown(card_refusal(), "search", "card_number_refused")
            self.search_error.show_text(shown.text)
            self.search.setFocus()
            self.search_finished.emit(shown)
            return
        if not text.strip():
            if self.view is not None:
                self.search_error.show_text(
                    self.tr("Pulse F2 efectivo, F3 cheque, F4 tarjeta o F5 mixto para cobrar, o Esc para atender a otro cliente."))
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
        previous = self.view
        self.view = view
        self._set_mode(None)
        self.decision = None
        self._show_payer(False)
        for e in (self.amount_error, self.received_error, self.docs_error, self.tender_message):
            e.clear_text()
        self.card.setVisible(view is not None)
        self.empty_card.setVisible(view is None)
        self.amount_edit.setEnabled(view is not None)
        self.discount_edit.clear()
        self.discount_error.clear_text()
        for w in (self.discount_caption, self.discount_edit, self.discount_hint):
            w.setVisible(False)
        same_account = view is not None and previous is not None and previous.account.account_id == view.account.account_id
        if not (same_account and view.online):
            self.online_balance = None
            self._fresh_seq += 1  # an answer for another customer is no longer wanted
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
        self.tender_hint.setText(self._idle_hint())
        payer_types = self._rules().payer_id_types if view is not None else ()
        self.payer_form.set_types(tuple(payer_types))
        self.card_form.set_choices("brand", [(b, b.capitalize()) for b in self._rules().card_brands],
                                   self.tr("Elija la marca"))
        self._offer_discount(view)
        if due.amount > 0:
            self.show_on_display("due", due.to_minor())
        if not view.online:
            self._ask_central(view)

    def _offer_discount(self, view: AccountView) -> None:
        """The discount field and its limits, when the policy has bands for this account."""
        from app.domain.policy import PaymentContext, debt_age_days, discount_band

        policy = self.services.counter.policy
        rules = self._rules()
        if not rules.discount_bands or self.session is None:
            return
        now = self.services.clock.now()
        ctx = PaymentContext(view.account, view.documents, view.balance, self._today(), now, locale=self.locale,
                             cashier_role=str(self.session.user.role))
        band = discount_band(policy, ctx)
        age = debt_age_days(ctx)
        if band is None:
            text = self.tr("Sin descuento: la deuda tiene {age} días de atraso y los descuentos empiezan a los {days}.").format(
                age=age, days=rules.discount_bands[0].min_days)
        else:
            text = self.tr("Deuda de {age} días: el cajero descuenta hasta {cashier} %, con supervisor hasta {supervisor} %.").format(
                age=age, cashier=band.cashier_percent, supervisor=band.supervisor_percent)
        self.discount_hint.setText(text)
        for w in (self.discount_caption, self.discount_edit, self.discount_hint):
            w.setVisible(True)
        self.discount_edit.setEnabled(band is not None)

    def edit_discount(self) -> None:
        if self.view is None or not self.discount_edit.isVisible() or not self.discount_edit.isEnabled():
            return
        self.discount_edit.setFocus()
        self.discount_edit.selectAll()

    def _discount(self) -> Money | None:
        text = self.discount_edit.text().strip() if self.discount_edit.isVisible() else ""
        if not text:
            return None
        return parse_money(text, self.currency, self.locale, "discount")

    def _discount_edited(self, *_args) -> None:
        """A discount lowers what the customer pays: the debt chosen less the discount."""
        self.discount_error.clear_text()
        try:
            discount = self._discount() or Money.zero(self.currency)
        except DomainError:
            return
        total = self.documents.selected_total(self.currency) - discount
        self.amount_edit.setText(self.formats.money(total, sign=False) if total.amount > 0 else "")
        self._amount_edited()

    def _idle_hint(self) -> str:
        return self.tr("F2 efectivo · F3 cheque · F4 tarjeta · F5 mixto · F6 monto · F7 facturas · Esc otro cliente")

    def _rules(self):
        assert self.view is not None
        a = self.view.account
        return self.services.counter.policy.rules_for(a.biller_id, a.segment)

    # ------------------------------------------------------------------ the fresh balance
    def _ask_central(self, view: AccountView) -> None:
        """Central's balance, off the GUI thread: the local view is already on screen, marked «as of»."""
        fresh = self.services.fresh
        if fresh is None or not getattr(fresh, "enabled", True):
            return
        self._fresh_seq += 1
        seq, account_id = self._fresh_seq, view.account.account_id
        self.worker.submit(lambda: fresh.fresh(account_id), lambda v: self._freshened(seq, v), lambda _e: None)

    def _freshened(self, seq: int, fresh: AccountView) -> None:
        view = self.view
        if seq != self._fresh_seq or view is None or fresh.account.account_id != view.account.account_id:
            return
        if not fresh.online:
            return
        fresh = replace(fresh, matched_document_id=view.matched_document_id, scanned_amount=view.scanned_amount)
        # nothing typed yet: show central's documents and amount; else keep what the cashier typed
        untouched = self.mode is None and not self.busy and not (self.amount_edit.hasFocus() or self.docs_view.hasFocus())
        if untouched:
            self._show_account(fresh)
        else:  # the cashier is already taking money: keep what they typed, say the balance is fresh
            self.view = fresh
            self.balance_label.setText(self.formats.money(fresh.balance))
            self.fresh_label.setText(self.tr("en línea"))
            restyle(self.fresh_label, "fresh")
        self.online_balance = (fresh.balance, fresh.as_of)
        self.schedule_check()
        self.freshened.emit(fresh)

    # ------------------------------------------------------------------ the customer display
    def show_on_display(self, what: str, *amounts: int) -> None:
        display = self.services.display
        if display is None:
            return
        currency = self.currency
        if what == "due":
            job = lambda: display.show_due(amounts[0], currency)  # noqa: E731
        else:
            job = lambda: display.show_payment(amounts[0], amounts[1], currency)  # noqa: E731
        self.display_worker.submit(job, None, lambda _e: None)

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
    def _set_mode(self, mode: str | None, form_kind: str | None = None) -> None:
        self.mode = mode
        self.form_kind = form_kind if mode == "split" else mode
        cash_open = self.form_kind == "cash"
        self.received_edit.setEnabled(cash_open)
        self.received_edit.setVisible(cash_open)
        self.received_caption.setVisible(cash_open)
        if not cash_open:
            self.received_edit.clear()
            self.received_error.clear_text()
        for kind, form in self.forms.items():
            form.setVisible(self.form_kind == kind)
        if mode != "split":
            self.split_model.set_rows([])
            self.split_error.clear_text()
        self.split_box.setVisible(mode == "split")
        self.change_frame.setVisible(mode in (None, "cash", "split"))
        self._clear_policy_marks()
        for key, w in self.fkeys.items():
            restyle(w, "fkeyActive" if key == mode else "fkey")

    def _need_account(self) -> bool:
        if self.view is None:
            self.search_error.show_text(self.tr("Primero busque la cuenta: escanee la factura o escriba la cuenta."))
            self.search.setFocus()
            return False
        return True

    def _notice(self, text: str) -> None:
        self.tender_message.show_text(text)
        restyle(self.tender_message, "notice")

    def start_cash(self) -> None:
        """F2: cash for the whole amount (or, in a split, for what is still to cover)."""
        if self.busy or not self._need_account():
            return
        self.tender_message.clear_text()
        if self.mode == "split":
            try:
                rest = self._cash_rest()
            except DomainError as e:
                self._show_field_error(e)
                return
            if rest.amount <= 0:
                self._notice(self.tr("El total ya está cubierto: Enter cobra, o Supr quita un medio de la lista."))
                self.split_view.setFocus()
                return
            self._set_mode("split", "cash")
            self.received_edit.setText(self.formats.money(rest, sign=False))
            self.received_edit.setFocus()
            self.received_edit.selectAll()
            self.tender_hint.setText(self.tr("Enter agrega el efectivo (y cobra si cubre el total) · Esc vuelve a la lista"))
            self._update_change()
            self.schedule_check()
            return
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
        self.schedule_check()

    def start_form(self, kind: str) -> None:
        """F3 cheque, F4 card: for the whole amount, or in a split for part of it."""
        if self.busy or not self._need_account():
            return
        self.tender_message.clear_text()
        form = self.forms[kind]
        if self.mode == "split":
            rest = self._remaining()
            if rest is None:
                return
            if rest.amount <= 0:
                self._notice(self.tr("El total ya está cubierto: Enter cobra, o Supr quita un medio de la lista."))
                self.split_view.setFocus()
                return
            self._set_mode("split", kind)
            form.reset(amount=self.formats.money(rest, sign=False), with_amount=True, today=self._today())
            form.focus_field("amount")
            self.tender_hint.setText(
                self.tr("Enter pasa al campo siguiente; en el último agrega el medio de pago · Esc vuelve a la lista"))
            self._show_remaining()
        elif self.mode == kind:
            form.focus_field(None)
            return
        else:
            self._set_mode(kind)
            form.reset(with_amount=False, today=self._today())
            form.focus_field(None)
            self.tender_hint.setText(self.tr("Enter pasa al campo siguiente; en el último cobra · Esc cancela"))
        self.schedule_check()

    def start_split(self) -> None:
        """F5: several tenders for one payment (two cheques + cash, card + cash…)."""
        if self.busy or not self._need_account():
            return
        self.tender_message.clear_text()
        if self.mode != "split":
            self._set_mode("split")
        elif self.form_kind is not None:
            self._set_mode("split")  # F5 again closes the form being filled, keeps the list
        self.split_view.setFocus()
        if self.split_model.rowCount():
            self.split_view.selectRow(self.split_model.rowCount() - 1)
        self.tender_hint.setText(self.tr(
            "Agregue cada medio de pago: F2 efectivo, F3 cheque, F4 tarjeta · Supr quita el elegido · Enter cobra · Esc cancela"))
        self._show_remaining()
        self.schedule_check()

    def remove_split_tender(self, row: int) -> None:
        tenders = list(self.split_model.tenders())
        if not 0 <= row < len(tenders):
            return
        del tenders[row]
        self.split_model.set_rows(tenders)
        self.split_error.clear_text()
        if tenders:
            self.split_view.selectRow(min(row, len(tenders) - 1))
        self._show_remaining()
        self.schedule_check()

    def _add_form_tender(self) -> bool:
        """Enter on the last field of a split's form: the tender joins the list."""
        kind = self.form_kind
        tenders = list(self.split_model.tenders())
        if kind == "cash":
            try:
                rest, received = self._cash_rest(), self._received()
            except DomainError as e:
                self._show_field_error(e)
                return False
            if received.amount <= 0:
                self.received_error.show_text(self.tr("Escriba cuánto efectivo entregó el cliente."))
                self.received_edit.setFocus()
                return False
            applied = received.min(rest)
            cash = CashTender(amount=applied, received=received, change=received - applied)
            at = next((i for i, t in enumerate(tenders) if t.kind == "cash"), None)  # all the cash on one line
            if at is None:
                tenders.append(cash)
            else:
                tenders[at] = cash
        elif kind in self.forms:
            form = self.forms[kind]
            try:
                tender = parse_strict(kind, form.values(), self.currency, self.locale)
            except DomainError as e:
                self._form_error(form, e)
                return False
            rest = self._remaining()
            if rest is None:
                return False
            if tender.amount > rest:
                sentence = (self.tr("Un cheque no da vuelto: su monto no puede pasar de lo que falta cubrir ({rest}).")
                            if kind == "cheque" else
                            self.tr("Con tarjeta no se da vuelto: el monto no puede pasar de lo que falta cubrir ({rest})."))
                form.show_error("amount", sentence.format(rest=self.formats.money(rest)))
                form.focus_field("amount")
                return False
            tenders.append(tender)
        else:
            return False
        self.split_model.set_rows(tenders)
        self._set_mode("split")
        self.split_view.setFocus()
        self.split_view.selectRow(len(tenders) - 1)
        self.tender_hint.setText(self.tr(
            "Agregue cada medio de pago: F2 efectivo, F3 cheque, F4 tarjeta · Supr quita el elegido · Enter cobra · Esc cancela"))
        self._show_remaining()
        self.schedule_check()
        return True

    def _remaining(self) -> Money | None:
        """What the split still has to cover (negative: the tenders pass the amount)."""
        try:
            due = self._amount_due()
        except DomainError as e:
            self._show_field_error(e)
            return None
        return due - self.split_model.total(self.currency)

    def _cash_rest(self) -> Money:
        """What cash has to cover in a split: the amount less every tender that is not cash."""
        due = self._amount_due()
        for t in self.split_model.tenders():
            if t.kind != "cash":
                due = due - t.amount
        return due

    def _show_remaining(self) -> None:
        if self.mode != "split" or self.form_kind == "cash":
            return
        try:
            rest = self._amount_due() - self.split_model.total(self.currency)
        except DomainError:
            return
        n = self.split_model.rowCount()
        if rest.amount > 0:
            self._show_change(self.tr("Falta cubrir"), self.formats.money(rest),
                              self.tr("{n} medio(s) de pago agregado(s). F2, F3 o F4 agrega otro.").format(n=n), warn=True)
        elif rest.is_zero():
            cash = next((t for t in self.split_model.tenders() if t.kind == "cash"), None)
            change = cash.change if cash is not None else Money.zero(self.currency)
            self._show_change(self.tr("Vuelto"), self.formats.money(change), self.tr("Cubierto: Enter cobra."))
        else:
            self._show_change(self.tr("Sobra"), self.formats.money(Money.zero(self.currency) - rest),
                              self.tr("Los medios de pago pasan del monto a pagar: quite uno con Supr."), warn=True)

    def edit_amount(self) -> None:
        if self.view is None:
            self.search.setFocus()
            return
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    def _amount_edited(self, *_args) -> None:
        self.amount_error.clear_text()
        if self.mode == "cash" or self.form_kind == "cash":
            self._update_change()
        self._show_remaining()
        self.schedule_check()

    def _amount_entered(self) -> None:
        if self.mode is None:
            self.start_cash()
        else:
            self._back_to_tender()

    def choose_documents(self) -> None:
        if self.view is None or not self.documents.rowCount():
            return
        self.docs_view.setFocus()
        if not self.docs_view.currentIndex().isValid():
            self.docs_view.setCurrentIndex(self.documents.index(0, DocumentsModel.SELECTED))

    def _back_to_tender(self) -> None:
        if self.form_kind == "cash":
            self.received_edit.setFocus()
            self.received_edit.selectAll()
        elif self.form_kind in self.forms:
            self.forms[self.form_kind].focus_field(None)
        elif self.mode == "split":
            self.split_view.setFocus()
        else:
            self.amount_edit.setFocus()
            self.amount_edit.selectAll()

    def cancel(self) -> None:
        if self.busy:
            return
        if self.mode == "split" and self.form_kind is not None:
            self._set_mode("split")  # out of the form, back to the list of tenders
            self.split_view.setFocus()
            self._show_remaining()
            self.schedule_check()
            return
        if self.mode is not None:
            self._set_mode(None)
            self._show_payer(False)
            self._show_change_idle()
            self.tender_hint.setText(self._idle_hint())
            self.search.setFocus()
            self.search.selectAll()
            return
        self.reset()

    def _amount_due(self) -> Money:
        return parse_money(self.amount_edit.text(), self.currency, self.locale, "amount")

    def _received(self) -> Money:
        return parse_money(self.received_edit.text(), self.currency, self.locale, "received")

    def _update_change(self, *_args) -> None:
        if self.form_kind != "cash":
            return
        if self.mode == "split":
            try:
                rest, received = self._cash_rest(), self._received()
            except DomainError:
                self._show_change(self.tr("Vuelto"), "", self.tr("Escriba cuánto entregó el cliente."))
                return
            if received >= rest:
                self._show_change(self.tr("Vuelto"), self.formats.money(received - rest), "")
            else:
                self._show_change(self.tr("Falta cubrir"), self.formats.money(rest - received),
                                  self.tr("Lo que falte se cubre con otro medio de pago (F3, F4)."), warn=True)
            return
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

    # ------------------------------------------------------------------ the payer's identity
    def _show_payer(self, needed: bool) -> None:
        self.payer_needed = needed
        self.payer_form.setVisible(needed)
        if not needed:
            self.payer_form.error.clear_text()

    # ------------------------------------------------------------------ reading the screen
    def _stand_ins(self, kind: str, amount: Money) -> dict[str, str]:
        values = dict(STAND_INS[kind])
        values["amount"] = self.formats.money(amount, sign=False).replace("\u00a0", " ")
        if kind == "cheque":
            values["bank_code"] = next(iter(self.bank_names), "X")
            values["issue_date"] = self._today().strftime("%d/%m/%Y")
        else:
            brands = self._rules().card_brands
            values["brand"] = brands[0] if brands else "visa"
        return values

    def _read_request(self, *, strict: bool) -> Built:
        """The payment request the screen holds.  ``strict`` (Enter): every field must parse and a split
        must be covered; otherwise (the live check) unfinished fields get stand-ins and a split still
        being filled is assumed to end in cash."""
        assert self.view is not None
        cur, loc = self.currency, self.locale
        amount = self._amount_due()
        document_ids = None if self.documents.all_selected() else self.documents.selected_ids()
        payer = None
        if self.payer_needed:
            try:
                payer = parse_payer_id(self.payer_form.values())
            except DomainError as e:
                if strict:
                    raise DomainError(e.code, e.message, field=f"payer_id.{e.field}") from None
        common = dict(account_id=self.view.account.account_id, amount=amount, document_ids=document_ids,
                      payer_id=payer, online_balance=self.online_balance, discount=self._discount())
        if self.mode == "cash":
            return Built(PaymentRequest(cash_received=self._received(), **common))
        if self.mode in self.forms:
            values = {**self.forms[self.mode].values(), "amount": self.amount_edit.text()}
            if strict:
                return Built(PaymentRequest(tenders=(parse_strict(self.mode, values, cur, loc),), **common), form_index=0)
            lenient = parse_lenient(self.mode, values, cur, loc, self._stand_ins(self.mode, amount))
            if lenient.tender is None:
                raise next(iter(lenient.errors.values()))
            return Built(PaymentRequest(tenders=(lenient.tender,), **common), form_index=0,
                         stand_ins=lenient.stand_ins, form_errors=lenient.errors)
        tenders = list(self.split_model.tenders())
        total = self.split_model.total(cur)
        if strict:
            if total != amount:
                rest = amount - total
                sentence = (self.tr("Falta cubrir {amount}: agregue otro medio de pago (F2, F3 o F4).")
                            if rest.amount > 0 else
                            self.tr("Los medios de pago pasan del monto a pagar por {amount}: quite uno con Supr."))
                shown = rest if rest.amount > 0 else Money.zero(cur) - rest
                raise DomainError("split_not_covered", sentence.format(amount=self.formats.money(shown)), field="split")
            return Built(PaymentRequest(tenders=tuple(tenders), **common))
        built = Built(PaymentRequest(**common))
        if self.form_kind in self.forms:
            lenient = parse_lenient(self.form_kind, self.forms[self.form_kind].values(), cur, loc,
                                    self._stand_ins(self.form_kind, amount - total))
            if lenient.tender is not None:
                built.form_index = len(tenders)
                built.stand_ins, built.form_errors = lenient.stand_ins, lenient.errors
                tenders.append(lenient.tender)
                total = total + lenient.tender.amount
        if total < amount:
            rest = amount - total
            built.guess_index = len(tenders)
            tenders.append(CashTender(amount=rest, received=rest, change=Money.zero(cur)))
        built.req = PaymentRequest(tenders=tuple(tenders), **common)
        return built

    # ------------------------------------------------------------------ the policy, before Enter
    def schedule_check(self) -> None:
        if self.view is not None and self.mode is not None and self.session is not None and not self.busy:
            self.check_timer.start()

    def check_policy(self) -> None:
        """Ask the policy about what is on screen (off the GUI thread) and put its sentences by their fields."""
        if self.busy or self.view is None or self.session is None or self.mode is None:
            return
        try:
            built = self._read_request(strict=False)
        except DomainError:
            self._clear_policy_marks()  # the field itself says what is wrong when the cashier presses Enter
            return
        self._check_seq += 1
        seq, session, counter, req = self._check_seq, self.session, self.services.counter, built.req
        self.worker.submit(lambda: counter.check_payment(session, req),
                           lambda d: self._checked(seq, built, d), lambda _e: self._checked(seq, built, None))

    def _checked(self, seq: int, built: Built, decision: Decision | None) -> None:
        if seq != self._check_seq or self.busy:
            return
        self.decision = decision
        if decision is None:
            self._clear_policy_marks()
            return
        self._show_decision(built, decision, live=True)
        self.policy_checked.emit(decision)

    def _real_cash(self, built: Built) -> bool:
        return any(t.kind == "cash" for i, t in enumerate(built.req.tenders) if i != built.guess_index) or (
            built.req.cash_received is not None)

    def _place(self, built: Built, v: Violation, live: bool) -> tuple[InlineMessage | None, int | None]:
        """The message label beside the field a violation concerns (None: about a stand-in, not shown)."""
        f = v.field or ""
        if v.code == "payer_id_required" or f.startswith("payer_id"):
            return (self.payer_form.error if self._real_cash(built) or built.req.payer_id else None), None
        if f == "discount":
            return self.discount_error, None
        if f == "amount":
            return self.amount_error, None
        if f == "documents":
            return self.docs_error, None
        m = TENDER_FIELD.match(f)
        if m is None:
            if v.code in ("several_cash_tenders", "tenders_do_not_add_up") and built.guess_index is not None:
                return None, None
            return self.tender_message, None
        i, sub = int(m.group(1)), m.group(2)
        if i == built.guess_index:
            return None, None
        if i == built.form_index and self.form_kind in self.forms:
            form = self.forms[self.form_kind]
            if sub in built.stand_ins or (sub == "number" and "bank_code" in built.stand_ins):
                return None, None
            if sub == "amount" and self.mode != "split":
                return self.amount_error, None
            if live and sub and sub != "amount" and sub not in form.finished:
                return None, None  # the cashier is still typing it
            return form.error_label(sub), None
        if self.mode == "cash":
            if sub in ("received", "change"):
                return self.received_error, None
            return (self.amount_error if sub == "amount" else self.tender_message), None
        if self.mode == "split":
            return self.split_error, i
        return self.tender_message, None

    def _show_decision(self, built: Built, decision: Decision, *, live: bool) -> None:
        self._clear_policy_marks()
        texts: dict[int, tuple[InlineMessage, list[str]]] = {}
        for v in decision.violations:
            target, row = self._place(built, v, live)
            if target is None:
                continue
            text = _keep_amounts_whole(v.message)
            if v.overridable:
                text = self.tr("{message} Un supervisor puede autorizarlo al cobrar.").format(message=v.message)
            if row is not None:
                text = self.tr("Medio {n}: {message}").format(n=row + 1, message=text)
            lines = texts.setdefault(id(target), (target, []))[1]
            if text not in lines:
                lines.append(text)
        form = self.forms.get(self.form_kind or "")
        if form is not None:
            for name, e in built.form_errors.items():
                if name in form.finished and name in form.order():
                    if e.code == "card_number_refused":
                        form.refuse_card_number(name)
                    else:
                        form.show_error(name, e.message)
        for target, lines in texts.values():
            target.show_text("\n".join(lines))
            if target is self.tender_message:
                restyle(self.tender_message, "inlineError")
            self._policy_marks.append(target)
        self._show_payer(decision.payer_id_required and (self._real_cash(built) or bool(built.req.payer_id)))

    def _clear_policy_marks(self) -> None:
        for m in self._policy_marks:
            m.clear_text()
        self._policy_marks = []

    def _focus_violation(self, built: Built, v: Violation) -> None:
        target, _row = self._place(built, v, False)
        m = TENDER_FIELD.match(v.field or "")
        if self.form_kind in self.forms and m and int(m.group(1)) == built.form_index and target is not self.amount_error:
            self.forms[self.form_kind].focus_field(m.group(2))
        elif target is self.amount_error:
            self.edit_amount()
        elif target is self.received_error:
            self.received_edit.setFocus()
            self.received_edit.selectAll()
        elif target is self.docs_error:
            self.docs_view.setFocus()
        elif target is self.discount_error:
            self.edit_discount()
        elif target is self.split_error:
            self.split_view.setFocus()
        elif target is self.payer_form.error:
            self.payer_form.focus()

    # ------------------------------------------------------------------ confirming
    def confirm(self) -> None:
        if self.busy or self.view is None or self.session is None:
            return
        if self.mode is None:
            self.start_cash()
            return
        if self.mode == "split" and self.form_kind is not None:
            if not self._add_form_tender():
                return
            rest = self._remaining()
            if rest is None or not rest.is_zero():
                return  # the next tender: F2, F3 or F4
        try:
            built = self._read_request(strict=True)
        except DomainError as e:
            self._show_field_error(e)
            return
        if built.req.document_ids == ():
            self._show_error(Shown(self.tr("Elija al menos una factura (F7 y Espacio)."), "documents", "no_documents"))
            return
        self.check_timer.stop()
        self._check_seq += 1  # a live check still running is no longer wanted
        session, counter, req = self.session, self.services.counter, built.req
        self._set_busy(True)

        def take():
            decision = counter.check_payment(session, req)
            if decision.violations:
                return decision  # the screen shows it; a supervisor may approve the overridable ones
            return counter.take_payment(session, req)

        self.worker.submit(take, lambda result: self._answered(built, result), self._payment_failed)

    def _answered(self, built: Built, result) -> None:
        if not isinstance(result, Decision):
            self._paid(result)
            return
        self._set_busy(False)
        self.decision = result
        self._show_decision(built, result, live=False)
        about_payer = [v for v in result.violations if v.code == "payer_id_required" or (v.field or "").startswith("payer_id")]
        blocking = [v for v in result.blocking if v not in about_payer]
        if blocking:
            self._focus_violation(built, blocking[0])
            return
        if about_payer:
            self._show_payer(True)
            self.payer_form.focus()
            return
        self.ask_supervisor(built, result.needs_supervisor)

    def ask_supervisor(self, built: Built, needs: tuple[Violation, ...]) -> None:
        """Overridable violations: a supervisor (not the cashier) approves each one, with a reason."""
        from ui.approval import ApprovalDialog

        assert self.session is not None
        session, counter, req = self.session, self.services.counter, built.req
        reasons = "\n".join(self.tr("• {message}").format(message=_keep_amounts_whole(v.message)) for v in needs)

        def action(approver, reason, _amount):
            approvals = tuple(Approval(rule=v.code, approver_id=approver.user_id, approver_role=str(approver.role),
                                       reason=reason) for v in needs)
            return counter.take_payment(session, replace(req, overrides=approvals))

        self.approval_dialog = ApprovalDialog(
            self.services, self.worker, cashier=session.user,
            title=self.tr("Autorización de un supervisor"),
            detail=self.tr("Para cobrar este pago hace falta un supervisor:\n{reasons}").format(reasons=reasons),
            action=action, ask_reason=True, parent=self,
        )
        self.approval_dialog.approved.connect(self._paid)
        self.approval_dialog.rejected.connect(self._approval_cancelled)
        self.approval_dialog.start()

    def _approval_cancelled(self) -> None:
        self._notice(self.tr("No se cobró: falta la autorización del supervisor. Corrija el pago o pulse Enter otra vez."))
        self._back_to_tender()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in (self.amount_edit, self.discount_edit, self.docs_view, self.split_view, self.payer_form,
                  *self.forms.values()):
            w.setEnabled(not busy)
        self.received_edit.setEnabled(not busy and self.form_kind == "cash")
        if busy:
            self.tender_hint.setText(self.tr("Registrando el pago…"))
        elif self.mode is not None:
            self.tender_hint.setText(self.tr("Corrija lo marcado y pulse Enter para cobrar · Esc cancela"))

    def _paid(self, record: PaymentRecord) -> None:
        self._set_busy(False)
        self.last_payment = LastPayment(record.receipt_no, record.payment_id)
        change = change_of(record)
        cash = [t for t in record.tenders if t["kind"] == "cash"]
        received = sum(t.get("received", 0) or 0 for t in cash)
        if cash:
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
        else:
            self._show_change(
                self.tr("Cobrado, sin vuelto"),
                self.formats.minor(record.amount_minor),
                self.tr("Recibo N° {no} · {name} · pagado sin efectivo").format(
                    no=record.receipt_no, name=record.account_name),
            )
        self.shift_payments.add(record)
        self.reset()
        self.change_frame.show()
        # cheques go into the drawer with the cash; a card-only payment leaves it shut
        drawer = any(t["kind"] in ("cash", "cheque") for t in record.tenders)
        self.receipts.print_payment(record.payment_id, record.receipt_no, open_drawer=drawer)
        other = sum(t["amount"] for t in record.tenders if t["kind"] != "cash")
        self.show_on_display("payment", received + other, change)
        self.payment_committed.emit(record)
        self.check_drawer()

    def _payment_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, DomainError):
            self._show_field_error(error)
        else:
            self._show_error(describe(error))

    def _form_error(self, form: TenderForm, e: DomainError) -> None:
        name = e.field if e.field in form.order() else None
        if e.code == "card_number_refused" and name:
            form.refuse_card_number(name)
        else:
            form.show_error(name, e.message)
        form.focus_field(name)

    def _show_field_error(self, e: DomainError) -> None:
        """A typed field that does not parse (or the policy's refusal): beside that field, the cursor in it."""
        f = e.field or ""
        form = self.forms.get(self.form_kind or "")
        if form is not None and (f in form.order() or (f == "amount" and self.mode == "split")):
            self._form_error(form, e)
            return
        if e.code == "card_number_refused":
            {"amount": self.amount_edit, "received": self.received_edit}.get(f, self.search).clear()
            e = DomainError(e.code, card_refusal(), field=f)
        if f.startswith("payer_id"):
            self._show_payer(True)
            self.payer_form.error.show_text(e.message)
            self.payer_form.focus()
        elif f == "split":
            self.split_error.show_text(e.message)
            self.split_view.setFocus()
        else:
            self._show_error(describe(e))

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
        elif shown.field == "received" and self.form_kind == "cash":
            self.received_error.show_text(shown.text)
            self.received_edit.setFocus()
            self.received_edit.selectAll()
        elif shown.field == "documents":
            self.docs_error.show_text(shown.text)
            self.docs_view.setFocus()
        elif shown.field == "discount" and self.discount_edit.isVisible():
            self.discount_error.show_text(shown.text)
            self.edit_discount()
        else:
            self.tender_message.show_text(shown.text)
            restyle(self.tender_message, "inlineError")
            (self.received_edit if self.form_kind == "cash" else self.search).setFocus()

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
