"""The double-entry ledger over whole runs: debits equal credits, balances agree with the journal."""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from central import admin, ledger
from central.api import create_app
from central.db import make_engine
from tests.central.conftest import ACCOUNTS_CSV, DOCUMENTS_CSV, enroll_sim
from tests.central.helpers import FakeClock

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

INITIAL = {"A1": 15050, "A2": 200000, "A3": 99999}
DOCS = {"A1": ["D-A1", "D-A1b"], "A2": ["D-A2"], "A3": ["D-A3"]}


def _tenders(rng: random.Random, amount: int) -> list[dict]:
    kinds = rng.sample(["cash", "cheque", "card"], rng.randint(1, 3))
    cuts = sorted(rng.randint(0, amount) for _ in range(len(kinds) - 1))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, amount])]
    out = []
    for kind, part in zip(kinds, parts):
        if kind == "cash":
            change = rng.choice([0, 0, 50, 1000])
            out.append({"kind": "cash", "amount": part, "received": part + change, "change": change})
        elif kind == "cheque":
            out.append({"kind": "cheque", "amount": part, "bank_code": "BPD", "number": "001", "account_number": "123",
                        "issue_date": "2026-11-22", "drawer_name": "Juan", "drawer_id": "001"})
        else:
            out.append({"kind": "card", "amount": part, "brand": "VISA", "last4": "4242", "auth_code": "OK1", "terminal_ref": "R"})
    return out


def _run(db_url: str, seed: int, n_ops: int, n_terminals: int) -> None:
    rng = random.Random(seed)
    clock = FakeClock()
    engine = make_engine(db_url)
    app = create_app(db_url, clock=clock)
    tmp = Path(tempfile.mkdtemp())
    try:
        admin.add_agent(engine, "AG001", "Centro")
        (tmp / "a.csv").write_text(ACCOUNTS_CSV, encoding="utf-8")
        (tmp / "d.csv").write_text(DOCUMENTS_CSV, encoding="utf-8")
        assert admin.import_accounts(engine, tmp / "a.csv").applied and admin.import_documents(engine, tmp / "d.csv").applied
        with TestClient(app) as client:
            sims = [enroll_sim(client, engine, clock, name=f"Caja {i}") for i in range(n_terminals)]
            pending = {s.terminal_id: [] for s in sims}
            payments = []
            for _ in range(n_ops):
                s = rng.choice(sims)
                op = rng.random()
                if op < 0.6:
                    account = rng.choice(["A1", "A2", "A3", "A1", "Z9"])
                    amount = rng.randint(1, 30000)
                    discount = rng.choice([0, 0, 0, rng.randint(1, 500)])
                    docs = DOCS.get(account, ["D-X"])
                    total = amount + discount
                    split = rng.randint(0, total)
                    allocations = [(docs[0], split), (docs[-1], total - split)]
                    item = s.payment(account, amount, discount=discount, allocations=allocations, tenders=_tenders(rng, amount),
                                     offline=rng.random() < 0.3)
                    payments.append(item)
                elif op < 0.75 and payments:
                    item = s.void(rng.choice(payments))
                elif op < 0.9:
                    item = s.drop(rng.randint(1, 5000), kind=rng.choice(["drop", "float_in"]))
                else:
                    item = s.shift_close(over_short={"cash": rng.randint(-500, 500), "card": rng.choice([0, -100])})
                    s.shift_id = f"S{s.seq}"
                pending[s.terminal_id].append(item)
                if rng.random() < 0.3:  # send what this terminal has, sometimes twice
                    batch = s.batch(pending[s.terminal_id])
                    assert s.send(client, batch).status_code == 200
                    if rng.random() < 0.3:
                        assert s.send(client, batch).status_code == 200
                    pending[s.terminal_id] = []
                clock.advance(seconds=rng.randint(1, 120))
            for s in sims:
                if pending[s.terminal_id]:
                    assert s.send(client, s.batch(pending[s.terminal_id])).status_code == 200
            expected_items = sum(s.seq for s in sims)
        _check(engine, expected_items)
    finally:
        app.state.engine.dispose()
        engine.dispose()
        shutil.rmtree(tmp, ignore_errors=True)


def _check(engine, expected_items: int) -> None:
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM items")).scalar() == expected_items
        assert conn.execute(text("SELECT count(*) FROM exceptions WHERE kind='rejected'")).scalar() == 0
        unbalanced = conn.execute(text(
            "SELECT journal_id, currency FROM entries GROUP BY journal_id, currency HAVING sum(debit) != sum(credit)"
        )).all()
        assert unbalanced == []
        debit, credit = conn.execute(text("SELECT sum(debit), sum(credit) FROM entries")).one()
        assert debit == credit and debit > 0
        assert conn.execute(text("SELECT count(*) FROM entries WHERE debit < 0 OR credit < 0 OR (debit > 0 AND credit > 0)")).scalar() == 0
        for account_id, balance, credit_held in conn.execute(text("SELECT account_id, balance, credit FROM accounts")):
            docs = conn.execute(text("SELECT amount, paid FROM documents WHERE account_id=:a"), {"a": account_id}).all()
            assert all(0 <= paid <= amount for amount, paid in docs)
            assert balance == sum(a - p for a, p in docs) - credit_held
            d, c = conn.execute(text(
                "SELECT coalesce(sum(debit),0), coalesce(sum(credit),0) FROM entries WHERE account_code=:r AND subledger=:a"
            ), {"r": ledger.RECEIVABLES, "a": account_id}).one()
            assert INITIAL[account_id] - balance == c - d
        # every payment that was voided is reversed to the cent
        for (body,) in conn.execute(text("SELECT body FROM items WHERE type='payment' AND voided_by IS NOT NULL")):
            item_id = json.loads(body)["id"]
            void_id = conn.execute(text("SELECT voided_by FROM items WHERE id=:i"), {"i": item_id}).scalar()
            a = conn.execute(text("SELECT account_code, sum(debit)-sum(credit) FROM entries WHERE journal_id=:j GROUP BY 1"), {"j": item_id}).all()
            b = dict(conn.execute(text("SELECT account_code, sum(debit)-sum(credit) FROM entries WHERE journal_id=:j GROUP BY 1"), {"j": void_id}).all())
            assert all(b[code] == -net for code, net in a)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), n_ops=st.integers(5, 60), n_terminals=st.integers(1, 3))
def test_debits_equal_credits_and_balances_match_the_journal_over_random_runs(template_db, seed, n_ops, n_terminals):
    workdir = Path(tempfile.mkdtemp())
    try:
        shutil.copyfile(template_db, workdir / "central.db")
        _run(f"sqlite:///{workdir / 'central.db'}", seed, n_ops, n_terminals)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def test_every_posting_rule_balances():
    pay = {"tenders": [{"kind": "cash", "amount": 70}, {"kind": "card", "amount": 30}], "discount": 5, "amount": 100, "account_id": "A"}
    for lines in (
        ledger.payment_lines(pay, "T", to_suspense=False),
        ledger.payment_lines(pay, "T", to_suspense=True),
        ledger.cash_movement_lines({"kind": "drop", "amount": 9}, "T"),
        ledger.cash_movement_lines({"kind": "float_in", "amount": 9}, "T"),
        ledger.shift_open_lines({"opening_float": 500}, "T"),
        ledger.shift_close_lines({"over_short": {"cash": -3, "cheque": 4, "card": 0}}, "T"),
        ledger.deposit_lines(1000),
    ):
        assert lines and ledger.is_balanced(lines)
    assert [x.code for x in ledger.payment_lines(pay, "T", to_suspense=True)][-1] == ledger.SUSPENSE
