"""The counter's use cases: find the debtor, take the payment.

Every method that writes is one unit of work: the payment, its allocations,
its tenders, the outbox item and the audit entry commit together or not at
all.  Printing happens after ``take_payment`` returns, never inside it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.domain.accounts import AccountView, Biller, OpenDocument
from app.domain.errors import DomainError, NotFound, Unauthorized
from app.domain.money import Money
from app.domain.payments import CashTender, ChequeTender, Payment, Tender
from app.domain.policy import (
    Approval,
    Decision,
    PaymentContext,
    PaymentProposal,
    Policy,
    allocate,
    authorise,
    business_date_for,
    cash_tender_for,
    cheque_key_of,
    drawer_key,
    evaluate,
    refuse_card_numbers,
    suggested_amount,
)
from app.domain.protocol import parse_rfc3339, rfc3339, uuid7
from app.domain.timeutil import business_date
from app.domain.users import User
from app.services.journal import ItemContext, enqueue_item, record_audit
from app.services.policy_holder import PolicyHolder
from app.services.ports import AccountRecord, Clock, PaymentRecord, ShiftRecord, UnitOfWork, UnitOfWorkFactory, VoidRecord
from app.settings import Settings

ACCOUNT_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-]{0,39}$")
MAX_NAME_RESULTS = 50


@dataclass(frozen=True, slots=True)
class CashierSession:
    """Who is at the counter and which shift (drawer) they hold."""

    user: User
    shift_id: str
    opened_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SearchResult:
    kind: str  # "barcode" | "account" | "national_id" | "name"
    views: tuple[AccountView, ...]


@dataclass(frozen=True)
class PaymentRequest:
    """What the cashier asked for.

    ``amount`` None means the whole balance (or the whole of the picked
    documents); ``cash_received`` instead of ``tenders`` means one cash
    tender for the amount, with change.
    """

    account_id: str
    tenders: tuple[Tender, ...] = ()
    amount: Money | None = None
    cash_received: Money | None = None
    document_ids: tuple[str, ...] | None = None  # None: oldest due first
    discount: Money | None = None
    overrides: tuple[Approval, ...] = ()  # a supervisor's approval per overridable violation
    payer_id: dict[str, str] | None = None
    online_balance: tuple[Money, datetime] | None = None  # a fresh central balance, when there was one
    extra: dict[str, Any] = field(default_factory=dict)


class CounterService:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        settings: Settings,
        terminal_id: str = "",
        policy: Policy | PolicyHolder | None = None,
    ) -> None:
        self.uow, self.clock, self.settings = uow, clock, settings
        self._terminal_id = terminal_id
        self.policies = policy if isinstance(policy, PolicyHolder) else PolicyHolder(policy)

    @property
    def policy(self) -> Policy:
        return self.policies.policy

    # --- looking up ------------------------------------------------------------

    @staticmethod
    def _make_view(rec: AccountRecord, biller: Biller, documents: list[OpenDocument], **extra: Any) -> AccountView:
        return AccountView(
            account=rec.account,
            biller=biller,
            documents=tuple(documents),
            balance=Money.from_minor(rec.balance_minor, rec.account.currency),
            as_of=rec.as_of,
            online=False,
            **extra,
        )

    def _view(self, uow: UnitOfWork, rec: AccountRecord, **extra: Any) -> AccountView:
        biller = uow.accounts.biller(rec.account.biller_id)
        if biller is None:  # the snapshot's foreign key makes this a corrupt store
            raise NotFound("unknown_biller", f"La empresa {rec.account.biller_id} no está cargada en esta caja.")
        return self._make_view(rec, biller, uow.accounts.documents(rec.account.account_id), **extra)

    @staticmethod
    def _barcode_formats(uow: UnitOfWork) -> dict[str, Any]:
        from app.domain.barcodes import format_from_config

        return {b: format_from_config(cfg) for b, cfg in uow.accounts.barcode_formats().items()}

    def lookup_account(self, account_id: str) -> AccountView:
        account_id = (account_id or "").strip()
        if not account_id:
            raise DomainError("empty_account", "Escriba un número de cuenta.", field="search")
        if not ACCOUNT_ID_RE.match(account_id):
            raise DomainError("bad_account_format", f"«{account_id[:40]}» no es un número de cuenta válido.", field="search")
        with self.uow() as uow:
            rec = uow.accounts.get(account_id)
            if rec is None:
                raise NotFound("unknown_account", f"La cuenta {account_id} no existe en esta caja.", field="search")
            return self._view(uow, rec)

    def lookup_barcode(self, raw: str) -> AccountView:
        from app.domain.barcodes import parse_bill_barcode

        with self.uow() as uow:
            bill = parse_bill_barcode(raw, self._barcode_formats(uow))
            rec = uow.accounts.get(bill.reference)
            document_id = None
            if rec is None:
                owner = uow.accounts.account_of_document(bill.reference)
                rec = uow.accounts.get(owner) if owner else None
                document_id = bill.reference if rec else None
            if rec is None or rec.account.biller_id != bill.biller_id:
                raise NotFound(
                    "unknown_account",
                    f"La factura es de {bill.biller_id} pero la referencia {bill.reference} no está en esta caja.",
                    field="search",
                )
            scanned = Money.from_minor(bill.amount_minor, rec.account.currency) if bill.amount_minor is not None else None
            return self._view(uow, rec, matched_document_id=document_id, scanned_amount=scanned)

    def search_name(self, text: str, limit: int = MAX_NAME_RESULTS) -> list[AccountView]:
        words = [w for w in re.findall(r"\w+", text or "") if w.strip("_")]
        if not words or sum(len(w) for w in words) < 2:
            raise DomainError("short_name", "Escriba al menos dos letras del nombre.", field="search")
        with self.uow() as uow:
            return self._views(uow, uow.accounts.search_name(text, limit))

    def _views(self, uow: UnitOfWork, records: list[AccountRecord]) -> list[AccountView]:
        """Many accounts at once: one query for all their documents."""
        docs = uow.accounts.documents_of([r.account.account_id for r in records])
        views = []
        for rec in records:
            biller = uow.accounts.biller(rec.account.biller_id)
            if biller is not None:
                views.append(self._make_view(rec, biller, docs[rec.account.account_id]))
        return views

    def search(self, text: str) -> SearchResult:
        """The one search field: a scan, an account number, a national id or a name."""
        from app.domain.barcodes import looks_like_barcode

        text = (text or "").strip()
        if not text:
            raise DomainError("empty_search", "Escanee la factura o escriba cuenta o nombre.", field="search")
        with self.uow() as uow:
            formats = self._barcode_formats(uow)
        if looks_like_barcode(text, formats):
            return SearchResult("barcode", (self.lookup_barcode(text),))
        # not a bill this counter knows: a full card number typed here is refused, never searched or logged
        refuse_card_numbers(text, "search")
        if ACCOUNT_ID_RE.match(text) and any(c.isdigit() for c in text):
            try:
                return SearchResult("account", (self.lookup_account(text),))
            except NotFound:
                views = self.search_national_id(text)
                if views:
                    return SearchResult("national_id", tuple(views))
                raise
        return SearchResult("name", tuple(self.search_name(text)))

    def search_national_id(self, national_id: str) -> list[AccountView]:
        with self.uow() as uow:
            return self._views(uow, uow.accounts.by_national_id(national_id.strip(), MAX_NAME_RESULTS))

    # --- taking money -------------------------------------------------------

    def take_cash_payment(
        self,
        session: CashierSession,
        account_id: str,
        received: Money,
        amount: Money | None = None,
        document_ids: tuple[str, ...] | None = None,
    ) -> PaymentRecord:
        """The everyday case: cash for the whole balance (or ``amount``), change computed."""
        return self.take_payment(
            session, PaymentRequest(account_id=account_id, amount=amount, document_ids=document_ids, cash_received=received)
        )

    def check_payment(self, session: CashierSession, req: PaymentRequest) -> Decision:
        """What the policy says of this payment, without taking it (the screen shows it inline)."""
        with self.uow() as uow:
            return self._decide(uow, session, req, self.clock.now())[0]

    def take_payment(self, session: CashierSession, req: PaymentRequest) -> PaymentRecord:
        """Check the payment against the policy and take it in one unit of work.

        Violations a supervisor may override need an approval in
        ``req.overrides`` (the approvals are recorded in the item and the
        audit log); any other violation refuses the payment and writes nothing.
        """
        now = self.clock.now()
        with self.uow() as uow:
            decision, policy, ctx, proposal, shift, rec = self._decide(uow, session, req, now)
            for approval in req.overrides:
                refuse_card_numbers(approval.reason, "reason")
            granted = authorise(policy, decision.violations, req.overrides, session.user.user_id)
            payment = Payment(
                account_id=rec.account.account_id,
                biller_id=rec.account.biller_id,
                amount=proposal.amount,
                discount=proposal.discount or Money.zero(proposal.amount.currency),
                allocations=allocate(policy, ctx, proposal),
                tenders=proposal.tenders,
                balance_before=ctx.balance,
            )
            return self._commit_payment(uow, session, shift, payment, rec, req, granted, decision, policy, now)

    def _decide(self, uow: UnitOfWork, session: CashierSession, req: PaymentRequest, now: datetime):
        currency = self.settings.currency
        if uow.values.get("needs_resync"):
            raise DomainError(
                "needs_resync",
                "Esta caja se restauró de una copia de seguridad: conéctela a la central (ventanilla sync) antes de cobrar.",
            )
        shift = self._open_shift(uow, session)
        rec = uow.accounts.get(req.account_id)
        if rec is None:
            raise NotFound("unknown_account", f"La cuenta {req.account_id} no existe en esta caja.", field="search")
        if rec.account.currency != currency:
            raise DomainError("wrong_currency", f"La cuenta está en {rec.account.currency}; esta caja cobra en {currency}.")
        policy = self._current_policy(uow)
        unsynced_count, unsynced_total = uow.payments.unsynced()
        last_sync = uow.values.get("last_sync_at")
        ctx = PaymentContext(
            account=rec.account,
            documents=tuple(uow.accounts.documents(rec.account.account_id)),
            balance=req.online_balance[0] if req.online_balance else Money.from_minor(rec.balance_minor, currency),
            today=business_date(now, self.settings.timezone, None),
            now=now,
            locale=self.settings.locale,
            cashier_role=session.user.role.value,
            offline=req.online_balance is None,
            unsynced_count=unsynced_count,
            unsynced_total=Money.from_minor(unsynced_total, currency),
            offline_shift_total=Money.from_minor(uow.payments.offline_total_of_shift(shift.shift_id), currency),
            last_sync=parse_rfc3339(last_sync) if last_sync else None,
            returned_cheque_drawers=self._returned_drawers(uow),
            seen_cheques=frozenset(cheque_key_of(*k) for k in uow.payments.cheques_taken()) if any(
                isinstance(t, ChequeTender) for t in req.tenders) else frozenset(),
        )
        discount = req.discount or Money.zero(currency)
        amount = req.amount
        if amount is None:
            amount = suggested_amount(policy, ctx, req.document_ids) - discount
        tenders = tuple(req.tenders)
        if req.cash_received is not None:
            if tenders:
                raise DomainError("bad_request", "Indique el efectivo recibido o los medios de pago, no ambos.")
            cash = cash_tender_for(policy, ctx, amount, req.cash_received)
            amount, tenders = cash.amount, (cash,)
        proposal = PaymentProposal(amount, tenders, discount, req.document_ids, req.payer_id)
        return evaluate(policy, ctx, proposal), policy, ctx, proposal, shift, rec

    def _current_policy(self, uow: UnitOfWork) -> Policy:
        return self.policies.current(uow)

    @staticmethod
    def _returned_drawers(uow: UnitOfWork) -> dict[str, date]:
        raw = uow.values.get("returned_cheque_drawers")
        if not raw:
            return {}
        try:
            return {drawer_key(k): date.fromisoformat(v) for k, v in json.loads(raw).items()}
        except (ValueError, AttributeError):
            return {}

    def _open_shift(self, uow: UnitOfWork, session: CashierSession) -> ShiftRecord:
        shift = uow.shifts.get(session.shift_id)
        if shift is None or shift.cashier_id != session.user.user_id:
            raise DomainError("no_open_shift", "Abra un turno antes de cobrar.")
        if shift.status != "open":
            raise DomainError("shift_closed", "Este turno ya está cerrado: no admite más operaciones.")
        return shift

    # --- voids -------------------------------------------------------------------

    def void_payment(self, session: CashierSession, payment_id: str, approver: User, reason: str) -> VoidRecord:
        """Void a payment of this shift, before it closes, with a supervisor and a reason.

        The allocations are reversed in the local snapshot, a ``void`` item is
        queued, and the caller prints the void receipt after this returns.
        """
        if not approver.can_approve:
            raise Unauthorized("not_a_supervisor", f"{approver.name} no puede anular: se necesita un supervisor.")
        if approver.user_id == session.user.user_id:
            raise Unauthorized("approver_is_cashier", "La anulación la autoriza un supervisor distinto del cajero.")
        reason = (reason or "").strip()
        if len(reason) < 3:
            raise DomainError("reason_required", "Escriba el motivo de la anulación.", field="reason")
        refuse_card_numbers(reason, "reason")
        now = self.clock.now()
        with self.uow() as uow:
            shift = self._open_shift(uow, session)
            p = uow.payments.get(payment_id)
            if p is None:
                raise NotFound("unknown_payment", "Ese comprobante no existe en esta caja.")
            if p.shift_id != shift.shift_id:
                raise DomainError("void_other_shift", "Solo se anulan pagos del turno abierto; este es de otro turno.")
            if p.status == "voided":
                raise DomainError("already_voided", f"El comprobante {p.receipt_no} ya está anulado.")
            item = enqueue_item(
                uow,
                "void",
                {"voids": p.payment_id, "currency": p.currency, "amount": p.amount_minor, "reason": reason,
                 "approver_id": approver.user_id},
                ItemContext(uow.terminal.counters().terminal_id, shift.shift_id, session.user.user_id, p.business_date, now),
            )
            record = VoidRecord(item["id"], p.payment_id, shift.shift_id, item["seq"], p.amount_minor, reason, approver.user_id, now)
            uow.shifts.add_void(record)
            uow.payments.set_status(p.payment_id, "voided")
            uow.accounts.apply_payment(
                p.account_id,
                [(a["document_id"], -a["amount"]) for a in p.allocations],
                -(p.amount_minor + p.discount_minor),
            )
            record_audit(uow, now, approver.user_id, "void", payment_id=p.payment_id, receipt_no=p.receipt_no,
                         amount=p.amount_minor, reason=reason, cashier_id=session.user.user_id)
            uow.commit()
            return record

    def _commit_payment(
        self,
        uow: UnitOfWork,
        session: CashierSession,
        shift: ShiftRecord,
        payment: Payment,
        rec: AccountRecord,
        req: PaymentRequest,
        granted: tuple[Approval, ...],
        decision: Decision,
        policy: Policy,
        now: datetime,
    ) -> PaymentRecord:
        account_name = rec.account.name
        counters = uow.terminal.counters()
        counters.last_receipt_no += 1
        uow.terminal.save_counters(counters)
        payment_id = uuid7()
        offline = req.online_balance is None
        as_of = req.online_balance[1] if req.online_balance else rec.as_of
        bdate = business_date_for(policy, now, self.settings.timezone, self.settings.cutoff_time).isoformat()
        allocations = [{"document_id": a.document_id, "amount": a.amount.to_minor()} for a in payment.allocations]
        tenders = [t.to_wire() for t in payment.tenders]
        fields: dict[str, Any] = {
            "receipt_no": counters.last_receipt_no,
            "account_id": payment.account_id,
            "biller_id": payment.biller_id,
            "currency": payment.currency,
            "amount": payment.amount.to_minor(),
            "discount": payment.discount.to_minor(),
            "allocations": allocations,
            "tenders": tenders,
            "balance_before": payment.balance_before.to_minor(),
            "balance_as_of": rfc3339(as_of),
            "offline": offline,
            "overrides": [a.to_wire() for a in granted],
        }
        if req.payer_id:
            fields["payer_id"] = dict(req.payer_id)
        ctx = ItemContext(counters.terminal_id or self._terminal_id, shift.shift_id, session.user.user_id, bdate, now)
        item = enqueue_item(uow, "payment", fields, ctx, item_id=payment_id)
        record = PaymentRecord(
            payment_id=payment_id,
            receipt_no=counters.last_receipt_no,
            seq=item["seq"],
            shift_id=shift.shift_id,
            cashier_id=session.user.user_id,
            account_id=payment.account_id,
            account_name=account_name,
            biller_id=payment.biller_id,
            currency=payment.currency,
            amount_minor=payment.amount.to_minor(),
            discount_minor=payment.discount.to_minor(),
            balance_before_minor=payment.balance_before.to_minor(),
            balance_as_of=as_of,
            offline=offline,
            occurred_at=now,
            business_date=bdate,
            allocations=allocations,
            tenders=tenders,
        )
        uow.payments.add(record)
        uow.accounts.apply_payment(
            payment.account_id,
            [(a.document_id, a.amount.to_minor()) for a in payment.allocations],
            payment.amount.to_minor() + payment.discount.to_minor(),
        )
        record_audit(
            uow,
            now,
            session.user.user_id,
            "payment",
            payment_id=payment_id,
            receipt_no=record.receipt_no,
            account_id=payment.account_id,
            amount=record.amount_minor,
            currency=payment.currency,
            recovery=decision.recovery,
            credit=decision.credit.to_minor(),
            policy_version=policy.version,
        )
        for o in granted:
            record_audit(uow, now, o.approver_id, "override", payment_id=payment_id, rule=o.rule, reason=o.reason)
        uow.commit()
        return record

    # --- receipts ----------------------------------------------------------------

    def start_print(self, payment_id: str, *, user_id: str | None = None) -> int:
        """Count a print of the receipt before it is sent; returns the number this print carries.

        The count is committed first so a process killed while the printer works
        never hands out a second original: whatever comes out after a crash is
        COPIA.  When the printer refused the job before any of it reached paper,
        ``print_not_made`` takes the count back.
        """
        with self.uow() as uow:
            count = uow.payments.count_print(payment_id)
            if count == 0:
                raise NotFound("unknown_payment", "Ese comprobante no existe en esta caja.")
            if count > 1:
                record_audit(uow, self.clock.now(), user_id, "reprint", payment_id=payment_id, copy=count)
            uow.commit()
            return count

    def print_not_made(self, payment_id: str, number: int, *, user_id: str | None = None) -> bool:
        """Take back print ``number`` of a receipt: the printer took none of it.

        Only the last count is taken back (a later print keeps its number);
        returns whether it was.  A reprint taken back is audited as such.
        """
        with self.uow() as uow:
            undone = uow.payments.uncount_print(payment_id, number)
            if undone and number > 1:
                record_audit(uow, self.clock.now(), user_id, "reprint_not_made", payment_id=payment_id, copy=number)
            uow.commit()
            return undone

    def payments_of_shift(self, session: CashierSession) -> list[PaymentRecord]:
        """The receipts of the cashier's shift, oldest first (the F8 list survives a restart)."""
        with self.uow() as uow:
            return uow.payments.of_shift(session.shift_id)

    def payment_by_receipt(self, receipt_no: int) -> PaymentRecord:
        with self.uow() as uow:
            p = uow.payments.by_receipt(receipt_no)
            if p is None:
                raise NotFound("unknown_receipt", f"No hay comprobante número {receipt_no} en esta caja.")
            return p


def change_of(record: PaymentRecord) -> int:
    return sum(t.get("change", 0) or 0 for t in record.tenders if t["kind"] == "cash")


__all__ = ["CounterService", "CashierSession", "PaymentRequest", "Approval", "SearchResult", "CashTender", "change_of"]
