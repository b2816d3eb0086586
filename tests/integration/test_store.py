"""The real store: SQLite file, real migrations, the unit of work."""

import json
import sqlite3
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.protocol import verify_chain
from app.services.journal import verify_audit
from app.storage.models import Base


def test_migrations_build_exactly_the_models_schema(terminal):
    with terminal.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # the FTS5 index and its shadow tables are made by raw SQL in the migration
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("account_names"))]
    assert diff == []


def test_store_pragmas(terminal):
    with terminal.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_cash_payment_lands_whole_in_one_transaction(seeded, session):
    account = "1000000004"
    view = seeded.counter.lookup_account(account)
    p = seeded.counter.take_cash_payment(session, account, view.balance + Money(Decimal("50"), "DOP"))
    con = sqlite3.connect(seeded.paths.store)
    assert con.execute("select amount_minor, receipt_no from payments").fetchall() == [(view.balance.to_minor(), 1)]
    assert con.execute("select sum(amount_minor) from allocations").fetchone()[0] == view.balance.to_minor()
    assert con.execute("select kind, change_minor from tenders").fetchall() == [("cash", 5000)]
    body = json.loads(con.execute("select body from outbox where item_id=?", (p.payment_id,)).fetchone()[0])
    assert body["amount"] == view.balance.to_minor() and body["tenders"][0]["received"] == view.balance.to_minor() + 5000
    assert con.execute("select balance_minor from accounts where account_id=?", (account,)).fetchone()[0] == 0
    assert con.execute("select action from audit_log order by id desc limit 1").fetchone()[0] == "payment"
    bodies = [json.loads(b) for (b,) in con.execute("select body from outbox order by seq")]
    assert verify_chain(bodies) is None


def test_a_failure_inside_the_unit_of_work_leaves_nothing(seeded, session, monkeypatch):
    con = sqlite3.connect(seeded.paths.store)
    counts = lambda: [con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("payments", "tenders", "outbox", "audit_log")]  # noqa: E731
    before = counts()
    import app.services.counter as counter_mod

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(counter_mod, "record_audit", boom)
    with pytest.raises(RuntimeError):
        seeded.counter.take_cash_payment(session, "1000000004", Money(Decimal("99999"), "DOP"))
    assert counts() == before
    assert con.execute("select last_receipt_no from terminal_state").fetchone()[0] == 0


def test_name_search_is_partial_and_ignores_accents_and_case(seeded):
    views = seeded.counter.search_name("nuñ")
    assert views and all("núñez" in v.account.name.lower() or "nuñ" in v.account.name.lower() for v in views)
    plain = {v.account.account_id for v in seeded.counter.search_name("NUNEZ")}
    assert plain == {v.account.account_id for v in seeded.counter.search_name("núñez")}
    two = seeded.counter.search_name("jose nu")
    assert all("jos" in v.account.name.lower() for v in two)


def test_search_syntax_cannot_break_the_name_index(seeded):
    for text in ['"', "a OR b", "NEAR(", "*", "ñ'); drop table accounts; --"]:
        try:
            seeded.counter.search(text)
        except DomainError as e:
            assert e.code in {"short_name", "empty_search", "bad_account_format", "unknown_account"}


def test_search_by_national_id(seeded):
    con = sqlite3.connect(seeded.paths.store)
    account_id, national_id = con.execute("select account_id, national_id from accounts limit 1").fetchone()
    result = seeded.counter.search(national_id)
    assert result.kind == "national_id" and account_id in {v.account.account_id for v in result.views}


def test_audit_log_is_append_only_in_the_store(seeded):
    con = sqlite3.connect(seeded.paths.store)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("update audit_log set action='x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("delete from audit_log")


def test_audit_chain_of_a_real_store_verifies(seeded, session):
    seeded.counter.take_cash_payment(session, "1000000004", Money(Decimal("99999"), "DOP"))
    with seeded.uow() as uow:
        assert verify_audit(uow.audit.all()) == []


def test_the_store_holding_the_secret_is_readable_only_by_its_user(terminal):
    import os
    import stat

    mode = stat.S_IMODE(os.stat(terminal.paths.store).st_mode)
    assert mode == 0o600


def test_migration_0003_backfills_the_waiting_amounts(seeded, session):
    from alembic import command

    from app.storage.db import alembic_config

    p = seeded.counter.take_cash_payment(session, "1000000004", Money(Decimal("99999"), "DOP"))
    cfg = alembic_config()
    with seeded.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    with seeded.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    con = sqlite3.connect(seeded.paths.store)
    assert con.execute("select amount_minor from outbox where item_id=?", (p.payment_id,)).fetchone() == (p.amount_minor,)
    assert con.execute("select amount_minor from outbox where type='shift_open'").fetchone() == (None,)
    with seeded.uow() as uow:
        assert uow.payments.unsynced() == (1, p.amount_minor)


def test_several_stores_open_at_once_in_one_process(tmp_path):
    """Alembic's loading is not thread-safe: open_store serialises the migration step."""
    from concurrent.futures import ThreadPoolExecutor

    from app.storage.db import open_store

    def open_one(n: int) -> list[str]:
        engine, _ = open_store(tmp_path / f"t{n}" / "store.db")
        try:
            with engine.connect() as conn:
                return [r[0] for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]
        finally:
            engine.dispose()

    with ThreadPoolExecutor(6) as pool:
        versions = list(pool.map(open_one, range(6)))
    assert len({tuple(v) for v in versions}) == 1 and len(versions[0]) == 1


def test_the_wal_is_copied_off_the_payment_path_and_the_thread_ends_with_the_terminal(seeded, session):
    from app.storage.db import WAL_AUTOCHECKPOINT_PAGES, Checkpointer

    cp = seeded.checkpointer
    assert cp is not None and cp.running
    with seeded.engine.connect() as conn:  # commits checkpoint only past this safety net
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == WAL_AUTOCHECKPOINT_PAGES
    from tests.integration.test_store_damage import some_payments

    some_payments(seeded, session, 20)
    busy, frames, copied = cp.run_once()
    assert busy == 0 and frames > 20 and copied == frames  # every frame copied, the counter never waited
    wal = seeded.paths.store.with_name("store.db-wal")
    seeded.close()
    assert not cp.running
    # a checkpointer never recreates a store that is gone
    gone = Checkpointer(wal.with_name("missing.db"), seeded.engine)
    with pytest.raises(sqlite3.OperationalError):
        gone.run_once()
    assert not wal.with_name("missing.db").exists()
