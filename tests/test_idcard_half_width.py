"""ID numbers typed with a Chinese IME (full-width digits, spaces) are stored and compared half-width."""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlalchemy as sa

from desktop_app.domain import idcard
from desktop_app.paths import DB_FILENAME
from desktop_app.services import members as member_service
from desktop_app.services.members import MemberData
from desktop_app.store.ledger import open_ledger
from desktop_app.store.schema import current_revision

FULL_WIDTH = "３３０１０２１９７３０１２９３８５２"  # 330102197301293852 typed full-width
HALF_WIDTH = "330102197301293852"


def test_normalise_makes_full_width_digits_and_spaces_plain():
    assert idcard.normalise(FULL_WIDTH) == HALF_WIDTH
    assert idcard.normalise(" 330102 19730129 385x ") == "33010219730129385X"
    assert idcard.validate(FULL_WIDTH) is None
    assert idcard.validate("٣٣٠١٠٢١٩٧٣٠١٢٩٣٨٥٢") is not None  # Arabic-Indic digits are not an ID number


def test_the_dialog_path_stores_half_width_and_finds_the_duplicate(ledger):
    member_id = member_service.add_member(ledger, MemberData(name="蔡一鸣", political_status="full_member",
                                                             id_number=FULL_WIDTH))
    assert member_service.get_member(ledger, member_id).id_number == HALF_WIDTH
    twins = member_service.possible_duplicates(ledger, MemberData(name="别名", id_number=HALF_WIDTH))
    assert [row.id for row in twins] == [member_id]


def test_upgrade_rewrites_numbers_stored_full_width(tmp_path):
    release = tmp_path / "ledger"
    release.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "ledger-0012.sqlite3", release / DB_FILENAME)
    engine = sa.create_engine(f"sqlite:///{release / DB_FILENAME}")
    with engine.begin() as connection:
        first = connection.execute(sa.text("SELECT min(id) FROM member")).scalar()
        connection.execute(sa.text("UPDATE member SET id_number = :n WHERE id = :id"), {"n": FULL_WIDTH, "id": first})
    engine.dispose()

    ledger = open_ledger(release)
    try:
        assert current_revision(release / DB_FILENAME) >= "0013"
        assert member_service.get_member(ledger, first).id_number == HALF_WIDTH
    finally:
        ledger.close()
