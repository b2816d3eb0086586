"""Billers, debtors' accounts and their open documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from app.domain.money import Money


class BillerKind(StrEnum):
    WATER = "water"
    POWER = "power"
    TELCO = "telco"
    LENDER = "lender"
    OTHER = "other"  # a biller central named before the terminal knew it


class Segment(StrEnum):
    RESIDENTIAL = "residential"
    BUSINESS = "business"


class AccountStatus(StrEnum):
    ACTIVE = "active"
    AGREEMENT = "agreement"  # acuerdo de pago
    JUDICIAL = "judicial"  # cobranza judicial: not payable at the counter
    WRITTEN_OFF = "written_off"  # castigo: payable, marked as recovery


STATUS_LABELS_ES = {
    AccountStatus.ACTIVE: "Al día / vigente",
    AccountStatus.AGREEMENT: "Acuerdo de pago",
    AccountStatus.JUDICIAL: "Cobranza judicial",
    AccountStatus.WRITTEN_OFF: "Castigada",
}

SEGMENT_LABELS_ES = {Segment.RESIDENTIAL: "Residencial", Segment.BUSINESS: "Comercial"}


class DocumentKind(StrEnum):
    INVOICE = "invoice"  # factura
    INSTALLMENT = "installment"  # cuota


@dataclass(frozen=True, slots=True)
class Biller:
    biller_id: str
    name: str
    kind: BillerKind
    currency: str


@dataclass(frozen=True, slots=True)
class OpenDocument:
    document_id: str
    account_id: str
    kind: DocumentKind
    issue_date: date
    due_date: date
    amount: Money
    paid: Money

    @property
    def outstanding(self) -> Money:
        return self.amount - self.paid

    def days_past_due(self, today: date) -> int:
        return max(0, (today - self.due_date).days)


@dataclass(frozen=True, slots=True)
class Account:
    account_id: str
    biller_id: str
    name: str
    national_id: str
    segment: Segment
    status: AccountStatus
    currency: str
    address: str = ""


@dataclass(frozen=True, slots=True)
class AccountView:
    """What the counter shows for one account: balance, open documents, freshness.

    ``as_of`` is the moment the balance was true; ``online`` says whether it
    came fresh from central or from the local snapshot.
    """

    account: Account
    biller: Biller
    documents: tuple[OpenDocument, ...]
    balance: Money
    as_of: datetime
    online: bool = False
    matched_document_id: str | None = None
    scanned_amount: Money | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def open_documents(self) -> tuple[OpenDocument, ...]:
        return tuple(d for d in self.documents if d.outstanding.amount > 0)
