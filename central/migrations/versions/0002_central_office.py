"""Central office: settlement windows and checks, deposits, card settlements, tenders,
returned cheques, promises to pay, admin tokens, the office audit; items and
exceptions learn their agent, window and workflow.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('admin_tokens',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_admin_tokens')),
    sa.UniqueConstraint('name', name=op.f('uq_admin_tokens_name')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_admin_tokens_token_hash'))
    )
    op.create_table('card_settlements',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('agent_id', sa.String(length=64), nullable=True),
    sa.Column('business_date', sa.String(length=10), nullable=True),
    sa.Column('settled_on', sa.String(length=10), nullable=False),
    sa.Column('auth_code', sa.String(length=200), nullable=False),
    sa.Column('terminal_ref', sa.String(length=200), nullable=False),
    sa.Column('last4', sa.String(length=4), nullable=False),
    sa.Column('brand', sa.String(length=200), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('tender_id', sa.BigInteger(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_settlements')),
    sa.UniqueConstraint('fingerprint', name=op.f('uq_card_settlements_fingerprint'))
    )
    with op.batch_alter_table('card_settlements', schema=None) as batch_op:
        batch_op.create_index('ix_card_settlements_agent_date', ['agent_id', 'business_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_card_settlements_tender_id'), ['tender_id'], unique=False)

    op.create_table('deposits',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('agent_id', sa.String(length=64), nullable=True),
    sa.Column('business_date', sa.String(length=10), nullable=True),
    sa.Column('bank', sa.String(length=64), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('tender', sa.String(length=8), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('value_date', sa.String(length=10), nullable=True),
    sa.Column('declared_amount', sa.BigInteger(), nullable=True),
    sa.Column('fingerprint', sa.String(length=64), nullable=True),
    sa.Column('journal_id', sa.String(length=64), nullable=True),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deposits')),
    sa.UniqueConstraint('fingerprint', name=op.f('uq_deposits_fingerprint'))
    )
    with op.batch_alter_table('deposits', schema=None) as batch_op:
        batch_op.create_index('ix_deposits_agent_date', ['agent_id', 'business_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_deposits_reference'), ['reference'], unique=False)

    op.create_table('office_audit',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=100), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office_audit'))
    )
    with op.batch_alter_table('office_audit', schema=None) as batch_op:
        batch_op.create_index('ix_office_audit_subject', ['subject'], unique=False)

    op.create_table('promises',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('account_id', sa.String(length=64), nullable=False),
    sa.Column('promise_date', sa.Date(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('promised_on', sa.Date(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promises')),
    sa.UniqueConstraint('account_id', 'promise_date', 'amount', name='uq_promises_account_id')
    )
    with op.batch_alter_table('promises', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_promises_account_id'), ['account_id'], unique=False)

    op.create_table('returned_cheques',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tender_id', sa.BigInteger(), nullable=False),
    sa.Column('payment_id', sa.String(length=36), nullable=False),
    sa.Column('agent_id', sa.String(length=64), nullable=False),
    sa.Column('terminal_id', sa.String(length=64), nullable=False),
    sa.Column('account_id', sa.String(length=200), nullable=False),
    sa.Column('bank_code', sa.String(length=200), nullable=False),
    sa.Column('number', sa.String(length=200), nullable=False),
    sa.Column('drawer_id', sa.String(length=200), nullable=False),
    sa.Column('drawer_name', sa.String(length=200), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('returned_on', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('window_date', sa.String(length=10), nullable=False),
    sa.Column('marked_by', sa.String(length=100), nullable=False),
    sa.Column('marked_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_returned_cheques')),
    sa.UniqueConstraint('tender_id', name='uq_returned_cheques_tender_id')
    )
    with op.batch_alter_table('returned_cheques', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_returned_cheques_drawer_id'), ['drawer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_returned_cheques_payment_id'), ['payment_id'], unique=False)

    op.create_table('tenders',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('bank_code', sa.String(length=200), nullable=True),
    sa.Column('number', sa.String(length=200), nullable=True),
    sa.Column('drawer_id', sa.String(length=200), nullable=True),
    sa.Column('drawer_name', sa.String(length=200), nullable=True),
    sa.Column('auth_code', sa.String(length=200), nullable=True),
    sa.Column('terminal_ref', sa.String(length=200), nullable=True),
    sa.Column('last4', sa.String(length=4), nullable=True),
    sa.Column('brand', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenders'))
    )
    with op.batch_alter_table('tenders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenders_auth_code'), ['auth_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_tenders_item_id'), ['item_id'], unique=False)

    op.create_table('settlement_windows',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('agent_id', sa.String(length=64), nullable=False),
    sa.Column('business_date', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('reconciled_at', sa.DateTime(), nullable=True),
    sa.Column('checked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['agents.agent_id'], name=op.f('fk_settlement_windows_agent_id_agents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settlement_windows')),
    sa.UniqueConstraint('agent_id', 'business_date', name='uq_settlement_windows_agent_date')
    )
    with op.batch_alter_table('settlement_windows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_settlement_windows_business_date'), ['business_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_settlement_windows_state'), ['state'], unique=False)

    op.create_table('window_checks',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('window_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('expected', sa.BigInteger(), nullable=True),
    sa.Column('actual', sa.BigInteger(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('checked_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['window_id'], ['settlement_windows.id'], name=op.f('fk_window_checks_window_id_settlement_windows')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_window_checks')),
    sa.UniqueConstraint('window_id', 'name', name='uq_window_checks_window_name')
    )
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), server_default='America/Santo_Domingo', nullable=False))
        batch_op.add_column(sa.Column('cutoff', sa.String(length=5), nullable=True))

    with op.batch_alter_table('exceptions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('type', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('source', sa.String(length=8), server_default='item', nullable=False))
        batch_op.add_column(sa.Column('agent_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('business_date', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('window_id', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('check_name', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('check_key', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('cashier_id', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('currency', sa.String(length=3), nullable=True))
        batch_op.add_column(sa.Column('amount', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('assigned_to', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('assigned_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('resolution', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('resolution_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('resolved_by', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('resolved_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('journal_id', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_exceptions_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exceptions_type'), ['type'], unique=False)
        batch_op.create_index(batch_op.f('ix_exceptions_window_id'), ['window_id'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_exceptions_check_key'), ['check_key'])

    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('agent_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('window_date', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('cashier_id', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('receipt_no', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('biller_id', sa.String(length=200), nullable=True))
        batch_op.create_index('ix_items_agent_window', ['agent_id', 'window_date', 'type'], unique=False)

    _backfill()


def _backfill() -> None:
    """Items and exceptions recorded before 0002 get their agent, window, tenders and type."""
    import json
    from datetime import datetime, timezone

    conn = op.get_bind()
    agents = dict(conn.execute(sa.text("SELECT terminal_id, agent_id FROM terminals")).all())
    rows = conn.execute(sa.text("SELECT id, terminal_id, type, business_date, body FROM items")).all()
    updates, tenders, windows = [], [], set()
    for item_id, terminal_id, kind, bdate, body in rows:
        doc = json.loads(body)
        agent = agents.get(terminal_id)
        updates.append({"i": item_id, "a": agent, "w": bdate, "c": doc.get("cashier_id"),
                        "r": doc.get("receipt_no"), "b": doc.get("biller_id")})
        if agent:
            windows.add((agent, bdate))
        if kind == "payment":
            for t in doc.get("tenders", []):
                tenders.append({
                    "item_id": item_id, "kind": t["kind"], "amount": t["amount"],
                    "bank_code": t.get("bank_code"), "number": t.get("number"), "drawer_id": t.get("drawer_id"),
                    "drawer_name": t.get("drawer_name"), "auth_code": t.get("auth_code"),
                    "terminal_ref": t.get("terminal_ref"), "last4": t.get("last4"), "brand": t.get("brand"),
                })
    if updates:
        conn.execute(sa.text("UPDATE items SET agent_id=:a, window_date=:w, cashier_id=:c, receipt_no=:r, biller_id=:b"
                             " WHERE id=:i"), updates)
    if tenders:
        t = sa.table("tenders", *(sa.column(c) for c in tenders[0]))
        op.bulk_insert(t, tenders)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    if windows:
        conn.execute(sa.text("INSERT INTO settlement_windows (agent_id, business_date, state, opened_at)"
                             " VALUES (:a, :d, 'OPEN', :t)"), [{"a": a, "d": d, "t": now} for a, d in sorted(windows)])
    from central.office_types import exception_type

    cases = conn.execute(sa.text("SELECT id, terminal_id, reasons FROM exceptions")).all()
    if cases:
        conn.execute(sa.text("UPDATE exceptions SET type=:t, agent_id=:a WHERE id=:i"),
                     [{"i": i, "t": exception_type(json.loads(r)), "a": agents.get(tid)} for i, tid, r in cases])



def downgrade() -> None:
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_index('ix_items_agent_window')
        batch_op.drop_column('biller_id')
        batch_op.drop_column('receipt_no')
        batch_op.drop_column('cashier_id')
        batch_op.drop_column('window_date')
        batch_op.drop_column('agent_id')

    with op.batch_alter_table('exceptions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_exceptions_check_key'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_exceptions_window_id'))
        batch_op.drop_index(batch_op.f('ix_exceptions_type'))
        batch_op.drop_index(batch_op.f('ix_exceptions_agent_id'))
        batch_op.drop_column('journal_id')
        batch_op.drop_column('resolved_at')
        batch_op.drop_column('resolved_by')
        batch_op.drop_column('resolution_reason')
        batch_op.drop_column('resolution')
        batch_op.drop_column('assigned_at')
        batch_op.drop_column('assigned_to')
        batch_op.drop_column('amount')
        batch_op.drop_column('currency')
        batch_op.drop_column('cashier_id')
        batch_op.drop_column('check_key')
        batch_op.drop_column('check_name')
        batch_op.drop_column('window_id')
        batch_op.drop_column('business_date')
        batch_op.drop_column('agent_id')
        batch_op.drop_column('source')
        batch_op.drop_column('type')

    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.drop_column('cutoff')
        batch_op.drop_column('timezone')

    op.drop_table('window_checks')
    with op.batch_alter_table('settlement_windows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_settlement_windows_state'))
        batch_op.drop_index(batch_op.f('ix_settlement_windows_business_date'))

    op.drop_table('settlement_windows')
    with op.batch_alter_table('tenders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tenders_item_id'))
        batch_op.drop_index(batch_op.f('ix_tenders_auth_code'))

    op.drop_table('tenders')
    with op.batch_alter_table('returned_cheques', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_returned_cheques_payment_id'))
        batch_op.drop_index(batch_op.f('ix_returned_cheques_drawer_id'))

    op.drop_table('returned_cheques')
    with op.batch_alter_table('promises', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promises_account_id'))

    op.drop_table('promises')
    with op.batch_alter_table('office_audit', schema=None) as batch_op:
        batch_op.drop_index('ix_office_audit_subject')

    op.drop_table('office_audit')
    with op.batch_alter_table('deposits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deposits_reference'))
        batch_op.drop_index('ix_deposits_agent_date')

    op.drop_table('deposits')
    with op.batch_alter_table('card_settlements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_card_settlements_tender_id'))
        batch_op.drop_index('ix_card_settlements_agent_date')

    op.drop_table('card_settlements')
    op.drop_table('admin_tokens')
