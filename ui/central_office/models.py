"""Table models of the central office desk, tested without widgets.

Each model has column constants and a ``set_rows()`` taking the API's rows
(dicts, amounts in minor units).  ``csv_text()`` writes what the table shows,
for tables the API has no CSV for.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.central_office import labels as L

Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]

GOOD = QColor("#0a6b2b")
BAD = QColor("#9b0000")
WAITING = QColor("#8a4b00")
SETTLED = QColor("#0b4f9c")
DIM = QColor("#555555")

STATUS_COLOURS = {"pass": GOOD, "fail": BAD, "pending": WAITING, "resolved": SETTLED}
STATE_COLOURS = {"OPEN": WAITING, "CLOSED": BAD, "RECONCILED": GOOD}
EXCEPTION_COLOURS = {"open": BAD, "assigned": WAITING, "resolved": GOOD}
#: a check status in a narrow column: a mark that reads at a glance, and the word beside it
STATUS_MARKS = {"pass": "✔", "fail": "✖", "pending": "…", "resolved": "✔"}


class RowsModel(QAbstractTableModel):
    """Rows of dicts shown through ``text()``; subclasses name their columns."""

    COLUMNS = 0
    #: columns whose cells are amounts or counts (right-aligned)
    NUMERIC: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    # what subclasses say
    def headers(self) -> list[str]:
        raise NotImplementedError

    def text(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def colour(self, row: Row, column: int) -> QColor | None:
        return None

    def tooltip(self, row: Row, column: int) -> str | None:
        return None

    # the model
    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, key: str, value: Any) -> int:
        for i, r in enumerate(self._rows):
            if r.get(key) == value:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        heads = self.headers()
        return heads[section] if 0 <= section < len(heads) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            c = self.colour(row, col)
            return QBrush(c) if c is not None else None
        if role == Qt.ItemDataRole.FontRole and self.colour(row, col) is not None:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, col)
        return None

    def csv_text(self) -> str:
        """The table as shown (headers and cells), as CSV a spreadsheet opens."""
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(self.headers())
        for r in self._rows:
            w.writerow([_safe_cell(self.text(r, c).replace("\u00a0", " ")) for c in range(self.COLUMNS)])
        return out.getvalue()


def _safe_cell(text: str) -> str:
    # a spreadsheet must not run a cell as a formula; a plain negative number stays a number
    if text[:1] in ("=", "+", "-", "@") and not _is_number(text.replace(",", "")):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def _status_text(status: str) -> str:
    return f"{STATUS_MARKS.get(status, '')} {L.check_status(status)}".strip()


class WindowsModel(RowsModel):
    """Settlement windows: agent, date, state, each check's result, open exceptions."""

    AGENT, DATE, STATE, COMPLETENESS, MANIFESTS, DRAWER_COUNTS, CASH_DEPOSITS, CHEQUE_DEPOSITS, CARD_SETTLEMENT, OPEN_EXCEPTIONS = range(10)
    COLUMNS = 10
    NUMERIC = frozenset({OPEN_EXCEPTIONS})
    CHECK_COLUMNS = dict(zip(range(COMPLETENESS, CARD_SETTLEMENT + 1), L.CHECKS))

    def headers(self) -> list[str]:
        return [self.tr("Agente"), self.tr("Fecha"), self.tr("Estado"), self.tr("Integridad"), self.tr("Manifiestos"),
                self.tr("Arqueos"), self.tr("Dep. efectivo"), self.tr("Dep. cheques"), self.tr("Tarjetas"),
                self.tr("Excepciones abiertas")]

    def text(self, row: Row, column: int) -> str:
        if column == self.AGENT:
            return str(row.get("agent_id", ""))
        if column == self.DATE:
            return L.day(row.get("business_date"))
        if column == self.STATE:
            return L.window_state(str(row.get("state", "")))
        if column in self.CHECK_COLUMNS:
            return _status_text(str(row.get(self.CHECK_COLUMNS[column]) or ""))
        if column == self.OPEN_EXCEPTIONS:
            return str(row.get("open_exceptions", 0))
        return ""

    def colour(self, row: Row, column: int) -> QColor | None:
        if column == self.STATE:
            return STATE_COLOURS.get(str(row.get("state")))
        if column in self.CHECK_COLUMNS:
            return STATUS_COLOURS.get(str(row.get(self.CHECK_COLUMNS[column]) or ""), DIM)
        if column == self.OPEN_EXCEPTIONS and row.get("open_exceptions"):
            return BAD
        return None

    def tooltip(self, row: Row, column: int) -> str | None:
        if column in self.CHECK_COLUMNS:
            return L.check_question(self.CHECK_COLUMNS[column])
        return None


class ChecksModel(RowsModel):
    """The six checks of one window with what was expected, what was found, and why."""

    CHECK, STATUS, EXPECTED, ACTUAL, DIFFERENCE, DETAIL = range(6)
    COLUMNS = 6
    NUMERIC = frozenset({EXPECTED, ACTUAL, DIFFERENCE})

    def headers(self) -> list[str]:
        return [self.tr("Control"), self.tr("Resultado"), self.tr("Esperado"), self.tr("Encontrado"), self.tr("Diferencia"),
                self.tr("Detalle")]

    @staticmethod
    def _figure(row: Row, value: Any) -> str:
        if value is None:
            return ""
        if row.get("name") == "completeness":
            return str(value)  # a count of items, not money
        return L.money(int(value), row.get("currency"))

    def text(self, row: Row, column: int) -> str:
        name = str(row.get("name", ""))
        if column == self.CHECK:
            return L.check_name(name)
        if column == self.STATUS:
            return _status_text(str(row.get("status", "")))
        if column == self.EXPECTED:
            return self._figure(row, row.get("expected"))
        if column == self.ACTUAL:
            return self._figure(row, row.get("actual"))
        if column == self.DIFFERENCE:
            e, a = row.get("expected"), row.get("actual")
            if e is None or a is None or e == a:
                return ""
            return self._figure(row, int(a) - int(e))
        if column == self.DETAIL:
            return L.check_detail(name, row.get("detail") or [], row.get("currency")).replace("\n", " · ")
        return ""

    def colour(self, row: Row, column: int) -> QColor | None:
        if column == self.STATUS:
            return STATUS_COLOURS.get(str(row.get("status")), DIM)
        if column == self.DIFFERENCE and self.text(row, column):
            return BAD
        return None

    def tooltip(self, row: Row, column: int) -> str | None:
        if column == self.CHECK:
            return L.check_question(str(row.get("name", "")))
        if column == self.DETAIL:
            return L.check_detail(str(row.get("name", "")), row.get("detail") or [], row.get("currency")) or None
        return None


class ExceptionsModel(RowsModel):
    """The exceptions queue."""

    ID, DATE, AGENT, TYPE, SOURCE, CASHIER, AMOUNT, STATUS, ASSIGNED_TO, RESOLUTION = range(10)
    COLUMNS = 10
    NUMERIC = frozenset({ID, AMOUNT})

    def headers(self) -> list[str]:
        return [self.tr("N°"), self.tr("Fecha"), self.tr("Agente"), self.tr("Tipo"), self.tr("Origen"), self.tr("Cajero"),
                self.tr("Monto"), self.tr("Estado"), self.tr("Asignada a"), self.tr("Resolución")]

    def text(self, row: Row, column: int) -> str:
        if column == self.ID:
            return str(row.get("id", ""))
        if column == self.DATE:
            return L.day(row.get("business_date"))
        if column == self.AGENT:
            return str(row.get("agent_id") or "")
        if column == self.TYPE:
            return L.exception_type(str(row.get("type", "")))
        if column == self.SOURCE:
            return L.source(str(row.get("source", "")))
        if column == self.CASHIER:
            return str(row.get("cashier_id") or "")
        if column == self.AMOUNT:
            if row.get("type") == "missing_items":
                return self.tr("{n} pagos").format(n=row.get("amount") or 0)  # a count, not money
            return L.money(row.get("amount"), row.get("currency"))
        if column == self.STATUS:
            return L.exception_status(str(row.get("status", "")))
        if column == self.ASSIGNED_TO:
            return str(row.get("assigned_to") or "")
        if column == self.RESOLUTION:
            return L.resolution(row.get("resolution"))
        return ""

    def colour(self, row: Row, column: int) -> QColor | None:
        if column == self.STATUS:
            return EXCEPTION_COLOURS.get(str(row.get("status")))
        if column == self.AMOUNT and row.get("type") != "missing_items" and (row.get("amount") or 0) < 0:
            return BAD
        return None

    def tooltip(self, row: Row, column: int) -> str | None:
        return str(row.get("detail") or "") or None


class HistoryModel(RowsModel):
    """An exception's history: its audit rows."""

    WHEN, WHO, WHAT, DETAIL = range(4)
    COLUMNS = 4

    def headers(self) -> list[str]:
        return [self.tr("Cuándo"), self.tr("Quién"), self.tr("Qué"), self.tr("Detalle")]

    def text(self, row: Row, column: int) -> str:
        if column == self.WHEN:
            return L.day(row.get("at"))
        if column == self.WHO:
            return str(row.get("actor", ""))
        if column == self.WHAT:
            return L.audit_action(str(row.get("action", "")))
        if column == self.DETAIL:
            d = row.get("detail") or {}
            if not isinstance(d, dict):
                return str(d)
            parts = []
            if d.get("assignee"):
                parts.append(self.tr("a {who}").format(who=d["assignee"]))
            if d.get("reason"):
                parts.append(self.tr("motivo: {reason}").format(reason=d["reason"]))
            if d.get("cashier_id") and d.get("amount") is not None:
                parts.append(self.tr("cargado a {cashier}: {amount}").format(cashier=d["cashier_id"], amount=d["amount"]))
            return "; ".join(parts)
        return ""


class DepositsModel(RowsModel):
    """Deposits: entered by hand, or lines of a bank statement."""

    ID, DATE, AGENT, TENDER, BANK, REFERENCE, AMOUNT, DECLARED, STATUS = range(9)
    COLUMNS = 9
    NUMERIC = frozenset({ID, AMOUNT, DECLARED})

    def headers(self) -> list[str]:
        return [self.tr("N°"), self.tr("Fecha de negocio"), self.tr("Agente"), self.tr("Medio"), self.tr("Banco"),
                self.tr("Referencia"), self.tr("Monto"), self.tr("Declarado"), self.tr("Estado")]

    def text(self, row: Row, column: int) -> str:
        if column == self.ID:
            return str(row.get("id", ""))
        if column == self.DATE:
            return L.day(row.get("business_date"))
        if column == self.AGENT:
            return str(row.get("agent_id") or "")
        if column == self.TENDER:
            return L.tender(str(row.get("tender", "")))
        if column == self.BANK:
            return str(row.get("bank") or "")
        if column == self.REFERENCE:
            return str(row.get("reference") or "")
        if column == self.AMOUNT:
            return L.money(row.get("amount"), row.get("currency"))
        if column == self.DECLARED:
            declared = row.get("declared_amount")
            return L.money(declared, row.get("currency")) if declared not in (None, row.get("amount")) else ""
        if column == self.STATUS:
            return L.deposit_status(str(row.get("status", "")))
        return ""

    def colour(self, row: Row, column: int) -> QColor | None:
        if column == self.STATUS:
            return {"unmatched": BAD, "declared": WAITING}.get(str(row.get("status")), GOOD)
        return None


class SettlementsModel(RowsModel):
    """Lines of the acquirer's card settlement files."""

    SETTLED_ON, AGENT, DATE, BRAND, LAST4, AUTH, AMOUNT, MATCHED = range(8)
    COLUMNS = 8
    NUMERIC = frozenset({AMOUNT})

    def headers(self) -> list[str]:
        return [self.tr("Liquidado el"), self.tr("Agente"), self.tr("Fecha de negocio"), self.tr("Marca"), self.tr("Últimos 4"),
                self.tr("Autorización"), self.tr("Monto"), self.tr("¿Con pago?")]

    def text(self, row: Row, column: int) -> str:
        if column == self.SETTLED_ON:
            return L.day(row.get("settled_on"))
        if column == self.AGENT:
            return str(row.get("agent_id") or "")
        if column == self.DATE:
            return L.day(row.get("business_date"))
        if column == self.BRAND:
            return str(row.get("brand") or "")
        if column == self.LAST4:
            return str(row.get("last4") or "")
        if column == self.AUTH:
            return str(row.get("auth_code") or "")
        if column == self.AMOUNT:
            return L.money(row.get("amount"), row.get("currency"))
        if column == self.MATCHED:
            return self.tr("Sí") if row.get("tender_id") is not None else self.tr("No")
        return ""

    def colour(self, row: Row, column: int) -> QColor | None:
        if column == self.MATCHED:
            return GOOD if row.get("tender_id") is not None else BAD
        return None


class ReturnedChequesModel(RowsModel):
    """Cheques the bank returned."""

    RETURNED_ON, AGENT, NUMBER, BANK, DRAWER, DRAWER_NAME, ACCOUNT, AMOUNT, REASON, MARKED_BY = range(10)
    COLUMNS = 10
    NUMERIC = frozenset({AMOUNT})

    def headers(self) -> list[str]:
        return [self.tr("Devuelto el"), self.tr("Agente"), self.tr("Cheque N°"), self.tr("Banco"), self.tr("Cédula del girador"),
                self.tr("Girador"), self.tr("Cuenta"), self.tr("Monto"), self.tr("Motivo"), self.tr("Marcado por")]

    def text(self, row: Row, column: int) -> str:
        keys = {self.AGENT: "agent_id", self.NUMBER: "number", self.BANK: "bank_code", self.DRAWER: "drawer_id",
                self.DRAWER_NAME: "drawer_name", self.ACCOUNT: "account_id", self.REASON: "reason", self.MARKED_BY: "marked_by"}
        if column == self.RETURNED_ON:
            return L.day(row.get("returned_on"))
        if column == self.AMOUNT:
            return L.money(row.get("amount"), row.get("currency"))
        return str(row.get(keys.get(column, ""), "") or "")


class OverShortModel(RowsModel):
    """Over / short per cashier over time, and what the office charged each."""

    CASHIER, AGENTS, SHIFTS, WITH_DIFFERENCE, OVER, SHORT, NET, CHARGED = range(8)
    COLUMNS = 8
    NUMERIC = frozenset({SHIFTS, WITH_DIFFERENCE, OVER, SHORT, NET, CHARGED})

    def headers(self) -> list[str]:
        return [self.tr("Cajero"), self.tr("Agentes"), self.tr("Turnos"), self.tr("Con diferencia"), self.tr("Sobrante"),
                self.tr("Faltante"), self.tr("Neto"), self.tr("Cargado al cajero")]

    def text(self, row: Row, column: int) -> str:
        cur = row.get("currency")
        if column == self.CASHIER:
            return str(row.get("cashier_id") or "")
        if column == self.AGENTS:
            return str(row.get("agents") or "")
        if column == self.SHIFTS:
            return str(row.get("shifts", 0))
        if column == self.WITH_DIFFERENCE:
            return str(row.get("shifts_with_difference", 0))
        key = {self.OVER: "over", self.SHORT: "short", self.NET: "net", self.CHARGED: "charged"}.get(column)
        if key is None:
            return ""
        value = int(row.get(key) or 0)
        # a blank reads faster than a column of zeros; the net always shows
        return L.money(value, cur) if value or column == self.NET else ""

    def colour(self, row: Row, column: int) -> QColor | None:
        if column == self.NET and (row.get("net") or 0) < 0:
            return BAD
        return None


class KpiTableModel(RowsModel):
    """One table of the KPIs (by day, agent, biller, tender, hour; ageing; promises)."""

    SECTIONS = ("by_day", "by_agent", "by_biller", "by_tender", "by_hour", "ageing", "promises")
    #: first column, count, amount — or, for promises: account, date, promised, paid, state
    KEY, COUNT, AMOUNT = range(3)
    ACCOUNT, PROMISE_DATE, PROMISED, PAID, STATE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.section = "by_day"
        self.currency: str | None = None

    def section_title(self, section: str) -> str:
        return {
            "by_day": self.tr("Por día"), "by_agent": self.tr("Por agente"), "by_biller": self.tr("Por empresa"),
            "by_tender": self.tr("Por medio de pago"), "by_hour": self.tr("Por hora del día"),
            "ageing": self.tr("Antigüedad de lo cobrado"), "promises": self.tr("Promesas de pago"),
        }[section]

    def set_section(self, kpis: dict[str, Any] | None, section: str) -> None:
        self.section = section
        # every amount of an answer is of its one currency
        self.currency = (kpis or {}).get("currency")
        if not kpis:
            rows: list[Row] = []
        elif section == "promises":
            rows = list(kpis.get("promises", {}).get("detail", []))
        else:
            rows = list(kpis.get(section, []))
        self.beginResetModel()
        self.COLUMNS = 5 if section == "promises" else (2 if section == "ageing" else 3)
        self._rows = rows
        self.endResetModel()

    @property
    def NUMERIC(self) -> frozenset[int]:  # type: ignore[override]
        if self.section == "promises":
            return frozenset({self.PROMISED, self.PAID})
        return frozenset({1}) if self.section == "ageing" else frozenset({self.COUNT, self.AMOUNT})

    def headers(self) -> list[str]:
        first = {"by_day": self.tr("Fecha"), "by_agent": self.tr("Agente"), "by_biller": self.tr("Empresa"),
                 "by_tender": self.tr("Medio de pago"), "by_hour": self.tr("Hora"), "ageing": self.tr("Días de atraso")}
        if self.section == "promises":
            return [self.tr("Cuenta"), self.tr("Fecha prometida"), self.tr("Prometido"), self.tr("Pagado"), self.tr("Estado")]
        if self.section == "ageing":
            return [first["ageing"], self.tr("Cobrado")]
        return [first[self.section], self.tr("Pagos"), self.tr("Cobrado")]

    def text(self, row: Row, column: int) -> str:
        cur = self.currency
        if self.section == "promises":
            return [str(row.get("account_id", "")), L.day(row.get("promise_date")), L.money(row.get("amount"), cur),
                    L.money(row.get("paid"), cur), L.promise_state(str(row.get("state", "")))][column]
        if self.section == "ageing":
            return [L.ageing_bucket(str(row.get("bucket", ""))), L.money(row.get("amount"), cur)][column]
        if column == self.KEY:
            key = {"by_day": "date", "by_agent": "agent_id", "by_biller": "biller_id", "by_tender": "tender", "by_hour": "hour"}[self.section]
            value = row.get(key)
            if self.section == "by_day":
                return L.day(value)
            if self.section == "by_tender":
                return L.tender(str(value))
            if self.section == "by_hour":
                return f"{int(value):02d}:00–{int(value):02d}:59"
            return str(value or "")
        if column == self.COUNT:
            return str(row.get("count", 0))
        if column == self.AMOUNT:
            return L.money(row.get("amount"), cur)
        return ""

    def colour(self, row: Row, column: int) -> QColor | None:
        if self.section == "promises" and column == self.STATE:
            return {"kept": GOOD, "broken": BAD, "pending": WAITING}.get(str(row.get("state")))
        return None
