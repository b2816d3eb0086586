"""Counting cash by denomination: bills on the left, coins on the right.

Used for the opening float and for the blind count at close.  The table
comes from ``ShiftService.denominations(currency)``
(resources/denominations/denominations.toml).  A count is typed per row;
Enter moves down the bills, then down the coins; Enter on the last row
emits ``finished``.  Blank counts as zero.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QWidget

from app.domain.money import minor_units
from ui.formatting import Formats
from ui.widgets import label


def denomination_text(formats: Formats, minor: int, currency: str) -> str:
    """``RD$ 2,000`` for a bill, ``S/ 0.50`` for a coin with cents."""
    unit = 10 ** minor_units(currency)
    return formats.whole(minor // unit) if minor % unit == 0 else formats.minor(minor)


class DenominationCount(QWidget):
    changed = Signal(int)  # total in minor units
    finished = Signal()

    def __init__(self, denominations, formats: Formats, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formats, self.currency = formats, currency
        self.denominations = list(denominations)  # app.domain.shifts.Denomination: minor, kind, label
        self.count_edits: list[QLineEdit] = []
        self.subtotals = []
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        for kind, title in (("bill", self.tr("Billetes")), ("coin", self.tr("Monedas"))):
            rows = [d for d in self.denominations if d.kind == kind]
            if not rows:
                continue
            grid = QGridLayout()
            grid.setVerticalSpacing(4)
            grid.addWidget(label(title, "fieldLabel"), 0, 0)
            grid.addWidget(label(self.tr("Cantidad"), "fieldLabel"), 0, 1)
            grid.addWidget(label(self.tr("Subtotal"), "fieldLabel"), 0, 2, Qt.AlignmentFlag.AlignRight)
            for r, d in enumerate(rows, start=1):
                edit = QLineEdit()
                edit.setObjectName(f"count_{d.kind}_{d.minor}")
                # blank counts as zero: a validator that calls "" intermediate would swallow Enter
                edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,5}"), edit))
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.setMaximumWidth(130)
                edit.textChanged.connect(self._recount)
                sub = label("", "")
                sub.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(label(denomination_text(formats, d.minor, currency)), r, 0)
                grid.addWidget(edit, r, 1)
                grid.addWidget(sub, r, 2)
                self.count_edits.append(edit)
                self.subtotals.append(sub)
            grid.setColumnStretch(0, 2)
            grid.setColumnStretch(2, 2)
            grid.setRowStretch(len(rows) + 1, 1)
            columns.addLayout(grid, 1)
            if kind == "bill":
                columns.addSpacing(24)
        # bills first, then coins, in the order the edits were made
        self._order = [d for kind in ("bill", "coin") for d in self.denominations if d.kind == kind]
        for i, edit in enumerate(self.count_edits):
            edit.returnPressed.connect(lambda i=i: self._next(i))

    def clear(self) -> None:
        for e in self.count_edits:
            e.clear()

    def set_enabled(self, enabled: bool) -> None:
        for e in self.count_edits:
            e.setEnabled(enabled)

    def focus_first(self) -> None:
        if self.count_edits:
            self.count_edits[0].setFocus()
            self.count_edits[0].selectAll()

    def counts(self) -> dict[int, int]:
        """Minor units → pieces, as the shift service takes them (a bill and a coin of one value add up)."""
        out: dict[int, int] = {}
        for d, e in zip(self._order, self.count_edits):
            text = e.text().strip()
            if text and int(text):
                out[d.minor] = out.get(d.minor, 0) + int(text)
        return out

    def total_minor(self) -> int:
        return sum(m * c for m, c in self.counts().items())

    def _recount(self) -> None:
        for d, e, sub in zip(self._order, self.count_edits, self.subtotals):
            text = e.text().strip()
            n = int(text) if text.isascii() and text.isdigit() else 0
            sub.setText(self.formats.minor(d.minor * n) if n else "")
        self.changed.emit(self.total_minor())

    def _next(self, i: int) -> None:
        if i + 1 < len(self.count_edits):
            self.count_edits[i + 1].setFocus()
            self.count_edits[i + 1].selectAll()
        else:
            self.finished.emit()
