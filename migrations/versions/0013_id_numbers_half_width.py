"""ID numbers stored with full-width digits or spaces (typed through a Chinese IME before the
dialog normalised them) are rewritten as the app now stores them: NFKC, no spaces, capital X

Revision ID: 0013
Revises: 0012
"""

import re
import unicodedata

from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _normalised(number: str) -> str:
    # The same rule as desktop_app.domain.idcard.normalise at this revision (migrations do not import the app).
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", number)).upper()


def upgrade() -> None:
    connection = op.get_bind()
    member = sa.table("member", sa.column("id", sa.Integer), sa.column("id_number", sa.String))
    rows = connection.execute(sa.select(member.c.id, member.c.id_number).where(member.c.id_number.is_not(None)))
    changed = [{"key": row.id, "number": _normalised(row.id_number)}
               for row in rows if _normalised(row.id_number) != row.id_number]
    if changed:
        connection.execute(
            member.update().where(member.c.id == sa.bindparam("key")).values(id_number=sa.bindparam("number")),
            changed,
        )


def downgrade() -> None:
    pass  # the half-width form is the same number: nothing to put back
