"""What goes on the paper, knowing no device.

A :class:`Layout` is a list of elements -- text lines already wrapped and
aligned to the profile's columns, rules, a QR code, a barcode, feeds and a
cut -- built from a :class:`~app.services.receipts.ReceiptData` for a
:class:`~printing.profiles.PrinterProfile`.  ESC/POS (``printing.escpos``),
the PDF copy (``printing.pdf``) and the PNG preview all draw the same layout,
so the paper, the e-mailed copy and the tests agree line for line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, Union
from zoneinfo import ZoneInfo

from app.domain.amounts import format_amount
from app.domain.money import Money
from app.services.receipts import ReceiptData
from printing.profiles import PrinterProfile, get_profile
from printing.text import printable, two_columns, wrap

Align = Literal["left", "center", "right"]


@dataclass(frozen=True, slots=True)
class TextLine:
    """One printed line; ``text`` is already padded for its alignment."""

    text: str
    align: Align = "left"
    bold: bool = False
    double: bool = False  # double width and height: half the columns
    tall: bool = False  # double height only
    invert: bool = False  # white on black


@dataclass(frozen=True, slots=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True, slots=True)
class QRCode:
    data: str


@dataclass(frozen=True, slots=True)
class Barcode:
    data: str  # digits
    symbology: str = "CODE128"


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True, slots=True)
class Cut:
    partial: bool = True


Element = Union[TextLine, Rule, QRCode, Barcode, Feed, Cut]


@dataclass
class Layout:
    profile: PrinterProfile
    elements: list[Element] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return self.profile.columns

    def text_lines(self) -> list[str]:
        """The paper as plain text (QR and barcode as placeholders): for tests and previews."""
        out: list[str] = []
        for e in self.elements:
            if isinstance(e, TextLine):
                out.append(e.text)
            elif isinstance(e, Rule):
                out.append(e.char * self.columns)
            elif isinstance(e, QRCode):
                out.append(f"[QR {e.data}]")
            elif isinstance(e, Barcode):
                out.append(f"[{e.symbology} {e.data}]")
            elif isinstance(e, Feed):
                out.extend([""] * e.lines)
            elif isinstance(e, Cut):
                out.append("[corte]")
        return out

    def text(self) -> str:
        return "\n".join(self.text_lines())


class LayoutBuilder:
    """Adds lines that fit: wraps, pads, and keeps only printable characters."""

    def __init__(self, profile: PrinterProfile | str) -> None:
        self.profile = get_profile(profile)
        self.layout = Layout(self.profile)

    @property
    def elements(self) -> list[Element]:
        return self.layout.elements

    def _clean(self, text: str) -> str:
        return printable(text, self.profile.codepage)

    def line(
        self,
        text: str,
        align: Align = "left",
        *,
        bold: bool = False,
        double: bool = False,
        tall: bool = False,
        invert: bool = False,
        indent: int = 0,
        hyphens: bool = False,
    ) -> LayoutBuilder:
        width = (self.profile.half_columns if double else self.profile.columns) - indent
        for piece in wrap(self._clean(text), width, hyphens=hyphens) or [""]:
            piece = " " * indent + piece
            if align == "center":
                padded = piece.center(width).rstrip() if not invert else piece.center(width)
            elif align == "right":
                padded = piece.rjust(width)
            else:
                padded = piece
            self.elements.append(TextLine(padded, align, bold, double, tall, invert))
        return self

    def pair(self, left: str, right: str, *, bold: bool = False, tall: bool = False, indent: int = 0) -> LayoutBuilder:
        """A label on the left and an amount right-aligned to the last column."""
        width = self.profile.columns - indent
        for piece in two_columns(self._clean(left), self._clean(right), width):
            self.elements.append(TextLine(" " * indent + piece, "left", bold, False, tall))
        return self

    def rule(self, char: str = "-") -> LayoutBuilder:
        self.elements.append(Rule(char))
        return self

    def qr(self, data: str) -> LayoutBuilder:
        if data:
            self.elements.append(QRCode(data))
        return self

    def barcode(self, digits: str) -> LayoutBuilder:
        digits = "".join(c for c in digits if "0" <= c <= "9")
        if digits:
            self.elements.append(Barcode(digits))
        return self

    def feed(self, lines: int = 1) -> LayoutBuilder:
        self.elements.append(Feed(lines))
        return self

    def cut(self) -> LayoutBuilder:
        self.elements.append(Cut(self.profile.partial_cut))
        return self

    def extend(self, other: Layout, *, without_cut: bool = True) -> LayoutBuilder:
        self.elements.extend(e for e in other.elements if not (without_cut and isinstance(e, Cut)))
        return self


# --- formatting in the outlet's locale ----------------------------------------------


def money_text(amount_minor: int, currency: str, locale: str) -> str:
    return format_amount(Money.from_minor(amount_minor, currency), locale, sign=True)


def _day_first(locale: str) -> bool:
    return not locale.startswith("en_US")


def date_text(value: date | str, locale: str) -> str:
    d = date.fromisoformat(value) if isinstance(value, str) else value
    return d.strftime("%d/%m/%Y" if _day_first(locale) else "%m/%d/%Y")


def datetime_text(value: datetime, timezone: str, locale: str) -> str:
    local = value.astimezone(ZoneInfo(timezone)) if value.tzinfo else value
    return f"{date_text(local.date(), locale)} {local:%H:%M}"


def receipt_number_text(receipt_no: int) -> str:
    return f"{receipt_no:08d}"


# --- the receipt -------------------------------------------------------------------


def _tender_lines(b: LayoutBuilder, tender: dict, money) -> None:
    kind = tender.get("kind", "")
    amount = tender.get("amount", 0)
    if kind == "cash":
        b.pair("Efectivo", money(amount))
        if "received" in tender:
            b.pair("Recibido", money(tender["received"]), indent=2)
        if "change" in tender:
            b.pair("Cambio", money(tender["change"]), indent=2, bold=True)
    elif kind == "cheque":
        b.pair("Cheque", money(amount))
        bank = tender.get("bank_code", "")
        number = tender.get("number", "")
        b.line(f"Banco {bank} N.º {number}".strip(), indent=2)
        if tender.get("drawer_name"):
            b.line(f"Girador: {tender['drawer_name']}", indent=2)
    elif kind == "card":
        brand = str(tender.get("brand", "")).upper()
        last4 = str(tender.get("last4", ""))[-4:]
        b.pair(f"Tarjeta {brand} **** {last4}".replace("  ", " "), money(amount))
        if tender.get("auth_code"):
            b.line(f"Autorización {tender['auth_code']}", indent=2)
    else:
        b.pair(str(kind).capitalize() or "Otro", money(amount))


def _header(b: LayoutBuilder, r: ReceiptData) -> None:
    name_fits = len(printable(r.outlet_name, b.profile.codepage)) <= b.profile.half_columns
    b.line(r.outlet_name, "center", bold=True, double=name_fits)
    agent = f"Agente {r.agent_id}" + (f" - {r.agent_name}" if r.agent_name else "")
    b.line(agent, "center")
    if r.outlet_address:
        b.line(r.outlet_address, "center")
    b.rule("=")


def _marks(b: LayoutBuilder, r: ReceiptData, reprint: bool) -> None:
    if reprint:
        b.line("REIMPRESIÓN", "center", bold=True, double=True)
        b.line("El recibo anterior quedó incompleto", "center")
    if r.is_copy:
        b.line("COPIA", "center", bold=True, double=True)
        b.line(f"Impresión n.º {r.print_count} de este recibo", "center")
    if r.offline:
        b.line("SUJETO A VALIDACIÓN", "center", bold=True, invert=True)
        b.line("Pago tomado sin conexión con la central", "center")
    if reprint or r.is_copy or r.offline:
        b.feed()


def _who_and_when(b: LayoutBuilder, r: ReceiptData) -> None:
    b.pair("Recibo N.º", receipt_number_text(r.receipt_no), bold=True)
    b.pair("Fecha", datetime_text(r.occurred_at, r.timezone, r.locale))
    b.pair("Caja", f"{r.terminal_name} ({r.terminal_id})" if r.terminal_name else r.terminal_id)
    b.pair("Cajero", r.cashier_name or r.cashier_id)
    if r.after_cutoff:
        b.pair("Fecha contable", date_text(r.business_date, r.locale), bold=True)
        b.line(f"Pago después del corte: se abona el {date_text(r.business_date, r.locale)}")


def _account(b: LayoutBuilder, r: ReceiptData) -> None:
    b.rule()
    b.line(r.biller_name or r.biller_id, bold=True)
    b.pair("Cuenta", r.account_id)
    if r.account_name:
        b.line(r.account_name)


def _identity(b: LayoutBuilder, r: ReceiptData) -> None:
    b.rule()
    ids = f"Id de pago: {r.payment_id}"
    if len(ids) <= b.profile.columns:
        b.line(ids)
    else:
        b.line("Id de pago:")
        b.line(r.payment_id, hyphens=True)


def receipt_layout(receipt: ReceiptData, profile: PrinterProfile | str = "80mm", *, reprint: bool = False) -> Layout:
    """The customer's receipt; a voided payment gives the void receipt.

    ``reprint`` marks it REIMPRESIÓN: a previous print of it was cut off.
    """
    if receipt.voided:
        return void_layout(receipt, profile, reprint=reprint)
    r = receipt
    b = LayoutBuilder(profile)

    def money(minor: int) -> str:
        return money_text(minor, r.currency, r.locale)

    _header(b, r)
    _marks(b, r, reprint)
    _who_and_when(b, r)
    _account(b, r)

    b.rule()
    b.line("DOCUMENTOS PAGADOS", bold=True)
    for doc in r.lines:
        label = doc.document_id + (f" vence {date_text(doc.due_date, r.locale)}" if doc.due_date else "")
        b.pair(label, money(doc.amount_minor))
    if r.discount_minor:
        b.pair("Descuento", money(-r.discount_minor))
    b.pair("TOTAL PAGADO", money(r.amount_minor), bold=True, tall=True)

    b.rule()
    b.line("FORMA DE PAGO", bold=True)
    for tender in r.tenders:
        _tender_lines(b, tender, money)

    b.rule()
    b.pair("Saldo después del pago", money(r.balance_after_minor), bold=True)
    b.line(f"Saldo al {datetime_text(r.balance_as_of, r.timezone, r.locale)}")
    if r.offline:
        b.line("Saldo de la copia local: la central lo confirmará")

    _identity(b, r)
    b.feed()
    b.qr(r.verification)
    b.line("Verifique este recibo con el código QR", "center")
    b.feed()
    b.barcode(receipt_number_text(r.receipt_no))
    if r.footer:
        b.feed()
        b.line(r.footer, "center")
    if r.is_copy:
        b.line(f"*** COPIA - impresión n.º {r.print_count} ***", "center", bold=True)
    b.cut()
    return b.layout


def void_layout(receipt: ReceiptData, profile: PrinterProfile | str = "80mm", *, reprint: bool = False) -> Layout:
    """The receipt of a void: which receipt it cancels, the amount, who approved it.

    ``receipt.extra`` may hold ``void_reason``, ``voided_at`` (datetime or
    ISO text) and ``void_approver`` (a name or id).
    """
    r = receipt
    b = LayoutBuilder(profile)

    def money(minor: int) -> str:
        return money_text(minor, r.currency, r.locale)

    _header(b, r)
    b.line("ANULACIÓN", "center", bold=True, double=True)
    b.line(f"Anula el recibo N.º {receipt_number_text(r.receipt_no)}", "center", bold=True)
    b.feed()
    _marks(b, r, reprint)
    voided_at = r.extra.get("voided_at")
    if isinstance(voided_at, str) and voided_at:
        voided_at = datetime.fromisoformat(voided_at)
    if isinstance(voided_at, datetime):
        b.pair("Anulado el", datetime_text(voided_at, r.timezone, r.locale))
    b.pair("Pago del", datetime_text(r.occurred_at, r.timezone, r.locale))
    b.pair("Caja", f"{r.terminal_name} ({r.terminal_id})" if r.terminal_name else r.terminal_id)
    b.pair("Cajero", r.cashier_name or r.cashier_id)
    if r.extra.get("void_approver"):
        b.pair("Autorizó", str(r.extra["void_approver"]))
    if r.extra.get("void_reason"):
        b.line(f"Motivo: {r.extra['void_reason']}")
    _account(b, r)
    b.rule()
    b.pair("MONTO ANULADO", money(r.amount_minor), bold=True, tall=True)
    if r.discount_minor:
        b.pair("Descuento anulado", money(r.discount_minor))
    b.line("Se devuelve al cliente", bold=True)
    for tender in r.tenders:
        _tender_lines(b, {k: v for k, v in tender.items() if k not in ("received", "change")}, money)
    _identity(b, r)
    b.feed(2)
    b.line("_" * min(30, b.profile.columns), "center")
    b.line("Firma del cliente", "center")
    b.feed()
    b.barcode(receipt_number_text(r.receipt_no))
    b.cut()
    return b.layout
