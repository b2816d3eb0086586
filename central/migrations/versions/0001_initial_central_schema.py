"""Initial central schema: agents, terminals, accounts, documents, items, ledger.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 16:31:42.709675
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('account_id', sa.String(length=64), nullable=False),
    sa.Column('biller_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('national_id', sa.String(length=64), nullable=False),
    sa.Column('segment', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('credit', sa.BigInteger(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('account_id', name=op.f('pk_accounts'))
    )
    op.create_index('ix_accounts_change', 'accounts', ['change_seq', 'account_id'], unique=False)

    op.create_table('agents',
    sa.Column('agent_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('agent_id', name=op.f('pk_agents'))
    )
    op.create_table('applications',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('account_id', sa.String(length=64), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications'))
    )
    op.create_index('ix_applications_account_id', 'applications', ['account_id'], unique=False)
    op.create_index('ix_applications_item_id', 'applications', ['item_id'], unique=False)

    op.create_table('batches',
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=64), nullable=False),
    sa.Column('body_digest', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('item_count', sa.Integer(), nullable=False),
    sa.Column('response', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('batch_id', name=op.f('pk_batches'))
    )
    op.create_index('ix_batches_terminal_id', 'batches', ['terminal_id'], unique=False)

    op.create_table('counters',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_counters'))
    )
    op.create_table('entries',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('journal_id', sa.String(length=64), nullable=False),
    sa.Column('ledger_seq', sa.BigInteger(), nullable=True),
    sa.Column('account_code', sa.String(length=8), nullable=False),
    sa.Column('agent_id', sa.String(length=64), nullable=False),
    sa.Column('terminal_id', sa.String(length=64), nullable=True),
    sa.Column('subledger', sa.String(length=200), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('debit', sa.BigInteger(), nullable=False),
    sa.Column('credit', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entries'))
    )
    op.create_index('ix_entries_account_code', 'entries', ['account_code'], unique=False)
    op.create_index('ix_entries_journal_id', 'entries', ['journal_id'], unique=False)

    op.create_table('exceptions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('terminal_id', sa.String(length=64), nullable=False),
    sa.Column('item_id', sa.String(length=200), nullable=False),
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exceptions'))
    )
    op.create_index('ix_exceptions_item_id', 'exceptions', ['item_id'], unique=False)
    op.create_index('ix_exceptions_terminal_id', 'exceptions', ['terminal_id'], unique=False)

    op.create_table('documents',
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('account_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('paid', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.account_id'], name=op.f('fk_documents_account_id_accounts')),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_documents'))
    )
    op.create_index('ix_documents_account_id', 'documents', ['account_id'], unique=False)

    op.create_table('policies',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('agent_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agents.agent_id'], name=op.f('fk_policies_agent_id_agents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policies')),
    sa.UniqueConstraint('agent_id', 'version', name='uq_policies_agent_version')
    )
    op.create_table('terminals',
    sa.Column('terminal_id', sa.String(length=64), nullable=False),
    sa.Column('agent_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('enrollment_code_hash', sa.String(length=64), nullable=True),
    sa.Column('secret', sa.String(length=64), nullable=True),
    sa.Column('enrolled_at', sa.DateTime(), nullable=True),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('chain_head', sa.String(length=64), nullable=False),
    sa.Column('contiguous_seq', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agents.agent_id'], name=op.f('fk_terminals_agent_id_agents')),
    sa.PrimaryKeyConstraint('terminal_id', name=op.f('pk_terminals')),
    sa.UniqueConstraint('enrollment_code_hash', name=op.f('uq_terminals_enrollment_code_hash'))
    )
    op.create_index('ix_terminals_agent_id', 'terminals', ['agent_id'], unique=False)

    op.create_table('items',
    sa.Column('ledger_seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('business_date', sa.String(length=10), nullable=False),
    sa.Column('shift_id', sa.String(length=200), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('account_id', sa.String(length=200), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=True),
    sa.Column('offline', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=True),
    sa.Column('voided_by', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.terminal_id'], name=op.f('fk_items_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('ledger_seq', name=op.f('pk_items')),
    sa.UniqueConstraint('id', name=op.f('uq_items_id')),
    sa.UniqueConstraint('terminal_id', 'seq', name='uq_items_terminal_seq')
    )
    op.create_index('ix_items_account_id', 'items', ['account_id'], unique=False)
    op.create_index('ix_items_terminal_shift', 'items', ['terminal_id', 'shift_id'], unique=False)
    op.create_index('ix_items_terminal_type_date', 'items', ['terminal_id', 'type', 'business_date'], unique=False)

    counters = sa.table('counters', sa.column('name', sa.String), sa.column('value', sa.BigInteger))
    op.bulk_insert(counters, [{'name': 'ledger_seq', 'value': 0}, {'name': 'account_change', 'value': 0}])


def downgrade() -> None:
    op.drop_index('ix_items_terminal_type_date', table_name='items')
    op.drop_index('ix_items_terminal_shift', table_name='items')
    op.drop_index('ix_items_account_id', table_name='items')

    op.drop_table('items')
    op.drop_index('ix_terminals_agent_id', table_name='terminals')

    op.drop_table('terminals')
    op.drop_table('policies')
    op.drop_index('ix_documents_account_id', table_name='documents')

    op.drop_table('documents')
    op.drop_index('ix_exceptions_terminal_id', table_name='exceptions')
    op.drop_index('ix_exceptions_item_id', table_name='exceptions')

    op.drop_table('exceptions')
    op.drop_index('ix_entries_journal_id', table_name='entries')
    op.drop_index('ix_entries_account_code', table_name='entries')

    op.drop_table('entries')
    op.drop_table('counters')
    op.drop_index('ix_batches_terminal_id', table_name='batches')

    op.drop_table('batches')
    op.drop_index('ix_applications_item_id', table_name='applications')
    op.drop_index('ix_applications_account_id', table_name='applications')

    op.drop_table('applications')
    op.drop_table('agents')
    op.drop_index('ix_accounts_change', table_name='accounts')

    op.drop_table('accounts')
