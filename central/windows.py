"""Settlement windows: one per agent per business date, OPEN -> CLOSED -> RECONCILED.

* A window opens when the first item of that agent and date arrives
  (:func:`ensure_windows`, called inside the batch transaction).
* It closes (:func:`close_windows`) once the agent's cut-off for the date has
  passed and every shift that has items in it has sent its ``shift_close``.
* :func:`reconcile` runs the checks (``central.office_types.CHECKS``) on closed
  windows, turns every difference into an exception (one per difference, keyed
  so a re-run finds it again), clears the exceptions whose difference went
  away, and marks a window RECONCILED when every check passes or every
  difference of a failing check is resolved.  A reconciled window is frozen:
  an item that arrives for it later is counted in the agent's current window
  and flagged (``business_date_closed``, exception type ``late``).

The checks work one business date at a time, over all its windows in a few
set-based queries, so a whole network's day reconciles in seconds.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, Engine, and_, func, insert, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite

from central.db import write_engine
from central.models import (
    Agent,
    CardSettlement,
    Deposit,
    ExceptionCase,
    Item,
    Policy,
    SettlementWindow,
    Tender,
    WindowCheck,
)
from central.office_types import CHECKS, CLOSED, OPEN, RECONCILED

windows_t = SettlementWindow.__table__
items_t = Item.__table__
tenders_t = Tender.__table__
checks_t = WindowCheck.__table__
exceptions_t = ExceptionCase.__table__
deposits_t = Deposit.__table__
settlements_t = CardSettlement.__table__

DEFAULT_TZ = "America/Santo_Domingo"
#: a deposit check waits this many days after the business date before a missing deposit is a difference
DEPOSIT_GRACE_DAYS = 2
#: the acquirer's file usually arrives a day or two later
CARD_GRACE_DAYS = 3
#: deposits that count for a window (an unmatched statement line counts nowhere)
COUNTED_DEPOSITS = ("declared", "confirmed", "matched", "assigned")
SYSTEM = "system"


# -- the agent's calendar ---------------------------------------------------------


@dataclass(frozen=True)
class Calendar:
    timezone: str
    cutoff: time | None

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo(DEFAULT_TZ)

    def business_date(self, moment: datetime) -> str:
        """The same rule as the terminal's: local date, the next one at or after the cut-off."""
        local = moment.astimezone(self.zone)
        day = local.date()
        if self.cutoff is not None and local.time() >= self.cutoff:
            day += timedelta(days=1)
        return day.isoformat()

    def end_of(self, business_date: str) -> datetime:
        """The moment the business date is over (its cut-off), in UTC."""
        day = date.fromisoformat(business_date)
        if self.cutoff is not None:
            local = datetime.combine(day, self.cutoff, tzinfo=self.zone)
        else:
            local = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=self.zone)
        return local.astimezone(timezone.utc)


def parse_cutoff(value: Any) -> time | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = time.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=None)


def calendars(conn: Connection, agent_ids: Iterable[str] | None = None) -> dict[str, Calendar]:
    """Each agent's calendar: its time zone, and its policy's cut-off (else the agent's own)."""
    query = select(Agent.agent_id, Agent.timezone, Agent.cutoff)
    wanted = sorted(set(agent_ids)) if agent_ids is not None else None
    if wanted is not None:
        query = query.where(Agent.agent_id.in_(wanted))
    rows = conn.execute(query).all()
    policy_cutoffs: dict[str, time | None] = {}
    pq = select(Policy.agent_id, Policy.version, Policy.document).order_by(Policy.agent_id, Policy.version)
    if wanted is not None:
        pq = pq.where(Policy.agent_id.in_(wanted))
    for agent_id, _, document in conn.execute(pq):
        try:
            section = json.loads(document).get("business_day", {})
        except ValueError:
            section = {}
        policy_cutoffs[agent_id] = parse_cutoff(section.get("cutoff")) if isinstance(section, dict) else None
    return {
        r.agent_id: Calendar(r.timezone or DEFAULT_TZ, policy_cutoffs.get(r.agent_id) or parse_cutoff(r.cutoff))
        for r in rows
    }


# -- opening (inside a batch) --------------------------------------------------------


def _insert_ignore(conn: Connection, table: Any, rows: list[dict[str, Any]], keys: list[str]) -> None:
    if not rows:
        return
    dialect = conn.dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    conn.execute(ins.on_conflict_do_nothing(index_elements=keys), rows)


def ensure_windows(conn: Connection, agent_id: str, dates: Iterable[str], now: datetime) -> dict[str, tuple[int, str]]:
    """Open the agent's windows for ``dates`` where missing; returns date -> (id, state).

    The rows are read ``FOR SHARE`` (PostgreSQL), so a reconciliation, which
    takes them ``FOR UPDATE``, waits for the batch and then sees its items.
    """
    wanted = sorted(set(dates))
    if not wanted:
        return {}
    _insert_ignore(
        conn,
        windows_t,
        [{"agent_id": agent_id, "business_date": d, "state": OPEN, "opened_at": now} for d in wanted],
        ["agent_id", "business_date"],
    )
    rows = conn.execute(
        select(windows_t.c.business_date, windows_t.c.id, windows_t.c.state)
        .where(windows_t.c.agent_id == agent_id, windows_t.c.business_date.in_(wanted))
        .order_by(windows_t.c.id)
        .with_for_update(read=True)
    ).all()
    return {r.business_date: (r.id, r.state) for r in rows}


# -- closing ---------------------------------------------------------------------------


@dataclass
class CloseReport:
    closed: list[tuple[str, str]] = field(default_factory=list)  # (agent_id, business_date)
    waiting: list[tuple[str, str, str]] = field(default_factory=list)  # (agent, date, why)


def close_windows(engine: Engine, now: datetime, *, agent_id: str | None = None, actor: str = SYSTEM) -> CloseReport:
    """Close every OPEN window whose cut-off has passed and whose shifts all sent their manifest."""
    from central.office import audit

    report = CloseReport()
    with write_engine(engine).begin() as conn:
        query = select(windows_t.c.id, windows_t.c.agent_id, windows_t.c.business_date).where(windows_t.c.state == OPEN)
        if agent_id is not None:
            query = query.where(windows_t.c.agent_id == agent_id)
        candidates = conn.execute(query.order_by(windows_t.c.id)).all()
        if not candidates:
            return report
        cals = calendars(conn, {c.agent_id for c in candidates})
        due = []
        for c in candidates:
            cal = cals.get(c.agent_id, Calendar(DEFAULT_TZ, None))
            if now >= cal.end_of(c.business_date):
                due.append(c)
            else:
                report.waiting.append((c.agent_id, c.business_date, "cut-off not passed"))
        if not due:
            return report
        # the shifts with items in each due window, and which of them sent a shift_close
        by_date: dict[str, list[Any]] = defaultdict(list)
        for c in due:
            by_date[c.business_date].append(c)
        for bdate, windows in sorted(by_date.items()):
            agents = sorted({w.agent_id for w in windows})
            shifts: dict[str, set[tuple[str, str]]] = defaultdict(set)
            for chunk in _chunks(agents, 500):
                for r in conn.execute(
                    select(items_t.c.agent_id, items_t.c.terminal_id, items_t.c.shift_id)
                    .where(items_t.c.window_date == bdate, items_t.c.agent_id.in_(chunk))
                    .distinct()
                ):
                    shifts[r.agent_id].add((r.terminal_id, r.shift_id))
            all_shifts = sorted({s for v in shifts.values() for s in v})
            closed_shifts: set[tuple[str, str]] = set()
            for chunk in _chunks(all_shifts, 400):
                closed_shifts.update(
                    (r.terminal_id, r.shift_id)
                    for r in conn.execute(
                        select(items_t.c.terminal_id, items_t.c.shift_id).where(
                            items_t.c.type == "shift_close", tuple_(items_t.c.terminal_id, items_t.c.shift_id).in_(chunk)
                        )
                    )
                )
            to_close = []
            for w in windows:
                open_shifts = sorted(shifts[w.agent_id] - closed_shifts)
                if open_shifts:
                    report.waiting.append(
                        (w.agent_id, w.business_date, "shifts without manifest: " + ", ".join(f"{t}/{s}" for t, s in open_shifts))
                    )
                else:
                    to_close.append(w)
            for chunk in _chunks([w.id for w in to_close], 500):
                conn.execute(
                    update(windows_t)
                    .where(windows_t.c.id.in_(chunk), windows_t.c.state == OPEN)
                    .values(state=CLOSED, closed_at=now)
                )
            for w in to_close:
                report.closed.append((w.agent_id, w.business_date))
            if to_close:
                audit(conn, now, actor, "windows_closed", f"date:{bdate}", agents=[w.agent_id for w in to_close])
    return report


# -- reconciling -------------------------------------------------------------------------


@dataclass
class Difference:
    """One difference a check found: it becomes (or finds again) one exception."""

    check: str
    key: str
    type: str
    amount: int | None
    currency: str | None
    detail: str
    cashier_id: str | None = None
    terminal_id: str = ""


@dataclass
class CheckResult:
    name: str
    status: str  # pass | fail | pending (resolved is decided from the exceptions)
    expected: int | None = None
    actual: int | None = None
    currency: str | None = None
    detail: list[dict[str, Any]] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)


@dataclass
class ReconcileReport:
    windows: dict[int, str] = field(default_factory=dict)  # window id -> state after
    reconciled: list[tuple[str, str]] = field(default_factory=list)
    exceptions_opened: int = 0
    exceptions_cleared: int = 0


def reconcile(
    engine: Engine,
    now: datetime,
    *,
    business_date: str | None = None,
    agent_id: str | None = None,
    window_id: int | None = None,
    actor: str = SYSTEM,
    close_first: bool = True,
) -> ReconcileReport:
    """Close what can close, then check every CLOSED window (of a date / agent / one window)."""
    if close_first:
        close_windows(engine, now, agent_id=agent_id, actor=actor)
    report = ReconcileReport()
    with engine.connect() as conn:
        query = select(windows_t.c.business_date).where(windows_t.c.state == CLOSED).distinct()
        if business_date is not None:
            query = query.where(windows_t.c.business_date == business_date)
        if agent_id is not None:
            query = query.where(windows_t.c.agent_id == agent_id)
        if window_id is not None:
            query = query.where(windows_t.c.id == window_id)
        dates = sorted(conn.execute(query).scalars().all())
    for bdate in dates:
        with write_engine(engine).begin() as conn:
            _reconcile_date(conn, bdate, now, agent_id, window_id, actor, report)
    return report


def _reconcile_date(
    conn: Connection, bdate: str, now: datetime, agent_id: str | None, window_id: int | None, actor: str, report: ReconcileReport
) -> None:
    from central.office import audit

    query = (
        select(windows_t.c.id, windows_t.c.agent_id)
        .where(windows_t.c.business_date == bdate, windows_t.c.state == CLOSED)
        .order_by(windows_t.c.id)
        .with_for_update()
    )
    if agent_id is not None:
        query = query.where(windows_t.c.agent_id == agent_id)
    if window_id is not None:
        query = query.where(windows_t.c.id == window_id)
    windows = {r.agent_id: r.id for r in conn.execute(query)}
    if not windows:
        return
    cals = calendars(conn, windows)
    facts = _DayFacts(conn, bdate, sorted(windows))
    results: dict[int, list[CheckResult]] = {}
    for agent, wid in windows.items():
        today = cals.get(agent, Calendar(DEFAULT_TZ, None)).business_date(now)
        results[wid] = facts.checks(agent, today)

    # exceptions: find each difference's exception again, open the new ones, clear the gone ones
    ids = sorted(windows.values())
    existing: dict[str, Any] = {}
    for chunk in _chunks(ids, 500):
        for r in conn.execute(
            select(exceptions_t.c.id, exceptions_t.c.check_key, exceptions_t.c.status, exceptions_t.c.window_id).where(
                exceptions_t.c.window_id.in_(chunk), exceptions_t.c.source == "check"
            )
        ):
            existing[r.check_key] = r
    new_rows, current = [], set()
    agent_of = {wid: agent for agent, wid in windows.items()}
    for wid, checks in results.items():
        for check in checks:
            for d in check.differences:
                key = _key(wid, d)
                current.add(key)
                if key not in existing:
                    new_rows.append(
                        {
                            "terminal_id": d.terminal_id,
                            "item_id": "",
                            "batch_id": "",
                            "kind": "difference",
                            "reasons": json.dumps([d.type]),
                            "detail": d.detail,
                            "body": "{}",
                            "status": "open",
                            "created_at": now,
                            "type": d.type,
                            "source": "check",
                            "agent_id": agent_of[wid],
                            "business_date": bdate,
                            "window_id": wid,
                            "check_name": d.check,
                            "check_key": key,
                            "cashier_id": d.cashier_id,
                            "currency": d.currency,
                            "amount": d.amount,
                        }
                    )
    if new_rows:
        conn.execute(insert(exceptions_t), new_rows)
        report.exceptions_opened += len(new_rows)
    gone = [r.id for k, r in existing.items() if k not in current and r.status != "resolved"]
    for chunk in _chunks(gone, 500):
        conn.execute(
            update(exceptions_t)
            .where(exceptions_t.c.id.in_(chunk))
            .values(status="resolved", resolution="cleared", resolution_reason="the difference is gone", resolved_by=SYSTEM, resolved_at=now)
        )
    report.exceptions_cleared += len(gone)
    status_of: dict[str, str] = {k: r.status for k, r in existing.items()}
    status_of.update({row["check_key"]: "open" for row in new_rows})

    # check rows, then the window's state
    check_rows, reconciled = [], []
    for wid, checks in results.items():
        all_ok = True
        for check in checks:
            status = check.status
            if status == "fail" and all(status_of.get(_key(wid, d)) == "resolved" for d in check.differences):
                status = "resolved"
            all_ok &= status in ("pass", "resolved")
            check_rows.append(
                {
                    "window_id": wid,
                    "name": check.name,
                    "status": status,
                    "expected": check.expected,
                    "actual": check.actual,
                    "currency": check.currency,
                    "detail": json.dumps(check.detail, ensure_ascii=False, sort_keys=True),
                    "checked_at": now,
                }
            )
        if all_ok:
            reconciled.append(wid)
        report.windows[wid] = RECONCILED if all_ok else CLOSED
    for chunk in _chunks(ids, 500):
        conn.execute(checks_t.delete().where(checks_t.c.window_id.in_(chunk)))
    conn.execute(insert(checks_t), check_rows)
    for chunk in _chunks(ids, 500):
        conn.execute(update(windows_t).where(windows_t.c.id.in_(chunk)).values(checked_at=now))
    for chunk in _chunks(reconciled, 500):
        conn.execute(update(windows_t).where(windows_t.c.id.in_(chunk)).values(state=RECONCILED, reconciled_at=now))
    for wid in reconciled:
        report.reconciled.append((agent_of[wid], bdate))
    if reconciled:
        audit(conn, now, actor, "windows_reconciled", f"date:{bdate}", agents=sorted(agent_of[w] for w in reconciled))


def _key(window_id: int, d: Difference) -> str:
    raw = f"w{window_id}:{d.check}:{d.key}"
    if len(raw) > 200:
        raw = raw[:135] + ":" + hashlib.sha256(raw.encode()).hexdigest()
    return raw


def _ranges(numbers: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in sorted(numbers):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def _ranges_text(ranges: list[tuple[int, int]]) -> str:
    return ",".join(f"{a}" if a == b else f"{a}-{b}" for a, b in ranges)


class _DayFacts:
    """Everything the checks need about one business date, read in a few queries."""

    def __init__(self, conn: Connection, bdate: str, agents: list[str]) -> None:
        self.conn, self.bdate = conn, bdate
        self.manifests: dict[str, list[tuple[Any, dict[str, Any]]]] = defaultdict(list)
        # per terminal: how many items, their seq span, and the receipts' span (aggregates
        # first: a terminal whose items are contiguous needs no row-by-row look)
        self.spans: dict[str, dict[str, Any]] = defaultdict(dict)
        self.shifts: dict[str, set[tuple[str, str]]] = defaultdict(set)
        in_window = (items_t.c.window_date == bdate,)
        for chunk in _chunks(agents, 500):
            for r in conn.execute(
                select(
                    items_t.c.agent_id, items_t.c.terminal_id, func.count(), func.min(items_t.c.seq), func.max(items_t.c.seq),
                    func.count(items_t.c.receipt_no.distinct()), func.min(items_t.c.receipt_no), func.max(items_t.c.receipt_no),
                )
                .where(*in_window, items_t.c.agent_id.in_(chunk))
                .group_by(items_t.c.agent_id, items_t.c.terminal_id)
            ):
                self.spans[r[0]][r[1]] = tuple(r[2:])
            for r in conn.execute(
                select(items_t.c.agent_id, items_t.c.terminal_id, items_t.c.shift_id).where(*in_window, items_t.c.agent_id.in_(chunk)).distinct()
            ):
                self.shifts[r.agent_id].add((r.terminal_id, r.shift_id))
            for r in conn.execute(
                select(items_t.c.agent_id, items_t.c.terminal_id, items_t.c.shift_id, items_t.c.cashier_id, items_t.c.seq, items_t.c.body).where(
                    items_t.c.window_date == bdate, items_t.c.agent_id.in_(chunk), items_t.c.type == "shift_close"
                )
            ):
                self.manifests[r.agent_id].append((r, json.loads(r.body)))
        # what was posted for each manifest's shift, in whatever window its items count
        self.shift_posted: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        self.shift_voids: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        keys = sorted({(row.terminal_id, row.shift_id) for ms in self.manifests.values() for row, _ in ms})
        pair = tuple_(items_t.c.terminal_id, items_t.c.shift_id)
        for chunk in _chunks(keys, 400):
            for r in conn.execute(
                select(items_t.c.terminal_id, items_t.c.shift_id, tenders_t.c.kind, func.count(), func.sum(tenders_t.c.amount))
                .select_from(tenders_t.join(items_t, items_t.c.id == tenders_t.c.item_id))
                .where(pair.in_(chunk))
                .group_by(items_t.c.terminal_id, items_t.c.shift_id, tenders_t.c.kind)
            ):
                self.shift_posted[(r[0], r[1])][r[2]] = [int(r[3]), int(r[4] or 0)]
            for r in conn.execute(
                select(items_t.c.terminal_id, items_t.c.shift_id, func.count(), func.sum(items_t.c.amount))
                .where(pair.in_(chunk), items_t.c.type == "void")
                .group_by(items_t.c.terminal_id, items_t.c.shift_id)
            ):
                self.shift_voids[(r[0], r[1])] = [int(r[2]), int(r[3] or 0)]
        # tender totals of the date's payments that stand (not voided or reversed); card tenders one by one
        self.due: dict[str, dict[tuple[str, str], list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        self.cards: dict[str, list[Any]] = defaultdict(list)
        joined = tenders_t.join(items_t, items_t.c.id == tenders_t.c.item_id)
        for chunk in _chunks(agents, 500):
            for agent, kind, currency, n, total in conn.execute(
                select(items_t.c.agent_id, tenders_t.c.kind, items_t.c.currency, func.count(), func.sum(tenders_t.c.amount))
                .select_from(joined)
                .where(*in_window, items_t.c.agent_id.in_(chunk), items_t.c.voided_by.is_(None))
                .group_by(items_t.c.agent_id, tenders_t.c.kind, items_t.c.currency)
            ):
                self.due[agent][(kind, currency or "")] = [int(n), int(total or 0)]
            for r in conn.execute(
                select(items_t.c.agent_id, items_t.c.terminal_id, items_t.c.voided_by, items_t.c.currency, tenders_t.c.id,
                       tenders_t.c.kind, tenders_t.c.amount)
                .select_from(joined)
                .where(*in_window, items_t.c.agent_id.in_(chunk), tenders_t.c.kind == "card")
            ):
                self.cards[r.agent_id].append(r)
        self.deposits: dict[str, list[Any]] = defaultdict(list)
        for r in conn.execute(
            select(deposits_t).where(deposits_t.c.business_date == bdate, deposits_t.c.status.in_(COUNTED_DEPOSITS))
        ):
            self.deposits[r.agent_id].append(r)
        # settlement lines: matched to this date's tenders, or naming this agent and date
        self.settled_by_tender: dict[int, list[Any]] = defaultdict(list)
        self.loose_settlements: dict[str, list[Any]] = defaultdict(list)
        for chunk in _chunks(agents, 500):
            for r in conn.execute(
                select(settlements_t, items_t.c.agent_id.label("item_agent"))
                .select_from(
                    settlements_t.join(tenders_t, tenders_t.c.id == settlements_t.c.tender_id).join(
                        items_t, items_t.c.id == tenders_t.c.item_id
                    )
                )
                .where(items_t.c.window_date == bdate, items_t.c.agent_id.in_(chunk))
            ):
                self.settled_by_tender[r.tender_id].append(r)
        for r in conn.execute(
            select(settlements_t).where(settlements_t.c.business_date == bdate, settlements_t.c.tender_id.is_(None))
        ):
            self.loose_settlements[r.agent_id].append(r)

    def checks(self, agent: str, today: str) -> list[CheckResult]:
        return [
            self._completeness(agent),
            self._manifests(agent),
            self._drawer_counts(agent),
            self._deposits(agent, "cash", today),
            self._deposits(agent, "cheque", today),
            self._cards(agent, today),
        ]

    # 1 ------------------------------------------------------------------------------
    def _completeness(self, agent: str) -> CheckResult:
        result = CheckResult("completeness", "pass")
        shifts = self.shifts[agent]
        wanted_seq: dict[str, set[int]] = defaultdict(set)
        wanted_receipt: dict[str, set[int]] = defaultdict(set)
        closed: set[tuple[str, str]] = set()
        for row, m in self.manifests[agent]:
            closed.add((row.terminal_id, row.shift_id))
            wanted_seq[row.terminal_id].update(range(m["seq_from"], m["seq_to"] + 1))
            if m.get("receipt_from") is not None and m.get("receipt_to") is not None:
                wanted_receipt[row.terminal_id].update(range(m["receipt_from"], m["receipt_to"] + 1))
        expected = actual = 0
        for terminal in sorted(set(wanted_seq) | set(wanted_receipt)):
            missing_seq, missing_receipts = self._missing(agent, terminal, wanted_seq[terminal], wanted_receipt[terminal])
            # a manifest's range may reach into items counted in another window (a shift
            # that ran past the cut-off): look those up before calling them missing
            if missing_seq:
                found = self._held_elsewhere(terminal, "seq", missing_seq)
                missing_seq = [s for s in missing_seq if s not in found]
            if missing_receipts:
                found = self._held_elsewhere(terminal, "receipt_no", missing_receipts)
                missing_receipts = [s for s in missing_receipts if s not in found]
            expected += len(wanted_seq[terminal])
            actual += len(wanted_seq[terminal]) - len(missing_seq)
            if missing_seq or missing_receipts:
                seq_text, rec_text = _ranges_text(_ranges(missing_seq)), _ranges_text(_ranges(missing_receipts))
                result.detail.append({"terminal_id": terminal, "missing_seq": seq_text, "missing_receipts": rec_text})
                words = []
                if seq_text:
                    words.append(f"seq {seq_text}")
                if rec_text:
                    words.append(f"receipts {rec_text}")
                result.differences.append(
                    Difference("completeness", f"{terminal}:s{seq_text}:r{rec_text}", "missing_items", len(missing_seq) or len(missing_receipts),
                               None, f"{terminal}: missing " + "; ".join(words), terminal_id=terminal)
                )
        for terminal, shift in sorted(shifts - closed):
            # a closed window can only gain an unclosed shift from a late item
            if (terminal, shift) in self._closed_elsewhere(agent):
                continue
            result.detail.append({"terminal_id": terminal, "shift_id": shift, "missing": "shift_close"})
            result.differences.append(
                Difference("completeness", f"{terminal}:{shift}:noclose", "missing_items", None, None,
                           f"{terminal}: shift {shift} has items but no manifest", terminal_id=terminal)
            )
        result.expected, result.actual = expected, actual
        if result.differences:
            result.status = "fail"
        return result

    def _missing(self, agent: str, terminal: str, seqs: set[int], receipts: set[int]) -> tuple[list[int], list[int]]:
        """What of ``seqs`` and ``receipts`` this window does not hold for the terminal."""
        span = self.spans[agent].get(terminal)
        if span is not None:
            n, lo, hi, nr, rlo, rhi = span
            seq_whole = n == hi - lo + 1 and (not seqs or (min(seqs) >= lo and max(seqs) <= hi))
            rec_whole = not receipts or (nr and nr == rhi - rlo + 1 and min(receipts) >= rlo and max(receipts) <= rhi)
            if seq_whole and rec_whole:
                return [], []
        held_seq, held_receipt = set(), set()
        for seq, receipt in self.conn.execute(
            select(items_t.c.seq, items_t.c.receipt_no).where(items_t.c.terminal_id == terminal, items_t.c.window_date == self.bdate)
        ):
            held_seq.add(seq)
            if receipt is not None:
                held_receipt.add(receipt)
        return sorted(seqs - held_seq), sorted(receipts - held_receipt)

    def _held_elsewhere(self, terminal: str, column: str, numbers: list[int]) -> set[int]:
        col = items_t.c[column]
        found: set[int] = set()
        lo, hi = min(numbers), max(numbers)
        for (n,) in self.conn.execute(select(col).where(items_t.c.terminal_id == terminal, col >= lo, col <= hi)):
            found.add(n)
        return found

    def _closed_elsewhere(self, agent: str) -> set[tuple[str, str]]:
        if not hasattr(self, "_closed_cache"):
            self._closed_cache: dict[str, set[tuple[str, str]]] = {}
        if agent not in self._closed_cache:
            shifts = sorted(self.shifts[agent])
            got: set[tuple[str, str]] = set()
            for chunk in _chunks(shifts, 400):
                got.update(
                    (r.terminal_id, r.shift_id)
                    for r in self.conn.execute(
                        select(items_t.c.terminal_id, items_t.c.shift_id).where(
                            items_t.c.type == "shift_close", tuple_(items_t.c.terminal_id, items_t.c.shift_id).in_(chunk)
                        )
                    )
                )
            self._closed_cache[agent] = got
        return self._closed_cache[agent]

    # 2 ------------------------------------------------------------------------------
    def _manifests(self, agent: str) -> CheckResult:
        result = CheckResult("manifests", "pass", 0, 0)
        posted, voids = self.shift_posted, self.shift_voids
        for row, m in sorted(self.manifests[agent], key=lambda x: (x[0].terminal_id, x[0].seq)):
            shift = (row.terminal_id, row.shift_id)
            result.currency = result.currency or m.get("currency")
            problems = []
            declared_total = ledger_total = 0
            for kind in sorted(set(m.get("counts", {})) | set(posted[shift])):
                declared = m.get("counts", {}).get(kind, {"count": 0, "total": 0})
                got = posted[shift].get(kind, [0, 0])
                declared_total += declared.get("total", 0)
                ledger_total += got[1]
                if declared.get("count", 0) != got[0] or declared.get("total", 0) != got[1]:
                    problems.append(f"{kind}: manifest {declared.get('count', 0)} / {declared.get('total', 0)}, ledger {got[0]} / {got[1]}")
            mv = m.get("voids", {"count": 0, "total": 0})
            gv = voids.get(shift, [0, 0])
            if mv.get("count", 0) != gv[0] or mv.get("total", 0) != gv[1]:
                problems.append(f"voids: manifest {mv.get('count', 0)} / {mv.get('total', 0)}, ledger {gv[0]} / {gv[1]}")
            result.expected = (result.expected or 0) + declared_total
            result.actual = (result.actual or 0) + ledger_total
            if problems:
                result.detail.append({"terminal_id": row.terminal_id, "shift_id": row.shift_id, "problems": problems})
                digest = hashlib.sha256("|".join(problems).encode()).hexdigest()[:12]
                result.differences.append(
                    Difference("manifests", f"{row.terminal_id}:{row.shift_id}:{digest}", "manifest_mismatch",
                               ledger_total - declared_total, m.get("currency"),
                               f"{row.terminal_id} shift {row.shift_id}: " + "; ".join(problems),
                               cashier_id=row.cashier_id, terminal_id=row.terminal_id)
                )
        if result.differences:
            result.status = "fail"
        return result

    # 3 ------------------------------------------------------------------------------
    def _drawer_counts(self, agent: str) -> CheckResult:
        result = CheckResult("drawer_counts", "pass", 0, 0)
        for row, m in sorted(self.manifests[agent], key=lambda x: (x[0].terminal_id, x[0].seq)):
            result.currency = result.currency or m.get("currency")
            result.expected = (result.expected or 0) + sum(m.get("expected", {}).values())
            result.actual = (result.actual or 0) + sum(m.get("counted", {}).values())
            for kind, diff in sorted(m.get("over_short", {}).items()):
                if not diff:
                    continue
                kind_word = "over" if diff > 0 else "short"
                result.detail.append(
                    {"terminal_id": row.terminal_id, "shift_id": row.shift_id, "cashier_id": row.cashier_id, "tender": kind, "over_short": diff}
                )
                result.differences.append(
                    Difference("drawer_counts", f"{row.terminal_id}:{row.shift_id}:{kind}", "overage" if diff > 0 else "shortage",
                               diff, m.get("currency"),
                               f"{row.terminal_id} shift {row.shift_id}, cashier {row.cashier_id}: {kind} {kind_word} {abs(diff)}",
                               cashier_id=row.cashier_id, terminal_id=row.terminal_id)
                )
        if result.differences:
            result.status = "fail"
        return result

    # 4, 5 ---------------------------------------------------------------------------
    def _deposits(self, agent: str, tender: str, today: str) -> CheckResult:
        name = "cash_deposits" if tender == "cash" else "cheque_deposits"
        due: dict[str, int] = defaultdict(int)
        count = 0
        for (kind, currency), (n, total) in self.due[agent].items():
            if kind == tender:
                due[currency] += total
                count += n
        deposited: dict[str, int] = defaultdict(int)
        refs = []
        for d in self.deposits[agent]:
            if d.tender == tender:
                deposited[d.currency] += d.amount
                refs.append({"deposit_id": d.id, "bank": d.bank, "reference": d.reference, "amount": d.amount, "status": d.status})
        currencies = sorted(set(due) | set(deposited))
        main = currencies[0] if currencies else None
        result = CheckResult(name, "pass", due.get(main, 0) if main else 0, deposited.get(main, 0) if main else 0, main)
        result.detail = [{"due": dict(due), "deposited": dict(deposited), "deposits": refs, "items": count}]
        if not any(due.values()) and not any(deposited.values()):
            return result
        if not refs and today <= _plus_days(self.bdate, DEPOSIT_GRACE_DAYS):
            result.status = "pending"
            return result
        for cur in currencies:
            diff = deposited.get(cur, 0) - due.get(cur, 0)
            if diff:
                result.differences.append(
                    Difference(name, f"{cur}:{diff}", "overage" if diff > 0 else "shortage", diff, cur,
                               f"{tender} due {due.get(cur, 0)}, deposited {deposited.get(cur, 0)} {cur}"
                               + ("" if refs else " (no deposit recorded)"))
                )
        if result.differences:
            result.status = "fail"
        return result

    # 6 ------------------------------------------------------------------------------
    def _cards(self, agent: str, today: str) -> CheckResult:
        result = CheckResult("card_settlement", "pass", 0, 0)
        cards = self.cards[agent]
        loose = self.loose_settlements.get(agent, [])
        settled = {t.id: self.settled_by_tender.get(t.id, []) for t in cards}
        if not cards and not loose:
            return result
        due = sum(t.amount for t in cards if t.voided_by is None)
        got = sum(s.amount for rows in settled.values() for s in rows) + sum(s.amount for s in loose)
        result.expected, result.actual = due, got
        result.currency = cards[0].currency if cards else loose[0].currency
        if not any(settled.values()) and not loose and today <= _plus_days(self.bdate, CARD_GRACE_DAYS):
            result.status = "pending"
            return result
        unsettled = [t for t in cards if t.voided_by is None and not settled[t.id]]
        wrong = [(t, sum(s.amount for s in settled[t.id])) for t in cards if settled[t.id] and sum(s.amount for s in settled[t.id]) != (0 if t.voided_by else t.amount)]
        for t in unsettled:
            result.detail.append({"tender_id": t.id, "terminal_id": t.terminal_id, "amount": t.amount, "problem": "not in the settlement file"})
            result.differences.append(
                Difference("card_settlement", f"unsettled:{t.id}", "shortage", -t.amount, t.currency,
                           f"card tender {t.id} ({t.terminal_id}) of {t.amount} is not in the acquirer's file", terminal_id=t.terminal_id)
            )
        for t, amount in wrong:
            expected = 0 if t.voided_by else t.amount
            result.detail.append({"tender_id": t.id, "terminal_id": t.terminal_id, "amount": expected, "settled": amount})
            result.differences.append(
                Difference("card_settlement", f"amount:{t.id}:{amount}", "overage" if amount > expected else "shortage",
                           amount - expected, t.currency,
                           f"card tender {t.id} ({t.terminal_id}): ledger {expected}, settled {amount}", terminal_id=t.terminal_id)
            )
        for s in loose:
            result.detail.append({"settlement_id": s.id, "auth_code": s.auth_code, "amount": s.amount, "problem": "no such card payment"})
            result.differences.append(
                Difference("card_settlement", f"loose:{s.id}", "unmatched_settlement", s.amount, s.currency,
                           f"settlement line {s.id} (auth {s.auth_code}, {s.amount}) matches no card payment")
            )
        if result.differences:
            result.status = "fail"
        return result


def _plus_days(business_date: str, days: int) -> str:
    return (date.fromisoformat(business_date) + timedelta(days=days)).isoformat()


def _chunks(values: list[Any], size: int) -> Iterable[list[Any]]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


__all__ = [
    "Calendar",
    "CHECKS",
    "CloseReport",
    "ReconcileReport",
    "calendars",
    "close_windows",
    "ensure_windows",
    "reconcile",
    "and_",
]
