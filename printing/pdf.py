"""PDF with reportlab: the receipt copy sent by e-mail, X/Z shift reports, and long tables.

* :func:`receipt_pdf` draws the same :class:`~printing.layout.Layout` as the
  paper (42 columns, Courier) on an 80 mm wide page, with a real QR code and
  barcode: the e-mailed copy reads line for line like the paper.
* :func:`table_pdf` paginates a table on A4 with the header row repeated on
  every page, the running total carried from page to page ("Vienen" /
  "Van") and the totals at the end; :func:`shift_report_pdf` builds X and Z
  reports on it.  Numbers and dates are in the outlet's locale format.

Pages are drawn on the canvas directly rather than through platypus tables:
a Z report of 5,000 payments must come out in well under three seconds.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from app.services.receipts import ReceiptData
from printing.layout import Barcode, Cut, Feed, Layout, QRCode, Rule, TextLine, datetime_text, money_text, receipt_layout
from printing.profiles import PrinterProfile
from printing.text import printable

PDF_CODEC = "cp1252"  # the standard PDF fonts' WinAnsi encoding


def _pdf_text(text: str) -> str:
    return printable(text, PDF_CODEC)


# --- receipt copy ------------------------------------------------------------------------


def receipt_pdf(receipt: ReceiptData, profile: PrinterProfile | str = "80mm-42", *, title: str = "") -> bytes:
    """The receipt as a PDF page 80 mm wide, as long as the receipt."""
    layout = receipt_layout(receipt, profile)
    return layout_pdf(layout, title=title or f"Recibo {receipt.receipt_no} - {receipt.outlet_name}")


def layout_pdf(layout: Layout, *, title: str = "") -> bytes:
    prof = layout.profile
    margin = 4 * mm
    width = prof.paper_mm * mm
    char_w = (width - 2 * margin) / prof.columns
    size = char_w / 0.6  # Courier advances 0.6 em
    lead = size * 1.25
    qr_side = min(34 * mm, width - 2 * margin)
    bar_h = 12 * mm

    def height_of(e) -> float:
        if isinstance(e, TextLine):
            return lead * (2 if (e.double or e.tall) else 1)
        if isinstance(e, Rule):
            return lead
        if isinstance(e, QRCode):
            return qr_side + lead * 0.5
        if isinstance(e, Barcode):
            return bar_h + lead * 1.5
        if isinstance(e, Feed):
            return lead * e.lines
        return 0.0

    elements = [e for e in layout.elements if not isinstance(e, Cut)]
    page_h = sum(height_of(e) for e in elements) + 2 * margin
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, page_h), pageCompression=1)
    c.setTitle(_pdf_text(title))
    c.setAuthor("Ventanilla")
    y = page_h - margin
    for e in elements:
        h = height_of(e)
        if isinstance(e, (TextLine, Rule)):
            text = e.text if isinstance(e, TextLine) else e.char * prof.columns
            scale = 2 if isinstance(e, TextLine) and (e.double or e.tall) else 1
            font = "Courier-Bold" if isinstance(e, TextLine) and e.bold else "Courier"
            base = y - h + lead * 0.3 * scale
            c.saveState()
            if isinstance(e, TextLine) and e.invert:
                c.rect(margin, base - size * 0.25, width - 2 * margin, size * 1.15 * scale, stroke=0, fill=1)
                c.setFillColorRGB(1, 1, 1)
            t = c.beginText(margin, base)
            t.setFont(font, size * scale)
            if isinstance(e, TextLine) and e.tall and not e.double:
                t.setHorizScale(50)  # double height, single width
            t.textOut(_pdf_text(text))
            c.drawText(t)
            c.restoreState()
        elif isinstance(e, QRCode):
            widget = QrCodeWidget(e.data, barLevel="M")
            x0, y0, x1, y1 = widget.getBounds()
            d = Drawing(qr_side, qr_side, transform=[qr_side / (x1 - x0), 0, 0, qr_side / (y1 - y0), 0, 0])
            d.add(widget)
            renderPDF.draw(d, c, (width - qr_side) / 2, y - qr_side)
        elif isinstance(e, Barcode):
            bc = code128.Code128(e.data, barHeight=bar_h, barWidth=0.33 * mm, humanReadable=False)
            bc.drawOn(c, (width - bc.width) / 2, y - bar_h)
            c.setFont("Courier", size)
            c.drawCentredString(width / 2, y - bar_h - lead, e.data)
        y -= h
    c.showPage()
    c.save()
    return buf.getvalue()


# --- long tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float
    align: str = "left"  # left / right / center
    total: bool = False  # summed into the carried and final totals
    format: Callable[[Any], str] = str


@dataclass
class TableReport:
    title: str
    header_lines: list[str]
    columns: list[Column]
    rows: Sequence[Sequence[Any]]
    #: rows after the table: (label, value) pairs, already formatted
    summary: list[tuple[str, str]] = field(default_factory=list)
    total_label: str = "Total"
    #: rows to leave out of the sums (voids), by index; they print struck through
    excluded: set[int] = field(default_factory=set)
    footer: str = ""


class _NumberedCanvas(canvas.Canvas):
    """Writes "Página n de N" once the number of pages is known."""

    def __init__(self, *args, footer: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer = footer

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("Helvetica", 7)
            self.drawRightString(A4[0] - 15 * mm, 10 * mm, f"Página {self._pageNumber} de {total}")
            if self._footer:
                self.drawString(15 * mm, 10 * mm, self._footer)
            super().showPage()
        super().save()


def table_pdf(report: TableReport) -> bytes:
    """A4 pages: header lines, the table with its header on every page, carried and final totals."""
    page_w, page_h = A4
    left, right, top, bottom = 15 * mm, page_w - 15 * mm, page_h - 15 * mm, 18 * mm
    row_h, size = 4.6 * mm, 8
    cols = report.columns
    x_positions = []
    x = left
    for col in cols:
        x_positions.append(x)
        x += col.width_mm * mm
    total_idx = [i for i, col in enumerate(cols) if col.total]
    carried = {i: 0 for i in total_idx}
    count_label_col = next(i for i, col in enumerate(cols) if not col.total)

    buf = io.BytesIO()
    c = _NumberedCanvas(buf, pagesize=A4, pageCompression=1, footer=_pdf_text(report.footer))
    c.setTitle(_pdf_text(report.title))
    c.setAuthor("Ventanilla")

    def cell(text: str, i: int, yy: float, font: str = "Helvetica") -> None:
        col = cols[i]
        text = _pdf_text(text)
        w = col.width_mm * mm - 1.5 * mm
        while text and stringWidth(text, font, size) > w:
            text = text[:-2] + "…" if len(text) > 2 else ""
            text = text.replace("…", "") if stringWidth("…", font, size) > w else text
        c.setFont(font, size)
        x0 = x_positions[i]
        if col.align == "right":
            c.drawRightString(x0 + col.width_mm * mm - 1 * mm, yy, text)
        elif col.align == "center":
            c.drawCentredString(x0 + col.width_mm * mm / 2, yy, text)
        else:
            c.drawString(x0 + 0.5 * mm, yy, text)

    def totals_row(label: str, yy: float) -> None:
        c.setLineWidth(0.4)
        c.line(left, yy + row_h - 1.2 * mm, right, yy + row_h - 1.2 * mm)
        c.setFont("Helvetica-Bold", size)
        c.drawString(x_positions[count_label_col] + 0.5 * mm, yy, _pdf_text(label))
        for i in total_idx:
            cell(cols[i].format(carried[i]), i, yy, "Helvetica-Bold")

    def page_head(first: bool, table: bool = True) -> float:
        yy = top
        c.setFont("Helvetica-Bold", 13)
        c.drawString(left, yy, _pdf_text(report.title))
        yy -= 6 * mm
        c.setFont("Helvetica", 8.5)
        for line in report.header_lines if first else report.header_lines[:1]:
            c.drawString(left, yy, _pdf_text(line))
            yy -= 4.2 * mm
        yy -= 2 * mm
        if not table:
            return yy
        c.setFillColorRGB(0.88, 0.88, 0.88)
        c.rect(left, yy - 1.3 * mm, right - left, row_h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        for i, col in enumerate(cols):
            cell(col.title, i, yy, "Helvetica-Bold")
        yy -= row_h
        if not first and total_idx:
            totals_row("Vienen", yy)
            yy -= row_h
        return yy

    y = page_head(True)
    for n, row in enumerate(report.rows):
        if y < bottom + 2 * row_h:
            if total_idx:
                totals_row("Van", y)
            c.showPage()
            y = page_head(False)
        excluded = n in report.excluded
        for i, value in enumerate(row):
            cell(cols[i].format(value), i, y)
            if i in carried and not excluded:
                carried[i] += value
        if excluded:
            c.setLineWidth(0.3)
            c.line(left, y + 1 * mm, right, y + 1 * mm)
        y -= row_h
    if total_idx:
        if y < bottom + row_h:
            c.showPage()
            y = page_head(False)
        totals_row(report.total_label, y)
        y -= row_h
    y -= 4 * mm
    for label, value in report.summary:
        if y < bottom:
            c.showPage()
            y = page_head(False, table=False)
        if not label and not value:
            y -= 2 * mm
            continue
        c.setFont("Helvetica-Bold" if label.isupper() else "Helvetica", 9)
        c.drawString(left, y, _pdf_text(label))
        c.drawRightString(left + 120 * mm, y, _pdf_text(value))
        y -= 4.6 * mm
    c.showPage()
    c.save()
    return buf.getvalue()


# --- X and Z shift reports ------------------------------------------------------------------

TENDER_NAMES = {"cash": "Efectivo", "cheque": "Cheque", "card": "Tarjeta"}


@dataclass(frozen=True)
class ReportPayment:
    receipt_no: int
    occurred_at: datetime
    account_id: str
    account_name: str
    tenders: str  # "Efectivo", "Tarjeta", "Efectivo + Cheque"
    amount_minor: int
    voided: bool = False


@dataclass(frozen=True)
class ShiftReport:
    """What an X (mid-shift reading) or Z (shift close) report says; knows no store."""

    kind: str  # "X" or "Z"
    outlet_name: str
    agent_id: str
    terminal_id: str
    cashier_name: str
    shift_id: str
    business_date: str
    opened_at: datetime
    printed_at: datetime
    currency: str
    locale: str
    timezone: str
    payments: Sequence[ReportPayment]
    closed_at: datetime | None = None
    opening_float_minor: int = 0
    drops_minor: int = 0
    #: per tender kind ("cash", "cheque", "card"): the totals the drawer should hold / was counted
    expected: dict[str, int] = field(default_factory=dict)
    counted: dict[str, int] | None = None
    approver_name: str = ""


def report_payment(record: Any, tender_names: dict[str, str] = TENDER_NAMES) -> ReportPayment:
    """A row from an ``app.services.ports.PaymentRecord``."""
    kinds = []
    for t in record.tenders:
        name = tender_names.get(t.get("kind", ""), str(t.get("kind", "")).capitalize())
        if name not in kinds:
            kinds.append(name)
    return ReportPayment(
        record.receipt_no,
        record.occurred_at,
        record.account_id,
        record.account_name,
        " + ".join(kinds),
        record.amount_minor,
        record.status == "voided",
    )


def shift_report_pdf(report: ShiftReport) -> bytes:
    r = report
    money = lambda v: money_text(v, r.currency, r.locale)  # noqa: E731
    when = lambda d: datetime_text(d, r.timezone, r.locale)  # noqa: E731
    kind = r.kind.upper()
    title = "Informe Z - cierre de turno" if kind == "Z" else "Informe X - lectura parcial del turno"
    header = [
        f"{r.outlet_name} - agente {r.agent_id} - caja {r.terminal_id} - cajero {r.cashier_name}",
        f"Turno {r.shift_id} - fecha contable {r.business_date}",
        f"Abierto {when(r.opened_at)}" + (f" - cerrado {when(r.closed_at)}" if r.closed_at else "")
        + f" - impreso {when(r.printed_at)}",
    ]
    columns = [
        Column("Recibo", 18, "right", format=lambda v: f"{v:08d}"),
        Column("Fecha y hora", 28, format=when),
        Column("Cuenta", 26),
        Column("Nombre", 50),
        Column("Forma de pago", 29),
        Column("Monto", 29, "right", total=True, format=money),
    ]
    rows = [(p.receipt_no, p.occurred_at, p.account_id, ("ANULADO - " if p.voided else "") + p.account_name,
             p.tenders, p.amount_minor) for p in r.payments]
    excluded = {i for i, p in enumerate(r.payments) if p.voided}
    valid = [p for p in r.payments if not p.voided]
    voids = [p for p in r.payments if p.voided]
    summary: list[tuple[str, str]] = [
        ("RESUMEN", ""),
        ("Pagos", f"{len(valid)}"),
        ("Monto cobrado", money(sum(p.amount_minor for p in valid))),
        ("Anulaciones", f"{len(voids)} por {money(sum(p.amount_minor for p in voids))}"),
        ("Fondo de caja inicial", money(r.opening_float_minor)),
        ("Retiros a caja fuerte", money(r.drops_minor)),
    ]
    if r.expected:
        summary += [("", ""), ("ESPERADO EN CAJA", "")]
        summary += [(TENDER_NAMES.get(k, k), money(v)) for k, v in r.expected.items()]
    if kind == "Z" and r.counted is not None:
        summary += [("", ""), ("CONTADO", "")]
        summary += [(TENDER_NAMES.get(k, k), money(v)) for k, v in r.counted.items()]
        summary += [("", ""), ("SOBRANTE / FALTANTE", "")]
        for k in sorted(set(r.expected) | set(r.counted)):
            diff = r.counted.get(k, 0) - r.expected.get(k, 0)
            word = "sobrante" if diff > 0 else "faltante" if diff < 0 else "cuadra"
            summary.append((TENDER_NAMES.get(k, k), f"{money(diff)} ({word})"))
        if r.approver_name:
            summary.append(("Aprobó", r.approver_name))
    return table_pdf(
        TableReport(title, header, columns, rows, summary, total_label=f"Total ({len(valid)} pagos)",
                    excluded=excluded, footer=f"Ventanilla - informe {kind} - turno {r.shift_id}")
    )
