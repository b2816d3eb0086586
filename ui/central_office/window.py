"""The "Central office" main window: tabs over the desk's pages, one worker, one place to save.

Keys: F5 refreshes the page in view; Enter opens the chosen window; Esc goes
back from a window to the list; F6 assigns and F7 resolves the chosen
exception; Ctrl+Tab moves between tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QPushButton, QStackedWidget, QTabWidget, QWidget

from ui.central_office.client import DeskClient
from ui.central_office.dialogs import ActionDialog, AssignDialog, ResolveDialog
from ui.central_office.errors import sentence
from ui.central_office.pages import (
    ChequesPage, DepositsPage, ExceptionsPage, KpiPage, OverShortPage, Page, WindowDetailPage, WindowsPage,
)
from ui.theme import stylesheet
from ui.workers import Worker

EXTRA_STYLE = """
QTabBar::tab { padding: 6px 14px; font-weight: bold; }
QTabBar::tab:selected { background: #0b4f9c; color: white; }
QLabel#notice { color: #0a6b2b; }
QStatusBar QPushButton { color: white; background: #33414f; border: 1px solid #667; padding: 1px 8px; font-size: 13px; }
"""


def unique_path(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or ``name (2)`` when a file by that name is already there."""
    path = folder / name
    stem, suffix, n = path.stem, path.suffix, 2
    while path.exists():
        path = folder / f"{stem} ({n}){suffix}"
        n += 1
    return path


class CentralOfficeWindow(QMainWindow):
    def __init__(self, client: DeskClient, *, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.setWindowTitle(self.tr("Ventanilla — Oficina central"))
        self.setStyleSheet(stylesheet(0.85) + EXTRA_STYLE)
        self.worker = Worker(self)
        self.export_folder: Path | None = None
        self.last_saved: Path | None = None
        self.dialog: ActionDialog | None = None
        #: how the clerk picks a folder and a file; tests put a tmp dir here
        self.choose_folder: Callable[[], str | None] = self._ask_folder
        self.choose_file: Callable[[str, str], str | None] = self._ask_file

        self.windows_page = WindowsPage(self)
        self.detail_page = WindowDetailPage(self)
        self.windows_stack = QStackedWidget()
        self.windows_stack.addWidget(self.windows_page)
        self.windows_stack.addWidget(self.detail_page)
        self.exceptions_page = ExceptionsPage(self)
        self.deposits_page = DepositsPage(self)
        self.cheques_page = ChequesPage(self)
        self.over_short_page = OverShortPage(self)
        self.kpi_page = KpiPage(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.windows_stack, self.tr("Ventanas"))
        self.tabs.addTab(self.exceptions_page, self.tr("Excepciones"))
        self.tabs.addTab(self.deposits_page, self.tr("Depósitos"))
        self.tabs.addTab(self.cheques_page, self.tr("Cheques devueltos"))
        self.tabs.addTab(self.over_short_page, self.tr("Sobrantes y faltantes"))
        self.tabs.addTab(self.kpi_page, self.tr("Indicadores"))
        self.tabs.currentChanged.connect(lambda _: self._tab_shown())
        self.setCentralWidget(self.tabs)

        bar = self.statusBar()
        self.connection = QLabel(self.tr("Central: {url}").format(url=client.url))
        self.busy = QLabel("")
        self.message = QLabel("")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_button = QPushButton(self.tr("Carpeta para guardar: (elegir)"))
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.pick_folder)
        bar.addWidget(self.connection)
        bar.addWidget(self.message, 1)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.folder_button)
        self.worker.busy_changed.connect(lambda busy: self.busy.setText(self.tr("Consultando la central…") if busy else ""))
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh_current)

    # -- pages ---------------------------------------------------------------------

    def current_page(self) -> Page:
        widget = self.tabs.currentWidget()
        if widget is self.windows_stack:
            return self.windows_stack.currentWidget()  # type: ignore[return-value]
        return widget  # type: ignore[return-value]

    def _tab_shown(self) -> None:
        page = self.current_page()
        page.shown()

    def start(self) -> None:
        """First look: the windows list."""
        self.windows_page.shown()
        self.windows_page.table.setFocus()

    def refresh_current(self) -> None:
        self.current_page().refresh()

    def open_window(self, window_id: int) -> None:
        self.tabs.setCurrentWidget(self.windows_stack)
        self.windows_stack.setCurrentWidget(self.detail_page)
        self.detail_page.load(window_id)
        self.detail_page.checks_table.setFocus()

    def close_window_detail(self) -> None:
        if self.windows_stack.currentWidget() is not self.detail_page:
            return
        self.windows_stack.setCurrentWidget(self.windows_page)
        self.windows_page.refresh()
        self.windows_page.table.setFocus()

    # -- actions shared by pages -----------------------------------------------------

    def open_dialog(self, dialog: ActionDialog, on_done: Callable[[Any], None]) -> None:
        self.dialog = dialog
        dialog.done.connect(on_done)
        dialog.open()

    def assign_exception(self, case: dict[str, Any] | None, page: Page, after: Callable[[], None]) -> None:
        if not self._workable(case, page):
            return
        dialog = AssignDialog(case, self.user, self.client, self.worker, page)  # type: ignore[arg-type]
        self.open_dialog(dialog, lambda _: (page.tell(self.tr("Excepción N° {id} asignada.").format(id=case["id"])), after()))  # type: ignore[index]

    def resolve_exception(self, case: dict[str, Any] | None, page: Page, after: Callable[[], None]) -> None:
        if not self._workable(case, page):
            return
        dialog = ResolveDialog(case, self.client, self.worker, page)  # type: ignore[arg-type]
        self.open_dialog(dialog, lambda done: (page.tell(self.tr("Excepción N° {id} resuelta.").format(id=done.get("id"))), after()))

    def _workable(self, case: dict[str, Any] | None, page: Page) -> bool:
        if case is None:
            page.message.show_text(self.tr("Elija una excepción de la lista."))
            return False
        if case.get("status") == "resolved":
            page.message.show_text(self.tr("La excepción N° {id} ya está resuelta.").format(id=case.get("id")))
            return False
        page.message.clear_text()
        return True

    # -- saving files ------------------------------------------------------------------

    def _ask_folder(self) -> str | None:
        return QFileDialog.getExistingDirectory(self, self.tr("Carpeta donde guardar los CSV y PDF")) or None

    def _ask_file(self, caption: str, filters: str) -> str | None:
        return QFileDialog.getOpenFileName(self, caption, "", filters)[0] or None

    def pick_folder(self) -> bool:
        chosen = self.choose_folder()
        if not chosen:
            return False
        self.export_folder = Path(chosen)
        self.folder_button.setText(self.tr("Carpeta para guardar: {path}").format(path=self.export_folder))
        return True

    def save(self, name: str, fetch: Callable[[], bytes], page: Page) -> None:
        """Fetch the bytes and write them into the chosen folder, both off the GUI thread."""
        if self.export_folder is None and not self.pick_folder():
            return
        path = unique_path(self.export_folder, name)  # type: ignore[arg-type]

        def work() -> Path:
            data = fetch()
            path.write_bytes(data)
            return path

        def saved(p: Path) -> None:
            self.last_saved = p
            page.tell(self.tr("Guardado en {path}").format(path=p))

        page.message.clear_text()
        self.worker.submit(work, saved, page.fail)

    # -- status --------------------------------------------------------------------------

    def status_message(self, text: str, *, bad: bool = False) -> None:
        self.message.setText(text)
        self.message.setObjectName("statusBad" if bad else "statusGood")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def show_error(self, error: BaseException) -> None:
        self.status_message(sentence(error), bad=True)

    def closeEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        self.worker.wait(5000)
        super().closeEvent(event)
