"""Whole business days, from the counter to the reconciliation desk.

Three real terminals (two agents) take payments and close shifts through the
terminal services, sync over HTTP into a real central service, and the office
works the days through the desk API with an admin token.  The days hold a
shortage, a batch that goes missing and arrives late (once into a closed
window, once after its window was reconciled), a returned cheque, a payment on
an account another terminal had already paid, and a deposit with a wrong
reference.  Every window state, check result and exception is asserted, on
SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest
import requests

from sync.wire import signed_headers
from tests.central.office_world import Clock, build_network, payable_accounts

D1, D2, D4 = "2026-11-23", "2026-11-24", "2026-11-27"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def checks_of(central, window_id: int) -> dict[str, str]:
    return {c["name"]: c["status"] for c in central.ok("GET", f"/windows/{window_id}")["checks"]}


def window(central, agent: str, day: str) -> dict:
    found = [w for w in central.ok("GET", "/windows", params={"agent_id": agent})["windows"] if w["business_date"] == day]
    assert len(found) == 1, found
    return found[0]


def cases(central, **params) -> list[tuple]:
    """(agent, type, source, status, amount, cashier) of the exceptions, in id order."""
    rows = central.ok("GET", "/exceptions", params=params)["exceptions"]
    return [(e["agent_id"], e["type"], e["source"], e["status"], e["amount"], e["cashier_id"]) for e in rows]


def central_account(central, till, account_id: str) -> dict:
    return till.sync.transport.fetch_account(account_id)


def run_days(tmp_path, db_url):
    clock = Clock(at("2026-11-23T13:00:00"))  # 09:00 in Santo Domingo
    central, tills = build_network(
        tmp_path, db_url, clock, date(2026, 11, 23), {"AG001": [("T1", "ana"), ("T2", "beto")], "AG002": [("T3", "carla")]}
    )
    try:
        _days(central, tills, clock)
    finally:
        for till in tills.values():
            till.terminal.close()
        central.stop()


def _days(central, tills, clock):
    t1, t2, t3 = tills["T1"], tills["T2"], tills["T3"]
    acc = payable_accounts(t1, 8)
    (business,) = payable_accounts(t1, 1, segment="business")
    assert len(acc) == 8

    # -- day 1 at the counters ----------------------------------------------------------
    t1.open(2000)
    t1.cash(acc[0], "600")
    t1.cash(acc[1], "700")
    cheque = t1.cheque(business, "800", "00012345", "001-7654321-0")
    full = t1.balance_local(acc[3])
    card = t1.card(acc[3], full, "A1B2C3")
    t1.push()
    clock.advance(hours=8)
    manifest = t1.close(short_pesos=100)  # the drawer is 100.00 short
    assert manifest["over_short"]["cash"] == -10000
    t1.push()

    t2.open(1000)
    t2.cash(acc[4], "500")
    lost = t2.cash(acc[5], "550")
    overpaid = t2.cash(acc[3], "500")  # T1 already paid this account in full
    t2.sync.transport.lost = {lost.payment_id}
    t2.push()
    t2.close()
    t2.push()
    answers = {json.loads(r)["id"]: json.loads(r) for (r,) in t2.terminal.engine.connect().exec_driver_sql(
        "select result from outbox where result is not null").all()}
    assert answers[overpaid.payment_id]["status"] == "accepted_flagged"
    assert answers[overpaid.payment_id]["reasons"] == ["account_overpaid"]

    t3.open(1500)
    t3.cash(acc[6], "900")
    lost3 = t3.cash(acc[7], "600")
    t3.sync.transport.lost = {lost3.payment_id}
    t3.push()
    t3.close()
    t3.push()

    # evening: the cut-off (midnight in Santo Domingo) has not passed
    clock.set(at("2026-11-24T01:00:00"))
    closing = central.ok("POST", "/windows/close")
    assert closing["closed"] == []
    assert {(w["agent_id"], w["business_date"], w["why"]) for w in closing["waiting"]} == {
        ("AG001", D1, "cut-off not passed"), ("AG002", D1, "cut-off not passed")}
    assert window(central, "AG001", D1)["state"] == "OPEN"

    # -- day 2 at the office ----------------------------------------------------------------
    clock.set(at("2026-11-24T13:00:00"))
    closing = central.ok("POST", "/windows/close")
    assert sorted((w["agent_id"], w["business_date"]) for w in closing["closed"]) == [("AG001", D1), ("AG002", D1)]
    statement = (
        "date,reference,amount,currency\n"
        "2026-11-24,AG001-20261123,2850.00,DOP\n"  # all the cash AG001 took, the missing payment's too
        "2026-11-24,AG001-20261123-CHQ,800.00,DOP\n"
        "2026-11-24,AG0O2 23/11,1500.00,DOP\n"  # AG002's deposit, with a reference nobody can read
    )
    imported = central.ok("POST", "/bank-statements", params={"bank": "BHD"}, data=statement.encode(), headers={"Content-Type": "text/csv"})
    assert imported["counts"] == {"matched": 2, "unmatched": 1}
    again = central.ok("POST", "/bank-statements", params={"bank": "BHD"}, data=statement.encode())
    assert again["counts"] == {"already_imported": 3}
    settlement = f"settled_on,auth_code,last4,brand,amount,currency,terminal_ref\n2026-11-24,A1B2C3,4242,visa,{full.amount},DOP,POS-77\n"
    assert central.ok("POST", "/card-settlements", data=settlement.encode())["counts"] == {"matched": 1}

    done = central.ok("POST", "/reconcile", json={})
    assert done["reconciled"] == []
    w1, w2 = window(central, "AG001", D1), window(central, "AG002", D1)
    assert (w1["state"], w2["state"]) == ("CLOSED", "CLOSED")
    assert checks_of(central, w1["id"]) == {
        "completeness": "fail", "manifests": "fail", "drawer_counts": "fail",
        "cash_deposits": "fail", "cheque_deposits": "pass", "card_settlement": "pass"}
    assert checks_of(central, w2["id"]) == {
        "completeness": "fail", "manifests": "fail", "drawer_counts": "pass",
        "cash_deposits": "pending", "cheque_deposits": "pass", "card_settlement": "pass"}
    detail = central.ok("GET", f"/windows/{w1['id']}")
    by_name = {c["name"]: c for c in detail["checks"]}
    assert by_name["completeness"]["detail"] == [{"terminal_id": t2.terminal_id, "missing_seq": "3", "missing_receipts": "2"}]
    assert (by_name["cash_deposits"]["expected"], by_name["cash_deposits"]["actual"]) == (230000, 285000)
    assert (by_name["cheque_deposits"]["expected"], by_name["cheque_deposits"]["actual"]) == (80000, 80000)
    assert (by_name["card_settlement"]["expected"], by_name["card_settlement"]["actual"]) == (full.to_minor(),) * 2
    assert cases(central) == [
        ("AG001", "account_overpaid", "item", "open", 50000, "beto"),
        ("AG001", "missing_items", "check", "open", 1, None),
        ("AG001", "manifest_mismatch", "check", "open", -55000, "beto"),
        ("AG001", "shortage", "check", "open", -10000, "ana"),
        ("AG001", "overage", "check", "open", 55000, None),
        ("AG002", "missing_items", "check", "open", 1, None),
        ("AG002", "manifest_mismatch", "check", "open", -60000, "carla"),
    ]

    # the missing batch arrives: into the closed window, flagged late
    t2.sync.transport.lost = set()
    t2.push()
    late = central.ok("GET", "/exceptions", params={"type": "late"})["exceptions"]
    assert [(e["item_id"], e["business_date"], e["window_id"], e["reasons"]) for e in late] == [
        (lost.payment_id, D1, w1["id"], ["business_date_closed"])]
    central.ok("POST", "/reconcile", json={"business_date": D1})
    assert checks_of(central, w1["id"]) == {
        "completeness": "pass", "manifests": "pass", "drawer_counts": "fail",
        "cash_deposits": "pass", "cheque_deposits": "pass", "card_settlement": "pass"}
    assert window(central, "AG001", D1)["state"] == "CLOSED"
    cleared = central.ok("GET", "/exceptions", params={"agent_id": "AG001", "status": "resolved"})["exceptions"]
    assert sorted((e["type"], e["resolution"], e["resolved_by"]) for e in cleared) == [
        ("manifest_mismatch", "cleared", "system"), ("missing_items", "cleared", "system"), ("overage", "cleared", "system")]

    # the shortage is charged to the cashier: the window reconciles
    shortage = central.ok("GET", "/exceptions", params={"type": "shortage", "status": "unresolved"})["exceptions"][0]
    central.ok("POST", f"/exceptions/{shortage['id']}/assign", json={"assignee": "marta"})
    r = central.desk("POST", f"/exceptions/{shortage['id']}/resolve", json={"action": "adjust", "reason": ""})
    assert r.status_code == 400 and r.json()["error"] == "invalid_request"
    resolved = central.ok("POST", f"/exceptions/{shortage['id']}/resolve", json={"action": "adjust", "reason": "descuento en nómina"})
    assert (resolved["status"], resolved["resolution"], resolved["assigned_to"]) == ("resolved", "adjust", "marta")
    assert [h["action"] for h in resolved["history"]] == ["exception_assigned", "exception_adjust"]
    assert window(central, "AG001", D1)["state"] == "RECONCILED"
    assert checks_of(central, w1["id"])["drawer_counts"] == "resolved"
    ana = central.ok("GET", "/over-short", params={"cashier_id": "ana"})["cashiers"]
    assert [(c["shifts"], c["short"], c["net"], c["charged"]) for c in ana] == [(1, 10000, -10000, 10000)]

    # the payment on an already paid account is reversed: the credit goes away
    assert central_account(central, t2, acc[3])["credit"] == 50000
    flagged = central.ok("GET", "/exceptions", params={"type": "account_overpaid"})["exceptions"][0]
    central.ok("POST", f"/exceptions/{flagged['id']}/resolve", json={"action": "reverse", "reason": "se devolvió al cliente"})
    assert central_account(central, t2, acc[3])["credit"] == 0
    r = central.desk("POST", f"/exceptions/{flagged['id']}/resolve", json={"action": "approve", "reason": "again"})
    assert (r.status_code, r.json()["error"]) == (409, "exception_resolved")

    # -- day 3: the cheque comes back -----------------------------------------------------
    clock.set(at("2026-11-25T14:00:00"))
    before = central_account(central, t1, business)["balance"]
    returned = central.ok("POST", "/returned-cheques", json={"payment_id": cheque.payment_id, "reason": "fondos insuficientes"})
    assert (returned["amount"], returned["drawer_id"], returned["window_date"]) == (80000, "001-7654321-0", "2026-11-25")
    assert central_account(central, t1, business)["balance"] == before + 80000
    r = central.desk("POST", "/returned-cheques", json={"payment_id": cheque.payment_id, "reason": "twice"})
    assert (r.status_code, r.json()["error"]) == (409, "already_returned")
    with t1.terminal.uow() as uow:
        secret = uow.values.get("terminal_secret")
    path = "/api/v1/returned-cheques"
    got = requests.get(central.url + path, headers=signed_headers(t1.terminal_id, secret, "GET", path, b"", clock()), timeout=10)
    assert got.status_code == 200
    assert got.json()["drawer_ids"] == ["001-7654321-0"]
    assert requests.get(central.url + path, timeout=10).status_code == 401

    # -- day 4: AG002's deposit is past its grace; the office finds it ------------------
    clock.set(at("2026-11-27T14:00:00"))
    central.ok("POST", "/reconcile", json={})
    assert checks_of(central, w2["id"])["cash_deposits"] == "fail"
    assert cases(central, agent_id="AG002", status="unresolved") == [
        ("AG002", "missing_items", "check", "open", 1, None),
        ("AG002", "manifest_mismatch", "check", "open", -60000, "carla"),
        ("AG002", "shortage", "check", "open", -90000, None),
    ]
    (unmatched,) = central.ok("GET", "/deposits", params={"status": "unmatched"})["deposits"]
    assert (unmatched["reference"], unmatched["amount"], unmatched["agent_id"]) == ("AG0O2 23/11", 150000, None)
    central.ok("POST", f"/deposits/{unmatched['id']}/assign", json={"agent_id": "AG002", "business_date": D1, "reason": "slip firmado por el agente"})
    central.ok("POST", "/reconcile", json={"business_date": D1})
    assert checks_of(central, w2["id"])["cash_deposits"] == "fail"  # now 600.00 over: the missing payment's cash
    for case in central.ok("GET", "/exceptions", params={"agent_id": "AG002", "status": "unresolved"})["exceptions"]:
        central.ok("POST", f"/exceptions/{case['id']}/resolve", json={"action": "approve", "reason": "lote perdido en la caja; llegará"})
    assert window(central, "AG002", D1)["state"] == "RECONCILED"
    assert checks_of(central, w2["id"]) == {
        "completeness": "resolved", "manifests": "resolved", "drawer_counts": "pass",
        "cash_deposits": "resolved", "cheque_deposits": "pass", "card_settlement": "pass"}
    assert sorted((e["type"], e["status"], e["resolution"]) for e in central.ok("GET", "/exceptions", params={"agent_id": "AG002"})["exceptions"]) == [
        ("manifest_mismatch", "resolved", "approve"), ("missing_items", "resolved", "approve"),
        ("overage", "resolved", "approve"), ("shortage", "resolved", "cleared")]

    # the lost payment finally arrives: its window is reconciled, so it counts today, as late
    t3.sync.transport.lost = set()
    t3.push()
    (late3,) = [e for e in central.ok("GET", "/exceptions", params={"type": "late", "agent_id": "AG002"})["exceptions"]]
    assert (late3["item_id"], late3["business_date"]) == (lost3.payment_id, D4)
    today = window(central, "AG002", D4)
    assert today["state"] == "OPEN" and late3["window_id"] == today["id"]
    assert window(central, "AG002", D1)["state"] == "RECONCILED"

    # -- the desk's other tables ------------------------------------------------------------
    states = {(w["agent_id"], w["business_date"]): w["state"] for w in central.ok("GET", "/windows")["windows"]}
    assert states == {("AG001", D1): "RECONCILED", ("AG002", D1): "RECONCILED", ("AG002", D4): "OPEN"}
    csv_text = central.desk("GET", "/windows", params={"format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("id,agent_id,business_date,state")
    assert len(csv_text.splitlines()) == 4
    kpis = central.ok("GET", "/kpis", params={"date_from": D1, "date_to": D1})
    # T1: 600 + 700 + 800 cheque + card; T2: 500 + 550 (the reversed 500 does not count); T3: 900 + 600
    assert kpis["payments"] == 8
    assert kpis["collected"] == 600_00 + 700_00 + 800_00 + full.to_minor() + 500_00 + 550_00 + 900_00 + 600_00
    assert {r["tender"]: r["count"] for r in kpis["by_tender"]} == {"cash": 6, "cheque": 1, "card": 1}
    assert {r["agent_id"]: r["count"] for r in kpis["by_agent"]} == {"AG001": 6, "AG002": 2}
    assert kpis["flagged_rate"] == pytest.approx(3 / 9 * 100, abs=0.01)  # the overpaid and both late ones
    assert kpis["returned_cheques"] == {"count": 0, "amount": 0}  # it counts on the day it came back
    assert sum(r["amount"] for r in kpis["ageing"]) == kpis["collected"]
    assert central.desk("GET", f"/windows/{w1['id']}/report.pdf").content.startswith(b"%PDF")
    assert central.desk("GET", "/kpis/report.pdf", params={"date_from": D1, "date_to": D4}).content.startswith(b"%PDF")
    audit = central.ok("GET", "/audit")["audit"]
    assert {"exception_adjust", "exception_reverse", "cheque_returned", "deposit_assigned", "windows_reconciled"} <= {a["action"] for a in audit}


def test_business_days_reconcile_on_sqlite(tmp_path, db_url):
    run_days(tmp_path, db_url)


@pytest.mark.postgres
def test_business_days_reconcile_on_postgres(tmp_path, pg_url):
    run_days(tmp_path, pg_url)
