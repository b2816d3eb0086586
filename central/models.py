"""The central store: SQLAlchemy 2 typed tables, the same on SQLite and PostgreSQL.

Money is integer minor units everywhere (``BigInteger``).  Times are stored as
naive UTC and come back aware (:class:`UTCDateTime`), so both engines behave
alike.  Schema changes go through Alembic (``central/migrations``); this module
is the target metadata the migrations are checked against.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

#: an auto-incrementing 64-bit key; SQLite only auto-increments "INTEGER PRIMARY KEY"
BigId = BigInteger().with_variant(Integer(), "sqlite")

ZERO_HASH = "0" * 64


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, naive UTC in the column."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


naming = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=naming)


class Agent(Base):
    """An outlet (estafeta / agente) that owns terminals."""

    __tablename__ = "agents"

    agent_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: the outlet's time zone and business-day cut-off ("HH:MM" local, None: midnight);
    #: a policy's ``[business_day] cutoff`` overrides the cut-off
    timezone: Mapped[str] = mapped_column(String(64), default="America/Santo_Domingo", server_default="America/Santo_Domingo")
    cutoff: Mapped[str | None] = mapped_column(String(5))


class Terminal(Base):
    """A counter: its secret, and the head of its item chain as central holds it."""

    __tablename__ = "terminals"

    terminal_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.agent_id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    #: sha256 of the one-time enrolment code; cleared when the code is used
    enrollment_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: base64 HMAC key; the server must keep it readable to check signatures
    secret: Mapped[str | None] = mapped_column(String(64))
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    #: highest seq recorded, and the hash of that item
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    chain_head: Mapped[str] = mapped_column(String(64), default=ZERO_HASH)
    #: every seq 1..contiguous_seq is recorded; above it there are gaps
    contiguous_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Account(Base):
    """A debtor's account (cuenta / contrato) as the biller loaded it, with its live balance."""

    __tablename__ = "accounts"
    __table_args__ = (Index("ix_accounts_change", "change_seq", "account_id"),)

    account_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    biller_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    national_id: Mapped[str] = mapped_column(String(64), default="")
    segment: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(32), default="active")
    currency: Mapped[str] = mapped_column(String(3))
    #: sum of the open documents' unpaid amounts minus ``credit``
    balance: Mapped[int] = mapped_column(BigInteger, default=0)
    #: money received beyond every document (an overpayment, held for the debtor)
    credit: Mapped[int] = mapped_column(BigInteger, default=0)
    #: position in the global change order the snapshot cursor walks
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Document(Base):
    """An open item (factura / cuota) of an account."""

    __tablename__ = "documents"

    document_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.account_id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    issue_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    paid: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3))


class Item(Base):
    """Every recorded item, once: the unique key on ``id`` is the permanent dedup."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("terminal_id", "seq", name="uq_items_terminal_seq"),
        Index("ix_items_terminal_type_date", "terminal_id", "type", "business_date"),
        Index("ix_items_terminal_shift", "terminal_id", "shift_id"),
        Index("ix_items_agent_window", "agent_id", "window_date", "type"),
    )

    ledger_seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.terminal_id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    type: Mapped[str] = mapped_column(String(16))
    business_date: Mapped[str] = mapped_column(String(10))
    shift_id: Mapped[str] = mapped_column(String(200))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    batch_id: Mapped[str] = mapped_column(String(36))
    #: the item exactly as it was sent, as canonical JSON
    body: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    #: payments and voids: which account and how much (for lookups and KPIs)
    account_id: Mapped[str | None] = mapped_column(String(200), index=True)
    currency: Mapped[str | None] = mapped_column(String(3))
    amount: Mapped[int | None] = mapped_column(BigInteger)
    offline: Mapped[bool] = mapped_column(Boolean, default=False)
    #: "created" or "accepted_flagged"; reasons as a JSON list
    status: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[str | None] = mapped_column(Text)
    #: for a payment: the id of the void (or office reversal) that reversed it
    voided_by: Mapped[str | None] = mapped_column(String(36))
    #: the sender's agent, and the settlement window the item counts in: its
    #: business_date, or the agent's current date when that window was already
    #: reconciled when the item arrived (a late item)
    agent_id: Mapped[str | None] = mapped_column(String(64))
    window_date: Mapped[str | None] = mapped_column(String(10))
    cashier_id: Mapped[str | None] = mapped_column(String(200))
    receipt_no: Mapped[int | None] = mapped_column(BigInteger)
    biller_id: Mapped[str | None] = mapped_column(String(200))


class Application(Base):
    """How a payment (or its void, negated) moved documents' paid amounts or the account credit."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    item_id: Mapped[str] = mapped_column(String(36), index=True)
    account_id: Mapped[str] = mapped_column(String(64), index=True)
    #: None: the amount went to (or came from) the account's credit
    document_id: Mapped[str | None] = mapped_column(String(64))
    amount: Mapped[int] = mapped_column(BigInteger)


class Entry(Base):
    """One line of the double-entry journal; a journal (``journal_id``) balances per currency."""

    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    #: the item id, or "deposit:<uuid>" for an admin-recorded deposit
    journal_id: Mapped[str] = mapped_column(String(64), index=True)
    ledger_seq: Mapped[int | None] = mapped_column(BigInteger)
    account_code: Mapped[str] = mapped_column(String(8), index=True)
    agent_id: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[str | None] = mapped_column(String(64))
    #: the debtor account for receivables and suspense lines
    subledger: Mapped[str | None] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3))
    debit: Mapped[int] = mapped_column(BigInteger, default=0)
    credit: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Batch(Base):
    """A batch as applied, with the answer given, so a resend gets the same answer."""

    __tablename__ = "batches"

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(64), index=True)
    body_digest: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    item_count: Mapped[int] = mapped_column(Integer)
    response: Mapped[str] = mapped_column(Text)


class ExceptionCase(Base):
    """The central office's exceptions queue: flagged items, and copies of rejected ones."""

    __tablename__ = "exceptions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    terminal_id: Mapped[str] = mapped_column(String(64), index=True)
    item_id: Mapped[str] = mapped_column(String(200), index=True)
    batch_id: Mapped[str] = mapped_column(String(36))
    #: "flagged" (recorded and posted) or "rejected" (not recorded)
    kind: Mapped[str] = mapped_column(String(10))
    reasons: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="")
    #: the item as received (JSON), kept even when it was rejected
    body: Mapped[str] = mapped_column(Text)
    #: open, assigned, resolved
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: shortage, overage, missing_items, account_overpaid, offline_limit, clock_skew,
    #: late, unknown_account, broken_chain, ... (central.office.EXCEPTION_TYPES)
    type: Mapped[str | None] = mapped_column(String(32), index=True)
    #: "item" (a flagged or rejected item) or "check" (a reconciliation difference)
    source: Mapped[str] = mapped_column(String(8), default="item", server_default="item")
    agent_id: Mapped[str | None] = mapped_column(String(64), index=True)
    business_date: Mapped[str | None] = mapped_column(String(10))
    window_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    #: a check difference: which check, and a key unique to the difference
    check_name: Mapped[str | None] = mapped_column(String(20))
    check_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    cashier_id: Mapped[str | None] = mapped_column(String(200))
    currency: Mapped[str | None] = mapped_column(String(3))
    #: the difference (signed: over positive, short negative) or the item's amount
    amount: Mapped[int | None] = mapped_column(BigInteger)
    assigned_to: Mapped[str | None] = mapped_column(String(100))
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: approve, adjust, reverse, cleared (the difference went away by itself)
    resolution: Mapped[str | None] = mapped_column(String(10))
    resolution_reason: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[str | None] = mapped_column(String(100))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    journal_id: Mapped[str | None] = mapped_column(String(64))


class Policy(Base):
    """A policy document for an agent; the highest version is in force."""

    __tablename__ = "policies"
    __table_args__ = (UniqueConstraint("agent_id", "version", name="uq_policies_agent_version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.agent_id"))
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Counter(Base):
    """Named counters taken at the end of a transaction, so their order is commit order."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


# -- the central office (migration 0002) ------------------------------------------


class SettlementWindow(Base):
    """One agent's business date: OPEN -> CLOSED -> RECONCILED."""

    __tablename__ = "settlement_windows"
    __table_args__ = (UniqueConstraint("agent_id", "business_date", name="uq_settlement_windows_agent_date"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.agent_id"))
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    state: Mapped[str] = mapped_column(String(10), default="OPEN", index=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reconciled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class WindowCheck(Base):
    """The latest result of one check of a window."""

    __tablename__ = "window_checks"
    __table_args__ = (UniqueConstraint("window_id", "name", name="uq_window_checks_window_name"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("settlement_windows.id"))
    #: completeness, manifests, drawer_counts, cash_deposits, cheque_deposits, card_settlement
    name: Mapped[str] = mapped_column(String(20))
    #: pass, fail, pending (waiting for a bank or acquirer file), resolved (failed, every difference resolved)
    status: Mapped[str] = mapped_column(String(10))
    expected: Mapped[int | None] = mapped_column(BigInteger)
    actual: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    #: JSON: the differences found, in words and numbers
    detail: Mapped[str] = mapped_column(Text, default="[]")
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Deposit(Base):
    """Money an agent put in the bank: entered by hand or read from a bank statement."""

    __tablename__ = "deposits"
    __table_args__ = (Index("ix_deposits_agent_date", "agent_id", "business_date"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    #: None until matched (a statement line whose reference names no window)
    agent_id: Mapped[str | None] = mapped_column(String(64))
    business_date: Mapped[str | None] = mapped_column(String(10))
    bank: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(100), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    #: cash or cheque
    tender: Mapped[str] = mapped_column(String(8), default="cash")
    #: manual or statement
    source: Mapped[str] = mapped_column(String(10))
    #: declared (by hand, not yet on a statement), confirmed (by hand and on a statement),
    #: matched (statement line matched by its reference), unmatched, assigned (matched by hand)
    status: Mapped[str] = mapped_column(String(10))
    value_date: Mapped[str | None] = mapped_column(String(10))
    declared_amount: Mapped[int | None] = mapped_column(BigInteger)
    #: statement lines: a digest of the line, so a re-import adds nothing
    fingerprint: Mapped[str | None] = mapped_column(String(64), unique=True)
    journal_id: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Tender(Base):
    """Each tender of each recorded payment, for the cheque and card checks and the KPIs."""

    __tablename__ = "tenders"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    item_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    amount: Mapped[int] = mapped_column(BigInteger)
    bank_code: Mapped[str | None] = mapped_column(String(200))
    number: Mapped[str | None] = mapped_column(String(200))
    drawer_id: Mapped[str | None] = mapped_column(String(200))
    drawer_name: Mapped[str | None] = mapped_column(String(200))
    auth_code: Mapped[str | None] = mapped_column(String(200), index=True)
    terminal_ref: Mapped[str | None] = mapped_column(String(200))
    last4: Mapped[str | None] = mapped_column(String(4))
    brand: Mapped[str | None] = mapped_column(String(200))


class CardSettlement(Base):
    """A line of an acquirer's settlement file."""

    __tablename__ = "card_settlements"
    __table_args__ = (Index("ix_card_settlements_agent_date", "agent_id", "business_date"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    agent_id: Mapped[str | None] = mapped_column(String(64))
    business_date: Mapped[str | None] = mapped_column(String(10))
    settled_on: Mapped[str] = mapped_column(String(10))
    auth_code: Mapped[str] = mapped_column(String(200))
    terminal_ref: Mapped[str] = mapped_column(String(200))
    last4: Mapped[str] = mapped_column(String(4))
    brand: Mapped[str] = mapped_column(String(200))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    #: the tender it settles (tenders.id), when one matched
    tender_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReturnedCheque(Base):
    """A cheque the bank returned: its payment reversed, its drawer on the terminals' list."""

    __tablename__ = "returned_cheques"
    __table_args__ = (UniqueConstraint("tender_id", name="uq_returned_cheques_tender_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tender_id: Mapped[int] = mapped_column(BigInteger)
    payment_id: Mapped[str] = mapped_column(String(36), index=True)
    agent_id: Mapped[str] = mapped_column(String(64))
    terminal_id: Mapped[str] = mapped_column(String(64))
    account_id: Mapped[str] = mapped_column(String(200))
    bank_code: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(200))
    drawer_id: Mapped[str] = mapped_column(String(200), index=True)
    drawer_name: Mapped[str] = mapped_column(String(200))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    returned_on: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    #: the window the reversal counts in (the agent's current date when marked)
    window_date: Mapped[str] = mapped_column(String(10))
    marked_by: Mapped[str] = mapped_column(String(100))
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Promise(Base):
    """A promise to pay, imported from the collection system."""

    __tablename__ = "promises"
    __table_args__ = (UniqueConstraint("account_id", "promise_date", "amount", name="uq_promises_account_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64), index=True)
    promise_date: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    #: when the debtor promised (payments from this date count); None: 30 days before
    promised_on: Mapped[date | None] = mapped_column(Date)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AdminToken(Base):
    """A central office user's bearer token for the desk API; only its sha256 is kept."""

    __tablename__ = "admin_tokens"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class OfficeAudit(Base):
    """Everything the office did: who, when, what, to which subject."""

    __tablename__ = "office_audit"
    __table_args__ = (Index("ix_office_audit_subject", "subject"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    #: e.g. "exception:12", "window:3", "deposit:7", "returned_cheque:<id>"
    subject: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str] = mapped_column(Text, default="{}")
