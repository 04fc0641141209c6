"""Record versions (edit conflicts) and who entered and last changed each record

Revision ID: 0012
Revises: 0011
"""

from alembic import op
import sqlalchemy as sa

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Every table whose rows she enters and edits (the models using RecordMixin at this revision).
RECORD_TABLES = (
    "branch_assessment", "cultivation", "development", "evaluation_scheme", "evaluation_score",
    "heart_to_heart_talk", "honour", "meeting", "member", "member_leave", "observation", "pledge",
    "rectification", "school_class", "student", "suggestion", "visit",
)


# recreate="never": SQLite adds (and drops) these columns in place, so no table is rebuilt and the
# search triggers of 0008/0010 stay as they are.
def upgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False))
            batch_op.add_column(sa.Column("entered_by", sa.String(length=50), nullable=True))
            batch_op.add_column(sa.Column("changed_by", sa.String(length=50), nullable=True))


def downgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.drop_column("changed_by")
            batch_op.drop_column("entered_by")
            batch_op.drop_column("version")
