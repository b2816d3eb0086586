from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.money import Money, minor_units, round_to


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        Money(1.5, "DOP")  # type: ignore[arg-type]


def test_money_refuses_mixed_currencies_with_a_code():
    with pytest.raises(DomainError) as e:
        Money(Decimal("1"), "DOP") + Money(Decimal("1"), "USD")
    assert e.value.code == "mixed_currencies"


def test_money_refuses_more_decimals_than_the_currency_has():
    with pytest.raises(DomainError) as e:
        Money(Decimal("1.005"), "DOP")
    assert e.value.code == "too_many_decimals"
    with pytest.raises(DomainError):
        Money(Decimal("10.5"), "CLP")


def test_trailing_zeros_beyond_the_minor_units_are_fine():
    assert Money(Decimal("1.500"), "DOP").to_minor() == 150


@pytest.mark.parametrize("currency,digits", [("DOP", 2), ("MXN", 2), ("PEN", 2), ("USD", 2), ("CLP", 0), ("PYG", 0)])
def test_minor_units_per_currency(currency, digits):
    assert minor_units(currency) == digits


def test_unknown_currency_is_a_domain_error():
    with pytest.raises(DomainError) as e:
        Money(Decimal(1), "XXX")
    assert e.value.code == "unknown_currency"


def test_absurdly_large_amounts_are_refused():
    with pytest.raises(DomainError) as e:
        Money(Decimal("1e15"), "DOP")
    assert e.value.code == "amount_too_large"


@given(st.integers(min_value=-(10**11), max_value=10**11), st.sampled_from(["DOP", "CLP", "USD"]))
def test_minor_units_round_trip(minor, currency):
    assert Money.from_minor(minor, currency).to_minor() == minor


@given(st.integers(0, 10**12), st.integers(0, 10**12))
def test_addition_matches_integer_arithmetic(a, b):
    assert (Money.from_minor(a, "DOP") + Money.from_minor(b, "DOP")).to_minor() == a + b


def test_round_to_currency_with_explicit_modes():
    assert round_to(Decimal("2.345"), "DOP", ROUND_HALF_EVEN) == Decimal("2.34")
    assert round_to(Decimal("2.345"), "DOP") == Decimal("2.35")
    assert round_to(Decimal("2.349"), "DOP", ROUND_DOWN) == Decimal("2.34")


def test_cash_rounding_to_a_step():
    assert round_to(Decimal("1532.00"), "DOP", step=Decimal(5)) == Decimal("1530.00")
    assert round_to(Decimal("1533.00"), "DOP", step=Decimal(5)) == Decimal("1535.00")
    assert round_to(Decimal("1237"), "CLP", step=Decimal(10)) == Decimal("1240")


def test_money_multiplies_by_int_only():
    assert (Money(Decimal("2.50"), "DOP") * 3).to_minor() == 750
    with pytest.raises(TypeError):
        Money(Decimal("2.50"), "DOP") * 1.5  # type: ignore[operator]
