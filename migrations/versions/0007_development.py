"""development (发展党员): one record per person on the way from 入党申请 to 转正

Revision ID: 0007
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "development",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("cultivation_id", sa.Integer(), nullable=True),
        sa.Column("step_dates", sa.JSON(), nullable=False),
        sa.Column("assessments", sa.JSON(), nullable=False),
        sa.Column("interviewer", sa.JSON(), nullable=True),
        sa.Column("contacts", sa.JSON(), nullable=False),
        sa.Column("introducers", sa.JSON(), nullable=False),
        sa.Column("training_end", sa.Date(), nullable=True),
        sa.Column("training_hours", sa.Float(), nullable=True),
        sa.Column("target_publication_start", sa.Date(), nullable=True),
        sa.Column("target_publication_end", sa.Date(), nullable=True),
        sa.Column("full_publication_start", sa.Date(), nullable=True),
        sa.Column("full_publication_end", sa.Date(), nullable=True),
        sa.Column("admission_entitled", sa.Integer(), nullable=True),
        sa.Column("admission_present", sa.Integer(), nullable=True),
        sa.Column("admission_in_favour", sa.Integer(), nullable=True),
        sa.Column("full_entitled", sa.Integer(), nullable=True),
        sa.Column("full_present", sa.Integer(), nullable=True),
        sa.Column("full_in_favour", sa.Integer(), nullable=True),
        sa.Column("extension_months", sa.Integer(), nullable=True),
        sa.Column("extension_reason", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closed_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_development_member_id_member"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["cultivation_id"], ["cultivation.id"],
                                name=op.f("fk_development_cultivation_id_cultivation"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development")),
    )
    with op.batch_alter_table("development", schema=None) as batch_op:
        batch_op.create_index("uq_development_open_member", ["member_id"], unique=True,
                              sqlite_where=sa.text("closed_on IS NULL"))


def downgrade() -> None:
    with op.batch_alter_table("development", schema=None) as batch_op:
        batch_op.drop_index("uq_development_open_member", sqlite_where=sa.text("closed_on IS NULL"))
    op.drop_table("development")
