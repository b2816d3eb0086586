"""voids, cash movements, and what closing a shift keeps

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cash_movements",
        sa.Column("movement_id", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("approver_id", sa.String(length=32), nullable=True),
        sa.Column("occurred_at", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.shift_id"]),
        sa.PrimaryKeyConstraint("movement_id"),
        sa.UniqueConstraint("seq"),
    )
    with op.batch_alter_table("cash_movements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_movements_shift_id"), ["shift_id"], unique=False)

    op.create_table(
        "voids",
        sa.Column("void_id", sa.String(length=36), nullable=False),
        sa.Column("payment_id", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approver_id", sa.String(length=32), nullable=False),
        sa.Column("occurred_at", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["payment_id"], ["payments.payment_id"]),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.shift_id"]),
        sa.PrimaryKeyConstraint("void_id"),
        sa.UniqueConstraint("payment_id"),
        sa.UniqueConstraint("seq"),
    )
    with op.batch_alter_table("voids", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_voids_shift_id"), ["shift_id"], unique=False)

    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("opening_denominations", sa.Text(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("close_attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("manifest", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_column("manifest")
        batch_op.drop_column("close_attempts")
        batch_op.drop_column("opening_denominations")
    with op.batch_alter_table("voids", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_voids_shift_id"))
    op.drop_table("voids")
    with op.batch_alter_table("cash_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cash_movements_shift_id"))
    op.drop_table("cash_movements")
