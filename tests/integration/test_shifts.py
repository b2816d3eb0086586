"""Shifts scripted through the services on a real store; every Z figure and
manifest field checked against the sum of the shift's own items."""

import json
import sqlite3
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.domain.errors import DomainError, Unauthorized
from app.domain.money import Money
from app.domain.payments import CardTender, ChequeTender, cash_tender
from app.domain.protocol import verify_chain
from app.domain.shifts import BlindCount
from app.services.counter import PaymentRequest


def M(major: str) -> Money:
    return Money(Decimal(major), "DOP")


def payable(t, n, segment="residential"):
    """Active accounts whose biller takes abonos (LUZ does not), with room for the day's payments."""
    con = sqlite3.connect(t.paths.store)
    rows = con.execute(
        "select account_id from accounts where status = 'active' and biller_id != 'LUZ' and segment = ?"
        " and balance_minor > 500000 order by account_id limit ?",
        (segment, n),
    ).fetchall()
    assert len(rows) == n, "the demo book should have enough payable accounts"
    return [r[0] for r in rows]


@pytest.fixture
def day(seeded, session):
    """A shift with every tender, a split, a void, a drop and a float_in."""
    t = seeded
    supervisor = t.auth.approve("sup", "4321")
    a = payable(t, 5)
    c = t.counter
    cash = c.take_cash_payment(session, a[0], M("1000"), amount=M("850"))
    business = payable(t, 1, "business")[0]  # cheques only from business accounts (default policy)
    issued = t.clock.now().date() - timedelta(days=3)
    cheque = c.take_payment(session, PaymentRequest(business, amount=M("2000"), tenders=(
        ChequeTender(M("2000"), "BHD", "00012345", "1234567", issued, "Comercial El Progreso SRL", "1-01-00001-1"),)))
    card = c.take_payment(session, PaymentRequest(a[2], amount=M("1500"), tenders=(CardTender(M("1500"), "VISA", "4242", "A1B2C3"),)))
    split = c.take_payment(session, PaymentRequest(a[3], amount=M("3000"), tenders=(
        CardTender(M("1000"), "MASTERCARD", "5454", "XY12Z9"), cash_tender(M("2000"), M("2500")))))
    voided = c.take_cash_payment(session, a[4], M("700"), amount=M("700"))
    c.void_payment(session, voided.payment_id, supervisor, "cliente pagó la cuenta equivocada")
    t.shifts.float_in(session, M("500"), supervisor)
    t.shifts.cash_drop(session, M("1500"), supervisor)
    return t, session, supervisor, dict(cash=cash, cheque=cheque, card=card, split=split, voided=voided)


def items_of(t, shift_id):
    con = sqlite3.connect(t.paths.store)
    return [json.loads(b) for (b,) in con.execute("select body from outbox order by seq") if json.loads(b)["shift_id"] == shift_id]


def expected_from_items(items):
    opening = next(i for i in items if i["type"] == "shift_open")["opening_float"]
    payments = [i for i in items if i["type"] == "payment"]
    voided_ids = {i["voids"] for i in items if i["type"] == "void"}
    by_kind = {k: [tt["amount"] for p in payments for tt in p["tenders"] if tt["kind"] == k] for k in ("cash", "cheque", "card")}
    voided_by_kind = {k: sum(tt["amount"] for p in payments if p["id"] in voided_ids for tt in p["tenders"] if tt["kind"] == k)
                      for k in ("cash", "cheque", "card")}
    moves = {k: sum(i["amount"] for i in items if i["type"] == "cash_movement" and i["kind"] == k) for k in ("drop", "float_in")}
    expected = {
        "cash": opening + sum(by_kind["cash"]) - voided_by_kind["cash"] + moves["float_in"] - moves["drop"],
        "cheque": sum(by_kind["cheque"]) - voided_by_kind["cheque"],
        "card": sum(by_kind["card"]) - voided_by_kind["card"],
    }
    counts = {k: {"count": len(v), "total": sum(v)} for k, v in by_kind.items()}
    voids = [i for i in items if i["type"] == "void"]
    return expected, counts, {"count": len(voids), "total": sum(v["amount"] for v in voids)}, payments


def exact_count(expected_cash, cheque_total, card_total, cheques=1):
    """Denominations that add up to the expected cash (DOP)."""
    denoms, rest = {}, expected_cash
    for d in (200000, 100000, 50000, 20000, 10000, 5000, 2500, 1000, 500, 100):
        denoms[d], rest = divmod(rest, d)
    assert rest == 0
    return BlindCount({d: n for d, n in denoms.items() if n}, cheques, cheque_total, card_total)


def test_x_report_resets_nothing_and_matches_the_items(day):
    t, session, _, _ = day
    x1 = t.shifts.x_report(session)
    x2 = t.shifts.x_report(session)
    assert x1.figures == x2.figures and x1.kind == "X"
    expected, counts, voids, _ = expected_from_items(items_of(t, session.shift_id))
    assert x1.figures.expected == expected
    assert {k: v.to_wire() for k, v in x1.figures.counts.items()} == counts
    assert x1.figures.voids.to_wire() == voids


def test_close_with_an_exact_count(day):
    t, session, _, p = day
    x = t.shifts.x_report(session)
    e = x.figures.expected
    out = t.shifts.close_shift(session, exact_count(e["cash"], e["cheque"], e["card"]))
    assert out.status == "closed"
    m = out.manifest
    items = items_of(t, session.shift_id)
    expected, counts, voids, payments = expected_from_items(items[:-1])
    assert m["type"] == "shift_close" and items[-1]["id"] == m["id"]
    assert m["expected"] == expected and m["counted"] == expected
    assert m["over_short"] == {"cash": 0, "cheque": 0, "card": 0}
    assert m["counts"] == counts and m["voids"] == voids == {"count": 1, "total": 70000}
    assert (m["receipt_from"], m["receipt_to"]) == (min(i["receipt_no"] for i in payments), max(i["receipt_no"] for i in payments))
    assert m["seq_from"] == items[0]["seq"] and m["seq_to"] == items[-2]["seq"] and m["last_hash"] == items[-2]["hash"]
    assert m["approver_id"] is None
    assert sum(int(d) * n for d, n in m["counted_denominations"].items()) == expected["cash"]
    assert verify_chain([json.loads(b) for (b,) in sqlite3.connect(t.paths.store).execute("select body from outbox order by seq")]) is None
    # the Z report says the same
    z = out.report
    assert z.kind == "Z" and z.figures.expected == expected and z.over_short == m["over_short"]
    assert z.seq_from == m["seq_from"] and z.seq_to == m["seq_to"]
    # a closed shift is immutable
    with pytest.raises(DomainError) as e1:
        t.shifts.close_shift(session, exact_count(e["cash"], e["cheque"], e["card"]))
    assert e1.value.code == "shift_closed"
    with pytest.raises(DomainError) as e2:
        t.counter.take_cash_payment(session, payable(t, 1)[0], M("10"), amount=M("10"))
    assert e2.value.code == "shift_closed" and "cerrado" in e2.value.message
    with pytest.raises(DomainError):
        t.shifts.cash_drop(session, M("1"), t.auth.approve("sup", "4321"))


def test_shortage_within_tolerance_closes(day):
    t, session, _, _ = day
    e = t.shifts.x_report(session).figures.expected
    count = exact_count(e["cash"] - 100, e["cheque"], e["card"])  # one peso short
    out = t.shifts.close_shift(session, count, tolerance_minor=500)
    assert out.status == "closed" and out.manifest["over_short"]["cash"] == -100


def test_shortage_beyond_tolerance_recount_then_supervisor(day):
    t, session, supervisor, _ = day
    e = t.shifts.x_report(session).figures.expected
    short = exact_count(e["cash"] - 50000, e["cheque"], e["card"])
    first = t.shifts.close_shift(session, short, tolerance_minor=500)
    assert first.status == "recount" and first.report.over_short["cash"] == -50000
    second = t.shifts.close_shift(session, short, tolerance_minor=500)
    assert second.status == "needs_approval"
    with pytest.raises(Unauthorized):
        t.shifts.close_shift(session, short, tolerance_minor=500, approver=session.user, reason="x")
    with pytest.raises(DomainError) as e1:
        t.shifts.close_shift(session, short, tolerance_minor=500, approver=supervisor, reason="  ")
    assert e1.value.code == "reason_required"
    done = t.shifts.close_shift(session, short, tolerance_minor=500, approver=supervisor, reason="faltante repuesto por el cajero")
    assert done.status == "closed"
    assert done.manifest["approver_id"] == "sup" and done.manifest["over_short"] == {"cash": -50000, "cheque": 0, "card": 0}


def test_voids_reverse_the_local_balance_and_only_once(day):
    t, session, supervisor, p = day
    voided = p["voided"]
    view = t.counter.lookup_account(voided.account_id)
    assert view.balance.to_minor() == voided.balance_before_minor
    with pytest.raises(DomainError) as e:
        t.counter.void_payment(session, voided.payment_id, supervisor, "otra vez")
    assert e.value.code == "already_voided"
    with pytest.raises(Unauthorized):
        t.counter.void_payment(session, p["cash"].payment_id, session.user, "yo mismo")


def test_drop_needs_a_supervisor_and_cannot_exceed_the_drawer(day):
    t, session, supervisor, _ = day
    with pytest.raises(Unauthorized):
        t.shifts.cash_drop(session, M("10"), session.user)
    in_drawer = t.shifts.cash_in_drawer(session)
    with pytest.raises(DomainError) as e:
        t.shifts.cash_drop(session, Money.from_minor(in_drawer + 100, "DOP"), supervisor)
    assert e.value.code == "drop_exceeds_cash"
    assert t.shifts.drop_due(session, in_drawer - 1) and not t.shifts.drop_due(session, in_drawer)


def test_bad_counts_are_refused(day):
    t, session, _, _ = day
    for bad in ({333: 1}, {100000: -1}):
        with pytest.raises(DomainError):
            t.shifts.close_shift(session, BlindCount(bad, 0, 0, 0))
    with sqlite3.connect(t.paths.store) as con:
        assert con.execute("select status, close_attempts from shifts where shift_id=?", (session.shift_id,)).fetchone() == ("open", 0)


def test_void_receipt_says_why_and_who(day):
    from app.services.receipts import ReceiptService, check_verification

    t, session, supervisor, p = day
    receipt = ReceiptService(t.counter.uow, t.clock, t.settings, b"k" * 32).receipt_for(p["voided"].payment_id, 2)
    assert receipt.voided and receipt.is_copy
    assert receipt.extra["void_reason"] == "cliente pagó la cuenta equivocada"
    assert receipt.extra["void_approver"] == "Sonia Supervisora"
    assert check_verification(b"k" * 32, receipt.verification)
    assert not check_verification(b"x" * 32, receipt.verification)
