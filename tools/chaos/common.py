"""What every campaign needs: a real central process, real terminals, and the invariants.

Nothing here reaches into the code under test by a side door: the central is
``python -m ventanilla central serve`` (a process we can SIGKILL), terminals
are built by ``ventanilla.bootstrap.build_terminal`` on their own data
folders, and the checks read the stores and the central database the way an
auditor would (plain SQL, ``admin.trial_balance``).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "tests" / "data" / "policy_load_test.toml"
PYTHON = sys.executable


# -- results -------------------------------------------------------------------------


@dataclass
class CampaignResult:
    """What a campaign tried and what held; one row of docs/reliability.md."""

    name: str
    size: str
    attempts: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    invariants: dict[str, int] = field(default_factory=dict)  # invariant -> times checked
    failures: list[str] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def fault(self, kind: str, n: int = 1) -> None:
        self.faults[kind] = self.faults.get(kind, 0) + n

    def held(self, invariant: str, n: int = 1) -> None:
        self.invariants[invariant] = self.invariants.get(invariant, 0) + n

    def check(self, ok: bool, invariant: str, failure: str) -> bool:
        """Count the check; a failure is recorded (the campaign goes on: one run shows every broken invariant)."""
        self.held(invariant)
        if not ok:
            self.failures.append(f"{invariant}: {failure}")
        return ok

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        lines = [f"== {self.name} ({self.size}) in {self.seconds:.1f} s: {self.attempts} attempts"]
        lines.append("   faults injected: " + (", ".join(f"{k} {v}" for k, v in sorted(self.faults.items())) or "none"))
        lines.append("   invariants checked: " + (", ".join(f"{k} ×{v}" for k, v in sorted(self.invariants.items())) or "none"))
        for k, v in self.figures.items():
            lines.append(f"   {k}: {v}")
        lines.append(f"   failures: {len(self.failures)}")
        lines += [f"     - {f}" for f in self.failures[:30]]
        return "\n".join(lines)


Log = Callable[[str], None]


def stdout_log(line: str) -> None:
    print(line, flush=True)


# -- processes -----------------------------------------------------------------------


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def central_cli(db: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    r = subprocess.run([PYTHON, "-m", "ventanilla", "central", *args, "--db", db],
                       capture_output=True, text=True, cwd=ROOT, env=env(), timeout=300)
    if check and r.returncode != 0:
        raise RuntimeError(f"central {' '.join(args)}: {r.stderr}")
    return r


def wait_http(url: str, proc: subprocess.Popen | None = None, timeout: float = 40.0, verify: Any = True) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before answering {url}")
        try:
            if requests.get(url, timeout=0.5, verify=verify).status_code == 200:
                return
        except requests.RequestException:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


class CentralProcess:
    """``ventanilla central serve`` as a child we can stop, SIGKILL and start again; its log kept in a file."""

    def __init__(self, db: str, log_path: Path, port: int | None = None, extra_args: tuple[str, ...] = ()) -> None:
        self.db, self.log_path, self.port = db, log_path, port or free_port()
        self.extra_args = extra_args
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "ventanilla", "central", "serve", "--db", self.db, "--port", str(self.port), *self.extra_args],
            cwd=ROOT, env=env(), stdout=log, stderr=log,
        )
        log.close()
        wait_http(f"{self.url}/api/v1/health", self.proc)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None

    def rss_kib(self) -> int:
        """Resident memory of the service: the process and its worker processes (``--workers N``)."""
        assert self.proc is not None
        return sum(_rss_kib(pid) for pid in [self.proc.pid, *child_pids(self.proc.pid)])


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (a server's workers), read from /proc."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return out


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# -- a book both sides hold ------------------------------------------------------------


@dataclass
class World:
    """A central (database + process) with one agent and the demo book; terminals enrolled against it."""

    workdir: Path
    db: str
    central: CentralProcess
    accounts: int
    seed: int

    def engine(self):  # noqa: ANN201
        from central.db import make_engine

        return make_engine(self.db)


def make_world(workdir: Path, *, accounts: int, seed: int = 7, db: str | None = None) -> World:
    from central import admin
    from central.db import make_engine, migrate
    from ventanilla import cli

    workdir.mkdir(parents=True, exist_ok=True)
    db = db or f"sqlite:///{workdir / 'central.db'}"
    migrate(db)
    csv_dir = workdir / "csv"
    _quiet(cli.demo_export, accounts, seed, str(csv_dir))
    engine = make_engine(db)
    try:
        admin.add_agent(engine, "AG001", "Estafeta Centro")
        assert admin.import_accounts(engine, csv_dir / "accounts.csv").applied
        assert admin.import_documents(engine, csv_dir / "documents.csv").applied
    finally:
        engine.dispose()
    central = CentralProcess(db, workdir / "central.log")
    central.start()
    return World(workdir, db, central, accounts, seed)


def _quiet(fn: Callable[..., Any], *args: Any) -> Any:
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        return fn(*args)


def cheap_hasher():  # noqa: ANN201
    from app.services.auth import Argon2PinHasher

    return Argon2PinHasher.cheap()


def open_terminal(home: Path):  # noqa: ANN201
    from ventanilla.bootstrap import build_terminal
    from ventanilla.paths import resolve

    return build_terminal(resolve(home), hasher=cheap_hasher())


def new_terminal(world: World, home: Path, *, name: str, printer: str = "", enrol_url: str | None = None) -> str:
    """A terminal on its own data folder with the world's book, enrolled; users ana (cashier) and sup (supervisor).
    Returns the terminal id central gave it."""
    from app.storage.bulk import load_demo
    from central import admin
    from ventanilla import cli
    from ventanilla.paths import resolve

    home.mkdir(parents=True, exist_ok=True)
    settings = f'policy_file = "{POLICY}"\nterminal_name = "{name}"\n'
    if printer:
        settings += f'printer = "{printer}"\n'
    (home / "settings.toml").write_text(settings, encoding="utf-8")
    t = open_terminal(home)
    now = datetime.now(timezone.utc)
    load_demo(t.engine, world.accounts, world.seed, now.date(), now, "DOP", 2)
    t.close()
    engine = world.engine()
    try:
        _, code = admin.add_terminal(engine, "AG001", name)
    finally:
        engine.dispose()
    assert _quiet(cli.enroll, resolve(home), enrol_url or world.central.url, code, name) == 0
    t = open_terminal(home)
    try:
        t.auth.add_user("ana", "Ana Cajera", "cashier", "1234")
        t.auth.add_user("sup", "Sonia Supervisora", "supervisor", "4321")
        with t.uow() as uow:
            return uow.terminal.counters().terminal_id
    finally:
        t.close()


def payable_accounts(store: Path, limit: int = 200) -> list[str]:
    """Active accounts whose biller takes small abonos under the load-test policy."""
    con = sqlite3.connect(store)
    try:
        return [r[0] for r in con.execute(
            "select account_id from accounts where status='active' and balance_minor > 100000 order by account_id limit ?",
            (limit,))]
    finally:
        con.close()


def sync_service(t, url: str | None = None, timeout: float = 10.0):  # noqa: ANN001, ANN201
    """The terminal's sender, optionally pointed at another address (the fault proxy)."""
    if url is None:
        return t.sync_service(timeout=timeout)
    from app.services.enrolment import credentials
    from app.services.sync import SyncService
    from sync.client import CentralClient

    terminal_id, secret, _ = credentials(t.counter.uow)
    return SyncService(t.counter.uow, CentralClient(url, terminal_id, secret, clock=t.clock, timeout=timeout), t.clock)


def drain(svc, attempts: int = 200, pause: float = 0.05) -> int:  # noqa: ANN001
    """Push until nothing is pending (through whatever faults); returns the pushes tried."""
    from app.domain.errors import DomainError

    tries = 0
    for tries in range(1, attempts + 1):
        try:
            svc.push_all()
        except DomainError:
            time.sleep(pause)
        if svc.status().pending == 0:
            return tries
    raise RuntimeError(f"still {svc.status().pending} items pending after {attempts} pushes")


# -- invariants --------------------------------------------------------------------------


def check_terminal_store(result: CampaignResult, home: Path, where: str) -> dict[str, Any]:
    """Open the store as a restart would; then gapless receipts and seq, one item per payment, both chains.
    Returns a few facts about the store for the caller's own checks."""
    from app.domain.protocol import verify_chain
    from app.services.journal import verify_audit

    facts: dict[str, Any] = {}
    try:
        t = open_terminal(home)  # migrates, recovers the WAL, verifies the unverified part of the chain
    except Exception as e:  # noqa: BLE001 - a store that does not open is the failure we look for
        result.check(False, "store opens after restart", f"{where}: {type(e).__name__}: {e}")
        return facts
    result.held("store opens after restart")
    try:
        con = sqlite3.connect(home / "store.db")
        rows = con.execute("select payment_id, receipt_no, amount_minor, print_count from payments order by receipt_no").fetchall()
        facts["payments"] = {pid: (receipt, amount, printed) for pid, receipt, amount, printed in rows}
        receipts = [r[1] for r in rows]
        result.check(receipts == list(range(1, len(receipts) + 1)), "receipt numbers gapless", f"{where}: {receipts[:5]}…")
        outbox = con.execute("select seq, item_id, hash, type, state, body from outbox order by seq").fetchall()
        seqs = [r[0] for r in outbox]
        result.check(seqs == list(range(1, len(seqs) + 1)), "seq gapless", f"{where}: seq {seqs[:5]}…")
        payment_items = {r[1] for r in outbox if r[3] == "payment"}
        result.check(payment_items == set(facts["payments"]), "one item per payment",
                     f"{where}: {len(payment_items)} payment items for {len(rows)} payments")
        bodies = [json.loads(r[5]) for r in outbox]
        bad = verify_chain(bodies)
        result.check(bad is None, "item hash chain verifies", f"{where}: breaks at seq {bad and bad + 1}")
        head = con.execute("select chain_head, last_seq, last_receipt_no from terminal_state").fetchone()
        expect = ((bodies[-1]["hash"] if bodies else "0" * 64), len(seqs), len(receipts))
        result.check(tuple(head) == expect, "chain head and counters agree", f"{where}: {head} != {expect}")
        with t.uow() as uow:
            audit = verify_audit(uow.audit.all())
        result.check(audit == [], "audit chain verifies", f"{where}: {audit[:1]}")
        facts["outbox"] = {r[1]: (r[0], r[2], r[4]) for r in outbox}
        facts["types"] = {r[1]: r[3] for r in outbox}
        facts["bodies"] = {b["id"]: b for b in bodies}
        facts["shifts"] = con.execute("select shift_id, status from shifts").fetchall()
        facts["terminal_id"] = con.execute("select terminal_id from terminal_state").fetchone()[0]
        con.close()
    finally:
        t.close()
    return facts


def central_items(db: str, terminal_id: str) -> dict[str, tuple[int, str]]:
    from sqlalchemy import text

    from central.db import make_engine

    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            return {r.id: (r.seq, r.hash) for r in conn.execute(
                text("select id, seq, hash from items where terminal_id = :t"), {"t": terminal_id})}
    finally:
        engine.dispose()


def check_central_consistent(result: CampaignResult, db: str, where: str) -> None:
    """Trial balance, ledger_seq gapless, every debtor's balance agrees with its documents and credit."""
    from sqlalchemy import text

    from central import admin
    from central.db import make_engine

    engine = make_engine(db)
    try:
        rows = admin.trial_balance(engine)
        per_currency: dict[str, int] = {}
        for _, currency, debit, credit in rows:
            per_currency[currency] = per_currency.get(currency, 0) + debit - credit
        result.check(all(v == 0 for v in per_currency.values()), "ledger balanced (trial balance)", f"{where}: {per_currency}")
        with engine.connect() as conn:
            ledger = [r[0] for r in conn.execute(text("select ledger_seq from items order by ledger_seq"))]
            result.check(ledger == list(range(1, len(ledger) + 1)), "central ledger_seq gapless", f"{where}: {ledger[:5]}…")
            unbalanced = conn.execute(text(
                "select journal_id from entries group by journal_id, currency having sum(debit) <> sum(credit) limit 3")).all()
            result.check(not unbalanced, "every journal balanced", f"{where}: {unbalanced}")
            wrong = conn.execute(text(
                "select a.account_id from accounts a left join (select account_id, sum(case when amount > paid then amount - paid"
                " else 0 end) owed from documents group by account_id) d on d.account_id = a.account_id"
                " where a.balance <> coalesce(d.owed, 0) - a.credit limit 3")).all()
            result.check(not wrong, "debtor balances agree with documents", f"{where}: {wrong}")
    finally:
        engine.dispose()


def check_terminal_equals_central(result: CampaignResult, home: Path, db: str, where: str, *, balances: bool = True) -> None:
    """After a full sync (and snapshot pull): same items (id, seq, hash), same head, same balances."""
    from sqlalchemy import text

    from central.db import make_engine

    con = sqlite3.connect(home / "store.db")
    try:
        terminal_id, last_seq, head = con.execute("select terminal_id, last_seq, chain_head from terminal_state").fetchone()
        local = {r[0]: (r[1], r[2]) for r in con.execute("select item_id, seq, hash from outbox")}
        states = dict(con.execute("select state, count(*) from outbox group by state").fetchall())
        local_bal = dict(con.execute("select account_id, balance_minor from accounts"))
    finally:
        con.close()
    result.check(set(states) <= {"acked"}, "nothing pending or quarantined after sync", f"{where}: {states}")
    remote = central_items(db, terminal_id)
    missing = set(local) - set(remote)
    extra = set(remote) - set(local)
    differ = [i for i in set(local) & set(remote) if local[i] != remote[i]]
    result.check(not missing and not extra and not differ, "central holds exactly the terminal's items",
                 f"{where}: {len(missing)} missing, {len(extra)} extra, {len(differ)} differ")
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            row = conn.execute(text("select last_seq, chain_head, contiguous_seq from terminals where terminal_id=:t"),
                               {"t": terminal_id}).one()
            result.check(tuple(row) == (last_seq, head, last_seq), "seq head and chain head equal",
                         f"{where}: central {tuple(row)} terminal {(last_seq, head)}")
            if balances:
                remote_bal = dict(conn.execute(text("select account_id, balance from accounts")).all())
    finally:
        engine.dispose()
    if balances:
        differ_bal = [a for a in remote_bal if local_bal.get(a) != remote_bal[a]]
        result.check(not differ_bal, "per-account balances equal",
                     f"{where}: {len(differ_bal)} accounts differ, e.g. "
                     + ", ".join(f"{a}: terminal {local_bal.get(a)} central {remote_bal[a]}" for a in differ_bal[:3]))


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
