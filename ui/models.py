"""Table models for the counter, tested without widgets.

Each model has column constants and a ``set_rows()``; the widgets only
choose which model to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

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



class RowsTableModel(QAbstractTableModel):
    """What every table here shares: rows in ``_rows``, ``COLUMNS`` columns, and
    the column titles from ``headers()`` (built on demand, so they follow the language)."""

    COLUMNS = 0
    _rows: list

    def headers(self) -> dict[int, str]:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.headers().get(section)

class ResultsModel(RowsTableModel):
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

    def headers(self) -> dict[int, str]:
        return {
            self.ACCOUNT: self.tr("Cuenta"),
            self.NAME: self.tr("Nombre"),
            self.BILLER: self.tr("Empresa"),
            self.BALANCE: self.tr("Saldo"),
            self.STATUS: self.tr("Estado"),
        }

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


class DocumentsModel(RowsTableModel):
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
    def headers(self) -> dict[int, str]:
        return {
            self.SELECTED: self.tr("Pagar"),
            self.DOCUMENT: self.tr("Documento"),
            self.DUE: self.tr("Vence"),
            self.DAYS_PAST_DUE: self.tr("Días vencida"),
            self.OUTSTANDING: self.tr("Pendiente"),
        }

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


class ShiftPaymentsModel(RowsTableModel):
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

    def mark_voided(self, payment_id: str) -> None:
        """The payment was voided: it stays in the list, marked and struck through."""
        from dataclasses import replace

        for r, p in enumerate(self._rows):
            if p.payment_id == payment_id:
                self._rows[r] = replace(p, status="voided")
                self.dataChanged.emit(self.index(r, 0), self.index(r, self.COLUMNS - 1))

    def headers(self) -> dict[int, str]:
        return {
            self.RECEIPT: self.tr("Recibo"),
            self.TIME: self.tr("Hora"),
            self.ACCOUNT: self.tr("Cuenta"),
            self.NAME: self.tr("Nombre"),
            self.AMOUNT: self.tr("Pagado"),
            self.CHANGE: self.tr("Vuelto"),
        }

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
                if p.status == "voided":
                    return self.tr("ANULADO · {name}").format(name=p.account_name)
                return p.account_name
            # no currency sign: a narrow column of amounts in the outlet's one currency
            if col == self.AMOUNT:
                return self.formats.minor(p.amount_minor, sign=False)
            if col == self.CHANGE:
                change = sum(t.get("change", 0) or 0 for t in p.tenders if t["kind"] == "cash")
                return self.formats.minor(change, sign=False)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.RECEIPT, self.AMOUNT, self.CHANGE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if p.status == "voided":
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#666666"))
            if role == Qt.ItemDataRole.FontRole and col in (self.AMOUNT, self.CHANGE):
                from PySide6.QtGui import QFont

                font = QFont()
                font.setStrikeOut(True)
                return font
        return None


TENDER_KINDS = ("cash", "cheque", "card")


def tender_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "cash": QCoreApplication.translate("labels", "Efectivo"),
        "cheque": QCoreApplication.translate("labels", "Cheques"),
        "card": QCoreApplication.translate("labels", "Tarjeta"),
    }.get(kind, kind)


class ReportLinesModel(RowsTableModel):
    """The X report on screen: one line per figure (concept, how many, amount)."""

    CONCEPT, COUNT, AMOUNT = range(3)
    COLUMNS = 3

    def __init__(self, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self._rows: list[tuple[str, int | None, int | None, bool]] = []  # concept, count, amount, heading

    def set_rows(self, rows: Iterable[tuple[str, int | None, int | None, bool]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_report(self, report) -> None:
        """From ``app.services.shifts.ShiftReport``: what came in, what went out, what the drawer should hold."""
        f = report.figures
        rows: list[tuple[str, int | None, int | None, bool]] = [
            (self.tr("Fondo de caja inicial"), None, f.opening_float, False),
            (self.tr("Cobrado en efectivo"), f.counts["cash"].count, f.counts["cash"].total, False),
            (self.tr("Cobrado con cheque"), f.counts["cheque"].count, f.counts["cheque"].total, False),
            (self.tr("Cobrado con tarjeta"), f.counts["card"].count, f.counts["card"].total, False),
            (self.tr("Anulaciones"), f.voids.count, -f.voids.total, False),
            (self.tr("Ingresos de fondo"), f.floats_in.count, f.floats_in.total, False),
            (self.tr("Retiros a caja fuerte"), f.drops.count, -f.drops.total, False),
            (self.tr("Esperado en caja"), None, None, True),
        ]
        rows += [(tender_label(k), None, f.expected[k], False) for k in TENDER_KINDS]
        self.set_rows(rows)

    def row(self, r: int):
        return self._rows[r] if 0 <= r < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {self.CONCEPT: self.tr("Concepto"), self.COUNT: self.tr("Cantidad"), self.AMOUNT: self.tr("Monto")}.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        concept, count, amount, heading = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CONCEPT:
                return concept
            if col == self.COUNT:
                return "" if count is None else str(count)
            if col == self.AMOUNT:
                return "" if amount is None else self.formats.minor(amount)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COUNT, self.AMOUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and heading:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


SHORT = QColor("#9b0000")
OVER = QColor("#8a4b00")


class CloseResultModel(RowsTableModel):
    """After the blind count: expected against counted per tender, and over/short."""

    TENDER, EXPECTED, COUNTED, DIFFERENCE, RESULT = range(5)
    COLUMNS = 5

    def __init__(self, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self._rows: list[tuple[str, int, int, int]] = []  # kind, expected, counted, difference

    def set_rows(self, rows: Iterable[tuple[str, int, int, int]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_report(self, report) -> None:
        expected = report.figures.expected
        counted = report.counted or {}
        diff = report.over_short or {k: counted.get(k, 0) - expected[k] for k in TENDER_KINDS}
        self.set_rows((k, expected[k], counted.get(k, 0), diff.get(k, 0)) for k in TENDER_KINDS)

    def clear(self) -> None:
        self.set_rows([])

    def row(self, r: int):
        return self._rows[r] if 0 <= r < len(self._rows) else None

    def result_text(self, diff: int) -> str:
        if diff > 0:
            return self.tr("sobrante")
        if diff < 0:
            return self.tr("faltante")
        return self.tr("cuadra")

    def headers(self) -> dict[int, str]:
        return {
            self.TENDER: self.tr("Medio"),
            self.EXPECTED: self.tr("Esperado"),
            self.COUNTED: self.tr("Contado"),
            self.DIFFERENCE: self.tr("Diferencia"),
            self.RESULT: self.tr("Resultado"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        kind, expected, counted, diff = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TENDER:
                return tender_label(kind)
            if col == self.EXPECTED:
                return self.formats.minor(expected)
            if col == self.COUNTED:
                return self.formats.minor(counted)
            if col == self.DIFFERENCE:
                return self.formats.minor(diff)
            if col == self.RESULT:
                return self.result_text(diff)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.EXPECTED, self.COUNTED, self.DIFFERENCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.DIFFERENCE, self.RESULT) and diff:
            return QBrush(SHORT if diff < 0 else OVER)
        return None


class HeldReceiptsModel(RowsTableModel):
    """Receipts the printer did not take (printing.spool.HeldReceipt), oldest receipt first."""

    RECEIPT, HELD_AT, NAME, PROBLEM, ATTEMPTS = range(5)
    COLUMNS = 5

    def __init__(self, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self._rows: list = []

    def set_rows(self, held: Iterable) -> None:
        self.beginResetModel()
        self._rows = sorted(held, key=lambda h: h.receipt_no)
        self.endResetModel()

    def held_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headers(self) -> dict[int, str]:
        return {
            self.RECEIPT: self.tr("Recibo"),
            self.HELD_AT: self.tr("Desde"),
            self.NAME: self.tr("Nombre"),
            self.PROBLEM: self.tr("Por qué no salió"),
            self.ATTEMPTS: self.tr("Intentos"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        h, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.RECEIPT:
                return str(h.receipt_no)
            if col == self.HELD_AT:
                try:
                    return self.formats.moment(datetime.fromisoformat(h.held_at))
                except (TypeError, ValueError):
                    return str(h.held_at)
            if col == self.NAME:
                return h.receipt.account_name
            if col == self.PROBLEM:
                return h.message
            if col == self.ATTEMPTS:
                return str(h.attempts)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.RECEIPT, self.ATTEMPTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SplitTendersModel(RowsTableModel):
    """The tenders of a split payment (F5), in the order the cashier added them."""

    NO, KIND, DETAIL, AMOUNT = range(4)
    COLUMNS = 4

    def __init__(self, formats: Formats, bank_names: dict[str, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self.bank_names = dict(bank_names or {})
        self._rows: list = []  # Tender

    def set_rows(self, tenders: Iterable) -> None:
        self.beginResetModel()
        self._rows = list(tenders)
        self.endResetModel()

    def tenders(self) -> tuple:
        return tuple(self._rows)

    def tender_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def total(self, currency: str) -> Money:
        total = Money.zero(currency)
        for t in self._rows:
            total = total + t.amount
        return total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {self.NO: "#", self.KIND: self.tr("Medio"), self.DETAIL: self.tr("Detalle"),
                self.AMOUNT: self.tr("Monto")}.get(section)

    def kind_label(self, kind: str) -> str:
        return {"cash": self.tr("Efectivo"), "cheque": self.tr("Cheque"), "card": self.tr("Tarjeta")}.get(kind, kind)

    def detail(self, t) -> str:
        if t.kind == "cash":
            return self.tr("recibido {received} · vuelto {change}").format(
                received=self.formats.money(t.received), change=self.formats.money(t.change))
        if t.kind == "cheque":
            return self.tr("{bank} · n.º {number} · {drawer}").format(
                bank=self.bank_names.get(t.bank_code, t.bank_code), number=t.number, drawer=t.drawer_name)
        return self.tr("{brand} ···· {last4} · aut. {auth}").format(
            brand=t.brand.capitalize(), last4=t.last4, auth=t.auth_code)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NO:
                return str(index.row() + 1)
            if col == self.KIND:
                return self.kind_label(t.kind)
            if col == self.DETAIL:
                return self.detail(t)
            if col == self.AMOUNT:
                return self.formats.money(t.amount)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
