"""The installer's test page: code page, columns, styles, a sample receipt, QR, barcode, cut."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.services.receipts import ReceiptData, ReceiptLine, verification_string
from printing.layout import Layout, LayoutBuilder, TextLine, receipt_layout
from printing.printer import EscposPrinter
from printing.profiles import SPANISH_CHARACTERS, PrinterProfile, get_profile
from printing.transports import DEFAULT_TIMEOUT

SAMPLE_PHRASE = "¿Año nuevo? ¡Señal de pingüino! Ñandú, acción, güira."
CURRENCY_SAMPLES = "$ RD$ US$ S/ Q L Bs Gs"


def sample_receipt(now: datetime | None = None) -> ReceiptData:
    """A payment that exercises every part of a receipt (cash with change, card, discount)."""
    now = now or datetime.now(timezone.utc).replace(microsecond=0)
    payment_id = "01900000-0000-7000-8000-000000000000"
    return ReceiptData(
        outlet_name="Estafeta de prueba",
        agent_id="AG000",
        agent_name="Instalación",
        outlet_address="Calle Ñandú 1, Peña Blanca",
        terminal_id="PRUEBA",
        terminal_name="Caja de prueba",
        cashier_id="instalador",
        cashier_name="Instalador",
        occurred_at=now,
        business_date=now.date().isoformat(),
        after_cutoff=False,
        receipt_no=1,
        payment_id=payment_id,
        biller_id="DEMO",
        biller_name="Compañía de electricidad",
        account_id="1000000004",
        account_name="José Ángel Muñoz Güemes",
        currency="DOP",
        locale="es_DO",
        timezone="America/Santo_Domingo",
        amount_minor=125050,
        discount_minor=0,
        lines=(ReceiptLine("F-0001", (now - timedelta(days=30)).date().isoformat(), 125050),),
        tenders=(
            {"kind": "cash", "amount": 100000, "received": 150000, "change": 50000},
            {"kind": "card", "amount": 25050, "brand": "VISA", "last4": "4242", "auth_code": "123456", "terminal_ref": "T"},
        ),
        balance_after_minor=0,
        balance_as_of=now,
        offline=False,
        verification=verification_string(b"prueba", payment_id, 1, 125050),
        footer="Página de prueba: este recibo no es válido.",
    )


def code_page_rows(profile: PrinterProfile) -> list[str]:
    """Bytes 0x80-0xFF of the profile's table, 16 a row, as the printer shows them."""
    rows = []
    for hi in range(8, 16):
        chars = bytes(range(hi * 16, hi * 16 + 16)).decode(profile.codepage, errors="replace")
        chars = "".join(c if c.isprintable() and c != "\u00a0" else " " for c in chars)
        rows.append(f"{hi:X}x {chars}")
    return rows


def test_page_layout(profile: PrinterProfile | str = "80mm", now: datetime | None = None) -> Layout:
    prof = get_profile(profile)
    b = LayoutBuilder(prof)
    b.line("PÁGINA DE PRUEBA", "center", bold=True, double=True)
    b.line("Ventanilla", "center")
    b.line(
        f"Perfil {prof.name}: {prof.columns} columnas, "
        f"{prof.codepage_name.replace('CP', 'PC')} (ESC t {prof.codepage_number})",
        "center",
    )
    b.rule("=")
    b.line("".join(str((i + 1) % 10) for i in range(prof.columns)))
    b.line("Caracteres del español:", bold=True)
    b.line(" ".join(SPANISH_CHARACTERS))
    b.line(SAMPLE_PHRASE)
    b.line(f"Monedas: {CURRENCY_SAMPLES}" + (" €" if "€".encode(prof.codepage, "ignore") else ""))
    b.line(f"Tabla {prof.codepage_name.replace('CP', 'PC')} (80-FF):", bold=True)
    for row in code_page_rows(prof):
        b.elements.append(TextLine(row))  # verbatim: the table's own characters
    b.rule()
    b.line("Normal")
    b.line("Negrita", bold=True)
    b.line("Alta", tall=True)
    b.line("Doble", double=True)
    b.line("Invertida", "center", invert=True)
    b.rule()
    b.line("Recibo de muestra:", bold=True)
    b.extend(receipt_layout(sample_receipt(now), prof))
    b.line("Fin de la prueba: el papel se corta aquí.", "center", bold=True)
    b.cut()
    return b.layout


def print_test_page(url: str, profile: str = "80mm", timeout: float = DEFAULT_TIMEOUT) -> None:
    """Print the test page whole or raise PrinterFault; never waits past ``timeout`` per step."""
    EscposPrinter(url, profile, timeout=timeout, job_timeout=max(timeout, 10.0)).print_layout(test_page_layout(profile))
