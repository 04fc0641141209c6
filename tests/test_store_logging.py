"""The log file rotates in data_dir/logs and never carries names, ID numbers or phone numbers."""

from __future__ import annotations

import logging
import random
import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError

from desktop_app.cli.main import main
from desktop_app.domain.people import MemberData
from desktop_app.logging_setup import BACKUP_COUNT, MAX_BYTES, setup_logging, stop_logging
from desktop_app.services import members, settings
from desktop_app.store.ledger import open_ledger
from desktop_app.store.models import Student


@pytest.fixture
def logged(data_dir):
    path = setup_logging(data_dir)
    yield path
    stop_logging()


def log_text(data_dir) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((data_dir / "logs").glob("ledger.log*")))


def personal_values(db) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        values = set()
        for sql in ("select name, id_number, phone from member",
                    "select name, guardian_name, phone, address from student"):
            for row in conn.execute(sql):
                values.update(v for v in row if v)
        return values
    finally:
        conn.close()


def test_demo_and_everyday_actions_leave_no_personal_data_in_the_log(data_dir, tmp_path, capsys, logged):
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main(["--data-dir", str(data_dir), "backup", "-o", str(tmp_path / "b.sqlite3")]) == 0
    assert main(["--data-dir", str(data_dir), "restore", str(tmp_path / "b.sqlite3")]) == 0
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    setup_logging(data_dir)  # the CLI set it up again; keep writing to the same file
    ledger = open_ledger(data_dir, startup_backup=True)
    try:
        members.add_member(ledger, MemberData(name="日志测试", political_status="full_member", phone="13912345678",
                                              id_number="11010119900307109X"))
        settings.set_values(ledger, {settings.SCHOOL_NAME: "示例"})
        # an unexpected database error, logged with its traceback as the error handler does
        try:
            with ledger.transaction() as session:
                session.add(Student(name="不存在班级的学生", class_id=99999, flags=[], phone="13800001111"))
        except IntegrityError:
            logging.getLogger("desktop_app.unexpected").exception("unexpected error")
    finally:
        ledger.close()
    capsys.readouterr()

    text = log_text(data_dir)
    assert "ledger opened" in text and "IntegrityError" in text  # the log is being written
    personal = personal_values(data_dir / "ledger.sqlite3") | {"日志测试", "13912345678", "11010119900307109X",
                                                               "不存在班级的学生", "13800001111"}
    assert len(personal) > 1000  # 36 staff and ~480 students with guardians, phones, addresses
    leaked = sorted(value for value in personal if value in text)
    assert leaked == []


def test_log_file_rotates_in_the_logs_folder(data_dir, logged):
    assert logged == data_dir / "logs" / "ledger.log"
    logger = logging.getLogger("desktop_app.test")
    line = "x" * 1000
    for _ in range(int(MAX_BYTES / 1000 * (BACKUP_COUNT + 2))):
        logger.info(line)
    files = sorted(p.name for p in (data_dir / "logs").iterdir())
    assert files == ["ledger.log"] + [f"ledger.log.{n}" for n in range(1, BACKUP_COUNT + 1)]
    assert all(p.stat().st_size <= MAX_BYTES + 2000 for p in (data_dir / "logs").iterdir())


def test_window_actions_leave_no_personal_data_in_the_log(data_dir, tmp_path, logged, main_window, message_bridge):
    from desktop_app.services.demo import people
    from desktop_app.ui.backup_actions import backup_now, restore_from_file

    people.add_demo(main_window.context.ledger, random.Random(5))
    for key in ("members", "students", "dashboard"):
        main_window.open_tab(key)
    backup_now(main_window, tmp_path / "b.sqlite3")
    message_bridge.answers = [True]
    assert restore_from_file(main_window, tmp_path / "b.sqlite3")
    text = log_text(data_dir)
    assert "ledger restored" in text
    leaked = sorted(v for v in personal_values(main_window.context.ledger.db_path) if v in text)
    assert leaked == []
