"""Serial devices on pseudo-terminal pairs: a receipt printer, the customer display, a scanner."""

from __future__ import annotations

import os
import time

import pytest

from printing.decode import decode_escpos
from printing.display import CustomerDisplay
from printing.errors import PrinterFault, PrinterUrlError
from printing.printer import EscposPrinter
from printing.scanner import SerialScanner
from tests.printing.devices import PAPER_OUT, PrinterBrain, PtyDevice

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")


def test_serial_printer_prints_a_receipt_after_asking_status(receipt):
    with PtyDevice(PrinterBrain()) as dev:
        EscposPrinter(f"serial://{dev.path}?baudrate=115200", "58mm", timeout=0.5).print_receipt(receipt)
        decoded = decode_escpos(dev.brain.bytes)
    assert decoded.status_requests == [("DLE EOT", 1), ("DLE EOT", 4), ("GS r", 1)]
    assert decoded.code_pages == [2]
    assert "José Ángel Rodríguez" in decoded.text and "TOTAL PAGADO" in decoded.text
    assert [b.data for b in decoded.barcodes] == ["00000123"] and decoded.cuts == ["partial"]


def test_serial_printer_without_paper_gets_no_job(receipt):
    with PtyDevice(PrinterBrain(PAPER_OUT)) as dev:
        with pytest.raises(PrinterFault) as info:
            EscposPrinter(f"serial://{dev.path}", "58mm", timeout=0.5).print_receipt(receipt)
        assert info.value.code == "paper_out"
        assert decode_escpos(dev.brain.bytes).lines == []


def test_serial_printer_that_never_answers_times_out(receipt):
    with PtyDevice(PrinterBrain(silent=True)) as dev:
        start = time.monotonic()
        with pytest.raises(PrinterFault) as info:
            EscposPrinter(f"serial://{dev.path}", "58mm", timeout=0.3).print_receipt(receipt)
    assert info.value.code == "printer_timeout" and time.monotonic() - start < 1.5


def test_missing_serial_port_is_offline(receipt):
    with pytest.raises(PrinterFault) as info:
        EscposPrinter("serial:///dev/ttyNoExiste9", timeout=0.3).print_receipt(receipt)
    assert info.value.code == "printer_offline" and "/dev/ttyNoExiste9" in info.value.message


def _screen(data: bytes) -> tuple[str, str]:
    """The two lines an ESC/POS pole display shows after ``data`` (US $ x y positioning)."""
    lines = [[" "] * 20, [" "] * 20]
    x = y = 0
    i = 0
    while i < len(data):
        b = data[i]
        if data[i : i + 2] == b"\x1b@":
            i += 2
        elif data[i : i + 2] == b"\x1bt":
            assert data[i + 2] == 2  # PC850
            i += 3
        elif data[i : i + 2] == b"\x1f$":
            x, y = data[i + 2] - 1, data[i + 3] - 1
            i += 4
        elif data[i : i + 2] == b"\x1fC":
            i += 3
        elif data[i : i + 2] == b"\x1f\x01":
            i += 2
        elif b == 0x0C:
            lines, x, y = [[" "] * 20, [" "] * 20], 0, 0
            i += 1
        else:
            assert b >= 0x20, f"unexpected byte {b:#x}"
            lines[y][x] = bytes([b]).decode("cp850")
            x += 1
            i += 1
    return "".join(lines[0]), "".join(lines[1])


def test_customer_display_shows_due_received_and_change():
    with PtyDevice() as dev:
        display = CustomerDisplay(f"serial://{dev.path}?baudrate=9600", locale="es_DO")
        assert display.show_due(150050, "DOP")
        data = dev.received(lambda d: d.count(b"\x1f$") >= 2)
        assert data.startswith(b"\x1b@\x1bt\x02")
        assert _screen(data) == ("TOTAL A PAGAR       ", "        RD$ 1,500.50")
        assert display.show_payment(200000, 49950, "DOP")
        data = dev.received(lambda d: d.count(b"\x1f$") >= 4)
        assert _screen(data) == ("Recibido RD$2,000.00", "Cambio    RD$ 499.50")
        assert data.count(b"\x1b@") == 1  # initialised once, then only repositioned
        display.show("¡Gracias, señora!", "Año nuevo")
        top, bottom = _screen(dev.received(lambda d: d.count(b"\x1f$") >= 6))
        assert (top.rstrip(), bottom.rstrip()) == ("¡Gracias, señora!", "Año nuevo")
        display.close()


def test_plain_display_gets_two_crlf_lines():
    with PtyDevice() as dev:
        display = CustomerDisplay(f"serial://{dev.path}?mode=plain", locale="es_CO")
        display.show_due(150050, "COP")
        data = dev.received(lambda d: d.count(b"\r\n") >= 2 and len(d) >= 44)
        display.close()
    assert data == b"\r\n" + b"TOTAL A PAGAR".ljust(20) + b"\r\n" + b"$ 1.500,50".rjust(20)


def test_display_failures_never_stop_the_counter():
    display = CustomerDisplay("serial:///dev/ttyNoExiste9", timeout=0.2)
    assert display.show_due(100, "DOP") is False
    with pytest.raises(PrinterUrlError):
        CustomerDisplay("serial:///dev/ttyS0?mode=vfd")


def test_serial_scanner_reads_one_code_a_line():
    with PtyDevice() as dev:
        scanner = SerialScanner(f"serial://{dev.path}?baudrate=9600")
        scanner.open()
        os.write(dev.master, b"4150000000000019\r\n2000")
        assert scanner.read_code(1.0) == "4150000000000019"
        start = time.monotonic()
        assert scanner.read_code(0.2) is None  # "2000" has no end of line yet
        assert time.monotonic() - start < 0.6
        os.write(dev.master, b"123\r")
        assert scanner.read_code(1.0) == "2000123"
        scanner.close()
