"""The central office's vocabulary: window states, check names, exception types.

Kept apart (and free of imports) so migrations and every office module agree.
"""

from __future__ import annotations

from typing import Final

OPEN: Final = "OPEN"
CLOSED: Final = "CLOSED"
RECONCILED: Final = "RECONCILED"
WINDOW_STATES: Final = (OPEN, CLOSED, RECONCILED)

#: the checks run on every closed window, in the order the desk shows them
CHECKS: Final = (
    "completeness",  # no gaps in seq or receipt numbers up to the manifests' ranges
    "manifests",  # each manifest's control totals equal what was posted
    "drawer_counts",  # each manifest's counted vs expected (the cashiers' over / short)
    "cash_deposits",  # cash due vs bank deposits
    "cheque_deposits",  # cheques to deposit vs cheques deposited
    "card_settlement",  # card totals vs the acquirer's settlement file
)

#: the types the issue names, then the few more a difference or a flag can be
EXCEPTION_TYPES: Final = (
    "shortage",
    "overage",
    "missing_items",
    "account_overpaid",
    "offline_limit",
    "clock_skew",
    "late",
    "unknown_account",
    "broken_chain",
    "manifest_mismatch",
    "unmatched_settlement",
    "unknown_document",
    "void_problem",
    "malformed",
)

#: a flag or rejection reason -> exception type; an item with several reasons takes the
#: first type of this list (money at stake first)
REASON_TYPES: Final[dict[str, str]] = {
    "broken_chain": "broken_chain",
    "seq_conflict": "broken_chain",
    "unknown_account": "unknown_account",
    "currency_mismatch": "unknown_account",
    "account_overpaid": "account_overpaid",
    "offline_limit_exceeded": "offline_limit",
    "voided_payment_unknown": "void_problem",
    "already_voided": "void_problem",
    "void_amount_mismatch": "void_problem",
    "business_date_closed": "late",
    "clock_skew": "clock_skew",
    "unknown_document": "unknown_document",
}

_PRIORITY: Final = (
    "broken_chain",
    "unknown_account",
    "account_overpaid",
    "offline_limit",
    "void_problem",
    "late",
    "clock_skew",
    "unknown_document",
)


def exception_type(reasons: list[str]) -> str:
    """The one type of an item exception with these reasons."""
    types = {REASON_TYPES.get(r, "malformed") for r in reasons}
    for t in _PRIORITY:
        if t in types:
            return t
    return "malformed"
