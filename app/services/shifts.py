"""Opening a shift (the full cash-control flows build on this)."""

from __future__ import annotations

from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.protocol import uuid7
from app.domain.timeutil import business_date
from app.domain.users import User
from app.services.counter import CashierSession
from app.services.journal import ItemContext, enqueue_item, record_audit
from app.services.ports import Clock, ShiftRecord, UnitOfWorkFactory
from app.settings import Settings


class ShiftService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, settings: Settings) -> None:
        self.uow, self.clock, self.settings = uow, clock, settings

    def open_shift(self, user: User, opening_denominations: dict[int, int], *, drawer: str = "1") -> CashierSession:
        """Open a shift with the float counted by denomination (minor units → count)."""
        currency = self.settings.currency
        for denom, count in opening_denominations.items():
            if isinstance(denom, bool) or not isinstance(denom, int) or denom <= 0:
                raise DomainError("bad_denomination", "Denominación inválida en el fondo de caja.", field="float")
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise DomainError("bad_count", "La cantidad de billetes o monedas no puede ser negativa.", field="float")
        float_minor = sum(d * c for d, c in opening_denominations.items())
        Money.from_minor(float_minor, currency)  # refuses absurd totals
        now = self.clock.now()
        with self.uow() as uow:
            if uow.shifts.open_of(user.user_id) is not None:
                raise DomainError("shift_already_open", f"{user.name} ya tiene un turno abierto en esta caja.")
            shift_id = uuid7()
            bdate = business_date(now, self.settings.timezone, self.settings.cutoff_time).isoformat()
            shift = ShiftRecord(shift_id, user.user_id, currency, now, bdate, float_minor, drawer)
            uow.shifts.add(shift)
            counters = uow.terminal.counters()
            enqueue_item(
                uow,
                "shift_open",
                {
                    "currency": currency,
                    "opening_float": float_minor,
                    "opening_denominations": {str(d): c for d, c in sorted(opening_denominations.items()) if c},
                },
                ItemContext(counters.terminal_id, shift_id, user.user_id, bdate, now),
            )
            record_audit(uow, now, user.user_id, "shift_open", shift_id=shift_id, opening_float=float_minor, drawer=drawer)
            uow.commit()
        return CashierSession(user, shift_id)

    def current(self, user: User) -> CashierSession | None:
        with self.uow() as uow:
            shift = uow.shifts.open_of(user.user_id)
            return CashierSession(user, shift.shift_id) if shift else None
