"""Cash control arithmetic: denominations, a shift's figures, over and short.

Every figure is a sum over the shift's own items (payments, voids, cash
movements), so the Z report and the ``shift_close`` manifest can be checked
against them, and central can recompute them from what it received.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal

from app.domain.errors import DomainError
from app.domain.money import Money

TENDER_KINDS = ("cash", "cheque", "card")


@dataclass(frozen=True)
class Denomination:
    minor: int  # value in minor units
    kind: str  # "bill" | "coin"
    label: str  # as printed on it, major units


def parse_denominations(text: str) -> dict[str, tuple[Denomination, ...]]:
    data = tomllib.loads(text)
    tables: dict[str, tuple[Denomination, ...]] = {}
    for currency, spec in data.items():
        entries = []
        for kind in ("bills", "coins"):
            for label in spec.get(kind, []):
                minor = Money(Decimal(label), currency).to_minor()
                entries.append(Denomination(minor, kind[:-1], label))
        tables[currency] = tuple(entries)
    return tables


def check_denomination_count(counts: dict[int, int], table: tuple[Denomination, ...], currency: str) -> int:
    """Validate a count by denomination (minor units → pieces) and return its total."""
    known = {d.minor for d in table}
    total = 0
    for minor, pieces in counts.items():
        if isinstance(minor, bool) or not isinstance(minor, int) or minor not in known:
            raise DomainError("bad_denomination", f"{minor} no es una denominación de {currency}.", field="count")
        if isinstance(pieces, bool) or not isinstance(pieces, int) or pieces < 0:
            raise DomainError("bad_count", "La cantidad de billetes o monedas no puede ser negativa.", field="count")
        if pieces > 100_000:
            raise DomainError("bad_count", "Esa cantidad de billetes o monedas no es creíble; cuente de nuevo.", field="count")
        total += minor * pieces
    return total


@dataclass(frozen=True)
class CountTotal:
    count: int = 0
    total: int = 0

    def plus(self, amount: int) -> CountTotal:
        return CountTotal(self.count + 1, self.total + amount)

    def to_wire(self) -> dict[str, int]:
        return {"count": self.count, "total": self.total}


@dataclass(frozen=True)
class ShiftFigures:
    """What the drawer should hold, from the shift's items (minor units)."""

    currency: str
    opening_float: int
    counts: dict[str, CountTotal]  # per tender kind, every payment taken
    voids: CountTotal
    voided_by_kind: dict[str, int]
    drops: CountTotal
    floats_in: CountTotal
    payments: CountTotal
    receipt_from: int | None
    receipt_to: int | None

    @property
    def expected(self) -> dict[str, int]:
        cash = (
            self.opening_float
            + self.counts["cash"].total
            - self.voided_by_kind.get("cash", 0)
            + self.floats_in.total
            - self.drops.total
        )
        return {
            "cash": cash,
            "cheque": self.counts["cheque"].total - self.voided_by_kind.get("cheque", 0),
            "card": self.counts["card"].total - self.voided_by_kind.get("card", 0),
        }


def figures(
    currency: str,
    opening_float: int,
    payments: list[tuple[int, list[dict]]],  # (receipt_no, tenders in wire shape)
    voided: list[list[dict]],  # tenders of each voided payment
    voids_total: int,
    movements: list[tuple[str, int]],  # (kind, amount)
) -> ShiftFigures:
    counts = {k: CountTotal() for k in TENDER_KINDS}
    total = CountTotal()
    for _, tenders in payments:
        total = total.plus(sum(t["amount"] for t in tenders))
        for t in tenders:
            counts[t["kind"]] = counts[t["kind"]].plus(t["amount"])
    voided_by_kind: dict[str, int] = {}
    for tenders in voided:
        for t in tenders:
            voided_by_kind[t["kind"]] = voided_by_kind.get(t["kind"], 0) + t["amount"]
    drops, floats = CountTotal(), CountTotal()
    for kind, amount in movements:
        if kind == "drop":
            drops = drops.plus(amount)
        else:
            floats = floats.plus(amount)
    receipts = [r for r, _ in payments]
    return ShiftFigures(
        currency=currency,
        opening_float=opening_float,
        counts=counts,
        voids=CountTotal(len(voided), voids_total),
        voided_by_kind=voided_by_kind,
        drops=drops,
        floats_in=floats,
        payments=total,
        receipt_from=min(receipts) if receipts else None,
        receipt_to=max(receipts) if receipts else None,
    )


@dataclass(frozen=True)
class BlindCount:
    """What the cashier counted before seeing what was expected."""

    denominations: dict[int, int]  # cash, minor units → pieces
    cheque_count: int
    cheque_total: int
    card_total: int  # typed from the card terminal's settlement slip
    counted_cash: int = field(default=0)

    def counted(self) -> dict[str, int]:
        return {"cash": self.counted_cash, "cheque": self.cheque_total, "card": self.card_total}


def over_short(expected: dict[str, int], counted: dict[str, int]) -> dict[str, int]:
    """counted − expected per tender kind: positive is over (sobrante), negative short (faltante)."""
    return {k: counted.get(k, 0) - expected.get(k, 0) for k in TENDER_KINDS}


def within_tolerance(differences: dict[str, int], tolerance_minor: int) -> bool:
    return all(abs(v) <= tolerance_minor for v in differences.values())
