"""The admin's settings screen, driven by keys on a real temporary store.

Printer test to a file, refusals next to their field with nothing written, a
save that writes settings.toml and an audit entry, the cashier refused, and
enrolment against the real central service under uvicorn. Also where the login
sends a user with the central role.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt

from tests.ui.conftest import focused, log_in, open_counter, type_into
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def admin(terminal):
    terminal.auth.add_user("rita", "Rita Administradora", "admin", "9999")
    return terminal


def open_settings(qtbot, window: MainWindow):
    """Admin logs in and presses Ctrl+, on the open-shift screen (before any shift: enrolment needs none)."""
    log_in(qtbot, window, "rita", "9999")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.open_shift)
    qtbot.keyClick(focused(), Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settings_screen is not None and window.stack.currentWidget() is window.settings_screen)
    screen = window.settings_screen
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert focused() is screen.inputs["outlet.name"]
    return screen


def retype(qtbot, screen, key: str, text: str) -> None:
    """Go to a field with Enter from the one before (keyboard only), replace its text, and leave it with Enter."""
    wanted = (screen.inputs[key], getattr(screen.inputs[key], "lineEdit", lambda: None)())
    for _ in range(len(screen.order)):
        if focused() in wanted:
            break
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() in wanted, f"{key} is not after the field that has the focus"
    target = focused()
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_Backspace)
    if text:
        qtbot.keyClicks(target, text)


def settings_file(terminal) -> Path:
    return terminal.paths.settings


def test_admin_prints_the_test_page_on_the_printer_typed_in_the_screen(qtbot, admin, window, tmp_path):
    from printing.decode import decode_escpos

    screen = open_settings(qtbot, window)
    target = tmp_path / "prueba.bin"
    retype(qtbot, screen, "printer", f"file://{target}")
    with qtbot.waitSignal(screen.printer_tested, timeout=10_000) as got:
        qtbot.keyClick(focused(), Qt.Key.Key_F5)
    assert got.args[0].ok, got.args[0].text
    assert screen.test_result.text() == "Página de prueba impresa (papel 80mm)."
    page = decode_escpos(target.read_bytes()).text
    assert "PÁGINA DE PRUEBA" in page and "Perfil 80mm" in page and "ñ" in page
    # a printer that is not there: one plain Spanish line, no trace
    retype(qtbot, screen, "printer", "tcp://127.0.0.1:9")
    with qtbot.waitSignal(screen.printer_tested, timeout=15_000) as got:
        qtbot.keyClick(focused(), Qt.Key.Key_F5)
    assert not got.args[0].ok
    assert "\n" not in screen.test_result.text() and "Traceback" not in screen.test_result.text()
    assert not settings_file(admin).exists()  # testing is not saving


def test_a_bad_currency_is_refused_beside_its_field_and_nothing_is_written(qtbot, admin, window):
    before = 'terminal_name = "Caja 7"\ncurrency = "DOP"\n'
    settings_file(admin).write_text(before, encoding="utf-8")
    screen = open_settings(qtbot, window)
    assert screen.inputs["terminal_name"].text() == "Caja 7"
    retype(qtbot, screen, "currency", "XYZ")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # leaving the field shows its message before saving
    qtbot.waitUntil(lambda: screen.errors["currency"].isVisible())
    retype(qtbot, screen, "cutoff", "25:00")
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "No se guardó nada" in screen.message.text())
    assert "XYZ" in screen.errors["currency"].text() and screen.errors["currency"].isVisible()
    assert "25:00" in screen.errors["cutoff"].text()
    assert not screen.errors["terminal_name"].isVisible()
    assert focused() is screen.inputs["currency"]  # the first wrong field, to fix it
    assert settings_file(admin).read_text(encoding="utf-8") == before
    with admin.uow() as uow:
        assert not [a for a in uow.audit.all() if a.action == "settings_changed"]


def test_a_valid_save_writes_settings_toml_and_the_audit_log(qtbot, admin, window):
    screen = open_settings(qtbot, window)
    qtbot.keyClicks(focused(), "Estafeta Los Mina")  # the name was selected: typing replaces it
    retype(qtbot, screen, "outlet.address", "Av. Venezuela 12, Santo Domingo Este")
    retype(qtbot, screen, "receipt_footer", "Gracias. Conserve su recibo.")
    retype(qtbot, screen, "cutoff", "19:30")
    retype(qtbot, screen, "cash_rounding", "5")
    retype(qtbot, screen, "central_url", "https://central.example.com")
    with qtbot.waitSignal(screen.saved, timeout=5000) as got:
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert set(got.args[0].changes) == {"outlet.name", "outlet.address", "receipt_footer", "cutoff", "cash_rounding",
                                        "central_url"}
    assert "Ajustes guardados" in screen.message.text() and "reiniciar" in screen.message.text()
    data = tomllib.loads(settings_file(admin).read_text(encoding="utf-8"))
    assert data["outlet"]["name"] == "Estafeta Los Mina"
    assert data["outlet"]["address"] == "Av. Venezuela 12, Santo Domingo Este"
    assert data["cutoff"] == "19:30" and data["cash_rounding"] == "5" and data["currency"] == "DOP"
    assert data["central_url"] == "https://central.example.com"
    assert not list(settings_file(admin).parent.glob("*.tmp"))
    with admin.uow() as uow:
        entries = [a for a in uow.audit.all() if a.action == "settings_changed"]
    assert len(entries) == 1 and entries[0].user_id == "rita"
    changes = json.loads(entries[0].detail)["changes"]
    assert changes["cutoff"] == [None, "19:30"]
    assert changes["outlet.name"] == ["Estafeta de demostración", "Estafeta Los Mina"]
    # Esc goes back where the admin was
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.open_shift)


def test_a_cashier_cannot_open_the_settings(qtbot, window):
    open_counter(qtbot, window)  # ana, a cashier
    qtbot.keyClick(window.counter.search, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.counter
    assert window.counter.tender_message.text() == "Solo un administrador puede cambiar los ajustes de la caja."
    qtbot.keyClick(window.counter.search, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.cash_menu)
    assert not window.settings_item.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_7)
    assert window.stack.currentWidget() is window.cash_menu and window.settings_screen is None


def test_an_admin_reaches_the_settings_from_the_caja_menu(qtbot, admin, window):
    log_in(qtbot, window, "rita", "9999")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.open_shift)
    type_into(qtbot, window.open_shift.count_edits[0], "1")
    qtbot.keyClick(window.open_shift.open_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.counter)
    qtbot.keyClick(window.counter.search, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.cash_menu)
    assert window.settings_item.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_7)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.settings_screen)
    screen = window.settings_screen
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    assert "ya registró operaciones" in screen.enrol_state.text()  # the shift_open item: enrolment is refused
    called = []
    screen.enrol_remote = lambda *a: called.append(a)
    retype(qtbot, screen, "central_url", "http://127.0.0.1:9")
    screen.inputs["enrolment_code"].setFocus()
    qtbot.keyClicks(focused(), "ABCD-1234")
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: screen.errors["enrolment_code"].isVisible())
    assert "ya registró operaciones" in screen.errors["enrolment_code"].text()
    assert called == []  # refused before the one-time code is spent at central
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # unsaved central address: the first Esc warns
    assert window.stack.currentWidget() is screen and "sin guardar" in screen.message.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.counter)
    qtbot.waitUntil(lambda: focused() is window.counter.search)


# --- enrolment against the real central --------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def central(tmp_path):
    """The central service under uvicorn on loopback, with one agent and one terminal to enrol."""
    from central import admin as office
    from central.db import make_engine, migrate

    db = f"sqlite:///{tmp_path / 'central.db'}"
    migrate(db)
    engine = make_engine(db)
    office.add_agent(engine, "AG001", "Estafeta Centro")
    terminal_id, code = office.add_terminal(engine, "AG001", "Caja 1")
    engine.dispose()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ventanilla", "central", "serve", "--db", db, "--port", str(port)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{url}/api/v1/health", timeout=0.5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "central did not start"
            time.sleep(0.1)
        yield url, terminal_id, code
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_admin_enrols_the_terminal_with_a_real_central(qtbot, admin, window, central):
    url, terminal_id, code = central
    screen = open_settings(qtbot, window)
    assert "Sin alta" in screen.enrol_state.text()
    retype(qtbot, screen, "central_url", url)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is screen.inputs["enrolment_code"]
    qtbot.keyClicks(focused(), "NO-SIRVE")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter in the code asks central
    qtbot.waitUntil(lambda: screen.errors["enrolment_code"].isVisible(), timeout=10_000)
    assert "Traceback" not in screen.errors["enrolment_code"].text()
    retype(qtbot, screen, "enrolment_code", code)
    with qtbot.waitSignal(screen.enrolled, timeout=10_000) as got:
        qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert got.args[0].terminal_id == terminal_id
    assert terminal_id in screen.message.text() and "Guarde (Ctrl+S)" in screen.message.text()
    qtbot.waitUntil(lambda: terminal_id in screen.enrol_state.text())
    with admin.uow() as uow:
        assert uow.terminal.counters().terminal_id == terminal_id
        assert uow.values.get("central_url") == url
        enrolled = [a for a in uow.audit.all() if a.action == "enrolled"]
    assert enrolled and enrolled[-1].user_id == "rita" and "secret" not in enrolled[-1].detail
    assert admin.sync_service() is not None


# --- the central role ------------------------------------------------------------------------


def test_a_central_user_is_sent_to_the_central_office_desk(qtbot, terminal, window, monkeypatch):
    from dataclasses import replace

    terminal.auth.add_user("ofi", "Olga Oficina", "central", "5555")
    monkeypatch.delenv("VENTANILLA_ADMIN_TOKEN", raising=False)
    log_in(qtbot, window, "ofi", "5555")
    qtbot.waitUntil(lambda: window.login.error.isVisible())
    text = window.login.error.text()
    assert "central_url" in text and "VENTANILLA_ADMIN_TOKEN" in text
    assert window.stack.currentWidget() is window.login and window.user is None

    opened = []

    class Desk:
        def __init__(self, url, token, *, user):
            opened.append((url, token, user))

        def resize(self, *_a): ...
        def show(self): ...
        def start(self): ...
        def close(self): ...

    window.services.settings = replace(window.services.settings, central_url="https://central.example.com")
    window.central_office_factory = Desk
    monkeypatch.setenv("VENTANILLA_ADMIN_TOKEN", "tok-123")
    log_in(qtbot, window, "ofi", "5555")
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [("https://central.example.com", "tok-123", "ofi")]
    assert window.stack.currentWidget() is window.login and "otra ventana" in window.login.error.text()
