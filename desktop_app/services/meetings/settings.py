"""The branch's 组织生活 settings: frequencies, the 请假 rule, the committee and its secretary."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.meetings import Frequency, LeavePolicy, frequencies_from_dict, frequencies_to_dict
from desktop_app.services import settings
from desktop_app.services.errors import UserError
from desktop_app.store.ledger import Ledger

FREQUENCIES = "meetings.frequencies"  # {duty code: {"cadence": "month", "times": 1}}
LEAVE_POLICY = "meetings.leave_policy"  # LeavePolicy code
COMMITTEE = "branch.committee"  # {"secretary": member id or null, "members": [member ids]}


@dataclass(frozen=True)
class MeetingSettings:
    frequencies: dict[str, Frequency]
    leave_policy: LeavePolicy = LeavePolicy.EXCLUDED
    secretary_id: int | None = None  # 支部书记
    committee_ids: tuple[int, ...] = field(default_factory=tuple)  # 支部委员, the secretary among them

    @property
    def committee(self) -> tuple[int, ...]:
        """The committee with the secretary first and counted once."""
        first = (self.secretary_id,) if self.secretary_id else ()
        return tuple(dict.fromkeys(first + self.committee_ids))


def load(ledger: Ledger) -> MeetingSettings:
    committee = settings.get_value(ledger, COMMITTEE, {}) or {}
    try:
        policy = LeavePolicy(settings.get_value(ledger, LEAVE_POLICY, LeavePolicy.EXCLUDED.value))
    except ValueError:
        policy = LeavePolicy.EXCLUDED
    return MeetingSettings(
        frequencies=frequencies_from_dict(settings.get_value(ledger, FREQUENCIES, {})),
        leave_policy=policy,
        secretary_id=committee.get("secretary"),
        committee_ids=tuple(committee.get("members") or ()),
    )


def save(ledger: Ledger, chosen: MeetingSettings) -> None:
    """All 组织生活 settings in one change."""
    for code, frequency in chosen.frequencies.items():
        if frequency.times < 0 or frequency.times > 31:
            raise UserError(f"次数应在 0 到 31 之间（{code}：{frequency.times}）")
    settings.set_values(ledger, {
        FREQUENCIES: frequencies_to_dict(chosen.frequencies),
        LEAVE_POLICY: chosen.leave_policy.value,
        COMMITTEE: {"secretary": chosen.secretary_id, "members": list(chosen.committee)},
    })
