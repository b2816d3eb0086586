"""Is the local store still what the counter wrote?

Every payment is stored twice in one transaction: as rows (payments,
allocations, tenders) and as its sealed PROTOCOL.md item in the outbox, whose
hash chains it to every item before it.  Editing a payment row with a SQLite
shell therefore leaves a row that disagrees with its sealed item; editing the
item breaks the chain.  This module finds both.

* At start-up the terminal checks what has not been verified yet (items after
  the last checkpoint, every item still waiting for central, and every payment
  of a shift still open) — fast even on a big store.
* Before each batch, the sync service checks the items it is about to send.
* ``ventanilla verify`` checks everything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.domain.errors import DomainError
from app.domain.protocol import ZERO_HASH, item_hash
from app.services.ports import OutboxRecord, PaymentRecord, UnitOfWork

CHECKPOINT_KEY = "verified_through_seq"


class StoreTampered(DomainError):
    """The store disagrees with its own hash chain: someone edited it."""


@dataclass(frozen=True)
class IntegrityProblem:
    seq: int | None
    kind: str  # broken_chain | payment_differs | payment_without_item | item_without_payment
    message: str


def _payment_fields(p: PaymentRecord) -> dict[str, Any]:
    return {
        "receipt_no": p.receipt_no,
        "account_id": p.account_id,
        "biller_id": p.biller_id,
        "currency": p.currency,
        "amount": p.amount_minor,
        "discount": p.discount_minor,
        "allocations": sorted((a["document_id"], a["amount"]) for a in p.allocations),
        "tenders": sorted(json.dumps(t, sort_keys=True) for t in p.tenders),
        "balance_before": p.balance_before_minor,
    }


def _item_fields(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "receipt_no": item.get("receipt_no"),
        "account_id": item.get("account_id"),
        "biller_id": item.get("biller_id"),
        "currency": item.get("currency"),
        "amount": item.get("amount"),
        "discount": item.get("discount"),
        "allocations": sorted((a["document_id"], a["amount"]) for a in item.get("allocations", [])),
        "tenders": sorted(json.dumps(t, sort_keys=True) for t in item.get("tenders", [])),
        "balance_before": item.get("balance_before"),
    }


def check_items(uow: UnitOfWork, records: list[OutboxRecord], start_hash: str) -> list[IntegrityProblem]:
    """Chain and row checks over consecutive outbox records starting after ``start_hash``."""
    problems: list[IntegrityProblem] = []
    payment_ids = [r.item_id for r in records if r.type == "payment"]
    payments = uow.payments.get_many(payment_ids) if payment_ids else {}
    prev = start_hash
    anchors = restore_anchors(uow)
    for rec in records:
        if rec.seq - 1 in anchors:
            # after a restore the chain continues from central's head, not from the local tail
            prev = anchors[rec.seq - 1]
        try:
            item = json.loads(rec.body)
        except ValueError:
            problems.append(IntegrityProblem(rec.seq, "broken_chain", f"El registro {rec.seq} de la cola está ilegible."))
            prev = rec.hash
            continue
        if item.get("prev_hash") != prev or item.get("hash") != rec.hash or item_hash(item, prev) != rec.hash:
            problems.append(
                IntegrityProblem(rec.seq, "broken_chain", f"El registro {rec.seq} de la cola no encadena: fue alterado.")
            )
        if item.get("type") == "payment":
            payment = payments.get(item.get("id", ""))
            if payment is None:
                problems.append(IntegrityProblem(rec.seq, "item_without_payment",
                                                 f"El pago del registro {rec.seq} no está en la caja: fue borrado."))
            elif _payment_fields(payment) != _item_fields(item):
                problems.append(IntegrityProblem(
                    rec.seq, "payment_differs",
                    f"El pago del recibo N° {payment.receipt_no} no coincide con su registro encadenado: fue alterado.",
                ))
        prev = rec.hash
    return problems


ANCHORS_KEY = "restore_anchors"
RESYNC_KEY = "needs_resync"


def restore_anchors(uow: UnitOfWork) -> dict[int, str]:
    """seq → hash of central's chain head where a restored terminal fast-forwarded."""
    raw = uow.values.get(ANCHORS_KEY)
    return {int(k): v for k, v in json.loads(raw).items()} if raw else {}


def fast_forward(uow: UnitOfWork, last_seq: int, chain_head: str, last_receipt_no: int) -> bool:
    """A terminal restored from a backup is behind what central holds: continue
    its seq, chain and receipt numbers from central's head, so nothing it takes
    next collides with what central already has.  Returns whether it moved."""
    counters = uow.terminal.counters()
    moved = last_seq > counters.last_seq
    if moved:
        anchors = restore_anchors(uow)
        anchors[last_seq] = chain_head
        uow.values.set(ANCHORS_KEY, json.dumps({str(k): v for k, v in sorted(anchors.items())}))
        counters.last_seq, counters.chain_head = last_seq, chain_head
    counters.last_receipt_no = max(counters.last_receipt_no, last_receipt_no)
    uow.terminal.save_counters(counters)
    uow.values.set(RESYNC_KEY, "")
    return moved


def check_store(uow: UnitOfWork, *, full: bool = False) -> list[IntegrityProblem]:
    """Check the store; ``full`` walks every item, else what was not verified yet."""
    counters = uow.terminal.counters()
    if counters.last_seq == 0:
        return []
    checkpoint = 0 if full else int(uow.values.get(CHECKPOINT_KEY) or 0)
    first_pending = uow.outbox.first_pending_seq()
    start_after = checkpoint if first_pending is None else min(checkpoint, first_pending - 1)
    todo = uow.outbox.after(start_after)
    start = uow.outbox.hash_of(start_after) if start_after > 0 else ZERO_HASH
    problems = check_items(uow, todo, start or "")
    last_seq, last_hash = (todo[-1].seq, todo[-1].hash) if todo else (start_after, start)
    anchors = restore_anchors(uow)
    if counters.last_seq in anchors and last_seq < counters.last_seq:
        last_seq, last_hash = counters.last_seq, anchors[counters.last_seq]
    if last_hash != counters.chain_head or last_seq != counters.last_seq:
        problems.append(IntegrityProblem(last_seq, "broken_chain", "La cabeza de la cadena no coincide con la cola."))
    # a payment row with no item at all (added by hand) in a shift still open
    for shift_id in uow.shifts.open_ids():
        for payment_id, receipt_no, _, _ in uow.payments.tenders_of_shift(shift_id):
            if uow.outbox.seq_of(payment_id) is None:
                problems.append(IntegrityProblem(None, "payment_without_item",
                                                 f"El recibo N° {receipt_no} no tiene registro encadenado: fue agregado a mano."))
    return problems


def verify_at_start(uow: UnitOfWork) -> None:
    """Raise StoreTampered naming the first problem; else advance the checkpoint over acknowledged items."""
    problems = check_store(uow)
    if problems:
        raise StoreTampered(
            "store_tampered",
            f"Los datos de esta caja fueron alterados ({problems[0].message}) No se puede cobrar: llame al supervisor"
            f" y a soporte. Hay {len(problems)} problema(s); «ventanilla verify» los lista.",
        )
    first_pending = uow.outbox.first_pending_seq()
    verified = (first_pending - 1) if first_pending is not None else uow.terminal.counters().last_seq
    if verified > 0:
        uow.values.set(CHECKPOINT_KEY, str(verified))
