"""What a receipt says, built from the store after the payment committed.

``ReceiptData`` knows no device: printing/ lays it out for a 58 or 80 mm
printer (ESC/POS) or a PDF.  The verification string lets central check a
receipt a customer brings back: payment id, receipt number and amount under
an HMAC with the terminal's secret, truncated.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime

from app.domain.errors import NotFound
from app.services.ports import Clock, UnitOfWorkFactory
from app.settings import Settings

VERIFICATION_MAC_CHARS = 16


@dataclass(frozen=True)
class ReceiptLine:
    document_id: str
    due_date: str  # YYYY-MM-DD
    amount_minor: int


@dataclass(frozen=True)
class ReceiptData:
    outlet_name: str
    agent_id: str
    agent_name: str
    outlet_address: str
    terminal_id: str
    terminal_name: str
    cashier_id: str
    cashier_name: str
    occurred_at: datetime
    business_date: str
    after_cutoff: bool  # the payment belongs to the next business date
    receipt_no: int
    payment_id: str
    biller_id: str
    biller_name: str
    account_id: str
    account_name: str
    currency: str
    locale: str
    timezone: str
    amount_minor: int
    discount_minor: int
    lines: tuple[ReceiptLine, ...]
    tenders: tuple[dict, ...]  # wire shape: cash received/change, cheque bank/number, card brand/last4/auth
    balance_after_minor: int
    balance_as_of: datetime
    offline: bool  # "SUJETO A VALIDACIÓN"
    verification: str
    footer: str
    print_count: int = 1  # 1: the original; 2 and more: COPIA
    voided: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def is_copy(self) -> bool:
        return self.print_count > 1


def verification_string(secret: bytes, payment_id: str, receipt_no: int, amount_minor: int) -> str:
    """``V1|<payment id>|<receipt no>|<amount>|<mac>``; central recomputes the MAC."""
    message = f"{payment_id}|{receipt_no}|{amount_minor}"
    mac = hmac.new(secret, message.encode(), hashlib.sha256).digest()
    return f"V1|{message}|{base64.b32encode(mac).decode()[:VERIFICATION_MAC_CHARS]}"


def check_verification(secret: bytes, text: str) -> bool:
    try:
        version, payment_id, receipt_no, amount, mac = text.split("|")
    except ValueError:
        return False
    if version != "V1" or not _ascii_digits(receipt_no) or not _ascii_digits(amount):
        return False
    expected = verification_string(secret, payment_id, int(receipt_no), int(amount))
    return hmac.compare_digest(expected, text)


class ReceiptService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, settings: Settings, secret: bytes = b"") -> None:
        self.uow, self.clock, self.settings, self.secret = uow, clock, settings, secret

    def receipt_for(self, payment_id: str, print_count: int = 1) -> ReceiptData:
        s = self.settings
        with self.uow() as uow:
            p = uow.payments.get(payment_id)
            if p is None:
                raise NotFound("unknown_payment", "Ese comprobante no existe en esta caja.")
            biller = uow.accounts.biller(p.biller_id)
            cashier = uow.users.get(p.cashier_id)
            docs = {d.document_id: d for d in uow.accounts.documents(p.account_id)}
            terminal_id = uow.terminal.counters().terminal_id
            extra: dict = {}
            if p.status == "voided":
                void = next((v for v in uow.shifts.voids_of(p.shift_id) if v.payment_id == p.payment_id), None)
                if void is not None:
                    approver = uow.users.get(void.approver_id)
                    extra = {
                        "void_reason": void.reason,
                        "void_approver": approver.name if approver else void.approver_id,
                        "voided_at": void.occurred_at,
                    }
        lines = tuple(
            ReceiptLine(a["document_id"], docs[a["document_id"]].due_date.isoformat() if a["document_id"] in docs else "", a["amount"])
            for a in p.allocations
        )
        local_date = p.occurred_at.astimezone(_zone(s.timezone)).date().isoformat()
        return ReceiptData(
            outlet_name=s.outlet.name,
            agent_id=s.outlet.agent_id,
            agent_name=s.outlet.agent_name,
            outlet_address=s.outlet.address,
            terminal_id=terminal_id,
            terminal_name=s.terminal_name,
            cashier_id=p.cashier_id,
            cashier_name=cashier.name if cashier else p.cashier_id,
            occurred_at=p.occurred_at,
            business_date=p.business_date,
            after_cutoff=p.business_date != local_date,
            receipt_no=p.receipt_no,
            payment_id=p.payment_id,
            biller_id=p.biller_id,
            biller_name=biller.name if biller else p.biller_id,
            account_id=p.account_id,
            account_name=p.account_name,
            currency=p.currency,
            locale=s.locale,
            timezone=s.timezone,
            amount_minor=p.amount_minor,
            discount_minor=p.discount_minor,
            lines=lines,
            tenders=tuple(p.tenders),
            balance_after_minor=p.balance_before_minor - p.amount_minor - p.discount_minor,
            balance_as_of=p.balance_as_of,
            offline=p.offline,
            verification=verification_string(self.secret, p.payment_id, p.receipt_no, p.amount_minor),
            footer=s.receipt_footer,
            print_count=print_count,
            voided=p.status == "voided",
            extra=extra,
        )


def _zone(name: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def _ascii_digits(text: str) -> bool:
    """0-9 only: ``"¹".isdigit()`` is true, and ``int("¹")`` raises."""
    return text.isascii() and text.isdigit()
