"""Sending the outbox to central and keeping the local snapshot current.

The counter never waits for any of this: the UI runs it off the GUI thread
(or a background loop does), and a network failure only means "try later".
Items are sent in ``seq`` order, at most 1,000 and 2 MiB a batch, and each
result settles its item:

* ``created`` / ``exists`` / ``accepted_flagged`` → acknowledged (flags kept);
* ``exists_with_different_fields`` / ``rejected`` → quarantined, never resent
  automatically, and an audit entry for the supervisor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.errors import DomainError
from app.domain.protocol import ZERO_HASH, parse_rfc3339, rfc3339, uuid7
from app.services.integrity import StoreTampered, check_items, fast_forward
from app.services.journal import record_audit
from app.services.ports import Clock, SyncTransport, UnitOfWorkFactory

MAX_ITEMS = 500  # issue 7: batches of at most 500 items (PROTOCOL.md allows 1,000)
MAX_BYTES = 2 * 1024 * 1024 - 64 * 1024  # leave room for the envelope
ACKED = {"created", "exists", "accepted_flagged"}
QUARANTINED = {"exists_with_different_fields", "rejected"}
SNAPSHOT_PAGE = 5000


@dataclass(frozen=True)
class PushReport:
    sent: int
    acknowledged: int
    flagged: int
    quarantined: int
    remaining: int


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    oldest_pending: datetime | None
    quarantined: int
    last_sync: datetime | None
    snapshot_as_of: datetime | None


class SyncService:
    def __init__(self, uow: UnitOfWorkFactory, transport: SyncTransport, clock: Clock) -> None:
        self.uow, self.transport, self.clock = uow, transport, clock

    def push_once(self) -> PushReport:
        """Send one batch of pending items; settle each by its result."""
        with self.uow() as uow:
            pending = uow.outbox.pending(MAX_ITEMS)
            if pending:
                # what leaves the terminal must still agree with its rows and its chain
                start = uow.outbox.hash_of(pending[0].seq - 1) if pending[0].seq > 1 else ZERO_HASH
                contiguous = uow.outbox.after(pending[0].seq - 1, limit=len(pending))
                problems = check_items(uow, contiguous, start or ZERO_HASH)
                if problems:
                    raise StoreTampered(
                        "store_tampered",
                        f"No se envía nada a la central: {problems[0].message} Llame al supervisor y a soporte.",
                    )
        items, size = [], 0
        for record in pending:
            size += len(record.body.encode()) + 1
            if items and size > MAX_BYTES:
                break
            items.append(json.loads(record.body))
        if not items:
            return PushReport(0, 0, 0, 0, 0)
        results = self.transport.send_batch(uuid7(), items)  # raises CentralUnavailable: nothing changes
        by_id = {r.get("id"): r for r in results}
        now = self.clock.now()
        acked = flagged = quarantined = 0
        with self.uow() as uow:
            settled: list[tuple[str, str, str]] = []
            for item in items:
                result = by_id.get(item["id"])
                if result is None:
                    continue  # not answered: stays pending, goes again next time
                status = result.get("status")
                if status in ACKED:
                    settled.append((item["id"], "acked", json.dumps(result, ensure_ascii=False)))
                    acked += 1
                    flagged += status == "accepted_flagged"
                elif status in QUARANTINED:
                    settled.append((item["id"], "quarantined", json.dumps(result, ensure_ascii=False)))
                    record_audit(
                        uow, now, None, "sync_quarantine", item_id=item["id"], seq=item["seq"], status=status,
                        reason=result.get("reason") or ",".join(result.get("fields", [])),
                    )
                    quarantined += 1
            uow.outbox.settle_many(settled, now)
            uow.values.set("last_sync_at", rfc3339(now))
            pending_after = uow.outbox.stats()[0]
            uow.commit()
        return PushReport(len(items), acked, flagged, quarantined, pending_after)

    def push_all(self, max_batches: int = 100) -> list[PushReport]:
        with self.uow() as uow:
            restored = bool(uow.values.get("needs_resync"))
        if restored:
            self.resync_after_restore()
        reports = []
        for _ in range(max_batches):
            report = self.push_once()
            reports.append(report)
            if report.sent == 0 or report.remaining == 0 or report.acknowledged + report.quarantined == 0:
                break
        return reports

    def pull_snapshot(self, max_pages: int = 1000) -> int:
        """Apply central's account changes since the stored cursor. Returns accounts applied."""
        applied = 0
        for _ in range(max_pages):
            with self.uow() as uow:
                cursor = uow.values.get("snapshot_cursor") or ""
            accounts, next_cursor, has_more = self.transport.fetch_snapshot(cursor, SNAPSHOT_PAGE)
            now = self.clock.now()
            for account in accounts:
                _check_account(account)  # a malformed page is refused whole, before anything is written
            with self.uow() as uow:
                uow.snapshot.upsert_accounts(accounts, now)
                uow.values.set("snapshot_cursor", next_cursor)
                uow.values.set("snapshot_at", rfc3339(now))
                uow.commit()
            applied += len(accounts)
            if not has_more:
                break
        return applied

    def pull_policy(self) -> int | None:
        """Fetch the policy in force for this agent; the counter applies a newer version
        at the start of its next payment.  Returns the version stored, or None when
        central has none.  A document this engine cannot read is refused whole and the
        terminal keeps the policy it has."""
        from app.domain.policy import policy_from_document

        answer = self.transport.fetch_policy()
        version, document = answer.get("version"), answer.get("policy")
        if not isinstance(version, int) or isinstance(version, bool) or version <= 0 or not isinstance(document, dict):
            return None
        policy_from_document(document, version=version)  # raises DomainError: nothing stored
        with self.uow() as uow:
            current = uow.values.get("policy_version")
            if current is None or not (current.isascii() and current.isdigit()) or int(current) < version:
                uow.values.set("policy_document", json.dumps(document, ensure_ascii=False, sort_keys=True))
                uow.values.set("policy_version", str(version))
                record_audit(uow, self.clock.now(), None, "policy_received", version=version)
                uow.commit()
        return version

    def resync_after_restore(self) -> bool:
        """Fast-forward a restored terminal to central's chain head (see integrity.fast_forward)."""
        me = self.transport.fetch_terminal_state()
        with self.uow() as uow:
            moved = fast_forward(uow, int(me["last_seq"]), str(me["chain_head"]), int(me["last_receipt_no"]))
            record_audit(uow, self.clock.now(), None, "restore_resync", last_seq=int(me["last_seq"]), moved=moved)
            uow.commit()
        return moved

    def pull_returned_cheques(self) -> int:
        """The drawers whose cheques a bank returned, network-wide; the policy refuses
        their cheques for ``returned_drawer_days``.  Returns how many drawers."""
        answer = self.transport.fetch_returned_cheques()
        latest: dict[str, str] = {}
        for c in answer.get("cheques") or []:
            drawer, returned_on = c.get("drawer_id"), c.get("returned_on")
            if isinstance(drawer, str) and drawer and isinstance(returned_on, str) and len(returned_on) == 10:
                latest[drawer] = max(latest.get(drawer, ""), returned_on)
        with self.uow() as uow:
            uow.values.set("returned_cheque_drawers", json.dumps(latest, sort_keys=True))
            uow.commit()
        return len(latest)

    def refresh_account(self, account_id: str) -> bool:
        """Online lookup: take central's fresh balance into the local snapshot. False when unknown there."""
        account = self.transport.fetch_account(account_id)
        if account is None:
            return False
        _check_account(account)
        with self.uow() as uow:
            uow.snapshot.upsert_account(account, self.clock.now())
            uow.commit()
        return True

    def status(self) -> SyncStatus:
        with self.uow() as uow:
            pending, oldest, quarantined = uow.outbox.stats()
            last = uow.values.get("last_sync_at")
            snap = uow.values.get("snapshot_at")
        return SyncStatus(
            pending, oldest, quarantined, parse_rfc3339(last) if last else None, parse_rfc3339(snap) if snap else None
        )


def _check_account(a: Any) -> None:
    """Central is trusted, but a malformed page must not half-apply."""
    ok = (
        isinstance(a, dict)
        and all(isinstance(a.get(k), str) and a.get(k) for k in ("account_id", "biller_id", "name", "segment", "status", "currency"))
        and isinstance(a.get("balance"), int)
        and not isinstance(a.get("balance"), bool)
        and isinstance(a.get("documents", []), list)
    )
    if not ok:
        raise DomainError("bad_snapshot", "Central envió una cuenta con datos incompletos; se reintentará.")
