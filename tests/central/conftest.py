"""Fixtures for the central service: a migrated SQLite file per test, a fake clock,
enrolled scripted terminals, and (marked ``postgres``) a real PostgreSQL schema."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
import warnings
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from central import admin
from central.api import create_app
from central.db import make_engine, migrate
from tests.central.helpers import FakeClock, Sim

ACCOUNTS_CSV = """account_id,biller_id,name,national_id,segment,status,currency
A1,B1,Juan Pérez,001-0000001-1,residential,active,DOP
A2,B1,María Gómez,001-0000002-2,residential,active,DOP
A3,B2,Comercial Ñandú SRL,101-00003-3,business,judicial,DOP
"""

DOCUMENTS_CSV = """document_id,account_id,kind,issue_date,due_date,amount,currency
D-A1,A1,invoice,2026-10-01,2026-10-31,100.00,DOP
D-A1b,A1,invoice,2026-11-01,2026-11-30,50.50,DOP
D-A2,A2,installment,2026-09-01,2026-09-30,2000.00,DOP
D-A3,A3,invoice,2026-08-01,2026-08-31,999.99,DOP
"""


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("central-template") / "central.db"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture
def db_url(template_db: Path, tmp_path: Path) -> str:
    target = tmp_path / "central.db"
    shutil.copyfile(template_db, target)
    return f"sqlite:///{target}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Any]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def seeded(engine: Any, tmp_path: Path) -> Any:
    """An agent with debtor accounts and documents loaded."""
    admin.add_agent(engine, "AG001", "Estafeta Centro")
    admin.add_agent(engine, "AG002", "Colmado La Esquina")
    (tmp_path / "accounts.csv").write_text(ACCOUNTS_CSV, encoding="utf-8")
    (tmp_path / "documents.csv").write_text(DOCUMENTS_CSV, encoding="utf-8")
    assert admin.import_accounts(engine, tmp_path / "accounts.csv").applied
    assert admin.import_documents(engine, tmp_path / "documents.csv").applied
    return engine


@pytest.fixture
def client(db_url: str, seeded: Any, clock: FakeClock) -> Iterator[TestClient]:
    app = create_app(db_url, clock=clock)
    with TestClient(app) as c:
        yield c
    app.state.engine.dispose()


@pytest.fixture
def raw_client(db_url: str, seeded: Any, clock: FakeClock) -> Iterator[TestClient]:
    """A client that returns a server error as a response instead of raising it."""
    app = create_app(db_url, clock=clock)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.engine.dispose()


def enroll_sim(client: Any, engine: Any, clock: Callable[..., Any], agent: str = "AG001", name: str = "Caja") -> Sim:
    _, code = admin.add_terminal(engine, agent, name)
    r = client.post("/api/v1/terminals/enroll", json={"enrollment_code": code, "name": name})
    assert r.status_code == 201, r.text
    body = r.json()
    return Sim(body["terminal_id"], body["secret"], body["agent_id"], clock)


@pytest.fixture
def sim(client: TestClient, seeded: Any, clock: FakeClock) -> Sim:
    return enroll_sim(client, seeded, clock)


@pytest.fixture
def make_sim(client: TestClient, seeded: Any, clock: FakeClock) -> Callable[..., Sim]:
    return lambda agent="AG001", name="Caja": enroll_sim(client, seeded, clock, agent, name)


# -- PostgreSQL ----------------------------------------------------------------

PG_ROLE = "ventanilla_central_test"
PG_PASSWORD = "ventanilla_central_test"
PG_DB = "ventanilla_central_test"
LOCAL_PG_URL = f"postgresql+psycopg://{PG_ROLE}:{PG_PASSWORD}@127.0.0.1:5432/{PG_DB}"


def _can_connect(url: str) -> str | None:
    import psycopg

    try:
        dsn = url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as e:  # noqa: BLE001 - any failure means "not reachable"
        return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


def _start_local_cluster() -> str | None:
    """As root on Debian: start the packaged cluster and create our role and database."""
    if os.geteuid() != 0 or not shutil.which("pg_ctlcluster"):
        return "not root or no pg_ctlcluster"
    subprocess.run(["pg_ctlcluster", "15", "main", "start"], capture_output=True, timeout=60)

    def psql(sql: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["su", "postgres", "-c", f'psql -v ON_ERROR_STOP=1 -qAt -c "{sql}"'],
            capture_output=True,
            text=True,
            timeout=60,
        )

    exists = psql(f"SELECT 1 FROM pg_roles WHERE rolname='{PG_ROLE}'")
    if exists.returncode != 0:
        return exists.stderr.strip() or "psql failed"
    if exists.stdout.strip() != "1":
        psql(f"CREATE ROLE {PG_ROLE} LOGIN PASSWORD '{PG_PASSWORD}'")
    if psql(f"SELECT 1 FROM pg_database WHERE datname='{PG_DB}'").stdout.strip() != "1":
        psql(f"CREATE DATABASE {PG_DB} OWNER {PG_ROLE}")
    return None


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    url = os.environ.get("VENTANILLA_TEST_PG_URL")
    reasons = []
    if url:
        problem = _can_connect(url)
        if problem is None:
            return url
        reasons.append(f"VENTANILLA_TEST_PG_URL unreachable: {problem}")
    else:
        problem = _can_connect(LOCAL_PG_URL)
        if problem is None:
            return LOCAL_PG_URL
        started = _start_local_cluster()
        problem = _can_connect(LOCAL_PG_URL) if started is None else started
        if problem is None:
            return LOCAL_PG_URL
        reasons.append(f"no local PostgreSQL: {problem}")
    message = "PostgreSQL not reachable (" + "; ".join(reasons) + ")"
    # VENTANILLA_REQUIRE_PG=1 turns the skip into a failure (for a pipeline that must test PostgreSQL)
    if os.environ.get("VENTANILLA_REQUIRE_PG") == "1":
        pytest.fail(message + " and VENTANILLA_REQUIRE_PG=1 requires it")
    pytest.skip(message)


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """A fresh schema in the test database, migrated, dropped afterwards."""
    import psycopg

    schema = f"vc_{uuid.uuid4().hex[:12]}"
    dsn = pg_server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in pg_server_url else "?"
    url = f"{pg_server_url}{sep}options=-csearch_path%3D{schema}"
    if not url.startswith("postgresql+psycopg://"):
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    migrate(url)
    try:
        yield url
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
