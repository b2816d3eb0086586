"""Small building blocks shared by the screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def label(text: str = "", name: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    w = QLabel(text, parent)
    if name:
        w.setObjectName(name)
    if wrap:
        w.setWordWrap(True)
    return w


class InlineMessage(QLabel):
    """A message that sits next to the field it concerns; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineError")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_text(self) -> None:
        self.show_text("")


def restyle(widget: QWidget, name: str) -> None:
    """Switch a widget to another style (objectName) and make Qt re-read the sheet."""
    if widget.objectName() != name:
        widget.setObjectName(name)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def give_back_window(dialog: QWidget) -> None:
    """A dialog closed: make its parent's window active again so the keys go back to the screen.

    Window managers usually do this; some platforms (kiosk set-ups, offscreen)
    leave no active window, and then no shortcut would answer.
    """
    parent = dialog.parentWidget()
    if parent is not None:
        parent.window().activateWindow()
