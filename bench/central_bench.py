"""The central ledger service and terminal sync, with real HTTP on loopback.

Every figure is taken against ``ventanilla central serve --workers N`` (one
uvicorn worker per core, as docs/central.md advises; N is in each note)
started as a subprocess on a free loopback port:

* ``central_ingest_sqlite_per_s`` / ``central_ingest_pg_per_s``: 100,000
  payments sent by 20 enrolled terminals at once (5 batches of 1,000 each,
  signed, sealed and hash-chained with seq 1..5,000) to 200,000 accounts drawn
  at random (SQLite holds the 1,000,000-account book, PostgreSQL the first
  200,000 of it: its import of 1M takes over 3 minutes here).  Baseline: the
  same 100,000 ``items`` rows inserted with ``executemany`` through the same
  driver (sqlite3 / psycopg) into a table with the same columns and keys, one
  transaction per 1,000 rows.  A 503 (database busy) or 409 is retried after
  ``Retry-After`` as a terminal would, and counted in the note.
* ``central_batch_p99_ms``: one terminal sends 100 batches of 500 payments one
  after the other (SQLite central); p99 of the round trips.
* ``sync_drain_100k_s``: a real terminal store (``build_terminal``, enrolled
  with ``ventanilla enroll``'s code path) drains 100,000 outbox items with
  ``SyncService.push_all``.  The backlog (a real shift_open, then payments) is
  written in one transaction instead of through ``take_cash_payment`` (which
  takes minutes for 100,000): payment, allocation and tender rows as the
  counter stores them, and each item sealed as ``journal.enqueue_item`` seals
  it (canonical JSON, chain, counters), so the store's integrity checks pass.
* ``snapshot_1m_accounts_s``: a fresh enrolled terminal's first
  ``SyncService.pull_snapshot`` of the 1,000,000 accounts (pages of 5,000).
  Past 240 s (twice the target) the pull stops and the figure is extrapolated
  from the accounts applied so far, with a note saying so; the drain likewise
  past 120 s.

``quick=True`` divides every load by 10 (note "quick").  Without a reachable
PostgreSQL the pg metric is skipped with a printed note.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench.common import Metric, p99
from bench.central_load import (
    RETRIES,
    ROOT,
    CentralProcess,
    Chain,
    Enrolled,
    enroll,
    item_rows,
    payments_for,
    pg_baseline,
    pg_dsn,
    post_batch,
    prepare_batch,
    schema_url,
    send_concurrently,
    sqlite_baseline,
    write_book,
)

TERMINALS = 20
WORKERS = os.cpu_count() or 1  # one server process per core
INGEST_BATCH = 1000
AGENTS = ("AG001", "AG002", "AG003", "AG004", "AG005")
SNAPSHOT_CAP_S = 240.0  # twice the target: past it the snapshot figure is extrapolated
DRAIN_CAP_S = 120.0  # likewise for the drain


def _say(msg: str) -> None:
    print(f"[central] {msg}", flush=True)


def _cli(db_url: str, *args: str, timeout: float = 1800) -> str:
    r = subprocess.run(
        [sys.executable, "-m", "ventanilla", "central", *args, "--db", db_url],
        capture_output=True, text=True, cwd=ROOT, timeout=timeout,
    )
    if r.returncode != 0:
        raise RuntimeError(f"ventanilla central {args[0]} failed: {r.stderr.strip()[-500:]}")
    return r.stdout


def _setup_central(db_url: str, accounts_csv: Path, documents_csv: Path, extra_terminals: list[str],
                   analyze: Any = None) -> dict[str, str]:
    """Schema, agents, terminals (name -> one-time code) and the book imported with ``import-accounts``."""
    from central import admin
    from central.db import make_engine, migrate

    migrate(db_url)
    engine = make_engine(db_url)
    codes: dict[str, str] = {}
    try:
        for agent in AGENTS:
            admin.add_agent(engine, agent, f"Estafeta {agent}")
        for i in range(TERMINALS):  # AG001-T01 .. AG005-T04, the same ids on every database
            codes[f"ingest-{i}"] = admin.add_terminal(engine, AGENTS[i % len(AGENTS)], f"Caja {i + 1}")[1]
        for name in extra_terminals:
            codes[name] = admin.add_terminal(engine, AGENTS[0], name)[1]
    finally:
        engine.dispose()
    t = time.perf_counter()
    if analyze is None:
        _cli(db_url, "import-accounts", "--accounts", str(accounts_csv), "--documents", str(documents_csv))
    else:
        # PostgreSQL: ANALYZE between the two files.  Without statistics the planner
        # seq-scans the fresh accounts table for import_documents' locking query
        # (a generic plan over thousands of IN parameters): hours for 1M accounts.
        _cli(db_url, "import-accounts", "--accounts", str(accounts_csv))
        analyze()
        _cli(db_url, "import-accounts", "--documents", str(documents_csv))
        analyze()
    _say(f"import-accounts of the book: {time.perf_counter() - t:.1f} s")
    return codes


def _ingest(url: str, terms: list[Enrolled], streams: dict[str, list[dict[str, Any]]]) -> tuple[float, str]:
    """Payments per second of the 20 terminals sending at once."""
    sent_at = datetime.now(timezone.utc)
    work = []
    for term in terms:
        items = streams[term.terminal_id]
        work.append((term, [prepare_batch(term.terminal_id, items[i:i + INGEST_BATCH], sent_at)
                            for i in range(0, len(items), INGEST_BATCH)]))
    total = sum(len(v) for v in streams.values())
    RETRIES.clear()
    elapsed, statuses, latencies = send_concurrently(url, work)
    accepted = statuses.get("created", 0) + statuses.get("accepted_flagged", 0)
    retried = ", ".join(f"{n} x HTTP {code}" for code, n in sorted(RETRIES.items()))
    _say(f"  {total:,} payments in {elapsed:.1f} s = {total / elapsed:,.0f}/s; statuses {statuses}; "
         f"batch round trip median {sorted(latencies)[len(latencies) // 2]:.0f} ms, max {max(latencies):.0f} ms"
         + (f"; retried {retried}" if retried else ""))
    if accepted != total:
        raise RuntimeError(f"only {accepted} of {total} payments were accepted: {statuses}")
    return total / elapsed, (f"batches retried: {retried}" if retried else "")


def _batch_p99(url: str, term: Enrolled, batches: int, size: int, accounts: int, rng: random.Random) -> float:
    chain = Chain(term.terminal_id)
    now = datetime.now(timezone.utc)
    prepared = [prepare_batch(term.terminal_id, payments_for(chain, size, accounts, rng, now), now) for _ in range(batches)]
    import requests

    http = requests.Session()
    samples = []
    try:
        for b in prepared:
            t = time.perf_counter()
            counts = post_batch(http, url, term, b)
            samples.append((time.perf_counter() - t) * 1000)
            if counts.get("created", 0) + counts.get("accepted_flagged", 0) != size:
                raise RuntimeError(f"p99 batch not accepted: {counts}")
    finally:
        http.close()
    _say(f"  {batches} batches of {size}: median {sorted(samples)[len(samples) // 2]:.0f} ms, "
         f"p99 {p99(samples):.0f} ms, max {max(samples):.0f} ms")
    return p99(samples)


def _terminal(home: Path, url: str, code: str, name: str):  # type: ignore[no-untyped-def]
    """A real terminal store, enrolled the way ``ventanilla enroll`` does it."""
    import contextlib
    import io

    from app.services.auth import Argon2PinHasher
    from ventanilla import cli
    from ventanilla.bootstrap import build_terminal
    from ventanilla.paths import resolve

    paths = resolve(home)
    build_terminal(paths, hasher=Argon2PinHasher.cheap()).close()
    with contextlib.redirect_stdout(io.StringIO()):
        if cli.enroll(paths, url, code, name) != 0:
            raise RuntimeError(f"enrolment of {name} failed")
    return build_terminal(paths, hasher=Argon2PinHasher.cheap())


def _write_backlog(terminal: Any, n: int, accounts: int, rng: random.Random) -> None:
    """``n`` outbox items: a real shift_open (ShiftService), then ``n - 1`` payments written in one
    transaction as the counter writes them (payment, allocation and tender rows, and the item sealed
    as ``journal.enqueue_item`` seals it: canonical JSON, chain, counters)."""
    from sqlalchemy import insert, update

    from app.domain.timeutil import to_text
    from app.storage.models import AllocationRow, OutboxRow, PaymentRow, TenderRow, TerminalStateRow
    from sync.wire import canonical_json

    terminal.auth.add_user("bench", "Bench", "cashier", "1234")
    session = terminal.shifts.open_shift(terminal.auth.login("bench", "1234"), {100000: 5})
    with terminal.uow() as uow:
        counters = uow.terminal.counters()
    assert counters.last_seq == 1 and not counters.terminal_id.startswith("LOCAL-"), counters
    chain = Chain(counters.terminal_id, seq=counters.last_seq, head=counters.chain_head,
                  receipt_no=counters.last_receipt_no, shift_id=session.shift_id)
    now = datetime.now(timezone.utc)
    items = payments_for(chain, n - 1, accounts, rng, now)
    stamp = to_text(now)
    payments, allocations, tenders, outbox = [], [], [], []
    for it in items:
        payments.append({
            "payment_id": it["id"], "receipt_no": it["receipt_no"], "seq": it["seq"], "shift_id": it["shift_id"],
            "cashier_id": it["cashier_id"], "account_id": it["account_id"], "account_name": "Cliente",
            "biller_id": it["biller_id"], "currency": it["currency"], "amount_minor": it["amount"],
            "discount_minor": it["discount"], "balance_before_minor": it["balance_before"],
            "balance_as_of": it["balance_as_of"], "offline": it["offline"], "occurred_at": it["occurred_at"],
            "business_date": it["business_date"], "status": "posted", "print_count": 0,
        })
        allocations.extend({"payment_id": it["id"], "document_id": a["document_id"], "amount_minor": a["amount"]}
                           for a in it["allocations"])
        tenders.extend({"payment_id": it["id"], "kind": t["kind"], "amount_minor": t["amount"],
                        "received_minor": t["received"], "change_minor": t["change"], "details": "{}"}
                       for t in it["tenders"])
        outbox.append({"seq": it["seq"], "item_id": it["id"], "type": it["type"], "body": canonical_json(it),
                       "hash": it["hash"], "created_at": stamp, "state": "pending", "attempts": 0})
    with terminal.engine.begin() as conn:
        conn.execute(insert(PaymentRow.__table__), payments)
        conn.execute(insert(AllocationRow.__table__), allocations)
        conn.execute(insert(TenderRow.__table__), tenders)
        conn.execute(insert(OutboxRow.__table__), outbox)
        conn.execute(
            update(TerminalStateRow.__table__)
            .where(TerminalStateRow.__table__.c.id == 1)
            .values(last_seq=chain.seq, chain_head=chain.head, last_receipt_no=chain.receipt_no)
        )


def _drain(terminal: Any, cap_s: float) -> tuple[float, str]:
    """Seconds to drain the outbox with ``push_all``; past ``cap_s`` the rest is extrapolated (and said so)."""
    svc = terminal.sync_service(timeout=300)
    pending = svc.status().pending
    t = time.perf_counter()
    acked = quarantined = 0
    while True:
        reports = svc.push_all(max_batches=5)
        acked += sum(r.acknowledged for r in reports)
        quarantined += sum(r.quarantined for r in reports)
        elapsed = time.perf_counter() - t
        if not reports or reports[-1].remaining == 0 or reports[-1].sent == 0:
            break
        if elapsed > cap_s and acked:
            estimate = elapsed * pending / acked
            _say(f"  drain: stopped at the {cap_s:.0f} s cap after {acked:,} of {pending:,} items "
                 f"({acked / elapsed:,.0f}/s); all would take ~{estimate:.0f} s")
            return estimate, f"extrapolated: {acked:,} items acknowledged in {elapsed:.0f} s, then stopped"
    left = svc.status().pending
    _say(f"  drained {pending:,} items in {elapsed:.1f} s ({pending / elapsed:,.0f}/s): acked {acked:,}, "
         f"quarantined {quarantined}, left {left}")
    if left or quarantined:
        raise RuntimeError(f"drain incomplete: {left} pending, {quarantined} quarantined")
    return elapsed, ""


def _snapshot(terminal: Any, accounts: int, cap_s: float) -> tuple[float, str]:
    """Seconds for the first full snapshot; past ``cap_s`` the rest is extrapolated (and said so).

    ``pull_snapshot`` is called in rounds of 20 pages; it keeps its cursor in the
    store after every page, so the rounds pull exactly what one call would.
    """
    svc = terminal.sync_service(timeout=300)
    pages = 20
    applied = 0
    t = time.perf_counter()
    while True:
        got = svc.pull_snapshot(max_pages=pages)
        applied += got
        elapsed = time.perf_counter() - t
        if got < pages * 5000:
            break
        if elapsed > cap_s and applied < accounts:
            estimate = elapsed * accounts / applied
            _say(f"  snapshot: stopped at the {cap_s:.0f} s cap after {applied:,} accounts "
                 f"({applied / elapsed:,.0f}/s); {accounts:,} would take ~{estimate:.0f} s")
            return estimate, f"extrapolated: {applied:,} accounts applied in {elapsed:.0f} s, then stopped"
    _say(f"  snapshot: {applied:,} accounts applied in {elapsed:.1f} s ({applied / elapsed:,.0f}/s)")
    if applied < accounts:
        raise RuntimeError(f"snapshot applied {applied} accounts, expected {accounts}")
    return elapsed, ""


def _enroll_all(url: str, codes: dict[str, str]) -> list[Enrolled]:
    return [enroll(url, codes[f"ingest-{i}"], f"Caja {i + 1}") for i in range(TERMINALS)]


def run(quick: bool = False) -> list[Metric]:
    scale = 10 if quick else 1
    accounts = 1_000_000 // scale
    active = accounts // 5  # the ingest pays accounts 1..active; PostgreSQL gets that part of the book
    ingest_n = 100_000 // scale
    drain_n = 100_000 // scale
    p99_batches = 100 // (5 if quick else 1)
    note = ("quick; " if quick else "") + f"{WORKERS} server process(es)"
    rng = random.Random(7)
    tmp = Path(tempfile.mkdtemp(prefix="ventanilla-central-bench-"))
    metrics: list[Metric] = []

    def metric(name: str, value: float, unit: str, target: float, baseline: float | None = None,
               ratio_target: float | None = None, higher: bool = False, extra: str = "") -> None:
        text = "; ".join(x for x in (note, extra) if x)
        metrics.append(Metric(name, value, unit, target, baseline, ratio_target, higher, text))

    try:
        t0 = time.perf_counter()
        accounts_csv, documents_csv = write_book(tmp / "book", accounts)
        _say(f"book of {accounts:,} accounts written in {time.perf_counter() - t0:.1f} s ({tmp})")

        # the same 100,000 payments for both databases: terminal ids are AG00x-T0y on each
        from central.db import make_engine  # noqa: F401 - fail early when central is missing

        ids = [f"{AGENTS[i % len(AGENTS)]}-T{i // len(AGENTS) + 1:02d}" for i in range(TERMINALS)]
        now = datetime.now(timezone.utc)
        t0 = time.perf_counter()
        streams = {tid: payments_for(Chain(tid), ingest_n // TERMINALS, active, rng, now) for tid in ids}
        _say(f"{ingest_n:,} ingest payments sealed in {time.perf_counter() - t0:.1f} s")

        # -- SQLite ----------------------------------------------------------------
        sqlite_url = f"sqlite:///{tmp / 'central.db'}"
        codes = _setup_central(sqlite_url, accounts_csv, documents_csv, ["p99", "drain", "snapshot"])
        with CentralProcess(sqlite_url, tmp / "central-sqlite.log", workers=WORKERS) as central:
            _say(f"central on SQLite at {central.url} (pid {central.pid})")
            terms = _enroll_all(central.url, codes)
            assert [t.terminal_id for t in terms] == ids, [t.terminal_id for t in terms]
            _say(f"ingest: {TERMINALS} terminals x {ingest_n // TERMINALS:,} payments, batches of {INGEST_BATCH}")
            ours, retried = _ingest(central.url, terms, streams)
            batches = [(f"b{i}", streams[tid][j:j + INGEST_BATCH]) for i, tid in enumerate(ids)
                       for j in range(0, len(streams[tid]), INGEST_BATCH)]
            base = sqlite_baseline(tmp / "baseline.db", item_rows(batches, naive_text=True))
            _say(f"  baseline sqlite3 executemany: {base:,.0f} rows/s")
            metric("central_ingest_sqlite_per_s", ours, "payments/s", 5000.0, base, 0.3, True,
                   f"{TERMINALS} terminals at once, batches of {INGEST_BATCH}; baseline: sqlite3 executemany of the "
                   "same items rows, a transaction per 1,000" + (f"; {retried}" if retried else ""))

            _say(f"batch latency: {p99_batches} batches of 500, one after the other")
            p99_term = enroll(central.url, codes["p99"], "p99")
            value = _batch_p99(central.url, p99_term, p99_batches, 500, accounts, rng)
            metric("central_batch_p99_ms", value, "ms", 500.0, extra=f"p99 of {p99_batches} batches of 500, SQLite central")

            _say(f"drain: one terminal, {drain_n:,} outbox items")
            terminal = _terminal(tmp / "drain-terminal", central.url, codes["drain"], "drain")
            try:
                _write_backlog(terminal, drain_n, accounts, rng)
                drain_s, how = _drain(terminal, DRAIN_CAP_S / scale)
            finally:
                terminal.close()
            metric("sync_drain_100k_s", drain_s, "s", 60.0,
                   extra="; ".join(x for x in (f"{drain_n:,} items (backlog written in one transaction: rows + sealed "
                                               "items, as the counter writes them)", how) if x))

            _say(f"snapshot: first pull of {accounts:,} accounts")
            terminal = _terminal(tmp / "snapshot-terminal", central.url, codes["snapshot"], "snapshot")
            try:
                snap_s, how = _snapshot(terminal, accounts, SNAPSHOT_CAP_S / scale)
            finally:
                terminal.close()
            metric("snapshot_1m_accounts_s", snap_s, "s", 120.0,
                   extra="; ".join(x for x in (f"{accounts:,} accounts, SQLite central", how) if x))

        # -- PostgreSQL --------------------------------------------------------------
        dsn, why = pg_dsn()
        if dsn is None:
            print(f"[central] central_ingest_pg_per_s skipped: PostgreSQL not reachable ({why})", flush=True)
        else:
            import psycopg

            schema = f"bench_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute(f"CREATE SCHEMA {schema}")
            try:
                pg_url = schema_url(dsn, schema)
                def analyze() -> None:
                    with psycopg.connect(dsn, autocommit=True) as conn:
                        conn.execute(f"SET search_path TO {schema}")
                        conn.execute("ANALYZE")

                pg_accounts, pg_documents = write_book(tmp / "book-pg", active)
                codes = _setup_central(pg_url, pg_accounts, pg_documents, [], analyze)
                with CentralProcess(pg_url, tmp / "central-pg.log", workers=WORKERS) as central:
                    _say(f"central on PostgreSQL at {central.url} (pid {central.pid}, schema {schema})")
                    terms = _enroll_all(central.url, codes)
                    assert [t.terminal_id for t in terms] == ids
                    _say(f"ingest: {TERMINALS} terminals x {ingest_n // TERMINALS:,} payments, batches of {INGEST_BATCH}")
                    ours, retried = _ingest(central.url, terms, streams)
                base = pg_baseline(dsn, schema, item_rows(batches, naive_text=False))
                _say(f"  baseline psycopg executemany: {base:,.0f} rows/s")
                metric("central_ingest_pg_per_s", ours, "payments/s", 5000.0, base, 0.3, True,
                       f"{TERMINALS} terminals at once, batches of {INGEST_BATCH}; baseline: psycopg executemany of the "
                       "same items rows, a transaction per 1,000" + (f"; {retried}" if retried else ""))
            finally:
                with psycopg.connect(dsn, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return metrics
