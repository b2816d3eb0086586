"""Properties of the policy engine over generated payments: the numbers always add up as
PROTOCOL.md defines, change is never negative, and the same inputs give the same decision."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.accounts import Account, AccountStatus, DocumentKind, OpenDocument, Segment
from app.domain.money import Money
from app.domain.payments import CardTender, CashTender, ChequeTender
from app.domain.policy import (
    PaymentContext,
    PaymentProposal,
    allocate,
    cash_tender_for,
    evaluate,
    parse_policy,
)
from app.domain.protocol import payment_numbers_problem
from tests.unit.test_policy import NOW, POLICY, POLICY_TEXT, TODAY

#: the violations that mean "the payment's own numbers are wrong"
STRUCTURAL = {"no_tenders", "amount_not_positive", "negative_amount", "mixed_currencies", "tenders_do_not_add_up",
              "change_does_not_add_up", "insufficient_cash", "several_cash_tenders", "tender_not_positive",
              "unknown_document", "tender_unknown"}


def money(minor: int) -> Money:
    return Money.from_minor(minor, "DOP")


@st.composite
def documents(draw) -> tuple[OpenDocument, ...]:
    n = draw(st.integers(1, 5))
    docs = []
    for i in range(n):
        amount = draw(st.integers(1, 5_000_000))
        paid = draw(st.integers(0, amount))
        due = TODAY - timedelta(days=draw(st.integers(-60, 400)))
        kind = draw(st.sampled_from(list(DocumentKind)))
        docs.append(OpenDocument(f"D{i}", "A1", kind, due - timedelta(days=20), due, money(amount), money(paid)))
    return tuple(docs)


@st.composite
def contexts(draw) -> PaymentContext:
    docs = draw(documents())
    status = draw(st.sampled_from([AccountStatus.ACTIVE, AccountStatus.AGREEMENT, AccountStatus.WRITTEN_OFF]))
    account = Account("A1", draw(st.sampled_from(["AGUA", "LUZ", "TEL", "PREST"])), "X", "1",
                      draw(st.sampled_from(list(Segment))), status, "DOP")
    balance = sum((d.outstanding for d in docs), money(0)) - money(draw(st.integers(0, 10_000)))
    return PaymentContext(
        account=account, documents=docs, balance=balance, today=TODAY, now=NOW,
        cashier_role=draw(st.sampled_from(["cashier", "supervisor"])),
        offline=draw(st.booleans()), unsynced_count=draw(st.integers(0, 5)),
        unsynced_total=money(draw(st.integers(0, 5_000_000))),
    )


@st.composite
def minor(draw) -> int:
    """Mostly sensible amounts, one time in ten zero or negative (the simplest case is the sensible one)."""
    if draw(st.integers(0, 9)) == 9:
        return draw(st.integers(-1_000, 0))
    return draw(st.integers(1, 8_000_000))


@st.composite
def tenders(draw):
    kind = draw(st.sampled_from(["cash", "card", "cheque"]))
    amount = draw(minor())
    if kind == "cash":
        received = amount + draw(st.integers(0, 1_000_000)) if draw(st.integers(0, 4)) else draw(minor())
        change = received - amount if draw(st.integers(0, 4)) else draw(minor())
        return CashTender(money(amount), money(received), money(change))
    if kind == "card":
        return CardTender(money(amount), draw(st.sampled_from(["visa", "amex"])), "4242", "A1B2C3")
    number = draw(st.sampled_from(["00012345", "00012346", "1234"]))
    return ChequeTender(money(amount), "POPULAR", number, "7001234567", TODAY - timedelta(days=draw(st.integers(-3, 200))),
                        "Juan Pérez", "001-1234567-8")


@st.composite
def proposals(draw) -> PaymentProposal:
    count = draw(st.integers(1, 4)) if draw(st.integers(0, 19)) else 0
    ts = tuple(draw(tenders()) for _ in range(count))
    tender_sum = sum(t.amount.to_minor() for t in ts)
    amount = tender_sum if draw(st.integers(0, 4)) else draw(minor())
    discount = None if draw(st.integers(0, 2)) else draw(st.integers(-10, 500_000))
    doc_ids = None
    if not draw(st.integers(0, 3)):
        doc_ids = tuple(draw(st.lists(st.sampled_from(["D0", "D1", "D2", "ZZ"]), min_size=1, max_size=3, unique=True)))
    return PaymentProposal(money(amount), ts, money(discount) if discount is not None else None, doc_ids)


def wire(proposal: PaymentProposal, allocations) -> dict:
    return {
        "amount": proposal.amount.to_minor(),
        "discount": (proposal.discount or money(0)).to_minor(),
        "tenders": [t.to_wire() for t in proposal.tenders],
        "allocations": [{"document_id": a.document_id, "amount": a.amount.to_minor()} for a in allocations],
    }


@settings(max_examples=300, deadline=None)
@given(contexts(), proposals())
def test_a_payment_the_engine_lets_through_always_adds_up_on_the_wire(ctx, proposal):
    decision = evaluate(POLICY, ctx, proposal)
    codes = {v.code for v in decision.violations}
    if codes & STRUCTURAL:
        return
    item = wire(proposal, allocate(POLICY, ctx, proposal))
    assert payment_numbers_problem(item) is None
    received = sum((t.received if isinstance(t, CashTender) else t.amount).to_minor() for t in proposal.tenders)
    assert sum(t["amount"] for t in item["tenders"]) <= received  # never more applied than received
    for t in proposal.tenders:
        if isinstance(t, CashTender):
            assert t.change == t.received - t.amount and not t.change.is_negative()


@settings(max_examples=300, deadline=None)
@given(contexts(), proposals())
def test_numbers_that_do_not_add_up_are_always_reported(ctx, proposal):
    """The other direction: whatever PROTOCOL.md would reject, the engine has already refused."""
    applied = proposal.amount.to_minor() + (proposal.discount or money(0)).to_minor()
    item = wire(proposal, [])
    item["allocations"] = [{"document_id": "D0", "amount": applied}]
    if payment_numbers_problem(item) is not None:
        assert {v.code for v in evaluate(POLICY, ctx, proposal).violations} & STRUCTURAL


@settings(max_examples=200, deadline=None)
@given(contexts(), st.integers(1, 20_000_000), st.integers(0, 400_000), st.booleans())
def test_allocations_always_sum_to_amount_plus_discount(ctx, amount, discount, chosen):
    ids = tuple(d.document_id for d in ctx.documents if d.outstanding.amount > 0)[:2] if chosen else None
    proposal = PaymentProposal(money(amount), (CashTender(money(amount), money(amount), money(0)),), money(discount), ids)
    allocations = allocate(POLICY, ctx, proposal)
    assert sum(a.amount.to_minor() for a in allocations) == amount + discount
    assert all(a.amount.to_minor() > 0 for a in allocations)
    assert [a.document_id for a in allocations].count("") <= 1


CLP_POLICY = parse_policy("format = 1\nversion = 1\n[cash]\nrounding_step = { CLP = 50, DOP = 0 }\n")


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10_000_000), st.integers(0, 10_000_000), st.sampled_from(["CLP", "DOP"]))
def test_cash_change_is_received_minus_cash_applied_and_never_negative(due, received, currency):
    account = Account("A1", "AGUA", "X", "1", Segment.RESIDENTIAL, AccountStatus.ACTIVE, currency)
    ctx = PaymentContext(account, (), Money.from_minor(due, currency), TODAY, NOW)
    due_m, received_m = Money.from_minor(due, currency), Money.from_minor(received, currency)
    try:
        tender = cash_tender_for(CLP_POLICY, ctx, due_m, received_m)
    except Exception as e:  # only the one clear refusal is allowed
        assert getattr(e, "code", None) == "insufficient_cash"
        return
    assert tender.change == tender.received - tender.amount and not tender.change.is_negative()
    assert tender.amount <= due_m
    step = 50 if currency == "CLP" else 1
    assert (due_m - tender.amount).to_minor() < step and tender.amount.to_minor() % step == 0


@settings(max_examples=150, deadline=None)
@given(contexts(), proposals())
def test_the_same_inputs_always_give_the_same_decision(ctx, proposal):
    first = evaluate(POLICY, ctx, proposal)
    again = evaluate(parse_policy(POLICY_TEXT), ctx, proposal)
    assert first == again == evaluate(POLICY, ctx, proposal)


def test_today_is_the_fixture_date():
    assert TODAY == date(2026, 11, 22)
