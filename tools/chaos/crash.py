"""Campaign 1: crash and power loss.

Terminal: ``tools/chaos/crash_child.py`` takes payments, prints them on a TCP
printer, syncs with a real central and closes shifts; we SIGKILL it inside a
chosen phase (commit, between commit and print, printing, sync, shift close),
then reopen its store as a restart would and check:

* every payment whose commit returned is there once, with its receipt number;
* every receipt the printer printed is a payment in the store (same number, amount);
* receipt numbers and seq have no gaps; one item per payment; both hash chains verify;
* every shift announced closed is closed, with its ``shift_close`` item;
* every item the terminal holds as acknowledged is at central with the same hash,
  and central holds no item of this terminal that the terminal lacks;
* the central ledger balances; and, after a full sync, central equals the terminal.

Central: ``ventanilla central serve`` is SIGKILLed while it applies a batch
(the batch is whole or absent) and while the terminal pages the snapshot
(the terminal resumes from its cursor and ends equal to central).
"""

from __future__ import annotations

import random
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tools.chaos import common
from tools.chaos.common import CampaignResult, Log
from tools.chaos.printer import LoopbackPrinter

PHASES = ("commit", "between", "print", "sync", "close")
#: how long after a phase's marker the kill may land (seconds)
WINDOW = {"commit": 0.012, "between": 0.02, "print": 0.06, "sync": 0.05, "close": 0.015}


@dataclass(frozen=True)
class CrashSize:
    terminal_kills: int
    ingest_kills: int
    snapshot_kills: int
    accounts: int
    full_sync_every: int
    batch_payments: int


SIZES = {
    "short": CrashSize(terminal_kills=10, ingest_kills=2, snapshot_kills=2, accounts=300, full_sync_every=5, batch_payments=300),
    "long": CrashSize(terminal_kills=220, ingest_kills=12, snapshot_kills=12, accounts=3000, full_sync_every=10, batch_payments=1000),
}


def run(size: str, workdir: Path, log: Log = common.stdout_log, seed: int = 20261123) -> CampaignResult:
    cfg = SIZES[size]
    result = CampaignResult("crash and power loss", size)
    started = time.monotonic()
    rng = random.Random(seed)
    printer = LoopbackPrinter(print_seconds=0.04)
    world = common.make_world(workdir, accounts=cfg.accounts)
    try:
        home = workdir / "terminal"
        common.new_terminal(world, home, name="Caja 1", printer=printer.url)
        accounts = common.payable_accounts(home / "store.db", 60)
        log(f"crash: central at {world.central.url}, printer {printer.url}, {len(accounts)} accounts to pay")
        _terminal_kills(cfg, result, rng, world, home, accounts, printer, log)
        _ingest_kills(cfg, result, rng, world, home, accounts, log)
        _snapshot_kills(cfg, result, rng, world, home, log)
        result.figures["printed receipts seen"] = len(printer.printed_receipts())
        result.figures["print jobs cut off by a kill"] = printer.cut_off
    finally:
        world.central.stop()
        printer.close()
    result.seconds = time.monotonic() - started
    log(result.summary())
    return result


# -- the terminal ---------------------------------------------------------------------


def _terminal_kills(cfg, result, rng, world, home, accounts, printer, log) -> None:  # noqa: ANN001
    promised: dict[str, int] = {}
    closed: set[str] = set()
    landed: dict[str, int] = {}
    for k in range(cfg.terminal_kills):
        target = PHASES[k % len(PHASES)]
        nth = rng.randint(1, 2)
        delay = rng.uniform(0, WINDOW[target])
        lines, why = _kill_in_phase(home, accounts, target, nth, delay)
        if why:
            result.failures.append(f"kill {k}: {why}")
            continue
        result.attempts += 1
        result.fault(f"SIGKILL terminal in {target}")
        last = next((ln.split()[0] + (" " + ln.split()[1] if ln.startswith("enter") else "") for ln in reversed(lines)
                     if ln.split() and ln.split()[0] in ("enter", "paid", "printed", "synced", "sync_failed", "closed", "opened")), "?")
        landed[last] = landed.get(last, 0) + 1
        for ln in lines:
            parts = ln.split()
            if parts[:1] == ["paid"]:
                promised[parts[1]] = int(parts[2])
            elif parts[:1] == ["closed"]:
                closed.add(parts[1])
        where = f"kill {k} ({target}, last said '{last}')"
        facts = common.check_terminal_store(result, home, where)
        if not facts:
            continue
        payments = facts["payments"]
        lost = [p for p, r in promised.items() if payments.get(p, (None,))[0] != r]
        result.check(not lost, "no committed payment lost", f"{where}: {len(lost)} lost, e.g. {lost[:2]}")
        printed = printer.printed_receipts()
        ghost = [(p, r, a) for p, r, a in printed if payments.get(p, (None, None))[:2] != (r, a)]
        result.check(not ghost, "printed receipts exist in the store", f"{where}: {ghost[:2]}")
        uncounted = [r for p, r, _ in printed if payments.get(p, (None, None, 0))[2] < 1]
        result.check(not uncounted, "a printed receipt is counted: the next print is a COPIA",
                     f"{where}: receipts {sorted(set(uncounted))[:5]} printed with print_count 0")
        shifts = dict(facts["shifts"])
        not_closed = [s for s in closed if shifts.get(s) != "closed"]
        result.check(not not_closed, "announced shift closes kept", f"{where}: {not_closed}")
        close_items = {b["shift_id"] for b in facts["bodies"].values() if b["type"] == "shift_close"}
        result.check(close_items == {s for s, st in shifts.items() if st == "closed"}, "closed shift ⇔ shift_close item",
                     f"{where}: items {sorted(close_items)} shifts {shifts}")
        result.check(sum(st == "open" for st in shifts.values()) <= 1, "at most one open shift", f"{where}: {shifts}")
        remote = common.central_items(world.db, facts["terminal_id"])
        acked = {i: v for i, v in facts["outbox"].items() if v[2] == "acked"}
        lost_acked = [i for i, (seq, h, _) in acked.items() if remote.get(i) != (seq, h)]
        result.check(not lost_acked, "acknowledged items are at central", f"{where}: {lost_acked[:2]}")
        phantom = [i for i in remote if facts["outbox"].get(i, (None, None))[:2] != remote[i]]
        result.check(not phantom, "central holds nothing the terminal lacks", f"{where}: {phantom[:2]}")
        if (k + 1) % cfg.full_sync_every == 0 or k == cfg.terminal_kills - 1:
            _full_sync_and_compare(result, world, home, where)
        if k % 10 == 0:
            log(f"crash: kill {k + 1}/{cfg.terminal_kills} in {target}: {len(promised)} payments promised so far")
    result.figures["terminal kills landed after"] = dict(sorted(landed.items()))
    result.figures["payments promised by killed processes"] = len(promised)
    result.figures["shifts closed by killed processes"] = len(closed)
    result.figures["receipts counted but never printed (killed before the printer took them)"] = _counted_not_printed(home, printer)


def _kill_in_phase(home: Path, accounts: list[str], target: str, nth: int, delay: float) -> tuple[list[str], str]:
    child = subprocess.Popen(
        [common.PYTHON, "-m", "tools.chaos.crash_child", str(home), ",".join(accounts)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=common.env(), cwd=common.ROOT,
    )
    assert child.stdout is not None
    lines: list[str] = []
    seen = 0
    timer = threading.Timer(60, child.kill)  # a child that hangs is killed too, and reported
    timer.start()
    try:
        for line in child.stdout:
            line = line.strip()
            lines.append(line)
            if line.split()[:2] == ["enter", target]:
                seen += 1
                if seen == nth:
                    time.sleep(delay)
                    child.send_signal(signal.SIGKILL)
                    break
        out, err = child.communicate(timeout=30)
    finally:
        timer.cancel()
    lines += [ln.strip() for ln in out.splitlines() if ln.strip()]
    if seen < nth:
        return lines, f"the child never reached '{target}' (exit {child.returncode}): {err[-500:]}"
    if child.returncode != -signal.SIGKILL:
        return lines, f"the child ended by itself ({child.returncode}) before the kill: {err[-500:]}"
    return lines, ""


def _counted_not_printed(home: Path, printer: LoopbackPrinter) -> int:
    """The price of counting first: these come out as COPIA though no original reached paper."""
    import sqlite3

    con = sqlite3.connect(home / "store.db")
    counted = {p for (p,) in con.execute("select payment_id from payments where print_count > 0")}
    con.close()
    return len(counted - {p for p, _, _ in printer.printed_receipts()})


def _full_sync_and_compare(result: CampaignResult, world, home: Path, where: str) -> None:  # noqa: ANN001
    t = common.open_terminal(home)
    try:
        svc = common.sync_service(t)
        common.drain(svc)
        svc.pull_snapshot()
    finally:
        t.close()
    common.check_terminal_equals_central(result, home, world.db, f"{where}, after a full sync")
    common.check_central_consistent(result, world.db, f"{where}, after a full sync")


# -- central --------------------------------------------------------------------------


def _take_payments(home: Path, accounts: list[str], n: int) -> None:
    from app.domain.money import Money

    t = common.open_terminal(home)
    try:
        user = t.auth.login("ana", "1234")
        session = t.shifts.current(user) or t.shifts.open_shift(user, {100000: 1})
        one = Money(Decimal("1.00"), "DOP")
        rng = random.Random(n)
        for _ in range(n):
            t.counter.take_cash_payment(session, rng.choice(accounts), one, amount=one)
    finally:
        t.close()


def _ingest_kills(cfg, result, rng, world, home, accounts, log) -> None:  # noqa: ANN001
    from app.domain.errors import DomainError
    from app.services import sync as sync_module

    for k in range(cfg.ingest_kills):
        _take_payments(home, accounts, cfg.batch_payments)
        t = common.open_terminal(home)
        try:
            svc = common.sync_service(t, timeout=60)
            terminal_id = t.sync_service().transport.terminal_id
            before = len(common.central_items(world.db, terminal_id))
            pending = svc.status().pending
            outcome: list[str] = []

            def push() -> None:
                try:
                    outcome.append(f"acked {svc.push_once().acknowledged}")
                except DomainError as e:
                    outcome.append(e.code)

            sender = threading.Thread(target=push)
            sender.start()
            # a full batch takes central a few tenths of a second to apply on 2 cores; land anywhere in it
            time.sleep(rng.uniform(0.02, 0.5))
            world.central.kill()
            sender.join(90)
            result.attempts += 1
            result.fault("SIGKILL central during batch ingest")
            after = len(common.central_items(world.db, terminal_id))
            sent = min(pending, sync_module.MAX_ITEMS)  # the terminal's own batch size (it may change)
            result.check(after - before in (0, sent), "a batch is whole or absent after a central kill",
                         f"ingest kill {k}: {after - before} of {sent} items recorded")
            common.check_central_consistent(result, world.db, f"ingest kill {k} (before restart)")
            world.central.start()
            common.drain(svc)
            svc.pull_snapshot()
        finally:
            t.close()
        common.check_terminal_equals_central(result, home, world.db, f"ingest kill {k}, after restart and sync")
        common.check_central_consistent(result, world.db, f"ingest kill {k}, after restart")
        log(f"crash: central killed during ingest {k + 1}/{cfg.ingest_kills}: {after - before} of {sent} recorded, push {outcome}")


def _snapshot_kills(cfg, result, rng, world, home, log) -> None:  # noqa: ANN001
    import app.services.sync as sync_service_module
    from app.domain.errors import DomainError

    page = sync_service_module.SNAPSHOT_PAGE
    sync_service_module.SNAPSHOT_PAGE = 25  # many pages, so the kill lands between and inside them
    try:
        for k in range(cfg.snapshot_kills):
            t = common.open_terminal(home)
            try:
                with t.uow() as uow:
                    uow.values.set("snapshot_cursor", "")  # page through everything again
                    uow.commit()
                svc = common.sync_service(t, timeout=10)
                outcome: list[str] = []

                def pull() -> None:
                    try:
                        outcome.append(f"applied {svc.pull_snapshot()}")
                    except DomainError as e:
                        outcome.append(e.code)

                puller = threading.Thread(target=pull)
                puller.start()
                time.sleep(rng.uniform(0.02, 0.6))
                world.central.kill()
                puller.join(60)
                result.attempts += 1
                result.fault("SIGKILL central during snapshot paging")
                world.central.start()
                svc.pull_snapshot()
            finally:
                t.close()
            common.check_terminal_store(result, home, f"snapshot kill {k}")
            common.check_terminal_equals_central(result, home, world.db, f"snapshot kill {k}, after resuming the pull")
            log(f"crash: central killed during snapshot paging {k + 1}/{cfg.snapshot_kills}: first pull {outcome}")
    finally:
        sync_service_module.SNAPSHOT_PAGE = page
