"""pledges (承诺): pledge, publication, review

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pledge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("school_year", sa.String(length=9), nullable=False),
        sa.Column("standard", sa.String(length=100), nullable=True),
        sa.Column("content_items", sa.JSON(), nullable=False),
        sa.Column("signed_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("published_from", sa.Date(), nullable=True),
        sa.Column("published_to", sa.Date(), nullable=True),
        sa.Column("publication_places", sa.JSON(), nullable=False),
        sa.Column("review_grade", sa.String(length=20), nullable=True),
        sa.Column("review_body", sa.String(length=30), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("review_comment", sa.Text(), nullable=True),
        sa.Column("review_explanation", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_pledge_member_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pledge")),
        sa.UniqueConstraint("member_id", "school_year", "kind", name=op.f("uq_pledge_member_id")),
    )
    with op.batch_alter_table("pledge", schema=None) as batch_op:
        batch_op.create_index("ix_pledge_school_year", ["school_year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pledge", schema=None) as batch_op:
        batch_op.drop_index("ix_pledge_school_year")
    op.drop_table("pledge")
