"""A small network for the central office tests: real terminals (the counter and shift
services on their own SQLite stores) syncing over HTTP into a real central service
(uvicorn on loopback), all on one fake clock, with the desk spoken to as an admin."""

from __future__ import annotations

import csv
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import requests
import uvicorn

from app.domain.money import Money
from app.domain.payments import CardTender, ChequeTender
from app.domain.shifts import BlindCount
from app.services.auth import Argon2PinHasher
from app.services.counter import PaymentRequest
from app.services.demo_data import generate
from app.storage.bulk import load_demo
from central import admin, office
from central.api import create_app
from ventanilla import cli
from ventanilla.bootstrap import build_terminal
from ventanilla.paths import resolve

SEED, N = 5, 40
DOP = "DOP"
DENOMS = [200000, 100000, 50000, 20000, 10000, 5000, 2500, 1000, 500, 100]


def pesos(text: str) -> Money:
    return Money(Decimal(text), DOP)


class Clock:
    """One clock for terminals and central: ``now()`` for the terminal, a call for central."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def now(self) -> datetime:
        return self.at

    def __call__(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at

    def advance(self, **kw: float) -> None:
        self.at += timedelta(**kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lossy:
    """A transport that loses the items named in ``lost`` (a batch that never arrived)."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.lost = inner, set()

    def send_batch(self, batch_id: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        keep = [i for i in items if i["id"] not in self.lost]
        return self.inner.send_batch(batch_id, keep) if keep else []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def denominations(amount: int) -> dict[int, int]:
    out: dict[int, int] = {}
    for d in DENOMS:
        n, amount = divmod(amount, d)
        if n:
            out[d] = n
    assert amount == 0, "cash counts are whole pesos in these tests"
    return out


@dataclass
class Till:
    """One enrolled terminal with its cashier, supervisor and lossy sync."""

    terminal: Any
    terminal_id: str
    agent_id: str
    cashier: Any
    supervisor: Any
    sync: Any
    session: Any = None
    payments: list[Any] = field(default_factory=list)

    def open(self, float_pesos: int = 2000) -> None:
        self.session = self.terminal.shifts.open_shift(self.cashier, denominations(float_pesos * 100))

    def cash(self, account_id: str, pesos_: str) -> Any:
        p = self.terminal.counter.take_cash_payment(self.session, account_id, pesos(pesos_), pesos(pesos_))
        self.payments.append(p)
        return p

    def cheque(self, account_id: str, pesos_: str, number: str, drawer_id: str) -> Any:
        tender = ChequeTender(pesos(pesos_), "BHD", number, "7001234567", date(2026, 11, 20), "Pedro Almonte", drawer_id)
        p = self.terminal.counter.take_payment(self.session, PaymentRequest(account_id, tenders=(tender,), amount=pesos(pesos_)))
        self.payments.append(p)
        return p

    def card(self, account_id: str, amount: Money, auth: str) -> Any:
        tender = CardTender(amount, "visa", "4242", auth, "POS-77")
        p = self.terminal.counter.take_payment(self.session, PaymentRequest(account_id, tenders=(tender,), amount=amount))
        self.payments.append(p)
        return p

    def close(self, short_pesos: int = 0) -> Any:
        report = self.terminal.shifts.x_report(self.session)
        expected = report.figures.expected
        count = BlindCount(denominations(expected["cash"] - short_pesos * 100), len([1 for p in self.payments if any(t["kind"] == "cheque" for t in p.tenders)]),
                           expected["cheque"], expected["card"])
        outcome = self.terminal.shifts.close_shift(self.session, count)
        if outcome.status == "recount":
            outcome = self.terminal.shifts.close_shift(self.session, count, approver=self.supervisor, reason="faltante contado dos veces")
        assert outcome.status == "closed", outcome.status
        return outcome.manifest

    def push(self) -> list[Any]:
        return self.sync.push_all()

    def balance_local(self, account_id: str) -> Money:
        return self.terminal.counter.lookup_account(account_id).balance


class LiveCentral:
    def __init__(self, url: str, clock: Clock) -> None:
        self.app = create_app(url, clock=clock)
        self.engine = self.app.state.engine
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{self.port}"
        self.http = requests.Session()
        self.token = ""

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.http.close()
        self.engine.dispose()

    # the desk, as an admin
    def desk(self, method: str, path: str, **kw: Any) -> requests.Response:
        headers = kw.pop("headers", {})
        headers["Authorization"] = f"Bearer {self.token}"
        return self.http.request(method, self.url + "/admin/v1" + path, headers=headers, timeout=30, **kw)

    def ok(self, method: str, path: str, **kw: Any) -> Any:
        r = self.desk(method, path, **kw)
        assert r.status_code in (200, 201), (r.status_code, r.text)
        return r.json() if r.headers.get("content-type", "").startswith("application/json") else r


def export_book(folder: Path, day: date) -> tuple[Path, Path]:
    """The demo debtors as central's import files (what ``ventanilla demo-export`` writes)."""
    folder.mkdir(parents=True, exist_ok=True)
    accounts, documents = folder / "accounts.csv", folder / "documents.csv"
    with open(accounts, "w", newline="", encoding="utf-8") as fa, open(documents, "w", newline="", encoding="utf-8") as fd:
        wa, wd = csv.writer(fa), csv.writer(fd)
        wa.writerow(["account_id", "biller_id", "name", "national_id", "segment", "status", "currency"])
        wd.writerow(["document_id", "account_id", "kind", "issue_date", "due_date", "amount", "currency"])
        for account, docs in generate(N, SEED, day):
            wa.writerow([account.account_id, account.biller_id, account.name, account.national_id, account.segment.value, account.status.value, DOP])
            for d in docs:
                wd.writerow([d.document_id, d.account_id, d.kind.value, d.issue_date.isoformat(), d.due_date.isoformat(),
                             str(Money.from_minor(d.amount_minor - d.paid_minor, DOP).amount), DOP])
    return accounts, documents


def build_network(tmp: Path, db_url: str, clock: Clock, book_day: date, layout: dict[str, list[tuple[str, str]]]) -> tuple[LiveCentral, dict[str, Till]]:
    """Agents with their terminals (``{"AG001": [("T1", "ana"), ...]}``), enrolled and ready."""
    engine_url = db_url
    central = LiveCentral(engine_url, clock)
    eng = central.engine
    names = {"AG001": "Estafeta Centro", "AG002": "Colmado La Esquina", "AG003": "Farmacia Norte"}
    accounts_csv, documents_csv = export_book(tmp / "book", book_day)
    tills: dict[str, Till] = {}
    codes = []
    for agent, terminals in layout.items():
        admin.add_agent(eng, agent, names.get(agent, agent), now=clock())
        for label, cashier in terminals:
            terminal_id, code = admin.add_terminal(eng, agent, label, now=clock())
            codes.append((agent, label, cashier, terminal_id, code))
    assert admin.import_accounts(eng, accounts_csv, now=clock()).applied
    assert admin.import_documents(eng, documents_csv, now=clock()).applied
    central.token = office.add_admin_token(eng, "auditor", now=clock())
    for agent, label, cashier, terminal_id, code in codes:
        home = resolve(tmp / label)
        t = build_terminal(home, clock=clock, hasher=Argon2PinHasher.cheap())
        load_demo(t.engine, N, SEED, book_day, clock(), DOP, 2)
        t.close()
        assert cli.enroll(home, central.url, code, label) == 0
        t = build_terminal(home, clock=clock, hasher=Argon2PinHasher.cheap())
        t.auth.add_user(cashier, cashier.title(), "cashier", "1234")
        t.auth.add_user("sup" + cashier, "Supervisor", "supervisor", "4321")
        svc = t.sync_service()
        svc.transport = Lossy(svc.transport)
        tills[label] = Till(t, terminal_id, agent, t.auth.login(cashier, "1234"), t.auth.login("sup" + cashier, "4321"), svc)
    return central, tills


def payable_accounts(till: Till, n: int, *, segment: str = "residential", low: int = 200000, high: int = 1500000) -> list[str]:
    """Active accounts of a segment owing between ``low`` and ``high`` (minor units), in id order."""
    import sqlite3

    con = sqlite3.connect(till.terminal.paths.store)
    try:
        return [r[0] for r in con.execute(
            "select account_id from accounts where status='active' and segment=? and biller_id != 'LUZ' and balance_minor between ? and ?"
            " order by account_id limit ?", (segment, low, high, n))]
    finally:
        con.close()
