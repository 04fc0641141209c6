"""`import` and `template` on the command line: output, exit codes, nothing written on refusal."""

from __future__ import annotations

from import_helpers import make_id, write_book

from desktop_app.cli.main import main
from desktop_app.services.members import list_members
from desktop_app.store.ledger import open_ledger


def members_in(data_dir) -> list[str]:
    ledger = open_ledger(data_dir)
    try:
        return sorted(m.name for m in list_members(ledger))
    finally:
        ledger.close()


def mixed_file(tmp_path):
    return write_book(tmp_path / "名册.xlsx", [
        ["姓名", "政治面貌", "身份证号"],
        ["张三", "中共党员", make_id("19800101")],
        ["李四", "团员", None],
        ["王五", "群众", None],
    ])


def test_file_with_bad_rows_is_refused_whole(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", "members", str(mixed_file(tmp_path))]) == 1
    out = capsys.readouterr().out
    assert "新增 2，更新 0，错误 1" in out
    assert "第 3 行 〔政治面貌〕：“团员”不是可选项" in out
    assert "整个文件未导入" in out
    assert members_in(data) == []


def test_dry_run_and_skip_bad_rows_and_error_report(tmp_path, capsys):
    data = tmp_path / "data"
    report = tmp_path / "错误行.xlsx"
    args = ["--data-dir", str(data), "import", "members", str(mixed_file(tmp_path)), "--skip-bad-rows"]
    assert main([*args, "--dry-run"]) == 0
    assert "没有写入任何数据" in capsys.readouterr().out
    assert members_in(data) == []
    assert main([*args, "--error-report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "第 3 行 〔政治面貌〕" in out and "已导入：新增 2，更新 0，跳过错误行 1" in out
    assert report.exists()
    assert members_in(data) == ["张三", "王五"]
    assert main(args) == 0
    assert "新增 0，更新 2" in capsys.readouterr().out
    assert members_in(data) == ["张三", "王五"]


def test_file_problems_and_unknown_kind_exit_1_with_chinese_message(tmp_path, capsys):
    data = tmp_path / "data"
    text_file = tmp_path / "名单.csv"
    text_file.write_text("姓名,政治面貌\n", encoding="utf-8")
    assert main(["--data-dir", str(data), "import", "members", str(text_file)]) == 1
    assert "错误：“名单.csv”不是 Excel 工作簿" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "import", "teachers", str(text_file)]) == 1
    assert "可导入的类型有" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "import", "members", str(tmp_path / "无.xlsx")]) == 1
    assert "找不到文件“无.xlsx”" in capsys.readouterr().err


def test_template_command_writes_a_template(tmp_path, capsys):
    from openpyxl import load_workbook

    out = tmp_path / "学生模板.xlsx"
    assert main(["--data-dir", str(tmp_path / "data"), "template", "students", "-o", str(out)]) == 0
    assert "已保存学生导入模板" in capsys.readouterr().out
    headers = [c.value for c in load_workbook(out).worksheets[0][1]]
    assert headers == ["姓名*", "班级*", "学号", "性别", "重点类别", "家长姓名", "联系电话", "家庭住址"]
