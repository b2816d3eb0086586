"""The ventanilla command line, as a subprocess on a real data dir."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(home: Path, *args: str, pin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VENTANILLA_HOME": str(home)}
    env.pop("VENTANILLA_PIN", None)
    if pin:
        env["VENTANILLA_PIN"] = pin
    return subprocess.run([sys.executable, "-m", "ventanilla", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_seed_demo_then_refuses_to_seed_twice(tmp_path):
    r = run(tmp_path, "seed-demo", "--accounts", "300", "--seed", "4")
    assert r.returncode == 0, r.stderr
    assert "300 cuentas" in r.stdout
    assert sqlite3.connect(tmp_path / "store.db").execute("select count(*) from accounts").fetchone()[0] == 300
    r = run(tmp_path, "seed-demo", "--accounts", "300")
    assert r.returncode == 1 and "ya tiene cuentas" in r.stderr and "Traceback" not in r.stderr


def test_data_dir_flag_and_env_var_both_place_the_store(tmp_path):
    env_home, flag_home = tmp_path / "env", tmp_path / "flag"
    assert run(env_home, "--data-dir", str(flag_home), "seed-demo", "--accounts", "10").returncode == 0
    assert (flag_home / "store.db").exists() and not (env_home / "store.db").exists()


def test_bad_input_gets_one_spanish_line_and_no_trace(tmp_path):
    r = run(tmp_path, "user", "add", "--id", "ana", "--name", "Ana", "--role", "cashier", "--pin", "12ab")
    assert r.returncode == 1
    assert r.stderr.strip() == "error: El PIN debe tener de 4 a 8 dígitos."
    r = run(tmp_path, "seed-demo", "--accounts", "0")
    assert r.returncode == 1 and "Traceback" not in r.stderr and "entre 1 y" in r.stderr
    (tmp_path / "settings.toml").write_text('currency = "XXX"\n')
    r = run(tmp_path, "user", "list")
    assert r.returncode == 1 and "no está configurada" in r.stderr and "Traceback" not in r.stderr


def test_audit_verify_detects_an_edited_and_a_deleted_entry(tmp_path):
    for uid in ("ana", "beto", "carla"):
        assert run(tmp_path, "user", "add", "--id", uid, "--name", uid.title(), "--role", "cashier", "--pin", "1234").returncode == 0
    r = run(tmp_path, "audit", "verify")
    assert r.returncode == 0 and "3 entradas" in r.stdout

    db = sqlite3.connect(tmp_path / "store.db")
    # someone with the file and a SQLite shell: drop the guards, edit entry 2
    db.execute("drop trigger audit_log_no_update")
    db.execute("drop trigger audit_log_no_delete")
    db.execute("update audit_log set detail = replace(detail, 'beto', 'eve') where id = 2")
    db.commit()
    r = run(tmp_path, "audit", "verify")
    assert r.returncode == 1
    assert r.stdout.splitlines() == ["entrada 2: edited: La entrada 2 (user_added) fue modificada después de escrita."]

    db.execute("update audit_log set detail = replace(detail, 'eve', 'beto') where id = 2")
    db.execute("delete from audit_log where id = 2")
    db.commit()
    r = run(tmp_path, "audit", "verify")
    assert r.returncode == 1 and r.stdout.startswith("entrada 2: deleted")


def test_printer_test_page_to_a_file_and_clear_failures(tmp_path):
    from printing.decode import decode_escpos

    target = tmp_path / "page.bin"
    r = run(tmp_path, "printer", "test", "--printer", f"file://{target}", "--profile", "58mm")
    assert r.returncode == 0, r.stderr
    job = decode_escpos(target.read_bytes())
    text = job.text if hasattr(job, "text") else str(job)
    assert "PÁGINA DE PRUEBA" in text and "ñ" in text and "¿" in text
    r = run(tmp_path, "printer", "test", "--printer", "bogus://x")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    r = run(tmp_path, "printer", "test")
    assert r.returncode == 1 and "Indique la impresora" in r.stderr
