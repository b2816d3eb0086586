from datetime import datetime, timezone

import pytest

from app.services.auth import Argon2PinHasher
from app.storage.bulk import load_demo
from ventanilla.bootstrap import build_terminal
from ventanilla.paths import resolve


@pytest.fixture
def terminal(tmp_path):
    t = build_terminal(resolve(tmp_path), hasher=Argon2PinHasher.cheap())
    yield t
    t.close()


@pytest.fixture
def seeded(terminal):
    now = datetime.now(timezone.utc)
    load_demo(terminal.engine, 400, 7, now.date(), now, "DOP", 2)
    terminal.auth.add_user("ana", "Ana Cajera", "cashier", "1234")
    terminal.auth.add_user("sup", "Sonia Supervisora", "supervisor", "4321")
    return terminal


@pytest.fixture
def session(seeded):
    user = seeded.auth.login("ana", "1234")
    return seeded.shifts.open_shift(user, {100000: 2, 50000: 2})
