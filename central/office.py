"""The central office's work: deposits, bank and acquirer files, the exceptions
workflow, returned cheques, promises to pay, admin tokens and the audit.

Every function takes an Engine (or a Connection inside a caller's transaction),
does one transaction, writes an ``office_audit`` row for whatever it changed,
and raises :class:`OfficeError` (a code and a message) for what the user must
fix.  The code is the contract (the desk and the tests key on it); the message
is a Spanish sentence for the clerk or the administrator, as are the lines of a
refused file.  Amounts are integer minor units; files carry major units with a dot.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Iterable

from sqlalchemy import Connection, Engine, bindparam, func, insert, or_, select, update

from central import ledger
from central.admin import NOT_UTF8, check_currency, missing_columns, to_minor, unreadable, wrong_field_count
from central.db import write_engine
from central.ledger import Line
from central.models import (
    Account,
    AdminToken,
    Agent,
    Application,
    CardSettlement,
    Counter,
    Deposit,
    Document,
    Entry,
    ExceptionCase,
    Item,
    OfficeAudit,
    Promise,
    ReturnedCheque,
    SettlementWindow,
    Tender,
    WindowCheck,
)
from central.office_types import CHECKS, EXCEPTION_TYPES, WINDOW_STATES
from sync.wire import uuid7

audit_t = OfficeAudit.__table__
exceptions_t = ExceptionCase.__table__
deposits_t = Deposit.__table__
items_t = Item.__table__
entries_t = Entry.__table__
tenders_t = Tender.__table__
windows_t = SettlementWindow.__table__
checks_t = WindowCheck.__table__
settlements_t = CardSettlement.__table__
returned_t = ReturnedCheque.__table__
promises_t = Promise.__table__
tokens_t = AdminToken.__table__
accounts_t = Account.__table__
documents_t = Document.__table__
applications_t = Application.__table__
counters_t = Counter.__table__

RESOLUTIONS = ("approve", "adjust", "reverse")
EXCEPTION_STATUSES = ("open", "assigned", "resolved")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class OfficeError(Exception):
    """Something the office user must fix; ``status`` is the HTTP status the desk API answers."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def audit(conn: Connection, now: datetime, actor: str, action: str, subject: str, **detail: Any) -> None:
    conn.execute(
        insert(audit_t),
        {
            "at": now,
            "actor": actor[:100],
            "action": action[:40],
            "subject": subject[:100],
            "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
        },
    )


def check_date(value: Any, name: str = "business_date") -> str:
    if not isinstance(value, str) or not value:
        raise OfficeError("bad_date", f"Falta la fecha «{name}»: escríbala AAAA-MM-DD, por ejemplo 2026-11-23.")
    if not _DATE_RE.match(value):
        raise OfficeError("bad_date", f"La fecha «{name}» se escribe AAAA-MM-DD, por ejemplo 2026-11-23 "
                                      f"(dice «{value[:40]}»).")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise OfficeError("bad_date", f"La fecha «{name}» ({value}) no existe en el calendario.") from None
    return value


def _currency(value: Any) -> str:
    try:
        return check_currency(value if isinstance(value, str) else "")
    except ValueError as e:
        raise OfficeError("bad_currency", str(e)) from None


def _text(value: Any, name: str, max_len: int, *, required: bool = True) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise OfficeError("bad_field", f"«{name}» debe ser un texto.")
    value = value.strip()
    if required and not value:
        raise OfficeError("bad_field", f"Falta el dato «{name}»: es obligatorio.")
    if "\x00" in value:
        raise OfficeError("bad_field", f"«{name}» tiene un carácter no válido (nulo).")
    if len(value) > max_len:
        raise OfficeError("bad_field", f"«{name}» tiene más de {max_len} caracteres.")
    return value


def _agent_exists(conn: Connection, agent_id: str) -> None:
    if not conn.execute(select(Agent.agent_id).where(Agent.agent_id == agent_id)).first():
        raise OfficeError("unknown_agent", f"No existe el agente {agent_id}.", 404)


def _post(conn: Connection, journal_id: str, agent_id: str, currency: str, lines: list[Line], now: datetime) -> None:
    assert ledger.is_balanced(lines), lines
    conn.execute(
        insert(entries_t),
        [
            {
                "journal_id": journal_id,
                "ledger_seq": None,
                "account_code": line.code,
                "agent_id": agent_id,
                "terminal_id": line.terminal_id,
                "subledger": line.subledger,
                "currency": currency,
                "debit": line.debit,
                "credit": line.credit,
                "created_at": now,
            }
            for line in lines
        ],
    )


# -- admin tokens ------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_admin_token(engine: Engine, name: str, now: datetime | None = None) -> str:
    """A new bearer token for a desk user; it is shown once, central keeps its sha256."""
    name = _text(name, "name", 100)
    token = "vco_" + secrets.token_urlsafe(32)
    when = now or utcnow()
    with write_engine(engine).begin() as conn:
        if conn.execute(select(tokens_t.c.id).where(tokens_t.c.name == name)).first():
            raise OfficeError("token_exists", f"Ya existe una clave de acceso con el nombre «{name}»; revóquela o elija "
                                              "otro nombre.", 409)
        conn.execute(insert(tokens_t), {"name": name, "token_hash": token_hash(token), "created_at": when, "revoked_at": None})
        audit(conn, when, "cli", "admin_token_added", f"token:{name}")
    return token


def revoke_admin_token(engine: Engine, name: str, now: datetime | None = None) -> None:
    when = now or utcnow()
    with write_engine(engine).begin() as conn:
        done = conn.execute(update(tokens_t).where(tokens_t.c.name == name, tokens_t.c.revoked_at.is_(None)).values(revoked_at=when))
        if done.rowcount != 1:
            raise OfficeError("unknown_token", f"No hay una clave de acceso vigente con el nombre «{name}».", 404)
        audit(conn, when, "cli", "admin_token_revoked", f"token:{name}")


def admin_of_token(engine: Engine, token: str) -> str | None:
    """The desk user a bearer token belongs to, or None."""
    if not token or len(token) > 200:
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(tokens_t.c.name).where(tokens_t.c.token_hash == token_hash(token), tokens_t.c.revoked_at.is_(None))
        ).first()
    return row.name if row else None


# -- deposits ----------------------------------------------------------------------


def _deposit_lines(tender: str, amount: int) -> list[Line]:
    return ledger.cheque_deposit_lines(amount) if tender == "cheque" else ledger.deposit_lines(amount)


def add_deposit(
    engine: Engine,
    *,
    agent_id: str,
    business_date: str,
    bank: str,
    reference: str,
    amount: int,
    currency: str,
    tender: str = "cash",
    actor: str,
    now: datetime | None = None,
) -> int:
    """A deposit slip entered by hand: it counts for the agent's window of that date."""
    business_date = check_date(business_date)
    bank = _text(bank, "bank", 64)
    reference = _text(reference, "reference", 100)
    currency = _currency(currency)
    if tender not in ("cash", "cheque"):
        raise OfficeError("bad_tender", "Un depósito es de efectivo (cash) o de cheques (cheque).")
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount < 10**15:
        raise OfficeError("bad_amount", "El monto es un número entero de unidades menores (centavos), mayor que cero.")
    when = now or utcnow()
    journal_id = f"deposit:{uuid7()}"
    with write_engine(engine).begin() as conn:
        _agent_exists(conn, agent_id)
        deposit_id = conn.execute(
            insert(deposits_t).returning(deposits_t.c.id),
            {
                "agent_id": agent_id,
                "business_date": business_date,
                "bank": bank,
                "reference": reference,
                "amount": amount,
                "currency": currency,
                "tender": tender,
                "source": "manual",
                "status": "declared",
                "value_date": None,
                "declared_amount": amount,
                "fingerprint": None,
                "journal_id": journal_id,
                "created_by": actor,
                "created_at": when,
            },
        ).scalar_one()
        _post(conn, journal_id, agent_id, currency, _deposit_lines(tender, amount), when)
        audit(conn, when, actor, "deposit_added", f"deposit:{deposit_id}", agent_id=agent_id, business_date=business_date,
              bank=bank, reference=reference, amount=amount, currency=currency, tender=tender)
    return deposit_id


_REFERENCE_RE = re.compile(r"^(?P<agent>.+?)-(?P<date>\d{8})(?:-(?P<suffix>[A-Z0-9]{1,8}))?$")


def normalise_reference(reference: str) -> str:
    return re.sub(r"\s+", "", reference).upper()


@dataclass
class ImportReport:
    path: str
    rows: int = 0
    applied: bool = False
    errors: list[tuple[int, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def _csv_rows(source: str | bytes, required: tuple[str, ...], optional: tuple[str, ...], report: ImportReport) -> list[tuple[int, dict[str, str]]]:
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError:
            report.errors.append((0, NOT_UTF8))
            return []
    source = source.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(source))
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as e:
        report.errors.append((1, unreadable(e, "la primera línea (los nombres de las columnas)")))
        return []
    reader.fieldnames = header
    missing = [c for c in required if c not in header]
    if missing:
        report.errors.append((1, missing_columns(missing, required)))
        return []
    out = []
    try:
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                report.errors.append((reader.line_num, wrong_field_count(row, len(header))))
                continue
            out.append((reader.line_num, {k: (row.get(k) or "").strip() for k in required + optional if k in header}))
    except csv.Error as e:
        report.errors.append((reader.line_num + 1, unreadable(e, "la línea")))
    return out


def read_file(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as e:
        raise OfficeError("unreadable_file", f"No se puede leer el archivo {path} ({e.strerror}).") from None


def import_bank_statement(
    engine: Engine, source: str | bytes, *, bank: str = "", actor: str, name: str = "statement", now: datetime | None = None
) -> ImportReport:
    """Read a bank statement CSV: ``date,reference,amount,currency`` (+ ``bank``, ``tender``).

    Each line finds its deposit by the reference: a slip entered by hand with
    that reference is ``confirmed`` (the bank's amount wins); otherwise a
    reference written ``<agent>-<YYYYMMDD>[-suffix]`` names the window
    (``matched``); anything else is ``unmatched`` and waits on the desk to be
    assigned.  A file with any bad line changes nothing; a line already
    imported is skipped.
    """
    report = ImportReport(name)
    parsed = []
    seen: dict[str, int] = defaultdict(int)
    for line, r in _csv_rows(source, ("date", "reference", "amount", "currency"), ("bank", "tender", "description"), report):
        report.rows += 1
        try:
            value_date = check_date(r["date"], "date")
            currency = _currency(r["currency"])
            try:
                amount = to_minor(r["amount"], currency)
            except ValueError as e:
                raise OfficeError("bad_amount", str(e)) from None
            if amount <= 0:
                raise OfficeError("bad_amount", "El monto de un depósito debe ser mayor que cero.")
            reference = _text(r["reference"], "reference", 100)
            line_bank = _text(r.get("bank") or bank or "BANK", "bank", 64)
            tender = (r.get("tender") or "").lower()
            if tender not in ("", "cash", "cheque"):
                raise OfficeError("bad_tender", f"La columna «tender» dice «{tender[:40]}»: escriba cash (efectivo) "
                                                "o cheque, o déjela vacía.")
            raw = "|".join([line_bank, value_date, normalise_reference(reference), str(amount), currency])
            seen[raw] += 1
            fingerprint = hashlib.sha256(f"{raw}|{seen[raw]}".encode()).hexdigest()
            parsed.append((line, value_date, currency, amount, reference, line_bank, tender, fingerprint))
        except OfficeError as e:
            report.errors.append((line, e.message))
    if report.errors:
        return report
    when = now or utcnow()
    with write_engine(engine).begin() as conn:
        agents = {a.upper(): a for a in conn.execute(select(Agent.agent_id)).scalars()}
        known = set()
        fps = [p[-1] for p in parsed]
        for start in range(0, len(fps), 500):
            known.update(conn.execute(select(deposits_t.c.fingerprint).where(deposits_t.c.fingerprint.in_(fps[start : start + 500]))).scalars())
        for line, value_date, currency, amount, reference, line_bank, tender, fingerprint in parsed:
            if fingerprint in known:
                report.counts["already_imported"] += 1
                continue
            norm = normalise_reference(reference)
            declared = conn.execute(
                select(deposits_t)
                .where(
                    func.replace(func.replace(func.upper(deposits_t.c.reference), " ", ""), "\t", "") == norm,
                    deposits_t.c.source == "manual",
                    deposits_t.c.status == "declared",
                )
                .order_by(deposits_t.c.id)
                .limit(1)
            ).first()
            if declared is not None:
                values: dict[str, Any] = {"status": "confirmed", "value_date": value_date, "fingerprint": fingerprint}
                if declared.amount != amount or declared.currency != currency:
                    # the bank's figure is the truth: re-post the difference
                    values.update(amount=amount, currency=currency)
                    _post(conn, declared.journal_id + ":bank", declared.agent_id, declared.currency,
                          [line.reversed() for line in _deposit_lines(declared.tender, declared.amount)], when)
                    _post(conn, declared.journal_id + ":bank", declared.agent_id, currency, _deposit_lines(declared.tender, amount), when)
                conn.execute(update(deposits_t).where(deposits_t.c.id == declared.id).values(**values))
                audit(conn, when, actor, "deposit_confirmed", f"deposit:{declared.id}", reference=reference, bank_amount=amount,
                      declared_amount=declared.amount, file=name, line=line)
                report.counts["confirmed"] += 1
                continue
            agent_id = business_date = None
            m = _REFERENCE_RE.match(norm)
            if m and m.group("agent") in agents:
                try:
                    d = datetime.strptime(m.group("date"), "%Y%m%d").date().isoformat()
                    agent_id, business_date = agents[m.group("agent")], d
                except ValueError:
                    pass
            if not tender:
                tender = "cheque" if m and (m.group("suffix") or "").startswith("CH") else "cash"
            journal_id = f"deposit:{uuid7()}" if agent_id else None
            deposit_id = conn.execute(
                insert(deposits_t).returning(deposits_t.c.id),
                {
                    "agent_id": agent_id,
                    "business_date": business_date,
                    "bank": line_bank,
                    "reference": reference,
                    "amount": amount,
                    "currency": currency,
                    "tender": tender,
                    "source": "statement",
                    "status": "matched" if agent_id else "unmatched",
                    "value_date": value_date,
                    "declared_amount": None,
                    "fingerprint": fingerprint,
                    "journal_id": journal_id,
                    "created_by": actor,
                    "created_at": when,
                },
            ).scalar_one()
            if agent_id:
                _post(conn, journal_id, agent_id, currency, _deposit_lines(tender, amount), when)
            report.counts["matched" if agent_id else "unmatched"] += 1
            audit(conn, when, actor, "deposit_imported", f"deposit:{deposit_id}", reference=reference, amount=amount,
                  agent_id=agent_id, business_date=business_date, file=name, line=line)
    report.applied = True
    return report


_DEPOSIT_STATES = {"declared": "declarado", "confirmed": "confirmado por el banco", "matched": "conciliado por su referencia",
                   "assigned": "asignado"}


def assign_deposit(
    engine: Engine, deposit_id: int, *, agent_id: str, business_date: str, reason: str, actor: str, tender: str | None = None,
    now: datetime | None = None,
) -> None:
    """Match an unmatched statement line (a wrong reference) to an agent's window by hand."""
    business_date = check_date(business_date)
    reason = _text(reason, "reason", 1000)
    when = now or utcnow()
    with write_engine(engine).begin() as conn:
        _agent_exists(conn, agent_id)
        row = conn.execute(select(deposits_t).where(deposits_t.c.id == deposit_id).with_for_update()).first()
        if row is None:
            raise OfficeError("unknown_deposit", f"No existe el depósito {deposit_id}.", 404)
        if row.status != "unmatched":
            raise OfficeError("deposit_matched", f"El depósito {deposit_id} ya está {_DEPOSIT_STATES.get(row.status, row.status)}; "
                                                 "solo se asigna a mano un depósito sin identificar.", 409)
        tender = tender or row.tender
        if tender not in ("cash", "cheque"):
            raise OfficeError("bad_tender", "Un depósito es de efectivo (cash) o de cheques (cheque).")
        journal_id = f"deposit:{uuid7()}"
        conn.execute(
            update(deposits_t)
            .where(deposits_t.c.id == deposit_id)
            .values(agent_id=agent_id, business_date=business_date, status="assigned", journal_id=journal_id, tender=tender)
        )
        _post(conn, journal_id, agent_id, row.currency, _deposit_lines(tender, row.amount), when)
        audit(conn, when, actor, "deposit_assigned", f"deposit:{deposit_id}", agent_id=agent_id, business_date=business_date,
              reason=reason, reference=row.reference)


# -- card settlements --------------------------------------------------------------


def import_card_settlement(engine: Engine, source: str | bytes, *, actor: str, name: str = "settlement", now: datetime | None = None) -> ImportReport:
    """Read an acquirer's settlement CSV: ``settled_on,auth_code,last4,brand,amount,currency``
    (+ ``terminal_ref``, ``agent_id``, ``business_date``).

    Each line is matched to a card tender by its authorisation code (and last
    four digits and terminal reference when both sides have them); a matched
    line counts in its payment's window, an unmatched one in the window its
    ``agent_id``/``business_date`` name, if any.
    """
    report = ImportReport(name)
    parsed = []
    seen: dict[str, int] = defaultdict(int)
    for line, r in _csv_rows(source, ("settled_on", "auth_code", "last4", "brand", "amount", "currency"),
                             ("terminal_ref", "agent_id", "business_date"), report):
        report.rows += 1
        try:
            settled_on = check_date(r["settled_on"], "settled_on")
            currency = _currency(r["currency"])
            try:
                amount = to_minor(r["amount"], currency)
            except ValueError as e:
                raise OfficeError("bad_amount", str(e)) from None
            last4 = r["last4"]
            if not re.fullmatch(r"\d{4}", last4):
                raise OfficeError("bad_last4", f"La columna «last4» lleva los 4 últimos dígitos de la tarjeta, exactamente 4 "
                                               f"(dice «{last4[:40]}»).")
            auth = _text(r["auth_code"], "auth_code", 200)
            brand = _text(r["brand"], "brand", 200)
            terminal_ref = _text(r.get("terminal_ref", ""), "terminal_ref", 200, required=False)
            agent_id = _text(r.get("agent_id", ""), "agent_id", 64, required=False) or None
            bdate = r.get("business_date") or None
            if bdate:
                check_date(bdate)
            raw = "|".join([settled_on, auth, last4, brand, str(amount), currency, terminal_ref])
            seen[raw] += 1
            parsed.append((line, settled_on, auth, last4, brand, amount, currency, terminal_ref, agent_id, bdate,
                           hashlib.sha256(f"{raw}|{seen[raw]}".encode()).hexdigest()))
        except OfficeError as e:
            report.errors.append((line, e.message))
    if report.errors:
        return report
    when = now or utcnow()
    with write_engine(engine).begin() as conn:
        taken = set(conn.execute(select(settlements_t.c.tender_id).where(settlements_t.c.tender_id.is_not(None))).scalars())
        known = set()
        fps = [p[-1] for p in parsed]
        for start in range(0, len(fps), 500):
            known.update(conn.execute(select(settlements_t.c.fingerprint).where(settlements_t.c.fingerprint.in_(fps[start : start + 500]))).scalars())
        auths = sorted({p[2] for p in parsed})
        candidates: dict[str, list[Any]] = defaultdict(list)
        for start in range(0, len(auths), 500):
            for t in conn.execute(
                select(tenders_t.c.id, tenders_t.c.auth_code, tenders_t.c.last4, tenders_t.c.terminal_ref, tenders_t.c.amount,
                       items_t.c.agent_id, items_t.c.window_date)
                .select_from(tenders_t.join(items_t, items_t.c.id == tenders_t.c.item_id))
                .where(tenders_t.c.kind == "card", tenders_t.c.auth_code.in_(auths[start : start + 500]))
                .order_by(tenders_t.c.id)
            ):
                candidates[t.auth_code].append(t)
        rows = []
        for line, settled_on, auth, last4, brand, amount, currency, terminal_ref, agent_id, bdate, fp in parsed:
            if fp in known:
                report.counts["already_imported"] += 1
                continue
            options = [
                t for t in candidates.get(auth, [])
                if t.id not in taken and t.last4 == last4 and (not terminal_ref or not t.terminal_ref or t.terminal_ref == terminal_ref)
            ]
            options.sort(key=lambda t: (t.amount != amount, t.id))
            tender = options[0] if options else None
            if tender is not None:
                taken.add(tender.id)
                agent_id, bdate = tender.agent_id, tender.window_date
            report.counts["matched" if tender else "unmatched"] += 1
            rows.append(
                {
                    "fingerprint": fp,
                    "agent_id": agent_id,
                    "business_date": bdate,
                    "settled_on": settled_on,
                    "auth_code": auth,
                    "terminal_ref": terminal_ref,
                    "last4": last4,
                    "brand": brand,
                    "amount": amount,
                    "currency": currency,
                    "tender_id": tender.id if tender else None,
                    "imported_at": when,
                }
            )
        if rows:
            conn.execute(insert(settlements_t), rows)
        audit(conn, when, actor, "card_settlement_imported", f"file:{name}"[:100], rows=len(rows), **dict(report.counts))
    report.applied = True
    return report


# -- reversing money on an account -------------------------------------------------


def _take_change(conn: Connection) -> int:
    return conn.execute(
        update(counters_t).where(counters_t.c.name == "account_change").values(value=counters_t.c.value + 1).returning(counters_t.c.value)
    ).scalar_one()


def _undo_applications(conn: Connection, payment_id: str, undo_item_id: str, amount: int | None) -> str | None:
    """Take back what a payment applied (all of it, or ``amount``: credit first, then the
    documents due last).  Returns the account id when it was a known account."""
    applied = conn.execute(
        select(applications_t.c.account_id, applications_t.c.document_id, func.sum(applications_t.c.amount))
        .where(applications_t.c.item_id == payment_id)
        .group_by(applications_t.c.account_id, applications_t.c.document_id)
    ).all()
    if not applied:
        return None
    account_id = applied[0][0]
    conn.execute(select(accounts_t.c.account_id).where(accounts_t.c.account_id == account_id).with_for_update()).first()
    due = {r.document_id: r.due_date for r in conn.execute(select(documents_t.c.document_id, documents_t.c.due_date).where(documents_t.c.account_id == account_id))}
    # credit (None) first, then the latest due date first
    order = [r for r in applied if r[1] is None] + sorted((r for r in applied if r[1] is not None), key=lambda r: due.get(r[1], date.min), reverse=True)
    left = amount
    undo: list[tuple[str | None, int]] = []
    for _, document_id, total in order:
        total = int(total or 0)
        if total <= 0:
            continue
        take = total if left is None else min(total, left)
        if take:
            undo.append((document_id, take))
        if left is not None:
            left -= take
            if left <= 0:
                break
    for document_id, take in undo:
        if document_id is None:
            conn.execute(update(accounts_t).where(accounts_t.c.account_id == account_id).values(credit=accounts_t.c.credit - take))
        else:
            conn.execute(update(documents_t).where(documents_t.c.document_id == document_id).values(paid=documents_t.c.paid - take))
    if undo:
        conn.execute(
            insert(applications_t),
            [{"item_id": undo_item_id, "account_id": account_id, "document_id": d, "amount": -a} for d, a in undo],
        )
    return account_id


def _recompute_accounts(conn: Connection, account_ids: list[str], now: datetime) -> None:
    if not account_ids:
        return
    change = _take_change(conn)
    for account_id in account_ids:
        open_total = conn.execute(
            select(func.coalesce(func.sum(documents_t.c.amount - documents_t.c.paid), 0)).where(
                documents_t.c.account_id == account_id, documents_t.c.amount > documents_t.c.paid
            )
        ).scalar_one()
        conn.execute(
            update(accounts_t)
            .where(accounts_t.c.account_id == account_id)
            .values(balance=int(open_total) - accounts_t.c.credit, change_seq=change, updated_at=now)
        )


# -- exceptions --------------------------------------------------------------------


def _exception(conn: Connection, exception_id: int, lock: bool = True) -> Any:
    query = select(exceptions_t).where(exceptions_t.c.id == exception_id)
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise OfficeError("unknown_exception", f"No existe la excepción {exception_id}.", 404)
    return row


def assign_exception(engine: Engine, exception_id: int, assignee: str, *, actor: str, now: datetime | None = None) -> None:
    assignee = _text(assignee, "assignee", 100)
    when = now or utcnow()
    with write_engine(engine).begin() as conn:
        row = _exception(conn, exception_id)
        if row.status == "resolved":
            raise OfficeError("exception_resolved", f"La excepción {exception_id} ya está resuelta.", 409)
        conn.execute(update(exceptions_t).where(exceptions_t.c.id == exception_id).values(status="assigned", assigned_to=assignee, assigned_at=when))
        audit(conn, when, actor, "exception_assigned", f"exception:{exception_id}", assignee=assignee, previous=row.assigned_to)


def resolve_exception(
    engine: Engine,
    exception_id: int,
    action: str,
    reason: str,
    *,
    actor: str,
    amount: int | None = None,
    cashier_id: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Resolve with a reason: ``approve``; ``adjust`` (post the difference to the cashier's
    over/short account, 5210); ``reverse`` (reverse a flagged payment in the ledger and
    give the debtor's account its debt back)."""
    if action not in RESOLUTIONS:
        raise OfficeError("bad_action", "La acción es approve (aprobar), adjust (ajustar al cajero) o reverse (reversar el pago).")
    reason = _text(reason, "reason", 1000)
    when = now or utcnow()
    journal_id = None
    with write_engine(engine).begin() as conn:
        row = _exception(conn, exception_id)
        if row.status == "resolved":
            raise OfficeError("exception_resolved", f"La excepción {exception_id} ya está resuelta.", 409)
        detail: dict[str, Any] = {"reason": reason}
        if action == "adjust":
            cashier = _text(cashier_id or row.cashier_id or "", "cashier_id", 200)
            value = amount if amount is not None else row.amount
            if isinstance(value, bool) or not isinstance(value, int) or value == 0 or abs(value) >= 10**15:
                raise OfficeError("bad_amount", "Un ajuste necesita un monto distinto de cero (negativo: faltante; "
                                                "positivo: sobrante).")
            currency = row.currency or _item_currency(conn, row)
            if not currency or not row.agent_id:
                raise OfficeError("cannot_adjust", "Esta excepción no tiene agente o moneda a los que cargar un ajuste; "
                                                   "apruébela o reverse el pago.", 409)
            journal_id = f"adjust:{uuid7()}"
            _post(conn, journal_id, row.agent_id, currency, ledger.cashier_adjustment_lines(value, cashier), when)
            detail.update(cashier_id=cashier, amount=value, journal_id=journal_id)
        elif action == "reverse":
            journal_id = _reverse_payment(conn, row, when)
            detail.update(journal_id=journal_id, item_id=row.item_id)
        conn.execute(
            update(exceptions_t)
            .where(exceptions_t.c.id == exception_id)
            .values(status="resolved", resolution=action, resolution_reason=reason, resolved_by=actor, resolved_at=when, journal_id=journal_id)
        )
        audit(conn, when, actor, f"exception_{action}", f"exception:{exception_id}", **detail)
    return {"id": exception_id, "resolution": action, "journal_id": journal_id, "window_id": row.window_id}


def _item_currency(conn: Connection, row: Any) -> str | None:
    if row.item_id:
        return conn.execute(select(items_t.c.currency).where(items_t.c.id == row.item_id)).scalar()
    return None


def _reverse_payment(conn: Connection, case: Any, now: datetime) -> str:
    if case.source != "item" or case.kind != "flagged":
        raise OfficeError("cannot_reverse", "Solo se reversa un pago registrado y marcado para revisión; esta excepción "
                                            "no es uno.", 409)
    item = conn.execute(select(items_t).where(items_t.c.id == case.item_id).with_for_update()).first()
    if item is None or item.type != "payment":
        raise OfficeError("cannot_reverse", "Solo se puede reversar un pago.", 409)
    if item.voided_by is not None:
        raise OfficeError("already_reversed", f"El pago {item.id} ya estaba anulado o reversado.", 409)
    reversal_id = uuid7()
    journal_id = f"reversal:{reversal_id}"
    lines = [
        Line(r.account_code, r.debit, r.credit, r.terminal_id, r.subledger).reversed()
        for r in conn.execute(select(entries_t).where(entries_t.c.journal_id == item.id).order_by(entries_t.c.id))
    ]
    if lines:
        _post(conn, journal_id, item.agent_id or "", item.currency or "", lines, now)
    account_id = _undo_applications(conn, item.id, reversal_id, None)
    conn.execute(update(items_t).where(items_t.c.id == item.id).values(voided_by=reversal_id))
    _recompute_accounts(conn, [account_id] if account_id else [], now)
    return journal_id


# -- returned cheques ----------------------------------------------------------------


def mark_cheque_returned(
    engine: Engine,
    *,
    payment_id: str,
    number: str | None = None,
    reason: str,
    returned_on: str | None = None,
    actor: str,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The bank returned a cheque: reverse it in the ledger (the debtor owes it again) and
    put its drawer on the list terminals receive (``GET /api/v1/returned-cheques``)."""
    from central.windows import calendars

    reason = _text(reason, "reason", 1000)
    when = now or utcnow()
    returned_on = check_date(returned_on, "returned_on") if returned_on else when.date().isoformat()
    with write_engine(engine).begin() as conn:
        item = conn.execute(select(items_t).where(items_t.c.id == payment_id, items_t.c.type == "payment").with_for_update()).first()
        if item is None:
            raise OfficeError("unknown_payment", f"No existe el pago {payment_id}; cópielo del recibo («Id de pago»).", 404)
        if item.voided_by is not None:
            raise OfficeError("payment_voided", f"El pago {payment_id} fue anulado o reversado: no hay cheque que devolver.", 409)
        cheques = conn.execute(
            select(tenders_t).where(tenders_t.c.item_id == payment_id, tenders_t.c.kind == "cheque").order_by(tenders_t.c.id)
        ).all()
        if number is not None:
            cheques = [c for c in cheques if c.number == number]
        if not cheques:
            raise OfficeError("no_cheque", f"El pago {payment_id} no tiene el cheque número {number}." if number is not None
                              else f"El pago {payment_id} no tiene cheques.", 404)
        if len(cheques) > 1:
            raise OfficeError("which_cheque", "El pago tiene varios cheques: indique el número del cheque devuelto.")
        cheque = cheques[0]
        if conn.execute(select(returned_t.c.id).where(returned_t.c.tender_id == cheque.id)).first():
            raise OfficeError("already_returned", f"El cheque {cheque.number} ya está marcado como devuelto.", 409)
        returned_id = uuid7()
        journal_id = f"returned:{returned_id}"
        credit_line = conn.execute(
            select(entries_t.c.account_code, entries_t.c.subledger)
            .where(entries_t.c.journal_id == payment_id, entries_t.c.account_code.in_((ledger.RECEIVABLES, ledger.SUSPENSE)))
            .limit(1)
        ).first()
        code = credit_line.account_code if credit_line else ledger.RECEIVABLES
        lines = [
            Line(code, debit=cheque.amount, subledger=item.account_id),
            Line(ledger.CHEQUES_ON_HAND, credit=cheque.amount, terminal_id=item.terminal_id),
        ]
        _post(conn, journal_id, item.agent_id or "", item.currency or "", lines, when)
        account_id = _undo_applications(conn, payment_id, returned_id, cheque.amount)
        cal = calendars(conn, [item.agent_id]).get(item.agent_id) if item.agent_id else None
        window_date = cal.business_date(when) if cal else when.date().isoformat()
        conn.execute(
            insert(returned_t),
            {
                "id": returned_id,
                "tender_id": cheque.id,
                "payment_id": payment_id,
                "agent_id": item.agent_id or "",
                "terminal_id": item.terminal_id,
                "account_id": item.account_id or "",
                "bank_code": cheque.bank_code or "",
                "number": cheque.number or "",
                "drawer_id": cheque.drawer_id or "",
                "drawer_name": cheque.drawer_name or "",
                "amount": cheque.amount,
                "currency": item.currency or "",
                "returned_on": returned_on,
                "reason": reason,
                "window_date": window_date,
                "marked_by": actor,
                "marked_at": when,
            },
        )
        _recompute_accounts(conn, [account_id] if account_id else [], when)
        audit(conn, when, actor, "cheque_returned", f"returned_cheque:{returned_id}", payment_id=payment_id, number=cheque.number,
              drawer_id=cheque.drawer_id, amount=cheque.amount, reason=reason, journal_id=journal_id)
    return {"id": returned_id, "journal_id": journal_id, "amount": cheque.amount, "drawer_id": cheque.drawer_id,
            "account_id": item.account_id, "window_date": window_date}


def returned_cheque_list(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(returned_t).order_by(returned_t.c.marked_at, returned_t.c.id)).all()
    return [
        {
            "id": r.id,
            "drawer_id": r.drawer_id,
            "drawer_name": r.drawer_name,
            "bank_code": r.bank_code,
            "number": r.number,
            "amount": r.amount,
            "currency": r.currency,
            "returned_on": r.returned_on,
            "payment_id": r.payment_id,
            "account_id": r.account_id,
            "agent_id": r.agent_id,
            "terminal_id": r.terminal_id,
            "reason": r.reason,
            "window_date": r.window_date,
            "marked_by": r.marked_by,
            "marked_at": _iso(r.marked_at),
        }
        for r in rows
    ]


# -- promises to pay -----------------------------------------------------------------


def import_promises(engine: Engine, source: str | bytes, *, actor: str, name: str = "promises", now: datetime | None = None) -> ImportReport:
    """``account_id,promise_date,amount`` (+ ``currency``, ``promised_on``), from the collection system."""
    report = ImportReport(name)
    parsed = []
    for line, r in _csv_rows(source, ("account_id", "promise_date", "amount"), ("currency", "promised_on"), report):
        report.rows += 1
        try:
            parsed.append((line, _text(r["account_id"], "account_id", 64), date.fromisoformat(check_date(r["promise_date"], "promise_date")),
                           r["amount"], r.get("currency") or "",
                           date.fromisoformat(check_date(r["promised_on"], "promised_on")) if r.get("promised_on") else None))
        except OfficeError as e:
            report.errors.append((line, e.message))
    if report.errors:
        return report
    when = now or utcnow()
    ids = sorted({p[1] for p in parsed})
    currencies: dict[str, str] = {}
    with engine.connect() as conn:
        for start in range(0, len(ids), 500):
            currencies.update(dict(conn.execute(select(accounts_t.c.account_id, accounts_t.c.currency).where(accounts_t.c.account_id.in_(ids[start : start + 500]))).all()))
    rows = []
    for line, account_id, promise_date, amount_text, currency, promised_on in parsed:
        currency = currency or currencies.get(account_id, "")
        try:
            if account_id not in currencies:
                raise OfficeError("unknown_account", f"La cuenta {account_id} no existe en la central; revise el número "
                                                     "o importe antes la cuenta.")
            _currency(currency)
            amount = to_minor(amount_text, currency)
            if amount <= 0:
                raise OfficeError("bad_amount", "El monto de una promesa debe ser mayor que cero.")
        except (OfficeError, ValueError) as e:
            report.errors.append((line, e.message if isinstance(e, OfficeError) else str(e)))
            continue
        rows.append({"account_id": account_id, "promise_date": promise_date, "amount": amount, "currency": currency,
                     "promised_on": promised_on, "imported_at": when})
    if report.errors:
        return report
    from central.windows import _insert_ignore

    with write_engine(engine).begin() as conn:
        _insert_ignore(conn, promises_t, rows, ["account_id", "promise_date", "amount"])
        audit(conn, when, actor, "promises_imported", f"file:{name}"[:100], rows=len(rows))
    report.counts["promises"] = len(rows)
    report.applied = True
    return report


# -- reading for the desk ------------------------------------------------------------


def _iso(value: Any) -> Any:
    return value.isoformat().replace("+00:00", "Z") if isinstance(value, datetime) else value


def row_dict(row: Any) -> dict[str, Any]:
    return {k: _iso(v) for k, v in row._mapping.items()}


def list_windows(
    engine: Engine, *, state: str | None = None, agent_id: str | None = None, date_from: str | None = None,
    date_to: str | None = None, limit: int = 1000, offset: int = 0,
) -> list[dict[str, Any]]:
    if state is not None and state.upper() not in WINDOW_STATES:
        raise OfficeError("bad_state", f"El estado es uno de {', '.join(WINDOW_STATES)} (abierta, cerrada, conciliada).")
    query = select(windows_t)
    if state:
        query = query.where(windows_t.c.state == state.upper())
    if agent_id:
        query = query.where(windows_t.c.agent_id == agent_id)
    if date_from:
        query = query.where(windows_t.c.business_date >= check_date(date_from, "date_from"))
    if date_to:
        query = query.where(windows_t.c.business_date <= check_date(date_to, "date_to"))
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(windows_t.c.business_date.desc(), windows_t.c.agent_id).limit(limit).offset(offset)).all()
        ids = [r.id for r in rows]
        checks: dict[int, dict[str, str]] = defaultdict(dict)
        open_cases: dict[int, int] = defaultdict(int)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for c in conn.execute(select(checks_t.c.window_id, checks_t.c.name, checks_t.c.status).where(checks_t.c.window_id.in_(chunk))):
                checks[c.window_id][c.name] = c.status
            for wid, n in conn.execute(
                select(exceptions_t.c.window_id, func.count()).where(exceptions_t.c.window_id.in_(chunk), exceptions_t.c.status != "resolved").group_by(exceptions_t.c.window_id)
            ):
                open_cases[wid] = n
    out = []
    for r in rows:
        d = row_dict(r)
        d.update({name: checks[r.id].get(name, "") for name in CHECKS})
        d["open_exceptions"] = open_cases[r.id]
        out.append(d)
    return out


def window_detail(engine: Engine, window_id: int) -> dict[str, Any]:
    with engine.connect() as conn:
        w = conn.execute(select(windows_t).where(windows_t.c.id == window_id)).first()
        if w is None:
            raise OfficeError("unknown_window", f"No existe la ventana {window_id}.", 404)
        checks = {c.name: c for c in conn.execute(select(checks_t).where(checks_t.c.window_id == window_id))}
        cases = conn.execute(select(exceptions_t).where(exceptions_t.c.window_id == window_id).order_by(exceptions_t.c.id)).all()
        deposits = conn.execute(
            select(deposits_t).where(deposits_t.c.agent_id == w.agent_id, deposits_t.c.business_date == w.business_date).order_by(deposits_t.c.id)
        ).all()
        totals = conn.execute(
            select(items_t.c.type, func.count(), func.coalesce(func.sum(items_t.c.amount), 0))
            .where(items_t.c.agent_id == w.agent_id, items_t.c.window_date == w.business_date)
            .group_by(items_t.c.type)
        ).all()
        terminals = sorted(conn.execute(
            select(items_t.c.terminal_id).where(items_t.c.agent_id == w.agent_id, items_t.c.window_date == w.business_date).distinct()
        ).scalars())
        agent_name = conn.execute(select(Agent.name).where(Agent.agent_id == w.agent_id)).scalar()
    out = row_dict(w)
    out["agent_name"] = agent_name
    out["terminals"] = terminals
    out["items"] = {t: {"count": int(n), "amount": int(a)} for t, n, a in totals}
    out["checks"] = [
        {
            "name": name,
            "status": checks[name].status if name in checks else "not_run",
            "expected": checks[name].expected if name in checks else None,
            "actual": checks[name].actual if name in checks else None,
            "currency": checks[name].currency if name in checks else None,
            "detail": json.loads(checks[name].detail) if name in checks else [],
        }
        for name in CHECKS
    ]
    out["exceptions"] = [exception_view(c) for c in cases]
    out["deposits"] = [row_dict(d) for d in deposits]
    return out


def exception_view(row: Any) -> dict[str, Any]:
    d = row_dict(row)
    d.pop("body", None)
    try:
        d["reasons"] = json.loads(row.reasons)
    except ValueError:
        pass
    return d


def list_exceptions(
    engine: Engine, *, status: str | None = None, type_: str | None = None, agent_id: str | None = None,
    assigned_to: str | None = None, window_id: int | None = None, business_date: str | None = None,
    limit: int = 1000, offset: int = 0,
) -> list[dict[str, Any]]:
    query = select(exceptions_t)
    if status:
        wanted = [s.strip() for s in status.split(",")]
        if any(s not in EXCEPTION_STATUSES + ("unresolved",) for s in wanted):
            raise OfficeError("bad_status", f"El estado es uno de {', '.join(EXCEPTION_STATUSES)} o unresolved "
                                            "(abierta, asignada, resuelta o sin resolver).")
        if "unresolved" in wanted:
            query = query.where(exceptions_t.c.status != "resolved")
        else:
            query = query.where(exceptions_t.c.status.in_(wanted))
    if type_:
        if type_ not in EXCEPTION_TYPES:
            raise OfficeError("bad_type", f"El tipo es uno de: {', '.join(EXCEPTION_TYPES)}.")
        query = query.where(exceptions_t.c.type == type_)
    if agent_id:
        query = query.where(exceptions_t.c.agent_id == agent_id)
    if assigned_to:
        query = query.where(exceptions_t.c.assigned_to == assigned_to)
    if window_id is not None:
        query = query.where(exceptions_t.c.window_id == window_id)
    if business_date:
        query = query.where(exceptions_t.c.business_date == check_date(business_date))
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(exceptions_t.c.id).limit(limit).offset(offset)).all()
    return [exception_view(r) for r in rows]


def exception_detail(engine: Engine, exception_id: int) -> dict[str, Any]:
    with engine.connect() as conn:
        row = _exception(conn, exception_id, lock=False)
        history = conn.execute(
            select(audit_t).where(audit_t.c.subject == f"exception:{exception_id}").order_by(audit_t.c.id)
        ).all()
    out = exception_view(row)
    try:
        out["item"] = json.loads(row.body) if row.body else None
    except ValueError:
        out["item"] = row.body
    out["history"] = [dict(row_dict(h), detail=json.loads(h.detail)) for h in history]
    return out


def list_deposits(engine: Engine, *, status: str | None = None, agent_id: str | None = None, business_date: str | None = None,
                  limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
    query = select(deposits_t)
    if status:
        query = query.where(deposits_t.c.status == status)
    if agent_id:
        query = query.where(deposits_t.c.agent_id == agent_id)
    if business_date:
        query = query.where(deposits_t.c.business_date == check_date(business_date))
    with engine.connect() as conn:
        return [row_dict(r) for r in conn.execute(query.order_by(deposits_t.c.id).limit(limit).offset(offset))]


def list_card_settlements(engine: Engine, *, agent_id: str | None = None, business_date: str | None = None,
                          unmatched: bool = False, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
    query = select(settlements_t)
    if agent_id:
        query = query.where(settlements_t.c.agent_id == agent_id)
    if business_date:
        query = query.where(settlements_t.c.business_date == check_date(business_date))
    if unmatched:
        query = query.where(settlements_t.c.tender_id.is_(None))
    with engine.connect() as conn:
        return [row_dict(r) for r in conn.execute(query.order_by(settlements_t.c.id).limit(limit).offset(offset))]


def over_short_by_cashier(engine: Engine, *, date_from: str | None = None, date_to: str | None = None,
                          agent_id: str | None = None, cashier_id: str | None = None) -> list[dict[str, Any]]:
    """Per cashier over time: shifts, what the counts found over and short, and what the
    office charged or credited to the cashier's over/short account (5210)."""
    query = select(items_t.c.cashier_id, items_t.c.agent_id, items_t.c.business_date, items_t.c.currency, items_t.c.body).where(
        items_t.c.type == "shift_close"
    )
    if date_from:
        query = query.where(items_t.c.business_date >= check_date(date_from, "date_from"))
    if date_to:
        query = query.where(items_t.c.business_date <= check_date(date_to, "date_to"))
    if agent_id:
        query = query.where(items_t.c.agent_id == agent_id)
    if cashier_id:
        query = query.where(items_t.c.cashier_id == cashier_id)
    stats: dict[tuple[str, str], dict[str, Any]] = {}
    with engine.connect() as conn:
        for r in conn.execute(query):
            key = (r.cashier_id or "", r.currency or "")
            s = stats.setdefault(key, {"cashier_id": key[0], "currency": key[1], "shifts": 0, "shifts_with_difference": 0,
                                       "over": 0, "short": 0, "net": 0, "charged": 0, "first_date": r.business_date,
                                       "last_date": r.business_date, "agents": set()})
            diff = json.loads(r.body).get("over_short", {})
            s["shifts"] += 1
            s["shifts_with_difference"] += any(diff.values())
            s["over"] += sum(v for v in diff.values() if v > 0)
            s["short"] += sum(-v for v in diff.values() if v < 0)
            s["net"] += sum(diff.values())
            s["first_date"] = min(s["first_date"], r.business_date)
            s["last_date"] = max(s["last_date"], r.business_date)
            s["agents"].add(r.agent_id)
        adj = select(entries_t.c.subledger, entries_t.c.currency, func.sum(entries_t.c.debit - entries_t.c.credit)).where(
            entries_t.c.account_code == ledger.CASHIER_OVER_SHORT
        ).group_by(entries_t.c.subledger, entries_t.c.currency)
        if cashier_id:
            adj = adj.where(entries_t.c.subledger == cashier_id)
        for cashier, currency, owed in conn.execute(adj):
            key = (cashier or "", currency)
            if key in stats:
                stats[key]["charged"] = int(owed or 0)
    out = []
    for key in sorted(stats):
        s = stats[key]
        s["agents"] = ",".join(sorted(a for a in s["agents"] if a))
        out.append(s)
    return out


def audit_log(engine: Engine, *, subject: str | None = None, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
    query = select(audit_t)
    if subject:
        query = query.where(audit_t.c.subject == subject)
    with engine.connect() as conn:
        return [row_dict(r) for r in conn.execute(query.order_by(audit_t.c.id.desc()).limit(limit).offset(offset))]


def to_csv(rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> str:
    rows = list(rows)
    if columns is None:
        columns = []
        for r in rows:
            for k in r:
                if k not in columns:
                    columns.append(k)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(r.get(c)) for c in columns])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    # a spreadsheet must not run a cell as a formula
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


__all__ = ["OfficeError", "bindparam", "or_"]
