"""The admin's settings screen for docs/screenshots: ``python -m ui.settings_screenshots OUT_DIR [es|en]``.

``ui.screenshots`` calls :func:`render` too.  A store of its own (no demo
accounts are needed, and enrolment wants a terminal that has recorded
nothing); the printer test and central's answer are stand-ins so the pictures
do not depend on a printer or a central being there.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timezone
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


def _central_answer(url: str, code: str, name: str):
    from sync.client import Enrolment

    return Enrolment("AG001-T02", "AG001", "c2VjcmV0LWRlLWRlbW9zdHJhY2lvbg==", datetime.now(timezone.utc))


def render(out_dir: Path, language: str = "es", sizes=SIZES) -> list[Path]:
    from app.services.auth import Argon2PinHasher
    from ui import i18n
    from ui.app import build_window
    from ventanilla.bootstrap import build_terminal
    from ventanilla.paths import resolve

    app = QApplication.instance() or QApplication([])
    translator = i18n.install(app, language)  # noqa: F841 - must outlive the windows
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for w, h in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            paths = resolve(tmp)
            paths.settings.write_text(
                'terminal_name = "Caja 2"\nprinter = "tcp://192.168.1.50:9100"\n\n[outlet]\nname = "Estafeta Centro"\n'
                'agent_id = "AG001"\nagent_name = "Inversiones del Caribe SRL"\naddress = "Calle El Conde 105, Santo Domingo"\n',
                encoding="utf-8")
            terminal = build_terminal(paths, hasher=Argon2PinHasher.cheap())
            try:
                terminal.auth.add_user("admin", "Rita Almánzar", "admin", "9999")
                window = build_window(terminal, None)
                window.resize(w, h)
                window.show()
                _wait(window.isVisible)

                def shot(name: str) -> None:
                    QTest.qWait(30)
                    _wait(lambda: window.worker.pending == 0)
                    path = out_dir / f"{name}-{w}x{h}.png"
                    window.grab().save(str(path))
                    written.append(path)

                _type(window.login.user_edit, "admin")
                _type(window.login.pin_edit, "9999")
                _wait(lambda: window.stack.currentWidget() is window.open_shift)
                QTest.keyClick(window.open_shift.count_edits[0], Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
                _wait(lambda: window.settings_screen is not None and window.stack.currentWidget() is window.settings_screen)
                s = window.settings_screen
                s.test_printer = lambda url, profile, timeout: None  # the installer's printer answered
                s.enrol_remote = _central_answer
                s.inputs["printer"].setFocus()
                QTest.keyClick(s.inputs["printer"], Qt.Key.Key_F5)
                _wait(lambda: "printer" not in s.busy)
                s.inputs["central_url"].setText("https://central.example.com")
                s.inputs["enrolment_code"].setText("MPEY-2SZW-ZMK4-4PJ7")
                QTest.keyClick(s.inputs["enrolment_code"], Qt.Key.Key_F6)
                _wait(lambda: "enrol" not in s.busy)
                shot("22-settings")
                s.inputs["currency"].setFocus()
                s.inputs["currency"].setEditText("RD")
                s.inputs["cutoff"].setText("6 pm")
                QTest.keyClick(s.inputs["cutoff"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
                _wait(lambda: "save" not in s.busy)
                shot("23-settings-refused")
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
