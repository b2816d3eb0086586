"""Starting the desk: ``run(url, token)`` shows the Central office window.

What ``ventanilla central-office --url URL --token TOKEN`` calls; the token is
an admin token from ``ventanilla central add-admin-token`` (also read from
``VENTANILLA_ADMIN_TOKEN`` so it need not sit in the shell history).
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from ui.central_office.client import DeskClient
from ui.central_office.errors import sentence
from ui.central_office.window import CentralOfficeWindow

TOKEN_ENV = "VENTANILLA_ADMIN_TOKEN"


def build_window(url: str, token: str, *, user: str = "") -> CentralOfficeWindow:
    return CentralOfficeWindow(DeskClient(url, token), user=user)


def run(url: str, token: str | None = None, *, user: str = "", language: str = "es") -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Ventanilla — Oficina central")
    from ui import i18n

    translator = i18n.install(app, language)  # noqa: F841 - must outlive the window
    token = (token or os.environ.get(TOKEN_ENV, "")).strip()
    if not token:
        QMessageBox.critical(None, "Ventanilla", "Falta la clave de acceso de la oficina central (--token o VENTANILLA_ADMIN_TOKEN).")
        return 2
    window = build_window(url, token, user=user)
    previous = sys.excepthook

    def hook(kind, error, tb) -> None:  # noqa: ANN001
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        window.status_message(sentence(error), bad=True)

    sys.excepthook = hook
    window.resize(1280, 800)
    window.showMaximized()
    window.start()
    return app.exec()
