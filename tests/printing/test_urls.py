"""Printer addresses: every form in the settings, and plain refusals for the rest."""

from __future__ import annotations

import pytest

from printing.errors import PrinterUrlError
from printing.urls import parse_printer_url


def test_tcp_with_and_without_port():
    a = parse_printer_url("tcp://192.168.1.50:9100")
    assert (a.scheme, a.host, a.port, a.status, a.confirm, a.two_way) == ("tcp", "192.168.1.50", 9100, True, True, True)
    assert parse_printer_url("tcp://caja-impresora").port == 9100
    assert parse_printer_url("TCP://[::1]:9101").host == "::1"
    b = parse_printer_url("tcp://10.0.0.7:9100?timeout=1.5&status=off&confirm=no")
    assert (b.timeout, b.status, b.confirm) == (1.5, False, False)


def test_serial_on_linux_and_windows():
    a = parse_printer_url("serial:///dev/ttyUSB0?baudrate=9600")
    assert (a.scheme, a.device, a.options["baudrate"]) == ("serial", "/dev/ttyUSB0", "9600")
    assert parse_printer_url("serial://COM3").device == "COM3"
    assert parse_printer_url("serial:///com12?baudrate=115200&rtscts=on").device == "COM12"
    assert parse_printer_url("serial:///dev/ttyS0?parity=E&stopbits=2&bytesize=7").options["parity"] == "E"


def test_usb_vendor_and_product_in_hex():
    a = parse_printer_url("usb://04b8:0e15")
    assert (a.vendor_id, a.product_id) == (0x04B8, 0x0E15)
    assert parse_printer_url("usb://0x0416:0x5011?out_ep=0x03").product_id == 0x5011


def test_file_paths():
    a = parse_printer_url("file:///tmp/receipt.bin")
    assert (a.device, a.two_way, a.status, a.confirm) == ("/tmp/receipt.bin", False, False, False)
    assert parse_printer_url("file:///C:/recibos/r.bin").device == "C:/recibos/r.bin"
    assert parse_printer_url("file://localhost/dev/usb/lp0").device == "/dev/usb/lp0"
    assert parse_printer_url("file:///tmp/con%20espacio.bin").device == "/tmp/con espacio.bin"


@pytest.mark.parametrize(
    "url,reason",
    [
        ("", "está vacía"),
        ("192.168.1.50:9100", "falta el tipo de conexión"),
        ("lpt://1", "el tipo «lpt» no existe"),
        ("tcp://", "falta la dirección IP"),
        ("tcp://impresora:noventa", "el puerto debe ser un número"),
        ("tcp://impresora:70000", "el puerto debe ser un número"),
        ("tcp://impresora:9100/cola", "no lleva ruta"),
        ("tcp://impresora?tiempo=3", "opción desconocida tiempo"),
        ("tcp://impresora?timeout=mucho", "no es un número"),
        ("tcp://impresora?timeout=0", "debe estar entre"),
        ("tcp://impresora?status=quizas", "use on u off"),
        ("serial://", "falta el puerto serie"),
        ("serial://ttyUSB0", "falta el puerto serie"),
        ("serial:///dev/ttyUSB0?baudrate=9601", "no es una velocidad serie habitual"),
        ("serial:///dev/ttyUSB0?parity=X", "parity"),
        ("usb://epson", "fabricante:producto en hexadecimal"),
        ("usb://04b8", "fabricante:producto en hexadecimal"),
        ("file://tmp/receipt.bin", "tres barras"),
        ("file:///tmp/", "falta el nombre del archivo"),
        ("file:///tmp/r.bin?status=on", "opción desconocida status"),
    ],
)
def test_bad_urls_are_refused_with_a_plain_reason(url, reason):
    with pytest.raises(PrinterUrlError) as info:
        parse_printer_url(url)
    assert info.value.code == "bad_printer_url"
    assert reason in info.value.message, info.value.message
    assert info.value.message.startswith("La dirección «")
