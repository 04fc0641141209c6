"""evaluations (量化考核), schemes, locks, honours (荣誉)

Revision ID: 0005
Revises: 0004
"""

from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "evaluation_scheme",
        sa.Column("school_year", sa.String(length=9), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint("school_year", name=op.f("pk_evaluation_scheme")),
    )
    op.create_table(
        "evaluation_lock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_year", sa.String(length=9), nullable=False),
        sa.Column("semester", sa.Integer(), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("meeting", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_lock")),
    )
    with op.batch_alter_table("evaluation_lock", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_lock_school_year"), ["school_year"], unique=False)

    op.create_table(
        "branch_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_year", sa.String(length=9), nullable=False),
        sa.Column("criterion", sa.String(length=30), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branch_assessment")),
        sa.UniqueConstraint("school_year", "criterion", name=op.f("uq_branch_assessment_school_year")),
    )
    op.create_table(
        "evaluation_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("school_year", sa.String(length=9), nullable=False),
        sa.Column("semester", sa.Integer(), nullable=False),
        sa.Column("entered", sa.JSON(), nullable=False),
        sa.Column("bonuses", sa.JSON(), nullable=False),
        sa.Column("deductions", sa.JSON(), nullable=False),
        sa.Column("frozen", sa.JSON(), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_evaluation_score_member_id_member"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_score")),
        sa.UniqueConstraint("member_id", "school_year", "semester", name=op.f("uq_evaluation_score_member_id")),
    )
    with op.batch_alter_table("evaluation_score", schema=None) as batch_op:
        batch_op.create_index("ix_evaluation_score_year", ["school_year", "semester"], unique=False)

    op.create_table(
        "honour",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=50), nullable=False),
        sa.Column("school_year", sa.String(length=9), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.Column("issuer", sa.String(length=100), nullable=True),
        sa.Column("awarded_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["class_id"], ["school_class.id"], name=op.f("fk_honour_class_id_school_class"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_honour_member_id_member"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_honour")),
    )
    with op.batch_alter_table("honour", schema=None) as batch_op:
        batch_op.create_index("ix_honour_year_title", ["school_year", "title"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("honour", schema=None) as batch_op:
        batch_op.drop_index("ix_honour_year_title")
    op.drop_table("honour")
    with op.batch_alter_table("evaluation_score", schema=None) as batch_op:
        batch_op.drop_index("ix_evaluation_score_year")
    op.drop_table("evaluation_score")
    op.drop_table("branch_assessment")
    with op.batch_alter_table("evaluation_lock", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_lock_school_year"))
    op.drop_table("evaluation_lock")
    op.drop_table("evaluation_scheme")
