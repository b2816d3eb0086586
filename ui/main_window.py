"""The window: login → open shift (when none is open) → counter, and the cash screens behind F10.

Cash flows wired here: drop and float (a supervisor approves the amount; the
slip prints and the drawer opens), the X report, reprint by number, the
receipts the printer held, and the blind close, after which the window goes
back to the login.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QPushButton, QStackedWidget, QWidget

from app.domain.users import Role, User
from app.services.counter import CashierSession
from ui.context import Services
from ui.counter import CounterScreen
from ui.errors import describe
from ui.login import LoginScreen, OpenShiftScreen
from ui.approval import ApprovalDialog
from ui.receipt_queue import PrintOutcome, ReceiptQueue
from ui.shift_screens import CashMenuScreen, CloseShiftScreen, HeldReceiptsScreen, ReportScreen
from ui.status import StatusPanel, SyncBridge
from ui.theme import scale_for, stylesheet
from ui.widgets import restyle
from ui.workers import Worker


# where the Central office desk takes its admin token from (never typed at the counter)
CENTRAL_TOKEN_ENV = "VENTANILLA_ADMIN_TOKEN"


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None, *, settings_service: Any = None) -> None:
        super().__init__(parent)
        self.services = services
        # app.services.settings_service.SettingsService (None: this window cannot change settings)
        self.settings_service = settings_service
        self.settings_screen = None  # built the first time an admin opens it
        self._before_settings: QWidget | None = None
        # (url, token, user) -> the Central office window; replaced in tests
        self.central_office_factory = None
        self.central_office_window = None
        self.setWindowTitle(self.tr("Ventanilla — {terminal}").format(terminal=services.settings.terminal_name))
        self.worker = Worker(self)
        self.receipts = ReceiptQueue(services, self)
        self.login = LoginScreen(services, self.worker)
        self.open_shift = OpenShiftScreen(services, self.worker)
        self.counter = CounterScreen(services, self.worker, self.receipts)
        self.cash_menu = CashMenuScreen()
        self.x_report = ReportScreen(services, self.worker, self.receipts)
        self.close_shift = CloseShiftScreen(services, self.worker, self.receipts)
        self.held = HeldReceiptsScreen(services, self.worker, self.receipts)
        self.movement_dialog: ApprovalDialog | None = None
        self.stack = QStackedWidget()
        for w in (self.login, self.open_shift, self.counter, self.cash_menu, self.x_report, self.close_shift, self.held):
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
        self.counter.payment_voided.connect(self._nudge_sync)
        self.counter.cash_menu_requested.connect(self.show_cash_menu)
        self.cash_menu.chosen.connect(self._cash_action)
        self.cash_menu.cancelled.connect(self.back_to_counter)
        self.x_report.back.connect(self.back_to_counter)
        self.held.back.connect(self.back_to_counter)
        self.close_shift.cancelled.connect(self.back_to_counter)
        self.close_shift.outcome_shown.connect(self._close_answered)
        self.close_shift.finished.connect(self._shift_closed)
        self.receipts.finished.connect(self._paper_printed)
        logout = QShortcut(QKeySequence(Qt.Key.Key_F12), self.counter)
        logout.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        logout.activated.connect(self.logout)
        settings_key = QShortcut(QKeySequence("Ctrl+,"), self)
        settings_key.setContext(Qt.ShortcutContext.WindowShortcut)
        settings_key.activated.connect(self.open_settings)
        self._add_settings_to_cash_menu()
        self.show_login()

    # --- screens ---------------------------------------------------------------------
    def show_login(self) -> None:
        self.stack.setCurrentWidget(self.login)
        self.login.reset()
        restyle(self.login.error, "inlineError")  # after «la oficina central se abrió», errors look like errors again

    def _logged_in(self, user: User) -> None:
        if user.role == Role.CENTRAL:
            self.open_central_office(user)
            return
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
        if self.user.role == Role.ADMIN:
            self.open_shift.who.setText(self.tr("{name} (administrador) · Ctrl+, abre los ajustes").format(name=self.user.name))

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

    # --- the cash side (F10) ------------------------------------------------------------
    def show_cash_menu(self) -> None:
        if self.session is None:
            return
        notice = ""
        if self.counter.drop_due:
            notice = self.tr("El efectivo de la gaveta pasó el límite: haga un retiro (1).")
        spool = getattr(self.services.printer, "spool", None)
        self.cash_menu.set_held_count(None)
        if spool is not None:
            self.worker.submit(lambda: len(spool.pending()), self.cash_menu.set_held_count, lambda _e: None)
        self.stack.setCurrentWidget(self.cash_menu)
        self.cash_menu.start(notice)
        self.settings_item.setVisible(self._is_admin())

    def back_to_counter(self) -> None:
        if self.session is None:
            self.show_login()
            return
        self.stack.setCurrentWidget(self.counter)
        self.counter.search.setFocus()

    def _cash_action(self, action: str) -> None:
        session = self.session
        if session is None:
            return
        if action in ("drop", "float_in"):
            self.back_to_counter()
            self.ask_cash_movement(action)
        elif action == "x_report":
            self.stack.setCurrentWidget(self.x_report)
            self.x_report.start(session)
        elif action == "reprint":
            self.back_to_counter()
            self.counter.ask_receipt_number()
        elif action == "held":
            self.stack.setCurrentWidget(self.held)
            self.held.start()
        elif action == "close":
            self.stack.setCurrentWidget(self.close_shift)
            self.close_shift.start(session)

    def ask_cash_movement(self, kind: str) -> None:
        """A drop (sangría) or float added: the amount, and a supervisor who approves it."""
        session = self.session
        if session is None:
            return
        shifts = self.services.shifts
        if kind == "drop":
            title = self.tr("Retiro a caja fuerte (sangría)")
            detail = self.tr("Cuente el efectivo que sale de la gaveta y escriba el monto. El supervisor lo recibe y autoriza.")

            def action(approver, _reason, amount):
                return approver, shifts.cash_drop(session, amount, approver)
        else:
            title = self.tr("Ingreso de fondo a la gaveta")
            detail = self.tr("Escriba el efectivo que entra a la gaveta. El supervisor que lo entrega autoriza.")

            def action(approver, _reason, amount):
                return approver, shifts.float_in(session, amount, approver)

        self.movement_dialog = ApprovalDialog(
            self.services, self.worker, cashier=session.user, title=title, detail=detail, action=action,
            ask_reason=False, ask_amount=True, amount_label=self.tr("Monto"), parent=self.counter,
        )
        self.movement_dialog.approved.connect(lambda result, s=session: self._movement_done(s, result))
        self.movement_dialog.rejected.connect(lambda: self.counter.search.setFocus())
        self.movement_dialog.start()

    def _movement_done(self, session: CashierSession, result) -> None:
        approver, movement = result
        settings = self.services.settings
        document = "drop_slip" if movement.kind == "drop" else "float_slip"

        def build():
            from printing.reports import cash_movement_layout

            return cash_movement_layout(movement, settings, cashier_name=session.user.name, approver_name=approver.name)

        self.receipts.print_document(document, build, open_drawer=True)
        amount = self.services.formats.minor(movement.amount_minor)
        if movement.kind == "drop":
            text = self.tr("Retiro de {amount} registrado; autorizó {name}. Se imprime el comprobante.")
        else:
            text = self.tr("Ingreso de fondo de {amount} registrado; autorizó {name}. Se imprime el comprobante.")
        self.counter.tender_message.show_text(text.format(amount=amount, name=approver.name))
        restyle(self.counter.tender_message, "notice")
        self.counter.check_drawer()
        self._nudge_sync(movement)
        self.counter.search.setFocus()

    def _paper_printed(self, outcome: PrintOutcome) -> None:
        if outcome.document in ("drop_slip", "float_slip") and outcome.problem:
            self.counter.tender_message.show_text(
                self.tr("El movimiento quedó registrado, pero el comprobante no se imprimió: {problem}").format(
                    problem=outcome.problem))
            restyle(self.counter.tender_message, "inlineError")

    def _close_answered(self, outcome) -> None:
        if outcome.status == "closed":
            self.status.set_session(None)
            self._nudge_sync(outcome)

    def _shift_closed(self) -> None:
        """After the Z report: nobody is at this drawer any more."""
        self.user = self.session = None
        self.counter.session = None
        self.status.set_session(None)
        self.show_login()

    # --- settings (admin) and the central office (central role) ------------------------------
    def _is_admin(self) -> bool:
        return self.user is not None and self.user.role == Role.ADMIN

    def _add_settings_to_cash_menu(self) -> None:
        """«7 Ajustes» in the Caja menu, shown to an admin only."""
        self.settings_item = QPushButton(self.tr("7   Ajustes de la caja (administrador)"))
        self.settings_item.setObjectName("menuItem")
        self.settings_item.setAutoDefault(True)
        self.settings_item.clicked.connect(self.open_settings)
        self.settings_item.hide()
        box = self.cash_menu.buttons["close"].parentWidget().layout()
        box.insertWidget(box.indexOf(self.cash_menu.buttons["close"]) + 1, self.settings_item)
        seven = QShortcut(QKeySequence(Qt.Key.Key_7), self.cash_menu)
        seven.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        seven.activated.connect(lambda: self.open_settings() if self._is_admin() else None)

    def open_settings(self) -> None:
        """Ctrl+, anywhere (or 7 in the Caja menu): the settings screen, for an admin only."""
        current = self.stack.currentWidget()
        if self.settings_screen is not None and current is self.settings_screen:
            return
        if not self._is_admin():
            if self.user is None:
                text = self.tr("Entre con un usuario administrador para cambiar los ajustes.")
            else:
                text = self.tr("Solo un administrador puede cambiar los ajustes de la caja.")
            self._refuse(text)
            return
        if self.settings_service is None:
            self._refuse(self.tr("Esta ventana no puede cambiar los ajustes (no sabe dónde está settings.toml)."))
            return
        if current is self.counter and self.counter.busy:
            return
        if self.settings_screen is None:
            from ui.settings_screen import SettingsScreen

            self.settings_screen = SettingsScreen(self.services, self.worker, self.settings_service)
            self.settings_screen.back.connect(self._settings_closed)
            self.stack.addWidget(self.settings_screen)
        self._before_settings = self.counter if current is self.cash_menu else current
        self.stack.setCurrentWidget(self.settings_screen)
        assert self.user is not None
        self.settings_screen.start(self.user)

    def _refuse(self, text: str) -> None:
        current = self.stack.currentWidget()
        if current is self.cash_menu:
            self.cash_menu.notice.show_text(text)
            restyle(self.cash_menu.notice, "inlineError")
        else:
            self.show_error(text)

    def _settings_closed(self) -> None:
        back = self._before_settings
        self._before_settings = None
        if back is self.open_shift and self.user is not None:
            self.stack.setCurrentWidget(self.open_shift)
            self.open_shift.count_edits[0].setFocus()
        elif back is self.counter and self.session is not None:
            self.back_to_counter()
        elif self.session is not None:
            self.back_to_counter()
        else:
            self.show_login()

    def open_central_office(self, user: User) -> None:
        """A user with the central role works at the Central office desk, not at the counter."""
        url = self.services.settings.central_url.strip()
        token = os.environ.get(CENTRAL_TOKEN_ENV, "").strip()
        self.show_login()
        if not url or not token:
            if not url and not token:
                text = self.tr("No se puede abrir la oficina central: falta la dirección de la central (central_url, en "
                               "Ajustes) y la clave de la oficina (VENTANILLA_ADMIN_TOKEN al abrir Ventanilla).")
            elif not url:
                text = self.tr("No se puede abrir la oficina central: falta la dirección de la central (central_url); "
                               "un administrador la escribe en Ajustes.")
            else:
                text = self.tr("No se puede abrir la oficina central: falta su clave. Abra Ventanilla con la variable "
                               "de entorno VENTANILLA_ADMIN_TOKEN.")
            self.login.error.show_text(text)
            return
        factory = self.central_office_factory
        if factory is None:
            from ui.central_office.app import build_window as factory
        try:
            window = factory(url, token, user=user.user_id)
        except Exception as e:  # noqa: BLE001 - a plain sentence, never a trace
            self.login.error.show_text(describe(e).text)
            return
        if self.central_office_window is not None:
            self.central_office_window.close()
        self.central_office_window = window
        window.resize(1280, 800)
        window.show()
        start = getattr(window, "start", None)
        if start is not None:
            start()
        self.login.error.show_text(
            self.tr("La oficina central se abrió en otra ventana para {name}.").format(name=user.name))
        restyle(self.login.error, "notice")

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
        elif current is self.close_shift:
            self.close_shift.count_error.show_text(text)
        elif self.settings_screen is not None and current is self.settings_screen:
            self.settings_screen.say(text)
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
