"""The office's vocabulary in Spanish, and amounts and dates as the clerk reads and types them.

The API speaks codes (``RECONCILED``, ``cash_deposits``, ``shortage``) and
amounts in minor units; the clerk reads «Conciliada», «Depósitos de
efectivo», «Faltante» and ``RD$ 1,500.00``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.amounts import format_amount, number_format, parse_amount
from app.domain.errors import DomainError
from app.domain.money import CURRENCY_SIGNS, Money, minor_units
from ui.central_office.errors import InputError

#: the desk's number format; the office sits where the agents are (es_DO writes 1,500.50)
LOCALE = "es_DO"
LOCALE_GROUP = number_format(LOCALE).group_sep

CHECKS = ("completeness", "manifests", "drawer_counts", "cash_deposits", "cheque_deposits", "card_settlement")
EXCEPTION_TYPES = (
    "shortage", "overage", "missing_items", "account_overpaid", "offline_limit", "clock_skew", "late",
    "unknown_account", "broken_chain", "manifest_mismatch", "unmatched_settlement", "unknown_document",
    "void_problem", "malformed",
)
WINDOW_STATES = ("OPEN", "CLOSED", "RECONCILED")


def _t(text: str) -> str:
    return QCoreApplication.translate("central_office", text)


def window_state(state: str) -> str:
    return {"OPEN": _t("Abierta"), "CLOSED": _t("Cerrada"), "RECONCILED": _t("Conciliada")}.get(state, state)


def check_name(name: str) -> str:
    return {
        "completeness": _t("Integridad"),
        "manifests": _t("Manifiestos"),
        "drawer_counts": _t("Arqueos"),
        "cash_deposits": _t("Depósitos de efectivo"),
        "cheque_deposits": _t("Depósitos de cheques"),
        "card_settlement": _t("Liquidación de tarjetas"),
    }.get(name, name)


def check_question(name: str) -> str:
    """What the check compares, in a line."""
    return {
        "completeness": _t("¿Llegaron todos los pagos y recibos de cada caja?"),
        "manifests": _t("¿Los totales de cada cierre coinciden con lo registrado?"),
        "drawer_counts": _t("¿Cuadró el arqueo de cada cajero?"),
        "cash_deposits": _t("¿Se depositó el efectivo cobrado?"),
        "cheque_deposits": _t("¿Se depositaron los cheques recibidos?"),
        "card_settlement": _t("¿El adquirente liquidó lo cobrado con tarjeta?"),
    }.get(name, "")


def check_status(status: str) -> str:
    return {
        "pass": _t("Cuadra"),
        "fail": _t("Diferencia"),
        "pending": _t("Pendiente"),
        "resolved": _t("Resuelto"),
        "not_run": _t("Sin revisar"),
        "": _t("Sin revisar"),
    }.get(status, status)


def exception_type(kind: str) -> str:
    return {
        "shortage": _t("Faltante"),
        "overage": _t("Sobrante"),
        "missing_items": _t("Pagos faltantes"),
        "account_overpaid": _t("Cuenta pagada de más"),
        "offline_limit": _t("Límite sin conexión"),
        "clock_skew": _t("Reloj desfasado"),
        "late": _t("Tardío"),
        "unknown_account": _t("Cuenta desconocida"),
        "broken_chain": _t("Cadena rota"),
        "manifest_mismatch": _t("Cierre no cuadra"),
        "unmatched_settlement": _t("Liquidación sin pago"),
        "unknown_document": _t("Documento desconocido"),
        "void_problem": _t("Anulación con problema"),
        "malformed": _t("Dato mal formado"),
    }.get(kind, kind)


def exception_status(status: str) -> str:
    return {"open": _t("Abierta"), "assigned": _t("Asignada"), "resolved": _t("Resuelta")}.get(status, status)


def resolution(action: str | None) -> str:
    return {
        "approve": _t("Aprobada"),
        "adjust": _t("Ajuste al cajero"),
        "reverse": _t("Reversada"),
        "cleared": _t("Se aclaró sola"),
        None: "",
    }.get(action, action or "")


def source(kind: str) -> str:
    return {"item": _t("Pago"), "check": _t("Control")}.get(kind, kind)


def deposit_status(status: str) -> str:
    return {
        "declared": _t("Declarado"),
        "confirmed": _t("Confirmado por el banco"),
        "matched": _t("Conciliado por referencia"),
        "unmatched": _t("Sin identificar"),
        "assigned": _t("Asignado a mano"),
    }.get(status, status)


def tender(kind: str) -> str:
    return {"cash": _t("Efectivo"), "cheque": _t("Cheque"), "card": _t("Tarjeta"), "transfer": _t("Transferencia")}.get(kind, kind)


def ageing_bucket(bucket: str) -> str:
    return {"0-30": _t("0–30 días"), "31-60": _t("31–60 días"), "61-90": _t("61–90 días"), "90+": _t("Más de 90 días"),
            "credit": _t("Saldo a favor")}.get(bucket, bucket)


def promise_state(state: str) -> str:
    return {"kept": _t("Cumplida"), "broken": _t("Incumplida"), "pending": _t("Pendiente")}.get(state, state)


def reason(code: str) -> str:
    """Why the central flagged or refused an item."""
    return {
        "account_overpaid": _t("la cuenta ya estaba pagada"),
        "offline_limit_exceeded": _t("pasó el límite de cobro sin conexión"),
        "business_date_closed": _t("llegó cuando su día ya estaba cerrado"),
        "clock_skew": _t("el reloj de la caja estaba desfasado"),
        "unknown_account": _t("la cuenta no existe en la central"),
        "currency_mismatch": _t("la moneda no es la de la cuenta"),
        "unknown_document": _t("el documento no existe en la central"),
        "broken_chain": _t("la cadena de la caja está rota"),
        "seq_conflict": _t("número de envío repetido"),
        "voided_payment_unknown": _t("anula un pago que la central no tiene"),
        "already_voided": _t("el pago ya estaba anulado"),
        "void_amount_mismatch": _t("la anulación no coincide con el pago"),
        "shortage": _t("faltante en el arqueo"),
        "overage": _t("sobrante en el arqueo"),
    }.get(code, code)


def audit_action(action: str) -> str:
    return {
        "exception_assigned": _t("Asignada"),
        "exception_approve": _t("Resuelta: aprobada"),
        "exception_adjust": _t("Resuelta: ajuste al cajero"),
        "exception_reverse": _t("Resuelta: pago reversado"),
        "exception_cleared": _t("Se aclaró sola"),
    }.get(action, action)


# -- amounts -------------------------------------------------------------------------


def money(amount: int | None, currency: str | None, *, sign: bool = True) -> str:
    """``RD$ 1,500.00`` from minor units; a bare number when the currency is unknown."""
    if amount is None:
        return ""
    if not currency:
        return f"{amount:,}"
    try:
        return format_amount(Money.from_minor(int(amount), currency), LOCALE, sign=sign).replace(" ", "\u00a0")
    except DomainError:
        return f"{currency} {amount / 100:,.2f}"


def read_amount(text: str, currency: str, *, allow_negative: bool = False) -> int:
    """The amount the clerk typed, in minor units; a plain sentence when it cannot be read."""
    raw = (text or "").strip()
    negative = allow_negative and raw.startswith("-")
    try:
        value = parse_amount(raw[1:] if negative else raw, currency, LOCALE)
    except DomainError as e:
        raise InputError(e.message, "amount") from e
    minor = value.to_minor()
    if minor == 0:
        raise InputError(_t("El monto no puede ser cero."), "amount")
    return -minor if negative else minor


def whole_money(amount: float, currency: str | None) -> str:
    """``RD$ 8,394``: rounded to whole units, for a chart's labels."""
    if not currency:
        return f"{amount:,.0f}"
    try:
        digits = minor_units(currency)
    except DomainError:
        digits = 2
    whole = round(amount / 10**digits)
    sign = CURRENCY_SIGNS.get(currency, currency)
    return f"{sign}\u00a0" + f"{whole:,}".replace(",", LOCALE_GROUP)


def every_day(rows: list[dict[str, Any]], date_from: str | None, date_to: str | None, *, most: int = 92) -> list[dict[str, Any]]:
    """The by-day rows with the days that had no payment put back as zero (a gap is a fact, not a hole)."""
    if not date_from or not date_to:
        return rows
    start, end = date.fromisoformat(date_from), date.fromisoformat(date_to)
    if (end - start).days >= most:
        return rows
    have = {r["date"]: r for r in rows}
    out = []
    while start <= end:
        key = start.isoformat()
        out.append(have.get(key, {"date": key, "count": 0, "amount": 0}))
        start += timedelta(days=1)
    return out


# -- dates ---------------------------------------------------------------------------


def day(iso: str | None) -> str:
    """``23/11/2026`` from ``2026-11-23`` (and from a timestamp, its date and time)."""
    if not iso:
        return ""
    text = str(iso)
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?", text)
    if not m:
        return text
    y, mo, d, hh, mm = m.groups()
    return f"{d}/{mo}/{y}" + (f" {hh}:{mm}" if hh else "")


def read_date(text: str, what: str, *, required: bool = False) -> str | None:
    """``dd/mm/aaaa`` (or ``aaaa-mm-dd``) as the API's ISO date; ``None`` when left blank."""
    raw = (text or "").strip()
    if not raw:
        if required:
            raise InputError(_t("Escriba la fecha «{what}» (dd/mm/aaaa).").format(what=what), what)
        return None
    m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", raw)
    try:
        if m:
            value = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        else:
            value = date.fromisoformat(raw)
    except ValueError:
        raise InputError(_t("La fecha «{what}» no es válida: escríbala como dd/mm/aaaa.").format(what=what), what) from None
    return value.isoformat()


def check_detail(name: str, detail: list[dict[str, Any]], currency: str | None) -> str:
    """A check's differences as sentences (one per line)."""
    out: list[str] = []
    for d in detail or []:
        if not isinstance(d, dict):
            out.append(str(d))
            continue
        if name == "completeness":
            parts = []
            if d.get("missing_seq"):
                parts.append(_t("faltan los envíos N° {seq}").format(seq=d["missing_seq"]))
            if d.get("missing_receipts"):
                parts.append(_t("faltan los recibos N° {no}").format(no=d["missing_receipts"]))
            if d.get("shift_id") and not parts:
                parts.append(_t("un turno sin cierre"))
            out.append(f"{d.get('terminal_id', '')}: " + "; ".join(parts or [str(d)]))
        elif name == "drawer_counts":
            value = int(d.get("over_short", 0))
            what = _t("sobrante") if value > 0 else _t("faltante")
            out.append(_t("{terminal}, cajero {cashier}: {what} de {amount} en {tender}").format(
                terminal=d.get("terminal_id", ""), cashier=d.get("cashier_id", ""), what=what,
                amount=money(abs(value), currency), tender=tender(str(d.get("tender", "")).lower()).lower()))
        elif name in ("cash_deposits", "cheque_deposits"):
            due = ", ".join(money(v, c) for c, v in (d.get("due") or {}).items()) or money(0, currency)
            got = ", ".join(money(v, c) for c, v in (d.get("deposited") or {}).items()) or money(0, currency)
            n = len(d.get("deposits") or [])
            out.append(_t("A depositar {due}; depositado {got} ({n})").format(
                due=due, got=got, n=_t("1 depósito") if n == 1 else _t("{n} depósitos").format(n=n)))
        elif name == "manifests":
            problems = [_manifest_problem(str(p), currency) for p in d.get("problems") or []]
            out.append(f"{d.get('terminal_id', '')}: " + "; ".join(problems))
        elif name == "card_settlement":
            if d.get("problem") == "not in the settlement file":
                out.append(_t("{terminal}: pago con tarjeta de {amount} que no está en la liquidación").format(
                    terminal=d.get("terminal_id", ""), amount=money(d.get("amount"), currency)))
            elif d.get("problem") == "no such card payment":
                out.append(_t("Línea de liquidación {auth} por {amount} sin pago con tarjeta").format(
                    auth=d.get("auth_code", ""), amount=money(d.get("amount"), currency)))
            elif "settled" in d:
                out.append(_t("{terminal}: cobrado {amount}, liquidado {settled}").format(
                    terminal=d.get("terminal_id", ""), amount=money(d.get("amount"), currency),
                    settled=money(d.get("settled"), currency)))
            else:
                out.append(", ".join(f"{k}: {v}" for k, v in sorted(d.items())))
        else:
            out.append(", ".join(f"{k}: {v}" for k, v in sorted(d.items())))
    return "\n".join(out)


_PROBLEM = re.compile(r"^(?P<kind>\w+): manifest (?P<c1>-?\d+) / (?P<t1>-?\d+), ledger (?P<c2>-?\d+) / (?P<t2>-?\d+)$")


def _manifest_problem(text: str, currency: str | None) -> str:
    """``cash: manifest 2 / 110000, ledger 1 / 55000`` as the clerk reads it."""
    m = _PROBLEM.match(text)
    if not m:
        return text
    kind = m.group("kind")
    what = _t("Anulaciones") if kind == "voids" else tender(kind)
    return _t("{what}: el cierre declara {c1} por {t1}, la central registró {c2} por {t2}").format(
        what=what, c1=m.group("c1"), t1=money(int(m.group("t1")), currency), c2=m.group("c2"),
        t2=money(int(m.group("t2")), currency))
