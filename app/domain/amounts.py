"""Amounts as cashiers type and read them, in the outlet's locale.

Colombia writes one thousand five hundred and a half as ``1.500,50``; the
Dominican Republic as ``1,500.50``.  Parsing is strict: a group separator is
accepted only where groups of three digits belong, so ``1.50`` in Colombia is
refused rather than silently read as one hundred and fifty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.domain.errors import DomainError
from app.domain.money import CURRENCY_SIGNS, MAX_MAJOR, Money, minor_units


@dataclass(frozen=True, slots=True)
class NumberFormat:
    decimal_sep: str
    group_sep: str


#: outlet locales we know; the settings name one of them.
LOCALES: dict[str, NumberFormat] = {
    "es_CO": NumberFormat(",", "."),
    "es_AR": NumberFormat(",", "."),
    "es_CL": NumberFormat(",", "."),
    "es_PY": NumberFormat(",", "."),
    "es_DO": NumberFormat(".", ","),
    "es_MX": NumberFormat(".", ","),
    "es_PE": NumberFormat(".", ","),
    "es_GT": NumberFormat(".", ","),
    "en_US": NumberFormat(".", ","),
}


def number_format(locale: str) -> NumberFormat:
    try:
        return LOCALES[locale]
    except KeyError:
        raise DomainError("unknown_locale", f"El formato regional {locale!r} no está configurado.") from None


def parse_amount(text: str, currency: str, locale: str) -> Money:
    """Read a typed amount; refuse anything a cashier could not have meant."""
    fmt = number_format(locale)
    raw = (text or "").strip()
    for sign in sorted({CURRENCY_SIGNS.get(currency, ""), currency, "$"} - {""}, key=len, reverse=True):
        if raw.upper().startswith(sign.upper()):
            raw = raw[len(sign):].strip()
            break
    raw = raw.replace(" ", "").replace("\u00a0", "")
    if not raw:
        raise DomainError("empty_amount", "Escriba un monto.", field="amount")
    if raw.startswith("-") or raw.startswith("("):
        raise DomainError("negative_amount", "El monto no puede ser negativo.", field="amount")
    g, d = re.escape(fmt.group_sep), re.escape(fmt.decimal_sep)
    pattern = rf"^(?P<int>\d{{1,3}}(?:{g}\d{{3}})+|\d+)?(?:{d}(?P<frac>\d*))?$"
    m = re.match(pattern, raw)
    if not m or (m.group("int") is None and not m.group("frac")):
        if re.search(r"[^\d.,]", raw):
            raise DomainError("not_a_number", f"«{text.strip()}» no es un monto: use solo cifras.", field="amount")
        example = format_amount(Money(Decimal("1500.50") if minor_units(currency) else Decimal(1500), currency), locale)
        raise DomainError(
            "bad_amount_format",
            f"No se entiende el monto «{text.strip()}». Escríbalo así: {example}.",
            field="amount",
        )
    integer = (m.group("int") or "0").replace(fmt.group_sep, "")
    frac = m.group("frac") or ""
    digits = minor_units(currency)
    if len(frac.rstrip("0")) > digits:
        raise DomainError(
            "too_many_decimals",
            f"{currency} admite {digits} decimales." if digits else f"{currency} no lleva decimales.",
            field="amount",
        )
    if len(integer.lstrip("0")) > len(str(int(MAX_MAJOR))) - 1:
        raise DomainError("amount_too_large", "El monto es demasiado grande.", field="amount")
    try:
        value = Decimal(f"{integer}.{frac or '0'}")
    except InvalidOperation:  # pragma: no cover - the regex already guards it
        raise DomainError("not_a_number", "El monto no es un número.", field="amount") from None
    return Money(value, currency)


def format_amount(money: Money, locale: str, *, sign: bool = False) -> str:
    """``1.500,50`` or ``1,500.50``, with the currency sign when asked."""
    fmt = number_format(locale)
    digits = minor_units(money.currency)
    negative = money.amount < 0
    q = abs(money.amount)
    text = f"{q:,.{digits}f}"  # 1,500.50 in Python's own notation
    text = text.replace(",", "\x00").replace(".", fmt.decimal_sep).replace("\x00", fmt.group_sep)
    if sign:
        text = f"{CURRENCY_SIGNS.get(money.currency, money.currency)} {text}"
    return f"-{text}" if negative else text
