"""Campaign 5: load.  Many terminals sync at once against central on PostgreSQL.

Each simulated terminal (a thread with its own HTTP session) builds sealed,
chained payment items for real debtor accounts and posts them in signed
batches, back to back, for the whole run.  Measured: items and batches per
second, batch latency (p50, p99), errors (any non-200, or any item not
``created`` / ``accepted_flagged``: must be 0), the service's RSS after
warm-up and at the end (growth at most 10 %).  Afterwards the ledger must
balance and every terminal's items must be at central, gapless.

PostgreSQL: ``VENTANILLA_TEST_PG_URL``, else the local Debian cluster (started
when run as root), in a fresh schema dropped afterwards.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import requests

from tools.chaos import common
from tools.chaos.common import CampaignResult, Log

WORKERS = os.cpu_count() or 1

PG_ROLE = PG_PASSWORD = PG_DB = "ventanilla_central_test"
LOCAL_PG_URL = f"postgresql+psycopg://{PG_ROLE}:{PG_PASSWORD}@127.0.0.1:5432/{PG_DB}"


@dataclass(frozen=True)
class LoadSize:
    terminals: int
    seconds: float
    batch_items: int
    accounts: int


SIZES = {"short": LoadSize(20, 20, 20, 500), "long": LoadSize(200, 300, 20, 5000)}


class PostgresUnavailable(RuntimeError):
    pass


def _reachable(url: str) -> str | None:
    import psycopg

    try:
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as e:  # noqa: BLE001
        return (str(e).strip().splitlines() or [type(e).__name__])[0]


def postgres_server() -> str:
    url = os.environ.get("VENTANILLA_TEST_PG_URL")
    if url:
        problem = _reachable(url)
        if problem is None:
            return url if url.startswith("postgresql+psycopg://") else url.replace("postgresql://", "postgresql+psycopg://", 1)
        raise PostgresUnavailable(f"VENTANILLA_TEST_PG_URL unreachable: {problem}")
    if _reachable(LOCAL_PG_URL) is None:
        return LOCAL_PG_URL
    if os.geteuid() == 0 and shutil.which("pg_ctlcluster"):
        subprocess.run(["pg_ctlcluster", "15", "main", "start"], capture_output=True, timeout=60)

        def psql(sql: str) -> str:
            return subprocess.run(["su", "postgres", "-c", f'psql -v ON_ERROR_STOP=1 -qAt -c "{sql}"'],
                                  capture_output=True, text=True, timeout=60).stdout.strip()

        if psql(f"SELECT 1 FROM pg_roles WHERE rolname='{PG_ROLE}'") != "1":
            psql(f"CREATE ROLE {PG_ROLE} LOGIN PASSWORD '{PG_PASSWORD}'")
        if psql(f"SELECT 1 FROM pg_database WHERE datname='{PG_DB}'") != "1":
            psql(f"CREATE DATABASE {PG_DB} OWNER {PG_ROLE}")
    problem = _reachable(LOCAL_PG_URL)
    if problem is None:
        return LOCAL_PG_URL
    raise PostgresUnavailable(f"no PostgreSQL reachable: {problem}")


def fresh_schema(server: str) -> tuple[str, str]:
    import psycopg

    schema = f"chaos_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server else "?"
    return f"{server}{sep}options=-csearch_path%3D{schema}", schema


def drop_schema(server: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(server.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


class SimTerminal:
    """A scripted terminal: sealed, chained payments in signed batches."""

    def __init__(self, base: str, terminal_id: str, secret: str, docs: list[tuple[str, str]], seed: int) -> None:
        from sync.wire import ZERO_HASH

        self.base, self.terminal_id, self.secret, self.docs = base, terminal_id, secret, docs
        self.seq, self.head, self.receipt = 0, ZERO_HASH, 0
        self.rng = random.Random(seed)
        self.http = requests.Session()
        self.ids: list[str] = []

    def batch(self, n: int) -> tuple[str, bytes, int]:
        from sync.wire import rfc3339, seal, uuid7

        now = datetime.now(timezone.utc)
        items = []
        for _ in range(n):
            self.seq += 1
            self.receipt += 1
            account, document = self.rng.choice(self.docs)
            amount = self.rng.randint(100, 5000)
            body = {"id": uuid7(), "type": "payment", "terminal_id": self.terminal_id, "seq": self.seq, "occurred_at": rfc3339(now),
                    "business_date": now.date().isoformat(), "shift_id": "LOAD", "cashier_id": "C01", "receipt_no": self.receipt,
                    "account_id": account, "biller_id": "LOAD", "currency": "DOP", "amount": amount, "discount": 0,
                    "allocations": [{"document_id": document, "amount": amount}],
                    "tenders": [{"kind": "cash", "amount": amount, "received": amount, "change": 0}],
                    "balance_before": None, "balance_as_of": None, "offline": False, "overrides": []}
            sealed = seal(body, self.head)
            self.head = sealed["hash"]
            items.append(sealed)
            self.ids.append(sealed["id"])
        batch_id = uuid7()
        envelope = {"batch_id": batch_id, "terminal_id": self.terminal_id, "sent_at": rfc3339(now), "items": items,
                    "control": {"count": n, "amount_total": sum(i["amount"] for i in items), "first_seq": items[0]["seq"],
                                "last_seq": items[-1]["seq"]}}
        return batch_id, json.dumps(envelope).encode(), n

    def post(self, batch_id: str, raw: bytes) -> requests.Response:
        from sync.wire import signed_headers

        headers = signed_headers(self.terminal_id, self.secret, "POST", "/api/v1/batches", raw, datetime.now(timezone.utc))
        headers.update({"Idempotency-Key": batch_id, "Content-Type": "application/json"})
        return self.http.post(self.base + "/api/v1/batches", data=raw, headers=headers, timeout=120)


def run(size: str, workdir: Path, log: Log = common.stdout_log) -> CampaignResult:
    cfg = SIZES[size]
    result = CampaignResult("load (PostgreSQL)", size)
    started = time.monotonic()
    workdir.mkdir(parents=True, exist_ok=True)
    server = postgres_server()
    url, schema = fresh_schema(server)
    try:
        _run(cfg, result, workdir, url, log)
    finally:
        drop_schema(server, schema)
    result.seconds = time.monotonic() - started
    log(result.summary())
    return result


def _run(cfg: LoadSize, result: CampaignResult, workdir: Path, url: str, log: Log) -> None:
    from central import admin
    from central.db import make_engine, migrate
    from ventanilla import cli

    migrate(url)
    common._quiet(cli.demo_export, cfg.accounts, 5, str(workdir / "csv"))
    engine = make_engine(url)
    try:
        admin.add_agent(engine, "AG001", "Carga")
        assert admin.import_accounts(engine, workdir / "csv/accounts.csv").applied
        assert admin.import_documents(engine, workdir / "csv/documents.csv").applied
        codes = [admin.add_terminal(engine, "AG001", f"Caja {n}")[1] for n in range(cfg.terminals)]
    finally:
        engine.dispose()
    with open(workdir / "csv/documents.csv", encoding="utf-8") as f:
        docs = [(r["account_id"], r["document_id"]) for r in csv.DictReader(f)]
    # deployed as docs/central.md advises: one server process per core
    central = common.CentralProcess(url, workdir / "central.log", extra_args=("--workers", str(WORKERS)))
    central.start()
    try:
        sims = []
        for n, code in enumerate(codes):
            r = requests.post(central.url + "/api/v1/terminals/enroll", json={"enrollment_code": code, "name": f"Caja {n}"}, timeout=30)
            assert r.status_code == 201, r.text
            body = r.json()
            sims.append(SimTerminal(central.url, body["terminal_id"], body["secret"], docs, n))
        log(f"load: {cfg.terminals} terminals against {central.url} on PostgreSQL ({WORKERS} server processes)"
            f" for {cfg.seconds:.0f} s")
        latencies: list[float] = []
        errors: list[str] = []
        items = [0]
        lock = threading.Lock()
        stop = threading.Event()
        go = threading.Barrier(len(sims) + 1)

        def terminal(sim: SimTerminal) -> None:
            go.wait()
            while not stop.is_set():
                batch_id, raw, n = sim.batch(cfg.batch_items)
                t0 = time.perf_counter()
                try:
                    r = sim.post(batch_id, raw)
                    took = time.perf_counter() - t0
                    statuses = [x["status"] for x in r.json()["results"]] if r.status_code == 200 else []
                    bad = r.status_code != 200 or any(s not in ("created", "accepted_flagged") for s in statuses)
                    problem = f"{sim.terminal_id}: {r.status_code} {sorted(set(statuses))} {r.text[:120] if r.status_code != 200 else ''}"
                except (requests.RequestException, ValueError, KeyError) as e:
                    took, bad, problem = time.perf_counter() - t0, True, f"{sim.terminal_id}: {type(e).__name__}: {e}"
                with lock:
                    latencies.append(took)
                    if bad:
                        errors.append(problem)
                    else:
                        items[0] += n

        threads = [threading.Thread(target=terminal, args=(s,), daemon=True) for s in sims]
        for t in threads:
            t.start()
        go.wait()
        t_start = time.monotonic()
        warm = max(3.0, cfg.seconds * 0.15)
        time.sleep(warm)
        rss_warm, items_warm = central.rss_kib(), items[0]
        time.sleep(max(0.0, cfg.seconds - warm))
        stop.set()
        for t in threads:
            t.join(180)
        elapsed = time.monotonic() - t_start
        rss_end = central.rss_kib()
        batches = len(latencies)
        ordered = sorted(latencies)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else float("nan")
        result.attempts = batches
        result.fault("terminals syncing at once", cfg.terminals)
        result.figures.update({
            "items recorded": items[0],
            "throughput": f"{items[0] / elapsed:.0f} items/s, {batches / elapsed:.1f} batches/s of {cfg.batch_items}"
                          f" ({WORKERS} server processes; the driver shares the machine)",
            "batch latency": f"p50 {statistics.median(ordered) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms" if ordered else "-",
            "errors": len(errors),
            "service RSS": f"{rss_warm / 1024:.1f} MiB after {warm:.0f} s warm-up ({items_warm} items), {rss_end / 1024:.1f} MiB at the end"
                           f" ({(rss_end - rss_warm) / rss_warm * 100:+.1f} %)",
        })
        result.check(not errors, "no errors under load", f"{len(errors)} errors, e.g. {errors[:3]}")
        result.check(rss_end <= rss_warm * 1.10, "service memory grows at most 10 %", f"{rss_warm} KiB -> {rss_end} KiB")
        result.check(items[0] > 0, "the service recorded items under load", "nothing recorded")
        # afterwards: every item there, gapless per terminal, ledger balanced
        engine = make_engine(url)
        try:
            from sqlalchemy import text

            with engine.connect() as conn:
                held = conn.execute(text("select count(*) from items")).scalar()
                gaps = admin.seq_gaps(engine)
            result.check(held == items[0], "central holds every item acknowledged", f"{held} held, {items[0]} acknowledged")
            result.check(not gaps, "no seq gaps under load", f"{gaps[:3]}")
        finally:
            engine.dispose()
        common.check_central_consistent(result, url, "after the load")
    finally:
        central.stop()
