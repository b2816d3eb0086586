"""POST /api/v1/batches: per-item results, idempotency, chain checks, flags (PROTOCOL.md)."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest
from sqlalchemy import text

from central import admin
from sync.wire import MAX_BATCH_BYTES, seal, uuid7


def statuses(response):
    assert response.status_code == 200, response.text
    return [r["status"] for r in response.json()["results"]]


def rows(engine, sql, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).all()


def balance(client, sim, account_id):
    r = sim.get(client, f"/api/v1/accounts/{account_id}")
    assert r.status_code == 200
    return r.json()["balance"]


def test_a_new_batch_is_recorded_with_ledger_seq_and_recorded_at(client, sim, seeded, clock):
    items = [sim.shift_open(50000), sim.payment("A1", 10000)]
    body = sim.send(client, sim.batch(items)).json()
    assert [r["status"] for r in body["results"]] == ["created", "created"]
    assert [r["id"] for r in body["results"]] == [i["id"] for i in items]
    assert body["results"][1]["ledger_seq"] == body["results"][0]["ledger_seq"] + 1
    assert all(r["recorded_at"] == "2026-11-22T14:00:00Z" for r in body["results"])
    (last_seq, head, contiguous), = rows(seeded, "SELECT last_seq, chain_head, contiguous_seq FROM terminals WHERE terminal_id=:t", t=sim.terminal_id)
    assert (last_seq, head, contiguous) == (2, items[1]["hash"], 2)


def test_a_resent_identical_batch_gets_the_same_answers_reading_exists(client, sim, seeded, clock):
    batch = sim.batch([sim.payment("A1", 10000), sim.payment("NOPE", 500), sim.payment("A1", 0)])
    first = sim.send(client, batch).json()
    assert [r["status"] for r in first["results"]] == ["created", "accepted_flagged", "rejected"]
    clock.advance(minutes=5)
    batch["sent_at"] = "2026-11-22T14:05:00Z"  # a retry may restamp sent_at
    again = sim.send(client, batch).json()
    assert [r["status"] for r in again["results"]] == ["exists", "accepted_flagged", "rejected"]
    for a, b in zip(first["results"], again["results"]):
        assert a.get("ledger_seq") == b.get("ledger_seq") and a.get("recorded_at") == b.get("recorded_at")
    assert again["results"][2]["reason"] == first["results"][2]["reason"] == "negative_or_zero_amount"
    assert rows(seeded, "SELECT count(*) FROM items")[0][0] == 2
    assert rows(seeded, "SELECT count(*) FROM exceptions")[0][0] == 2  # one flagged, one rejected: not doubled
    assert balance(client, sim, "A1") == 15050 - 10000


def test_the_same_items_in_a_new_batch_read_exists_from_stored_state(client, sim, seeded):
    items = [sim.payment("A1", 2500)]
    first = sim.send(client, sim.batch(items)).json()["results"][0]
    again = sim.send(client, sim.batch(items)).json()["results"][0]
    assert again == {"id": items[0]["id"], "status": "exists", "recorded_at": first["recorded_at"], "ledger_seq": first["ledger_seq"]}
    assert balance(client, sim, "A1") == 15050 - 2500


def test_same_id_with_different_content_lists_the_differing_fields(client, sim):
    p = sim.payment("A1", 2500)
    sim.send(client, sim.batch([p]))
    changed = seal(dict(p, amount=2600, tenders=[{"kind": "cash", "amount": 2600, "received": 2600, "change": 0}],
                        allocations=[{"document_id": "D-A1", "amount": 2600}]), p["prev_hash"])
    result = sim.send(client, sim.batch([changed])).json()["results"][0]
    assert result["status"] == "exists_with_different_fields"
    assert result["fields"] == ["allocations", "amount", "tenders"]
    assert balance(client, sim, "A1") == 15050 - 2500


def test_control_totals_that_do_not_match_are_422_and_nothing_is_applied(client, sim, seeded):
    batch = sim.batch([sim.payment("A1", 2500)], amount_total=2400)
    r = sim.send(client, batch)
    assert r.status_code == 422
    assert r.json()["error"] == "control_mismatch" and r.json()["fields"] == ["amount_total"]
    for wrong in ({"count": 2}, {"first_seq": 7}, {"last_seq": 9}):
        r = sim.send(client, dict(batch, control=dict(batch["control"], amount_total=2500, **wrong)))
        assert r.status_code == 422 and r.json()["fields"] == list(wrong)
    assert rows(seeded, "SELECT count(*) FROM items")[0][0] == 0


def test_a_batch_id_reused_with_a_different_body_is_422(client, sim, seeded):
    batch = sim.batch([sim.payment("A1", 2500)])
    assert statuses(sim.send(client, batch)) == ["created"]
    other = sim.batch([sim.payment("A1", 100)], batch_id=batch["batch_id"])
    r = sim.send(client, other)
    assert r.status_code == 422 and r.json()["error"] == "batch_id_reused"
    assert rows(seeded, "SELECT count(*) FROM items")[0][0] == 1


def test_more_than_1000_items_or_2_mib_is_413(client, sim):
    items = [sim.drop(100) for _ in range(1001)]
    r = sim.send(client, sim.batch(items))
    assert r.status_code == 413 and r.json()["error"] == "too_many_items"
    big = sim.batch([sim.payment("A1", 100, overrides=[{"rule": "x", "approver_id": None, "reason": "y" * 1000}] * 50)])
    body = json.dumps(big).encode() + b" " * MAX_BATCH_BYTES
    r = sim.send(client, big, body=body)
    assert r.status_code == 413 and r.json()["error"] == "too_large"


def test_envelope_problems_are_400(client, sim):
    batch = sim.batch([sim.payment("A1", 2500)])
    raw = json.dumps(batch).encode()
    headers = sim.headers("POST", "/api/v1/batches", raw)
    r = client.post("/api/v1/batches", content=raw, headers=headers)  # no Idempotency-Key
    assert r.status_code == 400 and r.json()["error"] == "missing_idempotency_key"
    r = sim.send(client, batch, key=uuid7())
    assert r.status_code == 400 and r.json()["error"] == "idempotency_key_mismatch"
    r = sim.send(client, batch, body=b"{not json")
    assert r.status_code == 400 and r.json()["error"] == "malformed_json"
    for broken in ({**batch, "items": []}, {k: v for k, v in batch.items() if k != "control"}, {**batch, "sent_at": "yesterday"},
                   {**batch, "items": [{"type": "payment"}]}, {**batch, "batch_id": "not-a-uuid"}):
        r = sim.send(client, broken, key=str(broken.get("batch_id")))
        assert r.status_code == 400 and r.json()["error"] == "malformed_envelope", broken


def test_an_item_with_a_wrong_hash_is_rejected_broken_chain_and_kept(client, sim, seeded):
    good = sim.payment("A1", 1000)
    tampered = dict(sim.payment("A1", 1000), cashier_id="C99")  # content changed after sealing
    result = sim.send(client, sim.batch([good, tampered])).json()["results"]
    assert [r["status"] for r in result] == ["created", "rejected"]
    assert result[1]["reason"] == "broken_chain"
    kept = rows(seeded, "SELECT kind, reasons, body FROM exceptions WHERE item_id=:i", i=tampered["id"])
    assert kept[0][0] == "rejected" and json.loads(kept[0][1]) == ["broken_chain"]
    assert json.loads(kept[0][2])["cashier_id"] == "C99"


def test_an_item_whose_prev_hash_is_not_the_previous_items_hash_is_broken_chain(client, make_sim):
    sim = make_sim()
    first = sim.payment("A1", 1000)
    sim.send(client, sim.batch([first]))
    forged = sim.payment("A1", 1000)
    forged = seal({k: v for k, v in forged.items() if k not in ("hash", "prev_hash")}, "f" * 64)
    result = sim.send(client, sim.batch([forged])).json()["results"][0]
    assert result["status"] == "rejected" and result["reason"] == "broken_chain"
    # and a terminal's first item must chain to 64 zeros
    fresh = make_sim(name="Caja 2")
    lone = fresh.payment("A1", 1)
    lone = seal({k: v for k, v in lone.items() if k not in ("hash", "prev_hash")}, "a" * 64)
    assert lone["seq"] == 1
    result = fresh.send(client, fresh.batch([lone])).json()["results"][0]
    assert result["status"] == "rejected" and result["reason"] == "broken_chain"


def test_a_seq_already_held_by_another_id_is_rejected_seq_conflict(client, sim):
    p = sim.payment("A1", 1000)
    sim.send(client, sim.batch([p]))
    clash = seal(dict({k: v for k, v in sim.payment("A1", 500).items() if k not in ("hash",)}, id=uuid7(), seq=p["seq"],
                      prev_hash=p["prev_hash"]), p["prev_hash"])
    result = sim.send(client, sim.batch([clash])).json()["results"][0]
    assert result["status"] == "rejected" and result["reason"] == "seq_conflict"


def test_a_seq_gap_is_recorded_and_reported_until_the_missing_items_arrive(client, sim, seeded):
    items = [sim.payment("A1", 100) for _ in range(5)]
    r = sim.send(client, sim.batch([items[0], items[3], items[4]]))
    assert statuses(r) == ["created", "created", "created"]
    assert admin.seq_gaps(seeded) == [(sim.terminal_id, 2, 3)]
    assert rows(seeded, "SELECT last_seq, contiguous_seq FROM terminals WHERE terminal_id=:t", t=sim.terminal_id)[0] == (5, 1)
    assert statuses(sim.send(client, sim.batch(items[1:3]))) == ["created", "created"]
    assert admin.seq_gaps(seeded) == []
    assert rows(seeded, "SELECT last_seq, contiguous_seq, chain_head FROM terminals WHERE terminal_id=:t", t=sim.terminal_id)[0] == (
        5, 5, items[4]["hash"])


def test_a_gap_filler_that_does_not_chain_into_its_successor_is_rejected(client, sim):
    a, b, c = sim.payment("A1", 100), sim.payment("A1", 100), sim.payment("A1", 100)
    sim.send(client, sim.batch([a, c]))
    fake_b = seal(dict({k: v for k, v in b.items() if k != "hash"}, cashier_id="X"), a["hash"])
    assert sim.send(client, sim.batch([fake_b])).json()["results"][0]["reason"] == "broken_chain"
    assert statuses(sim.send(client, sim.batch([b]))) == ["created"]


@pytest.mark.parametrize(
    "change, reason",
    [
        (dict(amount=1000, tenders=[{"kind": "cash", "amount": 900, "received": 900, "change": 0}]), "tenders_do_not_add_up"),
        (dict(tenders=[{"kind": "cash", "amount": 1000, "received": 2000, "change": 500}]), "change_does_not_add_up"),
        (dict(allocations=[{"document_id": "D-A1", "amount": 10}]), "allocations_do_not_add_up"),
        (dict(amount=-5), "negative_or_zero_amount"),
        (dict(amount="1000"), "schema_invalid"),
        (dict(amount=1000.0), "schema_invalid"),
        (dict(tenders=[{"kind": "card", "amount": 1000, "brand": "VISA", "last4": "4242", "auth_code": "4111111111111111", "terminal_ref": ""}]), "schema_invalid"),
        (dict(extra_field=1), "schema_invalid"),
        (dict(occurred_at="22/11/2026"), "schema_invalid"),
    ],
)
def test_malformed_items_are_rejected_with_a_reason_and_others_in_the_batch_still_apply(client, sim, seeded, change, reason):
    ok = sim.payment("A1", 1000)
    bad = sim.payment("A1", 1000)
    body = {k: v for k, v in bad.items() if k != "hash"}
    body.update(change)
    try:
        bad = seal(body, bad["prev_hash"])
    except TypeError:  # floats cannot be sealed: send them with the old hash
        bad = dict(body, hash=bad["hash"])
    result = sim.send(client, sim.batch([ok, bad])).json()["results"]
    assert result[0]["status"] == "created"
    assert result[1]["status"] == "rejected" and result[1]["reason"] == reason
    assert rows(seeded, "SELECT count(*) FROM exceptions WHERE kind='rejected'")[0][0] == 1


def test_a_payment_to_an_unknown_account_is_posted_to_suspense_and_flagged(client, sim, seeded, db_url, capsys):
    p = sim.payment("ZZ-404", 7500)
    result = sim.send(client, sim.batch([p])).json()["results"][0]
    assert result["status"] == "accepted_flagged" and result["reasons"] == ["unknown_account"]
    assert result["ledger_seq"] and result["recorded_at"]
    lines = rows(seeded, "SELECT account_code, debit, credit, subledger FROM entries WHERE journal_id=:j ORDER BY id", j=p["id"])
    assert lines == [("1010", 7500, 0, None), ("2900", 0, 7500, "ZZ-404")]
    assert rows(seeded, "SELECT kind, reasons FROM exceptions WHERE item_id=:i", i=p["id"]) == [("flagged", '["unknown_account"]')]
    from central.cli import main

    assert main(["exceptions", "--db", db_url]) == 0
    assert f"con observaciones unknown_account registro {p['id']}" in capsys.readouterr().out


def test_a_payment_beyond_the_balance_is_flagged_account_overpaid_and_kept_as_credit(client, make_sim, seeded):
    one, two = make_sim(), make_sim(name="Caja 2")
    # terminal one collects the whole balance; terminal two, offline, collects it again
    r1 = one.send(client, one.batch([one.payment("A1", 15050, allocations=[("D-A1", 10000), ("D-A1b", 5050)])]))
    assert statuses(r1) == ["created"]
    late = two.payment("A1", 10000, allocations=[("D-A1", 10000)], offline=True, balance_before=15050)
    result = two.send(client, two.batch([late])).json()["results"][0]
    assert result["status"] == "accepted_flagged" and result["reasons"] == ["account_overpaid"]
    account = one.get(client, "/api/v1/accounts/A1").json()
    assert account["balance"] == -10000 and account["credit"] == 10000 and account["documents"] == []


def test_allocation_beyond_a_document_spills_to_the_oldest_open_one(client, sim):
    sim.send(client, sim.batch([sim.payment("A1", 12000, allocations=[("D-A1b", 12000)])]))
    docs = {d["document_id"]: d for d in sim.get(client, "/api/v1/accounts/A1").json()["documents"]}
    assert "D-A1b" not in docs and docs["D-A1"]["paid"] == 12000 - 5050


def test_offline_limits_come_from_the_agents_policy(client, sim, seeded):
    admin.set_policy(seeded, "AG001", "[offline]\nmax_payment = 5000\nmax_shift_total = 8000\n")
    results = sim.send(client, sim.batch([
        sim.payment("A2", 4000, offline=True, allocations=[("D-A2", 4000)]),
        sim.payment("A2", 6000, offline=True, allocations=[("D-A2", 6000)]),
        sim.payment("A2", 9000, offline=False, allocations=[("D-A2", 9000)]),
    ])).json()["results"]
    assert [r["status"] for r in results] == ["created", "accepted_flagged", "created"]
    assert results[1]["reasons"] == ["offline_limit_exceeded"]
    # the shift total: 4000 + 6000 already offline; 100 more passes the 8000 limit
    result = sim.send(client, sim.batch([sim.payment("A2", 100, offline=True, allocations=[("D-A2", 100)])])).json()["results"][0]
    assert result["reasons"] == ["offline_limit_exceeded"]


def test_clock_skew_between_terminal_and_server_is_flagged_not_refused(client, sim, clock):
    sim.skew = timedelta(minutes=40)  # the terminal's clock runs 40 minutes fast
    p = sim.payment("A1", 1000)
    batch = sim.batch([p])
    result = sim.send(client, batch).json()["results"][0]
    assert result["status"] == "accepted_flagged" and result["reasons"] == ["clock_skew"]
    # an old offline item sent late by a terminal with a good clock is not skew
    sim.skew = timedelta(0)
    old = sim.payment("A1", 1000, offline=True, balance_as_of="2026-11-22T09:00:00Z")
    clock.advance(hours=3)
    assert statuses(sim.send(client, sim.batch([old]))) == ["created"]
    # but an item that happened before the balance it showed is
    odd = sim.payment("A1", 1000, balance_as_of="2026-11-22T18:00:00Z")
    assert sim.send(client, sim.batch([odd])).json()["results"][0]["reasons"] == ["clock_skew"]


def test_items_arriving_after_their_shift_close_are_flagged_business_date_closed(client, sim):
    sim.shift_open(0)
    early = sim.payment("A1", 100)  # held back: it reaches central after the close
    close = sim.shift_close()
    r = sim.send(client, sim.batch([close]))
    assert statuses(r) == ["created"]
    late = sim.send(client, sim.batch([early])).json()["results"][0]
    assert late["status"] == "accepted_flagged" and late["reasons"] == ["business_date_closed"]
    # a new shift the same day is open
    sim.shift_id = "S2"
    assert statuses(sim.send(client, sim.batch([sim.payment("A1", 100)]))) == ["created"]


def test_a_void_reverses_the_payment_in_the_ledger_and_the_balance(client, sim, seeded):
    p = sim.payment("A1", 12000, tenders=[{"kind": "cash", "amount": 2000, "received": 5000, "change": 3000},
                                           {"kind": "card", "amount": 10000, "brand": "VISA", "last4": "4242", "auth_code": "A1B2", "terminal_ref": "R1"}])
    sim.send(client, sim.batch([p]))
    assert balance(client, sim, "A1") == 3050
    v = sim.void(p)
    assert statuses(sim.send(client, sim.batch([v]))) == ["created"]
    assert balance(client, sim, "A1") == 15050
    per_code = dict((c, d - k) for c, d, k in rows(seeded, "SELECT account_code, sum(debit), sum(credit) FROM entries GROUP BY account_code"))
    assert per_code == {"1010": 0, "1030": 0, "1200": 0}
    again = sim.void(p)
    assert sim.send(client, sim.batch([again])).json()["results"][0]["reasons"] == ["already_voided"]


def test_a_void_of_an_unknown_payment_is_flagged(client, sim):
    ghost = {"id": uuid7(), "currency": "DOP", "amount": 100}
    result = sim.send(client, sim.batch([sim.void(ghost)])).json()["results"][0]
    assert result["status"] == "accepted_flagged" and result["reasons"] == ["voided_payment_unknown"]


def test_cash_drops_and_over_short_post_balanced_entries(client, sim, seeded):
    items = [sim.shift_open(100000), sim.payment("A1", 5000), sim.drop(20000), sim.drop(1000, kind="float_in"),
             sim.shift_close(over_short={"cash": -300})]
    assert statuses(sim.send(client, sim.batch(items))) == ["created"] * 5
    net = dict((c, d - k) for c, d, k in rows(seeded, "SELECT account_code, sum(debit), sum(credit) FROM entries GROUP BY account_code"))
    assert net == {"1010": 100000 + 5000 - 20000 + 1000 - 300, "1040": -100000 + 20000 - 1000, "1200": -5000, "5200": 300}


def test_a_batch_already_being_processed_answers_409(client, sim, monkeypatch):
    import central.api

    entered, release = threading.Event(), threading.Event()
    real = central.api.apply_batch

    def slow(*args, **kwargs):
        entered.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(central.api, "apply_batch", slow)
    batch = sim.batch([sim.payment("A1", 100)])
    first: list = []
    t = threading.Thread(target=lambda: first.append(sim.send(client, batch)))
    t.start()
    assert entered.wait(10)
    second = sim.send(client, batch)
    release.set()
    t.join(10)
    assert second.status_code == 409 and second.json()["error"] == "batch_in_progress"
    assert statuses(first[0]) == ["created"]


def test_the_whole_batch_is_one_transaction(client, sim, seeded, monkeypatch):
    import central.ingest

    def boom(self):
        raise RuntimeError("crash in the middle of the batch")

    batch = sim.batch([sim.payment("A1", 100), sim.payment("A1", 200)])
    monkeypatch.setattr(central.ingest._Apply, "_advance_terminal", boom)
    with pytest.raises(RuntimeError):
        sim.send(client, batch)
    assert rows(seeded, "SELECT count(*) FROM items")[0][0] == 0
    assert rows(seeded, "SELECT count(*) FROM entries")[0][0] == 0
    assert balance(client, sim, "A1") == 15050
    monkeypatch.undo()
    assert statuses(sim.send(client, batch)) == ["created", "created"]


def test_a_batch_retried_unchanged_hours_later_is_not_clock_skew(client, sim, clock):
    batch = sim.batch([sim.payment("A1", 100)])
    clock.advance(hours=5)  # the first attempts never got through
    result = sim.send(client, batch).json()["results"][0]
    assert result["status"] == "created"
