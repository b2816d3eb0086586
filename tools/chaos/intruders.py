"""Campaign 4: intruders, against the real service (``ventanilla central serve``) and real stores.

Each attempt of the issue's table is one invariant named after it.  Also a
"test day" with card payments, receipts printed to a file, PDFs and a sync,
after which every byte written (stores with their WAL, logs, receipts, PDFs,
the central database) is searched for full card numbers and for the
terminal secret and the admin token; and TLS with a self-signed certificate,
which the terminal must refuse.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import requests

from tools.chaos import common
from tools.chaos.common import CampaignResult, Log

#: what a card reader hands the counter; none of it may ever be written anywhere
PANS = ("4111111111111111", "5500005555555559", "378282246310005", "6011000990139424")

ROWS = (
    "wrong HMAC: 401",
    "replay outside the time window: 401",
    "replay inside the window: answered from stored state, nothing doubled",
    "another terminal's items: 403, nothing recorded",
    "disabled terminal: 403",
    "admin endpoint with a terminal credential: 403",
    "admin endpoint with a terminal credential: refused",
    "enrolment code used twice: 409",
    "brute-forced PINs: locked after five tries, audited",
    "cashier approving their own override: refused, nothing written",
    "edited payment row: detected at start-up",
    "edited payment row: detected at sync, nothing sent",
    "edited audit entry: detected by ventanilla audit verify",
    "no full card number in any byte written",
    "a full card number typed as a void reason: refused",
    "terminal secret and admin token never in logs",
    "https: a self-signed certificate is refused",
)
ROW_PAN, ROW_VOID_PAN, ROW_SECRETS, ROW_TLS = ROWS[13], ROWS[14], ROWS[15], ROWS[16]


def run(size: str, workdir: Path, log: Log = common.stdout_log) -> CampaignResult:
    result = CampaignResult("intruders", size)
    started = time.monotonic()
    world = common.make_world(workdir, accounts=200)
    try:
        homes = {}
        for name in ("a", "b"):
            homes[name] = workdir / f"terminal-{name}"
            common.new_terminal(world, homes[name], name=f"Caja {name.upper()}",
                                printer=f"file://{workdir / f'receipts-{name}.bin'}")
        token = _admin_token(world)
        for attempt in (_hmac, _replay, _foreign, _disabled, _admin_with_terminal, _enrol_twice, _pins, _own_override,
                        _edited_row, _edited_audit, _void_reason_with_pan):
            try:
                attempt(result, world, homes, token)
            except Exception as e:  # noqa: BLE001 - an attempt that blows up is a failure, the others still run
                result.failures.append(f"{attempt.__name__}: {type(e).__name__}: {e}")
            result.attempts += 1
        _test_day_and_grep(result, world, workdir, homes["a"], token)
        result.attempts += 1
        _tls(result, world, workdir, homes["b"])
        result.attempts += 1
    finally:
        world.central.stop()
    result.seconds = time.monotonic() - started
    log(result.summary())
    return result


def failed(result: CampaignResult, row: str) -> list[str]:
    return [f for f in result.failures if f.startswith(row + ":")]


# -- helpers -----------------------------------------------------------------------------


def _creds(home: Path) -> tuple[str, str]:
    con = sqlite3.connect(home / "store.db")
    try:
        terminal_id = con.execute("select terminal_id from terminal_state").fetchone()[0]
        secret = con.execute("select value from settings where key='terminal_secret'").fetchone()[0]
        return terminal_id, secret
    finally:
        con.close()


def _admin_token(world: common.World) -> str:
    r = common.central_cli(world.db, "add-admin-token", "--name", "auditora")
    return r.stdout.strip().splitlines()[-1]


def _signed(home: Path, method: str, path: str, body: bytes = b"", *, now: datetime | None = None, secret: str | None = None,
            terminal_id: str | None = None) -> dict[str, str]:
    from sync.wire import signed_headers

    tid, sec = _creds(home)
    return signed_headers(terminal_id or tid, secret or sec, method, path, body, now or datetime.now(timezone.utc))


def _batch(home: Path, n: int = 1, *, terminal_id: str | None = None) -> tuple[str, bytes, list[str]]:
    """A well-formed batch of the terminal's own next items (sealed, chained), not stored on the terminal."""
    from sync.wire import rfc3339, seal, uuid7

    tid, _ = _creds(home)
    con = sqlite3.connect(home / "store.db")
    last_seq, head = con.execute("select last_seq, chain_head from terminal_state").fetchone()
    con.close()
    items = []
    now = datetime.now(timezone.utc)
    for i in range(n):
        body = {"id": uuid7(), "type": "cash_movement", "terminal_id": terminal_id or tid, "seq": last_seq + 1 + i,
                "occurred_at": rfc3339(now), "business_date": now.date().isoformat(), "shift_id": "INTRUSO", "cashier_id": "x",
                "kind": "float_in", "currency": "DOP", "amount": 100, "approver_id": None}
        sealed = seal(body, head)
        head = sealed["hash"]
        items.append(sealed)
    batch_id = uuid7()
    envelope = {"batch_id": batch_id, "terminal_id": terminal_id or tid, "sent_at": rfc3339(now), "items": items,
                "control": {"count": n, "amount_total": 0, "first_seq": items[0]["seq"], "last_seq": items[-1]["seq"]}}
    return batch_id, json.dumps(envelope).encode(), [i["id"] for i in items]


def _post(world: common.World, home: Path, batch_id: str, raw: bytes, **sign) -> requests.Response:
    headers = _signed(home, "POST", "/api/v1/batches", raw, **sign)
    headers.update({"Idempotency-Key": batch_id, "Content-Type": "application/json"})
    return requests.post(world.central.url + "/api/v1/batches", data=raw, headers=headers, timeout=30)


def _central_count(world: common.World, ids: list[str]) -> int:
    from sqlalchemy import text

    engine = world.engine()
    try:
        with engine.connect() as conn:
            return sum(conn.execute(text("select count(*) from items where id = :i"), {"i": i}).scalar() for i in ids)
    finally:
        engine.dispose()


def _error(r: requests.Response) -> str:
    try:
        return r.json().get("error", "")
    except ValueError:
        return "<not json>"


# -- the table ------------------------------------------------------------------------------


def _hmac(result, world, homes, token) -> None:  # noqa: ANN001
    row = ROWS[0]
    batch_id, raw, ids = _batch(homes["a"])
    wrong = _post(world, homes["a"], batch_id, raw, secret="A" * 43 + "=")
    result.check(wrong.status_code == 401 and _error(wrong) == "bad_signature", row, f"batch: {wrong.status_code} {wrong.text[:120]}")
    headers = _signed(homes["a"], "GET", "/api/v1/policy")
    headers["X-Signature"] = headers["X-Signature"][:-1] + ("0" if headers["X-Signature"][-1] != "0" else "1")
    r = requests.get(world.central.url + "/api/v1/policy", headers=headers, timeout=10)
    result.check(r.status_code == 401, row, f"one flipped hex digit: {r.status_code}")
    # a signature over another body
    headers = _signed(homes["a"], "POST", "/api/v1/batches", raw + b" ")
    headers.update({"Idempotency-Key": batch_id, "Content-Type": "application/json"})
    r = requests.post(world.central.url + "/api/v1/batches", data=raw, headers=headers, timeout=10)
    result.check(r.status_code == 401 and _central_count(world, ids) == 0, row, f"signature of another body: {r.status_code}")


def _replay(result, world, homes, token) -> None:  # noqa: ANN001
    batch_id, raw, ids = _batch(homes["a"])
    late = datetime.now(timezone.utc) - timedelta(minutes=16)
    r = _post(world, homes["a"], batch_id, raw, now=late)
    result.check(r.status_code == 401 and _error(r) == "clock_skew" and _central_count(world, ids) == 0, ROWS[1],
                 f"captured 16 min ago: {r.status_code} {r.text[:120]}")
    future = datetime.now(timezone.utc) + timedelta(minutes=16)
    r = _post(world, homes["a"], batch_id, raw, now=future)
    result.check(r.status_code == 401 and _central_count(world, ids) == 0, ROWS[1], f"stamped 16 min ahead: {r.status_code}")
    headers = _signed(homes["a"], "POST", "/api/v1/batches", raw)
    headers.update({"Idempotency-Key": batch_id, "Content-Type": "application/json"})
    first = requests.post(world.central.url + "/api/v1/batches", data=raw, headers=headers, timeout=30)
    again = requests.post(world.central.url + "/api/v1/batches", data=raw, headers=headers, timeout=30)
    ok = (first.status_code == again.status_code == 200
          and [x["status"] for x in again.json()["results"]] == ["exists"] and _central_count(world, ids) == 1)
    result.check(ok, ROWS[2], f"{first.status_code} {again.status_code} {again.text[:160]}")
    # the terminal itself must now send from there: bring its store in line by discarding it (a real terminal never
    # sends items it did not store).  The intruder items took seq; terminal A does not sync again in this campaign.


def _foreign(result, world, homes, token) -> None:  # noqa: ANN001
    tid_b, _ = _creds(homes["b"])
    batch_id, raw, ids = _batch(homes["a"], terminal_id=tid_b)  # B's id in the envelope and items, signed by A
    r = _post(world, homes["a"], batch_id, raw)
    result.check(r.status_code == 403 and _error(r) == "foreign_terminal" and _central_count(world, ids) == 0, ROWS[3],
                 f"envelope and items of B signed by A: {r.status_code} {r.text[:120]}")
    # A's envelope with one item of B inside
    batch_id, raw, ids = _batch(homes["a"])
    doc = json.loads(raw)
    doc["items"][0]["terminal_id"] = tid_b
    raw = json.dumps(doc).encode()
    r = _post(world, homes["a"], batch_id, raw)
    result.check(r.status_code == 403 and _central_count(world, ids) == 0, ROWS[3], f"one item of B: {r.status_code}")


def _disabled(result, world, homes, token) -> None:  # noqa: ANN001
    tid, _ = _creds(homes["b"])
    common.central_cli(world.db, "disable-terminal", "--terminal", tid)
    try:
        batch_id, raw, ids = _batch(homes["b"])
        r = _post(world, homes["b"], batch_id, raw)
        g = requests.get(world.central.url + "/api/v1/policy", headers=_signed(homes["b"], "GET", "/api/v1/policy"), timeout=10)
        result.check(r.status_code == 403 and g.status_code == 403 and _error(r) == "terminal_disabled"
                     and _central_count(world, ids) == 0, ROWS[4], f"batch {r.status_code}, policy {g.status_code}")
    finally:
        common.central_cli(world.db, "enable-terminal", "--terminal", tid)
    g = requests.get(world.central.url + "/api/v1/policy", headers=_signed(homes["b"], "GET", "/api/v1/policy"), timeout=10)
    result.check(g.status_code == 200, ROWS[4], f"enabled again: {g.status_code}")


ADMIN_PATHS = ("/admin/v1/windows", "/admin/v1/exceptions", "/admin/v1/kpis?date_from=2026-01-01&date_to=2026-12-31")


def _admin_with_terminal(result, world, homes, token) -> None:  # noqa: ANN001
    statuses = {}
    for path in ADMIN_PATHS:
        headers = _signed(homes["a"], "GET", path)
        r = requests.get(world.central.url + path, headers=headers, timeout=10)
        # the terminal's secret as a bearer token, too
        _, secret = _creds(homes["a"])
        r2 = requests.get(world.central.url + path, headers={**headers, "Authorization": f"Bearer {secret}"}, timeout=10)
        statuses[path] = (r.status_code, _error(r), r2.status_code, _error(r2))
    refused = all(s[0] in (401, 403) and s[2] in (401, 403) for s in statuses.values())
    result.check(refused, ROWS[6], f"{statuses}")
    forbidden = all(s[0] == 403 and s[2] == 403 for s in statuses.values())
    result.check(forbidden, ROWS[5], f"central answers {sorted({(s[0], s[1]) for s in statuses.values()})}, not 403")
    result.figures["admin endpoint with terminal HMAC answers"] = sorted({f"{s[0]} {s[1]}" for s in statuses.values()})
    r = requests.get(world.central.url + ADMIN_PATHS[0], headers={"Authorization": f"Bearer {token}"}, timeout=10)
    result.check(r.status_code == 200, ROWS[6], f"the admin token itself must work: {r.status_code}")


def _enrol_twice(result, world, homes, token) -> None:  # noqa: ANN001
    from central import admin

    engine = world.engine()
    try:
        _, code = admin.add_terminal(engine, "AG001", "Caja C")
    finally:
        engine.dispose()
    url = world.central.url + "/api/v1/terminals/enroll"
    first = requests.post(url, json={"enrollment_code": code, "name": "Caja C"}, timeout=10)
    second = requests.post(url, json={"enrollment_code": code, "name": "Caja intrusa"}, timeout=10)
    typed = requests.post(url, json={"enrollment_code": code.lower().replace("-", " "), "name": "x"}, timeout=10)
    result.check(first.status_code == 201 and second.status_code == 409 and typed.status_code == 409
                 and "secret" not in second.text, ROWS[7], f"{first.status_code} {second.status_code} {typed.status_code}")


def _pins(result, world, homes, token) -> None:  # noqa: ANN001
    from app.domain.errors import Unauthorized
    from app.services.journal import verify_audit

    t = common.open_terminal(homes["b"])
    try:
        t.auth.add_user("beto", "Beto", "cashier", "2468")
        refusals = []
        for pin in ("0000", "1111", "2222", "3333", "4444"):
            try:
                t.auth.login("beto", pin)
                refusals.append("accepted!")
            except Unauthorized as e:
                refusals.append(e.code)
        try:
            t.auth.login("beto", "2468")
            locked = False
        except Unauthorized as e:
            locked = e.code == "user_locked"
        with t.uow() as uow:
            audit = uow.audit.all()
            problems = verify_audit(audit)
        mine = [(a.action, json.loads(a.detail) if isinstance(a.detail, str) else a.detail) for a in audit if a.user_id == "beto"]
        failed_entries = [d for a, d in mine if a == "login_failed"]
        ok = (refusals == ["bad_credentials"] * 4 + ["user_locked"] and locked and len(failed_entries) == 5
              and failed_entries[-1].get("locked") is True and any(a == "login_refused" for a, _ in mine) and not problems)
        result.check(ok, ROWS[8], f"refusals {refusals}, right PIN while locked refused: {locked}, audit {mine}")
    finally:
        t.close()


def _own_override(result, world, homes, token) -> None:  # noqa: ANN001
    from app.domain.errors import DomainError
    from app.domain.money import Money
    from app.domain.policy import load_default_policy
    from app.services.counter import Approval, PaymentRequest

    t = common.open_terminal(homes["b"])
    try:
        from app.services.policy_holder import PolicyHolder

        t.counter.policies = PolicyHolder(load_default_policy())  # the default policy: abonos have a minimum
        accounts = common.payable_accounts(homes["b"] / "store.db", 5)
        tiny = Money(Decimal("1.00"), "DOP")
        con = sqlite3.connect(homes["b"] / "store.db")
        before = con.execute("select count(*) from payments").fetchone()[0]
        codes = []
        t.auth.add_user("sara", "Sara Supervisora que cobra", "supervisor", "1357")
        for cashier, role in (("ana", "cashier"), ("sara", "supervisor")):
            user = t.auth.login(cashier, {"ana": "1234", "sara": "1357"}[cashier])
            session = t.shifts.current(user) or t.shifts.open_shift(user, {100000: 1})
            try:
                t.counter.take_payment(session, PaymentRequest(accounts[0], amount=tiny, cash_received=tiny))
                codes.append("accepted without approval!")
            except DomainError as e:
                needed = e.code
            try:
                t.counter.take_payment(session, PaymentRequest(
                    accounts[0], amount=tiny, cash_received=tiny,
                    overrides=(Approval("partial_below_minimum", cashier, role, "me lo autorizo yo"),)))
                codes.append(f"{needed}: own approval accepted!")
            except DomainError as e:
                codes.append(f"{needed}: {e.code}")
        after = con.execute("select count(*) from payments").fetchone()[0]
        con.close()
        ok = codes == ["override_required: approver_not_supervisor", "override_required: approver_is_cashier"] and after == before
        result.check(ok, ROWS[9], f"{codes}, payments {before} -> {after}")
        # the same rule for voids: the cashier cannot approve their own void
        from app.domain.errors import Unauthorized

        sup = t.auth.login("sara", "1357")
        session = t.shifts.current(sup)
        p = t.counter.take_cash_payment(session, accounts[1], Money(Decimal("600.00"), "DOP"), amount=Money(Decimal("600.00"), "DOP"))
        try:
            t.counter.void_payment(session, p.payment_id, sup, "me equivoqué de cuenta")
            result.check(False, ROWS[9], "a supervisor voided their own payment")
        except Unauthorized as e:
            result.check(e.code == "approver_is_cashier", ROWS[9], f"void: {e.code}")
    finally:
        t.close()


def _edited_row(result, world, homes, token) -> None:  # noqa: ANN001
    from app.domain.money import Money
    from app.services.integrity import StoreTampered

    home = world.workdir / "terminal-edit"
    common.new_terminal(world, home, name="Caja E")
    accounts = common.payable_accounts(home / "store.db", 3)
    t = common.open_terminal(home)
    try:
        session = t.shifts.open_shift(t.auth.login("ana", "1234"), {100000: 1})
        m = Money(Decimal("600.00"), "DOP")
        for a in accounts:
            t.counter.take_cash_payment(session, a, m, amount=m)
        svc = t.sync_service()
        tid, _ = _creds(home)
        before = len(common.central_items(world.db, tid))
        with sqlite3.connect(home / "store.db") as con:  # a cashier with a SQLite shell, while the counter runs
            con.execute("update payments set amount_minor = 100 where receipt_no = 2")
        try:
            svc.push_all()
            sync_refused = False
        except StoreTampered:
            sync_refused = True
        after = len(common.central_items(world.db, tid))
        result.check(sync_refused and after == before, ROWS[11], f"push refused: {sync_refused}, central items {before} -> {after}")
    finally:
        t.close()
    try:
        common.open_terminal(home).close()
        result.check(False, ROWS[10], "the terminal opened on an edited store")
    except StoreTampered as e:
        result.check("recibo N° 2" in e.message, ROWS[10], e.message)


def _edited_audit(result, world, homes, token) -> None:  # noqa: ANN001
    home = homes["b"]
    with sqlite3.connect(home / "store.db") as con:
        con.execute("drop trigger audit_log_no_update")  # what someone with the file and a shell can do
        con.execute("update audit_log set detail = replace(detail, 'beto', 'otro') where id = (select min(id) from audit_log"
                    " where detail like '%beto%')")
        (edited,) = con.execute("select min(id) from audit_log where detail like '%otro%'").fetchone()
    r = subprocess.run([common.PYTHON, "-m", "ventanilla", "audit", "verify"], capture_output=True, text=True, cwd=common.ROOT,
                       env={**common.env(), "VENTANILLA_HOME": str(home)}, timeout=120)
    result.check(r.returncode == 1 and f"entrada {edited}" in r.stdout, ROWS[12], f"exit {r.returncode}: {r.stdout[-300:]} {r.stderr[-300:]}")


def _void_reason_with_pan(result, world, homes, token) -> None:  # noqa: ANN001
    """A cashier copies the card number off the slip into the void reason: it must be refused, like everywhere else."""
    import tempfile

    from app.domain.errors import DomainError
    from app.domain.money import Money

    with tempfile.TemporaryDirectory(prefix="void-pan-") as tmp:  # outside the world: the day's grep stays clean
        home = Path(tmp)
        (home / "settings.toml").write_text(f'policy_file = "{common.POLICY}"\n', encoding="utf-8")
        t = common.open_terminal(home)
        try:
            from app.storage.bulk import load_demo

            now = datetime.now(timezone.utc)
            load_demo(t.engine, 50, 3, now.date(), now, "DOP", 2)
            t.auth.add_user("ana", "Ana", "cashier", "1234")
            t.auth.add_user("sup", "Sonia", "supervisor", "4321")
            session = t.shifts.open_shift(t.auth.login("ana", "1234"), {100000: 1})
            account = common.payable_accounts(home / "store.db", 1)[0]
            m = Money(Decimal("600.00"), "DOP")
            p = t.counter.take_cash_payment(session, account, m, amount=m)
            try:
                t.counter.void_payment(session, p.payment_id, t.auth.login("sup", "4321"), f"tarjeta {PANS[0]} rechazada")
                stored = [n for n in ("store.db", "store.db-wal") if (home / n).exists() and PANS[0].encode() in (home / n).read_bytes()]
                result.check(False, ROW_VOID_PAN, f"accepted: the number is written in {stored} (the void row, its audit"
                                                  " entry and its item for central, which central accepts too)")
            except DomainError as e:
                result.check(e.code == "card_number_refused", ROW_VOID_PAN, e.code)
        finally:
            t.close()


# -- a test day, then grep every byte -------------------------------------------------------------


def luhn_runs(data: str) -> list[str]:
    """13-19 digit runs (not inside a longer word or hex string) that pass the Luhn check."""
    from app.domain.policy_input import luhn_ok

    return [m.group(1) for m in re.finditer(r"(?<![0-9A-Za-z])(\d{13,19})(?![0-9A-Za-z])", data) if luhn_ok(m.group(1))]


def _test_day_and_grep(result: CampaignResult, world: common.World, workdir: Path, home: Path, token: str) -> None:
    from app.domain.errors import DomainError
    from app.domain.money import Money
    from app.domain.payments import CardTender, ChequeTender
    from app.domain.policy_input import parse_card
    from app.domain.shifts import BlindCount
    from app.services.counter import PaymentRequest
    from printing import receipt_pdf
    from printing.reports import shift_report_pdf_bytes

    row = ROW_PAN
    day = workdir / "test-day"
    day.mkdir()
    common.new_terminal(world, day, name="Caja D", printer=f"file://{day / 'receipts.bin'}")
    accounts = common.payable_accounts(day / "store.db", 20)
    t = common.open_terminal(day)
    sneaked = []
    log_path = day / "terminal.log"
    import logging

    handler = logging.FileHandler(log_path)
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        user = t.auth.login("ana", "1234")
        sup = t.auth.login("sup", "4321")
        session = t.shifts.open_shift(user, {100000: 1})
        m = Money(Decimal("600.00"), "DOP")
        paid = []
        for i, pan in enumerate(PANS):
            # the card reader gives the full number; the counter keeps the last four
            tender = CardTender(m, "visa", pan[-4:], f"A{i:05d}", f"REF{i}")
            paid.append(t.counter.take_payment(session, PaymentRequest(accounts[i], tenders=(tender,), amount=m)))
            for field in ("auth_code", "terminal_ref", "brand", "last4"):
                fields = {"amount": "600.00", "brand": "visa", "last4": pan[-4:], "auth_code": "A12345", "terminal_ref": "R1",
                          field: pan}
                try:
                    parse_card(fields, "DOP", "es_DO")
                    sneaked.append(f"parse_card took a PAN in {field}")
                except DomainError:
                    pass
        issued = datetime.now(timezone.utc).date()
        paid.append(t.counter.take_payment(session, PaymentRequest(accounts[5], amount=m, tenders=(
            ChequeTender(m, "BHD", "00012345", "4455667", issued, "Pedro Almonte", "001-7654321-0"),))))
        for a in accounts[6:12]:
            paid.append(t.counter.take_cash_payment(session, a, Money(Decimal("1000.00"), "DOP"), amount=m))
        printer, receipts = t.printer, t.receipts()
        for p in paid:
            printer.print_receipt(receipts.receipt_for(p.payment_id, print_count=t.counter.start_print(p.payment_id)))
            (day / f"recibo-{p.receipt_no}.pdf").write_bytes(receipt_pdf(receipts.receipt_for(p.payment_id)))
        t.counter.void_payment(session, paid[0].payment_id, sup, "tarjeta rechazada por el banco")
        printer.print_receipt(receipts.receipt_for(paid[0].payment_id))
        figs = t.shifts.x_report(session).figures
        exp = figs.expected
        from tools.chaos.crash_child import counted

        outcome = t.shifts.close_shift(session, BlindCount(counted(t.shifts, exp["cash"]), figs.counts.get("cheque").count
                                                           if hasattr(figs.counts.get("cheque"), "count") else 1,
                                                           exp.get("cheque", 0), exp.get("card", 0)))
        try:
            (day / "z-report.pdf").write_bytes(shift_report_pdf_bytes(outcome.report, t.settings, t.counter.payments_of_shift(session)))
        except Exception as e:  # noqa: BLE001 - the Z PDF is other code's; report and go on
            sneaked.append(f"(Z report PDF not written: {type(e).__name__}: {e})")
        svc = t.sync_service()
        common.drain(svc)
        svc.pull_snapshot()
    finally:
        t.close()
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    # the office reads its reports: CSV and PDF from the admin API
    for path in ("/admin/v1/exceptions?format=csv", "/admin/v1/windows?format=csv"):
        r = requests.get(world.central.url + path, headers={"Authorization": f"Bearer {token}"}, timeout=30)
        (day / ("office-" + path.split("/")[-1].split("?")[0] + ".csv")).write_bytes(r.content)
    # the sync CLI, as the background loop's stand-in, with its output kept as a log
    r = subprocess.run([common.PYTHON, "-m", "ventanilla", "sync"], capture_output=True, text=True, cwd=common.ROOT,
                       env={**common.env(), "VENTANILLA_HOME": str(day)}, timeout=120)
    (day / "sync-cli.log").write_text(r.stdout + r.stderr, encoding="utf-8")

    # every file of the world (both stores and their WAL, central's database and WAL, logs, receipts, PDFs, CSVs):
    # the day's numbers byte for byte; any Luhn-valid 13-19 digit value in what a person or program would read
    # (database cells one by one, decoded receipts, PDF text, logs) - raw database pages glue columns together
    files = sorted(p for p in world.workdir.rglob("*") if p.is_file() and p.parent.name != "csv")
    hits, generic, scanned = [], [], 0
    for f in files:
        data = f.read_bytes()
        scanned += len(data)
        raw = data.decode("latin-1")
        hits += [f"{f.relative_to(world.workdir)}: {pan}" for pan in PANS if pan in raw]
        for text in _readable(f, data):
            generic += [f"{f.relative_to(world.workdir)}: {run}" for run in luhn_runs(text)]
    result.figures["bytes searched for card numbers"] = f"{scanned:,} in {len(files)} files"
    result.check(not hits, row, f"the PANs of the day were written: {sorted(set(hits))[:6]}")
    result.check(not generic, row, f"13-19 digit Luhn-valid runs: {sorted(set(generic))[:6]}")
    result.check(not [s for s in sneaked if not s.startswith("(")], row, f"{sneaked}")
    if [s for s in sneaked if s.startswith("(")]:
        result.figures["note"] = [s for s in sneaked if s.startswith("(")]

    # secrets in logs: the central's log, the terminal's log (root logger at DEBUG, urllib3 included), the CLI's output
    _, secret = _creds(day)
    logs = [world.central.log_path, log_path, day / "sync-cli.log"]
    leaked = [f"{p.name}: {what}" for p in logs if p.exists() for what, s in (("terminal secret", secret), ("admin token", token))
              if s in p.read_text(encoding="utf-8", errors="replace")]
    result.check(not leaked and all(p.exists() and p.stat().st_size > 0 for p in logs[:2]), ROW_SECRETS,
                 f"{leaked or [str(p) for p in logs if not p.exists()]}")


def _readable(f: Path, data: bytes) -> list[str]:
    if data[:16] == b"SQLite format 3\x00":
        con = sqlite3.connect(f"file:{f}?mode=ro", uri=True)
        try:
            out = []
            for (table,) in con.execute("select name from sqlite_master where type='table'"):
                for row in con.execute(f'select * from "{table}"'):
                    out += [str(v) for v in row if isinstance(v, (str, int))]
            return ["\n".join(out)]
        finally:
            con.close()
    if f.name.endswith(("-wal", "-shm")):
        return []  # pages of the database above: searched byte for byte only
    if f.suffix == ".pdf":
        return [_pdf_text(f)]
    if f.suffix == ".bin":
        from printing.decode import decode_escpos

        try:
            job = decode_escpos(data)
            return [job.text, "\n".join(q.data for q in job.qr_codes)]
        except Exception:  # noqa: BLE001
            return [data.decode("latin-1")]
    return [data.decode("utf-8", errors="replace")]


def _pdf_text(path: Path) -> str:
    try:
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    except Exception as e:  # noqa: BLE001
        return f"<unreadable pdf: {e}>"


# -- TLS ------------------------------------------------------------------------------------------


def make_self_signed(folder: Path) -> tuple[Path, Path]:
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    return key, cert


def _tls(result: CampaignResult, world: common.World, workdir: Path, home: Path) -> None:
    from app.domain.errors import DomainError
    from app.services.ports import CentralUnavailable
    from sync.client import CentralClient, enroll

    row = ROW_TLS
    key, cert = make_self_signed(workdir)
    port = common.free_port()
    code = ("import uvicorn; from central.api import create_app; "
            f"uvicorn.run(create_app({world.db!r}), host='127.0.0.1', port={port}, ssl_keyfile={str(key)!r}, "
            f"ssl_certfile={str(cert)!r}, log_level='warning')")
    proc = subprocess.Popen([common.PYTHON, "-c", code], cwd=common.ROOT, env=common.env(),
                            stdout=subprocess.DEVNULL, stderr=open(workdir / "central-tls.log", "wb"))
    try:
        base = f"https://127.0.0.1:{port}"
        common.wait_http(base + "/api/v1/health", proc, verify=str(cert))  # it does serve TLS, with this certificate
        tid, secret = _creds(home)
        client = CentralClient(base, tid, secret, timeout=5)
        outcomes = []
        for call in (lambda: client.fetch_policy(), lambda: client.send_batch("0190a000-0000-7000-8000-000000000000", [
                {"id": "x", "type": "payment", "seq": 1, "amount": 1}])):
            try:
                call()
                outcomes.append("accepted")
            except CentralUnavailable as e:
                outcomes.append(f"refused ({e.code}: {type(e.__cause__).__name__})")
            except DomainError as e:
                outcomes.append(f"answered {e.code}")
        try:
            enroll(base, "AAAA-BBBB-CCCC-DDDD", "x", timeout=5)
            outcomes.append("enrol reached central")
        except CentralUnavailable:
            outcomes.append("enrol refused")
        except DomainError as e:
            outcomes.append(f"enrol answered {e.code}")
        ok = outcomes[:2] == ["refused (central_unavailable: SSLError)"] * 2 and outcomes[2] == "enrol refused"
        result.check(ok, row, f"{outcomes}")
        # with the office's CA named (REQUESTS_CA_BUNDLE), the same client gets through: the refusal was the check
        os.environ["REQUESTS_CA_BUNDLE"] = str(cert)
        try:
            answer = CentralClient(base, tid, secret, timeout=5).fetch_policy()
            result.check("version" in answer, row, f"with the CA bundle: {answer}")
        finally:
            del os.environ["REQUESTS_CA_BUNDLE"]
        result.figures["https with a self-signed certificate"] = outcomes
    finally:
        proc.terminate()
        proc.wait(10)
