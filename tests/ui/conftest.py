from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.accounts import AccountStatus
from app.services.auth import Argon2PinHasher
from app.storage.bulk import load_demo
from tests.ui.fakes import RecordingPrinter
from ui.app import build_window
from ui.context import Services
from ui.main_window import MainWindow
from ventanilla.bootstrap import build_terminal
from ventanilla.paths import resolve

ACCOUNTS = 120


@pytest.fixture
def terminal(tmp_path):
    t = build_terminal(resolve(tmp_path), hasher=Argon2PinHasher.cheap())
    now = datetime.now(timezone.utc)
    load_demo(t.engine, ACCOUNTS, 7, now.date(), now, "DOP", 2)
    t.auth.add_user("ana", "Ana Cajera", "cashier", "1234")
    t.auth.add_user("sup", "Sonia Supervisora", "supervisor", "4321")
    yield t
    t.close()


@pytest.fixture
def printer():
    return RecordingPrinter()


def show(qtbot, window, size=(1024, 768)):
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def finish(window: MainWindow) -> None:
    window.receipts.wait(10_000)
    window.worker.wait(5_000)


@pytest.fixture
def window(qtbot, terminal, printer):
    w = show(qtbot, build_window(terminal, printer))
    yield w
    finish(w)


@pytest.fixture
def make_window(qtbot, terminal):
    """A window with a chosen printer / sync status."""
    made = []

    def make(printer=None, sync_status=None, size=(1024, 768)) -> MainWindow:
        services = Services.from_terminal(terminal, printer or RecordingPrinter())
        services.sync_status = sync_status
        w = show(qtbot, MainWindow(services), size)
        made.append(w)
        return w

    yield make
    for w in made:
        finish(w)


def type_into(qtbot, widget, text: str, enter: bool = True) -> None:
    qtbot.keyClicks(widget, text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def focused():
    return QApplication.focusWidget()


def log_in(qtbot, window: MainWindow, user="ana", pin="1234") -> None:
    type_into(qtbot, window.login.user_edit, user)
    assert focused() is window.login.pin_edit
    type_into(qtbot, window.login.pin_edit, pin)


@pytest.fixture
def at_counter(qtbot, window):
    """Logged in with an open shift, search field focused."""
    return open_counter(qtbot, window)


def open_counter(qtbot, window: MainWindow) -> MainWindow:
    log_in(qtbot, window)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not window.login)
    if window.stack.currentWidget() is window.open_shift:
        type_into(qtbot, window.open_shift.count_edits[0], "1")
        qtbot.keyClick(window.open_shift.open_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.counter)
    qtbot.waitUntil(lambda: focused() is window.counter.search)
    return window


#: the default policy's largest payment taken offline without a supervisor (resources/policy/default.toml)
OFFLINE_MAX_MINOR = 2_000_000


def payable_account(terminal, *, many_documents: bool = False, status=AccountStatus.ACTIVE, partial: bool = False):
    """The first demo account of a biller with a GS1 barcode that the counter can take cash for.

    Its balance is within what the default policy takes offline without a supervisor;
    ``partial``: of a biller whose policy takes abonos (the default policy has LUZ, "2…", paid whole).
    """
    for n in range(1, ACCOUNTS + 1):
        for biller_digit in ("1", "4") if partial else ("1", "2", "4"):
            account_id = f"{biller_digit}{n:09d}"
            try:
                view = terminal.counter.lookup_account(account_id)
            except Exception:
                continue
            if view.account.status != status or view.balance.is_zero() or view.balance.to_minor() > OFFLINE_MAX_MINOR:
                continue
            if many_documents and len(view.open_documents) < 3:
                continue
            return view
    raise AssertionError("no such account in the demo data")
