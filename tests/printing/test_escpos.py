"""ESC/POS bytes decoded back: code page, text, QR, barcode, cut, drawer."""

from __future__ import annotations

import pytest

from printing.decode import EscposDecodeError, decode_escpos
from printing.layout import receipt_layout
from printing.profiles import PROFILES, SPANISH_CHARACTERS
from printing.render import CLEAR_BUFFERS, drawer_kick, realtime_drawer_kick, render_escpos
from printing.testpage import test_page_layout as page_layout
from tests.printing.conftest import make_receipt

ALL_PROFILES = sorted(PROFILES)


@pytest.mark.parametrize("name,codepage", [("58mm", 2), ("80mm", 19), ("80mm-42", 19)])
def test_each_profile_selects_its_code_page_once_after_reset(name, codepage, receipt):
    job = render_escpos(receipt_layout(receipt, name))
    assert job.startswith(b"\x1b@\x1bR\x00\x1bt" + bytes([codepage]))
    decoded = decode_escpos(job)
    assert decoded.code_pages == [codepage]
    assert decoded.kinds()[:3] == ["init", "charset", "codepage"]


@pytest.mark.parametrize("name", ALL_PROFILES)
def test_decoded_text_is_the_layout_line_for_line(name, receipt):
    layout = receipt_layout(make_receipt(offline=True, print_count=2), name)
    decoded = decode_escpos(render_escpos(layout))
    printed = [line.rstrip() for line in decoded.text_lines if line.strip()]
    expected = [line.rstrip() for line in layout.text_lines() if line.strip() and not line.startswith("[")]
    assert printed == expected


@pytest.mark.parametrize("name", ALL_PROFILES)
def test_spanish_letters_are_single_bytes_of_the_code_page(name):
    profile = PROFILES[name]
    r = make_receipt(account_name="Ñandú Güemes", cashier_name="¿Quién? ¡Ángela Íñiguez Úrsula Óscar Éricka!")
    job = render_escpos(receipt_layout(r, profile))
    assert "Ñandú Güemes".encode(profile.codepage) in job
    for word in "¿Quién? ¡Ángela Íñiguez Úrsula Óscar Éricka!".split():
        assert word.encode(profile.codepage) in job
    assert "ñ".encode() not in job  # no UTF-8 leaked through
    text = decode_escpos(job).text
    assert "Ñandú Güemes" in text and "¿Quién?" in text and "¡Ángela" in text


def test_styles_reach_the_printer(receipt):
    lines = decode_escpos(render_escpos(receipt_layout(make_receipt(offline=True), "80mm"))).lines
    outlet = next(line for line in lines if "Estafeta Peña" in line.text)
    assert outlet.bold and outlet.double_width and outlet.double_height
    total = next(line for line in lines if line.text.startswith("TOTAL PAGADO"))
    assert total.bold and total.double_height and not total.double_width
    mark = next(line for line in lines if "SUJETO A VALIDACIÓN" in line.text)
    assert mark.invert and mark.bold
    plain = next(line for line in lines if line.text.startswith("Cajero"))
    assert not (plain.bold or plain.double_width or plain.invert)


def test_qr_barcode_and_cut_are_native_commands(receipt):
    decoded = decode_escpos(render_escpos(receipt_layout(receipt, "58mm")))
    [qr] = decoded.qr_codes
    assert qr.data == receipt.verification and qr.data.startswith("V1|0190f3a2-")
    assert qr.error_correction == "M" and qr.model == 2 and qr.module_dots == PROFILES["58mm"].qr_module_dots
    [bc] = decoded.barcodes
    assert (bc.symbology, bc.data, bc.hri) == ("CODE128", "00000123", "below")
    assert decoded.cuts == ["partial"]
    assert decoded.kinds()[-1] == "cut"
    assert decoded.kinds().index("qr") < decoded.kinds().index("barcode") < decoded.kinds().index("cut")


def test_drawer_pulse_commands():
    assert drawer_kick(2, 100, 500) == b"\x1bp\x00\x32\xfa"
    assert decode_escpos(drawer_kick(5, 60, 120)).drawer_kicks == [(5, 60, 120)]
    assert decode_escpos(realtime_drawer_kick(2, 200)).realtime_drawer_kicks == [(2, 200)]
    assert decode_escpos(CLEAR_BUFFERS).kinds() == ["clear_buffers"]
    with pytest.raises(ValueError):
        drawer_kick(3)


@pytest.mark.parametrize("name", ALL_PROFILES)
def test_test_page_prints_every_spanish_character_and_the_whole_table(name):
    profile = PROFILES[name]
    decoded = decode_escpos(render_escpos(page_layout(profile)))
    text = decoded.text
    assert " ".join(SPANISH_CHARACTERS) in text
    assert "¿Año nuevo? ¡Señal de pingüino!" in text
    rows = [line for line in decoded.text_lines if len(line) >= 3 and line[1:3] == "x " and line[0] in "89ABCDEF"]
    assert len(rows) == 8
    table = "".join(row[3:] for row in rows)
    for ch in SPANISH_CHARACTERS:
        assert ch in table
    ruler = next(line for line in decoded.text_lines if line.startswith("1234567890"))
    assert len(ruler) == profile.columns
    assert len(decoded.qr_codes) == 1 and len(decoded.barcodes) == 1 and decoded.cuts == ["partial"]
    assert "€" in text if profile.codepage == "cp858" else "€" not in text


def test_decoder_refuses_bytes_a_printer_would_misread():
    with pytest.raises(EscposDecodeError):
        decode_escpos(b"\x1b@hola\x1bZ\x00")
    with pytest.raises(EscposDecodeError):
        decode_escpos(b"\x1b@\x1d(k\x05")  # cut short
    with pytest.raises(EscposDecodeError):
        decode_escpos(b"hola\x07")
