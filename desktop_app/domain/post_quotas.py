"""Each post's quotas, one line per post, as the quota settings show them and the tests check them.

The figures come from the same rules the requirements use (domain/quotas.py), so the list the
school sees is the list the counting applies.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.quotas import TEACHING_POSTS, QuotaSettings, Rate, Unit, post_visit_rate
from desktop_app.domain.records import VisitKind
from desktop_app.domain.vocab import Post


@dataclass(frozen=True)
class PostQuotas:
    post: str
    observations: Rate  # 听课
    visits: Rate  # 家访 (phone) or 服务走访 (support staff)
    visit_kind: str | None
    visit_source: str  # whose figure the post takes, e.g. 任课教师 for a 学科组长
    demo_lessons: Rate | None  # 示范课, owed by a party member in this post (None: only with a subject)

    @property
    def label(self) -> str:
        return Post.label_of(self.post)

    @property
    def visits_text(self) -> str:
        if not self.visits.amount:
            return "无"
        kind = VisitKind.label_of(self.visit_kind) if self.visit_kind else ""
        source = "" if self.visit_source == self.label else f"（按{self.visit_source}）"
        return f"{self.visits}次{kind}{source}"

    @property
    def demo_text(self) -> str:
        return f"党员{self.demo_lessons}节" if self.demo_lessons else "党员有任教学科时计"


def post_quotas(settings: QuotaSettings, post: str) -> PostQuotas:
    observations = Rate(settings.observations_per_week.get(post, 0), Unit.WEEK)
    amount, source = post_visit_rate(settings, post)
    if post == Post.SUPPORT_STAFF.value and not amount:
        visits, kind, source = Rate(settings.service_visits_per_week, Unit.WEEK), VisitKind.SERVICE.value, Post.label_of(post)
    else:
        visits, kind = Rate(amount, Unit.MONTH), VisitKind.PHONE.value
    demo = settings.demo_lessons if post in TEACHING_POSTS else None
    return PostQuotas(post, observations, visits, kind if visits.amount else None, source, demo)


def all_post_quotas(settings: QuotaSettings) -> list[PostQuotas]:
    return [post_quotas(settings, post.value) for post in Post]
