"""Status bar, languages, errors and readability of the whole window."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt

from app.domain.errors import DomainError
from tests.ui.conftest import open_counter, type_into
from app.services.sync import SyncStatus
from tests.ui.fakes import FakeSyncStatus
from ui import i18n
from ui.devices import NullPrinter
from ui.errors import describe


def test_the_status_bar_shows_items_waiting_to_sync_and_the_oldest_age(qtbot, make_window, terminal):
    now = terminal.clock.now()
    status = FakeSyncStatus(SyncStatus(3, now - timedelta(hours=2, minutes=5), 0, None, None))
    window = make_window(sync_status=status)
    qtbot.waitUntil(lambda: window.status.sync.text() != "")
    assert window.status.connection.text() == "Conectando con la central…"
    assert window.status.sync.text() == "Por enviar: 3 (el más antiguo hace 2 h)"


def test_the_background_sender_reports_online_from_its_own_thread(qtbot, make_window, terminal):
    now = terminal.clock.now()
    window = make_window(sync_status=FakeSyncStatus(SyncStatus(0, None, 0, now, None)))
    sender = threading.Thread(target=window.sync_bridge, args=(SyncStatus(0, None, 1, now, None), True, ""))
    sender.start()
    sender.join()
    qtbot.waitUntil(lambda: window.status.connection.text() == "En línea")
    assert window.status.sync.text().startswith("Todo enviado · último envío ")
    assert window.status.sync.text().endswith("1 en revisión")
    window.sync_bridge(SyncStatus(2, now, 0, now, None), False, "La central no responde.")
    qtbot.waitUntil(lambda: window.status.connection.text() == "Sin conexión")
    assert window.status.connection.toolTip() == "La central no responde."


def test_a_terminal_not_enrolled_says_it_works_without_central(qtbot, make_window):
    window = make_window()
    assert window.status.connection.text() == "Sin central: cobrando sin conexión"
    assert not window.status.sync.isVisible()


def test_without_a_printer_the_status_bar_says_so_and_the_payment_still_commits(qtbot, make_window, terminal):
    from tests.ui.conftest import payable_account
    from tests.ui.test_counter import stored_payments

    window = open_counter(qtbot, make_window(printer=NullPrinter()))
    assert window.status.printer.text() == "Impresora: no configurada"
    c = window.counter
    view = payable_account(terminal)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    qtbot.keyClick(c.search, Qt.Key.Key_F2)
    with qtbot.waitSignal(c.print_finished):
        qtbot.keyClick(c.received_edit, Qt.Key.Key_Return)
    assert "No hay impresora configurada" in c.tender_message.text()
    assert window.status.printer.text() == "Impresora: no configurada"
    assert len(stored_payments(terminal, window.session.shift_id)) == 1


def test_errors_become_one_plain_sentence_and_rules_keep_their_field():
    shown = describe(DomainError("overpayment", "El pago supera la deuda.", field="amount"))
    assert (shown.text, shown.field, shown.code) == ("El pago supera la deuda.", "amount", "overpayment")
    shown = describe(KeyError("payment_id"))
    assert shown.field is None and "payment_id" not in shown.text and "soporte" in shown.text


@pytest.fixture
def english(qapp, tmp_path):
    compiled = i18n.compile_catalogues(tmp_path)
    assert {p.name for p in compiled} == {"ventanilla_es.qm", "ventanilla_en.qm"}
    translator = i18n.install(qapp, "en", tmp_path)
    assert translator is not None
    yield
    qapp.removeTranslator(translator)


def test_the_english_catalogue_translates_the_counter(qtbot, english, make_window):
    window = open_counter(qtbot, make_window())
    c = window.counter
    assert c.fkeys["cash"].text() == "F2 Cash"
    assert c.search.placeholderText() == "Scan the bill or type account, ID or name and Enter"
    assert c.documents.headerData(c.documents.OUTSTANDING, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Outstanding"
    assert QCoreApplication.translate("errors", "Ocurrió un error inesperado y no se completó la operación. "
                                      "Intente de nuevo; si se repite, llame a soporte.").startswith("An unexpected")


def test_every_catalogue_message_is_translated():
    import xml.etree.ElementTree as ET

    for language in i18n.LANGUAGES:
        root = ET.parse(i18n.ts_path(language)).getroot()
        messages = list(root.iter("message"))
        assert len(messages) > 80
        unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"]
        assert unfinished == [], language


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_counter_fits_the_screen_with_the_change_in_full(qtbot, make_window, terminal, size, tmp_path):
    from tests.ui.conftest import payable_account

    window = open_counter(qtbot, make_window(size=size))
    c = window.counter
    view = payable_account(terminal, many_documents=True)
    with qtbot.waitSignal(c.search_finished):
        type_into(qtbot, c.search, view.account.account_id)
    qtbot.keyClick(c.search, Qt.Key.Key_F2)
    qtbot.keyClicks(c.received_edit, "99999")
    qtbot.wait(20)
    inside = QRect(0, 0, window.width(), window.height())
    for w in (c.change_amount, c.received_edit, c.amount_edit, c.balance_label, c.name_label, c.search):
        top_left = w.mapTo(window, w.rect().topLeft())
        assert inside.contains(QRect(top_left, w.size())), w.objectName()
        assert w.isVisible()
    # the change is not cut: its text fits its label
    metrics = c.change_amount.fontMetrics()
    assert metrics.horizontalAdvance(c.change_amount.text()) <= c.change_amount.width()
    assert c.change_amount.font().pixelSize() >= (64 if size[1] == 768 else 80)
    assert window.grab().save(str(tmp_path / f"counter-{size[0]}.png"))


def test_widgets_call_services_and_never_the_store_or_devices_directly():
    import ast
    from pathlib import Path

    forbidden = {"app.storage", "sqlalchemy", "escpos", "serial", "requests", "sqlite3"}
    allowed = {("errors.py", "sqlite3")}  # only to recognise a disk error by its type
    offenders = []
    for path in sorted((Path(i18n.__file__).parent).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                hit = next((f for f in forbidden if name == f or name.startswith(f + ".")), None)
                if hit and (path.name, hit) not in allowed:
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []
