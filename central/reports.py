"""PDF reports for the central office (reportlab, charts from reportlab.graphics):
a window's reconciliation, and a KPI period report.

Amounts are printed in major units of the currency; nothing here touches the
database beyond what ``central.office`` and ``central.kpis`` hand over.
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
        d.add(String(20, size / 2, "(nothing collected)", fontSize=8))
        return d
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 20, 5, size - 10, size - 10
    pie.data = values
    pie.labels = [f"{label} {v / sum(values) * 100:.0f}%" for label, v in zip(labels, values)]
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
    return (now or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")


def window_report(window: dict[str, Any], now: datetime | None = None) -> bytes:
    """A window's reconciliation: state, every check with its figures, exceptions, deposits."""
    buffer = io.BytesIO()
    title = f"Reconciliation {window['agent_id']} {window['business_date']}"
    story: list[Any] = [
        _p(title, "Title"),
        _p(f"Agent {window['agent_id']} ({window.get('agent_name') or ''}) · business date {window['business_date']} · "
           f"state {window['state']} · printed {_stamp(now)}"),
        _p(f"Terminals: {', '.join(window.get('terminals') or []) or '-'}"),
        Spacer(1, 4 * mm),
    ]
    rows: list[list[Any]] = [["check", "status", "expected", "actual", "difference"]]
    labels, expected, actual = [], [], []
    for c in window["checks"]:
        diff = (c["actual"] - c["expected"]) if c["expected"] is not None and c["actual"] is not None else None
        status = Paragraph(f'<font color="{_STATUS_COLOURS.get(c["status"], colors.black).hexval()}">{escape(c["status"])}</font>', _STYLES["BodyText"])
        is_money = c["name"] not in ("completeness",)
        fmt = (lambda v: money(v, c["currency"])) if is_money else (lambda v: "" if v is None else str(v))
        rows.append([c["name"], status, fmt(c["expected"]), fmt(c["actual"]), fmt(diff) if diff else ""])
        if c["name"] in ("cash_deposits", "cheque_deposits", "card_settlement") and c["expected"] is not None:
            labels.append(c["name"].replace("_", " "))
            digits = 10 ** minor_units(c["currency"] or "DOP") if c["currency"] else 100
            expected.append((c["expected"] or 0) / digits)
            actual.append((c["actual"] or 0) / digits)
    story += [_table(rows, [45 * mm, 25 * mm, 35 * mm, 35 * mm, 35 * mm]), Spacer(1, 4 * mm)]
    if labels:
        story += [_bars("Due against deposited / settled", labels, [expected, actual], ["due", "deposited"]), Spacer(1, 4 * mm)]
    for c in window["checks"]:
        for d in c["detail"]:
            if c["status"] in ("fail", "resolved", "pending") and c["name"] not in ("cash_deposits", "cheque_deposits"):
                story.append(_p(f"{c['name']}: {d}", "Code"))
    story += [Spacer(1, 4 * mm), _p("Exceptions", "Heading2")]
    ex_rows: list[list[Any]] = [["#", "type", "status", "amount", "detail / resolution"]]
    for e in window["exceptions"]:
        note = e.get("detail") or ""
        if e.get("resolution"):
            note += f" — {e['resolution']} by {e.get('resolved_by')}: {e.get('resolution_reason') or ''}"
        ex_rows.append([e["id"], e.get("type") or "", e["status"], money(e.get("amount"), e.get("currency")), note])
    story.append(_table(ex_rows, [12 * mm, 30 * mm, 20 * mm, 25 * mm, 93 * mm]) if len(ex_rows) > 1 else _p("none"))
    story += [Spacer(1, 4 * mm), _p("Deposits", "Heading2")]
    dep_rows: list[list[Any]] = [["#", "bank", "reference", "tender", "status", "amount"]]
    for d in window["deposits"]:
        dep_rows.append([d["id"], d["bank"], d["reference"], d["tender"], d["status"], money(d["amount"], d["currency"])])
    story.append(_table(dep_rows) if len(dep_rows) > 1 else _p("none"))
    _doc(buffer, title).build(story)
    return buffer.getvalue()


def kpi_report(kpis: dict[str, Any], now: datetime | None = None) -> bytes:
    """The KPI period report: headline figures and the charts that read faster than tables."""
    buffer = io.BytesIO()
    period = kpis["period"]
    currency = (kpis.get("currencies") or ["DOP"])[0] or "DOP"
    digits = 10 ** minor_units(currency)
    title = f"Collection KPIs {period['date_from']} – {period['date_to']}"
    scope = ", ".join(f"{k} {v}" for k, v in (("agent", period.get("agent_id")), ("biller", period.get("biller_id"))) if v) or "whole network"
    promises = kpis["promises"]
    lag = kpis["sync_lag_s"]
    story: list[Any] = [
        _p(title, "Title"),
        _p(f"{scope} · printed {_stamp(now)} · amounts in {currency}"),
        Spacer(1, 4 * mm),
        _table([
            ["indicator", "value"],
            ["payments", kpis["payments"]],
            ["collected", money(kpis["collected"], currency)],
            ["average ticket", money(kpis["average_ticket"], currency)],
            ["peak hour", "" if kpis["peak_hour"] is None else f"{kpis['peak_hour']:02d}:00"],
            ["taken offline", f"{kpis['offline_share']} %"],
            ["flagged", f"{kpis['flagged_rate']} %"],
            ["sync lag p50 / p95", f"{_secs(lag['p50'])} / {_secs(lag['p95'])}"],
            ["promises kept (KP %)", "-" if promises["kp_percent"] is None else f"{promises['kp_percent']} % "
             f"({promises['kept']} of {promises['kept'] + promises['broken']}; {promises['pending']} pending)"],
            ["returned cheques", f"{kpis['returned_cheques']['count']} · {money(kpis['returned_cheques']['amount'], currency)}"],
        ], [70 * mm, 100 * mm]),
        Spacer(1, 4 * mm),
        _bars("Collected per day", [r["date"][5:] for r in kpis["by_day"]], [[r["amount"] / digits for r in kpis["by_day"]]], ["collected"]),
        _bars("Payments per hour of day", [f"{r['hour']:02d}" for r in kpis["by_hour"]], [[r["count"] for r in kpis["by_hour"]]], ["payments"]),
        _pie("By tender", [r["tender"] for r in kpis["by_tender"]], [r["amount"] for r in kpis["by_tender"]]),
        _bars("Ageing of what was collected (days past due)", [r["bucket"] for r in kpis["ageing"]], [[r["amount"] / digits for r in kpis["ageing"]]], ["collected"]),
        Spacer(1, 4 * mm),
        _p("By agent", "Heading2"),
        _table([["agent", "payments", "collected"]] + [[r["agent_id"], r["count"], money(r["amount"], currency)] for r in kpis["by_agent"]]),
        Spacer(1, 4 * mm),
        _p("By biller", "Heading2"),
        _table([["biller", "payments", "collected"]] + [[r["biller_id"], r["count"], money(r["amount"], currency)] for r in kpis["by_biller"]]),
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
