"""Collection KPIs for a period: what the network collected and how.

Counted payments are the recorded ``payment`` items whose business date falls
in the period and that no void or office reversal took back.  Amounts are
minor units of one currency (money of different currencies is never added: see
:func:`compute`); the period is inclusive; hours are the agent's local hours.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Engine, and_, func, select

from central.admin import check_currency
from central.models import Application, Document, Item, Promise, ReturnedCheque, Tender
from central.office import OfficeError, check_date
from central.windows import DEFAULT_TZ, Calendar, calendars

items_t = Item.__table__
tenders_t = Tender.__table__
applications_t = Application.__table__
documents_t = Document.__table__
promises_t = Promise.__table__
returned_t = ReturnedCheque.__table__

AGEING_BUCKETS = ("0-30", "31-60", "61-90", "90+")
#: a promise counts as kept by payments up to this many days after its date
PROMISE_GRACE_DAYS = 3
#: payments from this many days before the promise date count, when the file gives no promised_on
PROMISE_LOOKBACK_DAYS = 30
MAX_PERIOD_DAYS = 366


def _bucket(days_past_due: int) -> str:
    if days_past_due <= 30:
        return "0-30"
    if days_past_due <= 60:
        return "31-60"
    if days_past_due <= 90:
        return "61-90"
    return "90+"


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def check_kpi_currency(value: Any) -> str | None:
    """The currency asked for (``None``: let the period decide), as an upper-case ISO code."""
    if value is None or value == "":
        return None
    code = value.strip().upper() if isinstance(value, str) else ""
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise OfficeError("bad_currency", f"La moneda «{str(value)[:20]}» no es válida: escriba su código ISO de tres "
                                          "letras, por ejemplo DOP o USD.")
    try:
        return check_currency(code)
    except ValueError as e:
        raise OfficeError("bad_currency", str(e)) from None


def _most(counts: dict[str, int]) -> str | None:
    """The currency with the most payments; a tie goes to the first in alphabetical order."""
    return min(counts, key=lambda c: (-counts[c], c)) if counts else None


def compute(
    engine: Engine,
    date_from: str,
    date_to: str,
    *,
    agent_id: str | None = None,
    biller_id: str | None = None,
    currency: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The KPIs of a period, in one currency: money of different currencies is never added.

    ``currency`` picks it; without one, the period's only currency or, when there
    are several, the one with the most payments (a tie: alphabetical order).  The
    answer says which (``currency``) and lists every currency with standing
    payments in the period and their count (``currencies``), so the reader can ask
    for the others.

    Of that currency only: ``payments``, ``collected``, ``average_ticket``, the
    ``by_day``/``by_agent``/``by_biller``/``by_tender``/``by_hour`` tables (counts
    and amounts), ``peak_hour``, ``offline_share``, ``ageing``, ``promises`` (the
    promises made in it, kept by payments in it) and ``returned_cheques``.  Of
    every payment that reached central in the period, whatever its currency (they
    are about the network, not about money): ``flagged_rate`` and ``sync_lag_s``.
    """
    date_from, date_to = check_date(date_from, "date_from"), check_date(date_to, "date_to")
    if date_to < date_from:
        raise OfficeError("bad_period", f"El período termina ({date_to}) antes de empezar ({date_from}).")
    if (date.fromisoformat(date_to) - date.fromisoformat(date_from)).days >= MAX_PERIOD_DAYS:
        raise OfficeError("bad_period", f"Un período de indicadores abarca como máximo {MAX_PERIOD_DAYS} días.")
    wanted = check_kpi_currency(currency)
    now = now or datetime.now(timezone.utc)
    where = [items_t.c.type == "payment", items_t.c.business_date >= date_from, items_t.c.business_date <= date_to]
    if agent_id:
        where.append(items_t.c.agent_id == agent_id)
    if biller_id:
        where.append(items_t.c.biller_id == biller_id)
    cond = and_(*where)

    by_day: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_agent: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_biller: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_tender: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_hour: dict[int, list[int]] = {h: [0, 0] for h in range(24)}
    lags: list[float] = []
    payments = offline = flagged = total = 0
    present: dict[str, int] = defaultdict(int)
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                items_t.c.id, items_t.c.agent_id, items_t.c.biller_id, items_t.c.business_date, items_t.c.amount,
                items_t.c.currency, items_t.c.offline, items_t.c.status, items_t.c.occurred_at, items_t.c.recorded_at,
                items_t.c.voided_by,
            ).where(cond)
        ).all()
        for r in rows:
            # sync lag and the flag rate look at every payment that reached central, in any currency
            lags.append(max((r.recorded_at - r.occurred_at).total_seconds(), 0.0))
            flagged += r.status == "accepted_flagged"
            if r.voided_by is None and r.currency:
                present[r.currency] += 1
        cur = wanted or _most(present) or _most(_other_money(conn, date_from, date_to, agent_id))
        cals = calendars(conn, {r.agent_id for r in rows if r.agent_id})
        for r in rows:
            if r.voided_by is not None or r.currency != cur:
                continue
            amount = r.amount or 0
            payments += 1
            total += amount
            offline += bool(r.offline)
            for key, table in ((r.business_date, by_day), (r.agent_id or "", by_agent), (r.biller_id or "", by_biller)):
                table[key][0] += 1
                table[key][1] += amount
            cal = cals.get(r.agent_id or "", Calendar(DEFAULT_TZ, None))
            hour = r.occurred_at.astimezone(cal.zone).hour
            by_hour[hour][0] += 1
            by_hour[hour][1] += amount
        ageing = {b: 0 for b in AGEING_BUCKETS}
        ageing["credit"] = 0
        promises = _promises(conn, date_from, date_to, now, agent_id, biller_id, cur)
        returned_n = returned_amount = 0
        if cur is not None:
            in_cur = and_(cond, items_t.c.voided_by.is_(None), items_t.c.currency == cur)
            for kind, n, amount in conn.execute(
                select(tenders_t.c.kind, func.count(), func.sum(tenders_t.c.amount))
                .select_from(tenders_t.join(items_t, items_t.c.id == tenders_t.c.item_id))
                .where(in_cur)
                .group_by(tenders_t.c.kind)
            ):
                by_tender[kind] = [int(n), int(amount or 0)]
            for bdate, due, amount in conn.execute(
                select(items_t.c.business_date, documents_t.c.due_date, applications_t.c.amount)
                .select_from(
                    applications_t.join(items_t, items_t.c.id == applications_t.c.item_id).outerjoin(
                        documents_t, documents_t.c.document_id == applications_t.c.document_id
                    )
                )
                .where(in_cur)
            ):
                if due is None:
                    ageing["credit"] += amount
                else:
                    ageing[_bucket((date.fromisoformat(bdate) - due).days)] += amount
            rq = select(func.count(), func.coalesce(func.sum(returned_t.c.amount), 0)).where(
                returned_t.c.window_date >= date_from, returned_t.c.window_date <= date_to, returned_t.c.currency == cur
            )
            if agent_id:
                rq = rq.where(returned_t.c.agent_id == agent_id)
            returned_n, returned_amount = conn.execute(rq).one()

    def table(d: dict[Any, list[int]], key: str) -> list[dict[str, Any]]:
        return [{key: k, "count": v[0], "amount": v[1]} for k, v in sorted(d.items())]

    reached = len(lags)
    return {
        "period": {"date_from": date_from, "date_to": date_to, "agent_id": agent_id, "biller_id": biller_id},
        "currency": cur,
        "currencies": [{"currency": c, "payments": n} for c, n in sorted(present.items())],
        "payments": payments,
        "collected": total,
        "average_ticket": round(total / payments) if payments else 0,
        "by_day": table(by_day, "date"),
        "by_agent": table(by_agent, "agent_id"),
        "by_biller": table(by_biller, "biller_id"),
        "by_tender": table(by_tender, "tender"),
        "by_hour": table(by_hour, "hour"),
        "peak_hour": max(by_hour, key=lambda h: (by_hour[h][0], -h)) if payments else None,
        "offline_share": round(offline / payments * 100, 2) if payments else 0.0,
        "flagged_rate": round(flagged / reached * 100, 2) if reached else 0.0,
        "sync_lag_s": {"p50": percentile(lags, 50), "p95": percentile(lags, 95), "max": max(lags) if lags else None},
        "ageing": [{"bucket": b, "amount": ageing[b]} for b in (*AGEING_BUCKETS, "credit")],
        "promises": promises,
        "returned_cheques": {"count": int(returned_n), "amount": int(returned_amount or 0)},
    }


def _other_money(conn: Any, date_from: str, date_to: str, agent_id: str | None) -> dict[str, int]:
    """A period without payments: the currencies of its promises and returned cheques, by how many."""
    counts: dict[str, int] = defaultdict(int)
    for c, n in conn.execute(
        select(promises_t.c.currency, func.count())
        .where(promises_t.c.promise_date >= date.fromisoformat(date_from), promises_t.c.promise_date <= date.fromisoformat(date_to))
        .group_by(promises_t.c.currency)
    ):
        counts[c] += int(n)
    rq = select(returned_t.c.currency, func.count()).where(returned_t.c.window_date >= date_from, returned_t.c.window_date <= date_to)
    if agent_id:
        rq = rq.where(returned_t.c.agent_id == agent_id)
    for c, n in conn.execute(rq.group_by(returned_t.c.currency)):
        counts[c] += int(n)
    return {c: n for c, n in counts.items() if c}


def _promises(conn: Any, date_from: str, date_to: str, now: datetime, agent_id: str | None, biller_id: str | None,
              currency: str | None) -> dict[str, Any]:
    """The promises of the period in ``currency``, kept (or not) by payments in that currency."""
    rows = conn.execute(
        select(promises_t).where(
            promises_t.c.promise_date >= date.fromisoformat(date_from), promises_t.c.promise_date <= date.fromisoformat(date_to),
            promises_t.c.currency == currency,
        )
    ).all() if currency else []
    today = now.date()
    kept = pending = broken = 0
    promised = kept_amount = 0
    detail = []
    accounts = sorted({r.account_id for r in rows})
    paid: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for start in range(0, len(accounts), 500):
        q = select(items_t.c.account_id, items_t.c.business_date, items_t.c.amount).where(
            items_t.c.type == "payment", items_t.c.voided_by.is_(None), items_t.c.currency == currency,
            items_t.c.account_id.in_(accounts[start : start + 500])
        )
        if agent_id:
            q = q.where(items_t.c.agent_id == agent_id)
        if biller_id:
            q = q.where(items_t.c.biller_id == biller_id)
        for account, bdate, amount in conn.execute(q):
            paid[account].append((bdate, amount or 0))
    for r in rows:
        start_day = r.promised_on or (r.promise_date - timedelta(days=PROMISE_LOOKBACK_DAYS))
        end_day = r.promise_date + timedelta(days=PROMISE_GRACE_DAYS)
        got = sum(a for d, a in paid.get(r.account_id, []) if start_day.isoformat() <= d <= end_day.isoformat())
        if got >= r.amount:
            state = "kept"
            kept += 1
            kept_amount += r.amount
        elif end_day >= today:
            state = "pending"
            pending += 1
        else:
            state = "broken"
            broken += 1
        promised += r.amount
        detail.append({"account_id": r.account_id, "promise_date": r.promise_date.isoformat(), "amount": r.amount,
                       "paid": got, "state": state})
    due = kept + broken
    return {
        "count": len(rows),
        "kept": kept,
        "broken": broken,
        "pending": pending,
        "kp_percent": round(kept / due * 100, 2) if due else None,
        "amount_promised": promised,
        "amount_kept": kept_amount,
        "detail": detail,
    }


#: the KPI sections that are tables, for CSV export
TABLES = ("by_day", "by_agent", "by_biller", "by_tender", "by_hour", "ageing", "promises")


def section_rows(kpis: dict[str, Any], section: str) -> list[dict[str, Any]]:
    """One KPI table as rows for a CSV; each row says the currency of its amounts."""
    if section not in TABLES:
        raise OfficeError("bad_section", f"La tabla (section) es una de: {', '.join(TABLES)}.")
    rows = kpis["promises"]["detail"] if section == "promises" else kpis[section]
    return [dict(r, currency=kpis.get("currency")) for r in rows]
