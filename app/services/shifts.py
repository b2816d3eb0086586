"""Shifts and cash control: open with a counted float, drops, X report,
blind close with over/short, the Z report and the ``shift_close`` manifest.

Each action is one unit of work that stores its rows, queues its PROTOCOL.md
item and writes the audit entry.  A closed shift is immutable: nothing more
can be paid, voided, dropped or closed on it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from importlib import resources as importlib_resources

from app.domain.errors import DomainError, Unauthorized
from app.domain.money import Money
from app.domain.policy import close_tolerance, drop_limit, refuse_card_numbers
from app.domain.protocol import uuid7
from app.domain.shifts import (
    BlindCount,
    Denomination,
    ShiftFigures,
    check_denomination_count,
    figures,
    over_short,
    parse_denominations,
    within_tolerance,
)
from app.domain.timeutil import business_date
from app.domain.users import User
from app.services.counter import CashierSession
from app.services.journal import ItemContext, enqueue_item, record_audit
from app.services.policy_holder import PolicyHolder
from app.services.ports import CashMovementRecord, Clock, ShiftRecord, UnitOfWork, UnitOfWorkFactory
from app.settings import Settings


def load_denominations() -> dict[str, tuple[Denomination, ...]]:
    text = importlib_resources.files("resources.denominations").joinpath("denominations.toml").read_text("utf-8")
    return parse_denominations(text)


@dataclass(frozen=True)
class ShiftReport:
    """The X report (any time, resets nothing) or the Z report (the close)."""

    kind: str  # "X" | "Z"
    shift_id: str
    cashier_id: str
    terminal_id: str
    drawer: str
    currency: str
    opened_at: datetime
    printed_at: datetime
    business_date: str
    figures: ShiftFigures
    counted: dict[str, int] | None = None
    over_short: dict[str, int] | None = None
    counted_denominations: dict[int, int] | None = None
    approver_id: str | None = None
    seq_from: int | None = None
    seq_to: int | None = None
    cashier_name: str = ""
    approver_name: str = ""
    closed_at: datetime | None = None


@dataclass(frozen=True)
class CloseOutcome:
    """``closed``; or ``recount`` (beyond tolerance, first time); or ``needs_approval``."""

    status: str
    report: ShiftReport
    manifest: dict | None = None


class ShiftService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, settings: Settings, policies: PolicyHolder | None = None) -> None:
        self.uow, self.clock, self.settings = uow, clock, settings
        self.policies = policies or PolicyHolder()
        self._denominations: dict[str, tuple[Denomination, ...]] | None = None

    # --- the policy's cash-control numbers (minor units) ---------------------------

    # These read the policy already in memory (no I/O: screens ask them on the GUI
    # thread); a newer policy from central is taken in by the next payment or close.

    def drop_limit(self) -> int | None:
        """Cash in the drawer above which the counter asks for a sangría; None: no limit."""
        limit = drop_limit(self.policies.policy, self.settings.currency)
        return limit.to_minor() if limit is not None else None

    def close_tolerance(self) -> int:
        """The largest over/short per tender that still closes without a recount."""
        tolerance = close_tolerance(self.policies.policy, self.settings.currency)
        return tolerance.to_minor() if tolerance is not None else 0

    def denominations(self, currency: str | None = None) -> tuple[Denomination, ...]:
        if self._denominations is None:
            self._denominations = load_denominations()
        currency = currency or self.settings.currency
        try:
            return self._denominations[currency]
        except KeyError:
            raise DomainError("no_denominations", f"No hay tabla de billetes y monedas para {currency}.") from None

    # --- opening -----------------------------------------------------------------

    def open_shift(self, user: User, opening_denominations: dict[int, int], *, drawer: str = "1") -> CashierSession:
        """Open a shift with the float counted by denomination (minor units → pieces)."""
        currency = self.settings.currency
        float_minor = check_denomination_count(opening_denominations, self.denominations(currency), currency)
        now = self.clock.now()
        with self.uow() as uow:
            if uow.shifts.open_of(user.user_id) is not None:
                raise DomainError("shift_already_open", f"{user.name} ya tiene un turno abierto en esta caja.")
            shift_id = uuid7()
            bdate = self._business_date(now)
            counted = {d: c for d, c in sorted(opening_denominations.items()) if c}
            uow.shifts.add(
                ShiftRecord(shift_id, user.user_id, currency, now, bdate, float_minor, drawer, opening_denominations=counted)
            )
            enqueue_item(
                uow,
                "shift_open",
                {
                    "currency": currency,
                    "opening_float": float_minor,
                    "opening_denominations": {str(d): c for d, c in counted.items()},
                },
                self._ctx(uow, shift_id, user.user_id, bdate, now),
            )
            record_audit(uow, now, user.user_id, "shift_open", shift_id=shift_id, opening_float=float_minor, drawer=drawer)
            uow.commit()
        return CashierSession(user, shift_id, now)

    def current(self, user: User) -> CashierSession | None:
        with self.uow() as uow:
            shift = uow.shifts.open_of(user.user_id)
            return CashierSession(user, shift.shift_id, shift.opened_at) if shift else None

    # --- during the shift -----------------------------------------------------------

    def cash_in_drawer(self, session: CashierSession) -> int:
        with self.uow() as uow:
            shift = self._open(uow, session)
            return self._figures(uow, shift).expected["cash"]

    def drop_due(self, session: CashierSession, limit_minor: int | None) -> bool:
        """True when cash in the drawer passed the policy limit: ask for a sangría."""
        return limit_minor is not None and self.cash_in_drawer(session) > limit_minor

    def cash_drop(self, session: CashierSession, amount: Money, approver: User) -> CashMovementRecord:
        """A sangría to the safe, approved by a supervisor."""
        self._check_approver(session, approver)
        return self._movement(session, "drop", amount, approver.user_id)

    def float_in(self, session: CashierSession, amount: Money, approver: User | None = None) -> CashMovementRecord:
        if approver is not None:
            self._check_approver(session, approver)
        return self._movement(session, "float_in", amount, approver.user_id if approver else None)

    @staticmethod
    def _check_approver(session: CashierSession, approver: User) -> None:
        if not approver.can_approve:
            raise Unauthorized("not_a_supervisor", f"{approver.name} no puede autorizar: se necesita un supervisor.")
        if approver.user_id == session.user.user_id:
            raise Unauthorized("approver_is_cashier", "Lo autoriza un supervisor distinto del cajero.")

    def _movement(self, session: CashierSession, kind: str, amount: Money, approver_id: str | None) -> CashMovementRecord:
        if amount.currency != self.settings.currency:
            raise DomainError("wrong_currency", f"Esta caja maneja {self.settings.currency}.", field="amount")
        if amount.amount <= 0:
            raise DomainError("amount_not_positive", "El monto debe ser mayor que cero.", field="amount")
        now = self.clock.now()
        with self.uow() as uow:
            shift = self._open(uow, session)
            if kind == "drop":
                in_drawer = self._figures(uow, shift).expected["cash"]
                if amount.to_minor() > in_drawer:
                    raise DomainError(
                        "drop_exceeds_cash",
                        f"El retiro ({amount}) supera el efectivo que debería haber en la gaveta.",
                        field="amount",
                    )
            item = enqueue_item(
                uow,
                "cash_movement",
                {"kind": kind, "currency": amount.currency, "amount": amount.to_minor(), "approver_id": approver_id},
                self._ctx(uow, shift.shift_id, session.user.user_id, self._business_date(now), now),
            )
            record = CashMovementRecord(item["id"], shift.shift_id, item["seq"], kind, amount.to_minor(), approver_id, now)
            uow.shifts.add_movement(record)
            record_audit(uow, now, session.user.user_id, kind, shift_id=shift.shift_id, amount=amount.to_minor(), approver_id=approver_id)
            uow.commit()
            return record

    def x_report(self, session: CashierSession) -> ShiftReport:
        """The figures so far; resets nothing."""
        with self.uow() as uow:
            shift = self._open(uow, session)
            return self._report(uow, shift, "X")

    # --- closing -----------------------------------------------------------------------

    def close_shift(
        self,
        session: CashierSession,
        count: BlindCount,
        *,
        tolerance_minor: int | None = None,
        approver: User | None = None,
        reason: str = "",
    ) -> CloseOutcome:
        """Close with a blind count.

        Within tolerance the shift closes. Beyond it, the first count asks for
        a recount; after that, a supervisor (not the cashier) approves with a
        reason, or the shift stays open.
        """
        currency = self.settings.currency
        cash = check_denomination_count(count.denominations, self.denominations(currency), currency)
        if min(count.cheque_count, count.cheque_total, count.card_total) < 0:
            raise DomainError("bad_count", "Los totales contados no pueden ser negativos.", field="count")
        count = BlindCount(count.denominations, count.cheque_count, count.cheque_total, count.card_total, cash)
        now = self.clock.now()
        with self.uow() as uow:
            if tolerance_minor is None:
                policy_tolerance = close_tolerance(self.policies.current(uow), self.settings.currency)
                tolerance_minor = policy_tolerance.to_minor() if policy_tolerance is not None else 0
            shift = self._open(uow, session)
            figs = self._figures(uow, shift)
            diff = over_short(figs.expected, count.counted())
            report = self._report(uow, shift, "Z", figs=figs, count=count, diff=diff)
            if not within_tolerance(diff, tolerance_minor):
                shift.close_attempts += 1
                if shift.close_attempts < 2 or approver is None:
                    uow.shifts.save_close(shift)
                    record_audit(uow, now, session.user.user_id, "close_count", shift_id=shift.shift_id, attempt=shift.close_attempts,
                                 over_short=diff)
                    uow.commit()
                    return CloseOutcome("recount" if shift.close_attempts < 2 else "needs_approval", report)
                if not approver.can_approve or approver.user_id == session.user.user_id:
                    raise Unauthorized("approver_not_allowed", "La diferencia la aprueba un supervisor distinto del cajero.")
                if not reason.strip():
                    raise DomainError("reason_required", "Escriba el motivo de la diferencia.", field="reason")
                refuse_card_numbers(reason, "reason")
            manifest = self._close(uow, shift, session, figs, count, diff, approver if not within_tolerance(diff, tolerance_minor) else None, reason, now)
            uow.commit()
        return CloseOutcome("closed", self._with_close(report, manifest, approver.name if approver and manifest["approver_id"] else ""), manifest)

    def _close(self, uow: UnitOfWork, shift: ShiftRecord, session: CashierSession, figs: ShiftFigures, count: BlindCount,
               diff: dict[str, int], approver: User | None, reason: str, now: datetime) -> dict:
        counters = uow.terminal.counters()
        seq_from = self._shift_open_seq(uow, shift)
        fields = {
            "currency": shift.currency,
            "seq_from": seq_from,
            "seq_to": counters.last_seq,
            "receipt_from": figs.receipt_from,
            "receipt_to": figs.receipt_to,
            "counts": {k: v.to_wire() for k, v in figs.counts.items()},
            "voids": figs.voids.to_wire(),
            "counted_denominations": {str(d): c for d, c in sorted(count.denominations.items()) if c},
            "expected": figs.expected,
            "counted": count.counted(),
            "over_short": diff,
            "approver_id": approver.user_id if approver else None,
            "last_hash": counters.chain_head,
        }
        item = enqueue_item(uow, "shift_close", fields, self._ctx(uow, shift.shift_id, session.user.user_id, shift.business_date, now))
        shift.status, shift.closed_at, shift.manifest = "closed", now, json.dumps(item, ensure_ascii=False, sort_keys=True)
        uow.shifts.save_close(shift)
        record_audit(
            uow, now, session.user.user_id, "shift_close", shift_id=shift.shift_id, over_short=diff,
            approver_id=fields["approver_id"], reason=reason.strip(), seq=item["seq"],
        )
        return item

    def manifest_of(self, shift_id: str) -> dict | None:
        with self.uow() as uow:
            shift = uow.shifts.get(shift_id)
            return json.loads(shift.manifest) if shift and shift.manifest else None

    # --- helpers ------------------------------------------------------------------------

    def _business_date(self, now: datetime) -> str:
        return business_date(now, self.settings.timezone, self.settings.cutoff_time).isoformat()

    @staticmethod
    def _ctx(uow: UnitOfWork, shift_id: str, cashier_id: str, bdate: str, now: datetime) -> ItemContext:
        return ItemContext(uow.terminal.counters().terminal_id, shift_id, cashier_id, bdate, now)

    @staticmethod
    def _open(uow: UnitOfWork, session: CashierSession) -> ShiftRecord:
        shift = uow.shifts.get(session.shift_id)
        if shift is None or shift.cashier_id != session.user.user_id:
            raise DomainError("no_open_shift", "No hay un turno abierto para este cajero.")
        if shift.status != "open":
            raise DomainError("shift_closed", "Este turno ya está cerrado: no admite más operaciones.")
        return shift

    @staticmethod
    def _figures(uow: UnitOfWork, shift: ShiftRecord) -> ShiftFigures:
        payments = uow.payments.tenders_of_shift(shift.shift_id)
        voids = uow.shifts.voids_of(shift.shift_id)
        voided_ids = {v.payment_id for v in voids}
        voided = [tenders for pid, _, _, tenders in payments if pid in voided_ids]
        return figures(
            shift.currency,
            shift.opening_float_minor,
            [(receipt, tenders) for _, receipt, _, tenders in payments],
            voided,
            sum(v.amount_minor for v in voids),
            [(m.kind, m.amount_minor) for m in uow.shifts.movements_of(shift.shift_id)],
        )

    @staticmethod
    def _shift_open_seq(uow: UnitOfWork, shift: ShiftRecord) -> int:
        finder = getattr(uow.outbox, "seq_of_shift_open", None)
        if finder is not None:
            return finder(shift.shift_id)
        for o in uow.outbox.all():
            if o.type == "shift_open" and json.loads(o.body)["shift_id"] == shift.shift_id:
                return o.seq
        raise DomainError("shift_open_missing", "No se encuentra la apertura de este turno.")

    def _report(self, uow: UnitOfWork, shift: ShiftRecord, kind: str, *, figs: ShiftFigures | None = None,
                count: BlindCount | None = None, diff: dict[str, int] | None = None) -> ShiftReport:
        figs = figs or self._figures(uow, shift)
        return ShiftReport(
            kind=kind,
            shift_id=shift.shift_id,
            cashier_id=shift.cashier_id,
            terminal_id=uow.terminal.counters().terminal_id,
            drawer=shift.drawer,
            currency=shift.currency,
            opened_at=shift.opened_at,
            printed_at=self.clock.now(),
            business_date=shift.business_date,
            figures=figs,
            counted=count.counted() if count else None,
            over_short=diff,
            counted_denominations=dict(count.denominations) if count else None,
            cashier_name=self._name(uow, shift.cashier_id),
        )

    @staticmethod
    def _name(uow: UnitOfWork, user_id: str | None) -> str:
        if not user_id:
            return ""
        user = uow.users.get(user_id)
        return user.name if user else user_id

    @staticmethod
    def _with_close(report: ShiftReport, manifest: dict, approver_name: str = "") -> ShiftReport:
        from dataclasses import replace

        return replace(
            report,
            approver_id=manifest["approver_id"],
            approver_name=approver_name,
            seq_from=manifest["seq_from"],
            seq_to=manifest["seq_to"],
            closed_at=report.printed_at,
        )
