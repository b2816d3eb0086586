"""The same code and migrations on a real PostgreSQL server."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select, text

from central import admin
from central.db import current_revision, make_engine
from central.ingest import BatchRefused, BatchRequest, _advisory_key, apply_batch
from central.models import Base
from sync.wire import batch_body_digest
from tests.central.helpers import FakeClock, Sim
from tests.central.test_ledger import _run

pytestmark = pytest.mark.postgres


def test_migrations_build_exactly_the_models_schema_on_postgres(pg_url):
    engine = make_engine(pg_url)
    try:
        assert current_revision(engine) == "0002"
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata) == []
    finally:
        engine.dispose()


def test_random_runs_keep_the_ledger_balanced_on_postgres(pg_url):
    _run(pg_url, seed=11, n_ops=60, n_terminals=3)


def test_a_batch_locked_by_another_session_answers_409(pg_url):
    engine = make_engine(pg_url)
    try:
        admin.add_agent(engine, "AG001", "Centro")
        terminal_id, _ = admin.add_terminal(engine, "AG001", "Caja")
        clock = FakeClock()
        sim = Sim(terminal_id, "", "AG001", clock)
        batch = sim.batch([sim.drop(100)])
        req = BatchRequest(terminal_id, "AG001", batch["batch_id"], batch_body_digest(batch), clock(), batch["items"])
        with engine.connect() as holder:
            holder.execute(select(func.pg_advisory_lock(_advisory_key(batch["batch_id"]))))
            with pytest.raises(BatchRefused) as refused:
                apply_batch(engine, req, clock())
            assert refused.value.status == 409
            holder.execute(select(func.pg_advisory_unlock(_advisory_key(batch["batch_id"]))))
            holder.commit()
        answer = apply_batch(engine, req, clock())
        assert [r["status"] for r in answer["results"]] == ["created"]
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM items")).scalar() == 1
    finally:
        engine.dispose()
