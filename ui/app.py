"""Starting the cashier application: ``run(paths)`` builds the terminal and shows the window."""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from ui import i18n
from ui.context import Services
from ui.errors import describe

log = logging.getLogger("ventanilla.ui")


def build_window(terminal: Any, printer: Any = None):
    from ui.main_window import MainWindow

    return MainWindow(Services.from_terminal(terminal, printer), settings_service=settings_service_for(terminal))


def settings_service_for(terminal: Any):
    """The admin's settings service for this terminal: settings.toml in its config dir, its store for the audit.

    The printer and display addresses are checked by printing/ (app/ does not import it).
    """
    paths = getattr(terminal, "paths", None)
    if paths is None:
        return None
    from app.services.settings_service import SettingsService

    def printer(url: str) -> None:
        from printing.urls import parse_printer_url

        parse_printer_url(url)

    def profile(name: str) -> None:
        from printing.profiles import get_profile

        get_profile(name)

    def display(url: str) -> None:
        from printing.display import CustomerDisplay

        CustomerDisplay(url)  # parses the address (and its mode); opens nothing

    return SettingsService(
        paths.settings, terminal.counter.uow, terminal.clock,
        extra_checks={"printer": printer, "printer_profile": profile, "display": display},
    )


def install_excepthook(window) -> None:
    """An exception no slot caught: log the trace, show one plain sentence."""
    previous = sys.excepthook

    def hook(kind, error, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        window.show_error(describe(error).text)

    sys.excepthook = hook


def _background_sync(service, on_status):
    from sync.loop import BackgroundSync

    return BackgroundSync(service, on_status=on_status)


def run(paths) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Ventanilla")
    from app.domain.errors import DomainError
    from ventanilla.bootstrap import build_terminal

    try:
        terminal = build_terminal(paths)
    except Exception as e:  # a plain sentence, never a trace, even before the window exists
        text = e.message if isinstance(e, DomainError) else describe(e).text
        QMessageBox.critical(None, "Ventanilla", text)
        return 1
    translator = i18n.install(app, terminal.settings.language)  # noqa: F841 - must outlive the window
    window = build_window(terminal)
    install_excepthook(window)
    window.start_sync(lambda on_status: _background_sync(window.services.sync_status, on_status))
    window.resize(1024, 768)
    window.showMaximized()
    try:
        return app.exec()
    finally:
        terminal.close()
