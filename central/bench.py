"""Benchmark: reconcile one business date of a whole network.

``reconcile_day_s(url, agents=1000, payments=300)`` fills an empty, migrated
central database with one closed business date (each agent: one terminal, one
shift, ``payments`` payments in cash, cheque and card, a manifest that agrees,
matching deposits and card settlement lines), written straight into the tables
(the batch path is not what is measured), then times
``central.windows.reconcile`` for that date.  The target is 10 s for
1,000 agents x 300 payments (``reconcile_day_300k_s``) on SQLite and PostgreSQL.

    python -m central.bench --db sqlite:////tmp/bench.db --agents 1000 --payments 300
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Engine, insert

from central.db import make_engine, migrate, write_engine
from central.models import Agent, CardSettlement, Deposit, Item, SettlementWindow, Tender, Terminal
from central.office_types import CLOSED, RECONCILED
from central.windows import reconcile

BUSINESS_DATE = "2026-11-23"
T0 = datetime(2026, 11, 23, 13, 0, tzinfo=timezone.utc)


def seed_day(engine: Engine, agents: int, payments: int, business_date: str = BUSINESS_DATE) -> int:
    """One closed business date; returns the number of items written."""
    written = 0
    with write_engine(engine).begin() as conn:
        conn.execute(insert(Agent), [{"agent_id": f"BA{a:05d}", "name": f"Agent {a}", "created_at": T0, "timezone": "America/Santo_Domingo",
                                      "cutoff": None} for a in range(agents)])
        conn.execute(insert(Terminal), [{
            "terminal_id": f"BA{a:05d}-T01", "agent_id": f"BA{a:05d}", "name": "Caja 1", "enrollment_code_hash": None, "secret": None,
            "enrolled_at": T0, "disabled": False, "last_seq": payments + 2, "chain_head": "0" * 64, "contiguous_seq": payments + 2,
            "created_at": T0} for a in range(agents)])
        conn.execute(insert(SettlementWindow), [{"agent_id": f"BA{a:05d}", "business_date": business_date, "state": CLOSED,
                                                 "opened_at": T0, "closed_at": T0 + timedelta(hours=16)} for a in range(agents)])
        ledger_seq = 0
        for a in range(agents):
            agent, terminal, shift = f"BA{a:05d}", f"BA{a:05d}-T01", f"shift-{a}"
            items: list[dict[str, Any]] = []
            tenders: list[dict[str, Any]] = []
            settlements: list[dict[str, Any]] = []
            counts = {"cash": [0, 0], "cheque": [0, 0], "card": [0, 0]}

            def item(seq: int, type_: str, body: dict[str, Any], **extra: Any) -> dict[str, Any]:
                nonlocal ledger_seq
                ledger_seq += 1
                return {"ledger_seq": ledger_seq, "id": f"{a:08x}-0000-7000-8000-{seq:012x}", "terminal_id": terminal, "seq": seq,
                        "type": type_, "business_date": business_date, "shift_id": shift, "occurred_at": T0 + timedelta(seconds=seq * 60),
                        "recorded_at": T0 + timedelta(seconds=seq * 60 + 5), "batch_id": "bench", "body": json.dumps(body),
                        "hash": "0" * 64, "prev_hash": "0" * 64, "account_id": extra.get("account_id"), "currency": "DOP",
                        "amount": extra.get("amount"), "offline": False, "status": "created", "reasons": None, "voided_by": None,
                        "agent_id": agent, "window_date": business_date, "cashier_id": "C1", "receipt_no": extra.get("receipt_no"),
                        "biller_id": extra.get("biller_id")}

            items.append(item(1, "shift_open", {}))
            for n in range(1, payments + 1):
                kind = "cash" if n % 10 < 7 else ("cheque" if n % 10 < 8 else "card")
                amount = 10000 + (n * 37 % 50) * 100
                row = item(n + 1, "payment", {}, account_id=f"ACC{n:06d}", amount=amount, receipt_no=n, biller_id="B1")
                items.append(row)
                counts[kind][0] += 1
                counts[kind][1] += amount
                tenders.append({"item_id": row["id"], "kind": kind, "amount": amount, "bank_code": None, "number": None,
                                "drawer_id": None, "drawer_name": None, "auth_code": f"AU{a}-{n}" if kind == "card" else None,
                                "terminal_ref": None, "last4": "4242" if kind == "card" else None, "brand": None})
            manifest = {"currency": "DOP", "seq_from": 1, "seq_to": payments + 1, "receipt_from": 1, "receipt_to": payments,
                        "counts": {k: {"count": v[0], "total": v[1]} for k, v in counts.items()}, "voids": {"count": 0, "total": 0},
                        "expected": {k: v[1] for k, v in counts.items()}, "counted": {k: v[1] for k, v in counts.items()},
                        "over_short": {k: 0 for k in counts}}
            items.append(item(payments + 2, "shift_close", manifest))
            conn.execute(insert(Item), items)
            ids = conn.execute(insert(Tender).returning(Tender.id, Tender.kind, Tender.amount, Tender.auth_code), tenders).all()
            for tid, kind, amount, auth in ids:
                if kind == "card":
                    settlements.append({"fingerprint": f"{a}-{tid}", "agent_id": agent, "business_date": business_date,
                                        "settled_on": business_date, "auth_code": auth, "terminal_ref": "", "last4": "4242",
                                        "brand": "visa", "amount": amount, "currency": "DOP", "tender_id": tid, "imported_at": T0})
            if settlements:
                conn.execute(insert(CardSettlement), settlements)
            conn.execute(insert(Deposit), [
                {"agent_id": agent, "business_date": business_date, "bank": "BHD", "reference": f"{agent}-{k}", "amount": counts[k][1],
                 "currency": "DOP", "tender": k, "source": "statement", "status": "matched", "value_date": business_date,
                 "declared_amount": None, "fingerprint": f"{agent}-{k}", "journal_id": None, "created_by": "bench", "created_at": T0}
                for k in ("cash", "cheque") if counts[k][1]])
            written += len(items)
    return written


def reconcile_day_s(url: str, agents: int = 1000, payments: int = 300) -> dict[str, Any]:
    migrate(url)
    engine = make_engine(url)
    try:
        written = seed_day(engine, agents, payments)
        started = time.perf_counter()
        report = reconcile(engine, T0 + timedelta(days=3), business_date=BUSINESS_DATE, close_first=False)
        took = time.perf_counter() - started
        reconciled = sum(1 for s in report.windows.values() if s == RECONCILED)
        return {"seconds": took, "agents": agents, "payments": agents * payments, "items": written, "reconciled": reconciled,
                "exceptions": report.exceptions_opened}
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="an EMPTY database URL (it gets migrated and filled)")
    parser.add_argument("--agents", type=int, default=1000)
    parser.add_argument("--payments", type=int, default=300)
    args = parser.parse_args()
    print(json.dumps(reconcile_day_s(args.db, args.agents, args.payments)))


if __name__ == "__main__":
    main()
