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
        return demo(paths, args.accounts, gui=not args.no_gui)
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


DEMO_USERS = (
    ("cajero", "Cajero de demostración", "cashier", "1234"),
    ("super", "Supervisora de demostración", "supervisor", "4321"),
    ("admin", "Administrador", "admin", "9999"),
)


def demo(paths: Paths, accounts: int, *, gui: bool) -> int:
    from ventanilla.bootstrap import build_terminal

    terminal = build_terminal(paths)
    try:
        with terminal.uow() as uow:
            empty = uow.accounts.get("1000000004") is None and not uow.users.all()
        existing = {u.user_id for u in terminal.auth.users()}
        for user_id, name, role, pin in DEMO_USERS:
            if user_id not in existing:
                terminal.auth.add_user(user_id, name, role, pin)
    finally:
        terminal.close()
    if empty:
        seed_demo(paths, accounts, 1)
    print("Usuarios de demostración: cajero / 1234, super / 4321, admin / 9999")
    print(f"Datos en {paths.data_dir}")
    if gui:
        return start_app(paths)
    return 0


def start_app(paths: Paths) -> int:
    try:
        from ui.app import run
    except ImportError as e:  # Qt missing its system libraries
        print(f"error: no se puede abrir la ventana: {e}", file=sys.stderr)
        return EXIT_FAILED
    return run(paths)
