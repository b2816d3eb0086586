"""Opening the local store: engine, pragmas, migrations.

SQLite with journal_mode=WAL and synchronous=FULL (a payment whose commit
returned survives a power cut), foreign keys on.  The schema is made and
upgraded by Alembic on every start.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


def _on_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's BEGIN reach SQLite (pysqlite's own transaction
    # handling would defer it), and take the write lock at BEGIN so two
    # writers never deadlock halfway through a unit of work.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _on_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path | str) -> Engine:
    url = f"sqlite+pysqlite:///{path}"
    engine = create_engine(url)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_store(path: Path | str) -> tuple[Engine, sessionmaker[Session]]:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    migrate(engine)
    return engine, sessionmaker(engine, expire_on_commit=False)


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()
