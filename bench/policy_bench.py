"""A split-tender payment checked against the default policy."""

from __future__ import annotations

import timeit

from bench.common import Metric


def run() -> list[Metric]:
    from app.domain.policy_bench import policy_check_p99_ms, split_tender_case
    from app.domain.protocol import payment_numbers_problem

    value = policy_check_p99_ms(runs=5000)
    # baseline: the payment's own arithmetic alone, on its wire form (the floor of any check)
    _, _, proposal = split_tender_case()
    wire = {
        "amount": proposal.amount.to_minor(),
        "discount": 0,
        "tenders": [t.to_wire() for t in proposal.tenders],
        "allocations": [{"document_id": "F-0", "amount": proposal.amount.to_minor()}],
    }
    n = 5000
    base = timeit.timeit(lambda: payment_numbers_problem(wire), number=n) / n * 1000
    return [Metric("policy_check_p99_ms", value, "ms", 1.0, base, note="four-tender split on a business account, offline")]
