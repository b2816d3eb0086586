"""``ventanilla central <command>``: the central office's admin commands.

Every command takes ``--db URL``; the default is a SQLite file in the user
data directory (``$VENTANILLA_HOME/central.db`` when that variable is set).
The administrators speak Spanish: the help (argparse's own words too) and every
line printed are Spanish; command and option names, codes (window states, check
names in ``--csv``), the JSON of ``kpi`` and the CSV of ``--section`` stay as they
are, and the enrolment code and the admin token are each alone on the last line.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Sequence

from platformdirs import user_data_dir

APP = "ventanilla"


def default_db_url() -> str:
    home = os.environ.get("VENTANILLA_HOME")
    base = Path(home).expanduser().resolve() if home else Path(user_data_dir(APP, appauthor=False))
    return f"sqlite:///{base / 'central.db'}"


class _Formatter(argparse.HelpFormatter):
    """argparse's help in Spanish: «uso:» instead of «usage:»."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "uso: " if prefix is None else prefix)


#: argparse's own complaints (Python 3.11 wording) said in Spanish; anything else is shown as argparse says it
_ARGPARSE_ERRORS = (
    (re.compile(r"the following arguments are required: (.*)"), r"faltan argumentos obligatorios: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"argumentos no reconocidos: \1"),
    (re.compile(r"argument (.+?): invalid choice: (.*) \(choose from (.*)\)"), r"argumento \1: \2 no es válido (elija entre \3)"),
    (re.compile(r"argument (.+?): invalid int value: (.*)"), r"argumento \1: \2 no es un número entero"),
    (re.compile(r"argument (.+?): expected one argument"), r"argumento \1: falta su valor"),
    (re.compile(r"ambiguous option: (.*?) could match (.*)"), r"opción ambigua: \1 puede ser \2"),
)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words (usage, titles, -h, errors) are Spanish; its subparsers are too."""

    def __init__(self, *args, add_help: bool = True,  # type: ignore[no-untyped-def]
                 parents: Sequence[argparse.ArgumentParser] = (), **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumentos"
        self._optionals.title = "opciones"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="muestra esta ayuda y termina")
        for parent in parents:  # as argparse does, once the groups carry their Spanish titles (so --db joins «opciones»)
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str):  # type: ignore[no-untyped-def]
        for pattern, spanish in _ARGPARSE_ERRORS:
            if pattern.fullmatch(message):
                message = pattern.sub(spanish, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", default=None, metavar="URL",
                        help="dirección de la base de datos (por defecto central.db en la carpeta de datos; "
                             "también VENTANILLA_HOME)")

    parser = _Parser(prog="ventanilla central",
                     description="Administración de la central: agentes, terminales, cuentas, políticas, depósitos, "
                                 "conciliación e indicadores de recaudación.",
                     epilog="Cada comando acepta --db URL. Ayuda de un comando: ventanilla central COMANDO --help.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMANDO", title="comandos")

    def agent_option(p: argparse.ArgumentParser, required: bool = False, help: str = "código del agente, p. ej. AG001") -> None:
        p.add_argument("--agent", required=required, metavar="AGENTE", help=help)

    sub.add_parser("init", parents=[common], help="crea o actualiza el esquema de la base de datos")

    p = sub.add_parser("add-agent", parents=[common], help="da de alta un agente (estafeta)")
    p.add_argument("--id", required=True, dest="agent_id", metavar="CÓDIGO", help="código del agente, p. ej. AG001")
    p.add_argument("--name", required=True, metavar="NOMBRE", help="nombre del agente")

    p = sub.add_parser("add-terminal", parents=[common], help="da de alta una terminal e imprime su código de alta de un solo uso")
    agent_option(p, required=True)
    p.add_argument("--name", required=True, metavar="NOMBRE", help="nombre de la terminal, p. ej. «Caja 1»")

    p = sub.add_parser("disable-terminal", parents=[common], help="rechaza las solicitudes de una terminal (403)")
    p.add_argument("--terminal", required=True, metavar="TERMINAL", help="código de la terminal, p. ej. AG001-T01")
    p = sub.add_parser("enable-terminal", parents=[common], help="vuelve a aceptar las solicitudes de una terminal deshabilitada")
    p.add_argument("--terminal", required=True, metavar="TERMINAL", help="código de la terminal, p. ej. AG001-T01")

    p = sub.add_parser("import-accounts", parents=[common], help="carga o actualiza las cuentas de los deudores y sus documentos")
    p.add_argument("--accounts", metavar="CSV",
                   help="archivo de cuentas, con las columnas account_id, biller_id, name, national_id, segment, status, currency")
    p.add_argument("--documents", metavar="CSV",
                   help="archivo de documentos, con las columnas document_id, account_id, kind, issue_date, due_date, amount, "
                        "currency (montos con punto decimal, fechas AAAA-MM-DD)")

    p = sub.add_parser("set-policy", parents=[common], help="guarda una política TOML para un agente (como versión nueva)")
    agent_option(p, required=True)
    p.add_argument("policy", metavar="POLÍTICA.toml", help="el archivo de la política")

    p = sub.add_parser("record-deposit", parents=[common],
                       help="registra un depósito bancario de un agente (de la caja fuerte al banco)")
    agent_option(p, required=True)
    p.add_argument("--currency", required=True, metavar="MONEDA", help="código ISO de la moneda, p. ej. DOP")
    p.add_argument("--amount", required=True, metavar="MONTO", help="en unidades mayores con punto decimal, p. ej. 15000.00")
    p.add_argument("--date", metavar="FECHA",
                   help="la fecha de negocio en que se liquida el depósito (AAAA-MM-DD): cuenta en esa ventana")
    p.add_argument("--bank", default="", metavar="BANCO", help="con --date: el banco")
    p.add_argument("--reference", default="", metavar="REFERENCIA", help="con --date: la referencia de la boleta de depósito")
    p.add_argument("--tender", choices=("cash", "cheque"), default="cash", help="cash (efectivo, por defecto) o cheque")

    # -- the central office (docs/central-office.md) --
    p = sub.add_parser("add-admin-token", parents=[common],
                       help="crea la clave de acceso de un usuario de la oficina central (se muestra una sola vez)")
    p.add_argument("--name", required=True, metavar="NOMBRE", help="quién la usa (queda en la auditoría)")
    p = sub.add_parser("revoke-admin-token", parents=[common], help="revoca la clave de acceso de un usuario de la oficina central")
    p.add_argument("--name", required=True, metavar="NOMBRE", help="el nombre con que se creó la clave")
    p = sub.add_parser("set-agent-calendar", parents=[common], help="zona horaria y hora de corte del día de negocio de un agente")
    agent_option(p, required=True)
    p.add_argument("--timezone", metavar="ZONA", help="nombre IANA, p. ej. America/Santo_Domingo")
    p.add_argument("--cutoff", metavar="HH:MM", help="hora local del corte; «none» para medianoche")
    p = sub.add_parser("close-windows", parents=[common], help="cierra las ventanas de liquidación cuya hora de corte ya pasó")
    agent_option(p, help="solo las de este agente")
    p = sub.add_parser("reconcile", parents=[common],
                       help="cierra las ventanas que toca y luego revisa los controles de las cerradas")
    p.add_argument("--date", metavar="FECHA", help="solo esta fecha de negocio (AAAA-MM-DD)")
    agent_option(p, help="solo este agente")
    p = sub.add_parser("windows", parents=[common], help="lista las ventanas de liquidación y sus controles")
    p.add_argument("--state", choices=("OPEN", "CLOSED", "RECONCILED"),
                   help="solo las de este estado: OPEN (abierta), CLOSED (cerrada) o RECONCILED (conciliada)")
    agent_option(p, help="solo este agente")
    p.add_argument("--date-from", metavar="FECHA", help="desde esta fecha de negocio (AAAA-MM-DD)")
    p.add_argument("--date-to", metavar="FECHA", help="hasta esta fecha de negocio (AAAA-MM-DD)")
    p.add_argument("--csv", action="store_true", help="en CSV por la salida estándar (columnas con los códigos de siempre)")
    p = sub.add_parser("import-bank-statement", parents=[common], help="lee un extracto bancario (CSV) como depósitos")
    p.add_argument("statement", metavar="CSV", help="el archivo del extracto")
    p.add_argument("--bank", default="", metavar="BANCO", help="el banco, cuando el archivo no trae la columna bank")
    p = sub.add_parser("import-card-settlement", parents=[common],
                       help="lee el archivo de liquidación de un adquirente de tarjetas (CSV)")
    p.add_argument("settlement", metavar="CSV", help="el archivo de liquidación")
    p = sub.add_parser("mark-cheque-returned", parents=[common],
                       help="reversa un cheque devuelto; su girador entra en la lista de cheques devueltos de las cajas")
    p.add_argument("--payment", required=True, metavar="PAGO", help="el código del pago")
    p.add_argument("--number", metavar="NÚMERO", help="el número del cheque, cuando el pago tiene varios")
    p.add_argument("--reason", required=True, metavar="MOTIVO", help="el motivo de la devolución (queda en la auditoría)")
    p.add_argument("--returned-on", metavar="FECHA", help="fecha de la devolución, AAAA-MM-DD (por defecto hoy)")
    p = sub.add_parser("import-promises", parents=[common], help="lee promesas de pago (columnas account_id, promise_date, amount)")
    p.add_argument("promises", metavar="CSV", help="el archivo de promesas")
    p = sub.add_parser("kpi", parents=[common], help="indicadores de recaudación de un período (JSON, una tabla en CSV o un PDF)")
    p.add_argument("--from", dest="date_from", required=True, metavar="FECHA", help="primer día del período (AAAA-MM-DD)")
    p.add_argument("--to", dest="date_to", required=True, metavar="FECHA", help="último día del período (AAAA-MM-DD)")
    agent_option(p, help="solo este agente")
    p.add_argument("--biller", metavar="FACTURADOR", help="solo este facturador")
    p.add_argument("--currency", metavar="MONEDA", help="la moneda de todos los montos (por defecto la única del período, o la de "
                                                         "más pagos); nunca se suman monedas distintas")
    p.add_argument("--section", metavar="TABLA",
                   help="imprime una sola tabla en CSV: by_day, by_agent, by_biller, by_tender, by_hour, ageing, promises")
    p.add_argument("--pdf", metavar="ARCHIVO", help="escribe el informe del período en este PDF")
    p = sub.add_parser("window-report", parents=[common], help="escribe el PDF de conciliación de una ventana")
    agent_option(p, required=True)
    p.add_argument("--date", required=True, metavar="FECHA", help="la fecha de negocio de la ventana (AAAA-MM-DD)")
    p.add_argument("--pdf", metavar="ARCHIVO", required=True, help="el PDF a escribir")

    sub.add_parser("gaps", parents=[common], help="lista por terminal los rangos de seq que faltan")
    sub.add_parser("exceptions", parents=[common], help="lista las excepciones abiertas (registros con observaciones y rechazados)")
    sub.add_parser("trial-balance", parents=[common], help="balance de comprobación: debe y haber por cuenta contable")

    p = sub.add_parser("serve", parents=[common], help="actualiza el esquema y luego sirve la API HTTP con uvicorn")
    p.add_argument("--host", default="127.0.0.1", metavar="DIRECCIÓN", help="dirección en que escucha (por defecto %(default)s)")
    p.add_argument("--port", type=int, default=8700, metavar="PUERTO", help="puerto (por defecto %(default)s)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="procesos servidores (por defecto 1; uno por núcleo para una red de agentes con mucho movimiento)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    url = args.db or default_db_url()

    from central import admin
    from central.db import make_engine, migrate

    if args.command == "init":
        migrate(url)
        print(f"base de datos de la central lista: {_display(url)}")
        return 0
    if args.command == "serve":
        import uvicorn

        from central.api import DB_ENV, create_app, tune_gc

        if args.workers < 1:
            print("error: --workers es 1 o más", file=sys.stderr)
            return 2
        if args.workers == 1:
            app = create_app(url, migrate=True)
            tune_gc()
            uvicorn.run(app, host=args.host, port=args.port, log_level="info")
            return 0
        # Several processes: migrate once here, then each worker builds the app over
        # the migrated database (the URL travels in the environment).
        migrate(url)
        os.environ[DB_ENV] = url
        uvicorn.run("central.api:app_from_environment", factory=True, workers=args.workers,
                    host=args.host, port=args.port, log_level="info")
        return 0

    from central.office import OfficeError

    engine = make_engine(url)
    try:
        if args.command in OFFICE_COMMANDS:
            return _office(args, engine)
        return _run(args, engine, admin)
    except (admin.AdminError, OfficeError) as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _run(args: argparse.Namespace, engine, admin) -> int:  # type: ignore[no-untyped-def]
    cmd = args.command
    if cmd == "add-agent":
        admin.add_agent(engine, args.agent_id, args.name)
        print(f"agente {args.agent_id} ({args.name}) dado de alta")
        return 0
    if cmd == "add-terminal":
        terminal_id, code = admin.add_terminal(engine, args.agent, args.name)
        print(f"terminal {terminal_id} ({args.name}) dada de alta en el agente {args.agent}")
        print("código de alta de un solo uso (se muestra solo esta vez; en la caja: "
              "ventanilla enroll --central URL --code CÓDIGO):")
        print(code)  # alone on the last line: scripts read it
        return 0
    if cmd in ("disable-terminal", "enable-terminal"):
        admin.set_terminal_disabled(engine, args.terminal, cmd == "disable-terminal")
        print(f"terminal {args.terminal} {'deshabilitada' if cmd == 'disable-terminal' else 'habilitada'}")
        return 0
    if cmd == "import-accounts":
        if not args.accounts and not args.documents:
            print("error: indique --accounts CSV, --documents CSV o ambos", file=sys.stderr)
            return 2
        status = 0
        reports = []
        if args.accounts:
            reports.append(admin.import_accounts(engine, args.accounts))
        if args.documents:
            reports.append(admin.import_documents(engine, args.documents))
        for report in reports:
            if report.applied:
                print(f"{report.path}: {report.rows} {'fila aplicada' if report.rows == 1 else 'filas aplicadas'}")
            else:
                status = _print_refused(report)
        return status
    if cmd == "set-policy":
        try:
            toml_text = Path(args.policy).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            print(f"error: no se pudo leer {args.policy}: {e}", file=sys.stderr)
            return 1
        version = admin.set_policy(engine, args.agent, toml_text)
        print(f"versión {version} de la política vigente para el agente {args.agent}")
        return 0
    if cmd == "record-deposit":
        if args.date:
            from central import office

            try:
                minor = admin.to_minor(args.amount, args.currency)
            except ValueError as e:
                raise admin.AdminError("bad_amount", str(e)) from None
            deposit_id = office.add_deposit(engine, agent_id=args.agent, business_date=args.date, bank=args.bank or "BANK",
                                            reference=args.reference or f"{args.agent}-{args.date.replace('-', '')}",
                                            amount=minor, currency=args.currency, tender=args.tender, actor="cli")
            print(f"depósito N° {deposit_id} registrado para el agente {args.agent}, día {args.date}")
            return 0
        journal = admin.record_deposit(engine, args.agent, args.currency, args.amount)
        print(f"depósito contabilizado en el asiento {journal}")
        return 0
    if cmd == "gaps":
        gaps = admin.seq_gaps(engine)
        for terminal_id, first, last in gaps:
            print(f"{terminal_id}: " + (f"faltan los seq {first}-{last}" if last != first else f"falta el seq {first}"))
        if not gaps:
            print("sin huecos: no falta ningún seq")
        return 0
    if cmd == "exceptions":
        cases = admin.open_exceptions(engine)
        for c in cases:
            detail = f" ({c['detail']})" if c["detail"] else ""
            print(f"#{c['id']} {c['created_at']:%Y-%m-%d %H:%M} {c['terminal_id']} {_EXCEPTION_KINDS.get(c['kind'], c['kind'])} "
                  f"{','.join(c['reasons'])} registro {c['item_id']}{detail}")
        if not cases:
            print("no hay excepciones abiertas")
        return 0
    if cmd == "trial-balance":
        from central.ledger import CHART

        rows = admin.trial_balance(engine)
        for code, currency, debit, credit in rows:
            print(f"{code} {_ACCOUNT_NAMES.get(code, CHART.get(code, '')):<60} {currency} {debit:>16} {credit:>16}")
        total_d, total_c = sum(r[2] for r in rows), sum(r[3] for r in rows)
        print(f"{'total':<65} {total_d:>20} {total_c:>16}")
        return 0 if total_d == total_c else 1
    raise AssertionError(cmd)


OFFICE_COMMANDS = {
    "add-admin-token", "revoke-admin-token", "set-agent-calendar", "close-windows", "reconcile", "windows",
    "import-bank-statement", "import-card-settlement", "mark-cheque-returned", "import-promises", "kpi", "window-report",
}


# -- the office's words for the codes the commands print (ui/central_office/labels.py and central/reports.py say the same) --

_WINDOW_STATES = {"OPEN": ("abierta", "abiertas"), "CLOSED": ("cerrada", "cerradas"), "RECONCILED": ("conciliada", "conciliadas")}
_CHECK_NAMES = {"completeness": "Integridad", "manifests": "Manifiestos", "drawer_counts": "Arqueos",
                "cash_deposits": "Depósitos de efectivo", "cheque_deposits": "Depósitos de cheques",
                "card_settlement": "Liquidación de tarjetas"}
_CHECK_STATUSES = {"pass": "cuadra", "fail": "diferencia", "pending": "pendiente", "resolved": "resuelto",
                   "not_run": "sin revisar", "": "sin revisar"}
_EXCEPTION_KINDS = {"flagged": "con observaciones", "rejected": "rechazado"}
_IMPORT_COUNTS = {"matched": "conciliadas por referencia", "unmatched": "sin identificar",
                  "confirmed": "confirman un depósito declarado", "already_imported": "ya importadas", "promises": "promesas"}
_ACCOUNT_NAMES = {
    "1010": "Efectivo en caja (por terminal)",
    "1020": "Cheques en caja (por terminal)",
    "1030": "Tarjetas por liquidar (por agente)",
    "1040": "Caja fuerte / efectivo en tránsito (por agente)",
    "1050": "Depósitos en banco (por agente)",
    "1200": "Cuentas por cobrar a deudores (auxiliar: account_id)",
    "2900": "Partidas en suspenso: cuentas desconocidas, moneda distinta (auxiliar: account_id)",
    "5100": "Descuentos concedidos",
    "5200": "Sobrantes y faltantes de caja",
    "5210": "Sobrantes y faltantes por cajero (auxiliar: cashier_id)",
}


def _state_word(state: str, n: int) -> str:
    one, many = _WINDOW_STATES.get(state, (state, state))
    return one if n == 1 else many


def _waiting_reason(why: str) -> str:
    """Why central/windows.py left a window open, said in Spanish (unknown reasons as they come)."""
    if why == "cut-off not passed":
        return "aún no pasa la hora de corte"
    if why.startswith("shifts without manifest: "):
        return "turnos sin cierre (manifiesto): " + why.removeprefix("shifts without manifest: ")
    return why


def _print_refused(report) -> int:  # type: ignore[no-untyped-def]
    """A refused file: nothing of it applied, each bad line by its number (exit status 1)."""
    n = len(report.errors)
    print(f"{report.path}: no se aplicó nada; {n} {'línea con error' if n == 1 else 'líneas con errores'}:", file=sys.stderr)
    for line, message in report.errors:
        print(f"  línea {line}: {message}", file=sys.stderr)
    return 1


def _print_import(report) -> int:  # type: ignore[no-untyped-def]
    if not report.applied:
        return _print_refused(report)
    counts = ", ".join(f"{_IMPORT_COUNTS.get(k, k)}: {v}" for k, v in sorted(report.counts.items())) or "nada nuevo"
    print(f"{report.path}: {report.rows} {'línea leída' if report.rows == 1 else 'líneas leídas'}: {counts}")
    return 0


def _office(args: argparse.Namespace, engine) -> int:  # type: ignore[no-untyped-def]
    import json
    from datetime import datetime, timezone

    from central import kpis, office, reports, windows

    cmd, now = args.command, datetime.now(timezone.utc)
    if cmd == "add-admin-token":
        token = office.add_admin_token(engine, args.name)
        print(f"clave de acceso de {args.name} (se muestra solo esta vez; envíela como «Authorization: Bearer ...»):")
        print(token)  # alone on the last line: scripts read it
        return 0
    if cmd == "revoke-admin-token":
        office.revoke_admin_token(engine, args.name)
        print(f"clave de acceso de {args.name} revocada")
        return 0
    if cmd == "set-agent-calendar":
        from sqlalchemy import update

        from central.db import write_engine
        from central.models import Agent

        values = {}
        if args.timezone:
            from zoneinfo import ZoneInfo

            try:
                ZoneInfo(args.timezone)
            except Exception:
                raise office.OfficeError("bad_timezone", f"No se reconoce la zona horaria «{args.timezone}»: use un nombre "
                                                         "IANA, por ejemplo America/Santo_Domingo.") from None
            values["timezone"] = args.timezone
        if args.cutoff:
            if args.cutoff.lower() == "none":
                values["cutoff"] = None
            elif windows.parse_cutoff(args.cutoff) is None or len(args.cutoff) != 5:
                raise office.OfficeError("bad_cutoff", "La hora de corte se escribe HH:MM (hora local del agente), o none.")
            else:
                values["cutoff"] = args.cutoff
        if not values:
            raise office.OfficeError("nothing_to_set", "Indique --timezone, --cutoff o ambos.")
        with write_engine(engine).begin() as conn:
            if conn.execute(update(Agent).where(Agent.agent_id == args.agent).values(**values)).rowcount != 1:
                raise office.OfficeError("unknown_agent", f"No existe el agente {args.agent}.")
            office.audit(conn, now, "cli", "agent_calendar_set", f"agent:{args.agent}", **values)
        said = []
        if "timezone" in values:
            said.append(f"zona horaria {values['timezone']}")
        if "cutoff" in values:
            said.append(f"hora de corte {values['cutoff'] or 'medianoche'}")
        print(f"agente {args.agent}: {', '.join(said)}")
        return 0
    if cmd == "close-windows":
        report = windows.close_windows(engine, now, agent_id=args.agent, actor="cli")
        for agent, day in report.closed:
            print(f"cerrada        {agent} {day}")
        for agent, day, why in report.waiting:
            print(f"sigue abierta  {agent} {day}: {_waiting_reason(why)}")
        if not report.closed and not report.waiting:
            print("no hay ventanas abiertas que cerrar")
        return 0
    if cmd == "reconcile":
        if args.date:
            office.check_date(args.date)
        started = __import__("time").perf_counter()
        report = windows.reconcile(engine, now, business_date=args.date, agent_id=args.agent, actor="cli")
        took = __import__("time").perf_counter() - started
        states: dict[str, int] = {}
        for state in report.windows.values():
            states[state] = states.get(state, 0) + 1
        n = len(report.windows)
        print(("revisada 1 ventana cerrada" if n == 1 else f"revisadas {n} ventanas cerradas")
              + f" en {took:.2f} s" + (": " if states else "") + ", ".join(f"{k} {_state_word(s, k)} ({s})" for s, k in sorted(states.items()))
              + f"; excepciones nuevas: {report.exceptions_opened}, aclaradas solas: {report.exceptions_cleared}")
        return 0
    if cmd == "windows":
        rows = office.list_windows(engine, state=args.state, agent_id=args.agent, date_from=args.date_from, date_to=args.date_to)
        if args.csv:
            sys.stdout.write(office.to_csv(rows))
            return 0
        from central.office_types import CHECKS

        for w in rows:
            checks = "; ".join(f"{_CHECK_NAMES.get(name, name)}: {_CHECK_STATUSES.get(w[name] or '', w[name])}" for name in CHECKS)
            state = f"{w['state']} ({_state_word(w['state'], 1)})"
            print(f"#{w['id']} {w['agent_id']} {w['business_date']} {state:<25} "
                  f"excepciones abiertas: {w['open_exceptions']}  {checks}")
        if not rows:
            print("no hay ventanas")
        return 0
    if cmd == "import-bank-statement":
        return _print_import(office.import_bank_statement(engine, office.read_file(args.statement), bank=args.bank, actor="cli",
                                                          name=Path(args.statement).name))
    if cmd == "import-card-settlement":
        return _print_import(office.import_card_settlement(engine, office.read_file(args.settlement), actor="cli",
                                                           name=Path(args.settlement).name))
    if cmd == "import-promises":
        return _print_import(office.import_promises(engine, office.read_file(args.promises), actor="cli", name=Path(args.promises).name))
    if cmd == "mark-cheque-returned":
        done = office.mark_cheque_returned(engine, payment_id=args.payment, number=args.number, reason=args.reason,
                                           returned_on=args.returned_on, actor="cli")
        print(f"cheque devuelto: {done['amount']} (en unidades menores) vuelve a la cuenta {done['account_id']}; el girador "
              f"{done['drawer_id']} entra en la lista de cheques devueltos de las cajas; asiento {done['journal_id']}")
        return 0
    if cmd == "kpi":
        result = kpis.compute(engine, args.date_from, args.date_to, agent_id=args.agent, biller_id=args.biller,
                              currency=args.currency, now=now)
        if args.pdf:
            Path(args.pdf).write_bytes(reports.kpi_report(result, now))
            print(f"informe de indicadores escrito en {args.pdf}")
        elif args.section:
            sys.stdout.write(office.to_csv(kpis.section_rows(result, args.section)))
        else:
            print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    if cmd == "window-report":
        found = office.list_windows(engine, agent_id=args.agent, date_from=args.date, date_to=args.date)
        if not found:
            raise office.OfficeError("unknown_window", f"No hay ventana del agente {args.agent} para el {args.date}.")
        detail = office.window_detail(engine, found[0]["id"])
        Path(args.pdf).write_bytes(reports.window_report(detail, now))
        print(f"conciliación del agente {args.agent} del {args.date} escrita en {args.pdf}")
        return 0
    raise AssertionError(cmd)


def _display(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":
    raise SystemExit(main())
