"""The SQLAlchemy unit of work and repositories behind app.services.ports."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.accounts import (
    Account,
    AccountStatus,
    Biller,
    BillerKind,
    DocumentKind,
    OpenDocument,
    Segment,
)
from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.protocol import ZERO_HASH
from app.domain.timeutil import from_text, to_text
from app.services.ports import (
    AccountRecord,
    CashMovementRecord,
    VoidRecord,
    AuditRecord,
    OutboxRecord,
    PaymentRecord,
    ShiftRecord,
    TerminalCounters,
    UserRecord,
)
from app.storage.models import (
    AccountRow,
    AllocationRow,
    AuditRow,
    BillerRow,
    CashMovementRow,
    DocumentRow,
    OutboxRow,
    PaymentRow,
    SettingRow,
    ShiftRow,
    TenderRow,
    TerminalStateRow,
    UserRow,
    VoidRow,
)


def account_from_row(row: AccountRow) -> AccountRecord:
    account = Account(
        account_id=row.account_id,
        biller_id=row.biller_id,
        name=row.name,
        national_id=row.national_id,
        segment=Segment(row.segment),
        status=AccountStatus(row.status),
        currency=row.currency,
        address=row.address,
    )
    return AccountRecord(account, row.balance_minor, from_text(row.as_of))


def fts_query(user_text: str) -> str | None:
    """Turn what a cashier typed into an FTS5 prefix query: ``juan per`` → ``"juan"* AND "per"*``.

    Only letters and digits survive, so nothing typed can be FTS5 syntax.
    """
    words = re.findall(r"\w+", user_text.lower())
    words = [w for w in words if w.strip("_")][:6]
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


# The counter's hot path (look up, take a payment) runs prebuilt Core
# statements on the session's connection: SQLAlchemy caches their compiled
# form, and the ORM's identity-map bookkeeping is skipped where nothing needs
# it.  bench/ measures the difference (payment_commit_p99_ms).
_A, _D, _T = AccountRow.__table__, DocumentRow.__table__, TerminalStateRow.__table__
_P, _AL, _TE = PaymentRow.__table__, AllocationRow.__table__, TenderRow.__table__
_O, _AU, _S = OutboxRow.__table__, AuditRow.__table__, ShiftRow.__table__
_ACCOUNT_COLS = (_A.c.account_id, _A.c.biller_id, _A.c.name, _A.c.national_id, _A.c.segment, _A.c.status, _A.c.currency,
                 _A.c.address, _A.c.balance_minor, _A.c.as_of)
GET_ACCOUNT = select(*_ACCOUNT_COLS).where(_A.c.account_id == bindparam("account_id"))
_DOC_COLS = (_D.c.document_id, _D.c.account_id, _D.c.kind, _D.c.issue_date, _D.c.due_date, _D.c.amount_minor, _D.c.paid_minor,
             _D.c.currency)
GET_DOCUMENTS = select(*_DOC_COLS).where(_D.c.account_id == bindparam("account_id")).order_by(_D.c.due_date, _D.c.document_id)
GET_DOCUMENTS_OF = (
    select(*_DOC_COLS).where(_D.c.account_id.in_(bindparam("ids", expanding=True))).order_by(_D.c.due_date, _D.c.document_id)
)
PAY_DOCUMENT = update(_D).where(_D.c.document_id == bindparam("doc")).values(paid_minor=_D.c.paid_minor + bindparam("minor"))
DEBIT_ACCOUNT = (
    update(_A).where(_A.c.account_id == bindparam("acc")).values(balance_minor=_A.c.balance_minor - bindparam("minor"))
)
GET_COUNTERS = select(_T.c.terminal_id, _T.c.last_seq, _T.c.last_receipt_no, _T.c.chain_head).where(_T.c.id == 1)
SAVE_COUNTERS = (
    update(_T)
    .where(_T.c.id == 1)
    .values(terminal_id=bindparam("tid"), last_seq=bindparam("seq"), last_receipt_no=bindparam("rno"), chain_head=bindparam("head"))
)
INSERT_PAYMENT, INSERT_ALLOCATION, INSERT_TENDER = insert(_P), insert(_AL), insert(_TE)
INSERT_OUTBOX, INSERT_AUDIT = insert(_O), insert(_AU)
LAST_AUDIT = select(_AU).order_by(_AU.c.id.desc()).limit(1)
SEARCH_NAME = (
    select(*_ACCOUNT_COLS)
    .where(_A.c.pk.in_(text("SELECT rowid FROM account_names WHERE account_names MATCH :q LIMIT :limit")))
    .order_by(_A.c.name)
)
_KV = SettingRow.__table__
GET_SHIFT = select(_S).where(_S.c.shift_id == bindparam("shift_id"))


def _account_record(r: Any) -> AccountRecord:
    account = Account(r[0], r[1], r[2], r[3], Segment(r[4]), AccountStatus(r[5]), r[6], r[7])
    return AccountRecord(account, r[8], from_text(r[9]))


def _document(r: Any) -> OpenDocument:
    return OpenDocument(
        document_id=r[0],
        account_id=r[1],
        kind=DocumentKind(r[2]),
        issue_date=date.fromisoformat(r[3]),
        due_date=date.fromisoformat(r[4]),
        amount=Money.from_minor(r[5], r[7]),
        paid=Money.from_minor(r[6], r[7]),
    )


class SqlAccounts:
    def __init__(self, session: Session) -> None:
        self.s = session
        self._billers: dict[str, Biller | None] = {}

    def get(self, account_id: str) -> AccountRecord | None:
        row = self.s.connection().execute(GET_ACCOUNT, {"account_id": account_id}).first()
        return _account_record(row) if row else None

    def documents(self, account_id: str) -> list[OpenDocument]:
        return [_document(r) for r in self.s.connection().execute(GET_DOCUMENTS, {"account_id": account_id})]

    def documents_of(self, account_ids: list[str]) -> dict[str, list[OpenDocument]]:
        out: dict[str, list[OpenDocument]] = {a: [] for a in account_ids}
        if account_ids:
            for r in self.s.connection().execute(GET_DOCUMENTS_OF, {"ids": account_ids}):
                out[r[1]].append(_document(r))
        return out

    def account_of_document(self, document_id: str) -> str | None:
        return self.s.scalar(select(DocumentRow.account_id).where(DocumentRow.document_id == document_id))

    def biller(self, biller_id: str) -> Biller | None:
        if biller_id not in self._billers:
            row = self.s.get(BillerRow, biller_id)
            self._billers[biller_id] = Biller(row.biller_id, row.name, BillerKind(row.kind), row.currency) if row else None
        return self._billers[biller_id]

    def barcode_formats(self) -> dict[str, dict[str, Any]]:
        rows = self.s.execute(select(BillerRow.biller_id, BillerRow.barcode_format))
        return {b: json.loads(f) for b, f in rows if f}

    def search_name(self, query: str, limit: int) -> list[AccountRecord]:
        match = fts_query(query)
        if match is None:
            return []
        rows = self.s.connection().execute(SEARCH_NAME, {"q": match, "limit": limit})
        return [_account_record(r) for r in rows]

    def by_national_id(self, national_id: str, limit: int) -> list[AccountRecord]:
        rows = self.s.connection().execute(
            select(*_ACCOUNT_COLS).where(_A.c.national_id == national_id).order_by(_A.c.name).limit(limit)
        )
        return [_account_record(r) for r in rows]

    def apply_payment(self, account_id: str, allocations: list[tuple[str, int]], amount_minor: int) -> None:
        # Core statements on the tables: the write path of every payment skips
        # the ORM's identity-map bookkeeping (see bench: payment_commit_p99_ms).
        conn = self.s.connection()
        rows = [{"doc": d, "minor": m} for d, m in allocations if d]
        if rows:
            conn.execute(PAY_DOCUMENT, rows)
        conn.execute(DEBIT_ACCOUNT, {"acc": account_id, "minor": amount_minor})


class SqlTerminal:
    def __init__(self, session: Session) -> None:
        self.s = session

    def counters(self) -> TerminalCounters:
        conn = self.s.connection()
        row = conn.execute(GET_COUNTERS).first()
        if row is None:
            conn.execute(insert(_T).values(id=1, terminal_id="", last_seq=0, last_receipt_no=0, chain_head=ZERO_HASH))
            return TerminalCounters("", 0, 0, ZERO_HASH)
        return TerminalCounters(*row)

    def save_counters(self, c: TerminalCounters) -> None:
        self.s.connection().execute(
            SAVE_COUNTERS, {"tid": c.terminal_id, "seq": c.last_seq, "rno": c.last_receipt_no, "head": c.chain_head}
        )


def _payment_from_row(row: PaymentRow, allocations: list[AllocationRow], tenders: list[TenderRow]) -> PaymentRecord:
    tender_dicts = []
    for t in tenders:
        d: dict[str, Any] = {"kind": t.kind, "amount": t.amount_minor}
        if t.kind == "cash":
            d.update(received=t.received_minor, change=t.change_minor)
        d.update(json.loads(t.details))
        tender_dicts.append(d)
    return PaymentRecord(
        payment_id=row.payment_id,
        receipt_no=row.receipt_no,
        seq=row.seq,
        shift_id=row.shift_id,
        cashier_id=row.cashier_id,
        account_id=row.account_id,
        account_name=row.account_name,
        biller_id=row.biller_id,
        currency=row.currency,
        amount_minor=row.amount_minor,
        discount_minor=row.discount_minor,
        balance_before_minor=row.balance_before_minor,
        balance_as_of=from_text(row.balance_as_of),
        offline=row.offline,
        occurred_at=from_text(row.occurred_at),
        business_date=row.business_date,
        allocations=[{"document_id": a.document_id, "amount": a.amount_minor} for a in allocations],
        tenders=tender_dicts,
        status=row.status,
        print_count=row.print_count,
    )


class SqlPayments:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, p: PaymentRecord) -> None:
        conn = self.s.connection()
        conn.execute(
            INSERT_PAYMENT,
            dict(
                payment_id=p.payment_id,
                receipt_no=p.receipt_no,
                seq=p.seq,
                shift_id=p.shift_id,
                cashier_id=p.cashier_id,
                account_id=p.account_id,
                account_name=p.account_name,
                biller_id=p.biller_id,
                currency=p.currency,
                amount_minor=p.amount_minor,
                discount_minor=p.discount_minor,
                balance_before_minor=p.balance_before_minor,
                balance_as_of=to_text(p.balance_as_of),
                offline=p.offline,
                occurred_at=to_text(p.occurred_at),
                business_date=p.business_date,
                status=p.status,
                print_count=p.print_count,
            )
        )
        if p.allocations:
            conn.execute(
                INSERT_ALLOCATION,
                [{"payment_id": p.payment_id, "document_id": a["document_id"], "amount_minor": a["amount"]} for a in p.allocations],
            )
        conn.execute(
            INSERT_TENDER,
            [
                {
                    "payment_id": p.payment_id,
                    "kind": t["kind"],
                    "amount_minor": t["amount"],
                    "received_minor": t.get("received"),
                    "change_minor": t.get("change"),
                    "details": json.dumps(
                        {k: v for k, v in t.items() if k not in ("kind", "amount", "received", "change")},
                        ensure_ascii=False,
                        sort_keys=True,
                    ),
                }
                for t in p.tenders
            ],
        )

    def _load(self, row: PaymentRow | None) -> PaymentRecord | None:
        if row is None:
            return None
        allocations = list(self.s.scalars(select(AllocationRow).where(AllocationRow.payment_id == row.payment_id).order_by(AllocationRow.id)))
        tenders = list(self.s.scalars(select(TenderRow).where(TenderRow.payment_id == row.payment_id).order_by(TenderRow.id)))
        return _payment_from_row(row, allocations, tenders)

    def get(self, payment_id: str) -> PaymentRecord | None:
        return self._load(self.s.get(PaymentRow, payment_id))

    def get_many(self, payment_ids: list[str]) -> dict[str, PaymentRecord]:
        """Many payments in three queries (the sync check of a whole batch)."""
        out: dict[str, PaymentRecord] = {}
        for start in range(0, len(payment_ids), 500):
            chunk = payment_ids[start : start + 500]
            rows = list(self.s.scalars(select(PaymentRow).where(PaymentRow.payment_id.in_(chunk))))
            allocations: dict[str, list[AllocationRow]] = {}
            for a in self.s.scalars(select(AllocationRow).where(AllocationRow.payment_id.in_(chunk)).order_by(AllocationRow.id)):
                allocations.setdefault(a.payment_id, []).append(a)
            tenders: dict[str, list[TenderRow]] = {}
            for t in self.s.scalars(select(TenderRow).where(TenderRow.payment_id.in_(chunk)).order_by(TenderRow.id)):
                tenders.setdefault(t.payment_id, []).append(t)
            for r in rows:
                out[r.payment_id] = _payment_from_row(r, allocations.get(r.payment_id, []), tenders.get(r.payment_id, []))
        return out

    def by_receipt(self, receipt_no: int) -> PaymentRecord | None:
        return self._load(self.s.scalars(select(PaymentRow).where(PaymentRow.receipt_no == receipt_no)).first())

    def of_shift(self, shift_id: str) -> list[PaymentRecord]:
        rows = self.s.scalars(select(PaymentRow).where(PaymentRow.shift_id == shift_id).order_by(PaymentRow.receipt_no))
        return [p for p in (self._load(r) for r in rows) if p is not None]

    def set_status(self, payment_id: str, status: str) -> None:
        self.s.connection().execute(update(_P).where(_P.c.payment_id == payment_id).values(status=status))

    def unsynced(self) -> tuple[int, int]:
        count, total = self.s.connection().execute(
            select(func.count(), func.coalesce(func.sum(_O.c.amount_minor), 0)).where(
                _O.c.state == "pending", _O.c.type == "payment"
            )
        ).one()
        return count, total

    def offline_total_of_shift(self, shift_id: str) -> int:
        return self.s.connection().execute(
            select(func.coalesce(func.sum(_P.c.amount_minor), 0)).where(
                _P.c.shift_id == shift_id, _P.c.offline.is_(True), _P.c.status == "posted"
            )
        ).scalar_one()

    def cheques_taken(self) -> list[tuple[str, str, str]]:
        rows = self.s.connection().execute(
            select(
                func.json_extract(_TE.c.details, "$.bank_code"),
                func.json_extract(_TE.c.details, "$.account_number"),
                func.json_extract(_TE.c.details, "$.number"),
            )
            .select_from(_TE.join(_P, _P.c.payment_id == _TE.c.payment_id))
            .where(_TE.c.kind == "cheque", _P.c.status == "posted")
        )
        return [(str(b), str(a), str(n)) for b, a, n in rows]

    def tenders_of_shift(self, shift_id: str) -> list[tuple[str, int, str, list[dict[str, Any]]]]:
        conn = self.s.connection()
        payments = conn.execute(
            select(_P.c.payment_id, _P.c.receipt_no, _P.c.status).where(_P.c.shift_id == shift_id).order_by(_P.c.receipt_no)
        ).all()
        tenders: dict[str, list[dict[str, Any]]] = {p: [] for p, _, _ in payments}
        rows = conn.execute(
            select(_TE.c.payment_id, _TE.c.kind, _TE.c.amount_minor, _TE.c.received_minor, _TE.c.change_minor, _TE.c.details)
            .join(_P, _P.c.payment_id == _TE.c.payment_id)
            .where(_P.c.shift_id == shift_id)
            .order_by(_TE.c.id)
        )
        for pid, kind, amount, received, change, details in rows:
            t: dict[str, Any] = {"kind": kind, "amount": amount}
            if kind == "cash":
                t.update(received=received, change=change)
            t.update(json.loads(details))
            tenders[pid].append(t)
        return [(p, r, st, tenders[p]) for p, r, st in payments]

    def count_print(self, payment_id: str) -> int:
        self.s.execute(
            update(PaymentRow).where(PaymentRow.payment_id == payment_id).values(print_count=PaymentRow.print_count + 1)
        )
        return self.s.scalar(select(PaymentRow.print_count).where(PaymentRow.payment_id == payment_id)) or 0

    def uncount_print(self, payment_id: str, count: int) -> bool:
        done = self.s.execute(
            update(PaymentRow)
            .where(PaymentRow.payment_id == payment_id, PaymentRow.print_count == count, PaymentRow.print_count > 0)
            .values(print_count=PaymentRow.print_count - 1)
        )
        return bool(done.rowcount)


def _outbox_from_row(r: OutboxRow) -> OutboxRecord:
    return OutboxRecord(r.seq, r.item_id, r.type, r.body, r.hash, from_text(r.created_at), r.state, r.attempts, r.result)


class SqlOutbox:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, o: OutboxRecord) -> None:
        self.s.connection().execute(
            INSERT_OUTBOX,
            dict(
                seq=o.seq,
                item_id=o.item_id,
                type=o.type,
                body=o.body,
                hash=o.hash,
                created_at=to_text(o.created_at),
                state=o.state,
                attempts=o.attempts,
                amount_minor=o.amount_minor,
            )
        )

    def pending(self, limit: int) -> list[OutboxRecord]:
        rows = self.s.scalars(select(OutboxRow).where(OutboxRow.state == "pending").order_by(OutboxRow.seq).limit(limit))
        return [_outbox_from_row(r) for r in rows]

    def all(self) -> list[OutboxRecord]:
        return [_outbox_from_row(r) for r in self.s.scalars(select(OutboxRow).order_by(OutboxRow.seq))]

    def after(self, seq: int, limit: int | None = None) -> list[OutboxRecord]:
        query = select(_O).where(_O.c.seq > seq).order_by(_O.c.seq)
        rows = self.s.connection().execute(query.limit(limit) if limit else query)
        return [_outbox_from_row(r) for r in rows]

    def settle_many(self, results: list[tuple[str, str, str]], at: datetime) -> None:
        """(item_id, state, result) for a whole batch, in one statement."""
        if results:
            self.s.connection().execute(
                update(_O)
                .where(_O.c.item_id == bindparam("iid"))
                .values(state=bindparam("st"), result=bindparam("res"), acked_at=to_text(at), attempts=_O.c.attempts + 1),
                [{"iid": i, "st": st, "res": r} for i, st, r in results],
            )

    def hash_of(self, seq: int) -> str | None:
        return self.s.connection().execute(select(_O.c.hash).where(_O.c.seq == seq)).scalar()

    def seq_of(self, item_id: str) -> int | None:
        return self.s.connection().execute(select(_O.c.seq).where(_O.c.item_id == item_id)).scalar()

    def first_pending_seq(self) -> int | None:
        return self.s.connection().execute(select(func.min(_O.c.seq)).where(_O.c.state == "pending")).scalar()

    def seq_of_shift_open(self, shift_id: str) -> int:
        return self.s.connection().execute(
            select(_O.c.seq).where(_O.c.type == "shift_open", func.json_extract(_O.c.body, "$.shift_id") == shift_id)
        ).scalar_one()

    def settle(self, item_id: str, state: str, result: str, at: datetime) -> None:
        self.s.connection().execute(
            update(_O)
            .where(_O.c.item_id == item_id)
            .values(state=state, result=result, acked_at=to_text(at), attempts=_O.c.attempts + 1)
        )

    def stats(self) -> tuple[int, datetime | None, int]:
        conn = self.s.connection()
        pending, oldest = conn.execute(
            select(func.count(), func.min(_O.c.created_at)).where(_O.c.state == "pending")
        ).one()
        quarantined = conn.execute(select(func.count()).where(_O.c.state == "quarantined")).scalar_one()
        return pending, from_text(oldest) if oldest else None, quarantined


class SqlValues:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, key: str) -> str | None:
        return self.s.connection().execute(select(_KV.c.value).where(_KV.c.key == key)).scalar()

    def set(self, key: str, value: str) -> None:
        conn = self.s.connection()
        if conn.execute(update(_KV).where(_KV.c.key == key).values(value=value)).rowcount == 0:
            conn.execute(insert(_KV).values(key=key, value=value))


class SqlSnapshot:
    """Central's view of an account replaces the local one, documents and all."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def upsert_account(self, a: dict[str, Any], as_of: datetime) -> None:
        self.upsert_accounts([a], as_of)

    def upsert_accounts(self, accounts: list[dict[str, Any]], as_of: datetime) -> None:
        """A page of central's accounts in a few statements (a first snapshot is a million of them)."""
        if not accounts:
            return
        conn = self.s.connection()
        cur = conn.connection.driver_connection.cursor()
        ids = [a["account_id"] for a in accounts]
        billers = {a["biller_id"]: a["currency"] for a in accounts}
        known = {b for (b,) in conn.execute(select(BillerRow.biller_id).where(BillerRow.biller_id.in_(list(billers))))}
        cur.executemany(
            "INSERT INTO billers(biller_id, name, kind, currency, barcode_format) VALUES (?, ?, 'other', ?, NULL)",
            [(b, b, c) for b, c in billers.items() if b not in known],
        )
        stamp = to_text(as_of)
        cur.executemany(
            "INSERT INTO accounts(account_id, biller_id, name, national_id, segment, status, currency, address,"
            " balance_minor, as_of) VALUES (?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(account_id) DO UPDATE SET biller_id=excluded.biller_id, name=excluded.name,"
            " national_id=excluded.national_id, segment=excluded.segment, status=excluded.status,"
            " currency=excluded.currency, balance_minor=excluded.balance_minor, as_of=excluded.as_of",
            [
                (a["account_id"], a["biller_id"], a["name"], a.get("national_id", ""), a["segment"], a["status"],
                 a["currency"], a.get("address", ""), a["balance"], a.get("as_of") or stamp)
                for a in accounts
            ],
        )
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cur.execute(f"DELETE FROM documents WHERE account_id IN ({','.join('?' * len(chunk))})", chunk)
        cur.executemany(
            "INSERT INTO documents(document_id, account_id, kind, issue_date, due_date, amount_minor, paid_minor, currency)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                (d["document_id"], a["account_id"], d["kind"], d["issue_date"], d["due_date"], d["amount"], d["paid"],
                 d["currency"])
                for a in accounts
                for d in a.get("documents") or []
            ],
        )
        unsent = conn.execute(
            select(_P.c.account_id)
            .join(_O, _O.c.item_id == _P.c.payment_id)
            .where(_O.c.state == "pending", _P.c.status == "posted")
            .distinct()
        ).scalars()
        page = set(ids)
        for account_id in [x for x in unsent if x in page]:
            self._reapply_unsent_payments(conn, account_id)

    @staticmethod
    def _reapply_unsent_payments(conn: Any, account_id: str) -> None:
        """Central's balance cannot include what this terminal has not sent yet.

        Without this, a snapshot arriving while payments wait in the outbox
        would show the debt as still owed, and the cashier could collect it twice.
        """
        unsent = (
            select(_P.c.payment_id, _P.c.amount_minor, _P.c.discount_minor)
            .join(_O, _O.c.item_id == _P.c.payment_id)
            .where(_P.c.account_id == account_id, _O.c.state == "pending", _P.c.status == "posted")
        )
        for payment_id, amount, discount in conn.execute(unsent).all():
            allocations = conn.execute(
                select(_AL.c.document_id, _AL.c.amount_minor).where(_AL.c.payment_id == payment_id)
            ).all()
            rows = [{"doc": d, "minor": m} for d, m in allocations if d]
            if rows:
                conn.execute(PAY_DOCUMENT, rows)
            conn.execute(DEBIT_ACCOUNT, {"acc": account_id, "minor": amount + discount})


def _audit_from_row(r: AuditRow) -> AuditRecord:
    return AuditRecord(r.id, from_text(r.at), r.user_id, r.action, r.detail, r.prev_hash, r.hash)


class SqlAudit:
    def __init__(self, session: Session) -> None:
        self.s = session

    def last(self) -> AuditRecord | None:
        row = self.s.connection().execute(LAST_AUDIT).first()
        return AuditRecord(row.id, from_text(row.at), row.user_id, row.action, row.detail, row.prev_hash, row.hash) if row else None

    def append(self, a: AuditRecord) -> None:
        self.s.connection().execute(
            INSERT_AUDIT,
            dict(
                id=a.id, at=to_text(a.at), user_id=a.user_id, action=a.action, detail=a.detail, prev_hash=a.prev_hash, hash=a.hash
            )
        )

    def all(self) -> list[AuditRecord]:
        return [_audit_from_row(r) for r in self.s.scalars(select(AuditRow).order_by(AuditRow.id))]


def _user_from_row(r: UserRow) -> UserRecord:
    return UserRecord(
        r.user_id, r.name, r.role, r.pin_hash, r.active, r.failed_attempts, from_text(r.locked_until) if r.locked_until else None
    )


class SqlUsers:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, user_id: str) -> UserRecord | None:
        row = self.s.get(UserRow, user_id)
        return _user_from_row(row) if row else None

    def add(self, u: UserRecord) -> None:
        self.s.add(UserRow(user_id=u.user_id, name=u.name, role=u.role, pin_hash=u.pin_hash, active=u.active, failed_attempts=0))

    def save(self, u: UserRecord) -> None:
        row = self.s.get(UserRow, u.user_id)
        assert row is not None
        row.name, row.role, row.pin_hash, row.active = u.name, u.role, u.pin_hash, u.active
        row.failed_attempts = u.failed_attempts
        row.locked_until = to_text(u.locked_until) if u.locked_until else None

    def all(self) -> list[UserRecord]:
        return [_user_from_row(r) for r in self.s.scalars(select(UserRow).order_by(UserRow.user_id))]


def _shift_from_row(r: Any) -> ShiftRecord:
    return ShiftRecord(
        r.shift_id,
        r.cashier_id,
        r.currency,
        from_text(r.opened_at),
        r.business_date,
        r.opening_float_minor,
        r.drawer,
        r.status,
        from_text(r.closed_at) if r.closed_at else None,
        {int(k): v for k, v in json.loads(r.opening_denominations or "{}").items()},
        r.close_attempts,
        r.manifest,
    )


class SqlShifts:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, shift_id: str) -> ShiftRecord | None:
        row = self.s.connection().execute(GET_SHIFT, {"shift_id": shift_id}).first()
        return _shift_from_row(row) if row else None

    def open_of(self, cashier_id: str) -> ShiftRecord | None:
        row = self.s.connection().execute(select(_S).where(_S.c.cashier_id == cashier_id, _S.c.status == "open")).first()
        return _shift_from_row(row) if row else None

    def open_ids(self) -> list[str]:
        return list(self.s.connection().execute(select(_S.c.shift_id).where(_S.c.status == "open")).scalars())

    def save_close(self, sh: ShiftRecord) -> None:
        self.s.connection().execute(
            update(_S)
            .where(_S.c.shift_id == sh.shift_id)
            .values(
                close_attempts=sh.close_attempts,
                status=sh.status,
                closed_at=to_text(sh.closed_at) if sh.closed_at else None,
                manifest=sh.manifest,
            )
        )

    def add_void(self, v: VoidRecord) -> None:
        self.s.connection().execute(
            insert(VoidRow.__table__).values(
                void_id=v.void_id, payment_id=v.payment_id, shift_id=v.shift_id, seq=v.seq, amount_minor=v.amount_minor,
                reason=v.reason, approver_id=v.approver_id, occurred_at=to_text(v.occurred_at),
            )
        )

    def voids_of(self, shift_id: str) -> list[VoidRecord]:
        t = VoidRow.__table__
        rows = self.s.connection().execute(select(t).where(t.c.shift_id == shift_id).order_by(t.c.seq))
        return [
            VoidRecord(r.void_id, r.payment_id, r.shift_id, r.seq, r.amount_minor, r.reason, r.approver_id, from_text(r.occurred_at))
            for r in rows
        ]

    def add_movement(self, m: CashMovementRecord) -> None:
        self.s.connection().execute(
            insert(CashMovementRow.__table__).values(
                movement_id=m.movement_id, shift_id=m.shift_id, seq=m.seq, kind=m.kind, amount_minor=m.amount_minor,
                approver_id=m.approver_id, occurred_at=to_text(m.occurred_at),
            )
        )

    def movements_of(self, shift_id: str) -> list[CashMovementRecord]:
        t = CashMovementRow.__table__
        rows = self.s.connection().execute(select(t).where(t.c.shift_id == shift_id).order_by(t.c.seq))
        return [
            CashMovementRecord(r.movement_id, r.shift_id, r.seq, r.kind, r.amount_minor, r.approver_id, from_text(r.occurred_at))
            for r in rows
        ]

    def add(self, sh: ShiftRecord) -> None:
        self.s.add(
            ShiftRow(
                shift_id=sh.shift_id,
                cashier_id=sh.cashier_id,
                drawer=sh.drawer,
                currency=sh.currency,
                opened_at=to_text(sh.opened_at),
                business_date=sh.business_date,
                opening_float_minor=sh.opening_float_minor,
                status=sh.status,
                opening_denominations=json.dumps({str(k): v for k, v in sorted(sh.opening_denominations.items())}),
            )
        )


#: what SQLite says when the file itself is damaged (not busy, not full)
DAMAGE_SIGNS = ("malformed", "not a database", "could not decode to utf-8", "readonly database", "disk i/o error",
                "database corrupt")


def _damaged(exc: object) -> bool:
    return isinstance(exc, DatabaseError) and any(sign in str(exc.orig).lower() for sign in DAMAGE_SIGNS)


class StorageFull(DomainError):
    """The store could not write: nothing of the action was kept."""


class SqlUnitOfWork:
    """One SQLite transaction (BEGIN IMMEDIATE) per user action."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory
        self.session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        self.session = s = self._factory()
        self.accounts = SqlAccounts(s)
        self.terminal = SqlTerminal(s)
        self.payments = SqlPayments(s)
        self.outbox = SqlOutbox(s)
        self.audit = SqlAudit(s)
        self.users = SqlUsers(s)
        self.shifts = SqlShifts(s)
        self.values = SqlValues(s)
        self.snapshot = SqlSnapshot(s)
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        assert self.session is not None
        try:
            try:
                self.session.rollback()  # no-op after commit(); undoes anything left uncommitted
            finally:
                self.session.close()
                self.session = None
        except DatabaseError as e:  # a damaged file can fail the rollback too: say that, not this
            if exc is None:
                exc = e
            if not _damaged(exc):
                raise
        if _damaged(exc):
            from app.storage.db import RECOVERY, StoreProblem

            raise StoreProblem("store_corrupt", f"El archivo de datos de la caja está dañado. {RECOVERY}") from exc
        if isinstance(exc, OperationalError):
            text = str(exc.orig).lower()
            if "full" in text:
                raise StorageFull(
                    "disk_full",
                    "No hay espacio en el disco de la caja: la operación no se registró y no se tomó nada."
                    " No reciba el dinero; llame a soporte.",
                ) from exc
            if "locked" in text or "busy" in text:
                raise StorageFull("store_busy", "La caja está ocupada guardando otra operación; intente de nuevo.") from exc

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()

    def rollback(self) -> None:
        assert self.session is not None
        self.session.rollback()
