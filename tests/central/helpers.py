"""A scripted terminal for the central tests: builds sealed items and signed requests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from sync.wire import ZERO_HASH, rfc3339, seal, signed_headers, uuid7

T0 = datetime(2026, 11, 22, 14, 0, 0, tzinfo=timezone.utc)


class FakeClock:
    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@dataclass
class Sim:
    """One terminal: its chain, its receipt numbers, and signed calls to central."""

    terminal_id: str
    secret: str
    agent_id: str
    clock: Callable[[], datetime]
    seq: int = 0
    head: str = ZERO_HASH
    receipt_no: int = 0
    shift_id: str = "S1"
    business_date: str = "2026-11-22"
    skew: timedelta = timedelta(0)

    def item(self, type_: str, **fields: Any) -> dict[str, Any]:
        self.seq += 1
        body = {
            "id": uuid7(),
            "type": type_,
            "terminal_id": self.terminal_id,
            "seq": self.seq,
            "occurred_at": rfc3339(self.clock() + self.skew),
            "business_date": self.business_date,
            "shift_id": self.shift_id,
            "cashier_id": "C01",
            **fields,
        }
        sealed = seal(body, self.head)
        self.head = sealed["hash"]
        return sealed

    def payment(
        self,
        account_id: str,
        amount: int,
        *,
        allocations: list[tuple[str, int]] | None = None,
        tenders: list[dict[str, Any]] | None = None,
        discount: int = 0,
        offline: bool = False,
        currency: str = "DOP",
        **extra: Any,
    ) -> dict[str, Any]:
        self.receipt_no += 1
        fields = {
            "receipt_no": self.receipt_no,
            "account_id": account_id,
            "biller_id": "B1",
            "currency": currency,
            "amount": amount,
            "discount": discount,
            "allocations": [{"document_id": d, "amount": a} for d, a in (allocations or [("D-" + account_id, amount + discount)])],
            "tenders": tenders or [{"kind": "cash", "amount": amount, "received": amount, "change": 0}],
            "balance_before": amount,
            "balance_as_of": rfc3339(self.clock() - timedelta(minutes=1)),
            "offline": offline,
            "overrides": [],
        }
        fields.update(extra)
        return self.item("payment", **fields)

    def void(self, payment: dict[str, Any], **extra: Any) -> dict[str, Any]:
        fields = {"voids": payment["id"], "currency": payment["currency"], "amount": payment["amount"], "reason": "error", "approver_id": "SUP1"}
        fields.update(extra)
        return self.item("void", **fields)

    def drop(self, amount: int, kind: str = "drop") -> dict[str, Any]:
        return self.item("cash_movement", kind=kind, currency="DOP", amount=amount, approver_id="SUP1")

    def shift_open(self, opening_float: int = 0) -> dict[str, Any]:
        return self.item("shift_open", currency="DOP", opening_float=opening_float, opening_denominations={"10000": opening_float // 10000} if opening_float else {})

    def shift_close(self, over_short: dict[str, int] | None = None) -> dict[str, Any]:
        return self.item(
            "shift_close",
            currency="DOP",
            seq_from=1,
            seq_to=self.seq + 1,
            receipt_from=1 if self.receipt_no else None,
            receipt_to=self.receipt_no or None,
            counts={"cash": {"count": 0, "total": 0}},
            voids={"count": 0, "total": 0},
            counted_denominations={},
            expected={"cash": 0},
            counted={"cash": (over_short or {}).get("cash", 0)},
            over_short=over_short or {"cash": 0},
            approver_id=None,
            last_hash=self.head,
        )

    def batch(self, items: list[dict[str, Any]], *, batch_id: str | None = None, **control: Any) -> dict[str, Any]:
        seqs = [i["seq"] for i in items if isinstance(i.get("seq"), int)]
        ctl = {
            "count": len(items),
            "amount_total": sum(i["amount"] for i in items if i.get("type") == "payment" and isinstance(i.get("amount"), int)),
            "first_seq": min(seqs) if seqs else 1,
            "last_seq": max(seqs) if seqs else 1,
        }
        ctl.update(control)
        return {"batch_id": batch_id or uuid7(), "terminal_id": self.terminal_id, "sent_at": rfc3339(self.clock() + self.skew), "items": items, "control": ctl}

    def headers(self, method: str, path: str, body: bytes, *, now: datetime | None = None) -> dict[str, str]:
        return signed_headers(self.terminal_id, self.secret, method, path, body, now or self.clock())

    def send(self, client: Any, batch: dict[str, Any], *, key: str | None = None, body: bytes | None = None) -> Any:
        raw = body if body is not None else json.dumps(batch).encode()
        headers = self.headers("POST", "/api/v1/batches", raw)
        headers["Idempotency-Key"] = (key if key is not None else batch["batch_id"]).encode("utf-8")  # type: ignore[assignment]
        headers["Content-Type"] = "application/json"
        return client.post("/api/v1/batches", content=raw, headers=headers)

    def get(self, client: Any, path: str) -> Any:
        return client.get(path, headers=self.headers("GET", path, b""))
