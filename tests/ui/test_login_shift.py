"""Login with a PIN and opening a shift with the float counted by denomination."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import focused, log_in, type_into


def test_a_wrong_pin_is_explained_and_the_pin_is_asked_again(qtbot, window):
    log_in(qtbot, window, "ana", "9999")
    qtbot.waitUntil(window.login.error.isVisible)
    assert window.login.error.text().startswith("Usuario o PIN incorrecto")
    assert window.login.pin_edit.text() == "" and focused() is window.login.pin_edit
    assert window.stack.currentWidget() is window.login


def test_the_pin_field_takes_only_digits_and_hides_them(qtbot, window):
    qtbot.keyClicks(window.login.pin_edit, "12ab34")
    assert window.login.pin_edit.text() == "1234"
    assert window.login.pin_edit.echoMode() == window.login.pin_edit.EchoMode.Password


def test_login_then_counting_the_float_by_keyboard_opens_the_shift(qtbot, window, terminal):
    log_in(qtbot, window)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.open_shift)
    shift = window.open_shift
    assert focused() is shift.count_edits[0]
    # 2 × 2000, skip 1000, 3 × 500, ... one line per denomination, Enter moves on
    for count in ("2", "", "3", "", "", "", "4", "", "", "7"):
        type_into(qtbot, focused(), count)
    assert focused() is shift.open_button
    assert shift.total.text() == "RD$\u00a05,607.00"
    with qtbot.waitSignal(shift.shift_opened) as opened:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    session = opened.args[0]
    with terminal.uow() as uow:
        record = uow.shifts.get(session.shift_id)
    assert record.opening_float_minor == 560700 and record.cashier_id == "ana"
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.counter)
    assert focused() is window.counter.search
    assert "Ana Cajera" in window.status.cashier.text()


def test_a_cashier_with_a_shift_already_open_goes_straight_to_the_counter(qtbot, window, terminal):
    user = terminal.auth.login("ana", "1234")
    session = terminal.shifts.open_shift(user, {100000: 1})
    log_in(qtbot, window)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.counter)
    assert window.session.shift_id == session.shift_id


def test_f12_logs_out_back_to_an_empty_login(qtbot, at_counter):
    window = at_counter
    qtbot.keyClick(focused(), Qt.Key.Key_F12)
    assert window.stack.currentWidget() is window.login
    assert window.login.user_edit.text() == "" and focused() is window.login.user_edit
    assert window.status.cashier.text() == "Sin sesión"
