"""What the terminal does when its store or settings are damaged, edited or full."""

import os
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.domain.money import Money
from app.services.auth import Argon2PinHasher
from app.services.integrity import StoreTampered
from app.storage.db import StoreProblem
from ventanilla.bootstrap import build_terminal
from ventanilla.paths import resolve

ROOT = Path(__file__).resolve().parents[2]


def reopen(home):
    return build_terminal(resolve(home), hasher=Argon2PinHasher.cheap())


def cli(home, *args):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VENTANILLA_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "ventanilla", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def some_payments(t, session, n=3):
    con = sqlite3.connect(t.paths.store)
    accounts = [r[0] for r in con.execute(
        "select account_id from accounts where status='active' and biller_id != 'LUZ' and balance_minor > 200000 limit ?", (n,))]
    m = Money(Decimal("600.00"), "DOP")
    return [t.counter.take_cash_payment(session, a, m, m) for a in accounts]


def test_an_edited_payment_row_stops_the_terminal_at_start_up_and_verify_names_it(seeded, session):
    paid = some_payments(seeded, session)
    home = seeded.paths.data_dir
    seeded.close()
    with sqlite3.connect(home / "store.db") as con:
        con.execute("update payments set amount_minor = 100 where receipt_no = 2")
    with pytest.raises(StoreTampered) as e:
        reopen(home)
    assert "recibo N° 2" in e.value.message and "alterado" in e.value.message
    r = cli(home, "verify")
    assert r.returncode == 1 and "payment_differs" in r.stdout and "recibo N° 2" in r.stdout
    r = cli(home, "seed-demo", "--accounts", "1")
    assert r.returncode == 1 and "fueron alterados" in r.stderr and "Traceback" not in r.stderr
    assert paid[1].receipt_no == 2


def test_an_edited_item_breaks_the_chain_and_nothing_is_sent(seeded, session):
    some_payments(seeded, session)
    home = seeded.paths.data_dir
    seeded.close()
    with sqlite3.connect(home / "store.db") as con:
        con.execute("update outbox set body = replace(body, '\"amount\":60000', '\"amount\":6000') where seq = 3")
    with pytest.raises(StoreTampered):
        reopen(home)
    r = cli(home, "verify")
    assert r.returncode == 1 and "broken_chain" in r.stdout


def test_a_payment_row_added_by_hand_is_found(seeded, session):
    (p,) = some_payments(seeded, session, 1)
    home = seeded.paths.data_dir
    seeded.close()
    with sqlite3.connect(home / "store.db") as con:
        con.execute(
            "insert into payments select 'fake-id', 99, 999, shift_id, cashier_id, account_id, account_name, biller_id, currency,"
            " amount_minor, discount_minor, balance_before_minor, balance_as_of, offline, occurred_at, business_date, status,"
            " print_count from payments where payment_id = ?", (p.payment_id,))
    with pytest.raises(StoreTampered) as e:
        reopen(home)
    assert "99" in e.value.message


def test_a_clean_store_verifies_and_start_up_moves_the_checkpoint(seeded, session):
    some_payments(seeded, session)
    home = seeded.paths.data_dir
    seeded.close()
    r = cli(home, "verify")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "problemas: 0" in r.stdout and "archivo: ok" in r.stdout


def test_a_damaged_store_file_says_what_is_wrong_and_how_to_recover(tmp_path):
    t = reopen(tmp_path)
    t.close()
    store = tmp_path / "store.db"
    for suffix in ("-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    data = bytearray(store.read_bytes())
    data[0:16] = b"this is not sql!"
    store.write_bytes(bytes(data))
    with pytest.raises(StoreProblem) as e:
        reopen(tmp_path)
    assert e.value.code == "store_corrupt" and "ventanilla restore" in e.value.message and "central" in e.value.message
    r = cli(tmp_path, "user", "list")
    assert r.returncode == 1 and "dañado" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("damage", [
    # a byte changed inside a value: the page is sound, the value is not one this program writes
    "update outbox set created_at = replace(created_at, '-', 'a') where seq = 2",
    "update outbox set body = cast(x'7b22ff22' as text) where seq = 2",
    "update terminal_state set terminal_id = cast(x'c3' as text)",
])
def test_a_value_damaged_inside_a_sound_page_stops_the_terminal_with_the_remedy(seeded, session, damage):
    some_payments(seeded, session)
    home = seeded.paths.data_dir
    seeded.close()
    with sqlite3.connect(home / "store.db") as con:
        con.execute(damage)
    with pytest.raises(StoreProblem) as e:
        reopen(home)
    assert e.value.code == "store_corrupt"
    assert "dañad" in e.value.message and "ventanilla restore" in e.value.message


def test_a_missing_store_never_opens_as_an_empty_terminal(seeded):
    home = seeded.paths.data_dir
    seeded.close()
    for name in ("store.db", "store.db-wal", "store.db-shm"):
        (home / name).unlink(missing_ok=True)
    with pytest.raises(StoreProblem) as e:
        reopen(home)
    assert e.value.code == "store_missing" and "no se abrirá una caja vacía" in e.value.message
    assert not (home / "store.db").exists()


def test_backup_and_restore_bring_the_store_back(seeded, session):
    paid = some_payments(seeded, session)
    home = seeded.paths.data_dir
    r = cli(home, "backup", "--out", str(home / "b.db"))
    assert r.returncode == 0, r.stderr
    seeded.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{home / 'store.db'}{suffix}").unlink(missing_ok=True)
    (home / "store.db").write_bytes(b"garbage" * 100)
    assert cli(home, "user", "list").returncode == 1
    r = cli(home, "restore", "--from", str(home / "b.db"))
    assert r.returncode == 0, r.stderr
    t = reopen(home)
    try:
        assert t.counter.payment_by_receipt(3).payment_id == paid[2].payment_id
    finally:
        t.close()
    assert list(home.glob("store-damaged-*.db")), "the damaged file is kept aside"


def test_a_full_disk_refuses_the_payment_whole_with_a_clear_message(seeded, session):
    some_payments(seeded, session, 1)
    con = sqlite3.connect(seeded.paths.store)
    before = [con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("payments", "outbox", "audit_log")]
    # the store may not grow any more: what a full disk looks like to SQLite
    from sqlalchemy import event

    @event.listens_for(seeded.engine, "connect")
    def cap(dbapi, _):
        (pages,) = dbapi.execute("PRAGMA page_count").fetchone()
        dbapi.execute(f"PRAGMA max_page_count = {pages}")

    seeded.engine.dispose()
    with pytest.raises(DomainError) as e:
        for _ in range(50):  # until a page must be added
            some_payments(seeded, session, 1)
    assert e.value.code == "disk_full" and "No reciba el dinero" in e.value.message
    after = [con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("payments", "outbox", "audit_log")]
    receipts = [r for (r,) in con.execute("select receipt_no from payments order by receipt_no")]
    assert receipts == list(range(1, len(receipts) + 1)) and after[0] == after[1] - 1 - (before[1] - 1 - before[0])


def test_a_broken_settings_file_is_named_with_the_fix(tmp_path):
    (tmp_path / "settings.toml").write_text('currency = "DOP"\nprinter = \n', encoding="utf-8")
    r = cli(tmp_path, "user", "list")
    assert r.returncode == 1 and "settings.toml" in r.stderr and "Traceback" not in r.stderr
