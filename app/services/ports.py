"""What the services need from the outside world, as small interfaces.

The local store implements the repositories and the unit of work
(``app.storage.uow``); printing/ implements ``ReceiptPrinter``; sync/
implements ``SyncTransport``; the bootstrap module wires them.  Unit tests use
in-memory fakes of the same shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from app.services.receipts import ReceiptData

from app.domain.accounts import Account, Biller, OpenDocument
from app.domain.errors import DomainError


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


# --- records the repositories hand back ------------------------------------


@dataclass(slots=True)
class AccountRecord:
    account: Account
    balance_minor: int
    as_of: datetime


@dataclass(slots=True)
class TerminalCounters:
    terminal_id: str
    last_seq: int
    last_receipt_no: int
    chain_head: str


@dataclass(slots=True)
class UserRecord:
    user_id: str
    name: str
    role: str
    pin_hash: str
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = None


@dataclass(slots=True)
class ShiftRecord:
    shift_id: str
    cashier_id: str
    currency: str
    opened_at: datetime
    business_date: str
    opening_float_minor: int
    drawer: str = "1"
    status: str = "open"
    closed_at: datetime | None = None
    opening_denominations: dict[int, int] = field(default_factory=dict)
    close_attempts: int = 0
    manifest: str | None = None


@dataclass(slots=True)
class VoidRecord:
    void_id: str
    payment_id: str
    shift_id: str
    seq: int
    amount_minor: int
    reason: str
    approver_id: str
    occurred_at: datetime


@dataclass(slots=True)
class CashMovementRecord:
    movement_id: str
    shift_id: str
    seq: int
    kind: str  # drop | float_in
    amount_minor: int
    approver_id: str | None
    occurred_at: datetime


@dataclass(slots=True)
class PaymentRecord:
    """A stored payment: the row, its allocations and tenders as wire dicts."""

    payment_id: str
    receipt_no: int
    seq: int
    shift_id: str
    cashier_id: str
    account_id: str
    account_name: str
    biller_id: str
    currency: str
    amount_minor: int
    discount_minor: int
    balance_before_minor: int
    balance_as_of: datetime
    offline: bool
    occurred_at: datetime
    business_date: str
    allocations: list[dict[str, Any]] = field(default_factory=list)
    tenders: list[dict[str, Any]] = field(default_factory=list)
    status: str = "posted"
    print_count: int = 0


@dataclass(slots=True)
class OutboxRecord:
    seq: int
    item_id: str
    type: str
    body: str
    hash: str
    created_at: datetime
    state: str = "pending"
    attempts: int = 0
    result: str | None = None
    amount_minor: int | None = None  # a payment item's amount


@dataclass(slots=True)
class AuditRecord:
    id: int
    at: datetime
    user_id: str | None
    action: str
    detail: str
    prev_hash: str
    hash: str


# --- repositories --------------------------------------------------------------


class AccountRepository(Protocol):
    def get(self, account_id: str) -> AccountRecord | None: ...
    def documents(self, account_id: str) -> list[OpenDocument]: ...
    def documents_of(self, account_ids: list[str]) -> dict[str, list[OpenDocument]]: ...
    def account_of_document(self, document_id: str) -> str | None: ...
    def biller(self, biller_id: str) -> Biller | None: ...
    def barcode_formats(self) -> dict[str, dict[str, Any]]: ...
    def search_name(self, query: str, limit: int) -> list[AccountRecord]: ...
    def by_national_id(self, national_id: str, limit: int) -> list[AccountRecord]: ...
    def apply_payment(self, account_id: str, allocations: list[tuple[str, int]], amount_minor: int) -> None: ...


class TerminalRepository(Protocol):
    def counters(self) -> TerminalCounters: ...
    def save_counters(self, counters: TerminalCounters) -> None: ...


class PaymentRepository(Protocol):
    def add(self, payment: PaymentRecord) -> None: ...
    def get(self, payment_id: str) -> PaymentRecord | None: ...
    def get_many(self, payment_ids: list[str]) -> dict[str, PaymentRecord]: ...
    def by_receipt(self, receipt_no: int) -> PaymentRecord | None: ...
    def of_shift(self, shift_id: str) -> list[PaymentRecord]: ...
    def count_print(self, payment_id: str) -> int:
        """Add one to the receipt's print count; the new count, 0 when no such payment."""
        ...
    def uncount_print(self, payment_id: str, count: int) -> bool:
        """Take one off the print count if it is still ``count``; whether it was."""
        ...
    def set_status(self, payment_id: str, status: str) -> None: ...
    def unsynced(self) -> tuple[int, int]:
        """(count, total minor units) of payments whose item central has not acknowledged."""
        ...
    def offline_total_of_shift(self, shift_id: str) -> int: ...
    def cheques_taken(self) -> list[tuple[str, str, str]]:
        """(bank, account, number) as typed, of every cheque in a posted payment."""
        ...
    def tenders_of_shift(self, shift_id: str) -> list[tuple[str, int, str, list[dict[str, Any]]]]:
        """(payment_id, receipt_no, status, tenders) of every payment of the shift, in two queries."""
        ...


class OutboxRepository(Protocol):
    def add(self, record: OutboxRecord) -> None: ...
    def pending(self, limit: int) -> list[OutboxRecord]: ...
    def all(self) -> list[OutboxRecord]: ...
    def settle(self, item_id: str, state: str, result: str, at: datetime) -> None: ...
    def after(self, seq: int, limit: int | None = None) -> list[OutboxRecord]: ...
    def settle_many(self, results: list[tuple[str, str, str]], at: datetime) -> None: ...
    def hash_of(self, seq: int) -> str | None: ...
    def seq_of(self, item_id: str) -> int | None: ...
    def first_pending_seq(self) -> int | None: ...
    def stats(self) -> tuple[int, datetime | None, int]:
        """(items pending, when the oldest pending was made, items quarantined)"""
        ...


class ValueRepository(Protocol):
    """Small facts the terminal keeps: last sync, snapshot cursor, credentials."""

    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...


class SnapshotRepository(Protocol):
    def upsert_account(self, account: dict[str, Any], as_of: datetime) -> None:
        """Replace an account and its open documents with central's view (wire shape)."""
        ...

    def upsert_accounts(self, accounts: list[dict[str, Any]], as_of: datetime) -> None: ...


class AuditRepository(Protocol):
    def last(self) -> AuditRecord | None: ...
    def append(self, record: AuditRecord) -> None: ...
    def all(self) -> list[AuditRecord]: ...


class UserRepository(Protocol):
    def get(self, user_id: str) -> UserRecord | None: ...
    def add(self, user: UserRecord) -> None: ...
    def save(self, user: UserRecord) -> None: ...
    def all(self) -> list[UserRecord]: ...


class ShiftRepository(Protocol):
    def get(self, shift_id: str) -> ShiftRecord | None: ...
    def open_of(self, cashier_id: str) -> ShiftRecord | None: ...
    def add(self, shift: ShiftRecord) -> None: ...
    def save_close(self, shift: ShiftRecord) -> None:
        """Persist close_attempts, status, closed_at and manifest."""
        ...
    def open_ids(self) -> list[str]: ...
    def add_void(self, void: VoidRecord) -> None: ...
    def voids_of(self, shift_id: str) -> list[VoidRecord]: ...
    def add_movement(self, movement: CashMovementRecord) -> None: ...
    def movements_of(self, shift_id: str) -> list[CashMovementRecord]: ...


class UnitOfWork(Protocol):
    """One transaction per user action: commit all of it or none of it."""

    accounts: AccountRepository
    terminal: TerminalRepository
    payments: PaymentRepository
    outbox: OutboxRepository
    audit: AuditRepository
    users: UserRepository
    shifts: ShiftRepository
    values: ValueRepository
    snapshot: SnapshotRepository

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(self, *exc: object) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


class PinHasher(Protocol):
    def hash(self, pin: str) -> str: ...
    def verify(self, pin_hash: str, pin: str) -> bool: ...


class PrinterFault(DomainError):
    """The printer did not take the job: offline, no paper, cover open, no answer.

    ``code`` is one of ``printer_offline``, ``paper_out``, ``cover_open``,
    ``printer_timeout``, ``printer_error``; ``message`` is one Spanish line.
    """


class ReceiptPrinter(Protocol):
    """printing/ implements it; the counter prints only after the commit returned."""

    def print_receipt(self, receipt: ReceiptData) -> None:
        """Print it whole or raise PrinterFault; never hang past the device timeout."""
        ...

    def open_drawer(self) -> None: ...


class CentralUnavailable(DomainError):
    """No answer from central (offline, timeout, 5xx): keep working, retry later."""


class CentralRefused(DomainError):
    """Central answered a batch-level 4xx; ``code`` is its error code."""


class SyncTransport(Protocol):
    """sync/ implements it over HTTP: PROTOCOL.md, signed."""

    def send_batch(self, batch_id: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Per-item results, in the order sent. Raises CentralUnavailable / CentralRefused."""
        ...

    def fetch_account(self, account_id: str) -> dict[str, Any] | None: ...
    def fetch_snapshot(self, cursor: str, limit: int) -> tuple[list[dict[str, Any]], str, bool]: ...
    def fetch_policy(self) -> dict[str, Any]: ...
    def fetch_returned_cheques(self) -> dict[str, Any]: ...
    def fetch_terminal_state(self) -> dict[str, Any]:
        """Central's view of this terminal's chain: last_seq, chain_head, last_receipt_no."""
        ...
