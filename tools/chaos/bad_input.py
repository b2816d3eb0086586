"""Campaign 3: bad input.

* schemathesis generates requests for every operation of central's own
  ``/openapi.json`` - once as an outsider (no credentials) and once through an
  ASGI wrapper that signs every request as an enrolled terminal (and gives
  ``/admin/v1`` a bearer token), so the fuzz reaches the handlers behind the
  signature.  No 5xx may come back; every error is JSON ``{"error", "message"}``.
* hypothesis on every parser the counter and the office feed with typed or
  scanned text: bill barcodes, amounts, dates, money, tender fields, payer ids,
  the policy TOML, the settings file, and central's CSV imports.  A parser
  returns a value or raises ``DomainError`` with a code; an import either applies
  the whole file or lists bad lines and writes nothing.
* the store file with random damage: the terminal says what is wrong
  (``StoreProblem`` / ``StoreTampered``) or opens with everything there; it never
  opens silently with less.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import tempfile
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from tools.chaos import common
from tools.chaos.common import CampaignResult, Log

SIZES = {"short": {"api": 12, "parsers": 150, "csv": 40, "store": 12}, "long": {"api": 300, "parsers": 3000, "csv": 600, "store": 200}}


#: the short run (make test) is the same every time; the long one explores
DERANDOMIZE = {"derandomize": True}


def run(size: str, workdir: Path, log: Log = common.stdout_log) -> CampaignResult:
    n = SIZES[size]
    DERANDOMIZE["derandomize"] = size == "short"
    result = CampaignResult("bad input", size)
    started = time.monotonic()
    workdir.mkdir(parents=True, exist_ok=True)
    for part, fn in (("api", fuzz_api), ("parsers", fuzz_parsers), ("csv", fuzz_csv_imports), ("store", damage_store)):
        try:
            fn(result, workdir / part, n[part], log)
        except Exception as e:  # noqa: BLE001
            result.failures.append(f"{part}: campaign part crashed: {type(e).__name__}: {e}\n{traceback.format_exc()[-1500:]}")
    result.seconds = time.monotonic() - started
    log(result.summary())
    return result


# -- the API ----------------------------------------------------------------------------------


def signing_wrapper(app: Any, terminal_id: str, secret: str, admin_token: str) -> Callable:
    """An ASGI app that signs each request as the terminal (and sets Idempotency-Key to the body's batch_id)."""
    from sync.wire import signed_headers

    async def wrapped(scope, receive, send):  # noqa: ANN001, ANN202
        if scope["type"] != "http":
            return await app(scope, receive, send)
        chunks, more = [], True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        raw_path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
        query = scope.get("query_string", b"").decode("latin-1")
        target = f"{raw_path}?{query}" if query else raw_path
        headers = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"x-terminal-id", b"x-timestamp", b"x-signature")]
        signed = signed_headers(terminal_id, secret, scope["method"], target, body, datetime.now(timezone.utc))
        headers += [(k.lower().encode(), v.encode()) for k, v in signed.items()]
        if scope["path"].startswith("/admin/"):
            headers = [(k, v) for k, v in headers if k.lower() != b"authorization"] + [(b"authorization", f"Bearer {admin_token}".encode())]
        if scope["path"] == "/api/v1/batches":
            try:
                batch_id = json.loads(body).get("batch_id")
            except (ValueError, AttributeError):
                batch_id = None
            if isinstance(batch_id, str) and batch_id.isascii() and batch_id.isprintable():
                headers = [(k, v) for k, v in headers if k.lower() != b"idempotency-key"] + [(b"idempotency-key", batch_id.encode())]
        sent = False

        async def replay():  # noqa: ANN202
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await app({**scope, "headers": headers}, replay, send)

    return wrapped


def fuzz_api(result: CampaignResult, folder: Path, examples: int, log: Log) -> None:
    import warnings

    import schemathesis
    from hypothesis import HealthCheck, given, settings

    from central import admin, office
    from central.api import create_app
    from central.db import make_engine, migrate

    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'central.db'}"
    migrate(url)
    engine = make_engine(url)
    admin.add_agent(engine, "AG001", "Centro")
    _, code = admin.add_terminal(engine, "AG001", "Caja 1")
    done = admin.enroll(engine, code, "Caja 1", datetime.now(timezone.utc))
    token = office.add_admin_token(engine, "fuzz")
    engine.dispose()
    app = create_app(url)
    statuses: dict[str, int] = {}
    bad: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for mode, target in (("outsider", app), ("signed terminal and admin", signing_wrapper(app, done.terminal_id, done.secret, token))):
            schema = schemathesis.openapi.from_asgi("/openapi.json", target)
            operations = [r.ok() for r in schema.get_all_operations()]
            for op in operations:
                @given(op.as_strategy())
                @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None,
                  derandomize=DERANDOMIZE["derandomize"])
                def call(case) -> None:  # noqa: ANN001
                    response = case.call()
                    result.attempts += 1
                    statuses[str(response.status_code)] = statuses.get(str(response.status_code), 0) + 1
                    where = f"{mode} {op.method.upper()} {op.path} -> {response.status_code}"
                    result.check(response.status_code < 500, "API: no 5xx", f"{where}: {response.text[:200]}")
                    if response.status_code >= 400:
                        try:
                            doc = response.json()
                            ok = isinstance(doc.get("error"), str) and isinstance(doc.get("message"), str)
                        except ValueError:
                            ok = False
                        if not result.check(ok, "API: every error is JSON {error, message}", f"{where}: {response.text[:200]}"):
                            bad.append(where)

                try:
                    call()
                except Exception as e:  # noqa: BLE001 - hypothesis re-raises what the check recorded
                    if not any(op.path in f for f in result.failures):
                        result.failures.append(f"API {mode} {op.method.upper()} {op.path}: {type(e).__name__}: {e}"[:400])
            log(f"input: schemathesis as {mode}: {len(operations)} operations")
    app.state.engine.dispose()
    result.figures["API answers by status"] = dict(sorted(statuses.items()))
    result.fault("schemathesis requests", sum(statuses.values()))


# -- the parsers --------------------------------------------------------------------------------


def _parser_runs(formats: dict, examples: int) -> list[tuple[str, Callable[[], None]]]:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from app.domain.amounts import parse_amount
    from app.domain.barcodes import build_gs1, looks_like_barcode, parse_bill_barcode
    from app.domain.errors import DomainError
    from app.domain.policy_document import parse_policy
    from app.domain.policy_input import parse_card, parse_cash, parse_cheque, parse_date, parse_money, parse_payer_id
    from app.settings import load_settings

    cfg = settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None,
                  derandomize=DERANDOMIZE["derandomize"])
    currencies = st.sampled_from(["DOP", "USD", "CLP", "PYG", "COP", "MXN", "XXX", ""])
    locales = st.sampled_from(["es_DO", "en_US", "es_CL", "es_CO", "pt_BR", "xx"])
    digits = st.text("0123456789", min_size=0, max_size=60)
    scan = st.one_of(st.text(max_size=80), digits, st.text("0123456789()\x1d ]C1d2", max_size=70),
                     st.builds(lambda d: "(415)" + d, digits))
    typed = st.one_of(st.text(max_size=30), st.text("0123456789.,- $RD", max_size=25),
                      st.sampled_from(["1.000,50", "1,000.50", "1e5", "NaN", "-0", "٣٤", "１２３", "9" * 40, "0.001", " 5 "]))
    value = st.one_of(typed, st.none(), st.integers(), st.floats(allow_nan=True), st.lists(st.text(max_size=3), max_size=2))
    fields = st.dictionaries(st.sampled_from(["amount", "brand", "last4", "auth_code", "terminal_ref", "bank_code", "number",
                                              "account_number", "issue_date", "drawer_name", "drawer_id", "received", "type"]),
                             value, max_size=12)
    valid_gs1 = []
    for biller, fmt in formats.items():
        try:
            valid_gs1.append(build_gs1(fmt, "1000000004", 150000, None) if hasattr(fmt, "gln") else "")
        except Exception:  # noqa: BLE001
            pass
    mutated = st.builds(lambda s, i, c: (s[:i] + c + s[i + 1:]) if s else c,
                        st.sampled_from([v for v in valid_gs1 if v] or ["0"]), st.integers(0, 60), st.text(max_size=2))

    def only_domain_errors(fn: Callable[[], Any]) -> None:
        try:
            fn()
        except DomainError as e:
            assert isinstance(e.code, str) and e.code and isinstance(e.message, str) and e.message, (e.code, e.message)

    @cfg
    @given(st.one_of(scan, mutated))
    def barcodes(raw: str) -> None:
        only_domain_errors(lambda: parse_bill_barcode(raw, formats))
        looks_like_barcode(raw, formats)

    @cfg
    @given(typed, currencies, locales)
    def amounts(text: str, currency: str, locale: str) -> None:
        def parse() -> None:
            m = parse_amount(text, currency, locale)
            assert m.currency == currency and m.amount == m.amount.quantize(m.amount), m

        only_domain_errors(parse)

    @cfg
    @given(value)
    def dates(text: Any) -> None:
        only_domain_errors(lambda: parse_date(text))

    @cfg
    @given(value, currencies, locales)
    def money(text: Any, currency: str, locale: str) -> None:
        only_domain_errors(lambda: parse_money(text, currency, locale, "amount"))

    @cfg
    @given(fields, st.sampled_from([parse_card, parse_cash, parse_cheque]))
    def tenders(f: dict, parse: Callable) -> None:
        only_domain_errors(lambda: parse(f, "DOP", "es_DO"))

    @cfg
    @given(fields)
    def payer_ids(f: dict) -> None:
        only_domain_errors(lambda: parse_payer_id(f))

    default_policy = (common.ROOT / "resources/policy/default.toml").read_text(encoding="utf-8")
    lines = default_policy.splitlines()

    @cfg
    @given(st.one_of(st.text(max_size=200),
                     st.builds(lambda i, junk: "\n".join(lines[:i] + [junk] + lines[i + 1:]), st.integers(0, len(lines)),
                               st.one_of(st.text(max_size=40), st.sampled_from(["minimum = 1.5", "format = 2", "[[x]]", "allowed = [",
                                                                                "max_payment = -1", "minimum = { DOP = true }"])))))
    def policies(text: str) -> None:
        only_domain_errors(lambda: parse_policy(text))

    folder = Path(tempfile.mkdtemp(prefix="settings-fuzz-"))

    @cfg
    @given(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode),
                     st.sampled_from([b'currency = "XXX"', b'printer = "lpt://x"', b'cutoff = "25:00"', b'cash_rounding = "-5"',
                                      b"timezone = \"Mars/Olympus\"", b"[outlet]\nname = 5", b"\xff\xfe"])))
    def settings_files(data: bytes) -> None:
        path = folder / "settings.toml"
        path.write_bytes(data)
        only_domain_errors(lambda: load_settings(path))
        assert path.read_bytes() == data, "load_settings rewrote the file"

    return [("bill barcodes", barcodes), ("amounts", amounts), ("dates", dates), ("money fields", money),
            ("tender fields", tenders), ("payer ids", payer_ids), ("policy TOML", policies), ("settings file", settings_files)]


def fuzz_parsers(result: CampaignResult, folder: Path, examples: int, log: Log) -> None:
    from app.domain.barcodes import format_from_config

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text("", encoding="utf-8")
    t = common.open_terminal(folder)
    try:
        from app.storage.bulk import load_demo

        now = datetime.now(timezone.utc)
        load_demo(t.engine, 20, 1, now.date(), now, "DOP", 2)
        with t.uow() as uow:
            formats = {b: format_from_config(cfg) for b, cfg in uow.accounts.barcode_formats().items()}
    finally:
        t.close()
    for name, fn in _parser_runs(formats, examples):
        result.attempts += examples
        result.fault(f"hypothesis inputs: {name}", examples)
        try:
            fn()
            result.held(f"parser gives a value or a DomainError: {name}")
        except Exception as e:  # noqa: BLE001 - hypothesis shrank a counter-example: that is the finding
            result.check(False, f"parser gives a value or a DomainError: {name}", f"{type(e).__name__}: {str(e)[:300]}")
    log(f"input: 8 parsers fuzzed with {examples} inputs each")


# -- central's CSV imports ------------------------------------------------------------------------

ACCOUNTS_HEADER = "account_id,biller_id,name,national_id,segment,status,currency"
GOOD_ACCOUNTS = ["A1,B1,Juan Pérez,001-0000001-1,residential,active,DOP", "A2,B1,María Gómez,001-0000002-2,business,judicial,USD"]
DOCUMENTS_HEADER = "document_id,account_id,kind,issue_date,due_date,amount,currency"
GOOD_DOCUMENTS = ["D1,A1,invoice,2026-10-01,2026-10-31,100.00,DOP", "D2,A2,installment,2026-09-01,2026-09-30,20.5,USD"]


def _db_digest(engine) -> str:  # noqa: ANN001
    from sqlalchemy import text

    h = hashlib.sha256()
    with engine.connect() as conn:
        for table in ("accounts", "documents", "entries", "items"):
            for row in conn.execute(text(f"select * from {table} order by 1")):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def fuzz_csv_imports(result: CampaignResult, folder: Path, examples: int, log: Log) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from central import admin
    from central.db import make_engine, migrate

    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'central.db'}"
    migrate(url)
    engine = make_engine(url)
    cells = st.one_of(st.text(max_size=12), st.sampled_from(["", "DOP", "XXX", "1.234", "-5.00", "1e3", "2026-02-30", "99999999999999999999.99",
                                                             "active", "ACTIVE", "A1", "\x00", '"', "=cmd|' /C calc'!A0", "NaN"]))

    def mutate(lines: list[str], data) -> str:  # noqa: ANN001
        rows = [ln.split(",") for ln in lines]
        for _ in range(data.draw(st.integers(1, 3))):
            r = data.draw(st.integers(0, len(rows) - 1))
            roll = data.draw(st.integers(0, 4))
            if roll == 0 and len(rows[r]) > 1:
                rows[r].pop(data.draw(st.integers(0, len(rows[r]) - 1)))
            elif roll == 1:
                rows[r].append(data.draw(cells))
            else:
                rows[r][data.draw(st.integers(0, len(rows[r]) - 1))] = data.draw(cells)
        return "\n".join(",".join(r) for r in rows) + "\n"

    counts = {"applied": 0, "refused": 0}

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None,
                  derandomize=DERANDOMIZE["derandomize"])
    @given(st.data(), st.sampled_from(["accounts", "documents"]), st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    def imports(data, kind: str, encoding: str) -> None:  # noqa: ANN001
        header, good = (ACCOUNTS_HEADER, GOOD_ACCOUNTS) if kind == "accounts" else (DOCUMENTS_HEADER, GOOD_DOCUMENTS)
        text = data.draw(st.one_of(st.just("\n".join([header, *good])), st.text(max_size=120),
                                   st.builds(lambda: None).map(lambda _: mutate([header, *good], data))))
        path = folder / f"{kind}.csv"
        try:
            path.write_bytes(text.encode(encoding))
        except UnicodeEncodeError:
            path.write_bytes(text.encode("utf-8"))
        before = _db_digest(engine)
        report = (admin.import_accounts if kind == "accounts" else admin.import_documents)(engine, path)
        after = _db_digest(engine)
        if report.applied:
            counts["applied"] += 1
            assert not report.errors, report.errors
        else:
            counts["refused"] += 1
            assert report.errors and all(isinstance(line, int) and message for line, message in report.errors), report.errors
            assert before == after, "a refused file changed the database"

    # the documents need their accounts
    (folder / "seed.csv").write_text("\n".join([ACCOUNTS_HEADER, *GOOD_ACCOUNTS]) + "\n", encoding="utf-8")
    admin.import_accounts(engine, folder / "seed.csv")
    result.attempts += examples
    result.fault("hypothesis CSV files", examples)
    try:
        imports()
        result.held("CSV import: whole file applied or bad lines listed and nothing written", examples)
    except Exception as e:  # noqa: BLE001
        result.check(False, "CSV import: whole file applied or bad lines listed and nothing written", f"{type(e).__name__}: {str(e)[:400]}")
    # and through the command line: exit status 1, line numbers, nothing applied
    before = _db_digest(engine)
    bad = folder / "bad.csv"
    bad.write_text("\n".join([ACCOUNTS_HEADER, GOOD_ACCOUNTS[0].replace("A1", "A9"), "A10,B1,X,1,residential,active,XXX"]) + "\n",
                   encoding="utf-8")
    r = common.central_cli(url, "import-accounts", "--accounts", str(bad), check=False)
    result.check(r.returncode == 1 and "línea 3" in r.stderr and "Traceback" not in r.stderr and _db_digest(engine) == before,
                 "CLI import-accounts: bad file refused whole with line numbers", f"exit {r.returncode}: {r.stderr[-300:]}")
    engine.dispose()
    result.figures["CSV files applied / refused"] = f"{counts['applied']} / {counts['refused']}"


# -- a damaged store ---------------------------------------------------------------------------------


def damage_store(result: CampaignResult, folder: Path, examples: int, log: Log) -> None:
    from decimal import Decimal

    from app.domain.errors import DomainError
    from app.domain.money import Money
    from app.storage.bulk import load_demo

    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "good"
    good.mkdir()
    (good / "settings.toml").write_text(f'policy_file = "{common.POLICY}"\n', encoding="utf-8")
    t = common.open_terminal(good)
    now = datetime.now(timezone.utc)
    load_demo(t.engine, 150, 2, now.date(), now, "DOP", 2)
    t.auth.add_user("ana", "Ana", "cashier", "1234")
    session = t.shifts.open_shift(t.auth.login("ana", "1234"), {100000: 1})
    one = Money(Decimal("1.00"), "DOP")
    for a in common.payable_accounts(good / "store.db", 30):
        t.counter.take_cash_payment(session, a, one, amount=one)
    t.close()
    con = sqlite3.connect(good / "store.db")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    payments = con.execute("select count(*) from payments").fetchone()[0]
    con.close()
    size = (good / "store.db").stat().st_size
    spare = common.payable_accounts(good / "store.db", 1)[0]  # read before the damage: the harness never reads a damaged file
    rng = random.Random(99)
    outcomes: dict[str, int] = {}
    for k in range(examples):
        case = folder / f"case{k}"
        shutil.copytree(good, case)
        for suffix in ("-wal", "-shm"):
            (case / f"store.db{suffix}").unlink(missing_ok=True)
        data = bytearray((case / "store.db").read_bytes())
        how = rng.choice(["bytes", "page", "truncate", "header"])
        if how == "bytes":
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif how == "page":
            page = rng.randrange(1, size // 4096)
            data[page * 4096:(page + 1) * 4096] = bytes(rng.randrange(256) for _ in range(4096))
        elif how == "truncate":
            data = data[: rng.randrange(100, len(data))]
        else:
            data[rng.randrange(0, 100)] ^= 0xFF
        (case / "store.db").write_bytes(bytes(data))
        result.attempts += 1
        result.fault(f"store damaged: {how}")
        try:
            t = common.open_terminal(case)
        except DomainError as e:
            outcomes[e.code] = outcomes.get(e.code, 0) + 1
            result.check(bool(e.message) and ("restore" in e.message or "soporte" in e.message or "verify" in e.message),
                         "damaged store: refused with what is wrong and how to recover", f"case {k} ({how}): {e.code}: {e.message}")
            shutil.rmtree(case)
            continue
        except Exception as e:  # noqa: BLE001
            result.check(False, "damaged store: refused with what is wrong and how to recover",
                         f"case {k} ({how}): {type(e).__name__}: {str(e)[:200]}")
            shutil.rmtree(case)
            continue
        # it opened: then the money must all be there and the counter must work or refuse clearly
        try:
            with t.uow() as uow:
                n = len(uow.payments.of_shift(session.shift_id))
            user = t.auth.login("ana", "1234")
            s = t.shifts.current(user)
            t.counter.take_cash_payment(s, spare, one, amount=one)
            result.check(n == payments, "damaged store that opens: no payment missing", f"case {k} ({how}): {n} of {payments}")
            outcomes["opened and worked"] = outcomes.get("opened and worked", 0) + 1
        except DomainError as e:
            outcomes[f"opened, then {e.code}"] = outcomes.get(f"opened, then {e.code}", 0) + 1
            result.held("damaged store that opens: refuses clearly later")
        except Exception as e:  # noqa: BLE001
            result.check(False, "damaged store that opens: refuses clearly later",
                         f"case {k} ({how}): {type(e).__name__}: {str(e)[:200]}")
            outcomes[f"opened, then {type(e).__name__}"] = outcomes.get(f"opened, then {type(e).__name__}", 0) + 1
        finally:
            t.close()
        shutil.rmtree(case)
    result.figures["damaged stores"] = dict(sorted(outcomes.items()))
