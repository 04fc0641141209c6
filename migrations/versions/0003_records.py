"""observations (听课) and visits (家访·访谈)

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "observation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("observer_id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("lesson_no", sa.Integer(), nullable=True),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=30), nullable=True),
        sa.Column("lesson_type", sa.String(length=30), nullable=False),
        sa.Column("ratings", sa.JSON(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("suggestions", sa.Text(), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["class_id"], ["school_class.id"], name=op.f("fk_observation_class_id_school_class")),
        sa.ForeignKeyConstraint(["observer_id"], ["member.id"], name=op.f("fk_observation_observer_id_member")),
        sa.ForeignKeyConstraint(["teacher_id"], ["member.id"], name=op.f("fk_observation_teacher_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observation")),
    )
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.create_index("ix_observation_date", ["date"], unique=False)
        batch_op.create_index("ix_observation_observer_date", ["observer_id", "date"], unique=False)
        batch_op.create_index("ix_observation_teacher_date", ["teacher_id", "date"], unique=False)
        batch_op.create_index("ix_observation_class_id", ["class_id"], unique=False)

    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("visitor_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.Column("target_member_id", sa.Integer(), nullable=True),
        sa.Column("interviewee", sa.String(length=100), nullable=True),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("assistance", sa.JSON(), nullable=False),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("suggestions", sa.Text(), nullable=True),
        sa.Column("follow_up_needed", sa.Boolean(), nullable=False),
        sa.Column("follows_visit_id", sa.Integer(), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["class_id"], ["school_class.id"], name=op.f("fk_visit_class_id_school_class")),
        sa.ForeignKeyConstraint(["follows_visit_id"], ["visit.id"], name=op.f("fk_visit_follows_visit_id_visit"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["target_member_id"], ["member.id"], name=op.f("fk_visit_target_member_id_member")),
        sa.ForeignKeyConstraint(["visitor_id"], ["member.id"], name=op.f("fk_visit_visitor_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_date", ["date"], unique=False)
        batch_op.create_index("ix_visit_visitor_date", ["visitor_id", "date"], unique=False)
        batch_op.create_index("ix_visit_class_id", ["class_id"], unique=False)
        batch_op.create_index("ix_visit_target_member_id", ["target_member_id"], unique=False)
        batch_op.create_index("ix_visit_follows_visit_id", ["follows_visit_id"], unique=False)

    op.create_table(
        "visit_student",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["student.id"], name=op.f("fk_visit_student_student_id_student")),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], name=op.f("fk_visit_student_visit_id_visit"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("visit_id", "student_id", name=op.f("pk_visit_student")),
    )
    with op.batch_alter_table("visit_student", schema=None) as batch_op:
        batch_op.create_index("ix_visit_student_student_id", ["student_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit_student", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_student_student_id")
    op.drop_table("visit_student")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        for name in ("ix_visit_follows_visit_id", "ix_visit_target_member_id", "ix_visit_class_id",
                     "ix_visit_visitor_date", "ix_visit_date"):
            batch_op.drop_index(name)
    op.drop_table("visit")
    with op.batch_alter_table("observation", schema=None) as batch_op:
        for name in ("ix_observation_class_id", "ix_observation_teacher_date", "ix_observation_observer_date",
                     "ix_observation_date"):
            batch_op.drop_index(name)
    op.drop_table("observation")
