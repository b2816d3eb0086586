"""Cheque, card, split tender, policy messages, overrides, the payer's identity, the card-number
guard and the fresh balance, driven through real widgets with real keystrokes."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.accounts import AccountStatus
from app.domain.policy_document import parse_policy
from app.services.lookup import FreshLookup
from app.services.sync import SyncService
from tests.ui.conftest import ACCOUNTS, OFFLINE_MAX_MINOR, focused, open_counter, type_into
from tests.ui.fakes import RecordingPrinter

DEFAULT_POLICY = Path(__file__).resolve().parents[2] / "resources" / "policy" / "default.toml"


def account(terminal, *, biller=None, segment=None, status=AccountStatus.ACTIVE, low=0, high=OFFLINE_MAX_MINOR):
    """The first demo account that fits (balance in minor units within [low, high])."""
    digits = {"AGUA": "1", "LUZ": "2", "TEL": "3", "PREST": "4"}
    for n in range(1, ACCOUNTS + 1):
        for digit in [digits[biller]] if biller else "124":
            try:
                view = terminal.counter.lookup_account(f"{digit}{n:09d}")
            except Exception:
                continue
            if view.account.status != status or not low < view.balance.to_minor() <= high:
                continue
            if segment and str(view.account.segment) != segment:
                continue
            if biller and view.account.biller_id != biller:
                continue
            return view
    pytest.skip("no such account in the demo data")


def find(qtbot, c, view) -> None:
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    assert c.view is not None and c.view.account.account_id == view.account.account_id


def outbox_payments(terminal) -> list[dict]:
    with terminal.uow() as uow:
        return [json.loads(r.body) for r in uow.outbox.all() if r.type == "payment"]


def choose(qtbot, combo, text: str) -> None:
    """A combo box by keyboard: type the first letters, Enter moves on."""
    qtbot.keyClicks(combo, text)
    qtbot.keyClick(combo, Qt.Key.Key_Return)


def wait_check(qtbot, c):
    with qtbot.waitSignal(c.policy_checked, timeout=3000) as checked:
        pass
    return checked.args[0]


def money_text(c, minor: int) -> str:
    return c.formats.minor(minor, sign=False)


def test_a_split_of_card_and_cash_is_taken_with_the_keyboard(qtbot, at_counter, terminal, printer):
    c = at_counter.counter
    view = account(terminal, biller="AGUA", segment="residential", low=40_000)
    find(qtbot, c, view)
    balance = view.balance.to_minor()
    card_part = balance // 200 * 100  # about half, whole pesos
    rest = balance - card_part
    received = (rest // 10_000 + 1) * 10_000
    qtbot.keyClick(focused(), Qt.Key.Key_F5)
    assert c.mode == "split" and focused() is c.split_view and c.change_caption.text() == "Falta cubrir"
    qtbot.keyClick(focused(), Qt.Key.Key_F4)
    form = c.card_form
    assert focused() is form.inputs["amount"] and form.inputs["amount"].text() == money_text(c, balance)
    qtbot.keyClicks(form.inputs["amount"], money_text(c, card_part))
    qtbot.keyClick(form.inputs["amount"], Qt.Key.Key_Return)
    assert focused() is form.inputs["brand"]
    choose(qtbot, form.inputs["brand"], "vi")
    type_into(qtbot, form.inputs["last4"], "4242")
    type_into(qtbot, form.inputs["auth_code"], "a1b2c3")
    type_into(qtbot, form.inputs["terminal_ref"], "POS-07")  # the last field: the card joins the list
    assert c.split_model.rowCount() == 1 and focused() is c.split_view
    assert c.change_amount.text() == c.formats.minor(rest)  # what is still to cover, very large
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    assert focused() is c.received_edit and c.received_edit.text() == money_text(c, rest)
    qtbot.keyClicks(c.received_edit, money_text(c, received))
    assert c.change_amount.text() == c.formats.minor(received - rest)
    with qtbot.waitSignal(c.payment_committed, timeout=5000) as paid:
        qtbot.keyClick(c.received_edit, Qt.Key.Key_Return)  # covers the total: adds the cash and takes it
    record = paid.args[0]
    [item] = outbox_payments(terminal)
    assert item["id"] == record.payment_id and item["amount"] == balance
    assert item["tenders"] == [
        {"kind": "card", "amount": card_part, "brand": "visa", "last4": "4242", "auth_code": "A1B2C3",
         "terminal_ref": "POS-07"},
        {"kind": "cash", "amount": rest, "received": received, "change": received - rest},
    ]
    assert c.change_amount.text() == c.formats.minor(received - rest) and "Entregue" in c.change_caption.text()
    qtbot.waitUntil(lambda: printer.drawer_kicks == 1)
    assert focused() is c.search and c.search.text() == ""


def test_a_cheque_pays_a_business_account(qtbot, at_counter, terminal, printer):
    c = at_counter.counter
    view = account(terminal, segment="business", low=10_000)
    find(qtbot, c, view)
    qtbot.keyClick(focused(), Qt.Key.Key_F3)
    form = c.cheque_form
    assert focused() is form.inputs["bank_code"]
    choose(qtbot, form.inputs["bank_code"], "POPULAR")
    assert form.values()["bank_code"] == "POPULAR"
    type_into(qtbot, form.inputs["number"], "1234")  # Banco Popular's cheques have 8 digits
    decision = wait_check(qtbot, c)
    assert "cheque_number_invalid" in {v.code for v in decision.violations}
    assert "8 cifras" in form.errors["number"].text() and form.errors["number"].isVisible()
    form.inputs["number"].setFocus()
    form.inputs["number"].selectAll()
    type_into(qtbot, form.inputs["number"], "00012345")
    type_into(qtbot, form.inputs["account_number"], "0012004455")
    assert focused() is form.inputs["issue_date"] and form.inputs["issue_date"].text()  # today, filled in
    type_into(qtbot, form.inputs["issue_date"], "")
    type_into(qtbot, form.inputs["drawer_name"], "Ferreteria Ozama SRL")
    with qtbot.waitSignal(c.payment_committed, timeout=5000) as paid:
        type_into(qtbot, form.inputs["drawer_id"], "130-12345-6")
    record = paid.args[0]
    [item] = outbox_payments(terminal)
    [cheque] = item["tenders"]
    assert cheque["kind"] == "cheque" and cheque["amount"] == view.balance.to_minor() == record.amount_minor
    assert (cheque["bank_code"], cheque["number"], cheque["account_number"]) == ("POPULAR", "00012345", "0012004455")
    assert cheque["drawer_name"] == "Ferreteria Ozama SRL" and cheque["drawer_id"] == "130-12345-6"
    assert "sin vuelto" in c.change_caption.text()
    qtbot.waitUntil(lambda: printer.drawer_kicks == 1)  # the cheque goes into the drawer


def test_a_cheque_is_refused_on_a_residential_account_beside_the_cheque_fields(qtbot, at_counter, terminal):
    window, c = at_counter, at_counter.counter
    view = account(terminal, biller="AGUA", segment="residential", low=10_000)
    find(qtbot, c, view)
    qtbot.keyClick(focused(), Qt.Key.Key_F3)
    decision = wait_check(qtbot, c)
    assert [v.code for v in decision.blocking] == ["tender_not_allowed"]
    header = c.cheque_form.header_error
    assert header.isVisible() and "no admite pagos con cheque" in header.text()
    form = c.cheque_form
    choose(qtbot, form.inputs["bank_code"], "BHD")
    for name, text in (("number", "00012345"), ("account_number", "0012004455"), ("issue_date", ""),
                       ("drawer_name", "Juan Perez"), ("drawer_id", "00112345678")):
        type_into(qtbot, form.inputs[name], text)  # Enter on the last one tries to take it
    qtbot.waitUntil(lambda: not c.busy and c.decision is not None and header.isVisible())
    assert "no admite pagos con cheque" in header.text()
    assert outbox_payments(terminal) == [] and c.approval_dialog is None


def _partial_on_luz(qtbot, c, terminal):
    view = account(terminal, biller="LUZ", low=100_000)
    find(qtbot, c, view)
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    type_into(qtbot, c.amount_edit, "500")  # Enter in the amount starts cash
    assert focused() is c.received_edit
    decision = wait_check(qtbot, c)
    assert [v.code for v in decision.needs_supervisor] == ["partial_not_allowed"]
    assert "no acepta abonos" in c.amount_error.text() and "supervisor" in c.amount_error.text()
    qtbot.keyClick(c.received_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: c.approval_dialog is not None and c.approval_dialog.isVisible())
    return view, c.approval_dialog


def test_an_abono_the_biller_refuses_is_taken_when_a_supervisor_approves_it(qtbot, at_counter, terminal):
    c = at_counter.counter
    view, dialog = _partial_on_luz(qtbot, c, terminal)
    assert "no acepta abonos" in dialog.detail.text()
    type_into(qtbot, dialog.user_edit, "sup")
    type_into(qtbot, dialog.pin_edit, "4321")
    with qtbot.waitSignal(c.payment_committed, timeout=5000) as paid:
        type_into(qtbot, dialog.reason_edit, "Cliente sin fondos, abono acordado")
    assert paid.args[0].amount_minor == 50_000
    [item] = outbox_payments(terminal)
    assert item["overrides"] == [{"rule": "partial_not_allowed", "approver_id": "sup",
                                  "reason": "Cliente sin fondos, abono acordado"}]
    with terminal.uow() as uow:
        audit = [a for a in uow.audit.all() if a.action == "override"]
    assert len(audit) == 1 and audit[0].user_id == "sup"


def test_the_cashier_cannot_approve_their_own_override(qtbot, at_counter, terminal):
    c = at_counter.counter
    _view, dialog = _partial_on_luz(qtbot, c, terminal)
    type_into(qtbot, dialog.user_edit, "ana")
    type_into(qtbot, dialog.pin_edit, "1234")
    type_into(qtbot, dialog.reason_edit, "Me autorizo yo misma")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "se necesita un supervisor" in dialog.error.text() and dialog.isVisible()
    assert dialog.pin_edit.text() == "" and focused() is dialog.user_edit
    assert outbox_payments(terminal) == []
    qtbot.keyClick(dialog.user_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert outbox_payments(terminal) == [] and "supervisor" in c.tender_message.text()


def test_cash_above_the_aml_threshold_asks_for_the_payers_identity_document(qtbot, at_counter, terminal):
    c = at_counter.counter
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("aml_threshold = { DOP = 25000000", "aml_threshold = { DOP = 100000")
    terminal.counter.policies.policy = parse_policy(text)  # payer's document from RD$ 1,000.00
    view = account(terminal, biller="AGUA", low=150_000)
    find(qtbot, c, view)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    wait_check(qtbot, c)
    assert c.payer_form.isVisible()
    qtbot.keyClick(c.received_edit, Qt.Key.Key_Return)  # without the document: not taken, the cursor goes there
    qtbot.waitUntil(lambda: not c.busy and focused() is c.payer_form.type_combo)
    assert outbox_payments(terminal) == []
    choose(qtbot, c.payer_form.type_combo, "ced")
    assert focused() is c.payer_form.number_edit
    with qtbot.waitSignal(c.payment_committed, timeout=5000):
        type_into(qtbot, c.payer_form.number_edit, "00112345678")
    [item] = outbox_payments(terminal)
    assert item["payer_id"] == {"type": "cedula", "number": "00112345678"}


def test_a_card_number_typed_into_the_search_is_refused_and_stored_nowhere(qtbot, at_counter, terminal):
    c = at_counter.counter
    number = "4111111111111111"
    with qtbot.waitSignal(c.search_finished) as found:
        type_into(qtbot, c.search, "4111 1111 1111 1111")
    assert found.args[0].code == "card_number_refused"
    assert c.search.text() == "" and "tarjeta" in c.search_error.text() and c.view is None
    # and a full number typed into a cheque's drawer field of a real payment is refused too
    view = account(terminal, segment="business", low=10_000)
    find(qtbot, c, view)
    qtbot.keyClick(focused(), Qt.Key.Key_F3)
    form = c.cheque_form
    form.inputs["drawer_name"].setFocus()
    type_into(qtbot, form.inputs["drawer_name"], number)
    assert form.inputs["drawer_name"].text() == "" and "tarjeta" in form.errors["drawer_name"].text()
    at_counter.worker.wait(5000)
    data_dir = Path(terminal.paths.data_dir)
    for path in data_dir.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            assert number.encode() not in blob and b"4111 1111 1111 1111" not in blob, path


class FakeCentral:
    """The SyncTransport port: central answers an account lookup with a fresher balance."""

    def __init__(self, account: dict) -> None:
        self.account = account
        self.asked: list[str] = []

    def fetch_account(self, account_id: str):
        self.asked.append(account_id)
        return self.account if account_id == self.account["account_id"] else None

    def send_batch(self, batch_id, items):  # pragma: no cover - not used here
        raise NotImplementedError

    def fetch_snapshot(self, cursor, limit):  # pragma: no cover
        raise NotImplementedError

    def fetch_policy(self):  # pragma: no cover
        raise NotImplementedError

    def fetch_returned_cheques(self):  # pragma: no cover
        raise NotImplementedError


class RecordingDisplay:
    def __init__(self) -> None:
        self.shown: list[tuple] = []

    def show_due(self, amount_minor, currency):
        self.shown.append(("due", amount_minor, currency))
        return True

    def show_payment(self, received_minor, change_minor, currency):
        self.shown.append(("payment", received_minor, change_minor, currency))
        return True

    def show_welcome(self, text="Bienvenido"):
        return True


def test_central_answers_and_the_card_says_en_linea_and_the_payment_is_online(qtbot, make_window, terminal):
    view = account(terminal, biller="AGUA", low=20_000)
    doc = view.open_documents[0]
    fresh_balance = doc.outstanding.to_minor()  # central knows the other documents were paid elsewhere
    central = FakeCentral({
        "account_id": view.account.account_id, "biller_id": view.account.biller_id, "name": view.account.name,
        "national_id": view.account.national_id, "segment": str(view.account.segment),
        "status": str(view.account.status), "currency": "DOP", "balance": fresh_balance,
        "documents": [{"document_id": doc.document_id, "kind": str(doc.kind), "issue_date": doc.issue_date.isoformat(),
                       "due_date": doc.due_date.isoformat(), "amount": doc.amount.to_minor(),
                       "paid": doc.amount.to_minor() - fresh_balance, "currency": "DOP"}],
    })
    window = make_window(RecordingPrinter())
    display = RecordingDisplay()
    window.services.fresh = FreshLookup(terminal.counter, SyncService(terminal.counter.uow, central, terminal.clock))
    window.services.display = display
    window = open_counter(qtbot, window)
    c = window.counter
    with qtbot.waitSignal(c.freshened, timeout=5000):
        type_into(qtbot, c.search, view.account.account_id)
    assert central.asked == [view.account.account_id]
    assert c.fresh_label.text() == "en línea" and c.fresh_label.objectName() == "fresh"
    assert c.balance_label.text() == c.formats.minor(fresh_balance)
    assert c.amount_edit.text() == money_text(c, fresh_balance)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    received = (fresh_balance // 10_000 + 1) * 10_000
    qtbot.keyClicks(c.received_edit, money_text(c, received))
    with qtbot.waitSignal(c.payment_committed, timeout=5000):
        qtbot.keyClick(c.received_edit, Qt.Key.Key_Return)
    [item] = outbox_payments(terminal)
    assert item["offline"] is False and item["balance_before"] == fresh_balance
    window.counter.display_worker.wait(3000)
    qtbot.waitUntil(lambda: ("payment", received, received - fresh_balance, "DOP") in display.shown)
    assert ("due", fresh_balance, "DOP") in display.shown


def test_an_offline_terminal_says_sin_conexion_and_never_asks_central(qtbot, at_counter, terminal):
    c = at_counter.counter
    assert c.services.fresh is None
    view = account(terminal, biller="AGUA", low=20_000)
    find(qtbot, c, view)
    assert c.fresh_label.text().startswith("sin conexión") and c.online_balance is None
    assert datetime.now(timezone.utc) >= view.as_of


def test_a_supervisor_at_the_counter_cannot_approve_their_own_payment(qtbot, window, terminal):
    from tests.ui.conftest import log_in

    log_in(qtbot, window, "sup", "4321")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.open_shift)
    type_into(qtbot, window.open_shift.count_edits[0], "1")
    qtbot.keyClick(window.open_shift.open_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.counter and focused() is window.counter.search)
    c = window.counter
    _view, dialog = _partial_on_luz(qtbot, c, terminal)
    type_into(qtbot, dialog.user_edit, "sup")
    type_into(qtbot, dialog.pin_edit, "4321")
    type_into(qtbot, dialog.reason_edit, "Me autorizo yo misma")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "distinto del cajero" in dialog.error.text() and dialog.isVisible()
    assert outbox_payments(terminal) == []


def test_a_discount_above_the_cashiers_limit_is_granted_by_a_supervisor(qtbot, at_counter, terminal):
    from app.domain.policy import PaymentContext, debt_age_days, discount_band

    c = at_counter.counter
    now = datetime.now(timezone.utc)
    view = None
    for n in range(1, ACCOUNTS + 1):
        try:
            v = terminal.counter.lookup_account(f"4{n:09d}")
        except Exception:
            continue
        ctx = PaymentContext(v.account, v.documents, v.balance, c._today(), now)
        if (v.account.status == AccountStatus.ACTIVE and v.account.biller_id == "PREST"
                and debt_age_days(ctx) >= 90 and 10_000 < v.balance.to_minor() <= 10_000_000):
            view, band = v, discount_band(terminal.counter.policy, ctx)
            break
    if view is None:
        pytest.skip("no PREST debt over 90 days in the demo data")
    find(qtbot, c, view)
    assert c.discount_edit.isVisible() and f"{band.cashier_percent} %" in c.discount_hint.text()
    balance = view.balance.to_minor()
    # between the cashier's limit (5 or 10 %) and the supervisor's (10 or 25 %)
    percent = (band.cashier_percent + band.supervisor_percent) / 2
    discount = int(balance * percent / 100)
    qtbot.keyClick(focused(), Qt.Key.Key_F11)
    assert focused() is c.discount_edit
    qtbot.keyClicks(c.discount_edit, money_text(c, discount))
    assert c.amount_edit.text() == money_text(c, balance - discount)
    qtbot.keyClick(c.discount_edit, Qt.Key.Key_Return)  # starts cash for what is left
    assert focused() is c.received_edit
    decision = wait_check(qtbot, c)
    # old debts are large: above the offline maximum too, so the supervisor approves both at once
    needs = [v.code for v in decision.needs_supervisor]
    assert "discount_needs_supervisor" in needs and not decision.blocking
    assert "supervisor" in c.discount_error.text()
    qtbot.keyClick(c.received_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: c.approval_dialog is not None and c.approval_dialog.isVisible())
    d = c.approval_dialog
    type_into(qtbot, d.user_edit, "sup")
    type_into(qtbot, d.pin_edit, "4321")
    with qtbot.waitSignal(c.payment_committed, timeout=5000):
        type_into(qtbot, d.reason_edit, "Negociacion de cobranza")
    [item] = outbox_payments(terminal)
    assert item["discount"] == discount and item["amount"] == balance - discount
    assert [o["rule"] for o in item["overrides"]] == needs
