"""The ``policy_check_p99_ms`` benchmark: a split-tender payment checked against the default policy.

``make bench`` calls :func:`policy_check_p99_ms`; the case is fixed so runs compare.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timezone

from app.domain.accounts import Account, AccountStatus, DocumentKind, OpenDocument, Segment
from app.domain.money import Money
from app.domain.payments import CardTender, CashTender, ChequeTender
from app.domain.policy import PaymentContext, PaymentProposal, Policy, check_payment, load_default_policy


def split_tender_case(policy: Policy | None = None) -> tuple[Policy, PaymentContext, PaymentProposal]:
    """A business account of LUZ paying three invoices with two cheques, a card and cash, offline."""
    m = lambda minor: Money.from_minor(minor, "DOP")  # noqa: E731
    account = Account("300000000042", "LUZ", "Ferretería El Martillo SRL", "131000001", Segment.BUSINESS,
                      AccountStatus.ACTIVE, "DOP")
    docs = tuple(
        OpenDocument(f"F-{i}", account.account_id, DocumentKind.INVOICE, date(2026, 8 + i, 1), date(2026, 8 + i, 20),
                     m(amount), m(0))
        for i, amount in enumerate((1250000, 980000, 1105000))
    )
    ctx = PaymentContext(
        account=account,
        documents=docs,
        balance=m(3335000),
        today=date(2026, 11, 22),
        now=datetime(2026, 11, 22, 14, 3, 7, tzinfo=timezone.utc),
        locale="es_DO",
        offline=True,
        unsynced_count=12,
        unsynced_total=m(1850000),
        offline_shift_total=m(900000),
        last_sync=datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc),
        returned_cheque_drawers={"101999999": date(2026, 9, 1)},
        seen_cheques=frozenset({("POPULAR", "7001234567", "1234567")}),
    )
    tenders = (
        ChequeTender(m(1500000), "POPULAR", "00012345", "700-1234567", date(2026, 11, 20), "Juan Pérez", "001-1234567-8"),
        ChequeTender(m(1000000), "BHD", "00098765", "0123456789", date(2026, 11, 21), "Juan Pérez", "001-1234567-8"),
        CardTender(m(600000), "visa", "4242", "A1B2C3", "POS-17"),
        CashTender(m(235000), m(250000), m(15000)),
    )
    proposal = PaymentProposal(amount=m(3335000), tenders=tenders)
    return policy or load_default_policy(), ctx, proposal


def policy_check_p99_ms(runs: int = 5000) -> float:
    """p99 of one ``check_payment`` of the split-tender case, in milliseconds."""
    policy, ctx, proposal = split_tender_case()
    for _ in range(200):  # warm the per-currency caches
        check_payment(policy, ctx, proposal)
    samples = []
    clock = time.perf_counter_ns
    for _ in range(runs):
        start = clock()
        check_payment(policy, ctx, proposal)
        samples.append(clock() - start)
    samples.sort()
    return samples[min(len(samples) - 1, int(len(samples) * 0.99))] / 1e6
