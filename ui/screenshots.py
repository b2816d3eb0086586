"""Render every screen offscreen with demo data: ``python -m ui.screenshots OUT_DIR``.

Uses a fresh demo store in a temporary folder (cheap PIN hashing), drives the
real widgets with real keystrokes, and saves PNGs at 1024×768 and 1920×1080.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SIZES = ((1024, 768), (1920, 1080))


def _wait(predicate, timeout_ms: int = 5000) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not predicate():
        if timer.elapsed() > timeout_ms:
            raise TimeoutError("la pantalla no llegó al estado esperado")
        QCoreApplication.processEvents()
        QTest.qWait(10)


def _type(widget, text: str, enter: bool = True) -> None:
    QTest.keyClicks(widget, text)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


class _PaperOutPrinter:
    """A printer out of paper that keeps what it could not print, as EscposPrinter's spool does."""

    configured = True

    def __init__(self, spool) -> None:
        self.spool = spool

    def print_receipt(self, receipt) -> None:
        from app.services.ports import PrinterFault

        message = "La impresora no tiene papel: cargue un rollo nuevo y reintente."
        self.spool.hold(receipt, "paper_out", message)
        raise PrinterFault("paper_out", message)

    def print_layout(self, layout) -> None:
        from app.services.ports import PrinterFault

        raise PrinterFault("paper_out", "La impresora no tiene papel: cargue un rollo nuevo y reintente.")

    def open_drawer(self) -> None:
        return None


def _with_dialog(window, dialog):
    """The window with its (separate top-level) dialog drawn centred on it, as the cashier sees it."""
    from PySide6.QtGui import QPainter

    pixmap = window.grab()
    shot = dialog.grab()
    painter = QPainter(pixmap)
    painter.fillRect(pixmap.rect(), Qt.GlobalColor.transparent)
    x = (pixmap.width() - shot.width()) // 2
    y = (pixmap.height() - shot.height()) // 3
    painter.drawPixmap(x, y, shot)
    painter.setPen(Qt.GlobalColor.darkGray)
    painter.drawRect(x, y, shot.width() - 1, shot.height() - 1)
    painter.end()
    return pixmap


def render(out_dir: Path, language: str = "es") -> list[Path]:
    from app.domain.barcodes import build_gs1
    from printing.spool import ReceiptSpool
    from app.services.auth import Argon2PinHasher
    from ui import i18n
    from ui.app import build_window
    from ventanilla.bootstrap import build_terminal
    from ventanilla.cli import seed_demo
    from ventanilla.paths import resolve

    app = QApplication.instance() or QApplication([])
    i18n.install(app, language)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        seed_demo(resolve(tmp), 400, 1)
        terminal = build_terminal(resolve(tmp), hasher=Argon2PinHasher.cheap())
        terminal.auth.add_user("cajero", "María Pérez", "cashier", "1234")
        terminal.auth.add_user("cajero2", "Pedro Almonte", "cashier", "1234")
        terminal.auth.add_user("super", "Sonia Supervisora", "supervisor", "4321")
        terminal.auth.add_user("cajero3", "Luis Tavárez", "cashier", "1234")
        terminal.auth.add_user("cajero4", "Rosa Guzmán", "cashier", "1234")
        try:
            for w, h in SIZES:
                window = build_window(terminal, _PaperOutPrinter(ReceiptSpool(Path(tmp) / f"spool-{w}")))
                window.resize(w, h)
                window.show()
                _wait(lambda: window.isVisible())

                def shot(name: str, dialog=None) -> None:
                    QTest.qWait(30)
                    path = out_dir / f"{name}-{w}x{h}.png"
                    (_with_dialog(window, dialog) if dialog is not None else window.grab()).save(str(path))
                    written.append(path)

                shot("01-login")
                _type(window.login.user_edit, "cajero" if w < 1920 else "cajero2")
                _type(window.login.pin_edit, "1234")
                _wait(lambda: window.stack.currentWidget() is not window.login)
                if window.stack.currentWidget() is window.open_shift:
                    edits = window.open_shift.count_edits
                    for edit, count in zip(edits, ("", "2", "4", "5", "10", "10", "", "20", "20", "")):
                        _type(edit, count)
                    shot("02-open-shift")
                    QTest.keyClick(window.open_shift.open_button, Qt.Key.Key_Return)
                _wait(lambda: window.stack.currentWidget() is window.counter)
                c = window.counter
                _type(c.search, "garcia")
                _wait(lambda: c.results.rowCount() > 1)
                QTest.keyClick(c.search, Qt.Key.Key_Down)
                shot("03-counter-name-search")
                account = "1000000008" if w < 1920 else "1000000012"
                _type(c.search, build_gs1("7709998000018", account, None, 2, None, gs=""))
                _wait(lambda: c.view is not None and c.view.account.account_id == account)
                QTest.keyClick(c.search, Qt.Key.Key_F2)
                QTest.keyClicks(c.received_edit, "5000")
                shot("04-counter-cash")
                QTest.keyClick(c.received_edit, Qt.Key.Key_Return)
                _wait(lambda: c.last_payment is not None)
                _wait(lambda: not window.receipts.busy)
                shot("05-counter-change")
                # a second payment, then void the first one from the F8 list
                _type(c.search, "1000000004" if w < 1920 else "1000000016")
                _wait(lambda: c.view is not None)
                QTest.keyClick(c.search, Qt.Key.Key_F2)
                QTest.keyClick(c.received_edit, Qt.Key.Key_Return)
                _wait(lambda: c.shift_payments.rowCount() == 2 and not window.receipts.busy)
                QTest.keyClick(c.search, Qt.Key.Key_F8)
                QTest.keyClick(c.shift_view, Qt.Key.Key_Down)
                QTest.keyClick(c.shift_view, Qt.Key.Key_Delete)
                _wait(lambda: c.void_dialog is not None and c.void_dialog.isVisible())
                d = c.void_dialog
                _type(d.user_edit, "super")
                _type(d.pin_edit, "4321")
                d.reason_edit.setText("El cliente pagó la cuenta equivocada")  # keyClicks types ASCII only
                shot("06-void-approval", d)
                QTest.keyClick(d.reason_edit, Qt.Key.Key_Return)
                _wait(lambda: not d.isVisible())
                _wait(lambda: not window.receipts.busy)
                shot("07-void-done")
                # the Caja menu, a drop approved by the supervisor
                QTest.keyClick(c.search, Qt.Key.Key_F10)
                _wait(lambda: window.stack.currentWidget() is window.cash_menu)
                shot("08-cash-menu")
                QTest.keyClick(window.cash_menu.buttons["drop"], Qt.Key.Key_1)
                _wait(lambda: window.movement_dialog is not None and window.movement_dialog.isVisible())
                d = window.movement_dialog
                _type(d.amount_edit, "2000")
                _type(d.user_edit, "super")
                QTest.keyClicks(d.pin_edit, "4321")
                shot("09-drop-approval", d)
                QTest.keyClick(d.pin_edit, Qt.Key.Key_Return)
                _wait(lambda: not d.isVisible())
                _wait(lambda: not window.receipts.busy)
                # X report
                QTest.keyClick(c.search, Qt.Key.Key_F10)
                QTest.keyClick(window.cash_menu.buttons["drop"], Qt.Key.Key_3)
                _wait(lambda: window.x_report.report is not None)
                shot("10-x-report")
                QTest.keyClick(window.x_report.view, Qt.Key.Key_Escape)
                # receipts the printer held
                QTest.keyClick(c.search, Qt.Key.Key_F10)
                QTest.keyClick(window.cash_menu.buttons["drop"], Qt.Key.Key_5)
                _wait(lambda: window.held.model.rowCount() > 0)
                shot("11-held-receipts")
                QTest.keyClick(window.held.view, Qt.Key.Key_Escape)
                # close: blind count, short beyond tolerance, recount, supervisor approves
                QTest.keyClick(c.search, Qt.Key.Key_F10)
                QTest.keyClick(window.cash_menu.buttons["drop"], Qt.Key.Key_6)
                cs = window.close_shift
                _wait(lambda: window.stack.currentWidget() is cs)
                for edit, count in zip(cs.count.count_edits, ("", "3", "2", "5", "10", "10", "", "20", "20", "")):
                    _type(edit, count)
                _type(cs.cheque_count, "")
                _type(cs.cheque_total, "")
                shot("12-close-blind-count")
                QTest.keyClick(cs.card_total, Qt.Key.Key_Return)
                QTest.keyClick(cs.submit_button, Qt.Key.Key_Return)
                _wait(lambda: cs.outcome is not None)
                shot("13-close-recount")
                QTest.keyClick(cs.result_button, Qt.Key.Key_Return)
                QTest.keyClick(cs.submit_button, Qt.Key.Key_Return)
                _wait(lambda: cs.outcome.status == "needs_approval")
                QTest.keyClick(cs.result_button, Qt.Key.Key_Return)
                _wait(lambda: cs.dialog is not None and cs.dialog.isVisible())
                _type(cs.dialog.user_edit, "super")
                _type(cs.dialog.pin_edit, "4321")
                cs.dialog.reason_edit.setText("Billete de RD$ 500 pagado de más en el recibo 2")
                shot("14-close-approval", cs.dialog)
                QTest.keyClick(cs.dialog.reason_edit, Qt.Key.Key_Return)
                _wait(lambda: cs.outcome.status == "closed")
                _wait(lambda: not window.receipts.busy)
                shot("15-close-closed")
                window.close()
                window.deleteLater()
                _tender_screens(terminal, w, h, out_dir, written, "cajero3" if w < 1920 else "cajero4")
        finally:
            terminal.close()
    from ui.settings_screenshots import render as render_settings  # the admin's screen, on a store of its own

    written += render_settings(out_dir, language)
    return written


def _find_account(terminal, wanted, start: int = 1):
    """The first demo account (any biller) that ``wanted(view)`` accepts."""
    for n in range(start, 400):
        for digit in "1234":
            try:
                view = terminal.counter.lookup_account(f"{digit}{n:09d}")
            except Exception:
                continue
            if wanted(view):
                return view
    raise LookupError("no demo account fits")


def _tender_screens(terminal, w: int, h: int, out_dir: Path, written: list[Path], user: str) -> None:
    """Cheque, split tender (card + cash) and a supervisor's override, by another cashier."""
    from app.domain.accounts import AccountStatus
    from ui.app import build_window

    window = build_window(terminal, None)
    window.resize(w, h)
    window.show()
    _wait(lambda: window.isVisible())

    def shot(name: str, dialog=None) -> None:
        QTest.qWait(30)
        path = out_dir / f"{name}-{w}x{h}.png"
        (_with_dialog(window, dialog) if dialog is not None else window.grab()).save(str(path))
        written.append(path)

    def settle() -> None:
        QTest.qWait(400)  # the live policy check answers after a short pause
        _wait(lambda: window.worker.pending == 0)

    _type(window.login.user_edit, user)
    _type(window.login.pin_edit, "1234")
    _wait(lambda: window.stack.currentWidget() is not window.login)
    if window.stack.currentWidget() is window.open_shift:
        _type(window.open_shift.count_edits[1], "5")
        QTest.keyClick(window.open_shift.open_button, Qt.Key.Key_Return)
    _wait(lambda: window.stack.currentWidget() is window.counter)
    c = window.counter
    active = AccountStatus.ACTIVE
    offset = 1 if w < 1920 else 120
    small = 2_000_000  # what the default policy takes offline without a supervisor
    business = _find_account(terminal, lambda v: str(v.account.segment) == "business" and v.account.status == active
                             and 10_000 < v.balance.to_minor() <= small and v.account.biller_id != "LUZ", offset)
    _type(c.search, business.account.account_id)
    _wait(lambda: c.view is not None and c.view.account.account_id == business.account.account_id)
    QTest.keyClick(c.search, Qt.Key.Key_F3)
    form = c.cheque_form
    QTest.keyClicks(form.inputs["bank_code"], "POPULAR")
    QTest.keyClick(form.inputs["bank_code"], Qt.Key.Key_Return)
    _type(form.inputs["number"], "1234")
    _type(form.inputs["account_number"], "0012004455")
    _type(form.inputs["issue_date"], "")
    form.inputs["drawer_name"].setText("Ferretería Ozama SRL")
    QTest.keyClick(form.inputs["drawer_name"], Qt.Key.Key_Return)
    settle()
    shot("16-cheque-form")
    QTest.keyClick(c.search, Qt.Key.Key_Escape)
    QTest.keyClick(c.search, Qt.Key.Key_Escape)

    residential = _find_account(terminal, lambda v: str(v.account.segment) == "residential" and v.account.status == active
                                and 30_000 < v.balance.to_minor() <= small and v.account.biller_id == "AGUA", offset)
    _type(c.search, residential.account.account_id)
    _wait(lambda: c.view is not None and c.view.account.account_id == residential.account.account_id)
    QTest.keyClick(c.search, Qt.Key.Key_F3)
    settle()
    shot("17-cheque-refused-residential")
    QTest.keyClick(c.search, Qt.Key.Key_Escape)
    QTest.keyClick(c.search, Qt.Key.Key_F5)
    QTest.keyClick(c.split_view, Qt.Key.Key_F4)
    card = c.card_form
    part = residential.balance.to_minor() // 200  # half, in whole pesos
    _type(card.inputs["amount"], str(part))
    QTest.keyClicks(card.inputs["brand"], "visa")
    QTest.keyClick(card.inputs["brand"], Qt.Key.Key_Return)
    _type(card.inputs["last4"], "4242")
    _type(card.inputs["auth_code"], "A1B2C3")
    _type(card.inputs["terminal_ref"], "POS-07")
    QTest.keyClick(c.split_view, Qt.Key.Key_F2)
    QTest.keyClicks(c.received_edit, str((residential.balance.to_minor() // 100 - part) // 100 * 100 + 100))
    settle()
    shot("18-split-card-cash")
    QTest.keyClick(c.received_edit, Qt.Key.Key_Return)
    _wait(lambda: c.view is None and not c.busy)
    _wait(lambda: not window.receipts.busy)
    shot("19-split-paid")

    luz = _find_account(terminal, lambda v: v.account.biller_id == "LUZ" and v.account.status == active
                        and 100_000 < v.balance.to_minor() <= small, offset)
    _type(c.search, luz.account.account_id)
    _wait(lambda: c.view is not None and c.view.account.account_id == luz.account.account_id)
    QTest.keyClick(c.search, Qt.Key.Key_F6)
    _type(c.amount_edit, "500")
    settle()
    shot("20-abono-needs-supervisor")
    QTest.keyClick(c.received_edit, Qt.Key.Key_Return)
    _wait(lambda: c.approval_dialog is not None and c.approval_dialog.isVisible())
    d = c.approval_dialog
    _type(d.user_edit, "super")
    _type(d.pin_edit, "4321")
    d.reason_edit.setText("Cliente sin fondos: abono acordado con gerencia")
    shot("21-override-approval", d)
    QTest.keyClick(d.reason_edit, Qt.Key.Key_Return)
    _wait(lambda: not d.isVisible())
    _wait(lambda: not window.receipts.busy and window.worker.pending == 0)
    window.close()
    window.deleteLater()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots")
    for p in render(out, args[1] if len(args) > 1 else "es"):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
