"""The tender policy engine: may this counter take this payment, this way?

A pure function of its inputs (the policy, a :class:`PaymentContext` holding
everything the rules need to know about the account, the terminal and the
cashier, and a :class:`PaymentProposal`): the same inputs always give the same
:class:`Decision`.  No clock, no database, no network here; the counter service
gathers the context and acts on the answer.

Every check answers with a :class:`Violation`: a stable code, a Spanish
sentence with the numbers in the outlet's currency format, the input it is
about, and whether a supervisor may override it.  docs/policy.md lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Final, Iterable, Mapping, Sequence

from app.domain.accounts import Account, AccountStatus, DocumentKind, OpenDocument
from app.domain.amounts import format_amount, number_format
from app.domain.errors import DomainError
from app.domain.money import Money, minor_units
from app.domain.payments import (
    Allocation,
    CardTender,
    CashTender,
    ChequeTender,
    Tender,
    allocate_oldest_first,
    allocate_selected,
)
from app.domain.policy_document import (
    FORMAT,
    Bank,
    DiscountBand,
    MissingCurrency,
    OfflineLimits,
    Policy,
    ResolvedRules,
    load_default_policy,
    load_policy,
    money_param,
    parse_policy,
    policy_from_document,
)
from app.domain.policy_input import card_number_in, refuse_card_numbers

KIND_LABELS: Final = {"cash": "efectivo", "cheque": "cheque", "card": "tarjeta"}
#: the code that is a supervisor's approval by nature, whatever the document says
ALWAYS_OVERRIDABLE: Final = frozenset({"discount_needs_supervisor"})
_AUTH_CODE_RE = re.compile(r"^[A-Za-z0-9]{6}$")
_PAYER_NUMBER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-]{3,19}$")
_CHEQUE_ACCOUNT_RE = re.compile(r"^\d{4,20}$")
_MAX_TEXT = 80


# --------------------------------------------------------------------------
# inputs and answers
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Violation:
    """One rule said no.  ``rule`` names the document parameter behind it
    (``"cheque.max_amount"``), empty for the payment's own arithmetic."""

    code: str
    message: str
    field: str | None
    overridable: bool
    rule: str


@dataclass(frozen=True, slots=True)
class PaymentContext:
    """Everything the rules need, gathered by the counter service; no I/O here.

    ``today`` is the outlet's local calendar date and ``now`` an aware moment.
    ``returned_cheque_drawers`` maps a drawer's identity number (as
    :func:`drawer_key` normalises it) to the date their cheque was returned;
    ``seen_cheques`` holds :func:`cheque_key` of every cheque already accepted.
    The unsynced figures are the terminal's outbox before this payment.
    """

    account: Account
    documents: tuple[OpenDocument, ...]
    balance: Money
    today: date
    now: datetime
    locale: str = "es_DO"
    cashier_role: str = "cashier"
    offline: bool = False
    unsynced_count: int = 0
    unsynced_total: Money | None = None
    offline_shift_total: Money | None = None
    last_sync: datetime | None = None
    returned_cheque_drawers: Mapping[str, date] = field(default_factory=dict)
    seen_cheques: frozenset[tuple[str, str, str]] = frozenset()

    def __post_init__(self) -> None:
        if self.now.tzinfo is None or (self.last_sync is not None and self.last_sync.tzinfo is None):
            raise DomainError("naive_time", "Las horas del contexto de pago deben llevar zona horaria.")
        number_format(self.locale)


@dataclass(frozen=True, slots=True)
class PaymentProposal:
    """What the cashier is about to take: ``amount`` applied to debt (the sum of
    the tenders), ``discount`` forgiven, and the documents chosen (None: oldest
    due first).  ``payer_id`` is ``{"type", "number"}`` when captured."""

    amount: Money
    tenders: tuple[Tender, ...]
    discount: Money | None = None
    document_ids: tuple[str, ...] | None = None
    payer_id: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    violations: tuple[Violation, ...]
    due: Money  # what the chosen documents (or the whole balance) owe
    credit: Money  # what the payment leaves as the account's credit (overpayment)
    recovery: bool  # a written-off account: the payment is a recovery
    partial: bool  # an abono: less than ``due`` is settled
    payer_id_required: bool

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def blocking(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if not v.overridable)

    @property
    def needs_supervisor(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.overridable)


@dataclass(frozen=True, slots=True)
class Approval:
    """A supervisor's override of one violation (by its code), with a reason."""

    rule: str
    approver_id: str
    approver_role: str
    reason: str

    def to_wire(self) -> dict[str, str]:
        return {"rule": self.rule, "approver_id": self.approver_id, "reason": self.reason.strip()}


# --------------------------------------------------------------------------
# small helpers the counter also uses
# --------------------------------------------------------------------------


def drawer_key(drawer_id: str) -> str:
    """A drawer's identity number as the returned-cheque list keys it: letters and digits, upper case."""
    return "".join(c for c in drawer_id.upper() if c.isalnum())


def cheque_key(tender: ChequeTender) -> tuple[str, str, str]:
    """(bank, account, number) of a cheque, normalised: the same cheque is accepted once only."""
    return cheque_key_of(tender.bank_code, tender.account_number, tender.number)


def cheque_key_of(bank_code: str, account_number: str, number: str) -> tuple[str, str, str]:
    digits = lambda s: "".join(c for c in s if "0" <= c <= "9") or s.strip()  # noqa: E731
    return (bank_code.strip().upper(), digits(account_number).lstrip("0"), digits(number).lstrip("0"))


def open_documents(ctx: PaymentContext, document_ids: Sequence[str] | None = None) -> list[OpenDocument]:
    docs = [d for d in ctx.documents if d.outstanding.amount > 0]
    if document_ids is not None:
        wanted = set(document_ids)
        docs = [d for d in docs if d.document_id in wanted]
    return sorted(docs, key=lambda d: (d.due_date, d.issue_date, d.document_id))


def amount_due(ctx: PaymentContext, document_ids: Sequence[str] | None = None) -> Money:
    """What the chosen documents owe, or the whole balance (never below zero)."""
    cur = ctx.account.currency
    if document_ids is not None:
        return sum((d.outstanding for d in open_documents(ctx, document_ids)), Money.zero(cur))
    return ctx.balance if ctx.balance.amount > 0 else Money.zero(cur)


def debt_age_days(ctx: PaymentContext) -> int:
    """Days past due of the oldest open document: the age the discount bands look at."""
    return max((d.days_past_due(ctx.today) for d in ctx.documents if d.outstanding.amount > 0), default=0)


def installment_due(ctx: PaymentContext) -> Money:
    """Under a payment agreement: the installments due by today, else the next one, never above the balance."""
    cur = ctx.account.currency
    installments = [d for d in open_documents(ctx) if d.kind == DocumentKind.INSTALLMENT]
    if not installments:
        return amount_due(ctx)
    due_now = sum((d.outstanding for d in installments if d.due_date <= ctx.today), Money.zero(cur))
    if due_now.is_zero():
        due_now = installments[0].outstanding
    return due_now.min(amount_due(ctx))


def suggested_amount(policy: Policy, ctx: PaymentContext, document_ids: Sequence[str] | None = None) -> Money:
    """The amount the counter proposes: the installment due under an agreement, else what is owed."""
    if ctx.account.status == AccountStatus.AGREEMENT and document_ids is None:
        return installment_due(ctx)
    return amount_due(ctx, document_ids)


def minimum_partial(policy: Policy, ctx: PaymentContext, document_ids: Sequence[str] | None = None) -> Money:
    """The smallest abono accepted: the least of the oldest due document, the configured minimum and what is owed.

    When the biller takes no abonos it is the whole amount owed.
    """
    rules = policy.rules_for(ctx.account.biller_id, ctx.account.segment)
    due = amount_due(ctx, document_ids)
    if not rules.partial_allowed:
        return due
    candidates = [due]
    docs = open_documents(ctx, document_ids)
    if docs:
        candidates.append(docs[0].outstanding)
    try:
        configured = rules.money("partial_minimum", due.currency)
    except MissingCurrency:
        configured = None
    if configured is not None:
        candidates.append(configured)
    return min(candidates, key=lambda m: m.amount)


def discount_band(policy: Policy, ctx: PaymentContext) -> DiscountBand | None:
    """The band this debt's age falls in, or None when no discount applies."""
    rules = policy.rules_for(ctx.account.biller_id, ctx.account.segment)
    age = debt_age_days(ctx)
    band = None
    for b in rules.discount_bands:  # sorted by min_days
        if age >= b.min_days:
            band = b
    return band


def max_discount(policy: Policy, ctx: PaymentContext, role: str) -> tuple[Decimal, str]:
    """The largest discount (percent of the debt settled) ``role`` may grant alone, and at which level:
    ``"cashier"``, ``"supervisor"``, or ``"central"`` (0 %: only the central office grants one)."""
    band = discount_band(policy, ctx)
    if band is None:
        return Decimal(0), "central"
    if role in policy.approver_roles:
        return band.supervisor_percent, "supervisor"
    return band.cashier_percent, "cashier"


def max_discount_amount(policy: Policy, ctx: PaymentContext, debt: Money, role: str) -> Money:
    """The largest discount in money on ``debt`` that ``role`` may grant alone (rounded down)."""
    pct, _ = max_discount(policy, ctx, role)
    exponent = Decimal(1).scaleb(-minor_units(debt.currency))
    return Money((debt.amount * pct / 100).quantize(exponent, rounding=ROUND_FLOOR), debt.currency)


def cash_rounding_step(policy: Policy, ctx: PaymentContext) -> Money | None:
    rules = policy.rules_for(ctx.account.biller_id, ctx.account.segment)
    try:
        return rules.money("cash_rounding_step", ctx.account.currency)
    except MissingCurrency:
        return None


def cash_tender_for(policy: Policy, ctx: PaymentContext, due: Money, received: Money) -> CashTender:
    """Cash against ``due``: rounded down to the policy's step where coins are gone (the few
    cents left stay owed, never invented), refusing too little, with the change."""
    if received.is_negative() or due.is_negative():
        raise DomainError("negative_amount", "El monto no puede ser negativo.", field="received")
    step = cash_rounding_step(policy, ctx)
    applied = due
    if step is not None and not step.is_zero():
        units = (due.amount / step.amount).to_integral_value(rounding=ROUND_FLOOR)
        applied = Money(units * step.amount, due.currency)
    if received < applied:
        raise DomainError(
            "insufficient_cash",
            f"El efectivo recibido no alcanza: faltan {_fmt(applied - received, ctx.locale)}.",
            field="received",
        )
    return CashTender(amount=applied, received=received, change=received - applied)


def allocate(policy: Policy, ctx: PaymentContext, proposal: PaymentProposal) -> tuple[Allocation, ...]:
    """Spread ``amount + discount`` over the chosen documents (oldest due first); a remainder
    beyond every document is an allocation to ``""``: the account's credit."""
    cur = ctx.account.currency
    to_apply = proposal.amount + (proposal.discount or Money.zero(cur))
    if proposal.document_ids is not None:
        return tuple(allocate_selected(ctx.documents, list(proposal.document_ids), to_apply))
    return tuple(allocate_oldest_first(open_documents(ctx), to_apply))


def business_date_for(policy: Policy, moment: datetime, tz: str, default_cutoff: time | None = None) -> date:
    """The outlet's business date: the policy's cut-off (else the settings' one) decides it."""
    from app.domain.timeutil import business_date

    return business_date(moment, tz, policy.cutoff if policy.cutoff is not None else default_cutoff)


def drop_limit(policy: Policy, currency: str) -> Money | None:
    """Cash in the drawer above which the counter asks for a sangría, or None."""
    try:
        return money_param(policy.drawer_max_cash, currency, "drawer.max_cash")
    except MissingCurrency:
        return None


def close_tolerance(policy: Policy, currency: str) -> Money | None:
    """The largest over/short per tender that still closes a shift without a recount, or None."""
    try:
        return money_param(policy.drawer_close_tolerance, currency, "drawer.close_tolerance")
    except MissingCurrency:
        return None


# --------------------------------------------------------------------------
# the check
# --------------------------------------------------------------------------


def check_payment(policy: Policy, ctx: PaymentContext, proposal: PaymentProposal) -> list[Violation]:
    """Every rule the proposal breaks, in a fixed order (empty: take it)."""
    return list(evaluate(policy, ctx, proposal).violations)


def evaluate(policy: Policy, ctx: PaymentContext, proposal: PaymentProposal) -> Decision:
    """The whole decision: violations plus what the counter needs to record (credit, recovery, payer id)."""
    rules = policy.rules_for(ctx.account.biller_id, ctx.account.segment)
    cur = ctx.account.currency
    zero = Money.zero(cur)
    out = _Out(rules, ctx.locale)
    recovery = ctx.account.status == AccountStatus.WRITTEN_OFF

    def decision(due: Money = zero, credit: Money = zero, partial: bool = False, payer: bool = False) -> Decision:
        return Decision(tuple(out.violations), due, credit, recovery, partial, payer)

    if ctx.account.status == AccountStatus.JUDICIAL:
        out.add("account_judicial", "Esta deuda se paga en el estudio jurídico.", "account",
                "account.status")
        return decision()
    if policy.currencies and cur not in policy.currencies:
        out.add("currency_not_in_policy", f"La política vigente no cubre pagos en {cur}: avise a la oficina central.",
                None, "currencies")
        return decision()

    _check_numbers(out, ctx, proposal, cur)
    _check_typed_text(out, proposal)
    if out.violations:
        return decision()

    discount = proposal.discount or zero
    applied = proposal.amount + discount
    due = amount_due(ctx, proposal.document_ids)
    excess = applied - due if applied > due else zero
    payer_required = False
    try:
        _check_tender_kinds(out, rules, proposal)
        cash = next((t for t in proposal.tenders if isinstance(t, CashTender)), None)
        step = rules.money("cash_rounding_step", cur) if cash is not None else None
        if cash is not None:
            payer_required = _check_cash(out, rules, proposal.tenders.index(cash), cash, step, proposal.payer_id)
        elif proposal.payer_id is not None:
            _check_payer_id(out, rules, proposal.payer_id)
        _check_cheques(out, policy, rules, ctx, proposal)
        _check_cards(out, rules, ctx, proposal, due - discount if due > discount else zero)
        shortfall = due - applied if due > applied else zero
        residue = step is not None and not step.is_zero() and shortfall < step
        partial = not shortfall.is_zero() and not residue
        _check_amount(out, policy, rules, ctx, proposal, due, applied, partial, excess)
        if not discount.is_zero():
            _check_discount(out, policy, ctx, proposal.amount, discount, due)
        if ctx.offline:
            _check_offline(out, rules, ctx, proposal.amount)
    except MissingCurrency as e:
        out.add("currency_not_in_policy",
                f"La política vigente no fija «{e.path}» para pagos en {e.currency}: avise a la oficina central.",
                None, e.path)
        return decision(due)
    return decision(due, excess, partial, payer_required)


class _Out:
    __slots__ = ("rules", "locale", "violations")

    def __init__(self, rules: ResolvedRules, locale: str) -> None:
        self.rules, self.locale = rules, locale
        self.violations: list[Violation] = []

    def add(self, code: str, message: str, field: str | None, rule: str) -> None:
        overridable = code in self.rules.overridable or code in ALWAYS_OVERRIDABLE
        self.violations.append(Violation(code, message, field, overridable, rule))

    def money(self, m: Money) -> str:
        return _fmt(m, self.locale)


def _fmt(m: Money, locale: str) -> str:
    return format_amount(m, locale, sign=True)


def _date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def _pct(value: Decimal, locale: str) -> str:
    q = value.quantize(Decimal("0.01")).normalize()
    text = f"{q:f}".replace(".", number_format(locale).decimal_sep)
    return f"{text} %"


def _check_numbers(out: _Out, ctx: PaymentContext, p: PaymentProposal, cur: str) -> None:
    """The payment's own arithmetic (PROTOCOL.md): never overridable."""
    moneys = [p.amount] + ([p.discount] if p.discount is not None else [])
    for t in p.tenders:
        if not isinstance(t, (CashTender, ChequeTender, CardTender)):
            out.add("tender_unknown", "Ese medio de pago no existe: use efectivo, cheque o tarjeta.", "tenders", "")
            return
        moneys.append(t.amount)
        if isinstance(t, CashTender):
            moneys += [t.received, t.change]
    if any(m.currency != cur for m in moneys):
        out.add("mixed_currencies", f"Todos los montos del pago deben estar en {cur}, la moneda de la cuenta.",
                "amount", "")
        return
    if p.amount.amount <= 0:
        out.add("amount_not_positive", "El monto a pagar debe ser mayor que cero.", "amount", "")
    if p.discount is not None and p.discount.is_negative():
        out.add("negative_amount", "El descuento no puede ser negativo.", "discount", "")
    if not p.tenders:
        out.add("no_tenders", "Indique cómo paga el cliente.", "tenders", "")
        return
    cash_count = 0
    for i, t in enumerate(p.tenders):
        where = f"tenders[{i}]"
        if t.amount.amount <= 0:
            out.add("tender_not_positive", "Cada medio de pago debe tener un monto mayor que cero.",
                    f"{where}.amount", "")
        if isinstance(t, CashTender):
            cash_count += 1
            if t.received.is_negative() or t.change.is_negative():
                out.add("negative_amount", "El efectivo recibido y el vuelto no pueden ser negativos.",
                        f"{where}.received", "")
            elif t.received < t.amount:
                out.add("insufficient_cash",
                        f"El efectivo recibido ({out.money(t.received)}) no alcanza para {out.money(t.amount)}.",
                        f"{where}.received", "")
            elif t.received - t.change != t.amount:
                out.add("change_does_not_add_up",
                        f"El vuelto no cuadra: de {out.money(t.received)} recibidos se aplican {out.money(t.amount)}, "
                        f"el vuelto es {out.money(t.received - t.amount)}.", f"{where}.change", "")
    if cash_count > 1:
        out.add("several_cash_tenders", "Registre todo el efectivo en una sola línea de pago.", "tenders", "")
    tenders_total = sum((t.amount for t in p.tenders), Money.zero(cur))
    if tenders_total != p.amount:
        out.add("tenders_do_not_add_up",
                f"Los medios de pago suman {out.money(tenders_total)} y el pago es de {out.money(p.amount)}.",
                "tenders", "")
    if p.document_ids is not None:
        known = {d.document_id for d in ctx.documents}
        unknown = [d for d in p.document_ids if d not in known]
        if unknown:
            out.add("unknown_document", f"El documento {unknown[0][:40]} no pertenece a esta cuenta.", "documents", "")
        elif len(set(p.document_ids)) != len(p.document_ids) or not p.document_ids:
            out.add("unknown_document", "Elija cada documento a pagar una sola vez.", "documents", "")


def _typed_fields(p: PaymentProposal) -> Iterable[tuple[str, str]]:
    for i, t in enumerate(p.tenders):
        if isinstance(t, ChequeTender):
            names: tuple[str, ...] = ("bank_code", "number", "account_number", "drawer_name", "drawer_id")
        elif isinstance(t, CardTender):
            names = ("brand", "last4", "auth_code", "terminal_ref")
        else:
            continue
        for name in names:
            yield f"tenders[{i}].{name}", getattr(t, name)
    if isinstance(p.payer_id, Mapping):
        for name in ("type", "number"):
            value = p.payer_id.get(name)
            if isinstance(value, str):
                yield f"payer_id.{name}", value


def _check_typed_text(out: _Out, p: PaymentProposal) -> None:
    """No full card number anywhere, and no field longer than a person would type."""
    for where, value in _typed_fields(p):
        if not isinstance(value, str):
            out.add("bad_text", "Ese dato debe ser texto.", where, "")
        elif card_number_in(value):
            out.add("card_number_refused",
                    "No escriba números de tarjeta completos: anote solo los últimos 4 dígitos.", where, "")
        elif len(value) > _MAX_TEXT:
            out.add("text_too_long", f"El dato es demasiado largo (máximo {_MAX_TEXT} caracteres).", where, "")


def _check_tender_kinds(out: _Out, rules: ResolvedRules, p: PaymentProposal) -> None:
    seen: list[str] = []
    for i, t in enumerate(p.tenders):
        if t.kind in seen:
            continue
        seen.append(t.kind)
        if t.kind not in rules.tenders_allowed:
            accepted = ", ".join(KIND_LABELS[k] for k in rules.tenders_allowed) or "ninguno"
            out.add("tender_not_allowed",
                    f"Esta cuenta no admite pagos con {KIND_LABELS[t.kind]}. Medios aceptados: {accepted}.",
                    f"tenders[{i}]", "tenders.allowed")


def _check_cash(out: _Out, rules: ResolvedRules, index: int, cash: CashTender, step: Money | None,
                payer_id: Mapping[str, str] | None) -> bool:
    cur = cash.amount.currency
    where = f"tenders[{index}]"
    maximum = rules.money("cash_max_payment", cur)
    if maximum is not None and cash.amount > maximum:
        out.add("cash_above_max", f"El efectivo supera el máximo permitido por pago de {out.money(maximum)}.",
                f"{where}.amount", "cash.max_payment")
    if step is not None and not step.is_zero() and cash.amount.amount % step.amount != 0:
        rounded = Money((cash.amount.amount // step.amount) * step.amount, cur)
        out.add("cash_not_rounded",
                f"El efectivo se cobra en múltiplos de {out.money(step)}: cobre {out.money(rounded)} en efectivo.",
                f"{where}.amount", "cash.rounding_step")
    threshold = rules.money("cash_aml_threshold", cur)
    required = threshold is not None and cash.amount >= threshold
    if required and not payer_id:
        out.add("payer_id_required",
                f"Los pagos en efectivo desde {out.money(threshold)} necesitan el documento de identidad del "
                f"pagador (tipo y número).", "payer_id", "cash.aml_threshold")
    elif payer_id is not None:
        _check_payer_id(out, rules, payer_id)
    return required


def _check_payer_id(out: _Out, rules: ResolvedRules, payer_id: Mapping[str, str]) -> None:
    if not isinstance(payer_id, Mapping):
        out.add("payer_id_invalid", "El documento del pagador lleva tipo y número.", "payer_id", "cash.payer_id_types")
        return
    kind = payer_id.get("type")
    number = payer_id.get("number")
    if not isinstance(kind, str) or kind.strip().lower() not in rules.payer_id_types:
        shown = kind if isinstance(kind, str) else ""
        out.add("payer_id_invalid",
                f"El tipo de documento «{shown[:20]}» no es válido; use: {', '.join(rules.payer_id_types)}.",
                "payer_id.type", "cash.payer_id_types")
    elif not isinstance(number, str) or not _PAYER_NUMBER_RE.match(number.strip()):
        out.add("payer_id_invalid",
                "Escriba el número del documento del pagador (de 4 a 20 letras o cifras, sin espacios).",
                "payer_id.number", "cash.payer_id_types")
    if set(payer_id) - {"type", "number"}:
        out.add("payer_id_invalid", "El documento del pagador lleva solo tipo y número.", "payer_id",
                "cash.payer_id_types")


def _check_cheques(out: _Out, policy: Policy, rules: ResolvedRules, ctx: PaymentContext, p: PaymentProposal) -> None:
    in_this_payment: set[tuple[str, str, str]] = set()
    for i, t in enumerate(p.tenders):
        if not isinstance(t, ChequeTender):
            continue
        where = f"tenders[{i}]"
        bank_code = t.bank_code.strip().upper()
        bank: Bank | None = policy.banks.get(bank_code)
        if policy.banks and bank is None:
            out.add("cheque_bank_unknown", f"El banco «{t.bank_code.strip()[:20]}» no está en la lista de bancos "
                    "aceptados.", f"{where}.bank_code", "banks")
        number = t.number.strip()
        if bank is not None and not (number.isascii() and number.isdigit() and len(number) == bank.cheque_number_length):
            out.add("cheque_number_invalid",
                    f"El número de cheque de {bank.name} tiene {bank.cheque_number_length} cifras; "
                    f"se escribió «{number[:20]}».", f"{where}.number", f"banks.{bank.code}.cheque_number_length")
        elif bank is None and not (number.isascii() and number.isdigit() and 4 <= len(number) <= 12):
            out.add("cheque_number_invalid", "El número de cheque lleva solo cifras (de 4 a 12).",
                    f"{where}.number", "banks")
        account = t.account_number.strip().replace("-", "").replace(" ", "")
        if not (account.isascii() and _CHEQUE_ACCOUNT_RE.match(account)):
            out.add("cheque_account_invalid", "Escriba el número de cuenta del cheque (de 4 a 20 cifras).",
                    f"{where}.account_number", "")
        if not t.drawer_name.strip():
            out.add("cheque_drawer_missing", "Escriba el nombre del girador del cheque.", f"{where}.drawer_name", "")
        drawer = drawer_key(t.drawer_id)
        if len(drawer) < 4:
            out.add("cheque_drawer_missing", "Escriba la cédula o RNC del girador del cheque.",
                    f"{where}.drawer_id", "")
        latest = ctx.today + timedelta(days=rules.cheque_postdated_days)
        if t.issue_date > latest:
            if rules.cheque_postdated_days:
                msg = (f"El cheque tiene fecha {_date(t.issue_date)}: se aceptan posfechados hasta "
                       f"{rules.cheque_postdated_days} días (hasta el {_date(latest)}).")
            else:
                msg = f"El cheque tiene fecha {_date(t.issue_date)}, posterior a hoy: no se aceptan cheques posfechados."
            out.add("cheque_postdated", msg, f"{where}.issue_date", "cheque.postdated_days")
        stale = rules.cheque_stale_days
        if stale is not None and (ctx.today - t.issue_date).days > stale:
            out.add("cheque_stale",
                    f"El cheque es del {_date(t.issue_date)}: tiene más de {stale} días y está vencido.",
                    f"{where}.issue_date", "cheque.stale_days")
        block = rules.cheque_returned_drawer_days
        returned_on = ctx.returned_cheque_drawers.get(drawer) if drawer else None
        if block is not None and returned_on is not None and ctx.today < returned_on + timedelta(days=block):
            out.add("cheque_drawer_returned",
                    f"El girador {t.drawer_id.strip()[:20]} tiene un cheque devuelto el {_date(returned_on)}: "
                    f"no puede pagar con cheque hasta el {_date(returned_on + timedelta(days=block))}.",
                    f"{where}.drawer_id", "cheque.returned_drawer_days")
        key = cheque_key(t)
        if key in ctx.seen_cheques or key in in_this_payment:
            name = bank.name if bank is not None else bank_code[:20]
            out.add("cheque_duplicate",
                    f"Este cheque ({name}, cuenta {t.account_number.strip()[:20]}, n.º {number[:20]}) ya fue recibido.",
                    f"{where}.number", "")
        in_this_payment.add(key)
        maximum = rules.money("cheque_max_amount", t.amount.currency)
        if maximum is not None and t.amount > maximum:
            out.add("cheque_above_max", f"El cheque supera el máximo permitido de {out.money(maximum)}.",
                    f"{where}.amount", "cheque.max_amount")


def _check_cards(out: _Out, rules: ResolvedRules, ctx: PaymentContext, p: PaymentProposal, due_net: Money) -> None:
    cards = [(i, t) for i, t in enumerate(p.tenders) if isinstance(t, CardTender)]
    if not cards:
        return
    cur = ctx.account.currency
    minimum = rules.money("card_min_amount", cur)
    maximum = rules.money("card_max_amount", cur)
    for i, t in cards:
        where = f"tenders[{i}]"
        brand = t.brand.strip().lower()
        if brand not in rules.card_brands:
            accepted = ", ".join(b.capitalize() for b in rules.card_brands) or "ninguna"
            out.add("card_brand_not_accepted",
                    f"No se aceptan tarjetas «{t.brand.strip()[:20]}»; se aceptan: {accepted}.",
                    f"{where}.brand", "card.brands")
        if not (len(t.last4) == 4 and t.last4.isascii() and t.last4.isdigit()):
            out.add("card_last4_invalid", "Escriba solo los últimos 4 dígitos de la tarjeta.", f"{where}.last4", "")
        if not _AUTH_CODE_RE.match(t.auth_code.strip()):
            out.add("card_auth_code_invalid", "El código de autorización tiene 6 letras o cifras.",
                    f"{where}.auth_code", "")
        if minimum is not None and t.amount < minimum:
            out.add("card_below_min", f"El pago con tarjeta debe ser de al menos {out.money(minimum)}.",
                    f"{where}.amount", "card.min_amount")
        if maximum is not None and t.amount > maximum:
            out.add("card_above_max", f"El pago con tarjeta supera el máximo permitido de {out.money(maximum)}.",
                    f"{where}.amount", "card.max_amount")
    card_total = sum((t.amount for _, t in cards), Money.zero(cur))
    if card_total > due_net:
        out.add("card_cashback",
                f"Con tarjeta se cobra como máximo lo que se debe ({out.money(due_net)}): no se entrega efectivo "
                "con tarjeta.", f"tenders[{cards[0][0]}].amount", "")


def _check_amount(out: _Out, policy: Policy, rules: ResolvedRules, ctx: PaymentContext, p: PaymentProposal,
                  due: Money, applied: Money, partial: bool, excess: Money) -> None:
    if ctx.account.status == AccountStatus.AGREEMENT and p.document_ids is None:
        installment = installment_due(ctx)
        if rules.agreement_installment_minimum and applied < installment:
            out.add("agreement_below_installment",
                    f"La cuenta tiene un acuerdo de pago: la cuota a pagar es {out.money(installment)}.",
                    "amount", "account.agreement_installment_minimum")
    elif partial:
        if not rules.partial_allowed:
            out.add("partial_not_allowed", f"Esta empresa no acepta abonos: cobre el total de {out.money(due)}.",
                    "amount", "partial.allowed")
        else:
            minimum = minimum_partial(policy, ctx, p.document_ids)
            rules.money("partial_minimum", due.currency)  # a table without this currency is a violation
            if applied < minimum:
                out.add("partial_below_minimum", f"El abono mínimo es {out.money(minimum)}.", "amount",
                        "partial.minimum")
    if not excess.is_zero():
        what = "lo que deben las facturas elegidas" if p.document_ids is not None else "la deuda"
        if not rules.overpayment_allowed:
            out.add("overpayment_not_allowed",
                    f"El pago supera {what} ({out.money(due)}). Cobre como máximo {out.money(due)}.",
                    "amount", "overpayment.allowed")
        else:
            limit = rules.money("overpayment_max_credit", due.currency)
            if limit is not None and excess > limit:
                out.add("overpayment_above_limit",
                        f"El pago deja un saldo a favor de {out.money(excess)}; el máximo permitido es "
                        f"{out.money(limit)}.", "amount", "overpayment.max_credit")


def _check_discount(out: _Out, policy: Policy, ctx: PaymentContext, amount: Money, discount: Money, due: Money) -> None:
    rules = out.rules
    band = discount_band(policy, ctx)
    settled = amount + discount
    if band is None:
        if rules.discount_bands:
            age = debt_age_days(ctx)
            out.add("discount_not_allowed",
                    f"Esta deuda no admite descuento: tiene {age} días de atraso y los descuentos empiezan a los "
                    f"{rules.discount_bands[0].min_days} días.", "discount", "discount.bands")
        else:
            out.add("discount_not_allowed", "La política no prevé descuentos para esta cuenta.", "discount",
                    "discount.bands")
        return
    percent = discount.amount * 100 / settled.amount
    if discount.amount * 100 > band.supervisor_percent * settled.amount:
        out.add("discount_needs_central",
                f"Un descuento del {_pct(percent, out.locale)} solo lo autoriza la oficina central (en caja, hasta "
                f"{_pct(band.supervisor_percent, out.locale)}).", "discount", "discount.bands")
    elif ctx.cashier_role not in policy.approver_roles and discount.amount * 100 > band.cashier_percent * settled.amount:
        out.add("discount_needs_supervisor",
                f"Un descuento del {_pct(percent, out.locale)} necesita un supervisor (el cajero puede hasta "
                f"{_pct(band.cashier_percent, out.locale)}).", "discount", "discount.bands")
    if rules.discount_requires_full_settlement and settled < due:
        out.add("discount_requires_settlement",
                f"El descuento solo se concede si se cancela toda la deuda de {out.money(due)}.", "discount",
                "discount.requires_full_settlement")


def _check_offline(out: _Out, rules: ResolvedRules, ctx: PaymentContext, amount: Money) -> None:
    cur = amount.currency
    limits: OfflineLimits = rules.offline
    maximum = rules.money("offline_max_payment", cur)
    if maximum is not None and amount > maximum:
        out.add("offline_payment_above_max", f"Sin conexión con la central, el pago máximo es {out.money(maximum)}.",
                "amount", "offline.max_payment")
    shift_max = rules.money("offline_max_shift_total", cur)
    if shift_max is not None and ctx.offline_shift_total is not None and ctx.offline_shift_total + amount > shift_max:
        out.add("offline_shift_total_above_max",
                f"Sin conexión, este turno no puede pasar de {out.money(shift_max)} cobrados fuera de línea.",
                "amount", "offline.max_shift_total")
    if limits.max_unsynced_count is not None and ctx.unsynced_count + 1 > limits.max_unsynced_count:
        out.add("offline_unsynced_count_above_max",
                f"Hay {ctx.unsynced_count} pagos sin enviar a la central (máximo {limits.max_unsynced_count}): "
                "conecte la caja antes de seguir cobrando.", None, "offline.max_unsynced_count")
    total_max = rules.money("offline_max_unsynced_total", cur)
    if total_max is not None:
        pending = (ctx.unsynced_total or Money.zero(cur)) + amount
        if pending > total_max:
            out.add("offline_unsynced_total_above_max",
                    f"Los pagos sin enviar a la central sumarían {out.money(pending)} (máximo {out.money(total_max)}): "
                    "conecte la caja antes de seguir cobrando.", None, "offline.max_unsynced_total")
    hours = limits.max_hours_since_sync
    if hours is not None and ctx.last_sync is not None:
        elapsed = ctx.now - ctx.last_sync
        if elapsed > timedelta(hours=hours):
            out.add("offline_sync_too_old",
                    f"La caja no se sincroniza con la central desde hace {int(elapsed.total_seconds() // 3600)} horas "
                    f"(máximo {hours}).", None, "offline.max_hours_since_sync")


# --------------------------------------------------------------------------
# overrides and voids
# --------------------------------------------------------------------------


def authorise(
    policy: Policy, violations: Sequence[Violation], approvals: Sequence[Approval], cashier_id: str
) -> tuple[Approval, ...]:
    """Check a supervisor's overrides against the violations; return the approvals to record.

    Raises :class:`DomainError` when a violation cannot be overridden (its own
    code and message), when an overridable one has no approval
    (``override_required``), or when an approval is not valid: approver not a
    supervisor, approver is the cashier, no reason, or a rule that was not broken.
    """
    for v in violations:
        if not v.overridable:
            raise DomainError(v.code, v.message, field=v.field)
    codes = [v.code for v in violations]
    chosen: dict[str, Approval] = {}
    for a in approvals:
        if a.approver_role not in policy.approver_roles or not a.approver_id.strip():
            raise DomainError("approver_not_supervisor",
                              "La autorización la da un supervisor: el usuario indicado no puede autorizar.",
                              field="approver")
        if a.approver_id == cashier_id:
            raise DomainError("approver_is_cashier", "La autorización la da un supervisor distinto del cajero.",
                              field="approver")
        reason = (a.reason or "").strip()
        if len(reason) < policy.min_reason_length:
            raise DomainError("override_reason_required",
                              f"Escriba el motivo de la autorización (al menos {policy.min_reason_length} letras).",
                              field="reason")
        refuse_card_numbers(reason, "reason")
        if a.rule not in codes:
            raise DomainError("override_not_needed", f"La regla «{a.rule[:40]}» no necesita autorización en este pago.",
                              field="approver")
        chosen.setdefault(a.rule, a)
    for v in violations:
        if v.code not in chosen:
            raise DomainError("override_required", f"Se necesita la autorización de un supervisor: {v.message}",
                              field=v.field)
    return tuple(chosen[c] for c in dict.fromkeys(codes))


def check_void(
    policy: Policy,
    *,
    cashier_id: str,
    approver_id: str,
    approver_role: str,
    reason: str,
    payment_shift_id: str,
    open_shift_id: str | None,
    already_voided: bool = False,
) -> None:
    """A void happens in the shift that took the payment, before it closes, by a supervisor with a reason."""
    if approver_role not in policy.approver_roles:
        raise DomainError("not_a_supervisor", "La anulación la autoriza un supervisor.", field="approver")
    if approver_id == cashier_id:
        raise DomainError("approver_is_cashier", "La anulación la autoriza un supervisor distinto del cajero.",
                          field="approver")
    if len((reason or "").strip()) < policy.min_reason_length:
        raise DomainError("reason_required",
                          f"Escriba el motivo de la anulación (al menos {policy.min_reason_length} letras).",
                          field="reason")
    refuse_card_numbers(reason, "reason")
    if open_shift_id is None:
        raise DomainError("shift_closed", "El turno ya está cerrado: la anulación se pide a la oficina central.")
    if payment_shift_id != open_shift_id:
        raise DomainError("void_other_shift", "Solo se anulan pagos del turno abierto; este es de otro turno.")
    if already_voided:
        raise DomainError("already_voided", "Ese comprobante ya está anulado.")


__all__ = [
    "FORMAT",
    "Approval",
    "Bank",
    "Decision",
    "DiscountBand",
    "PaymentContext",
    "PaymentProposal",
    "Policy",
    "ResolvedRules",
    "Violation",
    "allocate",
    "amount_due",
    "authorise",
    "business_date_for",
    "cash_rounding_step",
    "cash_tender_for",
    "check_payment",
    "check_void",
    "cheque_key",
    "close_tolerance",
    "debt_age_days",
    "discount_band",
    "drawer_key",
    "drop_limit",
    "evaluate",
    "installment_due",
    "load_default_policy",
    "load_policy",
    "max_discount",
    "max_discount_amount",
    "minimum_partial",
    "parse_policy",
    "policy_from_document",
    "refuse_card_numbers",
    "suggested_amount",
]
