"""The desk's table models, labels and error sentences, without widgets or a server."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import Qt

from ui.central_office import labels as L
from ui.central_office.client import DeskError
from ui.central_office.errors import InputError, sentence
from ui.central_office.models import (
    BAD, GOOD, ChecksModel, DepositsModel, ExceptionsModel, KpiTableModel, OverShortModel, WindowsModel,
)

CHECKS = [
    {"name": "completeness", "status": "fail", "expected": 8, "actual": 7, "currency": None,
     "detail": [{"terminal_id": "AG001-T02", "missing_seq": "3", "missing_receipts": "2"}]},
    {"name": "manifests", "status": "fail", "expected": 110000, "actual": 55000, "currency": "DOP",
     "detail": [{"terminal_id": "AG001-T02", "shift_id": "s", "problems": ["cash: manifest 2 / 110000, ledger 1 / 55000"]}]},
    {"name": "drawer_counts", "status": "resolved", "expected": 989400, "actual": 979400, "currency": "DOP",
     "detail": [{"cashier_id": "ana", "over_short": -10000, "shift_id": "s", "tender": "cash", "terminal_id": "AG001-T01"}]},
    {"name": "cash_deposits", "status": "pending", "expected": 230000, "actual": 0, "currency": "DOP",
     "detail": [{"deposited": {}, "deposits": [], "due": {"DOP": 230000}, "items": 4}]},
    {"name": "cheque_deposits", "status": "pass", "expected": 0, "actual": 0, "currency": "DOP", "detail": []},
    {"name": "card_settlement", "status": "fail", "expected": 5000, "actual": 0, "currency": "DOP",
     "detail": [{"tender_id": 9, "terminal_id": "AG001-T01", "amount": 5000, "problem": "not in the settlement file"}]},
]


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_windows_show_state_and_each_check_as_a_mark_and_a_word():
    m = WindowsModel()
    m.set_rows([{"id": 1, "agent_id": "AG001", "business_date": "2026-11-23", "state": "CLOSED", "completeness": "pass",
                 "manifests": "pass", "drawer_counts": "fail", "cash_deposits": "pending", "cheque_deposits": "resolved",
                 "card_settlement": "", "open_exceptions": 2}])
    assert (m.rowCount(), m.columnCount()) == (1, WindowsModel.COLUMNS)
    assert [cell(m, 0, c) for c in range(m.COLUMNS)] == [
        "AG001", "23/11/2026", "Cerrada", "✔ Cuadra", "✔ Cuadra", "✖ Diferencia", "… Pendiente", "✔ Resuelto", "Sin revisar", "2"]
    assert cell(m, 0, m.DRAWER_COUNTS, Qt.ItemDataRole.ForegroundRole).color() == BAD
    assert cell(m, 0, m.COMPLETENESS, Qt.ItemDataRole.ForegroundRole).color() == GOOD
    assert cell(m, 0, m.CASH_DEPOSITS, Qt.ItemDataRole.ToolTipRole) == "¿Se depositó el efectivo cobrado?"
    assert m.headerData(m.OPEN_EXCEPTIONS, Qt.Orientation.Horizontal) == "Excepciones abiertas"
    assert m.find("id", 1) == 0 and m.find("id", 7) == -1 and m.row_at(3) is None


def test_checks_say_figures_differences_and_why_in_words():
    m = ChecksModel()
    m.set_rows(CHECKS)
    assert [cell(m, i, m.CHECK) for i in range(6)] == [
        "Integridad", "Manifiestos", "Arqueos", "Depósitos de efectivo", "Depósitos de cheques", "Liquidación de tarjetas"]
    # completeness counts items, the rest is money
    assert (cell(m, 0, m.EXPECTED), cell(m, 0, m.ACTUAL), cell(m, 0, m.DIFFERENCE)) == ("8", "7", "-1")
    assert (cell(m, 2, m.EXPECTED), cell(m, 2, m.DIFFERENCE)) == ("RD$\u00a09,894.00", "-RD$\u00a0100.00")
    assert cell(m, 4, m.DIFFERENCE) == ""
    assert cell(m, 0, m.DETAIL) == "AG001-T02: faltan los envíos N° 3; faltan los recibos N° 2"
    assert cell(m, 1, m.DETAIL) == ("AG001-T02: Efectivo: el cierre declara 2 por RD$\u00a01,100.00, "
                                    "la central registró 1 por RD$\u00a0550.00")
    assert cell(m, 2, m.DETAIL) == "AG001-T01, cajero ana: faltante de RD$\u00a0100.00 en efectivo"
    assert cell(m, 3, m.DETAIL) == "A depositar RD$\u00a02,300.00; depositado RD$\u00a00.00 (0 depósitos)"
    assert cell(m, 5, m.DETAIL) == "AG001-T01: pago con tarjeta de RD$\u00a050.00 que no está en la liquidación"
    assert int(cell(m, 2, m.EXPECTED, Qt.ItemDataRole.TextAlignmentRole)) & int(Qt.AlignmentFlag.AlignRight)


def test_exceptions_show_money_a_count_of_missing_items_and_the_workflow():
    m = ExceptionsModel()
    m.set_rows([
        {"id": 2, "business_date": "2026-11-23", "agent_id": "AG001", "type": "shortage", "source": "check", "cashier_id": "ana",
         "amount": -10000, "currency": "DOP", "status": "resolved", "assigned_to": "marta", "resolution": "adjust"},
        {"id": 3, "business_date": "2026-11-23", "agent_id": "AG002", "type": "missing_items", "source": "check",
         "amount": 1, "currency": None, "status": "open", "detail": "AG002-T01: seq 3 missing"},
    ])
    assert [cell(m, 0, c) for c in range(m.COLUMNS)] == [
        "2", "23/11/2026", "AG001", "Faltante", "Control", "ana", "-RD$\u00a0100.00", "Resuelta", "marta", "Ajuste al cajero"]
    assert cell(m, 1, m.AMOUNT) == "1 pagos" and cell(m, 1, m.TYPE) == "Pagos faltantes"
    assert cell(m, 1, m.STATUS, Qt.ItemDataRole.ForegroundRole).color() == BAD
    assert cell(m, 1, m.ID, Qt.ItemDataRole.ToolTipRole) == "AG002-T01: seq 3 missing"


def test_deposits_over_short_and_kpi_tables():
    d = DepositsModel()
    d.set_rows([{"id": 4, "business_date": None, "agent_id": None, "tender": "cash", "bank": "BHD", "reference": "AG0O2 23/11",
                 "amount": 150000, "declared_amount": None, "currency": "DOP", "status": "unmatched"},
                {"id": 5, "business_date": "2026-11-23", "agent_id": "AG001", "tender": "cheque", "bank": "BHD", "reference": "slip",
                 "amount": 15000, "declared_amount": 15050, "currency": "DOP", "status": "confirmed"}])
    assert cell(d, 0, d.STATUS) == "Sin identificar" and cell(d, 0, d.DATE) == "" and cell(d, 1, d.TENDER) == "Cheque"
    assert (cell(d, 1, d.AMOUNT), cell(d, 1, d.DECLARED)) == ("RD$\u00a0150.00", "RD$\u00a0150.50")

    o = OverShortModel()
    o.set_rows([{"cashier_id": "ana", "currency": "DOP", "shifts": 3, "shifts_with_difference": 1, "over": 0, "short": 10000,
                 "net": -10000, "charged": 10000, "agents": "AG001"}])
    assert [cell(o, 0, c) for c in range(o.COLUMNS)] == [
        "ana", "AG001", "3", "1", "", "RD$\u00a0100.00", "-RD$\u00a0100.00", "RD$\u00a0100.00"]

    k = KpiTableModel()
    kpis = {"currency": "DOP", "currencies": [{"currency": "DOP", "payments": 4}, {"currency": "USD", "payments": 1}],
            "by_hour": [{"hour": 9, "count": 4, "amount": 589400}],
            "ageing": [{"bucket": "90+", "amount": 130000}],
            "promises": {"detail": [{"account_id": "A1", "promise_date": "2026-11-22", "amount": 10000, "paid": 12000, "state": "kept"}]}}
    k.set_section(kpis, "by_hour")
    assert (k.columnCount(), k.headers(), [cell(k, 0, c) for c in range(3)]) == (
        3, ["Hora", "Pagos", "Cobrado"], ["09:00–09:59", "4", "RD$\u00a05,894.00"])
    k.set_section(kpis, "ageing")
    assert (k.columnCount(), [cell(k, 0, c) for c in range(2)]) == (2, ["Más de 90 días", "RD$\u00a01,300.00"])
    k.set_section(kpis, "promises")
    assert [cell(k, 0, c) for c in range(5)] == ["A1", "22/11/2026", "RD$\u00a0100.00", "RD$\u00a0120.00", "Cumplida"]
    k.set_section({**kpis, "currency": "USD"}, "ageing")  # the answer's one currency, even when the period has several
    assert [cell(k, 0, c) for c in range(2)] == ["Más de 90 días", "US$\u00a01,300.00"]
    k.set_section(None, "by_day")
    assert k.rowCount() == 0


def test_a_table_exports_what_it_shows_and_no_cell_runs_as_a_formula():
    m = DepositsModel()
    m.set_rows([{"id": 1, "tender": "cash", "bank": "=HYPERLINK()", "reference": "@x", "amount": -500, "currency": "DOP",
                 "status": "declared"}])
    rows = list(csv.reader(io.StringIO(m.csv_text())))
    assert rows[0] == ["N°", "Fecha de negocio", "Agente", "Medio", "Banco", "Referencia", "Monto", "Declarado", "Estado"]
    assert rows[1] == ["1", "", "", "Efectivo", "'=HYPERLINK()", "'@x", "'-RD$ 5.00", "", "Declarado"]


def test_amounts_and_dates_as_typed_by_the_clerk():
    assert L.read_amount("1,500.50", "DOP") == 150050
    assert L.read_amount("-100", "DOP", allow_negative=True) == -10000
    with pytest.raises(InputError, match="no puede ser cero"):
        L.read_amount("0.00", "DOP")
    with pytest.raises(InputError, match="no es un monto"):
        L.read_amount("cien", "DOP")
    assert L.read_date("23/11/2026", "Desde") == "2026-11-23" == L.read_date("2026-11-23", "Desde")
    assert L.read_date("  ", "Desde") is None
    with pytest.raises(InputError, match="La fecha «Hasta» no es válida"):
        L.read_date("31/02/2026", "Hasta")
    assert L.whole_money(839449, "DOP") == "RD$\u00a08,394"


def test_the_centrals_errors_read_as_spanish_sentences():
    assert sentence(DeskError("exception_resolved", "La excepción 4 ya está resuelta.", 409)) == (
        "Esa excepción ya estaba resuelta. La lista se actualizó.")
    refused = DeskError("bad_file", "El archivo tiene 2 líneas con errores; no se aplicó nada.", 422,
                        [(2, "El monto «abc» no es un número como 1234.50."), (5, "La fecha «date» (2026-02-30) no existe.")])
    assert sentence(refused) == ("El archivo tiene 2 errores y no se importó nada. Línea 2: El monto «abc» no es un número "
                                 "como 1234.50. Línea 5: La fecha «date» (2026-02-30) no existe.")
    assert sentence(DeskError("internal_error", "Unexpected server error", 500)).startswith("El servicio central tuvo un problema")
    assert sentence(DeskError("something_new", "No existe la ventana 7.", 409)) == (
        "La central no aceptó la operación: No existe la ventana 7.")
    assert sentence(DeskError("something_new", "why", 409)) == "La central no aceptó la operación: why."
    assert sentence(RuntimeError("boom")).startswith("Ocurrió un error inesperado")
    assert sentence(FileNotFoundError(2, "No such file", "/x/a.csv")).startswith("No se pudo leer o guardar el archivo «/x/a.csv»")


def test_the_bar_chart_draws_its_bars_and_says_when_there_is_nothing(qtbot):
    from ui.central_office.charts import BarChart

    chart = BarChart("Pagos por hora del día")
    qtbot.addWidget(chart)
    chart.resize(480, 240)
    chart.set_data([f"{h:02d}" for h in range(24)], [0] * 9 + [5, 0, 0, 2] + [0] * 11, highlight=9)
    image = chart.grab().toImage()
    assert image.pixelColor(image.width() * 9 // 24 + 10, image.height() - 40).name() == "#c05a00"  # the peak hour's bar
    chart.set_data([], [], empty_text="Sin pagos en el período")
    chart.grab()
