"""The shortcuts ingest takes must give exactly what the plain code gives.

Each item's canonical JSON is computed once and reused for the batch digest, the
item's hash check and its stored body; the surrogate and NUL checks look at the
raw body first; rows go to the database through the driver's executemany.
"""

from __future__ import annotations

import json
import random

import pytest

from sync.wire import (
    batch_body_digest,
    batch_digest_from_texts,
    canonical_json,
    canonical_text,
    item_problem,
    loads_strict,
    may_hold_nul,
    seal,
)
from sqlalchemy import text as sql_text

from tests.central.helpers import FakeClock, Sim


def rows(engine, sql):
    with engine.connect() as conn:
        return conn.execute(sql_text(sql)).all()


def _sim() -> Sim:
    return Sim("AG001-T01", "", "AG001", FakeClock())


def _items(sim: Sim) -> list[dict]:
    return [
        sim.shift_open(100000),
        sim.payment("A1", 5000),
        sim.payment("Ñandú-\u00e9\U0001f600", 700, tenders=[{"kind": "card", "amount": 700, "brand": "Visa ñ", "last4": "4242",
                                                           "auth_code": 'a"hash":"x', "terminal_ref": "\\"}]),
        sim.drop(20000),
        sim.shift_close(over_short={"cash": -300}),
    ]


def test_digest_from_texts_is_the_digest():
    sim = _sim()
    batch = sim.batch(_items(sim))
    texts = [canonical_text(it) for it in batch["items"]]
    assert batch_digest_from_texts(batch, texts) == batch_body_digest(batch)
    # anything off the wire: floats, nesting, non-ASCII, odd keys
    rng = random.Random(3)
    for _ in range(50):
        items = [{"id": str(rng.random()), "x": [1.5, {"é": None, "b": True}], "a": {"z": 1, "\U0001f600": "ñ"}}
                 for _ in range(rng.randint(1, 5))]
        env = {"batch_id": "b-é", "terminal_id": "T", "sent_at": "x", "items": items,
               "control": {"count": 1, "amount_total": 2.5, "first_seq": 1, "last_seq": 1}}
        assert batch_digest_from_texts(env, [canonical_text(i) for i in items]) == batch_body_digest(env)
    odd = {"batch_id": "b", "items": [], "extra": 1}
    assert batch_digest_from_texts(odd, []) == batch_body_digest(odd)


def test_canonical_text_is_canonical_json():
    sim = _sim()
    for it in _items(sim):
        assert canonical_text(it) == canonical_json(it)


def test_item_problem_with_text_agrees():
    sim = _sim()
    items = _items(sim)
    bad_hash = dict(items[1], amount=5001)
    wrong = dict(items[1], hash="0" * 64)
    resealed = seal(dict(items[2], cashier_id='c"hash":"' + items[2]["hash"] + '",'), items[2]["prev_hash"])
    for it in items + [bad_hash, wrong, resealed, {"id": "x"}, dict(items[1], amount=1.0)]:
        assert item_problem(it, text=canonical_text(it)) == item_problem(it)
    assert item_problem(items[1], text=canonical_text(items[1])) is None
    assert item_problem(bad_hash, text=canonical_text(bad_hash)).reason == "broken_chain"


@pytest.mark.parametrize(
    "raw, ok",
    [
        (b'{"a": "\\ud800"}', False),
        (b'{"a": "\\uD800"}', False),
        (b'{"a": "\\udfff"}', False),
        (b'{"\\udc00": 1}', False),
        (b'{"a": "\\ud83d\\ude00"}', True),
        (b'{"a": "\\\\ud800"}', True),
        (b'{"a": "\\u00e9 \xc3\xa9"}', True),
        (b'{"a": NaN}', False),
        (b'{"a": "\xed\xa0\x80"}', False),
    ],
)
def test_loads_strict_refuses_lone_surrogates(raw, ok):
    for body in (raw, raw.decode("utf-8", "surrogatepass")):
        if ok:
            assert loads_strict(body) == json.loads(raw.decode("utf-8"))
        else:
            with pytest.raises(ValueError):
                loads_strict(body)


def test_nul_only_from_an_escape():
    assert may_hold_nul(b'{"a": "x\\u0000"}')
    assert not may_hold_nul(b'{"a": "x\\u00e9"}')
    with pytest.raises(ValueError):
        json.loads(b'{"a": "x\x00"}')
    sim = _sim()
    item = sim.payment("A1", 5000, cashier_id="C\x0001")
    assert item_problem(item).detail == "a text field holds a NUL character"
    assert item_problem(item, text=canonical_text(item), nul_possible=True) == item_problem(item)


def test_a_nul_sent_over_the_wire_is_still_refused(client, sim):
    item = sim.payment("A1", 100, cashier_id="C\x0001")
    answer = sim.send(client, sim.batch([item])).json()["results"][0]
    assert answer["status"] == "rejected" and answer["reason"] == "schema_invalid"


def test_rows_are_stored_as_the_orm_stores_them(client, sim, seeded):
    from datetime import datetime, timezone

    from sqlalchemy import select

    from central.models import Entry, Item, Tender

    items = [sim.shift_open(100000), sim.payment("A1", 5000, offline=True), sim.drop(20000)]
    assert [r["status"] for r in sim.send(client, sim.batch(items)).json()["results"]] == ["created"] * 3
    raw = rows(seeded, "SELECT occurred_at, recorded_at, offline, body FROM items ORDER BY ledger_seq")
    # SQLAlchemy's own SQLite DATETIME text, naive UTC; booleans as 0/1; the canonical body
    assert raw[1][0] == "2026-11-22 14:00:00.000000" and raw[1][1] == "2026-11-22 14:00:00.000000"
    assert [r[2] for r in raw] == [0, 1, 0]
    assert [r[3] for r in raw] == [canonical_json(i) for i in items]
    with seeded.connect() as conn:
        item = conn.execute(select(Item).where(Item.id == items[1]["id"])).one()
        assert item.occurred_at == datetime(2026, 11, 22, 14, tzinfo=timezone.utc) and item.offline is True
        created = conn.execute(select(Entry.created_at)).scalars().all()
        assert created and all(c == datetime(2026, 11, 22, 14, tzinfo=timezone.utc) for c in created)
        assert conn.execute(select(Tender.kind, Tender.amount)).all() == [("cash", 5000)]


@pytest.mark.postgres
def test_postgres_copy_stores_and_fails_like_sqlalchemy(pg_url):
    """COPY rows read back as the ORM's; a duplicate item id is SQLAlchemy's IntegrityError
    (apply_batch turns it into 409), and the transaction is rolled back."""
    from datetime import datetime, timezone

    from sqlalchemy import select
    from sqlalchemy.exc import IntegrityError

    from central import admin
    from central.db import make_engine
    from central.ingest import BatchRefused, BatchRequest, _Apply, apply_batch, items_t
    from central.models import Item

    engine = make_engine(pg_url)
    try:
        admin.add_agent(engine, "AG001", "Centro")
        terminal_id, _ = admin.add_terminal(engine, "AG001", "Caja")
        clock = FakeClock()
        sim = Sim(terminal_id, "", "AG001", clock)
        first = sim.drop(100)
        batch = sim.batch([first])
        req = BatchRequest(terminal_id, "AG001", batch["batch_id"], batch_body_digest(batch), clock(), batch["items"])
        assert [r["status"] for r in apply_batch(engine, req, clock())["results"]] == ["created"]
        with engine.connect() as conn:
            item = conn.execute(select(Item)).one()
            assert item.occurred_at == datetime(2026, 11, 22, 14, tzinfo=timezone.utc) and item.offline is False
            assert item.body == canonical_json(first)
            stored = dict(conn.execute(select(items_t)).mappings().one())
        with pytest.raises(IntegrityError):
            with engine.begin() as conn:
                apply = _Apply(conn, req, clock(), [], [])
                apply._insert(items_t, [dict(stored, ledger_seq=99, seq=99)])
        with engine.connect() as conn:
            assert conn.execute(sql_text("SELECT count(*) FROM items")).scalar() == 1
        # the same race through apply_batch: the stored row is hidden from the prefetch
        second = sim.drop(50)
        batch2 = sim.batch([second])
        req2 = BatchRequest(terminal_id, "AG001", batch2["batch_id"], batch_body_digest(batch2), clock(), batch2["items"])
        with engine.begin() as conn:
            conn.execute(items_t.insert(), [dict(stored, ledger_seq=1000, id=second["id"], seq=1000)])
        real = _Apply._prefetch

        def blind(self):
            real(self)
            self.stored.pop(second["id"], None)

        _Apply._prefetch = blind
        try:
            with pytest.raises(BatchRefused) as refused:
                apply_batch(engine, req2, clock())
            assert refused.value.status == 409
        finally:
            _Apply._prefetch = real
    finally:
        engine.dispose()

