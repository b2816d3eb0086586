"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Tables from app.storage.models, plus what the ORM cannot say: the FTS5
index over debtor names (accent- and case-insensitive) kept current by
triggers, and triggers that make the audit log append-only.
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=20), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('billers',
    sa.Column('biller_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('barcode_format', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('biller_id')
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('acked_at', sa.String(length=20), nullable=True),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('item_id')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_state'), ['state'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('terminal_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('terminal_id', sa.String(length=64), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_receipt_no', sa.Integer(), nullable=False),
    sa.Column('chain_head', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('users',
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(length=20), nullable=True),
    sa.PrimaryKeyConstraint('user_id')
    )
    op.create_table('accounts',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('biller_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('national_id', sa.String(length=32), nullable=False),
    sa.Column('segment', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('balance_minor', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['biller_id'], ['billers.biller_id'], ),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('account_id')
    )
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accounts_national_id'), ['national_id'], unique=False)

    op.create_table('shifts',
    sa.Column('shift_id', sa.String(length=40), nullable=False),
    sa.Column('cashier_id', sa.String(length=32), nullable=False),
    sa.Column('drawer', sa.String(length=32), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('opened_at', sa.String(length=20), nullable=False),
    sa.Column('business_date', sa.String(length=10), nullable=False),
    sa.Column('opening_float_minor', sa.Integer(), nullable=False),
    sa.Column('closed_at', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['cashier_id'], ['users.user_id'], ),
    sa.PrimaryKeyConstraint('shift_id')
    )
    op.create_table('documents',
    sa.Column('document_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('issue_date', sa.String(length=10), nullable=False),
    sa.Column('due_date', sa.String(length=10), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('paid_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.account_id'], ),
    sa.PrimaryKeyConstraint('document_id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index('ix_documents_account_due', ['account_id', 'due_date'], unique=False)

    op.create_table('payments',
    sa.Column('payment_id', sa.String(length=36), nullable=False),
    sa.Column('receipt_no', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.String(length=40), nullable=False),
    sa.Column('cashier_id', sa.String(length=32), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('account_name', sa.String(length=160), nullable=False),
    sa.Column('biller_id', sa.String(length=32), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('discount_minor', sa.Integer(), nullable=False),
    sa.Column('balance_before_minor', sa.Integer(), nullable=False),
    sa.Column('balance_as_of', sa.String(length=20), nullable=False),
    sa.Column('offline', sa.Boolean(), nullable=False),
    sa.Column('occurred_at', sa.String(length=20), nullable=False),
    sa.Column('business_date', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('print_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.shift_id'], ),
    sa.PrimaryKeyConstraint('payment_id'),
    sa.UniqueConstraint('receipt_no'),
    sa.UniqueConstraint('seq')
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payments_shift_id'), ['shift_id'], unique=False)

    op.create_table('allocations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payment_id', sa.String(length=36), nullable=False),
    sa.Column('document_id', sa.String(length=40), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.payment_id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('allocations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_allocations_payment_id'), ['payment_id'], unique=False)

    op.create_table('tenders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payment_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('received_minor', sa.Integer(), nullable=True),
    sa.Column('change_minor', sa.Integer(), nullable=True),
    sa.Column('details', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.payment_id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('tenders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenders_payment_id'), ['payment_id'], unique=False)


    # Name search: external-content FTS5 over accounts.name.  unicode61 with
    # remove_diacritics 2 folds case and accents, so "nunez" finds "Núñez";
    # prefix indexes keep "jua* per*" fast on a million names.
    op.execute(
        "CREATE VIRTUAL TABLE account_names USING fts5(name, content='accounts', "
        "content_rowid='pk', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    op.execute(
        "CREATE TRIGGER accounts_fts_insert AFTER INSERT ON accounts BEGIN "
        "INSERT INTO account_names(rowid, name) VALUES (new.pk, new.name); END"
    )
    op.execute(
        "CREATE TRIGGER accounts_fts_delete AFTER DELETE ON accounts BEGIN "
        "INSERT INTO account_names(account_names, rowid, name) VALUES ('delete', old.pk, old.name); END"
    )
    op.execute(
        "CREATE TRIGGER accounts_fts_rename AFTER UPDATE OF name ON accounts BEGIN "
        "INSERT INTO account_names(account_names, rowid, name) VALUES ('delete', old.pk, old.name); "
        "INSERT INTO account_names(rowid, name) VALUES (new.pk, new.name); END"
    )
    # The audit log only grows.  Someone with the file and a SQLite shell can
    # still drop these; the hash chain is what catches that (audit verify).
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
        "SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
        "SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )


def downgrade() -> None:
    for trigger in ("audit_log_no_delete", "audit_log_no_update", "accounts_fts_rename",
                    "accounts_fts_delete", "accounts_fts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS account_names")
    with op.batch_alter_table('tenders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tenders_payment_id'))

    op.drop_table('tenders')
    with op.batch_alter_table('allocations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_allocations_payment_id'))

    op.drop_table('allocations')
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_shift_id'))
        batch_op.drop_index(batch_op.f('ix_payments_account_id'))

    op.drop_table('payments')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index('ix_documents_account_due')

    op.drop_table('documents')
    op.drop_table('shifts')
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_national_id'))

    op.drop_table('accounts')
    op.drop_table('users')
    op.drop_table('terminal_state')
    op.drop_table('settings')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_state'))

    op.drop_table('outbox')
    op.drop_table('billers')
    op.drop_table('audit_log')
