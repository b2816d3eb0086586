"""Printer and display addresses as URLs, in settings and on the command line.

    tcp://192.168.1.50:9100          raw TCP (port 9100 when left out)
    serial:///dev/ttyUSB0?baudrate=9600
    serial://COM3?baudrate=19200     (Windows; serial:///COM3 works too)
    usb://04b8:0e15                  vendor:product in hexadecimal
    file:///tmp/receipt.bin          a file or a device node (/dev/usb/lp0)

Query options, all optional: ``timeout`` (seconds for every read and write),
``status`` (``on``/``off``: ask DLE EOT status before printing),
``confirm`` (``on``/``off``: wait for the printer to report the job done);
for serial ``baudrate``, ``bytesize``, ``parity`` (N E O M S), ``stopbits``
(1 1.5 2), ``rtscts``, ``dsrdtr``, ``xonxoff``; for usb ``interface``,
``in_ep``, ``out_ep``.  An unknown option is refused: a typo must not
silently fall back to a default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from printing.errors import PrinterUrlError

SCHEMES = ("tcp", "serial", "usb", "file")
BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)

_COMMON = {"timeout", "status", "confirm"}
_OPTIONS = {
    "tcp": _COMMON,
    "serial": _COMMON | {"baudrate", "bytesize", "parity", "stopbits", "rtscts", "dsrdtr", "xonxoff"},
    "usb": _COMMON | {"interface", "in_ep", "out_ep"},
    "file": {"timeout"},
}
_TRUE = {"1", "on", "yes", "true", "si", "sí"}
_FALSE = {"0", "off", "no", "false"}


@dataclass(frozen=True)
class PrinterAddress:
    url: str
    scheme: str
    host: str = ""
    port: int = 0
    device: str = ""  # serial port or file path
    vendor_id: int = 0
    product_id: int = 0
    timeout: float | None = None
    status: bool = True  # ask DLE EOT before printing
    confirm: bool = True  # wait for GS r after the job
    options: dict[str, str] = field(default_factory=dict)

    @property
    def two_way(self) -> bool:
        """Whether the printer can answer (a plain file cannot)."""
        return self.scheme in ("tcp", "serial", "usb")

    def describe(self) -> str:
        if self.scheme == "tcp":
            return f"{self.host}:{self.port}"
        if self.scheme == "usb":
            return f"USB {self.vendor_id:04x}:{self.product_id:04x}"
        return self.device


def _flag(url: str, name: str, value: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise PrinterUrlError(url, f"la opción {name} vale «{value}»; use on u off")


def _number(url: str, name: str, value: str, kind=int, low: float = 0, high: float = 1e9):
    try:
        n = kind(value)
    except ValueError:
        raise PrinterUrlError(url, f"la opción {name} vale «{value}», que no es un número") from None
    if not low <= n <= high:
        raise PrinterUrlError(url, f"la opción {name} debe estar entre {low:g} y {high:g}")
    return n


def parse_printer_url(url: str, *, extra_options: frozenset[str] = frozenset()) -> PrinterAddress:
    """Read a printer (or display) URL; refuse it with a plain reason when it cannot work.

    ``extra_options`` names options a particular device reads itself (the
    customer display's ``mode``); they are kept in ``options``.
    """
    text = (url or "").strip()
    if not text:
        raise PrinterUrlError(url or "", "está vacía; escriba por ejemplo tcp://192.168.1.50:9100")
    if "://" not in text:
        raise PrinterUrlError(
            text, "le falta el tipo de conexión: empiece con tcp://, serial://, usb:// o file://"
        )
    scheme, rest = text.split("://", 1)
    scheme = scheme.lower()
    if scheme not in SCHEMES:
        raise PrinterUrlError(text, f"el tipo «{scheme}» no existe; use tcp, serial, usb o file")
    target, _, query = rest.partition("?")
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise PrinterUrlError(text, "las opciones después de «?» están mal escritas (nombre=valor&nombre=valor)") from None
    options = {k.lower(): v for k, v in pairs}
    unknown = sorted(set(options) - _OPTIONS[scheme] - extra_options)
    if unknown:
        known = ", ".join(sorted(_OPTIONS[scheme] | extra_options))
        raise PrinterUrlError(text, f"opción desconocida {', '.join(unknown)} (se admiten: {known})")
    common: dict = {}
    if "timeout" in options:
        common["timeout"] = _number(text, "timeout", options["timeout"], float, 0.05, 600)
    if "status" in options:
        common["status"] = _flag(text, "status", options["status"])
    if "confirm" in options:
        common["confirm"] = _flag(text, "confirm", options["confirm"])
    if scheme == "tcp":
        return _tcp(text, target, options, common)
    if scheme == "serial":
        return _serial(text, target, options, common)
    if scheme == "usb":
        return _usb(text, target, options, common)
    return _file(text, target, options, common)


def _tcp(url: str, target: str, options: dict, common: dict) -> PrinterAddress:
    if "/" in target.strip("/"):
        raise PrinterUrlError(url, "una impresora de red no lleva ruta: tcp://HOST:PUERTO")
    try:
        parts = urlsplit("//" + target.strip("/"))
        host = parts.hostname or ""
        port = parts.port or 9100
    except ValueError:
        raise PrinterUrlError(url, "el puerto debe ser un número entre 1 y 65535") from None
    if not host:
        raise PrinterUrlError(url, "falta la dirección IP o el nombre de la impresora")
    if not re.fullmatch(r"[A-Za-z0-9.\-:_]+", host):
        raise PrinterUrlError(url, f"«{host}» no es una dirección de red")
    if port == 0:
        raise PrinterUrlError(url, "el puerto debe ser un número entre 1 y 65535")
    return PrinterAddress(url, "tcp", host=host, port=port, options=options, **common)


def _serial(url: str, target: str, options: dict, common: dict) -> PrinterAddress:
    device = unquote(target)
    if re.fullmatch(r"/?(COM\d+)", device, re.IGNORECASE):
        device = device.lstrip("/").upper()
    elif device.startswith("//./"):
        device = device  # \\.\COM10 written with slashes
    elif not device.startswith("/"):
        raise PrinterUrlError(url, "falta el puerto serie: serial:///dev/ttyUSB0 o serial://COM3")
    if device in ("", "/"):
        raise PrinterUrlError(url, "falta el puerto serie: serial:///dev/ttyUSB0 o serial://COM3")
    baud = _number(url, "baudrate", options.get("baudrate", "9600"))
    if baud not in BAUDRATES:
        raise PrinterUrlError(url, f"baudrate {baud} no es una velocidad serie habitual ({', '.join(map(str, BAUDRATES))})")
    _number(url, "bytesize", options.get("bytesize", "8"), int, 5, 8)
    if options.get("parity", "N").upper() not in ("N", "E", "O", "M", "S"):
        raise PrinterUrlError(url, "parity debe ser N, E, O, M o S")
    if options.get("stopbits", "1") not in ("1", "1.5", "2"):
        raise PrinterUrlError(url, "stopbits debe ser 1, 1.5 o 2")
    for name in ("rtscts", "dsrdtr", "xonxoff"):
        if name in options:
            _flag(url, name, options[name])
    return PrinterAddress(url, "serial", device=device, options=options, **common)


def _usb(url: str, target: str, options: dict, common: dict) -> PrinterAddress:
    m = re.fullmatch(r"(?:0x)?([0-9A-Fa-f]{1,4}):(?:0x)?([0-9A-Fa-f]{1,4})/?", target)
    if not m:
        raise PrinterUrlError(url, "escriba fabricante:producto en hexadecimal, como usb://04b8:0e15")
    for name in ("interface", "in_ep", "out_ep"):
        if name in options:
            _number(url, name, options[name], lambda v: int(v, 0), 0, 255)
    return PrinterAddress(
        url, "usb", vendor_id=int(m.group(1), 16), product_id=int(m.group(2), 16), options=options, **common
    )


def _file(url: str, target: str, options: dict, common: dict) -> PrinterAddress:
    host, slash, path = target.partition("/")
    if host not in ("", "localhost"):
        raise PrinterUrlError(url, "un archivo va con tres barras: file:///ruta/al/archivo")
    path = unquote(slash + path)
    if re.match(r"^/[A-Za-z]:[/\\]", path):  # file:///C:/recibos/r.bin
        path = path[1:]
    if path in ("", "/") or path.endswith("/"):
        raise PrinterUrlError(url, "falta el nombre del archivo")
    return PrinterAddress(url, "file", device=path, options=options, status=False, confirm=False, **common)
