"""Applying a batch of items: one transaction, one result per item.

The order of work inside the transaction:

1. PostgreSQL: a non-blocking advisory lock on the batch id (a second request
   with the same batch id while this one runs answers 409), then the
   terminal's row ``FOR UPDATE`` so two batches of one terminal never
   interleave.  SQLite: the transaction began with ``BEGIN IMMEDIATE``.
2. A batch id already applied: the stored answer (same body) or 422.
3. Prefetch everything the items touch, in a few queries (items by id, the
   terminal's neighbouring seqs, voided payments and then accounts ``FOR
   UPDATE`` in key order, the accounts' documents, shift closes, the policy).
   An account's documents are only written by whoever holds the account's row.
4. Judge the items in ``seq`` order, in memory.
5. Take the counters (ledger_seq, account change order) last, so the lock on
   them is held only for the writes and the commit: their order is commit
   order, which is what makes the snapshot cursor safe.
6. Bulk writes, then the batch row with its answer.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from contextlib import contextmanager
from operator import itemgetter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Iterable, Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: one server process per SQLite file
    fcntl = None  # type: ignore[assignment]

from sqlalchemy import Connection, Engine, Table, func, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from central import ledger
from central.ledger import Line
from central.models import (
    Account,
    Application,
    Batch,
    Counter,
    Document,
    Entry,
    ExceptionCase,
    Item,
    Policy,
    Tender,
    Terminal,
)
from central.db import write_engine
from central.office_types import CLOSED, RECONCILED, exception_type
from central.windows import calendars, ensure_windows
from sync.wire import (
    MAX_CLOCK_SKEW,
    UUID_RE,
    ZERO_HASH,
    ItemProblem,
    canonical_text,
    item_problem,
    parse_rfc3339,
    rfc3339,
)

items_t = Item.__table__
terminals_t = Terminal.__table__
accounts_t = Account.__table__
documents_t = Document.__table__
entries_t = Entry.__table__
applications_t = Application.__table__
exceptions_t = ExceptionCase.__table__
batches_t = Batch.__table__
policies_t = Policy.__table__
counters_t = Counter.__table__
tenders_t = Tender.__table__


class BatchRefused(Exception):
    """A batch-level answer other than 200 (409 or 422 decided inside the transaction)."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


@dataclass(frozen=True)
class BatchRequest:
    terminal_id: str
    agent_id: str
    batch_id: str
    digest: str
    sent_at: datetime
    items: list[dict[str, Any]]
    #: ``canonical_text`` of each item, when the caller already has it (computed otherwise)
    texts: list[str] | None = None
    #: False when the body held no ``\\u0000`` escape (``sync.wire.may_hold_nul``)
    nul_possible: bool = True


# -- helpers -------------------------------------------------------------------


def _loose_json(value: Any) -> str:
    """JSON of anything that came off the wire (floats included), for comparing and keeping."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def differing_fields(stored: dict[str, Any], incoming: dict[str, Any]) -> list[str]:
    """Top-level fields whose values differ; ``hash`` is left out when anything else differs.

    A changed field always changes ``hash`` too; naming it adds nothing.
    """
    keys = set(stored) | set(incoming)
    diff = sorted(
        k
        for k in keys
        if (k in stored) != (k in incoming) or _loose_json(stored[k]) != _loose_json(incoming[k])
    )
    if len(diff) > 1 and "hash" in diff:
        diff.remove("hash")
    return diff


def _advisory_key(batch_id: str) -> int:
    return int.from_bytes(hashlib.sha256(batch_id.encode()).digest()[:8], "big", signed=True)


def _limit_for(policy: dict[str, Any], section: str, key: str, currency: str) -> int | None:
    """A limit in minor units from the policy: an integer, or a table by currency."""
    value = policy.get(section, {})
    if not isinstance(value, dict):
        return None
    value = value.get(key)
    if isinstance(value, dict):
        value = value.get(currency)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


@dataclass
class _Doc:
    document_id: str
    account_id: str
    amount: int
    paid: int
    due_date: date
    issue_date: date
    dirty: bool = False

    @property
    def open(self) -> int:
        return max(self.amount - self.paid, 0)


@dataclass
class _Account:
    account_id: str
    currency: str
    credit: int
    balance: int
    docs: list[_Doc] = field(default_factory=list)
    dirty: bool = False

    def recompute(self) -> None:
        self.balance = sum(d.open for d in self.docs) - self.credit
        self.dirty = True


@dataclass
class _Payment:
    """A payment a void may reverse (stored earlier, or recorded earlier in this batch)."""

    id: str
    account_id: str | None
    currency: str | None
    amount: int | None
    voided_by: str | None
    lines: list[Line]
    applications: list[tuple[str | None, int]]
    in_db: bool


# -- the batch -----------------------------------------------------------------


#: SQLite has one writer at a time: batches queue on a lock (woken as soon as the previous
#: one commits) instead of sleep-polling SQLite's busy handler.  In this process a
#: threading.Lock per database; across the processes of ``serve --workers N`` an exclusive
#: ``flock`` on ``<database>.writer`` beside the file.
_sqlite_writers: dict[str, threading.Lock] = {}
_sqlite_writers_guard = threading.Lock()
WRITER_WAIT_S = 60.0  # as long as SQLite's busy_timeout


def _writer_lock_path(engine: Engine) -> str | None:
    database = engine.url.database or ""
    if not database or database == ":memory:" or database.startswith("file:") or fcntl is None:
        return None
    return f"{database}.writer"


@contextmanager
def _one_writer(engine: Engine) -> Iterator[None]:
    if engine.dialect.name != "sqlite":
        yield
        return
    key = engine.url.render_as_string(hide_password=False)
    with _sqlite_writers_guard:
        lock = _sqlite_writers.setdefault(key, threading.Lock())
    deadline = time.monotonic() + WRITER_WAIT_S
    if not lock.acquire(timeout=WRITER_WAIT_S):
        raise OperationalError("BEGIN IMMEDIATE", {}, TimeoutError("database is locked (writer queue)"))
    try:
        path = _writer_lock_path(engine)
        if path is None:
            yield
            return
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            pause = 0.0005
            while True:  # another worker process may hold it: poll, briefly, up to the deadline
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise OperationalError(
                            "BEGIN IMMEDIATE", {}, TimeoutError("database is locked (writer queue)")
                        ) from None
                    time.sleep(pause)
                    pause = min(pause * 2, 0.005)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    finally:
        lock.release()


def apply_batch(engine: Engine, req: BatchRequest, now: datetime) -> dict[str, Any]:
    """Apply ``req`` in one transaction and return the 200 answer."""
    # Everything judged from the items alone happens before the write transaction.
    texts = req.texts if req.texts is not None else [canonical_text(it) for it in req.items]
    problems = [
        item_problem(it, text=text, nul_possible=req.nul_possible) for it, text in zip(req.items, texts)
    ]
    try:
        with _one_writer(engine), write_engine(engine).begin() as conn:
            return _Apply(conn, req, now, texts, problems).run()
    except IntegrityError as e:
        # Only a race this process cannot see (another server process inserting the
        # same item id or batch id at the same instant) gets here: nothing was
        # applied, and a retry gets the settled answer.
        raise BatchRefused(409, "batch_in_progress", "Another request is applying the same items; retry.") from e


class _Apply:
    def __init__(
        self,
        conn: Connection,
        req: BatchRequest,
        now: datetime,
        texts: list[str],
        problems: list[ItemProblem | None],
    ) -> None:
        self.conn, self.req, self.now = conn, req, now
        self.texts, self.problems = texts, problems
        self._times: dict[str, datetime] = {}
        self.recorded_at = rfc3339(now)
        self.pg = conn.dialect.name == "postgresql"
        self.terminal_id = req.terminal_id
        self.records: list[dict[str, Any]] = []
        self.lines: list[tuple[int, str, str, list[Line]]] = []  # record index, journal id, currency, lines
        self.applications: list[dict[str, Any]] = []
        self.exceptions: list[dict[str, Any]] = []
        self.tenders: list[dict[str, Any]] = []
        self.results: dict[int, dict[str, Any]] = {}
        self.record_of_result: dict[int, int] = {}
        self.db_voided: dict[str, str] = {}

    # -- 1, 2 ------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        conn, req = self.conn, self.req
        if self.pg and not conn.execute(select(func.pg_try_advisory_xact_lock(_advisory_key(req.batch_id)))).scalar():
            raise BatchRefused(409, "batch_in_progress", "This batch is being processed right now; retry later.")
        term = conn.execute(
            select(terminals_t.c.last_seq, terminals_t.c.chain_head, terminals_t.c.contiguous_seq, terminals_t.c.disabled)
            .where(terminals_t.c.terminal_id == self.terminal_id)
            .with_for_update()
        ).one()
        self.term = term
        done = conn.execute(
            select(batches_t.c.body_digest, batches_t.c.terminal_id, batches_t.c.response).where(
                batches_t.c.batch_id == req.batch_id
            )
        ).first()
        if done is not None:
            if done.body_digest == req.digest and done.terminal_id == self.terminal_id:
                return self._resent(json.loads(done.response))
            raise BatchRefused(
                422, "batch_id_reused", "This batch_id was already used with a different body."
            )
        self._prefetch()
        self._judge_all()
        self._write()
        answer = {"batch_id": req.batch_id, "server_time": self.recorded_at, "results": [
            self.results[i] for i in range(len(req.items))
        ]}
        conn.execute(
            insert(batches_t),
            {
                "batch_id": req.batch_id,
                "terminal_id": self.terminal_id,
                "body_digest": req.digest,
                "received_at": self.now,
                "item_count": len(req.items),
                "response": json.dumps(answer, separators=(",", ":"), ensure_ascii=False),
            },
        )
        return answer

    def _resent(self, answer: dict[str, Any]) -> dict[str, Any]:
        for r in answer["results"]:
            if r["status"] == "created":
                r["status"] = "exists"
        answer["server_time"] = self.recorded_at
        return answer

    # -- 3 ---------------------------------------------------------------------
    def _prefetch(self) -> None:
        conn, items = self.conn, self.req.items
        valid = [it for it, p in zip(items, self.problems) if p is None]

        # only well-formed ids can be stored ones (and only they are safe to send to any driver)
        ids = list({it["id"] for it in items if UUID_RE.fullmatch(it["id"])})
        self.stored: dict[str, Any] = {}
        for chunk in _chunks(ids, 900):
            for row in conn.execute(
                select(items_t.c.id, items_t.c.body, items_t.c.recorded_at, items_t.c.ledger_seq).where(
                    items_t.c.id.in_(chunk)
                )
            ):
                self.stored[row.id] = row

        seqs = {it["seq"] for it in valid}
        wanted = sorted(seqs | {s - 1 for s in seqs} | {s + 1 for s in seqs})
        self.by_seq: dict[int, tuple[str, str, str]] = {}
        for chunk in _chunks(wanted, 900):
            for row in conn.execute(
                select(items_t.c.seq, items_t.c.id, items_t.c.hash, items_t.c.prev_hash).where(
                    items_t.c.terminal_id == self.terminal_id, items_t.c.seq.in_(chunk)
                )
            ):
                self.by_seq[row.seq] = (row.id, row.hash, row.prev_hash)

        # what needs no lock first: the rows locked below stay locked until commit
        self.closes: list[tuple[str, int]] = []
        if valid:
            earliest = min(it["business_date"] for it in valid)
            self.closes = [
                (row.business_date, row.seq)
                for row in conn.execute(
                    select(items_t.c.business_date, items_t.c.seq).where(
                        items_t.c.terminal_id == self.terminal_id,
                        items_t.c.type == "shift_close",
                        items_t.c.business_date >= earliest,
                    )
                )
            ]

        row = conn.execute(
            select(policies_t.c.document)
            .where(policies_t.c.agent_id == self.req.agent_id)
            .order_by(policies_t.c.version.desc())
            .limit(1)
        ).first()
        self.policy: dict[str, Any] = json.loads(row.document) if row else {}

        offline_shifts = sorted({it["shift_id"] for it in valid if it["type"] == "payment" and it["offline"]})
        self.offline_totals: dict[str, int] = {}
        if offline_shifts and self.policy:
            for row in conn.execute(
                select(items_t.c.shift_id, func.sum(items_t.c.amount))
                .where(
                    items_t.c.terminal_id == self.terminal_id,
                    items_t.c.type == "payment",
                    items_t.c.offline.is_(True),
                    items_t.c.shift_id.in_(offline_shifts),
                )
                .group_by(items_t.c.shift_id)
            ):
                self.offline_totals[row[0]] = int(row[1] or 0)

        # payments a void reverses, locked so two voids cannot both reverse one payment
        targets = sorted({it["voids"] for it in valid if it["type"] == "void"})
        self.payments: dict[str, _Payment] = {}
        if targets:
            for row in conn.execute(
                select(
                    items_t.c.id, items_t.c.account_id, items_t.c.currency, items_t.c.amount, items_t.c.voided_by
                )
                .where(items_t.c.id.in_(targets), items_t.c.type == "payment")
                .order_by(items_t.c.id)
                .with_for_update()
            ):
                self.payments[row.id] = _Payment(
                    row.id, row.account_id, row.currency, row.amount, row.voided_by, [], [], True
                )
            found = list(self.payments)
            if found:
                for row in conn.execute(select(entries_t).where(entries_t.c.journal_id.in_(found)).order_by(entries_t.c.id)):
                    self.payments[row.journal_id].lines.append(
                        Line(row.account_code, row.debit, row.credit, row.terminal_id, row.subledger)
                    )
                for row in conn.execute(
                    select(applications_t).where(applications_t.c.item_id.in_(found)).order_by(applications_t.c.id)
                ):
                    self.payments[row.item_id].applications.append((row.document_id, row.amount))

        account_ids = sorted(
            {it["account_id"] for it in valid if it["type"] == "payment"}
            | {p.account_id for p in self.payments.values() if p.account_id}
        )
        self.accounts: dict[str, _Account] = {}
        self.docs: dict[str, _Doc] = {}
        for chunk in _chunks(account_ids, 900):
            for row in conn.execute(
                select(accounts_t.c.account_id, accounts_t.c.currency, accounts_t.c.credit, accounts_t.c.balance)
                .where(accounts_t.c.account_id.in_(chunk))
                .order_by(accounts_t.c.account_id)
                .with_for_update()
            ):
                self.accounts[row.account_id] = _Account(row.account_id, row.currency, row.credit, row.balance)
        for chunk in _chunks(list(self.accounts), 900):
            for row in conn.execute(
                select(documents_t).where(documents_t.c.account_id.in_(chunk)).order_by(documents_t.c.document_id)
            ):
                doc = _Doc(row.document_id, row.account_id, row.amount, row.paid, row.due_date, row.issue_date)
                self.docs[doc.document_id] = doc
                self.accounts[row.account_id].docs.append(doc)

        # the settlement windows the items fall in (opened here when new)
        self.windows = ensure_windows(conn, self.req.agent_id, {it["business_date"] for it in valid}, self.now)
        self._current_window: str | None = None

    # -- 4 ---------------------------------------------------------------------
    def _judge_all(self) -> None:
        items = self.req.items
        # A sent_at in the past proves nothing (a batch may be retried for hours with the
        # same body); one in the future means the terminal's clock runs fast.
        self.batch_skewed = self.req.sent_at - self.now > MAX_CLOCK_SKEW

        def order(i: int) -> tuple[int, int]:
            seq = items[i].get("seq")
            return (seq if isinstance(seq, int) and not isinstance(seq, bool) else 0, i)

        self.in_batch: dict[str, int] = {}  # id -> record index
        for i in sorted(range(len(items)), key=order):
            self.results[i] = self._judge(i, items[i])

    def _judge(self, i: int, item: dict[str, Any]) -> dict[str, Any]:
        item_id = item["id"]
        if item_id in self.in_batch:
            return self._compare(item_id, json.loads(self.records[self.in_batch[item_id]]["body"]), item, i, self.in_batch[item_id])
        if item_id in self.stored:
            row = self.stored[item_id]
            stored = json.loads(row.body)
            diff = differing_fields(stored, item)
            if not diff:
                return {"id": item_id, "status": "exists", "recorded_at": rfc3339(row.recorded_at), "ledger_seq": row.ledger_seq}
            return {"id": item_id, "status": "exists_with_different_fields", "fields": diff}
        problem = self.problems[i]
        if problem is None:
            problem = self._chain_problem(item)
        if problem is not None:
            return self._reject(item, problem, self.texts[i])
        return self._record(i, item)

    def _compare(self, item_id: str, stored: dict[str, Any], item: dict[str, Any], i: int, rec: int) -> dict[str, Any]:
        diff = differing_fields(stored, item)
        if diff:
            return {"id": item_id, "status": "exists_with_different_fields", "fields": diff}
        self.record_of_result[i] = rec
        return {"id": item_id, "status": "exists", "recorded_at": self.recorded_at, "ledger_seq": None}

    def _chain_problem(self, item: dict[str, Any]) -> ItemProblem | None:
        seq = item["seq"]
        holder = self.by_seq.get(seq)
        if holder is not None and holder[0] != item["id"]:
            return ItemProblem("seq_conflict", f"seq {seq} is held by item {holder[0]}")
        if seq == 1 and item["prev_hash"] != ZERO_HASH:
            return ItemProblem("broken_chain", "seq 1 must have prev_hash of 64 zeros")
        before = self.by_seq.get(seq - 1)
        if before is not None and before[1] != item["prev_hash"]:
            return ItemProblem("broken_chain", f"prev_hash is not the hash of seq {seq - 1}")
        after = self.by_seq.get(seq + 1)
        if after is not None and after[2] != item["hash"]:
            return ItemProblem("broken_chain", f"hash is not the prev_hash of seq {seq + 1}")
        return None

    def _current_window_date(self) -> str:
        """The agent's business date now: where an item for a reconciled date is counted."""
        if self._current_window is None:
            cal = calendars(self.conn, [self.req.agent_id])[self.req.agent_id]
            day = cal.business_date(self.now)
            while True:
                found = ensure_windows(self.conn, self.req.agent_id, [day], self.now)
                self.windows.update(found)
                if found[day][1] != RECONCILED:
                    break
                day = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
            self._current_window = day
        return self._current_window

    def _case(self, item: dict[str, Any], window_date: str | None, type_: str) -> dict[str, Any]:
        """The office columns of an exception row (agent, window, type, who, how much)."""
        amount = item.get("amount")
        currency = item.get("currency")
        cashier = item.get("cashier_id")
        window = self.windows.get(window_date) if isinstance(window_date, str) else None
        return {
            "type": type_,
            "source": "item",
            "agent_id": self.req.agent_id,
            "business_date": window_date if window is not None else None,
            "window_id": window[0] if window is not None else None,
            "check_name": None,
            "check_key": None,
            "cashier_id": cashier[:200] if isinstance(cashier, str) else None,
            "currency": currency if isinstance(currency, str) and len(currency) == 3 else None,
            "amount": amount if isinstance(amount, int) and not isinstance(amount, bool) and abs(amount) < 2**62 else None,
        }

    def _reject(self, item: dict[str, Any], problem: ItemProblem, text: str) -> dict[str, Any]:
        item_id = item["id"]
        self.exceptions.append(
            {
                **self._case(item, item.get("business_date"), exception_type([problem.reason])),
                "terminal_id": self.terminal_id,
                "item_id": item_id[:200].replace("\x00", "\\0"),
                "batch_id": self.req.batch_id,
                "kind": "rejected",
                "reasons": json.dumps([problem.reason]),
                "detail": problem.detail,
                "body": text,  # == _loose_json(item)
                "status": "open",
                "created_at": self.now,
            }
        )
        result = {"id": item_id, "status": "rejected", "reason": problem.reason}
        if problem.detail:
            result["detail"] = problem.detail
        return result

    def _closed(self, business_date: str, seq: int) -> bool:
        return any(bd >= business_date and (s > seq or bd > business_date) for bd, s in self.closes)

    def _time(self, text: str) -> datetime:
        """``parse_rfc3339``, once per distinct text of the batch."""
        moment = self._times.get(text)
        if moment is None:
            moment = self._times[text] = parse_rfc3339(text)
        return moment

    def _record(self, i: int, item: dict[str, Any]) -> dict[str, Any]:
        reasons: list[str] = []
        occurred = self._time(item["occurred_at"])
        skewed = self.batch_skewed or occurred - self.now > MAX_CLOCK_SKEW
        if item["type"] == "payment" and item["balance_as_of"] is not None:
            skewed = skewed or self._time(item["balance_as_of"]) - occurred > MAX_CLOCK_SKEW
        if skewed:
            reasons.append("clock_skew")
        if self._closed(item["business_date"], item["seq"]):
            reasons.append("business_date_closed")
        window_date = item["business_date"]
        window = self.windows.get(window_date)
        if window is not None and window[1] in (CLOSED, RECONCILED):
            if "business_date_closed" not in reasons:
                reasons.append("business_date_closed")
            if window[1] == RECONCILED:
                window_date = self._current_window_date()

        kind = item["type"]
        account_id = currency = amount = None
        lines: list[Line] = []
        offline = False
        if kind == "payment":
            account_id, currency, amount, offline = item["account_id"], item["currency"], item["amount"], item["offline"]
            lines = self._payment(item, reasons)
        elif kind == "void":
            currency, amount = item["currency"], item["amount"]
            account_id, lines = self._void(item, reasons)
        elif kind == "cash_movement":
            currency, amount = item["currency"], item["amount"]
            lines = ledger.cash_movement_lines(item, self.terminal_id)
        elif kind == "shift_open":
            currency = item["currency"]
            lines = ledger.shift_open_lines(item, self.terminal_id)
        elif kind == "shift_close":
            currency = item["currency"]
            lines = ledger.shift_close_lines(item, self.terminal_id)
            self.closes.append((item["business_date"], item["seq"]))
        assert ledger.is_balanced(lines), (kind, lines)

        status = "accepted_flagged" if reasons else "created"
        body = self.texts[i]  # canonical JSON (the item passed the strict schema: no floats)
        rec = len(self.records)
        self.records.append(
            {
                "ledger_seq": None,
                "id": item["id"],
                "terminal_id": self.terminal_id,
                "seq": item["seq"],
                "type": kind,
                "business_date": item["business_date"],
                "shift_id": item["shift_id"],
                "occurred_at": occurred,
                "recorded_at": self.now,
                "batch_id": self.req.batch_id,
                "body": body,
                "hash": item["hash"],
                "prev_hash": item["prev_hash"],
                "account_id": account_id,
                "currency": currency,
                "amount": amount,
                "offline": offline,
                "status": status,
                "reasons": json.dumps(reasons) if reasons else None,
                "voided_by": None,
                "agent_id": self.req.agent_id,
                "window_date": window_date,
                "cashier_id": item["cashier_id"],
                "receipt_no": item.get("receipt_no"),
                "biller_id": item.get("biller_id"),
            }
        )
        if kind == "payment":
            self.tenders.extend(
                {
                    "item_id": item["id"],
                    "kind": t["kind"],
                    "amount": t["amount"],
                    "bank_code": t.get("bank_code"),
                    "number": t.get("number"),
                    "drawer_id": t.get("drawer_id"),
                    "drawer_name": t.get("drawer_name"),
                    "auth_code": t.get("auth_code"),
                    "terminal_ref": t.get("terminal_ref"),
                    "last4": t.get("last4"),
                    "brand": t.get("brand"),
                }
                for t in item["tenders"]
            )
        self.in_batch[item["id"]] = rec
        self.by_seq[item["seq"]] = (item["id"], item["hash"], item["prev_hash"])
        if lines:
            self.lines.append((rec, item["id"], currency or "", lines))
        if kind == "payment":
            self.payments[item["id"]] = _Payment(
                item["id"], account_id, currency, amount, None, lines, self._applied, False
            )
        if reasons:
            self.exceptions.append(
                {
                    **self._case(item, window_date, exception_type(reasons)),
                    "terminal_id": self.terminal_id,
                    "item_id": item["id"],
                    "batch_id": self.req.batch_id,
                    "kind": "flagged",
                    "reasons": json.dumps(reasons),
                    "detail": "",
                    "body": body,
                    "status": "open",
                    "created_at": self.now,
                }
            )
        self.record_of_result[i] = rec
        result: dict[str, Any] = {"id": item["id"], "status": status}
        if reasons:
            result["reasons"] = reasons
        result["recorded_at"] = self.recorded_at
        result["ledger_seq"] = None  # filled once the counter is taken
        return result

    def _payment(self, item: dict[str, Any], reasons: list[str]) -> list[Line]:
        self._applied: list[tuple[str | None, int]] = []
        account = self.accounts.get(item["account_id"])
        to_suspense = False
        if account is None:
            reasons.append("unknown_account")
            to_suspense = True
        elif account.currency != item["currency"]:
            reasons.append("currency_mismatch")
            to_suspense = True
        else:
            self._allocate(item, account, reasons)
        if item["offline"]:
            limit = _limit_for(self.policy, "offline", "max_payment", item["currency"])
            if limit is not None and item["amount"] > limit:
                reasons.append("offline_limit_exceeded")
            shift_limit = _limit_for(self.policy, "offline", "max_shift_total", item["currency"])
            total = self.offline_totals.get(item["shift_id"], 0) + item["amount"]
            self.offline_totals[item["shift_id"]] = total
            if shift_limit is not None and total > shift_limit and "offline_limit_exceeded" not in reasons:
                reasons.append("offline_limit_exceeded")
        return ledger.payment_lines(item, self.terminal_id, to_suspense=to_suspense)

    def _allocate(self, item: dict[str, Any], account: _Account, reasons: list[str]) -> None:
        """Apply the allocations; what a document cannot take goes to the account's oldest open ones."""
        applied: dict[str | None, int] = {}
        spill = 0
        unknown_document = False
        for alloc in item["allocations"]:
            amount = alloc["amount"]
            if not amount:
                continue
            doc = self.docs.get(alloc["document_id"])
            if doc is None or doc.account_id != account.account_id:
                unknown_document = True
                spill += amount
                continue
            take = min(amount, doc.open)
            if take:
                doc.paid += take
                doc.dirty = True
                applied[doc.document_id] = applied.get(doc.document_id, 0) + take
            spill += amount - take
        if spill:
            for doc in sorted(account.docs, key=lambda d: (d.due_date, d.issue_date, d.document_id)):
                take = min(spill, doc.open)
                if take:
                    doc.paid += take
                    doc.dirty = True
                    applied[doc.document_id] = applied.get(doc.document_id, 0) + take
                    spill -= take
                if not spill:
                    break
        if spill:
            account.credit += spill
            applied[None] = spill
            reasons.append("account_overpaid")
        if unknown_document:
            reasons.append("unknown_document")
        account.recompute()
        self._applied = list(applied.items())
        for document_id, amount in applied.items():
            self.applications.append(
                {"item_id": item["id"], "account_id": account.account_id, "document_id": document_id, "amount": amount}
            )

    def _void(self, item: dict[str, Any], reasons: list[str]) -> tuple[str | None, list[Line]]:
        target = self.payments.get(item["voids"])
        if target is None:
            reasons.append("voided_payment_unknown")
            return None, []
        if target.voided_by is not None:
            reasons.append("already_voided")
            return target.account_id, []
        if target.amount != item["amount"] or target.currency != item["currency"]:
            reasons.append("void_amount_mismatch")
        target.voided_by = item["id"]
        if target.in_db:
            self.db_voided[target.id] = item["id"]
        else:
            self.records[self.in_batch[target.id]]["voided_by"] = item["id"]
        account = self.accounts.get(target.account_id or "")
        for document_id, amount in target.applications:
            if account is None:
                break
            if document_id is None:
                account.credit -= amount
            else:
                doc = self.docs[document_id]  # documents are never deleted
                doc.paid -= amount
                doc.dirty = True
            self.applications.append(
                {"item_id": item["id"], "account_id": account.account_id, "document_id": document_id, "amount": -amount}
            )
        if account is not None and target.applications:
            account.recompute()
        return target.account_id, [line.reversed() for line in target.lines]

    # -- 5, 6 ------------------------------------------------------------------
    def _take_counter(self, name: str, n: int) -> int:
        """Advance a counter by ``n``; returns the new value (the last number taken)."""
        return self.conn.execute(
            update(counters_t)
            .where(counters_t.c.name == name)
            .values(value=counters_t.c.value + n)
            .returning(counters_t.c.value)
        ).scalar_one()

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert ``rows`` (dicts with the same keys) with one driver ``executemany``.

        The statement is plain SQL over the columns given and every value goes through its
        column type's bind processor (memoised per batch: the times repeat), so the rows
        stored are exactly what ``conn.execute(insert(table), rows)`` stores, without its
        per-row overhead.  psycopg pipelines an ``executemany``.
        """
        cols = tuple(rows[0])
        getter = itemgetter(*cols) if len(cols) > 1 else (lambda r, _c=cols[0]: (r[_c],))
        if self.pg:
            self._copy(table, cols, [getter(r) for r in rows])
            return
        sql, procs = _statement(self.conn, "insert", table, cols, ())
        self._executemany(sql, procs, [getter(r) for r in rows])

    def _copy(self, table: Table, cols: tuple[str, ...], params: list[tuple[Any, ...]]) -> None:
        """PostgreSQL: the rows through ``COPY ... FROM STDIN`` (one round trip for the lot).

        The same values as an INSERT (bind processors applied; psycopg writes each as the
        text PostgreSQL parses into the column's type); a driver error is wrapped as
        SQLAlchemy wraps it (a unique violation is an ``IntegrityError``, a lost server an
        ``OperationalError``).
        """
        sql, procs = _statement(self.conn, "copy", table, cols, ())
        params = _processed(procs, params)
        dialect = self.conn.dialect
        dbapi_conn = self.conn.connection.dbapi_connection
        cursor = dbapi_conn.cursor()  # type: ignore[union-attr]
        try:
            with cursor.copy(sql) as copy:
                write = copy.write_row
                for row in params:
                    write(row)
        except dialect.loaded_dbapi.Error as e:
            invalidated = dialect.is_disconnect(e, dbapi_conn, cursor)
            if invalidated:
                self.conn.invalidate(e)
            raise DBAPIError.instance(
                sql, None, e, dialect.loaded_dbapi.Error, connection_invalidated=invalidated, dialect=dialect
            ) from e
        finally:
            cursor.close()

    def _update(self, table: Table, key: str, cols: tuple[str, ...], params: list[tuple[Any, ...]]) -> None:
        """``UPDATE table SET cols... WHERE key = ?`` for each tuple (values of ``cols``, then the key)."""
        if self.pg:
            # one statement over arrays (keys are unique: one row per account, document, payment)
            sql, procs = _statement(self.conn, "update_unnest", table, cols, (key,))
            self.conn.exec_driver_sql(sql, tuple(list(column) for column in zip(*_processed(procs, params))))
            return
        sql, procs = _statement(self.conn, "update", table, cols, (key,))
        self._executemany(sql, procs, params)

    def _executemany(self, sql: str, procs: list[tuple[int, Any]], params: list[tuple[Any, ...]]) -> None:
        # exec_driver_sql: the driver's executemany, with SQLAlchemy's error wrapping
        self.conn.exec_driver_sql(sql, _processed(procs, params))

    def _write(self) -> None:
        # What needs no counter first (the counters' row locks last until commit):
        # documents, reversed payments, applications, tenders, exceptions.
        docs = [d for d in self.docs.values() if d.dirty]
        if docs:
            self._update(documents_t, "document_id", ("paid",), [(d.paid, d.document_id) for d in docs])
        if self.db_voided:
            self._update(items_t, "id", ("voided_by",), [(v, k) for k, v in self.db_voided.items()])
        if self.applications:
            self._insert(applications_t, self.applications)
        if self.tenders:
            self._insert(tenders_t, self.tenders)
        if self.exceptions:
            # rows of different shapes, and column defaults to fill: the SQLAlchemy way
            self.conn.execute(insert(exceptions_t), self.exceptions)
        if self.records:
            top = self._take_counter("ledger_seq", len(self.records))
            first = top - len(self.records) + 1
            for n, rec in enumerate(self.records):
                rec["ledger_seq"] = first + n
            for i, rec in self.record_of_result.items():
                self.results[i]["ledger_seq"] = self.records[rec]["ledger_seq"]
            self._insert(items_t, self.records)
        touched = [a for a in self.accounts.values() if a.dirty]
        if touched:
            change = self._take_counter("account_change", 1)
            self._update(
                accounts_t,
                "account_id",
                ("balance", "credit", "change_seq", "updated_at"),
                [(a.balance, a.credit, change, self.now, a.account_id) for a in touched],
            )
        entry_rows = [
            {
                "journal_id": journal_id,
                "ledger_seq": self.records[rec]["ledger_seq"],
                "account_code": line.code,
                "agent_id": self.req.agent_id,
                "terminal_id": line.terminal_id,
                "subledger": line.subledger,
                "currency": currency,
                "debit": line.debit,
                "credit": line.credit,
                "created_at": self.now,
            }
            for rec, journal_id, currency, lines in self.lines
            for line in lines
        ]
        if entry_rows:
            self._insert(entries_t, entry_rows)
        if self.records:
            self._advance_terminal()

    def _advance_terminal(self) -> None:
        conn, term = self.conn, self.term
        top = max(self.records, key=lambda r: r["seq"])
        last_seq, head = term.last_seq, term.chain_head
        if top["seq"] > last_seq:
            last_seq, head = top["seq"], top["hash"]
        contiguous = term.contiguous_seq
        while True:
            seqs = conn.execute(
                select(items_t.c.seq)
                .where(items_t.c.terminal_id == self.terminal_id, items_t.c.seq > contiguous)
                .order_by(items_t.c.seq)
                .limit(2000)
            ).scalars().all()
            moved = False
            for s in seqs:
                if s != contiguous + 1:
                    break
                contiguous = s
                moved = True
            if not moved or len(seqs) < 2000 or seqs[-1] != contiguous:
                break
        conn.execute(
            update(terminals_t)
            .where(terminals_t.c.terminal_id == self.terminal_id)
            .values(last_seq=last_seq, chain_head=head, contiguous_seq=contiguous)
        )


_statements: dict[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], tuple[str, list[tuple[int, Any]]]] = {}


def _statement(
    conn: Connection, verb: str, table: Table, cols: tuple[str, ...], where: tuple[str, ...]
) -> tuple[str, list[tuple[int, Any]]]:
    """Driver SQL for an executemany over ``cols`` (then ``where`` keys), and the bind
    processors to apply by position (cached per dialect)."""
    dialect = conn.dialect
    key = (dialect.name, verb, table.name, cols, where)
    found = _statements.get(key)
    if found is None:
        quote = dialect.identifier_preparer.quote
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        if verb == "copy":
            sql = f"COPY {dialect.identifier_preparer.format_table(table)} ({', '.join(quote(c) for c in cols)}) FROM STDIN"
        elif verb == "update_unnest":
            arrays = ", ".join(f"%s::{table.c[c].type.compile(dialect=dialect)}[]" for c in cols + where)
            names = [f"v{n}" for n in range(len(cols + where))]
            sql = (
                f"UPDATE {dialect.identifier_preparer.format_table(table)} AS t "
                f"SET {', '.join(f'{quote(c)}=v.{v}' for c, v in zip(cols, names))} "
                f"FROM unnest({arrays}) AS v({', '.join(names)}) "
                f"WHERE {' AND '.join(f't.{quote(c)}=v.{v}' for c, v in zip(where, names[len(cols):]))}"
            )
        elif verb == "insert":
            sql = (
                f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
                f"({', '.join(quote(c) for c in cols)}) VALUES ({', '.join([mark] * len(cols))})"
            )
        else:
            sql = (
                f"UPDATE {dialect.identifier_preparer.format_table(table)} "
                f"SET {', '.join(f'{quote(c)}={mark}' for c in cols)} "
                f"WHERE {' AND '.join(f'{quote(c)}={mark}' for c in where)}"
            )
        procs = []
        for at, name in enumerate(cols + where):
            proc = table.c[name].type._cached_bind_processor(dialect)
            if proc is not None:
                procs.append((at, proc))
        found = _statements[key] = (sql, procs)
    return found


def _processed(procs: list[tuple[int, Any]], params: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``params`` with each column's bind processor applied (memoised: the values repeat)."""
    if not procs:
        return params
    memo: dict[tuple[int, Any], Any] = {}
    converted = []
    for row in params:
        row_ = list(row)
        for at, proc in procs:
            value = row_[at]
            if value is not None:
                k = (at, value)
                done = memo.get(k, memo)
                if done is memo:
                    done = memo[k] = proc(value)
                row_[at] = done
        converted.append(tuple(row_))
    return converted


def _chunks(values: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
