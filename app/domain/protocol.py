"""The item format of PROTOCOL.md: identity, canonical JSON and the hash chain.

This is the part of the wire contract the terminal needs inside its own unit
of work (an item is hashed in the same transaction that stores the payment),
so it lives in the domain and uses the standard library only.  ``sync.wire``
re-exports it for the central service: the two sides share this one
definition and cannot drift.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import uuid
from datetime import datetime, timezone
from typing import Any, Final

PROTOCOL_VERSION: Final = 1
ZERO_HASH: Final = "0" * 64
ITEM_TYPES: Final = ("shift_open", "payment", "void", "cash_movement", "shift_close")
TENDER_KINDS: Final = ("cash", "cheque", "card")


def canonical_json(item: dict[str, Any]) -> str:
    """Keys sorted at every level, no spaces, non-ASCII as itself, integers only."""
    _refuse_floats(item)
    return json.dumps(item, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _refuse_floats(value: Any) -> None:
    if isinstance(value, float):
        raise TypeError("protocol items hold integers only, never floats")
    if isinstance(value, dict):
        for v in value.values():
            _refuse_floats(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _refuse_floats(v)


def item_hash(item: dict[str, Any], prev_hash: str | None = None) -> str:
    """SHA-256 of ``prev_hash`` followed by the canonical JSON of the item without ``hash``."""
    body = {k: v for k, v in item.items() if k != "hash"}
    prev = prev_hash if prev_hash is not None else body.get("prev_hash", ZERO_HASH)
    return hashlib.sha256((prev + canonical_json(body)).encode("utf-8")).hexdigest()


def seal(item: dict[str, Any], prev_hash: str) -> dict[str, Any]:
    """Return the item with ``prev_hash`` and ``hash`` set."""
    sealed = dict(item)
    sealed.pop("hash", None)
    sealed["prev_hash"] = prev_hash
    sealed["hash"] = item_hash(sealed, prev_hash)
    return sealed


def verify_chain(items: list[dict[str, Any]], start_hash: str = ZERO_HASH) -> int | None:
    """Index of the first item that breaks the chain, or None when it all verifies."""
    prev = start_hash
    for i, item in enumerate(items):
        if item.get("prev_hash") != prev or item.get("hash") != item_hash(item, prev):
            return i
        prev = item["hash"]
    return None


_uuid_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


def uuid7() -> str:
    """A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then randomness.

    Monotonic within one process: two ids made in the same millisecond sort in
    the order they were made.
    """
    global _last_ms, _last_rand
    with _uuid_lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            rand = _last_rand + 1
        else:
            rand = int.from_bytes(os.urandom(10), "big") >> 6  # 74 random bits
        _last_ms, _last_rand = ms, rand
    rand_a = (rand >> 62) & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


def rfc3339(moment: datetime) -> str:
    """UTC, whole seconds, ``Z`` suffix: 2026-11-22T14:03:07Z."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware UTC datetime")
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_rfc3339(text: str) -> datetime:
    """Raises ValueError for anything that is not an RFC 3339 time with an offset."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            raise ValueError("RFC 3339 times carry an offset")
        return moment.astimezone(timezone.utc)
    except OverflowError as e:  # 9999-12-31T23:59:59-01:00 overflows on conversion to UTC
        raise ValueError(f"time out of range: {text}") from e


def payment_numbers_problem(item: dict[str, Any]) -> str | None:
    """The reason a payment item's numbers do not add up, or None.

    PROTOCOL.md: tenders sum to ``amount``; cash ``received - change`` equals
    its ``amount``; allocations sum to ``amount + discount``; every amount is
    >= 0 and ``amount`` > 0.
    """
    amount, discount = item.get("amount"), item.get("discount", 0)
    tenders, allocations = item.get("tenders") or [], item.get("allocations") or []
    if not isinstance(tenders, list) or not isinstance(allocations, list):
        return "schema_invalid"
    if not all(isinstance(x, dict) for x in tenders + allocations):
        return "schema_invalid"
    ints = [amount, discount] + [t.get("amount") for t in tenders] + [a.get("amount") for a in allocations]
    ints += [t.get(k) for t in tenders if t.get("kind") == "cash" for k in ("received", "change")]
    if any(isinstance(v, bool) or not isinstance(v, int) for v in ints):
        return "amount_not_integer"
    if amount <= 0 or any(v < 0 for v in ints):
        return "negative_or_zero_amount"
    if not tenders:
        return "no_tenders"
    if sum(t["amount"] for t in tenders) != amount:
        return "tenders_do_not_add_up"
    for t in tenders:
        if t.get("kind") == "cash" and t["received"] - t["change"] != t["amount"]:
            return "change_does_not_add_up"
    if sum(a["amount"] for a in allocations) != amount + discount:
        return "allocations_do_not_add_up"
    return None
