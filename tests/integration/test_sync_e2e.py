"""A terminal and the real central service under uvicorn on loopback.

Payments commit locally, go out in signed batches, are acknowledged once;
the counter keeps working while central is down; a resend is answered
``exists``; the snapshot pull keeps unsent payments applied.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
import requests

from app.domain.money import Money
from app.services.auth import Argon2PinHasher
from app.services.ports import CentralUnavailable
from app.storage.bulk import load_demo
from ventanilla import cli
from ventanilla.bootstrap import build_terminal
from ventanilla.paths import resolve

ROOT = Path(__file__).resolve().parents[2]
SEED, N = 3, 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def central_cli(db: str, *args: str) -> str:
    r = subprocess.run(
        [sys.executable, "-m", "ventanilla", "central", *args, "--db", db],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60,
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


class Central:
    def __init__(self, db: str, port: int) -> None:
        self.db, self.port, self.proc = db, port, None
        self.url = f"http://127.0.0.1:{port}"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ventanilla", "central", "serve", "--db", self.db, "--port", str(self.port)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=0.5).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        raise AssertionError("central did not start")

    def stop(self) -> None:
        if self.proc:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def central_db(request, tmp_path):
    """The central service runs once on a SQLite file and once on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def linked(tmp_path, central_db):
    db = central_db
    # the office's setup runs in-process (the admin commands have their own CLI tests);
    # what this file tests is the terminal and the service talking over real HTTP
    from central import admin
    from central.db import make_engine, migrate

    migrate(db)
    engine = make_engine(db)
    admin.add_agent(engine, "AG001", "Estafeta Centro")
    _, code = admin.add_terminal(engine, "AG001", "Caja 1")
    assert cli.demo_export(N, SEED, str(tmp_path / "csv")) == 0
    assert admin.import_accounts(engine, tmp_path / "csv/accounts.csv").applied
    assert admin.import_documents(engine, tmp_path / "csv/documents.csv").applied
    engine.dispose()
    central = Central(db, free_port())
    central.start()
    home = tmp_path / "terminal"
    t = build_terminal(resolve(home), hasher=Argon2PinHasher.cheap())
    now = datetime.now(timezone.utc)
    load_demo(t.engine, N, SEED, now.date(), now, "DOP", 2)
    t.close()
    assert cli.enroll(resolve(home), central.url, code, None) == 0
    t = build_terminal(resolve(home), hasher=Argon2PinHasher.cheap())
    t.auth.add_user("ana", "Ana", "cashier", "1234")
    session = t.shifts.open_shift(t.auth.login("ana", "1234"), {100000: 2})
    yield t, session, central
    t.close()
    central.stop()


def active_accounts(t, n):
    """Active residential accounts whose biller takes abonos, owing more than two abonos."""
    con = sqlite3.connect(t.paths.store)
    return [r[0] for r in con.execute(
        "select account_id from accounts where status='active' and segment='residential' and biller_id != 'LUZ'"
        " and balance_minor > 150000 order by account_id limit ?", (n,))]


def central_balance(central, t, account_id):
    svc = t.sync_service()
    return svc.transport.fetch_account(account_id)["balance"]


def test_payments_reach_central_once_and_the_counter_never_waits(linked):
    t, session, central = linked
    accounts = active_accounts(t, 3)
    before = {a: central_balance(central, t, a) for a in accounts}
    one = Money(Decimal("600.00"), "DOP")  # an abono above the policy's minimum
    paid = [t.counter.take_cash_payment(session, a, one, one) for a in accounts]

    svc = t.sync_service()
    reports = svc.push_all()
    assert sum(r.acknowledged for r in reports) == 4 and reports[-1].remaining == 0  # shift_open + 3 payments
    for a in accounts:
        assert central_balance(central, t, a) == before[a] - 60000
    statuses = [json.loads(r)["status"] for (r,) in sqlite3.connect(t.paths.store).execute("select result from outbox order by seq")]
    assert statuses == ["created"] * 4

    # a resend of the same items is answered from stored state: "exists", nothing counted twice
    with sqlite3.connect(t.paths.store) as con:
        con.execute("update outbox set state='pending'")
    again = svc.push_all()
    assert sum(r.acknowledged for r in again) == 4
    statuses = [json.loads(r)["status"] for (r,) in sqlite3.connect(t.paths.store).execute("select result from outbox order by seq")]
    assert statuses == ["exists"] * 4
    for a in accounts:
        assert central_balance(central, t, a) == before[a] - 60000

    # central goes down: the counter keeps taking money, the queue waits
    central.stop()
    offline = t.counter.take_cash_payment(session, accounts[0], one, one)
    assert offline.offline is True
    with pytest.raises(CentralUnavailable):
        svc.push_once()
    assert svc.status().pending == 1
    central.start()
    assert sum(r.acknowledged for r in svc.push_all()) == 1
    assert central_balance(central, t, accounts[0]) == before[accounts[0]] - 120000
    assert {p.payment_id for p in paid}.isdisjoint({offline.payment_id})


def test_snapshot_pull_keeps_unsent_payments_applied(linked):
    t, session, central = linked
    (account,) = active_accounts(t, 1)
    local_before = t.counter.lookup_account(account).balance
    one = Money(Decimal("600.00"), "DOP")
    t.counter.take_cash_payment(session, account, one, one)  # not sent yet
    svc = t.sync_service()
    applied = svc.pull_snapshot()
    assert applied == N
    assert t.counter.lookup_account(account).balance == local_before - one, "the unsent payment must still count"
    svc.push_all()
    svc.pull_snapshot()
    assert t.counter.lookup_account(account).balance == local_before - one
    assert svc.status().snapshot_as_of is not None


def test_demo_sets_up_terminal_and_central_holding_the_same_book(tmp_path):
    port = free_port()
    r = subprocess.run(
        [sys.executable, "-m", "ventanilla", "demo", "--no-gui", "--accounts", "80", "--central-port", str(port)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "VENTANILLA_HOME": str(tmp_path)},
        timeout=180,
    )
    assert r.returncode == 0, r.stderr
    assert "cajero / 1234" in r.stdout
    store = sqlite3.connect(tmp_path / "store.db")
    terminal_id = store.execute("select terminal_id from terminal_state").fetchone()[0]
    assert terminal_id == "AG001-T01"
    central = sqlite3.connect(tmp_path / "central.db")
    local = dict(store.execute("select account_id, balance_minor from accounts"))
    tables = {n for (n,) in central.execute("select name from sqlite_master where type='table'")}
    assert "accounts" in tables
    remote_docs = dict(central.execute("select account_id, sum(amount - paid) from documents group by account_id"))
    assert {a: b for a, b in local.items() if b} == {a: b for a, b in remote_docs.items() if b}


def test_a_policy_set_at_central_applies_from_the_next_payment(linked, tmp_path):
    t, session, central = linked
    policy = (ROOT / "resources/policy/default.toml").read_text(encoding="utf-8")
    # the central office stops abonos below RD$ 1,000.00 for this agent
    stricter = policy.replace("minimum = { DOP = 50000,", "minimum = { DOP = 100000,")
    assert stricter != policy
    (tmp_path / "strict.toml").write_text(stricter, encoding="utf-8")
    central_cli(central.db, "set-policy", "--agent", "AG001", str(tmp_path / "strict.toml"))
    (account,) = active_accounts(t, 1)
    svc = t.sync_service()
    seven_hundred = Money(Decimal("700.00"), "DOP")
    assert svc.pull_policy() >= 1
    from app.domain.errors import DomainError

    with pytest.raises(DomainError) as e:
        t.counter.take_cash_payment(session, account, seven_hundred, seven_hundred)
    assert e.value.code in {"override_required", "partial_below_minimum"} and "1,000.00" in e.value.message


def test_fresh_lookup_is_online_when_central_answers_and_as_of_when_not(linked):
    from app.services.counter import PaymentRequest
    from app.services.lookup import FreshLookup

    t, session, central = linked
    (account,) = active_accounts(t, 1)
    lookup = FreshLookup(t.counter, t.sync_service())
    view = lookup.fresh(account)
    assert view.online is True
    amount = Money(Decimal("600.00"), "DOP")
    p = t.counter.take_payment(session, PaymentRequest(account, amount=amount, cash_received=amount,
                                                       online_balance=(view.balance, view.as_of)))
    assert p.offline is False
    central.stop()
    stale = lookup.fresh(account)
    assert stale.online is False and stale.balance == view.balance - amount


def test_a_returned_cheque_at_central_stops_the_drawer_at_the_counter(linked):
    from datetime import timedelta

    from app.domain.errors import DomainError
    from app.domain.payments import ChequeTender
    from app.services.counter import PaymentRequest

    t, session, central = linked
    con = sqlite3.connect(t.paths.store)
    a, b = [r[0] for r in con.execute(
        "select account_id from accounts where status='active' and segment='business' and biller_id != 'LUZ'"
        " and balance_minor > 150000 order by account_id limit 2")]
    issued = datetime.now(timezone.utc).date() - timedelta(days=2)

    def cheque(number):
        amount = Money(Decimal("600.00"), "DOP")
        return PaymentRequest(a if number.endswith("1") else b, amount=amount, tenders=(
            ChequeTender(amount, "BHD", number, "4455667", issued, "Pedro Almonte", "001-7654321-0"),))

    paid = t.counter.take_payment(session, cheque("00012341"))
    svc = t.sync_service()
    svc.push_all()
    central_cli(central.db, "mark-cheque-returned", "--payment", paid.payment_id, "--reason", "fondos insuficientes")
    assert svc.pull_returned_cheques() == 1
    with pytest.raises(DomainError) as e:
        t.counter.take_payment(session, cheque("00012342"))
    assert e.value.code == "cheque_drawer_returned"
    # the debt the cheque paid is owed again once the snapshot arrives
    before = t.counter.lookup_account(a).balance
    svc.pull_snapshot()
    assert t.counter.lookup_account(a).balance == before + Money(Decimal("600.00"), "DOP")


def test_a_terminal_restored_from_an_old_backup_continues_after_centrals_head(linked, tmp_path):
    t, session, central = linked
    accounts = active_accounts(t, 4)
    m = Money(Decimal("600.00"), "DOP")
    t.counter.take_cash_payment(session, accounts[0], m, m)
    t.sync_service().push_all()
    home = t.paths.data_dir
    assert cli.backup(resolve(home), str(tmp_path / "old.db")) == 0
    later = [t.counter.take_cash_payment(session, a, m, m) for a in accounts[1:3]]  # after the backup...
    t.sync_service().push_all()  # ...and already at central
    t.close()
    assert cli.restore(resolve(home), str(tmp_path / "old.db")) == 0

    t2 = build_terminal(resolve(home), hasher=Argon2PinHasher.cheap())
    try:
        from app.domain.errors import DomainError

        with pytest.raises(DomainError) as e:
            t2.counter.take_cash_payment(session, accounts[3], m, m)
        assert e.value.code == "needs_resync"
        svc = t2.sync_service()
        svc.push_all()  # fast-forwards first
        p = t2.counter.take_cash_payment(session, accounts[3], m, m)
        assert p.receipt_no == later[-1].receipt_no + 1 and p.seq == later[-1].seq + 1
        reports = svc.push_all()
        assert sum(r.acknowledged for r in reports) == 1 and sum(r.quarantined for r in reports) == 0
        t2.close()
        t3 = build_terminal(resolve(home), hasher=Argon2PinHasher.cheap())  # the re-anchored chain verifies at start-up
        t3.close()
    finally:
        t2.close()
