"""The two chains every user action writes inside its unit of work.

* the **outbox**: PROTOCOL.md items with a gap-free ``seq`` and a hash chain,
  stored exactly as they will be sent;
* the **audit log**: who did what, append-only and hash-chained.

Both take their counters from rows updated in the same transaction, so a
rollback (or a crash before the commit) leaves no gap behind.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.protocol import ZERO_HASH, canonical_json, rfc3339, seal, uuid7
from app.services.ports import AuditRecord, OutboxRecord, UnitOfWork


@dataclass(frozen=True, slots=True)
class ItemContext:
    terminal_id: str
    shift_id: str
    cashier_id: str
    business_date: str
    occurred_at: datetime


def enqueue_item(uow: UnitOfWork, item_type: str, fields: dict[str, Any], ctx: ItemContext, *, item_id: str | None = None) -> dict[str, Any]:
    """Give the item its id, seq and place in the chain, and store it in the outbox."""
    counters = uow.terminal.counters()
    seq = counters.last_seq + 1
    item = {
        "id": item_id or uuid7(),
        "type": item_type,
        "terminal_id": ctx.terminal_id,
        "seq": seq,
        "occurred_at": rfc3339(ctx.occurred_at),
        "business_date": ctx.business_date,
        "shift_id": ctx.shift_id,
        "cashier_id": ctx.cashier_id,
        **fields,
    }
    sealed = seal(item, counters.chain_head)
    uow.outbox.add(
        OutboxRecord(
            seq=seq,
            item_id=sealed["id"],
            type=item_type,
            body=canonical_json(sealed),
            hash=sealed["hash"],
            created_at=ctx.occurred_at,
            amount_minor=sealed.get("amount") if item_type == "payment" else None,
        )
    )
    counters.last_seq = seq
    counters.chain_head = sealed["hash"]
    uow.terminal.save_counters(counters)
    return sealed


def audit_hash(prev_hash: str, entry_id: int, at: str, user_id: str | None, action: str, detail: str) -> str:
    payload = canonical_json({"id": entry_id, "at": at, "user_id": user_id, "action": action, "detail": detail})
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def record_audit(uow: UnitOfWork, at: datetime, user_id: str | None, action: str, **detail: Any) -> AuditRecord:
    last = uow.audit.last()
    prev = last.hash if last else ZERO_HASH
    entry_id = (last.id if last else 0) + 1
    detail_json = canonical_json(detail)
    when = rfc3339(at)
    record = AuditRecord(
        id=entry_id,
        at=at,
        user_id=user_id,
        action=action,
        detail=detail_json,
        prev_hash=prev,
        hash=audit_hash(prev, entry_id, when, user_id, action, detail_json),
    )
    uow.audit.append(record)
    return record


@dataclass(frozen=True, slots=True)
class AuditProblem:
    entry_id: int
    problem: str  # "edited" | "deleted" | "reordered"
    message: str


def verify_audit(records: list[AuditRecord]) -> list[AuditProblem]:
    """Walk the audit chain; say which entry was edited or deleted."""
    problems: list[AuditProblem] = []
    prev = ZERO_HASH
    expected_id = 1
    for r in records:
        if r.id != expected_id:
            missing = ", ".join(str(i) for i in range(expected_id, r.id)) if r.id > expected_id else str(expected_id)
            problems.append(AuditProblem(expected_id, "deleted", f"Falta la entrada {missing} del registro de auditoría (borrada)."))
        recomputed = audit_hash(r.prev_hash, r.id, rfc3339(r.at), r.user_id, r.action, r.detail)
        if recomputed != r.hash:
            problems.append(AuditProblem(r.id, "edited", f"La entrada {r.id} ({r.action}) fue modificada después de escrita."))
        elif r.prev_hash != prev and r.id == expected_id:
            problems.append(AuditProblem(r.id, "edited", f"La entrada {r.id} no encadena con la anterior."))
        prev = r.hash
        expected_id = r.id + 1
    return problems
