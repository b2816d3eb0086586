"""Table models for the counter, tested without widgets.

Each model has column constants and a ``set_rows()``; the widgets only
choose which model to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.accounts import AccountStatus, AccountView, OpenDocument
from app.domain.money import Money
from ui.formatting import Formats

Index = QModelIndex | QPersistentModelIndex
PAST_DUE = QColor("#a40000")
JUDICIAL = QColor("#a40000")


def status_label(status: AccountStatus) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        AccountStatus.ACTIVE: QCoreApplication.translate("labels", "Vigente"),
        AccountStatus.AGREEMENT: QCoreApplication.translate("labels", "Acuerdo de pago"),
        AccountStatus.JUDICIAL: QCoreApplication.translate("labels", "Cobranza judicial"),
        AccountStatus.WRITTEN_OFF: QCoreApplication.translate("labels", "Castigada"),
    }
    return labels.get(status, str(status))


class ResultsModel(QAbstractTableModel):
    """Accounts found by a name, national id or account search."""

    ACCOUNT, NAME, BILLER, BALANCE, STATUS = range(5)
    COLUMNS = 5

    def __init__(self, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self._rows: list[AccountView] = []

    def set_rows(self, views: Iterable[AccountView]) -> None:
        self.beginResetModel()
        self._rows = list(views)
        self.endResetModel()

    def view_at(self, row: int) -> AccountView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            self.ACCOUNT: self.tr("Cuenta"),
            self.NAME: self.tr("Nombre"),
            self.BILLER: self.tr("Empresa"),
            self.BALANCE: self.tr("Saldo"),
            self.STATUS: self.tr("Estado"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        v, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.ACCOUNT:
                return v.account.account_id
            if col == self.NAME:
                return v.account.name
            if col == self.BILLER:
                return v.biller.name
            if col == self.BALANCE:
                return self.formats.money(v.balance)
            if col == self.STATUS:
                return status_label(v.account.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.BALANCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS and v.account.status == AccountStatus.JUDICIAL:
            return QBrush(JUDICIAL)
        return None


class DocumentsModel(QAbstractTableModel):
    """An account's open documents, oldest due date first, each one selectable.

    All are selected when the account is shown: the everyday payment is the
    whole balance, applied oldest first.
    """

    SELECTED, DOCUMENT, DUE, DAYS_PAST_DUE, OUTSTANDING = range(5)
    COLUMNS = 5

    def __init__(self, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self._rows: list[OpenDocument] = []
        self._selected: list[bool] = []
        self._today = date.today()

    # --- rows ------------------------------------------------------------------
    def set_rows(self, documents: Iterable[OpenDocument], today: date, selected: Iterable[str] | None = None) -> None:
        """Show ``documents`` (open ones only), oldest first; ``selected`` ids, or all when None."""
        self.beginResetModel()
        self._today = today
        self._rows = sorted(
            (d for d in documents if d.outstanding.amount > 0),
            key=lambda d: (d.due_date, d.issue_date, d.document_id),
        )
        wanted = None if selected is None else set(selected)
        self._selected = [wanted is None or d.document_id in wanted for d in self._rows]
        self.endResetModel()

    def document_at(self, row: int) -> OpenDocument | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self._selected[row] = not self._selected[row]
            first, last = self.index(row, 0), self.index(row, self.COLUMNS - 1)
            self.dataChanged.emit(first, last)

    def selected_ids(self) -> tuple[str, ...]:
        return tuple(d.document_id for d, s in zip(self._rows, self._selected) if s)

    def all_selected(self) -> bool:
        return all(self._selected)

    def selected_total(self, currency: str) -> Money:
        total = Money.zero(currency)
        for d, s in zip(self._rows, self._selected):
            if s:
                total = total + d.outstanding
        return total

    # --- Qt --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            self.SELECTED: self.tr("Pagar"),
            self.DOCUMENT: self.tr("Documento"),
            self.DUE: self.tr("Vence"),
            self.DAYS_PAST_DUE: self.tr("Días vencida"),
            self.OUTSTANDING: self.tr("Pendiente"),
        }.get(section)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == self.SELECTED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d, col = self._rows[index.row()], index.column()
        late = d.days_past_due(self._today)
        if role == Qt.ItemDataRole.CheckStateRole and col == self.SELECTED:
            return Qt.CheckState.Checked if self._selected[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DOCUMENT:
                return d.document_id
            if col == self.DUE:
                return self.formats.day(d.due_date)
            if col == self.DAYS_PAST_DUE:
                return str(late) if late else self.tr("al día")
            if col == self.OUTSTANDING:
                return self.formats.money(d.outstanding)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.DAYS_PAST_DUE, self.OUTSTANDING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.DAYS_PAST_DUE and late > 0:
            return QBrush(PAST_DUE)
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == self.SELECTED:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if self._selected[index.row()] != checked:
                self.toggle(index.row())
            return True
        return False


def documents_total(documents: Sequence[OpenDocument], currency: str) -> Money:
    total = Money.zero(currency)
    for d in documents:
        total = total + d.outstanding
    return total


class ShiftPaymentsModel(QAbstractTableModel):
    """Receipts taken in this shift, newest first (for reprinting any of them)."""

    RECEIPT, TIME, ACCOUNT, NAME, AMOUNT, CHANGE = range(6)
    COLUMNS = 6

    def __init__(self, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self._rows: list = []  # PaymentRecord

    def set_rows(self, payments: Iterable) -> None:
        self.beginResetModel()
        self._rows = sorted(payments, key=lambda p: p.receipt_no, reverse=True)
        self.endResetModel()

    def add(self, payment) -> None:
        self.set_rows([payment, *(p for p in self._rows if p.receipt_no != payment.receipt_no)])

    def payment_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            self.RECEIPT: self.tr("Recibo"),
            self.TIME: self.tr("Hora"),
            self.ACCOUNT: self.tr("Cuenta"),
            self.NAME: self.tr("Nombre"),
            self.AMOUNT: self.tr("Pagado"),
            self.CHANGE: self.tr("Vuelto"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.RECEIPT:
                return str(p.receipt_no)
            if col == self.TIME:
                return p.occurred_at.astimezone(self.formats.zone).strftime("%H:%M")
            if col == self.ACCOUNT:
                return p.account_id
            if col == self.NAME:
                return p.account_name
            # no currency sign: a narrow column of amounts in the outlet's one currency
            if col == self.AMOUNT:
                return self.formats.minor(p.amount_minor, sign=False)
            if col == self.CHANGE:
                change = sum(t.get("change", 0) or 0 for t in p.tenders if t["kind"] == "cash")
                return self.formats.minor(change, sign=False)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.RECEIPT, self.AMOUNT, self.CHANGE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
