"""Counter, auth and shift services against in-memory fakes (no database)."""

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from app.domain.accounts import Account, AccountStatus, Biller, BillerKind, DocumentKind, OpenDocument, Segment
from app.domain.errors import DomainError, NotFound, Unauthorized
from app.domain.money import Money
from app.domain.protocol import ZERO_HASH, verify_chain
from app.domain.users import Role
from app.services.auth import AuthService
from app.services.counter import CounterService
from app.services.journal import verify_audit
from app.services.ports import AccountRecord
from app.services.shifts import ShiftService
from app.settings import Settings
from tests.unit.fakes import FakeClock, FakeStore, PlainHasher

import json


def M(minor: int) -> Money:
    return Money.from_minor(minor, "DOP")


@pytest.fixture
def world():
    store, clock = FakeStore(), FakeClock()
    st = store.state
    st.billers["AGUA"] = Biller("AGUA", "Acueducto", BillerKind.WATER, "DOP")
    for acc_id, status, docs in [
        ("1000", AccountStatus.ACTIVE, [("D1", date(2026, 9, 10), 50000), ("D2", date(2026, 10, 10), 70000)]),
        ("2000", AccountStatus.JUDICIAL, [("D9", date(2026, 1, 10), 90000)]),
    ]:
        st.accounts[acc_id] = AccountRecord(
            Account(acc_id, "AGUA", f"Cliente {acc_id}", "001", Segment.RESIDENTIAL, status, "DOP"),
            sum(a for _, _, a in docs),
            datetime(2026, 11, 22, 18, 40, tzinfo=timezone.utc),
        )
        st.documents[acc_id] = [
            OpenDocument(d, acc_id, DocumentKind.INVOICE, due, due, M(a), M(0)) for d, due, a in docs
        ]
    settings = Settings(currency="DOP", locale="es_DO", timezone="America/Santo_Domingo", cutoff="18:00")
    auth = AuthService(store, PlainHasher(), clock)
    auth.add_user("ana", "Ana", Role.CASHIER, "1234")
    auth.add_user("sup", "Sonia", Role.SUPERVISOR, "4321")
    shifts = ShiftService(store, clock, settings)
    counter = CounterService(store, clock, settings, "T1")
    session = shifts.open_shift(auth.login("ana", "1234"), {100000: 1})
    return store, clock, counter, session, auth


def test_cash_payment_commits_payment_outbox_and_audit_together(world):
    store, clock, counter, session, _ = world
    commits = store.commits
    p = counter.take_cash_payment(session, "1000", M(150000))
    st = store.state
    assert store.commits == commits + 1, "one unit of work, one commit"
    assert (p.amount_minor, p.tenders[0]["change"]) == (120000, 30000)
    assert p.allocations == [{"document_id": "D1", "amount": 50000}, {"document_id": "D2", "amount": 70000}]
    assert st.accounts["1000"].balance_minor == 0
    item = json.loads(st.outbox[-1].body)
    assert item["id"] == p.payment_id and item["type"] == "payment" and item["seq"] == p.seq == 2
    assert item["receipt_no"] == 1 and item["offline"] is True and item["balance_before"] == 120000
    assert verify_chain([json.loads(o.body) for o in st.outbox]) is None
    assert st.audit[-1].action == "payment" and verify_audit(st.audit) == []


def test_refused_payment_writes_nothing(world):
    store, _, counter, session, _ = world
    before = (store.commits, len(store.state.outbox), store.state.counters.last_receipt_no)
    with pytest.raises(DomainError) as e:
        counter.take_cash_payment(session, "1000", M(100))
    assert e.value.code == "insufficient_cash"
    with pytest.raises(DomainError) as e:
        counter.take_cash_payment(session, "1000", M(999999), amount=M(130000))
    assert e.value.code == "overpayment_not_allowed"
    assert (store.commits, len(store.state.outbox), store.state.counters.last_receipt_no) == before


def test_judicial_accounts_are_paid_at_the_law_firm(world):
    _, _, counter, session, _ = world
    with pytest.raises(DomainError) as e:
        counter.take_cash_payment(session, "2000", M(90000))
    assert e.value.code == "account_judicial" and "estudio jurídico" in e.value.message


def test_receipt_numbers_and_seq_have_no_gaps_across_failures(world):
    store, _, counter, session, _ = world
    counter.take_cash_payment(session, "1000", M(50000), amount=M(50000))
    with pytest.raises(DomainError):
        counter.take_cash_payment(session, "1000", M(1), amount=M(50000))
    p = counter.take_cash_payment(session, "1000", M(50000), amount=M(50000))
    assert p.receipt_no == 2 and p.seq == 3
    assert [o.seq for o in store.state.outbox] == [1, 2, 3]


def test_business_date_moves_after_the_cutoff(world):
    _, clock, counter, session, _ = world
    clock.moment = datetime(2026, 11, 24, 0, 30, tzinfo=timezone.utc)  # 20:30 in Santo Domingo: after the policy's 20:00
    p = counter.take_cash_payment(session, "1000", M(50000), amount=M(50000))
    assert p.business_date == "2026-11-24"
    clock.moment = datetime(2026, 11, 23, 22, 30, tzinfo=timezone.utc)  # 18:30: before it
    p = counter.take_cash_payment(session, "1000", M(50000), amount=M(50000))
    assert p.business_date == "2026-11-23"


def test_payment_needs_an_open_shift(world):
    _, _, counter, session, _ = world
    from dataclasses import replace

    with pytest.raises(DomainError) as e:
        counter.take_cash_payment(replace(session, shift_id="nope"), "1000", M(120000))
    assert e.value.code == "no_open_shift"


def test_lookup_errors_are_clear(world):
    _, _, counter, _, _ = world
    for text, code in [("", "empty_account"), ("99", "unknown_account"), ("'; drop", "bad_account_format")]:
        with pytest.raises(DomainError) as e:
            counter.lookup_account(text)
        assert e.value.code == code


def test_reprint_counter(world):
    _, _, counter, session, _ = world
    p = counter.take_cash_payment(session, "1000", M(120000))
    assert [counter.start_print(p.payment_id) for _ in range(3)] == [1, 2, 3]
    assert counter.print_not_made(p.payment_id, 2) is False  # print 3 came after: 2 is not the last
    assert counter.print_not_made(p.payment_id, 3) is True
    assert counter.start_print(p.payment_id) == 3  # the taken-back number is given again
    with pytest.raises(NotFound):
        counter.start_print("missing")
    assert counter.print_not_made("missing", 1) is False


def test_five_wrong_pins_lock_for_five_minutes(world):
    store, clock, _, _, auth = world
    for i in range(4):
        with pytest.raises(Unauthorized) as e:
            auth.login("ana", "0000")
        assert e.value.code == "bad_credentials"
    with pytest.raises(Unauthorized) as e:
        auth.login("ana", "0000")
    assert e.value.code == "user_locked"
    with pytest.raises(Unauthorized) as e:
        auth.login("ana", "1234")  # right PIN, still locked
    assert e.value.code == "user_locked"
    clock.advance(minutes=5, seconds=1)
    assert auth.login("ana", "1234").user_id == "ana"
    actions = [a.action for a in store.state.audit]
    assert actions.count("login_failed") == 5 and actions.count("login_refused") == 1


def test_only_supervisors_approve(world):
    _, _, _, _, auth = world
    with pytest.raises(Unauthorized) as e:
        auth.approve("ana", "1234")
    assert e.value.code == "not_a_supervisor"
    assert auth.approve("sup", "4321").can_approve


def test_one_open_shift_per_cashier(world):
    store, clock, _, session, auth = world
    shifts = ShiftService(store, clock, Settings())
    with pytest.raises(DomainError) as e:
        shifts.open_shift(session.user, {100000: 1})
    assert e.value.code == "shift_already_open"


def test_audit_verify_names_the_edited_and_the_deleted_entry(world):
    store, _, counter, session, _ = world
    counter.take_cash_payment(session, "1000", M(120000))
    from dataclasses import replace

    audit = list(store.state.audit)
    pay = next(i for i, a in enumerate(audit) if a.action == "payment")
    edited = audit.copy()
    edited[pay] = replace(edited[pay], detail=edited[pay].detail.replace("120000", "12000"))
    assert edited[pay].detail != audit[pay].detail
    problems = verify_audit(edited)
    assert [(p.entry_id, p.problem) for p in problems] == [(audit[pay].id, "edited")]
    deleted = audit[:2] + audit[3:]
    problems = verify_audit(deleted)
    assert [(p.entry_id, p.problem) for p in problems] == [(3, "deleted")]
