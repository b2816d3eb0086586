"""In-memory fakes of the repositories and unit of work, for service unit tests.

Commit copies the working state over the committed one; rollback (or leaving
the ``with`` block without commit) throws the working state away.  That is
enough to test that a service commits all of an action or none of it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any

from app.domain.accounts import Biller, OpenDocument
from app.domain.protocol import ZERO_HASH
from app.services.ports import (
    AccountRecord,
    AuditRecord,
    OutboxRecord,
    PaymentRecord,
    ShiftRecord,
    TerminalCounters,
    UserRecord,
)


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.moment = start or datetime(2026, 11, 23, 15, 0, tzinfo=timezone.utc)

    def now(self) -> datetime:
        return self.moment

    def advance(self, **kw: float) -> None:
        self.moment += timedelta(**kw)


class PlainHasher:
    """Not a hash: tests of the lockout rule do not need argon2's cost."""

    def hash(self, pin: str) -> str:
        return f"plain${pin}"

    def verify(self, pin_hash: str, pin: str) -> bool:
        return pin_hash == f"plain${pin}"


@dataclass
class State:
    accounts: dict[str, AccountRecord] = field(default_factory=dict)
    documents: dict[str, list[OpenDocument]] = field(default_factory=dict)
    billers: dict[str, Biller] = field(default_factory=dict)
    formats: dict[str, dict[str, Any]] = field(default_factory=dict)
    counters: TerminalCounters = field(default_factory=lambda: TerminalCounters("T1", 0, 0, ZERO_HASH))
    payments: dict[str, PaymentRecord] = field(default_factory=dict)
    outbox: list[OutboxRecord] = field(default_factory=list)
    audit: list[AuditRecord] = field(default_factory=list)
    users: dict[str, UserRecord] = field(default_factory=dict)
    shifts: dict[str, ShiftRecord] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    voids: list = field(default_factory=list)
    movements: list = field(default_factory=list)


class FakeAccounts:
    def __init__(self, st: State) -> None:
        self.st = st

    def get(self, account_id):
        return self.st.accounts.get(account_id)

    def documents(self, account_id):
        return list(self.st.documents.get(account_id, []))

    def documents_of(self, account_ids):
        return {a: self.documents(a) for a in account_ids}

    def account_of_document(self, document_id):
        for acc, docs in self.st.documents.items():
            if any(d.document_id == document_id for d in docs):
                return acc
        return None

    def biller(self, biller_id):
        return self.st.billers.get(biller_id)

    def barcode_formats(self):
        return dict(self.st.formats)

    def search_name(self, query, limit):
        words = query.lower().split()
        return [r for r in self.st.accounts.values() if all(w in r.account.name.lower() for w in words)][:limit]

    def by_national_id(self, national_id, limit):
        return [r for r in self.st.accounts.values() if r.account.national_id == national_id][:limit]

    def apply_payment(self, account_id, allocations, amount_minor):
        from app.domain.money import Money

        docs = self.st.documents.get(account_id, [])
        for document_id, minor in allocations:
            for i, d in enumerate(docs):
                if d.document_id == document_id:
                    docs[i] = replace(d, paid=d.paid + Money.from_minor(minor, d.amount.currency))
        self.st.accounts[account_id].balance_minor -= amount_minor


class FakeTerminal:
    def __init__(self, st: State) -> None:
        self.st = st

    def counters(self):
        return self.st.counters

    def save_counters(self, c):
        self.st.counters = c


class FakePayments:
    def __init__(self, st: State) -> None:
        self.st = st

    def add(self, p):
        assert p.payment_id not in self.st.payments
        assert all(q.receipt_no != p.receipt_no for q in self.st.payments.values()), "receipt numbers are unique"
        self.st.payments[p.payment_id] = p

    def get(self, payment_id):
        return self.st.payments.get(payment_id)

    def get_many(self, ids):
        return {i: self.st.payments[i] for i in ids if i in self.st.payments}

    def by_receipt(self, receipt_no):
        return next((p for p in self.st.payments.values() if p.receipt_no == receipt_no), None)

    def of_shift(self, shift_id):
        return sorted((p for p in self.st.payments.values() if p.shift_id == shift_id), key=lambda p: p.receipt_no)

    def set_status(self, payment_id, status):
        self.st.payments[payment_id].status = status

    def unsynced(self):
        pending = {o.item_id for o in self.st.outbox if o.state == "pending"}
        ps = [p for p in self.st.payments.values() if p.payment_id in pending]
        return len(ps), sum(p.amount_minor for p in ps)

    def offline_total_of_shift(self, shift_id):
        return sum(p.amount_minor for p in self.st.payments.values() if p.shift_id == shift_id and p.offline and p.status == "posted")

    def cheques_taken(self):
        return [(t["bank_code"], t["account_number"], t["number"]) for p in self.st.payments.values() if p.status == "posted"
                for t in p.tenders if t["kind"] == "cheque"]

    def tenders_of_shift(self, shift_id):
        return [(p.payment_id, p.receipt_no, p.status, list(p.tenders)) for p in self.of_shift(shift_id)]

    def count_print(self, payment_id):
        p = self.st.payments.get(payment_id)
        if p is None:
            return 0
        p.print_count += 1
        return p.print_count

    def uncount_print(self, payment_id, count):
        p = self.st.payments.get(payment_id)
        if p is None or p.print_count != count or count <= 0:
            return False
        p.print_count -= 1
        return True


class FakeOutbox:
    def __init__(self, st: State) -> None:
        self.st = st

    def add(self, o):
        assert all(x.seq != o.seq for x in self.st.outbox)
        self.st.outbox.append(o)

    def pending(self, limit):
        return [o for o in self.st.outbox if o.state == "pending"][:limit]

    def all(self):
        return list(self.st.outbox)

    def settle(self, item_id, state, result, at):
        for o in self.st.outbox:
            if o.item_id == item_id:
                o.state, o.result, o.attempts = state, result, o.attempts + 1

    def after(self, seq, limit=None):
        out = [o for o in self.st.outbox if o.seq > seq]
        return out[:limit] if limit else out

    def settle_many(self, results, at):
        for item_id, state, result in results:
            self.settle(item_id, state, result, at)

    def hash_of(self, seq):
        return next((o.hash for o in self.st.outbox if o.seq == seq), None)

    def seq_of(self, item_id):
        return next((o.seq for o in self.st.outbox if o.item_id == item_id), None)

    def first_pending_seq(self):
        return min((o.seq for o in self.st.outbox if o.state == "pending"), default=None)

    def stats(self):
        pending = [o for o in self.st.outbox if o.state == "pending"]
        quarantined = sum(o.state == "quarantined" for o in self.st.outbox)
        return len(pending), min((o.created_at for o in pending), default=None), quarantined


class FakeValues:
    def __init__(self, st: State) -> None:
        self.st = st

    def get(self, key):
        return self.st.values.get(key)

    def set(self, key, value):
        self.st.values[key] = value


class FakeSnapshot:
    def __init__(self, st: State) -> None:
        self.st = st

    def upsert_accounts(self, accounts, as_of):
        for a in accounts:
            self.upsert_account(a, as_of)

    def upsert_account(self, a, as_of):
        from app.domain.accounts import Account, AccountStatus, Segment

        self.st.accounts[a["account_id"]] = AccountRecord(
            Account(a["account_id"], a["biller_id"], a["name"], a.get("national_id", ""), Segment(a["segment"]),
                    AccountStatus(a["status"]), a["currency"]),
            a["balance"],
            as_of,
        )


class FakeAudit:
    def __init__(self, st: State) -> None:
        self.st = st

    def last(self):
        return self.st.audit[-1] if self.st.audit else None

    def append(self, r):
        self.st.audit.append(r)

    def all(self):
        return list(self.st.audit)


class FakeUsers:
    def __init__(self, st: State) -> None:
        self.st = st

    def get(self, user_id):
        u = self.st.users.get(user_id)
        return replace(u) if u else None

    def add(self, u):
        self.st.users[u.user_id] = replace(u)

    def save(self, u):
        self.st.users[u.user_id] = replace(u)

    def all(self):
        return list(self.st.users.values())


class FakeShifts:
    def __init__(self, st: State) -> None:
        self.st = st

    def get(self, shift_id):
        s = self.st.shifts.get(shift_id)
        return replace(s) if s else None

    def open_of(self, cashier_id):
        return next((s for s in self.st.shifts.values() if s.cashier_id == cashier_id and s.status == "open"), None)

    def add(self, s):
        self.st.shifts[s.shift_id] = replace(s)

    def open_ids(self):
        return [s.shift_id for s in self.st.shifts.values() if s.status == "open"]

    def save_close(self, s):
        self.st.shifts[s.shift_id] = replace(s)

    def add_void(self, v):
        assert all(x.payment_id != v.payment_id for x in self.st.voids)
        self.st.voids.append(v)

    def voids_of(self, shift_id):
        return [v for v in self.st.voids if v.shift_id == shift_id]

    def add_movement(self, m):
        self.st.movements.append(m)

    def movements_of(self, shift_id):
        return [m for m in self.st.movements if m.shift_id == shift_id]


class FakeUnitOfWork:
    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.committed = False

    def __enter__(self):
        self.work = copy.deepcopy(self.store.state)
        self.accounts = FakeAccounts(self.work)
        self.terminal = FakeTerminal(self.work)
        self.payments = FakePayments(self.work)
        self.outbox = FakeOutbox(self.work)
        self.audit = FakeAudit(self.work)
        self.users = FakeUsers(self.work)
        self.shifts = FakeShifts(self.work)
        self.values = FakeValues(self.work)
        self.snapshot = FakeSnapshot(self.work)
        return self

    def __exit__(self, *exc):
        self.work = None

    def commit(self):
        self.store.state = copy.deepcopy(self.work)
        self.store.commits += 1

    def rollback(self):
        self.work = copy.deepcopy(self.store.state)


class FakeStore:
    """The committed state, and a factory of units of work over it."""

    def __init__(self) -> None:
        self.state = State()
        self.commits = 0

    def __call__(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)
