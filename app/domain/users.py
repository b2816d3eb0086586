"""Users, roles and the PIN lockout rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Role(StrEnum):
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    CENTRAL = "central"


#: who may approve what a cashier may not do alone
APPROVER_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})

MAX_FAILED_PINS = 5
LOCKOUT = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class User:
    user_id: str
    name: str
    role: Role
    active: bool = True

    @property
    def can_approve(self) -> bool:
        return self.role in APPROVER_ROLES


def valid_pin(pin: str) -> bool:
    return pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8


def lockout_after_failure(failed_attempts: int, now: datetime) -> datetime | None:
    """Five wrong PINs in a row lock the user for five minutes."""
    return now + LOCKOUT if failed_attempts >= MAX_FAILED_PINS else None
