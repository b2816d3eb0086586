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


def render(out_dir: Path, language: str = "es") -> list[Path]:
    from app.domain.barcodes import build_gs1
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
        try:
            for w, h in SIZES:
                window = build_window(terminal)
                window.resize(w, h)
                window.show()
                _wait(lambda: window.isVisible())

                def shot(name: str) -> None:
                    QTest.qWait(30)
                    path = out_dir / f"{name}-{w}x{h}.png"
                    window.grab().save(str(path))
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
                window.close()
                window.deleteLater()
        finally:
            terminal.close()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots")
    for p in render(out, args[1] if len(args) > 1 else "es"):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
