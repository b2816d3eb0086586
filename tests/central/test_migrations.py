"""Alembic builds exactly the models' schema, and running it again changes nothing."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from central.db import current_revision, make_engine, migrate
from central.models import Base


def test_migrations_build_the_models_schema_on_sqlite_and_are_idempotent(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    migrate(url)
    migrate(url)
    engine = make_engine(url)
    try:
        assert current_revision(engine) == "0002"
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata) == []
            assert dict(conn.exec_driver_sql("SELECT name, value FROM counters").all()) == {"ledger_seq": 0, "account_change": 0}
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()


def test_the_app_refuses_an_unmigrated_database_unless_asked_to_migrate(tmp_path):
    import pytest

    from central.api import create_app

    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    with pytest.raises(RuntimeError, match="central init"):
        create_app(url)
    app = create_app(url, migrate=True)
    engine = app.state.engine
    try:
        assert current_revision(engine) == "0002"
    finally:
        engine.dispose()
