"""Table models and the scanner heuristic, without widgets."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import Qt

from app.domain.accounts import Account, AccountStatus, AccountView, Biller, BillerKind, DocumentKind, OpenDocument, Segment
from app.domain.money import Money
from app.settings import Settings
from ui.formatting import Formats
from ui.models import DocumentsModel, ResultsModel
from ui.scanner import BurstTracker

D = Qt.ItemDataRole.DisplayRole
TODAY = date(2025, 11, 21)


def dop(text: str) -> Money:
    from decimal import Decimal

    return Money(Decimal(text), "DOP")


def doc(n: int, due: date, amount: str, paid: str = "0") -> OpenDocument:
    return OpenDocument(f"A-{n:02d}", "A", DocumentKind.INVOICE, due.replace(day=1), due, dop(amount), dop(paid))


def account_view(account_id: str, name: str, balance: str, status=AccountStatus.ACTIVE) -> AccountView:
    biller = Biller("AGUA", "Acueducto Metropolitano", BillerKind.WATER, "DOP")
    acc = Account(account_id, "AGUA", name, "001-0000000-1", Segment.RESIDENTIAL, status, "DOP")
    return AccountView(acc, biller, (), dop(balance), datetime(2025, 11, 21, 22, 40, tzinfo=timezone.utc))


@pytest.fixture
def formats() -> Formats:
    return Formats(Settings())


def test_results_model_shows_one_row_per_account_with_a_formatted_balance(qapp, formats):
    m = ResultsModel(formats)
    m.set_rows([account_view("1000000001", "Ana Pérez", "1500.50"), account_view("1000000002", "Luis Báez", "0")])
    assert (m.rowCount(), m.columnCount()) == (2, ResultsModel.COLUMNS)
    assert m.data(m.index(0, ResultsModel.ACCOUNT), D) == "1000000001"
    assert m.data(m.index(1, ResultsModel.NAME), D) == "Luis Báez"
    assert m.data(m.index(0, ResultsModel.BALANCE), D) == "RD$\u00a01,500.50"
    assert m.headerData(ResultsModel.BALANCE, Qt.Orientation.Horizontal, D) == "Saldo"
    assert m.view_at(1).account.name == "Luis Báez" and m.view_at(2) is None
    m.set_rows([])
    assert m.rowCount() == 0


def test_results_model_marks_legal_collection_in_red(qapp, formats):
    m = ResultsModel(formats)
    m.set_rows([account_view("1", "X", "10", AccountStatus.JUDICIAL), account_view("2", "Y", "10")])
    assert m.data(m.index(0, ResultsModel.STATUS), D) == "Cobranza judicial"
    assert m.data(m.index(0, ResultsModel.STATUS), Qt.ItemDataRole.ForegroundRole) is not None
    assert m.data(m.index(1, ResultsModel.STATUS), Qt.ItemDataRole.ForegroundRole) is None


def test_documents_model_lists_open_documents_oldest_first_all_selected(qapp, formats):
    m = DocumentsModel(formats)
    docs = [doc(3, date(2025, 11, 10), "300"), doc(1, date(2025, 9, 10), "100", paid="40"), doc(2, date(2025, 10, 10), "200"),
            doc(4, date(2025, 8, 10), "50", paid="50")]  # the last one is fully paid: not shown
    m.set_rows(docs, TODAY)
    assert [m.data(m.index(r, DocumentsModel.DOCUMENT), D) for r in range(m.rowCount())] == ["A-01", "A-02", "A-03"]
    assert m.data(m.index(0, DocumentsModel.DUE), D) == "10/09/2025"
    assert m.data(m.index(0, DocumentsModel.DAYS_PAST_DUE), D) == "72"
    assert m.data(m.index(0, DocumentsModel.OUTSTANDING), D) == "RD$\u00a060.00"
    assert m.data(m.index(0, DocumentsModel.SELECTED), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert m.all_selected() and m.selected_total("DOP") == dop("560")


def test_documents_model_toggles_selection_and_recomputes_the_total(qapp, formats, qtbot):
    m = DocumentsModel(formats)
    m.set_rows([doc(1, date(2025, 9, 10), "100"), doc(2, date(2025, 12, 10), "200")], TODAY)
    with qtbot.waitSignal(m.dataChanged):
        m.toggle(0)
    assert m.selected_ids() == ("A-02",) and not m.all_selected()
    assert m.selected_total("DOP") == dop("200")
    assert m.data(m.index(1, DocumentsModel.DAYS_PAST_DUE), D) == "al día"
    assert m.setData(m.index(0, DocumentsModel.SELECTED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert m.all_selected()
    assert m.flags(m.index(0, DocumentsModel.SELECTED)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not m.flags(m.index(0, DocumentsModel.DOCUMENT)) & Qt.ItemFlag.ItemIsUserCheckable


def test_documents_model_can_start_with_only_the_scanned_document_selected(qapp, formats):
    m = DocumentsModel(formats)
    m.set_rows([doc(1, date(2025, 9, 10), "100"), doc(2, date(2025, 10, 10), "200")], TODAY, selected=["A-02"])
    assert m.selected_ids() == ("A-02",)


def test_a_fast_burst_ending_in_enter_is_a_scan_and_slow_typing_is_not():
    t = BurstTracker()
    typed = "gar"
    for i, _ in enumerate(typed):
        t.key(i * 0.3, i)
    code = "41577099980000188020"
    for i, _ in enumerate(code):
        t.key(1.0 + i * 0.004, len(typed) + i)
    assert t.scanned(typed + code, 1.0 + len(code) * 0.004) == code
    t.reset()
    for i, _ in enumerate("1000000004"):
        t.key(i * 0.2, i)  # a person typing an account number
    assert t.scanned("1000000004", 2.1) is None


def test_the_close_result_model_shows_expected_counted_and_over_short(qapp, formats):
    from app.domain.shifts import figures
    from app.services.shifts import ShiftReport
    from datetime import datetime, timezone
    from ui.models import CloseResultModel, ReportLinesModel

    figs = figures("DOP", 200000, [(1, [{"kind": "cash", "amount": 50000}]), (2, [{"kind": "card", "amount": 9900}])],
                   [], 0, [("drop", 10000)])
    now = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
    report = ShiftReport("Z", "s", "ana", "T1", "1", "DOP", now, now, "2026-11-23", figs,
                         counted={"cash": 239000, "cheque": 0, "card": 10000},
                         over_short={"cash": -1000, "cheque": 0, "card": 100})
    m = CloseResultModel(formats)
    m.set_report(report)
    cell = lambda r, c: m.index(r, c).data()  # noqa: E731
    assert [cell(r, m.TENDER) for r in range(3)] == ["Efectivo", "Cheques", "Tarjeta"]
    assert cell(0, m.EXPECTED) == formats.minor(240000) and cell(0, m.COUNTED) == formats.minor(239000)
    assert (cell(0, m.RESULT), cell(1, m.RESULT), cell(2, m.RESULT)) == ("faltante", "cuadra", "sobrante")
    lines = ReportLinesModel(formats)
    lines.set_report(report)
    rows = [lines.row(r) for r in range(lines.rowCount())]
    assert ("Retiros a caja fuerte", 1, -10000, False) in rows
    assert rows[-3:] == [("Efectivo", None, 240000, False), ("Cheques", None, 0, False), ("Tarjeta", None, 9900, False)]
