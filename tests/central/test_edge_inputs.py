"""Inputs that once slipped past a JSON parser or a date library: each gets a 4xx or a per-item answer."""

from __future__ import annotations

import json

import pytest

from sync.wire import seal
from tests.central.test_fuzz import check


@pytest.mark.parametrize(
    "raw",
    [
        b'{"batch_id": "\\ud800"}',
        b"\xff\xfe{\x00}\x00",
        b'{"a": NaN}',
        b"[" * 100000 + b"]" * 100000,
        b'{"batch_id": 1e999}',
    ],
)
def test_bodies_python_parses_but_json_forbids_are_400(raw_client, sim_raw, raw):
    r = sim_raw.send(raw_client, {"batch_id": "k"}, key="k", body=raw)
    check(r)
    assert r.status_code == 400


@pytest.fixture
def sim_raw(raw_client, seeded, clock):
    from tests.central.conftest import enroll_sim

    return enroll_sim(raw_client, seeded, clock)


@pytest.mark.parametrize(
    "change",
    [
        {"occurred_at": "9999-12-31T23:59:59-01:00"},
        {"occurred_at": "0001-01-01T00:00:00+01:00"},
        {"balance_as_of": "0001-01-01T00:00:00+00:00"},
        {"seq": 2**62},
        {"amount": 10**15, "tenders": [{"kind": "cash", "amount": 10**15, "received": 10**15, "change": 0}],
         "allocations": [{"document_id": "D-A1", "amount": 10**15}]},
        {"account_id": "é" * 200},
        {"cashier_id": "\x00"},
    ],
)
def test_extreme_but_well_formed_items_get_a_per_item_answer(raw_client, sim_raw, change):
    item = sim_raw.payment("A1", 100)
    item = seal(dict({k: v for k, v in item.items() if k != "hash"}, **change), item["prev_hash"])
    r = sim_raw.send(raw_client, sim_raw.batch([item]))
    check(r)
    assert r.status_code == 200
    assert r.json()["results"][0]["status"] in ("created", "accepted_flagged", "rejected")


def test_two_copies_of_one_item_in_a_batch_are_created_once(raw_client, sim_raw):
    item = sim_raw.payment("A1", 100)
    changed = seal(dict({k: v for k, v in item.items() if k != "hash"}, cashier_id="C02"), item["prev_hash"])
    r = sim_raw.send(raw_client, sim_raw.batch([item, item, changed]))
    assert [x["status"] for x in r.json()["results"]] == ["created", "exists", "exists_with_different_fields"]
    assert r.json()["results"][1]["ledger_seq"] == r.json()["results"][0]["ledger_seq"]
    assert r.json()["results"][2]["fields"] == ["cashier_id"]
    assert json.loads(sim_raw.get(raw_client, "/api/v1/accounts/A1").content)["balance"] == 15050 - 100
