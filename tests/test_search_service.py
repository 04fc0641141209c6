"""One search box: what she finds for a name or a phrase, in a real ledger through the migrations."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from conftest import cli_target

from desktop_app.services.records.observations import delete_observations, get_observation, update_observation
from desktop_app.services.search import SearchKind, search
from desktop_app.services.search.query import excerpt
from tests.records_school import make_school

pytestmark = pytest.mark.both_engines


@pytest.fixture
def school(ledger):
    return make_school(ledger)


def _found(groups) -> dict[str, list[str]]:
    return {g.kind.label: [h.matched for h in g.hits] for g in groups}


def test_a_two_character_name_finds_the_person_and_every_record_naming_them(ledger, school):
    groups = {g.kind: g for g in search(ledger, "赵老")}
    assert [h.title for h in groups[SearchKind.MEMBER].hits] == ["赵老师 · 群众"]
    visits = groups[SearchKind.VISIT]
    # two phone visits by 赵老师 and the interview 王校长 held with 赵老师
    assert visits.total == 3
    assert sorted(h.matched for h in visits.hits) == ["受访教师：赵老师", "走访人：赵老师", "走访人：赵老师"]


def test_a_one_character_query_finds_names(ledger, school):
    groups = {g.kind: g for g in search(ledger, "丙")}
    assert [h.title for h in groups[SearchKind.STUDENT].hits] == ["学生丙（高一(1)班）"]
    assert groups[SearchKind.VISIT].total == 2  # the two visits that reached 学生丙
    assert [h.matched for h in groups[SearchKind.VISIT].hits] == ["涉及学生：学生丙"] * 2


def test_a_phrase_finds_the_text_inside_records_with_the_match_shown(ledger, school):
    groups = {g.kind: g for g in search(ledger, "后进生")}
    assert list(groups) == [SearchKind.OBSERVATION]
    assert groups[SearchKind.OBSERVATION].hits[0].matched == "多提问后进生"
    groups = {g.kind: g for g in search(ledger, "食堂晚饭")}
    assert groups[SearchKind.VISIT].hits[0].title == "钱师傅 · 服务走访 · 高一年级组"


def test_the_index_follows_edits_and_deletes_in_the_same_transaction(ledger, school):
    hit = search(ledger, "后进生")[0].hits[0]
    data = get_observation(ledger, hit.record_id)
    update_observation(ledger, hit.record_id, dataclasses.replace(data, suggestions="板书再工整些"))
    assert search(ledger, "后进生") == []
    assert search(ledger, "板书再工整")[0].hits[0].record_id == hit.record_id
    delete_observations(ledger, [hit.record_id])
    assert search(ledger, "板书再工整") == []


def test_nothing_found_and_blank_queries(ledger, school):
    assert search(ledger, "   ") == []
    assert search(ledger, "没有这样的内容") == []
    assert search(ledger, '"引号') == []  # FTS syntax characters are searched as text, never an error


def test_full_width_digits_are_searched_as_ascii(ledger, school):
    groups = {g.kind: g for g in search(ledger, "高一(１)班")}
    assert [h.title for h in groups[SearchKind.SCHOOL_CLASS].hits] == ["高一(1)班"]


def test_excerpt_keeps_context_around_the_match():
    assert excerpt("甲" * 30 + "目标" + "乙" * 30, "目标", around=3) == "…甲甲甲目标乙乙乙…"


@pytest.mark.sqlite_only("the FTS5 index of a ledger file; test_search_postgresql checks the server's")
def test_every_kind_has_its_triggers_and_code_at_head(ledger):
    conn = sqlite3.connect(ledger.db_path)
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    conn.close()
    for kind in SearchKind:
        assert {f"search_{p}_{kind.table}" for p in ("ai", "au", "ad")} <= triggers, kind
    # the migration's kind codes are the service's: a member row sits in the member range
    conn = sqlite3.connect(ledger.db_path)
    conn.execute("INSERT INTO member (name, political_status, posts, backbone_titles, active) "
                 "VALUES ('码位测试', 'non_party', '[]', '[]', 1)")
    (rowid,) = conn.execute("SELECT rowid FROM search_index WHERE body LIKE '码位测试%'").fetchone()
    conn.close()
    assert SearchKind.of_rowid(rowid)[0] is SearchKind.MEMBER


def test_the_command_line_search_prints_each_kind_with_its_matches(ledger, school, capsys):
    from desktop_app.cli.main import main

    assert main([*cli_target(ledger), "search", "赵老"]) == 0
    out = capsys.readouterr().out
    assert "人员（共 1 条）" in out and "家访·访谈（共 3 条）" in out
    assert "受访教师：赵老师" in out
    assert main([*cli_target(ledger), "search", "无此"]) == 0
    assert "没有找到含“无此”的记录；记录内容请输入 3 个字以上。" in capsys.readouterr().out
