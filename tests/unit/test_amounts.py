from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.amounts import format_amount, parse_amount
from app.domain.errors import DomainError
from app.domain.money import Money


@pytest.mark.parametrize(
    "text,currency,locale,minor",
    [
        ("1.500,50", "COP", "es_CO", 150050),
        ("1500,5", "COP", "es_CO", 150050),
        ("1,500.50", "DOP", "es_DO", 150050),
        ("1500", "DOP", "es_DO", 150000),
        ("RD$ 1,500.50", "DOP", "es_DO", 150050),
        ("$1.234.567", "CLP", "es_CL", 1234567),
        (".50", "DOP", "es_DO", 50),
        ("  2,000  ", "MXN", "es_MX", 200000),
    ],
)
def test_parses_amounts_as_the_outlet_writes_them(text, currency, locale, minor):
    assert parse_amount(text, currency, locale).to_minor() == minor


@pytest.mark.parametrize(
    "text,currency,locale,code",
    [
        ("", "DOP", "es_DO", "empty_amount"),
        ("   ", "DOP", "es_DO", "empty_amount"),
        ("12a", "DOP", "es_DO", "not_a_number"),
        ("doce", "DOP", "es_DO", "not_a_number"),
        ("-5", "DOP", "es_DO", "negative_amount"),
        ("1.505", "DOP", "es_DO", "too_many_decimals"),
        ("10,5", "CLP", "es_CL", "too_many_decimals"),
        ("1.50", "COP", "es_CO", "bad_amount_format"),  # a misplaced thousands dot in Colombia
        ("1,50", "DOP", "es_DO", "bad_amount_format"),
        ("99999999999999999999", "DOP", "es_DO", "amount_too_large"),
    ],
)
def test_bad_amounts_get_a_code_and_a_spanish_sentence(text, currency, locale, code):
    with pytest.raises(DomainError) as e:
        parse_amount(text, currency, locale)
    assert e.value.code == code
    assert e.value.field == "amount"
    assert e.value.message.endswith(".") and "Error" not in e.value.message


def test_formats_like_the_outlet():
    m = Money(Decimal("1500.5"), "COP")
    assert format_amount(m, "es_CO") == "1.500,50"
    assert format_amount(Money(Decimal("1500.5"), "DOP"), "es_DO", sign=True) == "RD$ 1,500.50"
    assert format_amount(Money(Decimal("1234567"), "CLP"), "es_CL") == "1.234.567"


@given(st.integers(0, 10**11), st.sampled_from([("COP", "es_CO"), ("DOP", "es_DO"), ("CLP", "es_CL"), ("MXN", "es_MX")]))
def test_what_is_shown_parses_back_to_the_same_amount(minor, pair):
    currency, locale = pair
    money = Money.from_minor(minor, currency)
    assert parse_amount(format_amount(money, locale), currency, locale) == money


@given(st.text(max_size=30))
def test_any_text_parses_or_gives_a_domain_error(text):
    try:
        m = parse_amount(text, "DOP", "es_DO")
    except DomainError:
        return
    assert m.to_minor() >= 0
