"""A meeting's minutes as a Word document, saved from the meeting list."""

from __future__ import annotations

from datetime import date, time

from docx import Document

from desktop_app.services.attachments import NewAttachment
from desktop_app.services.meetings.commands import AttendanceEntry, MeetingData, add_meeting
from desktop_app.services.settings import SchoolProfile, save_school_profile
from desktop_app.ui.context import AppContext
from desktop_app.ui.meetings.tab import MeetingsTab
from tests.meetings_support import make_branch


def test_minutes_saved_from_the_meeting_list(ui_app, ledger, qtbot, tmp_path, message_bridge):
    b = make_branch(ledger)
    save_school_profile(ledger, SchoolProfile("示例中学", "示例中学党支部"))
    add_meeting(ledger, MeetingData(
        kind="branch_assembly", date=date(2025, 11, 20), start_time=time(15, 30), place="三楼会议室",
        topic="学习贯彻全会精神", host_id=b.secretary, recorder_id=b.committee,
        agenda="一、传达文件\n二、讨论", minutes="书记传达了全会精神。", resolutions="同意发展赵积极为发展对象。",
        attendance=[AttendanceEntry(b.secretary), AttendanceEntry(b.committee),
                    AttendanceEntry(b.zhang, "leave", "外出培训"), AttendanceEntry(b.wang_fang, "absent")],
        guest_ids=[b.activist], new_attachments=[NewAttachment("签到表.jpg", b"x" * 2048)]))
    tab = MeetingsTab(AppContext(ledger))
    qtbot.addWidget(tab)
    tab.show()
    records = tab.meetings
    records.filters.period_bar.show_date(date(2025, 11, 20), "quarter")
    assert not records.minutes_button.isEnabled()
    records.view.selectRow(0)
    assert records.minutes_button.isEnabled() and records.minutes_button.text() == "保存会议记录为Word…"
    written = records.save_minutes(tmp_path / "记录.docx")
    assert written.exists() and "会议记录已保存到" in message_bridge.texts("info")[-1]
    paragraphs = [p.text for p in Document(written).paragraphs if p.text.strip()]
    assert paragraphs[0] == "示例中学党支部党员大会记录"
    assert "时间：2025年11月20日 15:30" in paragraphs
    assert "应到人数：4 人，实到 2 人，请假 1 人，缺席 1 人" in paragraphs
    assert "请假人员：张三（外出培训）" in paragraphs and "缺席人员：王芳" in paragraphs
    assert "列席人员：赵积极" in paragraphs
    assert {"一、会议议程", "二、会议内容", "三、会议决议", "同意发展赵积极为发展对象。"} <= set(paragraphs)
    assert "附件：签到表.jpg（2 KB）" in paragraphs and paragraphs[-1] == "2025年11月20日"
