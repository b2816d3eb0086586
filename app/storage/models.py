"""Tables of the terminal's local store.

Money is integer minor units (``*_minor`` columns).  Times are stored as
RFC 3339 UTC text so they sort and read the same in any SQLite tool.
The schema itself is made by the Alembic migrations in
``app/storage/migrations``; a test checks they match these models.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class BillerRow(Base):
    __tablename__ = "billers"

    biller_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    barcode_format: Mapped[str | None] = mapped_column(Text)  # JSON


class AccountRow(Base):
    """The debtor snapshot. ``name_key`` is the folded name FTS5 indexes."""

    __tablename__ = "accounts"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)  # rowid, for FTS5 external content
    account_id: Mapped[str] = mapped_column(String(40), unique=True)
    biller_id: Mapped[str] = mapped_column(ForeignKey("billers.biller_id"))
    name: Mapped[str] = mapped_column(String(160))
    national_id: Mapped[str] = mapped_column(String(32), index=True)
    segment: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    address: Mapped[str] = mapped_column(String(200), default="")
    balance_minor: Mapped[int] = mapped_column(Integer, default=0)
    as_of: Mapped[str] = mapped_column(String(20))


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_account_due", "account_id", "due_date"),)

    document_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.account_id"))
    kind: Mapped[str] = mapped_column(String(16))
    issue_date: Mapped[str] = mapped_column(String(10))
    due_date: Mapped[str] = mapped_column(String(10))
    amount_minor: Mapped[int] = mapped_column(Integer)
    paid_minor: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3))


class TerminalStateRow(Base):
    """One row: the counters that must never gap and the chain head."""

    __tablename__ = "terminal_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_receipt_no: Mapped[int] = mapped_column(Integer, default=0)
    chain_head: Mapped[str] = mapped_column(String(64))


class UserRow(Base):
    __tablename__ = "users"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[str | None] = mapped_column(String(20))


class ShiftRow(Base):
    __tablename__ = "shifts"

    shift_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    cashier_id: Mapped[str] = mapped_column(ForeignKey("users.user_id"))
    drawer: Mapped[str] = mapped_column(String(32), default="1")
    currency: Mapped[str] = mapped_column(String(3))
    opened_at: Mapped[str] = mapped_column(String(20))
    business_date: Mapped[str] = mapped_column(String(10))
    opening_float_minor: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(8), default="open")
    opening_denominations: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")  # JSON: minor -> count
    close_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    manifest: Mapped[str | None] = mapped_column(Text)  # the shift_close item's fields, once closed


class VoidRow(Base):
    __tablename__ = "voids"

    void_id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the void item's UUIDv7
    payment_id: Mapped[str] = mapped_column(ForeignKey("payments.payment_id"), unique=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shifts.shift_id"), index=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    approver_id: Mapped[str] = mapped_column(String(32))
    occurred_at: Mapped[str] = mapped_column(String(20))


class CashMovementRow(Base):
    """Cash drops to the safe (sangrías) and float added during a shift."""

    __tablename__ = "cash_movements"

    movement_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shifts.shift_id"), index=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # drop | float_in
    amount_minor: Mapped[int] = mapped_column(Integer)
    approver_id: Mapped[str | None] = mapped_column(String(32))
    occurred_at: Mapped[str] = mapped_column(String(20))


class PaymentRow(Base):
    __tablename__ = "payments"
    __table_args__ = (
        # the shift's offline total, read by every payment's policy check: index-only
        Index("ix_payments_shift_offline", "shift_id", "offline", "status", "amount_minor"),
    )

    payment_id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    receipt_no: Mapped[int] = mapped_column(Integer, unique=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shifts.shift_id"), index=True)
    cashier_id: Mapped[str] = mapped_column(String(32))
    account_id: Mapped[str] = mapped_column(String(40), index=True)
    account_name: Mapped[str] = mapped_column(String(160))
    biller_id: Mapped[str] = mapped_column(String(32))
    currency: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int] = mapped_column(Integer)
    discount_minor: Mapped[int] = mapped_column(Integer, default=0)
    balance_before_minor: Mapped[int] = mapped_column(Integer)
    balance_as_of: Mapped[str] = mapped_column(String(20))
    offline: Mapped[bool] = mapped_column(default=True)
    occurred_at: Mapped[str] = mapped_column(String(20))
    business_date: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(8), default="posted")  # posted | voided
    print_count: Mapped[int] = mapped_column(Integer, default=0)


class AllocationRow(Base):
    __tablename__ = "allocations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payments.payment_id"), index=True)
    document_id: Mapped[str] = mapped_column(String(40))
    amount_minor: Mapped[int] = mapped_column(Integer)


class TenderRow(Base):
    __tablename__ = "tenders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payments.payment_id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    amount_minor: Mapped[int] = mapped_column(Integer)
    received_minor: Mapped[int | None] = mapped_column(Integer)
    change_minor: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON: bank, number, brand, last4...


class OutboxRow(Base):
    """Items waiting for central, exactly as they will be sent (PROTOCOL.md)."""

    __tablename__ = "outbox"

    __table_args__ = (
        # count and total of what waits for central, read by every payment's policy check: index-only
        Index("ix_outbox_waiting", "state", "type", "amount_minor"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(16))
    amount_minor: Mapped[int | None] = mapped_column(Integer)  # a payment item's amount; None for others
    body: Mapped[str] = mapped_column(Text)  # canonical JSON of the sealed item
    hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[str | None] = mapped_column(Text)
    acked_at: Mapped[str | None] = mapped_column(String(20))


class AuditRow(Base):
    """Append-only and hash-chained: ``ventanilla audit verify`` checks it."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
