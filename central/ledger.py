"""The chart of accounts and the journal lines each kind of event posts.

Pure functions: an item (or a deposit) in, balanced lines out.  Amounts are
integer minor units of the item's currency; a journal balances when its
debits equal its credits.  docs/central.md shows the chart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final

DRAWER_CASH: Final = "1010"
CHEQUES_ON_HAND: Final = "1020"
CARD_CLEARING: Final = "1030"
SAFE: Final = "1040"
BANK: Final = "1050"
RECEIVABLES: Final = "1200"
SUSPENSE: Final = "2900"
DISCOUNT_EXPENSE: Final = "5100"
OVER_SHORT: Final = "5200"
CASHIER_OVER_SHORT: Final = "5210"

CHART: Final[dict[str, str]] = {
    DRAWER_CASH: "Drawer cash (per terminal)",
    CHEQUES_ON_HAND: "Cheques on hand (per terminal)",
    CARD_CLEARING: "Card clearing (per agent)",
    SAFE: "Safe / cash in transit (per agent)",
    BANK: "Bank deposits (per agent)",
    RECEIVABLES: "Debtor receivables (subledger: account_id)",
    SUSPENSE: "Suspense: unknown accounts, currency mismatches (subledger: account_id as sent)",
    DISCOUNT_EXPENSE: "Discounts granted",
    OVER_SHORT: "Cash over / short",
    CASHIER_OVER_SHORT: "Cashier over / short (subledger: cashier_id)",
}

#: tender kind -> the asset account the money sits in, and whether it is per terminal
TENDER_ACCOUNT: Final[dict[str, tuple[str, bool]]] = {
    "cash": (DRAWER_CASH, True),
    "cheque": (CHEQUES_ON_HAND, True),
    "card": (CARD_CLEARING, False),
}


@dataclass(frozen=True, slots=True)
class Line:
    code: str
    debit: int = 0
    credit: int = 0
    terminal_id: str | None = None
    subledger: str | None = None

    def reversed(self) -> Line:
        return replace(self, debit=self.credit, credit=self.debit)


def is_balanced(lines: list[Line]) -> bool:
    debit = credit = 0
    for x in lines:
        debit += x.debit
        credit += x.credit
    return debit == credit


def _tender_line(kind: str, terminal_id: str, debit: int = 0, credit: int = 0) -> Line:
    code, per_terminal = TENDER_ACCOUNT[kind]
    return Line(code, debit, credit, terminal_id if per_terminal else None)


def payment_lines(item: dict[str, Any], terminal_id: str, *, to_suspense: bool) -> list[Line]:
    """Debit each tender's account, debit discounts, credit the debtor (or suspense)."""
    lines = [
        _tender_line(t["kind"], terminal_id, debit=t["amount"]) for t in item["tenders"] if t["amount"]
    ]
    if item["discount"]:
        lines.append(Line(DISCOUNT_EXPENSE, debit=item["discount"]))
    lines.append(
        Line(
            SUSPENSE if to_suspense else RECEIVABLES,
            credit=item["amount"] + item["discount"],
            subledger=item["account_id"],
        )
    )
    return lines


def cash_movement_lines(item: dict[str, Any], terminal_id: str) -> list[Line]:
    """A drop moves cash from the drawer to the safe; ``float_in`` the other way."""
    amount = item["amount"]
    drawer = Line(DRAWER_CASH, terminal_id=terminal_id)
    safe = Line(SAFE)
    if item["kind"] == "drop":
        return [replace(safe, debit=amount), replace(drawer, credit=amount)]
    return [replace(drawer, debit=amount), replace(safe, credit=amount)]


def shift_open_lines(item: dict[str, Any], terminal_id: str) -> list[Line]:
    """The opening float leaves the safe for the drawer."""
    amount = item["opening_float"]
    if not amount:
        return []
    return [Line(DRAWER_CASH, debit=amount, terminal_id=terminal_id), Line(SAFE, credit=amount)]


def shift_close_lines(item: dict[str, Any], terminal_id: str) -> list[Line]:
    """Book each tender kind's over / short so the drawer accounts hold what was counted."""
    lines: list[Line] = []
    for kind in sorted(item["over_short"]):
        diff = item["over_short"][kind]
        if diff > 0:
            lines += [_tender_line(kind, terminal_id, debit=diff), Line(OVER_SHORT, credit=diff)]
        elif diff < 0:
            lines += [Line(OVER_SHORT, debit=-diff), _tender_line(kind, terminal_id, credit=-diff)]
    return lines


def deposit_lines(amount: int) -> list[Line]:
    """An agent's bank deposit empties the safe into the bank."""
    return [Line(BANK, debit=amount), Line(SAFE, credit=amount)]


def cheque_deposit_lines(amount: int) -> list[Line]:
    """Cheques taken to the bank leave cheques on hand (agent level: a deposit slip mixes drawers)."""
    return [Line(BANK, debit=amount), Line(CHEQUES_ON_HAND, credit=amount)]


def cashier_adjustment_lines(amount: int, cashier_id: str) -> list[Line]:
    """Move a difference from the agent's over / short to the cashier's.

    ``amount`` is signed like an over / short: negative a shortage the cashier
    now owes, positive an overage credited to the cashier.
    """
    if amount < 0:
        return [Line(CASHIER_OVER_SHORT, debit=-amount, subledger=cashier_id), Line(OVER_SHORT, credit=-amount)]
    return [Line(OVER_SHORT, debit=amount), Line(CASHIER_OVER_SHORT, credit=amount, subledger=cashier_id)]
