"""Search on a server ledger: pg_trgm's index kept by triggers, the same hits as the ledger file's."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from desktop_app.services.demo import fill_demo
from desktop_app.services.search import SearchKind, search
from desktop_app.store.engine import make_server_engine
from desktop_app.store.ledger import open_ledger
from desktop_app.store.schema import alembic_config

QUERIES = ["王", "老师", "高一", "年级组", "家长", "学习有关文件", "理论学习", "希望多组织", "整改", "五个好先进", "练习设计",
           "思想工作交流", "没有这样的内容", "100%", "a_b"]


def _seen(groups) -> list:
    return [(g.kind, g.total, [(h.record_id, h.title, h.matched, h.when) for h in g.hits]) for g in groups]


def test_the_demo_school_is_found_alike_in_a_ledger_file_and_on_the_server(data_dir, pg_ledger_url):
    found = []
    for target in (data_dir, pg_ledger_url):
        ledger = open_ledger(target)
        try:
            fill_demo(ledger)
            found.append({q: _seen(search(ledger, q)) for q in QUERIES})
        finally:
            ledger.close()
    in_file, on_server = found
    assert {group[0] for groups in in_file.values() for group in groups} == set(SearchKind) - {SearchKind.DEVELOPMENT}
    assert on_server == in_file


def test_every_kind_has_its_trigger_and_code_and_the_text_has_a_trigram_index(pg_ledger_url):
    engine = make_server_engine(pg_ledger_url)
    with engine.begin() as conn:
        triggers = set(conn.scalars(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")))
        assert {f"search_index_{kind.table}" for kind in SearchKind} <= triggers
        index = conn.scalar(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_index_body_trgm'"))
        assert "gin" in index and "gin_trgm_ops" in index
        conn.execute(text("INSERT INTO member (name, political_status, posts, backbone_titles, active, created_at, "
                          "updated_at) VALUES ('码位测试', 'non_party', '[]', '[]', true, now(), now())"))
        rowid = conn.scalar(text("SELECT rowid FROM search_index WHERE body LIKE '码位测试%'"))
    engine.dispose()
    assert SearchKind.of_rowid(rowid)[0] is SearchKind.MEMBER


def test_records_made_before_the_upgrade_are_indexed_by_it(pg_url):
    engine = make_server_engine(pg_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0011")
        conn.execute(text("INSERT INTO member (name, political_status, posts, backbone_titles, active, notes) "
                          "VALUES ('张老师', 'full_member', '[]', '[]', true, '升级前的备注')"))
    engine.dispose()
    ledger = open_ledger(pg_url)
    try:
        groups = search(ledger, "升级前的")
        assert [(g.kind, g.hits[0].matched) for g in groups] == [(SearchKind.MEMBER, "张老师 升级前的备注")]
    finally:
        ledger.close()
