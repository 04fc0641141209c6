"""Covering indexes for the report figures (quota fulfilment, totals, coverage)

The workbooks count observations and visits by member, kind and lesson type over a date range.
With every column such a count reads in one index, SQLite answers from the index alone instead
of visiting each wide record row (the content, ratings and suggestions texts). The partial index
finds the few visits with 意见建议 in a period.

Revision ID: 0014
Revises: 0013
"""

from alembic import op
import sqlalchemy as sa

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

SUGGESTED = "suggestions IS NOT NULL"


def upgrade() -> None:
    with op.batch_alter_table("observation", schema=None, recreate="never") as batch_op:
        batch_op.create_index("ix_observation_date_figures",
                              ["date", "lesson_type", "observer_id", "teacher_id", "class_id", "lesson_no"],
                              unique=False)
    with op.batch_alter_table("visit", schema=None, recreate="never") as batch_op:
        batch_op.create_index("ix_visit_date_figures", ["date", "kind", "visitor_id"], unique=False)
        batch_op.create_index("ix_visit_date_suggested", ["date"], unique=False,
                              sqlite_where=sa.text(SUGGESTED), postgresql_where=sa.text(SUGGESTED))


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_visit_date_suggested")
        batch_op.drop_index("ix_visit_date_figures")
    with op.batch_alter_table("observation", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_observation_date_figures")
