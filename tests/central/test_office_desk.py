"""The desk API and the office CLI on scripted terminals: authentication, windows
closing on the cut-off, checks, CSV/PDF, KPIs, promises, the migration backfill,
and bad input that is answered in JSON, never with a 500."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import timedelta

import pytest
from sqlalchemy import text

from central import office
from central.cli import main
from central.db import make_engine, migrate
from central.windows import reconcile


@pytest.fixture
def token(seeded) -> str:
    return office.add_admin_token(seeded, "marta")


def desk(client, token, method, path, **kw):
    headers = kw.pop("headers", {})
    headers["Authorization"] = f"Bearer {token}"
    return client.request(method, "/admin/v1" + path, headers=headers, **kw)


def a_day(sim, client, *, cash=(10000, 5050), card=None, over_short=0):
    items = [sim.shift_open()]
    for account, amount in zip(("A1", "A2"), cash):
        items.append(sim.payment(account, amount, allocations=[("D-" + account, amount)]))
    if card:
        items.append(sim.payment("A2", card, allocations=[("D-A2", card)], tenders=[
            {"kind": "card", "amount": card, "brand": "visa", "last4": "4242", "auth_code": "XYZ1", "terminal_ref": "P1"}]))
    close = sim.shift_close({"cash": over_short})
    close["counts"] = {"cash": {"count": len(cash), "total": sum(cash)}, "cheque": {"count": 0, "total": 0},
                       "card": {"count": 1 if card else 0, "total": card or 0}}
    # re-seal the manifest with its real counts
    from sync.wire import seal

    close.pop("hash")
    sealed = seal(close, close["prev_hash"])
    sim.head = sealed["hash"]
    items.append(sealed)
    r = sim.send(client, sim.batch(items))
    assert r.status_code == 200, r.text
    return r.json()


def test_the_desk_wants_an_admin_token_and_never_the_terminal_signature(client, sim, token, seeded):
    assert client.get("/admin/v1/windows").json()["error"] == "admin_token_required"
    r = client.get("/admin/v1/windows", headers={"Authorization": "Bearer nope"})
    assert (r.status_code, r.json()["error"]) == (401, "bad_admin_token")
    r = client.get("/admin/v1/windows", headers=sim.headers("GET", "/admin/v1/windows", b""))
    assert (r.status_code, r.json()["error"]) == (403, "terminal_not_allowed")  # authenticated as a terminal: not allowed
    assert desk(client, token, "GET", "/windows").json() == {"windows": [], "count": 0}
    office.revoke_admin_token(seeded, "marta")
    assert desk(client, token, "GET", "/windows").status_code == 401
    with seeded.connect() as conn:
        assert conn.execute(text("SELECT token_hash FROM admin_tokens")).scalar() == office.token_hash(token)


def test_a_window_closes_at_the_agents_cut_off_once_every_shift_sent_its_manifest(client, make_sim, clock, token, seeded):
    a, b = make_sim(), make_sim(name="Caja 2")
    a_day(a, client)
    b.send(client, b.batch([b.shift_open(), b.payment("A3", 1000, allocations=[("D-A3", 1000)])]))
    with seeded.begin() as conn:
        conn.execute(text("UPDATE agents SET cutoff='20:00'"))
    windows = desk(client, token, "GET", "/windows").json()["windows"]
    assert [(w["agent_id"], w["business_date"], w["state"]) for w in windows] == [("AG001", "2026-11-22", "OPEN")]
    clock.now = clock.now.replace(hour=23, minute=59)  # 19:59 in Santo Domingo
    assert desk(client, token, "POST", "/windows/close").json()["closed"] == []
    clock.advance(minutes=1)
    waiting = desk(client, token, "POST", "/windows/close").json()["waiting"]
    assert waiting[0]["why"].startswith("shifts without manifest: AG001-T02/S1")
    # the second cashier closes: the window closes
    close = b.shift_close()
    assert b.send(client, b.batch([close])).status_code == 200
    assert desk(client, token, "POST", "/windows/close").json()["closed"] == [{"agent_id": "AG001", "business_date": "2026-11-22"}]
    # an item for the closed date is counted there, flagged late
    late = b.payment("A1", 500, allocations=[("D-A1", 500)])
    result = b.send(client, b.batch([late])).json()["results"][0]
    assert result["reasons"] == ["business_date_closed"]
    (case,) = desk(client, token, "GET", "/exceptions", params={"type": "late"}).json()["exceptions"]
    assert (case["business_date"], case["agent_id"], case["cashier_id"], case["amount"]) == ("2026-11-22", "AG001", "C01", 500)


def test_checks_of_a_clean_day_pass_and_the_window_reconciles_with_deposit_and_settlement(client, sim, clock, token, seeded):
    a_day(sim, client, card=2500)
    clock.advance(days=1)
    r = desk(client, token, "POST", "/deposits", json={"agent_id": "AG001", "business_date": "2026-11-22", "bank": "BHD",
                                                       "reference": "slip 77", "amount": 15050, "currency": "DOP"})
    assert r.status_code == 201
    settlement = "settled_on,auth_code,last4,brand,amount,currency\n2026-11-23,XYZ1,4242,visa,25.00,DOP\n"
    assert desk(client, token, "POST", "/card-settlements", content=settlement).json()["counts"] == {"matched": 1}
    done = desk(client, token, "POST", "/reconcile", json={"business_date": "2026-11-22"}).json()
    assert done["reconciled"] == [{"agent_id": "AG001", "business_date": "2026-11-22"}]
    (w,) = desk(client, token, "GET", "/windows", params={"state": "RECONCILED"}).json()["windows"]
    detail = desk(client, token, "GET", f"/windows/{w['id']}").json()
    assert {c["name"]: c["status"] for c in detail["checks"]} == dict.fromkeys(
        ("completeness", "manifests", "drawer_counts", "cash_deposits", "cheque_deposits", "card_settlement"), "pass")
    assert detail["items"]["payment"] == {"count": 3, "amount": 17550}
    # the statement confirms the slip by its reference, and the bank's amount wins
    statement = "date,reference,amount,currency\n2026-11-23,SLIP 77,150.00,DOP\n"
    assert desk(client, token, "POST", "/bank-statements", content=statement).json()["counts"] == {"confirmed": 1}
    (dep,) = desk(client, token, "GET", "/deposits").json()["deposits"]
    assert (dep["status"], dep["amount"], dep["declared_amount"]) == ("confirmed", 15000, 15050)
    with seeded.connect() as conn:
        debit, credit = conn.execute(text("SELECT sum(debit), sum(credit) FROM entries")).one()
        assert debit == credit
    pdf = desk(client, token, "GET", f"/windows/{w['id']}/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    csv_text = desk(client, token, "GET", f"/windows/{w['id']}", params={"format": "csv"}).text
    assert csv_text.splitlines()[0] == "name,status,expected,actual,currency,detail"


def test_kpis_count_hours_tenders_offline_lag_ageing_and_promises_kept(client, sim, clock, token, seeded, tmp_path):
    a_day(sim, client, cash=(10000, 20000), card=5000)
    clock.advance(hours=2)
    sim.send(client, sim.batch([sim.payment("A1", 2000, allocations=[("D-A1b", 2000)], offline=True)]))
    promises = "account_id,promise_date,amount\nA1,2026-11-22,100.00\nA2,2026-11-22,999.00\nA3,2026-11-21,1.00\n"
    assert desk(client, token, "POST", "/promises", content=promises).json()["counts"] == {"promises": 3}
    k = desk(client, token, "GET", "/kpis", params={"date_from": "2026-11-22", "date_to": "2026-11-22"}).json()
    assert (k["payments"], k["collected"], k["average_ticket"]) == (4, 37000, 9250)
    assert {r["tender"]: r["amount"] for r in k["by_tender"]} == {"card": 5000, "cash": 32000}
    busy = {r["hour"]: r["count"] for r in k["by_hour"] if r["count"]}
    assert busy == {10: 3, 12: 1} and k["peak_hour"] == 10  # 14:00 and 16:00 UTC in Santo Domingo
    assert k["offline_share"] == 25.0
    assert k["sync_lag_s"]["p95"] == 0.0
    assert {r["bucket"]: r["amount"] for r in k["ageing"]} == {"0-30": 12000, "31-60": 25000, "61-90": 0, "90+": 0, "credit": 0}
    assert (k["promises"]["kept"], k["promises"]["pending"], k["promises"]["kp_percent"]) == (1, 1, 100.0)
    clock.advance(days=5)
    k = desk(client, token, "GET", "/kpis", params={"date_from": "2026-11-20", "date_to": "2026-11-22"}).json()
    assert (k["promises"]["kept"], k["promises"]["broken"], k["promises"]["kp_percent"]) == (1, 2, 33.33)
    csv_text = desk(client, token, "GET", "/kpis", params={"date_from": "2026-11-22", "date_to": "2026-11-22",
                                                             "section": "by_tender", "format": "csv"}).text
    assert csv_text.splitlines() == ["tender,count,amount,currency", "card,1,5000,DOP", "cash,3,32000,DOP"]
    pdf = desk(client, token, "GET", "/kpis/report.pdf", params={"date_from": "2026-11-01", "date_to": "2026-11-30"})
    assert pdf.content.startswith(b"%PDF")


def test_kpis_never_add_currencies_they_answer_one_and_list_the_others(client, sim, clock, token, seeded, tmp_path, db_url, capsys):
    from central import admin

    (tmp_path / "usd-accounts.csv").write_text("account_id,biller_id,name,national_id,segment,status,currency\n"
                                               "U1,B1,Jane Roe,P-1,residential,active,USD\n", encoding="utf-8")
    (tmp_path / "usd-documents.csv").write_text("document_id,account_id,kind,issue_date,due_date,amount,currency\n"
                                                "D-U1,U1,invoice,2026-10-01,2026-10-31,900.00,USD\n", encoding="utf-8")
    assert admin.import_accounts(seeded, tmp_path / "usd-accounts.csv").applied
    assert admin.import_documents(seeded, tmp_path / "usd-documents.csv").applied
    cheque = {"kind": "cheque", "amount": 4000, "bank_code": "BPD", "number": "77", "account_number": "1", "issue_date": "2026-11-22",
              "drawer_name": "Juan", "drawer_id": "001-1"}
    card = {"kind": "card", "amount": 3000, "brand": "visa", "last4": "4242", "auth_code": "U9", "terminal_ref": "P1"}
    # (account, document, currency, amount, tenders): two payments in DOP, three in USD
    paid = [("A1", "D-A1", "DOP", 10000, None), ("A2", "D-A2", "DOP", 4000, [cheque]),
            ("U1", "D-U1", "USD", 2500, None), ("U1", "D-U1", "USD", 3000, [card]), ("U1", "D-U1", "USD", 1200, None)]
    items = [sim.payment(a, amount, allocations=[(d, amount)], currency=c, tenders=t) for a, d, c, amount, t in paid]
    results = sim.send(client, sim.batch(items)).json()["results"]
    assert [(r["status"], r.get("reasons", [])) for r in results] == [("created", [])] * 5, results
    promises = "account_id,promise_date,amount\nA1,2026-11-22,100.00\nU1,2026-11-22,60.00\nU1,2026-11-22,5.00\n"
    assert desk(client, token, "POST", "/promises", content=promises).json()["counts"] == {"promises": 3}
    assert desk(client, token, "POST", "/returned-cheques", json={"payment_id": items[1]["id"], "reason": "fondos"}).status_code == 201

    def expected(currency):
        mine = [(a, amount, t) for a, _, c, amount, t in paid if c == currency]
        tenders = {}
        for _, amount, t in mine:
            kind = (t or [{"kind": "cash"}])[0]["kind"]
            tenders[kind] = tenders.get(kind, 0) + amount
        return len(mine), sum(amount for _, amount, _ in mine), tenders

    period = {"date_from": "2026-11-22", "date_to": "2026-11-22"}
    k = desk(client, token, "GET", "/kpis", params=period).json()
    assert k["currency"] == "USD"  # the most payments (3 against 2), not the first in the alphabet
    assert k["currencies"] == [{"currency": "DOP", "payments": 2}, {"currency": "USD", "payments": 3}]
    for currency in ("USD", "DOP"):
        if currency == "DOP":
            k = desk(client, token, "GET", "/kpis", params={**period, "currency": "dop"}).json()
        n, total, tenders = expected(currency)
        assert (k["currency"], k["payments"], k["collected"], k["average_ticket"]) == (currency, n, total, round(total / n))
        assert {r["tender"]: r["amount"] for r in k["by_tender"]} == tenders
        for section in ("by_day", "by_agent", "by_biller", "by_hour"):
            assert sum(r["amount"] for r in k[section]) == total and sum(r["count"] for r in k[section]) == n, section
        assert sum(r["amount"] for r in k["ageing"]) == total
        assert k["currencies"] == [{"currency": "DOP", "payments": 2}, {"currency": "USD", "payments": 3}]
    assert k["returned_cheques"] == {"count": 1, "amount": 4000}
    assert (k["promises"]["count"], k["promises"]["amount_promised"]) == (1, 10000)
    usd = desk(client, token, "GET", "/kpis", params={**period, "currency": "USD"}).json()
    assert usd["returned_cheques"] == {"count": 0, "amount": 0}
    assert (usd["promises"]["count"], usd["promises"]["amount_promised"], usd["promises"]["kept"]) == (2, 6500, 2)
    # a currency with nothing in the period: its zeros, and the list to choose from
    clp = desk(client, token, "GET", "/kpis", params={**period, "currency": "CLP"}).json()
    assert (clp["currency"], clp["payments"], clp["collected"], clp["by_tender"]) == ("CLP", 0, 0, [])
    # a bad currency is a 400 with its code, over HTTP
    for bad in ("XYZ", "dollars", "D0P"):
        r = desk(client, token, "GET", "/kpis", params={**period, "currency": bad})
        assert (r.status_code, r.json()["error"]) == (400, "bad_currency"), r.text
    r = desk(client, token, "GET", "/kpis/report.pdf", params={**period, "currency": "XYZ"})
    assert (r.status_code, r.json()["error"]) == (400, "bad_currency")
    # the CSV and the PDF honour the currency too
    csv_text = desk(client, token, "GET", "/kpis", params={**period, "currency": "DOP", "section": "by_tender", "format": "csv"}).text
    assert csv_text.splitlines() == ["tender,count,amount,currency", "cash,1,10000,DOP", "cheque,1,4000,DOP"]
    r = desk(client, token, "GET", "/kpis/report.pdf", params={**period, "currency": "DOP"})
    assert 'filename="kpis-2026-11-22-2026-11-22-DOP.pdf"' in r.headers["content-disposition"]
    text = pdf_text(r.content)
    assert "Indicadores de recaudación en DOP" in text and "Período del 22/11/2026 al 22/11/2026 · Toda la red" in text
    assert "140.00" in text and "67.00" not in text  # DOP collected; not USD's 25 + 30 + 12
    assert "también hubo pagos en USD (3 pagos)" in text
    assert "en USD" in pdf_text(desk(client, token, "GET", "/kpis/report.pdf", params=period).content)
    assert main(["kpi", "--db", db_url, "--from", "2026-11-22", "--to", "2026-11-22", "--currency", "DOP"]) == 0
    assert json.loads(capsys.readouterr().out)["collected"] == 14000
    assert main(["kpi", "--db", db_url, "--from", "2026-11-22", "--to", "2026-11-22", "--currency", "XYZ"]) == 1
    assert "No se reconoce la moneda «XYZ»" in capsys.readouterr().err
    # a tie goes to the first in alphabetical order
    sim.send(client, sim.batch([sim.void(items[4])]))
    k = desk(client, token, "GET", "/kpis", params=period).json()
    assert (k["currency"], k["currencies"]) == ("DOP", [{"currency": "DOP", "payments": 2}, {"currency": "USD", "payments": 2}])


@pytest.mark.parametrize(
    "method,path,kw,status,code",
    [
        ("GET", "/windows", {"params": {"state": "HALF"}}, 400, "bad_state"),
        ("GET", "/windows", {"params": {"date_from": "22/11/2026"}}, 400, "bad_date"),
        ("GET", "/windows/99", {}, 404, "unknown_window"),
        ("GET", "/windows/abc", {}, 400, "invalid_request"),
        ("GET", "/windows", {"params": {"format": "xml"}}, 400, "bad_format"),
        ("GET", "/exceptions", {"params": {"type": "nonsense"}}, 400, "bad_type"),
        ("POST", "/exceptions/7/resolve", {"json": {"action": "approve", "reason": "x"}}, 404, "unknown_exception"),
        ("POST", "/exceptions/7/resolve", {"json": {"action": "shrug", "reason": "x"}}, 400, "invalid_request"),
        ("POST", "/exceptions/7/resolve", {"content": b"{not json"}, 400, "invalid_request"),
        ("POST", "/deposits", {"json": {"agent_id": "AG001", "business_date": "2026-13-01", "bank": "B", "reference": "r",
                                        "amount": 1, "currency": "DOP"}}, 400, "bad_date"),
        ("POST", "/deposits", {"json": {"agent_id": "NOPE", "business_date": "2026-11-01", "bank": "B", "reference": "r",
                                        "amount": 1, "currency": "DOP"}}, 404, "unknown_agent"),
        ("POST", "/deposits", {"json": {"agent_id": "AG001", "business_date": "2026-11-01", "bank": "B", "reference": "r",
                                        "amount": 1.5, "currency": "DOP"}}, 400, "invalid_request"),
        ("POST", "/deposits/5/assign", {"json": {"agent_id": "AG001", "business_date": "2026-11-01", "reason": "r"}}, 404, "unknown_deposit"),
        ("POST", "/bank-statements", {"content": b"\xff\xfe garbage"}, 422, "bad_file"),
        ("POST", "/bank-statements", {"content": b"date,reference,amount,currency\n2026-11-01,R,1,5,DOP\n"}, 422, "bad_file"),
        ("POST", "/card-settlements", {"content": b"settled_on,auth_code,last4,brand,amount,currency\nx,,12,v,1,DOP\n"}, 422, "bad_file"),
        ("POST", "/promises", {"content": b"account_id,promise_date,amount\nNOPE,2026-11-01,1.00\n"}, 422, "bad_file"),
        ("POST", "/returned-cheques", {"json": {"payment_id": "x", "reason": "r"}}, 404, "unknown_payment"),
        ("GET", "/kpis", {"params": {"date_from": "2026-11-02", "date_to": "2026-11-01"}}, 400, "bad_period"),
        ("GET", "/kpis", {}, 400, "invalid_request"),
        ("GET", "/kpis", {"params": {"date_from": "2026-11-01", "date_to": "2026-11-02", "section": "x"}}, 400, "bad_section"),
    ],
)
def test_bad_desk_input_is_a_json_error_never_a_500(raw_client, token, method, path, kw, status, code):
    r = desk(raw_client, token, method, path, **kw)
    assert (r.status_code, r.json()["error"]) == (status, code), r.text
    assert r.json()["message"]


def pdf_text(data: bytes) -> str:
    """The text of a PDF as poppler's pdftotext reads it (layout kept, so a heading is one line); pypdf where
    poppler is not installed."""
    if shutil.which("pdftotext") is None:
        import io

        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, timeout=60,
                          check=True)
    return done.stdout.decode("utf-8")


def test_a_refused_file_says_in_spanish_what_is_wrong_on_each_line(client, token):
    statement = ("date,reference,amount,currency\n"
                 "2026-11-23,AG001-20261122,1.234,50,DOP\n"
                 "23/11/2026,AG001-20261122,150.50,DOP\n"
                 "2026-11-23,AG001-20261122,abc,DOP\n"
                 "2026-11-23,,10.00,DOP\n"
                 "2026-11-23,X,10.00,XXX\n")
    r = desk(client, token, "POST", "/bank-statements", content=statement.encode())
    assert (r.status_code, r.json()["error"]) == (422, "bad_file")
    assert r.json()["message"] == "El archivo tiene 5 líneas con errores; no se aplicó nada."
    assert r.json()["errors"] == [
        {"line": 2, "message": "La línea tiene 5 campos y el encabezado 4. Revise las comas: un texto que lleva una coma va "
                               "entre comillas."},
        {"line": 3, "message": "La fecha «date» se escribe AAAA-MM-DD, por ejemplo 2026-11-23 (dice «23/11/2026»)."},
        {"line": 4, "message": "El monto «abc» no es un número como 1234.50: punto decimal, sin separador de miles ni "
                               "símbolo de moneda."},
        {"line": 5, "message": "Falta el dato «reference»: es obligatorio."},
        {"line": 6, "message": "No se reconoce la moneda «XXX»: escriba su código ISO de tres letras, por ejemplo DOP o USD."},
    ]
    settlement = "settled_on,auth_code,last4,brand,amount,currency\n2026-11-23,XYZ1,42,visa,25.00,DOP\n"
    (line,) = desk(client, token, "POST", "/card-settlements", content=settlement.encode()).json()["errors"]
    assert line == {"line": 2, "message": "La columna «last4» lleva los 4 últimos dígitos de la tarjeta, exactamente 4 (dice «42»)."}
    r = desk(client, token, "POST", "/promises", content=b"account_id,amount\nA1,10.00\n")
    assert r.json()["errors"] == [{"line": 1, "message": "Falta la columna «promise_date». La primera línea del archivo debe ser "
                                                         "«account_id,promise_date,amount»."}]
    r = desk(client, token, "GET", "/kpis", params={"date_from": "2026-11-02", "date_to": "2026-11-01"})
    assert r.json() == {"error": "bad_period", "message": "El período termina (2026-11-01) antes de empezar (2026-11-02)."}


def test_the_pdf_reports_speak_spanish(client, sim, clock, token):
    a_day(sim, client, card=2500)
    clock.advance(days=1)
    desk(client, token, "POST", "/reconcile", json={"business_date": "2026-11-22"})
    (w,) = desk(client, token, "GET", "/windows").json()["windows"]
    text = pdf_text(desk(client, token, "GET", f"/windows/{w['id']}/report.pdf").content)
    assert "Conciliación del agente AG001 del 22/11/2026" in text
    for words in ("Control", "Resultado", "Esperado", "Encontrado", "Integridad", "Arqueos", "Depósitos de efectivo",
                  "Liquidación de tarjetas", "Excepciones", "Depósitos", "A depositar frente a depositado / liquidado"):
        assert words in text, words
    assert "drawer_counts" not in text and "Reconciliation" not in text
    text = pdf_text(desk(client, token, "GET", "/kpis/report.pdf", params={"date_from": "2026-11-22", "date_to": "2026-11-22"}).content)
    assert "Indicadores de recaudación" in text and "del 22/11/2026 al 22/11/2026" in text
    for words in ("Toda la red", "Recaudado", "175.50", "Ticket promedio", "Hora pico", "Recaudado por día", "Pagos por hora del día",
                  "Por medio de pago", "Efectivo", "Tarjeta", "Antigüedad de lo cobrado (días de atraso)", "Por agente",
                  "Por facturador", "Facturador"):
        assert words in text, words
    assert "Collected" not in text and "By agent" not in text


def test_a_statement_line_with_an_unknown_reference_waits_to_be_assigned_and_is_audited(client, sim, clock, token, seeded):
    a_day(sim, client)
    statement = "date,reference,amount,currency\n2026-11-23,DEP 0099,150.50,DOP\n"
    assert desk(client, token, "POST", "/bank-statements", content=statement).json()["counts"] == {"unmatched": 1}
    (dep,) = desk(client, token, "GET", "/deposits", params={"status": "unmatched"}).json()["deposits"]
    r = desk(client, token, "POST", f"/deposits/{dep['id']}/assign", json={"agent_id": "AG001", "business_date": "2026-11-22", "reason": "llamó el agente"})
    assert r.status_code == 200
    again = desk(client, token, "POST", f"/deposits/{dep['id']}/assign", json={"agent_id": "AG001", "business_date": "2026-11-22", "reason": "x"})
    assert (again.status_code, again.json()["error"]) == (409, "deposit_matched")
    trail = desk(client, token, "GET", "/audit", params={"subject": f"deposit:{dep['id']}"}).json()["audit"]
    assert [(a["actor"], a["action"]) for a in trail] == [("marta", "deposit_assigned"), ("marta", "deposit_imported")]


def test_office_cli_closes_reconciles_imports_and_reports(db_url, seeded, tmp_path, capsys, client, sim):
    a_day(sim, client)
    assert main(["add-admin-token", "--db", db_url, "--name", "ops"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("vco_")
    assert main(["add-admin-token", "--db", db_url, "--name", "ops"]) == 1
    assert main(["set-agent-calendar", "--db", db_url, "--agent", "AG001", "--cutoff", "25:00"]) == 1
    assert main(["set-agent-calendar", "--db", db_url, "--agent", "AG001", "--timezone", "America/Santo_Domingo", "--cutoff", "20:00"]) == 0
    statement = tmp_path / "bank.csv"
    statement.write_text("date,reference,amount,currency\n2026-11-23,AG001-20261122,150.50,DOP\n", encoding="utf-8")
    assert main(["import-bank-statement", "--db", db_url, str(statement), "--bank", "BHD"]) == 0
    assert "bank.csv: 1 línea leída: conciliadas por referencia: 1" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("date,reference,amount\n", encoding="utf-8")
    assert main(["import-bank-statement", "--db", db_url, str(bad)]) == 1
    assert "línea 1: Falta la columna «currency»." in capsys.readouterr().err
    assert main(["reconcile", "--db", db_url]) == 0
    assert "revisada 1 ventana cerrada" in (out := capsys.readouterr().out) and "1 conciliada (RECONCILED)" in out
    assert main(["windows", "--db", db_url]) == 0
    assert "AG001 2026-11-22 RECONCILED (conciliada)" in (out := capsys.readouterr().out) and "Integridad: cuadra" in out
    assert main(["kpi", "--db", db_url, "--from", "2026-11-22", "--to", "2026-11-22"]) == 0
    assert json.loads(capsys.readouterr().out)["collected"] == 15050
    assert main(["kpi", "--db", db_url, "--from", "2026-11-22", "--to", "2026-11-22", "--pdf", str(tmp_path / "k.pdf")]) == 0
    assert (tmp_path / "k.pdf").read_bytes().startswith(b"%PDF")
    assert main(["window-report", "--db", db_url, "--agent", "AG001", "--date", "2026-11-22", "--pdf", str(tmp_path / "w.pdf")]) == 0
    assert main(["mark-cheque-returned", "--db", db_url, "--payment", "nope", "--reason", "x"]) == 1
    assert "error: No existe el pago nope" in capsys.readouterr().err
    assert main(["record-deposit", "--db", db_url, "--agent", "AG001", "--currency", "DOP", "--amount", "10.00", "--date", "2026-11-23"]) == 0


def test_migration_0002_backfills_items_tenders_windows_and_exception_types(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate(url, "0001")
    engine = make_engine(url)
    body = {"cashier_id": "C9", "receipt_no": 4, "biller_id": "B1", "tenders": [
        {"kind": "cheque", "amount": 700, "bank_code": "BHD", "number": "00000001", "account_number": "1", "issue_date": "2026-11-01",
         "drawer_name": "X", "drawer_id": "D-1"}]}
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO agents VALUES ('AG9', 'Old', '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO terminals (terminal_id, agent_id, name, disabled, last_seq, chain_head, contiguous_seq, created_at)"
                          " VALUES ('AG9-T01', 'AG9', 'Caja', 0, 1, :z, 1, '2026-01-01 00:00:00')"), {"z": "0" * 64})
        conn.execute(text("INSERT INTO items (ledger_seq, id, terminal_id, seq, type, business_date, shift_id, occurred_at, recorded_at,"
                          " batch_id, body, hash, prev_hash, offline, status) VALUES (1, 'i1', 'AG9-T01', 1, 'payment', '2026-11-02', 'S',"
                          " '2026-11-02 10:00:00', '2026-11-02 10:00:00', 'b', :body, :z, :z, 0, 'accepted_flagged')"),
                     {"body": json.dumps(body), "z": "0" * 64})
        conn.execute(text("INSERT INTO exceptions (terminal_id, item_id, batch_id, kind, reasons, detail, body, status, created_at)"
                          " VALUES ('AG9-T01', 'i1', 'b', 'flagged', '[\"clock_skew\", \"account_overpaid\"]', '', '{}', 'open', '2026-11-02 10:00:00')"))
    engine.dispose()
    migrate(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT agent_id, window_date, cashier_id, receipt_no, biller_id FROM items")).one() == (
                "AG9", "2026-11-02", "C9", 4, "B1")
            assert conn.execute(text("SELECT kind, amount, drawer_id FROM tenders")).one() == ("cheque", 700, "D-1")
            assert conn.execute(text("SELECT agent_id, business_date, state FROM settlement_windows")).one() == ("AG9", "2026-11-02", "OPEN")
            assert conn.execute(text("SELECT type, agent_id, source FROM exceptions")).one() == ("account_overpaid", "AG9", "item")
            assert conn.execute(text("SELECT timezone FROM agents")).scalar() == "America/Santo_Domingo"
    finally:
        engine.dispose()


def test_reconcile_day_benchmark_function_reconciles_a_small_network(tmp_path):
    from central.bench import reconcile_day_s

    result = reconcile_day_s(f"sqlite:///{tmp_path / 'b.db'}", agents=20, payments=30)
    assert (result["reconciled"], result["exceptions"], result["payments"]) == (20, 0, 600)
    assert result["seconds"] < 10


def test_reconcile_leaves_open_windows_alone(engine, seeded, clock):
    report = reconcile(seeded, clock() + timedelta(days=1))
    assert report.windows == {}
