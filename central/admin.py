"""What the central office does: agents, terminals, debtor imports, policies, deposits.

The admin CLI (``central.cli``) and the enrolment endpoint call these; they
take an Engine and return plain values or raise :class:`AdminError`.

Messages (of :class:`AdminError`, and the lines of a refused import) are Spanish
sentences for the office: the desk and the CLI show them as they are.  The
error codes are the contract and stay as they are; so do the enrolment's
messages, which answer a terminal on ``/api/v1``.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import re
import secrets
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterator

from sqlalchemy import Engine, bindparam, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from central import ledger
from central.db import write_engine
from central.models import Account, Agent, Counter, Document, Entry, Item, Policy, Terminal
from sync.wire import minor_units, uuid7

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class AdminError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no I, L, O, U, 0, 1: nothing to misread


# -- agents and terminals ------------------------------------------------------


def add_agent(engine: Engine, agent_id: str, name: str, now: datetime | None = None) -> None:
    if not _ID_RE.match(agent_id):
        raise AdminError("bad_agent_id", f"El código de agente «{agent_id}» no es válido: de 1 a 32 letras sin acento, "
                         "dígitos, «.», «_» o «-», empezando por una letra o un dígito.")
    if not name.strip():
        raise AdminError("bad_name", "Falta el nombre del agente.")
    with write_engine(engine).begin() as conn:
        if conn.execute(select(Agent.agent_id).where(Agent.agent_id == agent_id)).first():
            raise AdminError("agent_exists", f"El agente {agent_id} ya existe.")
        conn.execute(insert(Agent), {"agent_id": agent_id, "name": name.strip(), "created_at": now or utcnow()})


def code_hash(code: str) -> str:
    normalised = re.sub(r"[\s-]", "", code).upper()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def new_enrollment_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def add_terminal(engine: Engine, agent_id: str, name: str, now: datetime | None = None) -> tuple[str, str]:
    """Create a terminal; returns its id and the one-time enrolment code (kept only as a hash)."""
    if not name.strip():
        raise AdminError("bad_name", "Falta el nombre de la terminal.")
    code = new_enrollment_code()
    with write_engine(engine).begin() as conn:
        if not conn.execute(select(Agent.agent_id).where(Agent.agent_id == agent_id)).first():
            raise AdminError("unknown_agent", f"No existe el agente {agent_id}; créelo primero con add-agent.")
        n = conn.execute(select(func.count()).select_from(Terminal).where(Terminal.agent_id == agent_id)).scalar_one()
        while True:
            n += 1
            terminal_id = f"{agent_id}-T{n:02d}"
            if not conn.execute(select(Terminal.terminal_id).where(Terminal.terminal_id == terminal_id)).first():
                break
        conn.execute(
            insert(Terminal),
            {
                "terminal_id": terminal_id,
                "agent_id": agent_id,
                "name": name.strip(),
                "enrollment_code_hash": code_hash(code),
                "secret": None,
                "enrolled_at": None,
                "disabled": False,
                "last_seq": 0,
                "chain_head": "0" * 64,
                "contiguous_seq": 0,
                "created_at": now or utcnow(),
            },
        )
    return terminal_id, code


@dataclass(frozen=True)
class Enrolment:
    terminal_id: str
    agent_id: str
    secret: str


def enroll(engine: Engine, code: str, name: str | None, now: datetime) -> Enrolment:
    """Use an enrolment code (once) and hand out the terminal's secret."""
    h = code_hash(code)
    secret = base64.b64encode(secrets.token_bytes(32)).decode("ascii")
    values: dict[str, Any] = {"secret": secret, "enrolled_at": now}
    if name and name.strip():
        values["name"] = name.strip()[:200]
    with write_engine(engine).begin() as conn:
        row = conn.execute(
            select(Terminal.terminal_id, Terminal.agent_id, Terminal.enrolled_at, Terminal.disabled)
            .where(Terminal.enrollment_code_hash == h)
            .with_for_update()
        ).first()
        if row is None:
            raise AdminError("invalid_enrollment_code", "This enrolment code is not valid.")
        if row.enrolled_at is not None:
            raise AdminError("enrollment_code_used", "This enrolment code was already used.")
        if row.disabled:
            raise AdminError("terminal_disabled", "This terminal is disabled.")
        done = conn.execute(
            update(Terminal)
            .where(Terminal.terminal_id == row.terminal_id, Terminal.enrolled_at.is_(None))
            .values(**values)
        )
        if done.rowcount != 1:
            raise AdminError("enrollment_code_used", "This enrolment code was already used.")
    return Enrolment(row.terminal_id, row.agent_id, secret)


def set_terminal_disabled(engine: Engine, terminal_id: str, disabled: bool) -> None:
    with write_engine(engine).begin() as conn:
        done = conn.execute(update(Terminal).where(Terminal.terminal_id == terminal_id).values(disabled=disabled))
        if done.rowcount != 1:
            raise AdminError("unknown_terminal", f"No existe la terminal {terminal_id}.")


# -- policies ------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, datetime)) or hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        # JSON on the wire carries integers only; a float in a policy is a typo for minor units
        raise AdminError("bad_policy", f"Los valores de una política son enteros en unidades menores (centavos), "
                         f"no {value!r}.")
    return value


def set_policy(engine: Engine, agent_id: str, toml_text: str, now: datetime | None = None) -> int:
    """Store a TOML policy as the agent's policy document; returns its version (1, 2, ...)."""
    try:
        document = _jsonable(tomllib.loads(toml_text))
    except tomllib.TOMLDecodeError as e:
        raise AdminError("bad_policy", f"El archivo de política no es TOML válido: {e}") from None
    with write_engine(engine).begin() as conn:
        if not conn.execute(select(Agent.agent_id).where(Agent.agent_id == agent_id)).first():
            raise AdminError("unknown_agent", f"No existe el agente {agent_id}.")
        current = conn.execute(select(func.max(Policy.version)).where(Policy.agent_id == agent_id)).scalar() or 0
        conn.execute(
            insert(Policy),
            {
                "agent_id": agent_id,
                "version": current + 1,
                "document": json.dumps(document, sort_keys=True, ensure_ascii=False),
                "created_at": now or utcnow(),
            },
        )
    return current + 1


def current_policy(engine: Engine, agent_id: str) -> tuple[int, dict[str, Any], datetime | None]:
    with engine.connect() as conn:
        row = conn.execute(
            select(Policy.version, Policy.document, Policy.created_at)
            .where(Policy.agent_id == agent_id)
            .order_by(Policy.version.desc())
            .limit(1)
        ).first()
    if row is None:
        return 0, {}, None
    return row.version, json.loads(row.document), row.created_at


# -- deposits ------------------------------------------------------------------


def to_minor(text_amount: str, currency: str) -> int:
    """'1234.50' in DOP -> 123450.  A dot, never a comma; no more decimals than the currency has."""
    if not text_amount:
        raise ValueError("Falta el monto (un número como 1234.50).")
    if not re.fullmatch(r"[0-9]{1,15}(\.[0-9]+)?", text_amount):
        raise ValueError(f"El monto «{text_amount}» no es un número como 1234.50: punto decimal, sin separador de miles "
                         "ni símbolo de moneda.")
    digits = minor_units(check_currency(currency))
    value = Decimal(text_amount)
    scaled = value.scaleb(digits)
    if scaled != scaled.to_integral_value():
        if digits == 0:
            raise ValueError(f"Los montos en {currency} no llevan decimales; «{text_amount}» los tiene.")
        raise ValueError(f"Los montos en {currency} llevan como máximo {digits} decimales; «{text_amount}» tiene más.")
    return int(scaled)


def check_currency(value: str) -> str:
    """The currency code as given, when it is one central knows; else a ValueError in words."""
    if not value:
        raise ValueError("Falta la moneda: escriba su código ISO de tres letras, por ejemplo DOP.")
    try:
        minor_units(value)
    except Exception:
        raise ValueError(f"No se reconoce la moneda «{value}»: escriba su código ISO de tres letras, "
                         "por ejemplo DOP o USD.") from None
    return value


# -- the words of a refused CSV file (the desk shows them after «Línea N:») --------

NOT_UTF8 = "El archivo no está en UTF-8. Guárdelo como «CSV UTF-8» e impórtelo de nuevo."


def missing_columns(missing: list[str], expected: tuple[str, ...]) -> str:
    names = ", ".join(f"«{c}»" for c in missing)
    what = f"Falta la columna {names}" if len(missing) == 1 else f"Faltan las columnas {names}"
    return f"{what}. La primera línea del archivo debe ser «{','.join(expected)}»."


def wrong_field_count(row: dict[Any, Any], expected: int) -> str:
    """A line with more or fewer fields than the header (csv.DictReader's ``None`` key and values)."""
    got = expected + len(row.get(None) or []) - sum(1 for k, v in row.items() if k is not None and v is None)
    return (f"La línea tiene {got} campos y el encabezado {expected}. Revise las comas: un texto que lleva "
            "una coma va entre comillas.")


def unreadable(e: Exception, what: str) -> str:
    if isinstance(e, UnicodeDecodeError):
        return NOT_UTF8
    return f"No se puede leer {what} ({e})."


def record_deposit(engine: Engine, agent_id: str, currency: str, amount: str, now: datetime | None = None) -> str:
    """An agent's bank deposit: debit bank, credit the safe."""
    try:
        minor = to_minor(amount, currency)
    except ValueError as e:
        raise AdminError("bad_amount", str(e)) from None
    if minor <= 0:
        raise AdminError("bad_amount", "El monto de un depósito debe ser mayor que cero.")
    journal_id = f"deposit:{uuid7()}"
    when = now or utcnow()
    with write_engine(engine).begin() as conn:
        if not conn.execute(select(Agent.agent_id).where(Agent.agent_id == agent_id)).first():
            raise AdminError("unknown_agent", f"No existe el agente {agent_id}.")
        conn.execute(
            insert(Entry),
            [
                {
                    "journal_id": journal_id,
                    "ledger_seq": None,
                    "account_code": line.code,
                    "agent_id": agent_id,
                    "terminal_id": None,
                    "subledger": None,
                    "currency": currency,
                    "debit": line.debit,
                    "credit": line.credit,
                    "created_at": when,
                }
                for line in ledger.deposit_lines(minor)
            ],
        )
    return journal_id


# -- imports -------------------------------------------------------------------

ACCOUNT_COLUMNS = ("account_id", "biller_id", "name", "national_id", "segment", "status", "currency")
DOCUMENT_COLUMNS = ("document_id", "account_id", "kind", "issue_date", "due_date", "amount", "currency")


@dataclass
class ImportReport:
    path: str
    rows: int = 0
    applied: bool = False
    errors: list[tuple[int, str]] = field(default_factory=list)


def _rows(path: Path, columns: tuple[str, ...], report: ImportReport) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        handle = open(path, newline="", encoding="utf-8-sig")
    except OSError as e:
        report.errors.append((0, f"No se puede abrir el archivo {path} ({e.strerror})."))
        return
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error) as e:
            report.errors.append((1, unreadable(e, "la primera línea (los nombres de las columnas)")))
            return
        missing = [c for c in columns if c not in header]
        if missing:
            report.errors.append((1, missing_columns(missing, columns)))
            return
        try:
            for row in reader:
                if None in row or any(v is None for v in row.values()):
                    report.errors.append((reader.line_num, wrong_field_count(row, len(header))))
                    continue
                yield reader.line_num, {k: (row[k] or "").strip() for k in columns}
        except (UnicodeDecodeError, csv.Error) as e:
            report.errors.append((reader.line_num + 1, unreadable(e, "la línea")))


def _text(value: str, name: str, max_len: int, *, required: bool = True) -> str:
    if required and not value:
        raise ValueError(f"La columna «{name}» está vacía; es obligatoria.")
    if len(value) > max_len:
        raise ValueError(f"La columna «{name}» tiene más de {max_len} caracteres.")
    return value


def _iso_date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        shown = f"dice «{value}»" if value else "está vacía"
        raise ValueError(f"La fecha «{name}» se escribe AAAA-MM-DD, por ejemplo 2026-11-23 ({shown}).") from None


def _upsert(conn: Any, table: Any, rows: list[dict[str, Any]], key: str, update_cols: list[str]) -> None:
    if not rows:
        return
    dialect = conn.dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    stmt = ins.on_conflict_do_update(index_elements=[key], set_={c: ins.excluded[c] for c in update_cols})
    for start in range(0, len(rows), 5000):
        conn.execute(stmt, rows[start : start + 5000])


def _lock_accounts(conn: Any, account_ids: list[str]) -> None:
    """PostgreSQL: lock the accounts in key order, as a batch does, before touching
    their documents or balances, so an import and a batch wait for each other
    instead of deadlocking or recomputing a balance from a stale snapshot."""
    if conn.dialect.name != "postgresql":
        return
    ordered = sorted(set(account_ids))
    for start in range(0, len(ordered), 5000):
        conn.execute(
            select(Account.account_id)
            .where(Account.account_id.in_(ordered[start : start + 5000]))
            .order_by(Account.account_id)
            .with_for_update()
        ).all()


def _take_change(conn: Any) -> int:
    return conn.execute(
        update(Counter.__table__)
        .where(Counter.name == "account_change")
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar_one()


_RECOMPUTE = text(
    "UPDATE accounts SET balance = COALESCE((SELECT SUM(CASE WHEN d.amount > d.paid THEN d.amount - d.paid"
    " ELSE 0 END) FROM documents d WHERE d.account_id = accounts.account_id), 0) - credit"
    " WHERE change_seq = :change"
)


def import_accounts(engine: Engine, path: str | Path, now: datetime | None = None) -> ImportReport:
    """Create or update accounts from a CSV; a file with any bad row changes nothing."""
    report = ImportReport(str(path))
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, r in _rows(Path(path), ACCOUNT_COLUMNS, report):
        report.rows += 1
        try:
            account_id = _text(r["account_id"], "account_id", 64)
            if account_id in seen:
                raise ValueError(f"La cuenta {account_id} ya está en la línea {seen[account_id]}; cada cuenta va una sola vez.")
            status = r["status"] or "active"
            if not re.fullmatch(r"[a-z_]{1,32}", status):
                raise ValueError(f"El estado «{status}» no es válido: es una palabra en minúsculas, "
                                 "como active, judicial o written_off.")
            rows.append(
                {
                    "account_id": account_id,
                    "biller_id": _text(r["biller_id"], "biller_id", 64),
                    "name": _text(r["name"], "name", 200),
                    "national_id": _text(r["national_id"], "national_id", 64, required=False),
                    "segment": _text(r["segment"], "segment", 64, required=False),
                    "status": status,
                    "currency": check_currency(r["currency"]),
                }
            )
            seen[account_id] = line
        except ValueError as e:
            report.errors.append((line, str(e)))
    if report.errors:
        return report
    when = now or utcnow()
    with write_engine(engine).begin() as conn:
        _lock_accounts(conn, [r["account_id"] for r in rows])
        change = _take_change(conn)
        for row in rows:
            row.update(balance=0, credit=0, change_seq=change, updated_at=when)
        _upsert(
            conn,
            Account.__table__,
            rows,
            "account_id",
            ["biller_id", "name", "national_id", "segment", "status", "currency", "change_seq", "updated_at"],
        )
        conn.execute(_RECOMPUTE, {"change": change})
    report.applied = True
    return report


def import_documents(engine: Engine, path: str | Path, now: datetime | None = None) -> ImportReport:
    """Create or update documents from a CSV; a file with any bad row changes nothing."""
    report = ImportReport(str(path))
    parsed: list[tuple[int, dict[str, Any]]] = []
    seen: dict[str, int] = {}
    for line, r in _rows(Path(path), DOCUMENT_COLUMNS, report):
        report.rows += 1
        try:
            document_id = _text(r["document_id"], "document_id", 64)
            if document_id in seen:
                raise ValueError(f"El documento {document_id} ya está en la línea {seen[document_id]}; "
                                 "cada documento va una sola vez.")
            currency = check_currency(r["currency"])
            issue = _iso_date(r["issue_date"], "issue_date")
            due = _iso_date(r["due_date"], "due_date")
            parsed.append(
                (
                    line,
                    {
                        "document_id": document_id,
                        "account_id": _text(r["account_id"], "account_id", 64),
                        "kind": _text(r["kind"], "kind", 32),
                        "issue_date": issue,
                        "due_date": due,
                        "amount": to_minor(r["amount"], currency),
                        "currency": currency,
                    },
                )
            )
            seen[document_id] = line
        except ValueError as e:
            report.errors.append((line, str(e)))
    if not parsed and not report.errors:  # a header and no rows: nothing to apply, nothing to touch
        report.applied = True
        return report
    with write_engine(engine).begin() as conn:
        # the accounts and existing documents the rows refer to
        accounts: dict[str, str] = {}
        owners: dict[str, str] = {}
        account_ids = sorted({d["account_id"] for _, d in parsed})
        _lock_accounts(conn, account_ids)
        doc_ids = [d["document_id"] for _, d in parsed]
        for start in range(0, len(account_ids), 900):
            chunk = account_ids[start : start + 900]
            accounts.update({r[0]: r[1] for r in conn.execute(select(Account.account_id, Account.currency).where(Account.account_id.in_(chunk)))})
        for start in range(0, len(doc_ids), 900):
            chunk = doc_ids[start : start + 900]
            owners.update({r[0]: r[1] for r in conn.execute(select(Document.document_id, Document.account_id).where(Document.document_id.in_(chunk)))})
        for line, d in parsed:
            account, said = d["account_id"], None
            if account not in accounts:
                said = f"La cuenta {account} no existe en la central: impórtela primero (en el archivo de cuentas)."
            elif accounts[account] != d["currency"]:
                said = f"La moneda {d['currency']} no es la de la cuenta {account}, que está en {accounts[account]}."
            elif owners.get(d["document_id"], account) != account:
                said = f"El documento {d['document_id']} es de la cuenta {owners[d['document_id']]}; no se puede pasar a otra cuenta."
            if said:
                report.errors.append((line, said))
        if report.errors:
            report.errors.sort()
            return report
        when = now or utcnow()
        rows = [dict(d, paid=0) for _, d in parsed]
        _upsert(conn, Document.__table__, rows, "document_id", ["kind", "issue_date", "due_date", "amount", "currency"])
        change = _take_change(conn)
        conn.execute(
            update(Account.__table__)
            .where(Account.account_id == bindparam("b_id"))
            .values(change_seq=change, updated_at=when),
            [{"b_id": a} for a in account_ids],
        )
        conn.execute(_RECOMPUTE, {"change": change})
    report.applied = True
    return report


# -- reports -------------------------------------------------------------------


def seq_gaps(engine: Engine) -> list[tuple[str, int, int]]:
    """Missing seq ranges per terminal: (terminal_id, first missing, last missing)."""
    gaps: list[tuple[str, int, int]] = []
    with engine.connect() as conn:
        terminals = conn.execute(select(Terminal.terminal_id, Terminal.contiguous_seq, Terminal.last_seq)).all()
        for t in terminals:
            if t.last_seq <= t.contiguous_seq:
                continue
            expected = t.contiguous_seq + 1
            for (seq,) in conn.execute(
                select(Item.seq).where(Item.terminal_id == t.terminal_id, Item.seq > t.contiguous_seq).order_by(Item.seq)
            ):
                if seq > expected:
                    gaps.append((t.terminal_id, expected, seq - 1))
                expected = seq + 1
    return gaps


def open_exceptions(engine: Engine, limit: int = 200) -> list[dict[str, Any]]:
    """The office's queue, oldest first: flagged items and rejected copies still open."""
    from central.models import ExceptionCase

    with engine.connect() as conn:
        rows = conn.execute(
            select(
                ExceptionCase.id,
                ExceptionCase.created_at,
                ExceptionCase.terminal_id,
                ExceptionCase.item_id,
                ExceptionCase.kind,
                ExceptionCase.reasons,
                ExceptionCase.detail,
            )
            .where(ExceptionCase.status == "open")
            .order_by(ExceptionCase.id)
            .limit(limit)
        ).all()
    return [
        {
            "id": r.id,
            "created_at": r.created_at,
            "terminal_id": r.terminal_id,
            "item_id": r.item_id,
            "kind": r.kind,
            "reasons": json.loads(r.reasons),
            "detail": r.detail,
        }
        for r in rows
    ]


def trial_balance(engine: Engine) -> list[tuple[str, str, int, int]]:
    """(account code, currency, total debits, total credits) over the whole journal."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(Entry.account_code, Entry.currency, func.sum(Entry.debit), func.sum(Entry.credit))
            .group_by(Entry.account_code, Entry.currency)
            .order_by(Entry.account_code, Entry.currency)
        ).all()
    return [(r[0], r[1], int(r[2] or 0), int(r[3] or 0)) for r in rows]

