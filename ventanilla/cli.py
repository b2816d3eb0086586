"""``ventanilla`` command line. No subcommand starts the cashier app.

Every command answers bad input with one plain Spanish line on stderr and a
non-zero exit code, never a Python trace.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime, timezone

from app.domain.errors import DomainError
from app.domain.money import minor_units
from ventanilla.paths import Paths, resolve

EXIT_USAGE = 2
EXIT_FAILED = 1


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ventanilla", description="Ventanilla: caja de recaudo.")
    p.add_argument("--data-dir", help="carpeta de datos y ajustes (por defecto la del usuario; también VENTANILLA_HOME)")
    sub = p.add_subparsers(dest="command")

    seed = sub.add_parser("seed-demo", help="llena la caja con datos de demostración")
    seed.add_argument("--accounts", type=int, default=2000)
    seed.add_argument("--seed", type=int, default=1)

    user = sub.add_parser("user", help="usuarios de la caja").add_subparsers(dest="user_command", required=True)
    add = user.add_parser("add", help="crea un usuario")
    add.add_argument("--id", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["cashier", "supervisor", "admin", "central"])
    add.add_argument("--pin", help="PIN de 4 a 8 dígitos (si falta, se pregunta)")
    user.add_parser("list", help="lista los usuarios")

    audit = sub.add_parser("audit", help="registro de auditoría").add_subparsers(dest="audit_command", required=True)
    audit.add_parser("verify", help="comprueba que nadie editó ni borró entradas")

    demo = sub.add_parser("demo", help="prepara datos de demostración y abre la caja")
    demo.add_argument("--accounts", type=int, default=2000)
    demo.add_argument("--no-gui", action="store_true", help="solo prepara los datos")
    demo.add_argument("--central-port", type=int, default=8700, help="puerto de la central de demostración")

    enroll = sub.add_parser("enroll", help="da de alta esta caja en la central con un código de un solo uso")
    enroll.add_argument("--central", required=True, help="dirección de la central, p. ej. http://127.0.0.1:8700")
    enroll.add_argument("--code", required=True)
    enroll.add_argument("--name", help="nombre de la caja (por defecto el de los ajustes)")

    sync = sub.add_parser("sync", help="envía la cola a la central y trae los saldos nuevos, una vez")
    sync.add_argument("--no-pull", action="store_true", help="solo enviar")

    export = sub.add_parser("demo-export", help="escribe los datos de demostración como CSV para la central")
    export.add_argument("--accounts", type=int, default=2000)
    export.add_argument("--seed", type=int, default=1)
    export.add_argument("--out", required=True)

    printer = sub.add_parser("printer", help="impresora de recibos").add_subparsers(dest="printer_command", required=True)
    ptest = printer.add_parser("test", help="imprime la página de prueba (caracteres, recibo de muestra, QR, código de barras)")
    ptest.add_argument("--printer", help="dirección: tcp://IP:9100, serial:///dev/ttyUSB0?baudrate=9600, usb://04b8:0e15, file:///tmp/r.bin")
    ptest.add_argument("--profile", default=None, choices=["58mm", "80mm", "80mm-42"])
    ptest.add_argument("--timeout", type=float, default=5.0)

    office = sub.add_parser("central-office", help="abre el escritorio de la oficina central (conciliación, excepciones, KPIs)")
    office.add_argument("--url", help="dirección de la central (por defecto central_url de los ajustes)")
    office.add_argument("--token", help="clave de administración (también VENTANILLA_ADMIN_TOKEN)")
    office.add_argument("--user", default="", help="quién trabaja (queda en la auditoría)")

    sub.add_parser("verify", help="comprueba todo el almacén: cadena de registros, pagos, auditoría y archivo")
    backup = sub.add_parser("backup", help="copia de seguridad consistente del almacén, con la caja abierta")
    backup.add_argument("--out", help="archivo destino (por defecto backups/store-FECHA.db en la carpeta de datos)")
    restore = sub.add_parser("restore", help="restaura el almacén desde una copia de seguridad")
    restore.add_argument("--from", dest="source", required=True)

    sub.add_parser("app", help="abre la caja (lo mismo que sin subcomando)")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["central"]:
        from central.cli import main as central_main

        return central_main(argv[1:])
    args = _parser().parse_args(argv)
    paths = resolve(args.data_dir)
    try:
        return _dispatch(args, paths)
    except DomainError as e:
        print(f"error: {e.message}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace, paths: Paths) -> int:
    if args.command == "seed-demo":
        return seed_demo(paths, args.accounts, args.seed)
    if args.command == "user":
        return user_command(paths, args)
    if args.command == "audit":
        return audit_verify(paths)
    if args.command == "demo":
        return demo(paths, args.accounts, gui=not args.no_gui, central_port=args.central_port)
    if args.command == "enroll":
        return enroll(paths, args.central, args.code, args.name)
    if args.command == "sync":
        return sync_once(paths, pull=not args.no_pull)
    if args.command == "central-office":
        return central_office(paths, args.url, args.token, args.user)
    if args.command == "verify":
        return verify(paths)
    if args.command == "backup":
        return backup(paths, args.out)
    if args.command == "restore":
        return restore(paths, args.source)
    if args.command == "printer":
        return printer_test(paths, args.printer, args.profile, args.timeout)
    if args.command == "demo-export":
        return demo_export(args.accounts, args.seed, args.out)
    return start_app(paths)


def seed_demo(paths: Paths, accounts: int, seed: int) -> int:
    if accounts < 1 or accounts > 5_000_000:
        raise DomainError("bad_count", "El número de cuentas debe estar entre 1 y 5.000.000.")
    from app.storage.bulk import load_demo
    from ventanilla.bootstrap import build_terminal

    terminal = build_terminal(paths)
    now = datetime.now(timezone.utc)
    try:
        docs = load_demo(
            terminal.engine, accounts, seed, now.date(), now, terminal.settings.currency, minor_units(terminal.settings.currency)
        )
    except ValueError as e:
        raise DomainError("store_not_empty", "La caja ya tiene cuentas cargadas; use una carpeta de datos nueva.") from e
    finally:
        terminal.close()
    print(f"{accounts} cuentas y {docs} documentos cargados en {paths.store}")
    return 0


def user_command(paths: Paths, args: argparse.Namespace) -> int:
    from ventanilla.bootstrap import build_terminal

    terminal = build_terminal(paths)
    try:
        if args.user_command == "list":
            for u in terminal.auth.users():
                print(f"{u.user_id}\t{u.role.value}\t{u.name}")
            return 0
        pin = args.pin or os.environ.get("VENTANILLA_PIN") or getpass.getpass("PIN: ")
        user = terminal.auth.add_user(args.id, args.name, args.role, pin)
        print(f"usuario {user.user_id} ({user.role.value}) creado")
        return 0
    finally:
        terminal.close()


def audit_verify(paths: Paths) -> int:
    from app.services.journal import verify_audit
    from ventanilla.bootstrap import build_terminal

    terminal = build_terminal(paths)
    try:
        with terminal.uow() as uow:
            records = uow.audit.all()
        problems = verify_audit(records)
    finally:
        terminal.close()
    if not problems:
        print(f"registro de auditoría íntegro: {len(records)} entradas verificadas")
        return 0
    for p in problems:
        print(f"entrada {p.entry_id}: {p.problem}: {p.message}")
    return EXIT_FAILED


def enroll(paths: Paths, central: str, code: str, name: str | None) -> int:
    from app.services.enrolment import record_enrolment
    from sync.client import enroll as enroll_remote
    from ventanilla.bootstrap import build_terminal

    terminal = build_terminal(paths)
    try:
        with terminal.uow() as uow:
            if uow.terminal.counters().last_seq > 0:
                raise DomainError(
                    "outbox_not_empty",
                    "Esta caja ya registró operaciones sin alta; use una carpeta de datos nueva para darla de alta.",
                )
        got = enroll_remote(central, code.strip(), name or terminal.settings.terminal_name)
        record_enrolment(terminal.counter.uow, terminal.clock, got.terminal_id, got.agent_id, got.secret, central)
    finally:
        terminal.close()
    print(f"caja dada de alta: {got.terminal_id} (agente {got.agent_id})")
    return 0


def sync_once(paths: Paths, *, pull: bool) -> int:
    from ventanilla.bootstrap import build_terminal

    terminal = build_terminal(paths)
    try:
        service = terminal.sync_service()
        if service is None:
            raise DomainError("not_enrolled", "Esta caja no está dada de alta en una central (ventanilla enroll).")
        reports = service.push_all()
        pulled = service.pull_snapshot() if pull else 0
        status = service.status()
    finally:
        terminal.close()
    sent = sum(r.sent for r in reports)
    acked = sum(r.acknowledged for r in reports)
    flagged = sum(r.flagged for r in reports)
    quarantined = sum(r.quarantined for r in reports)
    print(f"enviados {sent}, aceptados {acked} ({flagged} con observaciones), en cuarentena {quarantined}; "
          f"pendientes {status.pending}; cuentas actualizadas {pulled}")
    return 0 if quarantined == 0 else EXIT_FAILED


def central_office(paths: Paths, url: str | None, token: str | None, user: str) -> int:
    from app.settings import load_settings

    url = url or load_settings(paths.settings).central_url
    if not url:
        raise DomainError("no_central", "Indique la dirección de la central con --url o central_url en los ajustes.")
    try:
        from ui.central_office.app import run
    except ImportError as e:
        print(f"error: no se puede abrir la ventana: {e}", file=sys.stderr)
        return EXIT_FAILED
    return run(url, token, user=user)


def verify(paths: Paths) -> int:
    """Everything, not just what start-up checks: the whole chain, every payment row, the audit log, the file."""
    from app.services.integrity import check_store
    from app.services.journal import verify_audit
    from app.settings import load_settings
    from app.storage.db import open_store, quick_check
    from app.storage.uow import SqlUnitOfWork

    load_settings(paths.settings)
    engine, sessions = open_store(paths.store)  # no build_terminal: it would refuse to open a tampered store
    try:
        file_state = quick_check(paths.store)
        with SqlUnitOfWork(sessions) as uow:
            problems = check_store(uow, full=True)
            audit = verify_audit(uow.audit.all())
            items = uow.terminal.counters().last_seq
    finally:
        engine.dispose()
    ok = file_state == "ok" and not problems and not audit
    print(f"archivo: {file_state}")
    print(f"registros encadenados: {items}, problemas: {len(problems)}")
    for p in problems:
        print(f"  {p.kind} (registro {p.seq}): {p.message}")
    print(f"auditoría: {'íntegra' if not audit else f'{len(audit)} problema(s)'}")
    for a in audit:
        print(f"  entrada {a.entry_id}: {a.message}")
    return 0 if ok else EXIT_FAILED


def backup(paths: Paths, out: str | None) -> int:
    from pathlib import Path

    from app.storage.db import backup_store, open_store

    target = Path(out) if out else paths.data_dir / "backups" / f"store-{datetime.now().strftime('%Y%m%d-%H%M%S')}.db"
    engine, _ = open_store(paths.store)
    try:
        backup_store(engine, target)
    finally:
        engine.dispose()
    print(f"copia de seguridad escrita en {target}")
    return 0


def restore(paths: Paths, source: str) -> int:
    """Put a backup in place of the store; the damaged file is kept aside, never deleted."""
    import shutil
    import sqlite3
    from pathlib import Path

    src = Path(source)
    try:
        con = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        (state,) = con.execute("PRAGMA quick_check(1)").fetchone()
        con.execute("SELECT last_seq FROM terminal_state").fetchone()
        con.close()
    except sqlite3.DatabaseError as e:
        raise DomainError("bad_backup", f"{src} no es una copia de seguridad de una caja ({e}).") from e
    if state != "ok":
        raise DomainError("bad_backup", f"La copia {src} también está dañada ({state}).")
    store = paths.store
    if store.exists():
        aside = store.with_name(f"store-damaged-{datetime.now().strftime('%Y%m%d-%H%M%S')}.db")
        store.rename(aside)
        print(f"el archivo anterior quedó en {aside}")
    for suffix in ("-wal", "-shm"):
        stale = store.with_name(store.name + suffix)
        if stale.exists():
            stale.rename(stale.with_name(stale.name + ".old"))
    shutil.copyfile(src, store)
    with sqlite3.connect(store) as con:
        # items taken after the backup may be at central already: take no payment
        # until this terminal has fast-forwarded to central's chain head
        con.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('needs_resync', '1')")
    print(f"almacén restaurado desde {src}. Sincronice con la central antes de cobrar: lo que se cobró después"
          " de la copia y ya se envió está en la central.")
    return 0


def printer_test(paths: Paths, url: str | None, profile: str | None, timeout: float) -> int:
    from app.settings import load_settings
    from printing.cli import printer_test_command

    settings = load_settings(paths.settings) if not (url and profile) else None
    url = url or (settings.printer if settings else "")
    if not url:
        raise DomainError("no_printer", "Indique la impresora con --printer o en los ajustes (printer = ...).")
    return printer_test_command(url, profile or (settings.printer_profile if settings else "80mm"), timeout)


def demo_export(accounts: int, seed: int, out: str) -> int:
    """The demo debtors as the central's import CSVs, so both sides hold the same book."""
    import csv
    from pathlib import Path

    from app.domain.money import Money
    from app.services.demo_data import generate

    if accounts < 1 or accounts > 5_000_000:
        raise DomainError("bad_count", "El número de cuentas debe estar entre 1 y 5.000.000.")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    today = datetime.now(timezone.utc).date()
    currency = "DOP"
    with open(folder / "accounts.csv", "w", newline="", encoding="utf-8") as fa, open(
        folder / "documents.csv", "w", newline="", encoding="utf-8"
    ) as fd:
        wa, wd = csv.writer(fa), csv.writer(fd)
        wa.writerow(["account_id", "biller_id", "name", "national_id", "segment", "status", "currency"])
        wd.writerow(["document_id", "account_id", "kind", "issue_date", "due_date", "amount", "currency"])
        for account, docs in generate(accounts, seed, today):
            wa.writerow([account.account_id, account.biller_id, account.name, account.national_id,
                         account.segment.value, account.status.value, currency])
            for d in docs:
                # central holds what is still owed: an old abono is already netted out
                owed = d.amount_minor - d.paid_minor
                wd.writerow([d.document_id, d.account_id, d.kind.value, d.issue_date.isoformat(), d.due_date.isoformat(),
                             str(Money.from_minor(owed, currency).amount), currency])
    print(f"{accounts} cuentas escritas en {folder}")
    return 0


DEMO_USERS = (
    ("cajero", "Cajero de demostración", "cashier", "1234"),
    ("super", "Supervisora de demostración", "supervisor", "4321"),
    ("admin", "Administrador", "admin", "9999"),
)


def demo(paths: Paths, accounts: int, *, gui: bool, central_port: int = 8700) -> int:
    """Demo users and data, a local central on SQLite holding the same book, and the app."""
    from ventanilla.bootstrap import build_terminal

    terminal = build_terminal(paths)
    try:
        with terminal.uow() as uow:
            fresh = uow.accounts.get("1000000004") is None
        existing = {u.user_id for u in terminal.auth.users()}
        for user_id, name, role, pin in DEMO_USERS:
            if user_id not in existing:
                terminal.auth.add_user(user_id, name, role, pin)
    finally:
        terminal.close()
    central_url = f"http://127.0.0.1:{central_port}"
    if fresh:
        seed_demo(paths, accounts, 1)
        code = _demo_central(paths, accounts)
        server = _start_central(paths, central_port)
        try:
            enroll(paths, central_url, code, None)
        finally:
            if not gui:
                _stop(server)
    else:
        server = _start_central(paths, central_port) if gui else None
    print("Usuarios de demostración: cajero / 1234, super / 4321, admin / 9999")
    print(f"Datos en {paths.data_dir}; central en {central_url}")
    if not gui:
        return 0
    try:
        return start_app(paths)
    finally:
        _stop(server)


def _demo_central(paths: Paths, accounts: int) -> str:
    """A central on SQLite next to the terminal, with the same demo book. Returns an enrolment code."""
    from central import admin
    from central.db import make_engine, migrate

    url = f"sqlite:///{paths.central_db}"
    migrate(url)
    engine = make_engine(url)
    try:
        admin.add_agent(engine, "AG001", "Estafeta de demostración")
        csv_dir = paths.data_dir / "demo-csv"
        demo_export(accounts, 1, str(csv_dir))
        admin.import_accounts(engine, csv_dir / "accounts.csv")
        admin.import_documents(engine, csv_dir / "documents.csv")
        _, code = admin.add_terminal(engine, "AG001", "Caja 1")
        return code
    finally:
        engine.dispose()


def _start_central(paths: Paths, port: int):
    import subprocess
    import time

    import requests

    url = f"sqlite:///{paths.central_db}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ventanilla", "central", "serve", "--db", url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=open(paths.data_dir / "central.log", "a"),
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise DomainError("central_failed", f"La central de demostración no arrancó; vea {paths.data_dir / 'central.log'}.")
        try:
            if requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=0.5).status_code == 200:
                return proc
        except requests.RequestException:
            time.sleep(0.2)
    proc.terminate()
    raise DomainError("central_failed", f"La central de demostración no respondió en el puerto {port}.")


def _stop(proc) -> None:
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except Exception:
            proc.kill()


def start_app(paths: Paths) -> int:
    try:
        from ui.app import run
    except ImportError as e:  # Qt missing its system libraries
        print(f"error: no se puede abrir la ventana: {e}", file=sys.stderr)
        return EXIT_FAILED
    return run(paths)
