"""The counter flow, driven through real widgets with real keystrokes."""

from __future__ import annotations

import time

from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from app.domain.accounts import AccountStatus
from app.domain.barcodes import build_gs1
from app.services.counter import change_of
from app.services.demo_data import BILLERS
from tests.ui.conftest import focused, payable_account, type_into
from tests.ui.fakes import RecordingPrinter

GLN = {b.biller_id: b.barcode["gln"] for b in BILLERS if b.barcode["kind"] == "gs1"}


def scan(qtbot, widget, code: str) -> None:
    """A keyboard-wedge scanner: the code typed in one burst, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def bill_code(view, amount_minor=None) -> str:
    return build_gs1(GLN[view.biller.biller_id], view.account.account_id, amount_minor, 2, None, gs="")


def stored_payments(terminal, shift_id):
    with terminal.uow() as uow:
        return uow.payments.of_shift(shift_id)


def test_exact_cash_payment_of_a_scanned_bill_takes_the_scan_and_at_most_three_keys(qtbot, at_counter, terminal, printer):
    window, c = at_counter, at_counter.counter
    view = payable_account(terminal)
    with qtbot.waitSignal(c.search_finished):
        scan(qtbot, focused(), bill_code(view, view.balance.to_minor()))
    assert c.view is not None and c.view.account.account_id == view.account.account_id

    keys = 0
    with qtbot.waitSignal(c.payment_committed, timeout=5000) as paid:
        for key in (Qt.Key.Key_F2, Qt.Key.Key_Return):  # what the cashier presses, wherever the focus is
            qtbot.keyClick(focused(), key)
            keys += 1
    assert keys <= 3
    record = paid.args[0]
    assert record.amount_minor == view.balance.to_minor()
    assert change_of(record) == 0
    qtbot.waitUntil(lambda: len(printer.receipts) == 1 and printer.drawer_kicks == 1)
    assert printer.receipts[0].receipt_no == record.receipt_no and not printer.receipts[0].is_copy
    # back to an empty, focused search field for the next customer
    assert c.search.text() == "" and focused() is c.search
    assert [p.receipt_no for p in stored_payments(terminal, window.session.shift_id)] == [record.receipt_no]


def test_cash_with_change_shows_the_change_very_large_and_records_it(qtbot, at_counter, terminal):
    c = at_counter.counter
    view = payable_account(terminal)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    assert focused() is c.received_edit and c.received_edit.selectedText() == c.received_edit.text()
    received = (view.balance.to_minor() // 100 + 1000) * 100  # a round sum over the balance
    qtbot.keyClicks(c.received_edit, str(received // 100))
    expected_change = received - view.balance.to_minor()
    live = c.formats.minor(expected_change)
    assert c.change_amount.text() == live
    assert c.change_amount.font().pixelSize() >= 2.5 * c.search_error.font().pixelSize()
    with qtbot.waitSignal(c.payment_committed) as paid:
        qtbot.keyClick(c.received_edit, Qt.Key.Key_Return)
    assert change_of(paid.args[0]) == expected_change
    assert c.change_amount.text() == live and "Entregue" in c.change_caption.text()


def test_too_little_cash_is_refused_next_to_the_received_field_and_nothing_is_stored(qtbot, at_counter, terminal):
    window, c = at_counter, at_counter.counter
    view = payable_account(terminal)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    qtbot.keyClicks(c.received_edit, "1")
    assert c.change_caption.text() == "Faltan"
    qtbot.keyClick(c.received_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(c.received_error.isVisible)
    assert "no alcanza" in c.received_error.text()
    assert focused() is c.received_edit
    assert stored_payments(terminal, window.session.shift_id) == []


def test_a_name_search_lists_accounts_and_arrow_keys_choose_one(qtbot, at_counter):
    c = at_counter.counter
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, "garcia")
    assert c.results.rowCount() > 1 and c.results_view.isVisible()
    first = c.view.account.account_id
    qtbot.keyClick(c.search, Qt.Key.Key_Down)
    assert c.view.account.account_id == c.results.view_at(1).account.account_id != first
    assert focused() is c.search
    assert "garcía" in c.view.account.name.lower() or "garcia" in c.view.account.name.lower()


def test_an_unknown_account_is_explained_next_to_the_search_field(qtbot, at_counter):
    c = at_counter.counter
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, "9999999999")
    assert c.search_error.isVisible() and "no existe" in c.search_error.text()
    assert c.view is None and not c.card.isVisible()


def test_the_account_card_says_how_fresh_the_balance_is(qtbot, at_counter, terminal):
    c = at_counter.counter
    view = payable_account(terminal)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    assert c.name_label.text() == view.account.name
    assert view.biller.name in c.biller_label.text()
    assert c.balance_label.text() == c.formats.money(view.balance)
    assert c.fresh_label.text() == f"sin conexión — saldo al {c.formats.moment(view.as_of)}"


def test_documents_are_oldest_first_and_unselecting_one_lowers_the_amount(qtbot, at_counter, terminal):
    window, c = at_counter, at_counter.counter
    view = payable_account(terminal, many_documents=True, partial=True)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    dues = [c.documents.document_at(r).due_date for r in range(c.documents.rowCount())]
    assert dues == sorted(dues) and len(dues) >= 3
    oldest = c.documents.document_at(0)
    qtbot.keyClick(focused(), Qt.Key.Key_F7)
    assert focused() is c.docs_view
    qtbot.keyClick(c.docs_view, Qt.Key.Key_Space)  # unselect the oldest
    expected = view.balance - oldest.outstanding
    assert c.amount_edit.text() == c.formats.money(expected, sign=False)
    qtbot.keyClick(c.docs_view, Qt.Key.Key_Return)  # back to the amount
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    with qtbot.waitSignal(c.payment_committed) as paid:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    record = paid.args[0]
    assert record.amount_minor == expected.to_minor()
    assert oldest.document_id not in {a["document_id"] for a in record.allocations}


def test_a_partial_payment_typed_with_f6_is_applied_oldest_first(qtbot, at_counter, terminal):
    c = at_counter.counter
    view = payable_account(terminal, many_documents=True, partial=True)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert focused() is c.amount_edit
    oldest = min(view.open_documents, key=lambda d: (d.due_date, d.issue_date, d.document_id))
    # the policy's minimum abono: the least of the oldest document and RD$ 500
    abono = min(oldest.outstanding.to_minor(), 50000)
    qtbot.keyClicks(c.amount_edit, c.formats.minor(abono, sign=False))
    qtbot.keyClick(c.amount_edit, Qt.Key.Key_Return)  # Enter in the amount starts cash
    assert focused() is c.received_edit and c.received_edit.text() == c.formats.minor(abono, sign=False)
    with qtbot.waitSignal(c.payment_committed) as paid:
        qtbot.keyClick(c.received_edit, Qt.Key.Key_Return)
    record = paid.args[0]
    assert record.amount_minor == abono
    assert [a["document_id"] for a in record.allocations] == [oldest.document_id]


def test_an_account_in_legal_collection_is_refused_in_plain_spanish(qtbot, at_counter, terminal):
    window, c = at_counter, at_counter.counter
    view = payable_account(terminal, status=AccountStatus.JUDICIAL)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    assert "judicial" in c.status_badge.text().lower() and c.status_badge.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    sentence = "Esta deuda se paga en el estudio jurídico."
    qtbot.waitUntil(lambda: sentence in (c.search_error.text(), c.tender_message.text()))
    assert stored_payments(terminal, window.session.shift_id) == []


def test_escape_goes_back_to_an_empty_focused_search_field(qtbot, at_counter, terminal):
    c = at_counter.counter
    view = payable_account(terminal)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    assert focused() is c.received_edit
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # leaves cash
    assert focused() is c.search and c.mode is None and c.view is not None
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # next customer
    assert focused() is c.search and c.search.text() == "" and c.view is None


def test_a_scan_after_half_typed_text_searches_only_what_was_scanned(qtbot, at_counter, terminal):
    c = at_counter.counter
    view = payable_account(terminal)
    for ch in "gar":  # a person typing: slower than a scanner
        qtbot.keyClick(c.search, ch)
        qtbot.wait(80)
    with qtbot.waitSignal(c.search_finished):
        scan(qtbot, c.search, bill_code(view))
    assert c.view is not None and c.view.account.account_id == view.account.account_id
    assert not c.search.text().startswith("gar")


def pay_exact_cash(qtbot, c, terminal) -> None:
    """Search a payable account, F2, Enter: the payment commits and its receipt prints."""
    view = payable_account(terminal)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    with qtbot.waitSignals([c.payment_committed, c.print_finished]):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_f9_reprints_the_last_receipt_as_a_copy(qtbot, at_counter, terminal, printer):
    c = at_counter.counter
    pay_exact_cash(qtbot, c, terminal)
    assert len(printer.receipts) == 1
    with qtbot.waitSignal(c.print_finished, timeout=5000):
        qtbot.keyClick(focused(), Qt.Key.Key_F9)
    assert len(printer.receipts) == 2
    assert printer.receipts[1].is_copy and printer.receipts[1].receipt_no == printer.receipts[0].receipt_no
    assert "Copia" in c.tender_message.text()


def test_a_reprint_the_printer_refused_is_not_counted_and_the_next_one_takes_its_number(qtbot, at_counter, terminal, printer):
    c = at_counter.counter
    pay_exact_cash(qtbot, c, terminal)
    printer.fault = ("cover_open", "La tapa de la impresora está abierta: ciérrela y reintente.")
    with qtbot.waitSignal(c.print_finished, timeout=5000) as failed:
        qtbot.keyClick(focused(), Qt.Key.Key_F9)
    assert not failed.args[0].printed and failed.args[0].fault_code == "cover_open"
    [stored] = stored_payments(terminal, at_counter.session.shift_id)
    assert stored.print_count == 1  # the refused copy was taken back
    printer.fault = None
    with qtbot.waitSignal(c.print_finished, timeout=5000) as done:
        qtbot.keyClick(focused(), Qt.Key.Key_F9)
    assert done.args[0].printed and done.args[0].copy
    assert [r.print_count for r in printer.receipts] == [1, 2]
    with terminal.uow() as uow:
        actions = [e.action for e in uow.audit.all()]
    assert actions.count("reprint_not_made") == 1 and actions.count("reprint") == 2


def test_a_printer_without_paper_does_not_lose_the_payment(qtbot, make_window, terminal):
    from tests.ui.conftest import open_counter

    printer = RecordingPrinter(fault=("paper_out", "La impresora no tiene papel."))
    window = open_counter(qtbot, make_window(printer))
    c = window.counter
    view = payable_account(terminal)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    with qtbot.waitSignal(c.print_finished, timeout=5000) as printed:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    outcome = printed.args[0]
    assert not outcome.printed and outcome.fault_code == "paper_out"
    assert "quedó registrado" in c.tender_message.text() and "F9" in c.tender_message.text()
    assert window.status.printer.text() == "Impresora: sin papel"
    payments = stored_payments(terminal, window.session.shift_id)
    assert len(payments) == 1 and payments[0].print_count == 0  # the failed original is not counted


def test_the_counter_never_freezes_while_a_slow_printer_prints(qtbot, make_window, terminal):
    from tests.ui.conftest import open_counter

    printer = RecordingPrinter(delay_s=3.0)
    window = open_counter(qtbot, make_window(printer))
    c = window.counter
    view = payable_account(terminal)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    with qtbot.waitSignal(c.payment_committed):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert printer.started.wait(2.0)
    assert window.receipts.busy
    # while the printer blocks, the event loop answers a timer within 100 ms, several times over
    worst = 0
    for _ in range(5):
        clock = QElapsedTimer()
        clock.start()
        answered = []
        QTimer.singleShot(0, lambda: answered.append(clock.elapsed()))
        qtbot.waitUntil(lambda: bool(answered), timeout=1000)
        worst = max(worst, answered[0])
        qtbot.wait(50)
    assert worst < 100
    # and the cashier can already serve the next customer
    qtbot.keyClicks(c.search, "garcia")
    assert c.search.text() == "garcia" and window.receipts.busy
    started = time.monotonic()
    with qtbot.waitSignal(c.print_finished, timeout=6000):
        pass
    assert time.monotonic() - started > 1.0  # it really was still printing
    assert printer.threads and all(t != "MainThread" for t in printer.threads)


def test_an_unexpected_failure_shows_a_plain_sentence_not_a_trace(qtbot, at_counter, terminal, monkeypatch):
    c = at_counter.counter

    def broken(_text):
        raise RuntimeError("Traceback (most recent call last): boom")

    monkeypatch.setattr(terminal.counter, "search", broken)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, "1000000001")
    text = c.tender_message.text() + c.search_error.text()
    assert "error inesperado" in text and "Traceback" not in text and "boom" not in text


def test_f8_picks_any_receipt_of_the_shift_and_enter_reprints_it(qtbot, at_counter, terminal, printer):
    c = at_counter.counter
    paid = []
    c.payment_committed.connect(paid.append)
    for view in (payable_account(terminal), payable_account(terminal, many_documents=True)):
        with qtbot.waitSignal(c.search_finished):
            type_into(qtbot, c.search, view.account.account_id)
        qtbot.keyClick(focused(), Qt.Key.Key_F2)
        with qtbot.waitSignals([c.payment_committed, c.print_finished]):
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert [c.shift_payments.payment_at(r).receipt_no for r in range(2)] == [paid[1].receipt_no, paid[0].receipt_no]
    qtbot.keyClick(focused(), Qt.Key.Key_F8)
    assert focused() is c.shift_view
    qtbot.keyClick(c.shift_view, Qt.Key.Key_Down)  # the older one
    with qtbot.waitSignal(c.print_finished) as printed:
        qtbot.keyClick(c.shift_view, Qt.Key.Key_Return)
    assert printed.args[0].receipt_no == paid[0].receipt_no and printed.args[0].copy
    assert printer.receipts[-1].receipt_no == paid[0].receipt_no and printer.receipts[-1].print_count == 2
    assert focused() is c.search
