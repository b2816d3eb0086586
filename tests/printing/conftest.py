from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from app.services.receipts import ReceiptData, ReceiptLine, verification_string

SECRET = b"terminal-secret"
PAYMENT_ID = "0190f3a2-7b1c-7d3e-9a4b-5c6d7e8f9a0b"


def make_receipt(**changes) -> ReceiptData:
    base = ReceiptData(
        outlet_name="Estafeta Peña",
        agent_id="AG001",
        agent_name="Recaudos Núñez",
        outlet_address="Av. Duarte 123, Santo Domingo",
        terminal_id="T0001",
        terminal_name="Caja 1",
        cashier_id="cajero",
        cashier_name="María José Ibáñez",
        occurred_at=datetime(2026, 11, 23, 15, 4, tzinfo=timezone.utc),
        business_date="2026-11-23",
        after_cutoff=False,
        receipt_no=123,
        payment_id=PAYMENT_ID,
        biller_id="EDESUR",
        biller_name="Edesur Dominicana",
        account_id="1000000004",
        account_name="José Ángel Rodríguez",
        currency="DOP",
        locale="es_DO",
        timezone="America/Santo_Domingo",
        amount_minor=150050,
        discount_minor=5000,
        lines=(ReceiptLine("F-0001", "2026-10-01", 100000), ReceiptLine("F-0002", "2026-11-01", 55050)),
        tenders=(
            {"kind": "cash", "amount": 100050, "received": 120000, "change": 19950},
            {"kind": "cheque", "amount": 30000, "bank_code": "012", "number": "0004567", "account_number": "1",
             "issue_date": "2026-11-23", "drawer_name": "Ana Peña", "drawer_id": "001"},
            {"kind": "card", "amount": 20000, "brand": "visa", "last4": "4242", "auth_code": "A12345",
             "terminal_ref": "POS1"},
        ),
        balance_after_minor=2500,
        balance_as_of=datetime(2026, 11, 23, 14, 0, tzinfo=timezone.utc),
        offline=False,
        verification=verification_string(SECRET, PAYMENT_ID, 123, 150050),
        footer="Gracias por su pago.",
    )
    return replace(base, **changes)


@pytest.fixture
def receipt() -> ReceiptData:
    return make_receipt()
