"""组织生活 (meetings, attendance, 谈心谈话) and attachments kept in the ledger

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("place", sa.String(length=100), nullable=True),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("party_group", sa.String(length=50), nullable=True),
        sa.Column("host_id", sa.Integer(), nullable=True),
        sa.Column("recorder_id", sa.Integer(), nullable=True),
        sa.Column("agenda", sa.Text(), nullable=True),
        sa.Column("resolutions", sa.Text(), nullable=True),
        sa.Column("minutes", sa.Text(), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["host_id"], ["member.id"], name=op.f("fk_meeting_host_id_member")),
        sa.ForeignKeyConstraint(["recorder_id"], ["member.id"], name=op.f("fk_meeting_recorder_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index("ix_meeting_date", ["date"], unique=False)
        batch_op.create_index("ix_meeting_kind_date", ["kind", "date"], unique=False)

    op.create_table(
        "meeting_attendance",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name=op.f("fk_meeting_attendance_meeting_id_meeting"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_meeting_attendance_member_id_member")),
        sa.PrimaryKeyConstraint("meeting_id", "member_id", name=op.f("pk_meeting_attendance")),
    )
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.create_index("ix_meeting_attendance_member_id", ["member_id"], unique=False)

    op.create_table(
        "heart_to_heart_talk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("talker_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=True),
        sa.Column("topic", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_heart_to_heart_talk_member_id_member")),
        sa.ForeignKeyConstraint(["talker_id"], ["member.id"], name=op.f("fk_heart_to_heart_talk_talker_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_heart_to_heart_talk")),
    )
    with op.batch_alter_table("heart_to_heart_talk", schema=None) as batch_op:
        batch_op.create_index("ix_heart_to_heart_talk_date", ["date"], unique=False)
        batch_op.create_index("ix_heart_to_heart_talk_member_id", ["member_id"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_kind", sa.String(length=30), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index("ix_attachment_owner", ["owner_kind", "owner_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index("ix_attachment_owner")
    op.drop_table("attachment")
    with op.batch_alter_table("heart_to_heart_talk", schema=None) as batch_op:
        batch_op.drop_index("ix_heart_to_heart_talk_member_id")
        batch_op.drop_index("ix_heart_to_heart_talk_date")
    op.drop_table("heart_to_heart_talk")
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_attendance_member_id")
    op.drop_table("meeting_attendance")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_kind_date")
        batch_op.drop_index("ix_meeting_date")
    op.drop_table("meeting")
