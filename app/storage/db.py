"""Opening the local store: engine, pragmas, migrations.

SQLite with journal_mode=WAL and synchronous=FULL (a payment whose commit
returned survives a power cut), foreign keys on.  The schema is made and
upgraded by Alembic on every start.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import uuid
import weakref
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DomainError

log = logging.getLogger("ventanilla.store")


class StoreProblem(DomainError):
    """The local store cannot be opened as it is; the message says how to recover."""


RECOVERY = (
    "Restaure la última copia de seguridad (ventanilla restore --from ARCHIVO) o llame a soporte;"
    " la central conserva todo lo que esta caja ya sincronizó."
)
SENTINEL = "store.id"

MIGRATIONS = Path(__file__).with_name("migrations")
#: A safety net only: the Checkpointer keeps the WAL far below it, so no payment's
#: commit pays for a checkpoint (SQLite's default, 1,000 pages, made one commit in
#: sixty copy the WAL into the file: p99 5.5 ms and stalls up to 150 ms on a
#: 1,000,000-account store; off the commit path, p99 3.3 ms and at most 10 ms).
WAL_AUTOCHECKPOINT_PAGES = 10_000

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}",
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


#: Alembic loads its env.py and revision files through one module namespace, which is
#: not thread-safe (two stores migrating at once in one process: KeyError 'script').
_MIGRATING = threading.Lock()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent)."""
    cfg = alembic_config()
    with _MIGRATING, engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_store(path: Path | str) -> tuple[Engine, sessionmaker[Session]]:
    """Open (creating on first use) and migrate the store.

    A store that existed once is never silently replaced by an empty one: a
    sentinel next to it remembers it, and a missing, empty or damaged file
    stops the terminal with a message that says how to recover.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sentinel = path.with_name(SENTINEL)
    if sentinel.exists() and (not path.exists() or path.stat().st_size == 0):
        raise StoreProblem(
            "store_missing",
            f"Falta el archivo de datos de esta caja ({path}) o está vacío: no se abrirá una caja vacía. {RECOVERY}",
        )
    if path.exists() and path.stat().st_size > 0:
        _check_readable(path)
    engine = make_engine(path)
    try:
        migrate(engine)
    except (SADatabaseError, UnicodeDecodeError) as e:
        engine.dispose()
        why = e.orig if isinstance(e, SADatabaseError) else e
        raise StoreProblem("store_corrupt", f"El archivo de datos {path} está dañado ({why}). {RECOVERY}") from e
    if not sentinel.exists():
        sentinel.write_text(f"{uuid.uuid4()}\n", encoding="utf-8")
    _owner_only(path)
    return engine, sessionmaker(engine, expire_on_commit=False)


class Checkpointer:
    """Copies the WAL into the store file every few seconds, on its own thread.

    A ``PASSIVE`` checkpoint never waits for readers or writers, so the counter
    never waits for it either; what it could not copy now it copies next time.
    Each run opens the file read-write without creating it (a store deleted
    under a running terminal is not recreated empty).  The thread ends with
    ``stop()``, when the file is gone, or when ``owner`` (the store's engine)
    is no longer referenced.
    """

    def __init__(self, path: Path | str, owner: object, every_s: float = 2.0) -> None:
        self.path, self.every_s = Path(path), every_s
        self._owner = weakref.ref(owner)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.runs = 0

    def start(self) -> Checkpointer:
        self._thread = threading.Thread(target=self._loop, name="store-checkpoint", daemon=True)
        self._thread.start()
        return self

    def run_once(self) -> tuple[int, int, int]:
        """(busy, frames in the WAL, frames copied) as SQLite reports them."""
        con = sqlite3.connect(f"file:{self.path}?mode=rw", uri=True, isolation_level=None)
        try:
            busy, frames, copied = con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            con.close()
        self.runs += 1
        return busy, frames, copied

    def _loop(self) -> None:
        while not self._stop.wait(self.every_s) and self._owner() is not None:
            try:
                self.run_once()
            except sqlite3.Error as e:
                if not self.path.exists():
                    break
                log.warning("checkpoint of %s failed: %s", self.path, e)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(5)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


def _owner_only(path: Path) -> None:
    """The store holds the terminal secret: readable only by the user the app runs as."""
    if os.name != "posix":
        return  # on Windows the per-user AppData folder already is
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.exists():
            os.chmod(p, 0o600)


def _check_readable(path: Path) -> None:
    """Header, schema and the counters row readable.

    A full ``PRAGMA quick_check`` reads every page (seconds on a million
    accounts), so start-up does not run it: damage deeper in the file shows
    when a page is touched, and the unit of work turns it into this same
    message; ``ventanilla verify`` runs the full check.
    """
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            tables = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "terminal_state" in tables:
                con.execute("SELECT * FROM terminal_state").fetchall()
        finally:
            con.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:  # a damaged name or value is not UTF-8 either
        raise StoreProblem("store_corrupt", f"El archivo de datos {path} está dañado y no se puede abrir ({e}). {RECOVERY}") from e


def quick_check(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return "; ".join(r[0] for r in con.execute("PRAGMA quick_check(20)"))
    finally:
        con.close()


def backup_store(engine: Engine, target: Path) -> Path:
    """A consistent copy of the live store (SQLite's online backup), safe while the counter works."""
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(dest)
        finally:
            dest.close()
    finally:
        raw.close()
    return target


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()
