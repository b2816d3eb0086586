"""``ventanilla central <command>``: the central office's admin commands.

Every command takes ``--db URL``; the default is a SQLite file in the user
data directory (``$VENTANILLA_HOME/central.db`` when that variable is set).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from platformdirs import user_data_dir

APP = "ventanilla"


def default_db_url() -> str:
    home = os.environ.get("VENTANILLA_HOME")
    base = Path(home).expanduser().resolve() if home else Path(user_data_dir(APP, appauthor=False))
    return f"sqlite:///{base / 'central.db'}"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=None, metavar="URL", help="database URL (default: %(default)s in the data dir)")

    parser = argparse.ArgumentParser(prog="ventanilla central", description="Central ledger administration.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("init", parents=[common], help="create or upgrade the database schema")

    p = sub.add_parser("add-agent", parents=[common], help="add an agent (outlet)")
    p.add_argument("--id", required=True, dest="agent_id")
    p.add_argument("--name", required=True)

    p = sub.add_parser("add-terminal", parents=[common], help="add a terminal; prints its one-time enrolment code")
    p.add_argument("--agent", required=True)
    p.add_argument("--name", required=True)

    p = sub.add_parser("disable-terminal", parents=[common], help="refuse a terminal's requests (403)")
    p.add_argument("--terminal", required=True)
    p = sub.add_parser("enable-terminal", parents=[common], help="accept a disabled terminal's requests again")
    p.add_argument("--terminal", required=True)

    p = sub.add_parser("import-accounts", parents=[common], help="load or update debtor accounts and documents")
    p.add_argument("--accounts", metavar="CSV")
    p.add_argument("--documents", metavar="CSV")

    p = sub.add_parser("set-policy", parents=[common], help="store a TOML policy for an agent (new version)")
    p.add_argument("--agent", required=True)
    p.add_argument("policy", metavar="POLICY.toml")

    p = sub.add_parser("record-deposit", parents=[common], help="post an agent's bank deposit (safe -> bank)")
    p.add_argument("--agent", required=True)
    p.add_argument("--currency", required=True)
    p.add_argument("--amount", required=True, help="major units with a dot, e.g. 15000.00")
    p.add_argument("--date", help="the business date the deposit settles (YYYY-MM-DD): counts in that window")
    p.add_argument("--bank", default="", help="with --date: the bank")
    p.add_argument("--reference", default="", help="with --date: the slip's reference")
    p.add_argument("--tender", choices=("cash", "cheque"), default="cash")

    # -- the central office (docs/central-office.md) --
    p = sub.add_parser("add-admin-token", parents=[common], help="create a desk user's bearer token (printed once)")
    p.add_argument("--name", required=True, help="who uses it (shown in the audit)")
    p = sub.add_parser("revoke-admin-token", parents=[common], help="revoke a desk user's token")
    p.add_argument("--name", required=True)
    p = sub.add_parser("set-agent-calendar", parents=[common], help="an agent's time zone and business-day cut-off")
    p.add_argument("--agent", required=True)
    p.add_argument("--timezone", help="IANA name, e.g. America/Santo_Domingo")
    p.add_argument("--cutoff", help="local HH:MM; 'none' for midnight")
    p = sub.add_parser("close-windows", parents=[common], help="close the settlement windows whose cut-off passed")
    p.add_argument("--agent")
    p = sub.add_parser("reconcile", parents=[common], help="close windows, then run the checks on the closed ones")
    p.add_argument("--date", help="only this business date")
    p.add_argument("--agent", help="only this agent")
    p = sub.add_parser("windows", parents=[common], help="list settlement windows and their checks")
    p.add_argument("--state", choices=("OPEN", "CLOSED", "RECONCILED"))
    p.add_argument("--agent")
    p.add_argument("--date-from")
    p.add_argument("--date-to")
    p.add_argument("--csv", action="store_true", help="CSV on stdout")
    p = sub.add_parser("import-bank-statement", parents=[common], help="read a bank statement CSV into deposits")
    p.add_argument("statement", metavar="CSV")
    p.add_argument("--bank", default="", help="the bank, when the file has no bank column")
    p = sub.add_parser("import-card-settlement", parents=[common], help="read an acquirer's settlement CSV")
    p.add_argument("settlement", metavar="CSV")
    p = sub.add_parser("mark-cheque-returned", parents=[common], help="reverse a returned cheque; its drawer goes on the terminals' list")
    p.add_argument("--payment", required=True, help="the payment's id")
    p.add_argument("--number", help="the cheque number, when the payment has several cheques")
    p.add_argument("--reason", required=True)
    p.add_argument("--returned-on", help="YYYY-MM-DD (default: today)")
    p = sub.add_parser("import-promises", parents=[common], help="read promises to pay: account_id,promise_date,amount")
    p.add_argument("promises", metavar="CSV")
    p = sub.add_parser("kpi", parents=[common], help="collection KPIs for a period (JSON, a table as CSV, or a PDF)")
    p.add_argument("--from", dest="date_from", required=True)
    p.add_argument("--to", dest="date_to", required=True)
    p.add_argument("--agent")
    p.add_argument("--biller")
    p.add_argument("--currency", help="the currency of every amount (default: the period's only one, or the one with the "
                                      "most payments); currencies are never added together")
    p.add_argument("--section", help="print one table as CSV: by_day, by_agent, by_biller, by_tender, by_hour, ageing, promises")
    p.add_argument("--pdf", metavar="FILE", help="write the KPI period report")
    p = sub.add_parser("window-report", parents=[common], help="write a window's reconciliation PDF")
    p.add_argument("--agent", required=True)
    p.add_argument("--date", required=True)
    p.add_argument("--pdf", metavar="FILE", required=True)

    sub.add_parser("gaps", parents=[common], help="list missing seq ranges per terminal")
    sub.add_parser("exceptions", parents=[common], help="list open exceptions (flagged and rejected items)")
    sub.add_parser("trial-balance", parents=[common], help="debits and credits per ledger account")

    p = sub.add_parser("serve", parents=[common], help="migrate, then serve the HTTP API with uvicorn")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8700)
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="server processes (default 1; one per core for a busy network of outlets)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    url = args.db or default_db_url()

    from central import admin
    from central.db import make_engine, migrate

    if args.command == "init":
        migrate(url)
        print(f"central database ready: {_display(url)}")
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
        print(f"agent {args.agent_id} added")
        return 0
    if cmd == "add-terminal":
        terminal_id, code = admin.add_terminal(engine, args.agent, args.name)
        print(f"terminal {terminal_id} ({args.name}) added to agent {args.agent}")
        print("one-time enrolment code:")
        print(code)
        return 0
    if cmd in ("disable-terminal", "enable-terminal"):
        admin.set_terminal_disabled(engine, args.terminal, cmd == "disable-terminal")
        print(f"terminal {args.terminal} {'disabled' if cmd == 'disable-terminal' else 'enabled'}")
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
                print(f"{report.path}: {report.rows} filas aplicadas")
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
        print(f"policy version {version} in force for agent {args.agent}")
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
            print(f"deposit {deposit_id} recorded for {args.agent} {args.date}")
            return 0
        journal = admin.record_deposit(engine, args.agent, args.currency, args.amount)
        print(f"deposit posted as {journal}")
        return 0
    if cmd == "gaps":
        gaps = admin.seq_gaps(engine)
        for terminal_id, first, last in gaps:
            print(f"{terminal_id}: missing seq {first}" + (f"-{last}" if last != first else ""))
        if not gaps:
            print("no gaps")
        return 0
    if cmd == "exceptions":
        cases = admin.open_exceptions(engine)
        for c in cases:
            detail = f" ({c['detail']})" if c["detail"] else ""
            print(f"#{c['id']} {c['created_at']:%Y-%m-%d %H:%M} {c['terminal_id']} {c['kind']} "
                  f"{','.join(c['reasons'])} item {c['item_id']}{detail}")
        if not cases:
            print("no open exceptions")
        return 0
    if cmd == "trial-balance":
        from central.ledger import CHART

        rows = admin.trial_balance(engine)
        for code, currency, debit, credit in rows:
            print(f"{code} {CHART.get(code, ''):<60} {currency} {debit:>16} {credit:>16}")
        total_d, total_c = sum(r[2] for r in rows), sum(r[3] for r in rows)
        print(f"{'total':<65} {total_d:>20} {total_c:>16}")
        return 0 if total_d == total_c else 1
    raise AssertionError(cmd)


OFFICE_COMMANDS = {
    "add-admin-token", "revoke-admin-token", "set-agent-calendar", "close-windows", "reconcile", "windows",
    "import-bank-statement", "import-card-settlement", "mark-cheque-returned", "import-promises", "kpi", "window-report",
}


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
    counts = ", ".join(f"{k} {v}" for k, v in sorted(report.counts.items())) or "nada nuevo"
    print(f"{report.path}: {report.rows} líneas leídas: {counts}")
    return 0


def _office(args: argparse.Namespace, engine) -> int:  # type: ignore[no-untyped-def]
    import json
    from datetime import datetime, timezone

    from central import kpis, office, reports, windows

    cmd, now = args.command, datetime.now(timezone.utc)
    if cmd == "add-admin-token":
        token = office.add_admin_token(engine, args.name)
        print(f"admin token for {args.name} (shown once; send it as Authorization: Bearer ...):")
        print(token)
        return 0
    if cmd == "revoke-admin-token":
        office.revoke_admin_token(engine, args.name)
        print(f"token {args.name} revoked")
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
        print(f"agent {args.agent}: {values}")
        return 0
    if cmd == "close-windows":
        report = windows.close_windows(engine, now, agent_id=args.agent, actor="cli")
        for agent, day in report.closed:
            print(f"closed {agent} {day}")
        for agent, day, why in report.waiting:
            print(f"open   {agent} {day}: {why}")
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
        print(f"checked {len(report.windows)} closed windows in {took:.2f} s: "
              + (", ".join(f"{n} {s}" for s, n in sorted(states.items())) or "none")
              + f"; exceptions opened {report.exceptions_opened}, cleared {report.exceptions_cleared}")
        return 0
    if cmd == "windows":
        rows = office.list_windows(engine, state=args.state, agent_id=args.agent, date_from=args.date_from, date_to=args.date_to)
        if args.csv:
            sys.stdout.write(office.to_csv(rows))
            return 0
        from central.office_types import CHECKS

        for w in rows:
            checks = " ".join(f"{name}={w[name] or '-'}" for name in CHECKS)
            print(f"#{w['id']} {w['agent_id']} {w['business_date']} {w['state']:<10} open exceptions {w['open_exceptions']}  {checks}")
        if not rows:
            print("no windows")
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
        print(f"cheque returned: {done['amount']} back on account {done['account_id']}; drawer {done['drawer_id']} listed; "
              f"journal {done['journal_id']}")
        return 0
    if cmd == "kpi":
        result = kpis.compute(engine, args.date_from, args.date_to, agent_id=args.agent, biller_id=args.biller,
                              currency=args.currency, now=now)
        if args.pdf:
            Path(args.pdf).write_bytes(reports.kpi_report(result, now))
            print(f"KPI report written to {args.pdf}")
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
        print(f"reconciliation of {args.agent} {args.date} written to {args.pdf}")
        return 0
    raise AssertionError(cmd)


def _display(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":
    raise SystemExit(main())
