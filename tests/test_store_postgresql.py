"""The same ledger on PostgreSQL: migrations to head, transactions, services and the CLI on both engines."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop_app.cli.main import main
from desktop_app.domain.people import MemberData
from desktop_app.domain.calendar import school_year_of
from desktop_app.services.demo import fill_demo
from desktop_app.services.evaluations.queries import year_results
from desktop_app.services.members import add_member, get_member, list_members, update_member
from desktop_app.services.records.observations import list_observations
from desktop_app.services.records.visits import list_visits
from desktop_app.store import models  # noqa: F401  (registers every table)
from desktop_app.store.base import Base, is_model_table
from desktop_app.store.ledger import open_ledger
from desktop_app.store.schema import head_revision


def test_an_empty_postgresql_database_is_upgraded_to_head_and_matches_the_models(pg_url):
    ledger = open_ledger(pg_url)
    try:
        assert ledger.created and ledger.on_server
        with ledger.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
            context = MigrationContext.configure(connection, opts={
                "compare_type": True,
                "include_name": lambda name, type_, _parents: type_ != "table" or is_model_table(name),
            })
            assert compare_metadata(context, Base.metadata) == []
    finally:
        ledger.close()
    reopened = open_ledger(pg_url)  # at head already: opens without upgrading again
    assert not reopened.created
    reopened.close()


@pytest.mark.both_engines
def test_members_are_added_edited_and_listed_on_either_engine(ledger):
    member_id = add_member(ledger, MemberData(name="王芳", department="初二年级组"))
    data = get_member(ledger, member_id)
    data.department = "初三年级组"
    update_member(ledger, member_id, data)
    assert [(m.name, m.department) for m in list_members(ledger)] == [("王芳", "初三年级组")]


def test_the_demo_school_gives_the_same_records_and_stars_on_both_engines(data_dir, pg_url):
    results = []
    for target in (data_dir, pg_url):
        ledger = open_ledger(target)
        try:
            fill_demo(ledger)
            year = school_year_of(date.today())
            rows = [(r.member_name, r.score, r.star_label, r.rank) for r in year_results(ledger, year)]
            results.append((len(list_observations(ledger)), len(list_visits(ledger, None)), rows))
        finally:
            ledger.close()
    sqlite_side, server_side = results
    assert sqlite_side[0] > 0 and sqlite_side[1] > 0 and sqlite_side[2]
    assert server_side == sqlite_side


def test_the_command_line_checks_fills_and_evaluates_a_server_ledger(pg_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BRANCH_LEDGER_DATA_DIR", str(tmp_path / "logs-only"))
    assert main(["--database-url", pg_url, "check"]) == 0
    assert "（空数据库）" in capsys.readouterr().out
    assert main(["--database-url", pg_url, "demo"]) == 0
    assert "已填入示例学校" in capsys.readouterr().out
    assert main(["--database-url", pg_url, "check"]) == 0
    assert f"（数据版本 {head_revision()}）" in capsys.readouterr().out
    assert main(["--database-url", pg_url, "evaluate"]) == 0
    assert "学年量化考核结果" in capsys.readouterr().out
    workbook = tmp_path / "学年报表.xlsx"
    year = school_year_of(date.today())
    assert main(["--database-url", pg_url, "export", "quarterly", "--school-year", year, "-o", str(workbook)]) == 0
    assert load_workbook(workbook).sheetnames


def test_restore_refuses_a_server_ledger_in_chinese_and_names_the_way(pg_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BRANCH_LEDGER_DATA_DIR", str(tmp_path / "logs-only"))
    assert main(["--database-url", pg_url, "restore", "x.sqlite3"]) == 1
    said = capsys.readouterr().err
    assert "服务器上的台账（PostgreSQL）不能被整个替换，没有改动" in said and "migrate-to" in said and "--from" in said
