"""The card-number search of the intruder campaign finds what it looks for (it cannot pass by reading nothing)."""

import sqlite3

from tools.chaos.intruders import _readable, luhn_runs


def test_luhn_runs_finds_card_numbers_and_ignores_hashes_ids_and_dates():
    text = "pago 4111111111111111 ok; hash a4111111111111111f; cuenta 1000000004; 2026-11-22T14:03:07Z; 5500-0055-5555-5559"
    assert luhn_runs(text) == ["4111111111111111"]


def test_a_card_number_in_a_database_cell_is_found(tmp_path):
    db = tmp_path / "x.db"
    con = sqlite3.connect(db)
    con.execute("create table t (a text, b text)")
    con.execute("insert into t values ('1000000004', '2026-01-01')")  # glued together in the page: not a card
    con.execute("insert into t values ('motivo', '378282246310005')")
    con.commit()
    con.close()
    found = [run for text in _readable(db, db.read_bytes()) for run in luhn_runs(text)]
    assert found == ["378282246310005"]
