"""A plain bar chart drawn with QPainter (QtCharts is not in PySide6-Essentials).

Bars start at zero, each carries its value, and the axis says what is
measured: a picture that reads faster than the table beside it, never one
that flatters it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#0b4f9c")
PEAK = QColor("#c05a00")
AXIS = QColor("#444444")
GRID = QColor("#d8dde3")


class BarChart(QWidget):
    """Vertical bars with their values; ``highlight`` marks one bar (the peak hour)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.values: list[float] = []
        self.value_text: Callable[[float], str] = lambda v: f"{v:,.0f}"
        self.highlight: int | None = None
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def set_data(self, labels: Sequence[str], values: Sequence[float], *, value_text: Callable[[float], str] | None = None,
                 highlight: int | None = None, empty_text: str = "") -> None:
        self.labels, self.values = list(labels), [max(0.0, float(v)) for v in values]
        if value_text is not None:
            self.value_text = value_text
        self.highlight, self.empty_text = highlight, empty_text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 - Qt's signature
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        base = QFont(self.font())
        title_font = QFont(base)
        title_font.setBold(True)
        small = QFont(base)
        small.setPixelSize(max(10, round(base.pixelSize() * 0.8)) if base.pixelSize() > 0 else 11)
        fm_title, fm = QFontMetrics(title_font), QFontMetrics(small)
        w, h = self.width(), self.height()
        p.setFont(title_font)
        p.setPen(AXIS)
        p.drawText(QRectF(8, 4, w - 16, fm_title.height()), Qt.AlignmentFlag.AlignLeft, self.title)
        top = 8 + fm_title.height() + fm.height() + 4  # room for the tallest bar's value
        bottom = h - fm.height() - 10
        left, right = 10, w - 10
        p.setFont(small)
        if not self.values or max(self.values) <= 0:
            p.setPen(AXIS)
            p.drawText(QRectF(left, top, right - left, bottom - top), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        peak = max(self.values)
        n = len(self.values)
        slot = (right - left) / n
        bar_w = max(2.0, slot * 0.7)
        p.setPen(QPen(GRID, 1))
        for frac in (0.25, 0.5, 0.75, 1.0):
            y = bottom - (bottom - top) * frac
            p.drawLine(int(left), int(y), int(right), int(y))
        p.setPen(QPen(AXIS, 2))
        p.drawLine(int(left), int(bottom), int(right), int(bottom))
        # labels that do not fit side by side are thinned out, never overlapped
        widest = max((fm.horizontalAdvance(t) for t in self.labels), default=0) + 6
        step = max(1, int(widest // slot) + (1 if widest > slot else 0))
        value_fits = max((fm.horizontalAdvance(self.value_text(v)) for v in self.values), default=0) + 2 <= slot
        for i, v in enumerate(self.values):
            x = left + slot * i + (slot - bar_w) / 2
            bar_h = (bottom - top) * (v / peak)
            p.fillRect(QRectF(x, bottom - bar_h, bar_w, bar_h), PEAK if i == self.highlight else BAR)
            p.setPen(AXIS)
            if v > 0 and (value_fits or i == self.highlight or v == peak):
                text = self.value_text(v)
                tw = fm.horizontalAdvance(text)
                tx = min(max(left, x + bar_w / 2 - tw / 2), right - tw)
                p.drawText(QRectF(tx, bottom - bar_h - fm.height() - 2, tw + 2, fm.height()), Qt.AlignmentFlag.AlignLeft, text)
            if i % step == 0 and i < len(self.labels):
                p.drawText(QRectF(left + slot * i - slot, bottom + 4, slot * 3, fm.height()), Qt.AlignmentFlag.AlignHCenter,
                           self.labels[i])
        p.end()
