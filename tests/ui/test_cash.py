"""Voids, drops, float, X report, reprints, held receipts and the blind close, by keyboard."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPushButton

from tests.ui.conftest import focused, open_counter, payable_account, type_into
from tests.ui.fakes import SpoolingPrinter


def pay(qtbot, window, view, amount: str | None = None):
    """A cash payment by keyboard: account, (F6 amount), F2, Enter. Returns the PaymentRecord."""
    c = window.counter
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    if amount is not None:
        qtbot.keyClick(focused(), Qt.Key.Key_F6)
        qtbot.keyClicks(c.amount_edit, amount)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    with qtbot.waitSignal(c.payment_committed) as paid:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    idle(qtbot, window)
    return paid.args[0]


def idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.receipts.busy and not window.worker.pending, timeout=5000)


FLOAT = 200000  # open_counter counts one RD$ 2,000 bill
DOP = (200000, 100000, 50000, 20000, 10000, 5000, 2500, 1000, 500, 100)


def whole_account(terminal):
    """A payable account whose balance has no cents, so the drawer can be counted to the peso."""
    from app.domain.accounts import AccountStatus
    from tests.ui.conftest import ACCOUNTS

    for n in range(1, ACCOUNTS + 1):
        for biller_digit in ("1", "2", "4"):
            try:
                view = terminal.counter.lookup_account(f"{biller_digit}{n:09d}")
            except Exception:
                continue
            minor = view.balance.to_minor()
            if view.account.status == AccountStatus.ACTIVE and minor > 0 and minor % 100 == 0:
                return view
    raise AssertionError("no whole-peso account in the demo data")


def pieces_for(minor: int) -> dict[int, int]:
    out = {}
    for d in DOP:
        out[d], minor = divmod(minor, d)
    return {d: n for d, n in out.items() if n}


def outbox(terminal, kind: str) -> list[dict]:
    with terminal.uow() as uow:
        return [json.loads(o.body) for o in uow.outbox.all() if o.type == kind]


def wait_dialog(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.waitUntil(lambda: focused() is dialog.fields[0])
    return dialog


def approve(qtbot, dialog, user="sup", pin="4321", reason: str | None = None, amount: str | None = None) -> None:
    if amount is not None:
        type_into(qtbot, dialog.amount_edit, amount)
    type_into(qtbot, dialog.user_edit, user)
    type_into(qtbot, dialog.pin_edit, pin)
    if reason is not None:
        type_into(qtbot, dialog.reason_edit, reason)


def menu(qtbot, window, digit) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_F10)
    assert window.stack.currentWidget() is window.cash_menu
    qtbot.keyClick(focused(), digit)


def texts_on_screen(widget) -> list[str]:
    out = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QLineEdit) + widget.findChildren(QPushButton)]
    for view in widget.findChildren(QAbstractItemView):
        m = view.model()
        out += [str(m.index(r, c).data() or "") for r in range(m.rowCount()) for c in range(m.columnCount())]
    return out


# --- voids ----------------------------------------------------------------------------------
def test_a_supervisor_voids_a_receipt_from_the_f8_list_and_the_void_receipt_prints(qtbot, at_counter, terminal, printer):
    window, c = at_counter, at_counter.counter
    record = pay(qtbot, window, payable_account(terminal))
    kicks = printer.drawer_kicks
    qtbot.keyClick(focused(), Qt.Key.Key_F8)
    qtbot.keyClick(c.shift_view, Qt.Key.Key_Delete)
    dialog = wait_dialog(qtbot, c.void_dialog)
    assert str(record.receipt_no) in dialog.title.text()
    # the cashier cannot approve: the service's sentence shows in the dialog, which stays open
    approve(qtbot, dialog, "ana", "1234", "Cobro duplicado")
    qtbot.waitUntil(dialog.error.isVisible)
    assert "se necesita un supervisor" in dialog.error.text() and dialog.isVisible()
    assert focused() is dialog.user_edit and dialog.pin_edit.text() == ""
    # a wrong PIN, then the right one
    dialog.user_edit.clear()
    approve(qtbot, dialog, "sup", "0000", None)
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # the reason is still there
    qtbot.waitUntil(lambda: "PIN incorrecto" in dialog.error.text())
    assert focused() is dialog.pin_edit
    with qtbot.waitSignal(c.payment_voided) as voided:
        type_into(qtbot, dialog.pin_edit, "4321")
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    idle(qtbot, window)
    void = voided.args[0]
    assert not dialog.isVisible() and void.approver_id == "sup" and void.reason == "Cobro duplicado"
    [item] = outbox(terminal, "void")
    assert item["voids"] == record.payment_id and item["amount"] == record.amount_minor and item["approver_id"] == "sup"
    assert printer.receipts[-1].voided and printer.receipts[-1].receipt_no == record.receipt_no
    assert printer.drawer_kicks == kicks + 1  # the cash goes back to the customer
    assert c.shift_payments.payment_at(0).status == "voided"
    assert "ANULADO" in c.shift_payments.index(0, c.shift_payments.NAME).data()
    assert "Devuelva" in c.change_caption.text() and c.change_amount.text() == c.formats.minor(record.amount_minor)
    qtbot.waitUntil(lambda: focused() is c.search)


def test_a_supervisor_cannot_approve_a_void_of_their_own_shift(qtbot, make_window, terminal):
    terminal.auth.add_user("jefa", "Julia Jefa", "supervisor", "5555")
    window = make_window()
    from tests.ui.conftest import log_in

    log_in(qtbot, window, "jefa", "5555")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.open_shift)
    type_into(qtbot, window.open_shift.count_edits[0], "1")
    qtbot.keyClick(window.open_shift.open_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is window.counter.search)
    pay(qtbot, window, payable_account(terminal))
    qtbot.keyClick(focused(), Qt.Key.Key_F8)
    qtbot.keyClick(window.counter.shift_view, Qt.Key.Key_Delete)
    dialog = wait_dialog(qtbot, window.counter.void_dialog)
    approve(qtbot, dialog, "jefa", "5555", "Error de cuenta")
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == "La autorización la da un supervisor distinto del cajero."
    assert outbox(terminal, "void") == []
    qtbot.keyClick(dialog.user_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# --- drops, float, X report ---------------------------------------------------------------------
def test_cash_over_the_limit_asks_for_a_drop_that_a_supervisor_approves(qtbot, at_counter, terminal, printer):
    window, c = at_counter, at_counter.counter
    window.services.drop_limit_minor = 250000  # RD$ 2,500: the float is RD$ 2,000
    assert not c.drop_due
    record = pay(qtbot, window, whole_account(terminal))
    assert FLOAT + record.amount_minor > 250000
    qtbot.waitUntil(lambda: c.drop_due)
    assert "F10" in c.drop_banner.text() and "RD$\u00a02,500.00" in c.drop_banner.text()
    menu(qtbot, window, Qt.Key.Key_1)
    dialog = wait_dialog(qtbot, window.movement_dialog)
    assert focused() is dialog.amount_edit and dialog.reason_edit is None
    kicks = printer.drawer_kicks
    with qtbot.waitSignal(window.receipts.finished) as printed:
        approve(qtbot, dialog, amount=str((FLOAT + record.amount_minor - 150000) // 100))
    assert printed.args[0].document == "drop_slip" and printed.args[0].printed
    with terminal.uow() as uow:
        [movement] = uow.shifts.movements_of(window.session.shift_id)
    dropped = FLOAT + record.amount_minor - 150000
    assert (movement.kind, movement.amount_minor, movement.approver_id) == ("drop", dropped, "sup")
    [item] = outbox(terminal, "cash_movement")
    assert item["kind"] == "drop" and item["amount"] == dropped
    slip = " ".join(printer.decoded().text.split())
    assert "RETIRO A CAJA FUERTE" in slip and "Sonia Supervisora" in slip
    assert c.formats.minor(dropped).replace("\u00a0", " ") in slip
    assert printer.drawer_kicks == kicks + 1
    qtbot.waitUntil(lambda: not c.drop_due)  # RD$ 1,500 left in the drawer
    assert "Retiro de" in c.tender_message.text() and focused() is c.search


def test_float_in_then_the_x_report_on_screen_on_paper_and_in_pdf(qtbot, at_counter, terminal, printer):
    window, c = at_counter, at_counter.counter
    record = pay(qtbot, window, payable_account(terminal))
    menu(qtbot, window, Qt.Key.Key_2)
    dialog = wait_dialog(qtbot, window.movement_dialog)
    with qtbot.waitSignal(window.receipts.finished):
        approve(qtbot, dialog, amount="300")
    assert outbox(terminal, "cash_movement")[0]["kind"] == "float_in"
    menu(qtbot, window, Qt.Key.Key_3)
    screen = window.x_report
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        pass
    shown = texts_on_screen(screen)
    money = c.formats.minor
    expected_cash = FLOAT + record.amount_minor + 30000  # float + payment + float added
    assert money(expected_cash) in shown and money(record.amount_minor) in shown
    with qtbot.waitSignal(window.receipts.finished) as printed:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert printed.args[0].document == "x_report"
    paper = " ".join(printer.decoded().text.split())
    assert "INFORME X" in paper and "Ingresos de fondo (1) RD$ 300.00" in paper
    assert f"Efectivo {money(expected_cash)}".replace("\u00a0", " ") in paper
    with qtbot.waitSignal(screen.saved) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_F3)
    path = saved.args[0]
    assert path.parent == terminal.paths.data_dir / "reports" and path.read_bytes().startswith(b"%PDF")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is c and focused() is c.search
    with terminal.uow() as uow:  # the X report resets nothing
        assert uow.shifts.get(window.session.shift_id).status == "open"


# --- reprints and held receipts ---------------------------------------------------------------
def test_shift_f9_reprints_any_receipt_of_the_shift_by_its_number(qtbot, at_counter, terminal, printer):
    window, c = at_counter, at_counter.counter
    first = pay(qtbot, window, payable_account(terminal))
    pay(qtbot, window, payable_account(terminal))
    qtbot.keyClick(focused(), Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: c.reprint_dialog is not None and focused() is c.reprint_dialog.number)
    with qtbot.waitSignal(c.print_finished) as printed:
        type_into(qtbot, c.reprint_dialog.number, str(first.receipt_no))
    assert printed.args[0].copy and printer.receipts[-1].receipt_no == first.receipt_no
    assert printer.receipts[-1].print_count == 2
    qtbot.keyClick(focused(), Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: focused() is c.reprint_dialog.number)
    with qtbot.waitSignal(c.print_finished):
        type_into(qtbot, c.reprint_dialog.number, "999")
    assert "999" in c.tender_message.text() and "quedó registrado" not in c.tender_message.text()


def test_receipts_the_printer_held_are_listed_and_retried(qtbot, make_window, terminal, tmp_path):
    printer = SpoolingPrinter(tmp_path / "spool", fault=("paper_out", "La impresora no tiene papel."))
    window = open_counter(qtbot, make_window(printer))
    record = pay(qtbot, window, payable_account(terminal))
    assert [h.receipt_no for h in printer.spool.pending()] == [record.receipt_no]
    printer.fault = None  # paper loaded
    with qtbot.waitSignal(window.held.loaded) as loaded:
        menu(qtbot, window, Qt.Key.Key_5)
    assert loaded.args[0] == 1 and window.held.model.held_at(0).receipt_no == record.receipt_no
    assert "papel" in window.held.model.index(0, window.held.model.PROBLEM).data()
    with qtbot.waitSignal(window.held.loaded) as reloaded:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Reintentar
    assert reloaded.args[0] == 0 and printer.spool.pending() == []
    assert printer.receipts[-1].receipt_no == record.receipt_no and not printer.receipts[-1].is_copy


# --- closing --------------------------------------------------------------------------------
def count_cash(qtbot, screen, pieces: dict[int, int], cheques=("", ""), card="") -> None:
    """Type the blind count by keyboard: every denomination row in order, then cheques and card."""
    for d, edit in zip(screen.count._order, screen.count.count_edits):
        assert focused() is edit
        type_into(qtbot, edit, str(pieces.get(d.minor, "")))
    assert focused() is screen.cheque_count
    type_into(qtbot, screen.cheque_count, cheques[0])
    type_into(qtbot, screen.cheque_total, cheques[1])
    type_into(qtbot, screen.card_total, card)
    assert focused() is screen.submit_button


def test_the_blind_count_shows_nothing_expected_and_a_small_shortage_closes(qtbot, at_counter, terminal, printer):
    window = at_counter
    record = pay(qtbot, window, whole_account(terminal))
    expected = FLOAT + record.amount_minor
    menu(qtbot, window, Qt.Key.Key_6)
    screen = window.close_shift
    assert window.stack.currentWidget() is screen
    qtbot.waitUntil(lambda: focused() is screen.count.count_edits[0])
    money = window.counter.formats.minor
    hidden = money(expected).split("\u00a0")[-1]  # the figure, with or without its sign
    assert not any(hidden in t for t in texts_on_screen(window))
    assert screen.result.rowCount() == 0
    count_cash(qtbot, screen, pieces_for(expected - 1000))  # RD$ 10 short: within the tolerance
    assert not any(hidden in t for t in texts_on_screen(window))
    with qtbot.waitSignal(screen.outcome_shown, timeout=5000) as done:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    idle(qtbot, window)
    outcome = done.args[0]
    assert outcome.status == "closed" and outcome.manifest["over_short"] == {"cash": -1000, "cheque": 0, "card": 0}
    assert screen.result.index(0, screen.result.EXPECTED).data() == money(expected)
    assert screen.result.index(0, screen.result.RESULT).data() == "faltante"
    paper = [" ".join(line.split()) for line in printer.decoded().text_lines]
    assert "INFORME Z" in paper and f"Efectivo {money(expected - 1000)}".replace("\u00a0", " ") in paper
    i = paper.index("SOBRANTE / FALTANTE")
    assert paper[i + 1] == "Efectivo -RD$ 10.00 faltante"
    with terminal.uow() as uow:
        assert uow.shifts.get(outcome.report.shift_id).status == "closed"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.login and window.session is None


def test_beyond_tolerance_the_cashier_recounts_once_then_a_supervisor_approves(qtbot, at_counter, terminal, printer):
    window = at_counter
    record = pay(qtbot, window, whole_account(terminal))
    menu(qtbot, window, Qt.Key.Key_6)
    screen = window.close_shift
    qtbot.waitUntil(lambda: focused() is screen.count.count_edits[0])
    count_cash(qtbot, screen, pieces_for(FLOAT + record.amount_minor - 50000))  # RD$ 500 short
    with qtbot.waitSignal(screen.outcome_shown) as shown:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert shown.args[0].status == "recount" and "tolerancia" in screen.verdict.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # count again
    assert screen.pages.currentIndex() == 0 and focused() is screen.count.count_edits[0]
    screen.submit_button.setFocus()
    with qtbot.waitSignal(screen.outcome_shown) as shown:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert shown.args[0].status == "needs_approval"
    with terminal.uow() as uow:
        assert uow.shifts.get(window.session.shift_id).status == "open"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # ask the supervisor
    dialog = wait_dialog(qtbot, screen.dialog)
    with qtbot.waitSignal(screen.outcome_shown, timeout=5000) as done:
        approve(qtbot, dialog, reason="Billete de 500 dado de mas")
    idle(qtbot, window)
    outcome = done.args[0]
    assert outcome.status == "closed"
    assert outcome.manifest["over_short"]["cash"] == -50000 and outcome.manifest["approver_id"] == "sup"
    assert "Sonia Supervisora" in screen.verdict.text()
    assert any("Sonia Supervisora" in line for line in printer.decoded().text_lines)
    with qtbot.waitSignal(screen.saved) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_F3)
    assert saved.args[0].name.startswith("informe-Z-") and saved.args[0].read_bytes().startswith(b"%PDF")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.login


def test_escape_leaves_the_close_with_the_shift_still_open(qtbot, at_counter, terminal):
    window = at_counter
    menu(qtbot, window, Qt.Key.Key_6)
    qtbot.waitUntil(lambda: focused() is window.close_shift.count.count_edits[0])
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.counter and focused() is window.counter.search
    with terminal.uow() as uow:
        assert uow.shifts.get(window.session.shift_id).status == "open"
