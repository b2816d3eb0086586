"""A layout turned into ESC/POS bytes with python-escpos.

The job is composed in memory on python-escpos' ``Dummy`` printer and sent
in one piece by a transport (``printing.transports``), so nothing reaches the
printer until the whole receipt exists and a failure can never leave half a
command on the wire from our side.
"""

from __future__ import annotations

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy

from printing.layout import Barcode, Cut, Feed, Layout, QRCode, Rule, TextLine
from printing.profiles import PrinterProfile, get_profile

ESC = b"\x1b"
GS = b"\x1d"
DLE = b"\x10"

INIT = ESC + b"@"
USA_CHARACTER_SET = ESC + b"R\x00"
#: asks for paper-roll status; answered only once everything before it was printed
TRANSMIT_STATUS = GS + b"r\x01"


def _printer(profile: PrinterProfile) -> Dummy:
    p = Dummy(profile=profile.escpos_profile)
    p._raw(INIT + USA_CHARACTER_SET)
    # forced: one ESC t for the whole job, never a switch in the middle
    p.charcode(profile.codepage_name)
    return p


def render_escpos(layout: Layout, profile: PrinterProfile | str | None = None) -> bytes:
    """ESC/POS bytes of ``layout``: init, code page, lines, QR, barcode, cut."""
    prof = get_profile(profile) if profile is not None else layout.profile
    p = _printer(prof)
    for e in layout.elements:
        if isinstance(e, TextLine):
            styled = e.bold or e.double or e.tall or e.invert
            if e.double or e.tall:
                p.set(double_width=e.double, double_height=True)
            if e.bold:
                p.set(bold=True)
            if e.invert:
                p.set(invert=True)
            p.text(e.text)
            if styled:
                p.set(normal_textsize=True, bold=False, invert=False)
            p.text("\n")
        elif isinstance(e, Rule):
            p.text(e.char * prof.columns + "\n")
        elif isinstance(e, QRCode):
            p.set(align="center")
            p.qr(e.data, native=True, size=prof.qr_module_dots, ec=QR_ECLEVEL_M)
            p.set(align="left")
        elif isinstance(e, Barcode):
            p._hw_barcode(
                "{B" + e.data,  # code set B: ASCII digits, which every compatible printer reads
                "CODE128",
                height=prof.barcode_height_dots,
                width=prof.barcode_module_dots,
                pos="BELOW",
                align_ct=True,
                function_type="B",
                check=False,
            )
            p.text("\n")
            p.set(align="left")
        elif isinstance(e, Feed):
            p.print_and_feed(e.lines)
        elif isinstance(e, Cut):
            p.cut(mode="PART" if e.partial else "FULL")
    return p.output


def drawer_kick(pin: int = 2, on_ms: int = 100, off_ms: int = 500) -> bytes:
    """``ESC p m t1 t2``: a pulse on connector pin 2 or 5 (units of 2 ms)."""
    if pin not in (2, 5):
        raise ValueError("the drawer is on pin 2 or pin 5")
    t1 = max(1, min(255, on_ms // 2))
    t2 = max(t1, min(255, off_ms // 2))
    return ESC + b"p" + bytes([0 if pin == 2 else 1, t1, t2])


def realtime_drawer_kick(pin: int = 2, on_ms: int = 100) -> bytes:
    """``DLE DC4 1 m t``: the same pulse as a real-time command.

    Executed at once even while the printer is off-line for lack of paper or
    an open cover, when an ``ESC p`` would wait in the buffer: the cash
    still has to go into the drawer.
    """
    if pin not in (2, 5):
        raise ValueError("the drawer is on pin 2 or pin 5")
    t = max(1, min(8, round(on_ms / 100)))
    return DLE + b"\x14\x01" + bytes([0 if pin == 2 else 1, t])


#: ``DLE DC4 8 1 3 20 1 6 2 8``: clear the receive and print buffers, so the
#: rest of a cut-off receipt does not come out once paper is loaded
CLEAR_BUFFERS = DLE + b"\x14\x08\x01\x03\x14\x01\x06\x02\x08"
