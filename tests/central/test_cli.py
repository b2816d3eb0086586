"""``ventanilla central ...``: the admin commands."""

from __future__ import annotations

import re

import pytest

from sqlalchemy import text

from central.cli import default_db_url, main
from central.db import make_engine
from ventanilla.cli import main as ventanilla_main

ACCOUNTS = "account_id,biller_id,name,national_id,segment,status,currency\n"
DOCUMENTS = "document_id,account_id,kind,issue_date,due_date,amount,currency\n"


def query(url, sql):
    eng = make_engine(url)
    try:
        with eng.connect() as conn:
            return conn.execute(text(sql)).all()
    finally:
        eng.dispose()


def test_the_default_database_lives_in_ventanilla_home(monkeypatch, tmp_path):
    monkeypatch.setenv("VENTANILLA_HOME", str(tmp_path))
    assert default_db_url() == f"sqlite:///{tmp_path.resolve() / 'central.db'}"
    assert ventanilla_main(["central", "init"]) == 0
    assert (tmp_path / "central.db").exists()


def test_agents_and_terminals_and_the_enrolment_code_on_the_last_line(db_url, capsys):
    assert main(["init", "--db", db_url]) == 0
    assert main(["add-agent", "--db", db_url, "--id", "AG001", "--name", "Estafeta Centro"]) == 0
    assert main(["add-agent", "--db", db_url, "--id", "AG001", "--name", "again"]) == 1
    capsys.readouterr()
    assert main(["add-terminal", "--db", db_url, "--agent", "AG001", "--name", "Caja 1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", out[-1])
    assert query(db_url, "SELECT terminal_id, name FROM terminals") == [("AG001-T01", "Caja 1")]
    assert main(["add-terminal", "--db", db_url, "--agent", "NOPE", "--name", "Caja"]) == 1


def test_import_accounts_applies_good_files_and_updates_in_place(db_url, tmp_path, capsys):
    accounts, documents = tmp_path / "accounts.csv", tmp_path / "documents.csv"
    accounts.write_text(ACCOUNTS + "A1,B1,Juan,001,res,active,DOP\nA2,B1,Ana,002,res,active,CLP\n", encoding="utf-8")
    documents.write_text(DOCUMENTS + "D1,A1,invoice,2026-10-01,2026-10-31,1234.50,DOP\nD2,A2,invoice,2026-10-01,2026-10-31,5000,CLP\n",
                         encoding="utf-8")
    assert main(["import-accounts", "--db", db_url, "--accounts", str(accounts), "--documents", str(documents)]) == 0
    assert query(db_url, "SELECT account_id, balance FROM accounts ORDER BY 1") == [("A1", 123450), ("A2", 5000)]
    accounts.write_text(ACCOUNTS + "A1,B1,Juan Pablo,001,res,judicial,DOP\n", encoding="utf-8")
    documents.write_text(DOCUMENTS + "D1,A1,invoice,2026-10-01,2026-11-15,1000.00,DOP\n", encoding="utf-8")
    assert main(["import-accounts", "--db", db_url, "--accounts", str(accounts), "--documents", str(documents)]) == 0
    assert query(db_url, "SELECT account_id, name, status, balance FROM accounts ORDER BY 1") == [
        ("A1", "Juan Pablo", "judicial", 100000), ("A2", "Ana", "active", 5000)]
    assert query(db_url, "SELECT count(*) FROM documents") == [(2,)]


def test_bad_rows_are_reported_by_line_and_nothing_of_that_file_is_applied(db_url, tmp_path, capsys):
    accounts, documents = tmp_path / "accounts.csv", tmp_path / "documents.csv"
    accounts.write_text(ACCOUNTS + "A1,B1,Juan,001,res,active,DOP\n,B1,Nameless,,,active,DOP\nA3,B1,Ana,,,active,XXX\nA1,B1,Dup,,,active,DOP\n",
                        encoding="utf-8")
    assert main(["import-accounts", "--db", db_url, "--accounts", str(accounts)]) == 1
    err = capsys.readouterr().err
    assert "línea 3: La columna «account_id» está vacía; es obligatoria." in err
    assert "línea 4: No se reconoce la moneda «XXX»: escriba su código ISO de tres letras" in err
    assert "línea 5: La cuenta A1 ya está en la línea 2; cada cuenta va una sola vez." in err
    assert "  línea 2:" not in err
    assert query(db_url, "SELECT count(*) FROM accounts") == [(0,)]

    accounts.write_text(ACCOUNTS + "A1,B1,Juan,001,res,active,DOP\n", encoding="utf-8")
    documents.write_text(DOCUMENTS + "D1,A1,invoice,2026-10-01,2026-10-31,10.00,DOP\nD2,A1,invoice,2026-10-01,2026-10-31,10.001,DOP\n"
                         "D3,A9,invoice,2026-10-01,2026-10-31,1,DOP\nD4,A1,invoice,31/10/2026,2026-10-31,1,DOP\nD5,A1,invoice,2026-10-01,2026-10-31,1,USD\n",
                         encoding="utf-8")
    assert main(["import-accounts", "--db", db_url, "--accounts", str(accounts), "--documents", str(documents)]) == 1
    err = capsys.readouterr().err
    for line, said in ((3, "Los montos en DOP llevan como máximo 2 decimales; «10.001» tiene más."),
                       (4, "La cuenta A9 no existe en la central: impórtela primero (en el archivo de cuentas)."),
                       (5, "La fecha «issue_date» se escribe AAAA-MM-DD, por ejemplo 2026-11-23 (dice «31/10/2026»)."),
                       (6, "La moneda USD no es la de la cuenta A1, que está en DOP.")):
        assert f"línea {line}: {said}" in err
    assert "  línea 2:" not in err
    assert query(db_url, "SELECT count(*) FROM accounts") == [(1,)]
    assert query(db_url, "SELECT count(*) FROM documents") == [(0,)]


def test_a_file_with_missing_columns_is_refused(db_url, tmp_path, capsys):
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("account_id,name\nA1,Juan\n", encoding="utf-8")
    assert main(["import-accounts", "--db", db_url, "--accounts", str(accounts)]) == 1
    assert ("línea 1: Faltan las columnas «biller_id», «national_id», «segment», «status», «currency». La primera línea del "
            "archivo debe ser «account_id,biller_id,name,national_id,segment,status,currency».") in capsys.readouterr().err


def test_set_policy_stores_toml_with_an_increasing_version(db_url, tmp_path, capsys):
    main(["add-agent", "--db", db_url, "--id", "AG001", "--name", "Centro"])
    policy = tmp_path / "policy.toml"
    policy.write_text('[offline]\nmax_payment = 500000\n[tenders]\ncheque = false\n', encoding="utf-8")
    assert main(["set-policy", "--db", db_url, "--agent", "AG001", str(policy)]) == 0
    assert main(["set-policy", "--db", db_url, "--agent", "AG001", str(policy)]) == 0
    assert "versión 2 de la política vigente para el agente AG001" in capsys.readouterr().out
    policy.write_text("not = [valid", encoding="utf-8")
    assert main(["set-policy", "--db", db_url, "--agent", "AG001", str(policy)]) == 1
    assert query(db_url, "SELECT max(version) FROM policies") == [(2,)]


def test_a_deposit_posts_balanced_entries_and_the_trial_balance_says_so(db_url, capsys):
    main(["add-agent", "--db", db_url, "--id", "AG001", "--name", "Centro"])
    assert main(["record-deposit", "--db", db_url, "--agent", "AG001", "--currency", "DOP", "--amount", "1500.25"]) == 0
    assert query(db_url, "SELECT account_code, debit, credit FROM entries ORDER BY id") == [("1050", 150025, 0), ("1040", 0, 150025)]
    capsys.readouterr()
    assert main(["trial-balance", "--db", db_url]) == 0
    assert main(["record-deposit", "--db", db_url, "--agent", "AG001", "--currency", "DOP", "--amount", "1,5"]) == 1


def test_a_documents_file_with_only_its_header_applies_nothing_and_touches_nothing(db_url, tmp_path):
    accounts, documents = tmp_path / "accounts.csv", tmp_path / "documents.csv"
    accounts.write_text(ACCOUNTS + "A1,B1,Juan,001,res,active,DOP\n", encoding="utf-8")
    assert main(["import-accounts", "--db", db_url, "--accounts", str(accounts)]) == 0
    before = query(db_url, "SELECT account_id, balance, change_seq, updated_at FROM accounts")
    documents.write_text(DOCUMENTS, encoding="utf-8")  # found by the long bad-input campaign: this raised a StatementError
    assert main(["import-accounts", "--db", db_url, "--documents", str(documents)]) == 0
    assert query(db_url, "SELECT account_id, balance, change_seq, updated_at FROM accounts") == before
    assert query(db_url, "SELECT count(*) FROM documents") == [(0,)]


def test_the_help_speaks_spanish_and_keeps_the_command_and_option_names(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("uso: ventanilla central")
    assert "Administración de la central" in out and "muestra esta ayuda y termina" in out
    words = " ".join(out.split())  # argparse wraps to the terminal's width
    assert "add-terminal da de alta una terminal e imprime su código de alta de un solo uso" in words
    assert "usage:" not in out and "show this help" not in out
    with pytest.raises(SystemExit) as done:
        main(["import-accounts", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    words = " ".join(out.split())
    assert out.startswith("uso: ventanilla central import-accounts")
    assert "--accounts CSV archivo de cuentas, con las columnas account_id" in words
    assert "opciones:" in out and "--db URL dirección de la base de datos" in words


def test_argparse_complaints_are_spanish_too(capsys):
    with pytest.raises(SystemExit) as done:
        main(["add-agent", "--id", "AG001"])
    assert done.value.code == 2
    assert "error: faltan argumentos obligatorios: --name" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["windows", "--state", "CERRADA"])
    assert "argumento --state: 'CERRADA' no es válido (elija entre 'OPEN', 'CLOSED', 'RECONCILED')" in capsys.readouterr().err


def test_agent_and_terminal_lines_are_spanish_and_the_code_stays_alone_on_the_last_line(db_url, capsys):
    assert main(["init", "--db", db_url]) == 0
    assert capsys.readouterr().out.startswith("base de datos de la central lista: sqlite:///")
    assert main(["add-agent", "--db", db_url, "--id", "AG001", "--name", "Estafeta Centro"]) == 0
    assert capsys.readouterr().out == "agente AG001 (Estafeta Centro) dado de alta\n"
    assert main(["add-terminal", "--db", db_url, "--agent", "AG001", "--name", "Caja 1"]) == 0
    first, second, code = capsys.readouterr().out.splitlines()
    assert first == "terminal AG001-T01 (Caja 1) dada de alta en el agente AG001"
    assert second.startswith("código de alta de un solo uso (se muestra solo esta vez")
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert main(["disable-terminal", "--db", db_url, "--terminal", "AG001-T01"]) == 0
    assert capsys.readouterr().out == "terminal AG001-T01 deshabilitada\n"
    assert main(["gaps", "--db", db_url]) == 0
    assert main(["exceptions", "--db", db_url]) == 0
    assert capsys.readouterr().out == "sin huecos: no falta ningún seq\nno hay excepciones abiertas\n"


def test_the_trial_balance_names_every_ledger_account_in_spanish(db_url, capsys):
    from central.cli import _ACCOUNT_NAMES
    from central.ledger import CHART

    assert set(_ACCOUNT_NAMES) == set(CHART)  # a new ledger account needs its Spanish name here
    main(["add-agent", "--db", db_url, "--id", "AG001", "--name", "Centro"])
    main(["record-deposit", "--db", db_url, "--agent", "AG001", "--currency", "DOP", "--amount", "1500.25"])
    assert capsys.readouterr().out.splitlines()[-1].startswith("depósito contabilizado en el asiento deposit:")
    assert main(["trial-balance", "--db", db_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["1040", "Caja", "fuerte", "/", "efectivo", "en", "tránsito", "(por", "agente)", "DOP", "0", "150025"]
    assert lines[1].startswith("1050 Depósitos en banco (por agente)") and lines[-1].split() == ["total", "150025", "150025"]
