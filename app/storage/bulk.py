"""Bulk loading of the debtor snapshot (demo data, and the first full snapshot).

A million accounts must load in under a minute, so this goes below the ORM:
``executemany`` in chunks inside one transaction, with the name index rebuilt
once at the end instead of row by row through its trigger.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice

from sqlalchemy import Engine

from app.domain.protocol import rfc3339
from app.services.demo_data import BILLERS, DemoAccount, DemoDocument, generate

CHUNK = 20_000


def _chunks(it: Iterable, size: int) -> Iterator[list]:
    it = iter(it)
    while chunk := list(islice(it, size)):
        yield chunk


def load_demo(engine: Engine, count: int, seed: int, today: date, as_of: datetime, currency: str, currency_digits: int) -> int:
    """Fill an empty store with ``count`` demo accounts. Returns the documents written."""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("BEGIN IMMEDIATE")
        cur.execute("SELECT count(*) FROM accounts")
        if cur.fetchone()[0]:
            cur.execute("ROLLBACK")
            raise ValueError("the store already holds accounts; seed-demo fills an empty store")
        cur.executemany(
            "INSERT OR REPLACE INTO billers(biller_id, name, kind, currency, barcode_format) VALUES (?,?,?,?,?)",
            [(b.biller_id, b.name, b.kind.value, currency, json.dumps(b.barcode)) for b in BILLERS],
        )
        # the name index is rebuilt once at the end: far faster than a trigger per row
        cur.execute("DROP TRIGGER accounts_fts_insert")
        stamp = rfc3339(as_of)
        n_docs = 0
        for chunk in _chunks(generate(count, seed, today, currency_digits), CHUNK):
            acc_rows, doc_rows = [], []
            for acc, docs in chunk:
                acc_rows.append(_account_row(acc, docs, currency, stamp))
                doc_rows.extend(_document_row(d, currency) for d in docs)
            cur.executemany(
                "INSERT INTO accounts(account_id, biller_id, name, national_id, segment, status, currency, address,"
                " balance_minor, as_of) VALUES (?,?,?,?,?,?,?,?,?,?)",
                acc_rows,
            )
            cur.executemany(
                "INSERT INTO documents(document_id, account_id, kind, issue_date, due_date, amount_minor, paid_minor,"
                " currency) VALUES (?,?,?,?,?,?,?,?)",
                doc_rows,
            )
            n_docs += len(doc_rows)
        cur.execute("INSERT INTO account_names(account_names) VALUES ('rebuild')")
        cur.execute(
            "CREATE TRIGGER accounts_fts_insert AFTER INSERT ON accounts BEGIN "
            "INSERT INTO account_names(rowid, name) VALUES (new.pk, new.name); END"
        )
        cur.execute("COMMIT")
        cur.execute("PRAGMA optimize")
        return n_docs
    except BaseException:
        if raw.driver_connection.in_transaction:
            raw.driver_connection.rollback()
        raise
    finally:
        raw.close()


def _account_row(a: DemoAccount, docs: list[DemoDocument], currency: str, stamp: str) -> tuple:
    balance = sum(d.amount_minor - d.paid_minor for d in docs)
    return (a.account_id, a.biller_id, a.name, a.national_id, a.segment.value, a.status.value, currency, a.address, balance, stamp)


def _document_row(d: DemoDocument, currency: str) -> tuple:
    return (d.document_id, d.account_id, d.kind.value, d.issue_date.isoformat(), d.due_date.isoformat(), d.amount_minor, d.paid_minor, currency)
