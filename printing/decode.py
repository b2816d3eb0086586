"""ESC/POS bytes read back into what the printer would do.

The tests decode every job we produce instead of trusting that bytes came
out; the PNG preview draws from the decoded job, so what a developer looks
at is what the byte stream says, not what we meant to send.  Unknown
commands are an error: a stray byte that a printer would misread must fail
a test, not be skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from printing.profiles import EPSON_CODE_PAGES


class EscposDecodeError(ValueError):
    pass


@dataclass
class PrintedLine:
    text: str
    bold: bool = False
    double_width: bool = False
    double_height: bool = False
    invert: bool = False
    underline: bool = False
    align: str = "left"


@dataclass
class QRPrint:
    data: str
    module_dots: int
    error_correction: str  # L M Q H
    model: int


@dataclass
class BarcodePrint:
    symbology: str
    data: str  # the human-readable content
    width: int
    height: int
    hri: str  # none / above / below / both


@dataclass
class DecodedJob:
    #: in order: ("line", PrintedLine) ("qr", QRPrint) ("barcode", BarcodePrint) ("feed", n)
    #: ("cut", "partial"|"full") ("drawer", (pin, on_ms, off_ms)) ("realtime_drawer", (pin, ms))
    #: ("status", ("DLE EOT"|"GS r", n)) ("codepage", n) ("init", None) ("clear_buffers", None)
    events: list[tuple[str, object]] = field(default_factory=list)

    def _of(self, kind: str) -> list:
        return [v for k, v in self.events if k == kind]

    @property
    def lines(self) -> list[PrintedLine]:
        return self._of("line")

    @property
    def text_lines(self) -> list[str]:
        return [line.text for line in self.lines]

    @property
    def text(self) -> str:
        return "\n".join(self.text_lines)

    @property
    def qr_codes(self) -> list[QRPrint]:
        return self._of("qr")

    @property
    def barcodes(self) -> list[BarcodePrint]:
        return self._of("barcode")

    @property
    def cuts(self) -> list[str]:
        return self._of("cut")

    @property
    def drawer_kicks(self) -> list[tuple[int, int, int]]:
        return self._of("drawer")

    @property
    def realtime_drawer_kicks(self) -> list[tuple[int, int]]:
        return self._of("realtime_drawer")

    @property
    def code_pages(self) -> list[int]:
        return self._of("codepage")

    @property
    def status_requests(self) -> list[tuple[str, int]]:
        return self._of("status")

    def kinds(self) -> list[str]:
        return [k for k, _ in self.events]


_ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}
_HRI = {0: "none", 1: "above", 2: "below", 3: "both", 48: "none", 49: "above", 50: "below", 51: "both"}
_EC = {48: "L", 49: "M", 50: "Q", 51: "H"}
_BARCODE_A = {0: "UPC-A", 1: "UPC-E", 2: "EAN13", 3: "EAN8", 4: "CODE39", 5: "ITF", 6: "CODABAR"}
_BARCODE_B = {65: "UPC-A", 66: "UPC-E", 67: "EAN13", 68: "EAN8", 69: "CODE39", 70: "ITF", 71: "CODABAR",
              72: "CODE93", 73: "CODE128", 74: "GS1-128"}
# ESC commands with a fixed number of parameter bytes
_ESC_ARGS = {b"2": 0, b"3": 1, b"M": 1, b"{": 1, b"J": 1, b"=": 1, b"V": 1, b"G": 1, b" ": 1, b"U": 1,
             b"c": 2, b"%": 1, b"r": 1, b"S": 0, b"L": 0, b"T": 1}
_GS_ARGS = {b"h": 1, b"w": 1, b"H": 1, b"f": 1, b"a": 1, b"L": 2, b"W": 2, b"I": 1, b"b": 1, b"P": 2}


def _code128_text(raw: bytes) -> str:
    """Human digits/letters of a GS k CODE128 payload with its {A {B {C selectors."""
    out: list[str] = []
    mode = "B"
    i = 0
    while i < len(raw):
        b = raw[i]
        if b == 0x7B and i + 1 < len(raw):  # '{'
            sel = chr(raw[i + 1])
            if sel in "ABC":
                mode = sel
                i += 2
                continue
            if sel == "{":
                out.append("{")
                i += 2
                continue
            i += 2  # FNC1..4, shift: not content
            continue
        out.append(f"{b:02d}" if mode == "C" else chr(b))
        i += 1
    return "".join(out)


class _Decoder:
    def __init__(self, data: bytes, code_pages: dict[int, str]) -> None:
        self.d = data
        self.i = 0
        self.code_pages = code_pages
        self.job = DecodedJob()
        self._reset()
        self.buf = bytearray()
        self.line_style = PrintedLine("")
        self.qr_store: dict[str, object] = {}

    def _reset(self) -> None:
        self.codec = self.code_pages.get(0, "cp437")
        self.bold = self.dw = self.dh = self.invert = self.underline = False
        self.align = "left"
        self.bc_height, self.bc_width, self.bc_hri = 162, 3, "none"

    def take(self, n: int) -> bytes:
        if self.i + n > len(self.d):
            raise EscposDecodeError(f"command cut short at byte {self.i}")
        out = self.d[self.i : self.i + n]
        self.i += n
        return out

    def emit(self, kind: str, value: object) -> None:
        self.job.events.append((kind, value))

    def add_text(self, b: int) -> None:
        if not self.buf:
            self.line_style = PrintedLine("", align=self.align)
        self.buf.append(b)
        s = self.line_style
        s.bold |= self.bold
        s.double_width |= self.dw
        s.double_height |= self.dh
        s.invert |= self.invert
        s.underline |= self.underline

    def flush(self, always: bool = True) -> bool:
        if not self.buf and not always:
            return False
        style = self.line_style if self.buf else PrintedLine("", align=self.align)
        style.text = bytes(self.buf).decode(self.codec, errors="replace")
        self.emit("line", style)
        self.buf = bytearray()
        self.line_style = PrintedLine("")
        return True

    def run(self) -> DecodedJob:
        while self.i < len(self.d):
            b = self.d[self.i]
            self.i += 1
            if b == 0x0A:
                self.flush()
            elif b == 0x0D:
                pass
            elif b == 0x09:
                self.add_text(0x20)
            elif b == 0x1B:
                self.esc()
            elif b == 0x1D:
                self.gs()
            elif b == 0x10:
                self.dle()
            elif b == 0x1C:
                self.fs()
            elif b < 0x20 or b == 0x7F:
                raise EscposDecodeError(f"unexpected control byte 0x{b:02x} at {self.i - 1}")
            else:
                self.add_text(b)
        if self.buf:
            self.flush()  # unterminated: a printer keeps it in the buffer, we show it
        return self.job

    def esc(self) -> None:
        c = self.take(1)
        if c == b"@":
            self.flush(always=False)
            self._reset()
            self.emit("init", None)
        elif c == b"t":
            n = self.take(1)[0]
            if n not in self.code_pages:
                raise EscposDecodeError(f"code page {n} unknown")
            self.codec = self.code_pages[n]
            self.emit("codepage", n)
        elif c == b"R":
            self.emit("charset", self.take(1)[0])
        elif c == b"!":
            n = self.take(1)[0]
            self.bold, self.dh, self.dw, self.underline = bool(n & 8), bool(n & 16), bool(n & 32), bool(n & 128)
        elif c == b"E":
            self.bold = bool(self.take(1)[0] & 1)
        elif c == b"-":
            self.underline = bool(self.take(1)[0] & 3)
        elif c == b"a":
            self.align = _ALIGN.get(self.take(1)[0], "left")
        elif c == b"d":
            n = self.take(1)[0]
            printed = self.flush(always=False)
            for _ in range(n - (1 if printed else 0)):
                self.flush()
        elif c == b"p":
            m, t1, t2 = self.take(3)
            self.emit("drawer", (2 if m in (0, 48) else 5, t1 * 2, t2 * 2))
        elif c in _ESC_ARGS:
            self.take(_ESC_ARGS[c])
        else:
            raise EscposDecodeError(f"unknown command ESC {c!r} at {self.i - 2}")

    def gs(self) -> None:
        c = self.take(1)
        if c == b"!":
            n = self.take(1)[0]
            self.dw, self.dh = (n >> 4) > 0, (n & 0x0F) > 0
        elif c == b"B":
            self.invert = bool(self.take(1)[0] & 1)
        elif c == b"V":
            m = self.take(1)[0]
            if m in (65, 66, 97, 98, 103, 104):
                self.take(1)
            self.flush(always=False)
            self.emit("cut", "full" if m in (0, 48, 65, 97, 103) else "partial")
        elif c == b"h":
            self.bc_height = self.take(1)[0]
        elif c == b"w":
            self.bc_width = self.take(1)[0]
        elif c == b"H":
            self.bc_hri = _HRI.get(self.take(1)[0], "none")
        elif c == b"k":
            self.barcode()
        elif c == b"(":
            fn_group = self.take(1)
            p_l, p_h = self.take(2)
            body = self.take(p_l + 256 * p_h)
            if fn_group == b"k":
                self.two_d(body)
            elif fn_group in (b"L", b"H", b"E", b"A", b"C", b"D", b"K"):
                pass  # graphics, responses, settings: not content we check
            else:
                raise EscposDecodeError(f"unknown command GS ( {fn_group!r}")
        elif c == b"v":
            if self.take(1) != b"0":
                raise EscposDecodeError("GS v other than raster")
            _m, x_l, x_h, y_l, y_h = self.take(5)
            self.take((x_l + 256 * x_h) * (y_l + 256 * y_h))
            self.emit("image", (x_l + 256 * x_h, y_l + 256 * y_h))
        elif c == b"r":
            self.emit("status", ("GS r", self.take(1)[0]))
        elif c in _GS_ARGS:
            self.take(_GS_ARGS[c])
        else:
            raise EscposDecodeError(f"unknown command GS {c!r} at {self.i - 2}")

    def barcode(self) -> None:
        m = self.take(1)[0]
        if m <= 6:
            end = self.d.index(b"\x00", self.i)
            raw = self.take(end - self.i)
            self.take(1)
            symbology = _BARCODE_A[m]
        elif m in _BARCODE_B:
            n = self.take(1)[0]
            raw = self.take(n)
            symbology = _BARCODE_B[m]
        else:
            raise EscposDecodeError(f"barcode type {m} unknown")
        data = _code128_text(raw) if symbology in ("CODE128", "GS1-128") else raw.decode("ascii", "replace")
        self.flush(always=False)
        self.emit("barcode", BarcodePrint(symbology, data, self.bc_width, self.bc_height, self.bc_hri))

    def two_d(self, body: bytes) -> None:
        cn, fn = body[0], body[1]
        if cn != 49:  # '1' = QR; PDF417 and others unused
            return
        if fn == 65:
            self.qr_store["model"] = body[2] - 48
        elif fn == 67:
            self.qr_store["size"] = body[2]
        elif fn == 69:
            self.qr_store["ec"] = _EC.get(body[2], "?")
        elif fn == 80:
            self.qr_store["data"] = body[3:].decode("utf-8")
        elif fn == 81:
            if "data" not in self.qr_store:
                raise EscposDecodeError("QR printed before its data was stored")
            self.flush(always=False)
            s = self.qr_store
            self.emit("qr", QRPrint(str(s["data"]), int(s.get("size", 3)), str(s.get("ec", "L")), int(s.get("model", 2))))

    def dle(self) -> None:
        c = self.take(1)
        if c == b"\x04":
            self.emit("status", ("DLE EOT", self.take(1)[0]))
        elif c == b"\x05":
            self.emit("recover", self.take(1)[0])
        elif c == b"\x14":
            fn = self.take(1)[0]
            if fn == 1:
                m, t = self.take(2)
                self.emit("realtime_drawer", (2 if m == 0 else 5, t * 100))
            elif fn == 8:
                if self.take(7) != b"\x01\x03\x14\x01\x06\x02\x08":
                    raise EscposDecodeError("DLE DC4 8 with wrong check bytes")
                self.emit("clear_buffers", None)
            elif fn == 2:
                self.take(2)
                self.emit("power_off", None)
            else:
                raise EscposDecodeError(f"DLE DC4 {fn} unknown")
        else:
            raise EscposDecodeError(f"unknown command DLE {c!r}")

    def fs(self) -> None:
        c = self.take(1)
        if c in (b".", b"&"):
            return
        raise EscposDecodeError(f"unknown command FS {c!r}")


def decode_escpos(data: bytes, code_pages: dict[int, str] | None = None) -> DecodedJob:
    """What the bytes make a printer print, command by command."""
    return _Decoder(bytes(data), code_pages or EPSON_CODE_PAGES).run()
