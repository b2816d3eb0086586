"""PDF reports for the central office (reportlab, charts from reportlab.graphics):
a window's reconciliation, and a KPI period report.

The office reads them, so they are written in Spanish: the API's codes (check
names, states, tenders, exception types) become the words the desk uses, dates
read dd/mm/aaaa.  Amounts are printed in major units of the currency; nothing
here touches the database beyond what ``central.office`` and ``central.kpis``
hand over.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

from sync.wire import minor_units

_STYLES = getSampleStyleSheet()
_STATUS_COLOURS = {"pass": colors.HexColor("#2e7d32"), "resolved": colors.HexColor("#1565c0"),
                   "fail": colors.HexColor("#c62828"), "pending": colors.HexColor("#ef6c00")}


def money(amount: int | None, currency: str | None) -> str:
    if amount is None:
        return ""
    try:
        digits = minor_units(currency or "DOP")
    except Exception:
        digits = 2
    value = Decimal(amount).scaleb(-digits)
    return f"{value:,.{digits}f}"


def _p(text: Any, style: str = "BodyText") -> Paragraph:
    return Paragraph(escape(str(text)), _STYLES[style])


def _table(rows: list[list[Any]], widths: list[float] | None = None) -> Table:
    data = [[c if isinstance(c, Paragraph) else _p(c) for c in row] for row in rows]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return t


def _bars(title: str, labels: list[str], series: list[list[float]], names: list[str], width: float = 170 * mm, height: float = 60 * mm) -> Drawing:
    d = Drawing(width, height + 14)
    d.add(String(0, height + 4, title, fontSize=9))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 20, width - 60, height - 30
    chart.data = series or [[0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 45 if len(labels) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    palette = [colors.HexColor("#1565c0"), colors.HexColor("#ef6c00"), colors.HexColor("#2e7d32")]
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = palette[i % len(palette)]
    d.add(chart)
    for i, name in enumerate(names):
        d.add(String(width - 150 + 70 * i, height + 4, name, fontSize=7, fillColor=palette[i % len(palette)]))
    return d


def _pie(title: str, labels: list[str], values: list[float], size: float = 60 * mm) -> Drawing:
    d = Drawing(170 * mm, size + 14)
    d.add(String(0, size + 4, title, fontSize=9))
    if not any(values):
        d.add(String(20, size / 2, "(sin cobros en el período)", fontSize=8))
        return d
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 20, 5, size - 10, size - 10
    pie.data = values
    pie.labels = [f"{label} {v / sum(values) * 100:.0f} %" for label, v in zip(labels, values)]
    pie.slices.fontSize = 7
    palette = [colors.HexColor("#1565c0"), colors.HexColor("#ef6c00"), colors.HexColor("#2e7d32"), colors.HexColor("#6a1b9a")]
    for i in range(len(values)):
        pie.slices[i].fillColor = palette[i % len(palette)]
    d.add(pie)
    return d


def _doc(buffer: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(buffer, pagesize=A4, title=title, author="Ventanilla central",
                             leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm)


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(timezone.utc)).strftime("%d/%m/%Y %H:%M UTC")


# -- the desk's words for the API's codes (ui/central_office/labels.py says the same) --

_WINDOW_STATES = {"OPEN": "Abierta", "CLOSED": "Cerrada", "RECONCILED": "Conciliada"}
_CHECKS = {"completeness": "Integridad", "manifests": "Manifiestos", "drawer_counts": "Arqueos",
           "cash_deposits": "Depósitos de efectivo", "cheque_deposits": "Depósitos de cheques",
           "card_settlement": "Liquidación de tarjetas"}
_CHECK_STATUSES = {"pass": "Cuadra", "fail": "Diferencia", "pending": "Pendiente", "resolved": "Resuelto",
                   "not_run": "Sin revisar", "": "Sin revisar"}
_EXCEPTION_TYPES = {
    "shortage": "Faltante", "overage": "Sobrante", "missing_items": "Pagos faltantes",
    "account_overpaid": "Cuenta pagada de más", "offline_limit": "Límite sin conexión", "clock_skew": "Reloj desfasado",
    "late": "Tardío", "unknown_account": "Cuenta desconocida", "broken_chain": "Cadena rota",
    "manifest_mismatch": "Cierre no cuadra", "unmatched_settlement": "Liquidación sin pago",
    "unknown_document": "Documento desconocido", "void_problem": "Anulación con problema", "malformed": "Dato mal formado",
}
_EXCEPTION_STATUSES = {"open": "Abierta", "assigned": "Asignada", "resolved": "Resuelta"}
_RESOLUTIONS = {"approve": "aprobada", "adjust": "ajuste al cajero", "reverse": "pago reversado", "cleared": "se aclaró sola"}
_DEPOSIT_STATUSES = {"declared": "Declarado", "confirmed": "Confirmado por el banco", "matched": "Conciliado por referencia",
                     "unmatched": "Sin identificar", "assigned": "Asignado a mano"}
_TENDERS = {"cash": "Efectivo", "cheque": "Cheque", "card": "Tarjeta", "transfer": "Transferencia"}
_AGEING = {"0-30": "0–30 días", "31-60": "31–60 días", "61-90": "61–90 días", "90+": "Más de 90 días",
           "credit": "Saldo a favor"}


def _day(iso: Any) -> str:
    """dd/mm/aaaa from an ISO date (anything else as it is)."""
    text = str(iso or "")
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    return text


def window_report(window: dict[str, Any], now: datetime | None = None) -> bytes:
    """A window's reconciliation: state, every check with its figures, exceptions, deposits."""
    buffer = io.BytesIO()
    title = f"Conciliación del agente {window['agent_id']} del {_day(window['business_date'])}"
    story: list[Any] = [
        _p(title, "Title"),
        _p(f"Agente {window['agent_id']} ({window.get('agent_name') or ''}) · fecha de operación {_day(window['business_date'])} · "
           f"estado: {_WINDOW_STATES.get(window['state'], window['state'])} · emitido el {_stamp(now)}"),
        _p(f"Terminales: {', '.join(window.get('terminals') or []) or '-'}"),
        Spacer(1, 4 * mm),
    ]
    rows: list[list[Any]] = [["Control", "Resultado", "Esperado", "Encontrado", "Diferencia"]]
    labels, expected, actual = [], [], []
    for c in window["checks"]:
        diff = (c["actual"] - c["expected"]) if c["expected"] is not None and c["actual"] is not None else None
        status = Paragraph(f'<font color="{_STATUS_COLOURS.get(c["status"], colors.black).hexval()}">'
                           f'{escape(_CHECK_STATUSES.get(c["status"], c["status"]))}</font>', _STYLES["BodyText"])
        is_money = c["name"] not in ("completeness",)
        fmt = (lambda v: money(v, c["currency"])) if is_money else (lambda v: "" if v is None else str(v))
        rows.append([_CHECKS.get(c["name"], c["name"]), status, fmt(c["expected"]), fmt(c["actual"]), fmt(diff) if diff else ""])
        if c["name"] in ("cash_deposits", "cheque_deposits", "card_settlement") and c["expected"] is not None:
            labels.append(_CHECKS[c["name"]])
            digits = 10 ** minor_units(c["currency"] or "DOP") if c["currency"] else 100
            expected.append((c["expected"] or 0) / digits)
            actual.append((c["actual"] or 0) / digits)
    story += [_table(rows, [45 * mm, 25 * mm, 35 * mm, 35 * mm, 35 * mm]), Spacer(1, 4 * mm)]
    if labels:
        story += [_bars("A depositar frente a depositado / liquidado", labels, [expected, actual], ["a depositar", "depositado"]),
                  Spacer(1, 4 * mm)]
    for c in window["checks"]:
        for d in c["detail"]:
            if c["status"] in ("fail", "resolved", "pending") and c["name"] not in ("cash_deposits", "cheque_deposits"):
                story.append(_p(f"{_CHECKS.get(c['name'], c['name'])}: {d}", "Code"))
    story += [Spacer(1, 4 * mm), _p("Excepciones", "Heading2")]
    ex_rows: list[list[Any]] = [["N.º", "Tipo", "Estado", "Monto", "Detalle / resolución"]]
    for e in window["exceptions"]:
        note = e.get("detail") or ""
        if e.get("resolution"):
            note += (f" — {_RESOLUTIONS.get(e['resolution'], e['resolution'])} por {e.get('resolved_by')}: "
                     f"{e.get('resolution_reason') or ''}")
        kind = e.get("type") or ""
        ex_rows.append([e["id"], _EXCEPTION_TYPES.get(kind, kind), _EXCEPTION_STATUSES.get(e["status"], e["status"]),
                        money(e.get("amount"), e.get("currency")), note])
    story.append(_table(ex_rows, [12 * mm, 30 * mm, 20 * mm, 25 * mm, 93 * mm]) if len(ex_rows) > 1 else _p("Ninguna."))
    story += [Spacer(1, 4 * mm), _p("Depósitos", "Heading2")]
    dep_rows: list[list[Any]] = [["N.º", "Banco", "Referencia", "Medio", "Estado", "Monto"]]
    for d in window["deposits"]:
        dep_rows.append([d["id"], d["bank"], d["reference"], _TENDERS.get(d["tender"], d["tender"]),
                         _DEPOSIT_STATUSES.get(d["status"], d["status"]), money(d["amount"], d["currency"])])
    story.append(_table(dep_rows) if len(dep_rows) > 1 else _p("Ninguno."))
    _doc(buffer, title).build(story)
    return buffer.getvalue()


def kpi_report(kpis: dict[str, Any], now: datetime | None = None) -> bytes:
    """The KPI period report: headline figures and the charts that read faster than tables.

    Every amount is of the one currency the KPIs were computed in (``kpis["currency"]``);
    the title says which, and a line names the period's other currencies, which are left out
    (money of different currencies is never added).
    """
    buffer = io.BytesIO()
    period = kpis["period"]
    currency = kpis.get("currency")
    digits = 10 ** minor_units(currency) if currency else 100
    days = f"del {_day(period['date_from'])} al {_day(period['date_to'])}"
    heading = f"Indicadores de recaudación en {currency}" if currency else "Indicadores de recaudación (sin pagos)"
    title = f"{heading}, {days}"
    scope = ", ".join(f"{k} {v}" for k, v in (("agente", period.get("agent_id")), ("facturador", period.get("biller_id"))) if v)
    scope = scope[:1].upper() + scope[1:] if scope else "Toda la red"
    promises = kpis["promises"]
    lag = kpis["sync_lag_s"]
    others = [c for c in kpis.get("currencies") or [] if c.get("currency") != currency]
    story: list[Any] = [
        _p(heading, "Title"),
        _p(f"Período {days} · {scope} · emitido el {_stamp(now)} · montos en {currency or '-'}"),
    ]
    if others:
        listed = ", ".join(f"{c['currency']} ({c['payments']} {'pago' if c['payments'] == 1 else 'pagos'})" for c in others)
        story.append(_p(f"En el período también hubo pagos en {listed}: no están sumados aquí: pida el informe de cada moneda."))
    due = promises["kept"] + promises["broken"]
    story += [
        Spacer(1, 4 * mm),
        _table([
            ["Indicador", "Valor"],
            ["Pagos", kpis["payments"]],
            ["Recaudado", money(kpis["collected"], currency)],
            ["Ticket promedio", money(kpis["average_ticket"], currency)],
            ["Hora pico", "" if kpis["peak_hour"] is None else f"{kpis['peak_hour']:02d}:00–{kpis['peak_hour']:02d}:59"],
            ["Cobrado sin conexión", f"{kpis['offline_share']} % de los pagos"],
            ["Marcados para revisión", f"{kpis['flagged_rate']} % de los pagos recibidos"],
            ["Demora de envío p50 / p95", f"{_secs(lag['p50'])} / {_secs(lag['p95'])}"],
            ["Promesas cumplidas (KP %)", "-" if promises["kp_percent"] is None else f"{promises['kp_percent']} % "
             f"({promises['kept']} de {due}; {promises['pending']} pendientes)"],
            ["Cheques devueltos", f"{kpis['returned_cheques']['count']} · {money(kpis['returned_cheques']['amount'], currency)}"],
        ], [70 * mm, 100 * mm]),
        Spacer(1, 4 * mm),
        _bars("Recaudado por día", [_day(r["date"])[:5] for r in kpis["by_day"]], [[r["amount"] / digits for r in kpis["by_day"]]],
              ["recaudado"]),
        _bars("Pagos por hora del día", [f"{r['hour']:02d}" for r in kpis["by_hour"]], [[r["count"] for r in kpis["by_hour"]]],
              ["pagos"]),
        _pie("Por medio de pago", [_TENDERS.get(r["tender"], r["tender"]) for r in kpis["by_tender"]],
             [r["amount"] for r in kpis["by_tender"]]),
        _bars("Antigüedad de lo cobrado (días de atraso)", [_AGEING.get(r["bucket"], r["bucket"]) for r in kpis["ageing"]],
              [[r["amount"] / digits for r in kpis["ageing"]]], ["cobrado"]),
        Spacer(1, 4 * mm),
        _p("Por agente", "Heading2"),
        _table([["Agente", "Pagos", "Recaudado"]] + [[r["agent_id"], r["count"], money(r["amount"], currency)] for r in kpis["by_agent"]]),
        Spacer(1, 4 * mm),
        _p("Por facturador", "Heading2"),
        _table([["Facturador", "Pagos", "Recaudado"]]
               + [[r["biller_id"], r["count"], money(r["amount"], currency)] for r in kpis["by_biller"]]),
    ]
    _doc(buffer, title).build(story)
    return buffer.getvalue()


def _secs(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 120:
        return f"{value:.0f} s"
    if value < 7200:
        return f"{value / 60:.0f} min"
    return f"{value / 3600:.1f} h"
