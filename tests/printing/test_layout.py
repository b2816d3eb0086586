"""The device-free layout: what each profile's paper says, line by line."""

from __future__ import annotations

import pytest

from printing.layout import Barcode, Cut, QRCode, TextLine, receipt_layout, void_layout
from printing.profiles import PROFILES
from printing.text import printable, two_columns, wrap
from tests.printing.conftest import make_receipt

ALL_PROFILES = sorted(PROFILES)


@pytest.mark.parametrize("name", ALL_PROFILES)
def test_no_line_is_wider_than_the_paper(name, receipt):
    profile = PROFILES[name]
    long = make_receipt(
        account_name="María de los Ángeles Fernández-Castañeda y Rodríguez de la Peña Núñez",
        biller_name="Compañía Dominicana de Teléfonos, Sociedad Anónima — Servicios Residenciales",
        outlet_address="Carretera Mella km 9½, Plaza Comercial Las Américas, local 14, Santo Domingo Este",
    )
    for r in (receipt, long, make_receipt(voided=True)):
        for e in receipt_layout(r, profile).elements:
            if isinstance(e, TextLine):
                width = profile.half_columns if e.double else profile.columns
                assert len(e.text) <= width, (name, e.text)


@pytest.mark.parametrize("name", ALL_PROFILES)
def test_amounts_end_at_the_last_column(name, receipt):
    profile = PROFILES[name]
    lines = receipt_layout(receipt, profile).text_lines()
    total = next(line for line in lines if line.startswith("TOTAL PAGADO"))
    assert total.endswith("RD$ 1,500.50") and len(total) == profile.columns
    change = next(line for line in lines if line.strip().startswith("Cambio"))
    assert change.endswith("RD$ 199.50") and len(change) == profile.columns
    assert any(line.rstrip().endswith("-RD$ 50.00") and line.startswith("Descuento") for line in lines)


def test_long_names_wrap_on_words_and_keep_every_word(receipt):
    name = "María de los Ángeles Fernández-Castañeda y Rodríguez de la Peña Núñez"
    lines = receipt_layout(make_receipt(account_name=name), "58mm").text_lines()
    start = lines.index(next(line for line in lines if line.startswith("María")))
    wrapped = []
    for line in lines[start:]:
        if line.startswith("-"):
            break
        wrapped.append(line)
    assert len(wrapped) == 3
    assert " ".join(wrapped) == name
    assert all(len(line) <= 32 for line in wrapped)


def test_receipt_says_who_when_what_and_how(receipt):
    text = receipt_layout(receipt, "80mm").text()
    for expected in (
        "Estafeta Peña",
        "Agente AG001 - Recaudos Núñez",
        "Recibo N.º",
        "00000123",
        "23/11/2026 11:04",  # 15:04 UTC in Santo Domingo
        "Caja 1 (T0001)",
        "María José Ibáñez",
        "Edesur Dominicana",
        "1000000004",
        "José Ángel Rodríguez",
        "F-0001 vence 01/10/2026",
        "Banco 012 N.º 0004567",
        "Tarjeta VISA **** 4242",
        "Autorización A12345",
        "Saldo después del pago",
        "RD$ 25.00",
        "Saldo al 23/11/2026 10:00",
        "Id de pago: 0190f3a2-7b1c-7d3e-9a4b-5c6d7e8f9a0b",
        "Gracias por su pago.",
    ):
        assert expected in text, expected
    assert "COPIA" not in text and "SUJETO A VALIDACIÓN" not in text and "REIMPRESIÓN" not in text


def test_the_card_number_is_never_more_than_its_last_four(receipt):
    r = make_receipt(tenders=({"kind": "card", "amount": 150050, "brand": "mc", "last4": "5555444433331111",
                               "auth_code": "1"},))
    text = receipt_layout(r, "80mm").text()
    assert "**** 1111" in text and "5555" not in text


def test_qr_carries_the_verification_and_barcode_the_receipt_number(receipt):
    elements = receipt_layout(receipt, "58mm").elements
    assert [e.data for e in elements if isinstance(e, QRCode)] == [receipt.verification]
    assert [e.data for e in elements if isinstance(e, Barcode)] == ["00000123"]
    assert isinstance(elements[-1], Cut)


def test_offline_payment_is_marked_subject_to_validation():
    layout = receipt_layout(make_receipt(offline=True), "80mm")
    marks = [e for e in layout.elements if isinstance(e, TextLine) and "SUJETO A VALIDACIÓN" in e.text]
    assert len(marks) == 1 and marks[0].invert and marks[0].bold


def test_payment_after_cutoff_names_its_business_date():
    text = receipt_layout(make_receipt(after_cutoff=True, business_date="2026-11-24"), "80mm").text()
    assert "Fecha contable" in text and "24/11/2026" in text
    assert "Pago después del corte: se abona el 24/11/2026" in text


def test_reprint_says_copia_and_how_many_times_it_was_printed():
    layout = receipt_layout(make_receipt(print_count=3), "58mm")
    big = [e for e in layout.elements if isinstance(e, TextLine) and e.double]
    assert [e.text.strip() for e in big][1:] == ["COPIA"]
    text = layout.text()
    assert "Impresión n.º 3 de este recibo" in text
    assert "*** COPIA - impresión n.º 3 ***" in text


def test_cut_off_receipt_is_marked_reimpresion_not_copia():
    text = receipt_layout(make_receipt(), "80mm", reprint=True).text()
    assert "REIMPRESIÓN" in text and "COPIA" not in text


def test_void_receipt_cancels_its_receipt_and_gives_the_money_back():
    r = make_receipt(voided=True, extra={"void_reason": "Cuenta equivocada", "void_approver": "Supervisora Peña",
                                         "voided_at": "2026-11-23T16:00:00+00:00"})
    layout = receipt_layout(r, "80mm")
    text = layout.text()
    assert "ANULACIÓN" in text and "Anula el recibo N.º 00000123" in text
    assert "MONTO ANULADO" in text and "RD$ 1,500.50" in text
    assert "Motivo: Cuenta equivocada" in text and "Supervisora Peña" in text
    assert "Anulado el" in text and "23/11/2026 12:00" in text
    assert "Recibido" not in text  # the void returns the tender amounts, not the cash handed over
    assert not [e for e in layout.elements if isinstance(e, QRCode)]  # a void verifies nothing
    assert void_layout(r, "80mm").text() == text


def test_amounts_follow_the_outlet_locale():
    r = make_receipt(currency="COP", locale="es_CO", timezone="America/Bogota")
    text = receipt_layout(r, "80mm").text()
    assert "$ 1.500,50" in text and "$ 199,50" in text


def test_guarani_sign_and_foreign_letters_become_printable():
    r = make_receipt(currency="PYG", locale="es_PY", amount_minor=150000, account_name="Łukasz Ő “Zé”")
    text = receipt_layout(r, "58mm").text()
    assert "Gs 150.000" in text and "₲" not in text
    assert "Lukasz O \"Zé\"" in text


def test_control_characters_in_names_cannot_become_printer_commands():
    assert printable("Juan\x1bp\x00\x19\x1dV\x00Pérez", "cp850") == "JuanpVPérez"
    assert printable("línea\nnueva", "cp850") == "línea nueva"


def test_wrapping_and_columns():
    assert wrap("uno dos tres cuatro", 9) == ["uno dos", "tres", "cuatro"]
    assert wrap("x" * 20, 8) == ["x" * 8, "x" * 8, "x" * 4]
    assert two_columns("Total", "RD$ 10.00", 20) == ["Total      RD$ 10.00"]
    assert two_columns("Un concepto muy largo", "RD$ 10.00", 20) == ["Un concepto muy", "largo      RD$ 10.00"]
    assert two_columns("Concepto larguísimo x", "RD$ 10.00", 16) == ["Concepto", "larguísimo x", "       RD$ 10.00"]


def test_a_value_longer_than_the_line_is_wrapped_not_cut():
    assert two_columns("Cajero", "María de los Ángeles Peña", 16) == ["Cajero", "    María de los", "    Ángeles Peña"]
