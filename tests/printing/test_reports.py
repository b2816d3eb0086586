"""X/Z report and cash-movement slip from the shift service's report (printing/reports.py)."""

from __future__ import annotations

import io
from datetime import datetime, timezone

from pypdf import PdfReader

from app.domain.shifts import figures
from app.services.ports import CashMovementRecord, PaymentRecord
from app.services.shifts import ShiftReport
from app.settings import OutletSettings, Settings
from printing.decode import decode_escpos
from printing.render import render_escpos
from printing.reports import (
    cash_movement_layout,
    report_file_name,
    shift_report_layout,
    shift_report_pdf_bytes,
    shift_report_pdf_data,
)

SETTINGS = Settings(outlet=OutletSettings(name="Estafeta Peña", agent_id="AG7", agent_name="Recaudos Núñez"))
OPENED = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
CLOSED = datetime(2026, 11, 23, 22, 30, tzinfo=timezone.utc)


def shift_figures():
    payments = [
        (1, [{"kind": "cash", "amount": 150050}]),
        (2, [{"kind": "card", "amount": 80000}]),
        (3, [{"kind": "cash", "amount": 20000}, {"kind": "cheque", "amount": 300000}]),
        (4, [{"kind": "cash", "amount": 10000}]),
    ]
    voided = [[{"kind": "cash", "amount": 10000}]]
    movements = [("drop", 100000), ("float_in", 50000)]
    return figures("DOP", 500000, payments, voided, 10000, movements)


def z_report(**changes):
    f = shift_figures()
    counted = {"cash": f.expected["cash"] - 2500, "cheque": 300000, "card": 80000}
    diff = {k: counted[k] - f.expected[k] for k in counted}
    base = dict(
        kind="Z", shift_id="0190aaaa-bbbb-7ccc-8ddd-eeeeffff0001", cashier_id="ana", terminal_id="T0009", drawer="1",
        currency="DOP", opened_at=OPENED, printed_at=CLOSED, business_date="2026-11-23", figures=f, counted=counted,
        over_short=diff, counted_denominations={200000: 2, 100000: 1, 500: 3}, approver_id="sup", seq_from=3, seq_to=12,
    )
    base.update(changes)
    return ShiftReport(**base)


def test_the_z_report_on_paper_carries_every_figure_of_the_shift():
    report = z_report()
    job = decode_escpos(render_escpos(shift_report_layout(report, SETTINGS, cashier_name="Ana Cajera",
                                                          approver_name="Sonia Supervisora")))
    text = job.text
    assert "INFORME Z" in text and "CIERRE DE TURNO" in text
    lines = [" ".join(line.split()) for line in job.text_lines]
    assert "Efectivo (3) RD$ 1,800.50" in lines  # 1500.50 + 200 + 100, the voided one included
    assert "Tarjeta (1) RD$ 800.00" in lines and "Cheque (1) RD$ 3,000.00" in lines
    assert "Total cobrado (4 pagos) RD$ 5,600.50" in lines
    assert "Anulaciones (1) -RD$ 100.00" in lines or "Anulaciones (1) RD$ -100.00" in lines
    assert "Fondo inicial RD$ 5,000.00" in lines
    expected_cash = 500000 + 180050 - 10000 + 50000 - 100000
    assert report.figures.expected["cash"] == expected_cash
    i = lines.index("ESPERADO EN CAJA")
    assert lines[i + 1] == "Efectivo RD$ 6,200.50"
    j = lines.index("SOBRANTE / FALTANTE")
    assert "-RD$ 25.00" in lines[j + 1] and lines[j + 1].endswith("faltante")
    assert lines[j + 2].endswith("cuadra") and lines[j + 3].endswith("cuadra")
    assert "RD$ 2,000.00 x 2 RD$ 4,000.00" in lines
    assert any("Sonia Supervisora" in line for line in lines)
    assert "Ana Cajera" in text and "T0009" in text and "Secuencia 3 a 12" in lines
    assert job.cuts and job.code_pages == [19]


def test_the_x_report_says_it_closes_nothing_and_has_no_count():
    report = z_report(kind="X", counted=None, over_short=None, counted_denominations=None, approver_id=None,
                      seq_from=None, seq_to=None)
    text = decode_escpos(render_escpos(shift_report_layout(report, SETTINGS, cashier_name="Ana", profile="58mm"))).text
    flat = " ".join(text.split())
    assert "INFORME X" in flat and "NO CIERRA EL TURNO" in flat
    assert "CONTADO" not in text and "SOBRANTE" not in text
    assert all(len(line) <= 32 for line in text.splitlines())


def payment(n: int, amount: int, kind: str = "cash", status: str = "posted") -> PaymentRecord:
    return PaymentRecord(
        payment_id=f"p{n}", receipt_no=n, seq=n + 2, shift_id="s", cashier_id="ana", account_id=f"10000000{n:02d}",
        account_name=f"Cliente {n}", biller_id="EDESUR", currency="DOP", amount_minor=amount, discount_minor=0,
        balance_before_minor=amount, balance_as_of=OPENED, offline=True, occurred_at=OPENED, business_date="2026-11-23",
        tenders=[{"kind": kind, "amount": amount}], status=status,
    )


def test_the_pdf_report_lists_the_payments_and_the_close():
    report = z_report()
    payments = [payment(1, 150050), payment(2, 80000, "card"), payment(4, 10000, status="voided")]
    data = shift_report_pdf_data(report, SETTINGS, payments, cashier_name="Ana Cajera", approver_name="Sonia")
    assert data.kind == "Z" and data.closed_at == CLOSED and data.counted == report.counted
    assert data.expected == report.figures.expected and data.drops_minor == 100000
    assert [p.voided for p in data.payments] == [False, False, True]
    pdf = shift_report_pdf_bytes(report, SETTINGS, payments, cashier_name="Ana Cajera", approver_name="Sonia")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Informe Z" in text and "Cliente 2" in text and "Sonia" in text and "faltante" in text
    assert report_file_name(report) == f"informe-Z-2026-11-23-{report.shift_id}.pdf"


def test_the_drop_slip_says_how_much_and_who_authorised_it():
    movement = CashMovementRecord("m1", "s", 7, "drop", 2500000, "sup", CLOSED)
    text = decode_escpos(render_escpos(cash_movement_layout(movement, SETTINGS, terminal_id="T0009",
                                                            cashier_name="Ana Cajera",
                                                            approver_name="Sonia Supervisora"))).text
    flat = " ".join(text.split())
    assert "RETIRO A CAJA FUERTE" in flat and "RD$ 25,000.00" in flat
    assert "Sonia Supervisora" in flat and "Ana Cajera" in flat and "Secuencia 7" in flat
