"""Load generation and plumbing for the central bench (bench/central_bench.py).

Items are built straight with ``sync.wire`` (seal, uuid7, canonical JSON) so the
load generator is not the bottleneck; they are exactly what a terminal sends:
payments with one allocation and one cash tender, hash-chained per terminal
with seq 1..N.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import requests

from sync.wire import ZERO_HASH, canonical_json, rfc3339, seal, signed_headers, uuid7

ROOT = Path(__file__).resolve().parents[1]
API = "/api/v1"
CURRENCY = "DOP"
DOC_AMOUNT = 50_000_000  # minor units per account's one document: no payment here ever overpays it
BILLERS = ("EDENORTE", "CAASD", "CLARO", "ALTICE")


# -- the book ------------------------------------------------------------------


def account_id(n: int) -> str:
    return f"C{n:07d}"


def document_id(n: int) -> str:
    return f"F{n:07d}-01"


def write_book(folder: Path, n: int) -> tuple[Path, Path]:
    """accounts.csv and documents.csv of ``n`` accounts, one open document each."""
    folder.mkdir(parents=True, exist_ok=True)
    accounts, documents = folder / "accounts.csv", folder / "documents.csv"
    first = ("José", "María", "Ramón", "Ana", "Luis", "Carmen", "Pedro", "Núñez")
    last = ("Pérez", "Gómez", "Rodríguez", "Martínez", "Peña", "Báez", "Santos", "Díaz")
    amount = f"{DOC_AMOUNT // 100}.{DOC_AMOUNT % 100:02d}"
    with open(accounts, "w", encoding="utf-8") as fa, open(documents, "w", encoding="utf-8") as fd:
        fa.write("account_id,biller_id,name,national_id,segment,status,currency\n")
        fd.write("document_id,account_id,kind,issue_date,due_date,amount,currency\n")
        lines_a, lines_d = [], []
        for i in range(1, n + 1):
            aid = account_id(i)
            lines_a.append(
                f"{aid},{BILLERS[i % 4]},{first[i % 8]} {last[(i // 8) % 8]} {last[(i // 64) % 8]},"
                f"{i:03d}-{i % 9999999:07d}-{i % 10},residential,active,{CURRENCY}\n"
            )
            lines_d.append(f"{document_id(i)},{aid},invoice,2026-10-01,2026-10-31,{amount},{CURRENCY}\n")
            if len(lines_a) >= 50_000:
                fa.writelines(lines_a)
                fd.writelines(lines_d)
                lines_a, lines_d = [], []
        fa.writelines(lines_a)
        fd.writelines(lines_d)
    return accounts, documents


# -- items ---------------------------------------------------------------------


@dataclass
class Chain:
    """One terminal's item stream: seq and chain head, as ``enqueue_item`` keeps them."""

    terminal_id: str
    seq: int = 0
    head: str = ZERO_HASH
    receipt_no: int = 0
    shift_id: str = field(default_factory=lambda: f"S-{uuid7()[-12:]}")

    def _base(self, item_type: str, now: datetime) -> dict[str, Any]:
        self.seq += 1
        return {
            "id": uuid7(),
            "type": item_type,
            "terminal_id": self.terminal_id,
            "seq": self.seq,
            "occurred_at": rfc3339(now),
            "business_date": now.date().isoformat(),
            "shift_id": self.shift_id,
            "cashier_id": "bench",
        }

    def _seal(self, item: dict[str, Any]) -> dict[str, Any]:
        sealed = seal(item, self.head)
        self.head = sealed["hash"]
        return sealed

    def shift_open(self, now: datetime) -> dict[str, Any]:
        item = self._base("shift_open", now)
        item.update(currency=CURRENCY, opening_float=500000, opening_denominations={"100000": 5})
        return self._seal(item)

    def payment(self, n_account: int, amount: int, now: datetime) -> dict[str, Any]:
        item = self._base("payment", now)
        self.receipt_no += 1
        received = -(-amount // 10000) * 10000  # rounded up to 100.00, change back
        item.update(
            receipt_no=self.receipt_no,
            account_id=account_id(n_account),
            biller_id=BILLERS[n_account % 4],
            currency=CURRENCY,
            amount=amount,
            discount=0,
            allocations=[{"document_id": document_id(n_account), "amount": amount}],
            tenders=[{"kind": "cash", "amount": amount, "received": received, "change": received - amount}],
            balance_before=DOC_AMOUNT,
            balance_as_of=rfc3339(now - timedelta(minutes=2)),
            offline=False,
            overrides=[],
        )
        return self._seal(item)


def payments_for(chain: Chain, count: int, accounts: int, rng: random.Random, now: datetime) -> list[dict[str, Any]]:
    return [chain.payment(rng.randint(1, accounts), rng.randrange(500, 250_000, 5), now) for _ in range(count)]


# -- a terminal talking to central (raw, pre-serialised) ------------------------


@dataclass
class Enrolled:
    terminal_id: str
    agent_id: str
    secret: str


def enroll(url: str, code: str, name: str) -> Enrolled:
    r = requests.post(f"{url}{API}/terminals/enroll", json={"enrollment_code": code, "name": name}, timeout=30)
    r.raise_for_status()
    body = r.json()
    return Enrolled(body["terminal_id"], body["agent_id"], body["secret"])


@dataclass
class PreparedBatch:
    batch_id: str
    body: bytes
    count: int


def prepare_batch(terminal_id: str, items: list[dict[str, Any]], sent_at: datetime) -> PreparedBatch:
    """The envelope exactly as ``sync.client.CentralClient.send_batch`` builds it, serialised once."""
    batch_id = uuid7()
    envelope = {
        "batch_id": batch_id,
        "terminal_id": terminal_id,
        "sent_at": rfc3339(sent_at),
        "items": items,
        "control": {
            "count": len(items),
            "amount_total": sum(i["amount"] for i in items if i["type"] == "payment"),
            "first_seq": items[0]["seq"],
            "last_seq": items[-1]["seq"],
        },
    }
    body = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()
    return PreparedBatch(batch_id, body, len(items))


ACCEPTED = ("created", "accepted_flagged")


RETRIES: dict[str, int] = {}  # HTTP status -> retries made (503 busy, 409 in progress), reset per run
_retry_lock = threading.Lock()


def post_batch(http: requests.Session, url: str, term: Enrolled, batch: PreparedBatch) -> dict[str, int]:
    """Sign and send one batch; returns a count per result status.

    Like a terminal, a 503 (database busy: nothing applied) or 409 (batch in
    progress) is retried with the same batch after ``Retry-After`` (at most
    5 s); the retries are counted in ``RETRIES``.  Anything else but 200 raises.
    """
    path = f"{API}/batches"
    for _attempt in range(20):
        headers = signed_headers(term.terminal_id, term.secret, "POST", path, batch.body, datetime.now(timezone.utc))
        headers["Idempotency-Key"] = batch.batch_id
        headers["Content-Type"] = "application/json"
        r = http.post(f"{url}{path}", data=batch.body, headers=headers, timeout=300)
        if r.status_code in (503, 409):
            with _retry_lock:
                RETRIES[str(r.status_code)] = RETRIES.get(str(r.status_code), 0) + 1
            retry_after = r.headers.get("Retry-After", "1")
            time.sleep(min(float(retry_after) if retry_after.isdigit() else 1.0, 5.0))
            continue
        break
    if r.status_code != 200:
        raise RuntimeError(f"batch {batch.batch_id}: HTTP {r.status_code} {r.text[:300]}")
    counts: dict[str, int] = {}
    for res in r.json()["results"]:
        counts[res["status"]] = counts.get(res["status"], 0) + 1
    return counts


def send_concurrently(url: str, work: list[tuple[Enrolled, list[PreparedBatch]]]) -> tuple[float, dict[str, int], list[float]]:
    """One thread per terminal, each sending its batches in order; all start together.

    Returns the wall time from the start to the last answer, the statuses, and
    each batch's round trip in ms.
    """
    barrier = threading.Barrier(len(work) + 1)
    totals: dict[str, int] = {}
    latencies: list[float] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker(term: Enrolled, batches: list[PreparedBatch]) -> None:
        http = requests.Session()
        try:
            barrier.wait()
            for b in batches:
                t = time.perf_counter()
                counts = post_batch(http, url, term, b)
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    latencies.append(ms)
                    for k, v in counts.items():
                        totals[k] = totals.get(k, 0) + v
        except BaseException as e:  # noqa: BLE001 - reported by the caller
            with lock:
                errors.append(e)
        finally:
            http.close()

    threads = [threading.Thread(target=worker, args=w, daemon=True) for w in work]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise RuntimeError(f"{len(errors)} terminal(s) failed; first: {errors[0]}")
    return elapsed, totals, latencies


# -- rows as central stores them (for the driver baselines) ---------------------

ITEM_COLUMNS = (
    "ledger_seq", "id", "terminal_id", "seq", "type", "business_date", "shift_id", "occurred_at", "recorded_at",
    "batch_id", "body", "hash", "prev_hash", "account_id", "currency", "amount", "offline", "status", "reasons",
    "voided_by",
)

BASELINE_DDL = (
    """CREATE TABLE bench_items (
        ledger_seq BIGINT PRIMARY KEY, id VARCHAR(36) NOT NULL UNIQUE, terminal_id VARCHAR(64) NOT NULL,
        seq BIGINT NOT NULL, type VARCHAR(16) NOT NULL, business_date VARCHAR(10) NOT NULL,
        shift_id VARCHAR(200) NOT NULL, occurred_at TIMESTAMP NOT NULL, recorded_at TIMESTAMP NOT NULL,
        batch_id VARCHAR(36) NOT NULL, body TEXT NOT NULL, hash VARCHAR(64) NOT NULL, prev_hash VARCHAR(64) NOT NULL,
        account_id VARCHAR(200), currency VARCHAR(3), amount BIGINT, offline BOOLEAN NOT NULL, status VARCHAR(20) NOT NULL,
        reasons TEXT, voided_by VARCHAR(36), UNIQUE (terminal_id, seq))""",
    "CREATE INDEX ix_bench_items_ttd ON bench_items (terminal_id, type, business_date)",
    "CREATE INDEX ix_bench_items_shift ON bench_items (terminal_id, shift_id)",
    "CREATE INDEX ix_bench_items_account ON bench_items (account_id)",
)


def item_rows(batches: list[tuple[str, list[dict[str, Any]]]], naive_text: bool) -> list[list[tuple[Any, ...]]]:
    """The ``items`` rows central writes for these batches, one list per batch (one transaction each)."""
    now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    out, ledger_seq = [], 0
    for batch_id, items in batches:
        rows = []
        for it in items:
            ledger_seq += 1
            occurred = datetime.fromisoformat(it["occurred_at"].replace("Z", ""))
            rows.append((
                ledger_seq, it["id"], it["terminal_id"], it["seq"], it["type"], it["business_date"], it["shift_id"],
                str(occurred) if naive_text else occurred, str(now) if naive_text else now, batch_id,
                canonical_json(it), it["hash"], it["prev_hash"], it["account_id"], it["currency"], it["amount"],
                False, "created", None, None,
            ))
        out.append(rows)
    return out


INSERT_BASELINE = "INSERT INTO bench_items ({}) VALUES ({})"


def sqlite_baseline(path: Path, batches: list[list[tuple[Any, ...]]]) -> float:
    """Rows per second: executemany through sqlite3, one transaction per batch, central's pragmas."""
    import sqlite3

    con = sqlite3.connect(path, isolation_level=None)
    for p in ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"):
        con.execute(p)
    for ddl in BASELINE_DDL:
        con.execute(ddl)
    sql = INSERT_BASELINE.format(",".join(ITEM_COLUMNS), ",".join("?" * len(ITEM_COLUMNS)))
    n = sum(len(b) for b in batches)
    t = time.perf_counter()
    for rows in batches:
        con.execute("BEGIN IMMEDIATE")
        con.executemany(sql, rows)
        con.execute("COMMIT")
    elapsed = time.perf_counter() - t
    con.close()
    return n / elapsed


def pg_baseline(dsn: str, schema: str, batches: list[list[tuple[Any, ...]]]) -> float:
    """Rows per second: executemany through psycopg (pipelined), one transaction per batch."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"SET search_path TO {schema}")
        for ddl in BASELINE_DDL:
            conn.execute(ddl)
        sql = INSERT_BASELINE.format(",".join(ITEM_COLUMNS), ",".join(["%s"] * len(ITEM_COLUMNS)))
        n = sum(len(b) for b in batches)
        t = time.perf_counter()
        for rows in batches:
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(sql, rows)
        elapsed = time.perf_counter() - t
        conn.execute("DROP TABLE bench_items")
    return n / elapsed


# -- the service process ---------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CentralProcess:
    """``ventanilla central serve`` as a subprocess on a loopback port (uvicorn, ``workers`` processes)."""

    def __init__(self, db_url: str, log: Path, workers: int = 1) -> None:
        self.db_url, self.log, self.workers = db_url, log, workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "CentralProcess":
        self._log = open(self.log, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ventanilla", "central", "serve", "--db", self.db_url, "--port", str(self.port),
             "--workers", str(self.workers)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=self._log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"central exited with {self.proc.returncode}; see {self.log}: {self.tail()}")
            try:
                if requests.get(f"{self.url}{API}/health", timeout=0.5).status_code == 200:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("central did not start within 120 s")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def tail(self, n: int = 2000) -> str:
        try:
            return self.log.read_bytes()[-n:].decode("utf-8", "replace")
        except OSError:
            return ""

    def __exit__(self, exc_type: Any = None, *_: Any) -> None:
        if exc_type is not None:
            lines = [ln for ln in self.tail(20000).splitlines() if '" 200 OK' not in ln]
            print("[central] server log (last lines):\n" + "\n".join(lines[-30:]), flush=True)
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(20)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(10)
            self.proc = None
        if getattr(self, "_log", None):
            self._log.close()


# -- PostgreSQL --------------------------------------------------------------------

PG_ROLE = PG_PASSWORD = PG_DB = "ventanilla_bench"
LOCAL_PG_DSN = f"postgresql://{PG_ROLE}:{PG_PASSWORD}@127.0.0.1:5432/{PG_DB}"


def _pg_problem(dsn: str) -> str | None:
    try:
        import psycopg

        with psycopg.connect(dsn, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as e:  # noqa: BLE001 - any failure means "not reachable"
        return (str(e).strip().splitlines() or [type(e).__name__])[0]


def _start_local_pg() -> str | None:
    """As root on Debian: start the packaged cluster and create the bench role and database."""
    if os.geteuid() != 0 or not shutil.which("pg_ctlcluster"):
        return "not root or no pg_ctlcluster"
    subprocess.run(["pg_ctlcluster", "15", "main", "start"], capture_output=True, timeout=60)

    def psql(sql: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["su", "postgres", "-c", f'psql -v ON_ERROR_STOP=1 -qAt -c "{sql}"'],
                              capture_output=True, text=True, timeout=60)

    r = psql(f"SELECT 1 FROM pg_roles WHERE rolname='{PG_ROLE}'")
    if r.returncode != 0:
        return r.stderr.strip() or "psql failed"
    if r.stdout.strip() != "1":
        psql(f"CREATE ROLE {PG_ROLE} LOGIN PASSWORD '{PG_PASSWORD}'")
    if psql(f"SELECT 1 FROM pg_database WHERE datname='{PG_DB}'").stdout.strip() != "1":
        psql(f"CREATE DATABASE {PG_DB} OWNER {PG_ROLE}")
    return None


def pg_dsn() -> tuple[str | None, str]:
    """A reachable PostgreSQL DSN (``VENTANILLA_BENCH_PG_URL`` or the local cluster), or None and why not."""
    url = os.environ.get("VENTANILLA_BENCH_PG_URL")
    if url:
        dsn = url.replace("postgresql+psycopg://", "postgresql://")
        problem = _pg_problem(dsn)
        return (dsn, "") if problem is None else (None, f"VENTANILLA_BENCH_PG_URL unreachable: {problem}")
    if _pg_problem(LOCAL_PG_DSN) is None:
        return LOCAL_PG_DSN, ""
    started = _start_local_pg()
    problem = _pg_problem(LOCAL_PG_DSN) if started is None else started
    return (LOCAL_PG_DSN, "") if problem is None else (None, f"no local PostgreSQL: {problem}")


def schema_url(dsn: str, schema: str) -> str:
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options=-csearch_path%3D{schema}".replace("postgresql://", "postgresql+psycopg://", 1)
