"""Every import kind against a corpus of broken workbooks: a clear refusal, never a partial write."""

from __future__ import annotations

import random
import sqlite3
from datetime import date

import pytest
from openpyxl import Workbook

from desktop_app.services import importing
from desktop_app.services.demo import people
from desktop_app.services.errors import UserError

KINDS = [kind for kind, _label in importing.available_kinds()]
_CORPUS_RESULTS: dict[str, int] = {"files": 0, "refused": 0, "bad rows reported": 0, "accepted": 0}


def _headers(spec):
    return [c.template_header for c in spec.columns]


def _row(spec, **overrides):
    values = []
    for column in spec.columns:
        value = overrides.get(column.key, column.example)
        values.append(value)
    return values


def _save(path, rows, merge: str | None = None):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def _date_keys(spec):
    return [c.key for c in spec.columns if isinstance(c.example, date) or "日期" in c.header]


def corpus(spec, folder):
    """(name, path) of each broken file for this kind."""
    headers = _headers(spec)
    text_keys = [c.key for c in spec.columns if not c.required and isinstance(c.example, str)]
    yield "not an xlsx", (folder / "not.xlsx").write_bytes(b"just some text, not a workbook") and folder / "not.xlsx"
    encrypted = folder / "encrypted.xlsx"
    encrypted.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le"))
    yield "password-protected", encrypted
    yield "wrong headers", _save(folder / "wrong.xlsx", [["甲", "乙", "丙"], [1, 2, 3]])
    yield "merged header cells", _save(folder / "merged.xlsx", [headers, _row(spec)], merge="A1:C1")
    yield "empty", _save(folder / "empty.xlsx", [])
    formulas = {c.key: "=1+1" for c in spec.columns if c.required}
    yield "formulas instead of values", _save(folder / "formulas.xlsx", [headers, _row(spec, **formulas)])
    odd = [_row(spec, **{k: text for k in _date_keys(spec)}) for text in ("2024.13.45", "去年九月", "45000.5.1")]
    yield "dates as odd text", _save(folder / "dates.xlsx", [headers, *odd])
    yield "unknown names", _save(folder / "unknown.xlsx", [headers, _row(spec, **{
        c.key: "查无此人" for c in spec.columns if c.required and isinstance(c.example, str)})])
    long_text = {k: "很长的文字" * 2000 for k in text_keys}
    yield "very long text", _save(folder / "long.xlsx", [headers, _row(spec, **long_text)])
    rare = {k: "𠮷祥😀" for k in text_keys}
    yield "emoji and rare characters", _save(folder / "rare.xlsx", [headers, _row(spec, **rare)])
    yield "duplicate rows", _save(folder / "dupes.xlsx", [headers, _row(spec, **long_text), _row(spec, **long_text)])


def _counts(ledger):
    conn = sqlite3.connect(ledger.db_path)
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        return {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


@pytest.fixture
def school(ledger):
    people.add_demo(ledger, random.Random(3))
    return ledger


@pytest.mark.parametrize("kind", KINDS)
def test_broken_workbooks_are_refused_cleanly(school, tmp_path, kind, figures):
    spec = importing.load_spec(kind)
    for name, path in corpus(spec, tmp_path):
        before = _counts(school)
        original = path.read_bytes()
        _CORPUS_RESULTS["files"] += 1
        try:
            checked = importing.preview(school, kind, path)
        except UserError as exc:
            assert path.name in str(exc), f"{kind}/{name}: the message should name the file: {exc}"
            _CORPUS_RESULTS["refused"] += 1
        else:
            if checked.bad_rows:
                _CORPUS_RESULTS["bad rows reported"] += 1
                for bad in checked.bad_rows:
                    assert bad.row >= 2 and bad.problems and bad.reason, f"{kind}/{name}: a bad row without a reason"
                with pytest.raises(UserError):
                    importing.commit(school, checked)
                assert _counts(school) == before, f"{kind}/{name}: a refused import wrote something"
            else:
                _CORPUS_RESULTS["accepted"] += 1
                assert name in ("very long text", "emoji and rare characters", "merged header cells",
                                "duplicate rows"), f"{kind}/{name} was accepted without complaint"
        assert path.read_bytes() == original
    if kind == KINDS[-1]:
        figures.append("import corpus: " + ", ".join(f"{k} {v}" for k, v in _CORPUS_RESULTS.items()))


def test_hundred_thousand_bad_rows_are_all_reported_and_nothing_written(school, tmp_path, figures):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("党员")
    sheet.append(["姓名*", "政治面貌*"])
    for n in range(100_000):
        sheet.append([f"成员{n}", "外星人"])
    path = tmp_path / "huge.xlsx"
    book.save(path)
    before = _counts(school)
    checked = importing.preview(school, "members", path)
    assert len(checked.bad_rows) == 100_000 and not checked.good_rows
    assert "政治面貌" in str(checked.bad_rows[-1].problems[0])
    with pytest.raises(UserError):
        importing.commit(school, checked)
    assert _counts(school) == before
    figures.append("import corpus: a 100,000-row workbook of bad rows was reported row by row, nothing written")
