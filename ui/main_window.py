"""The window: login → open shift (when none is open) → counter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from app.domain.users import User
from app.services.counter import CashierSession
from ui.context import Services
from ui.counter import CounterScreen
from ui.errors import describe
from ui.login import LoginScreen, OpenShiftScreen
from ui.receipt_queue import ReceiptQueue
from ui.status import StatusPanel, SyncBridge
from ui.theme import scale_for, stylesheet
from ui.workers import Worker


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Ventanilla — {terminal}").format(terminal=services.settings.terminal_name))
        self.worker = Worker(self)
        self.receipts = ReceiptQueue(services, self)
        self.login = LoginScreen(services, self.worker)
        self.open_shift = OpenShiftScreen(services, self.worker)
        self.counter = CounterScreen(services, self.worker, self.receipts)
        self.stack = QStackedWidget()
        for w in (self.login, self.open_shift, self.counter):
            self.stack.addWidget(w)
        self.setCentralWidget(self.stack)
        self.status = StatusPanel(services, self.worker)
        self.setStatusBar(self.status)
        self.status.set_session(None)
        self.user: User | None = None
        self.session: CashierSession | None = None
        self._scale = 0.0

        self.login.logged_in.connect(self._logged_in)
        self.open_shift.shift_opened.connect(self._shift_ready)
        self.open_shift.cancelled.connect(self.logout)
        self.receipts.printer_state.connect(self.status.set_printer)
        self.sync_bridge = SyncBridge(self)
        self.sync_bridge.reported.connect(self.status.show_sync)
        self.counter.payment_committed.connect(self._nudge_sync)
        logout = QShortcut(QKeySequence(Qt.Key.Key_F12), self.counter)
        logout.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        logout.activated.connect(self.logout)
        self.show_login()

    # --- screens ---------------------------------------------------------------------
    def show_login(self) -> None:
        self.stack.setCurrentWidget(self.login)
        self.login.reset()

    def _logged_in(self, user: User) -> None:
        self.user = user
        shifts = self.services.shifts
        self.worker.submit(lambda: shifts.current(user), self._current_shift, self._shift_lookup_failed)

    def _current_shift(self, session: CashierSession | None) -> None:
        if session is not None:
            self._shift_ready(session)
            return
        assert self.user is not None
        self.stack.setCurrentWidget(self.open_shift)
        self.open_shift.start(self.user)

    def _shift_lookup_failed(self, error: BaseException) -> None:
        self.show_login()
        self.login.error.show_text(describe(error).text)

    def _shift_ready(self, session: CashierSession) -> None:
        self.session = session
        self.status.set_session(session)
        self.stack.setCurrentWidget(self.counter)
        self.counter.start(session)
        # the receipts taken earlier in this shift (after a restart), when the service offers them
        listing = getattr(self.services.counter, "payments_of_shift", None)
        if listing is not None:
            self.worker.submit(lambda: listing(session), self._shift_payments_loaded, lambda _e: None)

    def _shift_payments_loaded(self, payments) -> None:
        if self.session is not None and self.counter.session is self.session:
            self.counter.load_shift_payments(list(payments))

    def start_sync(self, loop_factory) -> None:
        """Start the background sender; ``loop_factory(on_status)`` builds a sync.loop.BackgroundSync."""
        if self.services.sync_status is None or self.services.sync_loop is not None:
            return
        self.services.sync_loop = loop_factory(self.sync_bridge)
        self.services.sync_loop.start()

    def _nudge_sync(self, _record) -> None:
        if self.services.sync_loop is not None:
            self.services.sync_loop.nudge()  # send the payment now, not at the next tick
        self.status.refresh()

    def logout(self) -> None:
        if self.counter.busy:
            return
        self.user = self.session = None
        self.status.set_session(None)
        self.show_login()

    def show_error(self, text: str) -> None:
        """Last resort for errors nobody else caught: a plain sentence where the cashier looks."""
        current = self.stack.currentWidget()
        if current is self.counter:
            self.counter.tender_message.show_text(text)
        elif current is self.login:
            self.login.error.show_text(text)
        else:
            self.open_shift.error.show_text(text)

    # --- readable at any size ----------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        scale = round(scale_for(event.size().height()) * 20) / 20
        if scale != self._scale:
            self._scale = scale
            self.setStyleSheet(stylesheet(scale))
        super().resizeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        # a receipt being printed is finished before the window goes
        self.receipts.wait(10_000)
        self.worker.wait(5_000)
        if self.services.sync_loop is not None:
            self.services.sync_loop.stop()
        super().closeEvent(event)
