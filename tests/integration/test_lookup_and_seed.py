"""Looking debtors up in a seeded store: scans, account numbers, names."""

import sqlite3
from datetime import date, datetime, timezone

import pytest

from app.domain.barcodes import build_fixed, build_gs1, format_from_config
from app.domain.errors import DomainError
from app.services.demo_data import BILLERS, generate
from app.storage.bulk import load_demo
from ventanilla.bootstrap import build_terminal
from ventanilla.paths import resolve


def biller_format(biller_id):
    return format_from_config(next(b.barcode for b in BILLERS if b.biller_id == biller_id))


@pytest.mark.parametrize("biller_id,account_id", [("AGUA", "1000000004"), ("LUZ", "2000000001"), ("TEL", "3000000002"), ("PREST", "4000000003")])
@pytest.mark.parametrize("separator", ["\x1d", ""])
def test_every_billers_barcode_scans_to_its_account(seeded, biller_id, account_id, separator):
    fmt = biller_format(biller_id)
    view = seeded.counter.lookup_account(account_id)
    due = view.open_documents[-1].due_date if view.open_documents else None
    if fmt.kind == "gs1":
        code = build_gs1(fmt.gln, account_id, view.balance.to_minor(), 2, due, gs=separator)
    else:
        code = build_fixed(fmt, account_id, view.balance.to_minor(), due)
    result = seeded.counter.search(code)
    assert result.kind == "barcode"
    (scanned,) = result.views
    assert scanned.account.account_id == account_id and scanned.biller.biller_id == biller_id
    assert scanned.scanned_amount == view.balance


def test_malformed_and_foreign_barcodes_are_refused_clearly(seeded):
    fmt = biller_format("AGUA")
    code = build_gs1(fmt.gln, "1000000004", 1000, 2, None)
    broken = code[:5] + ("1" if code[5] != "1" else "2") + code[6:]  # GLN check digit no longer matches
    with pytest.raises(DomainError) as e:
        seeded.counter.lookup_barcode(broken)
    assert e.value.code == "bad_check_digit"
    stranger = build_gs1(fmt.gln, "1999999999", 1000, 2, None)
    with pytest.raises(DomainError) as e:
        seeded.counter.lookup_barcode(stranger)
    assert e.value.code == "unknown_account"
    with pytest.raises(DomainError) as e:
        seeded.counter.lookup_barcode("4157709998000018")
    assert e.value.code == "malformed_barcode"


def test_each_result_carries_balance_documents_and_as_of(seeded):
    views = seeded.counter.search_name("garcia")
    assert views
    for v in views:
        assert v.balance.to_minor() == sum(d.outstanding.to_minor() for d in v.documents)
        assert v.as_of.tzinfo is not None and v.online is False


def test_demo_data_is_deterministic_for_a_seed():
    a = list(generate(300, 5, date(2026, 11, 23)))
    b = list(generate(300, 5, date(2026, 11, 23)))
    c = list(generate(300, 6, date(2026, 11, 23)))
    assert a == b and a != c


def test_demo_data_covers_every_segment_status_and_ageing():
    today = date(2026, 11, 23)
    rows = list(generate(2000, 1, today))
    assert {a.segment.value for a, _ in rows} == {"residential", "business"}
    assert {a.status.value for a, _ in rows} == {"active", "agreement", "judicial", "written_off"}
    assert {a.biller_id for a, _ in rows} == {"AGUA", "LUZ", "TEL", "PREST"}
    ages = [(today - d.due_date).days for _, docs in rows for d in docs]
    assert min(ages) < 0 and max(ages) > 180, "from current to over 180 days past due"
    assert any("ñ" in a.name.lower() or "á" in a.name.lower() for a, _ in rows)


def test_seeded_store_matches_the_generator(tmp_path):
    t = build_terminal(resolve(tmp_path))
    now = datetime.now(timezone.utc)
    docs = load_demo(t.engine, 500, 9, now.date(), now, "DOP", 2)
    t.close()
    expected = list(generate(500, 9, now.date()))
    con = sqlite3.connect(tmp_path / "store.db")
    assert con.execute("select count(*) from documents").fetchone()[0] == docs == sum(len(d) for _, d in expected)
    first, first_docs = expected[0]
    row = con.execute("select name, balance_minor from accounts where account_id=?", (first.account_id,)).fetchone()
    assert row == (first.name, sum(d.amount_minor - d.paid_minor for d in first_docs))
    # the name index was rebuilt after the bulk load
    (hits,) = con.execute("select count(*) from account_names where account_names match ?", (f'"{first.name.split()[0]}"',)).fetchone()
    assert hits >= 1


def test_a_card_number_in_the_search_field_is_refused_but_a_bill_is_not(seeded):
    with pytest.raises(DomainError) as e:
        seeded.counter.search("4111 1111 1111 1111")
    assert e.value.code == "card_number_refused" and e.value.field == "search"
    fmt = biller_format("TEL")
    code = build_fixed(fmt, "3000000002", 12345, None)
    assert seeded.counter.search(code).kind == "barcode"
