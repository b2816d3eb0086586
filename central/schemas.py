"""Request and answer shapes of the HTTP API, for the OpenAPI document.

Requests are parsed by hand (the raw body is signed, and a batch's items are
judged one by one), so these models document; ``sync.wire`` validates.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    error: str = Field(description="machine-readable code, e.g. clock_skew, control_mismatch")
    message: str = Field(description="human-readable explanation")
    server_time: str | None = Field(None, description="with clock_skew: the server's clock, RFC 3339 UTC")
    fields: list[str] | None = Field(None, description="with control_mismatch: the control fields that differ")
    detail: str | None = None


class EnrollRequest(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    enrollment_code: str = Field(min_length=1, max_length=64)
    name: str | None = Field(None, max_length=200)


class EnrollResponse(BaseModel):
    terminal_id: str
    agent_id: str
    secret: str = Field(description="base64 of the 32-byte HMAC key")
    server_time: str


class ItemResult(BaseModel):
    id: str
    status: Literal["created", "exists", "exists_with_different_fields", "accepted_flagged", "rejected"]
    recorded_at: str | None = None
    ledger_seq: int | None = None
    fields: list[str] | None = Field(None, description="exists_with_different_fields: the differing fields")
    reasons: list[str] | None = Field(None, description="accepted_flagged: why an exception was opened")
    reason: str | None = Field(None, description="rejected: why")
    detail: str | None = Field(None, description="rejected: which field failed the schema, and how")


class BatchResponse(BaseModel):
    batch_id: str
    server_time: str
    results: list[ItemResult]


class DocumentView(BaseModel):
    document_id: str
    kind: str
    issue_date: str
    due_date: str
    amount: int = Field(description="the document's amount, minor units")
    paid: int = Field(description="collected so far, minor units")
    open_amount: int = Field(description="amount - paid")
    currency: str


class AccountView(BaseModel):
    account_id: str
    biller_id: str
    name: str
    national_id: str
    segment: str
    status: str
    currency: str
    balance: int = Field(description="open documents minus any credit, minor units")
    credit: int
    as_of: str
    documents: list[DocumentView] = Field(description="open documents, oldest due first")


class SnapshotPage(BaseModel):
    accounts: list[AccountView]
    next_cursor: str = Field(description="opaque; pass it back to get the accounts changed since")
    has_more: bool


class PolicyView(BaseModel):
    agent_id: str
    version: int = Field(description="0 when no policy was ever set")
    policy: dict
    updated_at: str | None


class Health(BaseModel):
    status: Literal["ok"]
    server_time: str
