"""index-only totals for the policy's offline limits

Every payment asks how much waits for central and how much this shift took
offline; on a terminal offline for a day those were scans growing with each
payment.  The outbox now carries a payment's amount, and two covering indexes
answer both questions from the index alone.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("amount_minor", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE outbox SET amount_minor = (SELECT amount_minor FROM payments WHERE payments.payment_id = outbox.item_id)"
        " WHERE type = 'payment'"
    )
    op.create_index("ix_outbox_waiting", "outbox", ["state", "type", "amount_minor"], unique=False)
    op.create_index("ix_payments_shift_offline", "payments", ["shift_id", "offline", "status", "amount_minor"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_payments_shift_offline", table_name="payments")
    op.drop_index("ix_outbox_waiting", table_name="outbox")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("amount_minor")
