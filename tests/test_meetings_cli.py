"""组织生活 on the command line: template, import and the per-kind held/due listing."""

from __future__ import annotations

from import_helpers import write_book

from desktop_app.cli.main import main
from desktop_app.store.ledger import open_ledger
from tests.meetings_support import make_branch


def test_template_import_and_listing(tmp_path, capsys):
    data = tmp_path / "data"
    ledger = open_ledger(data)
    make_branch(ledger)
    ledger.close()
    template = tmp_path / "模板.xlsx"
    assert main(["--data-dir", str(data), "template", "meetings", "-o", str(template)]) == 0
    assert template.exists()
    sheet = write_book(tmp_path / "会议.xlsx", [
        ["日期*", "类型*", "主题*", "出席", "请假"],
        ["2025-09-26", "支部委员会会议", "研究本月工作", "王书记", "李委员（外出培训）"],
        ["2025-11-05", "支部委员会会议", "研究发展对象", "王书记、李委员", ""],
    ])
    assert main(["--data-dir", str(data), "import", "meetings", str(sheet)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "meetings", "--school-year", "2025-2026"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2025-2026学年组织生活开展情况")
    committee = next(line for line in out.splitlines() if line.startswith("支部委员会会议"))
    assert "2/12" in committee and "2025年10月" in committee and "2025年9月" not in committee
    talks = next(line for line in out.splitlines() if line.startswith("谈心谈话"))
    assert "2025-2026学年：" in talks and "张三" in talks


def test_a_misspelt_school_year_is_refused(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "data"), "meetings", "--school-year", "20x"]) == 1
    assert "无法识别学年“20x”" in capsys.readouterr().err
