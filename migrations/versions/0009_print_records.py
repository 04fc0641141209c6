"""certificate numbers (证书编号) and the print log (印制记录)

Revision ID: 0009
Revises: 0008
"""

from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificate_number",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("honour_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=50), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["honour_id"], ["honour.id"], name=op.f("fk_certificate_number_honour_id_honour"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_number")),
        sa.UniqueConstraint("number", name=op.f("uq_certificate_number_number")),
        sa.UniqueConstraint("honour_id", name=op.f("uq_certificate_number_honour_id")),
        sa.UniqueConstraint("year", "sequence", name=op.f("uq_certificate_number_year")),
    )
    op.create_table(
        "print_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("school_year", sa.String(length=9), nullable=True),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.Column("output", sa.String(length=20), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("numbers", sa.Text(), nullable=True),
        sa.Column("target", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_log")),
    )
    with op.batch_alter_table("print_log", schema=None) as batch_op:
        batch_op.create_index("ix_print_log_printed_at", ["printed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_log", schema=None) as batch_op:
        batch_op.drop_index("ix_print_log_printed_at")
    op.drop_table("print_log")
    op.drop_table("certificate_number")
