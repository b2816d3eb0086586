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

    sub.add_parser("gaps", parents=[common], help="list missing seq ranges per terminal")
    sub.add_parser("exceptions", parents=[common], help="list open exceptions (flagged and rejected items)")
    sub.add_parser("trial-balance", parents=[common], help="debits and credits per ledger account")

    p = sub.add_parser("serve", parents=[common], help="migrate, then serve the HTTP API with uvicorn")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8700)
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

        from central.api import create_app

        uvicorn.run(create_app(url, migrate=True), host=args.host, port=args.port, log_level="info")
        return 0

    engine = make_engine(url)
    try:
        return _run(args, engine, admin)
    except admin.AdminError as e:
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
            print("error: give --accounts CSV, --documents CSV or both", file=sys.stderr)
            return 2
        status = 0
        reports = []
        if args.accounts:
            reports.append(admin.import_accounts(engine, args.accounts))
        if args.documents:
            reports.append(admin.import_documents(engine, args.documents))
        for report in reports:
            if report.applied:
                print(f"{report.path}: {report.rows} rows applied")
            else:
                status = 1
                print(f"{report.path}: nothing applied, {len(report.errors)} bad rows:", file=sys.stderr)
                for line, message in report.errors:
                    print(f"  line {line}: {message}", file=sys.stderr)
        return status
    if cmd == "set-policy":
        try:
            toml_text = Path(args.policy).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            print(f"error: cannot read {args.policy}: {e}", file=sys.stderr)
            return 1
        version = admin.set_policy(engine, args.agent, toml_text)
        print(f"policy version {version} in force for agent {args.agent}")
        return 0
    if cmd == "record-deposit":
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


def _display(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":
    raise SystemExit(main())
