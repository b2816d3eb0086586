"""The tender policy engine, rule by rule: each case names the code, the message the cashier reads,
and whether a supervisor may override it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest

from app.domain.accounts import Account, AccountStatus, DocumentKind, OpenDocument, Segment
from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.payments import CardTender, CashTender, ChequeTender
from app.domain.policy import (
    Approval,
    PaymentContext,
    PaymentProposal,
    Violation,
    allocate,
    authorise,
    business_date_for,
    cash_tender_for,
    check_payment,
    check_void,
    cheque_key,
    close_tolerance,
    drop_limit,
    evaluate,
    installment_due,
    load_default_policy,
    max_discount,
    max_discount_amount,
    minimum_partial,
    parse_policy,
    suggested_amount,
)

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 15, 0, tzinfo=timezone.utc)

POLICY_TEXT = """
format = 1
version = 7
currencies = ["DOP"]

[business_day]
cutoff = "20:00"

[tenders]
allowed = ["cash", "card"]

[cash]
max_payment = 10000000          # RD$ 100,000.00
aml_threshold = 5000000         # RD$ 50,000.00

[cheque]
max_amount = 5000000            # RD$ 50,000.00
postdated_days = 0
stale_days = 180
returned_drawer_days = 90

[card]
min_amount = 10000              # RD$ 100.00
max_amount = 20000000           # RD$ 200,000.00
brands = ["visa", "mastercard"]

[partial]
allowed = true
minimum = 50000                 # RD$ 500.00

[offline]
max_payment = 2000000           # RD$ 20,000.00
max_shift_total = 10000000      # RD$ 100,000.00
max_unsynced_count = 3
max_unsynced_total = 3000000    # RD$ 30,000.00
max_hours_since_sync = 24

[drawer]
max_cash = 10000000

[banks.POPULAR]
name = "Banco Popular Dominicano"
cheque_number_length = 8

[banks.BHD]
name = "Banco BHD"
cheque_number_length = 7

[segment.business.tenders]
allowed = ["cash", "cheque", "card"]

[biller.LUZ.partial]
allowed = false

[biller.TEL.segment.business.cheque]
postdated_days = 5

[biller.PREST.overpayment]
allowed = true
max_credit = 500000             # RD$ 5,000.00

[biller.PREST.discount]
[[biller.PREST.discount.bands]]
min_days = 90
cashier_percent = 5
supervisor_percent = 10
[[biller.PREST.discount.bands]]
min_days = 180
cashier_percent = 10
supervisor_percent = "25"
"""

POLICY = parse_policy(POLICY_TEXT)


def m(major: str | int, currency: str = "DOP") -> Money:
    return Money(Decimal(str(major)), currency)


def doc(i: str, due: date, amount: str | int, paid: str | int = 0, kind: DocumentKind = DocumentKind.INVOICE,
        currency: str = "DOP") -> OpenDocument:
    return OpenDocument(i, "A1", kind, due - timedelta(days=20), due, m(amount, currency), m(paid, currency))


DOCS = (doc("D1", date(2026, 10, 20), 1000), doc("D2", date(2026, 11, 20), 2000), doc("D3", date(2026, 12, 20), 3000))


def context(biller: str = "AGUA", segment: Segment = Segment.RESIDENTIAL, status: AccountStatus = AccountStatus.ACTIVE,
            documents: tuple[OpenDocument, ...] = DOCS, balance: Money | None = None, currency: str = "DOP",
            **kw) -> PaymentContext:
    account = Account("A1", biller, "María Gómez", "00112345678", segment, status, currency)
    if balance is None:
        balance = sum((d.outstanding for d in documents), Money.zero(currency))
    return PaymentContext(account=account, documents=documents, balance=balance, today=TODAY, now=NOW, **kw)


def cash(amount: str | int, received: str | int | None = None, currency: str = "DOP") -> CashTender:
    rec = m(received if received is not None else amount, currency)
    return CashTender(m(amount, currency), rec, rec - m(amount, currency))


def cheque(amount: str | int, **kw) -> ChequeTender:
    fields = dict(bank_code="POPULAR", number="00012345", account_number="7001234567", issue_date=date(2026, 11, 20),
                  drawer_name="Ferretería El Martillo SRL", drawer_id="131000001")
    fields.update(kw)
    return ChequeTender(m(amount), **fields)


def card(amount: str | int, **kw) -> CardTender:
    fields = dict(brand="visa", last4="4242", auth_code="A1B2C3", terminal_ref="POS-1")
    fields.update(kw)
    return CardTender(m(amount), **fields)


def pay(*tenders, discount: str | int | None = None, document_ids=None, payer_id=None) -> PaymentProposal:
    amount = sum((t.amount for t in tenders), Money.zero(tenders[0].amount.currency)) if tenders else m(1)
    return PaymentProposal(amount=amount, tenders=tuple(tenders), discount=m(discount) if discount is not None else None,
                           document_ids=document_ids, payer_id=payer_id)


BUSINESS = dict(segment=Segment.BUSINESS)
BIG = (doc("B1", date(2026, 11, 1), 150000),)
OLD = (doc("O1", date(2026, 7, 1), 4000), doc("O2", date(2026, 10, 1), 6000))  # 144 days past due
OLDER = (doc("O1", date(2026, 4, 1), 10000),)  # 235 days past due
RETURNED = {"00112345678": date(2026, 10, 1)}

# (name, context kwargs, proposal, [(code, message, overridable)])
CASES = [
    ("cash for the exact balance passes", {}, pay(cash(6000, 6500)), []),
    ("cheque from a residential account",
     {}, pay(cheque(6000)),
     [("tender_not_allowed", "Esta cuenta no admite pagos con cheque. Medios aceptados: efectivo, tarjeta.", False)]),
    ("cheque from a business account", BUSINESS, pay(cheque(6000)), []),
    ("cash above the maximum per payment",
     dict(documents=BIG), pay(cash(150000), payer_id={"type": "cedula", "number": "00112345678"}),
     [("cash_above_max", "El efectivo supera el máximo permitido por pago de RD$ 100,000.00.", True)]),
    ("cash above the AML threshold needs the payer's identity",
     dict(documents=BIG), pay(cash(60000)),
     [("payer_id_required", "Los pagos en efectivo desde RD$ 50,000.00 necesitan el documento de identidad del "
                            "pagador (tipo y número).", False)]),
    ("payer identity of an unknown type",
     dict(documents=BIG), pay(cash(60000), payer_id={"type": "licencia", "number": "12345"}),
     [("payer_id_invalid", "El tipo de documento «licencia» no es válido; use: cedula, pasaporte, rnc.", False)]),
    ("payer identity number with spaces",
     dict(documents=BIG), pay(cash(60000), payer_id={"type": "cedula", "number": "1 2"}),
     [("payer_id_invalid", "Escriba el número del documento del pagador (de 4 a 20 letras o cifras, sin espacios).",
       False)]),
    ("cheque above the maximum",
     dict(BUSINESS, documents=BIG), pay(cheque(60000), cash(90000), payer_id={"type": "rnc", "number": "131000001"}),
     [("cheque_above_max", "El cheque supera el máximo permitido de RD$ 50,000.00.", True)]),
    ("post-dated cheque where none are accepted",
     BUSINESS, pay(cheque(6000, issue_date=date(2026, 11, 23))),
     [("cheque_postdated", "El cheque tiene fecha 23/11/2026, posterior a hoy: no se aceptan cheques posfechados.",
       False)]),
    ("post-dated cheque beyond the biller's days",
     dict(BUSINESS, biller="TEL"), pay(cheque(6000, issue_date=date(2026, 11, 28))),
     [("cheque_postdated", "El cheque tiene fecha 28/11/2026: se aceptan posfechados hasta 5 días (hasta el "
                           "27/11/2026).", False)]),
    ("post-dated cheque within the biller's days", dict(BUSINESS, biller="TEL"),
     pay(cheque(6000, issue_date=date(2026, 11, 27))), []),
    ("stale cheque",
     BUSINESS, pay(cheque(6000, issue_date=date(2026, 5, 1))),
     [("cheque_stale", "El cheque es del 01/05/2026: tiene más de 180 días y está vencido.", False)]),
    ("cheque exactly 180 days old is still good", BUSINESS, pay(cheque(6000, issue_date=TODAY - timedelta(days=180))),
     []),
    ("cheque of a bank not on the list",
     BUSINESS, pay(cheque(6000, bank_code="XYZ")),
     [("cheque_bank_unknown", "El banco «XYZ» no está en la lista de bancos aceptados.", False)]),
    ("cheque number of the wrong length for its bank",
     BUSINESS, pay(cheque(6000, number="1234")),
     [("cheque_number_invalid", "El número de cheque de Banco Popular Dominicano tiene 8 cifras; se escribió «1234».",
       False)]),
    ("cheque number with letters",
     BUSINESS, pay(cheque(6000, bank_code="BHD", number="12345AB")),
     [("cheque_number_invalid", "El número de cheque de Banco BHD tiene 7 cifras; se escribió «12345AB».", False)]),
    ("cheque without its account number",
     BUSINESS, pay(cheque(6000, account_number="")),
     [("cheque_account_invalid", "Escriba el número de cuenta del cheque (de 4 a 20 cifras).", False)]),
    ("cheque without the drawer's name",
     BUSINESS, pay(cheque(6000, drawer_name="  ")),
     [("cheque_drawer_missing", "Escriba el nombre del girador del cheque.", False)]),
    ("cheque without the drawer's identity",
     BUSINESS, pay(cheque(6000, drawer_id="")),
     [("cheque_drawer_missing", "Escriba la cédula o RNC del girador del cheque.", False)]),
    ("drawer on the returned-cheque list",
     dict(BUSINESS, returned_cheque_drawers=RETURNED), pay(cheque(6000, drawer_id="001-1234567-8")),
     [("cheque_drawer_returned", "El girador 001-1234567-8 tiene un cheque devuelto el 01/10/2026: no puede pagar con "
                                 "cheque hasta el 30/12/2026.", False)]),
    ("drawer whose returned cheque is old enough",
     dict(BUSINESS, returned_cheque_drawers={"00112345678": date(2026, 8, 1)}),
     pay(cheque(6000, drawer_id="001-1234567-8")), []),
    ("cheque already accepted before",
     dict(BUSINESS, seen_cheques=frozenset({("POPULAR", "7001234567", "12345")})), pay(cheque(6000)),
     [("cheque_duplicate", "Este cheque (Banco Popular Dominicano, cuenta 7001234567, n.º 00012345) ya fue recibido.",
       False)]),
    ("the same cheque twice in one payment",
     BUSINESS, pay(cheque(3000), cheque(3000)),
     [("cheque_duplicate", "Este cheque (Banco Popular Dominicano, cuenta 7001234567, n.º 00012345) ya fue recibido.",
       False)]),
    ("card below the minimum",
     {}, pay(card(50), cash(5950)),
     [("card_below_min", "El pago con tarjeta debe ser de al menos RD$ 100.00.", True)]),
    ("card above the maximum",
     dict(documents=(doc("B1", date(2026, 11, 1), 250000),)), pay(card(250000)),
     [("card_above_max", "El pago con tarjeta supera el máximo permitido de RD$ 200,000.00.", True)]),
    ("card of a brand not accepted",
     {}, pay(card(6000, brand="Diners")),
     [("card_brand_not_accepted", "No se aceptan tarjetas «Diners»; se aceptan: Visa, Mastercard.", False)]),
    ("card without a proper authorisation code",
     {}, pay(card(6000, auth_code="12AB")),
     [("card_auth_code_invalid", "El código de autorización tiene 6 letras o cifras.", False)]),
    ("card above what is due (cashback)",
     dict(biller="PREST"), pay(card(6500)),
     [("card_cashback", "Con tarjeta se cobra como máximo lo que se debe (RD$ 6,000.00): no se entrega efectivo con "
                        "tarjeta.", False)]),
    ("full card number typed as a drawer name",
     BUSINESS, pay(cheque(6000, drawer_name="4111 1111 1111 1111")),
     [("card_number_refused", "No escriba números de tarjeta completos: anote solo los últimos 4 dígitos.", False)]),
    ("full card number typed as the terminal reference",
     {}, pay(card(6000, terminal_ref="5555555555554444")),
     [("card_number_refused", "No escriba números de tarjeta completos: anote solo los últimos 4 dígitos.", False)]),
    ("abono where the biller takes none",
     dict(biller="LUZ"), pay(cash(1000)),
     [("partial_not_allowed", "Esta empresa no acepta abonos: cobre el total de RD$ 6,000.00.", False)]),
    ("paying the chosen invoices whole is no abono", dict(biller="LUZ"), pay(cash(1000), document_ids=("D1",)), []),
    ("abono below the minimum",
     {}, pay(cash(300)), [("partial_below_minimum", "El abono mínimo es RD$ 500.00.", True)]),
    ("abono of the oldest document when it is below the configured minimum",
     dict(documents=(doc("S1", date(2026, 10, 1), 200), doc("S2", date(2026, 11, 1), 900))), pay(cash(200)), []),
    ("overpayment where none is allowed",
     {}, pay(cash(7000)),
     [("overpayment_not_allowed", "El pago supera la deuda (RD$ 6,000.00). Cobre como máximo RD$ 6,000.00.", False)]),
    ("overpayment beyond the chosen invoices",
     {}, pay(cash(1500), document_ids=("D1",)),
     [("overpayment_not_allowed", "El pago supera lo que deben las facturas elegidas (RD$ 1,000.00). Cobre como "
                                  "máximo RD$ 1,000.00.", False)]),
    ("overpayment kept as credit within the limit", dict(biller="PREST"), pay(cash(10000)), []),
    ("overpayment beyond the credit limit",
     dict(biller="PREST"), pay(cash(12000)),
     [("overpayment_above_limit", "El pago deja un saldo a favor de RD$ 6,000.00; el máximo permitido es "
                                  "RD$ 5,000.00.", False)]),
    ("account in legal collection",
     dict(status=AccountStatus.JUDICIAL), pay(cash(6000)),
     [("account_judicial", "Esta deuda se paga en el estudio jurídico.", False)]),
    ("written-off account pays as usual", dict(status=AccountStatus.WRITTEN_OFF), pay(cash(6000)), []),
    ("less than the installment of a payment agreement",
     dict(biller="PREST", status=AccountStatus.AGREEMENT,
          documents=(doc("C1", date(2026, 11, 15), 1000, kind=DocumentKind.INSTALLMENT),
                     doc("C2", date(2026, 12, 15), 1000, kind=DocumentKind.INSTALLMENT))),
     pay(cash(600)),
     [("agreement_below_installment", "La cuenta tiene un acuerdo de pago: la cuota a pagar es RD$ 1,000.00.", True)]),
    ("a discount where the policy grants none",
     {}, pay(cash(5700), discount=300),
     [("discount_not_allowed", "La política no prevé descuentos para esta cuenta.", False)]),
    ("a discount on a debt too young",
     dict(biller="PREST"), pay(cash(5700), discount=300),
     [("discount_not_allowed", "Esta deuda no admite descuento: tiene 33 días de atraso y los descuentos empiezan a "
                               "los 90 días.", False)]),
    ("a discount within the cashier's level", dict(biller="PREST", documents=OLD), pay(cash(9500), discount=500), []),
    ("a discount that needs a supervisor",
     dict(biller="PREST", documents=OLD), pay(cash(9200), discount=800),
     [("discount_needs_supervisor", "Un descuento del 8 % necesita un supervisor (el cajero puede hasta 5 %).", True)]),
    ("a supervisor at the counter grants the supervisor's level",
     dict(biller="PREST", documents=OLD, cashier_role="supervisor"), pay(cash(9200), discount=800), []),
    ("a discount only the central office grants",
     dict(biller="PREST", documents=OLD), pay(cash(8750), discount=1250),
     [("discount_needs_central", "Un descuento del 12.5 % solo lo autoriza la oficina central (en caja, hasta 10 %).",
       False)]),
    ("an older debt falls in the larger band", dict(biller="PREST", documents=OLDER, cashier_role="admin"),
     pay(cash(7500), discount=2500), []),
    ("a discount without settling the whole debt",
     dict(biller="PREST", documents=OLD), pay(cash(4750), discount=250),
     [("discount_requires_settlement", "El descuento solo se concede si se cancela toda la deuda de RD$ 10,000.00.",
       False)]),
    ("offline above the single-payment limit",
     dict(offline=True, documents=BIG), pay(cash(25000)),
     [("offline_payment_above_max", "Sin conexión con la central, el pago máximo es RD$ 20,000.00.", True)]),
    ("offline above the shift's offline total",
     dict(offline=True, offline_shift_total=m(95000)), pay(cash(6000)),
     [("offline_shift_total_above_max", "Sin conexión, este turno no puede pasar de RD$ 100,000.00 cobrados fuera de "
                                        "línea.", False)]),
    ("offline with too many payments not yet sent",
     dict(offline=True, unsynced_count=3), pay(cash(6000)),
     [("offline_unsynced_count_above_max", "Hay 3 pagos sin enviar a la central (máximo 3): conecte la caja antes de "
                                           "seguir cobrando.", False)]),
    ("offline with too much money not yet sent",
     dict(offline=True, unsynced_total=m(25000)), pay(cash(6000)),
     [("offline_unsynced_total_above_max", "Los pagos sin enviar a la central sumarían RD$ 31,000.00 (máximo "
                                           "RD$ 30,000.00): conecte la caja antes de seguir cobrando.", False)]),
    ("offline too long since the last sync",
     dict(offline=True, last_sync=NOW - timedelta(hours=30, minutes=10)), pay(cash(6000)),
     [("offline_sync_too_old", "La caja no se sincroniza con la central desde hace 30 horas (máximo 24).", True)]),
    ("online, the offline limits do not apply",
     dict(documents=BIG, unsynced_count=50, last_sync=NOW - timedelta(days=9)), pay(cash(25000)), []),
    ("split tender: cheque, card and cash with change", BUSINESS,
     pay(cheque(3000), card(2000), cash(1000, 1500)), []),
]


@pytest.mark.parametrize("name, ctx_kw, proposal, expected", CASES, ids=[c[0] for c in CASES])
def test_each_rule_answers_with_its_code_message_and_override(name, ctx_kw, proposal, expected):
    violations = check_payment(POLICY, context(**ctx_kw), proposal)
    assert [(v.code, v.message, v.overridable) for v in violations] == expected


# --- the payment's own numbers (never overridable) ------------------------------------

NUMBERS = [
    ("no tenders", PaymentProposal(m(6000), ()), "no_tenders", "Indique cómo paga el cliente."),
    ("zero amount", PaymentProposal(m(0), (cash(0),)), "amount_not_positive", "El monto a pagar debe ser mayor que cero."),
    ("tenders not adding up", PaymentProposal(m(6000), (cash(5000),)), "tenders_do_not_add_up",
     "Los medios de pago suman RD$ 5,000.00 y el pago es de RD$ 6,000.00."),
    ("change that does not add up", PaymentProposal(m(6000), (CashTender(m(6000), m(7000), m(500)),)),
     "change_does_not_add_up",
     "El vuelto no cuadra: de RD$ 7,000.00 recibidos se aplican RD$ 6,000.00, el vuelto es RD$ 1,000.00."),
    ("change larger than what was received", PaymentProposal(m(6000), (CashTender(m(6000), m(100), m(200)),)),
     "insufficient_cash", "El efectivo recibido (RD$ 100.00) no alcanza para RD$ 6,000.00."),
    ("negative change", PaymentProposal(m(6000), (CashTender(m(6000), m(6000), m(-1)),)), "negative_amount",
     "El efectivo recibido y el vuelto no pueden ser negativos."),
    ("two cash lines", PaymentProposal(m(6000), (cash(3000), cash(3000))), "several_cash_tenders",
     "Registre todo el efectivo en una sola línea de pago."),
    ("a tender of zero", PaymentProposal(m(6000), (card(0), cash(6000))), "tender_not_positive",
     "Cada medio de pago debe tener un monto mayor que cero."),
    ("negative discount", PaymentProposal(m(6000), (cash(6000),), discount=m(-5)), "negative_amount",
     "El descuento no puede ser negativo."),
    ("tender in another currency", PaymentProposal(m(6000), (cash(6000, currency="USD"),)), "mixed_currencies",
     "Todos los montos del pago deben estar en DOP, la moneda de la cuenta."),
    ("a document of another account", PaymentProposal(m(1000), (cash(1000),), document_ids=("X9",)),
     "unknown_document", "El documento X9 no pertenece a esta cuenta."),
]


@pytest.mark.parametrize("name, proposal, code, message", NUMBERS, ids=[n[0] for n in NUMBERS])
def test_the_payment_numbers_must_add_up_and_cannot_be_overridden(name, proposal, code, message):
    violations = check_payment(POLICY, context(), proposal)
    assert (violations[0].code, violations[0].message, violations[0].overridable) == (code, message, False)
    assert violations[0].rule == ""


def test_messages_use_the_outlets_number_format():
    v = check_payment(POLICY, context(locale="es_CO", **BUSINESS), pay(cheque(60000, issue_date=TODAY)))
    assert "El cheque supera el máximo permitido de RD$ 50.000,00." in [x.message for x in v]


def test_a_violation_names_the_field_and_the_document_parameter():
    v = check_payment(POLICY, context(**BUSINESS), pay(cash(1000), cheque(5000, issue_date=date(2026, 12, 1))))
    assert v == [Violation("cheque_postdated", v[0].message, "tenders[1].issue_date", False, "cheque.postdated_days")]


def test_a_judicial_account_is_refused_before_anything_else():
    v = check_payment(POLICY, context(status=AccountStatus.JUDICIAL), pay(cheque(1, drawer_name="")))
    assert [x.code for x in v] == ["account_judicial"]


def test_a_currency_the_policy_does_not_cover_is_refused():
    usd = context(currency="USD", documents=(doc("U1", date(2026, 11, 1), 100, currency="USD"),))
    v = check_payment(POLICY, usd, pay(cash(100, currency="USD")))
    assert [(x.code, x.message, x.overridable) for x in v] == [
        ("currency_not_in_policy", "La política vigente no cubre pagos en USD: avise a la oficina central.", False)]


def test_a_money_table_without_the_currency_is_a_violation_not_a_crash():
    policy = parse_policy("format = 1\nversion = 1\n[card]\nmax_amount = { DOP = 100 }\n")
    usd = context(currency="USD", documents=(doc("U1", date(2026, 11, 1), 100, currency="USD"),))
    v = check_payment(policy, usd, pay(CardTender(m(100, "USD"), "visa", "4242", "A1B2C3")))
    assert [(x.code, x.message) for x in v] == [
        ("currency_not_in_policy", "La política vigente no fija «card.max_amount» para pagos en USD: avise a la "
                                   "oficina central.")]


def test_cash_rounding_where_coins_are_gone():
    policy = parse_policy("format = 1\nversion = 1\n[cash]\nrounding_step = { CLP = 10 }\n")
    clp = dict(currency="CLP", locale="es_CL", documents=(doc("K1", date(2026, 11, 1), 1532, currency="CLP"),))
    v = check_payment(policy, context(**clp), pay(cash(1532, 2000, currency="CLP")))
    assert [(x.code, x.message, x.overridable) for x in v] == [
        ("cash_not_rounded", "El efectivo se cobra en múltiplos de $ 10: cobre $ 1.530 en efectivo.", False)]
    ctx = context(**clp)
    tender = cash_tender_for(policy, ctx, m(1532, "CLP"), m(2000, "CLP"))
    assert (tender.amount, tender.change) == (m(1530, "CLP"), m(470, "CLP"))
    decision = evaluate(policy, ctx, pay(tender))
    assert decision.ok and not decision.partial  # the 2 pesos rounding leaves owed are not an abono
    with pytest.raises(DomainError) as e:
        cash_tender_for(policy, ctx, m(1532, "CLP"), m(1000, "CLP"))
    assert (e.value.code, e.value.message) == ("insufficient_cash", "El efectivo recibido no alcanza: faltan $ 530.")


def test_the_decision_says_what_the_counter_records():
    d = evaluate(POLICY, context(biller="PREST"), pay(cash(7000)))
    assert d.ok and d.credit == m(1000) and d.due == m(6000) and not d.partial and not d.recovery
    d = evaluate(POLICY, context(status=AccountStatus.WRITTEN_OFF), pay(cash(2000)))
    assert d.recovery and d.partial
    d = evaluate(POLICY, context(documents=BIG), pay(cash(60000), payer_id={"type": "cedula", "number": "00112345678"}))
    assert d.ok and d.payer_id_required


def test_overridable_flags_come_from_the_document():
    policy = parse_policy(POLICY_TEXT.replace("[biller.LUZ.partial]\nallowed = false",
                                              "[biller.LUZ.partial]\nallowed = false\noverridable = [\"partial_not_allowed\"]"))
    v = check_payment(policy, context(biller="LUZ"), pay(cash(1000)))
    assert [(x.code, x.overridable) for x in v] == [("partial_not_allowed", True)]
    assert check_payment(POLICY, context(biller="LUZ"), pay(cash(1000)))[0].overridable is False


def test_the_most_specific_section_wins_key_by_key():
    text = """
format = 1
version = 1
[cheque]
postdated_days = 1
stale_days = 30
[segment.business.cheque]
postdated_days = 2
[biller.TEL.cheque]
postdated_days = 3
[biller.TEL.segment.business.cheque]
postdated_days = 4
"""
    p = parse_policy(text)
    assert p.rules_for("AGUA", "residential").cheque_postdated_days == 1
    assert p.rules_for("AGUA", Segment.BUSINESS).cheque_postdated_days == 2
    assert p.rules_for("TEL", "residential").cheque_postdated_days == 3
    assert p.rules_for("TEL", "business").cheque_postdated_days == 4
    assert {p.rules_for(b, s).cheque_stale_days for b in ("AGUA", "TEL") for s in ("residential", "business")} == {30}
    with pytest.raises(DomainError) as e:
        p.rules_for("TEL", "vip")
    assert e.value.code == "unknown_segment"


# --- amounts the counter proposes ------------------------------------------------------


def test_suggested_amount_is_the_balance_or_the_chosen_documents():
    assert suggested_amount(POLICY, context()) == m(6000)
    assert suggested_amount(POLICY, context(), ("D1", "D3")) == m(4000)
    assert suggested_amount(POLICY, context(balance=m(-50))) == m(0)


def test_suggested_amount_under_an_agreement_is_the_installment_due():
    installments = (doc("C1", date(2026, 10, 15), 1000, paid=250, kind=DocumentKind.INSTALLMENT),
                    doc("C2", date(2026, 11, 15), 1000, kind=DocumentKind.INSTALLMENT),
                    doc("C3", date(2026, 12, 15), 1000, kind=DocumentKind.INSTALLMENT))
    ctx = context(biller="PREST", status=AccountStatus.AGREEMENT, documents=installments)
    assert suggested_amount(POLICY, ctx) == m(1750)
    ahead = context(biller="PREST", status=AccountStatus.AGREEMENT, documents=installments[2:])
    assert installment_due(ahead) == m(1000)  # nothing due yet: the next installment


def test_minimum_partial_is_the_least_of_oldest_document_configured_minimum_and_balance():
    assert minimum_partial(POLICY, context()) == m(500)
    assert minimum_partial(POLICY, context(documents=(doc("S1", date(2026, 10, 1), 200),))) == m(200)
    assert minimum_partial(POLICY, context(documents=(doc("S1", date(2026, 10, 1), 900, paid=600),))) == m(300)
    assert minimum_partial(POLICY, context(biller="LUZ")) == m(6000)  # no abonos: the whole amount


def test_max_discount_by_debt_age_and_role():
    assert max_discount(POLICY, context(biller="PREST"), "cashier") == (Decimal(0), "central")
    assert max_discount(POLICY, context(biller="PREST", documents=OLD), "cashier") == (Decimal(5), "cashier")
    assert max_discount(POLICY, context(biller="PREST", documents=OLD), "supervisor") == (Decimal(10), "supervisor")
    assert max_discount(POLICY, context(biller="PREST", documents=OLDER), "admin") == (Decimal(25), "supervisor")
    assert max_discount_amount(POLICY, context(biller="PREST", documents=OLD), m("333.33"), "cashier") == m("16.66")


def test_allocation_spreads_amount_and_discount_oldest_first_with_credit_last():
    allocs = allocate(POLICY, context(biller="PREST"), pay(cash(6500), discount=None))
    assert [(a.document_id, a.amount) for a in allocs] == [("D1", m(1000)), ("D2", m(2000)), ("D3", m(3000)), ("", m(500))]
    allocs = allocate(POLICY, context(biller="PREST", documents=OLD), pay(cash(9500), discount=500))
    assert sum((a.amount for a in allocs), m(0)) == m(10000)


def test_business_date_follows_the_policy_cutoff():
    before = datetime(2026, 11, 22, 23, 59, tzinfo=timezone.utc)  # 19:59 in Santo Domingo
    after = datetime(2026, 11, 23, 0, 0, tzinfo=timezone.utc)  # 20:00
    assert business_date_for(POLICY, before, "America/Santo_Domingo") == date(2026, 11, 22)
    assert business_date_for(POLICY, after, "America/Santo_Domingo") == date(2026, 11, 23)
    plain = parse_policy("format = 1\nversion = 1\n")
    assert business_date_for(plain, after, "America/Santo_Domingo") == date(2026, 11, 22)
    assert business_date_for(plain, after, "America/Santo_Domingo", time(18, 0)) == date(2026, 11, 23)


def test_drawer_limits_from_the_policy():
    assert drop_limit(POLICY, "DOP") == m(100000)
    assert drop_limit(parse_policy("format = 1\nversion = 1\n"), "DOP") is None
    assert close_tolerance(POLICY, "DOP") is None
    default = load_default_policy()
    assert (drop_limit(default, "CLP"), close_tolerance(default, "DOP")) == (m(1500000, "CLP"), m(50))


def test_cheque_key_normalises_what_cashiers_type_differently():
    a = cheque(1, bank_code="popular ", account_number="700-123-4567", number="00012345")
    b = cheque(1, bank_code="POPULAR", account_number="7001234567", number="12345")
    assert cheque_key(a) == cheque_key(b) == ("POPULAR", "7001234567", "12345")


# --- overrides ---------------------------------------------------------------------------

OVER = [Violation("cheque_above_max", "El cheque supera el máximo permitido de RD$ 50,000.00.", "tenders[0].amount", True,
                  "cheque.max_amount"),
        Violation("offline_sync_too_old", "La caja no se sincroniza con la central desde hace 30 horas (máximo 24).",
                  None, True, "offline.max_hours_since_sync")]
SUP = dict(approver_id="U-SUP", approver_role="supervisor", reason="Cliente corporativo conocido")


def test_overrides_by_a_supervisor_with_a_reason_are_recorded_once_per_rule():
    approvals = [Approval("offline_sync_too_old", **SUP), Approval("cheque_above_max", **SUP),
                 Approval("cheque_above_max", **SUP)]
    granted = authorise(POLICY, OVER, approvals, cashier_id="U-CAJ")
    assert [a.rule for a in granted] == ["cheque_above_max", "offline_sync_too_old"]
    assert granted[0].to_wire() == {"rule": "cheque_above_max", "approver_id": "U-SUP",
                                    "reason": "Cliente corporativo conocido"}
    assert authorise(POLICY, [], [], cashier_id="U-CAJ") == ()


BAD_OVERRIDES = [
    ("a rule no one may override",
     [Violation("cheque_duplicate", "Este cheque ya fue recibido.", "tenders[0].number", False, "")],
     [Approval("cheque_duplicate", **SUP)], "cheque_duplicate", "Este cheque ya fue recibido."),
    ("an overridable violation without approval", OVER, [Approval("cheque_above_max", **SUP)], "override_required",
     "Se necesita la autorización de un supervisor: La caja no se sincroniza con la central desde hace 30 horas "
     "(máximo 24)."),
    ("the approver is a cashier", OVER[:1], [Approval("cheque_above_max", "U-2", "cashier", "motivo válido")],
     "approver_not_supervisor", "La autorización la da un supervisor: el usuario indicado no puede autorizar."),
    ("the approver is the cashier", OVER[:1], [Approval("cheque_above_max", "U-CAJ", "supervisor", "motivo válido")],
     "approver_is_cashier", "La autorización la da un supervisor distinto del cajero."),
    ("no reason", OVER[:1], [Approval("cheque_above_max", "U-SUP", "supervisor", "  ok ")], "override_reason_required",
     "Escriba el motivo de la autorización (al menos 5 letras)."),
    ("a rule that was not broken", OVER[:1], [Approval("cheque_above_max", **SUP), Approval("cash_above_max", **SUP)],
     "override_not_needed", "La regla «cash_above_max» no necesita autorización en este pago."),
    ("a card number as the reason", OVER[:1],
     [Approval("cheque_above_max", "U-SUP", "supervisor", "tarjeta 4111111111111111")], "card_number_refused",
     "No escriba números de tarjeta completos: anote solo los últimos 4 dígitos."),
]


@pytest.mark.parametrize("name, violations, approvals, code, message", BAD_OVERRIDES, ids=[b[0] for b in BAD_OVERRIDES])
def test_overrides_that_are_not_valid_are_refused(name, violations, approvals, code, message):
    with pytest.raises(DomainError) as e:
        authorise(POLICY, violations, approvals, cashier_id="U-CAJ")
    assert (e.value.code, e.value.message) == (code, message)


def test_a_violation_from_the_engine_is_overridden_end_to_end():
    ctx = context(offline=True, documents=BIG)
    proposal = pay(cash(25000))
    violations = check_payment(POLICY, ctx, proposal)
    granted = authorise(POLICY, violations, [Approval("offline_payment_above_max", **SUP)], cashier_id="U-CAJ")
    assert [a.to_wire()["rule"] for a in granted] == ["offline_payment_above_max"]


# --- voids -------------------------------------------------------------------------------

VOID = dict(cashier_id="U-CAJ", approver_id="U-SUP", approver_role="supervisor", reason="Monto equivocado",
            payment_shift_id="S1", open_shift_id="S1")
BAD_VOIDS = [
    (dict(approver_role="cashier"), "not_a_supervisor", "La anulación la autoriza un supervisor."),
    (dict(approver_id="U-CAJ"), "approver_is_cashier", "La anulación la autoriza un supervisor distinto del cajero."),
    (dict(reason=" "), "reason_required", "Escriba el motivo de la anulación (al menos 5 letras)."),
    (dict(open_shift_id=None), "shift_closed", "El turno ya está cerrado: la anulación se pide a la oficina central."),
    (dict(payment_shift_id="S0"), "void_other_shift", "Solo se anulan pagos del turno abierto; este es de otro turno."),
    (dict(already_voided=True), "already_voided", "Ese comprobante ya está anulado."),
]


def test_a_void_in_the_open_shift_by_a_supervisor_with_a_reason_passes():
    assert check_void(POLICY, **VOID) is None


@pytest.mark.parametrize("change, code, message", BAD_VOIDS, ids=[b[1] for b in BAD_VOIDS])
def test_voids_outside_the_rules_are_refused(change, code, message):
    with pytest.raises(DomainError) as e:
        check_void(POLICY, **{**VOID, **change})
    assert (e.value.code, e.value.message) == (code, message)


# --- the shipped default policy ------------------------------------------------------------


def test_the_default_policy_takes_an_everyday_cash_payment():
    default = load_default_policy()
    assert check_payment(default, context(), pay(cash(6000, 10000))) == []


def test_the_default_policy_takes_cheques_from_business_accounts_only():
    default = load_default_policy()
    assert check_payment(default, context(**BUSINESS), pay(cheque(6000))) == []
    assert [v.code for v in check_payment(default, context(), pay(cheque(6000)))] == ["tender_not_allowed"]


def test_the_default_policy_grants_discounts_by_debt_age_only_at_the_lender():
    default = load_default_policy()
    assert check_payment(default, context(biller="PREST", documents=OLD), pay(cash(9500), discount=500)) == []
    assert [v.code for v in check_payment(default, context(documents=OLD), pay(cash(9500), discount=500))] == [
        "discount_not_allowed"]


def test_the_default_policy_covers_every_currency_it_declares():
    default = load_default_policy()
    for currency in default.currencies:
        docs = (doc("X", date(2026, 11, 1), 100, currency=currency),)
        ctx = context(currency=currency, documents=docs, offline=True, segment=Segment.BUSINESS)
        assert check_payment(default, ctx, pay(cash(100, currency=currency))) == []


def test_the_context_refuses_naive_times():
    with pytest.raises(DomainError) as e:
        replace(context(), now=datetime(2026, 11, 22, 15, 0))
    assert e.value.code == "naive_time"


def test_the_benchmark_case_checks_a_four_tender_split_payment_quickly():
    from app.domain.policy_bench import policy_check_p99_ms, split_tender_case

    policy, ctx, proposal = split_tender_case()
    assert [t.kind for t in proposal.tenders] == ["cheque", "cheque", "card", "cash"]
    assert [v.code for v in check_payment(policy, ctx, proposal)] == ["offline_payment_above_max"]
    assert 0 < policy_check_p99_ms(runs=200) < 50  # the real target (≤ 1 ms) is measured by make bench
