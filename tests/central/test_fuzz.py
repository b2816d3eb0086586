"""No input, however malformed, produces a 500; every error is JSON {"error", "message"}."""

from __future__ import annotations

import copy
import json
import random

from tests.central.conftest import enroll_sim

GARBAGE = [
    None, True, False, 0, -1, 1, 2**63, 10**30, -(10**30), 1.5, -0.0, 1e308, "", " ", "x" * 5000, "é", "😀", "\x00",
    "2026-13-45T99:99:99Z", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00", "0" * 64, "f" * 64,
    "00000000-0000-0000-0000-000000000000", [], [None], {}, {"a": 1}, [[[[[]]]]], {"kind": "cash"}, {"id": "x"},
]


def random_json(rng: random.Random, depth: int = 0):
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        return rng.choice(GARBAGE)
    if roll < 0.75:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = ["id", "type", "items", "seq", "amount", "tenders", "control", "batch_id", "terminal_id", "kind", "x"]
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def mutate(rng: random.Random, value, depth: int = 0):
    """Replace, drop or add something at a random place in a JSON tree."""
    if isinstance(value, dict) and value and depth < 6 and rng.random() < 0.8:
        key = rng.choice(list(value))
        out = dict(value)
        roll = rng.random()
        if roll < 0.15:
            del out[key]
        elif roll < 0.25:
            out[rng.choice(["extra", "pan", key + "_"])] = random_json(rng)
        else:
            out[key] = mutate(rng, value[key], depth + 1)
        return out
    if isinstance(value, list) and value and depth < 6 and rng.random() < 0.8:
        out = list(value)
        i = rng.randrange(len(out))
        roll = rng.random()
        if roll < 0.1:
            out.append(copy.deepcopy(out[i]))
        elif roll < 0.2:
            del out[i]
        else:
            out[i] = mutate(rng, out[i], depth + 1)
        return out
    return random_json(rng)


def check(response) -> None:
    assert response.status_code < 500, (response.status_code, response.text)
    if response.status_code >= 400:
        body = response.json()
        assert isinstance(body.get("error"), str) and isinstance(body.get("message"), str), body


def test_garbage_bodies_and_headers_never_produce_a_500(raw_client, seeded, clock):
    rng = random.Random(20261122)
    sim = enroll_sim(raw_client, seeded, clock)
    paths = ["/api/v1/batches", "/api/v1/terminals/enroll", "/api/v1/policy", "/api/v1/accounts/A1",
             "/api/v1/snapshot/accounts?cursor=%ff&limit=-1", "/api/v1/health", "/openapi.json", "/api/v1/accounts/%00"]
    for n in range(150):
        kind = rng.random()
        if kind < 0.3:
            body = bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
        else:
            body = json.dumps(random_json(rng)).encode()
        path = rng.choice(paths)
        method = rng.choice(["GET", "POST", "PUT"])
        headers = {"Content-Type": rng.choice(["application/json", "text/plain", "", "application/json; charset=latin-1"])}
        if rng.random() < 0.5:
            headers.update(sim.headers(method, path, body))
            if rng.random() < 0.3:
                headers["X-Timestamp"] = rng.choice(["", "yesterday", "9999-12-31T23:59:59-01:00", "2026-11-22T14:00:00"])
        else:
            headers.update({"X-Terminal-Id": rng.choice(["", sim.terminal_id, "x" * 500, "é"]),
                            "X-Timestamp": rng.choice(["", "2026-11-22T14:00:00Z", "garbage"]),
                            "X-Signature": rng.choice(["", "00", "zz" * 32, "é"])})
        if rng.random() < 0.5:
            headers["Idempotency-Key"] = rng.choice(["", "x", "é" * 3, "00000000-0000-0000-0000-000000000000"])
        headers = {k: v.encode("utf-8") for k, v in headers.items()}
        check(raw_client.request(method, path, content=body, headers=headers))


def test_signed_batches_with_mutated_items_never_produce_a_500(raw_client, seeded, clock):
    rng = random.Random(7)
    sim = enroll_sim(raw_client, seeded, clock)
    statuses = set()
    for n in range(250):
        items = [sim.payment("A1", 1000), sim.void({"id": "x", "currency": "DOP", "amount": 1000}), sim.drop(10), sim.shift_close()]
        batch = sim.batch(items)
        mutated = mutate(rng, batch)
        if rng.random() < 0.5 and isinstance(mutated, dict):
            mutated = dict(mutated, items=[mutate(rng, i) for i in items])
        raw = json.dumps(mutated).encode()
        key = mutated.get("batch_id") if isinstance(mutated, dict) and isinstance(mutated.get("batch_id"), str) else batch["batch_id"]
        r = sim.send(raw_client, batch, key=key, body=raw)
        check(r)
        statuses.add(r.status_code)
        if r.status_code == 200:
            for result in r.json()["results"]:
                statuses.add(result["status"])
    # the fuzzing reached the item judge, not only the envelope checks
    assert {200, 400, 422, "rejected"} <= statuses, statuses
