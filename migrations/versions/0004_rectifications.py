"""suggestions (意见建议) and rectifications (整改台账)

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "suggestion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("raised_by", sa.String(length=100), nullable=True),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("recorder_id", sa.Integer(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["recorder_id"], ["member.id"], name=op.f("fk_suggestion_recorder_id_member"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], name=op.f("fk_suggestion_visit_id_visit"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion")),
    )
    with op.batch_alter_table("suggestion", schema=None) as batch_op:
        batch_op.create_index("ix_suggestion_raised_on", ["raised_on"], unique=False)
        batch_op.create_index("ix_suggestion_visit_id", ["visit_id"], unique=False)

    op.create_table(
        "rectification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suggestion_id", sa.Integer(), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("responsible_unit", sa.String(length=100), nullable=True),
        sa.Column("responsible_member_id", sa.Integer(), nullable=True),
        sa.Column("responsible_name", sa.String(length=100), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["suggestion_id"], ["suggestion.id"], name=op.f("fk_rectification_suggestion_id_suggestion"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["responsible_member_id"], ["member.id"], name=op.f("fk_rectification_responsible_member_id_member"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectification")),
        sa.UniqueConstraint("suggestion_id", name=op.f("uq_rectification_suggestion_id")),
    )
    with op.batch_alter_table("rectification", schema=None) as batch_op:
        batch_op.create_index("ix_rectification_deadline", ["deadline"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rectification", schema=None) as batch_op:
        batch_op.drop_index("ix_rectification_deadline")
    op.drop_table("rectification")
    with op.batch_alter_table("suggestion", schema=None) as batch_op:
        batch_op.drop_index("ix_suggestion_visit_id")
        batch_op.drop_index("ix_suggestion_raised_on")
    op.drop_table("suggestion")
