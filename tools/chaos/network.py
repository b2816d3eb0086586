"""Campaign 2: a hostile network.

Many real terminals (each its own SQLite store, driven through its services)
take payments and sync with a real central through the fault proxy
(tools/chaos/proxy.py): dropped requests, dropped responses, duplicates,
late replays (reordering), delays and 502s.  At the end, still through the
proxy, every terminal drains its queue and pulls the snapshot; then:

* every terminal's store verifies (gapless, chains, one item per payment);
* no item was quarantined or answered ``exists_with_different_fields``;
* central holds exactly each terminal's items (ids, seq, hash), and each
  terminal's seq head and chain head;
* every account's balance is the same at every terminal and at central;
* the central ledger balances and its debtor balances agree with its documents.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tools.chaos import common
from tools.chaos.common import CampaignResult, Log
from tools.chaos.proxy import FaultProxy

#: the issue's mix: 20 % dropped requests, 20 % dropped responses, duplicates, reordering and 502s
RATES = {
    "drop_request": 0.20,
    "drop_response": 0.20,
    "duplicate": 0.04,
    "replay_later": 0.04,
    "delay": 0.04,
    "bad_gateway": 0.04,
    "bad_gateway_after": 0.04,
}


@dataclass(frozen=True)
class NetworkSize:
    terminals: int
    payments: int
    accounts: int


OPEN_LOCK = threading.Lock()

SIZES = {"short": NetworkSize(5, 100, 300), "long": NetworkSize(50, 2000, 3000)}


def run(size: str, workdir: Path, log: Log = common.stdout_log, seed: int = 1123, rates: dict[str, float] | None = None) -> CampaignResult:
    cfg = SIZES[size]
    result = CampaignResult("hostile network", size)
    started = time.monotonic()
    world = common.make_world(workdir, accounts=cfg.accounts)
    proxy = FaultProxy(world.central.url, rates or RATES, seed=seed).start()
    try:
        homes = []
        for n in range(cfg.terminals):
            home = workdir / f"t{n:02d}"
            common.new_terminal(world, home, name=f"Caja {n + 1}")
            homes.append(home)
        accounts = common.payable_accounts(homes[0] / "store.db", 10_000)
        log(f"network: {cfg.terminals} terminals × {cfg.payments} payments through {proxy.url} -> {world.central.url}, rates {rates or RATES}")
        errors: list[str] = []
        stats = {"pushes tried": 0, "pushes failed": 0, "pulls failed": 0}
        lock = threading.Lock()

        def terminal(n: int, home: Path) -> None:
            try:
                _drive(n, home, accounts, cfg.payments, proxy.url, seed, stats, lock)
            except Exception as e:  # noqa: BLE001 - reported as a failure of the campaign
                errors.append(f"terminal {n}: {type(e).__name__}: {e}")

        threads = [threading.Thread(target=terminal, args=(n, h)) for n, h in enumerate(homes)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # every terminal has sent everything: now each pulls the snapshot (still through the proxy)
        for n, home in enumerate(homes):
            try:
                stats["pulls failed"] += _pull(home, proxy.url)
            except Exception as e:  # noqa: BLE001
                errors.append(f"terminal {n} pull: {type(e).__name__}: {e}")
        result.failures += errors
        result.attempts = cfg.terminals * cfg.payments
        time.sleep(2.1)  # let the last late replays land before judging
        for fate, count in proxy.counts.items():
            if fate != "pass" and count:
                result.fault(fate, count)
        result.figures["requests through the proxy"] = sum(proxy.counts.values())
        result.figures.update(stats)
        _judge(result, world, homes)
    finally:
        proxy.stop()
        world.central.stop()
    result.seconds = time.monotonic() - started
    log(result.summary())
    return result


def _drive(n: int, home: Path, accounts: list[str], payments: int, url: str, seed: int, stats: dict, lock: threading.Lock) -> None:
    from app.domain.errors import DomainError
    from app.domain.money import Money

    rng = random.Random(seed * 1000 + n)
    with OPEN_LOCK:  # Alembic's start-up check is not thread-safe; a real terminal is one per process
        t = common.open_terminal(home)
    try:
        svc = common.sync_service(t, url, timeout=30)
        user = t.auth.login("ana", "1234")
        session = t.shifts.open_shift(user, {100000: 1})
        one = Money(Decimal("1.00"), "DOP")
        next_push = rng.randint(1, 15)
        for i in range(1, payments + 1):
            t.counter.take_cash_payment(session, rng.choice(accounts), one, amount=one)
            if i == next_push or i == payments:
                next_push = i + rng.randint(1, 15)
                try:
                    svc.push_all(max_batches=3)
                    failed = 0
                except DomainError:
                    failed = 1
                with lock:
                    stats["pushes tried"] += 1
                    stats["pushes failed"] += failed
        tries = common.drain(svc, attempts=500)
        with lock:
            stats["pushes tried"] += tries
    finally:
        t.close()


def _pull(home: Path, url: str) -> int:
    """Pull the snapshot through the faults; returns how many tries failed."""
    from app.domain.errors import DomainError

    t = common.open_terminal(home)
    try:
        svc = common.sync_service(t, url, timeout=30)
        for failed in range(200):
            try:
                svc.pull_snapshot()
                return failed
            except DomainError:
                time.sleep(0.02)
        raise RuntimeError("the snapshot never came through")
    finally:
        t.close()


def _judge(result: CampaignResult, world: common.World, homes: list[Path]) -> None:
    balances: dict[str, int] | None = None
    for n, home in enumerate(homes):
        where = f"terminal {n}"
        facts = common.check_terminal_store(result, home, where)
        con = sqlite3.connect(home / "store.db")
        answers = [json.loads(r) for (r,) in con.execute("select result from outbox where result is not null")]
        mine = dict(con.execute("select account_id, balance_minor from accounts"))
        con.close()
        odd = [a for a in answers if a.get("status") not in ("created", "exists", "accepted_flagged")]
        result.check(not odd, "no item quarantined or answered with different fields", f"{where}: {odd[:2]}")
        result.check(len(answers) == len(facts.get("outbox", {})), "every item answered", f"{where}: {len(answers)} answers")
        common.check_terminal_equals_central(result, home, world.db, where)
        if balances is None:
            balances = mine
        result.check(mine == balances, "every terminal shows the same balances", f"{where} differs from terminal 0")
    common.check_central_consistent(result, world.db, "after the campaign")
