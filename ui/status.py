"""The status bar: connection, items waiting to sync, printer, cashier and shift.

Sync state: the SyncService's ``status()`` (pending, oldest_pending,
last_sync, quarantined) is read off the GUI thread every few seconds, and
the background sender reports online/offline after each tick through
:class:`SyncBridge`.  A terminal not enrolled with a central says it works
without one, which is what it does.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from app.services.counter import CashierSession
from ui.context import Services
from ui.widgets import label, restyle
from ui.workers import Worker

REFRESH_MS = 5000


class SyncBridge(QObject):
    """``on_status`` for sync.loop.BackgroundSync: called on its thread, delivered on the GUI thread."""

    reported = Signal(object, bool, str)

    def __call__(self, status, online: bool, message: str) -> None:
        self.reported.emit(status, online, message)


class StatusPanel(QStatusBar):
    def __init__(self, services: Services, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.worker = services, worker
        self.setSizeGripEnabled(False)
        self.connection = label("", "statusBad")
        self.sync = label("", "")
        self.printer = label("", "")
        self.cashier = label("", "")
        for w in (self.connection, self.sync, self.printer):
            self.addWidget(w)
        self.addPermanentWidget(self.cashier)
        configured = getattr(services.printer, "configured", True)
        self.set_printer("ready" if configured else "not_configured", "")
        self._refreshing = False
        self._online: bool | None = None
        self._message = ""
        self._show_unenrolled()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        if services.sync_status is not None:
            self.connection.setText(self.tr("Conectando con la central…"))
            self.timer.start()
            self.refresh()

    def set_session(self, session: CashierSession | None, shift_opened_at: datetime | None = None) -> None:
        if session is None:
            self.cashier.setText(self.tr("Sin sesión"))
            return
        self.cashier.setText(
            self.tr("Cajero: {name} · turno abierto · {terminal}").format(
                name=session.user.name, terminal=self.services.settings.terminal_name
            )
        )

    def age_text(self, seconds: float) -> str:
        minutes = int(seconds // 60)
        if minutes < 1:
            return self.tr("menos de 1 min")
        if minutes < 60:
            return self.tr("{n} min").format(n=minutes)
        hours = minutes // 60
        if hours < 48:
            return self.tr("{n} h").format(n=hours)
        return self.tr("{n} días").format(n=hours // 24)

    def set_printer(self, code: str, text: str) -> None:
        words = {
            "ready": self.tr("Impresora: lista"),
            "printing": self.tr("Impresora: imprimiendo…"),
            "not_configured": self.tr("Impresora: no configurada"),
            "paper_out": self.tr("Impresora: sin papel"),
            "cover_open": self.tr("Impresora: tapa abierta"),
            "printer_offline": self.tr("Impresora: apagada o desconectada"),
            "printer_timeout": self.tr("Impresora: no responde"),
        }
        if code == "printer_offline" and not getattr(self.services.printer, "configured", True):
            code = "not_configured"
        self.printer.setText(words.get(code, self.tr("Impresora: con problemas")))
        self.printer.setToolTip(text)
        restyle(self.printer, "statusGood" if code in ("ready", "printing") else "statusBad")

    def refresh(self) -> None:
        """Read the outbox counters off the GUI thread (the loop reports between its ticks)."""
        service = self.services.sync_status
        if service is None or self._refreshing:
            return
        self._refreshing = True

        def done(status) -> None:
            self._refreshing = False
            self.show_sync(status, self._online, self._message)

        def failed(_error) -> None:
            self._refreshing = False

        self.worker.submit(service.status, done, failed)

    def show_sync(self, status, online: bool | None, message: str = "") -> None:
        """``status`` is app.services.sync.SyncStatus; ``online`` as the sender last saw it (None: not known yet)."""
        self._online, self._message = online, message
        if online is None:
            self.connection.setText(self.tr("Conectando con la central…"))
        else:
            self.connection.setText(self.tr("En línea") if online else self.tr("Sin conexión"))
        self.connection.setToolTip(message)
        restyle(self.connection, "statusGood" if online else "statusBad")
        pending = int(getattr(status, "pending", 0) or 0)
        oldest = getattr(status, "oldest_pending", None)
        last = getattr(status, "last_sync", None)
        quarantined = int(getattr(status, "quarantined", 0) or 0)
        now = self.services.clock.now()
        fmt = self.services.formats
        if pending and oldest is not None:
            text = self.tr("Por enviar: {n} (el más antiguo hace {age})").format(
                n=pending, age=self.age_text((now - oldest).total_seconds())
            )
        elif pending:
            text = self.tr("Por enviar: {n}").format(n=pending)
        else:
            text = self.tr("Todo enviado")
        if last is not None:
            text = self.tr("{sync} · último envío {when}").format(sync=text, when=fmt.moment(last))
        if quarantined:
            text = self.tr("{sync} · {n} en revisión").format(sync=text, n=quarantined)
        self.sync.setText(text)
        self.sync.show()

    def _show_unenrolled(self) -> None:
        self.connection.setText(self.tr("Sin central: cobrando sin conexión"))
        restyle(self.connection, "statusBad")
        self.sync.setText("")
        self.sync.hide()
