"""Tender details as a cashier types them, turned into tenders or refused with a clear reason.

The screens hand over text; these functions answer with a tender or a
:class:`DomainError` naming the field, never a trace.  A full card number is
refused in every field: anything of 13 to 19 digits (spaces or dashes between
them allowed) that passes the Luhn check.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final, Mapping

from app.domain.amounts import parse_amount
from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.payments import CardTender, CashTender, ChequeTender

MAX_FIELD_CHARS: Final = 80
_DIGIT_RUN = re.compile(r"\d(?:[ \-.]?\d)*")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_LOCAL_DATE = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card_number_in(text: str) -> bool:
    """True when ``text`` holds something that looks like a full card number."""
    if len(text) < 13:
        return False
    for m in _DIGIT_RUN.finditer(text):
        run = m.group()
        digits = "".join(c for c in run if c.isdigit())
        if 13 <= len(digits) <= 19 and digits.isascii() and luhn_ok(digits):
            return True
        if len(digits) != len(run):  # grouped: also look at each unbroken piece
            for piece in re.split(r"[ \-.]", run):
                if 13 <= len(piece) <= 19 and luhn_ok(piece):
                    return True
    return False


def refuse_card_numbers(text: str, field: str) -> None:
    """Refuse a full card number typed into ``field`` (it must never be stored anywhere)."""
    if isinstance(text, str) and card_number_in(text):
        raise DomainError(
            "card_number_refused",
            "No escriba números de tarjeta completos: anote solo los últimos 4 dígitos.",
            field=field,
        )


def _text(fields: Mapping[str, object], name: str, *, required: bool = True, label: str = "") -> str:
    value = fields.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DomainError("bad_text", f"{label or name}: escriba texto.", field=name)
    value = value.strip()
    refuse_card_numbers(value, name)
    if len(value) > MAX_FIELD_CHARS:
        raise DomainError("text_too_long", f"{label or name}: máximo {MAX_FIELD_CHARS} caracteres.", field=name)
    if required and not value:
        raise DomainError("required", f"Falta {label or name}.", field=name)
    return value


def _digits(value: str, name: str, label: str) -> str:
    compact = value.replace(" ", "").replace("-", "")
    if not (compact.isascii() and compact.isdigit()):
        raise DomainError("not_digits", f"{label[:1].upper()}{label[1:]} lleva solo cifras: «{value[:20]}».", field=name)
    return compact


def parse_date(text: object, field: str = "date") -> date:
    """``2026-11-22`` or ``22/11/2026``; a date that does not exist (2025-02-30) is refused."""
    if not isinstance(text, str) or not text.strip():
        raise DomainError("required", "Escriba la fecha, así: 22/11/2026.", field=field)
    raw = text.strip()
    refuse_card_numbers(raw, field)
    m = _ISO_DATE.match(raw)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _LOCAL_DATE.match(raw)
        if not m:
            raise DomainError("bad_date_format", f"«{raw[:20]}» no es una fecha: escríbala así: 22/11/2026.", field=field)
        d, mo, y = (int(g) for g in m.groups())
    try:
        return date(y, mo, d)
    except ValueError:
        raise DomainError("bad_date", f"La fecha «{raw[:20]}» no existe.", field=field) from None


def parse_money(text: object, currency: str, locale: str, field: str) -> Money:
    """A typed amount (``parse_amount``) with the error pointed at ``field``."""
    if not isinstance(text, str):
        raise DomainError("not_a_number", "Escriba el monto con cifras.", field=field)
    refuse_card_numbers(text, field)
    try:
        return parse_amount(text, currency, locale)
    except DomainError as e:
        raise DomainError(e.code, e.message, field=field) from None


def parse_cheque(fields: Mapping[str, object], currency: str, locale: str) -> ChequeTender:
    """Keys: amount, bank_code, number, account_number, issue_date, drawer_name, drawer_id."""
    amount = parse_money(fields.get("amount"), currency, locale, "amount")
    if amount.amount <= 0:
        raise DomainError("amount_not_positive", "El monto del cheque debe ser mayor que cero.", field="amount")
    return ChequeTender(
        amount=amount,
        bank_code=_text(fields, "bank_code", label="el banco").upper(),
        number=_digits(_text(fields, "number", label="el número de cheque"), "number", "el número de cheque"),
        account_number=_digits(_text(fields, "account_number", label="la cuenta del cheque"), "account_number",
                               "la cuenta del cheque"),
        issue_date=parse_date(fields.get("issue_date"), "issue_date"),
        drawer_name=_text(fields, "drawer_name", label="el nombre del girador"),
        drawer_id=_text(fields, "drawer_id", label="la cédula o RNC del girador"),
    )


def parse_card(fields: Mapping[str, object], currency: str, locale: str) -> CardTender:
    """Keys: amount, brand, last4, auth_code, terminal_ref (optional)."""
    amount = parse_money(fields.get("amount"), currency, locale, "amount")
    if amount.amount <= 0:
        raise DomainError("amount_not_positive", "El monto de la tarjeta debe ser mayor que cero.", field="amount")
    last4 = _text(fields, "last4", label="los últimos 4 dígitos")
    if not (len(last4) == 4 and last4.isascii() and last4.isdigit()):
        raise DomainError("bad_last4", "Escriba solo los últimos 4 dígitos de la tarjeta.", field="last4")
    auth = _text(fields, "auth_code", label="el código de autorización")
    if not re.match(r"^[A-Za-z0-9]{6}$", auth):
        raise DomainError("bad_auth_code", "El código de autorización tiene 6 letras o cifras.", field="auth_code")
    return CardTender(
        amount=amount,
        brand=_text(fields, "brand", label="la marca de la tarjeta").lower(),
        last4=last4,
        auth_code=auth.upper(),
        terminal_ref=_text(fields, "terminal_ref", required=False),
    )


def parse_cash(fields: Mapping[str, object], currency: str, locale: str) -> CashTender:
    """Keys: amount (applied), received; the change is computed."""
    amount = parse_money(fields.get("amount"), currency, locale, "amount")
    received = parse_money(fields.get("received"), currency, locale, "received")
    if amount.amount <= 0:
        raise DomainError("amount_not_positive", "El monto en efectivo debe ser mayor que cero.", field="amount")
    if received < amount:
        raise DomainError("insufficient_cash", "El efectivo recibido no alcanza.", field="received")
    return CashTender(amount=amount, received=received, change=received - amount)


def parse_payer_id(fields: Mapping[str, object]) -> dict[str, str]:
    """Keys: type, number; the shape the payment item carries as ``payer_id``."""
    kind = _text(fields, "type", label="el tipo de documento").lower()
    number = _text(fields, "number", label="el número de documento").replace(" ", "")
    return {"type": kind, "number": number}


__all__ = [
    "card_number_in",
    "luhn_ok",
    "parse_card",
    "parse_cash",
    "parse_cheque",
    "parse_date",
    "parse_money",
    "parse_payer_id",
    "refuse_card_numbers",
]
