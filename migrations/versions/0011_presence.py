"""入校日期 on members and 请假 periods (member_leave)

Revision ID: 0011
Revises: 0010
"""

from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    ]


# recreate="never": SQLite adds and drops this column in place, so the member table (and the search
# triggers 0008 put on it) is not rebuilt.
def upgrade() -> None:
    with op.batch_alter_table("member", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("school_start_date", sa.Date(), nullable=True))
    op.create_table(
        "member_leave",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_member_leave_member_id_member"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_leave")),
    )
    with op.batch_alter_table("member_leave", schema=None) as batch_op:
        batch_op.create_index("ix_member_leave_member_start", ["member_id", "start_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("member_leave", schema=None) as batch_op:
        batch_op.drop_index("ix_member_leave_member_start")
    op.drop_table("member_leave")
    with op.batch_alter_table("member", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("school_start_date")
