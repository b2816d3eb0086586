"""Pushing the outbox and settling each item by central's answer (fake transport)."""

import json

import pytest

from app.domain.money import Money
from app.services.enrolment import record_enrolment
from app.domain.errors import DomainError
from app.services.ports import CentralUnavailable
from app.services.sync import SyncService
from tests.unit.test_services import world  # noqa: F401  (fixture)


class ScriptedTransport:
    def __init__(self, answer):
        self.answer = answer
        self.batches = []

    def send_batch(self, batch_id, items):
        self.batches.append((batch_id, items))
        if isinstance(self.answer, Exception):
            raise self.answer
        return [self.answer(i) for i in items]


def take_three(world):
    store, clock, counter, session, _ = world
    # the balance is 1,200.00 and the policy's smallest abono 500.00: 500 + 500 + the last 200
    for minor in (50000, 50000, 20000):
        counter.take_cash_payment(session, "1000", Money.from_minor(minor, "DOP"), amount=Money.from_minor(minor, "DOP"))
    return store, clock


def test_acknowledged_items_leave_the_queue(world):
    store, clock = take_three(world)
    transport = ScriptedTransport(lambda i: {"id": i["id"], "status": "created"})
    report = SyncService(store, transport, clock).push_once()
    assert (report.sent, report.acknowledged, report.remaining) == (4, 4, 0)  # shift_open + 3 payments
    (batch_id, items), = transport.batches
    assert [i["seq"] for i in items] == [1, 2, 3, 4]
    assert all(o.state == "acked" for o in store.state.outbox)
    assert store.state.values["last_sync_at"]


def test_offline_changes_nothing(world):
    store, clock = take_three(world)
    before = [(o.seq, o.state, o.attempts) for o in store.state.outbox]
    with pytest.raises(CentralUnavailable):
        SyncService(store, ScriptedTransport(CentralUnavailable("central_unavailable", "x")), clock).push_once()
    assert [(o.seq, o.state, o.attempts) for o in store.state.outbox] == before


def test_rejected_and_different_items_are_quarantined_and_audited(world):
    store, clock = take_three(world)
    bad = {o.item_id for o in store.state.outbox if o.seq in (2, 3)}

    def answer(i):
        if i["seq"] == 2:
            return {"id": i["id"], "status": "rejected", "reason": "broken_chain"}
        if i["seq"] == 3:
            return {"id": i["id"], "status": "exists_with_different_fields", "fields": ["amount"]}
        return {"id": i["id"], "status": "accepted_flagged", "reasons": ["account_overpaid"]}

    report = SyncService(store, ScriptedTransport(answer), clock).push_once()
    assert (report.acknowledged, report.flagged, report.quarantined) == (2, 2, 2)
    states = {o.item_id: o.state for o in store.state.outbox}
    assert {i for i, s in states.items() if s == "quarantined"} == bad
    flagged = [json.loads(o.result) for o in store.state.outbox if o.state == "acked"]
    assert all(r["reasons"] == ["account_overpaid"] for r in flagged)
    audits = [a for a in store.state.audit if a.action == "sync_quarantine"]
    assert len(audits) == 2 and "broken_chain" in audits[0].detail
    # quarantined items are never resent automatically
    transport = ScriptedTransport(lambda i: {"id": i["id"], "status": "created"})
    assert SyncService(store, transport, clock).push_once().sent == 0


def test_unanswered_items_stay_pending(world):
    store, clock = take_three(world)
    answer = lambda i: {"id": "someone-else", "status": "created"}  # noqa: E731
    report = SyncService(store, ScriptedTransport(answer), clock).push_once()
    assert report.acknowledged == 0 and report.remaining == 4


def test_enrolment_refused_once_items_exist(world):
    store, clock = take_three(world)
    with pytest.raises(DomainError) as e:
        record_enrolment(store, clock, "T-REAL", "AG001", "c2VjcmV0", "http://central")
    assert e.value.code == "outbox_not_empty"
    assert store.state.counters.terminal_id == "T1"
