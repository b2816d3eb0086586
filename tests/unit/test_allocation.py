from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.accounts import DocumentKind, OpenDocument
from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.payments import CardTender, Payment, allocate_oldest_first, allocate_selected, cash_tender


def doc(i: str, due: date, amount: int, paid: int = 0) -> OpenDocument:
    return OpenDocument(i, "A1", DocumentKind.INVOICE, due, due, Money.from_minor(amount, "DOP"), Money.from_minor(paid, "DOP"))


DOCS = [doc("D3", date(2026, 10, 1), 3000), doc("D1", date(2026, 8, 1), 1000, paid=400), doc("D2", date(2026, 9, 1), 2000)]


def test_oldest_due_first_and_partial_last():
    allocs = allocate_oldest_first(DOCS, Money.from_minor(1600, "DOP"))
    assert [(a.document_id, a.amount.to_minor()) for a in allocs] == [("D1", 600), ("D2", 1000)]


def test_selected_documents_only():
    allocs = allocate_selected(DOCS, ["D3"], Money.from_minor(3000, "DOP"))
    assert [(a.document_id, a.amount.to_minor()) for a in allocs] == [("D3", 3000)]
    with pytest.raises(DomainError) as e:
        allocate_selected(DOCS, ["NOPE"], Money.from_minor(1, "DOP"))
    assert e.value.code == "unknown_document"


def test_remainder_beyond_every_document_is_left_unallocated_for_the_caller():
    allocs = allocate_oldest_first(DOCS, Money.from_minor(6000, "DOP"))
    assert allocs[-1].document_id == "" and allocs[-1].amount.to_minor() == 400


@given(st.integers(1, 10_000))
def test_allocations_always_sum_to_the_amount(minor):
    allocs = allocate_oldest_first(DOCS, Money.from_minor(minor, "DOP"))
    assert sum(a.amount.to_minor() for a in allocs) == minor
    assert all(a.amount.to_minor() > 0 for a in allocs)


def test_cash_change_and_shortfall():
    t = cash_tender(Money.from_minor(153200, "DOP"), Money.from_minor(200000, "DOP"))
    assert (t.amount.to_minor(), t.change.to_minor()) == (153200, 46800)
    with pytest.raises(DomainError) as e:
        cash_tender(Money.from_minor(153200, "DOP"), Money.from_minor(100000, "DOP"))
    assert e.value.code == "insufficient_cash"


def test_cash_rounding_applies_to_the_cash_due():
    t = cash_tender(Money(Decimal("1532"), "DOP"), Money(Decimal("1600"), "DOP"), rounding_step=Decimal(5))
    assert t.amount.amount == Decimal("1530") and t.change.amount == Decimal("70")


def test_payment_refuses_tenders_that_do_not_add_up():
    m = Money.from_minor
    with pytest.raises(DomainError) as e:
        Payment("A1", "B", m(1000, "DOP"), m(0, "DOP"), (), (CardTender(m(900, "DOP"), "VISA", "4242", "A1B2C3"),), m(1000, "DOP"))
    assert e.value.code == "tenders_do_not_add_up"


def test_card_tender_takes_only_four_digits():
    with pytest.raises(DomainError) as e:
        CardTender(Money.from_minor(1, "DOP"), "VISA", "4111111111111111", "ABC123")
    assert e.value.code == "bad_last4"
    with pytest.raises(DomainError) as e:  # digits to str.isdigit(), not to a cashier or int()
        CardTender(Money.from_minor(1, "DOP"), "VISA", "¹²³⁴", "ABC123")
    assert e.value.code == "bad_last4"


def test_superscript_digits_are_not_digits_of_a_pin_or_a_receipt():
    from app.domain.users import valid_pin
    from app.services.receipts import check_verification

    assert not valid_pin("¹²³⁴") and valid_pin("1234")
    assert check_verification(b"k", "V1|p|¹|100|abc") is False
