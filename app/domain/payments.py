"""Payments, their allocations to documents, and tenders as types.

The policy engine (its own issue) decides which tenders an outlet may take;
here live the shapes and the arithmetic every payment obeys whatever the
policy says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, Union

from app.domain.accounts import OpenDocument
from app.domain.errors import DomainError
from app.domain.money import Money, round_to, total


@dataclass(frozen=True, slots=True)
class Allocation:
    document_id: str
    amount: Money


@dataclass(frozen=True, slots=True)
class CashTender:
    amount: Money  # applied to the payment
    received: Money
    change: Money
    kind: Literal["cash"] = "cash"

    def to_wire(self) -> dict:
        return {
            "kind": "cash",
            "amount": self.amount.to_minor(),
            "received": self.received.to_minor(),
            "change": self.change.to_minor(),
        }


@dataclass(frozen=True, slots=True)
class ChequeTender:
    amount: Money
    bank_code: str
    number: str
    account_number: str
    issue_date: date
    drawer_name: str
    drawer_id: str
    kind: Literal["cheque"] = "cheque"

    def to_wire(self) -> dict:
        return {
            "kind": "cheque",
            "amount": self.amount.to_minor(),
            "bank_code": self.bank_code,
            "number": self.number,
            "account_number": self.account_number,
            "issue_date": self.issue_date.isoformat(),
            "drawer_name": self.drawer_name,
            "drawer_id": self.drawer_id,
        }


@dataclass(frozen=True, slots=True)
class CardTender:
    amount: Money
    brand: str
    last4: str
    auth_code: str
    terminal_ref: str = ""
    kind: Literal["card"] = "card"

    def __post_init__(self) -> None:
        if not (len(self.last4) == 4 and self.last4.isascii() and self.last4.isdigit()):
            raise DomainError("bad_last4", "Escriba solo los últimos 4 dígitos de la tarjeta.", field="last4")

    def to_wire(self) -> dict:
        return {
            "kind": "card",
            "amount": self.amount.to_minor(),
            "brand": self.brand,
            "last4": self.last4,
            "auth_code": self.auth_code,
            "terminal_ref": self.terminal_ref,
        }


Tender = Union[CashTender, ChequeTender, CardTender]


def cash_tender(due: Money, received: Money, *, rounding_step: Decimal | None = None) -> CashTender:
    """Cash against an amount due: rounds the due amount when coins are gone,
    refuses too little, and computes the change."""
    if received.is_negative():
        raise DomainError("negative_amount", "El monto recibido no puede ser negativo.", field="received")
    applied = Money(round_to(due.amount, due.currency, ROUND_HALF_UP, rounding_step), due.currency) if rounding_step else due
    if received < applied:
        raise DomainError(
            "insufficient_cash",
            f"El efectivo recibido no alcanza: faltan {applied - received}.",
            field="received",
        )
    return CashTender(amount=applied, received=received, change=received - applied)


def allocate_oldest_first(documents: list[OpenDocument] | tuple[OpenDocument, ...], amount: Money) -> list[Allocation]:
    """Spread ``amount`` over open documents, oldest due date first.

    Whatever is left after every document is covered is returned as an
    allocation to no document (``document_id=""``) so the caller can decide
    (overpayment is a policy question).
    """
    if amount.is_negative() or amount.is_zero():
        raise DomainError("amount_not_positive", "El monto a pagar debe ser mayor que cero.", field="amount")
    remaining = amount
    result: list[Allocation] = []
    for doc in sorted(documents, key=lambda d: (d.due_date, d.issue_date, d.document_id)):
        if remaining.is_zero():
            break
        owed = doc.outstanding
        if owed.amount <= 0:
            continue
        part = owed.min(remaining)
        result.append(Allocation(doc.document_id, part))
        remaining = remaining - part
    if not remaining.is_zero():
        result.append(Allocation("", remaining))
    return result


def allocate_selected(documents: list[OpenDocument] | tuple[OpenDocument, ...], selected_ids: list[str], amount: Money) -> list[Allocation]:
    """Allocate to the documents the cashier picked, in the order of their due dates."""
    by_id = {d.document_id: d for d in documents}
    unknown = [i for i in selected_ids if i not in by_id]
    if unknown:
        raise DomainError("unknown_document", f"El documento {unknown[0]} no pertenece a esta cuenta.", field="documents")
    return allocate_oldest_first([by_id[i] for i in selected_ids], amount)


@dataclass(frozen=True, slots=True)
class Payment:
    """A payment as the counter took it; the unit of work stores it whole."""

    account_id: str
    biller_id: str
    amount: Money  # applied to debt
    discount: Money
    allocations: tuple[Allocation, ...]
    tenders: tuple[Tender, ...]
    balance_before: Money

    def __post_init__(self) -> None:
        cur = self.amount.currency
        if not self.amount.amount > 0:
            raise DomainError("amount_not_positive", "El monto a pagar debe ser mayor que cero.", field="amount")
        if self.discount.is_negative():
            raise DomainError("negative_amount", "El descuento no puede ser negativo.", field="discount")
        if not self.tenders:
            raise DomainError("no_tenders", "Indique cómo paga el cliente.", field="tenders")
        if total([t.amount for t in self.tenders], cur) != self.amount:
            raise DomainError("tenders_do_not_add_up", "Los medios de pago no suman el total.", field="tenders")
        if total([a.amount for a in self.allocations], cur) != self.amount + self.discount:
            raise DomainError("allocations_do_not_add_up", "Lo aplicado a las facturas no suma el total.", field="documents")

    @property
    def currency(self) -> str:
        return self.amount.currency

    @property
    def cash(self) -> CashTender | None:
        return next((t for t in self.tenders if isinstance(t, CashTender)), None)
