"""Enrolment and request signing (PROTOCOL.md, "Authentication")."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

from central import admin
from sync.wire import signing_string, sign_request


def test_an_enrolment_code_works_once_and_a_second_use_is_409(client, seeded):
    terminal_id, code = admin.add_terminal(seeded, "AG001", "Caja 1")
    first = client.post("/api/v1/terminals/enroll", json={"enrollment_code": code, "name": "Caja 2"})
    assert first.status_code == 201
    body = first.json()
    assert body["terminal_id"] == terminal_id and body["agent_id"] == "AG001"
    assert len(base64.b64decode(body["secret"])) == 32
    assert body["server_time"] == "2026-11-22T14:00:00Z"

    again = client.post("/api/v1/terminals/enroll", json={"enrollment_code": code, "name": "Caja 2"})
    assert again.status_code == 409
    assert again.json()["error"] == "enrollment_code_used"


def test_enrolment_code_is_typed_forgivingly_but_unknown_codes_are_401(client, seeded):
    _, code = admin.add_terminal(seeded, "AG001", "Caja 1")
    assert client.post("/api/v1/terminals/enroll", json={"enrollment_code": "AAAA-BBBB-CCCC-DDDD"}).status_code == 401
    lower = client.post("/api/v1/terminals/enroll", json={"enrollment_code": code.lower().replace("-", " ")})
    assert lower.status_code == 201


def test_enrolment_refuses_a_malformed_request_with_400(client):
    for body in (b"", b"[]", b'{"enrollment_code": 5}', b'{"code": "x"}', b"\xff\xfe"):
        r = client.post("/api/v1/terminals/enroll", content=body)
        assert r.status_code == 400, body
        assert r.json()["error"] == "invalid_request"


def test_a_signed_request_passes_and_the_signature_covers_method_path_time_and_body(client, sim, clock):
    assert sim.get(client, "/api/v1/policy").status_code == 200
    path = "/api/v1/snapshot/accounts?limit=2"
    headers = sim.headers("GET", path, b"")
    assert client.get(path, headers=headers).status_code == 200
    # the same headers on another query string, method or body do not verify
    assert client.get("/api/v1/snapshot/accounts?limit=3", headers=headers).status_code == 401
    assert client.request("GET", path, headers=headers, content=b"x").status_code == 401


def test_the_signing_string_is_exactly_the_protocol_one():
    body = b'{"a":1}'
    s = signing_string("post", "/api/v1/batches?x=1", "2026-11-22T14:03:07Z", body)
    assert s == (
        b"POST\n/api/v1/batches?x=1\n2026-11-22T14:03:07Z\n"
        b"015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"
    )
    secret = base64.b64encode(bytes(range(32))).decode()
    import hashlib
    import hmac

    assert sign_request(secret, "POST", "/api/v1/batches?x=1", "2026-11-22T14:03:07Z", body) == hmac.new(
        bytes(range(32)), s, hashlib.sha256
    ).hexdigest()


def test_missing_or_wrong_signature_is_401(client, sim):
    r = client.get("/api/v1/policy")
    assert r.status_code == 401 and r.json()["error"] == "missing_signature"

    headers = sim.headers("GET", "/api/v1/policy", b"")
    headers["X-Signature"] = "0" * 64
    r = client.get("/api/v1/policy", headers=headers)
    assert r.status_code == 401 and r.json()["error"] == "bad_signature"

    headers = sim.headers("GET", "/api/v1/policy", b"")
    headers["X-Terminal-Id"] = "AG001-T99"
    r = client.get("/api/v1/policy", headers=headers)
    assert r.status_code == 401 and r.json()["error"] == "unknown_terminal"


def test_a_timestamp_over_15_minutes_off_is_401_clock_skew_with_server_time(client, sim, clock):
    late = clock() - timedelta(minutes=16)
    r = client.get("/api/v1/policy", headers=sim.headers("GET", "/api/v1/policy", b"", now=late))
    assert r.status_code == 401
    body = r.json()
    assert body["error"] == "clock_skew" and body["server_time"] == "2026-11-22T14:00:00Z" and body["message"]
    within = clock() + timedelta(minutes=14)
    assert client.get("/api/v1/policy", headers=sim.headers("GET", "/api/v1/policy", b"", now=within)).status_code == 200


def test_a_disabled_terminal_gets_403(client, sim, seeded):
    admin.set_terminal_disabled(seeded, sim.terminal_id, True)
    r = sim.get(client, "/api/v1/policy")
    assert r.status_code == 403 and r.json()["error"] == "terminal_disabled"
    admin.set_terminal_disabled(seeded, sim.terminal_id, False)
    assert sim.get(client, "/api/v1/policy").status_code == 200


def test_a_terminal_may_not_send_another_terminals_items(client, make_sim):
    mine, other = make_sim(), make_sim(name="Caja 2")
    foreign = other.payment("A1", 1000)
    r = mine.send(client, mine.batch([foreign]))
    assert r.status_code == 403 and r.json()["error"] == "foreign_terminal"
    # nor an envelope in another terminal's name
    batch = mine.batch([mine.payment("A1", 1000)])
    batch["terminal_id"] = other.terminal_id
    r = mine.send(client, batch)
    assert r.status_code == 403 and r.json()["error"] == "foreign_terminal"


def test_health_needs_no_signature_and_every_error_is_json(client):
    r = client.get("/api/v1/health")
    assert r.status_code == 200 and r.json() == {"status": "ok", "server_time": "2026-11-22T14:00:00Z"}
    for method, path in (("GET", "/nope"), ("DELETE", "/api/v1/health"), ("PUT", "/api/v1/batches")):
        r = client.request(method, path)
        assert r.status_code in (404, 405)
        assert set(json.loads(r.content)) >= {"error", "message"}
