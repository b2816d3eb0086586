import hashlib
import json
import uuid

import pytest

from app.domain.protocol import (
    ZERO_HASH,
    canonical_json,
    item_hash,
    payment_numbers_problem,
    seal,
    uuid7,
    verify_chain,
)


def test_canonical_json_sorts_keys_at_every_level_and_keeps_accents():
    item = {"b": 1, "a": {"z": "Núñez", "y": [{"d": 1, "c": 2}]}}
    assert canonical_json(item) == '{"a":{"y":[{"c":2,"d":1}],"z":"Núñez"},"b":1}'


def test_canonical_json_refuses_floats():
    with pytest.raises(TypeError):
        canonical_json({"amount": 1.5})


def test_hash_is_sha256_of_prev_hash_then_canonical_json_without_hash():
    item = {"id": "x", "seq": 1, "prev_hash": ZERO_HASH, "hash": "ignored"}
    body = json.dumps({k: v for k, v in item.items() if k != "hash"}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert item_hash(item) == hashlib.sha256((ZERO_HASH + body).encode()).hexdigest()


def test_chain_verifies_and_finds_the_first_broken_link():
    items, prev = [], ZERO_HASH
    for i in range(1, 6):
        sealed = seal({"id": str(i), "seq": i, "amount": i * 100}, prev)
        items.append(sealed)
        prev = sealed["hash"]
    assert verify_chain(items) is None
    items[2] = {**items[2], "amount": 999}
    assert verify_chain(items) == 2


def test_uuid7_has_version_7_and_sorts_in_creation_order():
    ids = [uuid7() for _ in range(2000)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert all(uuid.UUID(i).variant == uuid.RFC_4122 for i in ids)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


GOOD = {
    "amount": 1000,
    "discount": 100,
    "tenders": [{"kind": "cash", "amount": 600, "received": 1000, "change": 400}, {"kind": "card", "amount": 400}],
    "allocations": [{"document_id": "D1", "amount": 1100}],
}


def test_payment_numbers_that_add_up():
    assert payment_numbers_problem(GOOD) is None


@pytest.mark.parametrize(
    "change,reason",
    [
        ({"amount": 0}, "negative_or_zero_amount"),
        ({"tenders": [{"kind": "card", "amount": 999}]}, "tenders_do_not_add_up"),
        ({"tenders": [{"kind": "cash", "amount": 1000, "received": 1000, "change": 5}]}, "change_does_not_add_up"),
        ({"allocations": [{"document_id": "D1", "amount": 1000}]}, "allocations_do_not_add_up"),
        ({"amount": "1000"}, "amount_not_integer"),
        ({"tenders": []}, "no_tenders"),
    ],
)
def test_payment_numbers_that_do_not(change, reason):
    assert payment_numbers_problem({**GOOD, **change}) == reason


def test_malformed_shapes_are_reasons_not_crashes():
    assert payment_numbers_problem({**GOOD, "tenders": ["cash"]}) == "schema_invalid"
    assert payment_numbers_problem({**GOOD, "allocations": {"D1": 1100}}) == "schema_invalid"


def test_out_of_range_times_are_value_errors():
    from app.domain.protocol import parse_rfc3339

    with pytest.raises(ValueError):
        parse_rfc3339("9999-12-31T23:59:59-01:00")
    with pytest.raises(ValueError):
        parse_rfc3339("2026-11-23T10:00:00")
