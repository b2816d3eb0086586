"""Receipts the printer did not take, kept on disk until they print.

The payment is committed before printing, so a receipt is never lost in the
database; the spool keeps *the paper* from being forgotten: which receipts
still have to come out, why they did not, and whether a print was cut off
half-way (the next print of it is marked REIMPRESIÓN).  One JSON file per
payment, written atomically, so a crash or a power cut leaves either the old
state or the new one.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path

from app.services.receipts import ReceiptData, ReceiptLine


def receipt_to_dict(r: ReceiptData) -> dict:
    d = asdict(r)
    d["occurred_at"] = r.occurred_at.isoformat()
    d["balance_as_of"] = r.balance_as_of.isoformat()
    d["lines"] = [asdict(line) for line in r.lines]
    d["tenders"] = [dict(t) for t in r.tenders]
    d["extra"] = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in r.extra.items()}
    return d


def receipt_from_dict(d: dict) -> ReceiptData:
    known = {f.name for f in fields(ReceiptData)}
    data = {k: v for k, v in d.items() if k in known}
    data["occurred_at"] = datetime.fromisoformat(d["occurred_at"])
    data["balance_as_of"] = datetime.fromisoformat(d["balance_as_of"])
    data["lines"] = tuple(ReceiptLine(**line) for line in d["lines"])
    data["tenders"] = tuple(d["tenders"])
    return ReceiptData(**data)


@dataclass(frozen=True)
class HeldReceipt:
    payment_id: str
    receipt_no: int
    fault_code: str
    message: str
    interrupted: bool  # a print of it was cut off half-way
    held_at: str
    attempts: int
    receipt: ReceiptData


class ReceiptSpool:
    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)

    def _path(self, payment_id: str) -> Path:
        safe = "".join(c for c in payment_id if c.isalnum() or c in "-_")
        return self.directory / f"{safe}.json"

    def hold(self, receipt: ReceiptData, fault_code: str, message: str, *, interrupted: bool = False) -> HeldReceipt:
        """Keep a receipt that did not print; an earlier cut-off stays marked."""
        previous = self.get(receipt.payment_id)
        held = HeldReceipt(
            receipt.payment_id,
            receipt.receipt_no,
            fault_code,
            message,
            interrupted or (previous.interrupted if previous else False),
            previous.held_at if previous else datetime.now().astimezone().isoformat(timespec="seconds"),
            (previous.attempts if previous else 0) + 1,
            receipt,
        )
        body = {k: v for k, v in asdict(held).items() if k != "receipt"}
        body["receipt"] = receipt_to_dict(receipt)
        self._write(self._path(receipt.payment_id), body)
        return held

    def _write(self, path: Path, body: dict) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".held-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(body, f, ensure_ascii=False, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    def get(self, payment_id: str) -> HeldReceipt | None:
        path = self._path(payment_id)
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return None  # a damaged entry: the payment is still in the store
        body["receipt"] = receipt_from_dict(body["receipt"])
        return HeldReceipt(**body)

    def was_interrupted(self, payment_id: str) -> bool:
        held = self.get(payment_id)
        return bool(held and held.interrupted)

    def release(self, payment_id: str) -> None:
        """The receipt printed whole: forget it."""
        try:
            self._path(payment_id).unlink()
        except FileNotFoundError:
            pass

    def pending(self) -> list[HeldReceipt]:
        """Receipts still to print, oldest receipt number first."""
        out = []
        for path in self.directory.glob("*.json"):
            held = self.get(path.stem)
            if held is not None:
                out.append(held)
        return sorted(out, key=lambda h: h.receipt_no)
