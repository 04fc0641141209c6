"""Old .xls files and WPS/LibreOffice .ods files import like .xlsx (python-calamine reads all three)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from desktop_app.services import importing
from desktop_app.services.members import list_members

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


@pytest.mark.parametrize("name", ["members.xls", "members.ods"])
def test_members_from_an_old_excel_or_an_ods_file(ledger, tmp_path, name):
    path = shutil.copy(FIXTURES / name, tmp_path / f"党员名册{Path(name).suffix}")
    checked = importing.preview(ledger, "members", path)
    assert not checked.bad_rows
    assert [g.summary.split(" · ")[0] for g in checked.good_rows] == ["王芳", "李明", "赵小丽"]
    importing.commit(ledger, checked)
    people = {m.name: m for m in list_members(ledger)}
    assert people["王芳"].political_status == "full_member"
    assert people["李明"].political_status == "full_member"
    assert people["赵小丽"].political_status == "non_party"


def test_an_ods_saved_as_xlsx_is_read_by_its_content(ledger, tmp_path):
    path = shutil.copy(FIXTURES / "members.ods", tmp_path / "名册.xlsx")
    assert len(importing.preview(ledger, "members", path).good_rows) == 3


def test_dates_in_an_xls_are_dates(ledger, tmp_path):
    path = shutil.copy(FIXTURES / "members.xls", tmp_path / "名册.xls")
    importing.commit(ledger, importing.preview(ledger, "members", path))
    from desktop_app.services.members import get_member

    wang = next(m for m in list_members(ledger) if m.name == "王芳")
    assert get_member(ledger, wang.id).birth_date == date(1980, 5, 6)
