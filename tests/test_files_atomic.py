"""Files the app writes appear whole or not at all."""

from __future__ import annotations

import os

import pytest

from desktop_app.services.errors import UserError
from desktop_app.services.files import PARTIAL_SUFFIX, atomic_output, atomic_write_bytes


def test_failure_while_writing_keeps_the_previous_file(tmp_path):
    target = tmp_path / "季度报表.xlsx"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as partial:
            partial.write_bytes(b"half")
            raise RuntimeError("killed")
    assert target.read_bytes() == b"previous"
    assert not list(tmp_path.glob(f"*{PARTIAL_SUFFIX}"))


def test_success_replaces_the_file_privately(tmp_path):
    target = tmp_path / "模板.xlsx"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["模板.xlsx"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_missing_folder_is_a_chinese_message_naming_the_file(tmp_path):
    target = tmp_path / "不存在" / "报表.xlsx"
    with pytest.raises(UserError, match="报表.xlsx"):
        atomic_write_bytes(target, b"x")
