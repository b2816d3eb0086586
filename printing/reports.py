"""Shift paper: the X/Z report and the cash-movement slip, from what app.services.shifts returns.

The shift service answers with :class:`app.services.shifts.ShiftReport`
(figures in minor units, ids, no names, no outlet).  This adapter adds what
the paper needs from settings and the people involved, and gives:

* :func:`shift_report_layout` - the X or Z report for the receipt printer
  (a :class:`~printing.layout.Layout`: ``EscposPrinter.print_layout`` prints
  it, ``render_escpos`` gives its bytes);
* :func:`shift_report_pdf_data` / :func:`shift_report_pdf_bytes` - the A4
  report through :func:`printing.pdf.shift_report_pdf`, with one row per
  payment of the shift;
* :func:`cash_movement_layout` - the slip of a cash drop (sangría) or of
  float added during the shift, with signature lines.

Paper is Spanish, like the receipts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from printing.layout import Layout, LayoutBuilder, date_text, datetime_text, money_text
from printing.pdf import ReportPayment, report_payment, shift_report_pdf
from printing.pdf import ShiftReport as PdfShiftReport
from printing.profiles import PrinterProfile

TENDERS = (("cash", "Efectivo"), ("cheque", "Cheque"), ("card", "Tarjeta"))


def over_short_word(diff: int) -> str:
    return "sobrante" if diff > 0 else "faltante" if diff < 0 else "cuadra"


def _header(b: LayoutBuilder, settings: Any) -> None:
    outlet = settings.outlet
    b.line(outlet.name, "center", bold=True, double=len(outlet.name) <= b.profile.half_columns)
    b.line(f"Agente {outlet.agent_id}" + (f" - {outlet.agent_name}" if outlet.agent_name else ""), "center")
    if outlet.address:
        b.line(outlet.address, "center")
    b.rule("=")


def _terminal(settings: Any, terminal_id: str) -> str:
    return f"{settings.terminal_name} ({terminal_id})" if settings.terminal_name else terminal_id


def shift_report_layout(
    report: Any,
    settings: Any,
    *,
    cashier_name: str = "",
    approver_name: str = "",
    profile: PrinterProfile | str | None = None,
) -> Layout:
    """The X report (figures so far) or the Z report (the close) on the receipt printer.

    ``report`` is an ``app.services.shifts.ShiftReport``; ``settings`` the
    terminal's ``Settings`` (outlet, terminal name, locale, time zone).
    """
    r, f = report, report.figures
    b = LayoutBuilder(profile or getattr(settings, "printer_profile", "80mm"))
    locale, tz = settings.locale, settings.timezone

    def money(minor: int) -> str:
        return money_text(minor, r.currency, locale)

    def when(d: datetime) -> str:
        return datetime_text(d, tz, locale)

    z = r.kind.upper() == "Z"
    _header(b, settings)
    b.line("INFORME Z" if z else "INFORME X", "center", bold=True, double=True)
    b.line("CIERRE DE TURNO" if z else "LECTURA PARCIAL: NO CIERRA EL TURNO", "center", bold=True)
    b.feed()
    b.pair("Caja", _terminal(settings, r.terminal_id))
    b.pair("Gaveta", str(r.drawer))
    b.pair("Cajero", cashier_name or r.cashier_id)
    b.pair("Fecha contable", date_text(r.business_date, locale))
    b.pair("Apertura", when(r.opened_at))
    b.pair("Cierre" if z else "Impreso", when(r.printed_at))
    b.line(f"Turno {r.shift_id}", hyphens=True)
    if f.receipt_from is not None:
        b.pair("Recibos", f"{f.receipt_from} al {f.receipt_to}")
    if z and r.seq_from is not None:
        b.pair("Secuencia", f"{r.seq_from} a {r.seq_to}")

    b.rule()
    b.line("PAGOS RECIBIDOS", bold=True)
    for kind, name in TENDERS:
        ct = f.counts[kind]
        b.pair(f"{name} ({ct.count})", money(ct.total))
    b.pair(f"Total cobrado ({f.payments.count} pagos)", money(f.payments.total), bold=True)
    b.pair(f"Anulaciones ({f.voids.count})", money(-f.voids.total))
    b.pair("Neto cobrado", money(f.payments.total - f.voids.total), bold=True)

    b.rule()
    b.line("EFECTIVO", bold=True)
    b.pair("Fondo inicial", money(f.opening_float))
    b.pair(f"Ingresos de fondo ({f.floats_in.count})", money(f.floats_in.total))
    b.pair(f"Retiros a caja fuerte ({f.drops.count})", money(-f.drops.total))

    b.rule()
    b.line("ESPERADO EN CAJA", bold=True)
    expected = f.expected
    for kind, name in TENDERS:
        b.pair(name, money(expected[kind]))

    if z and r.counted is not None:
        b.rule()
        b.line("CONTADO (ARQUEO A CIEGAS)", bold=True)
        for kind, name in TENDERS:
            b.pair(name, money(r.counted.get(kind, 0)))
        b.rule()
        b.line("SOBRANTE / FALTANTE", bold=True)
        diff = r.over_short or {k: r.counted.get(k, 0) - expected[k] for k, _ in TENDERS}
        for kind, name in TENDERS:
            d = diff.get(kind, 0)
            b.pair(name, f"{money(d)} {over_short_word(d)}", bold=d != 0)
        if r.counted_denominations:
            b.rule()
            b.line("CONTEO DEL EFECTIVO", bold=True)
            for minor, pieces in sorted(r.counted_denominations.items(), reverse=True):
                if pieces:
                    b.pair(f"{money(minor)} x {pieces}", money(minor * pieces))
        if approver_name or r.approver_id:
            b.pair("Diferencia aprobada por", approver_name or r.approver_id)

    b.feed(2)
    width = min(30, b.profile.columns)
    b.line("_" * width, "center")
    b.line("Firma del cajero", "center")
    if z:
        b.feed(2)
        b.line("_" * width, "center")
        b.line("Firma del supervisor", "center")
    b.feed()
    b.cut()
    return b.layout


def shift_report_pdf_data(
    report: Any,
    settings: Any,
    payments: Iterable[Any],
    *,
    cashier_name: str = "",
    approver_name: str = "",
) -> PdfShiftReport:
    """``printing.pdf.ShiftReport`` from the service's report and the shift's ``PaymentRecord``s."""
    r, f = report, report.figures
    rows: list[ReportPayment] = [report_payment(p) for p in sorted(payments, key=lambda p: p.receipt_no)]
    z = r.kind.upper() == "Z"
    return PdfShiftReport(
        kind=r.kind.upper(),
        outlet_name=settings.outlet.name,
        agent_id=settings.outlet.agent_id,
        terminal_id=r.terminal_id,
        cashier_name=cashier_name or r.cashier_id,
        shift_id=r.shift_id,
        business_date=r.business_date,
        opened_at=r.opened_at,
        printed_at=r.printed_at,
        currency=r.currency,
        locale=settings.locale,
        timezone=settings.timezone,
        payments=rows,
        closed_at=r.printed_at if z else None,
        opening_float_minor=f.opening_float,
        drops_minor=f.drops.total,
        expected=dict(f.expected),
        counted=dict(r.counted) if z and r.counted is not None else None,
        approver_name=approver_name or (r.approver_id or ""),
    )


def shift_report_pdf_bytes(report: Any, settings: Any, payments: Iterable[Any], **names: str) -> bytes:
    return shift_report_pdf(shift_report_pdf_data(report, settings, payments, **names))


def report_file_name(report: Any) -> str:
    """``informe-Z-2026-11-23-<shift id>.pdf``: sorts by date, one file per shift and kind."""
    stamp = "" if report.kind.upper() == "Z" else "-" + report.printed_at.strftime("%H%M%S")
    return f"informe-{report.kind.upper()}-{report.business_date}-{report.shift_id}{stamp}.pdf"


MOVEMENT_TITLES = {"drop": "RETIRO A CAJA FUERTE", "float_in": "INGRESO DE FONDO"}


def cash_movement_layout(
    movement: Any,
    settings: Any,
    *,
    terminal_id: str = "",
    cashier_name: str = "",
    approver_name: str = "",
    profile: PrinterProfile | str | None = None,
) -> Layout:
    """The slip of a sangría (``kind="drop"``) or a float added (``"float_in"``).

    ``movement`` is an ``app.services.ports.CashMovementRecord``; two copies
    are usually torn off: one goes with the cash to the safe.
    """
    m = movement
    b = LayoutBuilder(profile or getattr(settings, "printer_profile", "80mm"))
    currency = getattr(m, "currency", None) or settings.currency
    _header(b, settings)
    b.line(MOVEMENT_TITLES.get(m.kind, m.kind.upper()), "center", bold=True, double=len(MOVEMENT_TITLES.get(m.kind, "")) <= b.profile.half_columns)
    b.line("(sangría)" if m.kind == "drop" else "(efectivo que entra a la gaveta)", "center")
    b.feed()
    b.pair("Fecha", datetime_text(m.occurred_at, settings.timezone, settings.locale))
    b.pair("Caja", _terminal(settings, terminal_id) if terminal_id else settings.terminal_name)
    b.pair("Cajero", cashier_name)
    if approver_name or m.approver_id:
        b.pair("Autorizó", approver_name or m.approver_id)
    b.pair("Secuencia", str(m.seq))
    b.rule()
    b.pair("MONTO", money_text(m.amount_minor, currency, settings.locale), bold=True, tall=True)
    b.rule()
    b.line(f"Id: {m.movement_id}", hyphens=True)
    b.feed(2)
    width = min(30, b.profile.columns)
    b.line("_" * width, "center")
    b.line("Entrega" if m.kind == "drop" else "Recibe", "center")
    b.feed(2)
    b.line("_" * width, "center")
    b.line("Recibe (supervisor)" if m.kind == "drop" else "Entrega (supervisor)", "center")
    b.feed()
    b.cut()
    return b.layout


__all__ = [
    "cash_movement_layout",
    "over_short_word",
    "report_file_name",
    "shift_report_layout",
    "shift_report_pdf_bytes",
    "shift_report_pdf_data",
]
