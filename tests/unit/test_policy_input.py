"""Tender details as typed at the counter: bad input is a clear error naming the field, and a full
card number is refused wherever it is typed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.policy import refuse_card_numbers
from app.domain.policy_input import (
    card_number_in,
    luhn_ok,
    parse_card,
    parse_cash,
    parse_cheque,
    parse_date,
    parse_payer_id,
)

CHEQUE = {"amount": "15,000.00", "bank_code": "popular", "number": "00012345", "account_number": "700-1234567",
          "issue_date": "20/11/2026", "drawer_name": "Juan Pérez", "drawer_id": "001-1234567-8"}
CARD = {"amount": "6,000.00", "brand": "Visa", "last4": "4242", "auth_code": "a1b2c3", "terminal_ref": "POS-1"}


def test_a_typed_cheque_becomes_a_tender():
    t = parse_cheque(CHEQUE, "DOP", "es_DO")
    assert t.amount == Money(Decimal("15000"), "DOP") and t.bank_code == "POPULAR"
    assert t.account_number == "7001234567" and t.issue_date == date(2026, 11, 20)


def test_a_typed_card_becomes_a_tender():
    t = parse_card(CARD, "DOP", "es_DO")
    assert (t.brand, t.last4, t.auth_code) == ("visa", "4242", "A1B2C3")


def test_typed_cash_computes_the_change():
    t = parse_cash({"amount": "1.532,00", "received": "2.000"}, "COP", "es_CO")
    assert t.change == Money(Decimal("468"), "COP")


def test_a_typed_payer_id():
    assert parse_payer_id({"type": "Cedula", "number": "001 1234567 8"}) == {"type": "cedula", "number": "00112345678"}


BAD_INPUT = [
    ("letters as the amount", parse_cheque, {**CHEQUE, "amount": "quince mil"}, "not_a_number", "amount",
     "«quince mil» no es un monto: use solo cifras."),
    ("a negative amount", parse_cheque, {**CHEQUE, "amount": "-15,000"}, "negative_amount", "amount",
     "El monto no puede ser negativo."),
    ("a zero amount", parse_card, {**CARD, "amount": "0"}, "amount_not_positive", "amount",
     "El monto de la tarjeta debe ser mayor que cero."),
    ("a huge amount", parse_cheque, {**CHEQUE, "amount": "999999999999999999"}, "amount_too_large", "amount",
     "El monto es demasiado grande."),
    ("an amount that is not text", parse_card, {**CARD, "amount": 6000}, "not_a_number", "amount",
     "Escriba el monto con cifras."),
    ("February 30th", parse_cheque, {**CHEQUE, "issue_date": "2025-02-30"}, "bad_date", "issue_date",
     "La fecha «2025-02-30» no existe."),
    ("the 31st of a 30-day month", parse_cheque, {**CHEQUE, "issue_date": "31/11/2026"}, "bad_date", "issue_date",
     "La fecha «31/11/2026» no existe."),
    ("a date in words", parse_cheque, {**CHEQUE, "issue_date": "mañana"}, "bad_date_format", "issue_date",
     "«mañana» no es una fecha: escríbala así: 22/11/2026."),
    ("no date", parse_cheque, {**CHEQUE, "issue_date": ""}, "required", "issue_date",
     "Escriba la fecha, así: 22/11/2026."),
    ("letters in the cheque number", parse_cheque, {**CHEQUE, "number": "12AB5678"}, "not_digits", "number",
     "El número de cheque lleva solo cifras: «12AB5678»."),
    ("no drawer", parse_cheque, {**CHEQUE, "drawer_name": "  "}, "required", "drawer_name",
     "Falta el nombre del girador."),
    ("a field far too long", parse_cheque, {**CHEQUE, "drawer_name": "x" * 81}, "text_too_long", "drawer_name",
     "el nombre del girador: máximo 80 caracteres."),
    ("a card number as the cheque account", parse_cheque, {**CHEQUE, "account_number": "4111111111111111"},
     "card_number_refused", "account_number",
     "No escriba números de tarjeta completos: anote solo los últimos 4 dígitos."),
    ("a card number as the last four", parse_card, {**CARD, "last4": "4111 1111 1111 1111"}, "card_number_refused",
     "last4", "No escriba números de tarjeta completos: anote solo los últimos 4 dígitos."),
    ("five digits as the last four", parse_card, {**CARD, "last4": "42424"}, "bad_last4", "last4",
     "Escriba solo los últimos 4 dígitos de la tarjeta."),
    ("a short authorisation code", parse_card, {**CARD, "auth_code": "12AB"}, "bad_auth_code", "auth_code",
     "El código de autorización tiene 6 letras o cifras."),
    ("received less than the cash amount", parse_cash, {"amount": "100", "received": "50"}, "insufficient_cash",
     "received", "El efectivo recibido no alcanza."),
    ("too many decimals", parse_cash, {"amount": "100.555", "received": "200"}, "too_many_decimals", "amount",
     "DOP admite 2 decimales."),
]


@pytest.mark.parametrize("name, parse, fields, code, field, message", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input_is_a_clear_error_naming_the_field(name, parse, fields, code, field, message):
    with pytest.raises(DomainError) as e:
        parse(fields, "DOP", "es_DO")
    assert (e.value.code, e.value.field, e.value.message) == (code, field, message)


def test_dates_in_both_spellings():
    assert parse_date("2026-11-22") == parse_date("22/11/2026") == parse_date("22-11-2026") == date(2026, 11, 22)


CARD_LIKE = ["4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "pagó con 5555555555554444 ayer",
             "378282246310005", "6011111111111117", "4222222222222", "cuenta 12 4111111111111111"]
NOT_CARD_LIKE = ["4111111111111112", "123456789012", "00112345678", "12345678901234567890123", "4242",
                 "Juan Pérez", "", "001-1234567-8", "2026-11-22 14:03:07"]


@pytest.mark.parametrize("text", CARD_LIKE)
def test_anything_that_looks_like_a_card_number_is_refused(text):
    assert card_number_in(text)
    with pytest.raises(DomainError) as e:
        refuse_card_numbers(text, "search")
    assert (e.value.code, e.value.field) == ("card_number_refused", "search")


@pytest.mark.parametrize("text", NOT_CARD_LIKE)
def test_ordinary_text_and_short_numbers_pass(text):
    assert not card_number_in(text)
    refuse_card_numbers(text, "search")


def test_luhn():
    assert luhn_ok("79927398713") and not luhn_ok("79927398710")
