"""Reading from central: account lookup, snapshot deltas, policy, OpenAPI."""

from __future__ import annotations

from central import admin


def test_account_lookup_shows_open_documents_oldest_first_and_fresh_balance(client, sim):
    r = sim.get(client, "/api/v1/accounts/A1")
    assert r.status_code == 200
    body = r.json()
    assert body["balance"] == 15050 and body["name"] == "Juan Pérez" and body["as_of"] == "2026-11-22T14:00:00Z"
    assert [d["document_id"] for d in body["documents"]] == ["D-A1", "D-A1b"]
    sim.send(client, sim.batch([sim.payment("A1", 10000, allocations=[("D-A1", 10000)])]))
    body = sim.get(client, "/api/v1/accounts/A1").json()
    assert body["balance"] == 5050 and [d["document_id"] for d in body["documents"]] == ["D-A1b"]


def test_an_unknown_account_is_404(client, sim):
    r = sim.get(client, "/api/v1/accounts/NOPE")
    assert r.status_code == 404 and r.json()["error"] == "unknown_account"
    assert sim.get(client, "/api/v1/accounts/" + "x" * 300).status_code == 404


def _walk(client, sim, cursor="", limit=2):
    seen, pages = [], 0
    while True:
        r = sim.get(client, f"/api/v1/snapshot/accounts?cursor={cursor}&limit={limit}")
        assert r.status_code == 200
        page = r.json()
        seen += [a["account_id"] for a in page["accounts"]]
        cursor = page["next_cursor"]
        pages += 1
        if not page["has_more"]:
            return seen, cursor, pages


def test_the_snapshot_pages_through_every_account_then_returns_only_changes(client, sim):
    seen, cursor, pages = _walk(client, sim)
    assert sorted(seen) == ["A1", "A2", "A3"] and pages == 2
    again, cursor2, _ = _walk(client, sim, cursor)
    assert again == [] and cursor2 == cursor
    sim.send(client, sim.batch([sim.payment("A2", 500, allocations=[("D-A2", 500)])]))
    changed, cursor3, _ = _walk(client, sim, cursor)
    assert changed == ["A2"]
    r = sim.get(client, f"/api/v1/snapshot/accounts?cursor={cursor3}")
    assert r.json()["accounts"] == []


def test_a_re_import_reaches_the_snapshot_as_a_change(client, sim, seeded, tmp_path):
    _, cursor, _ = _walk(client, sim)
    (tmp_path / "a.csv").write_text(
        "account_id,biller_id,name,national_id,segment,status,currency\nA3,B2,Comercial Ñandú SRL,101-00003-3,business,written_off,DOP\n",
        encoding="utf-8",
    )
    assert admin.import_accounts(seeded, tmp_path / "a.csv").applied
    r = sim.get(client, f"/api/v1/snapshot/accounts?cursor={cursor}").json()
    assert [(a["account_id"], a["status"], a["balance"]) for a in r["accounts"]] == [("A3", "written_off", 99999)]


def test_bad_cursor_or_limit_is_400(client, sim):
    for query, code in (("cursor=garbage!", "invalid_cursor"), ("cursor=WzEsMl0", "invalid_cursor"),
                        ("limit=0", "invalid_limit"), ("limit=5001", "invalid_limit"), ("limit=abc", "invalid_limit"),
                        ("limit=%C2%B9", "invalid_limit")):  # "¹": isdigit() but not int() (a 500 found by the long fuzz)
        r = sim.get(client, f"/api/v1/snapshot/accounts?{query}")
        assert r.status_code == 400 and r.json()["error"] == code, query
    assert sim.get(client, "/api/v1/snapshot/accounts?limit=5000").status_code == 200


def test_the_policy_endpoint_serves_the_agents_latest_version(client, make_sim, seeded):
    sim, other = make_sim(), make_sim(agent="AG002")
    assert sim.get(client, "/api/v1/policy").json()["version"] == 0
    assert admin.set_policy(seeded, "AG001", 'name = "v1"\n[offline]\nmax_payment = 500000\n') == 1
    assert admin.set_policy(seeded, "AG001", 'name = "v2"\n') == 2
    body = sim.get(client, "/api/v1/policy").json()
    assert body["version"] == 2 and body["policy"] == {"name": "v2"} and body["agent_id"] == "AG001"
    assert other.get(client, "/api/v1/policy").json()["version"] == 0


def test_the_openapi_document_describes_the_batch_schema(client):
    doc = client.get("/openapi.json").json()
    assert "/api/v1/batches" in doc["paths"] and "/api/v1/snapshot/accounts" in doc["paths"]
    schemas = doc["components"]["schemas"]
    assert {"BatchDoc", "PaymentItem", "CashTender", "ItemResult", "ErrorBody"} <= set(schemas)
    body = doc["paths"]["/api/v1/batches"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/BatchDoc"}
    assert set(doc["paths"]["/api/v1/batches"]["post"]["responses"]) >= {"200", "400", "401", "403", "409", "413", "422"}
