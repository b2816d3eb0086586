"""A printer on loopback TCP that answers DLE EOT as the test says: the hold-and-retry path end to end."""

from __future__ import annotations

import time

import pytest

from printing.cli import printer_test_command
from printing.decode import decode_escpos
from printing.errors import JobInterrupted, PrinterFault
from printing.printer import DrawerSettings, EscposPrinter
from printing.render import CLEAR_BUFFERS
from printing.spool import ReceiptSpool
from printing.testpage import print_test_page
from tests.printing.conftest import make_receipt
from tests.printing.devices import (
    COVER_OPEN,
    CUTTER_ERROR,
    DRAWER_HIGH,
    OFFLINE,
    PAPER_LOW,
    PAPER_OUT,
    READY,
    LoopbackPrinter,
    PrinterBrain,
    closed_port,
)

FAST = 0.3


@pytest.fixture
def spool(tmp_path):
    return ReceiptSpool(tmp_path / "spool")


def printer_at(url, spool=None, **kw) -> EscposPrinter:
    return EscposPrinter(url, "80mm", timeout=FAST, job_timeout=kw.pop("job_timeout", 2.0), spool=spool, **kw)


def test_ready_printer_gets_status_questions_then_the_whole_receipt_then_the_completion_question(spool, receipt):
    with LoopbackPrinter() as dev:
        printer_at(dev.url, spool).print_receipt(receipt)
        decoded = decode_escpos(dev.brain.bytes)
    assert decoded.status_requests == [("DLE EOT", 1), ("DLE EOT", 4), ("GS r", 1)]
    assert decoded.kinds()[:2] == ["status", "status"] and decoded.kinds()[-1] == "status"
    assert "TOTAL PAGADO" in decoded.text and "Recibo N.º" in decoded.text
    assert [q.data for q in decoded.qr_codes] == [receipt.verification]
    assert decoded.cuts == ["partial"]
    assert dev.brain.jobs_completed == 1
    assert spool.pending() == []


@pytest.mark.parametrize(
    "status,code",
    [(PAPER_OUT, "paper_out"), (COVER_OPEN, "cover_open"), (OFFLINE, "printer_offline"), (CUTTER_ERROR, "printer_error")],
)
def test_a_stopped_printer_gets_no_job_and_the_receipt_is_held(status, code, spool, receipt):
    with LoopbackPrinter(PrinterBrain(status)) as dev:
        with pytest.raises(PrinterFault) as info:
            printer_at(dev.url, spool).print_receipt(receipt)
        decoded = decode_escpos(dev.brain.bytes)
    assert info.value.code == code and not isinstance(info.value, JobInterrupted)
    assert "\n" not in info.value.message and info.value.message.endswith(".")
    assert decoded.lines == [] and decoded.cuts == []  # not a byte of the receipt was sent
    assert ("DLE EOT", 1) in decoded.status_requests
    [held] = spool.pending()
    assert (held.payment_id, held.receipt_no, held.fault_code, held.interrupted) == (receipt.payment_id, 123, code, False)
    assert held.receipt == receipt


def test_error_messages_tell_the_cashier_what_to_do(receipt):
    with LoopbackPrinter(PrinterBrain(PAPER_OUT)) as dev:
        with pytest.raises(PrinterFault) as info:
            printer_at(dev.url).print_receipt(receipt)
    assert info.value.message == "La impresora no tiene papel: cargue un rollo nuevo y reintente."


def test_held_receipt_prints_on_retry_once_paper_is_loaded(spool, receipt):
    brain = PrinterBrain(PAPER_OUT)
    with LoopbackPrinter(brain) as dev:
        printer = printer_at(dev.url, spool)
        with pytest.raises(PrinterFault):
            printer.print_receipt(receipt)
        assert len(spool.pending()) == 1
        brain.status = dict(READY)
        printer.print_receipt(receipt)
        decoded = decode_escpos(brain.bytes)
    assert spool.pending() == []
    assert decoded.text.count("TOTAL PAGADO") == 1
    assert "REIMPRESIÓN" not in decoded.text  # nothing of it was on paper before


def test_paper_running_out_mid_receipt_reprints_it_whole_marked_reimpresion(spool, receipt):
    def paper_runs_out(brain: PrinterBrain) -> None:
        brain.status = dict(PAPER_OUT)
        brain.completes = False

    brain = PrinterBrain(READY, on_job=paper_runs_out)
    with LoopbackPrinter(brain) as dev:
        printer = printer_at(dev.url, spool, job_timeout=0.3)
        with pytest.raises(JobInterrupted) as info:
            printer.print_receipt(receipt)
        first = brain.bytes
        assert first.endswith(CLEAR_BUFFERS)  # the rest must not come out when paper is loaded
        assert info.value.code == "paper_out" and "a medias" in info.value.message
        [held] = spool.pending()
        assert held.interrupted

        brain.status, brain.completes, brain.on_job = dict(READY), True, None
        printer.print_receipt(receipt)
        second = decode_escpos(brain.bytes[len(first) :])
    assert "REIMPRESIÓN" in second.text and "El recibo anterior quedó incompleto" in second.text
    assert "TOTAL PAGADO" in second.text and second.cuts == ["partial"]
    assert spool.pending() == []


def test_printer_hanging_up_mid_job_is_an_interrupted_job(spool, receipt):
    with LoopbackPrinter(PrinterBrain(READY, drop_after=400)) as dev:
        with pytest.raises(PrinterFault) as info:
            printer_at(dev.url, spool).print_receipt(receipt)
    assert info.value.code in ("printer_offline", "printer_timeout")
    assert isinstance(info.value, JobInterrupted)
    assert spool.pending()[0].interrupted


def test_silent_printer_times_out_and_never_hangs(spool, receipt):
    with LoopbackPrinter(PrinterBrain(silent=True)) as dev:
        start = time.monotonic()
        with pytest.raises(PrinterFault) as info:
            printer_at(dev.url, spool).print_receipt(receipt)
        elapsed = time.monotonic() - start
        decoded = decode_escpos(dev.brain.bytes)
    assert info.value.code == "printer_timeout"
    assert elapsed < 1.0
    assert decoded.lines == []
    assert spool.pending()[0].fault_code == "printer_timeout"


def test_nobody_listening_is_offline_at_once(receipt):
    start = time.monotonic()
    with pytest.raises(PrinterFault) as info:
        printer_at(f"tcp://127.0.0.1:{closed_port()}").print_receipt(receipt)
    assert info.value.code == "printer_offline" and time.monotonic() - start < 1.0


def test_printer_without_completion_answer_is_trusted_when_its_status_is_fine(spool, receipt):
    with LoopbackPrinter(PrinterBrain(READY, completes=False)) as dev:
        start = time.monotonic()
        printer_at(dev.url, spool, job_timeout=0.3).print_receipt(receipt)
        elapsed = time.monotonic() - start
        decoded = decode_escpos(dev.brain.bytes)
    assert 0.3 <= elapsed < 1.5
    assert decoded.status_requests[-2:] == [("DLE EOT", 1), ("DLE EOT", 4)]  # asked again after the wait
    assert spool.pending() == []


def test_url_options_turn_status_and_confirmation_off(receipt):
    with LoopbackPrinter(PrinterBrain(silent=True)) as dev:
        printer_at(dev.url + "?status=off&confirm=off").print_receipt(receipt)
        decoded = decode_escpos(dev.brain.wait_for(lambda b: b.endswith(b"\x1dV\x01")))
    assert decoded.status_requests == []
    assert "TOTAL PAGADO" in decoded.text


def test_paper_low_still_prints_and_is_reported():
    with LoopbackPrinter(PrinterBrain(PAPER_LOW)) as dev:
        printer = printer_at(dev.url)
        status = printer.status()
        printer.print_receipt(make_receipt())
        assert dev.brain.jobs_completed == 1
    assert status.ready and status.paper_low
    assert status.summary() == "Impresora lista; el papel se está acabando."


def test_drawer_opens_with_esc_p_and_in_real_time_when_the_printer_is_stopped():
    with LoopbackPrinter() as dev:
        printer_at(dev.url, drawer=DrawerSettings(pin=2, on_ms=100, off_ms=500)).open_drawer()
        ready = decode_escpos(dev.brain.wait_for(lambda b: b"\x1bp" in b))
    assert ready.drawer_kicks == [(2, 100, 500)] and ready.realtime_drawer_kicks == []
    with LoopbackPrinter(PrinterBrain(PAPER_OUT)) as dev:
        printer_at(dev.url, drawer=DrawerSettings(pin=5, on_ms=200)).open_drawer()
        stopped = decode_escpos(dev.brain.wait_for(lambda b: b"\x10\x14" in b))
    assert stopped.drawer_kicks == [] and stopped.realtime_drawer_kicks == [(5, 200)]


def test_drawer_state_comes_from_pin_3():
    with LoopbackPrinter(PrinterBrain(DRAWER_HIGH)) as dev:
        assert printer_at(dev.url).drawer_is_open() is True
        assert printer_at(dev.url, drawer=DrawerSettings(open_when_pin3_high=False)).drawer_is_open() is False
    with LoopbackPrinter() as dev:
        assert printer_at(dev.url).drawer_is_open() is False


def test_test_page_over_tcp(capsys):
    with LoopbackPrinter() as dev:
        print_test_page(dev.url, "58mm", timeout=FAST)
        decoded = decode_escpos(dev.brain.bytes)
        assert printer_test_command(dev.url, "80mm", FAST) == 0
    assert decoded.code_pages == [2] and "PÁGINA DE PRUEBA" in decoded.text and decoded.cuts == ["partial"]
    assert dev.brain.jobs_completed == 2
    assert "Página de prueba impresa" in capsys.readouterr().out


@pytest.mark.parametrize(
    "brain,code,fragment",
    [
        (PrinterBrain(PAPER_OUT), 1, "no tiene papel"),
        (PrinterBrain(COVER_OPEN), 1, "tapa"),
        (PrinterBrain(OFFLINE), 1, "fuera de línea"),
        (PrinterBrain(silent=True), 1, "no contestó a tiempo"),
    ],
)
def test_printer_test_command_fails_with_one_spanish_line(brain, code, fragment, capsys):
    with LoopbackPrinter(brain) as dev:
        start = time.monotonic()
        assert printer_test_command(dev.url, "80mm", FAST) == code
        assert time.monotonic() - start < 2.0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and fragment in err


def test_printer_test_command_refuses_bad_urls_and_profiles(capsys):
    assert printer_test_command("lpt1", "80mm", FAST) == 2
    assert "tcp://" in capsys.readouterr().err
    assert printer_test_command("tcp://127.0.0.1:9100", "76mm", FAST) == 2
    assert "58mm, 80mm" in capsys.readouterr().err
    assert printer_test_command(f"tcp://127.0.0.1:{closed_port()}", "80mm", FAST) == 1


def test_cash_drawer_class_kicks_and_reads_through_the_printer():
    from printing.drawer import CashDrawer

    with LoopbackPrinter(PrinterBrain(DRAWER_HIGH)) as dev:
        drawer = CashDrawer(dev.url, settings=DrawerSettings(pin=2, on_ms=120, off_ms=240), timeout=FAST)
        drawer.open()
        kicks = decode_escpos(dev.brain.wait_for(lambda b: b"\x1bp" in b)).drawer_kicks
        assert kicks == [(2, 120, 240)]
        assert drawer.is_open() is True
    with pytest.raises(PrinterFault) as info:
        CashDrawer(f"tcp://127.0.0.1:{closed_port()}", timeout=FAST).open()
    assert info.value.code == "printer_offline"
