"""Fixtures for the central service: a migrated SQLite file per test, a fake clock,
enrolled scripted terminals, and (marked ``postgres``) a real PostgreSQL schema."""

from __future__ import annotations

import shutil
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
