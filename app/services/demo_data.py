"""Deterministic demo data: four billers, debtors with Spanish names, ageing documents.

The same seed gives the same store, row for row.  Bills carry barcodes in the
biller's configured format, so a demo bill printed from this data scans.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.accounts import AccountStatus, BillerKind, DocumentKind, Segment

FIRST_NAMES = (
    "José", "María", "Juan", "Ana", "Luis", "Carmen", "Carlos", "Rosa", "Jorge", "Lucía", "Miguel", "Sofía",
    "Pedro", "Isabel", "Andrés", "Teresa", "Ramón", "Mercedes", "Héctor", "Ángela", "Raúl", "Beatriz", "Óscar",
    "Inés", "Julián", "Mónica", "Tomás", "Verónica", "Rubén", "Pilar", "Iván", "Begoña", "Joaquín", "Noemí",
    "Adrián", "Lourdes", "Sebastián", "Graciela", "Martín", "Estefanía", "Ñaki", "Yolanda", "Germán", "Araceli",
    "Félix", "Dolores", "Nicolás", "Milagros", "Agustín", "Rocío",
)
LAST_NAMES = (
    "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
    "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Cruz", "Morales", "Ortiz", "Gutiérrez", "Chávez", "Ramos",
    "Ruiz", "Álvarez", "Jiménez", "Mendoza", "Vásquez", "Castillo", "Núñez", "Peña", "Muñoz", "Báez", "Guzmán",
    "Espaillat", "Santana", "Familia", "Tavárez", "Almonte", "Rosario", "De la Cruz", "Ibáñez", "Echeverría",
    "Quiñones", "Montaño", "Cedeño", "Zúñiga", "Villalobos", "Fernández", "Domínguez", "Acuña", "Saldaña",
)
COMPANY_WORDS = (
    ("Colmado", "Ferretería", "Farmacia", "Panadería", "Taller", "Distribuidora", "Comercial", "Inversiones",
     "Salón", "Cafetería", "Librería", "Repuestos"),
    ("El Progreso", "La Esperanza", "San José", "Del Caribe", "Los Ángeles", "Quisqueya", "Santa Ana",
     "La Unión", "El Sol", "Doña Mercedes", "Hermanos Núñez", "Peñalver", "La Económica", "Ñapa"),
)
STREETS = (
    "Calle Duarte", "Av. 27 de Febrero", "Calle El Conde", "Av. Independencia", "Calle Sánchez", "Av. Máximo Gómez",
    "Calle Mella", "Av. Winston Churchill", "Calle Hostos", "Av. Núñez de Cáceres", "Calle Padre Billini",
    "Av. España", "Calle Las Mercedes", "Av. San Martín", "Calle José Reyes",
)
TOWNS = ("Santo Domingo", "Santiago", "La Romana", "San Pedro", "Puerto Plata", "Higüey", "Baní", "Moca", "Bonao")


@dataclass(frozen=True)
class DemoBiller:
    biller_id: str
    name: str
    kind: BillerKind
    barcode: dict  # biller's barcode format, as app.domain.barcodes.format_from_config reads it
    # amounts in major units (documents are whole pesos + cents)
    bill_range: tuple[int, int]
    document_kind: DocumentKind


BILLERS: tuple[DemoBiller, ...] = (
    DemoBiller("AGUA", "Acueducto Metropolitano", BillerKind.WATER, {"kind": "gs1", "gln": "7709998000018", "reference_length": 10}, (250, 2500), DocumentKind.INVOICE),
    DemoBiller("LUZ", "Distribuidora de Electricidad del Este", BillerKind.POWER, {"kind": "gs1", "gln": "7709998000025", "reference_length": 10}, (800, 9000), DocumentKind.INVOICE),
    DemoBiller(
        "TEL",
        "Telecable Nacional",
        BillerKind.TELCO,
        {
            "kind": "fixed",
            "company_code": "0447",
            "length": 30,
            "amount_decimals": 2,
            "date_format": "YYMMDD",
            "check_digit": "mod10_1357",
            "fields": [
                {"name": "company", "start": 0, "length": 4},
                {"name": "reference", "start": 4, "length": 10},
                {"name": "amount", "start": 14, "length": 9},
                {"name": "due_date", "start": 23, "length": 6},
                {"name": "check", "start": 29, "length": 1},
            ],
        },
        (900, 4500),
        DocumentKind.INVOICE,
    ),
    DemoBiller("PREST", "Financiera Popular de Préstamos", BillerKind.LENDER, {"kind": "gs1", "gln": "7709998000032", "reference_length": 10}, (1500, 12000), DocumentKind.INSTALLMENT),
)

ACCOUNT_DIGITS = {"AGUA": "1", "LUZ": "2", "TEL": "3", "PREST": "4"}


@dataclass(frozen=True, slots=True)
class DemoAccount:
    account_id: str
    biller_id: str
    name: str
    national_id: str
    segment: Segment
    status: AccountStatus
    address: str


@dataclass(frozen=True, slots=True)
class DemoDocument:
    document_id: str
    account_id: str
    kind: DocumentKind
    issue_date: date
    due_date: date
    amount_minor: int
    paid_minor: int


def account_id_for(biller_id: str, n: int) -> str:
    """10 digits: the biller's digit and a 9-digit serial. Fits the fixed-format reference field."""
    return f"{ACCOUNT_DIGITS[biller_id]}{n:09d}"


def _cedula(rng: random.Random) -> str:
    return f"{rng.randrange(1, 403):03d}-{rng.randrange(0, 10**7):07d}-{rng.randrange(10)}"


def _rnc(rng: random.Random) -> str:
    return f"1-{rng.randrange(0, 100):02d}-{rng.randrange(0, 100000):05d}-{rng.randrange(10)}"


def generate(count: int, seed: int, today: date, currency_digits: int = 2) -> Iterator[tuple[DemoAccount, list[DemoDocument]]]:
    """Yield ``count`` accounts with their documents, spread over the four billers.

    Ageing runs from current to over 180 days past due; every segment and
    status appears (most accounts active, a few in agreement, judicial or
    written off, as in a real book).
    """
    rng = random.Random(seed)
    scale = 10**currency_digits
    for n in range(1, count + 1):
        biller = BILLERS[n % len(BILLERS)]
        business = rng.random() < 0.15
        if business:
            name = f"{rng.choice(COMPANY_WORDS[0])} {rng.choice(COMPANY_WORDS[1])}"
            if rng.random() < 0.5:
                name += f" {rng.choice(('SRL', 'SAS', 'EIRL'))}"
            national_id = _rnc(rng)
        else:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {rng.choice(LAST_NAMES)}"
            national_id = _cedula(rng)
        roll = rng.random()
        status = (
            AccountStatus.ACTIVE if roll < 0.86
            else AccountStatus.AGREEMENT if roll < 0.93
            else AccountStatus.WRITTEN_OFF if roll < 0.97
            else AccountStatus.JUDICIAL
        )
        account_id = account_id_for(biller.biller_id, n)
        account = DemoAccount(
            account_id=account_id,
            biller_id=biller.biller_id,
            name=name,
            national_id=national_id,
            segment=Segment.BUSINESS if business else Segment.RESIDENTIAL,
            status=status,
            address=f"{rng.choice(STREETS)} {rng.randrange(1, 300)}, {rng.choice(TOWNS)}",
        )
        # how far behind this debtor is: most current, a long tail past 180 days
        behind = rng.choices((0, 1, 2, 3, 6, 9), weights=(50, 20, 12, 8, 6, 4))[0]
        if status in (AccountStatus.JUDICIAL, AccountStatus.WRITTEN_OFF):
            behind = max(behind, 7)
        n_docs = 1 + behind
        docs = []
        lo, hi = biller.bill_range
        for k in range(n_docs):
            months_ago = n_docs - 1 - k
            due = today - timedelta(days=30 * months_ago) + timedelta(days=rng.randrange(1, 12))
            issue = due - timedelta(days=20)
            amount = rng.randrange(lo * scale, hi * scale) // scale * scale  # whole units, as most bills
            if currency_digits and rng.random() < 0.4:
                amount += rng.choice((25, 50, 75)) * scale // 100
            paid = 0
            if k == 0 and behind and rng.random() < 0.3:
                paid = amount // 3  # an old partial payment (abono)
            docs.append(
                DemoDocument(
                    document_id=f"{account_id}-{k + 1:02d}",
                    account_id=account_id,
                    kind=biller.document_kind,
                    issue_date=issue,
                    due_date=due,
                    amount_minor=amount,
                    paid_minor=paid,
                )
            )
        yield account, docs
