"""Receipt layout + ESC/POS encoding, and the Z report PDF of a 5,000-payment shift."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from bench.common import Metric, p99, timed_ms


def run() -> list[Metric]:
    from printing import receipt_layout, render_escpos
    from printing.pdf import ReportPayment, ShiftReport, shift_report_pdf
    from printing.testpage import sample_receipt

    receipt = sample_receipt()
    render = lambda: render_escpos(receipt_layout(receipt, "80mm"), "80mm")  # noqa: E731
    render()
    samples = timed_ms(render, [()] * 500)
    # baseline: encoding the same text to the code page, the floor of any receipt
    text = "\n".join(["RECIBO DE PAGO Ñandú 1,250.50"] * 40)
    base = timed_ms(lambda: text.encode("cp858"), [()] * 500)

    start = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
    payments = [
        ReportPayment(i, start + timedelta(seconds=5 * i), f"{1000000000 + i}", f"Cliente Núñez {i}", "Efectivo", 125050 + i)
        for i in range(1, 5001)
    ]
    report = ShiftReport(
        kind="Z", outlet_name="Estafeta Centro", agent_id="AG001", terminal_id="AG001-T01", cashier_name="María Pérez",
        shift_id="bench", business_date="2026-11-23", opened_at=start, printed_at=start + timedelta(hours=9),
        currency="DOP", locale="es_DO", timezone="America/Santo_Domingo", payments=payments, opening_float_minor=500000,
        expected={"cash": sum(p.amount_minor for p in payments) + 500000, "cheque": 0, "card": 0},
    )
    t = time.perf_counter()
    pdf = shift_report_pdf(report)
    z_s = time.perf_counter() - t
    assert pdf.startswith(b"%PDF")
    return [
        Metric("receipt_render_ms", p99(samples), "ms", 20.0, p99(base), note="p99 of 500"),
        Metric("z_report_pdf_5000_s", z_s, "s", 3.0),
    ]
