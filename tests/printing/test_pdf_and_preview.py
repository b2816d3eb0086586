"""PDF copies and reports read back with pdftotext (or pypdf), and the PNG preview."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
from datetime import datetime, timedelta, timezone

import pytest
from PIL import Image
from pypdf import PdfReader

from printing.layout import receipt_layout
from printing.pdf import ReportPayment, ShiftReport, receipt_pdf, report_payment, shift_report_pdf
from printing.preview import render_png
from printing.render import render_escpos
from tests.printing.conftest import make_receipt


def pdf_text(data: bytes) -> list[str]:
    """Text per page: pdftotext -layout when installed, else pypdf."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout
        return out.decode("utf-8").split("\f")[:-1]
    return [page.extract_text(extraction_mode="layout") for page in PdfReader(io.BytesIO(data)).pages]


def test_receipt_pdf_reads_like_the_paper():
    r = make_receipt(offline=True, print_count=2)
    data = receipt_pdf(r)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 80
    [text] = pdf_text(data)
    for expected in ("Estafeta Peña", "COPIA", "SUJETO A VALIDACIÓN", "Recibo N.º", "00000123", "José Ángel Rodríguez",
                     "RD$ 1,500.50", "Tarjeta VISA **** 4242", "Autorización A12345", "Gracias por su pago."):
        assert expected in text, expected
    lines = [line.strip() for line in text.splitlines()]
    assert any(line.startswith("Cambio") and line.endswith("RD$ 199.50") for line in lines)
    assert reader.metadata.title == "Recibo 123 - Estafeta Peña"


def _shift(n: int, kind: str = "Z") -> ShiftReport:
    t0 = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
    payments = [
        ReportPayment(i + 1, t0 + timedelta(seconds=7 * i), f"1{i:09d}", "María Peña Núñez" if i % 2 else "José Ángel",
                      "Efectivo" if i % 3 else "Efectivo + Tarjeta", 10000 + i, voided=(i == 4))
        for i in range(n)
    ]
    return ShiftReport(kind, "Estafeta Peña", "AG001", "T0001", "María José", "S-77", "2026-11-23", t0,
                       t0 + timedelta(hours=9), "COP", "es_CO", "America/Bogota", payments,
                       closed_at=t0 + timedelta(hours=9) if kind == "Z" else None, opening_float_minor=5000000,
                       drops_minor=20000000, expected={"cash": 1200000, "card": 5000},
                       counted={"cash": 1199500, "card": 5000} if kind == "Z" else None, approver_name="Supervisora Ruiz")


def test_z_report_paginates_with_repeated_headers_and_carried_totals():
    report = _shift(300)
    pages = pdf_text(shift_report_pdf(report))
    assert len(pages) >= 5
    for n, page in enumerate(pages, 1):
        assert "Informe Z - cierre de turno" in page
        assert f"Página {n} de {len(pages)}" in page
        if "Fecha y hora" not in page:  # only the summary ran over to this page
            assert n == len(pages) and "SOBRANTE / FALTANTE" in page
            continue
        assert "Recibo" in page and "Forma de pago" in page and "Monto" in page  # header on every table page
    assert "Van" in pages[0] and "Vienen" in pages[1]
    valid_total = sum(p.amount_minor for p in report.payments if not p.voided)
    expected_total = f"$ {valid_total // 100:,}".replace(",", ".") + f",{valid_total % 100:02d}"  # es_CO
    last = pages[-1]
    everything = "\n".join(pages)
    assert "Total (299 pagos)" in everything and expected_total in everything
    assert "Anulaciones" in everything and "1 por $ 100,04" in everything
    assert "23/11/2026 07:00" in pages[0]  # 12:00 UTC in Bogotá, day first
    assert "-$ 5,00 (faltante)" in everything and "$ 0,00 (cuadra)" in everything
    assert "ANULADO - José Ángel" in pages[0]


def test_x_report_has_no_count_section():
    [*_, last] = pdf_text(shift_report_pdf(_shift(10, "X")))
    assert "Informe X - lectura parcial del turno" in last
    assert "ESPERADO EN CAJA" in last and "CONTADO" not in last


def test_z_report_of_5000_payments_is_quick():
    report = _shift(5000)
    start = time.perf_counter()
    data = shift_report_pdf(report)
    elapsed = time.perf_counter() - start
    assert elapsed < 3.0
    assert len(PdfReader(io.BytesIO(data)).pages) > 50


def test_report_rows_from_payment_records():
    from app.services.ports import PaymentRecord

    rec = PaymentRecord("p1", 9, 1, "s", "c", "100", "Ana", "B", "DOP", 500, 0, 500,
                        datetime(2026, 1, 1, tzinfo=timezone.utc), False, datetime(2026, 1, 1, tzinfo=timezone.utc),
                        "2026-01-01", tenders=[{"kind": "cash", "amount": 300}, {"kind": "card", "amount": 200}],
                        status="voided")
    row = report_payment(rec)
    assert (row.receipt_no, row.tenders, row.amount_minor, row.voided) == (9, "Efectivo + Tarjeta", 500, True)


def test_png_preview_draws_the_decoded_receipt():
    png = render_png(render_escpos(receipt_layout(make_receipt(), "58mm")), 32)
    img = Image.open(io.BytesIO(png))
    assert img.width == 34 * 12 and img.height > 1000
    dark = sum(img.convert("L").histogram()[:128])
    assert dark > 10000  # text, QR and barcode were drawn


@pytest.mark.parametrize("profile", ["58mm", "80mm"])
def test_layout_is_rendered_fast_enough(profile):
    r = make_receipt()
    start = time.perf_counter()
    for _ in range(50):
        render_escpos(receipt_layout(r, profile))
    assert (time.perf_counter() - start) / 50 < 0.020  # receipt_render_ms target: 20 ms
