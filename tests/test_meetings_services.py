"""组织生活 services on a real ledger: rosters, saving meetings with attendance and attachments, talks, due."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop_app.domain.calendar import Period, school_year_period
from desktop_app.domain.meetings import DueState, LeavePolicy
from desktop_app.services import attachments
from desktop_app.services.attachments import NewAttachment
from desktop_app.services.backups import backup_now, restore
from desktop_app.services.errors import UserError, ValidationError
from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.services.meetings.commands import (
    AttendanceEntry, MeetingData, TalkData, add_meeting, add_talk, delete_meetings, update_meeting,
)
from desktop_app.services.meetings.due import due_report
from desktop_app.services.meetings.queries import attendance_lines, get_meeting, list_meetings, list_talks
from desktop_app.services.meetings.roster import expected_attendees, guest_candidates
from desktop_app.store.models.attachments import Attachment
from desktop_app.store.models.meetings import MeetingAttendance
from tests.meetings_support import make_branch

pytestmark = pytest.mark.both_engines


def _names(people):
    return [p.name for p in people]


def test_rosters_follow_the_kind_and_the_day(ledger):
    b = make_branch(ledger)
    before_chen_joined = date(2026, 2, 10)
    assert sorted(_names(expected_attendees(ledger, "branch_assembly", before_chen_joined))) == \
        sorted(["王书记", "李委员", "张三", "王芳"])
    assert "陈新" in _names(expected_attendees(ledger, "theme_day", date(2026, 3, 2)))
    assert _names(expected_attendees(ledger, "committee_meeting", before_chen_joined)) == ["王书记", "李委员"]
    assert sorted(_names(expected_attendees(ledger, "group_meeting", date(2026, 4, 1), "第二党小组"))) == \
        sorted(["李委员", "王芳", "陈新"])
    assert _names(guest_candidates(ledger, date(2026, 4, 1))) == ["赵积极"]
    assert b.activist


def _assembly(b, **changes) -> MeetingData:
    data = MeetingData(
        kind="branch_assembly", date=date(2025, 12, 20), topic="学习贯彻全会精神", place="三楼会议室",
        host_id=b.secretary, recorder_id=b.committee,
        attendance=[AttendanceEntry(b.secretary), AttendanceEntry(b.committee),
                    AttendanceEntry(b.zhang, "leave", "外出培训"), AttendanceEntry(b.wang_fang, "absent")],
        guest_ids=[b.activist], new_attachments=[NewAttachment("签到表.jpg", b"\xff\xd8" + b"x" * 3000)],
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_a_meeting_with_attendance_guests_and_a_photo(ledger):
    b = make_branch(ledger)
    meeting_id = add_meeting(ledger, _assembly(b))
    (row,) = list_meetings(ledger, Period(date(2025, 12, 1), date(2025, 12, 31)))
    assert (row.kind_label, row.host_name, row.recorder_name) == ("支部党员大会", "王书记", "李委员")
    assert (row.counts.expected, row.counts.present, row.counts.leave, row.counts.absent, row.guests) == (4, 2, 1, 1, 1)
    assert row.attachments_label == "1 个，3 KB"
    stored = get_meeting(ledger, meeting_id)
    assert {e.member_id: (e.status, e.reason) for e in stored.attendance}[b.zhang] == ("leave", "外出培训")
    assert stored.guest_ids == [b.activist]
    assert [(line.name, line.status) for line in attendance_lines(ledger, meeting_id) if line.status == "guest"] == \
        [("赵积极", "guest")]
    assert list_meetings(ledger, None, member_id=b.activist)[0].id == meeting_id
    (photo,) = attachments.attachments_of(ledger, "meeting", meeting_id)
    assert attachments.read(ledger, photo.id).content.startswith(b"\xff\xd8")

    stored.removed_attachment_ids = [photo.id]
    stored.attendance = stored.attendance[:2]
    update_meeting(ledger, meeting_id, stored)
    assert attachments.attachments_of(ledger, "meeting", meeting_id) == []
    assert list_meetings(ledger, None)[0].counts.expected == 2


def test_deleting_a_meeting_takes_its_attendance_and_attachments(ledger):
    b = make_branch(ledger)
    meeting_id = add_meeting(ledger, _assembly(b))
    delete_meetings(ledger, [meeting_id])
    with ledger.reading() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 0
        assert session.scalar(select(func.count()).select_from(MeetingAttendance)) == 0


@pytest.mark.parametrize("changes, field", [
    ({"topic": "  "}, "主题"),
    ({"kind": "group_meeting"}, "党小组"),
    ({"date": date(2099, 1, 1)}, "日期"),
    ({"guest_ids": None}, "列席"),  # filled below: a guest also on the roster
    ({"attendance": None}, "出席情况"),  # filled below: one person twice
])
def test_bad_meetings_are_refused_and_nothing_is_written(ledger, changes, field):
    b = make_branch(ledger)
    if changes.get("guest_ids", 1) is None:
        changes["guest_ids"] = [b.zhang]
    if changes.get("attendance", 1) is None:
        changes["attendance"] = [AttendanceEntry(b.zhang), AttendanceEntry(b.zhang, "absent")]
    with pytest.raises(ValidationError) as refused:
        add_meeting(ledger, _assembly(b, **changes))
    assert field in [p.field for p in refused.value.problems]
    assert list_meetings(ledger, None) == []


def test_talks_and_a_talk_with_oneself(ledger):
    b = make_branch(ledger)
    add_talk(ledger, TalkData(date=date(2025, 10, 8), talker_id=b.secretary, member_id=b.zhang, topic="思想动态"))
    (talk,) = list_talks(ledger, school_year_period("2025-2026"), member_id=b.zhang)
    assert (talk.talker_name, talk.member_name, talk.topic) == ("王书记", "张三", "思想动态")
    with pytest.raises(ValidationError, match="同一人"):
        add_talk(ledger, TalkData(date=date(2025, 10, 8), talker_id=b.zhang, member_id=b.zhang))


def test_due_report_per_group_with_a_member_who_moved_and_the_secretarys_lecture(ledger):
    b = make_branch(ledger)
    spring = Period(date(2026, 2, 1), date(2026, 4, 30), "春")

    def group_meeting(day, group, roster):
        add_meeting(ledger, MeetingData(kind="group_meeting", date=day, topic="学习", party_group=group,
                                        attendance=[AttendanceEntry(m, s) for m, s in roster]))

    # 王芳 sat in 第一党小组 in February and March, then moved to 第二党小组.
    group_meeting(date(2026, 2, 10), "第一党小组", [(b.secretary, "present"), (b.zhang, "present"),
                                                 (b.wang_fang, "present")])
    group_meeting(date(2026, 3, 10), "第一党小组", [(b.secretary, "present"), (b.zhang, "absent"),
                                                 (b.wang_fang, "leave")])
    group_meeting(date(2026, 4, 10), "第一党小组", [(b.secretary, "present"), (b.zhang, "present")])
    group_meeting(date(2026, 2, 12), "第二党小组", [(b.committee, "present")])
    group_meeting(date(2026, 4, 12), "第二党小组", [(b.committee, "present"), (b.wang_fang, "present"),
                                                 (b.late, "absent")])
    add_meeting(ledger, MeetingData(kind="party_lecture", date=date(2026, 3, 30), topic="党课", recorder_id=b.secretary))
    report = due_report(ledger, spring, today=date(2026, 5, 6))
    groups = [(line.subject, line.period.label) for line in report.missed() if line.duty == "group_meeting"]
    assert groups == [("第二党小组", "2026年3月")]
    lecture = [line for line in report.lines if line.duty == "party_lecture"]
    assert [(line.period.label, line.state) for line in lecture] == [("2026年第一季度", DueState.MET)]
    rates = {m.name: m for m in report.members}
    fang = rates["王芳"].counts
    assert (fang.expected, fang.present, fang.leave, fang.absent) == (3, 2, 1, 0)
    assert rates["王芳"].rate == 1.0  # 请假 left out of 应到 by default
    assert rates["张三"].rate == pytest.approx(2 / 3)
    assert rates["陈新"].rate == 0.0

    chosen = meeting_settings.load(ledger)
    meeting_settings.save(ledger, meeting_settings.MeetingSettings(
        chosen.frequencies, LeavePolicy.AS_ABSENT, chosen.secretary_id, chosen.committee_ids))
    assert {m.name: m.rate for m in due_report(ledger, spring, date(2026, 5, 6)).members}["王芳"] == \
        pytest.approx(2 / 3)


def test_secretary_lecture_is_due_once_a_school_year(ledger):
    b = make_branch(ledger)
    year = school_year_period("2025-2026")
    add_meeting(ledger, MeetingData(kind="party_lecture", date=date(2025, 11, 3), topic="党课", recorder_id=b.committee))
    (line,) = [line for line in due_report(ledger, year, date(2026, 9, 1)).lines if line.duty == "secretary_lecture"]
    assert (line.label, line.state) == ("书记讲党课", DueState.MISSED)
    add_meeting(ledger, MeetingData(kind="party_lecture", date=date(2026, 6, 3), topic="党课", recorder_id=b.secretary))
    (line,) = [line for line in due_report(ledger, year, date(2026, 9, 1)).lines if line.duty == "secretary_lecture"]
    assert line.state is DueState.MET


@pytest.mark.sqlite_only("backups and restores are of ledger files")
def test_attachments_travel_with_a_backup_and_restore(ledger, data_dir, tmp_path):
    b = make_branch(ledger)
    meeting_id = add_meeting(ledger, _assembly(b))
    copy = backup_now(ledger, tmp_path / "copy.sqlite3")
    delete_meetings(ledger, [meeting_id])
    ledger.close()
    restored, _result = restore(data_dir, copy)
    try:
        (photo,) = attachments.attachments_of(restored, "meeting", meeting_id)
        assert (photo.filename, photo.size) == ("签到表.jpg", 3002)
        assert attachments.read(restored, photo.id).content == b"\xff\xd8" + b"x" * 3000
    finally:
        restored.close()


def test_too_big_or_unreadable_files_are_refused(tmp_path):
    with pytest.raises(UserError, match="无法读取附件“missing.jpg”"):
        attachments.read_file(tmp_path / "missing.jpg")
    big = tmp_path / "video.mp4"
    with big.open("wb") as handle:
        handle.truncate(attachments.MAX_BYTES + 1)
    with pytest.raises(UserError, match="超过 20.0 MB"):
        attachments.read_file(big)


def test_an_attachment_is_written_out_whole(ledger, tmp_path):
    b = make_branch(ledger)
    meeting_id = add_meeting(ledger, _assembly(b))
    (photo,) = attachments.attachments_of(ledger, "meeting", meeting_id)
    written = attachments.export_copy(ledger, photo.id, tmp_path / "out" / "签到表.jpg")
    assert written.read_bytes() == b"\xff\xd8" + b"x" * 3000
    assert [p.name for p in written.parent.iterdir()] == ["签到表.jpg"]


def test_a_yearly_duty_judged_in_a_quarter_counts_meetings_from_before_the_quarter(ledger):
    b = make_branch(ledger)
    add_meeting(ledger, MeetingData(kind="organisational_life_meeting", date=date(2026, 1, 15), topic="组织生活会",
                                    attendance=[AttendanceEntry(b.zhang)]))
    q3 = Period(date(2026, 7, 1), date(2026, 9, 30), "2026年第三季度")
    report = due_report(ledger, q3, today=date(2026, 10, 8))
    (line,) = [line for line in report.lines if line.duty == "organisational_life_meeting"]
    assert (line.period.label, line.held, line.state) == ("2025-2026学年", 1, DueState.MET)
    assert {m.name: m.counts.expected for m in report.members}["张三"] == 0  # January is not in the quarter
