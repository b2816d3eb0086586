"""The Central office window against the real central service.

Two agents' terminals (the counter and shift services on their own stores)
take a business day and sync over HTTP into the real service under uvicorn on
loopback; an admin token comes from ``ventanilla central add-admin-token``; the
desk is driven by keyboard and mouse through pytest-qt, and what it did is
checked through the API.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from central.db import migrate
from tests.central.office_world import Clock, build_network, payable_accounts
from ui.central_office.client import DeskClient, DeskError
from ui.central_office.models import ChecksModel, ExceptionsModel, WindowsModel
from ui.central_office.window import CentralOfficeWindow

ROOT = Path(__file__).resolve().parents[2]
D1, D2 = "2026-11-23", "2026-11-24"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


class World:
    """The central service with one scripted business day (and a bit of the next), and a desk token."""

    def __init__(self, central, tills, clock, token: str, cheque_payment: str, card_amount: int) -> None:
        self.central, self.tills, self.clock, self.token = central, tills, clock, token
        self.cheque_payment, self.card_amount = cheque_payment, card_amount
        self.url = central.url

    def api(self, method: str, path: str, **kw):
        r = self.central.http.request(method, self.url + "/admin/v1" + path, headers={"Authorization": f"Bearer {self.token}"},
                                      timeout=30, **kw)
        assert r.status_code in (200, 201), (r.status_code, r.text)
        return r.json() if r.headers.get("content-type", "").startswith("application/json") else r

    def close(self) -> None:
        for till in self.tills.values():
            till.terminal.close()
        self.central.stop()


def add_admin_token(db_url: str, name: str) -> str:
    """The token as the office gets it: printed once by the CLI."""
    r = subprocess.run([sys.executable, "-m", "ventanilla", "central", "add-admin-token", "--db", db_url, "--name", name],
                       capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip().splitlines()[-1]


def build_world(tmp: Path) -> World:
    db_url = f"sqlite:///{tmp / 'central.db'}"
    migrate(db_url)
    clock = Clock(at("2026-11-23T13:00:00"))  # 09:00 in Santo Domingo
    central, tills = build_network(tmp, db_url, clock, date(2026, 11, 23),
                                   {"AG001": [("T1", "ana"), ("T2", "beto")], "AG002": [("T3", "carla")]})
    t1, t2, t3 = tills["T1"], tills["T2"], tills["T3"]
    acc = payable_accounts(t1, 8)
    (business,) = payable_accounts(t1, 1, segment="business")
    # day 1: a shortage (ana), a payment on an account already paid (beto), a cheque and a card
    t1.open(2000)
    t1.cash(acc[0], "600")
    t1.cash(acc[1], "700")
    cheque = t1.cheque(business, "800", "00012345", "001-7654321-0")
    full = t1.balance_local(acc[3])
    t1.card(acc[3], full, "A1B2C3")
    t1.push()
    clock.advance(hours=3)
    t2.open(1000)
    t2.cash(acc[4], "500")
    t2.cash(acc[3], "500")  # T1 already paid it in full: flagged account_overpaid
    t2.push()
    clock.advance(hours=3)
    t3.open(1500)
    t3.cash(acc[6], "900")
    t3.cash(acc[7], "600")
    t3.push()
    clock.advance(hours=2)
    t1.close(short_pesos=100)
    t2.close()
    t3.close()
    for t in (t1, t2, t3):
        t.push()
    # the office, next morning: the statement, the acquirer's file, the checks
    clock.set(at("2026-11-24T13:00:00"))
    token = add_admin_token(db_url, "marta")
    world = World(central, tills, clock, token, cheque.payment_id, full.to_minor())
    statement = ("date,reference,amount,currency\n"
                 "2026-11-24,AG001-20261123,2300.00,DOP\n"
                 "2026-11-24,AG001-20261123-CHQ,800.00,DOP\n")
    world.api("POST", "/bank-statements", params={"bank": "BHD"}, data=statement.encode())
    settlement = f"settled_on,auth_code,last4,brand,amount,currency,terminal_ref\n2026-11-24,A1B2C3,4242,visa,{full.amount},DOP,POS-77\n"
    world.api("POST", "/card-settlements", data=settlement.encode())
    world.api("POST", "/reconcile", json={})
    # day 2 at AG001's first counter (its window stays OPEN)
    t1.open(2000)
    t1.cash(acc[2], "650")
    t1.push()
    return world


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    w = build_world(tmp_path_factory.mktemp("office"))
    yield w
    w.close()


@pytest.fixture
def desk(qtbot, world, tmp_path):
    window = CentralOfficeWindow(DeskClient(world.url, world.token), user="marta")
    window.choose_folder = lambda: str(tmp_path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.start()
    yield window
    if window.dialog is not None and window.dialog.isVisible():
        window.dialog.reject()
    window.worker.wait(10_000)


def idle(qtbot, desk) -> None:
    qtbot.waitUntil(lambda: desk.worker.pending == 0, timeout=15_000)


def row_of(model, key, value) -> int:
    i = model.find(key, value)
    assert i >= 0, (key, value, model.rows())
    return i


def dialog_of(qtbot, desk, kind):
    qtbot.waitUntil(lambda: isinstance(desk.dialog, kind) and desk.dialog.isVisible())
    return desk.dialog


def focused():
    return QApplication.focusWidget()


# -- windows -----------------------------------------------------------------------------


def test_the_desk_lists_windows_with_their_state_and_opens_one_by_keyboard(qtbot, desk, world):
    idle(qtbot, desk)
    page = desk.windows_page
    api = world.api("GET", "/windows")["windows"]
    assert [(r["agent_id"], r["business_date"], r["state"]) for r in page.model.rows()] == [
        (r["agent_id"], r["business_date"], r["state"]) for r in api]
    assert {(r["agent_id"], r["business_date"]): r["state"] for r in api} == {
        ("AG001", D2): "OPEN", ("AG001", D1): "CLOSED", ("AG002", D1): "CLOSED"}
    assert "3 ventanas: 1 abiertas, 2 cerradas, 0 conciliadas" in page.summary.text()

    # filter: AG001's closed windows
    page.state.setCurrentIndex(page.state.findData("CLOSED"))
    qtbot.keyClicks(page.agent, "ag001")
    qtbot.mouseClick(page.search, Qt.MouseButton.LeftButton)
    idle(qtbot, desk)
    assert [(r["agent_id"], r["business_date"]) for r in page.model.rows()] == [("AG001", D1)]
    index = page.model.index(0, WindowsModel.DRAWER_COUNTS)
    assert page.model.data(index) == "✖ Diferencia"

    # Enter opens it; its checks are the API's
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    idle(qtbot, desk)
    detail = desk.detail_page
    assert desk.windows_stack.currentWidget() is detail
    wid = page.model.rows()[0]["id"]
    api_detail = world.api("GET", f"/windows/{wid}")
    assert [(c["name"], c["status"]) for c in detail.checks.rows()] == [(c["name"], c["status"]) for c in api_detail["checks"]]
    statuses = {detail.checks.data(detail.checks.index(i, ChecksModel.CHECK)): detail.checks.data(detail.checks.index(i, ChecksModel.STATUS))
                for i in range(detail.checks.rowCount())}
    assert statuses == {"Integridad": "✔ Cuadra", "Manifiestos": "✔ Cuadra", "Arqueos": "✖ Diferencia",
                        "Depósitos de efectivo": "✔ Cuadra", "Depósitos de cheques": "✔ Cuadra",
                        "Liquidación de tarjetas": "✔ Cuadra"}
    # the failing check is chosen, and says why in words
    assert "cajero ana: faltante de RD$\u00a0100.00 en efectivo" in detail.check_detail.text()
    drawer = detail.checks.index(detail.checks.find("name", "drawer_counts"), ChecksModel.DIFFERENCE)
    assert detail.checks.data(drawer) == "-RD$\u00a0100.00"
    assert "AG001 — Estafeta Centro · 23/11/2026" in detail.heading.text()
    assert detail.state_badge.text() == "Cerrada"
    assert {(c["type"], c["status"]) for c in detail.cases.rows()} >= {("shortage", "open"), ("account_overpaid", "open")}
    assert [d["status"] for d in detail.deposits.rows()] == ["matched", "matched"]

    # Esc goes back to the list
    qtbot.keyClick(detail.checks_table, Qt.Key.Key_Escape)
    assert desk.windows_stack.currentWidget() is page


# -- exceptions ----------------------------------------------------------------------------


def show_exceptions(qtbot, desk, type_: str | None = None):
    page = desk.exceptions_page
    desk.tabs.setCurrentWidget(page)
    idle(qtbot, desk)
    if type_ is not None:
        page.set_filters(type_=type_)
        page.refresh()
        idle(qtbot, desk)
    return page


def test_a_shortage_is_resolved_with_a_reason_by_keyboard_and_the_central_has_it_resolved_and_audited(qtbot, desk, world):
    page = show_exceptions(qtbot, desk, "shortage")
    (case,) = page.model.rows()
    assert (case["agent_id"], case["cashier_id"], case["amount"], case["status"]) == ("AG001", "ana", -10000, "open")
    assert page.model.data(page.model.index(0, ExceptionsModel.AMOUNT)) == "-RD$\u00a0100.00"
    idle(qtbot, desk)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F7)
    dialog = dialog_of(qtbot, desk, ResolveDialog)
    assert dialog.amount.text() == "-100.00" and dialog.cashier.text() == "ana"
    qtbot.mouseClick(dialog.buttons["adjust"], Qt.MouseButton.LeftButton)
    assert dialog.action() == "adjust"
    # no reason: the dialog says so and stays on the form
    dialog.reason.setFocus()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # moves on to the amount
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.cashier, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.form_page
    assert dialog.error.text() == "Escriba el motivo: queda en la auditoría de la excepción."
    dialog.reason.setText("descuento en nómina")
    for field in (dialog.reason, dialog.amount, dialog.cashier):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.confirm_page
    assert "Cargar RD$\u00a0100.00 (faltante) a la cuenta de sobrante/faltante del cajero ana" in dialog.confirm_text.text()
    assert "«descuento en nómina»" in dialog.confirm_text.text()
    # Esc goes back to the form; Enter there and Enter again confirms
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Escape)
    assert dialog.stack.currentWidget() is dialog.form_page and dialog.isVisible()
    qtbot.keyClick(dialog.cashier, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    idle(qtbot, desk)

    done = world.api("GET", f"/exceptions/{case['id']}")
    assert (done["status"], done["resolution"], done["resolution_reason"], done["resolved_by"]) == (
        "resolved", "adjust", "descuento en nómina", "marta")
    assert [(h["actor"], h["action"], h["detail"]["cashier_id"], h["detail"]["amount"]) for h in done["history"]] == [
        ("marta", "exception_adjust", "ana", -10000)]
    audit = world.api("GET", "/audit", params={"subject": f"exception:{case['id']}"})["audit"]
    assert [a["action"] for a in audit] == ["exception_adjust"]
    assert [(c["charged"]) for c in world.api("GET", "/over-short", params={"cashier_id": "ana"})["cashiers"]] == [10000]
    assert "Excepción N° {} resuelta.".format(case["id"]) in page.notice.text()
    # the unresolved queue no longer holds it
    assert all(r["id"] != case["id"] or r["status"] == "resolved" for r in page.model.rows())


def test_assigning_and_reversing_a_payment_on_an_account_already_paid(qtbot, desk, world):
    page = show_exceptions(qtbot, desk, "account_overpaid")
    (case,) = page.model.rows()
    qtbot.waitUntil(lambda: page.case is not None and page.case["id"] == case["id"])
    assert "la cuenta ya estaba pagada" in page.case_text.text()
    assert case["item_id"] in page.case_text.text()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F6)
    dialog = dialog_of(qtbot, desk, AssignDialog)
    assert dialog.assignee.text() == "marta"
    dialog.assignee.selectAll()
    qtbot.keyClicks(dialog.assignee, "luis")
    qtbot.keyClick(dialog.assignee, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    idle(qtbot, desk)
    assert (world.api("GET", f"/exceptions/{case['id']}")["assigned_to"]) == "luis"
    qtbot.waitUntil(lambda: page.model.rows() and page.model.rows()[0]["status"] == "assigned")

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F7)
    dialog = dialog_of(qtbot, desk, ResolveDialog)
    assert dialog.buttons["reverse"].isEnabled()
    qtbot.mouseClick(dialog.buttons["reverse"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.reason, "se devolvio al cliente")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert "el deudor vuelve a deber ese monto" in dialog.confirm_text.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    idle(qtbot, desk)
    done = world.api("GET", f"/exceptions/{case['id']}")
    assert (done["status"], done["resolution"], done["journal_id"][:9]) == ("resolved", "reverse", "reversal:")
    assert [h["action"] for h in done["history"]] == ["exception_assigned", "exception_reverse"]


# -- deposits, files, returned cheques -----------------------------------------------------------


def test_a_deposit_entered_by_hand_lets_the_window_reconcile(qtbot, desk, world):
    page = desk.deposits_page
    desk.tabs.setCurrentWidget(page)
    idle(qtbot, desk)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(qtbot, desk, DepositDialog)
    for field, text in ((dialog.agent, "ag002"), (dialog.business_date, "23/11/2026")):
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    dialog.bank.setFocus()
    for field, text in ((dialog.bank, "BHD"), (dialog.reference, "VOL-77"), (dialog.amount, "1,500.00")):
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.currency, Qt.Key.Key_Return)
    assert dialog.confirm_text.text() == ("Registrar un depósito de efectivo de RD$\u00a01,500.00 del agente AG002, día 23/11/2026, "
                                          "en BHD con la referencia «VOL-77».")
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    idle(qtbot, desk)
    (dep,) = world.api("GET", "/deposits", params={"agent_id": "AG002"})["deposits"]
    assert (dep["business_date"], dep["bank"], dep["reference"], dep["amount"], dep["status"], dep["created_by"]) == (
        D1, "BHD", "VOL-77", 150000, "declared", "marta")
    assert page.model.find("id", dep["id"]) >= 0
    # reconcile that day from the windows tab: AG002's window is now reconciled
    desk.tabs.setCurrentIndex(0)
    idle(qtbot, desk)
    qtbot.mouseClick(desk.windows_page.reconcile_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(qtbot, desk, ReconcileDialog)
    dialog.business_date.setText("23/11/2026")
    dialog.agent.setText("AG002")
    qtbot.keyClick(dialog.agent, Qt.Key.Key_Return)
    assert dialog.confirm_text.text() == "Cerrar las ventanas vencidas y revisar los controles del día 23/11/2026 del agente AG002."
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    idle(qtbot, desk)
    states = {(r["agent_id"], r["business_date"]): r["state"] for r in desk.windows_page.model.rows()}
    assert states[("AG002", D1)] == "RECONCILED"
    assert "1 conciliadas" in desk.windows_page.notice.text()


def test_a_statement_is_imported_from_a_chosen_file_and_a_bad_file_is_refused_in_plain_words(qtbot, desk, world, tmp_path):
    page = desk.deposits_page
    desk.tabs.setCurrentWidget(page)
    idle(qtbot, desk)
    bad = tmp_path / "malo.csv"
    bad.write_text("date,reference,amount,currency\n2026-11-24,X,abc,DOP\n", encoding="utf-8")
    good = tmp_path / "extracto.csv"
    good.write_text("date,reference,amount,currency\n2026-11-24,DEP 0099,150.50,DOP\n", encoding="utf-8")
    for path in (bad, good):
        desk.choose_file = lambda *_, p=path: str(p)
        qtbot.mouseClick(page.statement_button, Qt.MouseButton.LeftButton)
        dialog = dialog_of(qtbot, desk, ImportDialog)
        qtbot.keyClicks(dialog.bank, "BHD")
        qtbot.keyClick(dialog.bank, Qt.Key.Key_Return)
        assert f"Importar el extracto «{path.name}» del banco BHD." in dialog.confirm_text.text()
        qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
        if path is bad:
            qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
            assert dialog.error.text() == ("El archivo tiene un error y no se importó nada. Línea 2: El monto «abc» no es "
                                           "un número como 1234.50: punto decimal, sin separador de miles ni símbolo de moneda.")
            assert dialog.isVisible() and dialog.stack.currentWidget() is dialog.form_page
            dialog.reject()
        else:
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    idle(qtbot, desk)
    assert page.notice.text() == "Archivo importado: 1 líneas; 1 sin identificar."
    unmatched = [d for d in world.api("GET", "/deposits", params={"status": "unmatched"})["deposits"] if d["reference"] == "DEP 0099"]
    assert len(unmatched) == 1
    row = page.model.find("id", unmatched[0]["id"])
    assert page.model.data(page.model.index(row, page.model.STATUS)) == "Sin identificar"


def test_marking_a_cheque_returned_says_why_it_cannot_then_does_it(qtbot, desk, world):
    page = desk.cheques_page
    desk.tabs.setCurrentWidget(page)
    idle(qtbot, desk)
    qtbot.mouseClick(page.mark_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(qtbot, desk, ReturnedChequeDialog)
    qtbot.keyClicks(dialog.payment, "no-such-payment")
    dialog.reason.setText("fondos insuficientes")
    dialog.returned_on.setText("25/11/2026")
    dialog.go_confirm()
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
    assert dialog.error.text() == "No hay ningún pago con ese id en la central. Cópielo del recibo («Id de pago»)."
    dialog.payment.setText(world.cheque_payment)
    dialog.go_confirm()
    assert "Marcar devuelto el cheque del pago" in dialog.confirm_text.text()
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    idle(qtbot, desk)
    done = dialog.result_value
    assert (done["amount"], done["drawer_id"]) == (80000, "001-7654321-0")
    (trail,) = world.api("GET", "/audit", params={"subject": f"returned_cheque:{done['id']}"})["audit"]
    assert (trail["actor"], trail["action"]) == ("marta", "cheque_returned")
    assert '"reason": "fondos insuficientes"' in trail["detail"]


def test_the_returned_cheques_list_shows_the_marked_cheque(qtbot, desk, world):
    page = desk.cheques_page
    desk.tabs.setCurrentWidget(page)
    idle(qtbot, desk)
    assert page.message.text() == ""
    (returned,) = world.api("GET", "/returned-cheques")["returned_cheques"]
    assert (returned["payment_id"], returned["drawer_id"], returned["amount"], returned["returned_on"], returned["marked_by"]) == (
        world.cheque_payment, "001-7654321-0", 80000, "2026-11-25", "marta")
    assert [r["number"] for r in page.model.rows()] == ["00012345"]


# -- exports and reports -------------------------------------------------------------------------


def test_tables_export_as_csv_and_the_reports_as_pdf_into_the_chosen_folder(qtbot, desk, world, tmp_path):
    from pypdf import PdfReader

    idle(qtbot, desk)
    page = desk.windows_page
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    idle(qtbot, desk)
    assert desk.last_saved == tmp_path / "ventanas.csv"
    rows = list(csv.DictReader(io.StringIO(desk.last_saved.read_text(encoding="utf-8"))))
    assert sorted((r["agent_id"], r["business_date"]) for r in rows) == [("AG001", D1), ("AG001", D2), ("AG002", D1)]
    assert {r["agent_id"]: r["drawer_counts"] for r in rows if r["business_date"] == D1}["AG001"] in ("fail", "resolved")
    assert f"Guardado en {tmp_path / 'ventanas.csv'}" in page.notice.text()
    # a second export does not overwrite the first
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    idle(qtbot, desk)
    assert desk.last_saved == tmp_path / "ventanas (2).csv"

    # a window: its checks as CSV and its reconciliation as PDF
    wid = page.model.rows()[page.model.find("business_date", D1)]["id"]
    desk.open_window(wid)
    idle(qtbot, desk)
    detail = desk.detail_page
    qtbot.mouseClick(detail.csv_button, Qt.MouseButton.LeftButton)
    idle(qtbot, desk)
    checks = list(csv.DictReader(io.StringIO(desk.last_saved.read_text(encoding="utf-8"))))
    assert [c["name"] for c in checks] == ["completeness", "manifests", "drawer_counts", "cash_deposits", "cheque_deposits",
                                           "card_settlement"]
    qtbot.mouseClick(detail.pdf_button, Qt.MouseButton.LeftButton)
    idle(qtbot, desk)
    pdf = desk.last_saved
    agent = detail.detail["agent_id"]
    assert pdf.name == f"conciliacion-{agent}-{D1}.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert f"Conciliación del agente {agent} del 23/11/2026" in text and "Arqueos" in text and "Depósitos" in text

    # the model's own CSV, for what is on screen
    shown = list(csv.reader(io.StringIO(detail.checks.csv_text())))
    assert shown[0] == ["Control", "Resultado", "Esperado", "Encontrado", "Diferencia", "Detalle"]
    assert [r[0] for r in shown[1:]] == ["Integridad", "Manifiestos", "Arqueos", "Depósitos de efectivo", "Depósitos de cheques",
                                         "Liquidación de tarjetas"]

    # the KPIs: figures, charts, a table as CSV, the period report as PDF
    kpi = desk.kpi_page
    desk.tabs.setCurrentWidget(kpi)
    idle(qtbot, desk)
    kpi.date_from.setText("20/11/2026")
    kpi.date_to.clear()
    qtbot.keyClicks(kpi.date_to, "24/11/2026")
    qtbot.keyClick(kpi.date_to, Qt.Key.Key_Return)
    idle(qtbot, desk)
    k = world.api("GET", "/kpis", params={"date_from": "2026-11-20", "date_to": "2026-11-24"})
    assert kpi.figures["payments"].text() == str(k["payments"])
    assert kpi.figures["peak"].text() == f"{k['peak_hour']:02d}:00–{k['peak_hour']:02d}:59"
    assert kpi.by_hour.values == [float(h["count"]) for h in k["by_hour"]] and kpi.by_hour.highlight == k["peak_hour"]
    assert kpi.by_day.labels == ["20/11", "21/11", "22/11", "23/11", "24/11"]  # the days without payments are there, at zero
    assert sum(kpi.by_tender.values) == k["collected"]
    kpi.section.setCurrentIndex(kpi.section.findData("by_tender"))
    qtbot.mouseClick(kpi.table_csv_button, Qt.MouseButton.LeftButton)
    idle(qtbot, desk)
    exported = list(csv.DictReader(io.StringIO(desk.last_saved.read_text(encoding="utf-8"))))
    assert {r["tender"]: int(r["amount"]) for r in exported} == {r["tender"]: r["amount"] for r in k["by_tender"]}
    qtbot.mouseClick(kpi.pdf_button, Qt.MouseButton.LeftButton)
    idle(qtbot, desk)
    assert desk.last_saved.name == "indicadores-2026-11-20-2026-11-24-DOP.pdf"
    assert not kpi.currency_box.isVisible()  # one currency in the period: nothing to choose
    assert "Indicadores de recaudación" in "".join(p.extract_text() for p in PdfReader(str(desk.last_saved)).pages)


# -- KPIs of a period with two currencies ------------------------------------------------------


class Loopback:
    """The scripted terminal's ``client.post`` over real HTTP to the service under uvicorn."""

    def __init__(self, url: str) -> None:
        import requests

        self.url, self.http = url, requests.Session()

    def post(self, path: str, *, content: bytes | None = None, json: Any = None, headers: Any = None) -> Any:
        return self.http.post(self.url + path, data=content, json=json, headers=headers, timeout=30)


@pytest.fixture
def two_currencies(tmp_path):
    """A central with one agent whose terminal took DOP and USD payments on 22/11 and only DOP on 23/11."""
    from central import admin, office
    from tests.central.helpers import Sim
    from tests.central.office_world import LiveCentral

    db_url = f"sqlite:///{tmp_path / 'central.db'}"
    migrate(db_url)
    clock = Clock(at("2026-11-22T14:00:00"))
    central = LiveCentral(db_url, clock)
    try:
        admin.add_agent(central.engine, "AG001", "Estafeta Centro")
        (tmp_path / "accounts.csv").write_text("account_id,biller_id,name,national_id,segment,status,currency\n"
                                               "A1,B1,Juan Pérez,001,residential,active,DOP\n"
                                               "A2,B1,María Gómez,002,residential,active,DOP\n"
                                               "U1,B1,Jane Roe,P-1,residential,active,USD\n", encoding="utf-8")
        (tmp_path / "documents.csv").write_text("document_id,account_id,kind,issue_date,due_date,amount,currency\n"
                                                "D-A1,A1,invoice,2026-11-01,2026-11-30,5000.00,DOP\n"
                                                "D-A2,A2,invoice,2026-11-01,2026-11-30,5000.00,DOP\n"
                                                "D-U1,U1,invoice,2026-11-01,2026-11-30,500.00,USD\n", encoding="utf-8")
        assert admin.import_accounts(central.engine, tmp_path / "accounts.csv").applied
        assert admin.import_documents(central.engine, tmp_path / "documents.csv").applied
        _, code = admin.add_terminal(central.engine, "AG001", "Caja 1")
        http = Loopback(central.url)
        enrolled = http.post("/api/v1/terminals/enroll", json={"enrollment_code": code, "name": "Caja 1"}).json()
        till = Sim(enrolled["terminal_id"], enrolled["secret"], enrolled["agent_id"], clock)
        day1 = [("A1", "D-A1", "DOP", 150000), ("A2", "D-A2", "DOP", 82550), ("A1", "D-A1", "DOP", 10000),
                ("U1", "D-U1", "USD", 12500)]
        r = till.send(http, till.batch([till.payment(a, amount, allocations=[(d, amount)], currency=c) for a, d, c, amount in day1]))
        assert r.status_code == 200, r.text
        clock.advance(days=1)
        till.business_date = "2026-11-23"
        r = till.send(http, till.batch([till.payment("A2", 30000, allocations=[("D-A2", 30000)])]))
        assert r.status_code == 200, r.text
        token = office.add_admin_token(central.engine, "marta")
        yield central, token, day1
    finally:
        central.stop()


def test_kpis_of_a_period_with_two_currencies_show_one_at_a_time_with_a_selector(qtbot, two_currencies, tmp_path):
    from ui.central_office import labels as L

    central, token, day1 = two_currencies
    dop = sum(amount for _, _, c, amount in day1 if c == "DOP")
    usd = sum(amount for _, _, c, amount in day1 if c == "USD")
    window = CentralOfficeWindow(DeskClient(central.url, token), user="marta")
    window.choose_folder = lambda: str(tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    kpi = window.kpi_page
    window.tabs.setCurrentWidget(kpi)
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=15_000)
    kpi.date_from.setText("22/11/2026")
    kpi.date_to.setText("22/11/2026")
    qtbot.keyClick(kpi.date_to, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=15_000)
    # DOP has the most payments: it is shown first, with the selector to change it
    assert kpi.currency_box.isVisible()
    assert [kpi.currency.itemText(i) for i in range(kpi.currency.count())] == ["DOP · 3 pagos", "USD · 1 pago"]
    assert kpi.currency.currentData() == "DOP"
    assert kpi.figures["collected"].text() == L.money(dop, "DOP") == "RD$\u00a02,425.50"
    assert kpi.figures["payments"].text() == "3"
    assert sum(kpi.by_tender.values) == dop
    assert "sin convertir" not in kpi.notice.text() + kpi.message.text()
    # the clerk picks USD by keyboard: the central is asked again and every figure is in dollars
    kpi.currency.setFocus()
    qtbot.keyClick(kpi.currency, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.worker.pending == 0 and (kpi.kpis or {}).get("currency") == "USD", timeout=15_000)
    assert kpi.currency.currentData() == "USD" and kpi.currency.count() == 2
    assert kpi.figures["collected"].text() == L.money(usd, "USD") == "US$\u00a0125.00"
    assert kpi.figures["payments"].text() == "1"
    assert sum(kpi.by_tender.values) == usd
    kpi.section.setCurrentIndex(kpi.section.findData("by_day"))
    assert kpi.table_model.data(kpi.table_model.index(0, kpi.table_model.AMOUNT)) == "US$\u00a0125.00"
    # the report is of the chosen currency
    qtbot.mouseClick(kpi.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=15_000)
    assert window.last_saved.name == "indicadores-2026-11-22-2026-11-22-USD.pdf"
    # back to pesos, then a day with pesos only: no selector
    qtbot.keyClick(kpi.currency, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: window.worker.pending == 0 and (kpi.kpis or {}).get("currency") == "DOP", timeout=15_000)
    assert kpi.figures["collected"].text() == L.money(dop, "DOP")
    kpi.date_from.setText("23/11/2026")
    kpi.date_to.setText("23/11/2026")
    qtbot.keyClick(kpi.date_to, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.worker.pending == 0 and (kpi.kpis or {}).get("period", {}).get("date_from") == "2026-11-23",
                    timeout=15_000)
    assert not kpi.currency_box.isVisible()
    assert kpi.figures["collected"].text() == L.money(30000, "DOP")
    window.worker.wait(10_000)


# -- failures in plain words ------------------------------------------------------------------


def test_a_revoked_token_a_bad_date_and_a_central_that_is_down_read_as_sentences(qtbot, world, tmp_path):
    shown = []
    for client in (DeskClient(world.url, "vco_not-a-token"), DeskClient("http://127.0.0.1:9", world.token, timeout=2)):
        window = CentralOfficeWindow(client)
        qtbot.addWidget(window)
        window.show()
        window.start()
        qtbot.waitUntil(lambda w=window: w.worker.pending == 0, timeout=10_000)
        shown.append(window.windows_page.message.text())
        assert window.message.text() == shown[-1]
        window.windows_page.date_from.setText("31/02/2026")
        window.windows_page.refresh()
        assert window.windows_page.message.text() == "La fecha «Desde» no es válida: escríbala como dd/mm/aaaa."
        window.worker.wait(5000)
    assert shown == ["La clave de acceso de la oficina central no es válida o fue revocada. Pida una nueva al administrador.",
                     "No se pudo conectar con el servicio central. Revise la red y la dirección, e intente de nuevo."]
    with pytest.raises(DeskError) as e:
        DeskClient(world.url, world.token).window(999)
    assert (e.value.code, e.value.status) == ("unknown_window", 404)


from ui.central_office.dialogs import (  # noqa: E402
    AssignDialog, DepositDialog, ImportDialog, ReconcileDialog, ResolveDialog, ReturnedChequeDialog,
)
