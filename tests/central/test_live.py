"""The real service under uvicorn on a loopback port, spoken to with requests (signing included).

Runs on a SQLite file and, marked ``postgres``, on a real PostgreSQL server.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
import uvicorn
from sqlalchemy import text

from central import admin
from central.api import create_app
from central.db import make_engine, migrate
from tests.central.conftest import ACCOUNTS_CSV, DOCUMENTS_CSV
from tests.central.helpers import Sim
from tools.chaos.common import child_pids

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, url: str) -> None:
        self.app = create_app(url)
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.app.state.engine.dispose()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class HttpSim(Sim):
    """The scripted terminal, over real HTTP."""

    base: str = ""
    session: requests.Session | None = None

    def post_batch(self, batch: dict, *, timeout: float = 30) -> requests.Response:
        raw = json.dumps(batch).encode()
        headers = self.headers("POST", "/api/v1/batches", raw, now=utcnow())
        headers.update({"Idempotency-Key": batch["batch_id"], "Content-Type": "application/json"})
        return (self.session or requests).post(self.base + "/api/v1/batches", data=raw, headers=headers, timeout=timeout)

    def fetch(self, path: str) -> requests.Response:
        return (self.session or requests).get(self.base + path, headers=self.headers("GET", path, b"", now=utcnow()), timeout=10)


def seed(url: str, tmp: Path) -> None:
    engine = make_engine(url)
    try:
        admin.add_agent(engine, "AG001", "Centro")
        (tmp / "a.csv").write_text(ACCOUNTS_CSV, encoding="utf-8")
        (tmp / "d.csv").write_text(DOCUMENTS_CSV, encoding="utf-8")
        assert admin.import_accounts(engine, tmp / "a.csv").applied
        assert admin.import_documents(engine, tmp / "d.csv").applied
    finally:
        engine.dispose()


def enroll(url: str, base: str, name: str) -> HttpSim:
    engine = make_engine(url)
    try:
        _, code = admin.add_terminal(engine, "AG001", name)
    finally:
        engine.dispose()
    r = requests.post(base + "/api/v1/terminals/enroll", json={"enrollment_code": code, "name": name}, timeout=10)
    assert r.status_code == 201, r.text
    body = r.json()
    sim = HttpSim(body["terminal_id"], body["secret"], body["agent_id"], utcnow)
    sim.base = base
    return sim


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live_url(request, db_url, tmp_path):
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else db_url
    seed(url, tmp_path)
    return url


def test_a_terminal_enrols_signs_sends_and_reads_over_real_http(live_url):
    with LiveServer(live_url) as server:
        assert requests.get(server.base + "/api/v1/health", timeout=5).json()["status"] == "ok"
        sim = enroll(live_url, server.base, "Caja 1")
        batch = sim.batch([sim.shift_open(10000), sim.payment("A1", 5000), sim.payment("NOPE", 100), sim.drop(2000)])
        r = sim.post_batch(batch)
        assert r.status_code == 200
        assert [x["status"] for x in r.json()["results"]] == ["created", "created", "accepted_flagged", "created"]
        again = sim.post_batch(batch)
        assert [x["status"] for x in again.json()["results"]] == ["exists", "exists", "accepted_flagged", "exists"]
        assert sim.fetch("/api/v1/accounts/A1").json()["balance"] == 15050 - 5000
        page = sim.fetch("/api/v1/snapshot/accounts?limit=5000").json()
        assert {a["account_id"] for a in page["accounts"]} == {"A1", "A2", "A3"}
        # a terminal whose clock is 20 minutes slow learns the server's time from the 401
        path = "/api/v1/policy"
        r = requests.get(server.base + path, headers=sim.headers("GET", path, b"", now=utcnow() - timedelta(minutes=20)), timeout=5)
        assert r.status_code == 401 and r.json()["error"] == "clock_skew"
        offset = datetime.fromisoformat(r.json()["server_time"].replace("Z", "+00:00")) - utcnow()
        assert abs(offset) < timedelta(minutes=1)
        bad = sim.headers("GET", path, b"", now=utcnow())
        bad["X-Signature"] = bad["X-Signature"][::-1]
        assert requests.get(server.base + path, headers=bad, timeout=5).status_code == 401
        assert requests.get(server.base + "/openapi.json", timeout=5).json()["info"]["title"]


def test_many_terminals_at_once_lose_no_update_and_keep_the_ledger_balanced(live_url):
    """Six terminals pay the same accounts concurrently; every cent lands once."""
    with LiveServer(live_url) as server:
        sims = [enroll(live_url, server.base, f"Caja {i}") for i in range(6)]
        per_terminal = 8
        amount = 7

        def run(sim: HttpSim) -> list[str]:
            sim.session = requests.Session()
            out = []
            for n in range(per_terminal):
                items = [sim.payment(acct, amount, allocations=[(doc, amount)]) for acct, doc in (("A1", "D-A1"), ("A2", "D-A2"))]
                r = sim.post_batch(sim.batch(items))
                assert r.status_code == 200, r.text
                out += [x["status"] for x in r.json()["results"]]
            return out

        with ThreadPoolExecutor(len(sims)) as pool:
            results = [s for batch in pool.map(run, sims) for s in batch]
        assert results == ["created"] * len(sims) * per_terminal * 2
        paid = len(sims) * per_terminal * amount
        assert sims[0].fetch("/api/v1/accounts/A1").json()["balance"] == 15050 - paid
        assert sims[0].fetch("/api/v1/accounts/A2").json()["balance"] == 200000 - paid
    engine = make_engine(live_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM items")).scalar() == len(sims) * per_terminal * 2
            assert conn.execute(text("SELECT sum(debit) - sum(credit) FROM entries")).scalar() == 0
            ledger_seqs = conn.execute(text("SELECT ledger_seq FROM items ORDER BY ledger_seq")).scalars().all()
            assert ledger_seqs == list(range(1, len(ledger_seqs) + 1))
    finally:
        engine.dispose()


def test_two_batches_of_one_terminal_racing_both_apply(live_url):
    with LiveServer(live_url) as server:
        sim = enroll(live_url, server.base, "Caja 1")
        first = sim.batch([sim.payment("A2", 10) for _ in range(50)])
        second = sim.batch([sim.payment("A2", 10) for _ in range(50)])
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(sim.post_batch, [second, first]))
        assert all(r.status_code == 200 for r in answers)
        assert all(x["status"] == "created" for r in answers for x in r.json()["results"])
    assert admin.seq_gaps(engine := make_engine(live_url)) == []
    with engine.connect() as conn:
        assert conn.execute(text("SELECT last_seq, contiguous_seq FROM terminals")).one() == (100, 100)
    engine.dispose()


def _wait_port(port: int, proc: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "server exited"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("server did not listen")


@pytest.mark.slow
def test_serve_survives_sigkill_mid_batch_with_all_or_nothing(tmp_path):
    """``ventanilla central serve`` killed with SIGKILL while applying: after restart the batch is whole or absent."""
    url = f"sqlite:///{tmp_path / 'central.db'}"
    migrate(url)
    seed(url, tmp_path)
    port = free_port()
    cmd = [sys.executable, "-m", "ventanilla", "central", "serve", "--db", url, "--port", str(port)]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_port(port, proc)
        sim = enroll(url, f"http://127.0.0.1:{port}", "Caja 1")
        warm = sim.batch([sim.payment("A2", 1) for _ in range(1000)])
        started = time.perf_counter()
        assert sim.post_batch(warm).status_code == 200
        takes = time.perf_counter() - started
        batch = sim.batch([sim.payment("A2", 1) for _ in range(1000)])
        sender = threading.Thread(target=lambda: _swallow(sim.post_batch, batch))
        sender.start()
        time.sleep(takes * 0.6)  # well inside the server's work on it
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        sender.join(30)
        engine = make_engine(url)
        with engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM items")).scalar() - 1000
            assert count in (0, 1000)
        engine.dispose()
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _wait_port(port, proc)
        r = sim.post_batch(batch)
        assert r.status_code == 200
        assert {x["status"] for x in r.json()["results"]} == ({"created"} if count == 0 else {"exists"})
        assert sim.fetch("/api/v1/accounts/A2").json()["balance"] == 200000 - 2000
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.mark.slow
def test_serve_with_two_worker_processes_records_every_payment_once(live_url, tmp_path):
    """``serve --workers 2``: terminals spread over two processes; one writer at a time, nothing doubled."""
    port = free_port()
    cmd = [sys.executable, "-m", "ventanilla", "central", "serve", "--db", live_url, "--port", str(port), "--workers", "2"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_port(port, proc, timeout=40)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while len(child_pids(proc.pid)) < 2 or requests.get(base + "/api/v1/health", timeout=5).status_code != 200:
            assert time.monotonic() < deadline, "two workers did not start"
            time.sleep(0.1)
        sims = [enroll(live_url, base, f"Caja {i}") for i in range(6)]
        per_terminal, amount = 6, 3

        def run(sim: HttpSim) -> list[str]:
            out = []
            for _ in range(per_terminal):
                sim.session = requests.Session()  # a new connection each time: the kernel spreads them
                items = [sim.payment(acct, amount, allocations=[(doc, amount)]) for acct, doc in (("A1", "D-A1"), ("A2", "D-A2"))]
                r = sim.post_batch(sim.batch(items))
                assert r.status_code == 200, r.text
                out += [x["status"] for x in r.json()["results"]]
                sim.session.close()
            return out

        with ThreadPoolExecutor(len(sims)) as pool:
            results = [s for batch in pool.map(run, sims) for s in batch]
        assert results == ["created"] * len(sims) * per_terminal * 2
        # one batch sent twice at the same instant (a retry racing its original): applied once
        sim = sims[0]
        sim.session = None
        twice = sim.batch([sim.payment("A3", 5) for _ in range(200)])
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(sim.post_batch, [twice, twice]))
        statuses = []
        for r in answers:
            if r.status_code == 409:  # batch_in_progress: the terminal retries and gets the stored answer
                assert r.json()["error"] == "batch_in_progress"
                r = sim.post_batch(twice)
            assert r.status_code == 200, r.text
            statuses.append({x["status"] for x in r.json()["results"]})
        assert sorted(statuses, key=sorted) == [{"created"}, {"exists"}]
        paid = len(sims) * per_terminal * amount
        assert sim.fetch("/api/v1/accounts/A1").json()["balance"] == 15050 - paid
        assert sim.fetch("/api/v1/accounts/A2").json()["balance"] == 200000 - paid
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
    engine = make_engine(live_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM items")).scalar() == len(sims) * per_terminal * 2 + 200
            assert conn.execute(text("SELECT sum(debit) - sum(credit) FROM entries")).scalar() == 0
            ledger_seqs = conn.execute(text("SELECT ledger_seq FROM items ORDER BY ledger_seq")).scalars().all()
            assert ledger_seqs == list(range(1, len(ledger_seqs) + 1))
    finally:
        engine.dispose()


def _swallow(fn, *args):
    try:
        fn(*args)
    except requests.RequestException:
        pass


def test_a_re_import_while_terminals_pay_keeps_balances_consistent(live_url, tmp_path):
    with LiveServer(live_url) as server:
        sims = [enroll(live_url, server.base, f"Caja {i}") for i in range(3)]
        stop = threading.Event()
        collected: list[int] = []

        def pay(sim: HttpSim) -> None:
            sim.session = requests.Session()
            while not stop.is_set():
                items = [sim.payment("A1", 3, allocations=[("D-A1", 3)]), sim.payment("A2", 5, allocations=[("D-A2", 5)])]
                r = sim.post_batch(sim.batch(items))
                assert r.status_code == 200, r.text
                collected.append(8)

        threads = [threading.Thread(target=pay, args=(s,)) for s in sims]
        for t in threads:
            t.start()
        engine = make_engine(live_url)
        try:
            for n in range(4):
                (tmp_path / "d.csv").write_text(DOCUMENTS_CSV.replace("100.00", f"{100 + n}.00"), encoding="utf-8")
                assert admin.import_documents(engine, tmp_path / "d.csv").applied
                time.sleep(0.05)
        finally:
            stop.set()
            for t in threads:
                t.join(30)
        with engine.connect() as conn:
            for account_id, balance, credit in conn.execute(text("SELECT account_id, balance, credit FROM accounts")):
                docs = conn.execute(text("SELECT amount, paid FROM documents WHERE account_id=:a"), {"a": account_id}).all()
                assert balance == sum(max(a - p, 0) for a, p in docs) - credit, account_id
            paid = conn.execute(text("SELECT coalesce(sum(paid), 0) FROM documents")).scalar()
            credit = conn.execute(text("SELECT coalesce(sum(credit), 0) FROM accounts")).scalar()
            assert paid + credit == sum(collected) > 0
        engine.dispose()
